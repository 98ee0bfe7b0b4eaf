"""Administrative areas with DOPA codes as primary keys (codes never change; names may)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.imports import CheckedImport

BANGKOK_CODE = "10"


class Province(models.Model):
    code = models.CharField(_("รหัสจังหวัด"), max_length=2, primary_key=True)
    name_th = models.CharField(_("ชื่อจังหวัด"), max_length=100)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=100)
    region_th = models.CharField(_("ภาค"), max_length=50, blank=True)
    in_department = models.BooleanField(
        _("อยู่ในความรับผิดชอบของกรมฯ"),
        default=True,
        help_text=_("กรุงเทพมหานครไม่มีสำนักงานพัฒนาชุมชน"),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("จังหวัด")
        verbose_name_plural = _("จังหวัด")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return self.name_th if self.code == BANGKOK_CODE else f"จังหวัด{self.name_th}"


class District(models.Model):
    class Kind(models.TextChoices):
        DISTRICT = "district", _("อำเภอ")
        KHET = "khet", _("เขต (กรุงเทพมหานคร)")
        MUNICIPALITY = "municipality", _("เทศบาล (มีรหัสแต่ไม่ใช่อำเภอ)")

    code = models.CharField(_("รหัสอำเภอ"), max_length=4, primary_key=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="districts",
                                 verbose_name=_("จังหวัด"))
    name_th = models.CharField(_("ชื่ออำเภอ"), max_length=100)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=100)
    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices, default=Kind.DISTRICT)

    class Meta:
        ordering = ["code"]
        verbose_name = _("อำเภอ")
        verbose_name_plural = _("อำเภอ")

    def __str__(self) -> str:
        return self.full_name

    @property
    def in_department(self) -> bool:
        return self.kind == self.Kind.DISTRICT

    @property
    def full_name(self) -> str:
        if self.kind == self.Kind.DISTRICT:
            return f"อำเภอ{self.name_th}"
        return self.name_th


class Subdistrict(models.Model):
    code = models.CharField(_("รหัสตำบล"), max_length=6, primary_key=True)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="subdistricts",
                                 verbose_name=_("อำเภอ"))
    name_th = models.CharField(_("ชื่อตำบล"), max_length=100)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=100)
    postal_code = models.CharField(_("รหัสไปรษณีย์"), max_length=5, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("ตำบล")
        verbose_name_plural = _("ตำบล")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        prefix = "แขวง" if self.district.kind == District.Kind.KHET else "ตำบล"
        return f"{prefix}{self.name_th}"


class Village(models.Model):
    """หมู่บ้าน: kept by the district offices themselves (no official open data set has villages)."""

    subdistrict = models.ForeignKey(Subdistrict, on_delete=models.PROTECT, related_name="villages",
                                    verbose_name=_("ตำบล"))
    number = models.PositiveSmallIntegerField(
        _("หมู่ที่"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    name_th = models.CharField(_("ชื่อหมู่บ้าน"), max_length=150)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขเมื่อ"), auto_now=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("ผู้สร้าง"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("ผู้แก้ไขล่าสุด"))

    class Meta:
        ordering = ["subdistrict_id", "number"]
        verbose_name = _("หมู่บ้าน")
        verbose_name_plural = _("หมู่บ้าน")
        constraints = [
            models.UniqueConstraint(fields=["subdistrict", "number"], name="village_unique_number_in_subdistrict"),
            models.CheckConstraint(condition=models.Q(number__gte=1, number__lte=99),
                                   name="village_number_1_to_99"),
        ]

    def __str__(self) -> str:
        return f"หมู่ที่ {self.number} {self.name_th}"

    @property
    def code(self) -> str:
        """DOPA-style village code: the subdistrict code and the two-digit village number."""
        return f"{self.subdistrict_id}{self.number:02d}"


class VillageImport(CheckedImport):
    """An uploaded village workbook, parsed and checked row by row, waiting for the user's decision.

    The rows (with their errors and suggested names) are kept as JSON so that the preview, the
    confirmation and the download of rejected rows all read the same checked data.
    """

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="village_imports",
                                 verbose_name=_("อำเภอ"))
    imported_count = models.PositiveIntegerField(_("จำนวนที่นำเข้า"), default=0)
    imported_at = models.DateTimeField(_("นำเข้าเมื่อ"), null=True, blank=True)

    class Meta(CheckedImport.Meta):
        verbose_name = _("การนำเข้าหมู่บ้าน")
        verbose_name_plural = _("การนำเข้าหมู่บ้าน")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.district.full_name})"
