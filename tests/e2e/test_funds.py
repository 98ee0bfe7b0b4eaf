"""A district registers a savings group, then its monthly status report starts with that group's row."""

from datetime import date

from playwright.sync_api import expect

from cdd_portal.accounts.models import Role
from cdd_portal.thai import to_thai_digits
from funds.models import SavingsGroup
from reports import services
from reports.models import FormDefinition, Submission
from tests.conftest import make_user
from tests.e2e.conftest import ARTIFACTS, log_in


def test_register_a_group_then_report_its_money(page, live_server, geography):
    make_user("d3401", "3401", Role.DISTRICT_OFFICER)
    form = FormDefinition.objects.get(code="savings-group-status")
    today = date.today()
    fiscal = today.year + 543 + (1 if today.month >= 10 else 0)
    period = next(p for p in services.generate_periods(form, fiscal) if p.start <= today <= p.end)

    log_in(page, live_server, "d3401", "pw-d3401")
    page.get_by_role("navigation").get_by_role("link", name="กลุ่มออมทรัพย์").click()
    expect(page.get_by_text("พบ ๐ กลุ่ม")).to_be_visible()
    page.get_by_role("link", name="เพิ่มกลุ่ม").click()
    page.get_by_label("ชื่อกลุ่ม").fill("กลุ่มออมทรัพย์เพื่อการผลิตบ้านหนองบัว")
    page.get_by_label("วันที่ก่อตั้ง (พ.ศ.)").fill("๑๕/๐๖/๒๕๕๘")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("บันทึก กลุ่มออมทรัพย์เพื่อการผลิตบ้านหนองบัว แล้ว")
    expect(page.locator("table.data")).to_contain_text("๑๕ มิถุนายน ๒๕๕๘")
    group = SavingsGroup.objects.get()

    page.get_by_role("navigation").get_by_role("link", name="แบบรายงาน").click()
    card = page.locator(".card", has_text=form.title)
    month = card.locator("tr").filter(has=page.get_by_role("cell", name=to_thai_digits(period.label), exact=True))
    month.get_by_role("button", name="กรอกรายงาน").click()
    row = page.locator("#table-groups tbody tr").nth(0)
    expect(row.get_by_label("กลุ่ม (ตามทะเบียนกลุ่มของอำเภอ)")).to_have_value(str(group.pk))  # started with it
    row.get_by_label("สมาชิก (คน)").fill("๑๖๐")
    row.get_by_label("เงินสัจจะสะสม (บาท)").fill("๒,๐๔๘,๐๐๐")
    row.get_by_label("ยอดเงินให้สมาชิกกู้คงค้าง (บาท)").fill("1,536,000")
    expect(page.locator("[data-total-for=savings]")).to_have_text("๒,๐๔๘,๐๐๐")
    page.get_by_role("button", name="บันทึกฉบับร่าง").click()
    expect(page.locator(".messages")).to_contain_text("บันทึกฉบับร่างแล้ว")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "savings-group-status.png"), full_page=True)
    saved = Submission.objects.get(form=form)
    assert saved.data["groups"][0]["group"] == group.pk and saved.data["groups"][0]["loan_share"] == "75.00"
    assert page.outside_requests == []


def test_a_district_keeps_a_groups_committee_and_members(page, live_server, geography, time_machine, settings):
    """d3401 opens its group, adds a committee member whose national ID has a wrong check digit (a Thai error,
    what was typed stays), fixes it, adds two members and a beneficiary; IDs are shown masked, and the reveal
    button shows the whole number and writes a «reveal» audit entry."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from cdd_portal.audit.models import AuditEntry
    from cdd_portal.geo.models import District
    from funds import services as funds
    from funds.models import Beneficiary, GroupCommitteeMember, Member

    time_machine.move_to(datetime(2025, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")))
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_USE_SESSIONS = True
    officer = make_user("d3401", "3401", Role.DISTRICT_OFFICER)
    group = funds.create_group(officer, district=District.objects.get(pk="3401"),
                               name="กลุ่มออมทรัพย์เพื่อการผลิตบ้านหนองบัว", savings_day=5)

    log_in(page, live_server, "d3401", "pw-d3401")
    page.get_by_role("navigation").get_by_role("link", name="กลุ่มออมทรัพย์").click()
    page.get_by_role("link", name="กลุ่มออมทรัพย์เพื่อการผลิตบ้านหนองบัว").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("กลุ่มออมทรัพย์เพื่อการผลิตบ้านหนองบัว")
    expect(page.get_by_test_id("no-figures")).to_have_text("ยังไม่มีรายงานที่อนุมัติแล้ว")

    # a committee member: the check digit is wrong, then fixed
    page.get_by_role("link", name="เพิ่มกรรมการ").click()
    page.get_by_label("ฝ่าย").select_option(label="คณะกรรมการเงินกู้")
    page.locator("#id_position").select_option(label="ประธาน")
    page.get_by_label("ชื่อ-สกุล").fill("นางสาวเงินกู้ รักษ์กลุ่ม")
    page.get_by_label("เลขประจำตัวประชาชน").fill("1-1017-00123-45-7")
    page.get_by_label("เริ่มวาระ (พ.ศ.)").fill("๑/๓/๒๕๖๗")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.locator(".errorlist")).to_contain_text("เลขประจำตัวประชาชนไม่ถูกต้อง: หลักสุดท้าย (เลขตรวจสอบ) ไม่ตรง")
    expect(page.get_by_label("ชื่อ-สกุล")).to_have_value("นางสาวเงินกู้ รักษ์กลุ่ม")
    expect(page.get_by_label("เลขประจำตัวประชาชน")).to_have_value("1-1017-00123-45-7")
    expect(page.get_by_label("เริ่มวาระ (พ.ศ.)")).to_have_value("๑/๓/๒๕๖๗")
    assert not GroupCommitteeMember.objects.exists()
    page.get_by_label("เลขประจำตัวประชาชน").fill("1-1017-00123-45-6")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("บันทึกกรรมการ นางสาวเงินกู้ รักษ์กลุ่ม แล้ว")
    committee = page.get_by_test_id("committee")
    expect(committee).to_contain_text("นางสาวเงินกู้ รักษ์กลุ่ม")
    expect(committee).to_contain_text("1-xxxx-xxxxx-45-6")
    expect(committee).not_to_contain_text("1101700123456")

    # two members, one after the other
    page.get_by_role("link", name="เพิ่มสมาชิก").click()
    page.get_by_label("ชื่อ-สกุล").fill("นายสมชาย ออมดี")
    page.get_by_label("เลขประจำตัวประชาชน").fill("3101000543211")
    page.get_by_label("จำนวนหุ้น").fill("๑๐")
    page.get_by_role("button", name="บันทึกและเพิ่มรายการถัดไป").click()
    expect(page.locator(".messages")).to_contain_text("บันทึกสมาชิกเลขที่ 1 นายสมชาย ออมดี แล้ว")
    page.get_by_label("ชื่อ-สกุล").fill("นางสมหญิง ออมดี")
    page.get_by_label("ประเภทสมาชิก").select_option(label="วิสามัญ")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("สมาชิกเลขที่ ๒ นางสมหญิง ออมดี")

    # a beneficiary of the first member
    page.get_by_role("link", name="กลุ่มออมทรัพย์เพื่อการผลิตบ้านหนองบัว").click()
    members = page.get_by_test_id("members")
    expect(members.locator("tbody tr")).to_have_count(2)
    expect(members).to_contain_text("3-xxxx-xxxxx-21-1")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "savings-group.png"), full_page=True)
    members.get_by_role("link", name="นายสมชาย ออมดี").click()
    page.get_by_label("ชื่อ-สกุลผู้รับผลประโยชน์").fill("นางสมศรี ออมดี")
    page.locator("#id_b-national_id").fill("3401000111114")
    page.get_by_label("ความเกี่ยวพันกับสมาชิก").fill("คู่สมรส")
    page.get_by_label("ส่วนแบ่ง (ร้อยละ)").fill("๑๐๐")
    page.get_by_role("button", name="เพิ่มผู้รับผลประโยชน์").click()
    expect(page.locator(".messages")).to_contain_text("บันทึกผู้รับผลประโยชน์ นางสมศรี ออมดี แล้ว")
    beneficiaries = page.get_by_test_id("beneficiaries")
    expect(beneficiaries).to_contain_text("3-xxxx-xxxxx-11-4")

    # the member's whole number, on request: shown and recorded
    status = page.get_by_test_id("member-status")
    expect(status).to_contain_text("3-xxxx-xxxxx-21-1")
    status.get_by_role("button", name="แสดงเลขเต็ม").click()
    expect(status).to_contain_text("3-1010-00543-21-1")
    page.screenshot(path=str(ARTIFACTS / "savings-group-member.png"), full_page=True)
    member = Member.objects.get(member_no="1")
    assert AuditEntry.objects.filter(action="reveal", object_type="funds.member", object_id=str(member.pk)).exists()
    assert Member.objects.filter(group=group).count() == 2
    assert Beneficiary.objects.get().share_percent == 100
    assert page.outside_requests == []
