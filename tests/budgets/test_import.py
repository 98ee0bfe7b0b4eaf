import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import Workbook, load_workbook

from budgets import imports, services
from budgets.models import Allocation, AllocationImport
from cdd_portal.geo.models import District, Province
from tests.generators import service_centre_activity

pytestmark = pytest.mark.django_db

# Seed 001 as Ubon keeps it: titles, a two-line header with "งบประมาณ" over merged columns, the
# district names as the document spells them (ตาลชุม, บุญศรี), the province line first, a รวม row.
SEED_001_NAMES = ["กุดข้าวปุ้น", "เขมราฐ", "เขื่องใน", "โขงเจียม", "ดอนมดแดง", "เดชอุดม", "ตระการพืชผล", "ตาลชุม",
                  "ทุ่งศรีอุดม", "นาจะหลวย", "นาตาล", "นาเยีย", "น้ำขุ่น", "น้ำยืน", "บุญศรี", "พิบูลมังสาหาร",
                  "โพธิ์ไทร", "ม่วงสามสิบ", "เมืองอุบลราชธานี", "วารินชำราบ", "ศรีเมืองใหม่", "สว่างวีระวงศ์", "สำโรง",
                  "สิรินธร", "เหล่าเสือโก้ก"]


def seed_001_workbook(names=SEED_001_NAMES) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["ทะเบียนการจัดสรรงบประมาณกิจกรรมตามแผนการปฏิบัติงานและแผนการใช้จ่ายงบประมาณ"])
    ws.append(["ประจำปีงบประมาณ พ.ศ.2563"])
    ws.append(["แผนงานบูรณาการพัฒนาและส่งเสริมเศรษฐกิจฐานราก"])
    ws.append(["จังหวัด/อำเภอ", "โครงการพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก"])
    ws.append([None, "ดำเนินการระดับอำเภอ ไตรมาส 3"])
    ws.append([None, "งบประมาณ"])
    ws.merge_cells("B6:C6")
    ws.append(["สพจ.อุบลราชธานี", None, 3600])
    for name in names:
        ws.append([name, None, 1500])
    ws.append(["รวม", None, "=SUM(C7:C32)"])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def register(province_staff):
    return services.open_register(province_staff, activity=service_centre_activity(),
                                  province=Province.objects.get(code="34"), stated_budget=Decimal("41100"))


def test_seed_001_is_read_and_its_two_misspellings_are_caught(province_staff, register):
    imp = imports.start_import(province_staff, register, io.BytesIO(seed_001_workbook()), "seed001.xlsx")
    assert len(imp.rows) == 26
    assert imp.rows[0]["office"] == "34" and imp.rows[0]["amount"] == "3600"
    bad = {r["name"]: r for r in imp.invalid_rows}
    assert set(bad) == {"ตาลชุม", "บุญศรี"}
    assert bad["ตาลชุม"]["suggestions"][0] == "ตาลสุม"
    assert "บุณฑริก" in bad["บุญศรี"]["suggestions"]
    assert bad["ตาลชุม"]["errors"] == ["ไม่พบอำเภอ «ตาลชุม» ในจังหวัดอุบลราชธานี"]
    with pytest.raises(ValidationError, match="ยังมี 2 แถว"):
        imports.confirm_import(province_staff, imp)
    assert not Allocation.objects.exists()
    sheet = load_workbook(io.BytesIO(imports.rejected_rows_workbook(imp))).active
    rejected = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rejected] == ["ตาลชุม", "บุญศรี"] and rejected[0][6].startswith("ตาลสุม")


def test_a_corrected_file_imports_and_reconciles(province_staff, register):
    names = [n.replace("ตาลชุม", "ตาลสุม").replace("บุญศรี", "บุณฑริก") for n in SEED_001_NAMES]
    imp = imports.start_import(province_staff, register, io.BytesIO(seed_001_workbook(names)), "fixed.xlsx")
    assert not imp.invalid_rows
    assert imports.summary(imp)["rows_total"] == Decimal("41100") and imports.summary(imp)["matches_stated"]
    assert imports.confirm_import(province_staff, imp) == 26
    assert services.reconciliation(register)["balanced"]
    assert AllocationImport.objects.get().status == "imported"
    assert Allocation.objects.get(register=register, office__code="3420").amount == Decimal("1500.00")


def test_only_the_province_office_imports(officer, other_province_staff, register):
    for user in (officer, other_province_staff):
        with pytest.raises(PermissionDenied):
            imports.start_import(user, register, io.BytesIO(seed_001_workbook()), "x.xlsx")


def test_a_file_without_the_columns_is_refused(province_staff, register):
    wb = Workbook()
    wb.active.append(["ชื่อ", "เงิน"])
    buffer = io.BytesIO()
    wb.save(buffer)
    with pytest.raises(ValidationError, match="ไม่พบหัวตาราง"):
        imports.start_import(province_staff, register, io.BytesIO(buffer.getvalue()), "x.xlsx")


def test_districts_of_ubon_are_25():
    assert District.objects.filter(province_id="34", kind="district").count() == len(SEED_001_NAMES)


def test_import_pages(login, province_staff, register):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(province_staff)
    assert "นำเข้าจากไฟล์ Excel" in client.get(f"/budgets/registers/{register.pk}/").content.decode()
    response = client.post(f"/budgets/registers/{register.pk}/import/",
                           {"file": SimpleUploadedFile("seed001.xlsx", seed_001_workbook())})
    imp = AllocationImport.objects.get()
    assert response["Location"] == f"/budgets/imports/{imp.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "ไม่พบอำเภอ «ตาลชุม» ในจังหวัดอุบลราชธานี" in page and "ตาลสุม" in page and "บุณฑริก" in page
    client.post(f"/budgets/imports/{imp.pk}/confirm/")
    assert not Allocation.objects.exists()
    assert client.get(f"/budgets/imports/{imp.pk}/rejected.xlsx")["Content-Type"].startswith("application/vnd")


@pytest.mark.parametrize(("who", "status"), [("officer", 403), ("neighbour_officer", 404), ("far_officer", 404),
                                             ("other_province_staff", 404), ("viewer", 403)])
def test_import_pages_refuse_everyone_but_the_province_office(request, login, province_staff, register, who,
                                                              status):
    imp = imports.start_import(province_staff, register, io.BytesIO(seed_001_workbook()), "seed001.xlsx")
    if who == "officer":  # 3401 has no allocation in this register yet: it does not see it
        status = 404
    client = login(request.getfixturevalue(who))
    assert client.get(f"/budgets/registers/{register.pk}/import/").status_code == status
    assert client.get(f"/budgets/imports/{imp.pk}/").status_code == status
    assert client.post(f"/budgets/imports/{imp.pk}/confirm/").status_code == status
    assert client.get(f"/budgets/imports/{imp.pk}/rejected.xlsx").status_code == status
