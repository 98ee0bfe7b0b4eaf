"""A district officer imports villages from a workbook with a misspelt subdistrict."""

import io

from openpyxl import Workbook
from playwright.sync_api import expect

from cdd_portal.geo.models import Village
from tests.conftest import make_user
from tests.e2e.conftest import ARTIFACTS, log_in


def test_import_reports_the_misspelt_row_then_imports_the_valid_ones(page, live_server, tmp_path):
    make_user("d3401", "3401", "district_officer")
    wb = Workbook()
    wb.active.append(["ตำบล", "หมู่ที่", "ชื่อหมู่บ้าน"])
    for row in (("หัวเรือ", 1, "บ้านหัวเรือ"), ("หัวเรีอ", "๒", "บ้านสะกดผิด"), ("ปทุม", 3, "บ้านปทุม")):
        wb.active.append(list(row))
    path = tmp_path / "villages.xlsx"
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(buffer.getvalue())

    log_in(page, live_server, "d3401", "pw-d3401")
    page.goto(live_server.url + "/villages/")
    page.get_by_role("link", name="นำเข้าจากไฟล์ Excel").click()
    page.get_by_label("ไฟล์ Excel (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="ตรวจสอบไฟล์").click()

    expect(page.get_by_test_id("import-summary")).to_contain_text("ถูกต้อง ๒ แถว")
    expect(page.get_by_test_id("import-summary")).to_contain_text("ไม่ผ่าน ๑ แถว")
    bad_row = page.locator("tr.invalid")
    expect(bad_row).to_contain_text("ไม่พบตำบล «หัวเรีอ» ในอำเภอเมืองอุบลราชธานี")
    expect(bad_row).to_contain_text("หัวเรือ")
    expect(page.get_by_role("button", name="นำเข้าทั้งหมด")).to_be_disabled()
    assert not Village.objects.exists()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "village-import.png"), full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="ดาวน์โหลดแถวที่ไม่ผ่าน (.xlsx)").click()
    assert download.value.suggested_filename.endswith("rejected.xlsx")

    page.get_by_role("button", name="นำเข้าเฉพาะแถวที่ถูกต้อง (๒ แถว)").click()
    expect(page.locator(".messages")).to_contain_text("นำเข้าหมู่บ้าน ๒ หมู่บ้านแล้ว")
    assert Village.objects.count() == 2
