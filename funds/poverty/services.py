"""Writes to the กข.คจ. registry: every rule, permission check and audit entry lives here.

The district office keeps the funds of its villages (`scoping.keeps_registry`); administrators may correct
any. Nothing is deleted: a fund is stopped, a household leaves the list, a loan is repaid or written off,
a repayment or a bank entry is cancelled — each with a date and a reason, each audited in the same
transaction. The regulation's figures come from the active `RegulationSetting`; a null figure is not
checked, and a refusal names the clause.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal.accounts.scoping import keeps_registry
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import diff, record, snapshot
from cdd_portal.personal import national_id
from cdd_portal.thai import format_number, thai_date, to_thai_digits
from funds.poverty import selectors
from funds.poverty.models import (
    BankAccount,
    BankEntry,
    Decision,
    FundCommitteeMember,
    Loan,
    LoanInstalment,
    LoanProposal,
    LoanRequest,
    Opinion,
    ProposalItem,
    RegulationSetting,
    Repayment,
    TargetHousehold,
    VillageFund,
)

FUND_FIELDS = ("funded_year", "initial_capital", "households_total", "note")
MEMBER_FIELDS = ("set_number", "name", "national_id", "position", "start_date", "end_date", "end_reason")
ACCOUNT_FIELDS = ("bank", "branch", "number", "name", "closed_on")
ENTRY_FIELDS = ("date", "document_number", "description", "kind", "amount", "note")
HOUSEHOLD_FIELDS = ("rank", "head_name", "national_id", "house_number", "members", "income_before", "jpt_line",
                    "income_after_1", "income_after_2", "income_after_3", "note")
PROPOSAL_FIELDS = ("book_number", "project_number", "proposed_on", "title", "officer_opinion", "officer_reason",
                   "officer_name", "decision", "approved_amount", "decision_reason", "decided_on")
REQUEST_FIELDS = ("proposal", "book_number", "number", "requested_on", "amount", "consent_name", "consent_relation",
                  "consent_national_id", "officer_opinion", "officer_reason", "decision", "approved_amount",
                  "decision_reason", "decided_on")
LOAN_FIELDS = ("request", "round", "book_number", "contract_number", "contract_date", "amount", "purpose",
               "final_due_date", "consent_name", "consent_relation", "consent_national_id", "received_on", "note")
REPAYMENT_FIELDS = ("receipt_number", "date", "amount", "note")
TEXT_FIELDS = {"note", "name", "national_id", "end_reason", "bank", "branch", "number", "document_number",
               "description", "head_name", "house_number", "book_number", "project_number", "title",
               "officer_opinion", "officer_reason", "officer_name", "decision_reason", "consent_name",
               "consent_relation", "consent_national_id", "contract_number", "purpose", "receipt_number"}
CENT = Decimal("0.01")


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- helpers -----------------------------------------------------------------------------------------

def _today(today: date | None) -> date:
    return today or timezone.localdate()


def _check(user, district_code: str) -> None:
    if not keeps_registry(user, district_code):
        raise PermissionDenied(_("บันทึกข้อมูลกองทุน กข.คจ. ได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของหมู่บ้านนั้น"))


def _assign(obj, fields: dict, allowed) -> None:
    for key, value in fields.items():
        if key not in allowed:
            raise TypeError(f"{type(obj).__name__} has no field {key!r} to set")
        if key in TEXT_FIELDS:
            value = (value or "").strip() if isinstance(value, str) or value is None else value
        setattr(obj, key, value)


@contextmanager
def _changing(obj, fields):
    """The fields' values before a change; a refused change puts them back."""
    before = snapshot(obj, fields)
    try:
        yield before
    except ValidationError:
        for key, value in before.items():
            setattr(obj, key, value)
        raise


ID_FIELDS = {"national_id", "consent_national_id"}


def _snap(obj, fields) -> dict:
    """A snapshot as the audit trail keeps it: national IDs masked (the trail is read by many)."""
    return {k: national_id.masked(v) if k in ID_FIELDS else v for k, v in snapshot(obj, fields).items()}


def _created(user, obj, fields, district_code: str) -> None:
    record(user, AuditEntry.Action.CREATE, obj, district_code=district_code,
           changes={k: str(v) for k, v in _snap(obj, fields).items() if v not in (None, "", [])})


def _updated(user, obj, before: dict, fields, district_code: str) -> bool:
    after = snapshot(obj, fields)
    changes = diff({k: v for k, v in before.items() if k not in ID_FIELDS},
                   {k: v for k, v in after.items() if k not in ID_FIELDS})
    for key in ID_FIELDS & set(after):
        if before.get(key) != after.get(key):  # marked changed even when the masked forms coincide
            changes[key] = [national_id.masked(before.get(key)) or "–", national_id.masked(after.get(key)) or "–"]
    if not changes:
        return False
    if hasattr(obj, "updated_by"):
        obj.updated_by = user
    obj.save()
    record(user, AuditEntry.Action.UPDATE, obj, changes=changes, district_code=district_code)
    return True


def _transition(user, obj, district_code: str, **changes) -> None:
    record(user, AuditEntry.Action.TRANSITION, obj, district_code=district_code,
           changes={k: [str(a), str(b)] for k, (a, b) in changes.items()})


def _required(value, field: str, message: str) -> None:
    if value in (None, "") or (isinstance(value, str) and not value.strip()):
        raise ValidationError({field: message})


def _not_future(value: date | None, field: str, today: date | None) -> None:
    if value and value > _today(today):
        raise ValidationError({field: _("วันที่ต้องไม่เป็นวันในอนาคต")})


def _positive(value, field: str, label: str) -> Decimal:
    if value in (None, ""):
        raise ValidationError({field: _("กรุณากรอก%(label)s") % {"label": label}})
    value = Decimal(value)
    if value <= 0:
        raise ValidationError({field: _("%(label)sต้องมากกว่าศูนย์") % {"label": label}})
    if value != value.quantize(CENT):
        raise ValidationError({field: _("%(label)sมีทศนิยมได้ไม่เกิน ๒ ตำแหน่ง") % {"label": label}})
    return value


def _not_negative(value, field: str, label: str):
    if value is None or value == "":
        return None
    value = Decimal(value)
    if value < 0:
        raise ValidationError({field: _("%(label)sต้องไม่ติดลบ") % {"label": label}})
    return value


def _baht(value) -> str:
    return _("%(n)s บาท") % {"n": format_number(value, 2)}


def _save(obj, field: str, message: str) -> None:
    """Save, turning a unique-constraint race into the Thai message on `field`."""
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise ValidationError({field: message}) from exc


def _fund_open(fund: VillageFund) -> None:
    if not fund.is_active:
        raise ValidationError(_("กองทุนนี้ยุติการดำเนินการแล้วเมื่อ %(d)s บันทึกรายการใหม่ไม่ได้")
                              % {"d": thai_date(fund.stopped_on) if fund.stopped_on else "-"})


def _reason(reason: str, field: str = "reason") -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({field: _("กรุณาระบุเหตุผล")})
    return reason


# --- the fund ----------------------------------------------------------------------------------------

def _validate_fund(fund: VillageFund) -> None:
    if fund.village.subdistrict.district_id != fund.district_id:
        raise ValidationError({"village": _("หมู่บ้านนี้ไม่อยู่ในอำเภอ%(d)s") % {"d": fund.district.name_th}})
    if fund.funded_year is not None and not 2530 <= int(fund.funded_year) <= 2700:
        raise ValidationError({"funded_year": _("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น ๒๕๓๗")})
    if fund.initial_capital in (None, ""):
        fund.initial_capital = Decimal("280000.00")
    fund.initial_capital = _not_negative(fund.initial_capital, "initial_capital", _("เงินทุนที่ได้รับ"))


@transaction.atomic
def create_fund(user, *, district, village, **fields) -> VillageFund:
    """A village's กข.คจ. fund (one per village). `fields`: any of FUND_FIELDS."""
    _check(user, district.pk)
    fund = VillageFund(district=district, village=village, created_by=user, updated_by=user)
    _assign(fund, fields, FUND_FIELDS)
    _validate_fund(fund)
    taken = _("หมู่บ้านนี้มีกองทุน กข.คจ. ในทะเบียนอยู่แล้ว")
    if VillageFund.objects.filter(village=village).exists():
        raise ValidationError({"village": taken})
    _save(fund, "village", taken)
    _created(user, fund, ("village_id", *FUND_FIELDS), district.pk)
    return fund


@transaction.atomic
def update_fund(user, fund: VillageFund, **fields) -> VillageFund:
    _check(user, fund.district_id)
    with _changing(fund, FUND_FIELDS) as before:
        _assign(fund, fields, FUND_FIELDS)
        _validate_fund(fund)
        _updated(user, fund, before, FUND_FIELDS, fund.district_id)
    return fund


@transaction.atomic
def stop_fund(user, fund: VillageFund, *, stopped_on: date, reason: str, today: date | None = None) -> VillageFund:
    """ยุติการดำเนินการ: the fund stays in the registry with its books."""
    _check(user, fund.district_id)
    _fund_open(fund)
    _required(stopped_on, "stopped_on", _("กรุณาระบุวันที่ยุติ"))
    _not_future(stopped_on, "stopped_on", today)
    fund.stop_reason = _reason(reason)
    fund.status, fund.stopped_on, fund.updated_by = VillageFund.Status.STOPPED, stopped_on, user
    fund.save()
    _transition(user, fund, fund.district_id, status=(VillageFund.Status.ACTIVE, fund.status),
                stopped_on=("", stopped_on), stop_reason=("", fund.stop_reason))
    return fund


# --- the committee -----------------------------------------------------------------------------------

def _validate_member(member: FundCommitteeMember) -> None:
    member.name = " ".join((member.name or "").split())
    _required(member.name, "name", _("กรุณากรอกชื่อ-สกุลกรรมการ"))
    if member.position not in FundCommitteeMember.Position.values:
        raise ValidationError({"position": _("กรุณาเลือกตำแหน่ง")})
    _required(member.start_date, "start_date", _("กรุณาระบุวันเริ่มรับผิดชอบ"))
    if not member.set_number or member.set_number < 1:
        raise ValidationError({"set_number": _("ชุดที่ต้องเป็นจำนวนเต็มตั้งแต่ ๑")})
    if member.end_date and member.end_date < member.start_date:
        raise ValidationError({"end_date": _("วันสิ้นสุดรับผิดชอบต้องไม่ก่อนวันเริ่ม")})
    try:
        member.full_clean(exclude=["fund", "created_by", "updated_by"], validate_unique=False,
                          validate_constraints=False)
    except ValidationError as exc:
        raise ValidationError({k: v for k, v in exc.message_dict.items()}) from None


@transaction.atomic
def add_member(user, fund: VillageFund, **fields) -> FundCommitteeMember:
    """A committee member (size and term are shown as warnings, never refused)."""
    _check(user, fund.district_id)
    member = FundCommitteeMember(fund=fund, created_by=user, updated_by=user)
    _assign(member, fields, MEMBER_FIELDS)
    _validate_member(member)
    member.save()
    _created(user, member, MEMBER_FIELDS, fund.district_id)
    return member


@transaction.atomic
def update_member(user, member: FundCommitteeMember, **fields) -> FundCommitteeMember:
    """Correct a member or end their responsibility (end_date + end_reason); members are never deleted."""
    _check(user, member.fund.district_id)
    with _changing(member, MEMBER_FIELDS) as before:
        _assign(member, fields, MEMBER_FIELDS)
        _validate_member(member)
        _updated(user, member, before, MEMBER_FIELDS, member.fund.district_id)
    return member


# --- the green book ----------------------------------------------------------------------------------

@transaction.atomic
def add_account(user, fund: VillageFund, **fields) -> BankAccount:
    _check(user, fund.district_id)
    account = BankAccount(fund=fund, created_by=user, updated_by=user)
    _assign(account, fields, ACCOUNT_FIELDS)
    _required(account.bank, "bank", _("กรุณากรอกชื่อธนาคาร"))
    _required(account.number, "number", _("กรุณากรอกเลขที่บัญชี"))
    _required(account.name, "name", _("กรุณากรอกชื่อบัญชี"))
    duplicate = _("กองทุนนี้มีบัญชีเลขที่นี้ของธนาคารนี้อยู่แล้ว")
    if BankAccount.objects.filter(fund=fund, bank=account.bank, number=account.number).exists():
        raise ValidationError({"number": duplicate})
    _save(account, "number", duplicate)
    _created(user, account, ACCOUNT_FIELDS, fund.district_id)
    return account


def _lowest_balance_from(account: BankAccount, day: date, change: Decimal) -> Decimal:
    """The lowest running balance of the account from `day` on, if `change` were added on `day`."""
    rows = selectors.bank_entries_with_balance(account.entries.all())
    before = [r.balance for r in rows if r.date <= day]
    after = [r.balance for r in rows if r.date > day]
    start = before[-1] if before else Decimal("0.00")
    return min([start + change] + [b + change for b in after])


@transaction.atomic
def add_bank_entry(user, account: BankAccount, *, today: date | None = None, **fields) -> BankEntry:
    """A row of the green book. A withdrawal beyond the balance (on its date, or on any later date) is refused."""
    fund = account.fund
    _check(user, fund.district_id)
    BankAccount.objects.select_for_update().filter(pk=account.pk).first()
    entry = BankEntry(account=account, created_by=user, updated_by=user)
    _assign(entry, fields, ENTRY_FIELDS)
    _required(entry.date, "date", _("กรุณาระบุวันที่"))
    _not_future(entry.date, "date", today)
    _required(entry.description, "description", _("กรุณากรอกรายการ"))
    if entry.kind not in BankEntry.Kind.values:
        raise ValidationError({"kind": _("กรุณาเลือกฝากหรือถอน")})
    entry.amount = _positive(entry.amount, "amount", _("จำนวนเงิน"))
    if account.closed_on and entry.date > account.closed_on:
        raise ValidationError({"date": _("บัญชีนี้ปิดแล้วเมื่อ %(d)s") % {"d": thai_date(account.closed_on)}})
    if entry.kind == BankEntry.Kind.WITHDRAWAL:
        lowest = _lowest_balance_from(account, entry.date, -entry.amount)
        if lowest < 0:
            available = lowest + entry.amount
            raise ValidationError({"amount": _("ถอนเงินเกินยอดคงเหลือในบัญชีไม่ได้: ยอดคงเหลือที่ถอนได้ %(b)s")
                                   % {"b": _baht(max(available, Decimal("0")))}})
    entry.save()
    _created(user, entry, ENTRY_FIELDS, fund.district_id)
    return entry


@transaction.atomic
def cancel_bank_entry(user, entry: BankEntry, *, reason: str, today: date | None = None) -> BankEntry:
    """A wrong row is cancelled (kept, crossed out, left out of the balance), never deleted. Cancelling a
    deposit that a later withdrawal needs is refused."""
    fund = entry.account.fund
    _check(user, fund.district_id)
    if entry.is_cancelled:
        raise ValidationError(_("รายการนี้ยกเลิกไปแล้ว"))
    reason = _reason(reason)
    if entry.kind == BankEntry.Kind.DEPOSIT and _lowest_balance_from(entry.account, entry.date, -entry.amount) < 0:
        raise ValidationError(_("ยกเลิกรายการฝากนี้ไม่ได้ เพราะจะทำให้ยอดคงเหลือติดลบ (มีรายการถอนภายหลังที่ใช้เงินนี้)"))
    entry.cancelled_on, entry.cancel_reason, entry.updated_by = _today(today), reason, user
    entry.save()
    _transition(user, entry, fund.district_id, cancelled_on=("", entry.cancelled_on), cancel_reason=("", reason))
    return entry


# --- the purple book ---------------------------------------------------------------------------------

def _validate_household(household: TargetHousehold) -> None:
    household.head_name = " ".join((household.head_name or "").split())
    _required(household.head_name, "head_name", _("กรุณากรอกชื่อ-สกุลหัวหน้าครัวเรือน"))
    if not household.rank or int(household.rank) < 1:
        raise ValidationError({"rank": _("ลำดับที่ต้องเป็นจำนวนเต็มตั้งแต่ ๑")})
    if not household.members or int(household.members) < 1:
        raise ValidationError({"members": _("จำนวนสมาชิกในครัวเรือนต้องมีอย่างน้อย ๑ คน")})
    if household.income_before in (None, ""):
        raise ValidationError({"income_before": _("กรุณากรอกรายได้เฉลี่ยต่อคนต่อปีก่อนยืมเงิน")})
    household.income_before = _not_negative(household.income_before, "income_before", _("รายได้"))
    household.jpt_line = _positive(household.jpt_line, "jpt_line", _("เกณฑ์รายได้ จปฐ."))
    for field in ("income_after_1", "income_after_2", "income_after_3"):
        setattr(household, field, _not_negative(getattr(household, field), field, _("รายได้")))
    try:
        household.full_clean(exclude=["fund", "created_by", "updated_by"], validate_unique=False,
                             validate_constraints=False)
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from None
    taken = TargetHousehold.objects.filter(fund_id=household.fund_id, rank=household.rank).exclude(pk=household.pk)
    if taken.exists():
        raise ValidationError({"rank": _("ลำดับที่ %(n)s มีครัวเรือนอื่นอยู่แล้ว") % {"n": to_thai_digits(household.rank)}})


def next_rank(fund: VillageFund) -> int:
    from django.db.models import Max

    return (fund.households.aggregate(m=Max("rank"))["m"] or 0) + 1


@transaction.atomic
def add_household(user, fund: VillageFund, **fields) -> TargetHousehold:
    """A target household in the purple book; without a rank it goes last."""
    _check(user, fund.district_id)
    _fund_open(fund)
    household = TargetHousehold(fund=fund, created_by=user, updated_by=user)
    if not fields.get("rank"):
        fields["rank"] = next_rank(fund)
    _assign(household, fields, HOUSEHOLD_FIELDS)
    _validate_household(household)
    _save(household, "rank", _("ลำดับที่นี้มีครัวเรือนอื่นอยู่แล้ว"))
    _created(user, household, HOUSEHOLD_FIELDS, fund.district_id)
    return household


@transaction.atomic
def update_household(user, household: TargetHousehold, **fields) -> TargetHousehold:
    """Correct a household or record its income after 1, 2 and 3 years."""
    _check(user, household.fund.district_id)
    with _changing(household, HOUSEHOLD_FIELDS) as before:
        _assign(household, fields, HOUSEHOLD_FIELDS)
        _validate_household(household)
        _updated(user, household, before, HOUSEHOLD_FIELDS, household.fund.district_id)
    return household


@transaction.atomic
def household_leaves(user, household: TargetHousehold, *, left_on: date, reason: str,
                     today: date | None = None) -> TargetHousehold:
    """A household leaves the list (moved away, no longer a target): kept with its loans."""
    _check(user, household.fund.district_id)
    if household.left_on:
        raise ValidationError(_("ครัวเรือนนี้ออกจากบัญชีไปแล้ว"))
    _required(left_on, "left_on", _("กรุณาระบุวันที่"))
    _not_future(left_on, "left_on", today)
    household.left_on, household.left_reason, household.updated_by = left_on, _reason(reason), user
    household.save()
    _transition(user, household, household.fund.district_id, left_on=("", left_on),
                left_reason=("", household.left_reason))
    return household


# --- the regulation ----------------------------------------------------------------------------------

def _setting() -> RegulationSetting | None:
    return selectors.active_setting()


def check_limit(amount: Decimal, field: str = "amount", setting: RegulationSetting | None = None) -> None:
    setting = setting or _setting()
    if setting and setting.loan_limit is not None and amount > setting.loan_limit:
        raise ValidationError({field: _("จำนวนเงินยืมเกินวงเงินสูงสุดต่อครัวเรือน %(limit)s ตาม%(clause)s")
                               % {"limit": _baht(setting.loan_limit),
                                  "clause": setting.loan_limit_clause or setting.name}})


def check_period(contract_date: date, final_due: date, setting: RegulationSetting | None = None) -> None:
    setting = setting or _setting()
    if setting and setting.max_repayment_months and final_due > add_months(
            contract_date, setting.max_repayment_months):
        raise ValidationError({"final_due_date": _(
            "ระยะเวลาส่งคืนเกิน %(m)s เดือนนับแต่วันทำสัญญา (ครบกำหนดได้ไม่เกิน %(d)s) ตาม%(clause)s") % {
                "m": to_thai_digits(setting.max_repayment_months),
                "d": thai_date(add_months(contract_date, setting.max_repayment_months)),
                "clause": setting.max_repayment_clause or setting.name}})


# --- the yellow book: proposal, request, contract, receipt, repayments --------------------------------

def _household_open(household: TargetHousehold) -> None:
    _fund_open(household.fund)
    if household.left_on:
        raise ValidationError(_("ครัวเรือนนี้ออกจากบัญชีครัวเรือนเป้าหมายแล้ว"))


def _validate_decision(obj, today: date | None) -> None:
    if obj.officer_opinion not in ("", *Opinion.values):
        raise ValidationError({"officer_opinion": _("กรุณาเลือกความเห็นพัฒนากร")})
    if obj.officer_opinion == Opinion.DISAGREE:
        _required(obj.officer_reason, "officer_reason", _("กรุณาระบุเหตุผลที่ไม่เห็นชอบ"))
    if obj.decision not in Decision.values:
        raise ValidationError({"decision": _("กรุณาเลือกผลการพิจารณา")})
    if obj.decision == Decision.APPROVED:
        obj.approved_amount = _positive(obj.approved_amount, "approved_amount", _("จำนวนเงินที่อนุมัติ"))
        check_limit(obj.approved_amount, "approved_amount")
        _required(obj.decided_on, "decided_on", _("กรุณาระบุวันที่พิจารณา"))
    elif obj.decision == Decision.REJECTED:
        obj.approved_amount = None
        _required(obj.decision_reason, "decision_reason", _("กรุณาระบุเหตุผลที่ไม่อนุมัติ"))
        _required(obj.decided_on, "decided_on", _("กรุณาระบุวันที่พิจารณา"))
    else:
        obj.approved_amount, obj.decided_on = None, None
    _not_future(obj.decided_on, "decided_on", today)


def _items(items) -> list[tuple[str, Decimal]]:
    rows = []
    for index, item in enumerate(items or [], start=1):
        description = " ".join((item.get("description") or "").split())
        amount = item.get("amount")
        if not description and amount in (None, ""):
            continue
        if not description:
            raise ValidationError({"items": _("รายการที่ %(n)s: กรุณากรอกรายการ") % {"n": to_thai_digits(index)}})
        rows.append((description, _positive(amount, "items", _("เงินของรายการที่ %(n)s") % {
            "n": to_thai_digits(index)})))
    if not rows:
        raise ValidationError({"items": _("แบบเสนอโครงการต้องมีอย่างน้อย ๑ รายการ")})
    return rows


@transaction.atomic
def create_proposal(user, household: TargetHousehold, *, items, today: date | None = None,
                    **fields) -> LoanProposal:
    """แบบเสนอโครงการ with its items (รายการ 2.1, 2.2 …); the total is their sum."""
    _check(user, household.fund.district_id)
    _household_open(household)
    proposal = LoanProposal(household=household, created_by=user, updated_by=user)
    fields.setdefault("decision", Decision.PENDING)
    _assign(proposal, fields, PROPOSAL_FIELDS)
    _required(proposal.proposed_on, "proposed_on", _("กรุณาระบุวันที่เสนอ"))
    _not_future(proposal.proposed_on, "proposed_on", today)
    _required(proposal.title, "title", _("กรุณากรอกชื่อโครงการหรืออาชีพ"))
    rows = _items(items)
    proposal.total = sum((amount for _d, amount in rows), Decimal("0.00"))
    _validate_decision(proposal, today)
    if proposal.approved_amount and proposal.approved_amount > proposal.total:
        raise ValidationError({"approved_amount": _("จำนวนเงินที่อนุมัติต้องไม่เกินเงินที่เสนอ %(t)s")
                               % {"t": _baht(proposal.total)}})
    proposal.save()
    ProposalItem.objects.bulk_create([ProposalItem(proposal=proposal, number=n, description=d, amount=a)
                                      for n, (d, a) in enumerate(rows, start=1)])
    changes = {k: str(v) for k, v in _snap(proposal, (*PROPOSAL_FIELDS, "total")).items() if v not in (None, "")}
    changes["items"] = [f"{n}. {d} {a}" for n, (d, a) in enumerate(rows, start=1)]
    record(user, AuditEntry.Action.CREATE, proposal, district_code=household.fund.district_id, changes=changes)
    return proposal


@transaction.atomic
def decide_proposal(user, proposal: LoanProposal, *, today: date | None = None, **fields) -> LoanProposal:
    """The พัฒนากร's opinion and the committee's decision on a proposal."""
    fund = proposal.household.fund
    _check(user, fund.district_id)
    allowed = ("officer_opinion", "officer_reason", "officer_name", "decision", "approved_amount",
               "decision_reason", "decided_on")
    with _changing(proposal, allowed) as before:
        _assign(proposal, fields, allowed)
        _validate_decision(proposal, today)
        if proposal.approved_amount and proposal.approved_amount > proposal.total:
            raise ValidationError({"approved_amount": _("จำนวนเงินที่อนุมัติต้องไม่เกินเงินที่เสนอ %(t)s")
                                   % {"t": _baht(proposal.total)}})
        _updated(user, proposal, before, allowed, fund.district_id)
    return proposal


@transaction.atomic
def create_request(user, household: TargetHousehold, *, today: date | None = None, **fields) -> LoanRequest:
    """แบบขอยืมเงินทุน, with the consenting spouse or heir, the opinion and the decision."""
    _check(user, household.fund.district_id)
    _household_open(household)
    request = LoanRequest(household=household, created_by=user, updated_by=user)
    fields.setdefault("decision", Decision.PENDING)
    _assign(request, fields, REQUEST_FIELDS)
    if request.proposal_id and request.proposal.household_id != household.pk:
        raise ValidationError({"proposal": _("แบบเสนอโครงการนี้เป็นของครัวเรือนอื่น")})
    _required(request.requested_on, "requested_on", _("กรุณาระบุวันที่ขอยืม"))
    _not_future(request.requested_on, "requested_on", today)
    request.amount = _positive(request.amount, "amount", _("จำนวนเงินขอยืม"))
    check_limit(request.amount)
    _validate_decision(request, today)
    if request.approved_amount and request.approved_amount > request.amount:
        raise ValidationError({"approved_amount": _("จำนวนเงินที่อนุมัติต้องไม่เกินจำนวนที่ขอยืม")})
    _validate_national_id(request, "consent_national_id")
    request.save()
    _created(user, request, REQUEST_FIELDS, household.fund.district_id)
    return request


@transaction.atomic
def decide_request(user, request: LoanRequest, *, today: date | None = None, **fields) -> LoanRequest:
    fund = request.household.fund
    _check(user, fund.district_id)
    allowed = ("officer_opinion", "officer_reason", "decision", "approved_amount", "decision_reason", "decided_on")
    with _changing(request, allowed) as before:
        _assign(request, fields, allowed)
        _validate_decision(request, today)
        if request.approved_amount and request.approved_amount > request.amount:
            raise ValidationError({"approved_amount": _("จำนวนเงินที่อนุมัติต้องไม่เกินจำนวนที่ขอยืม")})
        _updated(user, request, before, allowed, fund.district_id)
    return request


def _validate_national_id(obj, field: str) -> None:
    value = national_id.normalise(getattr(obj, field))
    setattr(obj, field, value)
    try:
        national_id.validate(value)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None


def _instalments(loan: Loan, instalments) -> list[LoanInstalment]:
    rows = []
    for item in instalments or []:
        due, amount = item.get("due_date"), item.get("amount")
        if due in (None, "") and amount in (None, ""):
            continue
        number = len(rows) + 1
        if due in (None, ""):
            raise ValidationError({"instalments": _("งวดที่ %(n)s: กรุณาระบุวันครบกำหนด") % {"n": to_thai_digits(number)}})
        amount = _positive(amount, "instalments", _("เงินงวดที่ %(n)s") % {"n": to_thai_digits(number)})
        if due < loan.contract_date:
            raise ValidationError({"instalments": _("งวดที่ %(n)s ครบกำหนดก่อนวันทำสัญญา")
                                   % {"n": to_thai_digits(number)}})
        if rows and due < rows[-1].due_date:
            raise ValidationError({"instalments": _("งวดที่ %(n)s ครบกำหนดก่อนงวดก่อนหน้า เรียงงวดตามวันครบกำหนด")
                                   % {"n": to_thai_digits(number)}})
        rows.append(LoanInstalment(number=number, due_date=due, amount=amount))
    if not rows:
        raise ValidationError({"instalments": _("สัญญาต้องมีงวดการส่งคืนอย่างน้อย ๑ งวด")})
    total = sum((r.amount for r in rows), Decimal("0.00"))
    if total != loan.amount:
        raise ValidationError({"instalments": _("เงินทุกงวดรวมกันได้ %(t)s ไม่เท่ากับจำนวนเงินยืม %(a)s")
                               % {"t": _baht(total), "a": _baht(loan.amount)}})
    return rows


@transaction.atomic
def create_loan(user, household: TargetHousehold, *, instalments, today: date | None = None, **fields) -> Loan:
    """แบบสัญญายืมเงินทุน with its instalments (they sum to the amount). The active setting's loan limit and
    longest repayment period are checked (a null one is not); the contract number is unique in the fund.
    `received_on` (แบบรับเงินยืม) may come now or later through `record_receipt`."""
    fund = household.fund
    _check(user, fund.district_id)
    _household_open(household)
    loan = Loan(fund=fund, household=household, created_by=user, updated_by=user)
    if not fields.get("round"):
        fields["round"] = selectors.last_round_of(household) + 1
    _assign(loan, fields, LOAN_FIELDS)
    _required(loan.contract_number, "contract_number", _("กรุณากรอกเลขที่สัญญา"))
    _required(loan.contract_date, "contract_date", _("กรุณาระบุวันที่ทำสัญญา"))
    _not_future(loan.contract_date, "contract_date", today)
    _required(loan.purpose, "purpose", _("กรุณากรอกอาชีพที่ยืมเงินไปลงทุน"))
    loan.amount = _positive(loan.amount, "amount", _("จำนวนเงินยืม"))
    if loan.request_id:
        if loan.request.household_id != household.pk:
            raise ValidationError({"request": _("แบบขอยืมเงินทุนนี้เป็นของครัวเรือนอื่น")})
        if loan.request.decision != Decision.APPROVED:
            raise ValidationError({"request": _("แบบขอยืมเงินทุนนี้ยังไม่ได้รับอนุมัติจากคณะกรรมการ")})
        if loan.amount > loan.request.approved_amount:
            raise ValidationError({"amount": _("จำนวนเงินยืมเกินจำนวนที่คณะกรรมการอนุมัติ %(a)s")
                                   % {"a": _baht(loan.request.approved_amount)}})
    check_limit(loan.amount)
    rows = _instalments(loan, instalments)
    if not loan.final_due_date:
        loan.final_due_date = rows[-1].due_date
    if rows[-1].due_date > loan.final_due_date:
        raise ValidationError({"instalments": _("งวดสุดท้ายครบกำหนดหลังวันครบกำหนดของสัญญา")})
    if loan.final_due_date < loan.contract_date:
        raise ValidationError({"final_due_date": _("วันครบกำหนดต้องไม่ก่อนวันทำสัญญา")})
    check_period(loan.contract_date, loan.final_due_date)
    if loan.received_on:
        _validate_receipt(loan, loan.received_on, today)
    _validate_national_id(loan, "consent_national_id")
    taken = _("กองทุนนี้มีสัญญาเลขที่ %(n)s อยู่แล้ว") % {"n": loan.contract_number}
    if Loan.objects.filter(fund=fund, contract_number=loan.contract_number).exists():
        raise ValidationError({"contract_number": taken})
    _save(loan, "contract_number", taken)
    for row in rows:
        row.loan = loan
    LoanInstalment.objects.bulk_create(rows)
    changes = {k: str(v) for k, v in _snap(loan, LOAN_FIELDS).items() if v not in (None, "", [])}
    changes["instalments"] = [f"{r.number}: {r.due_date} {r.amount}" for r in rows]
    record(user, AuditEntry.Action.CREATE, loan, district_code=fund.district_id, changes=changes)
    return loan


def _validate_receipt(loan: Loan, received_on: date, today: date | None) -> None:
    if received_on < loan.contract_date:
        raise ValidationError({"received_on": _("วันที่รับเงินยืมต้องไม่ก่อนวันทำสัญญา")})
    _not_future(received_on, "received_on", today)


@transaction.atomic
def record_receipt(user, loan: Loan, *, received_on: date, today: date | None = None) -> Loan:
    """แบบรับเงินยืมของครัวเรือนเป้าหมาย: the borrower received the money in full on this day."""
    _check(user, loan.fund.district_id)
    if loan.received_on:
        raise ValidationError({"received_on": _("บันทึกการรับเงินยืมของสัญญานี้แล้วเมื่อ %(d)s")
                               % {"d": thai_date(loan.received_on)}})
    _required(received_on, "received_on", _("กรุณาระบุวันที่รับเงินยืม"))
    _validate_receipt(loan, received_on, today)
    loan.received_on, loan.updated_by = received_on, user
    loan.save()
    _transition(user, loan, loan.fund.district_id, received_on=("", received_on))
    return loan


def _repaid(loan: Loan) -> Decimal:
    return (loan.repayments.filter(cancelled_on__isnull=True).aggregate(t=Sum("amount"))["t"]
            or Decimal("0.00"))


@transaction.atomic
def record_repayment(user, loan: Loan, *, today: date | None = None, **fields) -> Repayment:
    """คืนเงินยืม with its ใบสำคัญรับเงิน (unique in the fund); never more than the outstanding amount.
    When the outstanding reaches zero the loan is repaid."""
    fund = loan.fund
    _check(user, fund.district_id)
    loan = Loan.objects.select_for_update().get(pk=loan.pk)
    if loan.status != Loan.Status.ACTIVE:
        raise ValidationError(_("สัญญานี้%(s)sแล้ว บันทึกการคืนเงินไม่ได้") % {"s": loan.get_status_display()})
    repayment = Repayment(fund=fund, loan=loan, created_by=user, updated_by=user)
    _assign(repayment, fields, REPAYMENT_FIELDS)
    _required(repayment.receipt_number, "receipt_number", _("กรุณากรอกเลขที่ใบสำคัญรับเงิน"))
    _required(repayment.date, "date", _("กรุณาระบุวันที่คืนเงิน"))
    _not_future(repayment.date, "date", today)
    if repayment.date < loan.contract_date:
        raise ValidationError({"date": _("วันที่คืนเงินต้องไม่ก่อนวันทำสัญญา (%(d)s)") % {"d": thai_date(loan.contract_date)}})
    repayment.amount = _positive(repayment.amount, "amount", _("จำนวนเงินที่คืน"))
    outstanding = loan.amount - _repaid(loan)
    if repayment.amount > outstanding:
        raise ValidationError({"amount": _("จำนวนเงินที่คืนเกินยอดค้างชำระ ซึ่งเหลือ %(o)s")
                               % {"o": _baht(outstanding)}})
    taken = _("กองทุนนี้มีใบสำคัญรับเงินเลขที่ %(n)s อยู่แล้ว") % {"n": repayment.receipt_number}
    if Repayment.objects.filter(fund=fund, receipt_number=repayment.receipt_number).exists():
        raise ValidationError({"receipt_number": taken})
    _save(repayment, "receipt_number", taken)
    _created(user, repayment, REPAYMENT_FIELDS, fund.district_id)
    if repayment.amount == outstanding:
        loan.status, loan.updated_by = Loan.Status.REPAID, user
        loan.save()
        _transition(user, loan, fund.district_id, status=(Loan.Status.ACTIVE, Loan.Status.REPAID))
    return repayment


@transaction.atomic
def cancel_repayment(user, repayment: Repayment, *, reason: str, today: date | None = None) -> Repayment:
    """A wrong repayment is cancelled with a reason (kept, excluded from every sum), never deleted.
    A loan that it had closed is open again."""
    fund = repayment.fund
    _check(user, fund.district_id)
    if repayment.is_cancelled:
        raise ValidationError(_("ใบสำคัญรับเงินนี้ยกเลิกไปแล้ว"))
    repayment.cancel_reason = _reason(reason)
    repayment.cancelled_on, repayment.updated_by = _today(today), user
    repayment.save()
    _transition(user, repayment, fund.district_id, cancelled_on=("", repayment.cancelled_on),
                cancel_reason=("", repayment.cancel_reason))
    loan = repayment.loan
    if loan.status == Loan.Status.REPAID and _repaid(loan) < loan.amount:
        loan.status, loan.updated_by = Loan.Status.ACTIVE, user
        loan.save()
        _transition(user, loan, fund.district_id, status=(Loan.Status.REPAID, Loan.Status.ACTIVE))
    return repayment


@transaction.atomic
def write_off(user, loan: Loan, *, written_off_on: date, reason: str, today: date | None = None) -> Loan:
    """ตัดหนี้สูญ: the loan stays in the yellow book with its repayments, marked written off."""
    fund = loan.fund
    _check(user, fund.district_id)
    if loan.status != Loan.Status.ACTIVE:
        raise ValidationError(_("ตัดหนี้สูญได้เฉพาะสัญญาที่อยู่ระหว่างคืนเงินยืม"))
    _required(written_off_on, "written_off_on", _("กรุณาระบุวันที่"))
    _not_future(written_off_on, "written_off_on", today)
    if written_off_on < loan.contract_date:
        raise ValidationError({"written_off_on": _("วันที่ตัดหนี้สูญต้องไม่ก่อนวันทำสัญญา")})
    loan.write_off_reason = _reason(reason)
    loan.status, loan.written_off_on, loan.updated_by = Loan.Status.WRITTEN_OFF, written_off_on, user
    loan.save()
    _transition(user, loan, fund.district_id, status=(Loan.Status.ACTIVE, loan.status),
                written_off_on=("", written_off_on), write_off_reason=("", loan.write_off_reason))
    return loan
