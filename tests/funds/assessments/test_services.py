"""The level rules as data: a failed mandatory indicator caps the level below ระดับ ๓; labels are
configurable; a published set is frozen (a change is a new version); before/after and the remedies."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cdd_portal.audit.models import AuditEntry
from funds.assessments import selectors, services
from funds.assessments.models import Assessment, Indicator, IndicatorSet, LevelRule, Principle
from tests.funds.assessments.conftest import AFTER, BEFORE, TODAY, YEAR, assess

pytestmark = pytest.mark.django_db


def test_the_six_principles_are_seeded_with_their_remedies():
    names = list(Principle.objects.values_list("name", flat=True))
    assert names == ["หลักนิติธรรม", "หลักคุณธรรม", "หลักความโปร่งใส", "หลักการมีส่วนร่วม", "หลักความรับผิดชอบ",
                     "หลักความคุ้มค่า"]
    assert "ติดตามหนี้ค้างชำระ" in Principle.objects.get(code="accountability").remedy
    assert "คุณธรรม ๕ ประการ" in Principle.objects.get(code="morality").remedy


def test_the_demo_sets_say_they_are_examples(demo_sets):
    assert set(demo_sets) == {"savings_group", "poverty", "mother_fund"}
    for indicator_set in demo_sets.values():
        assert indicator_set.title == "ชุดตัวอย่าง — ยังไม่ใช่ตัวชี้วัดทางการ" and indicator_set.is_published
    assert demo_sets["mother_fund"].level_only
    assert list(demo_sets["mother_fund"].rules.values_list("level", flat=True)) == ["A", "B", "C"]


def test_all_passed_is_level_3_good(officer, group, demo_sets):
    assessment = assess(officer, group, demo_sets["savings_group"])
    assert assessment.level == "3" and assessment.level_display == "ระดับ ๓ — ดี"
    assert assessment.passed_count == 9 and assessment.mandatory_failed == 0
    assert assessment.set_version == 1 and assessment.district_id == "3401"
    entry = AuditEntry.objects.get(object_type="fund_assessments.assessment")
    assert entry.action == "create" and entry.district_code == "3401" and entry.changes["level"] == "3"


def test_a_failed_mandatory_indicator_can_never_reach_level_3(officer, group, demo_sets):
    # eight of nine passed is enough passes for ระดับ ๓, but the failed one (ข้อ ๔) is mandatory
    assessment = assess(officer, group, demo_sets["savings_group"], failed=[4])
    assert assessment.passed_count == 8 and assessment.mandatory_failed == 1
    assert assessment.level == "2"
    outcome = services.explain(assessment)
    rule, reasons = outcome.missed[0]
    assert rule.level == "3" and reasons == ["ไม่ผ่านตัวชี้วัดบังคับข้อ ๔"]


def test_even_a_rule_with_no_minimum_is_closed_by_a_failed_mandatory_indicator(administrator):
    indicator_set = services.create_set(administrator, fund_kind="poverty", fiscal_year=YEAR, title="ชุดทดลอง")
    principle = Principle.objects.first()
    services.add_indicators(administrator, indicator_set, [
        {"number": 1, "text": "บังคับ", "principle": principle, "is_mandatory": True},
        {"number": 2, "text": "ทั่วไป", "principle": principle}])
    rules = services.set_rules(administrator, indicator_set, [
        {"level": "3", "label": "ดี", "rank": 3, "requires_all_mandatory": True},
        {"level": "1", "label": "", "rank": 1}])
    indicators = list(indicator_set.indicators.order_by("number"))
    outcome = services.compute_level(rules, [(indicators[0], False, None), (indicators[1], True, None)])
    assert outcome.level == "1" and outcome.mandatory_failed == [indicators[0]]
    outcome = services.compute_level(rules, [(indicators[0], True, None), (indicators[1], False, None)])
    assert outcome.level == "3"


def test_scored_indicators_pass_at_their_pass_score(administrator):
    indicator_set = services.create_set(administrator, fund_kind="savings_group", fiscal_year=YEAR, title="คะแนน")
    principle = Principle.objects.first()
    services.add_indicators(administrator, indicator_set, [
        {"number": 1, "text": "คะแนน", "principle": principle, "scoring": "score", "max_score": Decimal("10"),
         "pass_score": Decimal("6"), "is_mandatory": True}])
    rules = services.set_rules(administrator, indicator_set, [
        {"level": "3", "rank": 3, "min_score": Decimal("8"), "requires_all_mandatory": True},
        {"level": "2", "rank": 2, "min_score": Decimal("6")}, {"level": "1", "rank": 1}])
    indicator = indicator_set.indicators.get()
    assert services.result_passed(indicator, None, Decimal("6")) is True
    assert services.result_passed(indicator, None, Decimal("5.5")) is False
    outcome = services.compute_level(rules, [(indicator, True, Decimal("9"))])
    assert outcome.level == "3" and outcome.total_score == Decimal("9")
    outcome = services.compute_level(rules, [(indicator, True, Decimal("7"))])
    assert outcome.level == "2" and "คะแนนรวม ๗ ต้องได้อย่างน้อย ๘" in outcome.missed[0][1]
    with pytest.raises(ValidationError, match="ต้องมีคะแนนเต็ม"):
        services.add_indicators(administrator, indicator_set, [
            {"number": 2, "text": "ไม่มีคะแนนเต็ม", "principle": principle, "scoring": "score"}])


def test_labels_are_configurable(administrator, officer, group, demo_sets):
    draft = services.new_version(administrator, demo_sets["savings_group"])
    services.set_rules(administrator, draft, [
        {"level": "3", "label": "ดีเด่น", "rank": 3, "min_passed": 8, "requires_all_mandatory": True},
        {"level": "2", "label": "ปานกลาง", "rank": 2, "min_passed": 5},
        {"level": "1", "label": "ต้องปรับปรุง", "rank": 1}])
    services.publish(administrator, draft)
    assert selectors.current_set("savings_group", YEAR) == draft
    assessment = assess(officer, group, draft, failed=[1, 2, 3, 5, 6])
    assert assessment.level == "1" and assessment.level_display == "ระดับ ๑ — ต้องปรับปรุง"
    assert assessment.set_version == 2 and assessment.indicator_set == draft


def test_a_published_set_is_frozen_and_a_change_is_a_new_version(administrator, demo_sets):
    published = demo_sets["savings_group"]
    principle = Principle.objects.first()
    with pytest.raises(ValidationError, match="ประกาศใช้แล้ว แก้ไขไม่ได้"):
        services.add_indicators(administrator, published, [{"number": 99, "text": "x", "principle": principle}])
    with pytest.raises(ValidationError, match="ประกาศใช้แล้ว"):
        services.set_rules(administrator, published, [{"level": "1", "rank": 1}])
    with pytest.raises(ValidationError, match="ประกาศใช้แล้ว"):
        services.update_set(administrator, published, title="ใหม่")
    with pytest.raises(ValidationError):
        services.publish(administrator, published)
    copy = services.new_version(administrator, published)
    assert (copy.version, copy.status, copy.previous) == (2, "draft", published)
    assert copy.indicators.count() == 9 and copy.rules.count() == 3
    services.add_indicators(administrator, copy, [{"number": 10, "text": "ข้อใหม่", "principle": principle}])
    assert published.indicators.count() == 9 and copy.indicators.count() == 10
    # until the new version is published, assessments use the old one
    assert selectors.current_set("savings_group", YEAR) == published


def test_publishing_needs_indicators_and_a_level_every_fund_reaches(administrator):
    indicator_set = services.create_set(administrator, fund_kind="savings_group", fiscal_year=2569, title="ใหม่")
    with pytest.raises(ValidationError) as error:
        services.publish(administrator, indicator_set)
    assert "ยังไม่มีเกณฑ์ระดับ" in error.value.messages and "ยังไม่มีตัวชี้วัด" in error.value.messages
    services.add_indicators(administrator, indicator_set, [
        {"number": 1, "text": "ก", "principle": Principle.objects.first()}])
    services.set_rules(administrator, indicator_set, [{"level": "3", "rank": 3, "min_passed": 5}])
    with pytest.raises(ValidationError) as error:
        services.publish(administrator, indicator_set)
    assert any("ไม่มีเงื่อนไข" in m for m in error.value.messages)
    assert any("ต้องผ่าน ๕ ข้อ แต่ชุดนี้มีเพียง ๑ ข้อ" in m for m in error.value.messages)


def test_only_administrators_edit_indicator_sets(officer, province_staff, demo_sets):
    for user in (officer, province_staff):
        with pytest.raises(PermissionDenied):
            services.create_set(user, fund_kind="savings_group", fiscal_year=YEAR, title="x")
        with pytest.raises(PermissionDenied):
            services.new_version(user, demo_sets["savings_group"])


def test_indicator_rows_are_checked_together(administrator):
    indicator_set = services.create_set(administrator, fund_kind="savings_group", fiscal_year=YEAR, title="x")
    principle = Principle.objects.first()
    with pytest.raises(ValidationError) as error:
        services.add_indicators(administrator, indicator_set, [
            {"number": 1, "text": "ก", "principle": principle}, {"number": 1, "text": "ข", "principle": principle}])
    assert error.value.messages == ["แถวที่ ๒: ข้อที่ ๑ มีอยู่แล้ว"]
    assert not Indicator.objects.filter(indicator_set=indicator_set).exists()


def test_before_and_after(officer, group, demo_sets):
    before = assess(officer, group, demo_sets["savings_group"], failed=[4, 5, 6], round=BEFORE)
    after = assess(officer, group, demo_sets["savings_group"], failed=[6], round=AFTER)
    assert (before.level, after.level) == ("2", "3")
    comparison = selectors.comparison(before)
    assert comparison["before"] == before and comparison["after"] == after
    improved = [row["indicator"].number for row in comparison["rows"] if row["improved"]]
    assert improved == [4, 5]
    assert selectors.counterpart(after) == before


def test_a_round_is_recorded_once_and_corrected_with_history(officer, group, demo_sets):
    assessment = assess(officer, group, demo_sets["savings_group"])
    with pytest.raises(ValidationError, match="บันทึกผลการประเมินรอบ«ก่อน» ปีงบประมาณ ๒๕๖๘ ของกองทุนนี้แล้ว"):
        assess(officer, group, demo_sets["savings_group"])
    from tests.funds.assessments.conftest import results

    services.update_assessment(officer, assessment, assessed_on=TODAY, assessor="ผู้ประเมินคนใหม่",
                               results=results(demo_sets["savings_group"], failed=[7]))
    assessment.refresh_from_db()
    assert assessment.level == "2" and assessment.mandatory_failed == 1
    entry = AuditEntry.objects.filter(object_type="fund_assessments.assessment", action="update").get()
    assert entry.changes["level"] == ["3", "2"] and entry.changes["results"]["7"] == ["True", "False"]


def test_failed_principles_list_their_remedies(officer, group, demo_sets):
    assessment = assess(officer, group, demo_sets["savings_group"], failed=[4, 5, 9])
    failed = selectors.failed_principles(selectors.results_of(assessment))
    assert [(f["principle"].name, f["numbers"]) for f in failed] == [("หลักความโปร่งใส", [4, 5]),
                                                                     ("หลักความคุ้มค่า", [9])]
    assert "บัญชีอย่างง่าย" in failed[0]["principle"].remedy


def test_only_the_keeping_district_records(neighbour_officer, province_staff, group, demo_sets):
    for user in (neighbour_officer, province_staff):
        with pytest.raises(PermissionDenied):
            assess(user, group, demo_sets["savings_group"])


def test_no_published_set_no_assessment(officer, group):
    with pytest.raises(ValidationError, match="ยังไม่มีชุดตัวชี้วัดที่ประกาศใช้"):
        assess(officer, group, IndicatorSet(pk=0))


def test_a_level_only_set_takes_the_level(officer, demo_sets):
    from funds.assessments.models import MotherFundVillage
    from tests.funds.assessments.conftest import make_village

    fund = services.create_mother_fund(officer, district=make_village("3401", 1).subdistrict.district,
                                       village=make_village("3401", 2), year_joined=2560)
    assert fund.district_id == "3401" and MotherFundVillage.objects.count() == 1
    with pytest.raises(ValidationError, match="กรุณาเลือกระดับที่ได้"):
        assess(officer, fund, demo_sets["mother_fund"], kind="mother_fund")
    assessment = assess(officer, fund, demo_sets["mother_fund"], kind="mother_fund", level="B")
    assert assessment.level == "B" and assessment.results.count() == 0
    assert selectors.mother_fund_status(fund)[-1] == ("ระดับล่าสุด", "ระดับ B ปีงบประมาณ ๒๕๖๘")


def test_a_mother_fund_village_is_stopped_not_deleted(officer, neighbour_officer):
    from tests.funds.assessments.conftest import make_village

    village = make_village("3401", 3)
    fund = services.create_mother_fund(officer, district=village.subdistrict.district, village=village)
    with pytest.raises(ValidationError, match="บันทึกเป็นหมู่บ้านกองทุนแม่ของแผ่นดินแล้ว"):
        services.create_mother_fund(officer, district=village.subdistrict.district, village=village)
    with pytest.raises(PermissionDenied):
        services.stop_mother_fund(neighbour_officer, fund, on=TODAY, reason="ยุบรวม")
    with pytest.raises(ValidationError, match="กรุณาใส่เหตุผล"):
        services.stop_mother_fund(officer, fund, on=TODAY, reason=" ")
    services.stop_mother_fund(officer, fund, on=TODAY, reason="ยุบรวมกับหมู่ ๔")
    fund.refresh_from_db()
    assert fund.status == "stopped" and fund.stopped_on == TODAY
    assert AuditEntry.objects.filter(object_type="fund_assessments.motherfundvillage", action="transition").exists()


def test_the_assessments_scope_follows_the_funds(officer, neighbour_officer, province_staff, other_province_staff,
                                                 group, neighbour_group, demo_sets):
    mine = assess(officer, group, demo_sets["savings_group"])
    theirs = assess(neighbour_officer, neighbour_group, demo_sets["savings_group"])
    assert list(selectors.assessments_for(officer)) == [mine]
    assert set(selectors.assessments_for(province_staff)) == {mine, theirs}
    assert not selectors.assessments_for(other_province_staff).exists()
    assert LevelRule.objects.filter(indicator_set=demo_sets["savings_group"]).count() == 3
    assert Assessment.objects.count() == 2
