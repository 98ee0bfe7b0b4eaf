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
