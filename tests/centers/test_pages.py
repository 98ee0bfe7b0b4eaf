"""The service-centre pages: the district's own centre, the committee typed in one go, records with files,
the lists, the province page; who may see and who may write; query counts."""

import re
from datetime import date

import pytest

from cdd_portal.files.models import Attachment
from centers import services
from centers.models import Activity, AppointmentOrder, CommitteeMember, Meeting, Plan, ServiceCenter, Wisdom
from tests.centers.conftest import ORDER_DAY, TODAY, TWELVE, pdf, png

pytestmark = pytest.mark.django_db


def _rows(members: list[dict]) -> dict:
    data = {"m-TOTAL_FORMS": "15", "m-INITIAL_FORMS": "0", "m-MIN_NUM_FORMS": "0", "m-MAX_NUM_FORMS": "40"}
    for n, row in enumerate(members):
        for key, value in row.items():
            data[f"m-{n}-{key}"] = value
    return data


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- the district office ----------------------------------------------------------------------------

def test_a_district_without_a_centre_records_it(login, officer):
    client = login(officer)
    page = client.get("/centers/")
    assert page.status_code == 200
    body = _text(page)
    assert "อำเภอเมืองอุบลราชธานี ยังไม่ได้บันทึกข้อมูลศูนย์" in body
    assert "ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอเมืองอุบลราชธานี" in body  # the default name shown
    wrong = client.post("/centers/", {"status": "active", "location": "other", "mechanism": "2563"})
    assert wrong.status_code == 200 and "ต้องระบุสถานที่" in wrong.content.decode()
    done = client.post("/centers/", {"status": "active", "location": "district_office", "mechanism": "2563",
                                     "phone": "045-123456", "contact_person": "นางสาวใจดี มีสุข"})
    center = ServiceCenter.objects.get()
    assert done.status_code == 302 and done["Location"] == f"/centers/{center.pk}/"
    assert center.name == "ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอเมืองอุบลราชธานี"
    assert client.get("/centers/")["Location"] == f"/centers/{center.pk}/"


def test_the_earlier_mechanism_with_its_letter_from_the_form(login, officer, center):
    client = login(officer)
    answer = client.post(f"/centers/{center.pk}/edit/", {
        "name": center.name, "status": "active", "location": "district_office", "mechanism": "earlier",
        "mechanism_letter_number": "อบ ๐๐๑๙/๑๒๓", "mechanism_letter_date": "๑/๖/๒๕๖๓", "letter_file": pdf("letter.pdf")})
    assert answer.status_code == 302, answer.content.decode()[:2000]
    center.refresh_from_db()
    assert center.mechanism_letter_date == date(2020, 6, 1)
    body = _text(client.get(f"/centers/{center.pk}/"))
    assert "ศูนย์นี้ใช้กลไกตามแนวทางเดิม (หนังสือที่ อบ ๐๐๑๙/๑๒๓ ลงวันที่ ๑ มิถุนายน ๒๕๖๓) ไม่ต้องเป็นไปตามเกณฑ์นี้" in body
    assert "letter.pdf" in body and 'class="rule unmet" data-rule' not in body  # information, not a verdict


def test_an_order_and_twelve_members_typed_at_once(login, officer, center):
    client = login(officer)
    form = client.get(f"/centers/{center.pk}/orders/new/").content.decode()
    assert form.count('name="m-') >= 15 * 6 and 'aria-label="ชื่อ-สกุล"' in form
    assert 'name="m-24-name"' in client.get(f"/centers/{center.pk}/orders/new/?rows=25").content.decode()
    post = {"number": "๑๒๓/๒๕๖๗", "date": "๑/๑๑/๒๕๖๗", "signer_name": "นายอำเภอ ทดสอบ", "file": pdf("order.pdf"),
            **_rows(TWELVE)}
    answer = client.post(f"/centers/{center.pk}/orders/new/", post)
    assert answer.status_code == 302, _text(answer)[-3000:]
    order = AppointmentOrder.objects.get()
    assert order.number == "๑๒๓/๒๕๖๗" and order.date == ORDER_DAY
    assert order.members.count() == 12 and Attachment.objects.filter(purpose="order").count() == 1
    body = _text(client.get(f"/centers/{center.pk}/"))
    for label in ("กรรมการ ๑๑–๑๕ คน — มี ๑๒ คน", "ประธาน ๑ คน", "องค์ประกอบครบตามแนวทาง"):
        assert label in body
    assert body.count('class="rule met" data-rule') == 5
    assert "คำสั่งที่ ๑๒๓/๒๕๖๗ ลงวันที่ ๑ พฤศจิกายน ๒๕๖๗" in body and "order.pdf" in body


def test_a_wrong_row_keeps_everything_typed(login, officer, center):
    client = login(officer)
    rows = [dict(row) for row in TWELVE]
    rows[4]["seat"] = ""
    rows[6]["position"] = "other"
    answer = client.post(f"/centers/{center.pk}/orders/new/", {"number": "๑๒๓/๒๕๖๗", "date": "๑/๑๑/๒๕๖๗",
                                                               **_rows(rows)})
    body = answer.content.decode()
    assert answer.status_code == 200 and not CommitteeMember.objects.exists()
    assert "กรุณาเลือกองค์ประกอบ" in body and "ตำแหน่ง «อื่น ๆ» ต้องระบุชื่อตำแหน่ง" in body
    for row in TWELVE:
        assert f'value="{row["name"]}"' in body  # nothing lost
    assert 'value="๑๒๓/๒๕๖๗"' in body


def test_nine_members_are_saved_and_the_page_says_what_is_missing(login, officer, center):
    client = login(officer)
    answer = client.post(f"/centers/{center.pk}/orders/new/", {"number": "๑/๒๕๖๘", "date": "๑/๑๑/๒๕๖๗",
                                                               **_rows(TWELVE[:9])})
    assert answer.status_code == 302 and CommitteeMember.objects.count() == 9
    body = _text(client.get(f"/centers/{center.pk}/"))
    assert 'class="rule unmet" data-rule="size" data-met="0">กรรมการ ๑๑–๑๕ คน — มี ๙ คน' in body
    assert "ยังไม่ครบตามแนวทาง" in body


def test_the_quarter_and_month_lines(login, officer, center):
    client = login(officer)
    body = _text(client.get(f"/centers/{center.pk}/"))
    assert "ยังไม่ได้ประชุมในไตรมาสนี้ (แนวทางกำหนดอย่างน้อยไตรมาสละ ๑ ครั้ง)" in body
    assert "ยังไม่ได้จัดกิจกรรมในเดือนนี้ (แนวทางกำหนดอย่างน้อยเดือนละ ๑ ครั้ง)" in body
    services.record_meeting(officer, center, date=date(2025, 1, 8), attendee_count=12, today=TODAY)
    services.record_activity(officer, center, date=date(2025, 1, 10), kind="market", title="ตลาดนัด OTOP",
                             photos=[png()], today=TODAY)
    body = _text(client.get(f"/centers/{center.pk}/"))
    assert "ประชุมคณะกรรมการแล้วในไตรมาสนี้" in body and "จัดกิจกรรมแล้วในเดือนนี้" in body
    photo = Attachment.objects.get(purpose="photo")
    assert f'<img src="/files/{photo.pk}/"' in body


def test_records_are_added_from_their_forms(login, officer, center):
    client = login(officer)
    meeting = client.post(f"/centers/{center.pk}/meetings/new/", {
        "date": "๘/๑/๒๕๖๘", "number": "๑/๒๕๖๘", "attendee_count": "๑๒", "agenda": "ทบทวนแผน",
        "minutes": pdf("minutes.pdf")})
    assert meeting.status_code == 302 and Meeting.objects.get().attendee_count == 12
    future = client.post(f"/centers/{center.pk}/meetings/new/", {"date": "๑/๒/๒๕๖๘"})
    assert "วันที่ประชุมต้องไม่เป็นวันในอนาคต" in future.content.decode()
    activity = client.post(f"/centers/{center.pk}/activities/new/", {
        "date": "๑๐/๑/๒๕๖๘", "kind": "market", "title": "ตลาดนัด OTOP", "target_groups": ["villagers", "producer_group"],
        "count_interested": "๕", "count_unregistered": "", "count_registered": "1,200", "media": ["leaflet"],
        "evidence": ["photos"], "photos": [png("a.png"), png("b.png")], "evidence_files": [pdf("list.pdf")]})
    assert activity.status_code == 302, _text(activity)[-2000:]
    saved = Activity.objects.get()
    assert saved.count_registered == 1200 and saved.count_unregistered == 0
    assert saved.target_groups == ["producer_group", "villagers"]
    assert Attachment.objects.filter(purpose="photo").count() == 2
    not_image = client.post(f"/centers/{center.pk}/activities/new/", {
        "date": "๑๐/๑/๒๕๖๘", "kind": "market", "title": "อีกครั้ง", "photos": [pdf("x.pdf")]})
    assert "แนบได้เฉพาะรูปภาพ" in not_image.content.decode() and Activity.objects.count() == 1
    plan = client.post(f"/centers/{center.pk}/plans/new/", {"kind": "quarterly", "fiscal_year": "๒๕๖๘",
                                                            "quarter": "2", "title": "แผนไตรมาส ๒", "is_active": "on"})
    assert plan.status_code == 302 and Plan.objects.get().period_start == date(2025, 1, 1)
    wisdom = client.post(f"/centers/{center.pk}/wisdom/new/", {"name": "การทอผ้าไหม", "category": "craft",
                                                               "holder": "นางคำ", "is_active": "on"})
    assert wisdom.status_code == 302 and Wisdom.objects.get().holder == "นางคำ"
    body = _text(client.get(f"/centers/{center.pk}/"))
    for text in ("ตลาดนัด OTOP", "แผนไตรมาส ๒", "การทอผ้าไหม", "minutes.pdf", "๑๒ คน"):
        assert text in body


def test_a_member_is_ended_from_the_edit_page_and_stays_in_the_full_list(login, officer, center, committee):
    _order, members = committee
    client = login(officer)
    member = members[4]
    page = client.get(f"/centers/members/{member.pk}/").content.decode()
    assert 'value="01/11/2567"' in page and "ประวัติการแก้ไข" in page
    answer = client.post(f"/centers/members/{member.pk}/", {
        "order": member.order_id, "name": member.name, "position": member.position, "seat": member.seat,
        "term_start": "๑/๑๑/๒๕๖๗", "term_end": "๕/๑/๒๕๖๘", "end_reason": "ลาออก"})
    assert answer.status_code == 302
    page = _text(client.get(f"/centers/{center.pk}/"))
    in_office = page.split('data-testid="members"')[1].split("</table>")[0]
    assert member.name not in in_office and members[5].name in in_office
    listing = _text(client.get(f"/centers/members/?center={center.pk}"))
    assert member.name in listing and "พ้นจากตำแหน่ง (ลาออก)" in listing


def test_files_are_removed_by_the_keeper_only(login, officer, province_staff, center, committee):
    order, _members = committee
    item = services.attach_file(officer, order, pdf(), purpose=services.ORDER_FILE)
    assert login(province_staff).get(f"/files/{item.pk}/").status_code == 200
    assert login(province_staff).post(f"/centers/files/{item.pk}/remove/").status_code == 403
    assert login(officer).post(f"/centers/files/{item.pk}/remove/").status_code == 302
    assert not Attachment.objects.filter(pk=item.pk).exists()


# --- who sees what ----------------------------------------------------------------------------------

@pytest.fixture
def records(officer, center, committee):
    order, members = committee
    meeting = services.record_meeting(officer, center, date=date(2025, 1, 8), minutes=pdf(), today=TODAY)
    activity = services.record_activity(officer, center, date=date(2025, 1, 10), kind="market", title="ตลาด",
                                        photos=[png()], today=TODAY)
    plan = services.add_plan(officer, center, kind="annual", fiscal_year=2568, title="แผนปฏิบัติการศูนย์ ๒๕๖๘", file=pdf())
    wisdom = services.add_wisdom(officer, center, name="ผ้าไหม", category="craft")
    return {"center": center, "order": order, "member": members[0], "meeting": meeting, "activity": activity,
            "plan": plan, "wisdom": wisdom}


def _pages(r) -> list[str]:
    return [f"/centers/{r['center'].pk}/", f"/centers/orders/{r['order'].pk}/", f"/centers/members/{r['member'].pk}/",
            f"/centers/meetings/{r['meeting'].pk}/", f"/centers/activities/{r['activity'].pk}/",
            f"/centers/plans/{r['plan'].pk}/", f"/centers/wisdom/{r['wisdom'].pk}/"]


def _create_pages(r) -> list[str]:
    pk = r["center"].pk
    return [f"/centers/{pk}/edit/", f"/centers/{pk}/orders/new/", f"/centers/{pk}/members/new/",
            f"/centers/{pk}/meetings/new/", f"/centers/{pk}/activities/new/", f"/centers/{pk}/plans/new/",
            f"/centers/{pk}/wisdom/new/"]


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "other_province_staff"])
def test_other_offices_get_404_everywhere(request, login, who, records):
    client = login(request.getfixturevalue(who))
    for url in _pages(records) + _create_pages(records):
        assert client.get(url).status_code == 404, url
    for url in _pages(records)[1:] + _create_pages(records):
        assert client.post(url, {"name": "x"}).status_code == 404, url
    files = Attachment.objects.all()
    assert files.count() == 3  # minutes, photo, plan
    for item in files:
        assert client.get(f"/files/{item.pk}/").status_code == 404
        assert client.post(f"/centers/files/{item.pk}/remove/").status_code == 404
    for url in ("/centers/members/", "/centers/meetings/", "/centers/activities/", "/centers/plans/",
                "/centers/wisdom/", "/centers/"):
        body = client.get(url).content.decode()
        assert records["center"].name not in body and "ผ้าไหม" not in body and "แผนปฏิบัติการศูนย์" not in body, url


def test_the_province_reads_every_page_but_writes_none(login, province_staff, records):
    client = login(province_staff)
    assert client.post(_pages(records)[0], {"name": "x"}).status_code == 405  # the centre page only shows
    for url in _pages(records):
        assert client.get(url).status_code == 200, url
    for url in _pages(records)[1:]:
        assert client.post(url, {"name": "x"}).status_code == 403, url
    for url in _create_pages(records):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "x"}).status_code == 403, url
    assert client.post("/centers/", {"status": "active"}).status_code == 403
    detail = client.get(f"/centers/{records['center'].pk}/").content.decode()
    pk = records["center"].pk
    assert f"/centers/{pk}/orders/new/" not in detail and f"/centers/{pk}/edit/" not in detail
    assert f"/centers/{pk}/activities/new/" not in detail and "/remove/" not in detail
    member_page = client.get(f"/centers/members/{records['member'].pk}/").content.decode()
    assert "disabled" in member_page and "แก้ไขได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของศูนย์นี้" in member_page
    listing = client.get("/centers/").content.decode()
    assert records["center"].name in listing
    for item in Attachment.objects.all():
        assert client.get(f"/files/{item.pk}/").status_code == 200


def test_a_neighbour_in_the_same_province_keeps_only_its_own(login, neighbour_officer, records):
    client = login(neighbour_officer)
    assert client.get("/centers/").status_code == 200  # its own (empty) form
    assert "ยังไม่ได้บันทึกข้อมูลศูนย์" in _text(client.get("/centers/"))


def test_anonymous_users_are_sent_to_log_in(client, records):
    for url in _pages(records) + ["/centers/", "/centers/province/", "/centers/activities/"]:
        assert client.get(url).status_code == 302


# --- lists and the province page --------------------------------------------------------------------

def test_lists_search_filter_and_page(login, officer, province_staff, center):
    for n in range(30):
        services.record_activity(officer, center, date=date(2024, 12, 1 + n % 28), kind="market",
                                 title=f"กิจกรรมที่ {n}", today=TODAY)
    services.record_activity(officer, center, date=date(2025, 1, 2), kind="counselling", title="ให้คำปรึกษากลุ่มทอผ้า",
                             today=TODAY)
    client = login(province_staff)
    first = client.get("/centers/activities/")
    assert "พบ ๓๑ รายการ" in _text(first) and "หน้า ๑ จาก ๒" in _text(first)
    found = _text(client.get("/centers/activities/?q=ทอผ้า"))
    assert "พบ ๑ รายการ" in found and "ให้คำปรึกษากลุ่มทอผ้า" in found
    assert "พบ ๑ รายการ" in _text(client.get("/centers/activities/?kind=counselling"))
    assert "พบ ๑ รายการ" in _text(client.get("/centers/activities/?date_from=๑/๑/๒๕๖๘"))
    assert "พบ ๓๑ รายการ" in _text(client.get("/centers/activities/?district=3401"))
    assert "พบ ๐ รายการ" in _text(client.get("/centers/activities/?district=3402"))


def test_the_province_page(login, officer, province_staff, viewer, district_head, center, committee,
                           neighbour_officer):
    services.update_center(officer, center, phone="1", today=TODAY)
    services.record_meeting(officer, center, date=date(2025, 1, 8), today=TODAY)
    services.record_activity(officer, center, date=date(2025, 1, 3), kind="market", title="ก", today=TODAY)
    services.create_center(neighbour_officer, district=center.district.__class__.objects.get(pk="3402"),
                           mechanism="earlier", mechanism_letter_number="๑", mechanism_letter_date=date(2020, 1, 1),
                           today=TODAY)
    body = _text(login(province_staff).get("/centers/province/"))
    assert "สรุปศูนย์บริการส่งเสริมเศรษฐกิจฐานราก — จังหวัดอุบลราชธานี" in body
    assert "บันทึกแล้ว ๒ จาก ๒๕ อำเภอ" in body and "ครบ ๑ · แนวทางเดิม ๑" in body
    assert "อำเภอเมืองอุบลราชธานี" in body and "อำเภอศรีเมืองใหม่" in body and "ยังไม่บันทึก" in body
    assert 'name="kind" value="centers-province"' in body
    national = _text(login(viewer).get("/centers/province/"))
    assert "ทั้งประเทศ" in national and "จังหวัดอุบลราชธานี" in national and "จังหวัดเลย" in national
    assert 'href="?province=34"' in national
    chosen = _text(login(viewer).get("/centers/province/?province=34"))
    assert "บันทึกแล้ว ๒ จาก ๒๕ อำเภอ" in chosen
    assert login(viewer).get("/centers/province/?province=99").status_code == 404
    assert login(officer).get("/centers/province/").status_code == 403
    assert login(district_head).get("/centers/province/").status_code == 403


def test_other_province_staff_see_only_their_province(login, other_province_staff, center):
    body = _text(login(other_province_staff).get("/centers/province/?province=34"))
    assert "จังหวัดเลย" in body and "อำเภอเมืองอุบลราชธานี" not in body


# --- query counts -----------------------------------------------------------------------------------

def _fill(officer, center, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        services.record_meeting(officer, center, date=date(2024, 10, 1 + i % 28), minutes=pdf(), today=TODAY)
        services.record_activity(officer, center, date=date(2025, 1, 1 + i % 14), kind="market", title=f"ก {i}",
                                 photos=[png()], evidence_files=[pdf()], today=TODAY)
        services.add_plan(officer, center, kind="monthly", fiscal_year=2568, month=1 + i % 12, title=f"แผน {i}",
                          file=pdf())
        services.add_wisdom(officer, center, name=f"ภูมิปัญญา {i}", category="craft")
        services.add_member(officer, center, name=f"กรรมการ {i}", position="member", seat="group_leader",
                            term_start=ORDER_DAY)


def test_the_centre_page_query_count_is_fixed(login, officer, center, committee, django_assert_max_num_queries):
    client = login(officer)
    _fill(officer, center, 3)
    client.get(f"/centers/{center.pk}/")
    with django_assert_max_num_queries(22) as few:
        client.get(f"/centers/{center.pk}/")
    _fill(officer, center, 20, start=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(f"/centers/{center.pk}/").content.decode()
    assert body.count('<img src="/files/') == 10


@pytest.mark.parametrize("kind", ["members", "meetings", "activities", "plans", "wisdom"])
def test_the_list_pages_query_count_is_fixed(login, officer, center, kind, django_assert_max_num_queries):
    client = login(officer)
    _fill(officer, center, 2)
    client.get(f"/centers/{kind}/")
    with django_assert_max_num_queries(12) as few:
        client.get(f"/centers/{kind}/")
    _fill(officer, center, 25, start=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/centers/{kind}/")


def test_the_province_page_query_count_is_fixed(login, officer, neighbour_officer, province_staff, viewer, center,
                                                neighbour_center, django_assert_max_num_queries):
    _fill(officer, center, 2)
    staff, department = login(province_staff), login(viewer)
    staff.get("/centers/province/")
    with django_assert_max_num_queries(12) as few:
        staff.get("/centers/province/")
    with django_assert_max_num_queries(12) as national:
        department.get("/centers/province/")
    _fill(officer, center, 10, start=2)
    _fill(neighbour_officer, neighbour_center, 10)
    for code in ("3403", "3404", "3405", "4201", "4202"):
        from cdd_portal.accounts.models import Office
        from tests.conftest import make_user

        keeper = make_user(f"d{code}", Office.objects.get(code=code).code, "district_officer")
        other = services.create_center(keeper, district=Office.objects.get(code=code).district, today=TODAY)
        _fill(keeper, other, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        staff.get("/centers/province/")
    with django_assert_max_num_queries(len(national.captured_queries)):
        department.get("/centers/province/")
