"""What every workbook import shares: the uploaded rows, checked one by one, kept until the user
decides (import all, import the valid rows, or cancel). Concrete imports add what they import into."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CheckedImport(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("รอยืนยัน")
        IMPORTED = "imported", _("นำเข้าแล้ว")
        CANCELLED = "cancelled", _("ยกเลิก")

    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+", verbose_name=_("ผู้นำเข้า"))
    file_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    created_at = models.DateTimeField(_("อัปโหลดเมื่อ"), auto_now_add=True)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.PENDING)
    rows = models.JSONField(_("แถวข้อมูล"), default=list)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def valid_rows(self) -> list[dict]:
        return [r for r in self.rows if not r["errors"]]

    @property
    def invalid_rows(self) -> list[dict]:
        return [r for r in self.rows if r["errors"]]
