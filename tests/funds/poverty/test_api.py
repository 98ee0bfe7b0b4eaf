"""กข.คจ. API: scoped lists and details, scoped related fields, masked national IDs, computed balances,
writes by the keeping district only, and fixed query counts."""

from datetime import date
from decimal import Decimal

import pytest

from funds.poverty import services
from funds.poverty.models import Repayment, TargetHousehold

from .conftest import NID, village_of

D = Decimal
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
BASE = "/api/v1"
ENDPOINTS = ["poverty-fund-villages", "target-households", "household-loans", "loan-repayments"]


@pytest.fixture
def data(far_officer, fund, households, loan):
    services.record_repayment(far_officer, loan, receipt_number="R1", date=date(2024, 7, 1), amount=D("4000"))
    return {"poverty-fund-villages": fund.pk, "target-households": households[0].pk, "household-loans": loan.pk,
            "loan-repayments": Repayment.objects.get().pk}


def test_the_keeper_reads_everything(api_as, far_officer, data):
    client = api_as(far_officer)
    for endpoint, pk in data.items():
        listing = client.get(f"{BASE}/{endpoint}/")
        assert listing.status_code == 200 and listing.json()["count"] >= 1, endpoint
        assert client.get(f"{BASE}/{endpoint}/{pk}/").status_code == 200, endpoint


@pytest.mark.parametrize("who", ["officer", "loei_neighbour", "province_staff"])
def test_another_office_sees_nothing(request, api_as, data, who):
    client = api_as(request.getfixturevalue(who))
    for endpoint, pk in data.items():
        assert client.get(f"{BASE}/{endpoint}/").json()["count"] == 0, endpoint
        assert client.get(f"{BASE}/{endpoint}/{pk}/").status_code == 404, endpoint
    assert client.patch(f"{BASE}/target-households/{data['target-households']}/", {"members": 9},
                        format="json").status_code in (403, 404)


def test_the_province_reads_not_writes(api_as, other_province_staff, data, fund):
    client = api_as(other_province_staff)
    assert client.get(f"{BASE}/household-loans/").json()["count"] == 1
    response = client.post(f"{BASE}/target-households/", {"fund": fund.pk, "head_name": "x", "members": 1,
                                                          "income_before": "1", "jpt_line": "2"}, format="json")
    assert response.status_code == 403


def test_loans_expose_balances_and_mask_ids(api_as, far_officer, data):
    row = api_as(far_officer).get(f"{BASE}/household-loans/{data['household-loans']}/").json()
    assert D(row["repaid"]) == D("4000") and D(row["outstanding"]) == D("6000") and D(row["overdue"]) == D("6000")
    assert row["defaulted"] is True and len(row["instalments"]) == 2
    assert "3100600123450" not in str(row)
    household = api_as(far_officer).get(f"{BASE}/target-households/{data['target-households']}/").json()
    assert household["national_id"] and NID not in household["national_id"]
    fund = api_as(far_officer).get(f"{BASE}/poverty-fund-villages/{data['poverty-fund-villages']}/").json()
    assert D(fund["outstanding"]) == D("6000") and fund["household_count"] == 3


def test_filters(api_as, far_officer, data, fund):
    client = api_as(far_officer)
    assert client.get(f"{BASE}/household-loans/", {"status": "active"}).json()["count"] == 1
    assert client.get(f"{BASE}/household-loans/", {"status": "repaid"}).json()["count"] == 0
    assert client.get(f"{BASE}/target-households/", {"q": "บุญมี"}).json()["count"] == 1
    assert client.get(f"{BASE}/poverty-fund-villages/", {"q": "นาโป่ง"}).json()["count"] == 1


def test_create_household_and_repayment(api_as, far_officer, data, fund, loan):
    client = api_as(far_officer)
    response = client.post(f"{BASE}/target-households/", {
        "fund": fund.pk, "head_name": "นายใหม่ ทดสอบ", "members": 3, "income_before": "20000.00",
        "jpt_line": "38000.00", "national_id": "1-1017-00230-70-8"}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["rank"] == 4 and NID not in response.json()["national_id"]
    assert TargetHousehold.objects.get(pk=response.json()["id"]).national_id == NID
    too_much = client.post(f"{BASE}/loan-repayments/", {"loan": loan.pk, "receipt_number": "R2",
                                                        "date": "2025-01-10", "amount": "6000.01"}, format="json")
    assert too_much.status_code == 400 and "amount" in too_much.json()["errors"]
    ok = client.post(f"{BASE}/loan-repayments/", {"loan": loan.pk, "receipt_number": "R2", "date": "2025-01-10",
                                                  "amount": "6000.00"}, format="json")
    assert ok.status_code == 201


def test_related_fields_are_scoped(api_as, officer, data, loan, fund):
    """Another district cannot point a record at a Loei fund or loan (and the form select would not list them)."""
    client = api_as(officer)
    response = client.post(f"{BASE}/loan-repayments/", {"loan": loan.pk, "receipt_number": "X", "date": "2025-01-10",
                                                        "amount": "1"}, format="json")
    assert response.status_code == 400 and "loan" in response.json()["errors"]
    response = client.post(f"{BASE}/poverty-fund-villages/", {"village": village_of("4201", 9).pk}, format="json")
    assert response.status_code == 400 and "village" in response.json()["errors"]


def test_api_lists_in_fixed_queries(api_as, far_officer, fund, households, django_assert_max_num_queries):
    for n, household in enumerate(households):
        loan = services.create_loan(far_officer, household, contract_number=f"C{n}", contract_date=date(2024, 5, 1),
                                    amount=D("1000"), purpose="x",
                                    instalments=[{"due_date": date(2025, 5, 1), "amount": D("1000")}])
        services.record_repayment(far_officer, loan, receipt_number=f"R{n}", date=date(2024, 6, 1), amount=D("10"))
    client = api_as(far_officer)
    for endpoint in ENDPOINTS:
        with django_assert_max_num_queries(10):
            assert client.get(f"{BASE}/{endpoint}/").status_code == 200
