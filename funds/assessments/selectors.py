"""Reads of the assessments, the แม่ของแผ่นดิน fund villages and the fund summaries, scoped to the user's
office. An assessment names its fund by kind and id; it is scoped through the kind's own district field
(`funds.kinds`), so that what a user sees of assessments follows what they see of funds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from cdd_portal.accounts.scoping import KEEP, VIEW, restrict
from cdd_portal.geo.models import District, Province
from cdd_portal.thai import thai_date, to_thai_digits
from funds import kinds
from funds.assessments.models import (
    LEVEL_SETS,
    Assessment,
    IndicatorResult,
    IndicatorSet,
    MotherFundVillage,
    Principle,
)

# the kinds in the order of seed 004's appendix table
SUMMARY_KINDS = ("savings_group", "poverty", "mother_fund")


# --- funds of every kind -----------------------------------------------------------------------------

def active_q(kind) -> Q:
    """What «active» means for a kind's model: `is_active`, or a status of "active"."""
    names = {f.name for f in kind.model()._meta.get_fields()}
    if "is_active" in names:
        return Q(is_active=True)
    if "status" in names:
        return Q(status="active")
    return Q()


def funds_for(user, kind, action: str = VIEW) -> QuerySet:
    return restrict(kind.model().objects.all(), user, action, district_field=kind.district_field)


def fund_district(kind, fund) -> str:
    value = fund
    for part in kind.district_field.split("__"):
        value = getattr(value, part)
    return value.pk


def fund_label(fund) -> str:
    return str(getattr(fund, "label", None) or getattr(fund, "name", None) or fund)


def find_fund(user, kind_code: str, fund_id, action: str = VIEW):
    """The fund, if the user may see (or keep) it; else None."""
    kind = kinds.get(kind_code)
    if kind is None:
        return None
    try:
        return funds_for(user, kind, action).filter(pk=int(fund_id)).first()
    except (TypeError, ValueError):
        return None


def fund_choices(user, kind) -> list[tuple[int, str]]:
    """The active funds of a kind the user keeps, as (id, label) for a drop-down: one query."""
    model = kind.model()
    funds = funds_for(user, kind, KEEP).filter(active_q(kind))
    if any(f.name == "village" for f in model._meta.get_fields()):
        funds = funds.select_related("village__subdistrict")
    return [(f.pk, fund_label(f)) for f in funds]


def assessable_kinds() -> list:
    return [kinds.get(code) for code in SUMMARY_KINDS if kinds.get(code) is not None]


# --- indicator sets ----------------------------------------------------------------------------------

def indicator_sets() -> QuerySet[IndicatorSet]:
    return IndicatorSet.objects.all()


def current_set(fund_kind: str, fiscal_year: int) -> IndicatorSet | None:
    """The published set the assessments of that kind and year use: its latest published version."""
    return (IndicatorSet.objects.filter(fund_kind=fund_kind, fiscal_year=fiscal_year,
                                        status=IndicatorSet.Status.PUBLISHED)
            .order_by("-version").first())


def principles() -> QuerySet[Principle]:
    return Principle.objects.all()


# --- assessments -------------------------------------------------------------------------------------

def assessments_for(user, action: str = VIEW) -> QuerySet[Assessment]:
    """The assessments of the funds the user sees (or keeps): for each kind, its funds as the kind's district
    field scopes them. The assessment's own district (the fund's, copied when recorded) narrows first, so
    that the database reads one district's rows through its index."""
    condition = Q(pk__in=[])
    for kind in kinds.all_kinds():
        funds = funds_for(user, kind, action)
        if funds.query.has_filters():
            condition |= Q(fund_kind=kind.code, fund_id__in=funds.values("pk"))
        else:  # the user sees every fund of the kind
            condition |= Q(fund_kind=kind.code)
    assessments = restrict(Assessment.objects.all(), user, action, district_field="district")
    return assessments.filter(condition).select_related("district__province", "indicator_set", "level_rule")


def results_of(assessment: Assessment) -> list[IndicatorResult]:
    return list(assessment.results.select_related("indicator__principle").order_by("indicator__number"))


def failed_principles(results: list[IndicatorResult]) -> list[dict]:
    """The principles with a failed indicator, each with its remedy (seed 004 §๑.๒.๒) and the failed numbers."""
    failed: dict[int, dict] = {}
    for result in results:
        if result.passed:
            continue
        principle = result.indicator.principle
        entry = failed.setdefault(principle.pk, {"principle": principle, "numbers": []})
        entry["numbers"].append(result.indicator.number)
    return sorted(failed.values(), key=lambda e: (e["principle"].order, e["principle"].pk))


def counterpart(assessment: Assessment) -> Assessment | None:
    """The other round (before ↔ after) of the same fund and fiscal year."""
    other = Assessment.Round.AFTER if assessment.round == Assessment.Round.BEFORE else Assessment.Round.BEFORE
    return (Assessment.objects.filter(fund_kind=assessment.fund_kind, fund_id=assessment.fund_id,
                                      fiscal_year=assessment.fiscal_year, round=other)
            .select_related("level_rule").first())


def comparison(assessment: Assessment) -> dict | None:
    """Before and after side by side, indicator by indicator (matched by number)."""
    other = counterpart(assessment)
    if other is None:
        return None
    before, after = ((assessment, other) if assessment.round == Assessment.Round.BEFORE else (other, assessment))
    before_results = {r.indicator.number: r for r in results_of(before)}
    after_results = {r.indicator.number: r for r in results_of(after)}
    rows = []
    for number in sorted(set(before_results) | set(after_results)):
        b, a = before_results.get(number), after_results.get(number)
        indicator = (a or b).indicator
        rows.append({"indicator": indicator, "before": b, "after": a,
                     "improved": bool(a and a.passed and b and not b.passed),
                     "worse": bool(b and b.passed and a and not a.passed)})
    return {"before": before, "after": after, "rows": rows}


def fund_assessments(kind_code: str, fund_id: int) -> QuerySet[Assessment]:
    return (Assessment.objects.filter(fund_kind=kind_code, fund_id=fund_id).select_related("level_rule")
            .order_by("-fiscal_year", "round"))


# --- แม่ของแผ่นดิน fund villages ------------------------------------------------------------------

def mother_funds_for(user, action: str = VIEW) -> QuerySet[MotherFundVillage]:
    return restrict(MotherFundVillage.objects.select_related("district__province", "village__subdistrict"),
                    user, action, district_field="district")


def mother_fund_status(fund: MotherFundVillage) -> list[tuple[str, str]]:
    """The fund's state for a handover record: [(Thai label, value as text)]."""
    latest = fund_assessments("mother_fund", fund.pk).order_by("-fiscal_year", "-round").first()
    level = (_("ระดับ %(l)s ปีงบประมาณ %(y)s") % {"l": latest.level, "y": to_thai_digits(latest.fiscal_year)}
             if latest and latest.level else _("ยังไม่มีผลการประเมิน"))
    return [
        (_("หมู่บ้าน"), f"{fund} ต.{fund.village.subdistrict.name_th}"),
        (_("ปีที่เข้าร่วม"), to_thai_digits(fund.year_joined) if fund.year_joined else "—"),
        (_("สถานะ"), str(fund.get_status_display())),
        (_("ระดับล่าสุด"), str(level)),
    ]


# --- the summaries (seed 004 §3.1) -------------------------------------------------------------------

def deadline(fiscal_year: int) -> date:
    """The assessments are reported in March (seed 004 §1; seed 002 part 2): 31 March of the fiscal year."""
    return date(fiscal_year - 543, 3, 31)


@dataclass
class Cell:
    count: int = 0
    levels: list = field(default_factory=list)
    not_assessed: int = 0

    def add(self, other: Cell) -> None:
        self.count += other.count
        self.not_assessed += other.not_assessed
        self.levels = [a + b for a, b in zip(self.levels, other.levels, strict=True)]


@dataclass
class SummaryRow:
    code: str
    label: str
    cells: dict = field(default_factory=dict)


def _level_counts(kind, fiscal_year: int, district_codes: list[str] | None, by: str) -> dict[str, Cell]:
    """{district or province code: Cell} for one kind, in one SQL query: the active funds, each with the
    level of its latest assessment of the year (the "after" round, else the "before")."""
    levels = LEVEL_SETS[kind.level_set]
    funds = kind.model().objects.filter(active_q(kind))
    latest = Assessment.objects.filter(fund_kind=kind.code, fiscal_year=fiscal_year)
    if district_codes is not None:  # a province: its districts by code, read through the district indexes
        funds = funds.filter(**{f"{kind.district_field}__in": district_codes})
        latest = latest.filter(district_id__in=district_codes)
    area = kind.district_field if by == "district" else (kind.province_field or f"{kind.district_field}__province")
    funds = (funds.order_by().annotate(summary_fund=F("pk"), summary_area=F(area))
             .values("summary_fund", "summary_area"))
    # one assessment per fund, year and round (a unique index): the "after" one, else the "before" one.
    # PostgreSQL reads the unique index backwards (DISTINCT ON: 47 ms for a province, 212 ms for the nation);
    # the demo's SQLite has no DISTINCT ON and takes an anti-join (on PostgreSQL 78 / 487 ms).
    if connection.features.can_distinct_on_fields:
        latest = latest.order_by("-fund_id", "-round").distinct("fund_id").values("fund_id", "level")
    else:
        after = Assessment.objects.filter(fund_kind=kind.code, fiscal_year=fiscal_year,
                                          round=Assessment.Round.AFTER, fund_id=OuterRef("fund_id"))
        latest = latest.filter(Q(round=Assessment.Round.AFTER) | ~Exists(after)).order_by().values("fund_id", "level")
    fund_sql, fund_params = funds.query.sql_with_params()
    latest_sql, latest_params = latest.query.sql_with_params()
    level_columns = ", ".join("COUNT(*) FILTER (WHERE l.level = %s)" for _level in levels)
    sql = (f"SELECT f.summary_area, COUNT(*), COUNT(l.fund_id), {level_columns} "
           f"FROM ({fund_sql}) f LEFT JOIN ({latest_sql}) l ON l.fund_id = f.summary_fund "
           f"GROUP BY f.summary_area")
    with connection.cursor() as cursor:
        cursor.execute(sql, (*levels, *fund_params, *latest_params))
        rows = cursor.fetchall()
    counts = {}
    for area_code, total, _assessed, *by_level in rows:
        # an assessment below every level (none is, once a set is published with a catch-all rule) is
        # counted with the not assessed, so that the count is always the levels plus the not assessed
        counts[area_code] = Cell(count=total, levels=list(by_level), not_assessed=total - sum(by_level))
    return counts


def summary(province_code: str | None, fiscal_year: int, *, today: date) -> dict:
    """Seed 004's appendix table: per district of a province (or per province of the nation), for each fund
    kind the active funds and how many reached each level this fiscal year, with the not yet assessed.
    One query for the areas and one per fund kind."""
    fund_kinds = assessable_kinds()
    if province_code:
        province = Province.objects.get(code=province_code)
        areas = [(d.code, d.name_th) for d in District.objects.filter(
            province_id=province_code, kind=District.Kind.DISTRICT).order_by("code").only("code", "name_th")]
        by = "district"
    else:
        province = None
        areas = [(p.code, p.name_th) for p in Province.objects.filter(in_department=True).order_by("code")]
        by = "province"
    codes = [code for code, _label in areas] if province_code else None
    counts = {kind.code: _level_counts(kind, fiscal_year, codes, by) for kind in fund_kinds}
    rows = []
    total = SummaryRow(code="", label=_("รวม"),
                       cells={k.code: Cell(levels=[0] * len(LEVEL_SETS[k.level_set])) for k in fund_kinds})
    for code, label in areas:
        row = SummaryRow(code=code, label=label)
        for kind in fund_kinds:
            cell = counts[kind.code].get(code) or Cell(levels=[0] * len(LEVEL_SETS[kind.level_set]))
            row.cells[kind.code] = cell
            total.cells[kind.code].add(cell)
        rows.append(row)
    due = deadline(fiscal_year)
    columns = [{"code": k.code, "label": str(k.label), "levels": LEVEL_SETS[k.level_set],
                "unit": _("กลุ่ม") if k.code == "savings_group" else _("กองทุน")} for k in fund_kinds]
    return {"province": province, "national": province is None, "fiscal_year": fiscal_year, "today": today,
            "rows": rows, "total": total, "columns": columns, "deadline": due, "overdue": today > due,
            "deadline_text": thai_date(due),
            "not_assessed": [(c["label"], total.cells[c["code"]].not_assessed) for c in columns]}


def latest_levels(kind_code: str, fund_ids: list[int]) -> dict[int, str]:
    """The level of each fund's latest assessment as a label («ระดับ ๓»), for `funds.kinds.latest_levels`:
    one query, newest fiscal year and the "after" round first (portable: no DISTINCT ON)."""
    rows = (Assessment.objects.filter(fund_kind=kind_code, fund_id__in=fund_ids).exclude(level="")
            .order_by("fund_id", "-fiscal_year", "-round").values_list("fund_id", "level"))
    out: dict[int, str] = {}
    for fund_id, level in rows:
        out.setdefault(fund_id, _("ระดับ %(level)s") % {"level": to_thai_digits(level)})
    return out
