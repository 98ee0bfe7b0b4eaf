"""The savings group's pages and API endpoints: who sees and who writes (another district: 404 on everything
of a d3401 group; the province reads, never writes), national IDs masked, fixed query counts."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from cdd_portal.audit.models import AuditEntry
from cdd_portal.geo.models import District
from cdd_portal.personal import national_id
from funds import services
from funds.models import Beneficiary, CommitteeDivision, GroupCommitteeMember, Member, SavingsGroup

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.funds.urls")]

MEMBER_ID = "3101000543211"
HEIR_ID = "3401000111114"
CHAIR_ID = "1101700123456"


def an_id(n: int) -> str:
    first12 = f"3401{n:08d}"
    return first12 + str(national_id.check_digit(first12))


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(datetime(2025, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")), tick=False)


@pytest.fixture
def group(officer):
    return services.create_group(officer, district=District.objects.get(pk="3401"), name="กลุ่มออมทรัพย์บ้านหนองบัว",
                                 founded_on=date(2010, 3, 6), savings_day=5)


@pytest.fixture
def records(officer, group):
    division = CommitteeDivision.objects.get(name="คณะกรรมการอำนวยการ")
    seat = services.add_committee_member(officer, group, division=division, position="chair", name="นายประธาน ดี",
                                         national_id=CHAIR_ID, term_start=date(2024, 3, 1))
    member = services.add_member(officer, group, name="นางสมาชิก หนึ่ง", national_id=MEMBER_ID, shares=5)
    heir = services.add_beneficiary(officer, member, name="นายบุตร", national_id=HEIR_ID, relation="บุตร",
                                    share_percent=100)
    return {"seat": seat, "member": member, "heir": heir, "division": division}


def _pages(group, records):
    seat, member, heir = records["seat"], records["member"], records["heir"]
    reads = [f"/funds/groups/{group.pk}/", f"/funds/groups/{group.pk}/committee/", f"/funds/committee/{seat.pk}/",
             f"/funds/members/{member.pk}/"]
    keeper_forms = [f"/funds/groups/{group.pk}/stop/", f"/funds/groups/{group.pk}/committee/new/",
                    f"/funds/groups/{group.pk}/committee/end-term/", f"/funds/groups/{group.pk}/members/new/",
                    f"/funds/groups/{group.pk}/counts/new/"]
    posts = [f"/funds/groups/{group.pk}/", f"/funds/groups/{group.pk}/resume/", f"/funds/committee/{seat.pk}/",
             f"/funds/members/{member.pk}/", f"/funds/members/{member.pk}/leave/",
             f"/funds/members/{member.pk}/beneficiaries/new/", f"/funds/beneficiaries/{heir.pk}/end/", *keeper_forms]
    return reads, keeper_forms, posts


def _api(group, records):
    seat, member, heir = records["seat"], records["member"], records["heir"]
    return [f"/api/v1/savings-group-committee/{seat.pk}/", f"/api/v1/savings-group-members/{member.pk}/",
            f"/api/v1/savings-group-beneficiaries/{heir.pk}/"]


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer"])
def test_another_district_gets_404_everywhere(request, login, api_as, who, group, records):
    user = request.getfixturevalue(who)
    client = login(user)
    reads, keeper_forms, posts = _pages(group, records)
    for url in reads + keeper_forms:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url, {"name": "x", "left_on": "1/3/2568", "reason": "x", "b-name": "x",
                                 "b-share_percent": "1", "leave-left_on": "1/3/2568",
                                 "leave-leave_reason": "x"}).status_code == 404, url
    reveal = f"/personal/reveal/funds.member/{records['member'].pk}/national_id/"
    assert client.post(reveal).status_code == 404
    api = api_as(user)
    for url in _api(group, records):
        assert api.get(url).status_code == 404, url
        assert api.patch(url, {"name": "x"}, format="json").status_code == 404, url
    for prefix in ("savings-group-committee", "savings-group-members", "savings-group-member-counts"):
        assert api.get(f"/api/v1/{prefix}/").json()["count"] == 0
    assert api.get("/api/v1/savings-group-beneficiaries/").json()["count"] == 0
    created = api.post("/api/v1/savings-group-members/", {"group": group.pk, "name": "x"}, format="json")
    assert created.status_code == 404
    assert api.post("/api/v1/savings-group-beneficiaries/", {"member": records["member"].pk, "name": "x",
                                                              "share_percent": "1"}, format="json").status_code == 404
    assert Member.objects.count() == 1 and Beneficiary.objects.count() == 1


def test_the_province_reads_but_never_writes(login, api_as, province_staff, group, records):
    client = login(province_staff)
    reads, keeper_forms, posts = _pages(group, records)
    for url in reads:
        assert client.get(url).status_code == 200, url
    for url in keeper_forms:
        assert client.get(url).status_code == 403, url
    for url in posts:
        assert client.post(url, {"name": "x", "left_on": "1/3/2568", "reason": "x", "b-name": "x",
                                 "b-share_percent": "1", "leave-left_on": "1/3/2568",
                                 "leave-leave_reason": "x"}).status_code == 403, url
    page = client.get(f"/funds/groups/{group.pk}/").content.decode()
    assert "นายประธาน ดี" in page and "1-xxxx-xxxxx-45-6" in page and "แสดงเลขเต็ม" not in page
    assert client.post(f"/personal/reveal/funds.member/{records['member'].pk}/national_id/").status_code == 403
    api = api_as(province_staff)
    assert api.get("/api/v1/savings-group-members/?district=3401").json()["count"] == 1
    assert api.get(f"/api/v1/savings-group-committee/?group={group.pk}").json()["count"] == 1
    for url in _api(group, records):
        assert api.get(url).status_code == 200, url
        assert api.patch(url, {"name": "x"}, format="json").status_code == 403, url
    assert api.post("/api/v1/savings-group-members/", {"group": group.pk, "name": "x"},
                    format="json").status_code == 403
    assert Member.objects.get().name == "นางสมาชิก หนึ่ง"


def test_the_group_page_shows_registry_committee_members_and_no_money_yet(login, officer, group, records):
    client = login(officer)
    page = client.get(f"/funds/groups/{group.pk}/").content.decode()
    assert 'name="savings_day" value="5"' in page
    assert "คณะกรรมการอำนวยการ" in page and "คณะกรรมการเงินกู้" in page and "ยังไม่มีกรรมการในฝ่ายนี้" in page
    assert "นางสมาชิก หนึ่ง" in page and "3-xxxx-xxxxx-21-1" in page and MEMBER_ID not in page
    assert "แสดงเลขเต็ม" in page  # the keeping district may reveal
    assert "ยังไม่มีรายงานที่อนุมัติแล้ว" in page
    assert "ประวัติการแก้ไข" in page and "สมาชิกกลุ่มออมทรัพย์: นางสมาชิก หนึ่ง" in page
    assert "ประเภทสมาชิก: สามัญ" in page and "ตำแหน่ง: ประธาน" in page and "ฝ่าย: คณะกรรมการอำนวยการ" in page
    assert "เริ่มวาระ: ๑ มีนาคม ๒๕๖๗" in page

    def members_table(url):
        body = client.get(url).content.decode()
        return body.split('data-testid="members"')[1].split("</table>")[0] if 'data-testid="members"' in body else ""

    assert "นางสมาชิก หนึ่ง" in members_table(f"/funds/groups/{group.pk}/?q=3211")
    assert "นางสมาชิก หนึ่ง" in members_table(f"/funds/groups/{group.pk}/?q=หนึ่ง")
    assert members_table(f"/funds/groups/{group.pk}/?q=ไม่มีใคร") == ""


def test_the_reveal_is_audited(login, officer, records):
    client = login(officer)
    answer = client.post(f"/personal/reveal/funds.beneficiary/{records['heir'].pk}/national_id/")
    assert answer.status_code == 200 and "3-4010-00111-11-4" in answer.content.decode()
    entry = AuditEntry.objects.get(action="reveal")
    assert entry.object_type == "funds.beneficiary" and entry.district_code == "3401"


def test_pages_add_and_keep_what_was_typed(login, officer, group, records):
    client = login(officer)
    bad = client.post(f"/funds/groups/{group.pk}/committee/new/", {
        "division": records["division"].pk, "position": "treasurer", "name": "นางเหรัญญิก ดี",
        "national_id": "1101700123457", "term_start": "๑/๓/๒๕๖๗"})
    body = bad.content.decode()
    assert bad.status_code == 200 and "หลักสุดท้าย (เลขตรวจสอบ) ไม่ตรง" in body
    assert 'value="นางเหรัญญิก ดี"' in body and 'value="1101700123457"' in body
    good = client.post(f"/funds/groups/{group.pk}/committee/new/", {
        "division": records["division"].pk, "position": "treasurer", "name": "นางเหรัญญิก ดี",
        "national_id": "๑-๑๐๑๗-๐๐๑๒๓-๔๕-๖", "term_start": "๑/๓/๒๕๖๗"})
    assert good.status_code == 302
    assert GroupCommitteeMember.objects.get(name="นางเหรัญญิก ดี").national_id == CHAIR_ID
    over = client.post(f"/funds/members/{records['member'].pk}/beneficiaries/new/",
                       {"b-name": "นางหลาน", "b-share_percent": "๑๐"})
    assert over.status_code == 200 and "เกินร้อยละ ๑๐๐" in over.content.decode()
    assert 'value="นางหลาน"' in over.content.decode()
    stopped = client.post(f"/funds/groups/{group.pk}/stop/", {"stopped_on": "๑/๓/๒๕๖๘", "stop_reason": "เลิกกลุ่ม"})
    assert stopped.status_code == 302
    group.refresh_from_db()
    assert not group.is_active and group.stopped_on == date(2025, 3, 1)
    assert "เลิกดำเนินการ" in client.get(f"/funds/groups/{group.pk}/").content.decode()


def test_a_counted_group_shows_its_counts(login, officer, group):
    services.update_group(officer, group, member_mode=SavingsGroup.MemberMode.COUNTS)
    client = login(officer)
    assert client.post(f"/funds/groups/{group.pk}/counts/new/", {
        "counted_on": "๑/๓/๒๕๖๘", "ordinary": "๑๕๘", "associate": "๖", "honorary": "1"}).status_code == 302
    page = client.get(f"/funds/groups/{group.pk}/").content.decode()
    assert "สมาชิก ๑๖๕ คน (สามัญ ๑๕๘ วิสามัญ ๖ กิตติมศักดิ์ ๑) นับเมื่อ ๑ มีนาคม ๒๕๖๘" in page


def test_api_reads_masked_writes_through_the_services(api_as, officer, group, records):
    api = api_as(officer)
    members = api.get(f"/api/v1/savings-group-members/?group={group.pk}").json()
    assert members["count"] == 1 and members["results"][0]["national_id"] == "3-xxxx-xxxxx-21-1"
    created = api.post("/api/v1/savings-group-members/", {"group": group.pk, "name": "นายสอง",
                                                          "national_id": "1101700123457"}, format="json")
    assert created.status_code == 400 and "เลขตรวจสอบ" in created.json()["errors"]["national_id"][0]
    created = api.post("/api/v1/savings-group-members/", {"group": group.pk, "name": "นายสอง", "kind": "associate",
                                                          "national_id": "3401000222226"}, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["member_no"] == "2" and created.json()["national_id"] == "3-xxxx-xxxxx-22-6"
    over = api.post("/api/v1/savings-group-beneficiaries/", {"member": records["member"].pk, "name": "นางหลาน",
                                                              "share_percent": "5"}, format="json")
    assert over.status_code == 400 and "เกินร้อยละ ๑๐๐" in over.json()["errors"]["share_percent"][0]
    seat = api.get(f"/api/v1/savings-group-committee/?group={group.pk}&in_office=true").json()["results"][0]
    assert seat["division_name"] == "คณะกรรมการอำนวยการ" and seat["national_id"] == "1-xxxx-xxxxx-45-6"
    left = api.patch(f"/api/v1/savings-group-committee/{seat['id']}/", {"left_on": "2025-03-09",
                                                                         "left_reason": "ลาออก"}, format="json")
    assert left.status_code == 200 and left.json()["left_on"] == "2025-03-09"
    assert api.get(f"/api/v1/savings-group-committee/?group={group.pk}&in_office=true").json()["count"] == 0
    updated = api.patch(f"/api/v1/savings-groups/{group.pk}/", {"savings_day": 40}, format="json")
    assert updated.status_code == 400 and "๑ ถึง ๓๑" in updated.json()["errors"]["savings_day"][0]
    stopped = api.patch(f"/api/v1/savings-groups/{group.pk}/", {"is_active": False, "stop_reason": "เลิกกลุ่ม"},
                        format="json").json()
    assert stopped["is_active"] is False and stopped["stopped_on"] == "2025-03-10"


def test_the_list_and_group_pages_have_fixed_query_counts(login, officer, group, records,
                                                          django_assert_max_num_queries):
    district = District.objects.get(pk="3401")
    for n in range(25):
        services.create_group(officer, district=district, name=f"กลุ่มที่ {n}")
        services.add_member(officer, group, name=f"สมาชิก {n}", national_id=an_id(n))
    client = login(officer)
    client.get("/funds/groups/")
    with django_assert_max_num_queries(6):  # the page's approved figures are one query
        assert client.get("/funds/groups/").status_code == 200
    client.get(f"/funds/groups/{group.pk}/")
    with django_assert_max_num_queries(18) as captured:
        page = client.get(f"/funds/groups/{group.pk}/").content.decode()
    few = len(captured)
    assert page.count("แสดงเลขเต็ม") >= 20
    for n in range(25, 50):
        services.add_member(officer, group, name=f"สมาชิก {n}", national_id=an_id(n))
    with django_assert_max_num_queries(few):
        client.get(f"/funds/groups/{group.pk}/?page=2")


def test_approved_figures_show_on_the_list_and_the_group_page(login, officer, province_staff, group):
    from reports import services as reports
    from reports.models import FormDefinition

    form = FormDefinition.objects.get(code="savings-group-status")
    period = next(p for p in reports.generate_periods(form, 2568) if p.start <= date(2025, 3, 10) <= p.end)
    submission = reports.open_submission(officer, form, period)
    row = {"group": str(group.pk), "members": "๑๖๐", "borrowers": "๔๐", "savings": "๒,๐๔๘,๐๐๐",
           "loans": "1,536,000", "overdue": "12,000"}
    saved, errors = reports.save_draft(officer, submission, {"groups": [row]}, version=submission.version)
    assert errors == []
    client = login(officer)
    assert "ยังไม่มีรายงานที่อนุมัติแล้ว" in client.get(f"/funds/groups/{group.pk}/").content.decode()
    reports.submit(officer, saved, signer_name="ก", signer_position="ข")
    reports.approve(province_staff, saved)
    listing = client.get("/funds/groups/").content.decode()
    assert "๒,๐๔๘,๐๐๐.๐๐" in listing and "๑,๕๓๖,๐๐๐.๐๐" in listing
    page = client.get(f"/funds/groups/{group.pk}/").content.decode()
    latest = page.split('data-testid="latest-figures"')[1].split('data-testid="figures"')[0]
    assert "๒,๐๔๘,๐๐๐.๐๐" in latest and "๔๐" in latest and "๑๒,๐๐๐.๐๐" in latest
    from funds import kinds

    status = dict(kinds.get("savings_group").status(group))
    savings = next(value for label, value in status.items() if label.startswith("เงินสัจจะสะสม (บาท) ณ "))
    assert savings == "๒,๐๔๘,๐๐๐.๐๐" and status["สมาชิก"].startswith("๐ คน")


def test_leaving_and_a_new_term_from_the_pages(login, officer, group, records):
    client = login(officer)
    member = records["member"]
    missing = client.post(f"/funds/members/{member.pk}/leave/", {"leave-left_on": "๑/๓/๒๕๖๘"})
    assert missing.status_code == 200 and "leave-leave_reason" in missing.content.decode()
    assert MEMBER_ID not in missing.content.decode()
    assert client.post(f"/funds/members/{member.pk}/leave/", {"leave-left_on": "๑/๓/๒๕๖๘",
                                                              "leave-leave_reason": "ลาออก"}).status_code == 302
    member.refresh_from_db()
    assert member.left_on == date(2025, 3, 1) and member.leave_reason == "ลาออก"
    page = client.get(f"/funds/groups/{group.pk}/").content.decode()
    assert "ยังไม่มีสมาชิกที่ตรงกับเงื่อนไข" in page and "สมาชิกพ้นสภาพ" in page
    assert "พ้นสภาพ ๑ มีนาคม ๒๕๖๘" in client.get(f"/funds/groups/{group.pk}/?left=1").content.decode()
    assert client.post(f"/funds/groups/{group.pk}/committee/end-term/", {"left_on": "๒๘/๒/๒๕๖๘",
                                                                          "reason": "ครบวาระ"}).status_code == 302
    history = client.get(f"/funds/groups/{group.pk}/committee/").content.decode()
    assert "พ้นจากตำแหน่ง ๒๘ กุมภาพันธ์ ๒๕๖๘ (ครบวาระ)" in history
    assert GroupCommitteeMember.objects.get().left_on == date(2025, 2, 28)


def test_api_lists_have_fixed_query_counts(api_as, officer, group, records, django_assert_max_num_queries):
    division = records["division"]
    api = api_as(officer)
    urls = ["/api/v1/savings-group-members/", "/api/v1/savings-group-committee/",
            "/api/v1/savings-group-beneficiaries/", "/api/v1/savings-groups/"]
    counts = {}
    for url in urls:
        api.get(url)
        with django_assert_max_num_queries(10) as captured:
            assert api.get(url).status_code == 200
        counts[url] = len(captured)
    for n in range(15):
        member = services.add_member(officer, group, name=f"สมาชิก {n}", national_id=an_id(n))
        services.add_beneficiary(officer, member, name=f"ทายาท {n}", share_percent=50)
        services.add_committee_member(officer, group, division=division, name=f"กรรมการ {n}",
                                      term_start=date(2024, 1, 1))
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            assert api.get(url).json()["count"] >= 1


def test_api_member_counts(api_as, officer, group):
    api = api_as(officer)
    refused = api.post("/api/v1/savings-group-member-counts/", {"group": group.pk, "counted_on": "2025-03-01",
                                                                 "ordinary": 10}, format="json")
    assert refused.status_code == 400 and "ทะเบียนสมาชิกรายคน" in refused.json()["errors"]["counted_on"][0]
    assert api.patch(f"/api/v1/savings-groups/{group.pk}/", {"member_mode": "counts"}, format="json").status_code == 200
    created = api.post("/api/v1/savings-group-member-counts/", {"group": group.pk, "counted_on": "2025-03-01",
                                                                 "ordinary": 158, "associate": 6}, format="json")
    assert created.status_code == 201 and created.json()["total"] == 164
    url = f"/api/v1/savings-group-member-counts/{created.json()['id']}/"
    assert api.patch(url, {"honorary": 1}, format="json").json()["total"] == 165
    moved = api.patch(url, {"counted_on": "2025-02-01"}, format="json")
    assert moved.status_code == 400 and "เปลี่ยนวันที่นับไม่ได้" in moved.json()["errors"]["counted_on"][0]


def test_the_workbook_import_reads_the_savings_day_and_the_registration(officer):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    from cdd_portal.lists import imports

    wb = Workbook()
    for row in (["ชื่อกลุ่ม", "วันรับฝากเงินสัจจะ", "เลขทะเบียน", "พัฒนากร"],
                ["กลุ่มออมทรัพย์บ้านโนนผึ้ง", "๕", "อบ ๐๐๒/๒๕๕๔", "นางสาวพัฒนา ชุมชน"],
                ["กลุ่มออมทรัพย์บ้านปะอาว", "๓๒", "", ""]):
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    imp = imports.start_import(officer, "savings-groups", SimpleUploadedFile("groups.xlsx", buffer.getvalue()))
    good, bad = imp.rows
    assert good["errors"] == [] and bad["errors"] == ["วันรับฝากเงินสัจจะ «๓๒» อยู่นอกช่วงที่รับได้"]
    assert imports.confirm_import(officer, imp, only_valid=True) == 1
    made = SavingsGroup.objects.get(name="กลุ่มออมทรัพย์บ้านโนนผึ้ง")
    assert (made.savings_day, made.registration_ref, made.officer_name) == (5, "อบ ๐๐๒/๒๕๕๔", "นางสาวพัฒนา ชุมชน")
