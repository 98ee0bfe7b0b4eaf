"""Forms the province office fills itself (seed 002's «รายงานการสรุปผลการดำเนินการตามแผนการพัฒนา ๓ ด้าน»):
the province fills and submits, the department (an administrator) approves; districts never see it.
And the two-level headers of its tables («ผลการสนับสนุน» over เชิงคุณภาพ / เชิงปริมาณ) on the page, in the
PDF and in the XLSX."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from cdd_portal.documents import services as documents
from cdd_portal.documents.models import RenderJob
from cdd_portal.documents.tasks import render_job
from reports import schema as engine
from reports import selectors, services
from reports.models import FormDefinition, Submission
from tests.pdf import missing, pdf_text

pytestmark = pytest.mark.django_db
S = Submission.Status
SIGNER = {"signer_name": "นายจังหวัด ทดสอบ", "signer_position": "พัฒนาการจังหวัดอุบลราชธานี"}


@pytest.fixture
def cotton():
    return FormDefinition.objects.get(code="cotton-network-summary")


@pytest.fixture
def cotton_period(cotton):
    today = date.today()
    fiscal = today.year + 543 + (1 if today.month >= 10 else 0)
    return services.generate_periods(cotton, fiscal)[0]


def cotton_data() -> dict:
    return {
        "network": [{"activity": "ประชุมเครือข่ายผ้าฝ้ายระดับจังหวัด", "quality": "เครือข่ายมีแผนร่วมกัน",
                     "quantity": "สมาชิก ๓๐ คน", "problems": "งบประมาณจำกัด", "suggestions": "ขยายตลาดออนไลน์"}],
        "groups": [{"name": "กลุ่มทอผ้าบ้านหนองบัว", "activity": "พัฒนาลายผ้า", "quality": "ลายใหม่ ๓ ลาย",
                    "quantity": "๒๕ คน"}],
        "products": [{"name": "กลุ่มทอผ้าบ้านหนองบัว", "product": "ผ้าขาวม้าลายโบราณ", "activity": "ออกแบบบรรจุภัณฑ์",
                      "quantity": "๒๐๐ ผืน"}],
    }


@pytest.fixture
def submitted(province_staff, cotton, cotton_period):
    submission = services.open_submission(province_staff, cotton, cotton_period)
    submission, errors = services.save_draft(province_staff, submission, cotton_data(), version=submission.version)
    assert errors == []
    return services.submit(province_staff, submission, **SIGNER)


def test_the_built_in_form_is_the_seed_one(cotton):
    assert cotton.office_level == "province"
    sections = {s["key"]: s for s in cotton.schema["sections"]}
    assert [s["key"] for s in cotton.schema["sections"]] == ["network", "groups", "products"]
    assert sections["groups"]["max_rows"] == 5 and sections["products"]["max_rows"] == 5
    top, second = engine.header_rows(sections["products"]["columns"])
    assert [(c["label"], c["colspan"], c["rowspan"]) for c in top] == [
        ("ชื่อกลุ่ม", 1, 2), ("ผลิตภัณฑ์กลุ่ม", 1, 2), ("กิจกรรม/โครงการ", 1, 2), ("ผลการสนับสนุน", 2, 1),
        ("ปัญหา/อุปสรรค", 1, 2), ("ข้อเสนอแนะในการพัฒนาต่อไป", 1, 2)]
    assert [c["label"] for c in second] == ["เชิงคุณภาพ", "เชิงปริมาณ"]


def test_a_header_group_must_be_adjacent_columns():
    columns = [{"key": "a", "label": "ก", "type": "text", "group": "หัว"}, {"key": "b", "label": "ข", "type": "text"},
               {"key": "c", "label": "ค", "type": "text", "group": "หัว"}]
    with pytest.raises(engine.SchemaError, match="ต้องอยู่ติดกัน"):
        engine.validate_schema({"sections": [{"key": "t", "title": "ตาราง", "type": "table", "columns": columns}]})
    top, second = engine.header_rows(columns[:2])
    assert [c["rowspan"] for c in top] == [1, 2] and len(second) == 1


def test_the_province_fills_and_the_department_approves(submitted, province_staff, administrator, officer):
    assert submitted.status == S.SUBMITTED and submitted.office.level == "province"
    rights = services.permissions(province_staff, submitted)
    assert not rights["may_approve"] and not rights["may_return"]  # nobody approves their own report
    with pytest.raises(PermissionDenied):
        services.approve(province_staff, submitted)
    returned = services.return_submission(administrator, submitted, reason="กรุณาระบุผลเชิงปริมาณของกลุ่ม")
    assert services.permissions(province_staff, returned)["may_edit"]
    fixed, _errors = services.save_draft(province_staff, returned, cotton_data(), version=returned.version)
    services.submit(province_staff, fixed, **SIGNER)
    assert services.approve(administrator, fixed).status == S.APPROVED


def test_districts_and_other_provinces_cannot_open_read_or_act(submitted, cotton, cotton_period, officer,
                                                              other_province_staff, login, api_as):
    with pytest.raises(PermissionDenied, match="กรอกโดยสำนักงานพัฒนาชุมชนจังหวัด"):
        services.open_submission(officer, cotton, cotton_period)
    for user in (officer, other_province_staff):
        assert login(user).get(f"/reports/submissions/{submitted.pk}/").status_code == 404
        assert api_as(user).get(f"/api/v1/submissions/{submitted.pk}/").status_code == 404
        assert api_as(user).post(f"/api/v1/submissions/{submitted.pk}/approve/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.approve(other_province_staff, submitted)


def test_too_many_groups_is_refused_by_name(province_staff, cotton, cotton_period):
    submission = services.open_submission(province_staff, cotton, cotton_period)
    data = cotton_data()
    data["groups"] = [{"name": f"กลุ่ม {n}", "activity": "อบรม"} for n in range(6)]
    _saved, errors = services.save_draft(province_staff, submission, data, version=submission.version)
    assert [e["message"] for e in errors] == ["(๒) ผลการพัฒนากลุ่มผู้ผลิตผ้าฝ้าย ผ้าขาวม้า: มีได้ไม่เกิน ๕ แถว"]


def test_the_province_page_lists_its_own_form_and_the_district_page_does_not(login, province_staff, officer,
                                                                           cotton, cotton_period):
    page = login(province_staff).get(f"/reports/?fiscal_year={cotton_period.fiscal_year}").content.decode()
    assert "แบบรายงานที่จังหวัดกรอก" in page and cotton.title in page
    district_page = login(officer).get(f"/reports/?fiscal_year={cotton_period.fiscal_year}").content.decode()
    assert cotton.title not in district_page


def test_the_form_page_has_the_two_level_header(login, province_staff, submitted):
    page = login(province_staff).get(f"/reports/submissions/{submitted.pk}/").content.decode()
    assert 'colspan="2" class="group">ผลการสนับสนุน</th>' in page
    assert page.count("<th>เชิงคุณภาพ</th>") == 3 and 'rowspan="2"' in page


def test_completeness_counts_one_office_per_province(submitted, cotton, cotton_period):
    grid = selectors.completeness(cotton, cotton_period.fiscal_year, "34", today=date.today())
    assert [row["office"].level for row in grid["rows"]] == ["province"]
    assert {c["state"]: c["n"] for c in grid["counts"]}["submitted"] == 1
    national = selectors.national_completeness(cotton, cotton_period.fiscal_year, today=date.today())
    ubon = next(r for r in national["rows"] if r["province"].code == "34")
    assert (ubon["cells"][0]["done"], ubon["cells"][0]["expected"]) == (1, 1)


def test_a_province_form_reminds_the_province_office_not_the_districts(province_staff, officer, cotton_period):
    from datetime import timedelta

    from django.core import mail

    province_staff.email, officer.email = "p34@example.go.th", "d3401@example.go.th"
    province_staff.save()
    officer.save()
    services.send_reminders(days_before=3, today=cotton_period.due_date - timedelta(days=2))
    [message] = [m for m in mail.outbox if "๓ ด้าน" in m.subject]
    assert message.to == ["p34@example.go.th"]
    assert "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี ยังไม่ได้ส่ง" in message.body


def _export(user, kind, params, fmt, capture):
    with capture(execute=False):
        job, _reused = documents.request_export(user, kind=kind, params=params, fmt=fmt)
    render_job.apply(args=[str(job.pk)])
    job.refresh_from_db()
    assert job.status == RenderJob.Status.DONE, job.error
    return job.file.read()


def test_the_pdf_and_xlsx_have_the_merged_header(submitted, province_staff, tmp_path,
                                                 django_capture_on_commit_callbacks):
    pdf = tmp_path / "cotton.pdf"
    pdf.write_bytes(_export(province_staff, "submission", {"submission": submitted.pk}, "pdf",
                            django_capture_on_commit_callbacks))
    assert not missing(pdf_text(pdf), "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี", "ผลการสนับสนุน", "เชิงคุณภาพ",
                       "ผ้าขาวม้าลาย", "นายจังหวัดทดสอบ")
    sheet = load_workbook(io.BytesIO(_export(province_staff, "submission", {"submission": submitted.pk}, "xlsx",
                                             django_capture_on_commit_callbacks))).active
    merged = {str(r) for r in sheet.merged_cells.ranges}
    group = next(c for row in sheet.iter_rows() for c in row if c.value == "ผลการสนับสนุน")
    assert f"{group.coordinate}:{group.offset(column=1).coordinate}" in merged
    assert group.offset(row=1).value == "เชิงคุณภาพ" and group.offset(row=1, column=1).value == "เชิงปริมาณ"
    assert any(c.value == "(นายจังหวัด ทดสอบ)" for row in sheet.iter_rows() for c in row)


def test_the_department_queue_lists_it_and_bulk_approves_it(login, administrator, province_staff, submitted):
    client = login(administrator)
    page = client.get(f"/reports/?fiscal_year={submitted.period.fiscal_year}&form=cotton-network-summary")
    assert "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี" in page.content.decode()
    province_queue = login(province_staff).get(f"/reports/?fiscal_year={submitted.period.fiscal_year}")
    assert f'name="submission" value="{submitted.pk}"' not in province_queue.content.decode()  # not its own review
    client.post("/reports/bulk-approve/", {"submission": [submitted.pk]})
    assert Submission.objects.get(pk=submitted.pk).status == S.APPROVED
