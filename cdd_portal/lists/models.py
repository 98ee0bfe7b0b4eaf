from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.geo.models import District
from cdd_portal.imports import CheckedImport


class ListImport(CheckedImport):
    """A workbook uploaded into a registry list (cdd_portal.lists.registry), kept as read (`raw`: every
    row's cells as text) with the column mapping and the checked rows, until the district decides."""

    list_name = models.CharField(_("ทะเบียน"), max_length=60)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="list_imports",
                                 verbose_name=_("อำเภอ"))
    header = models.JSONField(_("หัวคอลัมน์ในไฟล์"), default=list)
    mapping = models.JSONField(_("การจับคู่คอลัมน์"), default=dict)
    raw = models.JSONField(_("ข้อมูลในไฟล์"), default=list)
    skipped = models.JSONField(_("แถวที่ข้าม"), default=list)
    imported_count = models.PositiveIntegerField(_("จำนวนที่นำเข้า"), default=0)
    imported_at = models.DateTimeField(_("นำเข้าเมื่อ"), null=True, blank=True)

    class Meta(CheckedImport.Meta):
        verbose_name = _("การนำเข้าทะเบียน")
        verbose_name_plural = _("การนำเข้าทะเบียน")

    def __str__(self) -> str:
        return f"{self.list_name}: {self.file_name}"
