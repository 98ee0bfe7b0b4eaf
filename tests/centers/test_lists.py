"""The service centre's lists as workbooks: the wisdom inventory imported with a dry run, every list
exported with its Thai headers."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from cdd_portal.geo import services as geo_services
from cdd_portal.geo.models import District, Subdistrict
from cdd_portal.lists import exports, imports
from centers import services
from centers.models import Wisdom

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(officer):
    geo_services.create_village(officer, subdistrict=Subdistrict.objects.get(code="340101"), number=3,
                                name_th="บ้านนาโพธิ์")
    return services.create_center(officer, district=District.objects.get(pk="3401"), today=date(2025, 1, 5))


def workbook(rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile("wisdom.xlsx", buffer.getvalue())


def test_the_wisdom_inventory_imports_after_a_dry_run(officer, centre):
    rows = [["คลังภูมิปัญญาท้องถิ่น อำเภอเมืองอุบลราชธานี"],
            ["ภูมิปัญญา", "สาขา", "ปราชญ์", "บ้าน"],
            ["การทอผ้าไหมลายโบราณ", "อุตสาหกรรมและหัตถกรรม", "นางบุญมี ทอดี", "หมู่ที่ ๓ บ้านนาโพธิ์"],
            ["สมุนไพรพื้นบ้าน", "การแพทย์แผนไทยโบราณ", "นายสมุน ไพร", "บ้านนาโพธ"]]
    imp = imports.start_import(officer, "center-wisdom", workbook(rows))
    good, bad = imp.rows
    assert good["errors"] == [] and good["values"]["category"] == "craft"
    assert any("ไม่พบหมู่บ้าน" in e for e in bad["errors"]) and not Wisdom.objects.exists()
    assert imports.confirm_import(officer, imp, only_valid=True) == 1
    assert Wisdom.objects.get().holder == "นางบุญมี ทอดี"


def test_every_centre_list_exports_with_thai_headers(officer, centre):
    services.record_activity(officer, centre, date=date(2025, 2, 14), kind="market", title="ตลาดนัดชุมชน",
                             target_groups=["otop_entrepreneur"], count_registered=30, today=date(2025, 2, 15))
    for name in ("service-centers", "center-members", "center-meetings", "center-activities", "center-plans",
                 "center-wisdom"):
        content, _name = exports.render(exports.clean(officer, {"list": name}), "xlsx", lambda pct: None)
        rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
        assert rows[1][:2] == ("จังหวัด", "อำเภอ"), name
    content, _name = exports.render(exports.clean(officer, {"list": "center-activities"}), "xlsx", lambda p: None)
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert rows[2][2:6] == (rows[2][2], "จัดช่องทางตลาด", "ตลาดนัดชุมชน", "ผู้ประกอบการ OTOP")
