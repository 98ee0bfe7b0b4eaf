"""The province summary as an export kind (centers-province): who may ask for it, and the PDF and XLSX."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from cdd_portal.documents import registry
from cdd_portal.documents import services as documents
from centers import documents as kind
from centers import services
from tests.centers.conftest import TODAY
from tests.pdf import missing, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def summary_data(officer, neighbour_officer, center, committee, neighbour_center):
    services.record_meeting(officer, center, date=date(2025, 1, 8), today=TODAY)
    services.record_activity(officer, center, date=date(2025, 1, 3), kind="market", title="ก", today=TODAY)
    services.update_center(neighbour_officer, neighbour_center, mechanism="earlier", mechanism_letter_number="๑",
                           mechanism_letter_date=date(2020, 1, 1), today=TODAY)


def test_the_kind_is_registered():
    assert registry.get("centers-province") is kind.CENTERS_PROVINCE


def test_who_may_export(province_staff, other_province_staff, viewer, officer):
    assert kind.clean(province_staff, {"province": "34", "on": "2025-01-15"}) == {"province": "34",
                                                                                  "on": "2025-01-15"}
    assert kind.clean(viewer, {"province": ""})["province"] is None
    for user, params in ((province_staff, {"province": ""}), (other_province_staff, {"province": "34"}),
                         (officer, {"province": "34"})):
        with pytest.raises(PermissionDenied):
            kind.clean(user, params)
    with pytest.raises(ValidationError, match="ไม่พบจังหวัดรหัส 99"):
        kind.clean(viewer, {"province": "99"})
    with pytest.raises(PermissionDenied):
        documents.request_export(other_province_staff, kind="centers-province", params={"province": "34"}, fmt="pdf")


def test_the_province_workbook(summary_data):
    content, name = kind.render({"province": "34", "on": TODAY.isoformat()}, "xlsx", lambda pct: None)
    assert name == "centers-34-2025-01-15.xlsx"
    ws = load_workbook(io.BytesIO(content)).active
    values = [[cell.value for cell in row] for row in ws.iter_rows()]
    flat = [v for row in values for v in row if v is not None]
    assert "สรุปศูนย์บริการส่งเสริมเศรษฐกิจฐานราก" in flat and "จังหวัดอุบลราชธานี" in flat
    first = next(row for row in values if row[1] == "อำเภอเมืองอุบลราชธานี")
    assert first[:7] == [1, "อำเภอเมืองอุบลราชธานี", "✓", "✓", 12, 1, 1]
    second = next(row for row in values if row[1] == "อำเภอศรีเมืองใหม่")
    assert second[3] == "แนวทางเดิม"
    total = values[-1]
    assert total[1] == "รวม" and total[4].startswith("=SUM(") and total[2] == "๒ จาก ๒๕ อำเภอ"


def test_the_national_workbook(summary_data):
    content, _name = kind.render({"province": None, "on": TODAY.isoformat()}, "xlsx", lambda pct: None)
    ws = load_workbook(io.BytesIO(content)).active
    values = [[cell.value for cell in row] for row in ws.iter_rows()]
    ubon = next(row for row in values if row[1] == "จังหวัดอุบลราชธานี")
    assert ubon[2:9] == [25, 2, 1, 1, 12, 1, 1]


def test_the_province_pdf(tmp_path, summary_data):
    content, name = kind.render({"province": "34", "on": TODAY.isoformat()}, "pdf", lambda pct: None)
    assert content.startswith(b"%PDF") and name.endswith(".pdf")
    path = tmp_path / name
    path.write_bytes(content)
    text = pdf_text(path)
    assert missing(text, "สรุปศูนย์บริการส่งเสริมเศรษฐกิจฐานราก", "จังหวัดอุบลราชธานี", "อำเภอเมืองอุบลราชธานี",
                   "แนวทางเดิม", "ครบ ๑ · แนวทางเดิม ๑", "ไตรมาสที่ ๒") == []


def test_the_fingerprint_follows_the_data(officer, center, summary_data):
    params = {"province": "34", "on": TODAY.isoformat()}
    before = registry.fingerprint(kind.CENTERS_PROVINCE, params, "pdf")
    services.record_activity(officer, center, date=date(2025, 1, 14), kind="market", title="ข", today=TODAY)
    assert registry.fingerprint(kind.CENTERS_PROVINCE, params, "pdf") != before
