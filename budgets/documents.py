"""The allocation register as an export kind of the document pipeline (cdd_portal.documents)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from budgets import exports
from budgets.models import Allocation, PlanItem, Register
from cdd_portal.accounts.scoping import sees_whole_province
from cdd_portal.documents.registry import ExportKind
from cdd_portal.geo.models import Province


def may_view(user, params: dict) -> bool:
    return sees_whole_province(user, params.get("province"))


def clean(user, params: dict) -> dict:
    try:
        activity_id = int(params.get("activity"))
    except (TypeError, ValueError) as exc:
        raise ValidationError({"activity": _("กรุณาระบุกิจกรรม (รหัสตัวเลข)")}) from exc
    if not PlanItem.objects.filter(pk=activity_id, level=PlanItem.Level.ACTIVITY).exists():
        raise ValidationError({"activity": _("ไม่พบกิจกรรมรหัส %(id)s") % {"id": activity_id}})
    province = params.get("province") or None
    if province is not None:
        province = str(province)
        if not Province.objects.filter(code=province, in_department=True).exists():
            raise ValidationError({"province": _("ไม่พบจังหวัดรหัส %(code)s") % {"code": province}})
    cleaned = {"activity": activity_id, "province": province}
    if not may_view(user, cleaned):
        raise PermissionDenied(_("ทะเบียนจัดสรรของ%(area)sอยู่นอกขอบเขตของสำนักงานคุณ")
                               % {"area": _("จังหวัดรหัส %(code)s") % {"code": province} if province
                                  else _("ทั้งประเทศ")})
    return cleaned


def _registers(params: dict):
    qs = Register.objects.filter(activity_id=params["activity"])
    return qs.filter(province_id=params["province"]) if params["province"] else qs


def inputs(params: dict) -> object:
    activity = PlanItem.objects.select_related("parent__parent__parent", "fiscal_year").get(pk=params["activity"])
    names = [activity.fiscal_year.year]
    item = activity
    while item is not None:
        names.append(item.name)
        item = item.parent
    rows = list(Allocation.objects.filter(register__in=_registers(params)).order_by("id").values_list(
        "id", "register__status", "office_id", "line", "amount", "target_count", "target_unit", "note"))
    return {"plan": names, "rows": rows}


def render(params: dict, fmt: str, progress) -> tuple[bytes, str]:
    activity = PlanItem.objects.select_related("fiscal_year", "parent__parent__parent").get(pk=params["activity"])
    province = Province.objects.get(code=params["province"]) if params["province"] else None
    context = exports.register_context(activity, _registers(params), province.name_th if province else None)
    progress(30)
    area = province.code if province else "national"
    name = f"allocation-register-{activity.fiscal_year.year}-{activity.pk}-{area}.{fmt}"
    if fmt == "xlsx":
        return exports.register_xlsx(context), name
    office = (_("สำนักงานพัฒนาชุมชนจังหวัด%(name)s") % {"name": province.name_th} if province
              else _("กรมการพัฒนาชุมชน"))
    return exports.register_pdf(context, issuing_office=office), name


ALLOCATION_REGISTER = ExportKind(name="allocation-register", clean=clean, may_view=may_view, inputs=inputs,
                                 render=render)
