"""Import of an allocation register as provinces keep it today (seed 001): title lines, then a header
row with the district column and the amount, one row per district, the สพจ. line, a รวม row.

District names are matched to the official list of the register's province; a name that does not
match (ตาลชุม, บุญศรี) is reported with the closest official names (ตาลสุม, บุณฑริก). Nothing is written
until the user confirms a clean set; the rejected rows download as a workbook.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from budgets import services
from budgets.models import AllocationImport, Register
from cdd_portal.accounts.models import Office
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import record
from cdd_portal.geo.matching import match_name
from cdd_portal.spreadsheets import cell_text, open_workbook, rejected_workbook
from cdd_portal.thai import ThaiParseError, parse_decimal, parse_integer

MAX_ROWS = 2000
NAME_HEADERS = ("อำเภอ", "จังหวัด/อำเภอ", "หน่วยงาน", "สำนักงาน")
AMOUNT_HEADERS = ("งบประมาณ", "จำนวนเงิน", "งบประมาณ(บาท)", "จำนวนเงิน(บาท)")
TARGET_HEADERS = ("จำนวนเป้าหมาย", "เป้าหมาย", "จำนวนกลุ่มเป้าหมาย")
NOTE_HEADERS = ("หมายเหตุ",)
PROVINCE_LINE = re.compile(r"^(สพจ\.?|สำนักงานพัฒนาชุมชนจังหวัด)")
TOTAL_LINE = re.compile(r"^(รวม|รวมทั้งสิ้น|รวมทั้งหมด)$")


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    wanted = {n.replace(" ", "") for n in names}
    for index, title in enumerate(header):
        if title.replace(" ", "") in wanted:
            return index
    return None


def _find_header(rows: list[list[str]]) -> tuple[int, dict[str, int]]:
    """The first row (within the first 20) that names a unit column; the amount is that column's own
    name or, in the seed layout, a column of numbers under a project title ("งบประมาณ" one row below)."""
    for index, row in enumerate(rows[:20]):
        name = _column(row, NAME_HEADERS)
        if name is None:
            continue
        columns = {"name": name}
        for key, names in (("amount", AMOUNT_HEADERS), ("target", TARGET_HEADERS), ("note", NOTE_HEADERS)):
            found = _column(row, names)
            for below in rows[index + 1:index + 3]:  # seed 001 puts "งบประมาณ" two rows under the header
                found = found if found is not None else _column(below, names)
            if found is not None:
                columns[key] = found
        if "amount" in columns:
            return index, columns
    raise ValidationError(_("ไม่พบหัวตาราง: ต้องมีคอลัมน์ «อำเภอ» (หรือ «จังหวัด/อำเภอ») และ «งบประมาณ»"))


def _is_number(text: str) -> bool:
    try:
        parse_decimal(text)
    except ThaiParseError:
        return False
    return True


def _amount_column(body: list[list[str]], columns: dict[str, int]) -> int:
    """A merged header cell ("งบประมาณ" over two columns) leaves the numbers one column to its right:
    take the first column from the header's that holds numbers in most named rows."""
    named = [row for row in body if columns["name"] < len(row) and row[columns["name"]]]
    for index in range(columns["amount"], max((len(r) for r in body), default=0)):
        numbers = sum(1 for row in named if index < len(row) and _is_number(row[index]))
        if named and numbers * 2 >= len(named):
            return index
    return columns["amount"]


def parse(file) -> tuple[list[tuple[int, dict[str, str]]], str | None]:
    workbook = open_workbook(file)
    try:
        rows = [[cell_text(v) for v in row] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    header, columns = _find_header(rows)
    columns["amount"] = _amount_column(rows[header + 1:], columns)
    data, file_total = [], None
    for number, row in enumerate(rows[header + 1:], start=header + 2):
        cells = {k: (row[i] if i < len(row) else "") for k, i in columns.items()}
        if not cells["name"] and not cells["amount"]:
            continue
        if cells["name"] in AMOUNT_HEADERS + TARGET_HEADERS or (not cells["name"] and not any(
                ch.isdigit() for ch in cells["amount"])):
            continue  # a second header line
        if TOTAL_LINE.match(cells["name"].replace(" ", "")):
            file_total = cells["amount"]
            continue
        data.append((number, cells))
        if len(data) > MAX_ROWS:
            raise ValidationError(_("ไฟล์มีข้อมูลเกิน %(max)s แถว") % {"max": f"{MAX_ROWS:,}"})
    if not data:
        raise ValidationError(_("ไม่พบรายการจัดสรรในไฟล์"))
    return data, file_total


def check_rows(raw: list[tuple[int, dict[str, str]]], register: Register) -> list[dict]:
    province = register.province
    offices = {o.district_id: o for o in Office.objects.filter(province=province, level=Office.Level.DISTRICT)
               .select_related("district")}
    candidates = [(code, office.district.name_th) for code, office in offices.items()]
    existing = set(register.allocations.values_list("office__code", "line"))
    seen: dict[str, int] = {}
    checked = []
    for sheet_row, cells in raw:
        errors: list[str] = []
        suggestions: list[str] = []
        name = cells["name"]
        office_code = None
        if PROVINCE_LINE.match(name):
            office_code = province.code
        elif not name:
            errors.append(_("ไม่ได้กรอกชื่ออำเภอ"))
        else:
            match = match_name(name, candidates)
            if match.key:
                office_code = match.key
            else:
                suggestions = match.suggestions
                errors.append(_("ไม่พบอำเภอ «%(name)s» ใน%(province)s") % {"name": name, "province": province.full_name})
        amount = None
        try:
            amount = parse_decimal(cells["amount"])
            if amount < 0:
                raise ThaiParseError("negative")
        except ThaiParseError:
            errors.append(_("งบประมาณ «%(value)s» ไม่ใช่จำนวนเงินที่ถูกต้อง") % {"value": cells["amount"]})
            amount = None
        target = None
        if cells.get("target"):
            try:
                target = parse_integer(cells["target"])
            except ThaiParseError:
                errors.append(_("จำนวนเป้าหมาย «%(value)s» ต้องเป็นจำนวนเต็ม") % {"value": cells["target"]})
        if office_code:
            if office_code in seen:
                errors.append(_("%(name)s ซ้ำกับแถวที่ %(row)s") % {"name": name, "row": seen[office_code]})
            elif (office_code, "") in existing:
                errors.append(_("%(name)s มีรายการในทะเบียนนี้แล้ว") % {"name": name})
            else:
                seen[office_code] = sheet_row
        checked.append({"row": sheet_row, "name": name, "amount_text": cells["amount"],
                        "target_text": cells.get("target", ""), "note": cells.get("note", ""),
                        "office": office_code, "amount": str(amount) if amount is not None else None,
                        "target": target, "errors": errors, "suggestions": suggestions})
    return checked


def start_import(user, register: Register, file, file_name: str) -> AllocationImport:
    if not services.can_manage_province(user, register.province_id):
        raise PermissionDenied(_("เฉพาะสำนักงานพัฒนาชุมชนจังหวัดหรือผู้ดูแลระบบนำเข้าทะเบียนนี้ได้"))
    if register.status != Register.Status.DRAFT:
        raise ValidationError(_("ทะเบียนนี้ยืนยันแล้ว นำเข้าเพิ่มไม่ได้"))
    raw, file_total = parse(file)
    rows = check_rows(raw, register)
    total = None
    if file_total:
        try:
            total = parse_decimal(file_total)
        except ThaiParseError:
            total = None
    return AllocationImport.objects.create(register=register, uploaded_by=user, file_name=file_name[:255],
                                           rows=rows, file_total=total)


def summary(imp: AllocationImport) -> dict:
    """Sum of the valid rows, against the file's own รวม line and the register's stated budget."""
    rows_total = sum((Decimal(r["amount"]) for r in imp.rows if r["amount"] is not None), Decimal("0.00"))
    return {"rows_total": rows_total, "file_total": imp.file_total, "stated": imp.register.stated_budget,
            "file_total_matches": imp.file_total is None or imp.file_total == rows_total,
            "matches_stated": rows_total == imp.register.stated_budget}


def confirm_import(user, imp: AllocationImport) -> int:
    """Write every row, in one transaction, only when every row is valid."""
    with transaction.atomic():
        imp = AllocationImport.objects.select_for_update().select_related("register__province").get(pk=imp.pk)
        if not services.can_manage_province(user, imp.register.province_id):
            raise PermissionDenied(_("เฉพาะสำนักงานพัฒนาชุมชนจังหวัดหรือผู้ดูแลระบบนำเข้าทะเบียนนี้ได้"))
        if imp.status != AllocationImport.Status.PENDING:
            raise ValidationError(_("การนำเข้านี้%(status)sแล้ว") % {"status": imp.get_status_display()})
        raw = [(r["row"], {"name": r["name"], "amount": r["amount_text"], "target": r["target_text"],
                           "note": r["note"]}) for r in imp.rows]
        imp.rows = check_rows(raw, imp.register)
        invalid = imp.invalid_rows
        if invalid:
            imp.save(update_fields=["rows"])
        else:
            offices = {o.code: o for o in Office.objects.filter(code__in=[r["office"] for r in imp.rows])}
            for r in imp.rows:
                services.add_allocation(user, imp.register, office=offices[r["office"]], amount=Decimal(r["amount"]),
                                        target_count=r["target"], note=r["note"])
            imp.status = AllocationImport.Status.IMPORTED
            imp.save(update_fields=["rows", "status"])
            record(user, AuditEntry.Action.IMPORT, imp.register,
                   changes={"file": imp.file_name, "rows": len(imp.rows)})
            return len(imp.rows)
    raise ValidationError(_("ยังมี %(n)s แถวที่ไม่ผ่านการตรวจสอบ: แก้ไขไฟล์แล้วอัปโหลดใหม่") % {"n": len(invalid)})


def rejected_rows_workbook(imp: AllocationImport) -> bytes:
    return rejected_workbook(
        _("แถวที่ไม่ผ่าน"), [_("แถวในไฟล์เดิม"), _("อำเภอ"), _("จำนวนเป้าหมาย"), _("งบประมาณ"), _("หมายเหตุ"),
                             _("ข้อผิดพลาด"), _("ชื่ออำเภอที่ใกล้เคียง")], [12, 24, 14, 14, 24, 60, 40],
        [[r["row"], r["name"], r["target_text"], r["amount_text"], r["note"], "; ".join(r["errors"]),
          ", ".join(r["suggestions"])] for r in imp.invalid_rows],
    )

