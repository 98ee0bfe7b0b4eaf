"""The village registry as a reference kind of report forms (cdd_portal.references)."""

from django.utils.translation import gettext_lazy as _

from cdd_portal.geo.models import Village
from cdd_portal.references import ReferenceKind


def villages_of(office):
    """The villages of an office's area: a district office's district, a province office's province."""
    if office.district_id:
        return Village.objects.filter(subdistrict__district_id=office.district_id)
    return Village.objects.filter(subdistrict__district__province_id=office.province_id)


def _options(office) -> list[tuple[int, str]]:
    villages = villages_of(office).select_related("subdistrict").order_by("subdistrict__name_th", "number")
    return [(v.id, f"หมู่ที่ {v.number} {v.name_th} ต.{v.subdistrict.name_th}") for v in villages]


def _names(ids) -> dict[int, str]:
    return {v.id: f"หมู่ที่ {v.number} {v.name_th}" for v in Village.objects.filter(id__in=ids)}


VILLAGE = ReferenceKind(name="village", label=_("หมู่บ้าน"), options=_options, names=_names,
                        not_chosen=_("ต้องเลือกหมู่บ้านจากรายการ"),
                        not_found=_("ไม่พบหมู่บ้านนี้ในทะเบียนหมู่บ้านของอำเภอ"))
