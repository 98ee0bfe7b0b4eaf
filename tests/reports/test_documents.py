import io
import re
from datetime import datetime

import pytest
from openpyxl import load_workbook

from cdd_portal.documents import services as documents
from cdd_portal.documents.models import RenderJob
from cdd_portal.documents.tasks import render_job
from reports import services
from tests.pdf import missing, page_png, pdf_text
from tests.reports.conftest import good_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(officer, province_staff, form, period):
    submission = services.open_submission(officer, form, period)
    submission, _errors = services.save_draft(officer, submission, good_data(), version=submission.version)
    services.submit(officer, submission, signer_name="นางสาวทดสอบ ใจดี", signer_position="พัฒนาการอำเภอ")
    return services.approve(province_staff, submission)


def export(user, submission, fmt, capture):
    with capture(execute=False):
        job, _reused = documents.request_export(user, kind="submission", params={"submission": submission.pk}, fmt=fmt)
    render_job.apply(args=[str(job.pk)])
    job.refresh_from_db()
    assert job.status == RenderJob.Status.DONE, job.error
    return job


def test_the_pdf_shows_the_district_the_rows_and_the_signature_block(province_staff, approved, tmp_path,
                                                                     django_capture_on_commit_callbacks):
    job = export(province_staff, approved, "pdf", django_capture_on_commit_callbacks)
    path = tmp_path / "report.pdf"
    path.write_bytes(job.file.read())
    text = pdf_text(path)
    assert not missing(text, "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี", "กลุ่มทอผ้าลายโบราณ", "กลุ่มข้าวอินทรีย์", "๑,๐๒๐",
                       "๑,๐๔๕", "นางสาวทดสอบ ใจดี", "พัฒนาการอำเภอ", "ผู้รายงาน")
    assert re.search("[๐-๙]+[ก-๙]+๒๕[๐-๙]{2}", text)  # a B.E. date in Thai digits
    # the seed's layout: ๒.๓ is a sentence, the OTOP registration two tick columns, the หมายเหตุ at the end
    assert not missing(text, "ได้รับจัดสรรงบประมาณ จำนวน ๑๒,๐๐๐ บาท เบิกจ่ายแล้ว จำนวน ๙,๐๐๐ บาท คิดเป็นร้อยละ ๗๕.๐๐",
                       "มีกลุ่มอาชีพเป้าหมาย จำนวน ๒ กลุ่ม", "การลงทะเบียน OTOP", "ยังไม่ลงทะเบียน", "สถานภาพ: (✓)",
                       "หมายเหตุ")
    assert "1,020" not in text
    page_png(path, tmp_path / "p")


def test_the_xlsx_reads_back(province_staff, approved, django_capture_on_commit_callbacks):
    job = export(province_staff, approved, "xlsx", django_capture_on_commit_callbacks)
    sheet = load_workbook(io.BytesIO(job.file.read())).active
    cells = {c.value: c for row in sheet.iter_rows() for c in row if c.value is not None}
    assert "กลุ่มทอผ้าลายโบราณ" in cells and "ลงทะเบียน" in cells
    # numbers stay numbers shown in Thai digits, the total is a formula, the date a date in the B.E.
    assert cells[1020].number_format == "[$-D00041E]#,##0"
    assert cells[12000].number_format == "[$-D00041E]#,##0.00"
    assert any(str(v).startswith("=SUM(") for v in cells)
    assert cells[datetime(2020, 9, 15)].number_format == "[$-D07041E]d mmm yyyy"
    assert "(นางสาวทดสอบ ใจดี)" in cells and "ตำแหน่ง พัฒนาการอำเภอ" in cells
    # the paper's header: «การลงทะเบียน OTOP» merged over its two tick columns, a ✓ in the chosen one
    otop = cells["การลงทะเบียน OTOP"]
    assert f"{otop.coordinate}:{otop.offset(column=1).coordinate}" in {str(r) for r in sheet.merged_cells.ranges}
    assert (otop.offset(row=1).value, otop.offset(row=1, column=1).value) == ("ลงทะเบียน", "ยังไม่ลงทะเบียน")
    assert otop.offset(row=2).value == "✓" and otop.offset(row=3, column=1).value == "✓"
    assert cells["มีกลุ่มอาชีพเป้าหมาย จำนวน ๒ กลุ่ม รายละเอียด ดังนี้"] and cells["หมายเหตุ :"]


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "other_province_staff"])
def test_another_district_or_province_cannot_export_it(request, api_as, approved, who):
    response = api_as(request.getfixturevalue(who)).post(
        "/api/v1/exports/", {"kind": "submission", "format": "pdf", "submission": approved.pk}, format="json")
    assert response.status_code == 403


def test_the_tambon_evaluation_prints_a_checklist_per_tambon(officer, province_staff, tmp_path,
                                                                     django_capture_on_commit_callbacks):
    """Seed 002 §3.1: 14 items in 5 parts; the parts are merged headers over their ticks."""
    from datetime import date

    from reports.models import FormDefinition

    form = FormDefinition.objects.get(code="tambon-plan-evaluation")
    today = date.today()
    period = services.generate_periods(form, today.year + 543 + (1 if today.month >= 10 else 0))[0]
    submission = services.open_submission(officer, form, period)
    submission, errors = services.save_draft(officer, submission, {"tambons": [
        {"name": "ในเมือง", "p1_history": "on", "p2_swot": "on", "p5_minutes": "on"},
        {"name": "หัวเรือ", "p1_general": "on"}]}, version=submission.version)
    assert errors == []
    job = export(officer, submission, "pdf", django_capture_on_commit_callbacks)
    path = tmp_path / "tambon.pdf"
    path.write_bytes(job.file.read())
    assert not missing(pdf_text(path), "ส่วนที่ ๑ ข้อมูลทั่วไปของตำบล", "ส่วนที่ ๕", "ในเมือง", "หัวเรือ", "จำนวน ๒ ตำบล")
    page_png(path, tmp_path / "tambon")
    sheet = load_workbook(io.BytesIO(export(officer, submission, "xlsx",
                                            django_capture_on_commit_callbacks).file.read())).active
    part1 = next(c for row in sheet.iter_rows() for c in row if c.value == "ส่วนที่ ๑ ข้อมูลทั่วไปของตำบล")
    assert part1.offset(row=-1).value == "๑. ตำบล ในเมือง" and part1.offset(row=-1, column=1).value == "มี"
    item = part1.offset(row=1)
    assert item.value == "๑.๑ ความเป็นมาของตำบล" and (item.offset(column=1).value, item.offset(column=2).value) == (
        "✓", None)


def test_the_service_centre_report_prints_its_six_columns_side_by_side(officer, tmp_path,
                                                                       django_capture_on_commit_callbacks):
    """Seed 000: one table, ที่ and six columns; each activity is a numbered row, the committee and the
    plans span them."""
    from datetime import date

    from cdd_portal.geo.models import District
    from centers import services as centers
    from reports.models import FormDefinition

    centers.create_center(officer, district=District.objects.get(pk="3401"))
    form = FormDefinition.objects.filter(code="service-centre-operations").order_by("-version").first()
    today = date.today()
    fiscal = today.year + 543 + (1 if today.month >= 10 else 0)
    period = next(p for p in services.generate_periods(form, fiscal) if p.start <= today <= p.end)
    submission = services.open_submission(officer, form, period)
    day = f"{period.start.day}/{period.start.month}/{period.start.year + 543}"
    submission, errors = services.save_draft(officer, submission, {
        "centre": submission.data["centre"],
        "activities": [
            {"date": day, "kind": "committee_meeting", "title": "ประชุมคณะกรรมการครั้งที่ ๑", "served": "๑๓"},
            {"date": day, "kind": "market", "title": "ตลาดนัดชุมชน", "targets": ["otop_entrepreneur"],
             "served": "๔๕", "media": ["leaflet"], "evidence": ["photos"]}],
        "committee": {"c_1": "on", "members": "๑๓"}, "plans": {"p_2": "on"}}, version=submission.version)
    assert errors == []
    job = export(officer, submission, "pdf", django_capture_on_commit_callbacks)
    path = tmp_path / "centre.pdf"
    path.write_bytes(job.file.read())
    assert not missing(pdf_text(path), "กิจกรรมที่ดำเนินการ", "โครงสร้าง คณะกรรมการศูนย์", "จัดช่องทางตลาด",
                       "ตลาดนัดชุมชน", "- ผู้ประกอบการ OTOP", "จำนวนผู้มารับบริการ (คน) ๔๕", "- นายอำเภอ/ผู้แทน",
                       "- แผนรายไตรมาส", "- แผ่นพับ/ใบปลิว")
    page_png(path, tmp_path / "centre")
    sheet = load_workbook(io.BytesIO(export(officer, submission, "xlsx",
                                            django_capture_on_commit_callbacks).file.read())).active
    head = next(c for row in sheet.iter_rows() for c in row if c.value == "กิจกรรมที่ดำเนินการ")
    assert head.offset(row=1).value.splitlines()[:2] == ["ประชุมคณะกรรมการศูนย์ฯ", "ชื่อกิจกรรม ประชุมคณะกรรมการครั้งที่ ๑"]
    assert head.offset(row=2).value.splitlines()[0] == "จัดช่องทางตลาด"
    assert head.offset(row=1, column=-1).value == 1 and head.offset(row=2, column=-1).value == 2
