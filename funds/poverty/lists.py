"""The กข.คจ. registry as lists that export to workbooks (cdd_portal.lists): the village funds with their
balances today, and the yellow book's loans with theirs. No national ID is exported."""

from django.utils import timezone
from django.utils.translation import gettext_lazy

from cdd_portal.lists.registry import Column, RegistryList, area_columns, updated_column
from funds.poverty import selectors
from funds.poverty.filters import LoanFilter, VillageFundFilter


def _funds(user):
    return selectors.funds_with_balances(selectors.funds_for(user), timezone.localdate())


def _loans(user):
    return selectors.loans_with_balances(selectors.loans_for(user), timezone.localdate())


POVERTY_FUNDS = RegistryList(
    name="poverty-funds", title=gettext_lazy("ทะเบียนกองทุน กข.คจ. หมู่บ้าน"), list_url="poverty:fund-list",
    queryset=_funds, filterset=VillageFundFilter,
    order_by=("district_id", "village__subdistrict__name_th", "village__number"),
    columns=(
        *area_columns(),
        Column("subdistrict", gettext_lazy("ตำบล"), lambda f: f.village.subdistrict.name_th),
        Column("village_no", gettext_lazy("หมู่ที่"), lambda f: f.village.number, kind="integer", width=8),
        Column("village", gettext_lazy("หมู่บ้าน"), lambda f: f.village.name_th, width=24),
        Column("funded_year", gettext_lazy("ปีที่ได้รับงบประมาณ (พ.ศ.)"), lambda f: f.funded_year, kind="integer"),
        Column("initial_capital", gettext_lazy("เงินทุนที่ได้รับ"), lambda f: f.initial_capital, kind="money"),
        Column("households_total", gettext_lazy("ครัวเรือนทั้งหมด"), lambda f: f.households_total, kind="integer"),
        Column("household_count", gettext_lazy("ครัวเรือนเป้าหมาย"), lambda f: f.household_count, kind="integer"),
        Column("borrower_count", gettext_lazy("ได้รับเงินยืมแล้ว (ครัวเรือน)"), lambda f: f.borrower_count,
               kind="integer"),
        Column("outstanding", gettext_lazy("เงินทุนอยู่ที่ครัวเรือน"), lambda f: f.outstanding, kind="money"),
        Column("bank_balance", gettext_lazy("เงินทุนในบัญชีเงินฝาก"), lambda f: f.bank_balance, kind="money"),
        Column("elsewhere", gettext_lazy("เงินทุนอยู่ที่อื่น ๆ"), lambda f: f.elsewhere, kind="money"),
        Column("status", gettext_lazy("สถานะ"), lambda f: f.get_status_display(), width=14),
        updated_column(),
    ))

POVERTY_LOANS = RegistryList(
    name="poverty-loans", title=gettext_lazy("บัญชีคุมลูกหนี้ กข.คจ. (เล่มเหลือง)"), list_url="poverty:fund-list",
    queryset=_loans, filterset=LoanFilter, order_by=("fund__district_id", "fund_id", "contract_date", "id"),
    columns=(
        *area_columns("fund"),
        Column("village", gettext_lazy("หมู่บ้าน"), lambda loan: str(loan.fund.village), width=24),
        Column("household", gettext_lazy("ผู้ยืม"), lambda loan: loan.household.head_name, width=24),
        Column("round", gettext_lazy("ยืมครั้งที่"), lambda loan: loan.round, kind="integer", width=8),
        Column("contract_number", gettext_lazy("เลขที่สัญญา"), lambda loan: loan.contract_number),
        Column("amount", gettext_lazy("จำนวนเงิน"), lambda loan: loan.amount, kind="money"),
        Column("received_on", gettext_lazy("วันที่รับเงินยืม"), lambda loan: loan.received_on, kind="date"),
        Column("final_due_date", gettext_lazy("วันครบกำหนด"), lambda loan: loan.final_due_date, kind="date"),
        Column("purpose", gettext_lazy("อาชีพ"), lambda loan: loan.purpose, width=24),
        Column("repaid", gettext_lazy("คืนแล้ว"), lambda loan: loan.repaid, kind="money"),
        Column("outstanding", gettext_lazy("ยอดคงเหลือ"), lambda loan: loan.outstanding, kind="money"),
        Column("overdue", gettext_lazy("ค้างชำระเกินกำหนด"), lambda loan: loan.overdue, kind="money"),
        Column("status", gettext_lazy("สถานะ"), lambda loan: loan.get_status_display(), width=16),
        updated_column(),
    ))
