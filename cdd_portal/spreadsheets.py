"""Small openpyxl helpers shared by the importers and exports: fonts, header rows, bytes out."""

from __future__ import annotations

import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException

CELL_FONT = Font(name="TH SarabunPSK", size=14)
HEADER_FONT = Font(name="TH SarabunPSK", size=14, bold=True)


def cell_text(value) -> str:
    """A cell as the user sees it, whitespace folded; 12.0 read back as "12"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def open_workbook(file):
    try:
        return load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError(_("อ่านไฟล์ไม่ได้: กรุณาใช้ไฟล์ Excel (.xlsx) ตามแบบฟอร์มของระบบ")) from exc


def header_row(sheet, titles: list[str], widths: list[int]) -> None:
    sheet.append(titles)
    for cell, width in zip(sheet[sheet.max_row], widths, strict=True):
        cell.font = HEADER_FONT
        cell.fill = PatternFill("solid", fgColor="EFE7F4")
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = f"A{sheet.max_row + 1}"


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def set_body_font(sheet, *, min_row: int = 1) -> None:
    """The Thai body face on every written cell from `min_row` on."""
    for row in sheet.iter_rows(min_row=min_row):
        for cell in row:
            cell.font = CELL_FONT


def rejected_workbook(title: str, headers: list[str], widths: list[int], rows: list[list]) -> bytes:
    """The rows an import refused, with what is wrong, as a workbook the user can fix and upload again."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    header_row(sheet, headers, widths)
    for row in rows:
        sheet.append(row)
    set_body_font(sheet, min_row=2)
    return workbook_bytes(workbook)
