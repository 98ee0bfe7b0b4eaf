"""What other parts of the portal use: occupational groups as a report-form reference and prefill source,
the OpenAPI schema, export jobs through the document pipeline, the demo data."""

import pytest

from cdd_portal import references
from cdd_portal.accounts.models import Office
from cdd_portal.documents import services as documents
from cdd_portal.references import PrefillContext
from otop import services
from tests.otop.conftest import TODAY

pytestmark = pytest.mark.django_db


def test_occupation_groups_for_report_forms(officer, ubon_city, village, group):
    stopped = services.create_group(officer, district=ubon_city, name="กลุ่มอาชีพที่เลิกแล้ว", trade="ทอเสื่อ",
                                    village=village, members_count=5, is_active=False, today=TODAY)
    kind = references.reference("occupation_group")
    office = Office.objects.get(code="3401")
    assert kind.options(office) == [(group.pk, "กลุ่มอาชีพจักสานบ้านหนองบัว"),
                                    (stopped.pk, "กลุ่มอาชีพที่เลิกแล้ว (เลิกดำเนินการ)")]
    assert kind.options(Office.objects.get(code="3402")) == []
    assert len(kind.options(Office.objects.get(code="34"))) == 2
    assert kind.names([group.pk]) == {group.pk: "กลุ่มอาชีพจักสานบ้านหนองบัว"}
    source = references.prefill_source("otop.occupation_groups")
    context = PrefillContext(office=office, fiscal_year=2568, start=TODAY, end=TODAY)
    assert source.fill(context, {"column": "group"}) == [{"group": group.pk}]
    assert source.fill(context, {"column": "group", "members": "members"}) == [{"group": group.pk, "members": 12}]


def test_the_openapi_schema_names_the_otop_endpoints(login, officer):
    response = login(officer).get("/api/schema/?format=json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("/api/v1/otop-producers/", "/api/v1/otop-products/", "/api/v1/occupation-groups/",
                 "/api/v1/otop-registrations/"):
        assert path in paths


def test_an_export_job_from_the_province_page(login, province_staff, product, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        job, reused = documents.request_export(province_staff, kind="otop-province", params={"province": "34"},
                                               fmt="pdf")
    assert not reused and job.params == {"province": "34"}
    response = login(province_staff).post("/documents/export/", {"kind": "otop-registrations", "format": "xlsx",
                                                                 "year": "2568", "province": "34", "district": ""})
    assert response.status_code == 200
