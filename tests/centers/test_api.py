"""The service-centre API: scoped reads, writes by the district office through the services, Thai errors,
scoped drop-downs of the browsable API, query counts."""

from datetime import date

import pytest

from centers import services
from centers.models import Activity, CommitteeMember, Meeting, ServiceCenter
from tests.centers.conftest import ORDER_DAY, TODAY

pytestmark = pytest.mark.django_db

ENDPOINTS = ["service-centers", "committee-members", "center-activities", "center-meetings"]


@pytest.fixture
def records(officer, center, committee):
    order, members = committee
    meeting = services.record_meeting(officer, center, date=date(2025, 1, 8), attendee_count=12, today=TODAY)
    activity = services.record_activity(officer, center, date=date(2025, 1, 10), kind="market", title="ตลาดนัด",
                                        target_groups=["villagers"], today=TODAY)
    return {"service-centers": center, "committee-members": members[0], "center-activities": activity,
            "center-meetings": meeting, "order": order}


def test_the_district_office_creates_its_centre(api_as, officer):
    api = api_as(officer)
    created = api.post("/api/v1/service-centers/", {"district": "3401", "phone": "045-1"}, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["name"] == "ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอเมืองอุบลราชธานี" and body["province"] == "34"
    again = api.post("/api/v1/service-centers/", {"district": "3401"}, format="json")
    assert again.status_code == 400 and "มีศูนย์บริการฯ อยู่แล้ว" in again.json()["errors"]["district"][0]
    elsewhere = api.post("/api/v1/service-centers/", {"district": "3402"}, format="json")
    assert elsewhere.status_code == 400 and "ไม่พบอำเภอรหัส 3402" in elsewhere.json()["errors"]["district"][0]
    url = f"/api/v1/service-centers/{body['id']}/"
    other = api.patch(url, {"location": "other"}, format="json")
    assert other.status_code == 400 and "ต้องระบุสถานที่" in other.json()["errors"]["other_place"][0]
    wrong = api.patch(url, {"status": "closed"}, format="json")
    assert wrong.status_code == 400 and wrong.json()["errors"]["status"] == ["ไม่มีตัวเลือก «closed»"]
    assert api.patch(url, {"status": "improving"}, format="json").json()["status"] == "improving"
    assert api.delete(url).status_code == 405


def test_members_activities_and_meetings_through_the_api(api_as, officer, center, committee):
    order, _members = committee
    api = api_as(officer)
    member = api.post("/api/v1/committee-members/", {"center": center.pk, "order": order.pk, "name": "นางใหม่ ใจดี",
                                                      "position": "member", "seat": "group_leader"}, format="json")
    assert member.status_code == 201, member.json()
    assert member.json()["term_start"] == "2024-11-01"  # the order's date
    bad = api.post("/api/v1/committee-members/", {"center": center.pk, "name": "ก", "position": "other",
                                                   "seat": "agency", "term_start": "2025-01-01"}, format="json")
    assert bad.status_code == 400 and "ต้องระบุชื่อตำแหน่ง" in bad.json()["errors"]["position_other"][0]
    ended = api.patch(f"/api/v1/committee-members/{member.json()['id']}/",
                      {"term_end": "2025-01-05", "end_reason": "ลาออก"}, format="json")
    assert ended.status_code == 200 and CommitteeMember.objects.get(pk=member.json()["id"]).term_end == date(2025, 1, 5)
    activity = api.post("/api/v1/center-activities/", {
        "center": center.pk, "date": "2025-01-10", "kind": "market", "title": "ตลาดนัด OTOP",
        "target_groups": ["villagers", "savings_group"], "count_registered": 12, "media": ["cd"]}, format="json")
    assert activity.status_code == 201, activity.json()
    assert activity.json()["target_groups"] == ["savings_group", "villagers"]
    wrong = api.post("/api/v1/center-activities/", {"center": center.pk, "date": "2025-01-10", "kind": "market",
                                                     "title": "ก", "target_groups": ["tourists"]}, format="json")
    assert wrong.status_code == 400 and "ไม่มีตัวเลือก «tourists»" in str(wrong.json()["errors"]["target_groups"])
    meeting = api.post("/api/v1/center-meetings/", {"center": center.pk, "date": "2025-01-08", "attendee_count": 11},
                       format="json")
    assert meeting.status_code == 201 and Meeting.objects.get().attendee_count == 11
    assert api.get(f"/api/v1/center-activities/?center={center.pk}&kind=market").json()["count"] == 1
    assert Activity.objects.get().count_registered == 12


def test_a_record_cannot_move_to_another_centre(api_as, officer, neighbour_officer, records, neighbour_center):
    api = api_as(officer)
    url = f"/api/v1/center-meetings/{records['center-meetings'].pk}/"
    moved = api.patch(url, {"center": neighbour_center.pk}, format="json")
    assert moved.status_code == 400  # not one of the centres the officer keeps
    assert "ไม่พบศูนย์รหัส" in moved.json()["errors"]["center"][0]


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "other_province_staff"])
def test_other_offices_get_404(request, api_as, who, records):
    api = api_as(request.getfixturevalue(who))
    for endpoint in ENDPOINTS:
        obj = records[endpoint]
        assert api.get(f"/api/v1/{endpoint}/{obj.pk}/").status_code == 404, endpoint
        assert api.get(f"/api/v1/{endpoint}/").json()["count"] == 0, endpoint
        assert api.patch(f"/api/v1/{endpoint}/{obj.pk}/", {"name": "x"}, format="json").status_code in (403, 404)


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer"])
def test_other_district_officers_cannot_write_into_the_centre(request, api_as, who, records):
    api = api_as(request.getfixturevalue(who))
    center = records["service-centers"]
    for endpoint, body in (("committee-members", {"name": "ก", "position": "member", "seat": "other"}),
                           ("center-activities", {"date": "2025-01-01", "kind": "market", "title": "ก"}),
                           ("center-meetings", {"date": "2025-01-01"})):
        answer = api.post(f"/api/v1/{endpoint}/", {"center": center.pk, **body}, format="json")
        assert answer.status_code == 400 and "ไม่พบศูนย์รหัส" in answer.json()["errors"]["center"][0], endpoint
    assert api.patch(f"/api/v1/service-centers/{center.pk}/", {"phone": "1"}, format="json").status_code == 404


def test_the_province_reads_but_does_not_write(api_as, province_staff, viewer, records):
    center = records["service-centers"]
    for user in (province_staff, viewer):
        api = api_as(user)
        for endpoint in ENDPOINTS:
            obj = records[endpoint]
            assert api.get(f"/api/v1/{endpoint}/{obj.pk}/").status_code == 200, endpoint
            assert api.patch(f"/api/v1/{endpoint}/{obj.pk}/", {"name": "x"}, format="json").status_code == 403
            assert api.post(f"/api/v1/{endpoint}/", {"center": center.pk, "district": "3401"},
                            format="json").status_code == 403
        assert api.get("/api/v1/committee-members/?district=3401&in_office=true").json()["count"] == 12


def test_the_browsable_api_lists_only_what_the_user_keeps(login, officer, neighbour_officer, records,
                                                          neighbour_center):
    """The drop-downs of the HTML forms are the user's own centres and orders: no other district leaks."""
    services.record_order(neighbour_officer, neighbour_center, number="๙๙/๒๕๖๗", date=ORDER_DAY, today=TODAY)
    page = login(officer).get("/api/v1/committee-members/", HTTP_ACCEPT="text/html").content.decode()
    assert f'<option value="{records["service-centers"].pk}"' in page
    assert f'<option value="{neighbour_center.pk}"' not in page and "๙๙/๒๕๖๗" not in page
    districts = login(officer).get("/api/v1/service-centers/", HTTP_ACCEPT="text/html").content.decode()
    assert '<option value="3401"' in districts and '<option value="3402"' not in districts


def test_the_api_list_query_count_is_fixed(api_as, officer, center, committee, django_assert_max_num_queries):
    api = api_as(officer)
    services.record_activity(officer, center, date=date(2025, 1, 1), kind="market", title="ก", today=TODAY)
    services.record_meeting(officer, center, date=date(2024, 12, 1), today=TODAY)
    for endpoint in ENDPOINTS:
        api.get(f"/api/v1/{endpoint}/")
    counts = {}
    for endpoint in ENDPOINTS:
        with django_assert_max_num_queries(8) as few:
            api.get(f"/api/v1/{endpoint}/")
        counts[endpoint] = len(few.captured_queries)
    for n in range(30):
        services.record_activity(officer, center, date=date(2025, 1, 1 + n % 14), kind="market", title=f"ก {n}",
                                 today=TODAY)
        services.record_meeting(officer, center, date=date(2024, 12, 1 + n % 28), today=TODAY)
        services.add_member(officer, center, name=f"ข {n}", position="member", seat="other", term_start=ORDER_DAY)
    for endpoint in ENDPOINTS:
        with django_assert_max_num_queries(counts[endpoint]):
            assert api.get(f"/api/v1/{endpoint}/").status_code == 200


def test_centres_list_filters(api_as, viewer, officer, neighbour_officer, center, neighbour_center):
    services.update_center(neighbour_officer, neighbour_center, status="suspended", today=TODAY)
    api = api_as(viewer)
    assert api.get("/api/v1/service-centers/").json()["count"] == 2
    assert api.get("/api/v1/service-centers/?status=suspended").json()["results"][0]["district"] == "3402"
    assert api.get("/api/v1/service-centers/?province=42").json()["count"] == 0
    assert api.get("/api/v1/service-centers/?q=ศรีเมืองใหม่").json()["count"] == 1
    assert ServiceCenter.objects.count() == 2
