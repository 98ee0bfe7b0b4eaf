"""Governance potential assessments of community funds (ประเมินศักยภาพกองทุนตามหลักธรรมาภิบาล) as data.

The official indicator lists (21 for savings groups, 18 for กข.คจ.), their mandatory flags and the level
thresholds are not yet known (fund-registries.md §1): administrators enter them as an `IndicatorSet` per fund
kind and fiscal year, versioned. A published set is frozen; a change is a new version. An `Assessment` keeps
the set version it used and the level computed from the set's `LevelRule`s (services.compute_level).

The แม่ของแผ่นดิน fund villages (`MotherFundVillage`) are kept here too: their A/B/C level is recorded per
fiscal year with a *level-only* set (no indicators are known, the level is entered directly).

An assessment names its fund by kind and id (no foreign key: the kinds live in other apps, see funds.kinds);
it also keeps the fund's district, copied from the fund when recorded, for the summaries.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.audit.models import Tracked

LEVEL_SETS = {"123": ("1", "2", "3"), "ABC": ("A", "B", "C")}
LEVEL_CODES = [("1", "1"), ("2", "2"), ("3", "3"), ("A", "A"), ("B", "B"), ("C", "C")]


class Principle(models.Model):
    """One of the six governance principles (หลักธรรมาภิบาล, seed 004 §2.1.6) and the remedy for a fund that
    fails it (§๑.๒.๒ Design & Develop)."""

    code = models.SlugField(_("รหัส"), max_length=30, unique=True)
    name = models.CharField(_("หลัก"), max_length=100)
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    remedy = models.TextField(_("แนวทางพัฒนาเมื่อไม่ผ่าน"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("หลักธรรมาภิบาล")
        verbose_name_plural = _("หลักธรรมาภิบาล")

    def __str__(self) -> str:
        return self.name


class IndicatorSet(Tracked):
    class Status(models.TextChoices):
        DRAFT = "draft", _("ร่าง")
        PUBLISHED = "published", _("ประกาศใช้แล้ว")

    fund_kind = models.CharField(_("ประเภทกองทุน"), max_length=30)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"),
                                                   validators=[MinValueValidator(2500), MaxValueValidator(2700)])
    version = models.PositiveSmallIntegerField(_("ฉบับที่"), default=1)
    title = models.CharField(_("ชื่อชุดตัวชี้วัด"), max_length=300)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    level_only = models.BooleanField(
        _("บันทึกเฉพาะระดับ"), default=False,
        help_text=_("ยังไม่ทราบตัวชี้วัด: ผู้ประเมินบันทึกระดับที่ได้โดยตรง (เช่น กองทุนแม่ของแผ่นดิน ระดับ A/B/C)"))
    source_note = models.TextField(_("ที่มาของชุดตัวชี้วัด"), blank=True)
    published_at = models.DateTimeField(_("ประกาศใช้เมื่อ"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    previous = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                 verbose_name=_("ฉบับก่อนหน้า"))

    class Meta:
        ordering = ["fund_kind", "-fiscal_year", "-version"]
        verbose_name = _("ชุดตัวชี้วัด")
        verbose_name_plural = _("ชุดตัวชี้วัด")
        constraints = [models.UniqueConstraint(fields=["fund_kind", "fiscal_year", "version"],
                                               name="one_indicator_set_version")]

    def __str__(self) -> str:
        return f"{self.title} (ปี {self.fiscal_year} ฉบับที่ {self.version})"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def kind(self):
        from funds import kinds

        return kinds.get(self.fund_kind)

    @property
    def kind_label(self) -> str:
        kind = self.kind
        return str(kind.label) if kind else self.fund_kind


class Indicator(models.Model):
    class Scoring(models.TextChoices):
        PASS_FAIL = "pass_fail", _("ผ่าน/ไม่ผ่าน")
        SCORE = "score", _("คะแนน")

    indicator_set = models.ForeignKey(IndicatorSet, on_delete=models.PROTECT, related_name="indicators",
                                      verbose_name=_("ชุดตัวชี้วัด"))
    number = models.PositiveSmallIntegerField(_("ข้อที่"))
    text = models.TextField(_("ตัวชี้วัด"))
    principle = models.ForeignKey(Principle, on_delete=models.PROTECT, related_name="+", verbose_name=_("หลัก"))
    is_mandatory = models.BooleanField(_("ตัวชี้วัดบังคับ"), default=False)
    scoring = models.CharField(_("วิธีให้คะแนน"), max_length=20, choices=Scoring.choices, default=Scoring.PASS_FAIL)
    max_score = models.DecimalField(_("คะแนนเต็ม"), max_digits=6, decimal_places=2, null=True, blank=True)
    pass_score = models.DecimalField(_("คะแนนที่ถือว่าผ่าน"), max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["indicator_set", "number"]
        verbose_name = _("ตัวชี้วัด")
        verbose_name_plural = _("ตัวชี้วัด")
        constraints = [models.UniqueConstraint(fields=["indicator_set", "number"], name="one_indicator_number")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class LevelRule(models.Model):
    """The conditions of one level: checked from the highest rank down, the first that holds is the level."""

    indicator_set = models.ForeignKey(IndicatorSet, on_delete=models.PROTECT, related_name="rules",
                                      verbose_name=_("ชุดตัวชี้วัด"))
    level = models.CharField(_("ระดับ"), max_length=1, choices=LEVEL_CODES)
    label = models.CharField(_("ชื่อเรียกระดับ"), max_length=100, blank=True)
    rank = models.PositiveSmallIntegerField(_("ลำดับความดี"), default=1,
                                            help_text=_("ตัวเลขมากตรวจก่อน (ระดับที่ดีกว่า)"))
    min_passed = models.PositiveSmallIntegerField(_("จำนวนตัวชี้วัดที่ผ่านอย่างน้อย"), null=True, blank=True)
    min_score = models.DecimalField(_("คะแนนรวมอย่างน้อย"), max_digits=8, decimal_places=2, null=True, blank=True)
    requires_all_mandatory = models.BooleanField(_("ต้องผ่านตัวชี้วัดบังคับทุกข้อ"), default=False)

    class Meta:
        ordering = ["indicator_set", "-rank"]
        verbose_name = _("เกณฑ์ระดับ")
        verbose_name_plural = _("เกณฑ์ระดับ")
        constraints = [models.UniqueConstraint(fields=["indicator_set", "level"], name="one_rule_per_level")]

    def __str__(self) -> str:
        return self.display

    @property
    def display(self) -> str:
        from cdd_portal.thai import to_thai_digits

        name = _("ระดับ %(level)s") % {"level": to_thai_digits(self.level)}
        return f"{name} — {self.label}" if self.label else str(name)

    @property
    def is_unconditional(self) -> bool:
        return not self.min_passed and not self.min_score and not self.requires_all_mandatory


class MotherFundVillage(Tracked):
    """หมู่บ้านกองทุนแม่ของแผ่นดิน (seed 004 §2.3): a village fund the district office supervises."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("ดำเนินการอยู่")
        STOPPED = "stopped", _("หยุดดำเนินการ")

    district = models.ForeignKey("geo.District", on_delete=models.PROTECT, related_name="mother_fund_villages",
                                 verbose_name=_("อำเภอ"))
    village = models.ForeignKey("geo.Village", on_delete=models.PROTECT, related_name="mother_fund_villages",
                                verbose_name=_("หมู่บ้าน"))
    year_joined = models.PositiveSmallIntegerField(_("ปีที่เข้าร่วม (พ.ศ.)"), null=True, blank=True,
                                                   validators=[MinValueValidator(2500), MaxValueValidator(2700)])
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    stopped_on = models.DateField(_("วันที่หยุดดำเนินการ"), null=True, blank=True)
    stop_reason = models.TextField(_("เหตุผลที่หยุด"), blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    class Meta:
        ordering = ["district", "village__subdistrict", "village__number"]
        verbose_name = _("หมู่บ้านกองทุนแม่ของแผ่นดิน")
        verbose_name_plural = _("หมู่บ้านกองทุนแม่ของแผ่นดิน")
        constraints = [models.UniqueConstraint(fields=["village"], name="one_mother_fund_per_village")]
        indexes = [models.Index(fields=["district", "status"])]

    def __str__(self) -> str:
        village = self.village
        return f"หมู่ที่ {village.number} {village.name_th}"

    @property
    def name(self) -> str:
        return str(self)

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class Assessment(Tracked):
    class Round(models.IntegerChoices):
        BEFORE = 1, _("ก่อน")
        AFTER = 2, _("หลัง")

    fund_kind = models.CharField(_("ประเภทกองทุน"), max_length=30)
    fund_id = models.PositiveIntegerField(_("รหัสกองทุน"))
    district = models.ForeignKey("geo.District", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("อำเภอ"))
    fund_name = models.CharField(_("ชื่อกองทุน"), max_length=300, blank=True)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    round = models.PositiveSmallIntegerField(_("รอบการประเมิน"), choices=Round.choices, default=Round.BEFORE)
    assessed_on = models.DateField(_("วันที่ประเมิน"))
    assessor = models.CharField(_("ผู้ประเมิน"), max_length=200)
    indicator_set = models.ForeignKey(IndicatorSet, on_delete=models.PROTECT, related_name="assessments",
                                      verbose_name=_("ชุดตัวชี้วัดที่ใช้"))
    set_version = models.PositiveSmallIntegerField(_("ฉบับของชุดตัวชี้วัด"))
    level = models.CharField(_("ระดับที่ได้"), max_length=1, choices=LEVEL_CODES, blank=True)
    level_rule = models.ForeignKey(LevelRule, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                   verbose_name=_("เกณฑ์ที่ใช้"))
    passed_count = models.PositiveSmallIntegerField(_("จำนวนตัวชี้วัดที่ผ่าน"), default=0)
    total_score = models.DecimalField(_("คะแนนรวม"), max_digits=8, decimal_places=2, default=0)
    mandatory_failed = models.PositiveSmallIntegerField(_("ตัวชี้วัดบังคับที่ไม่ผ่าน"), default=0)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    class Meta:
        ordering = ["-fiscal_year", "district", "fund_name", "round"]
        verbose_name = _("ผลการประเมินศักยภาพกองทุน")
        verbose_name_plural = _("ผลการประเมินศักยภาพกองทุน")
        # the unique index also serves the summaries: the latest round of each fund of a kind and year, read
        # backwards from the index alone (level included)
        constraints = [models.UniqueConstraint(fields=["fund_kind", "fiscal_year", "fund_id", "round"],
                                               include=["level"], name="one_assessment_per_fund_year_round")]
        indexes = [models.Index(fields=["district", "fiscal_year"]), models.Index(fields=["fund_kind", "fund_id"])]

    def __str__(self) -> str:
        return f"{self.fund_name} ปี {self.fiscal_year} ({self.get_round_display()})"

    @property
    def kind(self):
        from funds import kinds

        return kinds.get(self.fund_kind)

    @property
    def kind_label(self) -> str:
        kind = self.kind
        return str(kind.label) if kind else self.fund_kind

    @property
    def level_display(self) -> str:
        from cdd_portal.thai import to_thai_digits

        if not self.level:
            return str(_("ไม่ถึงเกณฑ์ระดับใด"))
        if self.level_rule_id and self.level_rule.label:
            return self.level_rule.display
        return str(_("ระดับ %(level)s") % {"level": to_thai_digits(self.level)})


class IndicatorResult(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="results")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    passed = models.BooleanField(_("ผ่าน"), default=False)
    score = models.DecimalField(_("คะแนน"), max_digits=6, decimal_places=2, null=True, blank=True)
    note = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)

    class Meta:
        ordering = ["assessment", "indicator__number"]
        verbose_name = _("ผลรายตัวชี้วัด")
        verbose_name_plural = _("ผลรายตัวชี้วัด")
        constraints = [models.UniqueConstraint(fields=["assessment", "indicator"], name="one_result_per_indicator")]

    def __str__(self) -> str:
        return f"{self.assessment_id}/{self.indicator_id}: {'ผ่าน' if self.passed else 'ไม่ผ่าน'}"
