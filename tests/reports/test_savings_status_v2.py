"""The savings-group status form v2 (issue #9): the legal interest limit with its reason, the
loans-to-savings share no longer capped, a district's month filled from a workbook (written only when
every row is clean), and the approved rows the fund registries read back."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from cdd_portal import references
from cdd_portal.geo import services as geo_services
from cdd_portal.geo.models import District, Subdistrict
from funds import services as funds
from reports import services as reports
from reports.models import ApprovedRow, FormDefinition
from reports.services import table_import

pytestmark = pytest.mark.django_db

TODAY = date(2025, 11, 10)  # FY 2569; the November 2025 period is open


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def groups(officer):
    district = District.objects.get(pk="3401")
    village = geo_services.create_village(officer, subdistrict=Subdistrict.objects.get(code="340101"), number=3,
                                          name_th="บ้านนาโพธิ์")
    return [funds.create_group(officer, district=district, name="กลุ่มออมทรัพย์บ้านนาโพธิ์", village=village),
            funds.create_group(officer, district=district, name="กลุ่มออมทรัพย์บ้านดอนกลาง"),
            funds.create_group(officer, district=district, name="กลุ่มออมทรัพย์บ้านหนองบัว")]


@pytest.fixture
def submission(officer, groups):
    form = FormDefinition.objects.filter(code="savings-group-status").order_by("-version").first()
    period = next(p for p in reports.generate_periods(form, 2569) if p.start <= TODAY <= p.end)
    return reports.open_submission(officer, form, period)


def row(group, **values):
    return {"group": group.pk, "members": "160", "savings": "2,048,000", "loans": "1,536,000", **values}


def test_version_2_has_borrowers_overdue_and_the_interest_rate(submission):
    keys = [c["key"] for c in submission.form.schema["sections"][0]["columns"]]
    assert {"borrowers", "overdue", "interest_rate"} <= set(keys)


def test_an_interest_rate_above_15_percent_is_refused_with_the_legal_limit(officer, submission, groups):
    _saved, errors = reports.save_draft(officer, submission, {"groups": [row(groups[0], interest_rate="16")]},
                                        version=submission.version)
    assert len(errors) == 1 and errors[0]["column"] == "interest_rate"
    assert "ร้อยละ ๑๕ ต่อปี" in errors[0]["message"] and "อัตราสูงสุดตามกฎหมาย" in errors[0]["message"]
    _saved, errors = reports.save_draft(officer, _saved, {"groups": [row(groups[0], interest_rate="๑๕")]},
                                        version=_saved.version)
    assert errors == []


def test_a_group_may_lend_more_than_its_savings_and_still_submit(officer, submission, groups):
    saved, errors = reports.save_draft(officer, submission, {"groups": [row(groups[0], loans="2,560,000")]},
                                       version=submission.version)
    assert errors == [] and saved.data["groups"][0]["loan_share"] == "125.00"
    reports.submit(officer, saved, signer_name="นางสาวทดสอบ ระบบ", signer_position="นักวิชาการพัฒนาชุมชน")


def workbook(rows, *, title=True) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append(["รายงานสถานะเงินกลุ่มออมทรัพย์เพื่อการผลิต อำเภอเมืองอุบลราชธานี"])
        sheet.append([])
    sheet.append(["ชื่อกลุ่ม", "สมาชิก\n(คน)", "สมาชิกผู้กู้ (คน)", "เงินสัจจะสะสม (บาท)", "ยอดเงินให้สมาชิกกู้คงค้าง (บาท)",
                  "อัตราดอกเบี้ยเงินกู้ (ร้อยละต่อปี)"])
    for r in rows:
        sheet.append(r)
    out = BytesIO()
    book.save(out)
    return SimpleUploadedFile("month.xlsx", out.getvalue())


def test_a_misspelt_group_and_a_16_percent_rate_are_both_reported_and_nothing_is_written(officer, submission):
    before = (submission.version, submission.data)
    upload = workbook([["กลุ่มออมทรัพย์บ้านนาโพธ์", 160, 40, 2048000, 1536000, 12],
                       ["กลุ่มออมทรัพย์บ้านดอนกลาง", "๙๕", "๒๐", "๑,๒๐๐,๐๐๐", "๘๐๐,๐๐๐", "16"],
                       ["กลุ่มออมทรัพย์บ้านหนองบัว", 70, 10, 500000, 250000, "6%"],
                       ["รวม", 325, 70, 3748000, 2586000, None]])
    result, saved = table_import.apply(officer, submission, "groups", upload, version=submission.version)
    assert saved is None and not result.clean
    bad = {r["sheet_row"]: r["errors"] for r in result.bad_rows}
    assert set(bad) == {4, 5}
    assert "ไม่พบ «กลุ่มออมทรัพย์บ้านนาโพธ์»" in bad[4][0] and "«กลุ่มออมทรัพย์บ้านนาโพธิ์»" in bad[4][0]
    assert "ร้อยละ ๑๕ ต่อปี" in bad[5][0]
    assert result.skipped and result.skipped[0]["row"] == 7
    submission.refresh_from_db()
    assert (submission.version, submission.data) == before


def test_a_clean_workbook_fills_the_draft_and_keeps_the_other_rows(officer, submission, groups):
    typed, _errors = reports.save_draft(officer, submission, {"groups": [row(g) for g in groups]},
                                        version=submission.version)
    upload = workbook([["กลุ่มออมทรัพย์บ้านนาโพธิ์", "๑๖๕", "๔๐", "๒,๑๐๐,๐๐๐.๕๐", "๑,๕๐๐,๐๐๐", "๑๒"],
                       ["กลุ่มออมทรัพย์บ้านดอนกลาง", 95, 20, 1200000, 800000, 10]], title=False)
    result, saved = table_import.apply(officer, typed, "groups", upload, version=typed.version)
    assert result.clean and saved is not None
    rows = {r["group"]: r for r in saved.data["groups"]}
    assert rows[groups[0].pk]["members"] == 165 and rows[groups[0].pk]["savings"] == "2100000.50"
    assert rows[groups[0].pk]["interest_rate"] == "12.00"
    assert rows[groups[2].pk]["members"] == 160  # not in the file: as the draft had it
    assert saved.events.filter(action="import").count() == 1


def test_the_import_page_and_template(login, officer, submission, groups):
    client = login(officer)
    page = client.get(f"/reports/submissions/{submission.pk}/").content.decode()
    assert "นำเข้าตารางจากไฟล์ Excel" in page
    template = client.get(f"/reports/submissions/{submission.pk}/import/groups/template/")
    sheet = load_workbook(BytesIO(template.content)).active
    names = [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]
    assert set(names) == {g.name for g in groups}
    refused = client.post(f"/reports/submissions/{submission.pk}/import/",
                          {"section": "groups", "version": submission.version,
                           "file": workbook([["กลุ่มที่ไม่มี", 1, 0, 1, 1, 1]])})
    body = refused.content.decode()
    assert refused.status_code == 200 and "ยังไม่ได้บันทึกข้อมูลใด ๆ" in body and "กลุ่มที่ไม่มี" in body


def test_only_the_owner_office_imports(login, submission, neighbour_officer, province_staff):
    upload = {"section": "groups", "version": submission.version, "file": workbook([["x", 1, 0, 1, 1, 1]])}
    assert login(neighbour_officer).post(f"/reports/submissions/{submission.pk}/import/", upload).status_code == 404
    upload["file"] = workbook([["x", 1, 0, 1, 1, 1]])
    assert login(province_staff).post(f"/reports/submissions/{submission.pk}/import/", upload).status_code == 403
    assert login(neighbour_officer).get(
        f"/reports/submissions/{submission.pk}/import/groups/template/").status_code == 404


def test_approved_rows_are_what_the_registries_read(officer, province_staff, submission, groups):
    saved, _errors = reports.save_draft(officer, submission, {"groups": [
        row(groups[0], borrowers="40", overdue="12,000", interest_rate="12"), row(groups[1])]},
        version=submission.version)
    submitted = reports.submit(officer, saved, signer_name="นางสาวทดสอบ ระบบ", signer_position="นักวิชาการ")
    assert references.approved_figures("group", [groups[0].pk]) == {}
    approved = reports.approve(province_staff, submitted)
    figures = references.approved_figures("group", [g.pk for g in groups])
    assert set(figures) == {groups[0].pk, groups[1].pk}
    first = figures[groups[0].pk]
    assert first.values["savings"] == Decimal("2048000.00") and first.values["members"] == 160
    assert first.values["overdue"] == Decimal("12000.00") and first.period_end == approved.period.end
    assert [h.submission_id for h in references.approved_history("group", groups[0].pk)] == [approved.pk]
    reports.reopen(province_staff, approved, reason="แก้ยอดเงินกู้")
    assert references.approved_figures("group", [groups[0].pk]) == {}
    assert not ApprovedRow.objects.exists()


def test_the_latest_approved_row_is_one_query(officer, province_staff, submission, groups, django_assert_num_queries):
    saved, _errors = reports.save_draft(officer, submission, {"groups": [row(g) for g in groups]},
                                        version=submission.version)
    reports.approve(province_staff, reports.submit(officer, saved, signer_name="ก ข", signer_position="ค"))
    with django_assert_num_queries(1):
        assert len(references.approved_figures("group", [g.pk for g in groups])) == 3
