"""The governance assessment as data (issue #9 items 7 and 10): an administrator enters a small indicator set
(three indicators, one mandatory), its level rules and publishes it; d3401 assesses a savings group that
fails the mandatory indicator: the page says ระดับ ๒, not ระดับ ๓, why, and which principles failed with their
remedies; p34 sees the district's group on the province summary.

The clock stands on 10 February 2025 (fiscal year 2568, before the March deadline)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from cdd_portal.accounts.models import Role
from cdd_portal.accounts.services import DEPARTMENT_CODE
from funds.assessments.demo import ensure_principles
from funds.assessments.models import Assessment, IndicatorSet
from funds.models import SavingsGroup
from tests.conftest import make_user
from tests.e2e.conftest import ARTIFACTS, log_in

INDICATORS = [("มีระเบียบข้อบังคับที่สมาชิกร่วมกันกำหนด", "หลักนิติธรรม", True),
              ("จัดทำบัญชีเป็นปัจจุบัน", "หลักความโปร่งใส", False),
              ("จัดประชุมสมาชิกตามระเบียบ", "หลักการมีส่วนร่วม", False)]


@pytest.fixture
def february(time_machine, settings):
    time_machine.move_to(datetime(2025, 2, 10, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")))
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_USE_SESSIONS = True


def test_an_assessment_with_a_failed_mandatory_indicator_is_not_level_3(page, live_server, geography, february):
    ensure_principles()  # the live-server tests flush the database the data migration seeded
    make_user("admin", DEPARTMENT_CODE, Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    officer = make_user("d3401", "3401", Role.DISTRICT_OFFICER, last_name="ใจดี")
    officer.first_name = "สมหญิง"
    officer.save()
    make_user("p34", "34", Role.PROVINCE_STAFF)
    group = SavingsGroup.objects.create(district_id="3401", name="กลุ่มออมทรัพย์บ้านหนองบัว")
    SavingsGroup.objects.create(district_id="3401", name="กลุ่มออมทรัพย์บ้านโนนสูง")

    # the administrator enters the set, its indicators in one table, the rules, and publishes it
    log_in(page, live_server, "admin", "pw-admin")
    page.goto(f"{live_server.url}/funds/assessments/sets/")
    page.get_by_role("link", name="สร้างชุดตัวชี้วัด").click()
    page.get_by_label("ประเภทกองทุน").select_option("savings_group")
    page.get_by_label("ปีงบประมาณ (พ.ศ.)").fill("๒๕๖๘")
    page.get_by_label("ชื่อชุดตัวชี้วัด").fill("แบบประเมินทดลอง ๓ ตัวชี้วัด")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("แบบประเมินทดลอง ๓ ตัวชี้วัด")
    rows = page.get_by_test_id("indicator-row")
    for n, (text, principle, mandatory) in enumerate(INDICATORS):
        rows.nth(n).get_by_label("ตัวชี้วัด", exact=True).fill(text)
        rows.nth(n).get_by_label("หลักธรรมาภิบาล").select_option(label=principle)
        if mandatory:
            rows.nth(n).get_by_label("บังคับ").check()
    page.get_by_role("button", name="เพิ่มตัวชี้วัด").click()
    expect(page.get_by_test_id("indicators").locator("tbody tr")).to_have_count(3)
    rule3 = page.get_by_test_id("rule-3")
    rule3.get_by_label("ชื่อเรียกระดับ").fill("ดี")
    rule3.get_by_label("ผ่านอย่างน้อย (ข้อ)").fill("๓")
    rule3.get_by_label("ต้องผ่านตัวชี้วัดบังคับทุกข้อ").check()
    page.get_by_test_id("rule-2").get_by_label("ผ่านอย่างน้อย (ข้อ)").fill("๒")
    page.get_by_role("button", name="บันทึกเกณฑ์ระดับ").click()
    expect(page.get_by_test_id("rules").locator("tbody tr")).to_have_count(3)
    page.get_by_role("button", name="ประกาศใช้").click()
    expect(page.get_by_test_id("set-status")).to_have_text("ประกาศใช้แล้ว")
    expect(page.get_by_role("button", name="สร้างฉบับใหม่จากชุดนี้")).to_be_visible()
    assert IndicatorSet.objects.get().is_published
    page.get_by_role("button", name="ออกจากระบบ").click()

    # d3401 assesses the group: two of three passed, but the mandatory one failed
    log_in(page, live_server, "d3401", "pw-d3401")
    page.goto(f"{live_server.url}/funds/assessments/")
    page.get_by_role("link", name="ประเมินกองทุน").click()
    page.get_by_label("กองทุน/กลุ่ม").select_option(label="กลุ่มออมทรัพย์บ้านหนองบัว")
    page.get_by_role("button", name="เลือก").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("กลุ่มออมทรัพย์บ้านหนองบัว")
    expect(page.get_by_label("ผู้ประเมิน")).to_have_value("สมหญิง ใจดี")
    table = page.get_by_test_id("indicators")
    for text, _principle, mandatory in INDICATORS:
        row = table.locator("tr", has_text=text)
        row.get_by_label("ไม่ผ่าน" if mandatory else "ผ่าน", exact=True).check()
    page.get_by_role("button", name="บันทึกผลการประเมิน").click()
    expect(page.get_by_test_id("level-name")).to_have_text("ระดับ ๒")
    expect(page.get_by_test_id("reasons")).to_contain_text("ไม่ถึงระดับ ๓ — ดี: ไม่ผ่านตัวชี้วัดบังคับข้อ ๑")
    remedies = page.get_by_test_id("remedies")
    expect(remedies).to_contain_text("หลักนิติธรรม")
    expect(remedies).to_contain_text("ทบทวนและปรับปรุงระเบียบข้อบังคับของกองทุน โดยให้สมาชิกมีส่วนร่วม")
    assessment = Assessment.objects.get()
    assert (assessment.fund_id, assessment.level, assessment.mandatory_failed) == (group.pk, "2", 1)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "assessment-page.png"), full_page=True)
    page.get_by_role("button", name="ออกจากระบบ").click()

    # p34 sees the district on the province summary: two groups, one at level 2, one not yet assessed
    log_in(page, live_server, "p34", "pw-p34")
    page.goto(f"{live_server.url}/funds/assessments/summary/")
    expect(page.get_by_test_id("fiscal-year")).to_have_text("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    expect(page.get_by_test_id("deadline")).to_contain_text("๓๑ มีนาคม ๒๕๖๘")
    row = page.get_by_test_id("summary-table").locator("tr[data-code='3401']")
    cells = row.locator("td")
    expect(cells.nth(1)).to_have_text("เมืองอุบลราชธานี")
    expect(cells.nth(2)).to_have_text("๒")  # savings groups
    expect(cells.nth(4)).to_have_text("๑")  # ระดับ 2
    expect(cells.nth(5)).to_have_text("๐")  # ระดับ 3
    expect(cells.nth(6)).to_have_text("๑")  # not yet assessed
    page.screenshot(path=str(ARTIFACTS / "fund-summary.png"), full_page=True)
    assert page.outside_requests == []
