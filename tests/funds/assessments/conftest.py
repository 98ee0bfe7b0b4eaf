"""Fixtures of the assessment tests: a fixed today (fiscal year 2568), the demo sets published, savings
groups, กข.คจ. funds and แม่ของแผ่นดิน villages in 3401 (the officer's), 3402 (a neighbour) and 4201 (Loei)."""

from datetime import date

import pytest

from cdd_portal.geo.models import Subdistrict, Village
from funds import kinds
from funds.assessments import demo, services, views
from funds.assessments.models import Assessment, IndicatorSet
from funds.models import SavingsGroup

TODAY = date(2025, 2, 10)  # fiscal year 2568; the March deadline is 31 March 2025
YEAR = 2568
BEFORE, AFTER = Assessment.Round.BEFORE, Assessment.Round.AFTER


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(views, "_today", lambda: TODAY)
    return TODAY


@pytest.fixture
def demo_sets(db):
    made = demo.seed_demo_assessments(YEAR)
    return {s.fund_kind: s for s in made}


def make_village(district_code: str, number: int, name: str | None = None) -> Village:
    subdistrict = Subdistrict.objects.filter(district_id=district_code).order_by("code").first()
    return Village.objects.create(subdistrict=subdistrict, number=number, name_th=name or f"บ้านทดสอบ{number}")


def make_group(district_code: str, name: str, *, active: bool = True) -> SavingsGroup:
    return SavingsGroup.objects.create(district_id=district_code, name=name, is_active=active)


def make_poverty_fund(district_code: str, number: int, *, active: bool = True):
    model = kinds.get("poverty").model()
    return model.objects.create(district_id=district_code, village=make_village(district_code, number),
                                status="active" if active else "stopped")


@pytest.fixture
def group(db):
    return make_group("3401", "กลุ่มออมทรัพย์บ้านหนองบัว")


@pytest.fixture
def neighbour_group(db):
    return make_group("3402", "กลุ่มออมทรัพย์บ้านโนนสูง")


def results(indicator_set: IndicatorSet, failed=()) -> dict:
    """Every indicator passed except the numbers in `failed`."""
    return {i.pk: {"passed": i.number not in failed, "note": ""} for i in indicator_set.indicators.all()}


def assess(user, fund, indicator_set, *, kind="savings_group", failed=(), round=BEFORE, on=TODAY, level=None):
    return services.record_assessment(user, fund_kind=kind, fund=fund, fiscal_year=YEAR, round=round,
                                      assessed_on=on, assessor="นางสาวประเมิน ทดสอบ",
                                      results=results(indicator_set, failed), level=level)
