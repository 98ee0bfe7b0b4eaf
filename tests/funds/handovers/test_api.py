"""The `handovers` endpoint: scoped reads, creation by the district office, sign / confirm / cancel
actions, filters, pagination and a fixed query count."""

import pytest

from funds.handovers import services
from funds.handovers.models import ChecklistItem, Handover
from tests.funds.handovers.conftest import KIND

pytestmark = pytest.mark.django_db


def test_read_the_districts_records(api_as, officer, province_staff, handover, committee_handover):
    data = api_as(officer).get("/api/v1/handovers/").json()
    assert data["count"] == 2
    record = next(r for r in data["results"] if r["id"] == handover.pk)
    assert record["kind"] == "officer" and record["incoming_name"] == "d3401-b สอง"
    assert record["funds"][0]["status"][1] == ["สมาชิก (คน)", "42"]
    assert [i["code"] for i in record["funds"][0]["items"]] == ["passbooks", "members", "contracts"]
    assert api_as(province_staff).get("/api/v1/handovers/").json()["count"] == 2
    assert api_as(officer).get("/api/v1/handovers/?kind=committee").json()["count"] == 1
    assert api_as(officer).get(f"/api/v1/handovers/?fund_kind={KIND}&status=pending").json()["count"] == 2
    assert api_as(officer).get("/api/v1/handovers/?status=signed").json()["count"] == 0
    assert api_as(officer).get("/api/v1/handovers/?kind=nope").status_code == 400


def test_other_offices_get_404(api_as, neighbour_officer, far_officer, other_province_staff, handover):
    for user in (neighbour_officer, far_officer, other_province_staff):
        api = api_as(user)
        assert api.get("/api/v1/handovers/").json()["count"] == 0
        assert api.get(f"/api/v1/handovers/{handover.pk}/").status_code == 404
        for action in ("sign", "confirm", "cancel"):
            assert api.post(f"/api/v1/handovers/{handover.pk}/{action}/", {"reason": "x"},
                            format="json").status_code == 404


def test_create_sign_and_lock_through_the_api(api_as, officer, second_officer, third_officer, province_staff,
                                              groups, far_group, frozen):
    body = {"kind": "officer", "date": "2025-01-15", "reason": "retirement", "outgoing_user": officer.pk,
            "incoming_user": second_officer.pk, "fund_refs": [{"kind_code": KIND, "fund_id": g.pk} for g in groups]}
    assert api_as(province_staff).post("/api/v1/handovers/", body, format="json").status_code == 403
    bad = api_as(officer).post("/api/v1/handovers/", {**body, "fund_refs": [{"kind_code": KIND,
                                                                             "fund_id": far_group.pk}]}, format="json")
    assert bad.status_code == 400 and "funds" in bad.json()["errors"]
    created = api_as(officer).post("/api/v1/handovers/", body, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert api_as(third_officer).post(f"/api/v1/handovers/{pk}/sign/").status_code == 403
    assert api_as(officer).post(f"/api/v1/handovers/{pk}/sign/").json()["status"] == "pending"
    signed = api_as(second_officer).post(f"/api/v1/handovers/{pk}/sign/").json()
    assert signed["status"] == "signed" and signed["incoming_signed_at"]
    assert api_as(officer).post(f"/api/v1/handovers/{pk}/cancel/", {"reason": "x"}, format="json").status_code == 400
    assert api_as(officer).delete(f"/api/v1/handovers/{pk}/").status_code == 405
    assert api_as(officer).put(f"/api/v1/handovers/{pk}/", body, format="json").status_code == 405


def test_officers_of_another_district_are_refused(api_as, officer, neighbour_officer, groups, frozen):
    body = {"kind": "officer", "date": "2025-01-15", "reason": "transfer", "outgoing_user": officer.pk,
            "incoming_user": neighbour_officer.pk, "fund_refs": [{"kind_code": KIND, "fund_id": groups[0].pk}]}
    response = api_as(officer).post("/api/v1/handovers/", body, format="json")
    assert response.status_code == 400 and "incoming_user" in response.json()["errors"]


def test_the_browsable_api_lists_only_the_districts_officers(login, officer, second_officer, neighbour_officer):
    page = login(officer).get("/api/v1/handovers/", HTTP_ACCEPT="text/html").content.decode()
    assert f'<option value="{second_officer.pk}"' in page and f'<option value="{neighbour_officer.pk}"' not in page


def test_a_committee_handover_through_the_api(api_as, officer, groups, frozen):
    body = {"kind": "committee", "date": "2025-01-10", "reason": "term_end", "outgoing_chair": "นายเก่า",
            "incoming_chair": "นางใหม่", "witness_name": "พยาน",
            "fund_refs": [{"kind_code": KIND, "fund_id": g.pk} for g in groups]}
    assert api_as(officer).post("/api/v1/handovers/", body, format="json").status_code == 400
    body["fund_refs"] = body["fund_refs"][:1]
    created = api_as(officer).post("/api/v1/handovers/", body, format="json")
    assert created.status_code == 201
    pk = created.json()["id"]
    assert api_as(officer).post(f"/api/v1/handovers/{pk}/confirm/").status_code == 400  # no scan yet
    cancelled = api_as(officer).post(f"/api/v1/handovers/{pk}/cancel/", {"reason": "ผิดกองทุน"}, format="json")
    assert cancelled.json()["status"] == "cancelled" and Handover.objects.count() == 1


def test_the_api_list_query_count_is_fixed(api_as, officer, second_officer, groups, frozen,
                                           django_assert_max_num_queries):
    api = api_as(officer)
    services.create_officer_handover(officer, district="3401", outgoing_user=officer, incoming_user=second_officer,
                                     date=frozen, reason="transfer", funds=[(KIND, groups[0].pk)])
    api.get("/api/v1/handovers/")
    with django_assert_max_num_queries(15) as few:
        api.get("/api/v1/handovers/")
    count = len(few.captured_queries)
    for _n in range(12):
        h = services.create_officer_handover(officer, district="3401", outgoing_user=officer,
                                             incoming_user=second_officer, date=frozen, reason="transfer",
                                             funds=[(KIND, g.pk) for g in groups])
        services.update_checklist(officer, h, {i.pk: {"received": True, "complete": True}
                                               for i in ChecklistItem.objects.filter(line__handover=h)})
    with django_assert_max_num_queries(count):
        assert api.get("/api/v1/handovers/").status_code == 200
