"""A check that advises instead of refusing (the 2020 committee size), and seed 000's one-table paper with
one numbered row per activity and the centre-wide columns spanning them."""

import io

import pytest
from openpyxl import load_workbook

from reports import printing, schema, services
from reports.documents import context, submission_xlsx

pytestmark = pytest.mark.django_db

ADVISED = {"sections": [
    {"key": "acts", "title": "๑ กิจกรรมที่ดำเนินการ", "type": "table", "columns": [
        {"key": "kind", "label": "กิจกรรม", "type": "choice", "choices": [["meet", "ประชุมคณะกรรมการศูนย์ฯ"],
                                                                       ["market", "จัดช่องทางตลาด"]]},
        {"key": "title", "label": "รายละเอียด", "type": "text"},
        {"key": "targets", "label": "กลุ่มเป้าหมาย", "type": "multi_choice",
         "choices": [["t1", "กลุ่มอาชีพผลิตภัณฑ์ชุมชน"], ["t3", "ผู้ประกอบการ OTOP"]]},
        {"key": "served", "label": "จำนวน (คน)", "type": "integer", "min": 0}]},
    {"key": "committee", "title": "๓ โครงสร้างคณะกรรมการศูนย์", "type": "fields", "fields": [
        {"key": "chair", "label": "นายอำเภอ/ผู้แทน", "type": "check"},
        {"key": "members", "label": "จำนวนกรรมการ (คน)", "type": "integer", "min": 0,
         "advise": {"min": 11, "max": 15, "reason": "แนวทางปี ๒๕๖๓ ข้อ ๖.๑ กำหนด ๑๑–๑๕ คน (ไม่ใช้กับอำเภอที่ใช้กลไกเดิม)"}}]}],
    "print": "side_by_side",
    "print_columns": [{"title": "กิจกรรมที่ดำเนินการ", "section": "acts", "keys": ["kind", "title"]},
                      {"title": "กลุ่มเป้าหมายที่มารับบริการ", "section": "acts", "keys": ["targets", "served"]},
                      {"title": "โครงสร้างคณะกรรมการศูนย์", "section": "committee"}]}

DATA = {"acts": [{"kind": "meet", "title": "ประชุมไตรมาส", "targets": ["t1"], "served": "๑๒"},
                 {"kind": "market", "title": "ตลาดนัดชุมชน", "targets": ["t1", "t3"], "served": "40"}],
        "committee": {"chair": True, "members": "๙"}}


def test_a_committee_of_nine_is_advised_not_refused():
    clean, errors = schema.validate_data(ADVISED, DATA)
    assert errors == []
    notes = schema.advice(ADVISED, clean)
    assert [n["column"] for n in notes] == ["members"]
    assert notes[0]["message"].startswith("๓ โครงสร้างคณะกรรมการศูนย์ ช่อง «จำนวนกรรมการ (คน)»: แนวทางปี ๒๕๖๓")
    clean["committee"]["members"] = 12
    assert schema.advice(ADVISED, clean) == []


def test_a_bad_advise_or_print_column_is_refused():
    broken = {"sections": [{"key": "s", "title": "ส่วน", "type": "fields", "fields": [
        {"key": "x", "label": "ข้อความ", "type": "text", "advise": {"min": 1, "reason": "x"}}]}],
        "print": "side_by_side", "print_columns": [{"title": "ก", "section": "nope"}]}
    with pytest.raises(schema.SchemaError) as refused:
        schema.validate_schema(broken)
    assert any("advise" in e for e in refused.value.errors)
    assert any("print_columns ลำดับที่ 1" in e for e in refused.value.errors)


def test_each_activity_is_a_numbered_row_and_the_committee_spans_them():
    clean, _errors = schema.validate_data(ADVISED, DATA)
    (table,) = printing.sections(ADVISED, clean, {})
    assert table["titles"] == ["ที่", "กิจกรรมที่ดำเนินการ", "กลุ่มเป้าหมายที่มารับบริการ", "โครงสร้างคณะกรรมการศูนย์"]
    first, second = table["rows"]
    assert [c["lines"] for c in first] == [["๑"], ["ประชุมคณะกรรมการศูนย์ฯ", "รายละเอียด ประชุมไตรมาส"],
                                           ["- กลุ่มอาชีพผลิตภัณฑ์ชุมชน", "จำนวน (คน) ๑๒"],
                                           ["- นายอำเภอ/ผู้แทน", "- จำนวนกรรมการ (คน): ๙"]]
    assert first[3]["rowspan"] == 2 and len(second) == 3
    assert second[2]["lines"] == ["- กลุ่มอาชีพผลิตภัณฑ์ชุมชน", "- ผู้ประกอบการ OTOP", "จำนวน (คน) ๔๐"]


def test_the_workbook_merges_the_spanning_column(officer):
    form = services.save_definition(code="side-test", title="แบบทดสอบ", period_type="quarterly", schema=ADVISED,
                                    fiscal_years=[2568])
    period = services.generate_periods(form, 2568)[0]
    from cdd_portal.accounts.models import Office
    from reports.models import Submission

    clean, _errors = schema.validate_data(ADVISED, DATA)
    submission = Submission.objects.create(form=form, period=period, office=Office.objects.get(code="3401"), data=clean)
    sheet = load_workbook(io.BytesIO(submission_xlsx(context(submission)))).active
    merged = [str(r) for r in sheet.merged_cells.ranges]
    header_row = next(r for r in sheet.iter_rows() if r[0].value == "ที่")[0].row
    assert f"D{header_row + 1}:D{header_row + 2}" in merged
    assert sheet.cell(row=header_row + 2, column=2).value == "จัดช่องทางตลาด\nรายละเอียด ตลาดนัดชุมชน"
