"""An administrator sets up the fiscal year and the plan tree; the province opens the register of an
activity, allocates to its own office and a district, sees the reconciliation, and finalises."""

from playwright.sync_api import expect

from budgets.models import Register
from cdd_portal.accounts.models import Role
from tests.conftest import make_user
from tests.e2e.conftest import ARTIFACTS, log_in


def test_plan_then_register_in_the_browser(page, live_server, geography):
    make_user("admin", "CDD", Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    make_user("p34", "34", Role.PROVINCE_STAFF)

    log_in(page, live_server, "admin", "pw-admin")
    page.goto(f"{live_server.url}/budgets/plan/")
    page.get_by_label("ปีงบประมาณ (พ.ศ.)").fill("๒๕๗๐")
    page.get_by_role("button", name="เพิ่มปีงบประมาณ").click()
    expect(page.locator(".messages")).to_contain_text("เพิ่มปีงบประมาณ พ.ศ. ๒๕๗๐ แล้ว")
    parent = None  # each item under the one before: แผนงาน → โครงการ → กิจกรรมหลัก → กิจกรรม
    for level, name in enumerate(("แผนงานบูรณาการพัฒนาเศรษฐกิจฐานราก", "โครงการเสริมสร้างเศรษฐกิจฐานราก",
                                  "ส่งเสริมศูนย์บริการ", "พัฒนาศักยภาพศูนย์บริการ")):
        if parent:
            page.get_by_label("อยู่ภายใต้").select_option(label=parent)
        page.locator("#id_name").fill(name)
        page.get_by_role("button", name="เพิ่ม", exact=True).click()
        expect(page.get_by_test_id("plan-tree")).to_contain_text(name)
        parent = "— " * level + ("แผนงาน", "โครงการ", "กิจกรรมหลัก", "กิจกรรม")[level] + " " + name
    page.get_by_role("button", name="ออกจากระบบ").click()

    log_in(page, live_server, "p34", "pw-p34")
    page.goto(f"{live_server.url}/budgets/")
    page.get_by_label("กิจกรรม", exact=True).select_option(label="พ.ศ. 2570 · พัฒนาศักยภาพศูนย์บริการ")
    page.get_by_label("งบประมาณที่จังหวัดได้รับ (บาท)").fill("๕,๑๐๐")
    page.get_by_role("button", name="เปิดทะเบียน").click()
    expect(page.locator(".messages")).to_contain_text("เปิดทะเบียนจัดสรรแล้ว")
    form = page.get_by_test_id("allocation-form")
    form.get_by_label("สำนักงานที่ได้รับจัดสรร").select_option(label="สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี")
    form.get_by_label("รายการ (ถ้ามี)").fill("ค่าติดตามผล")
    form.get_by_label("จำนวนเงิน (บาท)").fill("๓,๖๐๐")
    form.get_by_role("button", name="เพิ่มรายการ").click()
    expect(page.get_by_test_id("reconciliation")).to_contain_text("ต่างกัน -๑,๕๐๐ บาท")
    form = page.get_by_test_id("allocation-form")
    form.get_by_label("สำนักงานที่ได้รับจัดสรร").select_option(label="สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี")
    form.get_by_label("จำนวนหน่วย").fill("๑")
    form.get_by_label("อัตราต่อหน่วย (บาท)").fill("1,500")
    form.get_by_role("button", name="เพิ่มรายการ").click()
    expect(page.get_by_test_id("reconciliation")).to_contain_text("ยอดจัดสรรตรงกับงบที่ได้รับ")
    expect(page.get_by_test_id("register-words")).to_have_text("(ห้าพันหนึ่งร้อยบาทถ้วน)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "register-keeping.png"), full_page=True)
    page.get_by_role("button", name="ยืนยันทะเบียน").click()
    expect(page.locator(".messages")).to_contain_text("ยืนยันทะเบียนจัดสรรแล้ว")
    assert Register.objects.get().status == Register.Status.FINAL
    assert page.outside_requests == []
