import pytest

from reports import schema as engine
from tests.reports.conftest import good_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def samma(form):
    return form


def test_the_builtin_seed_003_form_ships_with_the_database(samma):
    assert samma.is_builtin and samma.version == 1 and samma.period_type == "monthly"
    assert [s["title"][:3] for s in samma.schema["sections"]] == ["๑.๑", "๑.๒", "๒.๑", "๒.๒", "๒.๓"]
    engine.validate_schema(samma.schema)


def test_good_data_is_cleaned_and_computed(samma):
    clean, errors = engine.validate_data(samma.schema, good_data())
    assert errors == []
    assert clean["groups"][0]["members"] == 25 and clean["groups"][1]["members"] == 1020
    assert clean["groups__totals"] == {"members": "1045"}
    assert clean["budget"] == {"as_of": "2020-09-15", "received": "12000.00", "spent": "9000.00",
                               "percent": "75.00"}
    assert clean["process"]["survey"]["done"] is True and clean["process"]["develop"]["in_progress"] is True
    assert clean["process"]["assess"]["done"] is None


def test_bad_cells_are_named_in_thai_and_what_was_typed_is_kept(samma):
    data = good_data()
    data["groups"][0]["members"] = "-3"
    data["groups"][1]["name"] = ""
    data["budget"]["spent"] = "15,000"  # 125 % of what was received
    data["budget"]["as_of"] = "15/9/2020"
    clean, errors = engine.validate_data(samma.schema, data)
    messages = [e["message"] for e in errors]
    assert "๑.๑ ข้อมูลกลุ่มอาชีพเป้าหมาย แถวที่ ๑ ช่อง «สมาชิก (คน)»: ต้องไม่ติดลบ" in messages
    assert "๑.๑ ข้อมูลกลุ่มอาชีพเป้าหมาย แถวที่ ๒ ช่อง «ชื่อกลุ่ม»: กรุณากรอก" in messages
    assert any("ช่อง «ข้อมูล ณ วันที่»" in m and "ค.ศ." in m for m in messages)
    assert clean["groups"][0]["members"] == "-3" and clean["budget"]["as_of"] == "15/9/2020"
    assert {(e["section"], e["row"], e["column"]) for e in errors} >= {("groups", 1, "members"),
                                                                        ("groups", 2, "name")}


def test_a_percentage_over_100_is_refused_where_the_schema_forbids_it():
    schema = {"sections": [{"key": "s", "title": "ส่วนที่ ๑", "type": "fields", "fields": [
        {"key": "p", "label": "ร้อยละ", "type": "percent", "min": 0, "max": 100}]}]}
    _clean, errors = engine.validate_data(schema, {"s": {"p": "๑๒๐"}})
    assert [e["message"] for e in errors] == ["ส่วนที่ ๑ ช่อง «ร้อยละ»: ต้องไม่เกิน ๑๐๐"]


def test_a_table_needs_its_minimum_rows(samma):
    data = good_data()
    data["groups"] = [{}]
    _clean, errors = engine.validate_data(samma.schema, data)
    assert "๑.๑ ข้อมูลกลุ่มอาชีพเป้าหมาย: ต้องมีอย่างน้อย ๑ แถว" in [e["message"] for e in errors]


@pytest.mark.parametrize(("schema", "fragment"), [
    ({}, "sections"),
    ({"sections": [{"key": "a", "title": "ก", "type": "grid"}]}, "type ต้องเป็น"),
    ({"sections": [{"key": "a", "title": "ก", "type": "fields", "fields": [{"key": "x", "label": "x", "type": "blob"}]}]},
     "ไม่รู้จักชนิด"),
    ({"sections": [{"key": "a", "title": "ก", "type": "fields", "fields": [{"key": "x", "label": "x", "type": "choice"}]}]},
     "ต้องมี choices"),
    ({"sections": [{"key": "a", "title": "ก", "type": "table", "columns": [{"key": "x", "label": "x", "type": "text"}],
                    "totals": ["y"]}]}, "totals"),
    ({"sections": [{"key": "a", "title": "ก", "type": "fields", "fields": [
        {"key": "x", "label": "x", "type": "percent", "formula": {"percent": ["m", "n"]}}]}]}, "formula"),
])
def test_invalid_schemas_are_refused_with_every_reason(schema, fragment):
    with pytest.raises(engine.SchemaError) as exc:
        engine.validate_schema(schema)
    assert fragment in str(exc.value)


def test_the_savings_group_status_form_ships_too():
    from reports.models import FormDefinition

    form = FormDefinition.objects.get(code="savings-group-status")
    assert form.due_day == 20 and form.period_type == "monthly"
    data = {"groups": [{"group": "7", "members": "๑๖๐", "savings": "๒,๐๔๘,๐๐๐", "loans": "1,536,000"}]}
    clean, errors = engine.validate_data(form.schema, data, references={"group": {7}})
    assert errors == [] and clean["groups"][0]["loan_share"] == "75.00" and clean["groups"][0]["group"] == 7
    assert clean["groups__totals"]["savings"] == "2048000.00"
    _clean, errors = engine.validate_data(form.schema, data, references={"group": {8}})
    assert [e["message"] for e in errors] == [
        "สถานะเงินของกลุ่มออมทรัพย์เพื่อการผลิตในอำเภอ แถวที่ ๑ ช่อง «กลุ่ม (ตามทะเบียนกลุ่มของอำเภอ)»: "
        "ไม่พบกลุ่มนี้ในทะเบียนกลุ่มออมทรัพย์เพื่อการผลิตของอำเภอ"]


def test_the_tambon_plan_evaluation_has_its_14_items():
    from reports.models import FormDefinition

    form = FormDefinition.objects.get(code="tambon-plan-evaluation")
    columns = form.schema["sections"][0]["columns"]
    checks = [c for c in columns if c["type"] == "check"]
    assert len(checks) == 14 and checks[0]["label"] == "๑.๑ ความเป็นมาของตำบล"
    assert form.period_type == "annual"
    clean, errors = engine.validate_data(form.schema, {"tambons": [{"name": "ในเมือง", "p1_history": "on"}]})
    assert errors == [] and clean["tambons"][0]["p1_history"] is True and clean["tambons"][0]["p5_minutes"] is None


def test_the_service_centre_operations_form_of_seed_000():
    """Version 2: the centre named, one row per activity, a committee of 9 advised against (the 2020
    guideline's 11–15) but not refused, «แผนเดือน» as the seed prints it."""
    from reports.models import FormDefinition

    form = FormDefinition.objects.filter(code="service-centre-operations").order_by("-version").first()
    titles = [s["title"] for s in form.schema["sections"]]
    assert titles[1] == "๑ กิจกรรมที่ดำเนินการ" and titles[-1] == "๖ แผนการดำเนินงานของศูนย์ฯ"
    assert form.schema["sections"][-1]["fields"][0]["label"] == "แผนเดือน"
    data = {"centre": {"center": "7"}, "activities": [
        {"date": "๑๕/๑/๒๕๖๘", "kind": "market", "title": "ตลาดนัดชุมชน"},
        {"date": "๒๐/๒/๒๕๖๘", "kind": "counselling", "title": "ให้คำปรึกษากลุ่มทอผ้า"}],
        "committee": {"members": "๙"}}
    clean, errors = engine.validate_data(form.schema, data, references={"center": {7}, "center_activity": set()})
    assert errors == [] and len(clean["activities"]) == 2
    (advice,) = engine.advice(form.schema, clean)
    assert advice["column"] == "members" and "ข้อ ๖.๑ กำหนดคณะกรรมการ ๑๑–๑๕ คน" in advice["message"]


@pytest.mark.parametrize("code", ["samma-acheep-progress", "savings-group-status", "tambon-plan-evaluation",
                                  "service-centre-operations", "cotton-network-summary"])
def test_every_built_in_form_takes_a_sample_of_its_own_schema(code):
    """The benchmarks' generator fills every built-in form validly (and so every form is fillable)."""
    from reports.models import FormDefinition
    from tests.generators import sample_data

    form = FormDefinition.objects.get(code=code)
    ids = {"group": [1, 2], "center": [1], "center_activity": [1]}
    _clean, errors = engine.validate_data(form.schema, sample_data(form.schema, references=ids),
                                          references={**{k: set(v) for k, v in ids.items()}, "village": set()})
    assert errors == []
