"""Rules of the service-centre registry: the centre, its committee and the 2020 composition, meetings,
activities, plans, the wisdom inventory; permissions and audit entries."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cdd_portal.audit.models import AuditEntry
from cdd_portal.files.services import attachments_of
from cdd_portal.geo import services as geo_services
from cdd_portal.geo.models import District, Subdistrict
from centers import selectors, services
from centers.models import Activity, CommitteeMember, Plan, ServiceCenter
from tests.centers.conftest import ORDER_DAY, TODAY, TWELVE, Position, pdf, png

pytestmark = pytest.mark.django_db


def _met(result) -> dict:
    return {rule["key"]: rule["met"] for rule in result["rules"]}


# --- the centre --------------------------------------------------------------------------------------

def test_a_centre_takes_the_default_name_and_place_and_is_audited(officer, center):
    assert center.name == "ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอเมืองอุบลราชธานี"
    assert center.location == ServiceCenter.Location.DISTRICT_OFFICE
    assert center.place == "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี"
    assert center.mechanism == ServiceCenter.Mechanism.GUIDELINE_2020
    services.update_center(officer, center, status=ServiceCenter.Status.IMPROVING, today=TODAY)
    entries = AuditEntry.objects.filter(object_type="centers.servicecenter", object_id=str(center.pk))
    assert list(entries.order_by("at", "id").values_list("action", flat=True)) == ["create", "update"]
    assert entries.get(action="update").changes["status"] == ["active", "improving"]
    assert entries.get(action="update").district_code == "3401"


def test_one_centre_per_district(officer, center, ubon_muang):
    with pytest.raises(ValidationError, match="อำเภอเมืองอุบลราชธานีมีศูนย์บริการฯ อยู่แล้ว"):
        services.create_center(officer, district=ubon_muang, today=TODAY)


def test_another_place_needs_the_place_and_the_reason(officer, center):
    with pytest.raises(ValidationError) as err:
        services.update_center(officer, center, location=ServiceCenter.Location.OTHER, today=TODAY)
    assert err.value.message_dict == {"other_place": ["ศูนย์ที่ไม่ได้ตั้งที่สำนักงานพัฒนาชุมชนอำเภอ ต้องระบุสถานที่"]}
    with pytest.raises(ValidationError, match="ต้องระบุเหตุผลที่ใช้สถานที่อื่น"):
        services.update_center(officer, center, location="other", other_place="ศาลาประชาคมอำเภอ", today=TODAY)
    services.update_center(officer, center, location="other", other_place="ศาลาประชาคมอำเภอ",
                           other_place_reason="สำนักงานคับแคบ", today=TODAY)
    center.refresh_from_db()
    assert center.place == "ศาลาประชาคมอำเภอ" and center.other_place_reason == "สำนักงานคับแคบ"
    services.update_center(officer, center, location="district_office", today=TODAY)  # back: the place is cleared
    center.refresh_from_db()
    assert center.other_place == "" and center.other_place_reason == ""


def test_the_earlier_mechanism_records_its_letter(officer, center):
    with pytest.raises(ValidationError, match="ต้องระบุเลขที่หนังสือถึงกรมการพัฒนาชุมชน"):
        services.update_center(officer, center, mechanism=ServiceCenter.Mechanism.EARLIER, today=TODAY)
    with pytest.raises(ValidationError, match="ต้องระบุวันที่ของหนังสือ"):
        services.update_center(officer, center, mechanism="earlier", mechanism_letter_number="อบ ๐๐๑๙/๑๒๓",
                               today=TODAY)
    with pytest.raises(ValidationError, match="วันที่ของหนังสือต้องไม่เป็นวันในอนาคต"):
        services.update_center(officer, center, mechanism="earlier", mechanism_letter_number="อบ ๐๐๑๙/๑๒๓",
                               mechanism_letter_date=date(2025, 2, 1), today=TODAY)
    services.update_center(officer, center, mechanism="earlier", mechanism_letter_number="อบ ๐๐๑๙/๑๒๓",
                           mechanism_letter_date=date(2020, 6, 1), today=TODAY)
    letter = services.attach_file(officer, center, pdf("letter.pdf"), purpose=services.LETTER_FILE)
    assert list(attachments_of(center, "mechanism-letter")) == [letter]


def test_bad_values_have_thai_messages(officer, center):
    with pytest.raises(ValidationError, match="รูปแบบอีเมลไม่ถูกต้อง"):
        services.update_center(officer, center, email="not-an-address", today=TODAY)
    with pytest.raises(ValidationError, match="กรุณาเลือกสถานะของศูนย์"):
        services.update_center(officer, center, status="closed", today=TODAY)


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "province_staff", "viewer"])
def test_only_the_district_office_writes(request, who, center, committee, ubon_muang):
    user = request.getfixturevalue(who)
    order, members = committee
    calls = [
        lambda: services.create_center(user, district=ubon_muang, today=TODAY),
        lambda: services.update_center(user, center, phone="1", today=TODAY),
        lambda: services.record_order(user, center, number="๑/๒๕๖๘", date=TODAY, members=TWELVE, today=TODAY),
        lambda: services.update_order(user, order, number="๒", today=TODAY),
        lambda: services.add_member(user, center, name="ก", seat="other", term_start=TODAY),
        lambda: services.end_member(user, members[0], on=TODAY),
        lambda: services.record_meeting(user, center, date=TODAY, today=TODAY),
        lambda: services.record_activity(user, center, date=TODAY, kind="market", title="ตลาด", today=TODAY),
        lambda: services.add_plan(user, center, kind="annual", fiscal_year=2568, title="แผน"),
        lambda: services.add_wisdom(user, center, name="ผ้าไหม", category="craft"),
        lambda: services.attach_file(user, order, pdf(), purpose=services.ORDER_FILE),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()


def test_administrators_may_correct_any_centre(administrator, center):
    services.update_center(administrator, center, phone="045-000000", today=TODAY)
    center.refresh_from_db()
    assert center.phone == "045-000000"


# --- the committee and the 2020 composition ----------------------------------------------------------

def test_twelve_members_of_the_right_seats_meet_every_rule(center, committee):
    order, members = committee
    result = selectors.composition(center, today=TODAY)
    assert result["applies"] is True and result["complete"] is True and result["members"] == 12
    assert _met(result) == {"size": True, "chair": True, "secretary": True, "agencies": True, "leaders": True}
    assert result["rules"][0]["detail"] == "มี ๑๒ คน"
    assert {m.order_id for m in members} == {order.pk} and all(m.term_start == ORDER_DAY for m in members)
    assert AuditEntry.objects.filter(object_type="centers.committeemember", action="create").count() == 12
    assert AuditEntry.objects.filter(object_type="centers.appointmentorder", action="create").count() == 1


def test_nine_members_are_saved_but_the_size_rule_is_not_met(officer, center):
    nine = TWELVE[:2] + TWELVE[2:7] + TWELVE[7:9]  # chair, secretary, 5 agencies, 2 leaders
    _order, members = services.record_order(officer, center, number="๑/๒๕๖๘", date=ORDER_DAY, members=nine,
                                            today=TODAY)
    assert len(members) == 9 and CommitteeMember.objects.filter(center=center).count() == 9
    result = selectors.composition(center, today=TODAY)
    assert _met(result) == {"size": False, "chair": True, "secretary": True, "agencies": True, "leaders": False}
    size = result["rules"][0]
    assert size["label"] == "กรรมการ ๑๑–๑๕ คน" and size["detail"] == "มี ๙ คน"
    assert result["complete"] is False


def test_the_earlier_mechanism_is_not_held_to_the_2020_rules(officer, center):
    services.update_center(officer, center, mechanism="earlier", mechanism_letter_number="อบ 0019/123",
                           mechanism_letter_date=date(2020, 6, 1), today=TODAY)
    services.record_order(officer, center, number="๙/๒๕๖๓", date=date(2020, 7, 1), members=TWELVE[:3], today=TODAY)
    result = selectors.composition(center, today=TODAY)
    assert result["applies"] is False and result["complete"] is False
    assert result["note"] == ("ศูนย์นี้ใช้กลไกตามแนวทางเดิม (หนังสือที่ อบ ๐๐๑๙/๑๒๓ ลงวันที่ ๑ มิถุนายน ๒๕๖๓) "
                              "ไม่ต้องเป็นไปตามเกณฑ์นี้")
    assert _met(result)["size"] is False  # still shown, as information


def test_a_wrong_row_refuses_the_order_and_names_every_wrong_row(officer, center):
    rows = [dict(row) for row in TWELVE]
    rows[3]["name"] = "  "
    rows[5]["position"] = Position.OTHER  # without its text
    rows[7]["seat"] = ""
    with pytest.raises(ValidationError) as err:
        services.record_order(officer, center, number="", date=ORDER_DAY, members=rows, today=TODAY)
    assert set(err.value.rows) == {3, 5, 7}
    assert err.value.rows[5] == {"position_other": ["ตำแหน่ง «อื่น ๆ» ต้องระบุชื่อตำแหน่ง"]}
    assert err.value.message_dict["number"] == ["กรุณากรอกเลขที่คำสั่ง"]
    assert err.value.message_dict["members"][0].startswith("แถวที่ ๔:")
    assert not CommitteeMember.objects.exists()  # nothing written


def test_a_new_committee_ends_the_old_one(officer, center, committee):
    new_day = date(2025, 1, 10)
    _order, members = services.record_order(officer, center, number="๕/๒๕๖๘", date=new_day, members=TWELVE[:11],
                                            replaces_current=True, today=TODAY)
    old = CommitteeMember.objects.exclude(pk__in=[m.pk for m in members])
    assert old.count() == 12 and set(old.values_list("term_end", flat=True)) == {date(2025, 1, 9)}
    assert old.first().end_reason == "พ้นวาระเมื่อมีคำสั่ง ๕/๒๕๖๘"
    assert selectors.members_on(center, TODAY).count() == 11
    assert selectors.members_on(center, date(2025, 1, 9)).count() == 12


def test_a_member_leaves_by_the_end_of_term_and_is_kept(officer, center, committee):
    _order, members = committee
    services.end_member(officer, members[4], on=date(2025, 1, 5), reason="ลาออก")
    assert selectors.members_on(center, TODAY).count() == 11
    assert CommitteeMember.objects.filter(center=center).count() == 12
    assert _met(selectors.composition(center, today=TODAY))["agencies"] is False
    with pytest.raises(ValidationError, match="วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ"):
        services.update_member(officer, members[0], term_end=date(2024, 1, 1))
    entry = AuditEntry.objects.filter(object_type="centers.committeemember", action="update").get()
    assert entry.changes["term_end"] == ["None", "2025-01-05"]


def test_members_of_another_centres_order_are_refused(officer, neighbour_officer, center, neighbour_center):
    theirs, _members = services.record_order(neighbour_officer, neighbour_center, number="๑", date=ORDER_DAY,
                                             today=TODAY)
    with pytest.raises(ValidationError, match="คำสั่งนี้ไม่ใช่คำสั่งของศูนย์นี้"):
        services.add_member(officer, center, order=theirs, name="ก", position="member", seat="other")


def test_an_order_keeps_its_signed_copy_pdf_or_image_only(officer, center, committee):
    order, _members = committee
    services.attach_file(officer, order, pdf(), purpose=services.ORDER_FILE)
    services.attach_file(officer, order, png("scan.png"), purpose=services.ORDER_FILE)
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError, match="แนบได้เฉพาะรูปภาพ"):
        services.attach_file(officer, order, SimpleUploadedFile("x.docx", b"PK\x03\x04 not a pdf"),
                             purpose=services.ORDER_FILE)
    assert attachments_of(order, "order").count() == 2


# --- meetings, activities, plans and wisdom ----------------------------------------------------------

def test_meetings_and_the_quarter(officer, center):
    with pytest.raises(ValidationError, match="วันที่ประชุมต้องไม่เป็นวันในอนาคต"):
        services.record_meeting(officer, center, date=date(2025, 1, 16), today=TODAY)
    services.record_meeting(officer, center, date=date(2024, 12, 20), attendee_count=11, today=TODAY)  # Q1
    meeting = services.record_meeting(officer, center, date=date(2025, 1, 8), attendee_count=12,
                                      agenda="ทบทวนแผน", minutes=pdf("minutes.pdf"), today=TODAY)
    assert attachments_of(meeting, "minutes").count() == 1
    start, end = selectors.this_quarter(TODAY)
    assert (start, end) == (date(2025, 1, 1), date(2025, 3, 31))
    assert list(selectors.meetings_between(center, start, end)) == [meeting]
    assert selectors.center_page(center, today=TODAY)["meetings_in_quarter"] == 1


def test_activities_keep_the_report_forms_choices(officer, center):
    activity = services.record_activity(
        officer, center, date=date(2025, 1, 10), kind=Activity.Kind.MARKET, title="  ตลาดนัด  OTOP ",
        target_groups=["villagers", "occupation_group"], count_interested=5, count_unregistered=3,
        count_registered=12, media=["leaflet"], media_other="ป้ายไวนิล", evidence=["photos", "sign_in_book"],
        photos=[png("a.png"), png("b.png")], evidence_files=[pdf("sign-in.pdf")], today=TODAY)
    assert activity.title == "ตลาดนัด OTOP"
    assert activity.target_groups == ["occupation_group", "villagers"]  # in the choices' order
    assert activity.evidence == ["sign_in_book", "photos"] and activity.people_served == 20
    assert activity.media_labels == ["แผ่นพับ/ใบปลิว", "ป้ายไวนิล"]
    assert attachments_of(activity, "photo").count() == 2 and attachments_of(activity, "evidence").count() == 1
    with pytest.raises(ValidationError, match="กลุ่มเป้าหมาย: ไม่มีตัวเลือก «tourists»"):
        services.update_activity(officer, activity, target_groups=["tourists"], today=TODAY)
    with pytest.raises(ValidationError, match="ต้องระบุว่าเป็นกิจกรรมใด"):
        services.update_activity(officer, activity, kind="other", today=TODAY)
    with pytest.raises(ValidationError, match="แนบได้เฉพาะรูปภาพ"):
        services.record_activity(officer, center, date=TODAY, kind="market", title="ก", photos=[pdf()], today=TODAY)
    assert Activity.objects.count() == 1  # the refused one left nothing behind
    assert list(selectors.activities_between(center, date(2025, 1, 1), date(2025, 1, 31))) == [activity]


def test_plan_periods_and_overlap(officer, center):
    annual = services.add_plan(officer, center, kind=Plan.Kind.ANNUAL, fiscal_year=2568, title="แผนประจำปี")
    q2 = services.add_plan(officer, center, kind=Plan.Kind.QUARTERLY, fiscal_year=2568, quarter=2, title="ไตรมาส ๒",
                           month=5)
    november = services.add_plan(officer, center, kind=Plan.Kind.MONTHLY, fiscal_year=2568, month=11,
                                 title="แผนเดือนพฤศจิกายน")
    assert (annual.period_start, annual.period_end) == (date(2024, 10, 1), date(2025, 9, 30))
    assert (q2.period_start, q2.period_end, q2.month) == (date(2025, 1, 1), date(2025, 3, 31), None)
    assert (november.period_start, november.period_end) == (date(2024, 11, 1), date(2024, 11, 30))
    january = list(selectors.plans_between(center, date(2025, 1, 1), date(2025, 1, 31)))
    assert january == [annual, q2]
    services.update_plan(officer, q2, is_active=False)
    assert list(selectors.plans_between(center, date(2025, 1, 1), date(2025, 1, 31))) == [annual]
    with pytest.raises(ValidationError, match="แผนรายเดือนต้องระบุเดือน"):
        services.add_plan(officer, center, kind="monthly", fiscal_year=2568, title="ก")
    with pytest.raises(ValidationError, match="ปีงบประมาณต้องเป็นปี พ.ศ."):
        services.add_plan(officer, center, kind="annual", fiscal_year=2025, title="ก")


def test_the_wisdom_inventory_names_villages_of_the_district(officer, neighbour_officer, center):
    village = geo_services.create_village(officer, subdistrict=Subdistrict.objects.get(code="340101"), number=3,
                                          name_th="บ้านนาโพธิ์")
    wisdom = services.add_wisdom(officer, center, name="การทอผ้าไหมลายโบราณ", category="craft", holder="นางคำ ดีงาม",
                                 village=village)
    assert wisdom.village == village
    elsewhere = geo_services.create_village(neighbour_officer, subdistrict=Subdistrict.objects.filter(
        district_id="3402").first(), number=1, name_th="บ้านอื่น")
    with pytest.raises(ValidationError, match="หมู่บ้านนี้ไม่อยู่ในอำเภอของศูนย์"):
        services.update_wisdom(officer, wisdom, village=elsewhere)
    services.update_wisdom(officer, wisdom, is_active=False)  # kept, marked
    wisdom.refresh_from_db()
    assert wisdom.is_active is False


# --- the prefill selectors and the demo --------------------------------------------------------------

def test_report_selectors(center, committee):
    assert selectors.center_of_district("3401") == center
    assert selectors.center_of_district("3402") is None
    assert selectors.members_on(center, date(2024, 10, 31)).count() == 0
    assert selectors.members_on(center, ORDER_DAY).count() == 12


def test_the_demo_centre_is_idempotent():
    first = services.seed_demo_center()
    again = services.seed_demo_center("3401")
    assert first.pk == again.pk and ServiceCenter.objects.count() == 1
    assert first.name == "ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอเมืองอุบลราชธานี"
    assert not first.members.exists()


def test_a_centre_only_in_a_department_district(administrator):
    bangkok = District.objects.filter(kind=District.Kind.KHET).first()
    with pytest.raises(ValidationError, match="เฉพาะในอำเภอของกรมการพัฒนาชุมชน"):
        services.create_center(administrator, district=bangkok, today=TODAY)
