"""The service centre in report forms (cdd_portal.references): the reference kinds "center" and
"center_activity", and the prefill sources that start seed 000's operations report from what the district
recorded for the period — its activities (one row each), its committee in office at the period's end
(which seats are filled, how many members) and its plans that cover the period."""

from django.utils.translation import gettext_lazy as _

from cdd_portal.references import PrefillSource, ReferenceKind
from cdd_portal.thai import thai_date_short
from centers import selectors
from centers.models import Activity, CommitteeMember, Plan, ServiceCenter


def _center(office) -> ServiceCenter | None:
    return selectors.center_of_district(office.district_id) if office.district_id else None


def _center_options(office) -> list[tuple[int, str]]:
    if office.district_id:
        return [(c.pk, c.name) for c in ServiceCenter.objects.filter(district_id=office.district_id)]
    return [(c.pk, c.name) for c in ServiceCenter.objects.filter(district__province_id=office.province_id)
            .order_by("district_id")]


def _activity_label(activity: Activity) -> str:
    return f"{thai_date_short(activity.date, thai_digits=False)} {activity.kind_label}: {activity.title}"


def _activity_options(office) -> list[tuple[int, str]]:
    activities = Activity.objects.filter(center__district_id=office.district_id) if office.district_id else \
        Activity.objects.filter(center__district__province_id=office.province_id)
    return [(a.pk, _activity_label(a)) for a in activities.order_by("-date", "-id")]


def _activity_names(ids) -> dict[int, str]:
    return {a.pk: _activity_label(a) for a in Activity.objects.filter(pk__in=ids)}


def _activity_rows(context, spec) -> list[dict]:
    center = _center(context.office)
    if center is None:
        return []
    column = spec["column"]
    return [{column: a.pk, "date": a.date.isoformat(), "kind": a.kind,
             "title": a.title if a.kind != Activity.Kind.OTHER or not a.kind_other else f"{a.kind_other}: {a.title}",
             "targets": list(a.target_groups), "served": a.people_served or None,
             "media": list(a.media), "evidence": list(a.evidence)}
            for a in selectors.activities_between(center, context.start, context.end).order_by("date", "id")]


def _center_id(context, spec):
    center = _center(context.office)
    return center.pk if center else None


def _seat_filled(context, spec):
    center = _center(context.office)
    if center is None:
        return None
    return selectors.members_on(center, context.end).filter(seat=spec["seat"]).exists()


def _committee_size(context, spec):
    center = _center(context.office)
    return selectors.members_on(center, context.end).count() if center else None


def _has_plan(context, spec):
    center = _center(context.office)
    if center is None:
        return None
    return selectors.plans_between(center, context.start, context.end).filter(kind=spec["kind"]).exists()


def _one_of(option: str, choices):
    """The spec's `option` must be one of `choices` (TextChoices)."""
    def check(spec) -> list[str]:
        if spec.get(option) in choices.values:
            return []
        return [f"{option} ต้องเป็นหนึ่งใน {', '.join(choices.values)} (ได้ {spec.get(option)!r})"]

    return check


CENTER = ReferenceKind(name="center", label=_("ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก"), options=_center_options,
                       names=lambda ids: dict(ServiceCenter.objects.filter(pk__in=ids).values_list("pk", "name")),
                       not_chosen=_("ต้องเลือกศูนย์จากรายการ"),
                       not_found=_("ไม่พบศูนย์นี้ในทะเบียนของอำเภอ"))
CENTER_ACTIVITY = ReferenceKind(name="center_activity", label=_("กิจกรรมในทะเบียนศูนย์"), options=_activity_options,
                                names=_activity_names, not_chosen=_("ต้องเลือกกิจกรรมจากทะเบียนศูนย์"),
                                not_found=_("ไม่พบกิจกรรมนี้ในทะเบียนศูนย์ของอำเภอ"))
SOURCES = (
    PrefillSource(name="centers.activities", label=_("หนึ่งแถวต่อกิจกรรมของศูนย์ที่จัดในรอบรายงาน"), target="table",
                  reference="center_activity", fill=_activity_rows),
    PrefillSource(name="centers.center", label=_("ศูนย์ของอำเภอ"), target="field", fill=_center_id),
    PrefillSource(name="centers.committee_seat", label=_("มีกรรมการในองค์ประกอบ (seat) นี้ ณ วันสิ้นรอบ"),
                  target="field", fill=_seat_filled, options=("seat",), check=_one_of("seat", CommitteeMember.Seat)),
    PrefillSource(name="centers.committee_size", label=_("จำนวนกรรมการที่อยู่ในวาระ ณ วันสิ้นรอบ"), target="field",
                  fill=_committee_size),
    PrefillSource(name="centers.plan", label=_("มีแผนประเภท (kind) นี้ที่ครอบคลุมรอบรายงาน"), target="field",
                  fill=_has_plan, options=("kind",), check=_one_of("kind", Plan.Kind)),
)
