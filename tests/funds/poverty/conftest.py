"""Fixtures of the กข.คจ. tests: a frozen clock (`frozen`, used by each of B's test modules), a fund of อำเภอเมืองเลย (d4201, kept by `far_officer`) with three
target households and a bank account, and a loan with two instalments."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from cdd_portal.accounts.models import Role
from cdd_portal.geo.models import District, Subdistrict, Village
from funds.poverty import services
from funds.poverty.models import RegulationSetting
from tests.conftest import make_user

TODAY = date(2025, 1, 15)
D = Decimal
NID = "1101700230708"  # a valid check digit
NID2 = "3100600123450"


@pytest.fixture
def frozen(time_machine):
    """The clock on 15 January 2025 (B.E. 2568). Not autouse: the report tests in this folder keep their own."""
    time_machine.move_to(datetime(2025, 1, 15, 10, 0, tzinfo=ZoneInfo("Asia/Bangkok")), tick=False)
    return TODAY


@pytest.fixture
def loei_muang(db):
    return District.objects.get(pk="4201")


def village_of(district_code: str, number: int = 1, name: str = "บ้านนาโป่ง") -> Village:
    subdistrict = Subdistrict.objects.filter(district_id=district_code).order_by("code").first()
    return Village.objects.get_or_create(subdistrict=subdistrict, number=number, defaults={"name_th": name})[0]


@pytest.fixture
def loei_neighbour(db):
    """d4202: another district of Loei."""
    return make_user("d4202", "4202", Role.DISTRICT_OFFICER)


@pytest.fixture
def fund(far_officer, loei_muang):
    return services.create_fund(far_officer, district=loei_muang, village=village_of("4201"), funded_year=2538,
                                households_total=120)


@pytest.fixture
def households(far_officer, fund):
    rows = [("นางสมศรี ใจดี", D("18000"), NID), ("นายบุญมี ศรีสุข", D("21000"), ""), ("นางคำปุน แก้วมณี", D("25000"), "")]
    return [services.add_household(far_officer, fund, head_name=name, members=4, income_before=income,
                                   jpt_line=D("38000"), national_id=nid) for name, income, nid in rows]


@pytest.fixture
def account(far_officer, fund):
    account = services.add_account(far_officer, fund, bank="ธ.ก.ส.", branch="เลย", number="0123456789",
                                   name="กองทุน กข.คจ. บ้านนาโป่ง")
    services.add_bank_entry(far_officer, account, date=date(2024, 10, 1), description="ยอดยกมา", kind="deposit",
                            amount=D("200000"))
    return account


@pytest.fixture
def loan(far_officer, households):
    return services.create_loan(
        far_officer, households[0], contract_number="1/2568", contract_date=date(2024, 1, 10), amount=D("10000"),
        purpose="เลี้ยงไก่", consent_name="นายสมชาย ใจดี", consent_relation="สามี", consent_national_id=NID2,
        instalments=[{"due_date": date(2024, 7, 10), "amount": D("5000")},
                     {"due_date": date(2025, 1, 10), "amount": D("5000")}])


@pytest.fixture
def setting(db):
    return RegulationSetting.active()
