"""กข.คจ. services: the books' rules, the regulation settings and the computed balances."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cdd_portal.audit.models import AuditEntry
from funds import kinds
from funds.poverty import selectors, services
from funds.poverty.models import BankEntry, Loan, RegulationSetting, Repayment, VillageFund

from .conftest import TODAY, village_of

D = Decimal
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


def _loan(qs=None, as_of=TODAY):
    return selectors.loans_with_balances(qs if qs is not None else Loan.objects.all(), as_of).get()


def test_the_seeded_setting_leaves_unknown_figures_null():
    setting = RegulationSetting.active()
    assert "พ.ศ. ๒๕๕๓" in setting.name
    assert setting.loan_limit is None and setting.service_fee_percent is None and setting.forbearance_days is None
    assert setting.max_repayment_months == 36 and "ข้อ ๒๑" in setting.max_repayment_clause
    assert "UNVERIFIED" in setting.max_repayment_source


def test_create_fund_audited_and_one_per_village(far_officer, fund, loei_muang):
    assert fund.initial_capital == D("280000.00") and fund.status == VillageFund.Status.ACTIVE
    assert AuditEntry.objects.filter(object_type="poverty.villagefund", action="create", district_code="4201").exists()
    with pytest.raises(ValidationError) as exc:
        services.create_fund(far_officer, district=loei_muang, village=fund.village)
    assert "มีกองทุน" in str(exc.value)


def test_only_the_keeping_district_writes(officer, other_province_staff, fund, loei_muang):
    with pytest.raises(PermissionDenied):
        services.create_fund(officer, district=loei_muang, village=village_of("4201", 2))
    with pytest.raises(PermissionDenied):
        services.add_household(other_province_staff, fund, head_name="x", members=1, income_before=1, jpt_line=1)


def test_village_must_be_in_the_district(far_officer, loei_muang):
    with pytest.raises(ValidationError) as exc:
        services.create_fund(far_officer, district=loei_muang, village=village_of("3401"))
    assert "village" in exc.value.message_dict


def test_households_ranked_and_rank_unique(far_officer, fund, households):
    assert [h.rank for h in households] == [1, 2, 3]
    with pytest.raises(ValidationError) as exc:
        services.add_household(far_officer, fund, rank=2, head_name="นายซ้ำ", members=2, income_before=D("1"),
                               jpt_line=D("38000"))
    assert "ลำดับที่" in exc.value.message_dict["rank"][0]
    late = services.add_household(far_officer, fund, rank=4, head_name="นายรายได้น้อย", members=2,
                                  income_before=D("5000"), jpt_line=D("38000"))
    warnings = selectors.rank_warnings(list(selectors.households_ranked(fund)))
    assert warnings and "ลำดับที่ ๓" in warnings[0]
    services.update_household(far_officer, late, income_after_1=D("39000"))
    late.refresh_from_db()
    assert late.passed_line


def test_national_id_checked(far_officer, fund):
    with pytest.raises(ValidationError) as exc:
        services.add_household(far_officer, fund, head_name="นายผิด", members=1, income_before=D("1"),
                               jpt_line=D("38000"), national_id="1101700230709")
    assert "national_id" in exc.value.message_dict


def test_committee_warnings_not_refusals(far_officer, fund):
    assert selectors.committee_warnings(fund, TODAY) == ["ยังไม่มีคณะกรรมการที่อยู่ในวาระ"]
    services.add_member(far_officer, fund, name="นายประธาน", position="chair", start_date=date(2020, 1, 1))
    for n in range(3):
        services.add_member(far_officer, fund, name=f"กรรมการ {n}", position="member", start_date=date(2024, 1, 1))
    warnings = selectors.committee_warnings(fund, TODAY)
    assert any("๔ คน" in w for w in warnings)
    assert any("นายประธาน" in w and "๔ ปี" in w for w in warnings)


def test_green_book_running_balance_and_withdrawal_beyond_balance(far_officer, account):
    services.add_bank_entry(far_officer, account, date=date(2024, 11, 1), description="ถอนจ่ายเงินยืม",
                            kind="withdrawal", amount=D("50000"))
    with pytest.raises(ValidationError) as exc:
        services.add_bank_entry(far_officer, account, date=date(2024, 12, 1), description="ถอน", kind="withdrawal",
                                amount=D("150000.01"))
    assert "เกินยอดคงเหลือ" in exc.value.message_dict["amount"][0]
    assert "150,000.00" in exc.value.message_dict["amount"][0] or "๑๕๐,๐๐๐.๐๐" in exc.value.message_dict["amount"][0]
    # a back-dated withdrawal that would make a later balance negative is refused too
    with pytest.raises(ValidationError):
        services.add_bank_entry(far_officer, account, date=date(2024, 10, 15), description="ถอน", kind="withdrawal",
                                amount=D("160000"))
    rows = list(selectors.bank_entries_with_balance(account.entries.all()))
    assert [r.balance for r in rows] == [D("200000"), D("150000")]


def test_cancelled_bank_entry_kept_and_left_out(far_officer, account):
    entry = services.add_bank_entry(far_officer, account, date=date(2024, 11, 1), description="ฝากผิด",
                                    kind="deposit", amount=D("1000"))
    services.cancel_bank_entry(far_officer, entry, reason="บันทึกซ้ำ")
    assert BankEntry.objects.filter(pk=entry.pk, cancelled_on=TODAY).exists()
    assert selectors.account_balance(account) == D("200000")
    with pytest.raises(ValidationError):
        services.cancel_bank_entry(far_officer, entry, reason="อีกครั้ง")


def test_loan_instalments_must_sum(far_officer, households):
    with pytest.raises(ValidationError) as exc:
        services.create_loan(far_officer, households[1], contract_number="2/2568", contract_date=date(2024, 6, 1),
                             amount=D("10000"), purpose="ค้าขาย",
                             instalments=[{"due_date": date(2025, 6, 1), "amount": D("4000")}])
    assert "ไม่เท่ากับจำนวนเงินยืม" in exc.value.message_dict["instalments"][0]
    assert not Loan.objects.filter(contract_number="2/2568").exists()


def test_contract_number_unique_in_fund(far_officer, loan, households):
    with pytest.raises(ValidationError) as exc:
        services.create_loan(far_officer, households[1], contract_number="1/2568", contract_date=date(2024, 6, 1),
                             amount=D("1000"), purpose="ค้าขาย",
                             instalments=[{"due_date": date(2025, 6, 1), "amount": D("1000")}])
    assert "สัญญาเลขที่" in exc.value.message_dict["contract_number"][0]


def test_loan_limit_and_period_from_the_setting(far_officer, households, setting):
    args = {"contract_date": date(2024, 6, 1), "purpose": "ค้าขาย"}
    with pytest.raises(ValidationError) as exc:  # 36 months (ข้อ 21) is the seeded period
        services.create_loan(far_officer, households[1], contract_number="3", amount=D("1000"),
                             instalments=[{"due_date": date(2027, 6, 2), "amount": D("1000")}], **args)
    assert "ข้อ ๒๑" in exc.value.message_dict["final_due_date"][0]
    # no limit in the seeded setting: a large loan passes
    services.create_loan(far_officer, households[1], contract_number="4", amount=D("100000"),
                         instalments=[{"due_date": date(2027, 6, 1), "amount": D("100000")}], **args)
    setting.loan_limit, setting.loan_limit_clause = D("30000"), "ข้อ ๙๙ (ทดสอบ)"
    setting.max_repayment_months = None
    setting.save()
    with pytest.raises(ValidationError) as exc:
        services.create_loan(far_officer, households[2], contract_number="5", amount=D("30000.01"),
                             instalments=[{"due_date": date(2030, 6, 1), "amount": D("30000.01")}], **args)
    assert "ข้อ ๙๙" in exc.value.message_dict["amount"][0]
    services.create_loan(far_officer, households[2], contract_number="6", amount=D("30000"),
                         instalments=[{"due_date": date(2030, 6, 1), "amount": D("30000")}], **args)


def test_round_counts_on(far_officer, loan, households):
    assert loan.round == 1 and loan.final_due_date == date(2025, 1, 10)
    second = services.create_loan(far_officer, households[0], contract_number="9", contract_date=date(2024, 2, 1),
                                  amount=D("100"), purpose="x", instalments=[{"due_date": date(2025, 2, 1), "amount": 100}])
    assert second.round == 2


def test_balances_overdue_and_defaulted(far_officer, loan):
    row = _loan()
    assert (row.repaid, row.outstanding, row.due, row.overdue) == (D("0"), D("10000"), D("10000"), D("10000"))
    assert row.defaulted  # null forbearance: past due is defaulted
    services.record_repayment(far_officer, loan, receipt_number="R1", date=date(2024, 7, 1), amount=D("5000"))
    row = _loan()
    assert (row.repaid, row.outstanding, row.overdue) == (D("5000"), D("5000"), D("5000"))
    assert row.last_repaid_on == date(2024, 7, 1)
    # as of before the second due date: nothing overdue
    early = _loan(as_of=date(2024, 12, 1))
    assert early.overdue == D("0") and not early.defaulted
    setting = RegulationSetting.active()
    setting.forbearance_days = 30
    setting.save()
    assert not _loan().defaulted  # second instalment due 10 Jan, 5 days ago: within forbearance
    assert _loan(as_of=date(2025, 2, 15)).defaulted


def test_repayment_beyond_outstanding_and_receipt_unique(far_officer, loan):
    with pytest.raises(ValidationError) as exc:
        services.record_repayment(far_officer, loan, receipt_number="R1", date=date(2024, 7, 1), amount=D("10000.01"))
    assert "เกินยอดค้างชำระ" in exc.value.message_dict["amount"][0]
    services.record_repayment(far_officer, loan, receipt_number="R1", date=date(2024, 7, 1), amount=D("4000"))
    with pytest.raises(ValidationError) as exc:
        services.record_repayment(far_officer, loan, receipt_number="R1", date=date(2024, 7, 2), amount=D("1"))
    assert "receipt_number" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.record_repayment(far_officer, loan, receipt_number="R9", date=date(2025, 2, 1), amount=D("1"))


def test_full_repayment_closes_and_cancel_reopens(far_officer, loan):
    services.record_repayment(far_officer, loan, receipt_number="R1", date=date(2024, 7, 1), amount=D("5000"))
    last = services.record_repayment(far_officer, loan, receipt_number="R2", date=date(2025, 1, 10), amount=D("5000"))
    loan.refresh_from_db()
    assert loan.status == Loan.Status.REPAID
    services.cancel_repayment(far_officer, last, reason="ใบสำคัญผิดสัญญา")
    loan.refresh_from_db()
    assert loan.status == Loan.Status.ACTIVE
    assert Repayment.objects.count() == 2  # kept
    row = _loan()
    assert row.repaid == D("5000") and row.outstanding == D("5000")
    assert AuditEntry.objects.filter(object_type="poverty.repayment", action="transition").exists()


def test_write_off_keeps_history(far_officer, loan):
    services.record_repayment(far_officer, loan, receipt_number="R1", date=date(2024, 7, 1), amount=D("2000"))
    with pytest.raises(ValidationError):
        services.write_off(far_officer, loan, written_off_on=TODAY, reason="  ")
    services.write_off(far_officer, loan, written_off_on=TODAY, reason="ผู้ยืมเสียชีวิต ไม่มีทายาท")
    loan.refresh_from_db()
    assert loan.status == Loan.Status.WRITTEN_OFF and loan.repayments.count() == 1
    with pytest.raises(ValidationError):
        services.record_repayment(far_officer, loan, receipt_number="R2", date=TODAY, amount=D("1"))
    row = _loan()
    assert row.overdue == D("0") and not row.defaulted
    fund = selectors.fund_balance(loan.fund, TODAY)
    assert fund.outstanding == D("0") and fund.written_off_total == D("10000")


def test_pipeline_proposal_request_contract(far_officer, households):
    household = households[1]
    proposal = services.create_proposal(
        far_officer, household, proposed_on=date(2024, 12, 1), title="เลี้ยงสุกร", book_number="1", project_number="3",
        items=[{"description": "ลูกสุกร", "amount": D("6000")}, {"description": "อาหาร", "amount": D("2000")},
               {"description": "", "amount": None}])
    assert proposal.total == D("8000") and proposal.items.count() == 2
    with pytest.raises(ValidationError):
        services.decide_proposal(far_officer, proposal, decision="rejected", decided_on=date(2024, 12, 5))
    services.decide_proposal(far_officer, proposal, officer_opinion="agree", decision="approved",
                             approved_amount=D("8000"), decided_on=date(2024, 12, 5))
    request = services.create_request(far_officer, household, proposal=proposal, requested_on=date(2024, 12, 10),
                                      amount=D("8000"), consent_name="นางบุญมา", consent_relation="ภรรยา")
    with pytest.raises(ValidationError) as exc:
        services.create_loan(far_officer, household, request=request, contract_number="7", contract_date=date(2024, 12, 20),
                             amount=D("8000"), purpose="เลี้ยงสุกร",
                             instalments=[{"due_date": date(2025, 12, 20), "amount": D("8000")}])
    assert "ยังไม่ได้รับอนุมัติ" in exc.value.message_dict["request"][0]
    services.decide_request(far_officer, request, officer_opinion="agree", decision="approved",
                            approved_amount=D("7000"), decided_on=date(2024, 12, 15))
    with pytest.raises(ValidationError) as exc:
        services.create_loan(far_officer, household, request=request, contract_number="7", contract_date=date(2024, 12, 20),
                             amount=D("8000"), purpose="เลี้ยงสุกร",
                             instalments=[{"due_date": date(2025, 12, 20), "amount": D("8000")}])
    assert "amount" in exc.value.message_dict
    loan = services.create_loan(far_officer, household, request=request, contract_number="7",
                                contract_date=date(2024, 12, 20), amount=D("7000"), purpose="เลี้ยงสุกร",
                                instalments=[{"due_date": date(2025, 12, 20), "amount": D("7000")}])
    services.record_receipt(far_officer, loan, received_on=date(2024, 12, 21))
    with pytest.raises(ValidationError):
        services.record_receipt(far_officer, loan, received_on=date(2024, 12, 22))


def test_stop_fund(far_officer, fund):
    services.stop_fund(far_officer, fund, stopped_on=TODAY, reason="รวมกับกลุ่มออมทรัพย์")
    fund.refresh_from_db()
    assert fund.status == VillageFund.Status.STOPPED
    with pytest.raises(ValidationError):
        services.add_household(far_officer, fund, head_name="x", members=1, income_before=1, jpt_line=1)


def test_fund_balances_and_status(far_officer, fund, account, loan):
    services.record_repayment(far_officer, loan, receipt_number="R1", date=date(2024, 10, 5), amount=D("3000"))
    row = selectors.fund_balance(fund, TODAY)
    assert row.household_count == 3 and row.borrower_count == 1 and row.active_borrower_count == 1
    assert row.outstanding == D("7000") and row.bank_balance == D("200000")
    assert row.elsewhere == D("73000") and row.repaid_in_year == D("3000") and row.lent_total == D("10000")
    status = dict(selectors.fund_status(fund, TODAY))
    assert status["ครัวเรือนเป้าหมายทั้งหมด"] == "๓ ครัวเรือน"
    assert status["เงินทุนอยู่ที่ครัวเรือน"] == "๗,๐๐๐.๐๐ บาท"
    assert status["มีครัวเรือนผิดสัญญา"].startswith("มี ๑ ครัวเรือน")
    assert selectors.defaulted_by_fund([fund.pk], TODAY) == {fund.pk: (1, D("7000"))}


def test_fund_kind_registered(fund):
    kind = kinds.get("poverty")
    assert kind.model() is VillageFund and kind.level_set == "123"
    assert [code for code, _label in kind.handover_items][:3] == ["purple_book", "green_book", "yellow_book"]
    labels = [label for label, _value in kind.status(fund)]
    assert labels[0] == "ครัวเรือนเป้าหมายทั้งหมด" and "มีครัวเรือนผิดสัญญา" in labels


def test_balances_in_one_query(far_officer, loan, households, django_assert_num_queries):
    services.create_loan(far_officer, households[1], contract_number="2", contract_date=date(2024, 3, 1),
                         amount=D("500"), purpose="x", instalments=[{"due_date": date(2024, 9, 1), "amount": 500}])
    with django_assert_num_queries(2):  # the active setting (forbearance), then the loans
        rows = list(selectors.loans_with_balances(Loan.objects.all(), TODAY))
    assert len(rows) == 2
    with django_assert_num_queries(1):
        funds = list(selectors.funds_with_balances(VillageFund.objects.all(), TODAY))
    assert funds[0].outstanding == D("10500")


def test_demo_fund_in_loei(db):
    from funds.poverty.demo import seed_demo_poverty

    fund = seed_demo_poverty()
    assert fund.district_id == "4201" and fund.households.count() == 3
    assert seed_demo_poverty().pk == fund.pk and VillageFund.objects.count() == 1
    row = selectors.fund_balance(fund, TODAY)
    assert row.outstanding == D("15000") and row.bank_balance == D("235000")
    later = selectors.fund_balance(fund, date(2025, 12, 1))
    assert later.outstanding == D("7500")


def test_the_audit_trail_keeps_national_ids_masked(far_officer, households, loan):
    from .conftest import NID, NID2

    services.update_household(far_officer, households[0], national_id="")
    services.add_member(far_officer, households[0].fund, name="นายประธาน", position="chair",
                        start_date=date(2024, 1, 1), national_id=NID)
    trail = str(list(AuditEntry.objects.values_list("changes", flat=True)))
    assert NID not in trail and NID2 not in trail
    assert "national_id" in AuditEntry.objects.filter(object_type="poverty.targethousehold",
                                                      action="update").get().changes
