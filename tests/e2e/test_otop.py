"""OTOP as the offices keep it: d3401 registers a producer and its product (sub-group, price, a standard),
records the year's registration; the district head approves; the province head certifies; the province
page counts the product. The clock stands on 16 February 2025 (B.E. 2568), moving from there."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from cdd_portal.accounts.models import Role
from cdd_portal.geo import services as geo_services
from cdd_portal.geo.models import Subdistrict
from otop.models import Producer, ProducerRegistration, Product
from tests.conftest import make_user
from tests.e2e.conftest import ARTIFACTS, log_in


@pytest.fixture
def mid_year(time_machine, settings):
    time_machine.move_to(datetime(2025, 2, 16, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")))
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True  # cookie expiry from the frozen clock would be past
    settings.CSRF_USE_SESSIONS = True


def test_a_producer_is_registered_approved_and_certified(page, live_server, geography, mid_year):
    officer = make_user("d3401", "3401", Role.DISTRICT_OFFICER)
    make_user("d3401-head", "3401", Role.DISTRICT_HEAD)
    make_user("p34-head", "34", Role.PROVINCE_HEAD)
    geo_services.create_village(officer, subdistrict=Subdistrict.objects.get(code="340101"), number=3,
                                name_th="บ้านนาโพธิ์")

    log_in(page, live_server, "d3401", "pw-d3401")
    page.get_by_role("navigation").get_by_role("link", name="OTOP และกลุ่มอาชีพ").click()
    page.goto(f"{live_server.url}/otop/producers/new/")
    page.get_by_label("ประเภทผู้ผลิต").select_option("community_group")
    page.get_by_label("ชื่อผู้ผลิต ผู้ประกอบการ").fill("กลุ่มทอผ้าไหมบ้านนาโพธิ์")
    page.get_by_label("ประธานกลุ่ม (กลุ่มผู้ผลิตชุมชน) หรือเจ้าของ/ผู้ประกอบการ").fill("นางบุญมี ทอดี")
    page.get_by_label("หมู่บ้าน").select_option(label="หมู่ที่ ๓ บ้านนาโพธิ์ ต.ในเมือง")
    page.get_by_label("ชุมชนมีส่วนร่วมในการผลิต").check()
    page.get_by_label("จำนวนสมาชิก (คน)").fill("๒๕")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.locator(".messages")).to_be_visible()
    producer = Producer.objects.get()

    page.goto(f"{live_server.url}/otop/products/new/?producer={producer.pk}")
    page.get_by_label("ผู้ผลิต ผู้ประกอบการ").select_option(str(producer.pk))
    page.get_by_label("ชื่อผลิตภัณฑ์").fill("ผ้าไหมมัดหมี่ลายนาคน้อย")
    page.get_by_label("ประเภทและกลุ่มผลิตภัณฑ์").select_option("3.1")
    page.get_by_label("ราคา (บาท)").fill("๑,๒๐๐")
    page.get_by_label("หน่วยนับ").fill("ผืน")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.locator(".messages")).to_be_visible()
    product = Product.objects.get()
    assert product.category == "3" and str(product.price) == "1200.00"

    page.goto(f"{live_server.url}/otop/registrations/?year=2568&district=3401")
    page.get_by_role("button", name="บันทึกการลงทะเบียนผู้ผลิตที่ยังดำเนินการอยู่ทั้งหมด").click()
    expect(page.get_by_test_id("registrations")).to_contain_text("กลุ่มทอผ้าไหมบ้านนาโพธิ์")
    expect(page.get_by_role("button", name="อนุมัติรายการที่เลือก")).to_have_count(0)  # an officer records only
    page.get_by_role("button", name="ออกจากระบบ").click()

    log_in(page, live_server, "d3401-head", "pw-d3401-head")
    page.goto(f"{live_server.url}/otop/registrations/?year=2568&district=3401")
    page.get_by_label("เลือก กลุ่มทอผ้าไหมบ้านนาโพธิ์").check()
    page.get_by_role("button", name="อนุมัติรายการที่เลือก").click()
    expect(page.locator(".messages")).to_be_visible()
    assert ProducerRegistration.objects.get().status == "approved"
    page.get_by_role("button", name="ออกจากระบบ").click()

    log_in(page, live_server, "p34-head", "pw-p34-head")
    page.goto(f"{live_server.url}/otop/registrations/province/?year=2568")
    page.get_by_label("เลือก กลุ่มทอผ้าไหมบ้านนาโพธิ์").check()
    page.get_by_role("button", name="รับรองรายการที่เลือก").click()
    expect(page.locator(".messages")).to_be_visible()
    assert ProducerRegistration.objects.get().status == "certified"

    page.goto(f"{live_server.url}/otop/province/")
    expect(page.locator("tr", has_text="เมืองอุบลราชธานี").first).to_contain_text("๑")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "otop-province.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/otop/products/")
    page.screenshot(path=str(ARTIFACTS / "otop-products-390.png"), full_page=True)
    assert page.outside_requests == []
