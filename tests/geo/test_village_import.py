import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from cdd_portal.audit.models import AuditEntry
from cdd_portal.geo import imports, services
from cdd_portal.geo.matching import match_name
from cdd_portal.geo.models import District, Subdistrict, Village, VillageImport

pytestmark = pytest.mark.django_db

HEADER = ["ตำบล", "หมู่ที่", "ชื่อหมู่บ้าน"]


def workbook(*rows, header=HEADER) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(list(row))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def upload_file(content: bytes, name="villages.xlsx"):
    return SimpleUploadedFile(name, content)


CLEAN = workbook(("หัวเรือ", 1, "บ้านหัวเรือ"), ("ตำบลในเมือง", "๒", "บ้านท่าบ่อ"), ("ต.ปทุม", 3, "บ้านปทุม"))
MISSPELT = workbook(("หัวเรือ", 1, "บ้านหัวเรือ"), ("หัวเรีอ", 2, "บ้านสะกดผิด"), ("ปทุม", 3, "บ้านปทุม"))


def test_a_clean_file_imports_every_row_with_audit(officer):
    imp = imports.start_import(officer, io.BytesIO(CLEAN), "clean.xlsx")
    assert not Village.objects.exists()  # nothing written at upload
    assert len(imp.valid_rows) == 3 and not imp.invalid_rows
    assert imports.confirm_import(officer, imp, only_valid=False) == 3
    assert sorted(Village.objects.values_list("subdistrict_id", "number", "name_th")) == [
        ("340101", 2, "บ้านท่าบ่อ"), ("340104", 1, "บ้านหัวเรือ"), ("340107", 3, "บ้านปทุม"),
    ]
    assert AuditEntry.objects.filter(action="create", object_type="geo.village").count() == 3
    entry = AuditEntry.objects.get(action="import")
    assert entry.changes == {"file": "clean.xlsx", "imported": 3, "rejected": 0}
    imp.refresh_from_db()
    assert imp.status == VillageImport.Status.IMPORTED


def test_a_misspelt_subdistrict_is_reported_with_suggestions_and_nothing_is_written(officer):
    imp = imports.start_import(officer, io.BytesIO(MISSPELT), "misspelt.xlsx")
    [bad] = imp.invalid_rows
    assert bad["row"] == 3
    assert bad["errors"] == ["ไม่พบตำบล «หัวเรีอ» ในอำเภอเมืองอุบลราชธานี"]
    assert bad["suggestions"][0] == "หัวเรือ"
    with pytest.raises(ValidationError, match="ยังมี 1 แถวที่ไม่ผ่าน"):
        imports.confirm_import(officer, imp, only_valid=False)
    assert not Village.objects.exists()
    imp.refresh_from_db()
    assert imp.status == VillageImport.Status.PENDING


def test_only_valid_rows_can_be_imported_and_rejected_rows_download(officer):
    imp = imports.start_import(officer, io.BytesIO(MISSPELT), "misspelt.xlsx")
    assert imports.confirm_import(officer, imp, only_valid=True) == 2
    assert Village.objects.count() == 2
    sheet = load_workbook(io.BytesIO(imports.rejected_rows_workbook(imp))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("แถวในไฟล์เดิม", "ตำบล", "รหัสตำบล", "หมู่ที่", "ชื่อหมู่บ้าน", "ข้อผิดพลาด",
                       "ชื่อตำบลที่ใกล้เคียง")
    assert len(rows) == 2
    assert rows[1][:5] == (3, "หัวเรีอ", None, "2", "บ้านสะกดผิด")
    assert "ไม่พบตำบล" in rows[1][5] and rows[1][6].startswith("หัวเรือ")


def test_row_errors_name_what_is_wrong(officer):
    services.create_village(officer, subdistrict=Subdistrict.objects.get(code="340104"), number=9,
                            name_th="บ้านเดิม")
    content = workbook(
        ("หัวเรือ", 9, "บ้านใหม่"),          # exists already
        ("ปทุม", 4, "บ้านก"), ("ปทุม", "๔", "บ้านข"),  # duplicate within the file
        ("ปทุม", 120, "บ้านค"),              # out of range
        ("ปทุม", "ห้า", "บ้านง"),            # not a number
        ("ปทุม", 6, ""),                     # no name
        ("", 7, "บ้านจ"),                    # no subdistrict
    )
    imp = imports.start_import(officer, io.BytesIO(content), "errors.xlsx")
    errors = {r["row"]: r["errors"] for r in imp.rows}
    assert errors[2] == ["ตำบลหัวเรือมีหมู่ที่ 9 อยู่แล้ว (บ้านเดิม)"]
    assert errors[3] == []
    assert errors[4] == ["หมู่ที่ 4 ของตำบลปทุม ซ้ำกับแถวที่ 3 ในไฟล์"]
    assert errors[5] == ["หมู่ที่ต้องเป็นเลข ๑ ถึง ๙๙ (ได้ «120»)"]
    assert errors[6] == ["หมู่ที่ต้องเป็นเลข ๑ ถึง ๙๙ (ได้ «ห้า»)"]
    assert errors[7] == ["ไม่ได้กรอกชื่อหมู่บ้าน"]
    assert errors[8] == ["ไม่ได้กรอกชื่อตำบล"]


def test_a_village_added_after_the_upload_blocks_import_all(officer):
    imp = imports.start_import(officer, io.BytesIO(CLEAN), "clean.xlsx")
    services.create_village(officer, subdistrict=Subdistrict.objects.get(code="340104"), number=1, name_th="บ้านก่อน")
    with pytest.raises(ValidationError):
        imports.confirm_import(officer, imp, only_valid=False)
    assert Village.objects.count() == 1
    imp.refresh_from_db()
    assert "มีหมู่ที่ 1 อยู่แล้ว" in imp.invalid_rows[0]["errors"][0]


@pytest.mark.parametrize(("content", "message"), [
    (b"not a workbook", "อ่านไฟล์ไม่ได้"),
    (workbook(("ก", 1, "ข"), header=["ชื่อ", "เลข"]), "แถวแรกของไฟล์ต้องมีหัวคอลัมน์"),
    (workbook(), "ไม่พบข้อมูลหมู่บ้านในไฟล์"),
])
def test_unreadable_files_are_refused_in_thai(officer, content, message):
    with pytest.raises(ValidationError, match=message):
        imports.start_import(officer, io.BytesIO(content), "bad.xlsx")
    assert not VillageImport.objects.exists()


def test_a_subdistrict_code_column_wins_over_the_name(officer):
    content = workbook(("ชื่อที่ไม่มี", "340105", 1, "บ้านหนองขอน"), header=["ตำบล", "รหัสตำบล", "หมู่ที่", "ชื่อหมู่บ้าน"])
    imp = imports.start_import(officer, io.BytesIO(content), "codes.xlsx")
    assert imp.rows[0]["subdistrict"] == "340105" and not imp.rows[0]["errors"]


def test_document_spellings_match_the_official_names():
    ubon = [(d.code, d.name_th) for d in District.objects.filter(province_id="34", kind="district")]
    assert match_name("ตาลชุม", ubon).suggestions[0] == "ตาลสุม"
    assert match_name("อำเภอตาลสุม", ubon).key == "3420"
    assert "บุณฑริก" in match_name("บุญศรี", ubon, cutoff=30).suggestions


def test_only_district_offices_import(province_staff, administrator):
    for user in (province_staff, administrator):
        with pytest.raises(PermissionDenied):
            imports.start_import(user, io.BytesIO(CLEAN), "clean.xlsx")


# --- pages ------------------------------------------------------------------------------------------

def test_upload_preview_and_confirm_in_the_browser(login, officer):
    client = login(officer)
    assert client.get(reverse("geo:village-import")).status_code == 200
    response = client.post(reverse("geo:village-import"), {"file": upload_file(MISSPELT)})
    imp = VillageImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("geo:village-import-preview", args=[imp.pk])
    page = client.get(response["Location"]).content.decode()
    assert "ไม่พบตำบล «หัวเรีอ» ในอำเภอเมืองอุบลราชธานี" in page and "หัวเรือ" in page
    assert "นำเข้าเฉพาะแถวที่ถูกต้อง (๒ แถว)" in page
    response = client.post(reverse("geo:village-import-confirm", args=[imp.pk]))
    assert response.status_code == 302 and not Village.objects.exists()
    rejected = client.get(reverse("geo:village-import-rejected", args=[imp.pk]))
    assert rejected["Content-Type"].startswith("application/vnd.openxmlformats")
    client.post(reverse("geo:village-import-confirm", args=[imp.pk]), {"only_valid": "1"})
    assert Village.objects.count() == 2


def test_a_bad_upload_re_renders_the_form_with_the_thai_error(login, officer):
    response = login(officer).post(reverse("geo:village-import"), {"file": upload_file(b"junk", "x.xlsx")})
    assert response.status_code == 200
    assert "อ่านไฟล์ไม่ได้" in response.content.decode()


def test_the_template_workbook_lists_the_districts_subdistricts(login, officer):
    response = login(officer).get(reverse("geo:village-import-template"))
    wb = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in wb["หมู่บ้าน"][1]] == HEADER
    assert "หัวเรือ" in wb["คำอธิบาย"]["A6"].value


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "other_province_staff"])
def test_another_district_or_province_gets_404_on_every_import_page(request, login, officer, who):
    imp = imports.start_import(officer, io.BytesIO(CLEAN), "clean.xlsx")
    client = login(request.getfixturevalue(who))
    assert client.get(reverse("geo:village-import-preview", args=[imp.pk])).status_code == 404
    assert client.get(reverse("geo:village-import-rejected", args=[imp.pk])).status_code == 404
    assert client.post(reverse("geo:village-import-confirm", args=[imp.pk])).status_code == 404
    assert client.post(reverse("geo:village-import-cancel", args=[imp.pk])).status_code == 404
    assert not Village.objects.exists()


def test_province_staff_may_look_but_not_import(login, officer, province_staff):
    imp = imports.start_import(officer, io.BytesIO(CLEAN), "clean.xlsx")
    client = login(province_staff)
    page = client.get(reverse("geo:village-import-preview", args=[imp.pk]))
    assert page.status_code == 200 and "นำเข้าทั้งหมด" not in page.content.decode()
    assert client.post(reverse("geo:village-import-confirm", args=[imp.pk])).status_code == 403
    assert client.get(reverse("geo:village-import")).status_code == 403
    assert client.post(reverse("geo:village-import"), {"file": upload_file(CLEAN)}).status_code == 403
    assert not Village.objects.exists()


def test_anonymous_is_sent_to_login(client):
    assert client.get(reverse("geo:village-import"))["Location"].startswith(reverse("login"))
