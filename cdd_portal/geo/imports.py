"""The village workbook import: read, check every row, and write only what the user confirms.

Columns (row 1): ตำบล | หมู่ที่ | ชื่อหมู่บ้าน, and optionally รหัสตำบล (a 6-digit code wins over the name).
Nothing is written when the file is uploaded; `confirm_import` writes in one transaction, either all
rows (only when every row is valid) or just the valid ones, re-checking them against the database.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from cdd_portal.accounts.scoping import registry_district
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import record
from cdd_portal.geo import services
from cdd_portal.geo.matching import match_name
from cdd_portal.geo.models import District, Subdistrict, Village, VillageImport
from cdd_portal.spreadsheets import (
    CELL_FONT,
    HEADER_FONT,
    cell_text,
    header_row,
    open_workbook,
    rejected_workbook,
    workbook_bytes,
)
from cdd_portal.thai import ThaiParseError, parse_integer

MAX_ROWS = 2000
HEADERS = {"subdistrict": "ตำบล", "number": "หมู่ที่", "name": "ชื่อหมู่บ้าน", "code": "รหัสตำบล"}
# Other titles district offices give the same columns; compared without spaces, "*" or ":".
HEADER_ALIASES = {
    "subdistrict": ("ตำบล", "ชื่อตำบล", "ต."),
    "number": ("หมู่ที่", "หมู่", "ม."),
    "name": ("ชื่อหมู่บ้าน", "หมู่บ้าน", "ชื่อบ้าน"),
    "code": ("รหัสตำบล",),
}
REQUIRED = ("subdistrict", "number", "name")


def _header_key(title) -> str:
    # Not matching.normalise: that drops a leading "ตำบล"/"อำเภอ", which would make the titles
    # "ตำบล", "อำเภอ" and an empty cell all the same.
    return cell_text(title).replace(" ", "").strip("*:")


_HEADER_KEYS = {_header_key(alias): key for key, aliases in HEADER_ALIASES.items() for alias in aliases}


def _read_sheet(file) -> list[tuple[int, dict[str, str]]]:
    workbook = open_workbook(file)
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None) or ()
        columns: dict[str, int] = {}
        for index, title in enumerate(header):
            key = _HEADER_KEYS.get(_header_key(title))
            if key and key not in columns:
                columns[key] = index
        missing = [HEADERS[k] for k in REQUIRED if k not in columns]
        if missing:
            raise ValidationError(
                _("แถวแรกของไฟล์ต้องมีหัวคอลัมน์ %(cols)s (ไม่พบ: %(missing)s)")
                % {"cols": ", ".join(HEADERS[k] for k in REQUIRED), "missing": ", ".join(missing)}
            )
        data: list[tuple[int, dict[str, str]]] = []
        for number, row in enumerate(rows, start=2):
            cells = {k: cell_text(row[i]) if i < len(row) else "" for k, i in columns.items()}
            if not any(cells.values()):
                continue
            data.append((number, cells))
            if len(data) > MAX_ROWS:
                raise ValidationError(
                    _("ไฟล์มีข้อมูลเกิน %(max)s แถว กรุณาแบ่งเป็นหลายไฟล์") % {"max": f"{MAX_ROWS:,}"}
                )
    finally:
        workbook.close()
    if not data:
        raise ValidationError(_("ไม่พบข้อมูลหมู่บ้านในไฟล์ (มีแต่หัวคอลัมน์)"))
    return data


def check_rows(raw_rows: list[tuple[int, dict[str, str]]], district: District) -> list[dict]:
    """Check every row against the official subdistricts of `district` and the villages already kept."""
    subdistricts = list(Subdistrict.objects.filter(district=district).order_by("code"))
    names = {s.code: s.name_th for s in subdistricts}
    existing = {
        (v.subdistrict_id, v.number): v.name_th
        for v in Village.objects.filter(subdistrict__district=district).only("subdistrict_id", "number", "name_th")
    }
    seen: dict[tuple[str, int], int] = {}
    checked = []
    for sheet_row, cells in raw_rows:
        errors: list[str] = []
        suggestions: list[str] = []
        code = cells.get("code", "")
        if code and code in names:
            subdistrict_code = code
        elif code:
            subdistrict_code = None
            errors.append(_("ไม่พบรหัสตำบล %(code)s ใน%(district)s") % {"code": code, "district": district.full_name})
        elif not cells["subdistrict"]:
            subdistrict_code = None
            errors.append(_("ไม่ได้กรอกชื่อตำบล"))
        else:
            match = match_name(cells["subdistrict"], names.items())
            subdistrict_code = match.key
            suggestions = match.suggestions
            if subdistrict_code is None:
                errors.append(_("ไม่พบตำบล «%(name)s» ใน%(district)s")
                              % {"name": cells["subdistrict"], "district": district.full_name})
        number = None
        try:
            number = parse_integer(cells["number"]) if cells["number"] else None
        except ThaiParseError:
            pass
        if number is None or not 1 <= number <= 99:
            errors.append(_("หมู่ที่ต้องเป็นเลข ๑ ถึง ๙๙ (ได้ «%(value)s»)") % {"value": cells["number"]})
            number = None
        name = cells["name"]
        if not name:
            errors.append(_("ไม่ได้กรอกชื่อหมู่บ้าน"))
        elif len(name) > 150:
            errors.append(_("ชื่อหมู่บ้านยาวเกิน ๑๕๐ ตัวอักษร"))
        if subdistrict_code and number:
            key = (subdistrict_code, number)
            if key in existing:
                errors.append(_("ตำบล%(sub)sมีหมู่ที่ %(number)s อยู่แล้ว (%(name)s)")
                              % {"sub": names[subdistrict_code], "number": number, "name": existing[key]})
            elif key in seen:
                errors.append(_("หมู่ที่ %(number)s ของตำบล%(sub)s ซ้ำกับแถวที่ %(row)s ในไฟล์")
                              % {"number": number, "sub": names[subdistrict_code], "row": seen[key]})
            else:
                seen[key] = sheet_row
        checked.append({
            "row": sheet_row,
            "subdistrict_text": cells["subdistrict"],
            "code_text": code,
            "number_text": cells["number"],
            "name": name,
            "subdistrict": subdistrict_code,
            "subdistrict_name": names.get(subdistrict_code or "", ""),
            "number": number,
            "errors": errors,
            "suggestions": suggestions,
        })
    return checked


def _import_district(user) -> District:
    district_code = registry_district(user)
    if district_code is None:
        raise PermissionDenied(_("การนำเข้าหมู่บ้านทำโดยสำนักงานพัฒนาชุมชนอำเภอของพื้นที่นั้น"))
    return District.objects.get(pk=district_code)


def parse_village_workbook(file, district: District) -> list[dict]:
    """Read an uploaded workbook and check every row for `district`. Raises ValidationError for a file
    that cannot be used at all (not an xlsx, no header, no rows, too many rows). Writes nothing."""
    return check_rows(_read_sheet(file), district)


def start_import(user, file, file_name: str | None = None) -> VillageImport:
    """Read and check an uploaded workbook. Writes no village."""
    district = _import_district(user)
    rows = parse_village_workbook(file, district)
    file_name = file_name or getattr(file, "name", None) or "villages.xlsx"
    return VillageImport.objects.create(district=district, uploaded_by=user, file_name=file_name[:255], rows=rows)


def _check_may_decide(user, imp: VillageImport) -> None:
    if registry_district(user) != imp.district_id:
        raise PermissionDenied(_("เฉพาะสำนักงานพัฒนาชุมชน%(district)sยืนยันการนำเข้านี้ได้")
                               % {"district": imp.district.full_name})
    if imp.status != VillageImport.Status.PENDING:
        raise ValidationError(_("การนำเข้านี้%(status)sแล้ว") % {"status": imp.get_status_display()})


def confirm_import(user, imp: VillageImport, *, only_valid: bool) -> int:
    """Write the villages: all rows only when every row is valid; with `only_valid`, the valid ones.
    Rows are checked again first, so a village added since the upload makes its row invalid: an "import
    all" then writes nothing and says why; with `only_valid` that row is skipped, and it stays in
    `imp.rows` with its reason (and in the rejected-rows workbook). Returns the number written."""
    with transaction.atomic():
        imp = VillageImport.objects.select_for_update().select_related("district").get(pk=imp.pk)
        _check_may_decide(user, imp)
        raw = [(r["row"], {"subdistrict": r["subdistrict_text"], "code": r["code_text"],
                           "number": r["number_text"], "name": r["name"]}) for r in imp.rows]
        imp.rows = check_rows(raw, imp.district)
        invalid = imp.invalid_rows
        valid = imp.valid_rows
        if (invalid and not only_valid) or not valid:
            imp.save(update_fields=["rows"])
        else:
            subdistricts = {s.code: s for s in Subdistrict.objects.filter(code__in={r["subdistrict"] for r in valid})}
            for row in valid:
                services.create_village(user, subdistrict=subdistricts[row["subdistrict"]], number=row["number"],
                                        name_th=row["name"])
            imp.status = VillageImport.Status.IMPORTED
            imp.imported_count = len(valid)
            imp.imported_at = timezone.now()
            imp.save(update_fields=["rows", "status", "imported_count", "imported_at"])
            record(user, AuditEntry.Action.IMPORT, imp, district_code=imp.district_id,
                   changes={"file": imp.file_name, "imported": len(valid), "rejected": len(invalid)})
            return len(valid)
    if not valid:
        raise ValidationError(_("ไม่มีแถวที่ผ่านการตรวจสอบให้นำเข้า: แก้ไขไฟล์แล้วอัปโหลดใหม่"))
    raise ValidationError(_("ยังมี %(n)s แถวที่ไม่ผ่านการตรวจสอบ: แก้ไขไฟล์แล้วอัปโหลดใหม่ "
                            "หรือเลือกนำเข้าเฉพาะแถวที่ถูกต้อง") % {"n": len(invalid)})


def cancel_import(user, imp: VillageImport) -> None:
    _check_may_decide(user, imp)
    imp.status = VillageImport.Status.CANCELLED
    imp.save(update_fields=["status"])


def rejected_rows_workbook(imp: VillageImport) -> bytes:
    """The rows that did not pass, as typed, with what is wrong and the closest official names."""
    return rejected_workbook(
        "แถวที่ไม่ผ่าน",
        ["แถวในไฟล์เดิม", "ตำบล", "รหัสตำบล", "หมู่ที่", "ชื่อหมู่บ้าน", "ข้อผิดพลาด", "ชื่อตำบลที่ใกล้เคียง"],
        [12, 20, 12, 10, 30, 60, 40],
        [[r["row"], r["subdistrict_text"], r["code_text"], r["number_text"], r["name"], "; ".join(r["errors"]),
          ", ".join(r["suggestions"])] for r in imp.invalid_rows],
    )


def template_workbook(district: District | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "หมู่บ้าน"
    header_row(sheet, [HEADERS["subdistrict"], HEADERS["number"], HEADERS["name"]], [24, 10, 36])
    notes = workbook.create_sheet("คำอธิบาย")
    notes.column_dimensions["A"].width = 100
    lines = [
        "กรอกหนึ่งหมู่บ้านต่อหนึ่งแถว เริ่มแถวที่ ๒ ของแผ่นงาน «หมู่บ้าน»",
        "ตำบล: ชื่อตำบลตามทะเบียนกรมการปกครอง (จะมีหรือไม่มีคำว่า «ตำบล» นำหน้าก็ได้)",
        "หมู่ที่: เลข ๑ ถึง ๙๙ (เลขไทยหรือเลขอารบิก)",
        "ชื่อหมู่บ้าน: เช่น บ้านหนองบัว",
        "ระบบจะตรวจทุกแถวก่อนบันทึก และบอกชื่อตำบลที่ใกล้เคียงเมื่อสะกดไม่ตรง",
    ]
    if district is not None:
        lines.append(f"ตำบลใน{district.full_name}: "
                     + ", ".join(district.subdistricts.order_by("code").values_list("name_th", flat=True)))
    for line in lines:
        notes.append([line])
    for row in (*sheet.iter_rows(min_row=1), *notes.iter_rows()):
        for cell in row:
            cell.font = HEADER_FONT if cell.row == 1 and cell.parent is sheet else CELL_FONT
    return workbook_bytes(workbook)
