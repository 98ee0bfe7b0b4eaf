"""Showing a whole national ID: the masked template tag, the audited reveal view (the keeping district's
staff only), and the PDPA log page of the district head and administrators."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from cdd_portal.accounts.models import Role
from cdd_portal.audit.models import AuditEntry
from tests.conftest import make_user
from tests.personal.conftest import VALID

pytestmark = pytest.mark.django_db

TAG = Template('{% load personal %}{% national_id obj "name" %}')


def _url(obj) -> str:
    return f"/personal/reveal/funds.savingsgroup/{obj.pk}/name/"


def _render(user, obj) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return TAG.render(Context({"obj": obj, "request": request, "user": user}))


def test_the_tag_shows_the_masked_number_and_a_button_for_the_keeping_district(
        record, officer, district_head, neighbour_officer, province_staff, administrator):
    for user in (officer, district_head):
        html = _render(user, record)
        assert "1-xxxx-xxxxx-70-8" in html and VALID not in html and "แสดงเลขเต็ม" in html
        assert f'hx-post="{_url(record)}"' in html
    for user in (neighbour_officer, province_staff, administrator):
        html = _render(user, record)
        assert "1-xxxx-xxxxx-70-8" in html and "แสดงเลขเต็ม" not in html and VALID not in html
    assert AuditEntry.objects.filter(action="reveal").count() == 0  # showing the page reveals nothing


def test_the_tag_on_an_unregistered_field_or_an_empty_value(db, officer, record):
    html = Template('{% load personal %}{% national_id obj "name" %}').render(Context({"obj": record, "user": officer}))
    assert "แสดงเลขเต็ม" in html
    record.name = ""
    assert _render(officer, record) == "–"


def test_the_keeping_districts_officer_reveals_and_it_is_audited(login, officer, record):
    response = login(officer).post(_url(record))
    assert response.status_code == 200
    assert "1-1017-00230-70-8" in response.content.decode()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.REVEAL)
    assert (entry.username, entry.object_type, entry.object_id, entry.district_code) == (
        "d3401", "funds.savingsgroup", str(record.pk), "3401")
    assert entry.changes["field"] == "name"
    login(officer).post(_url(record))
    assert AuditEntry.objects.filter(action="reveal").count() == 2  # every view is an entry of its own


def test_another_district_gets_404(login, neighbour_officer, far_officer, record):
    for user in (neighbour_officer, far_officer):
        assert login(user).post(_url(record)).status_code == 404
    assert AuditEntry.objects.filter(action="reveal").count() == 0


def test_the_province_sees_the_record_but_not_the_number(login, province_staff, administrator, record):
    assert login(province_staff).post(_url(record)).status_code == 403
    assert login(administrator).post(_url(record)).status_code == 403
    assert AuditEntry.objects.filter(action="reveal").count() == 0


def test_a_get_is_405_and_writes_nothing(login, officer, record):
    assert login(officer).get(_url(record)).status_code == 405
    assert AuditEntry.objects.filter(action="reveal").count() == 0


def test_unknown_records_and_fields_are_404(login, officer, record):
    client = login(officer)
    assert client.post(f"/personal/reveal/funds.savingsgroup/{record.pk + 999}/name/").status_code == 404
    assert client.post(f"/personal/reveal/funds.savingsgroup/{record.pk}/district/").status_code == 404
    assert client.post(f"/personal/reveal/nosuch.model/{record.pk}/name/").status_code == 404


def test_anonymous_is_sent_to_log_in(client, record):
    response = client.post(_url(record))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_pdpa_log(login, officer, district_head, neighbour_officer, province_staff, administrator, record,
                      neighbour_record):
    login(officer).post(_url(record))
    login(neighbour_officer).post(_url(neighbour_record))
    neighbour_head = make_user("d3402-head", "3402", Role.DISTRICT_HEAD)
    page = login(district_head).get("/funds/handovers/pdpa-log/").content.decode()
    assert "พบ ๑ รายการ" in page and "d3401" in page and "d3402" not in page
    other = login(neighbour_head).get("/funds/handovers/pdpa-log/").content.decode()
    assert "พบ ๑ รายการ" in other and "(d3402)" in other and "(d3401)" not in other
    everything = login(administrator).get("/funds/handovers/pdpa-log/").content.decode()
    assert "พบ ๒ รายการ" in everything
    assert "พบ ๑ รายการ" in login(administrator).get("/funds/handovers/pdpa-log/?district=3402").content.decode()
    assert "พบ ๑ รายการ" in login(administrator).get("/funds/handovers/pdpa-log/?q=d3401").content.decode()
    for user in (officer, province_staff):
        assert login(user).get("/funds/handovers/pdpa-log/").status_code == 403
    assert VALID not in everything  # the log says whose number was opened, never the number


def test_the_pdpa_log_query_count_is_fixed(login, officer, administrator, record, django_assert_max_num_queries):
    client = login(administrator)
    login(officer).post(_url(record))
    client.get("/funds/handovers/pdpa-log/")
    with django_assert_max_num_queries(12) as few:
        client.get("/funds/handovers/pdpa-log/")
    count = len(few.captured_queries)
    for _n in range(20):
        login(officer).post(_url(record))
    with django_assert_max_num_queries(count):
        client.get("/funds/handovers/pdpa-log/")
