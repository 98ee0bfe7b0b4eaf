"""A savings group's records (issue #9 item 1): savings day, registration reference, stopping with a date and a
reason, the committee by division, members with their beneficiaries, or members counted; national IDs checked
and never written whole into the audit trail."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cdd_portal.audit.models import AuditEntry
from cdd_portal.geo.models import District
from funds import kinds, selectors, services
from funds.history import of_group
from funds.models import CommitteeDivision, GroupCommitteeMember, Member, SavingsGroup

pytestmark = pytest.mark.django_db

CHAIR_ID = "1101700123456"
MEMBER_ID = "3101000543211"
HEIR_ID = "3401000111114"
OTHER_HEIR_ID = "3401000222226"
BAD_ID = "1101700123457"  # the check digit is wrong


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(datetime(2025, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")), tick=False)


@pytest.fixture
def group(officer):
    return services.create_group(officer, district=District.objects.get(pk="3401"), name="กลุ่มออมทรัพย์บ้านหนองบัว",
                                 founded_on=date(2010, 3, 6), savings_day=5, registration_ref="อบ ๐๐๑/๒๕๕๓",
                                 officer_name="นางสาวพัฒนา ชุมชน")


@pytest.fixture
def loans_division():
    return CommitteeDivision.objects.get(name="คณะกรรมการเงินกู้")


def test_the_four_default_divisions_are_seeded_unverified():
    names = list(CommitteeDivision.objects.values_list("name", flat=True))
    assert names == ["คณะกรรมการอำนวยการ", "คณะกรรมการเงินกู้", "คณะกรรมการตรวจสอบ", "คณะกรรมการส่งเสริม"]
    assert not CommitteeDivision.objects.filter(verified=True).exists()
    assert "ยังไม่ได้ยืนยัน" in str(CommitteeDivision._meta.get_field("verified").help_text)


def test_group_registry_data(officer, group):
    assert group.savings_day_label == "วันที่ ๕ ของทุกเดือน"
    assert group.registration_ref == "อบ ๐๐๑/๒๕๕๓" and group.member_mode == SavingsGroup.MemberMode.REGISTER
    with pytest.raises(ValidationError, match="วันรับฝากเงินสัจจะต้องเป็นวันที่ ๑ ถึง ๓๑ ของเดือน"):
        services.update_group(officer, group, savings_day=32)
    group.refresh_from_db()
    assert group.savings_day == 5


def test_stopping_keeps_the_group_and_its_history(officer, group):
    with pytest.raises(ValidationError, match="กรุณากรอกเหตุที่เลิกดำเนินการ"):
        services.stop_group(officer, group, on=date(2025, 3, 1), reason=" ")
    with pytest.raises(ValidationError, match="วันที่เลิกดำเนินการต้องไม่เป็นวันในอนาคต"):
        services.stop_group(officer, group, on=date(2025, 4, 1), reason="สมาชิกมีมติเลิกกลุ่ม")
    services.stop_group(officer, group, on=date(2025, 3, 1), reason="สมาชิกมีมติเลิกกลุ่ม")
    group.refresh_from_db()
    assert not group.is_active and group.stopped_on == date(2025, 3, 1) and group.stop_reason == "สมาชิกมีมติเลิกกลุ่ม"
    assert SavingsGroup.objects.filter(pk=group.pk).exists()
    entry = AuditEntry.objects.filter(object_type="funds.savingsgroup", action="update").get()
    assert entry.changes["event"] == "stop" and entry.changes["stopped_on"] == ["None", "2025-03-01"]
    services.resume_group(officer, group)
    group.refresh_from_db()
    assert group.is_active and group.stopped_on is None
    assert [e["action"] for e in of_group(group)][:2] == ["กลุ่มกลับมาดำเนินการ", "กลุ่มเลิกดำเนินการ"]
    # stopping without a date (the API's is_active=false) is today
    services.update_group(officer, group, is_active=False)
    group.refresh_from_db()
    assert group.stopped_on == date(2025, 3, 10)


def test_committee_by_division_with_terms(officer, group, loans_division):
    board = CommitteeDivision.objects.get(name="คณะกรรมการอำนวยการ")
    chair = services.add_committee_member(officer, group, division=board, position="chair", name="นายประธาน ดี",
                                          national_id="1-1017-00123-45-6", term_start=date(2023, 3, 1),
                                          term_end=date(2025, 2, 28))
    assert chair.national_id == CHAIR_ID
    lender = services.add_committee_member(officer, group, division=loans_division, position="member",
                                           name="นางเงินกู้ ดี", term_start=date(2023, 3, 1))
    committee = selectors.current_committee(group, date(2024, 1, 1))
    assert [(c["division"].name, [m.name for m in c["members"]]) for c in committee][:2] == [
        ("คณะกรรมการอำนวยการ", ["นายประธาน ดี"]), ("คณะกรรมการเงินกู้", ["นางเงินกู้ ดี"])]
    # the chair's term is over today (10 March 2025): not in office, the row stays
    assert [m.name for c in selectors.current_committee(group, date(2025, 3, 10)) for m in c["members"]] == [
        "นางเงินกู้ ดี"]
    services.committee_member_leaves(officer, lender, on=date(2025, 3, 9), reason="ลาออก")
    lender.refresh_from_db()
    assert lender.left_on == date(2025, 3, 9) and GroupCommitteeMember.objects.count() == 2
    entry = AuditEntry.objects.filter(object_type="funds.groupcommitteemember", object_id=str(lender.pk),
                                      action="update").get()
    assert entry.changes["event"] == "left_committee"
    with pytest.raises(ValidationError, match="กรรมการคนนี้พ้นจากตำแหน่งแล้ว"):
        services.committee_member_leaves(officer, lender, on=date(2025, 3, 9))


def test_a_new_term_is_a_new_set_of_rows(officer, group, loans_division):
    for n in range(3):
        services.add_committee_member(officer, group, division=loans_division, name=f"กรรมการชุดแรก {n}",
                                      term_start=date(2021, 3, 1))
    assert services.end_term(officer, group, on=date(2025, 2, 28)) == 3
    services.add_committee_member(officer, group, division=loans_division, name="กรรมการชุดใหม่",
                                  term_start=date(2025, 3, 1))
    assert GroupCommitteeMember.objects.filter(group=group).count() == 4
    assert [m.name for c in selectors.current_committee(group, date(2025, 3, 10)) for m in c["members"]] == [
        "กรรมการชุดใหม่"]


def test_a_national_id_with_a_wrong_check_digit_is_refused_in_thai(officer, group, loans_division):
    with pytest.raises(ValidationError) as error:
        services.add_committee_member(officer, group, division=loans_division, name="นายผิด เลข", national_id=BAD_ID,
                                      term_start=date(2024, 1, 1))
    assert error.value.message_dict["national_id"] == [
        "เลขประจำตัวประชาชนไม่ถูกต้อง: หลักสุดท้าย (เลขตรวจสอบ) ไม่ตรง กรุณาตรวจสอบอีกครั้ง"]
    with pytest.raises(ValidationError, match="ต้องเป็นตัวเลข ๑๓ หลัก"):
        services.add_member(officer, group, name="นายสั้น", national_id="12345")
    assert not GroupCommitteeMember.objects.exists() and not Member.objects.exists()


def test_members_numbers_types_minors_and_leaving(officer, group):
    first = services.add_member(officer, group, name="นางสมาชิก หนึ่ง", national_id=MEMBER_ID, shares=10,
                                joined_on=date(2015, 1, 5))
    with pytest.raises(ValidationError, match="เลขประจำตัวประชาชนนี้เป็นของสมาชิกเลขที่ 1 \\(นางสมาชิก หนึ่ง\\)"):
        services.add_member(officer, group, name="นางสมาชิก ซ้ำ", national_id=MEMBER_ID)
    second = services.add_member(officer, group, name="นายสมาชิก สอง", kind="associate", shares=2)
    assert (first.member_no, second.member_no) == ("1", "2")
    with pytest.raises(ValidationError, match="กลุ่มนี้มีสมาชิกเลขที่ 1 แล้ว"):
        services.add_member(officer, group, member_no="1", name="ซ้ำ")
    with pytest.raises(ValidationError, match="ต้องได้รับความยินยอมจากผู้แทนโดยชอบธรรม"):
        services.add_member(officer, group, name="ด.ญ.เยาว์", is_minor=True)
    minor = services.add_member(officer, group, name="ด.ญ.เยาว์", is_minor=True, guardian_consent=True)
    assert minor.member_no == "3"
    with pytest.raises(ValidationError, match="กรุณากรอกเหตุที่พ้นสภาพ"):
        services.member_leaves(officer, second, on=date(2025, 3, 1), reason="")
    services.member_leaves(officer, second, on=date(2025, 3, 1), reason="ลาออก")
    totals = selectors.member_totals(group)
    assert totals == {"ordinary": 2, "associate": 0, "honorary": 0, "total": 2, "shares": 10, "counted_on": None}
    assert Member.objects.filter(group=group).count() == 3
    created = AuditEntry.objects.get(object_type="funds.member", object_id=str(first.pk), action="create")
    assert created.changes["national_id"] == "3-xxxx-xxxxx-21-1"  # never the whole number
    assert MEMBER_ID not in str(list(AuditEntry.objects.values_list("changes", flat=True)))


def test_beneficiaries_shares_may_not_pass_100_percent(officer, group):
    member = services.add_member(officer, group, name="นางสมาชิก หนึ่ง", national_id=MEMBER_ID)
    wife = services.add_beneficiary(officer, member, name="นางภรรยา", national_id=HEIR_ID, relation="คู่สมรส",
                                    share_percent=Decimal("60"))
    with pytest.raises(ValidationError) as error:
        services.add_beneficiary(officer, member, name="นายบุตร", national_id=OTHER_HEIR_ID, relation="บุตร",
                                 share_percent=Decimal("50"))
    assert error.value.message_dict["share_percent"] == [
        "ส่วนแบ่งของผู้รับผลประโยชน์ของสมาชิกคนนี้รวมกันเกินร้อยละ ๑๐๐ "
        "(ผู้รับผลประโยชน์อื่นได้รวมร้อยละ ๖๐ จึงกำหนดได้อีกไม่เกินร้อยละ ๔๐)"]
    services.add_beneficiary(officer, member, name="นายบุตร", relation="บุตร", share_percent=Decimal("40"))
    with pytest.raises(ValidationError, match="เกินร้อยละ ๑๐๐"):
        services.update_beneficiary(officer, wife, share_percent=Decimal("61"))
    wife.refresh_from_db()
    assert wife.share_percent == Decimal("60.00")
    # an ended beneficiary no longer counts; the row stays
    services.end_beneficiary(officer, wife, on=date(2025, 3, 10))
    services.add_beneficiary(officer, member, name="นางหลาน", relation="หลาน", share_percent=Decimal("60"))
    assert member.beneficiaries.count() == 3


def test_member_counts_where_no_list_is_kept(officer, group):
    with pytest.raises(ValidationError, match="กลุ่มนี้เก็บทะเบียนสมาชิกรายคน"):
        services.record_member_count(officer, group, counted_on=date(2025, 3, 1), ordinary=10)
    services.update_group(officer, group, member_mode=SavingsGroup.MemberMode.COUNTS)
    with pytest.raises(ValidationError, match="กลุ่มนี้เก็บเฉพาะจำนวนสมาชิก"):
        services.add_member(officer, group, name="นายใคร")
    services.record_member_count(officer, group, counted_on=date(2024, 9, 30), ordinary=150, associate=5)
    services.record_member_count(officer, group, counted_on=date(2025, 3, 1), ordinary=158, associate=6, honorary=1)
    again = services.record_member_count(officer, group, counted_on=date(2025, 3, 1), ordinary=160, associate=6,
                                         honorary=1)
    assert again.total == 167 and group.member_counts.count() == 2
    totals = selectors.member_totals(group)
    assert totals["total"] == 167 and totals["counted_on"] == date(2025, 3, 1)


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "province_staff", "viewer"])
def test_only_the_keeping_district_writes_records(request, who, officer, group, loans_division):
    user = request.getfixturevalue(who)
    member = services.add_member(officer, group, name="นางสมาชิก หนึ่ง")
    seat = services.add_committee_member(officer, group, division=loans_division, name="ก", term_start=date(2024, 1, 1))
    calls = [
        lambda: services.stop_group(user, group, on=date(2025, 3, 1), reason="x"),
        lambda: services.add_committee_member(user, group, division=loans_division, name="x",
                                              term_start=date(2024, 1, 1)),
        lambda: services.committee_member_leaves(user, seat, on=date(2025, 3, 1)),
        lambda: services.end_term(user, group, on=date(2025, 3, 1)),
        lambda: services.add_member(user, group, name="x"),
        lambda: services.member_leaves(user, member, on=date(2025, 3, 1), reason="x"),
        lambda: services.add_beneficiary(user, member, name="x", share_percent=10),
        lambda: services.record_member_count(user, group, counted_on=date(2025, 3, 1)),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()


def test_the_fund_kind_and_its_handover_status(officer, group, loans_division):
    kind = kinds.get("savings_group")
    assert kind.model() is SavingsGroup and kind.level_set == "123" and kind.district_field == "district"
    assert dict(kind.handover_items)["member_register"] == "ทะเบียนสมาชิก" and len(kind.handover_items) == 7
    services.add_member(officer, group, name="นางสมาชิก หนึ่ง")
    services.add_member(officer, group, name="นายสมาชิก สอง", kind="honorary")
    services.add_committee_member(officer, group, division=loans_division, name="ก", term_start=date(2024, 1, 1))
    status = dict(kind.status(group))
    assert status["สมาชิก"] == "๒ คน (สามัญ ๑ วิสามัญ ๐ กิตติมศักดิ์ ๑) ตามทะเบียนสมาชิก"
    assert status["คณะกรรมการที่อยู่ในตำแหน่ง"].startswith("๑ คน (คณะกรรมการอำนวยการ ๐ คน, คณะกรรมการเงินกู้ ๑ คน")
    assert status["ตัวเลขการเงินล่าสุด"] == "ยังไม่มีรายงานที่อนุมัติแล้ว"
