"""Fixtures of the handover tests: a test-only fund kind over funds.SavingsGroup (the real kinds are
registered by other apps and may not be there), three groups, a second and a third officer of 3401, and
a clock frozen on 15 January 2025."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from cdd_portal.accounts.models import Role
from cdd_portal.geo.models import District
from funds import kinds
from funds.handovers import services
from funds.models import SavingsGroup
from tests.conftest import make_user

KIND = "test_savings"
ITEMS = (("passbooks", "สมุดบัญชีเงินฝาก"), ("members", "ทะเบียนสมาชิก"), ("contracts", "สัญญาเงินกู้"))


def _status(group) -> list[tuple[str, str]]:
    return [("ชื่อกลุ่ม", group.name), ("สมาชิก (คน)", "42"), ("เงินสัจจะสะสม (บาท)", "125,000.00")]


TEST_KIND = kinds.FundKind(code=KIND, label="กลุ่มออมทรัพย์ (ทดสอบ)", model_label="funds.SavingsGroup",
                           district_field="district", province_field="district__province", status=_status,
                           handover_items=ITEMS)


@pytest.fixture(autouse=True)
def fund_kind():
    before = dict(kinds._KINDS)
    kinds.register(TEST_KIND)
    yield TEST_KIND
    kinds._KINDS.clear()
    kinds._KINDS.update(before)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(datetime(2025, 1, 15, 10, 0, tzinfo=ZoneInfo("Asia/Bangkok")), tick=False)
    return datetime(2025, 1, 15).date()


@pytest.fixture
def groups(db):
    d3401 = District.objects.get(pk="3401")
    return [SavingsGroup.objects.create(district=d3401, name=name)
            for name in ("กลุ่มออมทรัพย์บ้านนาโพธิ์", "กลุ่มออมทรัพย์บ้านหนองบัว")]


@pytest.fixture
def far_group(db):
    return SavingsGroup.objects.create(district=District.objects.get(pk="3402"), name="กลุ่มออมทรัพย์ศรีเมืองใหม่")


@pytest.fixture
def second_officer(db):
    return make_user("d3401-b", "3401", Role.DISTRICT_OFFICER, position="พัฒนากรปฏิบัติการ", last_name="สอง")


@pytest.fixture
def third_officer(db):
    return make_user("d3401-c", "3401", Role.DISTRICT_OFFICER)


@pytest.fixture
def handover(officer, second_officer, groups, frozen):
    """d3401 hands both groups over to d3401-b (transfer), nobody signed yet."""
    return services.create_officer_handover(
        officer, district="3401", outgoing_user=officer, incoming_user=second_officer, date=frozen,
        reason="transfer", funds=[(KIND, g.pk) for g in groups])


@pytest.fixture
def committee_handover(officer, groups, frozen):
    return services.create_committee_handover(
        officer, district="3401", fund=(KIND, groups[0].pk), date=frozen, reason="term_end",
        outgoing_chair="นายเก่า ประธาน", outgoing_members="นางหนึ่ง\nนายสอง", incoming_chair="นางใหม่ ประธาน",
        incoming_members="นายสาม", witness_name="นางสาวพยาน ตำบล", witness_position="พัฒนากร")
