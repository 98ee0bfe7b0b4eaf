"""Occupational groups in report forms (cdd_portal.references): the "occupation_group" reference kind and
the "otop.occupation_groups" table source (one row per active group of the district; the spec's optional
"members" names a column to fill with the group's member count)."""

from django.utils.translation import gettext_lazy as _

from cdd_portal.references import PrefillSource, ReferenceKind
from otop.models import OccupationGroup


def groups_of(office):
    """The groups of an office's area: a district office's, or a province office's whole province."""
    if office.district_id:
        return OccupationGroup.objects.filter(district_id=office.district_id)
    return OccupationGroup.objects.filter(district__province_id=office.province_id)


def _options(office) -> list[tuple[int, str]]:
    """Groups that have stopped are choices too, marked as such: an old report may name them."""
    groups = groups_of(office).order_by("-is_active", "name").values_list("id", "name", "is_active")
    return [(pk, name if active else f"{name} (เลิกดำเนินการ)") for pk, name, active in groups]


def _names(ids) -> dict[int, str]:
    return dict(OccupationGroup.objects.filter(id__in=ids).values_list("id", "name"))


def _active_groups(context, spec) -> list[dict]:
    column, members = spec["column"], spec.get("members")
    rows = []
    for pk, count in (groups_of(context.office).filter(is_active=True).order_by("name")
                      .values_list("id", "members_count")):
        rows.append({column: pk, members: count} if members else {column: pk})
    return rows


OCCUPATION_GROUP = ReferenceKind(name="occupation_group", label=_("กลุ่มอาชีพ"), options=_options, names=_names,
                                 not_chosen=_("ต้องเลือกกลุ่มอาชีพจากรายการ"),
                                 not_found=_("ไม่พบกลุ่มอาชีพนี้ในทะเบียนกลุ่มอาชีพของอำเภอ"))
OCCUPATION_GROUPS = PrefillSource(name="otop.occupation_groups",
                                  label=_("หนึ่งแถวต่อกลุ่มอาชีพที่ยังดำเนินการของอำเภอ"), target="table",
                                  reference="occupation_group", fill=_active_groups, options=("members",))
