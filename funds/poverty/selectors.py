"""Reads of the กข.คจ. registry, scoped to the user's office, and the computed balances of the books.

Balances are never stored: each is one annotation computed in the database (no per-row queries):

- `loans_with_balances(qs, as_of)`: repaid, outstanding, due, overdue, defaulted of each loan;
- `funds_with_balances(qs, as_of)`: a fund's households, borrowers, outstanding, bank balance, …;
- `bank_entries_with_balance(qs)`: the green book's running คงเหลือ;
- `fund_status(fund, as_of)`: the brown book's part-3 fields (the fund kind's status).

Dates come in as arguments (`as_of`); when absent, today's local date."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal.accounts.scoping import VIEW, restrict
from cdd_portal.thai import fiscal_year, fiscal_year_bounds, format_number, to_thai_digits
from funds.poverty.models import (
    BankAccount,
    BankEntry,
    FundCommitteeMember,
    Loan,
    LoanInstalment,
    LoanProposal,
    LoanRequest,
    RegulationSetting,
    Repayment,
    TargetHousehold,
    VillageFund,
)

MONEY_FIELD = DecimalField(max_digits=14, decimal_places=2)
ZERO = Value(Decimal("0.00"), output_field=MONEY_FIELD)

# committee size and term: weakly sourced (a student report, fund-registries.md §3.3) → warnings only
COMMITTEE_MIN = 7
COMMITTEE_MAX = 9
TERM_YEARS = 4


def _as_of(as_of: date | None) -> date:
    return as_of or timezone.localdate()


# --- scoped querysets --------------------------------------------------------------------------------

FUND_DISTRICT = "district"


def funds_for(user, action: str = VIEW) -> QuerySet[VillageFund]:
    qs = VillageFund.objects.select_related("district__province", "village__subdistrict")
    return restrict(qs, user, action, district_field="district")


def households_for(user, action: str = VIEW) -> QuerySet[TargetHousehold]:
    qs = TargetHousehold.objects.select_related("fund__district__province", "fund__village__subdistrict")
    return restrict(qs, user, action, district_field="fund__district")


def members_for(user, action: str = VIEW) -> QuerySet[FundCommitteeMember]:
    return restrict(FundCommitteeMember.objects.select_related("fund__district"), user, action,
                    district_field="fund__district")


def accounts_for(user, action: str = VIEW) -> QuerySet[BankAccount]:
    return restrict(BankAccount.objects.select_related("fund__district", "fund__village"), user, action,
                    district_field="fund__district")


def bank_entries_for(user, action: str = VIEW) -> QuerySet[BankEntry]:
    return restrict(BankEntry.objects.select_related("account__fund__district"), user, action,
                    district_field="account__fund__district")


def proposals_for(user, action: str = VIEW) -> QuerySet[LoanProposal]:
    return restrict(LoanProposal.objects.select_related("household__fund__district", "household__fund__village"),
                    user, action, district_field="household__fund__district")


def requests_for(user, action: str = VIEW) -> QuerySet[LoanRequest]:
    return restrict(LoanRequest.objects.select_related("household__fund__district", "household__fund__village",
                                                       "proposal"),
                    user, action, district_field="household__fund__district")


def loans_for(user, action: str = VIEW) -> QuerySet[Loan]:
    qs = Loan.objects.select_related("fund__district__province", "fund__village__subdistrict", "household")
    return restrict(qs, user, action, district_field="fund__district")


def repayments_for(user, action: str = VIEW) -> QuerySet[Repayment]:
    qs = Repayment.objects.select_related("fund__district", "fund__village", "loan__household")
    return restrict(qs, user, action, district_field="fund__district")


# --- search ------------------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return (text or "").split()


def search_funds(qs, text: str):
    for word in _words(text):
        qs = qs.filter(Q(village__name_th__icontains=word) | Q(village__subdistrict__name_th__icontains=word)
                       | Q(district__name_th__icontains=word) | Q(note__icontains=word))
    return qs


def search_households(qs, text: str):
    for word in _words(text):
        qs = qs.filter(Q(head_name__icontains=word) | Q(house_number__icontains=word)
                       | Q(fund__village__name_th__icontains=word))
    return qs


def search_loans(qs, text: str):
    for word in _words(text):
        qs = qs.filter(Q(contract_number__icontains=word) | Q(household__head_name__icontains=word)
                       | Q(purpose__icontains=word) | Q(fund__village__name_th__icontains=word))
    return qs


def search_repayments(qs, text: str):
    for word in _words(text):
        qs = qs.filter(Q(receipt_number__icontains=word) | Q(loan__contract_number__icontains=word)
                       | Q(loan__household__head_name__icontains=word))
    return qs


# --- the regulation ----------------------------------------------------------------------------------

def active_setting() -> RegulationSetting | None:
    return RegulationSetting.active()


def forbearance_days(setting: RegulationSetting | None = None) -> int:
    """Days after a due date before an unpaid instalment makes the loan defaulted (null setting: 0)."""
    setting = setting if setting is not None else active_setting()
    return (setting.forbearance_days or 0) if setting else 0


# --- balances ----------------------------------------------------------------------------------------

def _sum(qs, field: str = "amount"):
    """A correlated subquery: the sum of `field` over `qs` (already filtered on OuterRef), 0 when none.
    `Func(SUM)` rather than `Sum` so that Django adds no GROUP BY: one row whatever `qs` matches."""
    total = qs.order_by().annotate(_t=Func(F(field), function="SUM", output_field=MONEY_FIELD)).values("_t")[:1]
    return Coalesce(Subquery(total, output_field=MONEY_FIELD), ZERO)


def _count(qs):
    total = qs.order_by().annotate(_c=Func(F("pk"), function="COUNT", output_field=IntegerField())).values("_c")[:1]
    return Coalesce(Subquery(total, output_field=IntegerField()), Value(0))


def valid_repayments() -> QuerySet[Repayment]:
    return Repayment.objects.filter(cancelled_on__isnull=True)


def loans_with_balances(qs: QuerySet[Loan], as_of: date | None = None, *,
                        setting: RegulationSetting | None = None) -> QuerySet[Loan]:
    """Annotate each loan, as of a day: `repaid` (valid repayments dated ≤ as_of), `outstanding` (amount −
    repaid), `due` (instalments due ≤ as_of), `overdue` (what was due minus what was repaid, ≥ 0),
    `defaulted` (overdue for longer than the forbearance days: instalments due ≤ as_of − days exceed what
    was repaid), `last_repaid_on`. A written-off or repaid loan is never overdue or defaulted."""
    day = _as_of(as_of)
    grace_day = day - timedelta(days=forbearance_days(setting))
    repaid = _sum(valid_repayments().filter(loan=OuterRef("pk"), date__lte=day))
    due = _sum(LoanInstalment.objects.filter(loan=OuterRef("pk"), due_date__lte=day))
    due_before_grace = _sum(LoanInstalment.objects.filter(loan=OuterRef("pk"), due_date__lte=grace_day))
    last = Subquery(valid_repayments().filter(loan=OuterRef("pk"), date__lte=day).order_by("-date", "-id")
                    .values("date")[:1], output_field=DateField())
    active = Q(status=Loan.Status.ACTIVE)
    return qs.annotate(
        repaid=repaid,
        due=due,
        last_repaid_on=last,
    ).annotate(
        outstanding=ExpressionWrapper(F("amount") - F("repaid"), output_field=MONEY_FIELD),
        overdue=Case(When(active, then=Greatest(F("due") - F("repaid"), ZERO)), default=ZERO,
                     output_field=MONEY_FIELD),
        defaulted=Case(When(active & Q(repaid__lt=due_before_grace), then=Value(True)), default=Value(False),
                       output_field=BooleanField()),
    )


def loan_balance(loan: Loan, as_of: date | None = None) -> Loan:
    """One loan with its balances (the annotated copy)."""
    return loans_with_balances(Loan.objects.filter(pk=loan.pk), as_of).get()


def funds_with_balances(qs: QuerySet[VillageFund], as_of: date | None = None,
                        year_start: date | None = None) -> QuerySet[VillageFund]:
    """Annotate each fund, as of a day (see the module's doc and /tmp/fund/poverty_models.md)."""
    day = _as_of(as_of)
    start = year_start or fiscal_year_bounds(fiscal_year(day))[0]
    fund = OuterRef("pk")
    active_loans = Loan.objects.filter(fund=fund, status=Loan.Status.ACTIVE, contract_date__lte=day)
    active_repaid = valid_repayments().filter(fund=fund, loan__status=Loan.Status.ACTIVE, date__lte=day)
    entries = BankEntry.objects.filter(account__fund=fund, cancelled_on__isnull=True, date__lte=day)
    households = TargetHousehold.objects.filter(fund=fund, left_on__isnull=True)
    borrowers = TargetHousehold.objects.filter(fund=fund).filter(
        Exists(Loan.objects.filter(household=OuterRef("pk"), contract_date__lte=day)))
    active_borrowers = TargetHousehold.objects.filter(fund=fund).filter(
        Exists(Loan.objects.filter(household=OuterRef("pk"), status=Loan.Status.ACTIVE, contract_date__lte=day)))
    passed = households.annotate(
        _latest=Coalesce("income_after_3", "income_after_2", "income_after_1", "income_before")
    ).filter(_latest__gt=F("jpt_line"))
    return qs.annotate(
        household_count=_count(households),
        borrower_count=_count(borrowers),
        active_borrower_count=_count(active_borrowers),
        passed_count=_count(passed),
        lent_total=_sum(Loan.objects.filter(fund=fund, contract_date__lte=day)),
        active_lent=_sum(active_loans),
        active_repaid=_sum(active_repaid),
        deposits=_sum(entries.filter(kind=BankEntry.Kind.DEPOSIT)),
        withdrawals=_sum(entries.filter(kind=BankEntry.Kind.WITHDRAWAL)),
        repaid_in_year=_sum(valid_repayments().filter(fund=fund, date__gte=start, date__lte=day)),
        written_off_total=_sum(Loan.objects.filter(fund=fund, status=Loan.Status.WRITTEN_OFF)),
    ).annotate(
        outstanding=ExpressionWrapper(F("active_lent") - F("active_repaid"), output_field=MONEY_FIELD),
        bank_balance=ExpressionWrapper(F("deposits") - F("withdrawals"), output_field=MONEY_FIELD),
    ).annotate(
        elsewhere=ExpressionWrapper(F("initial_capital") - F("outstanding") - F("bank_balance"),
                                    output_field=MONEY_FIELD),
    )


def defaulted_by_fund(fund_ids, as_of: date | None = None) -> dict[int, tuple[int, Decimal]]:
    """{fund id: (households with a defaulted loan, their loans' outstanding)} in one query."""
    rows = (loans_with_balances(Loan.objects.filter(fund_id__in=list(fund_ids)), as_of)
            .filter(defaulted=True).values("fund_id")
            .annotate(households=Count("household_id", distinct=True), total=Sum("outstanding")))
    return {r["fund_id"]: (r["households"], r["total"] or Decimal("0")) for r in rows}


def defaulted_of_fund(fund: VillageFund, as_of: date | None = None) -> tuple[int, Decimal]:
    return defaulted_by_fund([fund.pk], as_of).get(fund.pk, (0, Decimal("0.00")))


def fund_balance(fund: VillageFund, as_of: date | None = None) -> VillageFund:
    return funds_with_balances(VillageFund.objects.filter(pk=fund.pk), as_of).get()


def bank_entries_with_balance(qs: QuerySet[BankEntry]) -> QuerySet[BankEntry]:
    """The green book: each entry with `balance`, the account's running คงเหลือ (by date, then entry);
    a cancelled entry adds nothing."""
    signed = Case(
        When(cancelled_on__isnull=False, then=ZERO),
        When(kind=BankEntry.Kind.WITHDRAWAL, then=-F("amount")),
        default=F("amount"), output_field=MONEY_FIELD)
    return qs.annotate(balance=Window(Sum(signed), partition_by=[F("account_id")],
                                      order_by=[F("date").asc(), F("id").asc()])).order_by("account_id", "date", "id")


def account_balance(account: BankAccount, as_of: date | None = None) -> Decimal:
    qs = account.entries.filter(cancelled_on__isnull=True)
    if as_of:
        qs = qs.filter(date__lte=as_of)
    row = qs.aggregate(
        d=Coalesce(Sum("amount", filter=Q(kind=BankEntry.Kind.DEPOSIT)), ZERO),
        w=Coalesce(Sum("amount", filter=Q(kind=BankEntry.Kind.WITHDRAWAL)), ZERO))
    return row["d"] - row["w"]


def households_ranked(fund: VillageFund) -> QuerySet[TargetHousehold]:
    """The purple book, by ลำดับที่, each with its loans' count and the latest known income."""
    return (fund.households.all()
            .annotate(loan_count=Count("loans", distinct=True),
                      latest=Coalesce("income_after_3", "income_after_2", "income_after_1", "income_before"))
            .order_by("rank"))


def rank_warnings(households) -> list[str]:
    """The purple book lists households lowest income first: say where the ranks do not follow that."""
    current = [h for h in households if h.left_on is None]
    warnings = []
    for earlier, later in zip(current, current[1:], strict=False):
        if earlier.income_before > later.income_before:
            warnings.append(_("ลำดับที่ %(a)s มีรายได้ก่อนยืมสูงกว่าลำดับที่ %(b)s (บัญชีจัดลำดับเรียงจากรายได้น้อยไปมาก)")
                            % {"a": to_thai_digits(earlier.rank), "b": to_thai_digits(later.rank)})
    return warnings


def committee_now(fund: VillageFund, day: date | None = None, members=None) -> list[FundCommitteeMember]:
    day = _as_of(day)
    return [m for m in (fund.committee.all() if members is None else members) if m.in_office_on(day)]


def committee_warnings(fund: VillageFund, day: date | None = None, members=None) -> list[str]:
    """The committee's size (7–9) and the 4-year term: weakly sourced, so shown, never enforced.
    `members`: the fund's members already read (else they are read)."""
    day = _as_of(day)
    current = committee_now(fund, day, members)
    warnings = []
    if not current:
        return [_("ยังไม่มีคณะกรรมการที่อยู่ในวาระ")]
    if not COMMITTEE_MIN <= len(current) <= COMMITTEE_MAX:
        warnings.append(_("คณะกรรมการที่อยู่ในวาระมี %(n)s คน (แหล่งข้อมูลระบุ ๗ คน แต่ไม่เกิน ๙ คน "
                          "ซึ่งยังไม่ได้ยืนยันกับตัวระเบียบ)") % {"n": to_thai_digits(len(current))})
    chairs = [m for m in current if m.position == FundCommitteeMember.Position.CHAIR]
    if len(chairs) != 1:
        warnings.append(_("คณะกรรมการที่อยู่ในวาระควรมีประธาน ๑ คน (มี %(n)s คน)") % {"n": to_thai_digits(len(chairs))})
    for member in current:
        try:
            term_end = member.start_date.replace(year=member.start_date.year + TERM_YEARS)
        except ValueError:  # 29 February
            term_end = member.start_date.replace(year=member.start_date.year + TERM_YEARS, day=28)
        if term_end <= day:
            warnings.append(_("%(name)s เริ่มรับผิดชอบเกิน ๔ ปีแล้ว (วาระคราวละ ๔ ปี ตามแหล่งข้อมูลที่ยังไม่ได้ยืนยัน)")
                            % {"name": member.name})
    return warnings


# --- the fund kind's status (brown book, part 3) -----------------------------------------------------

def _baht(value) -> str:
    return _("%(n)s บาท") % {"n": format_number(value, 2)}


def fund_status(fund: VillageFund, as_of: date | None = None) -> list[tuple[str, str]]:
    """The brown book's part-3 fields at this moment: [(Thai label, value as text)]."""
    day = _as_of(as_of)
    row = fund_balance(fund, day)
    households, amount = defaulted_of_fund(fund, day)
    count = _("%(n)s ครัวเรือน")
    defaulted = (_("มี %(n)s ครัวเรือน เป็นเงิน %(a)s") % {"n": to_thai_digits(households), "a": _baht(amount)}
                 if households else _("ไม่มี"))
    return [
        (_("ครัวเรือนเป้าหมายทั้งหมด"), count % {"n": to_thai_digits(row.household_count)}),
        (_("ได้รับเงินยืมแล้ว"), count % {"n": to_thai_digits(row.borrower_count)}),
        (_("อยู่ระหว่างคืนเงินยืม"), count % {"n": to_thai_digits(row.active_borrower_count)}),
        (_("เงินทุนอยู่ที่ครัวเรือน"), _baht(row.outstanding)),
        (_("เงินทุนในบัญชีเงินฝาก กข.คจ."), _baht(row.bank_balance)),
        (_("เงินทุนอยู่ที่อื่น ๆ"), _baht(row.elsewhere)),
        (_("มีครัวเรือนผิดสัญญา"), defaulted),
    ]


# --- pages -------------------------------------------------------------------------------------------

def fund_page(fund: VillageFund, as_of: date | None = None) -> dict:
    """Everything the fund page shows, in a fixed number of queries."""
    day = _as_of(as_of)
    members = list(fund.committee.all().order_by("-set_number", "start_date", "id"))
    households = list(households_ranked(fund))
    accounts = list(fund.bank_accounts.all())
    entries = list(bank_entries_with_balance(BankEntry.objects.filter(account__fund=fund)))
    for account in accounts:
        account.rows = [e for e in entries if e.account_id == account.pk]
        account.balance = next((e.balance for e in reversed(account.rows)), Decimal("0.00"))
    loans = list(loans_with_balances(fund.loans.select_related("household"), day).order_by("contract_date", "id"))
    repayments = list(fund.repayments.select_related("loan__household").order_by("date", "id"))
    instalments = list(LoanInstalment.objects.filter(loan__fund=fund).order_by("loan_id", "number"))
    for loan in loans:
        loan.instalment_rows = [i for i in instalments if i.loan_id == loan.pk]
        loan.repayment_rows = [r for r in repayments if r.loan_id == loan.pk]
    proposals = list(LoanProposal.objects.filter(household__fund=fund).select_related("household")
                     .prefetch_related("items").order_by("-proposed_on", "-id"))
    requests = list(LoanRequest.objects.filter(household__fund=fund).select_related("household", "proposal")
                    .order_by("-requested_on", "-id"))
    return {
        "members": members,
        "committee_warnings": committee_warnings(fund, day, members),
        "households": households,
        "rank_warnings": rank_warnings(households),
        "accounts": accounts,
        "loans": loans,
        "repayments": repayments,
        "proposals": proposals,
        "requests": requests,
        "balance": fund_balance(fund, day),
        "status": fund_status(fund, day),
        "as_of": day,
    }


def last_round_of(household: TargetHousehold) -> int:
    return household.loans.aggregate(m=Max("round"))["m"] or 0
