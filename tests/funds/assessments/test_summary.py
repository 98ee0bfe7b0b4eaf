"""The province summary in the layout of seed 004's appendix table (and the national one by province): counts
of active funds, the latest level of the fiscal year ("after", else "before"), the not yet assessed; the PDF
and XLSX read back; the export kind's permissions."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from cdd_portal.documents import registry
from cdd_portal.documents import services as documents
from funds.assessments import documents as kind
from funds.assessments import selectors, services
from tests.funds.assessments.conftest import (
    AFTER,
    BEFORE,
    TODAY,
    YEAR,
    assess,
    make_group,
    make_poverty_fund,
    make_village,
)
from tests.pdf import missing, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixture(officer, neighbour_officer, far_officer, demo_sets):
    """3401: 4 active groups (+1 stopped) — levels 3, 2 (before 1 → after 2), 1 (failed mandatory and most)
    and one not assessed; 2 กข.คจ. funds (3 and not assessed); 2 แม่ของแผ่นดิน villages (A, C).
    3402: 1 group at 3. 4201 (another province): 1 group at 3."""
    sg, pov, mother = demo_sets["savings_group"], demo_sets["poverty"], demo_sets["mother_fund"]
    groups = [make_group("3401", f"กลุ่ม {n}") for n in range(1, 5)]
    stopped = make_group("3401", "กลุ่มที่เลิกแล้ว", active=False)
    assess(officer, stopped, sg)  # not counted: the group is no longer active
    assess(officer, groups[0], sg)
    assess(officer, groups[1], sg, failed=[1, 2, 3, 4, 5], round=BEFORE)
    assess(officer, groups[1], sg, failed=[4], round=AFTER)
    assess(officer, groups[2], sg, failed=[1, 2, 3, 4, 5, 6])
    funds = [make_poverty_fund("3401", n) for n in (11, 12)]
    assess(officer, funds[0], pov, kind="poverty")
    district = funds[0].district
    villages = [make_village("3401", n) for n in (21, 22)]
    mothers = [services.create_mother_fund(officer, district=district, village=v) for v in villages]
    assess(officer, mothers[0], mother, kind="mother_fund", level="A")
    assess(officer, mothers[1], mother, kind="mother_fund", level="C")
    assess(neighbour_officer, make_group("3402", "กลุ่มศรีเมืองใหม่"), sg)
    assess(far_officer, make_group("4201", "กลุ่มเมืองเลย"), sg)


def _cells(row):
    return {code: (cell.count, cell.levels, cell.not_assessed) for code, cell in row.cells.items()}


def test_the_province_summary(fixture):
    data = selectors.summary("34", YEAR, today=TODAY)
    assert [c["code"] for c in data["columns"]] == ["savings_group", "poverty", "mother_fund"]
    rows = {row.code: row for row in data["rows"]}
    assert len(rows) == 25 and data["rows"][0].code == "3401" and data["rows"][0].label == "เมืองอุบลราชธานี"
    assert _cells(rows["3401"]) == {"savings_group": (4, [1, 1, 1], 1), "poverty": (2, [0, 0, 1], 1),
                                    "mother_fund": (2, [1, 0, 1], 0)}
    assert _cells(rows["3402"])["savings_group"] == (1, [0, 0, 1], 0)
    assert _cells(data["total"]) == {"savings_group": (5, [1, 1, 2], 1), "poverty": (2, [0, 0, 1], 1),
                                     "mother_fund": (2, [1, 0, 1], 0)}
    for row in [*data["rows"], data["total"]]:
        for cell in row.cells.values():
            assert cell.count == sum(cell.levels) + cell.not_assessed
    for code, cell in data["total"].cells.items():  # the rows sum to the totals
        assert cell.count == sum(row.cells[code].count for row in data["rows"])
        assert cell.levels == [sum(row.cells[code].levels[i] for row in data["rows"]) for i in range(3)]
    assert data["deadline"].isoformat() == "2025-03-31" and not data["overdue"]
    assert data["not_assessed"] == [("กลุ่มออมทรัพย์เพื่อการผลิต", 1), ("กองทุน กข.คจ.", 1),
                                    ("หมู่บ้านกองทุนแม่ของแผ่นดิน", 0)]


def test_the_national_summary(fixture):
    data = selectors.summary(None, YEAR, today=TODAY)
    rows = {row.code: row for row in data["rows"]}
    assert _cells(rows["34"])["savings_group"] == (5, [1, 1, 2], 1)
    assert _cells(rows["42"])["savings_group"] == (1, [0, 0, 1], 0)
    assert data["total"].cells["savings_group"].count == 6


def test_another_year_counts_everything_as_not_assessed(fixture):
    data = selectors.summary("34", YEAR + 1, today=TODAY)
    assert _cells(data["total"])["savings_group"] == (5, [0, 0, 0], 5)


def test_the_summary_is_a_few_queries(fixture, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        selectors.summary("34", YEAR, today=TODAY)
    with django_assert_max_num_queries(5):
        selectors.summary(None, YEAR, today=TODAY)


def test_the_kind_is_registered_and_who_may_export(province_staff, other_province_staff, viewer, officer):
    assert registry.get("fund-summary") is kind.FUND_SUMMARY
    assert kind.clean(province_staff, {"province": "34", "year": "2568", "on": "2025-02-10"}) == {
        "province": "34", "year": 2568, "on": "2025-02-10"}
    assert kind.clean(viewer, {"province": ""})["province"] is None
    for user, params in ((province_staff, {"province": ""}), (other_province_staff, {"province": "34"}),
                         (officer, {"province": "34"}), (officer, {"province": ""})):
        with pytest.raises(PermissionDenied):
            kind.clean(user, params)
    with pytest.raises(ValidationError, match="ไม่พบจังหวัดรหัส 99"):
        kind.clean(viewer, {"province": "99"})
    with pytest.raises(ValidationError, match="ปีงบประมาณต้องเป็นปี พ.ศ."):
        kind.clean(viewer, {"province": "34", "year": "2025x"})
    with pytest.raises(PermissionDenied):
        documents.request_export(other_province_staff, kind="fund-summary", params={"province": "34"}, fmt="pdf")


def test_the_province_workbook(fixture):
    content, name = kind.render({"province": "34", "year": YEAR, "on": TODAY.isoformat()}, "xlsx", lambda pct: None)
    assert name == "fund-summary-34-2568.xlsx"
    ws = load_workbook(io.BytesIO(content)).active
    values = [[cell.value for cell in row] for row in ws.iter_rows()]
    flat = [v for row in values for v in row if v is not None]
    assert "ประจำปีงบประมาณ พ.ศ. 2568" in flat and "จังหวัดอุบลราชธานี" in flat
    assert "กลุ่มออมทรัพย์เพื่อการผลิต" in flat and "โครงการแก้ไขปัญหาความยากจน (กข.คจ.)" in flat
    header = next(row for row in values if row[2] == "จำนวน (กลุ่ม)")
    assert header[2:7] == ["จำนวน (กลุ่ม)", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ยังไม่ประเมิน"]
    assert header[12:17] == ["จำนวน (กองทุน)", "ระดับ A", "ระดับ B", "ระดับ C", "ยังไม่ประเมิน"]
    first = next(row for row in values if row[1] == "เมืองอุบลราชธานี")
    assert first[:17] == [1, "เมืองอุบลราชธานี", 4, 1, 1, 1, 1, 2, 0, 0, 1, 1, 2, 1, 0, 1, 0]
    total = values[-1]
    assert total[1] == "รวม" and total[2].startswith("=SUM(C")


def test_the_province_pdf(tmp_path, fixture):
    content, name = kind.render({"province": "34", "year": YEAR, "on": TODAY.isoformat()}, "pdf", lambda pct: None)
    assert content.startswith(b"%PDF")
    path = tmp_path / name
    path.write_bytes(content)
    text = pdf_text(path)
    assert missing(text, "สรุปกลุ่มเป้าหมายการตรวจสอบสภาพกองทุนชุมชน", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                   "จังหวัดอุบลราชธานี", "กองทุนแม่ของแผ่นดิน", "กำหนดรายงานผลการประเมิน ๓๑ มีนาคม ๒๕๖๘",
                   "๑เมืองอุบลราชธานี๔๑๑๑๑๒๐๐๑๑๒๑๐๑๐", "รวม๕๑๑๒๑๒๐๐๑๑๒๑๐๑๐") == []
    assert "2568" not in text


def test_the_national_pdf_and_workbook(fixture):
    content, _name = kind.render({"province": None, "year": YEAR, "on": TODAY.isoformat()}, "xlsx", lambda p: None)
    values = [[c.value for c in row] for row in load_workbook(io.BytesIO(content)).active.iter_rows()]
    ubon = next(row for row in values if row[1] == "อุบลราชธานี")
    assert ubon[2:7] == [5, 1, 1, 2, 1]


def test_the_fingerprint_follows_the_data(officer, fixture, demo_sets):
    params = {"province": "34", "year": YEAR, "on": TODAY.isoformat()}
    before = registry.fingerprint(kind.FUND_SUMMARY, params, "pdf")
    assess(officer, make_group("3401", "กลุ่มใหม่"), demo_sets["savings_group"])
    assert registry.fingerprint(kind.FUND_SUMMARY, params, "pdf") != before
