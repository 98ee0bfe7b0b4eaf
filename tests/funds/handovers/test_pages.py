"""The handover pages: the list with its filters, the two create forms, the record page with its
checklist, signatures, scan and follow-up, the fund panel, and who may do what on each."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import RequestFactory

from cdd_portal.audit.models import AuditEntry
from funds.handovers import services
from funds.handovers.models import ChecklistItem, Handover, ItemReceipt, Responsibility
from tests.funds.handovers.conftest import KIND

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _signed(officer, second_officer, handover, *, missing=None):
    values = {i.pk: {"received": i.code != missing, "complete": i.code != missing}
              for i in ChecklistItem.objects.filter(line__handover=handover)}
    services.update_checklist(officer, handover, values)
    services.sign(officer, handover)
    services.sign(second_officer, handover)
    return handover


def test_the_list_shows_the_districts_records_with_filters(login, officer, province_staff, handover,
                                                          committee_handover):
    body = login(officer).get("/funds/handovers/").content.decode()
    assert "บันทึกการส่งมอบงานของเจ้าหน้าที่" in body and "นายเก่า ประธาน" in body and "d3401-b สอง" in body
    only = login(officer).get("/funds/handovers/?kind=committee").content.decode()
    assert "นายเก่า ประธาน" in only and "d3401-b สอง" not in only
    by_kind = login(officer).get(f"/funds/handovers/?fund_kind={KIND}&status=pending").content.decode()
    assert "พบ ๒ รายการ" in by_kind
    assert "พบ ๐ รายการ" in login(officer).get("/funds/handovers/?status=signed").content.decode()
    province = login(province_staff).get("/funds/handovers/").content.decode()
    assert "พบ ๒ รายการ" in province and "?kind=officer" not in province  # reads, no create button


def test_create_an_officer_handover_from_the_form(login, officer, second_officer, groups, far_group, frozen):
    client = login(officer)
    form = client.get("/funds/handovers/new/?kind=officer").content.decode()
    assert f'value="{KIND}:{groups[0].pk}"' in form and f'value="{KIND}:{far_group.pk}"' not in form
    assert "d3401-b สอง" in form and "d3402" not in form
    bad = client.post("/funds/handovers/new/", {"kind": "officer", "outgoing_user": officer.pk,
                                                "incoming_user": officer.pk, "date": "๑๕/๑/๒๕๖๘",
                                                "reason": "transfer", "funds": [f"{KIND}:{groups[0].pk}"],
                                                "note": "หมายเหตุที่พิมพ์ไว้"})
    assert bad.status_code == 200
    text = bad.content.decode()
    assert "ผู้รับมอบต้องไม่ใช่คนเดียวกับผู้ส่งมอบ" in text and "หมายเหตุที่พิมพ์ไว้" in text  # nothing lost
    ok = client.post("/funds/handovers/new/", {"kind": "officer", "outgoing_user": officer.pk,
                                               "incoming_user": second_officer.pk, "date": "๑๕/๑/๒๕๖๘",
                                               "reason": "transfer", "funds": [f"{KIND}:{g.pk}" for g in groups]})
    handover = Handover.objects.get()
    assert ok.status_code == 302 and ok["Location"] == f"/funds/handovers/{handover.pk}/"
    assert handover.funds.count() == 2 and handover.date == date(2025, 1, 15)


def test_create_a_committee_handover_from_the_form(login, officer, groups, frozen):
    client = login(officer)
    empty = client.post("/funds/handovers/new/", {"kind": "committee"}).content.decode()
    assert "กรุณากรอกช่องนี้" in empty
    ok = client.post("/funds/handovers/new/", {
        "kind": "committee", "fund": f"{KIND}:{groups[0].pk}", "date": "10/1/2568", "reason": "term_end",
        "outgoing_chair": "นายเก่า", "incoming_chair": "นางใหม่", "witness_name": "นางสาวพยาน"})
    assert ok.status_code == 302
    assert Handover.objects.get().kind == "committee"


def test_the_record_page_checklist_and_signatures(login, officer, second_officer, third_officer, handover):
    page = login(officer).get(f"/funds/handovers/{handover.pk}/").content.decode()
    assert "สถานะ ณ วันที่ส่งมอบ" in page and "๑๒๕,๐๐๐.๐๐" in page and "ลงนามส่งมอบ" in page
    assert 'data-testid="incomplete-flag"' not in page  # nothing is missing before anything was handed over
    assert "ลงนามรับมอบ" not in page
    assert "ลงนามรับมอบ" in login(second_officer).get(f"/funds/handovers/{handover.pk}/").content.decode()
    neither = login(third_officer).get(f"/funds/handovers/{handover.pk}/").content.decode()
    assert "ลงนามส่งมอบ" not in neither and "ลงนามรับมอบ</button>" not in neither
    items = list(ChecklistItem.objects.filter(line__handover=handover).order_by("id"))
    post = {f"item-{i.pk}-received": "1" for i in items if i.code != "contracts"}
    post.update({f"item-{i.pk}-complete": "1" for i in items if i.code == "passbooks"})
    post[f"item-{items[0].pk}-note"] = "สมุด ๓ เล่ม"
    assert login(officer).post(f"/funds/handovers/{handover.pk}/checklist/", post).status_code == 302
    items[0].refresh_from_db()
    assert items[0].received and items[0].complete and items[0].note == "สมุด ๓ เล่ม"
    assert login(third_officer).post(f"/funds/handovers/{handover.pk}/sign/").status_code == 403
    assert login(officer).post(f"/funds/handovers/{handover.pk}/sign/").status_code == 302
    assert login(second_officer).post(f"/funds/handovers/{handover.pk}/sign/").status_code == 302
    handover.refresh_from_db()
    assert handover.status == "signed"
    page = login(second_officer).get(f"/funds/handovers/{handover.pk}/").content.decode()
    assert "ยังไม่ได้รับมอบ" in page and 'name="received_on"' in page
    assert f'name="item-{items[0].pk}-received"' not in page  # locked: no checklist inputs
    missing = ChecklistItem.objects.filter(line__handover=handover, code="contracts").order_by("id").first()
    response = login(second_officer).post(f"/funds/handovers/items/{missing.pk}/received/",
                                          {"received_on": "๑๕/๑/๒๕๖๘", "note": "ได้รับแล้ว"})
    assert response.status_code == 302 and ItemReceipt.objects.count() == 1


def test_a_committee_record_takes_its_scan_and_is_confirmed(login, officer, committee_handover):
    client = login(officer)
    url = f"/funds/handovers/{committee_handover.pk}/"
    assert "แนบไฟล์" in client.get(url).content.decode()
    client.post(url + "scan/", {"file": SimpleUploadedFile("bad.txt", b"nope", "text/plain")})
    assert committee_handover.status == "pending"
    client.post(url + "scan/", {"file": SimpleUploadedFile("signed.pdf", PDF, "application/pdf")})
    page = client.get(url).content.decode()
    assert "signed.pdf" in page and "ยืนยันการส่งมอบ" in page
    assert client.post(url + "confirm/").status_code == 302
    committee_handover.refresh_from_db()
    assert committee_handover.status == "signed"


def test_cancel_from_the_page_keeps_the_record(login, officer, handover):
    client = login(officer)
    client.post(f"/funds/handovers/{handover.pk}/cancel/", {"cancel_reason": ""})
    handover.refresh_from_db()
    assert handover.status == "pending"
    client.post(f"/funds/handovers/{handover.pk}/cancel/", {"cancel_reason": "บันทึกซ้ำ"})
    page = client.get(f"/funds/handovers/{handover.pk}/").content.decode()
    assert "บันทึกซ้ำ" in page and "ยกเลิก" in page


def test_another_district_gets_404_everywhere(login, neighbour_officer, far_officer, other_province_staff, handover,
                                              committee_handover):
    item = ChecklistItem.objects.filter(line__handover=handover).first()
    for user in (neighbour_officer, far_officer, other_province_staff):
        client = login(user)
        for h in (handover, committee_handover):
            assert client.get(f"/funds/handovers/{h.pk}/").status_code == 404
            for action in ("checklist", "sign", "scan", "confirm", "cancel"):
                assert client.post(f"/funds/handovers/{h.pk}/{action}/").status_code == 404, action
        assert client.post(f"/funds/handovers/items/{item.pk}/received/", {"received_on": "1/1/2568"}).status_code == 404
        assert "พบ ๐ รายการ" in client.get("/funds/handovers/").content.decode()
        group = handover.funds.first()
        assert client.post(f"/funds/handovers/assign/{KIND}/{group.fund_id}/",
                           {"officer": user.pk, "since": "1/1/2568"}).status_code == 404
    assert AuditEntry.objects.filter(action="transition").count() == 0


def test_the_province_reads_but_does_not_write(login, province_staff, handover, committee_handover, groups):
    client = login(province_staff)
    assert client.get(f"/funds/handovers/{handover.pk}/").status_code == 200
    for action in ("checklist", "scan", "confirm", "cancel"):
        assert client.post(f"/funds/handovers/{handover.pk}/{action}/").status_code == 403, action
    assert client.post(f"/funds/handovers/{handover.pk}/sign/").status_code == 403
    assert client.get("/funds/handovers/new/").status_code == 403
    assert client.post(f"/funds/handovers/assign/{KIND}/{groups[0].pk}/").status_code == 403


def test_get_on_an_action_is_405(login, officer, handover):
    for action in ("checklist", "sign", "scan", "confirm", "cancel"):
        assert login(officer).get(f"/funds/handovers/{handover.pk}/{action}/").status_code == 405


def test_mine_shows_the_incoming_officers_funds(login, officer, second_officer, handover, groups):
    pending = login(second_officer).get("/funds/handovers/mine/").content.decode()
    assert "บันทึกการส่งมอบที่รอลงนาม" in pending
    _signed(officer, second_officer, handover, missing="members")
    page = login(second_officer).get("/funds/handovers/mine/").content.decode()
    assert groups[0].name in page and groups[1].name in page and "รับมอบไม่ครบ" in page
    assert groups[0].name not in login(officer).get("/funds/handovers/mine/").content.decode()


def test_the_fund_panel(officer, second_officer, neighbour_officer, handover, groups):
    template = Template('{% include "funds/handovers/_fund_panel.html" %}')

    def render(user):
        request = RequestFactory().get("/funds/groups/")
        request.user = user
        return template.render(Context({"kind_code": KIND, "fund": groups[0], "request": request}))

    before = render(officer)
    assert "ยังไม่ได้ระบุเจ้าหน้าที่ผู้รับผิดชอบ" in before and "บันทึกผู้รับผิดชอบ" in before
    assert "บันทึกผู้รับผิดชอบ" not in render(neighbour_officer)
    _signed(officer, second_officer, handover, missing="contracts")
    after = render(second_officer)
    assert "เจ้าหน้าที่ผู้รับผิดชอบ: d3401-b สอง พัฒนากรปฏิบัติการ" in after
    assert "การส่งมอบยังไม่ครบ" in after and "ลงนามครบแล้ว" in after


def test_assign_from_the_panel(login, officer, groups, frozen):
    response = login(officer).post(f"/funds/handovers/assign/{KIND}/{groups[0].pk}/",
                                   {"officer": officer.pk, "since": "1/10/2567", "next": "/funds/groups/"})
    assert response.status_code == 302 and response["Location"] == "/funds/groups/"
    assert Responsibility.objects.get().since == date(2024, 10, 1)


def test_list_query_count_is_fixed(login, officer, second_officer, groups, frozen, django_assert_max_num_queries):
    client = login(officer)
    services.create_officer_handover(officer, district="3401", outgoing_user=officer, incoming_user=second_officer,
                                     date=frozen, reason="transfer", funds=[(KIND, groups[0].pk)])
    client.get("/funds/handovers/")
    with django_assert_max_num_queries(20) as few:
        client.get("/funds/handovers/")
    count = len(few.captured_queries)
    for _n in range(15):
        services.create_officer_handover(officer, district="3401", outgoing_user=officer,
                                         incoming_user=second_officer, date=frozen, reason="transfer",
                                         funds=[(KIND, g.pk) for g in groups])
    with django_assert_max_num_queries(count):
        assert client.get("/funds/handovers/").status_code == 200
