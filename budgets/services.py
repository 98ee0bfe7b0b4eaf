"""Budget rules: who may allocate, how amounts are computed, when a register may be finalised, and
that a disbursement never exceeds its allocation. Every write is audited."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from budgets.models import Allocation, Disbursement, FiscalYear, PlanItem, Register
from cdd_portal.accounts.models import Office
from cdd_portal.accounts.scoping import acts_for_office, can_manage_province, is_administrator
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import record
from cdd_portal.thai import fiscal_year_bounds, format_number, to_thai_digits

CENT = Decimal("0.01")


def _money(value) -> str:
    return format_number(value, places=2, thai_digits=False)


def ensure_fiscal_year(year: int) -> FiscalYear:
    start, end = fiscal_year_bounds(year)
    fy, _created = FiscalYear.objects.get_or_create(year=year, defaults={"start_date": start, "end_date": end})
    return fy


@transaction.atomic
def add_fiscal_year(user, year: int) -> FiscalYear:
    """A fiscal year (1 October – 30 September) by its B.E. year; administrators only."""
    if not is_administrator(user):
        raise PermissionDenied(_("เฉพาะผู้ดูแลระบบเพิ่มปีงบประมาณ"))
    if not 2500 <= year <= 2700:
        raise ValidationError({"year": _("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น ๒๕๗๐")})
    if FiscalYear.objects.filter(year=year).exists():
        raise ValidationError({"year": _("มีปีงบประมาณ %(year)s แล้ว") % {"year": to_thai_digits(year)}})
    fiscal_year = ensure_fiscal_year(year)
    record(user, AuditEntry.Action.CREATE, fiscal_year, changes={"year": year})
    return fiscal_year


def _require_manage(user, register: Register) -> None:
    if not can_manage_province(user, register.province_id):
        raise PermissionDenied(_("เฉพาะสำนักงานพัฒนาชุมชน%(province)sหรือผู้ดูแลระบบจัดสรรงบประมาณนี้ได้")
                               % {"province": register.province.full_name})


@transaction.atomic
def add_plan_item(user, *, fiscal_year: FiscalYear, level: int, name: str, parent: PlanItem | None = None,
                  **fields) -> PlanItem:
    if not is_administrator(user):
        raise PermissionDenied(_("เฉพาะผู้ดูแลระบบกำหนดแผนงานและโครงการ"))
    if (parent is None) != (level == PlanItem.Level.PLAN):
        raise ValidationError({"parent": _("แผนงานไม่มีระดับที่อยู่เหนือ ระดับอื่นต้องระบุว่าอยู่ภายใต้รายการใด")})
    if parent is not None and (parent.level != level - 1 or parent.fiscal_year_id != fiscal_year.pk):
        raise ValidationError({"parent": _("%(level)sต้องอยู่ภายใต้%(parent)sของปีงบประมาณเดียวกัน")
                               % {"level": PlanItem.Level(level).label, "parent": PlanItem.Level(level - 1).label}})
    item = PlanItem.objects.create(fiscal_year=fiscal_year, level=level, name=name.strip(), parent=parent, **fields)
    record(user, AuditEntry.Action.CREATE, item, changes={"name": item.name, "budget": str(item.budget)})
    return item


@transaction.atomic
def open_register(user, *, activity: PlanItem, province, stated_budget: Decimal) -> Register:
    if activity.level != PlanItem.Level.ACTIVITY:
        raise ValidationError({"activity": _("ทะเบียนจัดสรรต้องเป็นของระดับกิจกรรม")})
    register = Register(activity=activity, province=province, stated_budget=Decimal(stated_budget).quantize(CENT))
    _require_manage(user, register)
    if Register.objects.filter(activity=activity, province=province).exists():
        raise ValidationError({"province": _("มีทะเบียนจัดสรรของกิจกรรมนี้ใน%(province)sแล้ว")
                               % {"province": province.full_name}})
    register.save()
    record(user, AuditEntry.Action.CREATE, register, changes={"stated_budget": str(register.stated_budget)})
    return register


def _check_draft(register: Register) -> None:
    if register.status != Register.Status.DRAFT:
        raise ValidationError(_("ทะเบียนนี้ยืนยันแล้ว แก้ไขไม่ได้"))


def compute_amount(*, units: int | None, rate: Decimal | None, amount: Decimal | None) -> Decimal:
    """Units × rate, or the explicit amount; both given must agree."""
    if units is not None and rate is not None:
        computed = (Decimal(units) * Decimal(rate)).quantize(CENT)
        if amount is not None and Decimal(amount).quantize(CENT) != computed:
            raise ValidationError({"amount": _("จำนวนเงิน %(amount)s ไม่เท่ากับ %(units)s × %(rate)s = %(computed)s")
                                   % {"amount": _money(amount), "units": units, "rate": _money(rate),
                                      "computed": _money(computed)}})
        return computed
    if amount is None:
        raise ValidationError({"amount": _("กรุณาระบุจำนวนเงิน หรือจำนวนหน่วยและอัตราต่อหน่วย")})
    if (units is None) != (rate is None):
        raise ValidationError({"rate": _("ระบุจำนวนหน่วยและอัตราต่อหน่วยคู่กัน")})
    return Decimal(amount).quantize(CENT)


@transaction.atomic
def add_allocation(user, register: Register, *, office: Office, line: str = "", units: int | None = None,
                   rate: Decimal | None = None, amount: Decimal | None = None, target_count: int | None = None,
                   target_unit: str = "", note: str = "") -> Allocation:
    register = Register.objects.select_for_update().select_related("province").get(pk=register.pk)
    _require_manage(user, register)
    _check_draft(register)
    if office.province_id != register.province_id or office.level == Office.Level.DEPARTMENT:
        raise ValidationError({"office": _("%(office)s ไม่อยู่ใน%(province)s")
                               % {"office": office.name_th, "province": register.province.full_name}})
    value = compute_amount(units=units, rate=rate, amount=amount)
    if value < 0:
        raise ValidationError({"amount": _("จำนวนเงินต้องไม่ติดลบ")})
    if Allocation.objects.filter(register=register, office=office, line=line).exists():
        raise ValidationError({"office": _("%(office)s มีรายการนี้ในทะเบียนแล้ว") % {"office": office.name_th}})
    allocation = Allocation.objects.create(register=register, office=office, line=line, units=units, rate=rate,
                                           amount=value, target_count=target_count, target_unit=target_unit,
                                           note=note)
    record(user, AuditEntry.Action.CREATE, allocation, district_code=office.district_id or "",
           changes={"office": office.code, "amount": str(value), "line": line})
    return allocation


@transaction.atomic
def remove_allocation(user, allocation: Allocation) -> None:
    """Take a line out of a draft register (a line with disbursements stays: its spending is recorded)."""
    register = Register.objects.select_for_update().select_related("province").get(pk=allocation.register_id)
    _require_manage(user, register)
    _check_draft(register)
    if allocation.disbursements.exists():
        raise ValidationError(_("รายการนี้มีการเบิกจ่ายแล้ว ลบไม่ได้"))
    record(user, AuditEntry.Action.DELETE, allocation, district_code=allocation.office.district_id or "",
           changes={"office": allocation.office.code, "amount": str(allocation.amount), "line": allocation.line})
    allocation.delete()


def register_total(register: Register) -> Decimal:
    return register.allocations.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")


def reconciliation(register: Register) -> dict:
    """Stated budget, allocated total and the difference (allocated − stated): shown, never hidden."""
    allocated = register_total(register)
    return {"stated": register.stated_budget, "allocated": allocated,
            "difference": allocated - register.stated_budget, "balanced": allocated == register.stated_budget}


@transaction.atomic
def finalise_register(user, register: Register) -> Register:
    register = Register.objects.select_for_update().select_related("province").get(pk=register.pk)
    _require_manage(user, register)
    _check_draft(register)
    check = reconciliation(register)
    if not check["balanced"]:
        raise ValidationError(
            _("ยอดจัดสรรรวม %(allocated)s บาท ไม่เท่ากับงบประมาณที่ได้รับ %(stated)s บาท (ต่างกัน %(difference)s บาท)")
            % {"allocated": _money(check["allocated"]), "stated": _money(check["stated"]),
               "difference": _money(check["difference"])}
        )
    register.status = Register.Status.FINAL
    register.finalised_at = timezone.now()
    register.finalised_by = user
    register.save(update_fields=["status", "finalised_at", "finalised_by"])
    record(user, AuditEntry.Action.TRANSITION, register, changes={"status": "final", "total": str(check["allocated"])})
    return register


def can_disburse(user, allocation: Allocation) -> bool:
    """The receiving office records what it spent."""
    return acts_for_office(user, allocation.office)


@transaction.atomic
def record_disbursement(user, allocation: Allocation, *, date: date, amount: Decimal,
                        document_no: str = "") -> Disbursement:
    allocation = Allocation.objects.select_for_update().select_related("office").get(pk=allocation.pk)
    if not can_disburse(user, allocation):
        raise PermissionDenied(_("บันทึกการเบิกจ่ายได้เฉพาะสำนักงานที่ได้รับจัดสรร"))
    amount = Decimal(amount).quantize(CENT)
    if amount <= 0:
        raise ValidationError({"amount": _("จำนวนเงินเบิกจ่ายต้องมากกว่าศูนย์")})
    spent = allocation.disbursements.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
    remaining = allocation.amount - spent
    if amount > remaining:
        raise ValidationError({"amount": _("เบิกจ่ายเกินงบที่ได้รับจัดสรร: จัดสรร %(allocated)s บาท เบิกแล้ว "
                                           "%(spent)s บาท คงเหลือ %(remaining)s บาท แต่ขอเบิก %(amount)s บาท")
                               % {"allocated": _money(allocation.amount), "spent": _money(spent),
                                  "remaining": _money(remaining), "amount": _money(amount)}})
    disbursement = Disbursement.objects.create(allocation=allocation, date=date, amount=amount,
                                               document_no=document_no.strip(), recorded_by=user)
    record(user, AuditEntry.Action.CREATE, disbursement, district_code=allocation.office.district_id or "",
           changes={"amount": str(amount), "date": date.isoformat(), "document_no": document_no})
    return disbursement
