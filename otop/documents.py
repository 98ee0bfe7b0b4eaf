"""OTOP documents as export kinds of the document pipeline (cdd_portal.documents):

- "otop-province": per district of a province (or per province nationally), producers by type, products
  by category and by stars, with a total row;
- "otop-registrations": one year's registrations of a province, or of one of its districts.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from cdd_portal.accounts.scoping import scope_of, sees_whole_province
from cdd_portal.documents.pdf import render_pdf
from cdd_portal.documents.registry import ExportKind
from cdd_portal.geo.models import District, Province
from cdd_portal.spreadsheets import FormSheet, workbook_bytes
from cdd_portal.thai import to_thai_digits
from otop import selectors


def _province(params: dict) -> str | None:
    code = params.get("province") or None
    if code is None:
        return None
    code = str(code)
    if not Province.objects.filter(code=code, in_department=True).exists():
        raise ValidationError({"province": _("ไม่พบจังหวัดรหัส %(code)s") % {"code": code}})
    return code


def _office(province: Province | None, district: District | None = None) -> str:
    if district is not None:
        return _("สำนักงานพัฒนาชุมชนอำเภอ%(name)s") % {"name": district.name_th}
    if province is not None:
        return _("สำนักงานพัฒนาชุมชนจังหวัด%(name)s") % {"name": province.name_th}
    return _("กรมการพัฒนาชุมชน")


# --- otop-province ----------------------------------------------------------------------------------

def may_view_province(user, params: dict) -> bool:
    return sees_whole_province(user, params.get("province"))


def clean_province(user, params: dict) -> dict:
    cleaned = {"province": _province(params)}
    if not may_view_province(user, cleaned):
        raise PermissionDenied(_("สรุป OTOP ของพื้นที่นี้อยู่นอกขอบเขตของสำนักงานคุณ"))
    return cleaned


def province_inputs(params: dict) -> object:
    summary = selectors.otop_summary(params["province"])
    return [[row.code, row.cells] for row in summary["rows"]]


def province_context(params: dict) -> dict:
    summary = selectors.otop_summary(params["province"])
    province = summary["province"]
    return {**summary, "header": selectors.summary_header(), "title": _("สรุปผู้ผลิต ผู้ประกอบการ และผลิตภัณฑ์ OTOP"),
            "area": _("จังหวัด%(name)s") % {"name": province.name_th} if province else _("ทั้งประเทศ"),
            "unit": _("อำเภอ") if province else _("จังหวัด"), "issuing_office": _office(province),
            "printed_on": timezone.localdate()}


def province_xlsx(ctx: dict) -> bytes:
    """Counts stay numbers (Thai-digit formats); the total row is SUM formulas."""
    header = ctx["header"]
    count = 1 + len(header["labels"])
    wb = Workbook()
    sheet = FormSheet(wb.active, landscape=True)
    sheet.ws.title = _("สรุป OTOP")
    sheet.width = count
    sheet.title(ctx["title"])
    sheet.title(ctx["area"], bold=False)
    sheet.skip()
    first = sheet.header([{"label": ctx["unit"], "colspan": 1, "rowspan": 2},
                          *[{"label": label, "colspan": n, "rowspan": 1} for label, n in header["groups"]]],
                         header["labels"])
    kinds = ["text"] + ["integer"] * (count - 1)
    for row in ctx["rows"]:
        sheet.cells([row.name, *row.cells], kinds)
    sheet.totals(_("รวม"), list(range(2, count + 1)), first, sheet.row - 1, count, kinds)
    sheet.ws.column_dimensions["A"].width = 22
    for n in range(2, count + 1):
        sheet.ws.column_dimensions[get_column_letter(n)].width = 11
    sheet.ws.print_title_rows = f"{first - 2}:{first - 1}"
    return workbook_bytes(wb)


def render_province(params: dict, fmt: str, progress) -> tuple[bytes, str]:
    ctx = province_context(params)
    progress(40)
    name = f"otop-province-{params['province'] or 'national'}.{fmt}"
    if fmt == "pdf":
        return render_pdf("otop/province_pdf.html", ctx), name
    return province_xlsx(ctx), name


OTOP_PROVINCE = ExportKind(name="otop-province", clean=clean_province, may_view=may_view_province,
                           inputs=province_inputs, render=render_province)


# --- otop-registrations -----------------------------------------------------------------------------

def may_view_registrations(user, params: dict) -> bool:
    """A district's list: whoever's area covers the district (its own office too); a province's list:
    the province office and the department."""
    if params.get("district"):
        return scope_of(user).covers_district(params["district"])
    return sees_whole_province(user, params.get("province"))


def clean_registrations(user, params: dict) -> dict:
    try:
        year = int(params.get("year"))
    except (TypeError, ValueError) as exc:
        raise ValidationError({"year": _("กรุณาระบุปีที่ลงทะเบียน (พ.ศ.)")}) from exc
    province = _province(params)
    if province is None:
        raise ValidationError({"province": _("กรุณาระบุจังหวัด")})
    district = params.get("district") or None
    if district is not None:
        district = str(district)
        if not District.objects.filter(code=district, province_id=province).exists():
            raise ValidationError({"district": _("ไม่พบอำเภอรหัส %(code)s ในจังหวัดนี้") % {"code": district}})
    cleaned = {"year": year, "province": province, "district": district}
    if not may_view_registrations(user, cleaned):
        raise PermissionDenied(_("ทะเบียนการลงทะเบียนของพื้นที่นี้อยู่นอกขอบเขตของสำนักงานคุณ"))
    return cleaned


def registrations_inputs(params: dict) -> object:
    qs = selectors.registrations_of(params["year"], params["province"], params["district"])
    return list(qs.values_list("id", "status", "producer__name", "producer__type", "producer__leader_name",
                               "producer__house_number", "producer__village_id", "recorded_at", "approved_at",
                               "certified_at"))


REGISTRATION_HEADERS = [gettext_lazy("ที่"), gettext_lazy("ชื่อผู้ผลิต ผู้ประกอบการ"), gettext_lazy("ประเภท"),
                        gettext_lazy("ประธานกลุ่ม/เจ้าของ"), gettext_lazy("ที่ตั้ง"), gettext_lazy("อำเภอ"),
                        gettext_lazy("สถานะ"), gettext_lazy("บันทึกเมื่อ"), gettext_lazy("อำเภออนุมัติเมื่อ"),
                        gettext_lazy("จังหวัดรับรองเมื่อ")]


def _local_date(value):
    return timezone.localtime(value).date() if value else None


def registrations_context(params: dict) -> dict:
    province = Province.objects.get(code=params["province"])
    district = District.objects.get(code=params["district"]) if params["district"] else None
    rows = []
    for n, reg in enumerate(selectors.registrations_of(params["year"], params["province"], params["district"]), 1):
        p = reg.producer
        village = p.village
        where = " ".join(part for part in (
            _("เลขที่ %(n)s") % {"n": p.house_number} if p.house_number else "",
            _("หมู่ที่ %(n)s %(name)s") % {"n": village.number, "name": village.name_th},
            _("ต.%(name)s") % {"name": village.subdistrict.name_th}) if part)
        rows.append({"number": n, "name": p.name, "type": p.get_type_display(), "leader": p.leader_name,
                     "where": where, "district": p.district.name_th, "status": reg.get_status_display(),
                     "recorded": _local_date(reg.recorded_at), "approved": _local_date(reg.approved_at),
                     "certified": _local_date(reg.certified_at)})
    area = (_("อำเภอ%(d)s จังหวัด%(p)s") % {"d": district.name_th, "p": province.name_th} if district
            else _("จังหวัด%(name)s") % {"name": province.name_th})
    return {"title": _("ทะเบียนการลงทะเบียนผู้ผลิต ผู้ประกอบการ OTOP"),
            "subtitle": to_thai_digits(_("ประจำปี พ.ศ. %(y)s") % {"y": params["year"]}), "area": area,
            "rows": rows, "headers": [str(h) for h in REGISTRATION_HEADERS], "one_district": district is not None,
            "issuing_office": _office(province, district), "printed_on": timezone.localdate()}


def registrations_xlsx(ctx: dict) -> bytes:
    wb = Workbook()
    sheet = FormSheet(wb.active, landscape=True)
    sheet.ws.title = _("การลงทะเบียน OTOP")
    sheet.width = len(ctx["headers"])
    sheet.title(ctx["title"])
    sheet.title(ctx["subtitle"], bold=False)
    sheet.title(ctx["area"], bold=False)
    sheet.skip()
    first = sheet.header([{"label": h, "colspan": 1, "rowspan": 1} for h in ctx["headers"]], [])
    kinds = ["no", "text", "text", "text", "text", "text", "text", "date", "date", "date"]
    for row in ctx["rows"]:
        sheet.cells([row["number"], row["name"], row["type"], row["leader"], row["where"], row["district"],
                     row["status"], row["recorded"], row["approved"], row["certified"]], kinds)
    for col, width in enumerate([6, 32, 26, 24, 34, 16, 14, 15, 15, 15], start=1):
        sheet.ws.column_dimensions[get_column_letter(col)].width = width
    sheet.ws.print_title_rows = f"{first - 1}:{first - 1}"
    return workbook_bytes(wb)


def render_registrations(params: dict, fmt: str, progress) -> tuple[bytes, str]:
    ctx = registrations_context(params)
    progress(40)
    name = f"otop-registrations-{params['year']}-{params['district'] or params['province']}.{fmt}"
    if fmt == "pdf":
        return render_pdf("otop/registrations_pdf.html", ctx), name
    return registrations_xlsx(ctx), name


OTOP_REGISTRATIONS = ExportKind(name="otop-registrations", clean=clean_registrations,
                                may_view=may_view_registrations, inputs=registrations_inputs,
                                render=render_registrations)
