"""Allocation registers as XLSX (openpyxl) and PDF (WeasyPrint), in the layout of seeds 001 and 003."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter

from budgets.models import PlanItem, Register
from budgets.selectors import register_blocks
from cdd_portal.documents.pdf import render_pdf
from cdd_portal.thai import baht_text, to_thai_digits

TITLE = _("ทะเบียนการจัดสรรงบประมาณกิจกรรมตามแผนการปฏิบัติงานและแผนการใช้จ่ายงบประมาณ")
FONT = "TH SarabunPSK"
THAI_INT = "[$-D00041E]#,##0"
THAI_MONEY = "[$-D00041E]#,##0.00"
THAI_PLAIN = "[$-D00041E]0"
HEADERS = [_("ที่"), _("จังหวัด/อำเภอ"), _("จำนวนเป้าหมาย"), _("หน่วยนับ"), _("งบประมาณ (บาท)"), _("หมายเหตุ")]
WIDTHS = [7, 34, 14, 11, 18, 30]


def _root(item: PlanItem) -> PlanItem:
    while item.parent_id:
        item = item.parent
    return item


def register_context(activity: PlanItem, registers: QuerySet[Register], province_name: str | None) -> dict:
    blocks = register_blocks(registers)
    total = sum((b.total for b in blocks), Decimal("0.00"))
    project = activity.parent.parent if activity.parent_id and activity.parent.parent_id else None
    return {
        "title": str(TITLE),
        "fiscal_year": activity.fiscal_year.year,
        "plan": _root(activity).name if activity.parent_id else "",
        "project": project.name if project else "",
        "activity": activity.name,
        "area": str(_("จังหวัด%(name)s") % {"name": province_name}) if province_name else str(_("ทั้งประเทศ")),
        "blocks": blocks,
        "national": province_name is None,
        "total": total,
        "total_words": baht_text(total),
    }


def _styles(wb: Workbook) -> None:
    """Named styles: one assignment per cell (font, border, format and alignment together)."""
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    body, bold = Font(name=FONT, size=16), Font(name=FONT, size=16, bold=True)
    for name, font, fmt, align in (
        ("reg-text", body, "General", None),
        ("reg-bold", bold, "General", None),
        ("reg-no", body, THAI_PLAIN, Alignment(horizontal="center")),
        ("reg-int", body, THAI_INT, None),
        ("reg-money", body, THAI_MONEY, None),
        ("reg-bold-int", bold, THAI_INT, None),
        ("reg-bold-money", bold, THAI_MONEY, None),
        ("reg-head", bold, "General", Alignment(horizontal="center", vertical="center", wrap_text=True)),
    ):
        wb.add_named_style(NamedStyle(name=name, font=font, border=box, number_format=fmt,
                                      alignment=align or Alignment()))


def register_xlsx(context: dict) -> bytes:
    """Numbers stay numbers with a Thai-digit format; totals are SUM formulas; words under the table."""
    wb = Workbook()
    _styles(wb)
    ws = wb.active
    ws.title = str(_("ทะเบียนจัดสรร"))
    bold = Font(name=FONT, size=16, bold=True)
    titles = [context["title"], to_thai_digits(str(_("ประจำปีงบประมาณ พ.ศ. %(y)s") % {"y": context["fiscal_year"]})),
              context["plan"], f"{context['project']} {_('กิจกรรม')}{context['activity']}".strip(), context["area"]]
    titles = [t for t in titles if t]
    for row, text in enumerate(titles, start=1):
        cell = ws.cell(row=row, column=1, value=text)
        cell.font, cell.alignment = bold, Alignment(horizontal="center")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADERS))
    header_row = len(titles) + 2
    for col, (text, width) in enumerate(zip(map(str, HEADERS), WIDTHS, strict=True), start=1):
        ws.cell(row=header_row, column=col, value=text).style = "reg-head"
        ws.column_dimensions[get_column_letter(col)].width = width
    row = header_row + 1
    subtotal_cells = []

    def line(values: list, styles: tuple[str, ...]):
        nonlocal row
        for col, (value, style) in enumerate(zip(values, styles, strict=True), start=1):
            ws.cell(row=row, column=col, value=value).style = style
        row += 1

    def money(value: Decimal, bold_row: bool = False) -> str:
        kind = "money" if value != value.to_integral_value() else "int"
        return f"reg-bold-{kind}" if bold_row else f"reg-{kind}"

    for block in context["blocks"]:
        if context["national"]:
            line(["", f"{_('จังหวัด')}{block.province_name}", None, None, None, None], ("reg-bold",) * 6)
        first = row
        for item in block.lines:
            a = item.allocation
            line([item.number, item.name, a.target_count, a.target_unit or None, a.amount, a.note or None],
                 ("reg-no", "reg-text", "reg-int", "reg-text", money(a.amount), "reg-text"))
        if context["national"]:
            line(["", f"{_('รวมจังหวัด')}{block.province_name}", None, None, f"=SUM(E{first}:E{row - 1})", None],
                 ("reg-bold",) * 4 + (money(block.total, True), "reg-bold"))
            subtotal_cells.append(f"E{row - 1}")
        else:
            subtotal_cells.append(f"E{first}:E{row - 1}")
    total_formula = ("=" + "+".join(subtotal_cells)) if context["national"] else f"=SUM({subtotal_cells[0]})"
    line(["", str(_("รวม")), None, None, total_formula, None], ("reg-bold",) * 4 + (money(context["total"], True), "reg-bold"))
    words = ws.cell(row=row, column=1, value=f"({context['total_words']})")
    words.font = bold
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADERS))
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def register_pdf(context: dict, *, issuing_office: str, printed_on: date | None = None) -> bytes:
    """A4 in Sarabun; the issuing office heads every page, the print date (B.E.) closes it."""
    return render_pdf("budgets/register_pdf.html", {**context, "issuing_office": issuing_office,
                                                     "printed_on": printed_on or timezone.localdate()})
