"""Workbook imports into registry lists, the way district offices actually keep their files.

Nothing is written when a file is uploaded: the rows are read as text, matched to the list's columns and
checked (a dry run); the user sees each bad row with its reason, may correct the column mapping, and
writes only by confirming — every row when all are valid, or only the valid ones if they choose.

Real workbooks vary, so the reader copes with: a title above the header (the header is the row among the
first ten that names the most columns), headers in wrapped cells or other wordings (compared without
spaces, line breaks, "*", ":", "." and with Thai digits read; then by similarity), Thai-digit numbers,
blank rows, and total rows at the bottom («รวม», «รวมทั้งสิ้น», or a row with numbers but none of the
list's names), which are skipped and listed. A column the reader cannot place is chosen by the user.
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from rapidfuzz import fuzz

from cdd_portal.accounts.scoping import registry_district
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import record
from cdd_portal.geo.models import District
from cdd_portal.lists import registry
from cdd_portal.lists.models import ListImport
from cdd_portal.spreadsheets import (
    CELL_FONT,
    cell_text,
    header_row,
    open_workbook,
    rejected_workbook,
    workbook_bytes,
)
from cdd_portal.thai import to_arabic_digits, to_thai_digits

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
HEADER_SCAN_ROWS = 10
TOTAL_WORDS = ("รวม", "รวมทั้งสิ้น", "ยอดรวม", "รวมทั้งหมด", "total")
_NOISE = re.compile(r"[\s*:.()\[\]/\-–_]+")


def _text(value) -> str:
    """A cell as text; a date cell as the B.E. date an officer would type (the checks read it back)."""
    from datetime import date, datetime

    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day}/{value.month}/{value.year + 543}"
    return cell_text(value)


def normalise_header(text) -> str:
    return _NOISE.sub("", to_arabic_digits(cell_text(text))).lower()


def _names(column: registry.Column) -> list[str]:
    return [normalise_header(n) for n in (column.label, *column.aliases) if normalise_header(n)]


def auto_mapping(registry_list: registry.RegistryList, headers: list[str]) -> dict[str, int]:
    """{column key: index in the file} for every column the header names: exactly (after normalising)
    first, then by similarity (a header that contains a column's name and little more, or is 85 % like
    it)."""
    columns = registry_list.import_columns
    keys = [normalise_header(h) for h in headers]
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    for column in columns:
        for index, key in enumerate(keys):
            if key and index not in taken and key in _names(column):
                mapping[column.key] = index
                taken.add(index)
                break
    for column in columns:
        if column.key in mapping:
            continue
        best, best_score = None, 0.0
        for index, key in enumerate(keys):
            if not key or index in taken:
                continue
            for name in _names(column):
                # a header may add words to a column's name («ชื่อกลุ่มออมทรัพย์ฯ»), but a long cell that merely
                # contains it is data («กลุ่มออมทรัพย์บ้านนาโพธิ์»)
                contains = len(name) >= 4 and name in key and len(key) <= 2 * len(name)
                score = 100.0 if contains else fuzz.ratio(name, key)
                if score > best_score:
                    best, best_score = index, score
        if best is not None and best_score >= 85:
            mapping[column.key] = best
            taken.add(best)
    return mapping


def read_workbook(file, registry_list: registry.RegistryList) -> tuple[list[str], list[list], list[dict]]:
    """(header texts, rows [[sheet row, [cell texts]]], skipped [{"row", "reason"}]). Refuses a file that
    is too big, unreadable, without data or with more than MAX_ROWS rows (stops reading there)."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_FILE_BYTES:
        raise ValidationError(_("ไฟล์ใหญ่เกิน %(mb)s MB กรุณาแบ่งเป็นหลายไฟล์") % {"mb": MAX_FILE_BYTES // (1024 * 1024)})
    workbook = open_workbook(file)
    try:
        sheet = workbook.worksheets[0]
        head: list[tuple[int, list[str]]] = []
        rows_iter = sheet.iter_rows(values_only=True)
        for number, row in enumerate(rows_iter, start=1):
            head.append((number, [_text(v) for v in row]))
            if number >= HEADER_SCAN_ROWS:
                break
        if not head:
            raise ValidationError(_("ไม่พบข้อมูลในไฟล์"))
        header_at = max(head, key=lambda item: (len(auto_mapping(registry_list, item[1])), -item[0]))[0]
        headers = dict(head)[header_at]
        rows: list[list] = []
        skipped: list[dict] = []
        name_indices = {i for k, i in auto_mapping(registry_list, headers).items()
                        if any(c.key == k and c.kind == "text" for c in registry_list.import_columns)}

        def take(number: int, cells: list[str]) -> None:
            if not any(cells):
                return
            first = next((c for c in cells if c), "")
            if normalise_header(first) in {normalise_header(w) for w in TOTAL_WORDS} or first.startswith("รวม"):
                skipped.append({"row": number, "reason": _("แถวรวม")})
                return
            if name_indices and not any(i < len(cells) and cells[i] for i in name_indices) and any(
                    to_arabic_digits(c).replace(",", "").replace(".", "").isdigit() for c in cells):
                skipped.append({"row": number, "reason": _("แถวที่มีแต่ตัวเลข (น่าจะเป็นยอดรวม)")})
                return
            rows.append([number, cells])
            if len(rows) > MAX_ROWS:
                raise ValidationError(_("ไฟล์มีข้อมูลเกิน %(max)s แถว กรุณาแบ่งเป็นหลายไฟล์")
                                      % {"max": to_thai_digits(f"{MAX_ROWS:,}")})

        for number, cells in head:
            if number > header_at:
                take(number, cells)
        for number, row in enumerate(rows_iter, start=len(head) + 1):
            take(number, [_text(v) for v in row])
    finally:
        workbook.close()
    if not rows:
        raise ValidationError(_("ไม่พบข้อมูลในไฟล์ (มีแต่หัวคอลัมน์)"))
    return headers, rows, skipped


def missing_columns(registry_list: registry.RegistryList, mapping: dict) -> list[registry.Column]:
    return [c for c in registry_list.import_columns if c.required and c.key not in mapping]


def _check(imp: ListImport, registry_list: registry.RegistryList) -> None:
    """Check every row with the mapping (nothing is written). Without a required column there are no
    rows to check: the page asks for the mapping."""
    if missing_columns(registry_list, imp.mapping):
        imp.rows = []
        return
    cells_of = [{"row": number, "cells": {key: (cells[index] if index < len(cells) else "")
                                          for key, index in imp.mapping.items()}}
                for number, cells in imp.raw]
    imp.rows = registry_list.check(imp.district, cells_of)


def _import_district(user) -> District:
    district_code = registry_district(user)
    if district_code is None:
        raise PermissionDenied(_("การนำเข้าทะเบียนทำโดยสำนักงานพัฒนาชุมชนอำเภอของพื้นที่นั้น"))
    return District.objects.get(pk=district_code)


def start_import(user, list_name: str, file, file_name: str = "") -> ListImport:
    """Read and check an uploaded workbook. Writes nothing into the registry."""
    registry_list = registry.get(list_name)
    if registry_list is None or not registry_list.imports:
        raise ValidationError(_("ทะเบียนนี้นำเข้าจากไฟล์ไม่ได้"))
    district = _import_district(user)
    headers, rows, skipped = read_workbook(file, registry_list)
    imp = ListImport(list_name=list_name, district=district, uploaded_by=user, header=headers,
                     mapping=auto_mapping(registry_list, headers), raw=rows, skipped=skipped,
                     file_name=(file_name or getattr(file, "name", "") or "import.xlsx")[:255])
    _check(imp, registry_list)
    imp.save()
    return imp


def _may_decide(user, imp: ListImport) -> None:
    if registry_district(user) != imp.district_id:
        raise PermissionDenied(_("เฉพาะสำนักงานพัฒนาชุมชน%(district)sตัดสินใจเรื่องการนำเข้านี้ได้")
                               % {"district": imp.district.full_name})
    if imp.status != ListImport.Status.PENDING:
        raise ValidationError(_("การนำเข้านี้%(status)sแล้ว") % {"status": imp.get_status_display()})


def remap(user, imp: ListImport, mapping: dict[str, int | None]) -> ListImport:
    """The user's choice of which file column is which (None: the file has no such column); re-checked."""
    _may_decide(user, imp)
    registry_list = registry.get(imp.list_name)
    keys = {c.key for c in registry_list.import_columns}
    chosen = {k: int(v) for k, v in mapping.items() if k in keys and v is not None and 0 <= int(v) < len(imp.header)}
    if len(set(chosen.values())) != len(chosen):
        raise ValidationError(_("เลือกคอลัมน์ในไฟล์เดียวกันให้หลายช่องไม่ได้"))
    imp.mapping = chosen
    _check(imp, registry_list)
    imp.save(update_fields=["mapping", "rows"])
    return imp


def confirm_import(user, imp: ListImport, *, only_valid: bool) -> int:
    """Write the rows: all of them only when every row is valid; with `only_valid`, the valid ones. The
    rows are checked again first (the registry may have changed since the upload)."""
    registry_list = registry.get(imp.list_name)
    with transaction.atomic():
        imp = ListImport.objects.select_for_update().select_related("district").get(pk=imp.pk)
        _may_decide(user, imp)
        _check(imp, registry_list)
        valid, invalid = imp.valid_rows, imp.invalid_rows
        if imp.rows and valid and (only_valid or not invalid):
            written = registry_list.write(user, imp.district, valid)
            imp.status = ListImport.Status.IMPORTED
            imp.imported_count = written
            imp.imported_at = timezone.now()
            imp.save(update_fields=["rows", "status", "imported_count", "imported_at"])
            record(user, AuditEntry.Action.IMPORT, imp, district_code=imp.district_id,
                   changes={"list": imp.list_name, "file": imp.file_name, "imported": written,
                            "rejected": len(invalid)})
            return written
        imp.save(update_fields=["rows"])
    if missing_columns(registry_list, imp.mapping):
        raise ValidationError(_("ยังไม่ได้เลือกคอลัมน์ที่จำเป็น: %(cols)s")
                              % {"cols": ", ".join(c.label for c in missing_columns(registry_list, imp.mapping))})
    if not valid:
        raise ValidationError(_("ไม่มีแถวที่ผ่านการตรวจสอบให้นำเข้า: แก้ไขไฟล์แล้วอัปโหลดใหม่"))
    raise ValidationError(_("ยังมี %(n)s แถวที่ไม่ผ่านการตรวจสอบ: แก้ไขไฟล์แล้วอัปโหลดใหม่ "
                            "หรือเลือกนำเข้าเฉพาะแถวที่ถูกต้อง") % {"n": to_thai_digits(len(invalid))})


def cancel_import(user, imp: ListImport) -> None:
    _may_decide(user, imp)
    imp.status = ListImport.Status.CANCELLED
    imp.save(update_fields=["status"])


def rejected_rows_workbook(imp: ListImport) -> bytes:
    """The rows that did not pass, as typed, with what is wrong and the closest official names."""
    registry_list = registry.get(imp.list_name)
    columns = [c for c in registry_list.import_columns if c.key in imp.mapping]
    return rejected_workbook(
        _("แถวที่ไม่ผ่าน"),
        [_("แถวในไฟล์เดิม"), *[str(c.label) for c in columns], _("ข้อผิดพลาด"), _("ชื่อที่ใกล้เคียง")],
        [12, *[c.width for c in columns], 60, 40],
        [[r["row"], *[r["cells"].get(c.key, "") for c in columns], "; ".join(r["errors"]),
          ", ".join(r.get("suggestions", []))] for r in imp.invalid_rows],
    )


def template_workbook(registry_list: registry.RegistryList, district: District | None = None) -> bytes:
    """An empty workbook with the list's import columns and a sheet explaining them."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(registry_list.title)[:31]
    columns = registry_list.import_columns
    header_row(sheet, [str(c.label) + (" *" if c.required else "") for c in columns], [c.width for c in columns])
    notes = workbook.create_sheet(_("คำอธิบาย"))
    notes.column_dimensions["A"].width = 110
    lines = [_("กรอกหนึ่งรายการต่อหนึ่งแถว เริ่มแถวที่ ๒ (คอลัมน์ที่มี * ต้องกรอก) เลขไทยหรือเลขอารบิกก็ได้"),
             _("ระบบจะตรวจทุกแถวก่อนบันทึก บอกแถวที่ผิดพร้อมเหตุผล และยังไม่บันทึกจนกว่าจะกดยืนยัน")]
    lines += [f"{c.label}: {c.help}" for c in columns if c.help]
    lines += list(registry_list.notes)
    if district is not None:
        lines.append(_("หมู่บ้านใน%(d)s: ดูได้ที่เมนูหมู่บ้าน") % {"d": district.full_name})
    for line in lines:
        notes.append([str(line)])
    for row in notes.iter_rows():
        for cell in row:
            cell.font = CELL_FONT
    return workbook_bytes(workbook)
