"""The development level other apps' reports print (ข้อ ๒๗ column ฒ): each fund's latest assessment, through
`funds.kinds.latest_levels`, without the กข.คจ. reports importing the assessments app."""

import pytest

from funds import kinds
from funds.assessments.models import Assessment
from funds.poverty import reports
from tests.funds.assessments.conftest import AFTER, BEFORE, assess, make_poverty_fund

pytestmark = pytest.mark.django_db


def test_the_latest_level_of_each_fund(officer, demo_sets):
    assessed, fresh = make_poverty_fund("3401", 7), make_poverty_fund("3401", 8)
    before = assess(officer, assessed, demo_sets["poverty"], kind="poverty", failed=(1,), round=BEFORE)
    after = assess(officer, assessed, demo_sets["poverty"], kind="poverty", round=AFTER)
    assert before.level != after.level and Assessment.objects.count() == 2
    levels = kinds.latest_levels("poverty", [assessed.pk, fresh.pk])
    assert levels == {assessed.pk: f"ระดับ {'๑๒๓'[int(after.level) - 1]}"}
    assert reports.level_provider()([assessed.pk, fresh.pk]) == levels
