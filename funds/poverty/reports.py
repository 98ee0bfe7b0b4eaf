"""The กข.คจ. reports of the 2553 regulation (fund-registries.md §3.8), read from the four books as of a day:

- `village_debt(fund, as_of)`: แบบรายงานภาวะหนี้สินฐานะการเงินโครงการแก้ไขปัญหาความยากจน (กข.คจ.) of one village
  (a row per loan, repaid ones included, and สรุป ๑–๖);
- `district_summary(district, as_of)`: แบบ 26(1), a row per village fund of a district, and รวมทั้งสิ้น;
- `province_summary(province, as_of)`: แบบ 26(2), a row per district of a province, and รวม;
- `village_database(province, as_of)`: the ข้อ 27 database, a row per village fund of a province (columns ก–ณ);
- `debtors(district, as_of)`: the district's debtors (ลูกหนี้ค้างชำระ), a list to paginate.

Every sum is a grouped aggregate computed in PostgreSQL (`figures_by`: one pass over the funds' households,
loans, repayments and bank entries, grouped by fund or by district); each report takes a fixed, small
number of queries whatever the number of villages. The money of a fund, as of a day:

- เงินที่ให้ยืม (คงค้าง): loans made by that day and not written off, less their valid repayments by that day;
- เงินในบัญชีธนาคาร: the green book's valid deposits less withdrawals by that day;
- เงินทุนที่ขาดหายไป: what written-off loans still owed (the capital lost);
- เงินในมือหรืออื่น ๆ: the rest of the capital, neither at a household, nor in the bank, nor lost
  (initial capital − the three above); negative when the books do not reconcile;
- รวมเงินทุน: outstanding + bank + in hand = the capital less what was lost;
- ได้รับคืนรอบปี: valid repayments from the first day of the fiscal year (1 October) to that day.

A loan's overdue amount and its default (overdue longer than the regulation setting's forbearance days)
follow `selectors.loans_with_balances`: that annotation itself for one village's loans (`loan_figures`),
the same rule applied to per-loan sums for a district's or a province's loans (`debtors`, `debts_by`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from cdd_portal.geo.models import District, Province
from cdd_portal.thai import fiscal_year, fiscal_year_bounds
from funds.poverty.models import BankEntry, Loan, LoanInstalment, Repayment, TargetHousehold, VillageFund
from funds.poverty.selectors import loans_with_balances

MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0.00")
Z = Value(ZERO, output_field=MONEY)

# (fund ids) -> {fund id: Thai label of its development level}: the governance assessments, when known
LevelOf = Callable[[list[int]], dict[int, str]]


def year_start(as_of: date) -> date:
    """The first day of the fiscal year of `as_of` (1 October): from when «ได้รับคืนรอบปี» counts."""
    return fiscal_year_bounds(fiscal_year(as_of))[0]


def written_off_by(day: date) -> Q:
    """A loan written off on or before `day` (a write-off without a date counts as always)."""
    return Q(status=Loan.Status.WRITTEN_OFF) & (Q(written_off_on__isnull=True) | Q(written_off_on__lte=day))


FIGURES = ("households_count", "households_members", "borrowers_count", "borrowers_members", "passed_count",
           "passed_members", "lent", "repaid", "lost_lent", "lost_repaid", "deposits", "withdrawals",
           "repaid_in_year")


@dataclass
class Figures:
    """What the books say of a fund (or of the funds of a district), as of a day."""

    capital: Decimal = ZERO
    households_total: int = 0
    villages: int = 0
    subdistricts: int = 0
    households_count: int = 0  # target households still in the book (ก)
    households_members: int = 0  # (ข)
    borrowers_count: int = 0  # households that borrowed by that day (ค)
    borrowers_members: int = 0  # (ง)
    passed_count: int = 0  # latest known income above the จปฐ. line (จ)
    passed_members: int = 0  # (ฉ)
    lent: Decimal = ZERO  # every loan made by that day
    repaid: Decimal = ZERO  # valid repayments by that day
    lost_lent: Decimal = ZERO  # loans written off by that day
    lost_repaid: Decimal = ZERO  # what had been repaid on them
    deposits: Decimal = ZERO
    withdrawals: Decimal = ZERO
    repaid_in_year: Decimal = ZERO  # valid repayments since 1 October

    @property
    def lost(self) -> Decimal:
        return self.lost_lent - self.lost_repaid

    @property
    def outstanding(self) -> Decimal:
        return self.lent - self.repaid - self.lost

    @property
    def bank(self) -> Decimal:
        return self.deposits - self.withdrawals

    @property
    def in_hand(self) -> Decimal:
        return self.capital - self.outstanding - self.bank - self.lost

    @property
    def total(self) -> Decimal:
        return self.capital - self.lost


def figures_by(funds: QuerySet[VillageFund], as_of: date, by: str = "fund", *, with_funds: bool = True) -> dict:
    """{fund id (by="fund") or district code (by="district"): Figures} of `funds`, as of a day. Five grouped
    aggregates (the funds, their households, loans, repayments and bank entries), each one pass over the
    rows of these funds: the count of queries does not grow with the number of villages. `with_funds=False`
    leaves out the funds' own sums (capital, villages …) when the caller has the funds already."""
    key = "fund_id" if by == "fund" else "fund__district_id"
    ids = funds.order_by().values("pk")
    out: dict = {}

    def merge(rows, group: str) -> None:
        for row in rows:
            figures = out.setdefault(row.pop(group), Figures())
            for name, value in row.items():
                setattr(figures, name, value if value is not None else getattr(figures, name))

    if with_funds:
        merge(funds.order_by().values("pk" if by == "fund" else "district_id").annotate(
            capital=Sum("initial_capital"), households_total=Coalesce(Sum("households_total"), 0),
            villages=Count("pk"), subdistricts=Count("village__subdistrict_id", distinct=True)),
            "pk" if by == "fund" else "district_id")
    in_book = Q(left_on__isnull=True) | Q(left_on__gt=as_of)
    # a hashed sub-plan (not correlated): the households that borrowed by that day
    borrowed = Q(pk__in=Loan.objects.filter(fund__in=ids, contract_date__lte=as_of).order_by().values("household_id"))
    passed = Q(latest__gt=F("jpt_line"))
    merge(TargetHousehold.objects.filter(in_book, fund__in=ids).annotate(
        latest=Coalesce("income_after_3", "income_after_2", "income_after_1", "income_before"),
    ).order_by().values(key).annotate(
        households_count=Count("pk"), households_members=Sum("members"),
        borrowers_count=Count("pk", filter=borrowed), borrowers_members=Coalesce(Sum("members", filter=borrowed), 0),
        passed_count=Count("pk", filter=passed), passed_members=Coalesce(Sum("members", filter=passed), 0)), key)
    lost = written_off_by(as_of)
    merge(Loan.objects.filter(fund__in=ids, contract_date__lte=as_of).order_by().values(key).annotate(
        lent=Sum("amount"), lost_lent=Coalesce(Sum("amount", filter=lost), Z)), key)
    lost_loan = Q(loan__status=Loan.Status.WRITTEN_OFF) & (Q(loan__written_off_on__isnull=True)
                                                           | Q(loan__written_off_on__lte=as_of))
    merge(Repayment.objects.filter(fund__in=ids, cancelled_on__isnull=True, date__lte=as_of).order_by().values(key)
          .annotate(repaid=Sum("amount"), lost_repaid=Coalesce(Sum("amount", filter=lost_loan), Z),
                    repaid_in_year=Coalesce(Sum("amount", filter=Q(date__gte=year_start(as_of))), Z)), key)
    bank_key = f"account__{key}"
    merge(BankEntry.objects.filter(account__fund__in=ids, cancelled_on__isnull=True, date__lte=as_of).order_by()
          .values(bank_key).annotate(deposits=Coalesce(Sum("amount", filter=Q(kind=BankEntry.Kind.DEPOSIT)), Z),
                                     withdrawals=Coalesce(Sum("amount", filter=Q(kind=BankEntry.Kind.WITHDRAWAL)), Z)),
          bank_key)
    return out


def fund_figures(qs: QuerySet[VillageFund], as_of: date) -> list[VillageFund]:
    """The funds of `qs`, each with its Figures' values as attributes (households_count, outstanding, bank,
    in_hand, total, lost, repaid_in_year …): five queries for any number of funds."""
    funds = list(qs)
    figures = figures_by(qs, as_of, with_funds=False) if funds else {}
    for fund in funds:
        f = figures.get(fund.pk) or Figures()
        f.capital = fund.initial_capital
        for name in (*FIGURES, "lost", "outstanding", "bank", "in_hand", "total"):
            setattr(fund, name, getattr(f, name))
    return funds


def loan_figures(qs: QuerySet[Loan], as_of: date) -> QuerySet[Loan]:
    """Loans made by `as_of` with their balances (selectors.loans_with_balances) and `lost` (written off by
    then) and `overdue_since` (the due date of the first instalment not covered by the repayments)."""
    covered = (LoanInstalment.objects.filter(loan=OuterRef("loan"), number__lte=OuterRef("number")).order_by()
               .annotate(_s=Func(F("amount"), function="SUM", output_field=MONEY)).values("_s")[:1])
    first_unpaid = (LoanInstalment.objects.filter(loan=OuterRef("pk"), due_date__lte=as_of)
                    .annotate(_covered=Subquery(covered, output_field=MONEY))
                    .filter(_covered__gt=OuterRef("repaid")).order_by("number").values("due_date")[:1])
    return (loans_with_balances(qs.filter(contract_date__lte=as_of), as_of)
            .annotate(lost=ExpressionWrapper(written_off_by(as_of), output_field=BooleanField()),
                      overdue_since=Subquery(first_unpaid)))


def debts_by(funds: QuerySet[VillageFund], as_of: date, group: str) -> dict:
    """{group value: {"debtors", "debt", "defaulters", "defaulted_debt"}}: households owing and not in default
    (ซ, ฌ) and households in default (ฐ, ฑ), with the loans' outstanding, grouped by `group` ("fund_id" or
    "fund__district_id"). The sums per loan are three grouped aggregates (the loans, their valid repayments,
    their instalments due by that day and by that day less the forbearance days); each loan is then
    classified as selectors.loans_with_balances does (an active loan whose repayments do not cover what fell
    due before the forbearance days is in default). Four queries (with the regulation setting)."""
    from datetime import timedelta

    from funds.poverty.selectors import forbearance_days

    grace_day = as_of - timedelta(days=forbearance_days())
    ids = funds.order_by().values("pk")
    loans = Loan.objects.filter(fund__in=ids, contract_date__lte=as_of).exclude(written_off_by(as_of)).order_by()
    repaid = dict(Repayment.objects.filter(fund__in=ids, cancelled_on__isnull=True, date__lte=as_of).order_by()
                  .values("loan_id").annotate(s=Sum("amount")).values_list("loan_id", "s"))
    late = {row["loan_id"]: row["grace"] for row in LoanInstalment.objects.filter(
        loan__fund__in=ids, due_date__lte=grace_day).order_by().values("loan_id").annotate(grace=Sum("amount"))}
    out: dict = {}
    households: dict = {}
    for loan in loans.values("pk", group, "household_id", "amount", "status"):
        owed = loan["amount"] - repaid.get(loan["pk"], ZERO)
        if owed <= 0:
            continue
        defaulted = loan["status"] == Loan.Status.ACTIVE and repaid.get(loan["pk"], ZERO) < late.get(loan["pk"], ZERO)
        row = out.setdefault(loan[group], {"debtors": 0, "debt": ZERO, "defaulters": 0, "defaulted_debt": ZERO})
        seen = households.setdefault((loan[group], defaulted), set())
        if loan["household_id"] not in seen:
            seen.add(loan["household_id"])
            row["defaulters" if defaulted else "debtors"] += 1
        row["defaulted_debt" if defaulted else "debt"] += owed
    return out


NO_DEBTS = {"debtors": 0, "debt": ZERO, "defaulters": 0, "defaulted_debt": ZERO}


# --- the rows and totals -----------------------------------------------------------------------------

SUMMARY_COLUMNS = ("households_total", "households_count", "borrowers_count", "outstanding", "bank", "in_hand",
                   "total", "repaid_in_year")


@dataclass
class SummaryRow:
    """A row of แบบ 26(1) (a village) or 26(2) (a district), or their total."""

    label: str
    households_total: int = 0  # ครัวเรือนทั้งหมด
    households_count: int = 0  # ครัวเรือนเป้าหมาย
    borrowers_count: int = 0  # ได้รับเงินยืม
    outstanding: Decimal = ZERO  # ยอดเงินคงค้าง
    bank: Decimal = ZERO  # เงินในบัญชีธนาคาร
    in_hand: Decimal = ZERO  # เงินในมือ
    total: Decimal = ZERO  # รวมเงินที่มี
    repaid_in_year: Decimal = ZERO  # ได้รับคืนรอบปี
    subdistricts: int = 0  # 26(2): จำนวนตำบล
    villages: int = 0  # 26(2): จำนวนหมู่บ้าน
    code: str = ""
    fund_id: int | None = None
    stopped: bool = False

    def add(self, other: SummaryRow) -> None:
        for name in (*SUMMARY_COLUMNS, "subdistricts", "villages"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _summary_row(fund: VillageFund, label: str) -> SummaryRow:
    return SummaryRow(label=label, households_total=fund.households_total or 0,
                      households_count=fund.households_count, borrowers_count=fund.borrowers_count,
                      outstanding=fund.outstanding, bank=fund.bank, in_hand=fund.in_hand, total=fund.total,
                      repaid_in_year=fund.repaid_in_year, fund_id=fund.pk, villages=1,
                      stopped=fund.status == VillageFund.Status.STOPPED)


def village_label(village) -> str:
    return _("หมู่ที่ %(n)s บ้าน%(name)s") % {"n": village.number, "name": village.name_th.removeprefix("บ้าน")}


def _funds(**filters) -> QuerySet[VillageFund]:
    return (VillageFund.objects.filter(**filters)
            .select_related("village__subdistrict", "district")
            .order_by("district_id", "village__subdistrict__name_th", "village__number", "pk"))


def district_summary(district: District, as_of: date) -> dict:
    """แบบ 26(1): a row per village fund of the district (stopped funds too: their money still counts) and
    รวมทั้งสิ้น. Five queries."""
    rows = [_summary_row(f, _("%(v)s ต.%(s)s") % {"v": village_label(f.village), "s": f.village.subdistrict.name_th})
            for f in fund_figures(_funds(district=district), as_of)]
    total = SummaryRow(label=_("รวมทั้งสิ้น"))
    for row in rows:
        total.add(row)
    return {"district": district, "province": district.province, "as_of": as_of, "rows": rows, "total": total}


def province_summary(province: Province, as_of: date) -> dict:
    """แบบ 26(2): a row per district of the province (every district, those without a fund with zeros) with
    จำนวนตำบล and จำนวนหมู่บ้าน that have a fund, and รวม. Six queries whatever the number of villages."""
    districts = list(District.objects.filter(province=province, kind=District.Kind.DISTRICT).order_by("code"))
    by_district = figures_by(VillageFund.objects.filter(district__province=province), as_of, by="district")
    known = {d.code for d in districts}
    extra = [code for code in by_district if code not in known]  # a fund in a minor district (กิ่งอำเภอ, เขต)
    if extra:
        districts += list(District.objects.filter(code__in=extra).order_by("code"))
    rows = []
    total = SummaryRow(label=_("รวม"))
    for district in districts:
        f = by_district.get(district.code)
        row = SummaryRow(label=district.name_th, code=district.code)
        if f:
            for name in (*SUMMARY_COLUMNS, "subdistricts", "villages"):
                setattr(row, name, getattr(f, name))
        rows.append(row)
        total.add(row)
    return {"province": province, "as_of": as_of, "rows": rows, "total": total}


# --- ข้อ 27: the village database ---------------------------------------------------------------------

DATABASE_COLUMNS = ("households_count", "households_members", "borrowers_count", "borrowers_members",
                    "passed_count", "passed_members", "capital", "debtors", "debt", "bank", "lost", "defaulters",
                    "defaulted_debt")


@dataclass
class DatabaseRow:
    """A row of the ข้อ 27 form (ก–ณ) for a village, or the total."""

    label: str
    district: str = ""
    households_count: int = 0  # ก
    households_members: int = 0  # ข
    borrowers_count: int = 0  # ค
    borrowers_members: int = 0  # ง
    passed_count: int = 0  # จ
    passed_members: int = 0  # ฉ
    capital: Decimal = ZERO  # ช
    debtors: int = 0  # ซ
    debt: Decimal = ZERO  # ฌ
    bank: Decimal = ZERO  # ญ
    lost: Decimal = ZERO  # ฎ
    defaulters: int = 0  # ฐ
    defaulted_debt: Decimal = ZERO  # ฑ
    level: str = "-"  # ฒ
    others: str = "-"  # ณ
    fund_id: int | None = None

    def add(self, other: DatabaseRow) -> None:
        for name in DATABASE_COLUMNS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def village_database(province: Province, as_of: date, *, district: District | None = None,
                     level_of: LevelOf | None = None) -> dict:
    """The ข้อ 27 form for a province (or one of its districts): a row per village fund. ระดับการพัฒนา (ฒ)
    comes from `level_of` when given, else "-"; หน่วยงานสนับสนุนอื่น (ณ) is not kept: "-". Nine queries (the
    funds' figures, the regulation setting, the debts), plus whatever `level_of` takes."""
    query = _funds(district=district) if district else _funds(district__province=province)
    funds = fund_figures(query, as_of)
    debts = debts_by(query, as_of, "fund_id") if funds else {}
    levels = level_of([f.pk for f in funds]) if (level_of and funds) else {}
    rows = []
    total = DatabaseRow(label=_("รวม"))
    for f in funds:
        d = debts.get(f.pk, NO_DEBTS)
        row = DatabaseRow(
            label=_("%(v)s ต.%(s)s") % {"v": village_label(f.village), "s": f.village.subdistrict.name_th}, district=f.district.name_th,
            households_count=f.households_count, households_members=f.households_members,
            borrowers_count=f.borrowers_count, borrowers_members=f.borrowers_members,
            passed_count=f.passed_count, passed_members=f.passed_members, capital=f.initial_capital,
            debtors=d["debtors"], debt=d["debt"], bank=f.bank, lost=f.lost, defaulters=d["defaulters"],
            defaulted_debt=d["defaulted_debt"], level=levels.get(f.pk) or "-", fund_id=f.pk)
        rows.append(row)
        total.add(row)
    return {"province": province, "district": district, "as_of": as_of, "rows": rows, "total": total}


# --- one village: the debt and financial position report ----------------------------------------------

@dataclass
class DebtRow:
    number: int
    name: str
    received_on: date | None
    amount: Decimal
    repaid: Decimal
    outstanding: Decimal
    round: int
    note: str = ""


@dataclass
class VillageDebt:
    fund: VillageFund
    as_of: date
    rows: list[DebtRow] = field(default_factory=list)
    totals: dict = field(default_factory=dict)
    summary: dict = field(default_factory=dict)


def _loan_note(loan) -> str:
    from cdd_portal.thai import thai_date_short

    if loan.lost:
        return _("ตัดหนี้สูญ") + (f" {thai_date_short(loan.written_off_on)}" if loan.written_off_on else "")
    if loan.outstanding <= 0:
        return _("ส่งคืนครบแล้ว")
    if loan.defaulted:
        return _("ผิดนัด")
    if loan.overdue > 0:
        return _("ค้างชำระ")
    return ""


def village_debt(fund: VillageFund, as_of: date) -> VillageDebt:
    """แบบรายงานภาวะหนี้สินฐานะการเงิน กข.คจ. of one village: a row per loan made by `as_of` (repaid and
    written-off ones too), the column totals, and สรุป ๑–๖. Seven queries."""
    figures = fund_figures(VillageFund.objects.filter(pk=fund.pk), as_of)[0]
    loans = (loan_figures(Loan.objects.filter(fund=fund).select_related("household"), as_of)
             .order_by("contract_date", "pk"))
    report = VillageDebt(fund=fund, as_of=as_of)
    for n, loan in enumerate(loans, start=1):
        report.rows.append(DebtRow(number=n, name=loan.household.head_name,
                                   received_on=loan.received_on or loan.contract_date, amount=loan.amount,
                                   repaid=loan.repaid, outstanding=loan.outstanding, round=loan.round,
                                   note=_loan_note(loan)))
    report.totals = {"amount": sum((r.amount for r in report.rows), ZERO),
                     "repaid": sum((r.repaid for r in report.rows), ZERO),
                     "outstanding": sum((r.outstanding for r in report.rows), ZERO)}
    report.summary = {
        "households_total": fund.households_total, "households_count": figures.households_count,
        "borrowers": figures.borrowers_count,  # ๑ จำนวนผู้ยืม (ครัวเรือน)
        "outstanding": figures.outstanding,  # ๒ เงินที่ให้ยืม (คงค้าง)
        "bank": figures.bank,  # ๓ เงินในบัญชีธนาคาร
        "in_hand": figures.in_hand,  # ๔ เงินในมือหรืออื่น ๆ
        "total": figures.total,  # ๕ รวมเงินทุน กข.คจ. ทั้งหมด
        "repaid_in_year": figures.repaid_in_year,  # ๖ เงินที่ได้รับคืนรอบปีนี้
        "lost": figures.lost,
    }
    return report


# --- the district's debtors ------------------------------------------------------------------------

DEBTOR_FILTERS = ("overdue", "defaulted")


def debtors(district_code: str, as_of: date, *, only: str = "") -> list[Loan]:
    """The loans of a district still owed on `as_of` (outstanding > 0, not written off), each with `repaid`,
    `outstanding`, `due`, `overdue`, `defaulted` (as selectors.loans_with_balances defines them) and
    `overdue_since` (the due date of the first instalment the repayments do not cover); `only` = "overdue" or
    "defaulted" narrows them. Ordered by subdistrict, village, the household's rank. Four queries whatever
    the number of loans (the regulation setting, the loans, their repayments, their instalments); the sums
    are SQL aggregates, the instalments are walked in order to find the first one unpaid."""
    from datetime import timedelta

    from funds.poverty.selectors import forbearance_days

    grace_day = as_of - timedelta(days=forbearance_days())
    loans = list(Loan.objects.filter(fund__district_id=district_code, contract_date__lte=as_of)
                 .exclude(written_off_by(as_of))
                 .select_related("household", "fund__village__subdistrict")
                 .order_by("fund__village__subdistrict__name_th", "fund__village__number", "household__rank",
                           "contract_date", "pk"))
    repaid = dict(Repayment.objects.filter(fund__district_id=district_code, cancelled_on__isnull=True,
                                           date__lte=as_of).order_by()
                  .values("loan_id").annotate(s=Sum("amount")).values_list("loan_id", "s"))
    instalments: dict[int, list] = {}
    for loan_id, due_date, amount in (LoanInstalment.objects.filter(loan__fund__district_id=district_code,
                                                                    due_date__lte=as_of)
                                      .order_by("loan_id", "number").values_list("loan_id", "due_date", "amount")):
        instalments.setdefault(loan_id, []).append((due_date, amount))
    owed = []
    for loan in loans:
        loan.repaid = repaid.get(loan.pk, ZERO)
        loan.outstanding = loan.amount - loan.repaid
        if loan.outstanding <= 0:
            continue
        active = loan.status == Loan.Status.ACTIVE
        due = instalments.get(loan.pk, [])
        loan.due = sum((amount for _day, amount in due), ZERO)
        loan.overdue = max(loan.due - loan.repaid, ZERO) if active else ZERO
        late = sum((amount for day, amount in due if day <= grace_day), ZERO)
        loan.defaulted = active and loan.repaid < late
        loan.overdue_since, covered = None, ZERO
        for day, amount in due:
            covered += amount
            if covered > loan.repaid:
                loan.overdue_since = day
                break
        if (only == "overdue" and loan.overdue <= 0) or (only == "defaulted" and not loan.defaulted):
            continue
        owed.append(loan)
    return owed


def days_overdue(loan, as_of: date) -> int:
    """Days since the first instalment not covered by the repayments fell due (0 when nothing is overdue)."""
    if loan.overdue_since is None or loan.overdue <= 0:
        return 0
    return max((as_of - loan.overdue_since).days, 0)


def ids(rows: Iterable) -> list[int]:
    return [r.fund_id for r in rows if r.fund_id]


# --- ระดับการพัฒนา (ฒ): the governance assessments, when an app provides them -------------------------

_LEVELS: list[LevelOf] = []


def register_level_provider(provider: LevelOf) -> LevelOf:
    """The assessments app (or the lead) may register one function giving the development level of each
    fund, by id, for the ข้อ ๒๗ column ฒ; without one the column shows "-"."""
    _LEVELS[:] = [provider]
    return provider


def level_provider() -> LevelOf | None:
    return _LEVELS[0] if _LEVELS else None
