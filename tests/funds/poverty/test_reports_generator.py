"""The funds data generator (tests/generators_funds.py), small: what it makes, that its savings-group reports
are what the report engine itself would store, and that its villages read back through the reports."""

from datetime import date
from decimal import Decimal

import pytest

from cdd_portal.geo.models import Province
from funds.models import SavingsGroup
from funds.poverty import reports
from funds.poverty.models import Loan, TargetHousehold, VillageFund
from reports import schema as engine
from reports.models import Submission
from tests.generators_funds import national_funds

pytestmark = pytest.mark.django_db

TODAY = date(2025, 2, 16)


def test_a_small_national_run():
    made = national_funds(groups_per_district=3, funds_per_district=4, households=10,
                          district_codes=["3401", "3402"], today=TODAY)
    assert made["groups"] == 6 and made["funds"] == 8 and made["households"] == 80
    assert made["loans"] == 48 and made["group_reports"] == 24  # 2 district offices × 12 months
    assert SavingsGroup.objects.count() == 6 and VillageFund.objects.count() == 8
    assert TargetHousehold.objects.filter(national_id="").count() == 0

    submission = Submission.objects.order_by("period__start").last()
    assert submission.status == Submission.Status.APPROVED and submission.period.end < TODAY
    groups = set(SavingsGroup.objects.filter(district_id=submission.office.district_id).values_list("pk", flat=True))
    clean, errors = engine.validate_data(submission.form.schema, submission.data, references={"group": groups})
    assert errors == [] and clean == submission.data  # stored exactly as the engine stores a typed report
    from cdd_portal import references

    latest = references.approved_figures("group", sorted(groups))
    assert set(latest) == groups and all(f.period_end == submission.period.end for f in latest.values())

    loans = list(reports.loan_figures(Loan.objects.all(), TODAY))
    assert any(loan.defaulted for loan in loans) and any(loan.outstanding == 0 for loan in loans)
    assert Loan.objects.filter(status=Loan.Status.WRITTEN_OFF).count() == 0 or any(loan.lost for loan in loans)
    data = reports.province_summary(Province.objects.get(code="34"), TODAY)
    total = data["total"]
    assert total.villages == 8 and total.outstanding > 0 and total.bank > 0
    assert total.total == 8 * Decimal("280000.00") - sum(
        (f.lost for f in reports.fund_figures(VillageFund.objects.all(), TODAY)), reports.ZERO)
