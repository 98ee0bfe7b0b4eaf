"""The savings-group registry (กลุ่มออมทรัพย์เพื่อการผลิต) and the "group" references of report forms."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cdd_portal.audit.models import AuditEntry
from cdd_portal.geo import services as geo_services
from cdd_portal.geo.models import District, Subdistrict
from funds import services
from funds.models import SavingsGroup
from reports import selectors as report_selectors
from reports import services as reports
from reports.models import FormDefinition

pytestmark = pytest.mark.django_db


@pytest.fixture
def village(officer):
    return geo_services.create_village(officer, subdistrict=Subdistrict.objects.get(code="340101"), number=3,
                                       name_th="บ้านนาโพธิ์")


@pytest.fixture
def group(officer, village):
    return services.create_group(officer, district=District.objects.get(pk="3401"), name="กลุ่มออมทรัพย์บ้านนาโพธิ์",
                                 village=village, founded_on=date(2015, 6, 1))


def test_create_and_update_are_audited(officer, group):
    assert group.label == "กลุ่มออมทรัพย์บ้านนาโพธิ์ (หมู่ที่ 3 บ้านนาโพธิ์)"
    services.update_group(officer, group, name="  กลุ่มออมทรัพย์ฯ   บ้านนาโพธิ์ ", is_active=False)
    group.refresh_from_db()
    assert group.name == "กลุ่มออมทรัพย์ฯ บ้านนาโพธิ์" and not group.is_active
    actions = list(AuditEntry.objects.filter(object_type="funds.savingsgroup").order_by("at", "id")
                   .values_list("action", flat=True))
    assert actions == ["create", "update"]
    last = AuditEntry.objects.filter(action="update").get()
    assert last.changes["is_active"] == ["True", "False"] and last.district_code == "3401"


def test_rules_have_thai_messages(officer, group, neighbour_officer):
    district = District.objects.get(pk="3401")
    with pytest.raises(ValidationError, match="อำเภอนี้มีกลุ่มชื่อ «กลุ่มออมทรัพย์บ้านนาโพธิ์» อยู่แล้ว"):
        services.create_group(officer, district=district, name="กลุ่มออมทรัพย์บ้านนาโพธิ์")
    other_village = geo_services.create_village(neighbour_officer, subdistrict=Subdistrict.objects.filter(
        district_id="3402").first(), number=1, name_th="บ้านอื่น")
    with pytest.raises(ValidationError, match="หมู่บ้านนี้ไม่อยู่ในอำเภอของกลุ่ม"):
        services.create_group(officer, district=district, name="กลุ่มใหม่", village=other_village)
    with pytest.raises(ValidationError, match="วันที่ก่อตั้งต้องไม่เป็นวันในอนาคต"):
        services.create_group(officer, district=district, name="กลุ่มใหม่", founded_on=date.today() + timedelta(days=1))
    with pytest.raises(ValidationError, match="กรุณากรอกชื่อกลุ่ม"):
        services.create_group(officer, district=district, name="   ")


@pytest.mark.parametrize("who", ["neighbour_officer", "province_staff", "viewer"])
def test_only_the_groups_district_office_writes(request, who, group):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.update_group(user, group, name="ชื่อใหม่")
    with pytest.raises(PermissionDenied):
        services.create_group(user, district=District.objects.get(pk="3401"), name="กลุ่มแปลกปลอม")


def test_pages_list_create_and_edit(login, officer, village):
    client = login(officer)
    assert "ทะเบียนกลุ่มออมทรัพย์เพื่อการผลิต" in client.get("/funds/groups/").content.decode()
    response = client.post("/funds/groups/new/", {"name": "กลุ่มออมทรัพย์บ้านนาโพธิ์", "village": village.pk,
                                                  "founded_on": "๑/๖/๒๕๕๘", "is_active": "on"})
    assert response.status_code == 302
    group = SavingsGroup.objects.get()
    assert group.founded_on == date(2015, 6, 1) and group.district_id == "3401"
    again = client.post("/funds/groups/new/", {"name": "กลุ่มออมทรัพย์บ้านนาโพธิ์", "founded_on": "๓๑/๑๓/๒๕๕๘"})
    body = again.content.decode()
    assert again.status_code == 200 and "วันที่" in body  # the date is wrong: the form says so first
    assert 'value="กลุ่มออมทรัพย์บ้านนาโพธิ์"' in body  # what was typed stays
    duplicate = client.post("/funds/groups/new/", {"name": "กลุ่มออมทรัพย์บ้านนาโพธิ์", "is_active": "on"})
    assert "อำเภอนี้มีกลุ่มชื่อ «กลุ่มออมทรัพย์บ้านนาโพธิ์» อยู่แล้ว" in duplicate.content.decode()
    page = client.get(f"/funds/groups/{group.pk}/").content.decode()
    assert "ประวัติการแก้ไข" in page and 'value="01/06/2558"' in page
    listing = client.get("/funds/groups/?q=นาโพธิ์").content.decode()
    assert "กลุ่มออมทรัพย์บ้านนาโพธิ์" in listing and "หมู่ที่ ๓ บ้านนาโพธิ์" in listing


def test_a_stopped_group_leaves_the_list_unless_asked(login, officer, group):
    services.update_group(officer, group, is_active=False)
    client = login(officer)
    assert "กลุ่มออมทรัพย์บ้านนาโพธิ์" not in client.get("/funds/groups/").content.decode()
    assert "เลิกดำเนินการ" in client.get("/funds/groups/?inactive=1").content.decode()


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "other_province_staff"])
def test_other_offices_get_404(request, login, api_as, who, group):
    user = request.getfixturevalue(who)
    assert login(user).get(f"/funds/groups/{group.pk}/").status_code == 404
    assert login(user).post(f"/funds/groups/{group.pk}/", {"name": "x"}).status_code == 404
    assert "กลุ่มออมทรัพย์บ้านนาโพธิ์" not in login(user).get("/funds/groups/").content.decode()
    assert api_as(user).get(f"/api/v1/savings-groups/{group.pk}/").status_code == 404
    assert api_as(user).patch(f"/api/v1/savings-groups/{group.pk}/", {"name": "x"}, format="json").status_code == 404


def test_the_province_reads_but_does_not_write(login, api_as, province_staff, group):
    client = login(province_staff)
    assert client.get(f"/funds/groups/{group.pk}/").status_code == 200
    assert client.post(f"/funds/groups/{group.pk}/", {"name": "x"}).status_code == 403
    assert client.get("/funds/groups/new/").status_code == 403
    api = api_as(province_staff)
    assert api.get("/api/v1/savings-groups/?district=3401").json()["count"] == 1
    assert api.patch(f"/api/v1/savings-groups/{group.pk}/", {"name": "x"}, format="json").status_code == 403


def test_api_create_update_and_errors(api_as, officer, village):
    api = api_as(officer)
    created = api.post("/api/v1/savings-groups/", {"district": "3401", "name": "กลุ่มใหม่", "village": village.pk},
                       format="json")
    assert created.status_code == 201, created.json()
    url = f"/api/v1/savings-groups/{created.json()['id']}/"
    duplicate = api.post("/api/v1/savings-groups/", {"district": "3401", "name": "กลุ่มใหม่"}, format="json")
    assert duplicate.status_code == 400 and "อยู่แล้ว" in duplicate.json()["errors"]["name"][0]
    assert api.post("/api/v1/savings-groups/", {"district": "3402", "name": "ก"}, format="json").status_code == 403
    moved = api.patch(url, {"district": "3402"}, format="json")
    assert moved.status_code == 400 and "ย้ายกลุ่มไปอำเภออื่นไม่ได้" in moved.json()["errors"]["district"][0]
    assert api.patch(url, {"is_active": False}, format="json").json()["is_active"] is False


def test_the_list_page_query_count_is_fixed(login, officer, django_assert_max_num_queries):
    district = District.objects.get(pk="3401")
    client = login(officer)
    for n in range(3):
        services.create_group(officer, district=district, name=f"กลุ่ม {n}")
    client.get("/funds/groups/")
    with django_assert_max_num_queries(6):
        client.get("/funds/groups/")
    for n in range(3, 20):
        services.create_group(officer, district=district, name=f"กลุ่ม {n}")
    with django_assert_max_num_queries(6):
        assert client.get("/funds/groups/").content.decode().count("/funds/groups/") >= 20


# --- group references in report forms ---------------------------------------------------------------

@pytest.fixture
def status_period():
    form = FormDefinition.objects.get(code="savings-group-status")
    today = date.today()
    fiscal = today.year + 543 + (1 if today.month >= 10 else 0)
    return next(p for p in reports.generate_periods(form, fiscal) if p.start <= today <= p.end)


def test_a_new_status_report_lists_the_districts_active_groups(officer, neighbour_officer, group, status_period):
    district = District.objects.get(pk="3401")
    stopped = services.create_group(officer, district=district, name="กลุ่มที่เลิกแล้ว", is_active=False)
    services.create_group(neighbour_officer, district=District.objects.get(pk="3402"), name="กลุ่มของอำเภออื่น")
    submission = reports.open_submission(officer, status_period.form, status_period)
    assert submission.data["groups"] == [{"group": group.pk}]
    options = dict(report_selectors.reference_options(submission)["group"])
    assert options[group.pk] == "กลุ่มออมทรัพย์บ้านนาโพธิ์ (หมู่ที่ 3 บ้านนาโพธิ์)"
    assert options[stopped.pk] == "กลุ่มที่เลิกแล้ว (เลิกดำเนินการ)" and len(options) == 2


def test_a_group_of_another_district_is_refused(officer, neighbour_officer, group, status_period):
    theirs = services.create_group(neighbour_officer, district=District.objects.get(pk="3402"), name="กลุ่มอื่น")
    submission = reports.open_submission(officer, status_period.form, status_period)
    row = {"members": "๑๖๐", "savings": "๒,๐๔๘,๐๐๐", "loans": "1,536,000"}
    _saved, errors = reports.save_draft(officer, submission, {"groups": [{"group": str(theirs.pk), **row}]},
                                        version=submission.version)
    assert "ไม่พบกลุ่มนี้ในทะเบียนกลุ่มออมทรัพย์เพื่อการผลิตของอำเภอ" in errors[0]["message"]


def test_page_consolidation_and_pdf_name_the_group(login, officer, province_staff, group, status_period):
    submission = reports.open_submission(officer, status_period.form, status_period)
    client = login(officer)
    page = client.get(f"/reports/submissions/{submission.pk}/").content.decode()
    assert f'<option value="{group.pk}" selected>กลุ่มออมทรัพย์บ้านนาโพธิ์ (หมู่ที่ ๓ บ้านนาโพธิ์)</option>' in page
    row = {"group": str(group.pk), "members": "๑๖๐", "savings": "๒,๐๔๘,๐๐๐", "loans": "1,536,000"}
    saved, errors = reports.save_draft(officer, submission, {"groups": [row]}, version=submission.version)
    assert errors == []
    reports.submit(officer, saved, signer_name="ก", signer_position="ข")
    reports.approve(province_staff, saved)
    data = report_selectors.consolidation(status_period, province_code="34")
    assert data["sections"][0]["rows"][0]["cells"][0] == "กลุ่มออมทรัพย์บ้านนาโพธิ์"
    from reports.documents import context

    printed = context(saved)["print_sections"][0]["rows"][0]
    assert printed[:3] == [1, "กลุ่มออมทรัพย์บ้านนาโพธิ์ (หมู่ที่ 3 บ้านนาโพธิ์)", 160]


def test_next_months_report_starts_from_last_months_figures(officer, group, status_period):
    """Members and balances carry over; what happened this month (new members) starts empty."""
    form = status_period.form
    periods = reports.generate_periods(form, status_period.fiscal_year - 1) + reports.generate_periods(
        form, status_period.fiscal_year)
    earlier = max((p for p in periods if p.end < status_period.start), key=lambda p: p.start)  # last month
    last = reports.open_submission(officer, form, earlier)
    reports.save_draft(officer, last, {"groups": [{"group": str(group.pk), "members": "๑๖๐", "new_members": "๔",
                                                   "savings": "๒,๐๔๘,๐๐๐", "loans": "1,536,000"}]},
                       version=last.version)
    district = District.objects.get(pk="3401")
    newcomer = services.create_group(officer, district=district, name="กลุ่มใหม่เดือนนี้")
    this = reports.open_submission(officer, form, status_period)
    rows = {row["group"]: row for row in this.data["groups"]}
    assert rows[group.pk] == {"group": group.pk, "members": 160, "savings": "2048000.00", "loans": "1536000.00"}
    assert rows[newcomer.pk] == {"group": newcomer.pk}


def test_a_draft_is_filled_again_from_the_registry_without_losing_what_was_typed(login, officer, group,
                                                                                  status_period):
    """A group registered after the draft was opened gets its row; the figures typed for the other group,
    and a row the officer added by hand, stay."""
    submission = reports.open_submission(officer, status_period.form, status_period)
    typed = {"group": str(group.pk), "members": "๑๖๐", "savings": "๒,๐๔๘,๐๐๐", "loans": "1,536,000"}
    saved, _errors = reports.save_draft(officer, submission, {"groups": [typed]}, version=submission.version)
    newcomer = services.create_group(officer, district=District.objects.get(pk="3401"), name="กลุ่มที่เพิ่งจดทะเบียน")
    refilled, _errors = reports.refill(officer, saved, version=saved.version)
    rows = {row["group"]: row for row in refilled.data["groups"]}
    assert rows[group.pk]["members"] == 160 and rows[group.pk]["savings"] == "2048000.00"
    assert set(rows) == {group.pk, newcomer.pk}
    assert refilled.events.filter(action="refill").exists()


def test_the_fill_again_button_saves_what_is_typed_first(login, officer, group, status_period):
    submission = reports.open_submission(officer, status_period.form, status_period)
    client = login(officer)
    page = client.get(f"/reports/submissions/{submission.pk}/").content.decode()
    assert "เติมข้อมูลจากทะเบียนอีกครั้ง" in page
    newcomer = services.create_group(officer, district=District.objects.get(pk="3401"), name="กลุ่มที่เพิ่งจดทะเบียน")
    answer = client.post(f"/reports/submissions/{submission.pk}/", {
        "action": "refill", "version": submission.version, "groups-0-group": str(group.pk),
        "groups-0-members": "๑๖๐", "groups-0-savings": "๒,๐๐๐", "groups-0-loans": "๑,๐๐๐"})
    assert answer.status_code == 200
    submission.refresh_from_db()
    rows = {row["group"]: row for row in submission.data["groups"]}
    assert rows[group.pk]["members"] == 160 and newcomer.pk in rows
