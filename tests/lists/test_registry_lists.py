"""Registry lists to and from workbooks (cdd_portal.lists), tried on the savings-group registry: a file as
offices keep it (a title above the header, wrapped headers in other words, Thai digits, a misspelled village,
an unlabelled total row) is checked row by row and nothing is written until the district confirms."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from cdd_portal.geo import services as geo_services
from cdd_portal.geo.models import District, Subdistrict
from cdd_portal.lists import exports, imports
from cdd_portal.lists.models import ListImport
from funds import services
from funds.models import SavingsGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def villages(officer):
    sub = Subdistrict.objects.get(code="340101")
    return [geo_services.create_village(officer, subdistrict=sub, number=3, name_th="บ้านนาโพธิ์"),
            geo_services.create_village(officer, subdistrict=sub, number=5, name_th="บ้านหนองบัว")]


def workbook(rows: list[list]) -> SimpleUploadedFile:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile("groups.xlsx", buffer.getvalue())


AS_KEPT = [
    ["ทะเบียนกลุ่มออมทรัพย์เพื่อการผลิต อำเภอเมืองอุบลราชธานี ปี ๒๕๖๘"],
    [],
    ["ลำดับ", "ชื่อกลุ่ม\nออมทรัพย์ฯ", "หมู่ที่", "หมู่บ้าน", "วันก่อตั้ง", "สมาชิก (คน)"],
    ["๑", "กลุ่มออมทรัพย์บ้านนาโพธิ์", "๓", "บ้านนาโพธิ์", "๑/๖/๒๕๕๘", "๑๒๐"],
    ["๒", "กลุ่มออมทรัพย์บ้านหนองบัว", "5", "บ้านหนองบวั", "1/10/2560", "80"],
    [None, None, None, None, None, "200"],
]


def test_a_file_as_kept_is_checked_and_nothing_is_written_until_confirmed(officer, villages):
    imp = imports.start_import(officer, "savings-groups", workbook(AS_KEPT))
    assert imp.header[1] == "ชื่อกลุ่ม ออมทรัพย์ฯ" and set(imp.mapping) >= {"name", "village_no", "village", "founded_on"}
    assert [s["row"] for s in imp.skipped] == [6]  # the unlabelled total of members
    good, bad = imp.rows
    assert good["errors"] == [] and good["values"]["village"] == villages[0].pk
    assert good["values"]["founded_on"] == "2015-06-01"
    assert bad["errors"] == ["ไม่พบหมู่บ้าน «หมู่ที่ 5 บ้านหนองบวั» ในอำเภอเมืองอุบลราชธานี"]
    assert bad["suggestions"] == ["หมู่ที่ 5 บ้านหนองบัว ต.ในเมือง"]
    assert not SavingsGroup.objects.exists()
    with pytest.raises(Exception, match="ยังมี ๑ แถวที่ไม่ผ่านการตรวจสอบ"):
        imports.confirm_import(officer, imp, only_valid=False)
    assert not SavingsGroup.objects.exists()
    assert imports.confirm_import(officer, imp, only_valid=True) == 1
    assert list(SavingsGroup.objects.values_list("name", flat=True)) == ["กลุ่มออมทรัพย์บ้านนาโพธิ์"]


def test_an_unknown_header_is_mapped_by_the_user(login, officer, villages):
    rows = [["ชื่อองค์กรชุมชน", "บ้าน"], ["กลุ่มออมทรัพย์บ้านนาโพธิ์", "หมู่ที่ ๓ บ้านนาโพธิ์"]]
    client = login(officer)
    answer = client.post("/lists/savings-groups/import/", {"file": workbook(rows)})
    imp = ListImport.objects.get()
    assert answer.status_code == 302 and imp.rows == [] and "name" not in imp.mapping
    page = client.get(f"/lists/imports/{imp.pk}/").content.decode()
    assert "ยังไม่พบคอลัมน์ที่จำเป็น:" in page and "ชื่อกลุ่ม" in page
    client.post(f"/lists/imports/{imp.pk}/", {"col-name": "0", "col-village": "1"})
    imp.refresh_from_db()
    assert [r["errors"] for r in imp.rows] == [[]] and imp.rows[0]["values"]["village"] == villages[0].pk
    client.post(f"/lists/imports/{imp.pk}/confirm/")
    assert SavingsGroup.objects.get().village == villages[0]


def test_a_file_too_long_or_not_a_workbook_is_refused_in_thai(officer, monkeypatch):
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    rows = [["ชื่อกลุ่ม"]] + [[f"กลุ่ม {n}"] for n in range(10)]
    with pytest.raises(Exception, match="ไฟล์มีข้อมูลเกิน ๓ แถว"):
        imports.start_import(officer, "savings-groups", workbook(rows))
    with pytest.raises(Exception, match="อ่านไฟล์ไม่ได้"):
        imports.start_import(officer, "savings-groups", SimpleUploadedFile("x.xlsx", b"<html>not a workbook"))


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer"])
def test_another_district_neither_sees_nor_decides_an_import(request, login, officer, villages, who):
    imp = imports.start_import(officer, "savings-groups", workbook(AS_KEPT))
    client = login(request.getfixturevalue(who))
    for url in (f"/lists/imports/{imp.pk}/", f"/lists/imports/{imp.pk}/rejected.xlsx"):
        assert client.get(url).status_code == 404
    assert client.post(f"/lists/imports/{imp.pk}/confirm/", {"only_valid": "1"}).status_code == 404
    assert not SavingsGroup.objects.exists()


def test_the_province_reads_an_import_but_cannot_upload_or_confirm(login, officer, province_staff, villages):
    imp = imports.start_import(officer, "savings-groups", workbook(AS_KEPT))
    client = login(province_staff)
    assert client.get(f"/lists/imports/{imp.pk}/").status_code == 200
    assert client.get("/lists/savings-groups/import/").status_code == 403
    client.post(f"/lists/imports/{imp.pk}/confirm/", {"only_valid": "1"})
    assert not SavingsGroup.objects.exists()


def test_the_export_has_every_column_in_thai_and_only_what_the_user_sees(officer, neighbour_officer, villages):
    services.create_group(officer, district=District.objects.get(pk="3401"), name="กลุ่มออมทรัพย์บ้านนาโพธิ์",
                          village=villages[0], founded_on=date(2015, 6, 1))
    services.create_group(neighbour_officer, district=District.objects.get(pk="3402"), name="กลุ่มของอำเภออื่น")
    params = exports.clean(officer, {"list": "savings-groups", "q": "นาโพธิ์"})
    assert exports.may_view(officer, params) and not exports.may_view(neighbour_officer, params)
    content, name = exports.render(params, "xlsx", lambda pct: None)
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:6] == ("ชื่อกลุ่ม", "จังหวัด", "อำเภอ", "ตำบล", "หมู่ที่", "หมู่บ้าน")
    assert rows[2][:6] == ("กลุ่มออมทรัพย์บ้านนาโพธิ์", "อุบลราชธานี", "เมืองอุบลราชธานี", "ในเมือง", 3, "บ้านนาโพธิ์")
    assert len(rows) == 3 and name.startswith("savings-groups-")
    assert sheet.cell(row=3, column=7).number_format.startswith("[$-D07041E]")  # a B.E. date in Thai digits


def test_a_bad_filter_is_refused_before_the_job_is_queued(officer):
    with pytest.raises(Exception, match="village"):
        exports.clean(officer, {"list": "savings-groups", "village": "abc"})


def test_the_rejected_rows_and_the_template_read_back(login, officer, villages):
    imp = imports.start_import(officer, "savings-groups", workbook(AS_KEPT))
    client = login(officer)
    rejected = load_workbook(io.BytesIO(client.get(f"/lists/imports/{imp.pk}/rejected.xlsx").content)).active
    rows = list(rejected.iter_rows(values_only=True))
    assert rows[0][0] == "แถวในไฟล์เดิม" and rows[1][0] == 5 and "บ้านหนองบวั" in rows[1]
    assert rows[1][-1] == "หมู่ที่ 5 บ้านหนองบัว ต.ในเมือง"
    template = load_workbook(io.BytesIO(client.get("/lists/savings-groups/template.xlsx").content))
    assert [c.value for c in template.worksheets[0][1]][:2] == ["ชื่อกลุ่ม *", "ตำบล"]
