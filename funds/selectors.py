"""Reads of the savings-group registry, scoped to the user's office."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal import references
from cdd_portal.accounts.scoping import VIEW, restrict
from cdd_portal.thai import thai_date, to_thai_digits
from cdd_portal.thai.formatting import format_number
from funds.models import (
    Beneficiary,
    CommitteeDivision,
    GroupCommitteeMember,
    Member,
    MemberCount,
    SavingsGroup,
)

FIGURES_FORM = "savings-group-status"


def groups_for(user, action: str = VIEW) -> QuerySet[SavingsGroup]:
    qs = SavingsGroup.objects.select_related("district__province", "village__subdistrict")
    return restrict(qs, user, action, district_field="district")


def committee_for(user, action: str = VIEW) -> QuerySet[GroupCommitteeMember]:
    qs = GroupCommitteeMember.objects.select_related("group__district", "division")
    return restrict(qs, user, action, district_field="group__district")


def members_for(user, action: str = VIEW) -> QuerySet[Member]:
    qs = Member.objects.select_related("group__district")
    return restrict(qs, user, action, district_field="group__district")


def beneficiaries_for(user, action: str = VIEW) -> QuerySet[Beneficiary]:
    qs = Beneficiary.objects.select_related("member__group__district")
    return restrict(qs, user, action, district_field="member__group__district")


def member_counts_for(user, action: str = VIEW) -> QuerySet[MemberCount]:
    qs = MemberCount.objects.select_related("group__district")
    return restrict(qs, user, action, district_field="group__district")


def _words(text: str) -> list[str]:
    return " ".join((text or "").split()).split(" ") if (text or "").strip() else []


def search(qs: QuerySet[SavingsGroup], text: str) -> QuerySet[SavingsGroup]:
    text = " ".join((text or "").split())
    if not text:
        return qs
    return qs.filter(Q(name__icontains=text) | Q(village__name_th__icontains=text)
                     | Q(village__subdistrict__name_th__icontains=text) | Q(registration_ref__icontains=text))


def search_people(qs: QuerySet, text: str) -> QuerySet:
    """Members or committee members by name, member number, or the last digits of the national ID."""
    for word in _words(text):
        digits = word.replace("-", "")
        condition = Q(name__icontains=word)
        if hasattr(qs.model, "member_no"):
            condition |= Q(member_no=word)
        if digits.isdigit() and len(digits) >= 4:
            condition |= Q(national_id__endswith=digits)
        qs = qs.filter(condition)
    return qs


def active_groups_of(district_code: str) -> QuerySet[SavingsGroup]:
    """The groups a new report of the district lists (report forms' group references)."""
    return (SavingsGroup.objects.filter(district_id=district_code, is_active=True)
            .select_related("village").order_by("name"))


def in_office(day: date, prefix: str = "") -> Q:
    """Committee members in office on `day`: started, not left, term not over."""
    return (Q(**{f"{prefix}term_start__lte": day})
            & (Q(**{f"{prefix}left_on__isnull": True}) | Q(**{f"{prefix}left_on__gte": day}))
            & (Q(**{f"{prefix}term_end__isnull": True}) | Q(**{f"{prefix}term_end__gte": day})))


def current_committee(group: SavingsGroup, day: date) -> list[dict]:
    """The committee in office on `day` by division, in the divisions' order (every active division, and an
    inactive one only while someone still sits in it): [{"division", "members"}]."""
    members = list(group.committee.filter(in_office(day)).select_related("division")
                   .order_by("division__sort_order", "division_id", "position", "name"))
    order = {code: n for n, code in enumerate(GroupCommitteeMember.Position.values)}
    members.sort(key=lambda m: (m.division.sort_order, m.division_id, order.get(m.position, 99), m.name))
    divisions = list(CommitteeDivision.objects.filter(Q(is_active=True) | Q(id__in={m.division_id for m in members})))
    return [{"division": d, "members": [m for m in members if m.division_id == d.pk]} for d in divisions]


def latest_count(group: SavingsGroup) -> MemberCount | None:
    return group.member_counts.order_by("-counted_on").first()


def member_totals(group: SavingsGroup) -> dict:
    """The group's members now, by type: from its register, or from its latest count."""
    if group.keeps_member_register:
        rows = group.members.filter(left_on__isnull=True).values("kind").annotate(n=Count("id"))
        by_kind = {row["kind"]: row["n"] for row in rows}
        shares = group.members.filter(left_on__isnull=True).aggregate(s=Sum("shares"))["s"] or 0
        return {"ordinary": by_kind.get("ordinary", 0), "associate": by_kind.get("associate", 0),
                "honorary": by_kind.get("honorary", 0), "total": sum(by_kind.values()), "shares": shares,
                "counted_on": None}
    count = latest_count(group)
    if count is None:
        return {"ordinary": 0, "associate": 0, "honorary": 0, "total": 0, "shares": None, "counted_on": None,
                "missing": True}
    return {"ordinary": count.ordinary, "associate": count.associate, "honorary": count.honorary,
            "total": count.total, "shares": None, "counted_on": count.counted_on}


def figures_of(ids) -> dict:
    """The latest approved monthly figures of each group (one query for a page of groups)."""
    return references.approved_figures("group", ids, form_code=FIGURES_FORM)


def history_of_figures(group: SavingsGroup) -> list:
    """The group's last 12 approved months, newest first."""
    return references.approved_history("group", group.pk, form_code=FIGURES_FORM, limit=12)


def members_page_queryset(group: SavingsGroup, text: str = "", *, include_left: bool = False) -> QuerySet[Member]:
    qs = group.members.all()
    if not include_left:
        qs = qs.filter(left_on__isnull=True)
    qs = qs.annotate(beneficiary_count=Count("beneficiaries", filter=Q(beneficiaries__ended_on__isnull=True)))
    return search_people(qs, text).order_by("left_on", "member_no", "id")


def member_with_beneficiaries(qs: QuerySet[Member]) -> QuerySet[Member]:
    return qs.prefetch_related(Prefetch("beneficiaries", queryset=Beneficiary.objects.order_by("ended_on", "id")))


# --- the group's state at a handover (funds.kinds) ---------------------------------------------------------

def _money(value) -> str:
    return format_number(value, 2) if value not in (None, "") else "–"


def thai_number(value) -> str:
    return format_number(value or 0)


def handover_status(group: SavingsGroup) -> list[tuple[str, str]]:
    """The brown book's fields for a savings group at this moment: [(Thai label, value as text)]."""
    today = timezone.localdate()
    totals = member_totals(group)
    if group.keeps_member_register:
        members = _("%(n)s คน (สามัญ %(o)s วิสามัญ %(a)s กิตติมศักดิ์ %(h)s) ตามทะเบียนสมาชิก") % {
            "n": thai_number(totals["total"]), "o": thai_number(totals["ordinary"]),
            "a": thai_number(totals["associate"]), "h": thai_number(totals["honorary"])}
    elif totals["counted_on"]:
        members = _("%(n)s คน (สามัญ %(o)s วิสามัญ %(a)s กิตติมศักดิ์ %(h)s) นับเมื่อ %(d)s") % {
            "n": thai_number(totals["total"]), "o": thai_number(totals["ordinary"]),
            "a": thai_number(totals["associate"]), "h": thai_number(totals["honorary"]),
            "d": thai_date(totals["counted_on"])}
    else:
        members = _("ยังไม่มีข้อมูลจำนวนสมาชิก")
    rows = [(_("สมาชิก"), members)]
    committee = current_committee(group, today)
    sizes = [f"{c['division'].name} {thai_number(len(c['members']))} คน" for c in committee]
    total = sum(len(c["members"]) for c in committee)
    rows.append((_("คณะกรรมการที่อยู่ในตำแหน่ง"),
                 _("%(n)s คน") % {"n": thai_number(total)} + (f" ({', '.join(sizes)})" if sizes else "")))
    figures = figures_of([group.pk]).get(group.pk)
    if figures is None:
        rows.append((_("ตัวเลขการเงินล่าสุด"), _("ยังไม่มีรายงานที่อนุมัติแล้ว")))
        return rows
    values = figures.values
    period = to_thai_digits(figures.period_label)
    rows += [
        (_("เงินสัจจะสะสม (บาท) ณ %(p)s") % {"p": period}, _money(values.get("savings"))),
        (_("ยอดเงินให้สมาชิกกู้คงค้าง (บาท) ณ %(p)s") % {"p": period}, _money(values.get("loans"))),
        (_("สมาชิกผู้กู้ (คน) ณ %(p)s") % {"p": period},
         thai_number(values["borrowers"]) if values.get("borrowers") not in (None, "") else "–"),
        (_("เงินกู้ค้างชำระ (บาท) ณ %(p)s") % {"p": period}, _money(values.get("overdue"))),
    ]
    return rows
