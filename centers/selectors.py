"""Reads of the service-centre registry, scoped to the user's office, and the read-only selectors the
report prefill calls (`center_of_district`, `members_on`, `meetings_between`, `activities_between`,
`plans_between`, `composition`). Dates come in as arguments (`today`), never from the clock."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from cdd_portal.accounts.scoping import VIEW, restrict
from cdd_portal.files.services import attachments_by_owner
from cdd_portal.geo.models import District, Province
from cdd_portal.thai import fiscal_quarter, fiscal_quarter_bounds, fiscal_year, thai_date, to_thai_digits
from centers import services
from centers.models import Activity, AppointmentOrder, CommitteeMember, Meeting, Plan, ServiceCenter, Wisdom

# --- scoped querysets --------------------------------------------------------------------------------


def centers_for(user, action: str = VIEW) -> QuerySet[ServiceCenter]:
    return restrict(ServiceCenter.objects.select_related("district__province"), user, action,
                    district_field="district")


def orders_for(user, action: str = VIEW) -> QuerySet[AppointmentOrder]:
    return restrict(AppointmentOrder.objects.select_related("center__district__province"), user, action,
                    district_field="center__district")


def members_for(user, action: str = VIEW) -> QuerySet[CommitteeMember]:
    return restrict(CommitteeMember.objects.select_related("center__district__province", "order"), user, action,
                    district_field="center__district")


def meetings_for(user, action: str = VIEW) -> QuerySet[Meeting]:
    return restrict(Meeting.objects.select_related("center__district__province"), user, action,
                    district_field="center__district")


def activities_for(user, action: str = VIEW) -> QuerySet[Activity]:
    return restrict(Activity.objects.select_related("center__district__province"), user, action,
                    district_field="center__district")


def plans_for(user, action: str = VIEW) -> QuerySet[Plan]:
    return restrict(Plan.objects.select_related("center__district__province"), user, action,
                    district_field="center__district")


def wisdoms_for(user, action: str = VIEW) -> QuerySet[Wisdom]:
    return restrict(Wisdom.objects.select_related("center__district__province", "village"), user, action,
                    district_field="center__district")


def _words(text: str) -> list[str]:
    return " ".join((text or "").split()).split(" ") if (text or "").strip() else []


def search_centers(qs, text: str):
    for word in _words(text):
        qs = qs.filter(Q(name__icontains=word) | Q(district__name_th__icontains=word)
                       | Q(contact_person__icontains=word))
    return qs


def search_members(qs, text: str):
    for word in _words(text):
        qs = qs.filter(Q(name__icontains=word) | Q(organisation__icontains=word)
                       | Q(position_other__icontains=word) | Q(center__district__name_th__icontains=word))
    return qs


def search_meetings(qs, text: str):
    for word in _words(text):
        qs = qs.filter(Q(agenda__icontains=word) | Q(attendees__icontains=word) | Q(number__icontains=word)
                       | Q(center__district__name_th__icontains=word))
    return qs


def search_activities(qs, text: str):
    for word in _words(text):
        qs = qs.filter(Q(title__icontains=word) | Q(description__icontains=word) | Q(kind_other__icontains=word)
                       | Q(center__district__name_th__icontains=word))
    return qs


def search_plans(qs, text: str):
    for word in _words(text):
        qs = qs.filter(Q(title__icontains=word) | Q(note__icontains=word)
                       | Q(center__district__name_th__icontains=word))
    return qs


def search_wisdoms(qs, text: str):
    for word in _words(text):
        qs = qs.filter(Q(name__icontains=word) | Q(holder__icontains=word) | Q(description__icontains=word)
                       | Q(village__name_th__icontains=word) | Q(center__district__name_th__icontains=word))
    return qs


# --- what the report prefill reads (not scoped: the report engine has already scoped the office) -------

def center_of_district(district_code: str) -> ServiceCenter | None:
    return ServiceCenter.objects.select_related("district__province").filter(district_id=district_code).first()


def in_office(day: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}term_start__lte": day}) & (Q(**{f"{prefix}term_end__isnull": True})
                                                   | Q(**{f"{prefix}term_end__gte": day}))


def members_on(center: ServiceCenter, day: date) -> QuerySet[CommitteeMember]:
    """The committee in office on `day` (appointed by then, term not ended before it)."""
    return CommitteeMember.objects.filter(in_office(day), center=center).select_related("order").order_by(
        "term_start", "id")


def meetings_between(center: ServiceCenter, start: date, end: date) -> QuerySet[Meeting]:
    return Meeting.objects.filter(center=center, date__range=(start, end)).order_by("date", "id")


def activities_between(center: ServiceCenter, start: date, end: date) -> QuerySet[Activity]:
    return Activity.objects.filter(center=center, date__range=(start, end)).order_by("date", "id")


def plans_between(center: ServiceCenter, start: date, end: date) -> QuerySet[Plan]:
    """The plans in use whose period overlaps start–end (a monthly report lists the year's plan too)."""
    return Plan.objects.filter(center=center, is_active=True, period_start__lte=end, period_end__gte=start).order_by(
        "period_start", "kind", "id")


# --- the 2020 composition (seed 000 §6.1) -------------------------------------------------------------

@dataclass
class Counts:
    members: int = 0
    chairs: int = 0
    secretaries: int = 0
    agencies: int = 0
    leaders: int = 0


def _people(n: int) -> str:
    return _("มี %(n)s คน") % {"n": to_thai_digits(n)}


def rules(counts: Counts) -> list[dict]:
    """The 2020 guideline's rules for a committee with these counts: {key, label, met, detail}."""
    return [
        {"key": "size", "label": _("กรรมการ ๑๑–๑๕ คน"), "met": 11 <= counts.members <= 15,
         "detail": _people(counts.members)},
        {"key": "chair", "label": _("ประธาน ๑ คน (นายอำเภอหรือผู้ที่นายอำเภอมอบหมาย)"), "met": counts.chairs == 1,
         "detail": _people(counts.chairs)},
        {"key": "secretary", "label": _("เลขานุการ ๑ คน (พัฒนาการอำเภอ)"), "met": counts.secretaries == 1,
         "detail": _people(counts.secretaries)},
        {"key": "agencies", "label": _("ผู้แทนหน่วยงาน/องค์กร และสถาบันการศึกษาในพื้นที่ ๕ คน"),
         "met": counts.agencies == 5, "detail": _people(counts.agencies)},
        {"key": "leaders", "label": _("ผู้แทนผู้นำกลุ่ม/องค์กร/เครือข่าย ๔–๘ คน"), "met": 4 <= counts.leaders <= 8,
         "detail": _people(counts.leaders)},
    ]


def counts_of(members) -> Counts:
    counts = Counts()
    for m in members:
        counts.members += 1
        counts.chairs += m.position == CommitteeMember.Position.CHAIR
        counts.secretaries += m.position == CommitteeMember.Position.SECRETARY
        counts.agencies += m.seat == CommitteeMember.Seat.AGENCY
        counts.leaders += m.seat == CommitteeMember.Seat.GROUP_LEADER
    return counts


def earlier_mechanism_note(center: ServiceCenter) -> str:
    return _("ศูนย์นี้ใช้กลไกตามแนวทางเดิม (หนังสือที่ %(number)s ลงวันที่ %(date)s) ไม่ต้องเป็นไปตามเกณฑ์นี้") % {
        "number": to_thai_digits(center.mechanism_letter_number or "…"),
        "date": thai_date(center.mechanism_letter_date) if center.mechanism_letter_date else "…"}


def composition_from(center: ServiceCenter, counts: Counts) -> dict:
    checked = rules(counts)
    applies = not center.keeps_earlier_mechanism
    return {"applies": applies, "rules": checked, "members": counts.members,
            "all_met": all(r["met"] for r in checked),
            "complete": applies and all(r["met"] for r in checked),
            "note": "" if applies else earlier_mechanism_note(center)}


def composition(center: ServiceCenter, *, today: date) -> dict:
    """The committee in office on `today` against the 2020 rules: {applies, rules: [{key, label, met,
    detail}], members, all_met, complete, note}. `applies` is False for a centre that keeps the earlier
    mechanism (the rules are then information only). Nothing is ever refused because of it."""
    return composition_from(center, counts_of(members_on(center, today)))


# --- periods -----------------------------------------------------------------------------------------

def this_quarter(today: date) -> tuple[date, date]:
    return fiscal_quarter_bounds(fiscal_year(today), fiscal_quarter(today))


def this_month(today: date) -> tuple[date, date]:
    return today.replace(day=1), today.replace(day=calendar.monthrange(today.year, today.month)[1])


# --- the centre page ---------------------------------------------------------------------------------

POSITION_ORDER = {code: n for n, code in enumerate(CommitteeMember.Position.values)}
RECENT = 10


def center_page(center: ServiceCenter, *, today: date) -> dict:
    """Everything the centre page shows, in a fixed number of queries whatever the number of records."""
    members = sorted(members_on(center, today), key=lambda m: (POSITION_ORDER.get(m.position, 99), m.id))
    quarter, month = this_quarter(today), this_month(today)
    meetings = list(Meeting.objects.filter(center=center).order_by("-date", "-id")[:RECENT])
    activities = list(Activity.objects.filter(center=center).order_by("-date", "-id")[:RECENT])
    start_of_year = fiscal_quarter_bounds(fiscal_year(today), 1)[0]
    plans = list(Plan.objects.filter(center=center, period_end__gte=start_of_year).order_by(
        "period_start", "kind", "id"))
    wisdoms = list(Wisdom.objects.filter(center=center, is_active=True).select_related("village").order_by(
        "name")[:RECENT])
    counts = ServiceCenter.objects.filter(pk=center.pk).annotate(
        meetings_in_quarter=_count_of(Meeting, date__range=quarter),
        activities_in_month=_count_of(Activity, date__range=month),
        meetings_total=_count_of(Meeting), activities_total=_count_of(Activity),
        wisdoms_total=_count_of(Wisdom, is_active=True), members_ever=_count_of(CommitteeMember),
    ).values("meetings_in_quarter", "activities_in_month", "meetings_total", "activities_total",
             "wisdoms_total", "members_ever").get()
    orders = list(AppointmentOrder.objects.filter(center=center).order_by("-date", "-id"))
    order_files = attachments_by_owner(orders, services.ORDER_FILE)
    photos = attachments_by_owner(activities, services.PHOTO)
    evidence = attachments_by_owner(activities, services.EVIDENCE_FILE)
    minutes = attachments_by_owner(meetings, services.MINUTES_FILE)
    plan_files = attachments_by_owner(plans, services.PLAN_FILE)
    letters = attachments_by_owner([center], services.LETTER_FILE)[center.pk]
    for order in orders:
        order.files = order_files[order.pk]
    for activity in activities:
        activity.photos, activity.files = photos[activity.pk], evidence[activity.pk]
    for meeting in meetings:
        meeting.files = minutes[meeting.pk]
    for plan in plans:
        plan.files = plan_files[plan.pk]
    return {
        "members": members, "composition": composition_from(center, counts_of(members)), "orders": orders,
        "meetings": meetings, "activities": activities, "plans": plans, "wisdoms": wisdoms, "letters": letters,
        "quarter": quarter, "month": month, "fiscal_year": fiscal_year(today), "fiscal_quarter": fiscal_quarter(today),
        **counts,
    }


# --- the province page -------------------------------------------------------------------------------

def _count_of(model, **filters):
    rows = (model.objects.filter(center=OuterRef("pk"), **filters).order_by().values("center")
            .annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def _centers_with_counts(centers: QuerySet[ServiceCenter], today: date) -> QuerySet[ServiceCenter]:
    """Each centre with its committee in office counted by the 2020 seats, its meetings this quarter and
    activities this month: one query."""
    office = in_office(today, "members__")
    return centers.annotate(
        n_members=Count("members", filter=office),
        n_chairs=Count("members", filter=office & Q(members__position=CommitteeMember.Position.CHAIR)),
        n_secretaries=Count("members", filter=office & Q(members__position=CommitteeMember.Position.SECRETARY)),
        n_agencies=Count("members", filter=office & Q(members__seat=CommitteeMember.Seat.AGENCY)),
        n_leaders=Count("members", filter=office & Q(members__seat=CommitteeMember.Seat.GROUP_LEADER)),
        n_meetings=_count_of(Meeting, date__range=this_quarter(today)),
        n_activities=_count_of(Activity, date__range=this_month(today)),
    )


@dataclass
class Row:
    """One line of the province (or national) table."""

    label: str
    code: str
    districts: int = 1
    centers: int = 0
    complete: int = 0
    earlier: int = 0
    members: int = 0
    meetings: int = 0
    activities: int = 0
    center: ServiceCenter | None = None
    composition: dict | None = None

    def add(self, center: ServiceCenter) -> dict:
        comp = composition_from(center, Counts(center.n_members, center.n_chairs, center.n_secretaries,
                                               center.n_agencies, center.n_leaders))
        self.centers += 1
        self.complete += comp["complete"]
        self.earlier += not comp["applies"]
        self.members += center.n_members
        self.meetings += center.n_meetings
        self.activities += center.n_activities
        return comp

    def absorb(self, other: Row) -> None:
        for name in ("districts", "centers", "complete", "earlier", "members", "meetings", "activities"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _summary(rows: list[Row], *, today: date, province: Province | None) -> dict:
    total = Row(label=_("รวม"), code="", districts=0)
    for row in rows:
        total.absorb(row)
    quarter, month = this_quarter(today), this_month(today)
    return {"rows": rows, "total": total, "province": province, "national": province is None, "today": today,
            "quarter": quarter, "month": month, "fiscal_year": fiscal_year(today),
            "fiscal_quarter": fiscal_quarter(today)}


def province_summary(province_code: str, *, today: date) -> dict:
    """One row per district of the province: centre recorded or not, committee complete (or แนวทางเดิม),
    members in office, meetings this fiscal quarter, activities this month, and the totals. Three queries."""
    province = Province.objects.get(code=province_code)
    districts = District.objects.filter(province_id=province_code, kind=District.Kind.DISTRICT).order_by("code")
    centers = _centers_with_counts(ServiceCenter.objects.filter(district__province_id=province_code), today)
    by_district = {c.district_id: c for c in centers}
    rows = []
    for district in districts:
        row = Row(label=district.full_name, code=district.code)
        if district.code in by_district:
            row.center = by_district[district.code]
            row.composition = row.add(row.center)
        rows.append(row)
    return _summary(rows, today=today, province=province)


def national_summary(*, today: date) -> dict:
    """One row per province of the department, the same columns summed over its districts. Two queries."""
    provinces = Province.objects.filter(in_department=True).annotate(
        n_districts=Count("districts", filter=Q(districts__kind=District.Kind.DISTRICT))).order_by("code")
    rows = {p.code: Row(label=p.full_name, code=p.code, districts=p.n_districts) for p in provinces}
    centers = _centers_with_counts(ServiceCenter.objects.filter(district__kind=District.Kind.DISTRICT), today)
    for center in centers.select_related(None).only(
            "id", "district_id", "mechanism", "mechanism_letter_number", "mechanism_letter_date"):
        row = rows.get(center.district_id[:2])
        if row is not None:
            row.add(center)
    return _summary(list(rows.values()), today=today, province=None)
