import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from cdd_portal.accounts.models import Role
from cdd_portal.audit.models import AuditEntry
from cdd_portal.geo import imports, services
from cdd_portal.geo.matching import match_name
from cdd_portal.geo.models import District, Subdistrict, Village, VillageImport
from tests.conftest import make_user

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


# --- further cases ------------------------------------------------------------------------------------

def test_a_one_letter_misspelling_in_tan_sum_suggests_the_official_name_first():
    """ตาลชุม for ตาลสุม (the spelling of the budget workbooks), inside อำเภอตาลสุม (3420)."""
    officer_3420 = make_user("d3420", "3420", Role.DISTRICT_OFFICER)
    content = workbook(("ตาลชุม", 1, "บ้านตาลสุม"), ("สำโรง", "๑๒", "บ้านสำโรง"))
    imp = imports.start_import(officer_3420, io.BytesIO(content), "tansum.xlsx")
    bad, good = imp.rows
    assert bad["errors"] == ["ไม่พบตำบล «ตาลชุม» ในอำเภอตาลสุม"]
    assert bad["suggestions"][0] == "ตาลสุม" and len(bad["suggestions"]) <= 3
    assert good["errors"] == [] and good["subdistrict"] == "342002" and good["number"] == 12


def test_a_name_from_another_district_still_gets_three_suggestions_of_this_district(officer):
    imp = imports.start_import(officer, io.BytesIO(workbook(("ตาลสุม", 1, "บ้านก"))), "other.xlsx")
    [row] = imp.rows
    assert row["errors"] == ["ไม่พบตำบล «ตาลสุม» ในอำเภอเมืองอุบลราชธานี"]
    district_names = set(Subdistrict.objects.filter(district_id="3401").values_list("name_th", flat=True))
    assert len(row["suggestions"]) == 3 and set(row["suggestions"]) <= district_names


def test_headers_are_matched_loosely_and_other_columns_ignored(officer):
    """District offices put ลำดับ and อำเภอ before ตำบล, and mark required columns with "*"."""
    content = workbook(
        (1, "เมืองอุบลราชธานี", "หัวเรือ", 5, "บ้านหัวเรือ", "ไม่มี"),
        header=["ลำดับ", "อำเภอ", " ตำบล *", "หมู่ที่:", "ชื่อ หมู่บ้าน", "หมายเหตุ"],
    )
    imp = imports.start_import(officer, io.BytesIO(content), "loose.xlsx")
    [row] = imp.rows
    assert row["errors"] == [] and (row["subdistrict"], row["number"], row["name"]) == ("340104", 5, "บ้านหัวเรือ")


def test_an_empty_header_cell_is_not_taken_for_the_subdistrict_column(officer):
    content = workbook((None, "ปทุม", 1, "บ้านปทุม"), header=[None, "ตำบล", "หมู่ที่", "ชื่อหมู่บ้าน"])
    imp = imports.start_import(officer, io.BytesIO(content), "blank.xlsx")
    assert imp.rows[0]["subdistrict"] == "340107" and not imp.rows[0]["errors"]


def test_empty_rows_are_skipped_and_sheet_row_numbers_kept(officer):
    content = workbook(("ปทุม", 1, "บ้านปทุม"), (None, None, None), ("หัวเรือ", 2, "บ้านหัวเรือ"))
    imp = imports.start_import(officer, io.BytesIO(content))  # the name is taken from the file
    assert [r["row"] for r in imp.rows] == [2, 4]
    assert imp.file_name == "villages.xlsx"


def test_more_than_two_thousand_rows_is_refused(officer):
    rows = [("ปทุม", (i % 99) + 1, f"บ้าน {i}") for i in range(imports.MAX_ROWS + 1)]
    with pytest.raises(ValidationError, match="ไฟล์มีข้อมูลเกิน 2,000 แถว"):
        imports.start_import(officer, io.BytesIO(workbook(*rows)), "big.xlsx")
    assert not VillageImport.objects.exists()


def test_a_row_that_became_invalid_before_confirming_is_skipped_and_reported(officer, login):
    imp = imports.start_import(officer, io.BytesIO(CLEAN), "clean.xlsx")
    services.create_village(officer, subdistrict=Subdistrict.objects.get(code="340107"), number=3, name_th="บ้านก่อน")
    response = login(officer).post(reverse("geo:village-import-confirm", args=[imp.pk]), {"only_valid": "1"},
                                   follow=True)
    page = response.content.decode()
    assert "นำเข้าหมู่บ้าน ๒ หมู่บ้านแล้ว" in page and "ไม่ได้นำเข้า ๑ แถว" in page
    assert Village.objects.count() == 3
    assert Village.objects.get(subdistrict_id="340107", number=3).name_th == "บ้านก่อน"
    imp.refresh_from_db()
    assert imp.status == VillageImport.Status.IMPORTED and imp.imported_count == 2
    assert [r["row"] for r in imp.invalid_rows] == [4]
    assert "มีหมู่ที่ 3 อยู่แล้ว (บ้านก่อน)" in imp.invalid_rows[0]["errors"][0]
    assert AuditEntry.objects.get(action="import").changes == {"file": "clean.xlsx", "imported": 2, "rejected": 1}


def test_only_valid_with_no_valid_row_writes_nothing(officer):
    imp = imports.start_import(officer, io.BytesIO(workbook(("หัวเรีอ", 1, "บ้านก"))), "bad.xlsx")
    with pytest.raises(ValidationError, match="ไม่มีแถวที่ผ่านการตรวจสอบ"):
        imports.confirm_import(officer, imp, only_valid=True)
    imp.refresh_from_db()
    assert imp.status == VillageImport.Status.PENDING and not AuditEntry.objects.filter(action="import").exists()


def test_a_cancelled_or_imported_import_cannot_be_confirmed_again(officer, login):
    imp = imports.start_import(officer, io.BytesIO(CLEAN), "clean.xlsx")
    client = login(officer)
    assert client.post(reverse("geo:village-import-cancel", args=[imp.pk]))["Location"] == reverse("geo:village-list")
    imp.refresh_from_db()
    assert imp.status == VillageImport.Status.CANCELLED
    with pytest.raises(ValidationError, match="ยกเลิก"):
        imports.confirm_import(officer, imp, only_valid=False)
    assert not Village.objects.exists()

    imp = imports.start_import(officer, io.BytesIO(CLEAN), "clean.xlsx")
    assert imports.confirm_import(officer, imp, only_valid=False) == 3
    with pytest.raises(ValidationError, match="นำเข้าแล้ว"):
        imports.confirm_import(officer, imp, only_valid=False)
    assert Village.objects.count() == 3


def test_the_administrator_is_told_that_district_offices_import(administrator):
    with pytest.raises(PermissionDenied, match="สำนักงานพัฒนาชุมชนอำเภอ"):
        imports.start_import(administrator, io.BytesIO(CLEAN), "clean.xlsx")


def test_province_staff_cannot_cancel_and_the_rejected_rows_are_visible_to_them(login, officer, province_staff):
    imp = imports.start_import(officer, io.BytesIO(MISSPELT), "misspelt.xlsx")
    client = login(province_staff)
    assert client.post(reverse("geo:village-import-cancel", args=[imp.pk])).status_code == 403
    assert client.get(reverse("geo:village-import-rejected", args=[imp.pk])).status_code == 200
    imp.refresh_from_db()
    assert imp.status == VillageImport.Status.PENDING


def test_anonymous_is_sent_to_login_from_every_import_page(client, officer):
    imp = imports.start_import(officer, io.BytesIO(CLEAN), "clean.xlsx")
    for name in ("geo:village-import-preview", "geo:village-import-rejected"):
        assert client.get(reverse(name, args=[imp.pk]))["Location"].startswith(reverse("login"))
    for name in ("geo:village-import-confirm", "geo:village-import-cancel"):
        assert client.post(reverse(name, args=[imp.pk]))["Location"].startswith(reverse("login"))
    assert client.get(reverse("geo:village-import-template"))["Location"].startswith(reverse("login"))
    assert not Village.objects.exists()
