"""Rules of the OTOP registries: producer types, villages of the district, the 17 sub-groups, standards
and their expiry, stars from the year's thresholds or by hand, occupational groups and their committee,
promotion of a group to a producer; every write audited."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cdd_portal.audit.models import AuditEntry
from cdd_portal.geo.models import District
from otop import selectors, services
from otop.catalogue import CATEGORIES, SUB_GROUPS
from otop.models import CommitteeMember, Producer, Product, ProductStandard, StarThreshold
from tests.otop.conftest import TODAY, make_producer

pytestmark = pytest.mark.django_db


# --- producers ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, members, expected", [
    (Producer.Type.COMMUNITY_GROUP, 20, 20),
    (Producer.Type.SINGLE_OWNER, None, None),
    (Producer.Type.SME, 8, 8),
    (Producer.Type.SME, None, None),
])
def test_the_three_producer_types(officer, ubon_city, village, kind, members, expected):
    producer = make_producer(officer, ubon_city, village, type=kind, members=members)
    assert producer.type == kind and producer.members == expected
    assert producer.get_type_display() in {"กลุ่มผู้ผลิตชุมชน", "ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว",
                                           "ผู้ผลิตที่เป็นวิสาหกิจขนาดกลางและขนาดย่อม (SME)"}


def test_members_follow_the_type(officer, ubon_city, village):
    with pytest.raises(ValidationError, match="กลุ่มผู้ผลิตชุมชนต้องระบุจำนวนสมาชิกอย่างน้อย ๑ คน"):
        make_producer(officer, ubon_city, village, members=None)
    with pytest.raises(ValidationError, match="ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียวไม่มีสมาชิก"):
        make_producer(officer, ubon_city, village, type=Producer.Type.SINGLE_OWNER, members=3)
    with pytest.raises(ValidationError, match="กรุณาเลือกประเภทผู้ผลิต"):
        make_producer(officer, ubon_city, village, type="cooperative")


def test_a_village_of_another_district_is_refused(officer, ubon_city, other_village):
    with pytest.raises(ValidationError) as refused:
        make_producer(officer, ubon_city, other_village)
    assert refused.value.message_dict == {"village": ["หมู่บ้านนี้ไม่อยู่ในอำเภอของผู้ผลิต"]}


def test_community_link_at_least_one(officer, ubon_city, village):
    with pytest.raises(ValidationError, match="กรุณาเลือกการเชื่อมโยงกับชุมชนอย่างน้อยหนึ่งข้อ: ชุมชนมีส่วนร่วมในการผลิต"):
        make_producer(officer, ubon_city, village, community_links=[])
    with pytest.raises(ValidationError, match="การเชื่อมโยงกับชุมชน"):
        make_producer(officer, ubon_city, village, community_links=["tourism"])
    producer = make_producer(officer, ubon_city, village, community_links=["benefit", "production", "benefit"])
    assert producer.community_links == ["production", "benefit"]
    assert producer.community_link_labels == ["ชุมชนมีส่วนร่วมในการผลิต", "ชุมชนได้รับประโยชน์"]


def test_contact_details_and_duplicates(officer, ubon_city, village, producer):
    with pytest.raises(ValidationError, match="อำเภอนี้มีผู้ผลิตชื่อ «กลุ่มทอผ้าไหมบ้านหนองบัว» อยู่แล้ว"):
        make_producer(officer, ubon_city, village)
    with pytest.raises(ValidationError, match="รูปแบบอีเมลไม่ถูกต้อง"):
        make_producer(officer, ubon_city, village, name="ใหม่", email="not-an-address")
    with pytest.raises(ValidationError, match="หมายเลขโทรศัพท์"):
        make_producer(officer, ubon_city, village, name="ใหม่", phone="โทรหาได้")
    other = make_producer(officer, ubon_city, village, name="ใหม่", phone="๐๘๑-๒๓๔๕๖๗๘")
    assert other.phone == "081-2345678"


def test_producer_writes_are_audited_and_never_deleted(officer, producer):
    services.update_producer(officer, producer, is_active=False, leader_name="นางสมใจ ใจดี")
    entries = AuditEntry.objects.filter(object_type="otop.producer", object_id=str(producer.pk)).order_by("id")
    assert [e.action for e in entries] == ["create", "update"]
    assert entries[1].changes["is_active"] == ["True", "False"] and entries[1].district_code == "3401"
    assert Producer.objects.filter(pk=producer.pk, is_active=False).exists()


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "province_staff", "viewer", "district_head"])
def test_only_the_district_office_writes(request, who, ubon_city, village, producer):
    user = request.getfixturevalue(who)
    if who == "district_head":  # the head belongs to the district office: a keeper too
        services.update_producer(user, producer, phone="045-111111")
        return
    with pytest.raises(PermissionDenied):
        services.update_producer(user, producer, name="ชื่อใหม่")
    with pytest.raises(PermissionDenied):
        make_producer(user, ubon_city, village, name="แปลกปลอม")
    with pytest.raises(PermissionDenied):
        services.create_product(user, producer=producer, name="x", sub_group="1.1")


# --- products -----------------------------------------------------------------------------------------

def test_the_five_categories_and_seventeen_sub_groups():
    assert list(CATEGORIES) == ["1", "2", "3", "4", "5"] and len(SUB_GROUPS) == 17
    per_category = {c: [s for s in SUB_GROUPS if s.startswith(c + ".")] for c in CATEGORIES}
    assert {c: len(s) for c, s in per_category.items()} == {"1": 3, "2": 2, "3": 2, "4": 7, "5": 3}
    assert SUB_GROUPS["4.2"] == "จักสาน" and SUB_GROUPS["5.3"] == "วัตถุอันตรายที่ใช้ในบ้านเรือน"


@pytest.mark.parametrize("code", list(SUB_GROUPS))
def test_every_sub_group_gives_its_category(officer, producer, code):
    product = services.create_product(officer, producer=producer, name=f"ผลิตภัณฑ์ {code}", sub_group=code)
    assert product.category == code.split(".")[0] and product.district_id == "3401"


def test_an_unknown_sub_group_is_refused_naming_the_valid_ones(officer, producer):
    with pytest.raises(ValidationError) as refused:
        services.create_product(officer, producer=producer, name="ไม้กวาด", sub_group="4.8")
    message = refused.value.message_dict["sub_group"][0]
    assert message.startswith("กลุ่มผลิตภัณฑ์ต้องเป็นหนึ่งใน ๑๗ กลุ่ม:")
    assert "4.2 จักสาน" in message and "1.1 ผลิตผลทางการเกษตรที่ใช้บริโภคสด" in message
    with pytest.raises(ValidationError, match="กลุ่มผลิตภัณฑ์ 4.2 ไม่อยู่ในประเภท 1 อาหาร"):
        services.create_product(officer, producer=producer, name="ไม้กวาด", sub_group="4.2", category="1")
    thai = services.create_product(officer, producer=producer, name="ไม้กวาด", sub_group="๔.๒", category="4")
    assert thai.sub_group == "4.2"


def test_price_needs_a_unit_and_segment_is_a_to_d(officer, producer):
    with pytest.raises(ValidationError, match="กรุณาระบุหน่วยนับของราคา"):
        services.create_product(officer, producer=producer, name="น้ำพริก", sub_group="1.3", price=Decimal("60"))
    with pytest.raises(ValidationError, match="Segment ต้องเป็น A, B, C หรือ D"):
        services.create_product(officer, producer=producer, name="น้ำพริก", sub_group="1.3", segment="E")
    product = services.create_product(officer, producer=producer, name="น้ำพริก", sub_group="1.3",
                                      price=Decimal("60.50"), unit="กระปุก", segment="C")
    assert product.price == Decimal("60.50")


def test_a_product_stays_in_its_district(officer, neighbour_officer, product, other_village):
    theirs = make_producer(neighbour_officer, District.objects.get(pk="3402"), other_village, name="ของอำเภออื่น")
    with pytest.raises(ValidationError, match="ย้ายผลิตภัณฑ์ไปผู้ผลิตของอำเภออื่นไม่ได้"):
        services.update_product(officer, product, producer=theirs)


# --- standards ----------------------------------------------------------------------------------------

def test_an_expired_certificate_is_shown_as_expired(officer, product):
    old = services.add_standard(officer, product, standard="fda", certificate_number="34-2-01565-2-0001",
                                issued_on=date(2021, 1, 1), expires_on=date(2024, 12, 31))
    lasting = services.add_standard(officer, product, standard="tcps", certificate_number="มผช. 12/2565",
                                    issued_on=date(2022, 8, 1))
    detail = selectors.product_detail(product, today=TODAY)
    expired = {s.pk: s.expired for s in detail["standards"]}
    assert expired == {old.pk: True, lasting.pk: False}
    assert not old.is_expired(date(2024, 12, 31)) and old.is_expired(date(2025, 1, 1))
    [listed] = selectors.with_standards([Product.objects.get(pk=product.pk)], today=TODAY)
    assert [(s.standard, s.expired) for s in listed.standard_list] == [("fda", True), ("tcps", False)]


def test_standard_rules(officer, product):
    with pytest.raises(ValidationError, match="มาตรฐานต้องเป็นหนึ่งใน: อย., GAP, GMP, HACCP, Q, มผช., มอก., เกษตรอินทรีย์, ฮาลาล"):
        services.add_standard(officer, product, standard="iso", certificate_number="1", issued_on=date(2022, 1, 1))
    with pytest.raises(ValidationError, match="วันหมดอายุต้องอยู่หลังวันที่ออกใบรับรอง"):
        services.add_standard(officer, product, standard="gmp", certificate_number="1", issued_on=date(2022, 1, 1),
                              expires_on=date(2021, 1, 1))
    with pytest.raises(ValidationError, match="กรุณากรอกเลขที่ใบรับรอง"):
        services.add_standard(officer, product, standard="gmp", certificate_number=" ", issued_on=date(2022, 1, 1))
    item = services.add_standard(officer, product, standard="halal", certificate_number="H-1",
                                 issued_on=date(2022, 1, 1))
    services.remove_standard(officer, item)
    assert not ProductStandard.objects.exists()
    changes = [e.changes["standard"] for e in AuditEntry.objects.filter(
        object_type="otop.product", object_id=str(product.pk), changes__has_key="standard").order_by("id")]
    assert changes == [["", "ฮาลาล เลขที่ H-1 ออก 2022-01-01"], ["ฮาลาล เลขที่ H-1 ออก 2022-01-01", ""]]


# --- stars ----------------------------------------------------------------------------------------------

@pytest.fixture
def thresholds_2565(administrator):
    services.set_thresholds(administrator, 2565, {5: "90", 4: "80", 3: "70", 2: "50", 1: "0"})


def test_stars_come_from_the_years_thresholds(officer, product, thresholds_2565):
    result = services.record_champion_result(officer, product, year=2565, score="84.5")
    assert (result.stars, result.stars_by_hand) == (4, False)
    product.refresh_from_db()
    assert (product.latest_stars, product.latest_champion_year) == (4, 2565)
    assert services.stars_for(2565, Decimal("90")) == 5 and services.stars_for(2565, Decimal("49.99")) == 1
    with pytest.raises(ValidationError, match="ตามเกณฑ์ปี ๒๕๖๕ คะแนน ๘๔.๕๐ ได้ ๔ ดาว ไม่ใช่ ๕ ดาว"):
        services.record_champion_result(officer, product, year=2565, score="84.5", stars=5)


def test_without_thresholds_the_stars_are_given_by_hand(officer, product, thresholds_2565):
    with pytest.raises(ValidationError) as missing:
        services.record_champion_result(officer, product, year=2562, score="88")
    assert missing.value.message_dict["stars"] == [
        "ปี ๒๕๖๒ ยังไม่มีเกณฑ์คะแนนระดับดาวในระบบ กรุณาระบุระดับดาวตามประกาศผลการคัดสรร"]
    result = services.record_champion_result(officer, product, year=2562, score="88", stars=4)
    assert (result.stars, result.stars_by_hand) == (4, True)


def test_the_latest_result_is_the_products_stars(officer, product, thresholds_2565):
    services.record_champion_result(officer, product, year=2565, score="72")
    services.record_champion_result(officer, product, year=2562, score="95", stars=5)  # an older year added later
    product.refresh_from_db()
    assert (product.latest_stars, product.latest_champion_year) == (3, 2565)
    services.record_champion_result(officer, product, year=2565, score="91")  # corrected
    product.refresh_from_db()
    assert product.latest_stars == 5 and product.champion_results.count() == 2
    services.remove_champion_result(officer, product.champion_results.get(year=2565))
    product.refresh_from_db()
    assert (product.latest_stars, product.latest_champion_year) == (5, 2562)
    history = [e.changes["champion_result"] for e in AuditEntry.objects.filter(
        object_type="otop.product", changes__has_key="champion_result").order_by("id")]
    assert history == [["", "ปี 2565: 72.00 คะแนน 3 ดาว (ตามเกณฑ์)"], ["", "ปี 2562: 95.00 คะแนน 5 ดาว (ระบุเอง)"],
                       ["ปี 2565: 72.00 คะแนน 3 ดาว (ตามเกณฑ์)", "ปี 2565: 91.00 คะแนน 5 ดาว (ตามเกณฑ์)"],
                       ["ปี 2565: 91.00 คะแนน 5 ดาว (ตามเกณฑ์)", ""]]


def test_scores_and_years_are_checked(officer, product):
    with pytest.raises(ValidationError, match="คะแนนต้องอยู่ระหว่าง ๐ ถึง ๑๐๐"):
        services.record_champion_result(officer, product, year=2565, score="101", stars=5)
    with pytest.raises(ValidationError, match="ปีต้องเป็นปี พ.ศ."):
        services.record_champion_result(officer, product, year=2022, score="80", stars=4)
    with pytest.raises(ValidationError, match="ระดับดาวต้องเป็น ๑ ถึง ๕"):
        services.record_champion_result(officer, product, year=2565, score="80", stars=6)


def test_thresholds_are_administrators_data_and_recompute_the_year(officer, administrator, product, thresholds_2565,
                                                                   province_staff):
    services.record_champion_result(officer, product, year=2565, score="84.5")
    with pytest.raises(PermissionDenied):
        services.set_thresholds(province_staff, 2565, {5: "85"})
    with pytest.raises(ValidationError, match="คะแนนขั้นต่ำของ ๕ ดาวต้องมากกว่าของ ๔ ดาว"):
        services.set_thresholds(administrator, 2565, {5: "80", 4: "85"})
    changed = services.set_thresholds(administrator, 2565, {5: "84", 4: "75", 3: "65", 2: "50", 1: "0"})
    product.refresh_from_db()
    assert changed == 1 and product.latest_stars == 5
    assert list(StarThreshold.objects.filter(year=2565).values_list("stars", flat=True)) == [5, 4, 3, 2, 1]
    with pytest.raises(ValidationError, match="ลบเกณฑ์ไม่ได้"):
        services.set_thresholds(administrator, 2565, {})


# --- occupational groups --------------------------------------------------------------------------------

def test_a_group_with_four_members_is_refused(officer, ubon_city, village):
    with pytest.raises(ValidationError) as refused:
        services.create_group(officer, district=ubon_city, name="กลุ่มอาชีพเล็ก", trade="ทำขนม", village=village,
                              members_count=4, today=TODAY)
    assert refused.value.message_dict == {"members_count": ["กลุ่มอาชีพต้องมีสมาชิกอย่างน้อย ๕ คน"]}
    group = services.create_group(officer, district=ubon_city, name="กลุ่มอาชีพเล็ก", trade="ทำขนม", village=village,
                                  members_count=5, today=TODAY)
    with pytest.raises(ValidationError, match="กลุ่มอาชีพต้องมีสมาชิกอย่างน้อย ๕ คน"):
        services.update_group(officer, group, members_count=4, today=TODAY)


def test_group_rules(officer, ubon_city, village, other_village, group):
    with pytest.raises(ValidationError, match="หมู่บ้านนี้ไม่อยู่ในอำเภอของกลุ่ม"):
        services.update_group(officer, group, village=other_village, today=TODAY)
    with pytest.raises(ValidationError, match="วันที่ก่อตั้งต้องไม่เป็นวันในอนาคต"):
        services.update_group(officer, group, founded_on=date(2025, 6, 16), today=TODAY)
    with pytest.raises(ValidationError, match="กองทุนกลุ่มต้องไม่ติดลบ"):
        services.update_group(officer, group, fund=Decimal("-1"), today=TODAY)
    with pytest.raises(ValidationError, match="อำเภอนี้มีกลุ่มอาชีพชื่อ «กลุ่มอาชีพจักสานบ้านหนองบัว» อยู่แล้ว"):
        services.create_group(officer, district=ubon_city, name="กลุ่มอาชีพจักสานบ้านหนองบัว", trade="จักสาน",
                              village=village, members_count=6, today=TODAY)


@pytest.mark.parametrize("start, end, ok", [
    (date(2020, 1, 1), date(2025, 12, 31), False),  # six years
    (date(2020, 1, 1), date(2025, 1, 1), True),  # five years to the day
    (date(2020, 1, 1), date(2025, 1, 2), False),
    (date(2024, 1, 1), date(2024, 12, 31), True),  # one year
    (date(2024, 1, 1), date(2024, 12, 30), False),  # a day short of a year
    (date(2024, 2, 29), date(2029, 2, 28), True),
])
def test_a_committee_term_is_one_to_five_years(officer, group, start, end, ok):
    def add():
        return services.add_committee_member(officer, group, name="นางสาวสมร ใจงาม",
                                             position=CommitteeMember.Position.TREASURER, term_start=start, term_end=end)
    if ok:
        assert add().get_position_display() == "เหรัญญิก"
    else:
        with pytest.raises(ValidationError) as refused:
            add()
        assert refused.value.message_dict == {"term_end": ["วาระของกรรมการกลุ่มอาชีพต้องอยู่ระหว่าง ๑ ถึง ๕ ปี"]}


def test_committee_positions_and_audit(officer, group):
    with pytest.raises(ValidationError, match="ตำแหน่งต้องเป็น ประธาน, รองประธาน, เลขานุการ, เหรัญญิก, กรรมการ"):
        services.add_committee_member(officer, group, name="ก", position="auditor", term_start=date(2024, 1, 1),
                                      term_end=date(2026, 1, 1))
    member = services.add_committee_member(officer, group, name="นายเอก", position="secretary",
                                           term_start=date(2024, 1, 1), term_end=date(2026, 1, 1))
    services.remove_committee_member(officer, member)
    changes = list(AuditEntry.objects.filter(object_type="otop.occupationgroup", changes__has_key="committee")
                   .order_by("id").values_list("changes", flat=True))
    assert changes[-2]["committee"][1].startswith("เลขานุการ นายเอก") and changes[-1]["committee"][1] == ""


def test_promote_to_producer_takes_the_groups_data(officer, group):
    producer = services.promote_to_producer(officer, group, today=TODAY)
    assert (producer.name, producer.village_id, producer.members, producer.leader_name, producer.district_id) == (
        "กลุ่มอาชีพจักสานบ้านหนองบัว", group.village_id, 12, "นายสมชาย ขยันดี", "3401")
    assert producer.type == Producer.Type.COMMUNITY_GROUP and producer.from_group == group
    with pytest.raises(ValidationError) as again:
        services.promote_to_producer(officer, group, today=TODAY)
    assert again.value.message_dict == {"group": [
        "กลุ่มนี้เป็นผู้ผลิต ผู้ประกอบการ OTOP แล้ว («กลุ่มอาชีพจักสานบ้านหนองบัว»)"]}


def test_promote_needs_a_chair_and_an_active_group(officer, ubon_city, village, neighbour_officer, group):
    bare = services.create_group(officer, district=ubon_city, name="กลุ่มอาชีพทำขนม", trade="ขนมไทย", village=village,
                                 members_count=7, today=TODAY)
    with pytest.raises(ValidationError, match="กลุ่มยังไม่มีประธานในทะเบียนกรรมการ"):
        services.promote_to_producer(officer, bare, today=TODAY)
    services.update_group(officer, group, is_active=False, today=TODAY)
    with pytest.raises(ValidationError, match="กลุ่มที่เลิกดำเนินการแล้วเป็นผู้ผลิต OTOP ไม่ได้"):
        services.promote_to_producer(officer, group, today=TODAY)
    with pytest.raises(PermissionDenied):
        services.promote_to_producer(neighbour_officer, group, today=TODAY)


def test_a_newer_chair_leads_the_producer(officer, group):
    services.add_committee_member(officer, group, name="นางใหม่ ประธานคนใหม่", position="chair",
                                  term_start=date(2025, 1, 1), term_end=date(2026, 12, 31))
    producer = services.promote_to_producer(officer, group, type=Producer.Type.SME, today=TODAY)
    assert producer.leader_name == "นางใหม่ ประธานคนใหม่" and producer.type == "sme"


def test_clusters_hold_groups_of_their_district(officer, neighbour_officer, ubon_city, group):
    cluster = services.create_cluster(officer, district=ubon_city, name="คลัสเตอร์จักสานเมืองอุบล", trade="จักสาน")
    services.update_group(officer, group, cluster=cluster, today=TODAY)
    assert list(cluster.groups.all()) == [group]
    theirs = services.create_cluster(neighbour_officer, district=District.objects.get(pk="3402"), name="อื่น",
                                     trade="ทอผ้า")
    with pytest.raises(ValidationError, match="คลัสเตอร์นี้ไม่อยู่ในอำเภอของกลุ่ม"):
        services.update_group(officer, group, cluster=theirs, today=TODAY)
    with pytest.raises(ValidationError, match="อำเภอนี้มีคลัสเตอร์ชื่อ"):
        services.create_cluster(officer, district=ubon_city, name="คลัสเตอร์จักสานเมืองอุบล", trade="จักสาน")


def test_demo_data_is_idempotent():
    first = services.seed_demo_otop()
    assert first["producers"] == 3 and first["products"] == 4 and first["thresholds"] == 5
    assert services.seed_demo_otop() == {"villages": 0, "groups": 0, "producers": 0, "products": 0, "thresholds": 0}
    note = StarThreshold.objects.filter(year=2565).values_list("note", flat=True).first()
    assert "ตัวอย่าง" in note and "ไม่ใช่เกณฑ์ทางการ" in note
    assert Producer.objects.get(name="กลุ่มอาชีพทอผ้าไหมบ้านหนองบัว").from_group is not None
