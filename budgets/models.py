"""Fiscal years, the plan tree, allocation registers, allocations and disbursements.

Money is Decimal with two places. A register is one activity's allocations in one province (the
national view is the sum of the provinces' registers). Allocations go to an office: the province
office's own lines (ค่าติดตาม) or a district office.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.accounts.models import Office
from cdd_portal.geo.models import Province
from cdd_portal.imports import CheckedImport

MONEY = {"max_digits": 14, "decimal_places": 2}


class FiscalYear(models.Model):
    year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), unique=True)
    start_date = models.DateField(_("วันเริ่มต้น"))
    end_date = models.DateField(_("วันสิ้นสุด"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("ปีงบประมาณ")
        verbose_name_plural = _("ปีงบประมาณ")
        constraints = [models.CheckConstraint(condition=models.Q(start_date__lt=models.F("end_date")),
                                              name="fiscal_year_dates_in_order")]

    def __str__(self) -> str:
        return f"ปีงบประมาณ พ.ศ. {self.year}"


class PlanItem(models.Model):
    """แผนงาน → โครงการ → กิจกรรมหลัก → กิจกรรม, each with its stated budget."""

    class Level(models.IntegerChoices):
        PLAN = 1, _("แผนงาน")
        PROJECT = 2, _("โครงการ")
        MAIN_ACTIVITY = 3, _("กิจกรรมหลัก")
        ACTIVITY = 4, _("กิจกรรม")

    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.PROTECT, related_name="plan_items",
                                    verbose_name=_("ปีงบประมาณ"))
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
                               verbose_name=_("อยู่ภายใต้"))
    level = models.PositiveSmallIntegerField(_("ระดับ"), choices=Level.choices)
    name = models.CharField(_("ชื่อ"), max_length=300)
    budget = models.DecimalField(_("งบประมาณที่ได้รับ"), **MONEY, null=True, blank=True,
                                 validators=[MinValueValidator(0)])
    responsible_unit = models.CharField(_("หน่วยงานรับผิดชอบ"), max_length=200, blank=True)
    quarters = models.CharField(_("ไตรมาส"), max_length=20, blank=True, help_text=_("เช่น 3 หรือ 1,2"))
    indicators = models.TextField(_("ตัวชี้วัด"), blank=True)
    unit_label = models.CharField(_("หน่วยจัดสรร"), max_length=50, blank=True, help_text=_("เช่น อำเภอ, หมู่บ้าน"))
    unit_rate = models.DecimalField(_("อัตราต่อหน่วย"), **MONEY, null=True, blank=True,
                                    help_text=_("เช่น อำเภอละ 1,500 บาท"))

    class Meta:
        ordering = ["fiscal_year", "level", "name"]
        verbose_name = _("แผนงาน/โครงการ/กิจกรรม")
        verbose_name_plural = _("แผนงาน/โครงการ/กิจกรรม")
        constraints = [
            models.CheckConstraint(condition=models.Q(level=1, parent__isnull=True) | models.Q(level__gt=1,
                                                                                           parent__isnull=False),
                                   name="plan_item_parent_by_level"),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()}{self.name}"


class Register(models.Model):
    """ทะเบียนจัดสรรงบประมาณ of one activity in one province: draft until finalised."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("ร่าง")
        FINAL = "final", _("ยืนยันแล้ว")

    activity = models.ForeignKey(PlanItem, on_delete=models.PROTECT, related_name="registers",
                                 limit_choices_to={"level": PlanItem.Level.ACTIVITY}, verbose_name=_("กิจกรรม"))
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="budget_registers",
                                 verbose_name=_("จังหวัด"))
    stated_budget = models.DecimalField(_("งบประมาณที่ได้รับแจ้งจัดสรร"), **MONEY, validators=[MinValueValidator(0)])
    status = models.CharField(_("สถานะ"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    finalised_at = models.DateTimeField(_("ยืนยันเมื่อ"), null=True, blank=True)
    finalised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("ผู้ยืนยัน"))

    class Meta:
        ordering = ["activity", "province"]
        verbose_name = _("ทะเบียนจัดสรรงบประมาณ")
        verbose_name_plural = _("ทะเบียนจัดสรรงบประมาณ")
        constraints = [models.UniqueConstraint(fields=["activity", "province"], name="one_register_per_province")]

    def __str__(self) -> str:
        return f"{self.activity.name} — {self.province.full_name}"


class Allocation(models.Model):
    register = models.ForeignKey(Register, on_delete=models.CASCADE, related_name="allocations",
                                 verbose_name=_("ทะเบียน"))
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="allocations",
                               verbose_name=_("สำนักงานที่ได้รับจัดสรร"))
    line = models.CharField(_("รายการ"), max_length=200, blank=True, help_text=_("เช่น ค่าติดตามและสนับสนุนการดำเนินงาน"))
    units = models.PositiveIntegerField(_("จำนวนหน่วย"), null=True, blank=True)
    rate = models.DecimalField(_("อัตราต่อหน่วย"), **MONEY, null=True, blank=True)
    amount = models.DecimalField(_("จำนวนเงิน"), **MONEY, validators=[MinValueValidator(0)])
    target_count = models.PositiveIntegerField(_("จำนวนเป้าหมาย"), null=True, blank=True)
    target_unit = models.CharField(_("หน่วยนับเป้าหมาย"), max_length=30, blank=True, help_text=_("กลุ่ม, หมู่บ้าน, คน"))
    note = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)

    class Meta:
        ordering = ["register", "office__level", "office__code", "id"]
        verbose_name = _("รายการจัดสรร")
        verbose_name_plural = _("รายการจัดสรร")
        constraints = [
            models.UniqueConstraint(fields=["register", "office", "line"], name="one_allocation_per_office_line"),
        ]

    def __str__(self) -> str:
        return f"{self.office.name_th} {self.amount:,.2f}"


class Disbursement(models.Model):
    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, related_name="disbursements",
                                   verbose_name=_("รายการจัดสรร"))
    date = models.DateField(_("วันที่เบิกจ่าย"))
    amount = models.DecimalField(_("จำนวนเงิน"), **MONEY, validators=[MinValueValidator(0)])
    document_no = models.CharField(_("เลขที่เอกสาร"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+", verbose_name=_("ผู้บันทึก"))
    recorded_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)

    class Meta:
        ordering = ["allocation", "date", "id"]
        verbose_name = _("การเบิกจ่าย")
        verbose_name_plural = _("การเบิกจ่าย")
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="disbursement_positive")]

    def __str__(self) -> str:
        return f"{self.date} {self.amount:,.2f}"


class AllocationImport(CheckedImport):
    """An allocation register workbook as provinces keep it today, checked row by row, waiting for the
    user's confirmation. Nothing is written to the register before that."""

    register = models.ForeignKey(Register, on_delete=models.CASCADE, related_name="imports",
                                 verbose_name=_("ทะเบียน"))
    file_total = models.DecimalField(_("ยอดรวมในไฟล์"), **MONEY, null=True, blank=True)

    class Meta(CheckedImport.Meta):
        verbose_name = _("การนำเข้าทะเบียนจัดสรร")
        verbose_name_plural = _("การนำเข้าทะเบียนจัดสรร")

    def __str__(self) -> str:
        return self.file_name
