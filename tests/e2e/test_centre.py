"""The service centre as a district officer keeps it (issue #8's acceptance): d3401 records its centre,
a committee of 12 from an appointment order with its signed PDF, one meeting and two activities with
photos; the centre page says which 2020 rules hold; the quarter's operations report opens prefilled with
those activities; p34 sees the district on the province page.

The clock stands on 16 February 2025 (B.E. 2568, quarter 2 of the fiscal year), moving from there. Cookies
are kept for the browser session (their expiry is computed from the frozen clock, which the browser's own
clock would find already past)."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from playwright.sync_api import expect

from cdd_portal.accounts.models import Role
from cdd_portal.files.models import Attachment
from centers.models import Activity, CommitteeMember, ServiceCenter
from reports.models import Submission
from tests.conftest import make_user
from tests.e2e.conftest import ARTIFACTS, log_in

SIGNED_ORDER = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
COMMITTEE = ([("นายอำเภอเมืองอุบลราชธานี", "chair", "district_chief"),
              ("นางสาวพัฒนา ชุมชน", "secretary", "district_cdd")]
             + [(f"ผู้แทนหน่วยงาน {n}", "member", "agency") for n in range(1, 6)]
             + [(f"ผู้นำกลุ่มอาชีพ {n}", "member", "group_leader") for n in range(1, 6)])


def photo(colour) -> dict:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 90), colour).save(buffer, format="PNG")
    return {"name": f"photo-{colour[0]}.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


@pytest.fixture
def mid_quarter(time_machine, settings):
    time_machine.move_to(datetime(2025, 2, 16, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")))
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_USE_SESSIONS = True


def test_a_district_keeps_its_centre_and_reports_from_it(page, live_server, geography, mid_quarter):
    make_user("d3401", "3401", Role.DISTRICT_OFFICER, position="นักวิชาการพัฒนาชุมชน")
    make_user("p34", "34", Role.PROVINCE_STAFF)
    log_in(page, live_server, "d3401", "pw-d3401")

    # the centre, at the district office (the default)
    page.get_by_role("navigation").get_by_role("link", name="ศูนย์บริการฯ").click()
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอเมืองอุบลราชธานี")
    center = ServiceCenter.objects.get()

    # the order and its twelve members, typed at once, with the signed copy
    page.get_by_role("link", name="บันทึกคำสั่งแต่งตั้งและรายชื่อกรรมการ").click()
    page.get_by_label("เลขที่คำสั่ง").fill("๑๒/๒๕๖๘")
    page.get_by_label("ลงวันที่ (พ.ศ.)").fill("๖/๑/๒๕๖๘")
    page.get_by_label("ผู้ลงนาม", exact=True).fill("นายอำเภอเมืองอุบลราชธานี")
    page.get_by_label("สำเนาคำสั่งที่ลงนามแล้ว (PDF หรือรูปภาพ)").set_input_files(
        {"name": "order-12-2568.pdf", "mimeType": "application/pdf", "buffer": SIGNED_ORDER})
    for n, (name, position, seat) in enumerate(COMMITTEE):
        page.locator(f"[name=m-{n}-name]").fill(name)
        page.locator(f"[name=m-{n}-position]").select_option(position)
        page.locator(f"[name=m-{n}-seat]").select_option(seat)
    page.get_by_role("button", name="บันทึกคำสั่งและรายชื่อกรรมการ").click()
    expect(page.get_by_test_id("members").locator("tbody tr")).to_have_count(12)
    composition = page.get_by_test_id("composition")
    for rule in ("size", "chair", "secretary", "agencies", "leaders"):
        expect(composition.locator(f"[data-rule={rule}]")).to_have_attribute("data-met", "1")
    expect(composition).to_contain_text("องค์ประกอบครบตามแนวทาง")
    expect(page.get_by_test_id("orders")).to_contain_text("order-12-2568.pdf")
    assert CommitteeMember.objects.filter(center=center).count() == 12
    assert Attachment.objects.filter(purpose="order").count() == 1

    # one meeting this quarter
    page.get_by_role("link", name="บันทึกการประชุม").click()
    page.get_by_label("วันที่ประชุม (พ.ศ.)").fill("๑๐/๒/๒๕๖๘")
    page.get_by_label("จำนวนผู้เข้าประชุม (คน)").fill("๑๑")
    page.get_by_label("วาระการประชุม").fill("พิจารณาแผนไตรมาสที่ ๒")
    page.get_by_role("button", name="บันทึก", exact=True).click()

    # two activities with photos, this month
    for day, kind, title, colour in (("๑๔/๒/๒๕๖๘", "market", "ตลาดนัดผลิตภัณฑ์ชุมชนวันวาเลนไทน์", (200, 40, 90)),
                                     ("๑๕/๒/๒๕๖๘", "counselling", "ให้คำปรึกษากลุ่มทอผ้าบ้านหนองบัว", (40, 90, 200))):
        page.goto(f"{live_server.url}/centers/{center.pk}/")
        page.get_by_role("link", name="บันทึกกิจกรรม").click()
        page.get_by_label("วันที่จัดกิจกรรม (พ.ศ.)").fill(day)
        page.get_by_label("ประเภทกิจกรรม").select_option(kind)
        page.get_by_label("ชื่อกิจกรรม").fill(title)
        page.get_by_role("checkbox", name="ผู้ประกอบการ OTOP", exact=True).check()
        page.get_by_label("ผู้ผลิต ผู้ประกอบการ OTOP ที่ลงทะเบียนแล้ว (คน)").fill("๒๐")
        page.get_by_label("ภาพถ่าย (เลือกได้หลายไฟล์: JPEG, PNG, WebP)").set_input_files([photo(colour)])
        page.get_by_role("button", name="บันทึก", exact=True).click()
        expect(page.locator(".messages")).to_be_visible()
    assert Activity.objects.count() == 2 and Attachment.objects.filter(purpose="photo").count() == 2

    page.goto(f"{live_server.url}/centers/{center.pk}/")
    guideline = page.get_by_test_id("guideline")
    expect(guideline).to_contain_text("ประชุมคณะกรรมการแล้วในไตรมาสนี้")
    expect(guideline).to_contain_text("จัดกิจกรรมแล้วในเดือนนี้ (๒ ครั้ง)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "centre-page.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(ARTIFACTS / "centre-page-390.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})

    # the quarter's operations report opens with those activities
    page.get_by_role("navigation").get_by_role("link", name="แบบรายงาน").click()
    card = page.locator(".card", has_text="แบบรายงานผลการดำเนินงานศูนย์บริการส่งเสริมเศรษฐกิจฐานราก")
    quarter = card.locator("tr").filter(has=page.get_by_role("cell", name="ไตรมาสที่ ๒ ปีงบประมาณ ๒๕๖๘", exact=True))
    quarter.get_by_role("button", name="กรอกรายงาน").click()
    rows = page.locator("#table-activities tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0).get_by_label("ชื่อกิจกรรม")).to_have_value("ตลาดนัดผลิตภัณฑ์ชุมชนวันวาเลนไทน์")
    expect(rows.nth(1).get_by_label("ชื่อกิจกรรม")).to_have_value("ให้คำปรึกษากลุ่มทอผ้าบ้านหนองบัว")
    expect(page.get_by_label("จำนวนกรรมการ (คน)")).to_have_value("12")
    expect(page.locator(".cell-advice")).to_have_count(0)  # 12 is within the guideline's 11–15
    page.get_by_role("button", name="บันทึกฉบับร่าง").click()
    expect(page.locator(".messages")).to_contain_text("บันทึกฉบับร่างแล้ว")
    page.screenshot(path=str(ARTIFACTS / "centre-report.png"), full_page=True)
    saved = Submission.objects.get(form__code="service-centre-operations")
    assert [r["title"] for r in saved.data["activities"]] == [
        "ตลาดนัดผลิตภัณฑ์ชุมชนวันวาเลนไทน์", "ให้คำปรึกษากลุ่มทอผ้าบ้านหนองบัว"]

    # the province sees the district's centre
    page.get_by_role("button", name="ออกจากระบบ").click()
    log_in(page, live_server, "p34", "pw-p34")
    page.goto(f"{live_server.url}/centers/province/")
    row = page.locator("tr", has_text="เมืองอุบลราชธานี").first
    expect(row).to_contain_text("๑๒")
    page.screenshot(path=str(ARTIFACTS / "centres-province.png"), full_page=True)
    assert page.outside_requests == []
