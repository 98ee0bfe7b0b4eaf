"""The savings-group registry in report forms (cdd_portal.references): the "group" reference kind and the
"funds.savings_groups" table source (one row per active group of the district)."""

from django.utils.translation import gettext_lazy as _

from cdd_portal.references import PrefillSource, ReferenceKind
from funds.models import SavingsGroup


def groups_of(office):
    """The groups of an office's area: a district office's, or a province office's whole province."""
    if office.district_id:
        return SavingsGroup.objects.filter(district_id=office.district_id)
    return SavingsGroup.objects.filter(district__province_id=office.province_id)


def _options(office) -> list[tuple[int, str]]:
    """Groups that have stopped are choices too, marked as such: an old report may name them."""
    groups = groups_of(office).select_related("village").order_by("-is_active", "name")
    return [(g.id, g.label if g.is_active else f"{g.label} (เลิกดำเนินการ)") for g in groups]


def _names(ids) -> dict[int, str]:
    return dict(SavingsGroup.objects.filter(id__in=ids).values_list("id", "name"))


def _active_groups(context, spec) -> list[dict]:
    column = spec["column"]
    return [{column: pk} for pk in groups_of(context.office).filter(is_active=True).order_by("name")
            .values_list("id", flat=True)]


GROUP = ReferenceKind(name="group", label=_("กลุ่มออมทรัพย์เพื่อการผลิต"), options=_options, names=_names,
                      not_chosen=_("ต้องเลือกกลุ่มจากรายการ"),
                      not_found=_("ไม่พบกลุ่มนี้ในทะเบียนกลุ่มออมทรัพย์เพื่อการผลิตของอำเภอ"))
SAVINGS_GROUPS = PrefillSource(name="funds.savings_groups", label=_("หนึ่งแถวต่อกลุ่มออมทรัพย์ที่ยังดำเนินการของอำเภอ"),
                               target="table", reference="group", fill=_active_groups)
