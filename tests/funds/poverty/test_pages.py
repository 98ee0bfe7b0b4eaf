"""กข.คจ. pages: the keeping district writes, another district gets 404 on every page and action, the
province reads (p42 Loei) and another province sees nothing (p34); list pages in a fixed number of queries."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from funds.poverty import services
from funds.poverty.models import Loan, Repayment, TargetHousehold, VillageFund

from .conftest import NID, village_of

D = Decimal
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.fixture
def everything(far_officer, fund, households, account, loan):
    """One record of each kind, for the permission sweep."""
    member = services.add_member(far_officer, fund, name="นายประธาน", position="chair", start_date=date(2024, 1, 1),
                                 national_id=NID)
    entry = account.entries.first()
    proposal = services.create_proposal(far_officer, households[1], proposed_on=date(2024, 12, 1), title="ค้าขาย",
                                        items=[{"description": "สินค้า", "amount": D("3000")}])
    request = services.create_request(far_officer, households[1], requested_on=date(2024, 12, 2), amount=D("3000"))
    repayment = services.record_repayment(far_officer, loan, receipt_number="R1", date=date(2024, 7, 1),
                                          amount=D("1000"))
    return {"fund": fund, "member": member, "account": account, "entry": entry, "household": households[0],
            "proposal": proposal, "request": request, "loan": loan, "repayment": repayment}


def urls(e):
    f, loan = e["fund"].pk, e["loan"].pk
    return [
        reverse("poverty:fund-detail", args=[f]), reverse("poverty:fund-edit", args=[f]),
        reverse("poverty:fund-stop", args=[f]), reverse("poverty:member-create", args=[f]),
        reverse("poverty:account-create", args=[f]), reverse("poverty:household-create", args=[f]),
        reverse("poverty:proposal-create", args=[f]), reverse("poverty:request-create", args=[f]),
        reverse("poverty:loan-create", args=[f]), reverse("poverty:member-edit", args=[e["member"].pk]),
        reverse("poverty:entry-create", args=[e["account"].pk]), reverse("poverty:entry-cancel", args=[e["entry"].pk]),
        reverse("poverty:household-edit", args=[e["household"].pk]),
        reverse("poverty:household-leave", args=[e["household"].pk]),
        reverse("poverty:proposal-decide", args=[e["proposal"].pk]),
        reverse("poverty:request-decide", args=[e["request"].pk]),
        reverse("poverty:loan-detail", args=[loan]), reverse("poverty:loan-receipt", args=[loan]),
        reverse("poverty:repayment-create", args=[loan]), reverse("poverty:loan-write-off", args=[loan]),
        reverse("poverty:repayment-cancel", args=[e["repayment"].pk]),
    ]


READ_ONLY = {"fund-detail", "loan-detail"}


def test_the_keeper_opens_every_page(login, far_officer, everything):
    client = login(far_officer)
    for url in urls(everything):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["officer", "loei_neighbour", "province_staff"])
def test_another_office_gets_404_everywhere(request, login, everything, who):
    client = login(request.getfixturevalue(who))
    for url in urls(everything):
        assert client.get(url).status_code == 404, url
        read_only = url in (reverse("poverty:fund-detail", args=[everything["fund"].pk]),
                            reverse("poverty:loan-detail", args=[everything["loan"].pk]))  # no POST there
        assert client.post(url, {"reason": "x"}).status_code == (405 if read_only else 404), url
    assert everything["fund"].village.name_th not in client.get(reverse("poverty:fund-list")).content.decode()


def test_the_province_reads_but_does_not_write(login, other_province_staff, everything):
    client = login(other_province_staff)
    listing = client.get(reverse("poverty:fund-list")).content.decode()
    assert everything["fund"].village.name_th in listing
    for url in urls(everything):
        name = url
        read = any(url == reverse(f"poverty:{n}", args=[everything["fund"].pk if n == "fund-detail" else
                                                        everything["loan"].pk]) for n in READ_ONLY)
        expected = 200 if read else 403
        assert client.get(url).status_code == expected, name
    assert client.post(reverse("poverty:repayment-create", args=[everything["loan"].pk]),
                       {"receipt_number": "X", "date": "15/01/2568", "amount": "1"}).status_code == 403
    assert client.get(reverse("poverty:fund-create")).status_code == 403


def test_national_ids_masked_on_the_fund_page(login, other_province_staff, far_officer, everything):
    page = login(other_province_staff).get(reverse("poverty:fund-detail", args=[everything["fund"].pk])).content.decode()
    assert NID not in page and "1-1017-00230-70-8" not in page and "แสดงเลขเต็ม" not in page
    own = login(far_officer).get(reverse("poverty:fund-detail", args=[everything["fund"].pk])).content.decode()
    assert NID not in own and "1-1017-00230-70-8" not in own and "แสดงเลขเต็ม" in own


def test_record_a_fund_from_the_page(login, far_officer):
    village = village_of("4201", 5, "บ้านห้วยม่วง")
    client = login(far_officer)
    response = client.post(reverse("poverty:fund-create"), {
        "village": village.pk, "funded_year": "๒๕๓๘", "initial_capital": "280,000", "households_total": "๑๒๐"})
    fund = VillageFund.objects.get(village=village)
    assert response.status_code == 302 and fund.funded_year == 2538 and fund.households_total == 120


def test_a_refusal_keeps_what_was_typed(login, far_officer, households):
    fund = households[0].fund
    response = login(far_officer).post(reverse("poverty:loan-create", args=[fund.pk]), {
        "household": households[0].pk, "contract_number": "สัญญา-99", "contract_date": "01/12/2567",
        "amount": "10,000", "purpose": "ทอผ้า",
        "n-TOTAL_FORMS": "2", "n-INITIAL_FORMS": "0", "n-MIN_NUM_FORMS": "0", "n-MAX_NUM_FORMS": "60",
        "n-0-due_date": "01/06/2568", "n-0-amount": "4,000", "n-1-due_date": "", "n-1-amount": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "ไม่เท่ากับจำนวนเงินยืม" in page
    assert "สัญญา-99" in page and "ทอผ้า" in page and "4,000" in page
    assert not Loan.objects.exists()


def test_loan_with_instalments_and_repayments_from_the_pages(login, far_officer, households):
    fund = households[0].fund
    client = login(far_officer)
    response = client.post(reverse("poverty:loan-create", args=[fund.pk]), {
        "household": households[0].pk, "contract_number": "1/2568", "contract_date": "01/11/2567",
        "amount": "๑๐,๐๐๐", "purpose": "ทอผ้า", "received_on": "02/11/2567",
        "n-TOTAL_FORMS": "2", "n-INITIAL_FORMS": "0", "n-MIN_NUM_FORMS": "0", "n-MAX_NUM_FORMS": "60",
        "n-0-due_date": "01/11/2568", "n-0-amount": "5,000", "n-1-due_date": "01/11/2569", "n-1-amount": "5,000"})
    loan = Loan.objects.get()
    assert response.status_code == 302 and loan.instalments.count() == 2 and loan.final_due_date == date(2026, 11, 1)
    client.post(reverse("poverty:repayment-create", args=[loan.pk]),
                {"receipt_number": "ร.1", "date": "10/01/2568", "amount": "2,500"})
    detail = client.get(reverse("poverty:fund-detail", args=[fund.pk])).content.decode()
    assert Repayment.objects.count() == 1 and "๗,๕๐๐.๐๐" in detail


def test_list_page_queries_do_not_grow(login, far_officer, loei_muang, django_assert_max_num_queries):
    for n in range(1, 8):
        fund = services.create_fund(far_officer, district=loei_muang, village=village_of("4201", n, f"บ้าน {n}"))
        services.add_household(far_officer, fund, head_name="ก", members=1, income_before=1, jpt_line=2)
    client = login(far_officer)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("poverty:fund-list"))
    assert response.content.decode().count('data-testid="fund-outstanding"') == 7


def test_fund_page_queries_do_not_grow(login, far_officer, everything, django_assert_max_num_queries):
    fund = everything["fund"]
    for n in range(4, 12):
        h = services.add_household(far_officer, fund, head_name=f"ครัวเรือน {n}", members=2, income_before=D("30000"),
                                   jpt_line=D("38000"))
        loan = services.create_loan(far_officer, h, contract_number=f"L{n}", contract_date=date(2024, 5, 1),
                                    amount=D("1000"), purpose="x",
                                    instalments=[{"due_date": date(2025, 5, 1), "amount": D("1000")}])
        services.record_repayment(far_officer, loan, receipt_number=f"R{n}", date=date(2024, 6, 1), amount=D("100"))
    client = login(far_officer)
    # (+2: the responsible officer and handover panel of funds.handovers)
    with django_assert_max_num_queries(24):
        response = client.get(reverse("poverty:fund-detail", args=[fund.pk]))
    assert response.status_code == 200
    assert TargetHousehold.objects.filter(fund=fund).count() == 11


def test_the_keeper_reveals_a_national_id_audited(login, far_officer, other_province_staff, everything):
    from cdd_portal.audit.models import AuditEntry

    household = everything["household"]
    url = reverse("personal:reveal", args=["poverty.targethousehold", household.pk, "national_id"])
    response = login(far_officer).post(url)
    assert response.status_code == 200 and "1-1017-00230-70-8" in response.content.decode()
    assert AuditEntry.objects.filter(action="reveal", object_type="poverty.targethousehold").exists()
    assert login(other_province_staff).post(url).status_code in (403, 404)


def test_cancel_write_off_and_stop_from_the_pages(login, far_officer, everything):
    client = login(far_officer)
    repayment, loan, fund = everything["repayment"], everything["loan"], everything["fund"]
    blank = client.post(reverse("poverty:repayment-cancel", args=[repayment.pk]), {"reason": " "})
    assert blank.status_code == 200 and "errorlist" in blank.content.decode()
    client.post(reverse("poverty:repayment-cancel", args=[repayment.pk]), {"reason": "ออกใบสำคัญผิดคน"})
    repayment.refresh_from_db()
    assert repayment.is_cancelled and repayment.cancel_reason == "ออกใบสำคัญผิดคน"
    page = client.get(reverse("poverty:loan-detail", args=[loan.pk])).content.decode()
    assert "ยกเลิก: ออกใบสำคัญผิดคน" in page
    client.post(reverse("poverty:loan-write-off", args=[loan.pk]),
                {"written_off_on": "15/01/2568", "reason": "ผู้ยืมย้ายถิ่น ติดตามไม่ได้"})
    loan.refresh_from_db()
    assert loan.status == Loan.Status.WRITTEN_OFF
    client.post(reverse("poverty:fund-stop", args=[fund.pk]), {"stopped_on": "15/01/2568", "reason": "ยุบรวม"})
    fund.refresh_from_db()
    assert fund.status == VillageFund.Status.STOPPED
    page = client.get(reverse("poverty:fund-detail", args=[fund.pk])).content.decode()
    assert "ยุติการดำเนินการ" in page and "ตัดหนี้สูญ" in page


def test_withdrawal_beyond_balance_refused_on_the_page(login, far_officer, account):
    response = login(far_officer).post(reverse("poverty:entry-create", args=[account.pk]), {
        "date": "10/01/2568", "description": "ถอนจ่ายเงินยืม", "kind": "withdrawal", "amount": "๒๐๐,๐๐๐.๐๑"})
    page = response.content.decode()
    assert response.status_code == 200 and "เกินยอดคงเหลือ" in page and "ถอนจ่ายเงินยืม" in page


def test_search_the_list(login, far_officer, loei_muang):
    services.create_fund(far_officer, district=loei_muang, village=village_of("4201", 1, "บ้านนาโป่ง"))
    services.create_fund(far_officer, district=loei_muang, village=village_of("4201", 2, "บ้านห้วยม่วง"))
    page = login(far_officer).get(reverse("poverty:fund-list"), {"q": "ห้วย"}).content.decode()
    assert "บ้านห้วยม่วง" in page and "บ้านนาโป่ง" not in page


def test_the_loan_pipeline_through_the_pages(login, far_officer, households):
    from funds.poverty.models import LoanProposal, LoanRequest

    fund, household = households[1].fund, households[1]
    client = login(far_officer)
    response = client.post(reverse("poverty:proposal-create", args=[fund.pk]), {
        "household": household.pk, "book_number": "๑", "project_number": "๓", "proposed_on": "01/12/2567",
        "title": "เลี้ยงสุกร", "decision": "pending",
        "i-TOTAL_FORMS": "3", "i-INITIAL_FORMS": "0", "i-MIN_NUM_FORMS": "0", "i-MAX_NUM_FORMS": "1000",
        "i-0-description": "ลูกสุกร", "i-0-amount": "๖,๐๐๐", "i-1-description": "อาหาร", "i-1-amount": "2,000",
        "i-2-description": "", "i-2-amount": ""})
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal = LoanProposal.objects.get()
    assert proposal.total == D("8000")
    client.post(reverse("poverty:proposal-decide", args=[proposal.pk]), {
        "officer_opinion": "agree", "decision": "approved", "approved_amount": "8,000", "decided_on": "05/12/2567"})
    proposal.refresh_from_db()
    assert proposal.decision == "approved"
    response = client.post(reverse("poverty:request-create", args=[fund.pk]), {
        "household": household.pk, "proposal": proposal.pk, "number": "๗", "requested_on": "06/12/2567",
        "amount": "8,000", "consent_name": "นางบุญมา ศรีสุข", "consent_relation": "ภรรยา",
        "consent_national_id": "1-1017-00230-70-8", "officer_opinion": "agree", "decision": "approved",
        "approved_amount": "8,000", "decided_on": "07/12/2567"})
    assert response.status_code == 302
    request = LoanRequest.objects.get()
    page = client.get(reverse("poverty:fund-detail", args=[fund.pk])).content.decode()
    assert "ทำสัญญา" in page and "1-1017-00230-70-8" not in page and NID not in page
    response = client.post(reverse("poverty:loan-create", args=[fund.pk]), {
        "household": household.pk, "request": request.pk, "contract_number": "๒/๒๕๖๘", "contract_date": "10/12/2567",
        "amount": "8,000", "purpose": "เลี้ยงสุกร", "consent_name": "นางบุญมา ศรีสุข",
        "n-TOTAL_FORMS": "1", "n-INITIAL_FORMS": "0", "n-MIN_NUM_FORMS": "0", "n-MAX_NUM_FORMS": "60",
        "n-0-due_date": "10/12/2568", "n-0-amount": "8,000"})
    loan = Loan.objects.get()
    assert response.status_code == 302 and loan.request == request and loan.received_on is None
    client.post(reverse("poverty:loan-receipt", args=[loan.pk]), {"received_on": "11/12/2567"})
    loan.refresh_from_db()
    assert loan.received_on == date(2024, 12, 11)
