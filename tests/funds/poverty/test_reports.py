"""The กข.คจ. report selectors (funds/poverty/reports.py) on a hand-made village whose figures are known
(tests/generators_funds.sample_village), and their query counts."""

from datetime import date
from decimal import Decimal

import pytest

from cdd_portal.geo.models import District, Province
from funds.poverty import reports
from funds.poverty.models import VillageFund
from tests.generators_funds import sample_village

pytestmark = pytest.mark.django_db

TODAY = date(2025, 2, 16)
D = Decimal


@pytest.fixture
def village():
    return sample_village("3401")


@pytest.fixture
def more_villages(village):
    """A second village of d3401, one of d3402 (same province) and one of Loei (another province)."""
    return [sample_village("3401", number=2, name="บ้านโนนสูง"), sample_village("3402"), sample_village("4201")]


def test_the_fund_figures(village):
    f = reports.fund_figures(VillageFund.objects.filter(pk=village.pk), TODAY)[0]
    assert (f.households_count, f.households_members) == (4, 14)
    assert (f.borrowers_count, f.borrowers_members) == (4, 14)
    assert (f.passed_count, f.passed_members) == (1, 3)
    assert f.lent == D("52000") and f.repaid == D("28000")
    assert f.outstanding == D("20000") and f.bank == D("244000") and f.lost == D("4000")
    assert f.in_hand == D("12000") and f.total == D("276000") and f.repaid_in_year == D("10000")


def test_the_figures_follow_the_as_of_date(village):
    """On 1 December 2023 loans A and C were not made yet, D not written off, the last deposit not made."""
    f = reports.fund_figures(VillageFund.objects.filter(pk=village.pk), date(2023, 12, 1))[0]
    assert f.lent == D("20000")  # B 15,000 + D 5,000
    assert f.repaid == D("6000")  # B 5,000 + D 1,000
    assert f.lost == 0 and f.outstanding == D("14000") and f.bank == D("228000")
    assert f.repaid_in_year == D("1000")  # FY 2567 began 1 October 2023


def test_the_village_debt_report(village, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        report = reports.village_debt(village, TODAY)
    rows = [(r.name, r.amount, r.repaid, r.outstanding, r.round, r.note) for r in report.rows]
    assert rows == [
        ("นายสมชาย รักดี", D("15000"), D("15000"), D("0"), 2, "ส่งคืนครบแล้ว"),
        ("นายทองดี มีสุข", D("5000"), D("1000"), D("4000"), 1, "ตัดหนี้สูญ ๑ ม.ค. ๖๘"),
        ("นางมาลี ศรีสุข", D("12000"), D("2000"), D("10000"), 1, "ผิดนัด"),
        ("นางสมหญิง ใจดี", D("20000"), D("10000"), D("10000"), 1, ""),
    ]
    assert report.totals == {"amount": D("52000"), "repaid": D("28000"), "outstanding": D("24000")}
    s = report.summary
    assert (s["borrowers"], s["outstanding"], s["bank"], s["in_hand"], s["total"], s["repaid_in_year"]) == (
        4, D("20000"), D("244000"), D("12000"), D("276000"), D("10000"))
    assert s["outstanding"] + s["bank"] + s["in_hand"] == s["total"]


def test_form_26_1_totals_are_the_sum_of_the_rows(more_villages, django_assert_max_num_queries):
    district = District.objects.select_related("province").get(code="3401")
    with django_assert_max_num_queries(5):
        data = reports.district_summary(district, TODAY)
    assert len(data["rows"]) == 2
    first = data["rows"][0]
    assert (first.households_total, first.households_count, first.borrowers_count, first.outstanding, first.bank,
            first.in_hand, first.total, first.repaid_in_year) == (120, 4, 4, D("20000"), D("244000"), D("12000"),
                                                                  D("276000"), D("10000"))
    total = data["total"]
    for name in reports.SUMMARY_COLUMNS:
        assert getattr(total, name) == sum(getattr(r, name) for r in data["rows"]), name
    assert total.outstanding == D("40000") and total.label == "รวมทั้งสิ้น"


def test_form_26_2_a_row_per_district(more_villages, django_assert_max_num_queries):
    province = Province.objects.get(code="34")
    with django_assert_max_num_queries(6):
        data = reports.province_summary(province, TODAY)
    assert len(data["rows"]) == District.objects.filter(province_id="34", kind="district").count()
    by_code = {r.code: r for r in data["rows"]}
    assert (by_code["3401"].subdistricts, by_code["3401"].villages, by_code["3401"].outstanding) == (1, 2, D("40000"))
    assert (by_code["3402"].villages, by_code["3402"].bank) == (1, D("244000"))
    assert by_code["3404"].villages == 0 and by_code["3404"].outstanding == 0
    total = data["total"]
    assert (total.villages, total.subdistricts, total.outstanding, total.in_hand) == (3, 2, D("60000"), D("36000"))
    for name in (*reports.SUMMARY_COLUMNS, "villages", "subdistricts"):
        assert getattr(total, name) == sum(getattr(r, name) for r in data["rows"]), name


def test_the_query_count_does_not_grow_with_villages(village, django_assert_num_queries):
    province = Province.objects.get(code="34")
    with django_assert_num_queries(6):
        reports.province_summary(province, TODAY)
    for n in range(2, 6):
        sample_village("3403", number=n)
    with django_assert_num_queries(6):
        reports.province_summary(province, TODAY)
    with django_assert_num_queries(9):
        reports.village_database(province, TODAY)
    with django_assert_num_queries(4):
        reports.debtors("3403", TODAY)
    district = District.objects.select_related("province").get(code="3403")
    with django_assert_num_queries(5):
        reports.district_summary(district, TODAY)


def test_the_village_database(more_villages):
    province = Province.objects.get(code="34")
    data = reports.village_database(province, TODAY)
    assert len(data["rows"]) == 3
    row = data["rows"][0]
    assert (row.households_count, row.households_members, row.borrowers_count, row.borrowers_members,
            row.passed_count, row.passed_members) == (4, 14, 4, 14, 1, 3)
    assert (row.capital, row.debtors, row.debt, row.bank, row.lost, row.defaulters, row.defaulted_debt) == (
        D("280000"), 1, D("10000"), D("244000"), D("4000"), 1, D("10000"))
    assert (row.level, row.others) == ("-", "-")
    assert data["total"].debt == D("30000") and data["total"].defaulters == 3
    one = reports.village_database(province, TODAY, district=District.objects.get(code="3402"),
                                   level_of=lambda ids: {ids[0]: "ระดับ ๓ (ดี)"})
    assert len(one["rows"]) == 1 and one["rows"][0].level == "ระดับ ๓ (ดี)"


def test_the_debtors(village, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # the regulation setting, the loans, their repayments, instalments
        loans = reports.debtors("3401", TODAY)
    assert [loan.contract_number for loan in loans] == ["1/2567", "3/2567"]
    a, c = loans
    assert (a.outstanding, a.overdue, a.defaulted, reports.days_overdue(a, TODAY)) == (D("10000"), 0, False, 0)
    assert (c.outstanding, c.overdue, c.defaulted) == (D("10000"), D("10000"), True)
    assert c.overdue_since == date(2024, 7, 1) and reports.days_overdue(c, TODAY) == 230
    assert [x.contract_number for x in reports.debtors("3401", TODAY, only="defaulted")] == ["3/2567"]
    assert [x.contract_number for x in reports.debtors("3401", TODAY, only="overdue")] == ["3/2567"]
    assert list(reports.debtors("3402", TODAY)) == []


def test_the_debtors_agree_with_the_yellow_book(village):
    """The district's list classifies loans as selectors.loans_with_balances does for one loan."""
    from funds.poverty.models import Loan
    from funds.poverty.selectors import loans_with_balances

    book = {loan.pk: loan for loan in loans_with_balances(Loan.objects.filter(fund=village), TODAY)}
    for loan in reports.debtors("3401", TODAY):
        one = book[loan.pk]
        assert (loan.repaid, loan.outstanding, loan.overdue, loan.defaulted) == (
            one.repaid, one.outstanding, one.overdue, one.defaulted)


def test_the_forbearance_setting_moves_a_debtor_out_of_default(village):
    """Overdue for 230 days: in default without forbearance, only overdue with 300 days of it (ซ, not ฐ)."""
    from funds.poverty.models import RegulationSetting

    RegulationSetting.objects.filter(is_active=True).update(forbearance_days=300)
    c = next(x for x in reports.debtors("3401", TODAY) if x.contract_number == "3/2567")
    assert c.overdue == D("10000") and not c.defaulted
    row = reports.village_database(Province.objects.get(code="34"), TODAY)["rows"][0]
    assert (row.debtors, row.debt, row.defaulters, row.defaulted_debt) == (2, D("20000"), 0, 0)
