"""Deterministic community-fund data for tests and benchmarks (bench/funds.py):

- `national_funds(...)`: savings groups in every department district with 12 months of approved
  `savings-group-status` reports, and กข.คจ. village funds with their target households, loans (instalments,
  repayments; some overdue, some in default, a few written off) and green books. Bulk inserts only (no
  services, no audit): data, not a scenario. The defaults give about 20,000 groups and 28,000 funds.
- `sample_village(...)`: one small hand-made village fund whose figures the report tests know by heart.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

CAPITAL = Decimal("280000.00")
JPT_LINE = Decimal("38000.00")
# the fate of a household's loan, by the household's rank (1–10); ranks 7–10 never borrowed
ON_TIME, REPAID, OVERDUE, DEFAULTED, WRITTEN_OFF = "on_time", "repaid", "overdue", "defaulted", "written_off"
CHUNK = 2000
FATES = {1: ON_TIME, 2: REPAID, 3: ON_TIME, 4: OVERDUE, 5: DEFAULTED, 6: ON_TIME}


def national_id(n: int) -> str:
    """A valid (check-digit) 13-digit ID made from a counter: 1 + 11 digits of n + the check digit."""
    from cdd_portal.personal.national_id import check_digit

    first12 = f"1{n % 10**11:011d}"
    return first12 + str(check_digit(first12))


def _months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, min(day.day, 28))


def _districts(district_codes):
    from cdd_portal.geo.models import District

    qs = District.objects.filter(kind=District.Kind.DISTRICT, province__in_department=True)
    if district_codes is not None:
        qs = qs.filter(code__in=district_codes)
    return list(qs.order_by("code").values_list("code", flat=True))


def _villages(codes: list[str], per_district: int) -> dict[str, list[int]]:
    """`per_district` villages in each district, spread over its subdistricts (kept if they exist)."""
    from cdd_portal.geo.models import Subdistrict, Village

    subs: dict[str, list[str]] = {}
    for sub, district in Subdistrict.objects.filter(district_id__in=codes).order_by("code").values_list(
            "code", "district_id"):
        subs.setdefault(district, []).append(sub)
    wanted = []
    for code in codes:
        own = subs.get(code) or []
        for i in range(per_district if own else 0):
            wanted.append((own[i % len(own)], i // len(own) + 1))
    Village.objects.bulk_create([Village(subdistrict_id=s, number=n, name_th=f"บ้านกองทุนตัวอย่าง {s}-{n}")
                                 for s, n in wanted if n <= 99], batch_size=5000, ignore_conflicts=True)
    ids = {(s, n): (pk, d) for pk, s, n, d in Village.objects.filter(subdistrict__district_id__in=codes)
           .values_list("pk", "subdistrict_id", "number", "subdistrict__district_id")}
    out: dict[str, list[int]] = {}
    for s, n in wanted:
        if (s, n) in ids:
            pk, district = ids[(s, n)]
            out.setdefault(district, []).append(pk)
    return out


def national_funds(*, groups_per_district: int = 23, funds_per_district: int = 32, households: int = 10,
                   months: int = 12, today: date = date(2025, 2, 16),
                   district_codes: list[str] | None = None) -> dict:
    """Savings groups with the approved monthly reports of the last `months` months ended before `today`,
    and กข.คจ. funds as they stand on `today`. Run it on empty fund registries. Returns the counts."""
    codes = _districts(district_codes)
    made = savings_groups(codes, groups_per_district, months, today)
    made.update(poverty_funds(codes, funds_per_district, households, today))
    return made


# --- savings groups and their monthly reports ----------------------------------------------------------

def _status_row(group_id: int, n: int, month: int) -> dict:
    """A group's cleaned row of month `month` (0–11), as the report engine stores it (integers as int,
    money and percentages as 2-decimal text), savings growing every month."""
    members = 20 + n % 60
    savings = Decimal(members * 100 * (12 + month) + 1000 * (n % 7)).quantize(Decimal("0.01"))
    loans = (savings * Decimal(40 + n % 80) / 100).quantize(Decimal("0.01"))
    overdue = (loans * Decimal(n % 5) / 100).quantize(Decimal("0.01"))
    special = Decimal(500 * (n % 3)).quantize(Decimal("0.01"))
    return {"group": group_id, "members": members + month // 3, "new_members": month % 3,
            "borrowers": members // 2, "savings": str(savings), "special_savings": str(special) if special else None,
            "loans": str(loans), "overdue": str(overdue), "interest_rate": str(Decimal(6 + n % 7).quantize(Decimal("0.01"))),
            "loan_share": str((loans / savings * 100).quantize(Decimal("0.01")))}


def _totals(section: dict, rows: list[dict]) -> dict:
    """The engine's `<section>__totals` (reports.schema.validate_data): the sum of each totalled column."""
    return {key: str(sum((Decimal(str(r[key])) for r in rows if r.get(key) not in (None, "")), Decimal(0)))
            for key in section.get("totals", [])}


def savings_groups(codes: list[str], per_district: int, months: int, today: date) -> dict:
    from cdd_portal.accounts.models import Office
    from funds.models import SavingsGroup
    from reports.models import FormDefinition, Submission
    from reports.services import generate_periods

    SavingsGroup.objects.bulk_create(
        [SavingsGroup(district_id=code, name=f"กลุ่มออมทรัพย์เพื่อการผลิตตัวอย่าง {code}-{i + 1:02d}",
                      founded_on=date(2540 - 543 + i % 20, 1 + i % 12, 1))
         for code in codes for i in range(per_district)], batch_size=5000, ignore_conflicts=True)
    groups: dict[str, list[int]] = {}
    for pk, district in SavingsGroup.objects.filter(district_id__in=codes).order_by("pk").values_list(
            "pk", "district_id"):
        groups.setdefault(district, []).append(pk)
    form = FormDefinition.objects.filter(code="savings-group-status").order_by("-version").first()
    submissions = 0
    if form is not None and per_district:
        section = next(s for s in form.schema["sections"] if s["key"] == "groups")
        keys = {c["key"] for c in section["columns"]}
        from cdd_portal.thai import fiscal_year

        year = fiscal_year(today)
        periods = [p for y in (year - 1, year) if y in form.fiscal_years for p in generate_periods(form, y)
                   if p.end < today][-months:]
        offices = Office.objects.filter(level=Office.Level.DISTRICT, district_id__in=codes).order_by("code")
        rows = []
        for office in offices:
            for month, period in enumerate(periods):
                lines = [{k: v for k, v in _status_row(pk, pk, month).items() if k in keys}
                         for pk in groups.get(office.district_id, [])]
                if not lines:
                    continue
                rows.append(Submission(form=form, period=period, office=office, status=Submission.Status.APPROVED,
                                       data={"groups": lines, "groups__totals": _totals(section, lines)},
                                       signer_name="ผู้รายงาน", signer_position="พัฒนาการอำเภอ"))
        Submission.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
        submissions = len(rows)
        # the approved rows the group pages read (reports.ApprovedRow), as approving them would have made
        from reports.services import figures

        approved = Submission.objects.filter(form=form, office__in=offices, status=Submission.Status.APPROVED
                                             ).select_related("form", "period").order_by("pk")
        batch = []
        for submission in approved.iterator(chunk_size=1000):
            batch.append(submission)
            if len(batch) == 1000:
                figures.index_many(batch)
                batch = []
        figures.index_many(batch)
    return {"groups": sum(len(v) for v in groups.values()), "group_reports": submissions}


# --- กข.คจ. village funds ----------------------------------------------------------------------------

def poverty_funds(codes: list[str], per_district: int, households: int, today: date) -> dict:
    """Funds (280,000 บาท), `households` target households each; ranks 1–6 borrowed 10,000–19,000 บาท in three
    yearly instalments: on time, repaid, overdue, in default (nothing paid for more than a year) and, in one
    fund in ten, a written-off loan. The green book: the capital deposited, the loans withdrawn, the
    repayments deposited but the last one (kept in hand)."""
    from funds.poverty.models import BankAccount, VillageFund

    villages = _villages(codes, per_district)
    VillageFund.objects.bulk_create(
        [VillageFund(district_id=code, village_id=v, funded_year=2536 + i % 8, households_total=60 + (i * 7) % 140)
         for code in codes for i, v in enumerate(villages.get(code, []))], batch_size=5000, ignore_conflicts=True)
    funds = list(VillageFund.objects.filter(district_id__in=codes, households__isnull=True)  # not a demo fund
                 .order_by("pk").values_list("pk", flat=True))
    BankAccount.objects.bulk_create([BankAccount(fund_id=f, bank="ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร",
                                                 branch="สาขาตัวอย่าง", number=f"020{f:09d}",
                                                 name=f"กองทุน กข.คจ. {f}") for f in funds],
                                    batch_size=5000, ignore_conflicts=True)
    made = {"funds": len(funds), "households": 0, "loans": 0, "instalments": 0, "repayments": 0,
            "bank_entries": 0}
    for n in range(0, len(funds), CHUNK):  # a few thousand funds at a time: memory stays small
        for key, count in _fund_books(funds[n:n + CHUNK], households, today).items():
            made[key] += count
    return made


def _fund_books(funds: list[int], households: int, today: date) -> dict:
    """The books of these funds (see poverty_funds)."""
    from funds.poverty.models import BankAccount, BankEntry, Loan, LoanInstalment, Repayment, TargetHousehold

    account_of = dict(BankAccount.objects.filter(fund_id__in=funds).values_list("fund_id", "pk"))
    TargetHousehold.objects.bulk_create(
        [TargetHousehold(fund_id=f, rank=r, head_name=f"หัวหน้าครัวเรือน {f}-{r}", national_id=national_id(f * 100 + r),
                         house_number=f"{r * 3}/{f % 50}", members=2 + (f + r) % 5,
                         income_before=JPT_LINE - Decimal(1000 * (households - r + 1)), jpt_line=JPT_LINE,
                         income_after_1=JPT_LINE + Decimal(500 * r) if (f + r) % 4 == 0 else None)
         for f in funds for r in range(1, households + 1)], batch_size=10000, ignore_conflicts=True)
    household_of = {(f, r): pk for pk, f, r in TargetHousehold.objects.filter(fund_id__in=funds)
                    .values_list("pk", "fund_id", "rank")}
    start = date(today.year - 1, today.month, 1)  # loans made over the past year and a half
    loans, plans = [], []
    for f in funds:
        for rank, fate in FATES.items():
            if (f, rank) not in household_of:
                continue
            if fate == DEFAULTED and f % 10 == 0:
                fate = WRITTEN_OFF
            amount = Decimal(10000 + 1000 * ((f + rank) % 10))
            made = _months(start, -(6 if fate in (DEFAULTED, WRITTEN_OFF) else (f + rank) % 6))
            if fate == REPAID:
                made = _months(made, -24)
            dues = [_months(made, 4 * (n + 1)) for n in range(3)]
            loans.append(Loan(fund_id=f, household_id=household_of[(f, rank)], round=1 + rank % 2,
                              contract_number=f"{rank}/{made.year + 543}", contract_date=made, amount=amount,
                              purpose=("เลี้ยงไก่พื้นเมือง", "ปลูกผัก", "ค้าขาย", "ทอผ้า")[rank % 4],
                              final_due_date=dues[-1], received_on=made,
                              status={REPAID: Loan.Status.REPAID,
                                      WRITTEN_OFF: Loan.Status.WRITTEN_OFF}.get(fate, Loan.Status.ACTIVE),
                              written_off_on=today - timedelta(days=30) if fate == WRITTEN_OFF else None,
                              write_off_reason="ผู้ยืมถึงแก่กรรม ไม่มีทายาท" if fate == WRITTEN_OFF else ""))
            plans.append((fate, dues))
    made_loans = Loan.objects.bulk_create(loans, batch_size=10000)
    instalments, repayments = [], []
    per_fund: dict[int, list] = {}
    for loan, (fate, dues) in zip(made_loans, plans, strict=True):
        third = (loan.amount / 3).quantize(Decimal("0.01"))
        parts = [third, third, loan.amount - 2 * third]
        instalments += [LoanInstalment(loan_id=loan.pk, number=n + 1, due_date=d, amount=a)
                        for n, (d, a) in enumerate(zip(dues, parts, strict=True))]
        if fate == REPAID:
            paid = list(zip(dues, parts, strict=True))
        elif fate == ON_TIME:
            paid = [(d, a) for d, a in zip(dues, parts, strict=True) if d <= today]
        elif fate == OVERDUE:  # the first instalment paid late and in half, nothing since
            paid = [(dues[0] + timedelta(days=20), (parts[0] / 2).quantize(Decimal("0.01")))] if dues[0] <= today else []
        else:
            paid = []
        per_fund.setdefault(loan.fund_id, []).extend((loan.pk, day, amount) for day, amount in paid)
    LoanInstalment.objects.bulk_create(instalments, batch_size=20000)
    for f in funds:
        for n, (loan_id, day, amount) in enumerate(sorted(per_fund.get(f, []), key=lambda p: (p[1], p[0])), 1):
            repayments.append(Repayment(fund_id=f, loan_id=loan_id, receipt_number=f"ร{n:04d}", date=day,
                                        amount=amount))
    Repayment.objects.bulk_create(repayments, batch_size=20000)
    lent_of: dict[int, Decimal] = {}
    first_loan: dict[int, date] = {}
    for loan in made_loans:
        lent_of[loan.fund_id] = lent_of.get(loan.fund_id, Decimal(0)) + loan.amount
        first_loan[loan.fund_id] = min(first_loan.get(loan.fund_id, loan.contract_date), loan.contract_date)
    paid_of: dict[int, list] = {f: sorted(p[1:] for p in per_fund.get(f, [])) for f in funds}
    bank = []
    for f in funds:
        account = account_of[f]
        opened = date(2537 - 543 + f % 8, 1, 15)
        bank.append(BankEntry(account_id=account, date=opened, document_number="1", description="รับเงินทุน กข.คจ.",
                              kind=BankEntry.Kind.DEPOSIT, amount=CAPITAL))
        if lent_of.get(f):
            bank.append(BankEntry(account_id=account, date=first_loan[f], document_number="2",
                                  description="ถอนเงินจ่ายให้ครัวเรือนเป้าหมายยืม", kind=BankEntry.Kind.WITHDRAWAL,
                                  amount=lent_of[f]))
        paid = paid_of.get(f) or []
        if len(paid) > 1:  # the last repayment stays in hand
            bank.append(BankEntry(account_id=account, date=paid[-2][0], document_number="3",
                                  description="นำฝากเงินยืมที่ได้รับคืน", kind=BankEntry.Kind.DEPOSIT,
                                  amount=sum((a for _d, a in paid[:-1]), Decimal(0))))
    BankEntry.objects.bulk_create(bank, batch_size=20000)
    return {"households": len(household_of), "loans": len(made_loans), "instalments": len(instalments),
            "repayments": len(repayments), "bank_entries": len(bank)}


# --- a small hand-made village ------------------------------------------------------------------------

def sample_village(district_code: str = "3401", *, number: int = 1, name: str = "บ้านหนองบัว"):
    """One fund whose figures the tests know, as of 16 February 2025 (FY 2568 began 1 October 2024):

    - capital 280,000; ครัวเรือนทั้งหมด 120; 4 target households (members 4, 3, 5, 2), one left the book
      (members 2: not counted); household 2's income after a year (40,000) passes the line (38,000);
    - loans: A 20,000 to household 1 (instalments 10,000 due 1 Dec 2024 and 10,000 due 1 Jun 2025;
      repaid 10,000 on 20 Nov 2024): outstanding 10,000, nothing overdue;
      B 15,000 to household 2 (round 2; repaid 15,000 on 1 Mar 2024 and earlier): outstanding 0;
      C 12,000 to household 3 (instalments 6,000 due 1 Jul 2024 and 6,000 due 1 Nov 2024; repaid 2,000 on
      5 Jul 2024): outstanding 10,000, overdue 10,000 since 1 Jul 2024 (230 days): defaulted;
      D 5,000 to household 4, written off on 1 Jan 2025 after 1,000 repaid: lost 4,000;
      a cancelled repayment of 9,999 on loan A counts nowhere;
    - green book: 280,000 deposited, 52,000 withdrawn, 16,000 deposited: 244,000; a cancelled entry;
    - so: outstanding 20,000, bank 244,000, lost 4,000, in hand 280,000 − 20,000 − 244,000 − 4,000 = 12,000,
      total 276,000; repaid in FY 2568 (from 1 Oct 2024): 10,000.
    """
    from cdd_portal.geo.models import Subdistrict, Village
    from funds.poverty.models import (
        BankAccount,
        BankEntry,
        Loan,
        LoanInstalment,
        Repayment,
        TargetHousehold,
        VillageFund,
    )

    sub = Subdistrict.objects.filter(district_id=district_code).order_by("code").first()
    village, _ = Village.objects.get_or_create(subdistrict=sub, number=number, defaults={"name_th": name})
    fund = VillageFund.objects.create(district_id=district_code, village=village, funded_year=2538,
                                      households_total=120)
    people = []
    for rank, (head, members, after) in enumerate((("นางสมหญิง ใจดี", 4, None), ("นายสมชาย รักดี", 3, "40000"),
                                                   ("นางมาลี ศรีสุข", 5, None), ("นายทองดี มีสุข", 2, None)), 1):
        people.append(TargetHousehold.objects.create(
            fund=fund, rank=rank, head_name=head, national_id=national_id(fund.pk * 100 + rank), members=members,
            house_number=str(rank * 10), income_before=Decimal("20000") + rank, jpt_line=JPT_LINE,
            income_after_1=Decimal(after) if after else None))
    TargetHousehold.objects.create(fund=fund, rank=5, head_name="นายย้าย ออกไป", members=2, left_on=date(2024, 5, 1),
                                   left_reason="ย้ายออกจากหมู่บ้าน", income_before=Decimal("30000"),
                                   jpt_line=JPT_LINE)

    def loan(household, number, made, amount, dues, **extra):
        row = Loan.objects.create(fund=fund, household=household, contract_number=number, contract_date=made,
                                  amount=Decimal(amount), purpose="เลี้ยงไก่", final_due_date=dues[-1][0],
                                  received_on=made, **extra)
        for n, (due, part) in enumerate(dues, 1):
            LoanInstalment.objects.create(loan=row, number=n, due_date=due, amount=Decimal(part))
        return row

    a = loan(people[0], "1/2567", date(2024, 6, 1), "20000", [(date(2024, 12, 1), "10000"), (date(2025, 6, 1), "10000")])
    b = loan(people[1], "2/2566", date(2023, 3, 1), "15000", [(date(2024, 3, 1), "15000")], round=2,
             status=Loan.Status.REPAID)
    c = loan(people[2], "3/2567", date(2024, 1, 10), "12000", [(date(2024, 7, 1), "6000"), (date(2024, 11, 1), "6000")])
    d = loan(people[3], "4/2566", date(2023, 6, 1), "5000", [(date(2024, 6, 1), "5000")],
             status=Loan.Status.WRITTEN_OFF, written_off_on=date(2025, 1, 1), write_off_reason="ผู้ยืมย้ายไปไม่ทราบที่อยู่")
    for number, (row, day, amount, cancelled) in enumerate((
            (a, date(2024, 11, 20), "10000", None), (a, date(2024, 12, 5), "9999", date(2024, 12, 6)),
            (b, date(2023, 9, 1), "5000", None), (b, date(2024, 3, 1), "10000", None),
            (c, date(2024, 7, 5), "2000", None), (d, date(2023, 12, 1), "1000", None)), 1):
        Repayment.objects.create(fund=fund, loan=row, receipt_number=f"ร{number:03d}", date=day, amount=Decimal(amount),
                                 cancelled_on=cancelled, cancel_reason="บันทึกซ้ำ" if cancelled else "")
    account = BankAccount.objects.create(fund=fund, bank="ธ.ก.ส.", branch="อุบลราชธานี", number="0201234567",
                                         name="กองทุน กข.คจ. บ้านหนองบัว")
    for day, kind, amount, cancelled in ((date(1995, 3, 1), "deposit", "280000", None),
                                         (date(2023, 3, 1), "withdrawal", "52000", None),
                                         (date(2024, 12, 1), "deposit", "16000", None),
                                         (date(2024, 12, 2), "deposit", "5000", date(2024, 12, 3))):
        BankEntry.objects.create(account=account, date=day, description="รายการ", kind=kind, amount=Decimal(amount),
                                 cancelled_on=cancelled, cancel_reason="ผิดบัญชี" if cancelled else "")
    return fund
