"""Demo data: one กข.คจ. fund in อำเภอเมืองเลย (d4201) with a few target households, a bank account and a
loan (idempotent). The lead wires `seed_demo_poverty()` into seed_demo."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from cdd_portal.geo.models import District, Subdistrict, Village
from funds.poverty.models import (
    BankAccount,
    BankEntry,
    Loan,
    LoanInstalment,
    Repayment,
    TargetHousehold,
    VillageFund,
)

DEMO_DISTRICT = "4201"
HOUSEHOLDS = [  # rank, head, house, members, income before
    (1, "นางสมศรี ใจดี", "12", 4, Decimal("18500.00")),
    (2, "นายบุญมี ศรีสุข", "27/1", 3, Decimal("21000.00")),
    (3, "นางคำปุน แก้วมณี", "45", 5, Decimal("24800.00")),
]
JPT_LINE = Decimal("38000.00")


@transaction.atomic
def seed_demo_poverty(district_code: str = DEMO_DISTRICT) -> VillageFund | None:
    district = District.objects.filter(pk=district_code).first()
    subdistrict = Subdistrict.objects.filter(district_id=district_code).order_by("code").first()
    if district is None or subdistrict is None:
        return None
    village = (Village.objects.filter(subdistrict__district_id=district_code, poverty_fund__isnull=False).first()
               or Village.objects.get_or_create(subdistrict=subdistrict, number=3,
                                                defaults={"name_th": "บ้านนาโป่ง"})[0])
    fund, created = VillageFund.objects.get_or_create(
        village=village, defaults={"district": district, "funded_year": 2538, "households_total": 142,
                                   "note": "ข้อมูลตัวอย่าง"})
    if not created:
        return fund
    households = [TargetHousehold.objects.create(fund=fund, rank=rank, head_name=name, house_number=house,
                                                 members=members, income_before=income, jpt_line=JPT_LINE)
                  for rank, name, house, members, income in HOUSEHOLDS]
    account = BankAccount.objects.create(fund=fund, bank="ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร", branch="เลย",
                                         number="0123456789", name=f"กองทุน กข.คจ. {village.name_th}")
    BankEntry.objects.create(account=account, date=date(2024, 10, 1), document_number="1/2568",
                             description="ยอดยกมา", kind=BankEntry.Kind.DEPOSIT, amount=Decimal("250000.00"))
    BankEntry.objects.create(account=account, date=date(2024, 11, 15), document_number="2/2568",
                             description="ถอนจ่ายเงินยืมตามสัญญาเลขที่ 1/2568", kind=BankEntry.Kind.WITHDRAWAL,
                             amount=Decimal("15000.00"))
    loan = Loan.objects.create(fund=fund, household=households[0], round=1, contract_number="1/2568",
                               contract_date=date(2024, 11, 15), amount=Decimal("15000.00"),
                               purpose="เลี้ยงไก่พื้นเมือง", final_due_date=date(2026, 11, 15),
                               received_on=date(2024, 11, 15))
    LoanInstalment.objects.bulk_create([
        LoanInstalment(loan=loan, number=1, due_date=date(2025, 11, 15), amount=Decimal("7500.00")),
        LoanInstalment(loan=loan, number=2, due_date=date(2026, 11, 15), amount=Decimal("7500.00")),
    ])
    Repayment.objects.create(fund=fund, loan=loan, receipt_number="1/2569", date=date(2025, 11, 10),
                             amount=Decimal("7500.00"))
    return fund
