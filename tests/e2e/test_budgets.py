"""Provincial staff export the allocation register through the worker; a district records spending."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from cdd_portal.accounts.models import Role
from tests.conftest import make_user
from tests.e2e.conftest import ARTIFACTS, export_through_worker, log_in
from tests.generators import province_register, service_centre_activity


@pytest.fixture
def ubon(geography):
    admin = make_user("admin", "CDD", Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    return province_register(admin, service_centre_activity(), "34")


def test_province_exports_the_register_and_a_district_records_a_disbursement(page, live_server, ubon):
    make_user("p34", "34", Role.PROVINCE_STAFF)
    make_user("d3401", "3401", Role.DISTRICT_OFFICER)

    log_in(page, live_server, "p34", "pw-p34")
    page.get_by_role("navigation").get_by_role("link", name="งบประมาณ").click()
    page.get_by_role("link", name="การพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก").click()
    expect(page.get_by_test_id("reconciliation")).to_contain_text("ยอดจัดสรรตรงกับงบที่ได้รับ")
    expect(page.get_by_test_id("register-total")).to_have_text("๔๑,๑๐๐")
    expect(page.get_by_test_id("register-words")).to_have_text("(สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "register.png"), full_page=True)

    path = export_through_worker(page, "ส่งออก Excel (.xlsx)", "ดาวน์โหลด XLSX")
    ws = load_workbook(io.BytesIO(path.read_bytes())).active  # the download has no .xlsx suffix
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "(สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน)" in values
    assert sum(v for v in values if isinstance(v, int | float) and v >= 1500) == 41100

    page.get_by_role("button", name="ออกจากระบบ").click()
    log_in(page, live_server, "d3401", "pw-d3401")
    page.goto(live_server.url + "/budgets/")
    page.get_by_test_id("my-allocations").get_by_role("link").first.click()
    page.get_by_label("วันที่เบิกจ่าย").fill("๑๕/๐๕/๒๕๖๓")
    page.get_by_label("จำนวนเงิน (บาท)").fill("๑,๒๐๐")
    page.get_by_label("เลขที่เอกสาร").fill("อบ ๐๐๑๘/๑")
    page.get_by_role("button", name="บันทึก").click()
    expect(page.get_by_test_id("spent")).to_have_text("๑,๒๐๐")
    expect(page.get_by_test_id("percent")).to_have_text("๘๐.๐๐")
    expect(page.locator("table.data")).to_contain_text("๑๕ พฤษภาคม ๒๕๖๓")
    page.get_by_label("วันที่เบิกจ่าย").fill("16/5/2563")
    page.get_by_label("จำนวนเงิน (บาท)").fill("400")
    page.get_by_role("button", name="บันทึก").click()
    expect(page.get_by_role("alert").or_(page.locator(".errorlist"))).to_contain_text("เบิกจ่ายเกินงบที่ได้รับจัดสรร")
    page.screenshot(path=str(ARTIFACTS / "disbursement.png"), full_page=True)
    assert page.outside_requests == []
