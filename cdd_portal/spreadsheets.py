"""Small openpyxl helpers shared by the importers and exports: fonts, header rows, bytes out."""

from __future__ import annotations

import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
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


# --- paper-form sheets ------------------------------------------------------------------------------

THAI_INT = "[$-D00041E]#,##0"
THAI_MONEY = "[$-D00041E]#,##0.00"
THAI_PLAIN = "[$-D00041E]0"
THAI_DATE = "[$-D07041E]d mmm yyyy"  # Thai digits, Buddhist era (LCID 041E, calendar 07)
FORMATS = {"integer": THAI_INT, "money": THAI_MONEY, "percent": THAI_MONEY, "date": THAI_DATE, "no": THAI_PLAIN}


class FormSheet:
    """One worksheet laid out as a paper form: centred titles, tables with one- or two-level headers
    (a group merged over its columns), typed cells (numbers stay numbers, in Thai digits; dates are
    dates shown in the Buddhist era), SUM formulas for totals, a signature block, A4 print setup.

    `width` is the number of columns the titles span; the exports of report forms write with it."""

    def __init__(self, sheet, *, landscape: bool = True):
        from openpyxl.styles import Alignment, Border, Side

        self.ws = sheet
        self.row = 1
        self.width = 1
        thin = Side(style="thin")
        self.box = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.wrap = Alignment(vertical="top", wrap_text=True)
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE if landscape else sheet.ORIENTATION_PORTRAIT
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True

    def _merge(self, row: int, col: int, rowspan: int = 1, colspan: int = 1) -> None:
        if rowspan > 1 or colspan > 1:
            self.ws.merge_cells(start_row=row, start_column=col, end_row=row + rowspan - 1,
                                end_column=col + colspan - 1)

    def title(self, text: str, *, bold: bool = True) -> None:
        cell = self.ws.cell(row=self.row, column=1, value=text)
        cell.font, cell.alignment = (HEADER_FONT if bold else CELL_FONT), self.centre
        self._merge(self.row, 1, colspan=self.width)
        self.row += 1

    def line(self, text: str, *, bold: bool = False) -> None:
        cell = self.ws.cell(row=self.row, column=1, value=text)
        cell.font = HEADER_FONT if bold else CELL_FONT
        self.row += 1

    def skip(self) -> None:
        self.row += 1

    def header(self, top: list[dict], second: list[str]) -> int:
        """`top`: [{"label", "colspan", "rowspan"}]; `second`: the labels under the groups, in order.
        Returns the row the body starts on."""
        col = 1
        second_cols = []
        for cell in top:
            self._head(self.row, col, cell["label"])
            for n in range(cell["colspan"]):  # borders on every merged cell
                for r in range(cell["rowspan"]):
                    self.ws.cell(row=self.row + r, column=col + n).border = self.box
            self._merge(self.row, col, cell["rowspan"], cell["colspan"])
            if cell["rowspan"] == 1 and second:
                second_cols += range(col, col + cell["colspan"])
            col += cell["colspan"]
        for column, label in zip(second_cols, second, strict=True):
            self._head(self.row + 1, column, label)
        self.row += 2 if second else 1
        return self.row

    def _head(self, row: int, col: int, label: str) -> None:
        cell = self.ws.cell(row=row, column=col, value=label)
        cell.font, cell.alignment, cell.border = HEADER_FONT, self.centre, self.box

    def cells(self, values: list, kinds: list[str], *, bold: bool = False) -> None:
        """A body row: each value written as its kind (integer, money, percent, date, check, no, text)."""
        for col, (value, kind) in enumerate(zip(values, kinds, strict=True), start=1):
            cell = self.ws.cell(row=self.row, column=col, value=typed(value, kind))
            cell.font = HEADER_FONT if bold else CELL_FONT
            cell.border = self.box
            if kind in FORMATS:
                cell.number_format = FORMATS[kind]
            cell.alignment = self.centre if kind in {"check", "no"} else self.wrap
        self.row += 1

    def totals(self, label: str, columns: list[int], first: int, last: int, count: int,
               kinds: list[str] | None = None) -> None:
        """A bold total row of `count` columns with =SUM() under each of `columns` (1-based), in the
        number format of the column's kind (money by default)."""
        values = [label] + [None] * (count - 1)
        for col in columns:
            letter = get_column_letter(col)
            values[col - 1] = f"=SUM({letter}{first}:{letter}{last})"
        self.cells(values, ["text"] * count, bold=True)
        for col in columns:
            kind = kinds[col - 1] if kinds else "money"
            self.ws.cell(row=self.row - 1, column=col).number_format = FORMATS.get(kind, THAI_MONEY)

    def signature(self, name: str, position: str, when: str) -> None:
        self.skip()
        col = max(self.width - 2, 1)
        for text in (_("ลงชื่อ ............................. ผู้รายงาน"), f"({name or '.............................'})",
                     _("ตำแหน่ง %(p)s") % {"p": position or "............................."},
                     _("วันที่ %(d)s") % {"d": when}):
            self.ws.cell(row=self.row, column=col, value=text).font = CELL_FONT
            self.row += 1


def typed(value, kind: str):
    """A stored form value as a spreadsheet value: numbers as numbers, ISO dates as dates, ticks as ✓."""
    from datetime import date
    from decimal import Decimal, InvalidOperation

    if value in (None, ""):
        return None
    if kind == "check":
        return "✓" if value is True else (None if value is False else value)
    if kind in {"integer", "no"}:
        try:
            return int(value)
        except (TypeError, ValueError):
            return value
    if kind in {"money", "percent"}:
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return value
    if kind == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value
