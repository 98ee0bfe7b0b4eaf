"""A district fills the สัมมาชีพชุมชน report with two groups and a photo and submits; the province
returns it; the district resubmits; the province approves and prints the PDF; the completeness grid
counts it; the approved report refuses an edit."""

import re
from datetime import date

from playwright.sync_api import expect

from cdd_portal.accounts.models import Office, Role
from cdd_portal.thai import to_thai_digits as thai_digits
from reports import services
from reports.models import FormDefinition, Submission
from reports.selectors import STATE_LABELS
from tests.conftest import make_user
from tests.e2e.conftest import ARTIFACTS, export_through_worker, log_in
from tests.pdf import missing, pdf_text


def current_period():
    form = FormDefinition.objects.get(code="samma-acheep-progress")
    today = date.today()
    fiscal = today.year + 543 + (1 if today.month >= 10 else 0)
    return next(p for p in services.generate_periods(form, fiscal) if p.start <= today <= p.end)


def test_fill_return_resubmit_approve(page, live_server, geography):
    period = current_period()
    make_user("d3401", "3401", Role.DISTRICT_OFFICER, position="พัฒนาการอำเภอ")
    make_user("p34", "34", Role.PROVINCE_STAFF)

    log_in(page, live_server, "d3401", "pw-d3401")
    page.get_by_role("navigation").get_by_role("link", name="แบบรายงาน").click()
    page.get_by_role("button", name="กรอกรายงาน").nth(period.start.month - 10 if period.start.month >= 10
                                                         else period.start.month + 2).click()
    expect(page.get_by_test_id("status")).to_have_text("ร่าง")
    groups = page.locator("#table-groups")
    row1 = groups.locator("tbody tr").nth(0)
    row1.get_by_label("ที่อยู่").fill("บ้านหนองบัว หมู่ที่ ๕")
    row1.get_by_label("ชื่อกลุ่ม").fill("กลุ่มทอผ้าลายโบราณ")
    row1.get_by_label("ผลิตภัณฑ์ของกลุ่ม").fill("ผ้าทอ")
    row1.get_by_label("สมาชิก (คน)").fill("๒๕")
    row1.get_by_label("การลงทะเบียน OTOP").select_option("registered")
    page.get_by_role("button", name="+ เพิ่มแถว").first.click()
    row2 = groups.locator("tbody tr").nth(1)
    row2.get_by_label("ที่อยู่").fill("บ้านโนน หมู่ที่ ๓")
    row2.get_by_label("ชื่อกลุ่ม").fill("กลุ่มข้าวอินทรีย์")
    row2.get_by_label("ผลิตภัณฑ์ของกลุ่ม").fill("ข้าว")
    row2.get_by_label("สมาชิก (คน)").fill("1,020")
    row2.get_by_label("การลงทะเบียน OTOP").select_option("not_registered")
    expect(groups.locator("[data-total-for=members]")).to_have_text("๑,๐๔๕")  # recomputed as typed
    clusters = page.locator("#table-clusters tbody tr").nth(0)
    clusters.get_by_label("ชื่อคลัสเตอร์").fill("คลัสเตอร์ผลิตภัณฑ์ผ้าทอ")
    clusters.get_by_label("ลักษณะที่รวมกันเป็นคลัสเตอร์").select_option("same_product")
    clusters.get_by_label("ประกอบด้วยกลุ่มอาชีพ").fill("กลุ่มทอผ้าลายโบราณ")
    page.get_by_label("สถานภาพ").select_option("in_progress")
    page.locator("input[name=process-survey-done]").check()
    page.get_by_label("ข้อมูล ณ วันที่").fill("๑๕/๐๙/๒๕๖๓")
    page.get_by_label("ได้รับจัดสรรงบประมาณ (บาท)").fill("๑๒,๐๐๐")
    page.get_by_label("เบิกจ่ายแล้ว (บาท)").fill("๙,๐๐๐")
    page.get_by_label("ชื่อผู้รายงาน").fill("นางสาวทดสอบ ใจดี")
    page.get_by_role("button", name="บันทึกฉบับร่าง").click()
    expect(page.locator(".messages")).to_contain_text("บันทึกฉบับร่างแล้ว")
    # A photo of the second group, attached to the row it proves.
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (107, 42, 140)).save(buffer, format="PNG")
    page.get_by_label("แนบกับ").select_option(label="๑.๑ แถวที่ ๒ กลุ่มข้าวอินทรีย์")
    page.get_by_label("รูปภาพหรือไฟล์ PDF (ไม่เกิน ๑๐ MB)").set_input_files(
        files=[{"name": "group2.png", "mimeType": "image/png", "buffer": buffer.getvalue()}])
    page.get_by_role("button", name="แนบไฟล์").click()
    expect(page.get_by_test_id("attachments")).to_contain_text("group2.png")
    page.get_by_role("button", name="ส่งรายงาน").click()
    expect(page.get_by_test_id("status")).to_have_text("ส่งแล้ว รอตรวจ")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "submission.png"), full_page=True)
    submission = Submission.objects.get()
    assert submission.data["budget"]["percent"] == "75.00" and len(submission.data["groups"]) == 2

    page.get_by_role("button", name="ออกจากระบบ").click()
    log_in(page, live_server, "p34", "pw-p34")
    page.goto(f"{live_server.url}/reports/submissions/{submission.pk}/")
    page.get_by_label("เหตุผล").fill("กรุณาตรวจยอดเบิกจ่าย")
    page.get_by_role("button", name="ส่งกลับให้แก้ไข").click()
    expect(page.get_by_test_id("status")).to_have_text("ส่งกลับให้แก้ไข")

    page.get_by_role("button", name="ออกจากระบบ").click()
    log_in(page, live_server, "d3401", "pw-d3401")
    page.goto(f"{live_server.url}/reports/submissions/{submission.pk}/")
    expect(page.locator(".card").first).to_contain_text("กรุณาตรวจยอดเบิกจ่าย")
    page.get_by_label("เบิกจ่ายแล้ว (บาท)").fill("๑๐,๐๐๐")
    page.get_by_role("button", name="ส่งรายงาน").click()
    expect(page.get_by_test_id("status")).to_have_text("ส่งแล้ว รอตรวจ")

    page.get_by_role("button", name="ออกจากระบบ").click()
    log_in(page, live_server, "p34", "pw-p34")
    page.goto(f"{live_server.url}/reports/submissions/{submission.pk}/")
    page.get_by_role("button", name="อนุมัติ").click()
    expect(page.get_by_test_id("status")).to_have_text("อนุมัติแล้ว")
    # The PDF through the worker: the district, the rows and the signature block, Thai digits, B.E. dates.
    text = pdf_text(export_through_worker(page, "พิมพ์ PDF", "ดาวน์โหลด PDF"))
    assert not missing(text, "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี", "กลุ่มทอผ้าลายโบราณ", "กลุ่มข้าวอินทรีย์", "๑,๐๔๕",
                       "ลงชื่อ", "ผู้รายงาน", "(นางสาวทดสอบใจดี)", "ตำแหน่งพัฒนาการอำเภอ", "๑๐,๐๐๐")
    assert re.search("วันที่[๐-๙]{1,2}[ก-์]+๒๕[๐-๙]{2}", text) and "1,045" not in text
    # The completeness grid of Ubon for this monthly form: one approved, the rest by their due dates.
    page.goto(f"{live_server.url}/reports/forms/{period.form_id}/completeness/?fiscal_year={period.fiscal_year}")
    offices = Office.objects.filter(province_id="34", level="district").count()
    periods = list(period.form.periods.filter(fiscal_year=period.fiscal_year))
    overdue = sum(1 for p in periods if p.due_date < date.today())
    expected = {"approved": 1, "missing": overdue * offices, "not_due": (len(periods) - overdue) * offices - 1,
                "late": 0, "draft": 0, "submitted": 0, "returned": 0}
    for state, n in expected.items():
        badge = page.locator(f"[data-testid=counts] [data-state={state}]")
        expect(badge).to_have_text(re.compile(rf"^{re.escape(STATE_LABELS[state])}\s+{thai_digits(f'{n:,}')}$"))
    expect(page.locator("table.completeness td.state-approved")).to_have_count(1)
    page.screenshot(path=str(ARTIFACTS / "completeness.png"), full_page=True)

    page.get_by_role("button", name="ออกจากระบบ").click()
    log_in(page, live_server, "d3401", "pw-d3401")
    page.goto(f"{live_server.url}/reports/submissions/{submission.pk}/")
    expect(page.get_by_role("alert").first).to_contain_text("อนุมัติแล้ว แก้ไขไม่ได้")
    expect(page.get_by_role("button", name="บันทึกฉบับร่าง")).to_have_count(0)
    assert Submission.objects.get().data["budget"]["spent"] == "10000.00"
    assert page.outside_requests == []


def test_what_was_typed_survives_a_lost_session(page, live_server, geography):
    period = current_period()
    officer = make_user("d3401", "3401", Role.DISTRICT_OFFICER)
    submission = services.open_submission(officer, period.form, period)
    log_in(page, live_server, "d3401", "pw-d3401")
    url = f"{live_server.url}/reports/submissions/{submission.pk}/"
    page.goto(url)
    row1 = page.locator("#table-groups tbody tr").nth(0)
    row1.get_by_label("ชื่อกลุ่ม").fill("กลุ่มที่ยังไม่ได้บันทึก")
    page.get_by_role("button", name="+ เพิ่มแถว").first.click()
    page.locator("#table-groups tbody tr").nth(1).get_by_label("ชื่อกลุ่ม").fill("แถวที่สอง")
    page.context.clear_cookies()  # the session is gone before the user pressed บันทึก
    log_in(page, live_server, "d3401", "pw-d3401")
    page.goto(url)
    page.get_by_role("button", name="นำข้อมูลที่ยังไม่ได้บันทึกกลับมา").click()
    expect(page.locator("#table-groups tbody tr").nth(0).get_by_label("ชื่อกลุ่ม")).to_have_value("กลุ่มที่ยังไม่ได้บันทึก")
    expect(page.locator("#table-groups tbody tr").nth(1).get_by_label("ชื่อกลุ่ม")).to_have_value("แถวที่สอง")
    page.get_by_role("button", name="บันทึกฉบับร่าง").click()
    expect(page.locator("#draft-restore")).to_be_hidden()
    assert Submission.objects.get().data["groups"][1]["name"] == "แถวที่สอง"
