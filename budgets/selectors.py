"""Reads of budgets, scoped through cdd_portal.accounts.scoping."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from pythainlp.util import collate

from budgets.models import Allocation, Register
from cdd_portal.accounts.models import Office
from cdd_portal.accounts.scoping import restrict, scope_of

ZERO = Value(Decimal("0.00"), output_field=DecimalField(max_digits=14, decimal_places=2))


def allocations_for(user) -> QuerySet[Allocation]:
    """A district sees its own office's allocations; a province its own and its districts'; the
    department everything."""
    qs = Allocation.objects.select_related("office__district", "office__province", "register__activity",
                                           "register__province")
    return restrict(qs, user, district_field="office__district", province_field="register__province")


def registers_for(user) -> QuerySet[Register]:
    """A register is seen by its province, the department, and the districts it allocates to."""
    qs = Register.objects.select_related("activity__fiscal_year", "province")
    scoped = restrict(qs, user, district_field="allocations__office__district", province_field="province")
    return scoped.distinct() if scope_of(user).level == "district" else scoped


def with_allocated(registers: QuerySet[Register]) -> QuerySet[Register]:
    """Adds `allocated`, the total of all the register's lines, whoever looks: a subquery, not a sum over
    the scoped join (a district office sees its own line but the register's total is the province's)."""
    total = (Allocation.objects.filter(register=OuterRef("pk")).order_by().values("register")
             .annotate(total=Sum("amount")).values("total"))
    return registers.annotate(allocated=Coalesce(Subquery(total), ZERO))


def with_spent(qs: QuerySet[Allocation]) -> QuerySet[Allocation]:
    """Adds `spent` (sum of disbursements) and `remaining` (amount − spent) in the same query."""
    return qs.annotate(spent=Coalesce(Sum("disbursements__amount"), ZERO)).annotate(
        remaining=F("amount") - F("spent"))


@dataclass
class RegisterLine:
    number: int | None
    name: str
    allocation: Allocation


@dataclass
class ProvinceBlock:
    province_name: str
    lines: list[RegisterLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.allocation.amount for line in self.lines), Decimal("0.00"))


def _line_name(allocation: Allocation) -> str:
    office = allocation.office
    if office.level == Office.Level.PROVINCE:
        label = f"สพจ.{office.province.name_th}"
        return f"{label} ({allocation.line})" if allocation.line else label
    name = office.district.name_th
    return f"{name} ({allocation.line})" if allocation.line else name


def register_blocks(registers: QuerySet[Register]) -> list[ProvinceBlock]:
    """The rows of a register in the seed's order: each province's own lines first, then its districts
    in Thai dictionary order, numbered; one block per province (the national register has 76)."""
    allocations = with_spent(
        Allocation.objects.filter(register__in=registers)
        .select_related("office__province", "office__district")
        .only("id", "register_id", "line", "amount", "target_count", "target_unit", "note", "office__level",
              "office__province__name_th", "office__district__name_th")
    )
    by_province: dict[str, list[Allocation]] = {}
    for allocation in allocations:
        by_province.setdefault(allocation.office.province_id, []).append(allocation)
    names = {r.province_id: r.province.name_th for r in registers.select_related("province")}
    blocks = []
    for code in sorted(by_province):
        rows = by_province[code]
        own = [a for a in rows if a.office.level == Office.Level.PROVINCE]
        districts = [a for a in rows if a.office.level == Office.Level.DISTRICT]
        order = {name: i for i, name in enumerate(collate({_line_name(a) for a in districts}))}
        districts.sort(key=lambda a: (order[_line_name(a)], a.id))
        block = ProvinceBlock(province_name=names[code])
        block.lines += [RegisterLine(None, _line_name(a), a) for a in own]
        block.lines += [RegisterLine(i, _line_name(a), a) for i, a in enumerate(districts, start=1)]
        blocks.append(block)
    return blocks


def national_register(activity) -> dict:
    """The national register of one activity: a block per province, the grand total of the lines and
    the total of the budgets the provinces were notified of."""
    registers = Register.objects.filter(activity=activity)
    blocks = register_blocks(registers)
    return {"blocks": blocks, "total": sum((b.total for b in blocks), Decimal("0.00")),
            "stated": registers.aggregate(total=Sum("stated_budget"))["total"]}


def percent_spent(allocation) -> Decimal:
    """How much of an allocation (annotated by `with_spent`) has been spent, in per cent."""
    if not allocation.amount:
        return Decimal("0.00")
    return (getattr(allocation, "spent", Decimal("0.00")) * 100 / allocation.amount).quantize(Decimal("0.01"))


def registers_of_activity(activity_id: int, province_code: str | None = None) -> QuerySet[Register]:
    qs = Register.objects.filter(activity_id=activity_id)
    return qs.filter(Q(province_id=province_code)) if province_code else qs


def office_budget(office, fiscal_year: int, *, activity_contains: str = "") -> dict:
    """What an office received and spent in a fiscal year, for the activities whose name contains
    `activity_contains` (a report's prefill, e.g. ข้อ ๒.๓ of the สัมมาชีพชุมชน report)."""
    qs = with_spent(Allocation.objects.filter(office=office, register__activity__fiscal_year__year=fiscal_year))
    if activity_contains:
        qs = qs.filter(register__activity__name__icontains=activity_contains)
    rows = list(qs.values_list("amount", "spent"))
    return {"allocated": sum((a for a, _s in rows), Decimal("0.00")),
            "spent": sum((s for _a, s in rows), Decimal("0.00")), "count": len(rows)}


def plan_tree(fiscal_year) -> list:
    """The plan tree of a fiscal year in reading order (each item followed by its children), with how
    many registers each activity has: one query for the items, one for the counts."""
    from django.db.models import Count

    from budgets.models import PlanItem

    items = list(PlanItem.objects.filter(fiscal_year=fiscal_year).annotate(register_count=Count("registers"))
                 .order_by("level", "name"))
    children: dict = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    ordered: list = []

    def walk(parent_id):
        for item in children.get(parent_id, []):
            ordered.append(item)
            walk(item.pk)

    walk(None)
    return ordered
