"""The OTOP API: writes through the services with Thai errors on the field, shared FilterSets, related
fields scoped to the user's area (the browsable API's drop-downs leak nothing)."""

from datetime import date

import pytest

from cdd_portal.geo.models import Village
from otop import services
from tests.otop.conftest import TODAY, make_producer, village_of

pytestmark = pytest.mark.django_db


def test_producer_create_update_and_errors(api_as, officer, village, other_village):
    api = api_as(officer)
    body = {"district": "3401", "type": "community_group", "name": "กลุ่มทอผ้าบ้านหนองบัว", "leader_name": "นางสมศรี",
            "village": village.pk, "members": 20, "community_links": ["production", "management"]}
    created = api.post("/api/v1/otop-producers/", body, format="json")
    assert created.status_code == 201, created.json()
    data = created.json()
    assert data["province"] == "34" and data["subdistrict"] == village.subdistrict_id
    url = f"/api/v1/otop-producers/{data['id']}/"
    duplicate = api.post("/api/v1/otop-producers/", body, format="json")
    assert duplicate.status_code == 400 and "อยู่แล้ว" in duplicate.json()["errors"]["name"][0]
    no_links = api.post("/api/v1/otop-producers/", {**body, "name": "ใหม่", "community_links": []}, format="json")
    assert "การเชื่อมโยงกับชุมชน" in no_links.json()["errors"]["community_links"][0]
    bad_type = api.post("/api/v1/otop-producers/", {**body, "name": "ใหม่", "type": "coop"}, format="json")
    assert "ไม่ใช่ประเภทผู้ผลิต" in bad_type.json()["errors"]["type"][0]
    # a village of another district is not even offered: it does not exist for this office
    foreign = api.post("/api/v1/otop-producers/", {**body, "name": "ใหม่", "village": other_village.pk}, format="json")
    assert "ไม่พบหมู่บ้านรหัส" in foreign.json()["errors"]["village"][0]
    moved = api.patch(url, {"district": "3402"}, format="json")
    assert moved.status_code == 400
    assert api.patch(url, {"is_active": False}, format="json").json()["is_active"] is False


def test_an_administrator_is_told_when_the_village_is_of_another_district(api_as, administrator, other_village):
    api = api_as(administrator)
    refused = api.post("/api/v1/otop-producers/", {
        "district": "3401", "type": "sme", "name": "ก", "leader_name": "ข", "village": other_village.pk,
        "community_links": ["benefit"]}, format="json")
    assert refused.status_code == 400 and refused.json()["errors"]["village"] == ["หมู่บ้านนี้ไม่อยู่ในอำเภอของผู้ผลิต"]


def test_products_with_filters_and_nested_standards(api_as, officer, administrator, producer, product):
    services.add_standard(officer, product, standard="fda", certificate_number="1", issued_on=date(2020, 1, 1),
                          expires_on=date(2021, 1, 1))
    services.record_champion_result(officer, product, year=2562, score="91", stars=5)
    api = api_as(officer)
    created = api.post("/api/v1/otop-products/", {"producer": producer.pk, "name": "ตะกร้า", "sub_group": "4.2",
                                                  "price": "250.00", "unit": "ใบ"}, format="json")
    assert created.status_code == 201 and created.json()["category"] == "4" and created.json()["district"] == "3401"
    wrong = api.post("/api/v1/otop-products/", {"producer": producer.pk, "name": "ตะกร้า", "sub_group": "9.9"},
                     format="json")
    assert wrong.status_code == 400 and "๑๗ กลุ่ม" in wrong.json()["errors"]["sub_group"][0]
    listing = api.get("/api/v1/otop-products/?stars=5").json()
    assert listing["count"] == 1
    row = listing["results"][0]
    assert row["latest_stars"] == 5 and row["standards"][0]["expired"] is True
    assert row["champion_results"] == [{"id": row["champion_results"][0]["id"], "year": 2562, "score": "91.00",
                                        "stars": 5, "stars_by_hand": True}]
    assert api.get("/api/v1/otop-products/?stars=none").json()["count"] == 1
    assert api.get("/api/v1/otop-products/?category=4").json()["count"] == 1
    assert api.get("/api/v1/otop-products/?standard=fda").json()["count"] == 1
    bad = api.get("/api/v1/otop-products/?stars=7")
    assert bad.status_code == 400
    patched = api.patch(f"/api/v1/otop-products/{product.pk}/", {"segment": "A"}, format="json")
    assert patched.status_code == 200 and patched.json()["segment"] == "A"


def test_groups_api(api_as, officer, village, group):
    api = api_as(officer)
    small = api.post("/api/v1/occupation-groups/", {"district": "3401", "name": "กลุ่มอาชีพเล็ก", "trade": "ขนม",
                                                    "village": village.pk, "members_count": 4}, format="json")
    assert small.status_code == 400 and small.json()["errors"]["members_count"] == ["กลุ่มอาชีพต้องมีสมาชิกอย่างน้อย ๕ คน"]
    data = api.get(f"/api/v1/occupation-groups/{group.pk}/").json()
    assert data["committee"][0]["position_label"] == "ประธาน" and data["producer"] is None
    producer = services.promote_to_producer(officer, group, today=TODAY)
    assert api.get(f"/api/v1/occupation-groups/{group.pk}/").json()["producer"] == producer.pk
    assert api.get("/api/v1/occupation-groups/?trade=ไม้ไผ่").json()["count"] == 1


def test_registrations_api_is_read_only(api_as, officer, province_staff, product):
    registration = services.record_registration(officer, product.producer, 2568)
    rows = api_as(province_staff).get("/api/v1/otop-registrations/?year=2568&district=3401").json()
    assert rows["count"] == 1 and rows["results"][0]["status_label"] == "บันทึกแล้ว"
    assert rows["results"][0]["recorded_by"] == "d3401"
    assert api_as(officer).patch(f"/api/v1/otop-registrations/{registration.pk}/", {"status": "certified"},
                                 format="json").status_code == 405


def test_related_field_choices_are_scoped(login, api_as, officer, province_staff, producer, neighbour_officer):
    """The browsable API renders related fields as <select>s: only the user's area is offered."""
    far = village_of("4201", name="บ้านเมืองเลย")
    near = village_of("3402", name="บ้านศรีเมืองใหม่")
    theirs = make_producer(neighbour_officer, near.subdistrict.district, near, name="ผู้ผลิตของอำเภอข้างเคียง")
    page = login(officer).get("/api/v1/otop-products/", HTTP_ACCEPT="text/html").content.decode()
    assert producer.name in page and theirs.name not in page
    page = login(officer).get("/api/v1/otop-producers/", HTTP_ACCEPT="text/html").content.decode()
    assert "บ้านหนองบัว" in page and far.name_th not in page and near.name_th not in page
    assert ">3402<" not in page and ">4201<" not in page
    province = login(province_staff).get("/api/v1/otop-producers/", HTTP_ACCEPT="text/html").content.decode()
    assert far.name_th not in province and ">4201<" not in province
    assert Village.objects.filter(pk=far.pk).exists()
