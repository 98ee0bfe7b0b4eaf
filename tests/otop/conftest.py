"""OTOP fixtures: villages of three districts (3401, its neighbour 3402, and 4201 in another province),
a producer with a product, an occupational group, and the province heads who certify."""

from datetime import date
from decimal import Decimal

import pytest

from cdd_portal.accounts.models import Role
from cdd_portal.geo.models import District, Subdistrict, Village
from otop import services
from otop.models import CommitteeMember, Producer
from tests.conftest import make_user

TODAY = date(2025, 6, 15)


def village_of(district_code: str, number: int = 1, name: str = "บ้านหนองบัว") -> Village:
    sub = Subdistrict.objects.filter(district_id=district_code).order_by("code").first()
    village, _ = Village.objects.get_or_create(subdistrict=sub, number=number, defaults={"name_th": name})
    return village


@pytest.fixture
def village(db):
    return village_of("3401")


@pytest.fixture
def other_village(db):
    return village_of("3402", name="บ้านอื่น")


@pytest.fixture
def ubon_city(db):
    return District.objects.get(pk="3401")


@pytest.fixture
def province_head(db):
    return make_user("p34-head", "34", Role.PROVINCE_HEAD)


@pytest.fixture
def other_province_head(db):
    return make_user("p42-head", "42", Role.PROVINCE_HEAD)


def make_producer(user, district, village, name="กลุ่มทอผ้าไหมบ้านหนองบัว", **extra) -> Producer:
    fields = {"type": Producer.Type.COMMUNITY_GROUP, "leader_name": "นางสมศรี ใจดี", "members": 20,
              "community_links": [Producer.CommunityLink.PRODUCTION], **extra}
    return services.create_producer(user, district=district, name=name, village=village, **fields)


@pytest.fixture
def producer(officer, ubon_city, village):
    return make_producer(officer, ubon_city, village)


@pytest.fixture
def product(officer, producer):
    return services.create_product(officer, producer=producer, name="ผ้าไหมมัดหมี่ลายนาคน้อย", sub_group="3.1",
                                   price=Decimal("3500"), unit="ผืน")


@pytest.fixture
def group(officer, ubon_city, village):
    group = services.create_group(officer, district=ubon_city, name="กลุ่มอาชีพจักสานบ้านหนองบัว", trade="จักสานไม้ไผ่",
                                  village=village, members_count=12, founded_on=date(2019, 3, 1),
                                  fund=Decimal("35000"), today=TODAY)
    services.add_committee_member(officer, group, name="นายสมชาย ขยันดี", position=CommitteeMember.Position.CHAIR,
                                  term_start=date(2023, 1, 1), term_end=date(2026, 12, 31))
    return group
