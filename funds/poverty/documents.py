"""The กข.คจ. reports as export kinds of the document pipeline (cdd_portal.documents), in the layout of the
forms attached to the 2553 regulation (fund-registries.md §3.8), as PDF (Thai digits, Buddhist-era dates,
the signature block kept with the table) and XLSX (numbers as numbers in Thai-digit formats):

- "poverty-village-debt": แบบรายงานภาวะหนี้สินฐานะการเงิน of one village fund (params fund, on);
- "poverty-26-1": แบบ ๒๖(๑), a district's villages (district, on);
- "poverty-26-2": แบบ ๒๖(๒), a province's districts (province, on);
- "poverty-database": the ข้อ ๒๗ village database of a province, or of one of its districts (province,
  district, on);
- "poverty-debtors": a district's debtors (district, on, only).

Each report is first laid out as one `Sheet` (titles, a one- or two-level header, typed rows, the total,
สรุป lines, notes, signatures); the pages show the same sheet, the PDF and the XLSX print it.
`register_documents()` registers the kinds (called from PovertyConfig.ready)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from cdd_portal.accounts.scoping import sees_district, sees_whole_province
from cdd_portal.documents.pdf import render_pdf
from cdd_portal.documents.registry import ExportKind
from cdd_portal.geo.models import District, Province
from cdd_portal.spreadsheets import CELL_FONT, FORMATS, HEADER_FONT, FormSheet, typed, workbook_bytes
from cdd_portal.thai import parse_be_date, thai_date, to_thai_digits
from funds.poverty import reports
from funds.poverty.models import VillageFund

PDF_TEMPLATE = "funds/poverty/reports/sheet_pdf.html"
NUMERIC = {"integer", "money"}


@dataclass
class Sheet:
    """One report laid out as its paper form. `top`/`second`: the header rows as FormSheet.header takes them;
    `kinds`: each column's kind (no, text, integer, money, date); `rows` and `totals`: the cell values;
    `links`: for the screen, a URL per row for its name (column 2) or None; `summary`: (label, value, kind,
    unit) lines under the table; `signatures`: the positions that sign."""

    title: str
    form: str
    lines: list[str]
    top: list[dict]
    second: list[str]
    kinds: list[str]
    widths: list[int]
    rows: list[list] = field(default_factory=list)
    totals: list | None = None
    links: list[str | None] = field(default_factory=list)
    summary: list[tuple] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    signatures: list[str] = field(default_factory=list)
    issuing_office: str = ""
    as_of: date | None = None
    name: str = "report"
    sheet_title: str = "รายงาน"
    font_size: int = 13
    page: object = None  # the screen's Paginator page, when the sheet shows one page of its rows

    def header_cells(self) -> list[dict]:
        return [{"label": h["label"], "colspan": h.get("colspan", 1), "rowspan": h.get("rowspan", 1)} for h in self.top]

    @property
    def percent_widths(self) -> list[str]:
        total = sum(self.widths) or 1
        return [f"{100 * w / total:.1f}" for w in self.widths]

    def pairs(self) -> list[list[tuple]]:
        return [list(zip(row, self.kinds, strict=True)) for row in self.rows]

    def linked(self) -> list[tuple[list[tuple], str | None]]:
        """The screen's rows: (cells with their kinds, the URL of the row's name or None)."""
        links = self.links or [None] * len(self.rows)
        return list(zip(self.pairs(), links, strict=True))

    def total_pairs(self) -> list[tuple]:
        return list(zip(self.totals, self.kinds, strict=True)) if self.totals else []

    def data(self) -> object:
        """Every value the document prints (the pipeline's fingerprint)."""
        return [self.lines, self.rows, self.totals, self.summary, self.notes]


def _plain(labels: list[str]) -> list[dict]:
    return [{"label": label, "colspan": 1, "rowspan": 1} for label in labels]


def as_of_line(day: date) -> str:
    return _("ณ วันที่ %(d)s") % {"d": thai_date(day)}


def district_office(district: District) -> str:
    return _("สำนักงานพัฒนาชุมชนอำเภอ%(name)s") % {"name": district.name_th}


def province_office(province: Province) -> str:
    return _("สำนักงานพัฒนาชุมชนจังหวัด%(name)s") % {"name": province.name_th}


def area_line(district: District | None, province: Province) -> str:
    if district is not None:
        return _("อำเภอ%(d)s จังหวัด%(p)s") % {"d": district.name_th, "p": province.name_th}
    return _("จังหวัด%(p)s") % {"p": province.name_th}


# --- the sheets ------------------------------------------------------------------------------------

DEBT_TITLE = gettext_lazy("แบบรายงานภาวะหนี้สินฐานะการเงินโครงการแก้ไขปัญหาความยากจน (กข.คจ.)")


def village_debt_sheet(fund: VillageFund, as_of: date) -> Sheet:
    report = reports.village_debt(fund, as_of)
    village = fund.village
    s = report.summary
    lines = [
        _("บ้าน%(v)s หมู่ที่ %(n)s ตำบล%(s)s อำเภอ%(d)s จังหวัด%(p)s") % {
            "v": village.name_th.removeprefix("บ้าน"), "n": village.number, "s": village.subdistrict.name_th,
            "d": fund.district.name_th, "p": fund.district.province.name_th},
        _("ปีที่เริ่มดำเนินการ พ.ศ. %(y)s · มีครัวเรือนทั้งหมด %(all)s ครัวเรือน · ครัวเรือนเป้าหมาย %(t)s ครัวเรือน") % {
            "y": fund.funded_year or "-", "all": fund.households_total if fund.households_total is not None else "-",
            "t": s["households_count"]},
        as_of_line(as_of),
    ]
    sheet = Sheet(
        title=str(DEBT_TITLE), form=_("รายงานระดับหมู่บ้าน"), lines=[to_thai_digits(x) for x in lines],
        top=_plain([_("ที่"), _("ชื่อ–สกุลผู้ยืมเงิน (รวมผู้ที่ส่งคืนหมดแล้ว)"), _("ว/ด/ป ที่ได้รับเงินยืม"),
                    _("จำนวนเงินที่ให้ยืม (บาท)"), _("จำนวนเงินส่งคืนแล้ว (บาท)"), _("จำนวนเงินที่ค้างอยู่ (บาท)"),
                    _("เป็นการยืมรอบที่"), _("หมายเหตุ")]),
        second=[], kinds=["no", "text", "date", "money", "money", "money", "integer", "text"],
        widths=[6, 30, 13, 14, 14, 14, 9, 16],
        rows=[[r.number, r.name, r.received_on, r.amount, r.repaid, r.outstanding, r.round, r.note]
              for r in report.rows],
        totals=["", _("รวม"), None, report.totals["amount"], report.totals["repaid"], report.totals["outstanding"],
                None, ""],
        summary=[
            (_("๑. จำนวนผู้ยืม"), s["borrowers"], "integer", _("ครัวเรือน")),
            (_("๒. เงินที่ให้ยืม (คงค้างอยู่ที่ครัวเรือน)"), s["outstanding"], "money", _("บาท")),
            (_("๓. เงินในบัญชีธนาคาร"), s["bank"], "money", _("บาท")),
            (_("๔. เงินในมือหรืออื่น ๆ"), s["in_hand"], "money", _("บาท")),
            (_("๕. รวมเงินทุน กข.คจ. ทั้งหมด"), s["total"], "money", _("บาท")),
            (_("๖. เงินที่ได้รับคืนรอบปีนี้"), s["repaid_in_year"], "money", _("บาท")),
        ],
        signatures=[_("ประธานคณะกรรมการ กข.คจ. หมู่บ้าน"), _("พัฒนากร")],
        issuing_office=district_office(fund.district), as_of=as_of, name=f"kkkj-village-{fund.pk}-{as_of}",
        sheet_title=_("ภาวะหนี้สิน"))
    if s["lost"]:
        sheet.notes.append(_("เงินยืมที่ตัดหนี้สูญแล้วยังค้างอยู่ %(a)s บาท (เงินทุนที่ขาดหายไป) ไม่นับรวมในข้อ ๒ และข้อ ๕")
                           % {"a": to_thai_digits(f"{s['lost']:,.2f}")})
    sheet.notes.append(_("ข้อ ๔ คือเงินทุนที่ไม่อยู่ที่ครัวเรือนและไม่อยู่ในบัญชีธนาคาร (เงินทุนเริ่มต้น − ข้อ ๒ − ข้อ ๓ − เงินที่ขาดหายไป) "
                         "ติดลบแสดงว่าบัญชียังไม่ตรงกัน"))
    return sheet


SUMMARY_HEADERS = [gettext_lazy("ครัวเรือนทั้งหมด"), gettext_lazy("ครัวเรือนเป้าหมาย"),
                   gettext_lazy("ได้รับเงินยืม (ครัวเรือน)"), gettext_lazy("ยอดเงินคงค้าง (บาท)"),
                   gettext_lazy("เงินในบัญชีธนาคาร (บาท)"), gettext_lazy("เงินในมือ (บาท)"),
                   gettext_lazy("รวมเงินที่มี (บาท)"), gettext_lazy("ได้รับคืนรอบปี (บาท)")]
SUMMARY_KINDS = ["integer", "integer", "integer", "money", "money", "money", "money", "money"]


def _summary_cells(row: reports.SummaryRow) -> list:
    return [getattr(row, name) for name in reports.SUMMARY_COLUMNS]


def district_sheet(district: District, as_of: date, *, link=None) -> Sheet:
    data = reports.district_summary(district, as_of)
    return Sheet(
        title=_("แบบรายงานภาวะหนี้สินและฐานะการเงินโครงการแก้ไขปัญหาความยากจน (กข.คจ.) ระดับอำเภอ"),
        form=_("แบบ ๒๖(๑)"), lines=[area_line(district, district.province), as_of_line(as_of)],
        top=_plain([_("ที่"), _("ชื่อหมู่บ้าน"), *map(str, SUMMARY_HEADERS)]), second=[],
        kinds=["no", "text", *SUMMARY_KINDS], widths=[6, 30, 11, 11, 11, 15, 15, 14, 15, 14],
        rows=[[n, row.label + (_(" (ยุติ)") if row.stopped else ""), *_summary_cells(row)]
              for n, row in enumerate(data["rows"], 1)],
        links=[link(row) if link else None for row in data["rows"]],
        totals=["", _("รวมทั้งสิ้น"), *_summary_cells(data["total"])],
        signatures=[_("พัฒนากร"), _("พัฒนาการอำเภอ")], issuing_office=district_office(district), as_of=as_of,
        name=f"kkkj-26-1-{district.code}-{as_of}", sheet_title=_("แบบ 26(1)"))


def province_sheet(province: Province, as_of: date, *, link=None) -> Sheet:
    data = reports.province_summary(province, as_of)
    return Sheet(
        title=_("แบบรายงานภาวะหนี้สินและฐานะการเงินโครงการแก้ไขปัญหาความยากจน (กข.คจ.) ระดับจังหวัด"),
        form=_("แบบ ๒๖(๒)"), lines=[area_line(None, province), as_of_line(as_of)],
        top=_plain([_("ที่"), _("ชื่ออำเภอ"), _("จำนวนตำบล"), _("จำนวนหมู่บ้าน"), *map(str, SUMMARY_HEADERS)]),
        second=[], kinds=["no", "text", "integer", "integer", *SUMMARY_KINDS],
        widths=[4, 17, 10, 10, 10, 10, 10, 15, 16, 14, 16, 14],
        rows=[[n, row.label, row.subdistricts, row.villages, *_summary_cells(row)]
              for n, row in enumerate(data["rows"], 1)],
        links=[link(row) if link else None for row in data["rows"]],
        totals=["", _("รวม"), data["total"].subdistricts, data["total"].villages, *_summary_cells(data["total"])],
        signatures=[_("พัฒนาการอำเภอ"), _("พัฒนาการจังหวัด")], issuing_office=province_office(province),
        as_of=as_of, name=f"kkkj-26-2-{province.code}-{as_of}", sheet_title=_("แบบ 26(2)"), font_size=12)


L = gettext_lazy
DATABASE_TOP = [
    {"label": L("ที่"), "rowspan": 2}, {"label": L("ชื่อหมู่บ้าน"), "rowspan": 2},
    {"label": L("ฐานข้อมูล"), "colspan": 4}, {"label": L("รายได้ผ่านเกณฑ์ จปฐ."), "colspan": 2},
    {"label": L("เงินทุนโครงการ กข.คจ. ทั้งหมด (บาท) (ช)"), "rowspan": 2},
    {"label": L("ครัวเรือนยืมคงค้าง (ไม่ผิดนัด)"), "colspan": 2}, {"label": L("เงินฝากธนาคาร (บาท) (ญ)"), "rowspan": 2},
    {"label": L("เงินทุนที่ขาดหายไป (บาท) (ฎ)"), "rowspan": 2},
    {"label": L("ครัวเรือนผิดนัด (ไม่อยู่ในเกณฑ์ผ่อนผัน)"), "colspan": 2},
    {"label": L("ระดับการพัฒนา (ฒ)"), "rowspan": 2}, {"label": L("หน่วยงานสนับสนุนอื่น (ณ)"), "rowspan": 2},
]
DATABASE_SECOND = [L("ครัวเรือนเป้าหมาย (ก)"), L("คน (ข)"), L("ได้รับเงินยืม (ค)"), L("คน (ง)"), L("ครัวเรือน (จ)"),
                   L("คน (ฉ)"), L("ครัวเรือน (ซ)"), L("เงินยืม (บาท) (ฌ)"), L("ครัวเรือน (ฐ)"), L("เงินยืม (บาท) (ฑ)")]


def _database_cells(row: reports.DatabaseRow) -> list:
    return [row.households_count, row.households_members, row.borrowers_count, row.borrowers_members,
            row.passed_count, row.passed_members, row.capital, row.debtors, row.debt, row.bank, row.lost,
            row.defaulters, row.defaulted_debt]


def database_sheet(province: Province, as_of: date, *, district: District | None = None,
                   page: str | int | None = None, per_page: int = 100) -> Sheet:
    """The ข้อ ๒๗ form; with `page` (the screen) only that page of villages, the total still of them all."""
    from django.core.paginator import Paginator

    data = reports.village_database(province, as_of, district=district, level_of=reports.level_provider())
    chosen, start = data["rows"], 1
    if page is not None:
        chosen = Paginator(data["rows"], per_page).get_page(page)
        start = chosen.start_index()
    body = [[n, _("%(v)s อ.%(d)s") % {"v": row.label, "d": row.district} if district is None else row.label,
             *_database_cells(row),
             row.level, row.others] for n, row in enumerate(chosen, start)]
    total = data["total"]
    sheet = Sheet(
        title=_("แบบรายงานฐานข้อมูลหมู่บ้านและครัวเรือนเป้าหมายโครงการแก้ไขปัญหาความยากจน (กข.คจ.)"),
        form=_("แบบตามข้อ ๒๗"), lines=[area_line(district, province), as_of_line(as_of)],
        top=[{**h, "label": str(h["label"])} for h in DATABASE_TOP], second=[str(label) for label in DATABASE_SECOND],
        kinds=["no", "text", "integer", "integer", "integer", "integer", "integer", "integer", "money", "integer",
               "money", "money", "money", "integer", "money", "text", "text"],
        widths=[4, 24, 7, 6, 7, 6, 7, 6, 14, 7, 13, 14, 13, 7, 13, 7, 8], rows=body,
        totals=["", _("รวม"), *_database_cells(total), "", ""],
        notes=[_("(จ) (ฉ) นับครัวเรือนเป้าหมายที่รายได้เฉลี่ยต่อคนต่อปีล่าสุดที่บันทึกไว้ (ภายหลังรับเงินยืม ๑–๓ ปี) "
                 "สูงกว่าเกณฑ์ จปฐ. ที่ใช้ · (ฎ) เงินยืมที่ตัดหนี้สูญแล้วยังค้างอยู่ · (ฐ) (ฑ) ค้างชำระเกินเกณฑ์ผ่อนผัน"
                 "ตามค่ากำหนดของระเบียบ · (ฒ) จากผลการประเมินศักยภาพเมื่อมีข้อมูล มิฉะนั้นแสดง \"-\" · (ณ) ระบบไม่ได้เก็บข้อมูล "
                 "แสดง \"-\" ให้กรอกเพิ่มเติม"),
               _("หมายเหตุ แบบแนบท้ายระเบียบกระทรวงมหาดไทยฯ พ.ศ. ๒๕๕๓ ข้อ ๒๗")],
        signatures=[_("พัฒนาการจังหวัด")], issuing_office=province_office(province), as_of=as_of,
        name=f"kkkj-27-{district.code if district else province.code}-{as_of}", sheet_title=_("ข้อ 27"),
        font_size=10)
    sheet.page = chosen if page is not None else None
    return sheet


DEBTOR_ONLY = {"": L("ลูกหนี้ที่ยังค้างอยู่ทั้งหมด"), "overdue": L("เฉพาะที่ค้างชำระ"), "defaulted": L("เฉพาะที่ผิดนัด")}


def debtor_cells(n: int, loan, as_of: date) -> list:
    village = loan.fund.village
    return [n, _("%(v)s ต.%(s)s") % {"v": reports.village_label(village), "s": village.subdistrict.name_th},
            loan.household.rank,
            loan.household.head_name, loan.contract_number, loan.round, loan.received_on or loan.contract_date,
            loan.amount, loan.repaid, loan.outstanding, loan.overdue, reports.days_overdue(loan, as_of) or None,
            _("ผิดนัด") if loan.defaulted else ""]


def debtors_sheet(district: District, as_of: date, *, only: str = "", loans=None, start: int = 1) -> Sheet:
    """The district's debtors; `loans` (one page of them) for the screen, else every one."""
    every = loans is None
    loans = list(reports.debtors(district.code, as_of, only=only)) if every else loans
    rows = [debtor_cells(n, loan, as_of) for n, loan in enumerate(loans, start)]
    money = [sum((row[i] for row in rows), reports.ZERO) for i in (7, 8, 9, 10)]
    return Sheet(
        title=_("บัญชีลูกหนี้เงินยืมโครงการแก้ไขปัญหาความยากจน (กข.คจ.) ค้างชำระ"), form=_("ลูกหนี้ค้างชำระ"),
        lines=[area_line(district, district.province), str(DEBTOR_ONLY.get(only, "")), as_of_line(as_of)],
        top=_plain([_("ที่"), _("หมู่บ้าน"), _("ลำดับที่ครัวเรือน"), _("ชื่อ–สกุลผู้ยืม"), _("สัญญาเลขที่"),
                    _("ยืมครั้งที่"), _("วันที่รับเงินยืม"), _("จำนวนเงินยืม (บาท)"), _("ส่งคืนแล้ว (บาท)"),
                    _("คงค้าง (บาท)"), _("ค้างชำระ (บาท)"), _("ค้างชำระมาแล้ว (วัน)"), _("ผิดนัด")]),
        second=[], kinds=["no", "text", "integer", "text", "text", "integer", "date", "money", "money", "money",
                          "money", "integer", "text"],
        widths=[5, 26, 8, 22, 11, 7, 12, 12, 12, 12, 12, 9, 8], rows=rows,
        totals=["", _("รวม"), None, None, "", None, None, *money, None, ""] if every else None,
        signatures=[_("พัฒนากร"), _("พัฒนาการอำเภอ")], issuing_office=district_office(district), as_of=as_of,
        name=f"kkkj-debtors-{district.code}-{as_of}", sheet_title=_("ลูกหนี้"), font_size=11)


# --- printing --------------------------------------------------------------------------------------

def pdf(sheet: Sheet) -> bytes:
    return render_pdf(PDF_TEMPLATE, {"sheet": sheet, "title": sheet.title, "issuing_office": sheet.issuing_office,
                                     "printed_on": timezone.localdate()})


def xlsx(sheet: Sheet) -> bytes:
    """The sheet as a workbook: titles merged over the table, the header, typed cells (money in the Thai
    #,##0.00 format, dates as dates shown in the Buddhist era), the total in bold, สรุป, notes, signatures."""
    wb = Workbook()
    form = FormSheet(wb.active, landscape=True)
    ws = form.ws
    ws.title = sheet.sheet_title
    count = len(sheet.kinds)
    form.width = count
    form.title(sheet.form, bold=False)
    form.title(sheet.title)
    for line in sheet.lines:
        if line:
            form.title(line, bold=False)
    form.skip()
    first = form.header(sheet.header_cells(), sheet.second)
    for row in sheet.rows:
        form.cells(row, sheet.kinds)
    if sheet.totals:
        form.cells([v if v != "" else None for v in sheet.totals], ["text" if k == "no" else k for k in sheet.kinds],
                   bold=True)
    if sheet.summary:
        form.skip()
        form.line(_("สรุป"), bold=True)
        for label, value, kind, unit in sheet.summary:
            ws.cell(row=form.row, column=2, value=label).font = CELL_FONT
            cell = ws.cell(row=form.row, column=4, value=typed(value, kind))
            cell.font, cell.number_format = CELL_FONT, FORMATS[kind]
            ws.cell(row=form.row, column=5, value=unit).font = CELL_FONT
            form.row += 1
    for note in sheet.notes:
        cell = ws.cell(row=form.row, column=1, value=note)
        cell.font, cell.alignment = CELL_FONT, Alignment(wrap_text=True, vertical="top")
        form._merge(form.row, 1, colspan=count)
        ws.row_dimensions[form.row].height = 36
        form.row += 1
    form.skip()
    step = max(count // max(len(sheet.signatures), 1), 1)
    top = form.row
    for n, position in enumerate(sheet.signatures):
        col = 1 + n * step + max(step // 2 - 1, 0)
        for r, text in enumerate((_("ลงชื่อ ............................................."),
                                  "(.............................................)", position,
                                  _("วันที่ ........ เดือน ...................... พ.ศ. .........."))):
            cell = ws.cell(row=top + r, column=col, value=text)
            cell.font = HEADER_FONT if r == 2 else CELL_FONT
    form.row = top + 4
    for n, width in enumerate(sheet.widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    ws.print_title_rows = f"{first - (2 if sheet.second else 1)}:{first - 1}"
    return workbook_bytes(wb)


def render_sheet(sheet: Sheet, fmt: str) -> tuple[bytes, str]:
    return (pdf(sheet) if fmt == "pdf" else xlsx(sheet)), f"{sheet.name}.{fmt}"


# --- the export kinds ------------------------------------------------------------------------------

def clean_on(value, today: date | None = None) -> date:
    """The as-of date of a report: ISO (2025-02-16) or as typed, in the Buddhist era (16/02/2568); not after
    today."""
    today = today or timezone.localdate()
    if value in (None, ""):
        return today
    try:
        day = parse_be_date(str(value).strip())
    except ValueError as exc:
        raise ValidationError({"on": _("วันที่ข้อมูล: %(e)s") % {"e": exc}}) from exc
    if day > today:
        raise ValidationError({"on": _("วันที่ข้อมูลต้องไม่เกินวันนี้ (%(d)s)") % {"d": thai_date(today)}})
    return day


def _district(value) -> District:
    code = str(value or "").strip()
    if not code:
        raise ValidationError({"district": _("กรุณาระบุอำเภอ")})
    district = District.objects.select_related("province").filter(code=code).first()
    if district is None:
        raise ValidationError({"district": _("ไม่พบอำเภอรหัส %(code)s") % {"code": code}})
    return district


def _province(value) -> Province:
    code = str(value or "").strip()
    if not code:
        raise ValidationError({"province": _("กรุณาระบุจังหวัด")})
    province = Province.objects.filter(code=code, in_department=True).first()
    if province is None:
        raise ValidationError({"province": _("ไม่พบจังหวัดรหัส %(code)s") % {"code": code}})
    return province


def _outside() -> PermissionDenied:
    return PermissionDenied(_("รายงาน กข.คจ. ของพื้นที่นี้อยู่นอกขอบเขตของสำนักงานคุณ"))


# poverty-village-debt

def may_view_fund(user, params: dict) -> bool:
    return sees_district(user, params.get("district"))


def clean_fund(user, params: dict) -> dict:
    raw = str(params.get("fund") or "").strip()
    fund = VillageFund.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    if fund is None:
        raise ValidationError({"fund": _("ไม่พบกองทุน กข.คจ. หมู่บ้านที่ระบุ")})
    cleaned = {"fund": fund.pk, "district": fund.district_id, "on": clean_on(params.get("on")).isoformat()}
    if not may_view_fund(user, cleaned):
        raise _outside()
    return cleaned


def fund_sheet(params: dict) -> Sheet:
    fund = VillageFund.objects.select_related("district__province", "village__subdistrict").get(pk=params["fund"])
    return village_debt_sheet(fund, date.fromisoformat(params["on"]))


# poverty-26-1 and poverty-debtors (a district)

def may_view_district(user, params: dict) -> bool:
    return sees_district(user, params.get("district"))


def clean_district(user, params: dict) -> dict:
    district = _district(params.get("district"))
    cleaned = {"district": district.code, "on": clean_on(params.get("on")).isoformat()}
    if not may_view_district(user, cleaned):
        raise _outside()
    return cleaned


def clean_debtors(user, params: dict) -> dict:
    cleaned = clean_district(user, params)
    only = str(params.get("only") or "")
    if only not in ("", *reports.DEBTOR_FILTERS):
        raise ValidationError({"only": _("ตัวเลือกลูกหนี้ต้องเป็น ค้างชำระ หรือ ผิดนัด")})
    return {**cleaned, "only": only}


def _district_of(params: dict) -> District:
    return District.objects.select_related("province").get(code=params["district"])


def district_sheet_of(params: dict) -> Sheet:
    return district_sheet(_district_of(params), date.fromisoformat(params["on"]))


def debtors_sheet_of(params: dict) -> Sheet:
    return debtors_sheet(_district_of(params), date.fromisoformat(params["on"]), only=params.get("only", ""))


# poverty-26-2 and poverty-database (a province)

def may_view_province(user, params: dict) -> bool:
    return sees_whole_province(user, params.get("province"))


def clean_province(user, params: dict) -> dict:
    province = _province(params.get("province"))
    cleaned = {"province": province.code, "on": clean_on(params.get("on")).isoformat()}
    if not may_view_province(user, cleaned):
        raise _outside()
    return cleaned


def clean_database(user, params: dict) -> dict:
    cleaned = clean_province(user, params)
    district = str(params.get("district") or "").strip()
    if district and not District.objects.filter(code=district, province_id=cleaned["province"]).exists():
        raise ValidationError({"district": _("ไม่พบอำเภอรหัส %(code)s ในจังหวัดนี้") % {"code": district}})
    return {**cleaned, "district": district}


def province_sheet_of(params: dict) -> Sheet:
    return province_sheet(Province.objects.get(code=params["province"]), date.fromisoformat(params["on"]))


def database_sheet_of(params: dict) -> Sheet:
    district = _district_of(params) if params.get("district") else None
    return database_sheet(Province.objects.get(code=params["province"]), date.fromisoformat(params["on"]),
                          district=district)


def _kind(name: str, clean, may_view, make) -> ExportKind:
    def render(params: dict, fmt: str, progress) -> tuple[bytes, str]:
        sheet = make(params)
        progress(40)
        return render_sheet(sheet, fmt)

    return ExportKind(name=name, clean=clean, may_view=may_view, inputs=lambda params: make(params).data(),
                      render=render)


VILLAGE_DEBT = _kind("poverty-village-debt", clean_fund, may_view_fund, fund_sheet)
FORM_26_1 = _kind("poverty-26-1", clean_district, may_view_district, district_sheet_of)
FORM_26_2 = _kind("poverty-26-2", clean_province, may_view_province, province_sheet_of)
DATABASE = _kind("poverty-database", clean_database, may_view_province, database_sheet_of)
DEBTORS = _kind("poverty-debtors", clean_debtors, may_view_district, debtors_sheet_of)
KINDS = (VILLAGE_DEBT, FORM_26_1, FORM_26_2, DATABASE, DEBTORS)


def register_documents() -> None:
    """Register the กข.คจ. report kinds with the document pipeline (PovertyConfig.ready calls this)."""
    from cdd_portal.documents import registry

    for kind in KINDS:
        registry.register(kind)
