"""The report engine knows registries only through cdd_portal.references: it imports none of them, and a
definition naming a reference kind or a prefill source that no registry registered is refused."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from reports import services

REPORTS = Path(__file__).resolve().parents[2] / "reports"
REGISTRY_APPS = {"centers", "otop", "funds", "budgets"}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):  # function-level imports too
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_report_engine_imports_no_registry_app():
    offenders = {}
    for path in REPORTS.rglob("*.py"):
        bad = {m for m in _imported_modules(path) if m.split(".")[0] in REGISTRY_APPS}
        if bad:
            offenders[str(path.relative_to(REPORTS.parent))] = sorted(bad)
    assert offenders == {}


def _table(prefill: dict, column_type: str = "group") -> dict:
    return {"sections": [{"key": "rows", "title": "ตาราง", "type": "table", "prefill": prefill, "columns": [
        {"key": "ref", "label": "รายการ", "type": column_type}, {"key": "n", "label": "จำนวน", "type": "integer"}]}]}


def _save(schema: dict):
    return services.save_definition(code="boundary-test", title="ทดสอบ", period_type="monthly", schema=schema,
                                    fiscal_years=[2570])


@pytest.mark.django_db
def test_a_definition_naming_an_unknown_prefill_source_is_refused_in_thai():
    schema = {"sections": [{"key": "money", "title": "งบประมาณ", "type": "fields", "fields": [
        {"key": "got", "label": "ได้รับ", "type": "money", "prefill": {"source": "budgets.received"}}]}]}
    with pytest.raises(ValidationError) as refused:
        _save(schema)
    message = " ".join(refused.value.message_dict["schema"])
    assert "ไม่มีแหล่งข้อมูลสำหรับเติมค่า (prefill) ชื่อ «budgets.received» ในระบบ" in message
    assert "budgets.allocated" in message  # the sources that do exist are named


@pytest.mark.django_db
@pytest.mark.parametrize(("prefill", "column_type", "expected"), [
    ({"source": "funds.savings_groups", "column": "ref"}, "village", "ต้องระบุ column เป็นคอลัมน์ชนิด group"),
    ({"source": "funds.savings_groups", "column": "ref", "carry_forward": ["nope"]}, "group", "carry_forward"),
    ({"source": "budgets.allocated", "column": "ref"}, "group", "ใช้กับช่องข้อมูลเท่านั้น"),
    ({"source": "funds.savings_groups", "column": "ref", "colour": "red"}, "group", "ไม่รู้จักตัวเลือก colour"),
])
def test_a_table_prefill_is_checked_against_its_source(prefill, column_type, expected):
    with pytest.raises(ValidationError) as refused:
        _save(_table(prefill, column_type))
    assert expected in " ".join(refused.value.message_dict["schema"])


@pytest.mark.django_db
def test_an_unknown_reference_kind_is_refused():
    with pytest.raises(ValidationError) as refused:
        _save(_table({"source": "funds.savings_groups", "column": "ref"}, "cooperative"))
    assert "ไม่รู้จักชนิด 'cooperative'" in " ".join(refused.value.message_dict["schema"])


@pytest.mark.django_db
def test_the_definition_editor_shows_the_unknown_source_in_thai(login, administrator):
    import json

    schema = {"sections": [{"key": "s", "title": "ส่วน", "type": "fields", "fields": [
        {"key": "x", "label": "ค่า", "type": "money", "prefill": {"source": "nowhere.figure"}}]}]}
    page = login(administrator).post("/reports/definitions/new/", {
        "code": "editor-test", "title": "ทดสอบ", "period_type": "monthly", "fiscal_years": "2570",
        "office_level": "district", "entry_days_after_due": "30", "schema": json.dumps(schema)})
    assert page.status_code == 200
    assert "ไม่มีแหล่งข้อมูลสำหรับเติมค่า (prefill) ชื่อ «nowhere.figure» ในระบบ" in page.content.decode()


@pytest.mark.django_db
def test_a_sources_option_of_a_value_it_does_not_know_is_refused():
    schema = {"sections": [{"key": "committee", "title": "คณะกรรมการ", "type": "fields", "fields": [
        {"key": "c", "label": "นายอำเภอ", "type": "check", "prefill": {"source": "centers.committee_seat",
                                                                       "seat": "mayor"}}]}]}
    with pytest.raises(ValidationError) as refused:
        _save(schema)
    assert "seat ต้องเป็นหนึ่งใน district_chief" in " ".join(refused.value.message_dict["schema"])
