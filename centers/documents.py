"""The province's (or the nation's) service-centre summary as an export kind of the document pipeline:
PDF through WeasyPrint, XLSX through FormSheet, both from the same table as the page."""

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
from cdd_portal.thai import thai_date, to_thai_digits
from centers import selectors


def may_view(user, params: dict) -> bool:
    return sees_whole_province(user, params.get("province"))


def clean(user, params: dict) -> dict:
    province = str(params.get("province") or "").strip() or None
    if province is not None and not Province.objects.filter(code=province, in_department=True).exists():
        raise ValidationError({"province": _("ไม่พบจังหวัดรหัส %(code)s") % {"code": province}})
    on = params.get("on") or timezone.localdate().isoformat()
    try:
        on = date.fromisoformat(str(on)).isoformat()
    except ValueError as exc:
        raise ValidationError({"on": _("วันที่ต้องอยู่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)")}) from exc
    cleaned = {"province": province, "on": on}
    if not may_view(user, cleaned):
        raise PermissionDenied(_("สรุปศูนย์บริการฯ ของ%(area)sอยู่นอกขอบเขตของสำนักงานคุณ")
                               % {"area": _("จังหวัดรหัส %(code)s") % {"code": province} if province
                                  else _("ทั้งประเทศ")})
    return cleaned


def summary(params: dict) -> dict:
    today = date.fromisoformat(params["on"])
    if params["province"]:
        return selectors.province_summary(params["province"], today=today)
    return selectors.national_summary(today=today)


def _complete_text(row, national: bool) -> str:
    if national:
        return to_thai_digits(row.complete)
    if row.center is None:
        return "—"
    if not row.composition["applies"]:
        return _("แนวทางเดิม")
    return "✓" if row.composition["complete"] else "✗"


def table(data: dict) -> dict:
    """Headers and rows as both formats print them (the page shows the same columns)."""
    national = data["national"]
    first = _("จังหวัด") if national else _("อำเภอ")
    headers = [_("ที่"), first]
    if national:
        headers += [_("จำนวนอำเภอ"), _("บันทึกศูนย์แล้ว"), _("คณะกรรมการครบตามเกณฑ์"), _("ใช้แนวทางเดิม")]
    else:
        headers += [_("บันทึกศูนย์แล้ว"), _("คณะกรรมการครบตามเกณฑ์ปี ๒๕๖๓")]
    headers += [_("กรรมการที่อยู่ในตำแหน่ง (คน)"), _("ประชุมในไตรมาสนี้ (ครั้ง)"), _("กิจกรรมในเดือนนี้ (ครั้ง)")]
    rows = []
    for n, row in enumerate(data["rows"], start=1):
        cells = [n, row.label]
        if national:
            cells += [row.districts, row.centers, row.complete, row.earlier]
        else:
            cells += ["✓" if row.center else _("ยังไม่บันทึก"), _complete_text(row, False)]
        cells += [row.members, row.meetings, row.activities]
        rows.append(cells)
    total = data["total"]
    totals = ["", total.label]
    if national:
        totals += [total.districts, total.centers, total.complete, total.earlier]
    else:
        totals += [_("%(n)s จาก %(of)s อำเภอ") % {"n": to_thai_digits(total.centers), "of": to_thai_digits(total.districts)},
                   _("ครบ %(n)s · แนวทางเดิม %(e)s") % {"n": to_thai_digits(total.complete),
                                                      "e": to_thai_digits(total.earlier)}]
    totals += [total.members, total.meetings, total.activities]
    kinds = ["no", "text"] + (["integer"] * 4 if national else ["text", "text"]) + ["integer"] * 3
    return {"headers": headers, "rows": rows, "totals": totals, "kinds": kinds}


def title(data: dict) -> tuple[str, str, str]:
    area = data["province"].full_name if data["province"] else _("ทั้งประเทศ")
    period = _("ปีงบประมาณ พ.ศ. %(y)s ไตรมาสที่ %(q)s · ข้อมูล ณ วันที่ %(d)s") % {
        "y": to_thai_digits(data["fiscal_year"]), "q": to_thai_digits(data["fiscal_quarter"]),
        "d": thai_date(data["today"])}
    return _("สรุปศูนย์บริการส่งเสริมเศรษฐกิจฐานราก"), area, period


def inputs(params: dict) -> object:
    data = summary(params)
    return table(data)


def province_xlsx(data: dict) -> bytes:
    t = table(data)
    wb = Workbook()
    sheet = FormSheet(wb.active, landscape=True)
    sheet.ws.title = _("ศูนย์บริการฯ")
    sheet.width = len(t["headers"])
    for n, text in enumerate(title(data)):
        sheet.title(text, bold=n == 0)
    sheet.skip()
    first = sheet.header([{"label": h, "colspan": 1, "rowspan": 1} for h in t["headers"]], [])
    for row in t["rows"]:
        sheet.cells(row, t["kinds"])
    last = sheet.row - 1
    count = len(t["headers"])
    numeric = [i + 1 for i, kind in enumerate(t["kinds"]) if kind == "integer"]
    if t["rows"]:
        sheet.totals("", numeric, first, last, count, t["kinds"])
        for col, value in enumerate(t["totals"], start=1):  # the label and the province table's text totals
            if t["kinds"][col - 1] != "integer":
                sheet.ws.cell(row=sheet.row - 1, column=col, value=value or None)
    for n in range(1, count + 1):
        sheet.ws.column_dimensions[get_column_letter(n)].width = 6 if n == 1 else (34 if n == 2 else 16)
    return workbook_bytes(wb)


def render(params: dict, fmt: str, progress) -> tuple[bytes, str]:
    data = summary(params)
    progress(40)
    area = params["province"] or "national"
    name = f"centers-{area}-{params['on']}.{fmt}"
    if fmt == "xlsx":
        return province_xlsx(data), name
    heading, area_name, period = title(data)
    office = (_("สำนักงานพัฒนาชุมชนจังหวัด%(name)s") % {"name": data["province"].name_th} if data["province"]
              else _("กรมการพัฒนาชุมชน"))
    t = table(data)
    css = ["num" if kind == "integer" else ("" if n == 1 else "centre") for n, kind in enumerate(t["kinds"])]
    return render_pdf("centers/province_pdf.html", {
        "headers": t["headers"], "rows": [list(zip(row, css, strict=True)) for row in t["rows"]],
        "totals": list(zip(t["totals"], css, strict=True)), "title": heading, "area": area_name, "period": period, "issuing_office": office,
        "printed_on": timezone.localdate()}), name


CENTERS_PROVINCE = ExportKind(name="centers-province", clean=clean, may_view=may_view, inputs=inputs, render=render)
