"""Reads of the handover book, scoped to the user's office, and the selectors the fund pages of the other
fund apps call (`responsible_officers`, `handover_history`, `incomplete_funds`): those take fund ids the
caller has already scoped, and never import the fund apps (the kinds are in `funds.kinds`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from cdd_portal.accounts.scoping import VIEW, audits_personal_data, is_administrator, restrict, scope_of
from cdd_portal.audit.models import AuditEntry
from funds import kinds
from funds.handovers.models import ChecklistItem, Handover, HandoverFund, ItemReceipt, Responsibility

# --- scoped querysets --------------------------------------------------------------------------------


def handovers_for(user, action: str = VIEW) -> QuerySet[Handover]:
    qs = Handover.objects.select_related("district__province", "outgoing_user", "incoming_user")
    return restrict(qs, user, action, district_field="district")


def items_for(user, action: str = VIEW) -> QuerySet[ChecklistItem]:
    return restrict(ChecklistItem.objects.select_related("line__handover"), user, action,
                    district_field="line__handover__district")


def responsibilities_for(user, action: str = VIEW) -> QuerySet[Responsibility]:
    return restrict(Responsibility.objects.select_related("officer", "district", "handover"), user, action,
                    district_field="district")


def visible_funds(user, kind: kinds.FundKind) -> QuerySet:
    """The funds of a kind the user may see (through the kind's district field)."""
    return restrict(kind.model()._default_manager.all(), user, VIEW, district_field=kind.district_field,
                    province_field=kind.province_field)


def _outstanding() -> Q:
    """Checklist items of a signed handover that were not received and have no follow-up yet."""
    return Q(line__handover__status=Handover.Status.SIGNED, received=False) & ~Q(
        Exists(ItemReceipt.objects.filter(item=OuterRef("pk"))))


def search_handovers(qs, text: str):
    for word in (text or "").split():
        qs = qs.filter(Q(outgoing_user__first_name__icontains=word) | Q(outgoing_user__last_name__icontains=word)
                       | Q(incoming_user__first_name__icontains=word) | Q(incoming_user__last_name__icontains=word)
                       | Q(outgoing_chair__icontains=word) | Q(incoming_chair__icontains=word)
                       | Q(funds__fund_label__icontains=word) | Q(district__name_th__icontains=word)).distinct()
    return qs


def with_lines(qs: QuerySet[Handover]) -> QuerySet[Handover]:
    """A list's rows with their funds (one query more) and the count of missing items."""
    missing = ChecklistItem.objects.filter(_outstanding(), line__handover=OuterRef("pk"))
    return qs.prefetch_related(Prefetch("funds", queryset=HandoverFund.objects.order_by("id"))).annotate(
        has_missing=Exists(missing))


# --- the record page ---------------------------------------------------------------------------------

@dataclass
class Line:
    line: HandoverFund
    kind_label: str
    items: list
    missing: list = field(default_factory=list)


def record_page(handover: Handover) -> dict:
    """The funds of a record with their status, checklist and what is still missing."""
    lines = list(handover.funds.prefetch_related(
        Prefetch("items", queryset=ChecklistItem.objects.prefetch_related("receipts").order_by("id"))).order_by("id"))
    out = []
    signed = handover.status == Handover.Status.SIGNED  # before signing nothing has been handed over yet
    for line in lines:
        kind = kinds.get(line.kind_code)
        items = list(line.items.all())
        missing = [i for i in items if signed and not i.received and not list(i.receipts.all())]
        out.append(Line(line=line, kind_label=str(kind.label) if kind else line.kind_code, items=items,
                        missing=missing))
    return {"lines": out, "missing_total": sum(len(x.missing) for x in out)}


# --- for the fund pages of the other apps --------------------------------------------------------------

def responsible_officers(kind_code: str, fund_ids) -> dict[int, tuple[str, str, date]]:
    """{fund id: (officer's name, position, since)} of the current responsible officers (one query)."""
    rows = (Responsibility.objects.filter(kind_code=kind_code, fund_id__in=list(fund_ids), until__isnull=True)
            .select_related("officer"))
    return {r.fund_id: (r.officer.display_name, r.position, r.since) for r in rows}


def responsibility_history(kind_code: str, fund_id: int) -> list[Responsibility]:
    return list(Responsibility.objects.filter(kind_code=kind_code, fund_id=fund_id)
                .select_related("officer", "handover").order_by("since", "id"))


def handover_history(kind_code: str, fund_id: int) -> list[dict]:
    """Every handover record of a fund, oldest first, cancelled ones included (nothing is lost): each with
    its ครั้งที่ among the signed ones, the record, its line and the items still missing."""
    lines = list(HandoverFund.objects.filter(kind_code=kind_code, fund_id=fund_id)
                 .select_related("handover__outgoing_user", "handover__incoming_user")
                 .prefetch_related(Prefetch("items", queryset=ChecklistItem.objects.prefetch_related("receipts")))
                 .order_by("handover__date", "handover_id"))
    out, number = [], 0
    for line in lines:
        handover = line.handover
        signed = handover.status == Handover.Status.SIGNED
        if signed:
            number += 1
        missing = [i for i in line.items.all() if signed and not i.received and not list(i.receipts.all())]
        out.append({"number": number if signed else None, "handover": handover, "line": line, "missing": missing})
    return out


def incomplete_funds(kind_code: str, fund_ids) -> set[int]:
    """The funds (of those given) with an item missing from a signed handover and not received since."""
    return set(ChecklistItem.objects.filter(_outstanding(), line__kind_code=kind_code,
                                            line__fund_id__in=list(fund_ids))
               .values_list("line__fund_id", flat=True).distinct())


def pending_handovers(kind_code: str, fund_ids) -> set[int]:
    return set(HandoverFund.objects.filter(kind_code=kind_code, fund_id__in=list(fund_ids),
                                           handover__status=Handover.Status.PENDING)
               .values_list("fund_id", flat=True))


# --- an officer's funds ------------------------------------------------------------------------------

def funds_of(officer) -> list[dict]:
    """The funds the officer is responsible for now, with their names (one query per kind) and flags."""
    rows = list(Responsibility.objects.filter(officer=officer, until__isnull=True)
                .select_related("handover").order_by("kind_code", "since", "id"))
    by_kind: dict[str, list[int]] = defaultdict(list)
    for r in rows:
        by_kind[r.kind_code].append(r.fund_id)
    names, flags = {}, {}
    for code, ids in by_kind.items():
        kind = kinds.get(code)
        if kind is not None:
            names[code] = {f.pk: str(f) for f in kind.model()._default_manager.filter(pk__in=ids)}
        flags[code] = incomplete_funds(code, ids)
    out = []
    for r in rows:
        kind = kinds.get(r.kind_code)
        out.append({"responsibility": r, "kind_label": str(kind.label) if kind else r.kind_code,
                    "name": names.get(r.kind_code, {}).get(r.fund_id, f"#{r.fund_id}"),
                    "incomplete": r.fund_id in flags.get(r.kind_code, set())})
    return out


def fund_choices(user, district_code: str) -> list[tuple[str, str]]:
    """("kind_code:id", "kind — fund") of every fund of every kind the user may hand over in a district."""
    from funds.handovers.services import kept_funds

    out = []
    for kind in kinds.all_kinds():
        for fund in kept_funds(user, kind, district_code).order_by("pk"):
            out.append((f"{kind.code}:{fund.pk}", f"{kind.label} — {fund}"))
    return out


def kind_counts(qs: QuerySet[Handover]) -> dict:
    return dict(qs.values_list("kind").annotate(n=Count("id")))


# --- PDPA: who opened whose whole national ID ------------------------------------------------------------

def reveal_log(user) -> QuerySet[AuditEntry]:
    """The `reveal` audit entries the user may read: a district head their district's, administrators all."""
    qs = AuditEntry.objects.filter(action=AuditEntry.Action.REVEAL).select_related("user")
    if is_administrator(user):
        return qs
    district = scope_of(user).district_code
    if not audits_personal_data(user, district):
        raise PermissionDenied
    return qs.filter(district_code=district)


def reads_reveal_log(user) -> bool:
    return is_administrator(user) or audits_personal_data(user, scope_of(user).district_code)
