import pytest
import yaml
from django.urls import reverse
from rest_framework.test import APIClient

from cdd_portal.geo import services
from cdd_portal.geo.models import Subdistrict, Village

pytestmark = pytest.mark.django_db


@pytest.fixture
def village(officer):
    return services.create_village(officer, subdistrict=Subdistrict.objects.get(code="340101"), number=1,
                                   name_th="บ้านหนองบัว")


def test_token_from_username_and_password(officer):
    client = APIClient()
    response = client.post("/api/v1/auth/token/", {"username": "d3401", "password": "pw-d3401"}, format="json")
    assert response.status_code == 200
    token = response.json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    me = client.get("/api/v1/me/").json()
    assert me["username"] == "d3401"
    assert me["role"] == "district_officer"
    assert me["office"]["code"] == "3401"
    assert me["office"]["name_th"] == "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี"
    assert me["scope"] == {"level": "district", "province": "34", "district": "3401"}


def test_wrong_password_gives_a_thai_error(officer):
    response = APIClient().post("/api/v1/auth/token/", {"username": "d3401", "password": "nope"}, format="json")
    assert response.status_code == 400
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in str(response.json())


@pytest.mark.parametrize("url", ["/api/v1/me/", "/api/v1/provinces/", "/api/v1/districts/", "/api/v1/subdistricts/",
                                 "/api/v1/villages/"])
def test_every_endpoint_needs_authentication(url):
    assert APIClient().get(url).status_code in (401, 403)


def test_districts_by_province(api_as, officer):
    api = api_as(officer)
    ubon = api.get("/api/v1/districts/", {"province": "34"}).json()
    assert ubon["count"] == 25
    assert ubon["results"][0] == {
        "code": "3401", "province": "34", "name_th": "เมืองอุบลราชธานี", "name_en": "Mueang Ubon Ratchathani",
        "full_name": "อำเภอเมืองอุบลราชธานี", "kind": "district", "in_department": True,
    }
    assert api.get("/api/v1/districts/", {"province": "42"}).json()["count"] == 14


def test_lists_are_paginated_and_leave_out_areas_outside_the_department(api_as, officer):
    api = api_as(officer)
    provinces = api.get("/api/v1/provinces/").json()
    assert provinces["count"] == 76 and len(provinces["results"]) == 50 and provinces["next"]
    assert api.get("/api/v1/provinces/", {"include_outside": "true"}).json()["count"] == 77
    assert api.get("/api/v1/districts/").json()["count"] == 878
    assert api.get("/api/v1/districts/", {"province": "70"}).json()["count"] == \
        api.get("/api/v1/districts/", {"province": "70", "include_outside": "1"}).json()["count"] - 1
    assert api.get("/api/v1/districts/7074/").json()["kind"] == "municipality"


def test_subdistricts_by_district(api_as, officer):
    data = api_as(officer).get("/api/v1/subdistricts/", {"district": "3401"}).json()
    assert data["count"] == 12
    assert {r["district"] for r in data["results"]} == {"3401"}


def test_officer_creates_updates_and_deletes_a_village(api_as, officer):
    api = api_as(officer)
    created = api.post("/api/v1/villages/", {"subdistrict": "340101", "number": 7, "name_th": "บ้านดอน"},
                       format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["code"] == "34010107" and body["district"] == "3401" and body["province"] == "34"
    url = f"/api/v1/villages/{body['id']}/"
    assert api.patch(url, {"name_th": "บ้านดอนใหญ่"}, format="json").json()["name_th"] == "บ้านดอนใหญ่"
    assert api.delete(url).status_code == 204
    assert not Village.objects.exists()


def test_validation_errors_name_the_field_in_thai(api_as, officer, village):
    api = api_as(officer)
    dup = api.post("/api/v1/villages/", {"subdistrict": "340101", "number": 1, "name_th": "ซ้ำ"}, format="json")
    assert dup.status_code == 400
    assert dup.json()["errors"]["number"] == ["ตำบลนี้มีหมู่ที่ 1 อยู่แล้ว"]
    unknown = api.post("/api/v1/villages/", {"subdistrict": "999999", "number": 2, "name_th": "x"}, format="json")
    assert unknown.json()["errors"]["subdistrict"] == ["ไม่พบตำบลรหัส 999999"]
    assert "number" in api.post("/api/v1/villages/", {"subdistrict": "340101", "number": 0, "name_th": "x"},
                                format="json").json()["errors"]


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "other_province_staff"])
def test_another_district_or_province_cannot_read_or_write_my_villages(request, api_as, who, village):
    api = api_as(request.getfixturevalue(who))
    url = f"/api/v1/villages/{village.pk}/"
    assert api.get("/api/v1/villages/").json()["count"] == 0
    assert api.get(url).status_code == 404
    assert api.put(url, {"subdistrict": "340101", "number": 1, "name_th": "x"}, format="json").status_code == 404
    assert api.patch(url, {"name_th": "x"}, format="json").status_code == 404
    assert api.delete(url).status_code == 404
    create = api.post("/api/v1/villages/", {"subdistrict": "340101", "number": 2, "name_th": "x"}, format="json")
    assert create.status_code == 403
    assert Village.objects.get().name_th == "บ้านหนองบัว" and Village.objects.count() == 1


def test_province_staff_reads_its_districts_villages_but_cannot_write(api_as, province_staff, village):
    api = api_as(province_staff)
    assert api.get("/api/v1/villages/", {"district": "3401"}).json()["count"] == 1
    url = f"/api/v1/villages/{village.pk}/"
    assert api.get(url).status_code == 200
    assert api.patch(url, {"name_th": "x"}, format="json").status_code == 403
    assert api.delete(url).status_code == 403


def test_village_list_query_count_is_fixed(api_as, officer, django_assert_max_num_queries):
    sub = Subdistrict.objects.get(code="340101")
    for n in range(1, 31):
        services.create_village(officer, subdistrict=sub, number=n, name_th=f"บ้าน{n}")
    api = api_as(officer)
    with django_assert_max_num_queries(6):
        assert api.get("/api/v1/villages/").json()["count"] == 30


def test_openapi_schema_is_valid_openapi_3(api_as, officer):
    from openapi_spec_validator import validate

    response = api_as(officer).get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    validate(schema)
    assert "/api/v1/villages/" in schema["paths"]
    assert "/api/v1/auth/token/" in schema["paths"]


def test_api_docs_use_no_outside_assets(login, officer):
    body = login(officer).get(reverse("api-docs")).content.decode()
    assert "swagger-ui" in body
    assert "cdn." not in body and "unpkg" not in body and "http://" not in body.replace("http://testserver", "")
    assert "/static/drf_spectacular_sidecar/" in body
