"""A district officer signs in and finds their office; then keeps the village registry."""

import re

from playwright.sync_api import expect

from cdd_portal.geo.models import Village
from tests.conftest import make_user
from tests.e2e.conftest import ARTIFACTS, log_in


def test_district_officer_logs_in_and_sees_their_office(page, live_server):
    make_user("d3401", "3401", "district_officer")
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    expect(page.get_by_role("heading", name="เข้าสู่ระบบ CDD Portal")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "th"
    # The Sarabun face is served by the app itself and actually loaded, not a fallback.
    assert page.evaluate("document.fonts.ready.then(() => document.fonts.check('16px Sarabun'))")
    assert page.evaluate(
        "[...document.fonts].some(f => f.family.replaceAll('\"', '') === 'Sarabun' && f.status === 'loaded')"
    )
    assert page.evaluate("getComputedStyle(document.body).fontFamily").replace('"', "").startswith("Sarabun")

    log_in(page, live_server, "d3401", "wrong-password")
    expect(page.get_by_role("alert")).to_contain_text("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")

    log_in(page, live_server, "d3401", "pw-d3401")
    expect(page.get_by_test_id("office-area")).to_have_text("อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี")
    expect(page.get_by_test_id("office-name")).to_have_text("สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี")
    # Fits an office screen: no horizontal scroll bar at 1366×768.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home.png"))
    assert page.outside_requests == []


def test_district_officer_adds_and_finds_a_village(page, live_server):
    make_user("d3401", "3401", "district_officer")
    log_in(page, live_server, "d3401", "pw-d3401")
    page.get_by_role("navigation").get_by_role("link", name="หมู่บ้าน").click()
    page.get_by_role("link", name="เพิ่มหมู่บ้าน").click()
    page.get_by_label("ตำบล").select_option(label="ตำบลหัวเรือ")
    page.get_by_label("หมู่ที่").fill("๕")
    page.get_by_label("ชื่อหมู่บ้าน").fill("บ้านทดสอบ")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("บันทึก หมู่ที่ ๕ บ้านทดสอบ แล้ว")
    row = page.locator("table.data tbody tr", has_text="บ้านทดสอบ")
    expect(row).to_contain_text("๕")
    expect(row).to_contain_text("หัวเรือ")
    assert Village.objects.get().number == 5

    page.get_by_role("searchbox").fill("ไม่มีหมู่บ้านนี้")
    expect(page.locator("#village-table")).to_contain_text("ยังไม่มีหมู่บ้านที่ตรงกับเงื่อนไข")
    page.get_by_role("searchbox").fill("ทดสอบ")
    expect(page.locator("#village-table tbody tr")).to_have_count(1)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "villages.png"))
    assert page.outside_requests == []
