"""A กข.คจ. village fund as a district officer keeps it (issue #9 items 3–5): d4201 (เมืองเลย) records a
village fund, three target households (the purple book), a loan contract with two instalments and the
receipt, and two repayments; the yellow book shows the outstanding amount; p42 reads it, masked.

The clock stands on 15 January 2025 (B.E. 2568), moving from there."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from cdd_portal.accounts.models import Role
from funds.poverty.models import Loan, Repayment, TargetHousehold, VillageFund
from tests.conftest import make_user
from tests.e2e.conftest import log_in
from tests.funds.poverty.conftest import village_of

HOUSEHOLDS = [("นางสมศรี ใจดี", "๑๒", "๔", "๑๘,๕๐๐"), ("นายบุญมี ศรีสุข", "๒๗/๑", "๓", "๒๑,๐๐๐"),
              ("นางคำปุน แก้วมณี", "๔๕", "๕", "๒๔,๘๐๐")]


@pytest.fixture
def mid_january(time_machine, settings):
    time_machine.move_to(datetime(2025, 1, 15, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")))
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_USE_SESSIONS = True


def test_a_district_keeps_a_village_fund_and_its_loans(page, live_server, geography, mid_january):
    make_user("d4201", "4201", Role.DISTRICT_OFFICER, position="นักวิชาการพัฒนาชุมชน")
    make_user("p42", "42", Role.PROVINCE_STAFF)
    make_user("d4201-b", "4201", Role.DISTRICT_OFFICER, position="พัฒนากรปฏิบัติการ", last_name="รับมอบ")
    page.on("dialog", lambda dialog: dialog.accept())
    village = village_of("4201", 3, "บ้านนาโป่ง")
    log_in(page, live_server, "d4201", "pw-d4201")

    # the fund
    page.goto(f"{live_server.url}/funds/poverty/")
    expect(page.get_by_role("heading", level=1)).to_have_text("ทะเบียนกองทุน กข.คจ. หมู่บ้าน")
    page.get_by_role("link", name="เพิ่มกองทุน").click()
    page.locator("[name=village]").select_option(str(village.pk))
    page.get_by_label("ปีงบประมาณที่ได้รับงบประมาณ (พ.ศ.)").fill("๒๕๓๘")
    page.get_by_label("ครัวเรือนทั้งหมดในหมู่บ้าน").fill("๑๔๒")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("กองทุน กข.คจ. หมู่ที่ 3 บ้านนาโป่ง")
    expect(page.get_by_test_id("fund-details")).to_contain_text("๒๘๐,๐๐๐.๐๐ บาท")
    fund = VillageFund.objects.get()

    # three target households, lowest income first
    for name, house, members, income in HOUSEHOLDS:
        page.get_by_role("link", name="เพิ่มครัวเรือนเป้าหมาย").click()
        page.get_by_label("ชื่อ-สกุลหัวหน้าครัวเรือน").fill(name)
        page.get_by_label("บ้านเลขที่").fill(house)
        page.get_by_label("จำนวนสมาชิกในครัวเรือน (คน)").fill(members)
        page.get_by_label("รายได้เฉลี่ยต่อคนต่อปีตามเกณฑ์ จปฐ. ก่อนยืมเงิน (บาท)").fill(income)
        page.get_by_label("เกณฑ์รายได้ จปฐ. ที่ใช้ (บาท/คน/ปี)").fill("๓๘,๐๐๐")
        page.get_by_role("button", name="บันทึก", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("บันทึกครัวเรือนเป้าหมายแล้ว")
    rows = page.get_by_test_id("households").locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("นางสมศรี ใจดี")
    expect(rows.nth(2)).to_contain_text("๒๔,๘๐๐.๐๐")
    assert list(TargetHousehold.objects.order_by("rank").values_list("rank", flat=True)) == [1, 2, 3]

    # the contract with two instalments; a wrong total is refused and nothing typed is lost
    page.get_by_role("link", name="ทำสัญญายืมเงิน").click()
    page.get_by_label("ครัวเรือนเป้าหมาย (ผู้ยืม)").select_option(label="1. นางสมศรี ใจดี")
    page.get_by_label("สัญญาเลขที่").fill("๑/๒๕๖๘")
    page.get_by_label("วันที่ทำสัญญา (พ.ศ.)").fill("๑/๑๑/๒๕๖๗")
    page.get_by_label("จำนวนเงินยืม (บาท)").fill("๑๕,๐๐๐")
    page.get_by_label("อาชีพที่ยืมเงินไปลงทุน").fill("เลี้ยงไก่พื้นเมือง")
    page.get_by_label("วันที่รับเงินยืม (แบบรับเงินยืม) (พ.ศ.)").fill("๒/๑๑/๒๕๖๗")
    page.locator("[name=n-0-due_date]").fill("๑/๑๑/๒๕๖๘")
    page.locator("[name=n-0-amount]").fill("๗,๕๐๐")
    page.locator("[name=n-1-due_date]").fill("๑/๑๑/๒๕๖๙")
    page.locator("[name=n-1-amount]").fill("๗,๐๐๐")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("ไม่เท่ากับจำนวนเงินยืม")
    expect(page.get_by_label("อาชีพที่ยืมเงินไปลงทุน")).to_have_value("เลี้ยงไก่พื้นเมือง")
    page.locator("[name=n-1-amount]").fill("๗,๕๐๐")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("สัญญายืมเงินทุนเลขที่ ๑/๒๕๖๘")
    expect(page.get_by_test_id("instalments").locator("tbody tr")).to_have_count(2)
    expect(page.get_by_test_id("loan-details")).to_contain_text("หนึ่งหมื่นห้าพันบาทถ้วน")

    # two repayments
    for receipt, day, amount in (("๑/๒๕๖๘", "๑๐/๑๒/๒๕๖๗", "๓,๐๐๐"), ("๒/๒๕๖๘", "๑๐/๑/๒๕๖๘", "๒,๐๐๐")):
        page.get_by_role("link", name="บันทึกการคืนเงิน").click()
        page.get_by_label("เลขที่ใบสำคัญรับเงิน").fill(receipt)
        page.get_by_label("วันที่คืนเงิน (พ.ศ.)").fill(day)
        page.get_by_label("จำนวนเงิน (บาท)").fill(amount)
        page.get_by_role("button", name="บันทึก", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("สัญญายืมเงินทุนเลขที่ ๑/๒๕๖๘")
    expect(page.get_by_test_id("repayments").locator("tbody tr")).to_have_count(2)
    expect(page.get_by_test_id("loan-outstanding")).to_have_text("๑๐,๐๐๐.๐๐")

    # the yellow book on the fund page
    page.get_by_role("link", name=str(fund)).click()
    loans = page.get_by_test_id("loans")
    expect(loans.locator("[data-testid=loan-outstanding]")).to_have_text("๑๐,๐๐๐.๐๐")
    expect(loans).to_contain_text("นางสมศรี ใจดี")
    expect(loans).to_contain_text("อยู่ระหว่างคืนเงินยืม")
    expect(page.get_by_test_id("outstanding-total")).to_have_text("๑๐,๐๐๐.๐๐")
    expect(page.get_by_test_id("brown-book")).to_contain_text("๑๐,๐๐๐.๐๐ บาท")
    loan = Loan.objects.get()
    assert loan.amount == Decimal("15000") and loan.instalments.count() == 2
    assert Repayment.objects.filter(loan=loan).count() == 2

    # the village debt report and แบบ ๒๖(๑) show the outstanding amount
    page.goto(f"{live_server.url}/funds/poverty/reports/village/{fund.pk}/")
    expect(page.locator("main")).to_contain_text("๑๐,๐๐๐.๐๐")
    expect(page.locator("main")).to_contain_text("นางสมศรี ใจดี")
    page.goto(f"{live_server.url}/funds/poverty/reports/district/4201/")
    expect(page.locator("main")).to_contain_text("๒๖(๑)")
    expect(page.locator("main")).to_contain_text("๑๐,๐๐๐.๐๐")

    # a second officer takes the fund over: both sign, and the new officer sees everything
    page.goto(f"{live_server.url}/funds/handovers/")
    page.get_by_role("link", name="บันทึกการส่งมอบงานของเจ้าหน้าที่").click()
    page.get_by_role("combobox", name="ผู้รับมอบ", exact=True).select_option(label="d4201-b รับมอบ — พัฒนากรปฏิบัติการ")
    page.get_by_role("textbox", name="วันที่ส่งมอบ").fill("๑๕/๑/๒๕๖๘")
    page.get_by_role("combobox", name="เหตุที่ส่งมอบ", exact=True).select_option(label="ย้าย")
    page.get_by_label(str(fund)).check()
    page.get_by_role("button", name="บันทึก", exact=True).click()
    handed = page.get_by_test_id("handover-fund")
    expect(handed).to_have_count(1)
    expect(handed.get_by_test_id("fund-status")).to_contain_text("๑๐,๐๐๐.๐๐")
    for box in handed.locator("input[type=checkbox]").all():
        box.check()
    page.get_by_role("button", name="บันทึกรายการตรวจรับ").click()
    page.get_by_role("button", name="ลงนามส่งมอบ").click()
    expect(page.get_by_test_id("outgoing")).to_contain_text("ลงนามส่งมอบแล้ว")
    page.context.clear_cookies()
    log_in(page, live_server, "d4201-b", "pw-d4201-b")
    page.goto(f"{live_server.url}/funds/handovers/mine/")
    page.get_by_test_id("pending").get_by_role("link").click()
    page.get_by_role("button", name="ลงนามรับมอบ").click()
    expect(page.get_by_test_id("handover-status")).to_have_text("ลงนามครบแล้ว")
    page.goto(f"{live_server.url}/funds/poverty/{fund.pk}/")
    expect(page.get_by_test_id("loans")).to_contain_text("นางสมศรี ใจดี")
    expect(page.get_by_test_id("outstanding-total")).to_have_text("๑๐,๐๐๐.๐๐")
    expect(page.get_by_test_id("households").locator("tbody tr")).to_have_count(3)

    # the province reads the list with the outstanding amount, and cannot add
    page.context.clear_cookies()
    log_in(page, live_server, "p42", "pw-p42")
    page.goto(f"{live_server.url}/funds/poverty/")
    expect(page.get_by_test_id("fund-outstanding")).to_have_text("๑๐,๐๐๐.๐๐")
    expect(page.get_by_role("link", name="เพิ่มกองทุน")).to_have_count(0)
