"""The กข.คจ. reports as export kinds: who may ask for them, bad parameters refused in Thai before a job is
queued, and the PDF (text read back: Thai digits, totals, signature labels) and XLSX (cells and formats)."""

import io
import unicodedata
from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from cdd_portal.documents import registry
from cdd_portal.documents import services as documents
from cdd_portal.documents.models import RenderJob
from funds.poverty import documents as kinds
from tests.generators_funds import sample_village
from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db

TODAY = date(2025, 2, 16)
ON = TODAY.isoformat()

kinds.register_documents()  # PovertyConfig.ready does this once the lead wires it


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(date(2025, 2, 16), tick=False):
        yield


@pytest.fixture
def village():
    return sample_village("3401")


@pytest.fixture
def villages(village):
    return [village, sample_village("3402"), sample_village("4201")]


def _bare(text: str) -> str:
    """Without Thai combining marks: pdftotext sometimes lifts a stacked tone mark (หนี้, นี้) onto a line of
    its own, so the words are compared on their base letters (the digits and letters stay in order)."""
    return "".join(c for c in unicodedata.normalize("NFKD", "".join(text.split())) if unicodedata.category(c) != "Mn")


def missing(text: str, *phrases: str) -> list[str]:
    bare = _bare(text)
    return [p for p in phrases if _bare(p) not in bare]


def _pdf(tmp_path, kind, params) -> str:
    content, name = kind.render(params, "pdf", lambda pct: None)
    assert content.startswith(b"%PDF") and name.endswith(".pdf")
    path = tmp_path / name
    path.write_bytes(content)
    return pdf_text(path)


def _rows(content: bytes):
    ws = load_workbook(io.BytesIO(content)).active
    return ws, [[cell.value for cell in row] for row in ws.iter_rows()]


def test_the_kinds_are_registered():
    for name in ("poverty-village-debt", "poverty-26-1", "poverty-26-2", "poverty-database", "poverty-debtors"):
        assert registry.get(name) is not None, name


def test_who_may_export(village, officer, neighbour_officer, far_officer, province_staff, other_province_staff, viewer):
    fund = {"fund": str(village.pk), "on": ON}
    assert kinds.clean_fund(officer, fund) == {"fund": village.pk, "district": "3401", "on": ON}
    assert kinds.clean_fund(province_staff, fund)["district"] == "3401"
    assert kinds.clean_district(viewer, {"district": "3401", "on": ""}) == {"district": "3401", "on": ON}
    assert kinds.clean_province(province_staff, {"province": "34", "on": "16/02/2568"}) == {"province": "34", "on": ON}
    refused = [
        (kinds.clean_fund, neighbour_officer, fund), (kinds.clean_fund, other_province_staff, fund),
        (kinds.clean_district, neighbour_officer, {"district": "3401"}),
        (kinds.clean_district, other_province_staff, {"district": "3401"}),
        (kinds.clean_debtors, far_officer, {"district": "3401"}),
        (kinds.clean_province, officer, {"province": "34"}),  # a district does not print its province's forms
        (kinds.clean_province, other_province_staff, {"province": "34"}),
        (kinds.clean_database, officer, {"province": "34"}),
    ]
    for clean, user, params in refused:
        with pytest.raises(PermissionDenied):
            clean(user, params)
    with pytest.raises(PermissionDenied):
        documents.request_export(neighbour_officer, kind="poverty-26-1", params={"district": "3401"}, fmt="pdf")
    assert not RenderJob.objects.exists()


def test_bad_parameters_are_refused_in_thai(village, officer, province_staff):
    cases = [
        (kinds.clean_fund, officer, {"fund": "x"}, "ไม่พบกองทุน กข.คจ."),
        (kinds.clean_fund, officer, {"fund": "999999"}, "ไม่พบกองทุน กข.คจ."),
        (kinds.clean_district, officer, {"district": ""}, "กรุณาระบุอำเภอ"),
        (kinds.clean_district, officer, {"district": "9999"}, "ไม่พบอำเภอรหัส 9999"),
        (kinds.clean_district, officer, {"district": "3401", "on": "31/02/2568"}, "วันที่ข้อมูล"),
        (kinds.clean_district, officer, {"district": "3401", "on": "17/02/2568"}, "ต้องไม่เกินวันนี้"),
        (kinds.clean_debtors, officer, {"district": "3401", "only": "all"}, "ค้างชำระ หรือ ผิดนัด"),
        (kinds.clean_province, province_staff, {"province": "99"}, "ไม่พบจังหวัดรหัส 99"),
        (kinds.clean_database, province_staff, {"province": "34", "district": "4201"}, "ไม่พบอำเภอรหัส 4201 ในจังหวัดนี้"),
    ]
    for clean, user, params, message in cases:
        with pytest.raises(ValidationError, match=message):
            clean(user, params)
    with pytest.raises(ValidationError):
        documents.request_export(officer, kind="poverty-26-1", params={"district": "3401", "on": "1/1/2600"},
                                 fmt="pdf")
    assert not RenderJob.objects.exists()


def test_a_job_is_queued_for_the_district(village, officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        job, reused = documents.request_export(officer, kind="poverty-26-1", params={"district": "3401", "on": ON},
                                               fmt="xlsx")
    assert not reused and job.params == {"district": "3401", "on": ON}


def test_the_village_debt_pdf(tmp_path, village):
    text = _pdf(tmp_path, kinds.VILLAGE_DEBT, {"fund": village.pk, "district": "3401", "on": ON})
    assert missing(text, str(kinds.DEBT_TITLE), "บ้านหนองบัว หมู่ที่ ๑", "ปีที่เริ่มดำเนินการ พ.ศ. ๒๕๓๘",
                   "มีครัวเรือนทั้งหมด ๑๒๐ ครัวเรือน", "ครัวเรือนเป้าหมาย ๔ ครัวเรือน", "ณ วันที่ ๑๖ กุมภาพันธ์ ๒๕๖๘",
                   "นางสมหญิง ใจดี", "๒๐,๐๐๐.๐๐", "๕๒,๐๐๐.๐๐", "๒๘,๐๐๐.๐๐", "๒๔,๐๐๐.๐๐",
                   "๑. จำนวนผู้ยืม", "๒๔๔,๐๐๐.๐๐", "๑๒,๐๐๐.๐๐", "๒๗๖,๐๐๐.๐๐", "๖. เงินที่ได้รับคืนรอบปีนี้",
                   "ตัดหนี้สูญ", "ประธานคณะกรรมการ กข.คจ. หมู่บ้าน", "พัฒนากร") == []
    assert "52,000" not in text and "2568" not in text  # Thai digits only


def test_the_village_debt_workbook(village):
    content, name = kinds.VILLAGE_DEBT.render({"fund": village.pk, "district": "3401", "on": ON}, "xlsx",
                                              lambda pct: None)
    assert name == f"kkkj-village-{village.pk}-{ON}.xlsx"
    ws, values = _rows(content)
    row = next(r for r in values if r[1] == "นางสมหญิง ใจดี")
    assert row[3:7] == [20000, 10000, 10000, 1]
    cell = next(c for c in ws[values.index(row) + 1] if c.column == 4)
    assert isinstance(cell.value, (int, float)) or cell.data_type == "n"
    assert cell.number_format.endswith("#,##0.00")
    date_cell = ws.cell(row=values.index(row) + 1, column=3)
    assert date_cell.is_date and date_cell.number_format.startswith("[$-D07041E]")
    total = next(r for r in values if r[1] == "รวม")
    assert total[3:6] == [52000, 28000, 24000]
    summary = {r[1]: r[3] for r in values if r[1] and str(r[1])[:2] in {"๑.", "๒.", "๓.", "๔.", "๕.", "๖."}}
    assert summary["๕. รวมเงินทุน กข.คจ. ทั้งหมด"] == 276000
    flat = [v for r in values for v in r if isinstance(v, str)]
    assert "ประธานคณะกรรมการ กข.คจ. หมู่บ้าน" in flat and "พัฒนากร" in flat


def test_form_26_1(tmp_path, villages):
    params = {"district": "3401", "on": ON}
    text = _pdf(tmp_path, kinds.FORM_26_1, params)
    assert missing(text, "แบบ ๒๖(๑)", "อำเภอเมืองอุบลราชธานี", "หมู่ที่ ๑ บ้านหนองบัว", "รวมทั้งสิ้น", "๒๐,๐๐๐.๐๐",
                   "๒๔๔,๐๐๐.๐๐", "๒๗๖,๐๐๐.๐๐", "พัฒนาการอำเภอ", "ณ วันที่ ๑๖ กุมภาพันธ์ ๒๕๖๘") == []
    ws, values = _rows(kinds.FORM_26_1.render(params, "xlsx", lambda pct: None)[0])
    row = next(r for r in values if r[1] and str(r[1]).startswith("หมู่ที่ 1"))
    assert row[2:10] == [120, 4, 4, 20000, 244000, 12000, 276000, 10000]
    total = next(r for r in values if r[1] == "รวมทั้งสิ้น")
    assert total[2:10] == row[2:10]  # one village: the total is that row
    assert ws.cell(row=values.index(total) + 1, column=6).number_format.endswith("#,##0.00")
    assert ws.cell(row=values.index(total) + 1, column=3).number_format.endswith("#,##0")


def test_form_26_2(tmp_path, villages):
    params = {"province": "34", "on": ON}
    text = _pdf(tmp_path, kinds.FORM_26_2, params)
    assert missing(text, "แบบ ๒๖(๒)", "จังหวัดอุบลราชธานี", "เมืองอุบลราชธานี", "ศรีเมืองใหม่", "จำนวนตำบล",
                   "๔๐,๐๐๐.๐๐", "๔๘๘,๐๐๐.๐๐", "พัฒนาการอำเภอ", "พัฒนาการจังหวัด") == []
    ws, values = _rows(kinds.FORM_26_2.render(params, "xlsx", lambda pct: None)[0])
    total = next(r for r in values if r[1] == "รวม")
    assert total[2:8] == [2, 2, 240, 8, 8, 40000]
    body = [r for r in values if isinstance(r[0], int)]
    assert len(body) == 25 and sum(r[7] for r in body) == total[7]


def test_the_village_database(tmp_path, villages):
    params = {"province": "34", "district": "", "on": ON}
    text = _pdf(tmp_path, kinds.DATABASE, params)
    assert missing(text, "แบบรายงานฐานข้อมูลหมู่บ้านและครัวเรือนเป้าหมาย", "รายได้ผ่านเกณฑ์ จปฐ.", "(ก)", "(ณ)",
                   "ครัวเรือนผิดนัด (ไม่อยู่ในเกณฑ์ผ่อนผัน)", "อ.ศรีเมืองใหม่", "๕๖๐,๐๐๐.๐๐", "พัฒนาการจังหวัด",
                   "ข้อ ๒๗") == []
    ws, values = _rows(kinds.DATABASE.render(params, "xlsx", lambda pct: None)[0])
    head = next(n for n, r in enumerate(values) if "ฐานข้อมูล" in r)
    assert values[head + 1][2:4] == ["ครัวเรือนเป้าหมาย (ก)", "คน (ข)"]
    assert ws.merged_cells.ranges and any(str(r).startswith("C") and ":F" in str(r) for r in ws.merged_cells.ranges)
    row = next(r for r in values if isinstance(r[0], int))
    assert row[2:17] == [4, 14, 4, 14, 1, 3, 280000, 1, 10000, 244000, 4000, 1, 10000, "-", "-"]


def test_the_debtors_export(tmp_path, village):
    params = {"district": "3401", "on": ON, "only": ""}
    text = _pdf(tmp_path, kinds.DEBTORS, params)
    assert missing(text, "บัญชีลูกหนี้", "นางมาลี ศรีสุข", "๒๓๐", "ผิดนัด", "พัฒนาการอำเภอ") == []
    ws, values = _rows(kinds.DEBTORS.render(params, "xlsx", lambda pct: None)[0])
    row = next(r for r in values if r[3] == "นางมาลี ศรีสุข")
    assert row[7:13] == [12000, 2000, 10000, 10000, 230, "ผิดนัด"]
    total = next(r for r in values if r[1] == "รวม")
    assert total[9] == 20000
