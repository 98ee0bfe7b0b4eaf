import pytest

from tests.reports.conftest import good_data

pytestmark = pytest.mark.django_db


def open_draft(api, form, period):
    response = api.post("/api/v1/submissions/", {"form": form.pk, "period": period.pk}, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def test_the_journey_through_the_api(api_as, officer, province_staff, form, period):
    district, province = api_as(officer), api_as(province_staff)
    draft = open_draft(district, form, period)
    assert draft["status"] == "draft" and draft["district"] == "3401"
    assert draft["permissions"]["may_submit"] and not draft["permissions"]["may_approve"]
    url = f"/api/v1/submissions/{draft['id']}/"
    saved = district.post(url + "save/", {"data": good_data(), "version": draft["version"]}, format="json").json()
    assert saved["errors"] == [] and saved["data"]["budget"]["percent"] == "75.00"
    stale = district.post(url + "save/", {"data": good_data(), "version": draft["version"]}, format="json")
    assert stale.status_code == 400 and "มีผู้บันทึกรายงานนี้ไปก่อนแล้ว" in stale.json()["errors"]["version"][0]
    submitted = district.post(url + "submit/", {"signer_name": "นางสาวทดสอบ ใจดี",
                                                "signer_position": "พัฒนาการอำเภอ"}, format="json").json()
    assert submitted["status"] == "submitted" and not submitted["permissions"]["may_submit"]
    assert province.get(url).json()["permissions"]["may_approve"]
    assert province.post(url + "return/", {"reason": ""}, format="json").json()["errors"]["reason"]
    returned = province.post(url + "return/", {"reason": "แนบภาพถ่าย"}, format="json").json()
    assert returned["status"] == "returned" and returned["return_reason"] == "แนบภาพถ่าย"
    district.post(url + "submit/", {"signer_name": "ก", "signer_position": "ข"}, format="json")
    approved = province.post(url + "approve/", format="json").json()
    assert approved["status"] == "approved" and approved["permissions"]["may_reopen"]
    refused = district.post(url + "save/", {"data": good_data(), "version": approved["version"]}, format="json")
    assert refused.status_code == 400 and "อนุมัติแล้ว" in str(refused.json())
    assert province.get("/api/v1/submissions/", {"status": "approved", "form": form.code}).json()["count"] == 1


def test_errors_name_each_cell(api_as, officer, form, period):
    api = api_as(officer)
    draft = open_draft(api, form, period)
    data = good_data()
    data["groups"][0]["members"] = "-5"
    saved = api.post(f"/api/v1/submissions/{draft['id']}/save/", {"data": data, "version": draft["version"]},
                     format="json").json()
    assert saved["errors"] == [{"section": "groups", "row": 1, "column": "members",
                                "message": "๑.๑ ข้อมูลกลุ่มอาชีพเป้าหมาย แถวที่ ๑ ช่อง «สมาชิก (คน)»: ต้องไม่ติดลบ"}]
    assert saved["data"]["groups"][0]["members"] == "-5"


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "other_province_staff"])
def test_an_officer_of_3402_cannot_read_3401s_drafts(request, api_as, officer, form, period, who):
    draft = open_draft(api_as(officer), form, period)
    api = api_as(request.getfixturevalue(who))
    url = f"/api/v1/submissions/{draft['id']}/"
    assert api.get("/api/v1/submissions/").json()["count"] == 0
    assert api.get(url).status_code == 404
    for verb in ("save", "submit", "approve", "return", "reopen"):
        assert api.post(url + f"{verb}/", {"data": {}, "version": 1, "signer_name": "x", "signer_position": "y",
                                           "reason": "x"}, format="json").status_code == 404


def test_province_and_department_cannot_open_a_district_draft(api_as, province_staff, viewer, form, period):
    for user in (province_staff, viewer):
        assert api_as(user).post("/api/v1/submissions/", {"form": form.pk, "period": period.pk},
                                 format="json").status_code == 403


def test_forms_and_periods(api_as, officer, form, period):
    api = api_as(officer)
    forms = api.get("/api/v1/forms/", {"code": "samma-acheep-progress"}).json()["results"]
    assert forms[0]["schema"]["sections"][0]["key"] == "groups"
    periods = api.get("/api/v1/periods/", {"form": form.pk, "fiscal_year": period.fiscal_year}).json()
    assert periods["count"] == 12


def test_submission_list_query_count_is_fixed(api_as, province_staff, officer, neighbour_officer, form, period,
                                              django_assert_max_num_queries):
    open_draft(api_as(officer), form, period)
    open_draft(api_as(neighbour_officer), form, period)
    api = api_as(province_staff)
    api.get("/api/v1/submissions/")
    with django_assert_max_num_queries(8):
        assert api.get("/api/v1/submissions/").json()["count"] == 2


def test_late_rows_do_not_add_a_query_each(api_as, province_staff, officer, neighbour_officer, form):
    """Rows whose entry window has closed read their lock exceptions from one prefetch: the list costs
    the same number of queries for 2 late rows as for 6."""
    from datetime import date

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports import services

    old_periods = services.generate_periods(form, 2563)[:3]
    assert all(p.due_date < date.today() for p in old_periods)
    api = api_as(province_staff)
    counts = []
    for period in old_periods[:1], old_periods[1:]:
        for p in period:
            for user in (officer, neighbour_officer):
                services.open_submission(user, form, p)
        api.get("/api/v1/submissions/")
        with CaptureQueriesContext(connection) as queries:
            rows = api.get("/api/v1/submissions/?fiscal_year=2563").json()["results"]
        counts.append(len(queries))
    assert len(rows) == 6 and counts[0] == counts[1]
    services.grant_lock_exception(province_staff, old_periods[0], officer.office, date.today())
    rows = api.get("/api/v1/submissions/?fiscal_year=2563").json()["results"]
    unlocked = [r for r in rows if r["permissions"]["lock_reason"] is None]
    assert [(r["period"], r["district"]) for r in unlocked] == [(old_periods[0].pk, "3401")]
    assert all("พ้นกำหนดการแก้ไข" in r["permissions"]["lock_reason"] for r in rows if r not in unlocked)
