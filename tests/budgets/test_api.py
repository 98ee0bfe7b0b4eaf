from datetime import date
from decimal import Decimal

import pytest

from budgets import services
from budgets.models import Allocation, Disbursement
from tests.generators import province_register, service_centre_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def ubon(administrator):
    return province_register(administrator, service_centre_activity(), "34")


def test_fiscal_years_and_the_plan_tree(api_as, officer, ubon):
    api = api_as(officer)
    assert api.get("/api/v1/fiscal-years/2563/").json() == {"year": 2563, "start_date": "2019-10-01",
                                                            "end_date": "2020-09-30"}
    tree = api.get("/api/v1/projects/", {"fiscal_year": 2563}).json()["results"]
    assert [item["level_display"] for item in tree] == ["แผนงาน", "โครงการ", "กิจกรรมหลัก", "กิจกรรม"]
    assert tree[3]["parent"] == tree[2]["id"] and tree[3]["unit_rate"] == "1500.00"
    assert api.get("/api/v1/projects/", {"fiscal_year": 2564}).json()["count"] == 0


def test_allocations_filtered_by_year_province_and_activity(api_as, province_staff, ubon):
    api = api_as(province_staff)
    body = api.get("/api/v1/allocations/", {"fiscal_year": 2563, "province": "34",
                                            "activity": ubon.activity_id}).json()
    assert body["count"] == 26
    assert sum(Decimal(r["amount"]) for r in body["results"]) == Decimal("41100")
    assert api.get("/api/v1/allocations/", {"fiscal_year": 2564}).json()["count"] == 0


def test_district_sees_its_allocation_and_records_a_disbursement(api_as, officer, ubon):
    api = api_as(officer)
    [mine] = api.get("/api/v1/allocations/").json()["results"]
    assert mine["office"] == "3401" and mine["amount"] == "1500.00" and mine["percent_spent"] == "0.00"
    created = api.post("/api/v1/disbursements/", {"allocation": mine["id"], "date": "2020-05-15", "amount": "600",
                                                  "document_no": "อบ 0018/1"}, format="json")
    assert created.status_code == 201, created.json()
    refused = api.post("/api/v1/disbursements/", {"allocation": mine["id"], "date": "2020-05-16",
                                                  "amount": "901"}, format="json")
    assert refused.status_code == 400
    assert "เบิกจ่ายเกินงบที่ได้รับจัดสรร" in refused.json()["errors"]["amount"][0]
    again = api.get(f"/api/v1/allocations/{mine['id']}/").json()
    assert again["spent"] == "600.00" and again["percent_spent"] == "40.00"


def test_province_staff_allocates_through_the_api(api_as, province_staff, administrator):
    activity = service_centre_activity()
    from cdd_portal.geo.models import Province

    register = services.open_register(province_staff, activity=activity, province=Province.objects.get(code="34"),
                                      stated_budget=Decimal("3000"))
    api = api_as(province_staff)
    ok = api.post("/api/v1/allocations/", {"register": register.pk, "office": "3401", "units": 2, "rate": "1500",
                                           "target_count": 2, "target_unit": "กลุ่ม"}, format="json")
    assert ok.status_code == 201, ok.json()
    assert ok.json()["amount"] == "3000.00"
    wrong = api.post("/api/v1/allocations/", {"register": register.pk, "office": "4201", "amount": "1"},
                     format="json")
    assert wrong.status_code == 400 and "office" in wrong.json()["errors"]


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "other_province_staff"])
def test_another_district_or_province_cannot_see_or_touch(request, api_as, who, ubon):
    api = api_as(request.getfixturevalue(who))
    mine = Allocation.objects.get(register=ubon, office__code="3401")
    assert api.get(f"/api/v1/allocations/{mine.pk}/").status_code == 404
    assert str(mine.pk) not in str(api.get("/api/v1/allocations/").json())
    assert api.post("/api/v1/disbursements/", {"allocation": mine.pk, "date": "2020-05-15", "amount": "1"},
                    format="json").status_code == 404
    assert api.post("/api/v1/allocations/", {"register": ubon.pk, "office": "3401", "line": "x", "amount": "1"},
                    format="json").status_code in (403, 404)
    services.record_disbursement(request.getfixturevalue("officer"), mine, date=date(2020, 5, 1), amount=Decimal("1"))
    assert api.get("/api/v1/disbursements/").json()["count"] == 0
    assert Disbursement.objects.count() == 1


def test_district_cannot_allocate(api_as, officer, ubon):
    response = api_as(officer).post("/api/v1/allocations/", {"register": ubon.pk, "office": "3401", "line": "x",
                                                             "amount": "1"}, format="json")
    assert response.status_code == 403


def test_allocation_list_query_count_does_not_grow_with_rows(api_as, viewer, administrator, ubon,
                                                            django_assert_num_queries):
    api = api_as(viewer)
    api.get("/api/v1/allocations/")  # token row created
    with django_assert_num_queries(4):
        assert api.get("/api/v1/allocations/").json()["count"] == 26
    province_register(administrator, ubon.activity, "31")
    with django_assert_num_queries(4):
        assert api.get("/api/v1/allocations/", {"page_size": 100}).json()["count"] == 26 + 24
