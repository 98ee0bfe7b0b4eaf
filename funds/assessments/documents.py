"""The fund summary (seed 004 §3.1, the Loei appendix table) as an export kind of the document pipeline:
per district of a province, or per province of the nation; PDF through WeasyPrint (Thai digits), XLSX
through FormSheet (numbers stay numbers, totals as SUM formulas). The page shows the same table."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from cdd_portal.accounts.scoping import sees_whole_province
from cdd_portal.documents.pdf import render_pdf
from cdd_portal.documents.registry import ExportKind
from cdd_portal.geo.models import Province
from cdd_portal.spreadsheets import FormSheet, workbook_bytes
from cdd_portal.thai import fiscal_year, to_thai_digits
from funds.assessments import selectors

GROUP_TITLES = {
    "savings_group": "กลุ่มออมทรัพย์เพื่อการผลิต",
    "poverty": "โครงการแก้ไขปัญหาความยากจน (กข.คจ.)",
    "mother_fund": "หมู่บ้านกองทุนแม่ของแผ่นดิน",
}


def may_view(user, params: dict) -> bool:
    return sees_whole_province(user, params.get("province"))


def clean(user, params: dict) -> dict:
    province = str(params.get("province") or "").strip() or None
    if province is not None and not Province.objects.filter(code=province, in_department=True).exists():
        raise ValidationError({"province": _("ไม่พบจังหวัดรหัส %(code)s") % {"code": province}})
    year = params.get("year") or fiscal_year(timezone.localdate())
    try:
        year = int(year)
    except (TypeError, ValueError) as exc:
        raise ValidationError({"year": _("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น ๒๕๖๘")}) from exc
    if not 2500 <= year <= 2700:
        raise ValidationError({"year": _("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น ๒๕๖๘")})
    on = params.get("on") or timezone.localdate().isoformat()
    try:
        on = date.fromisoformat(str(on)).isoformat()
    except ValueError as exc:
        raise ValidationError({"on": _("วันที่ต้องอยู่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)")}) from exc
    cleaned = {"province": province, "year": year, "on": on}
    if not may_view(user, cleaned):
        raise PermissionDenied(_("สรุปกองทุนชุมชนของ%(area)sอยู่นอกขอบเขตของสำนักงานคุณ")
                               % {"area": _("จังหวัดรหัส %(code)s") % {"code": province} if province
                                  else _("ทั้งประเทศ")})
    return cleaned


def summary(params: dict) -> dict:
    return selectors.summary(params["province"], params["year"], today=date.fromisoformat(params["on"]))


def title(data: dict) -> list[str]:
    area = data["province"].full_name if data["province"] else _("ทั้งประเทศ (รายจังหวัด)")
    return [_("สรุปกลุ่มเป้าหมายการตรวจสอบสภาพกองทุนชุมชน"),
            _("โครงการตรวจสอบสภาพทางการเงินและเสริมสร้างศักยภาพกองทุนชุมชนตามหลักธรรมาภิบาล"),
            _("ประจำปีงบประมาณ พ.ศ. %(y)s") % {"y": data["fiscal_year"]}, str(area)]


def table(data: dict) -> dict:
    """The header groups, the column labels under them, the rows and the totals: plain values (ints)."""
    first = _("จังหวัด") if data["national"] else _("อำเภอ")
    groups, second = [], []
    for column in data["columns"]:
        labels = [_("จำนวน (%(unit)s)") % {"unit": column["unit"]}]
        labels += [_("ระดับ %(l)s") % {"l": level} for level in column["levels"]]
        labels.append(_("ยังไม่ประเมิน"))
        groups.append((GROUP_TITLES.get(column["code"], column["label"]), len(labels)))
        second += labels

    def values(row) -> list[int]:
        out = []
        for column in data["columns"]:
            cell = row.cells[column["code"]]
            out += [cell.count, *cell.levels, cell.not_assessed]
        return out

    rows = [[n, row.label, *values(row)] for n, row in enumerate(data["rows"], start=1)]
    totals = ["", _("รวม"), *values(data["total"])]
    return {"first": first, "groups": groups, "second": second, "rows": rows, "totals": totals}


def deadline_line(data: dict) -> str:
    parts = ", ".join(f"{label} {to_thai_digits(n)}" for label, n in data["not_assessed"])
    return _("กำหนดรายงานผลการประเมิน %(d)s · ยังไม่ประเมิน: %(parts)s") % {"d": data["deadline_text"], "parts": parts}


def inputs(params: dict) -> object:
    return table(summary(params))


def summary_xlsx(data: dict) -> bytes:
    t = table(data)
    wb = Workbook()
    sheet = FormSheet(wb.active, landscape=True)
    sheet.ws.title = _("สรุปกองทุนชุมชน")
    count = 2 + len(t["second"])
    sheet.width = count
    for n, text in enumerate(title(data)):
        sheet.title(text, bold=n == 0)
    sheet.line(deadline_line(data))
    sheet.skip()
    top = [{"label": _("ที่"), "colspan": 1, "rowspan": 2}, {"label": t["first"], "colspan": 1, "rowspan": 2}]
    top += [{"label": label, "colspan": span, "rowspan": 1} for label, span in t["groups"]]
    first = sheet.header(top, t["second"])
    kinds = ["no", "text"] + ["integer"] * len(t["second"])
    for row in t["rows"]:
        sheet.cells(row, kinds)
    last = sheet.row - 1
    if t["rows"]:
        sheet.totals("", list(range(3, count + 1)), first, last, count, kinds)
        sheet.ws.cell(row=sheet.row - 1, column=2, value=t["totals"][1])
    for n in range(1, count + 1):
        sheet.ws.column_dimensions[get_column_letter(n)].width = 5 if n == 1 else (22 if n == 2 else 9)
    return workbook_bytes(wb)


def render(params: dict, fmt: str, progress) -> tuple[bytes, str]:
    data = summary(params)
    progress(40)
    area = params["province"] or "national"
    name = f"fund-summary-{area}-{params['year']}.{fmt}"
    if fmt == "xlsx":
        return summary_xlsx(data), name
    office = (_("สำนักงานพัฒนาชุมชนจังหวัด%(name)s") % {"name": data["province"].name_th} if data["province"]
              else _("กรมการพัฒนาชุมชน"))
    lines = title(data)
    return render_pdf("funds/assessments/summary_pdf.html", {
        **table(data), "title": lines[0], "subtitles": lines[1:], "deadline_line": deadline_line(data),
        "issuing_office": office, "printed_on": timezone.localdate()}), name


FUND_SUMMARY = ExportKind(name="fund-summary", clean=clean, may_view=may_view, inputs=inputs, render=render)
