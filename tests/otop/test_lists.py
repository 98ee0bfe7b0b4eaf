"""The OTOP producer list as district offices keep it in Excel: one row per product with its producer.
Acceptance of issue #8: a list with a misspelled village and a product in an unknown sub-group reports
both rows and writes nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from cdd_portal.geo import services as geo_services
from cdd_portal.geo.models import Subdistrict
from cdd_portal.lists import exports, imports
from otop.models import Producer, Product

pytestmark = pytest.mark.django_db

HEADER = ["ลำดับ", "ชื่อผู้ผลิต/\nผู้ประกอบการ", "ประเภทผู้ผลิต", "ประธาน", "หมู่ที่", "หมู่บ้าน", "ความเชื่อมโยงกับชุมชน",
          "สมาชิก", "ผลิตภัณฑ์", "ประเภทผลิตภัณฑ์", "ราคา", "หน่วย"]


@pytest.fixture
def villages(officer):
    sub = Subdistrict.objects.get(code="340101")
    return [geo_services.create_village(officer, subdistrict=sub, number=3, name_th="บ้านนาโพธิ์"),
            geo_services.create_village(officer, subdistrict=sub, number=5, name_th="บ้านหนองบัว")]


def workbook(rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile("otop.xlsx", buffer.getvalue())


ROWS = [
    ["ทะเบียนผู้ผลิต ผู้ประกอบการ OTOP อำเภอเมืองอุบลราชธานี ปี ๒๕๖๘"],
    HEADER,
    ["๑", "กลุ่มทอผ้าไหมบ้านนาโพธิ์", "กลุ่มผู้ผลิตชุมชน", "นางบุญมี ทอดี", "๓", "บ้านนาโพธิ์",
     "ชุมชนมีส่วนร่วมในการผลิต, ชุมชนได้รับประโยชน์", "๒๕", "ผ้าไหมมัดหมี่", "๓.๑", "๑,๒๐๐", "ผืน"],
    ["๒", "กลุ่มทอผ้าไหมบ้านนาโพธิ์", "", "", "", "", "", "", "ผ้าขาวม้า", "ผ้า", "๒๕๐", "ผืน"],
    ["๓", "กลุ่มจักสานบ้านหนองบัว", "กลุ่มผู้ผลิตชุมชน", "นายสาน ดี", "5", "บ้านหนองบวั", "มีส่วนร่วมในการผลิต",
     "12", "ตะกร้าไม้ไผ่", "4.2", "350", "ใบ"],
    ["๔", "นางสมร ทำขนม", "เจ้าของรายเดียว", "นางสมร ทำขนม", "3", "บ้านนาโพธิ์", "ชุมชนได้รับประโยชน์", "",
     "ขนมนางเล็ด", "ขนมไทย", "60", "ถุง"],
    [None, None, None, None, None, None, None, "37", None, None, None, None],
]


def test_a_misspelled_village_and_an_unknown_sub_group_are_reported_and_nothing_is_written(officer, villages):
    imp = imports.start_import(officer, "otop-producers", workbook(ROWS))
    by_row = {r["row"]: r for r in imp.rows}
    assert by_row[3]["errors"] == [] and by_row[4]["errors"] == []
    assert by_row[3]["values"]["sub_group"] == "3.1" and by_row[4]["values"]["sub_group"] == "3.1"
    assert by_row[3]["values"]["links"] == ["production", "benefit"] and by_row[3]["values"]["members"] == 25
    assert by_row[5]["errors"] == ["ไม่พบหมู่บ้าน «หมู่ที่ 5 บ้านหนองบวั» ในอำเภอเมืองอุบลราชธานี"]
    assert by_row[5]["suggestions"] == ["หมู่ที่ 5 บ้านหนองบัว ต.ในเมือง"]
    assert by_row[6]["errors"] == ["ไม่รู้จักกลุ่มผลิตภัณฑ์ «ขนมไทย»: ใช้รหัสหรือชื่อหนึ่งใน ๑๗ กลุ่ม (๑.๑–๕.๓)"]
    assert [s["row"] for s in imp.skipped] == [7]
    assert not Producer.objects.exists() and not Product.objects.exists()
    with pytest.raises(Exception, match="ยังมี ๒ แถวที่ไม่ผ่านการตรวจสอบ"):
        imports.confirm_import(officer, imp, only_valid=False)
    assert not Producer.objects.exists() and not Product.objects.exists()


def test_the_preview_page_shows_both_rows_with_their_reasons(login, officer, villages):
    client = login(officer)
    client.post("/lists/otop-producers/import/", {"file": workbook(ROWS)})
    imp = imports.ListImport.objects.get()
    page = client.get(f"/lists/imports/{imp.pk}/").content.decode()
    assert "ไม่พบหมู่บ้าน «หมู่ที่ 5 บ้านหนองบวั»" in page and "ไม่รู้จักกลุ่มผลิตภัณฑ์ «ขนมไทย»" in page
    assert "ถูกต้อง ๒ แถว" in page and "ไม่ผ่าน ๒ แถว" in page


def test_valid_rows_make_one_producer_with_its_products(officer, villages):
    imp = imports.start_import(officer, "otop-producers", workbook(ROWS))
    assert imports.confirm_import(officer, imp, only_valid=True) == 2
    producer = Producer.objects.get()
    assert producer.name == "กลุ่มทอผ้าไหมบ้านนาโพธิ์" and producer.village == villages[0] and producer.members == 25
    assert sorted(producer.products.values_list("name", "sub_group")) == [("ผ้าขาวม้า", "3.1"), ("ผ้าไหมมัดหมี่", "3.1")]


def test_the_product_list_exports_every_column(officer, villages):
    imp = imports.start_import(officer, "otop-producers", workbook(ROWS))
    imports.confirm_import(officer, imp, only_valid=True)
    content, _name = exports.render(exports.clean(officer, {"list": "otop-products", "is_active": "true"}), "xlsx",
                                    lambda pct: None)
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert rows[1][:6] == ("จังหวัด", "อำเภอ", "ผู้ผลิต ผู้ประกอบการ", "ชื่อผลิตภัณฑ์", "ประเภทผลิตภัณฑ์", "กลุ่มผลิตภัณฑ์")
    assert {r[3] for r in rows[2:]} == {"ผ้าไหมมัดหมี่", "ผ้าขาวม้า"} and rows[2][5] == "3.1 ผ้า"
