"""Audit trail: who changed what, when, from which office. Written only through services.record()."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("สร้าง")
        UPDATE = "update", _("แก้ไข")
        DELETE = "delete", _("ลบ")
        IMPORT = "import", _("นำเข้า")
        TRANSITION = "transition", _("เปลี่ยนสถานะ")
        REVEAL = "reveal", _("เปิดดูข้อมูลส่วนบุคคล")

    at = models.DateTimeField(_("เวลา"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             related_name="+", verbose_name=_("ผู้ใช้"))
    username = models.CharField(_("ชื่อผู้ใช้"), max_length=150, blank=True)
    office_code = models.CharField(_("สำนักงาน"), max_length=10, blank=True)
    action = models.CharField(_("การกระทำ"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("ประเภทข้อมูล"), max_length=100)
    object_id = models.CharField(_("รหัสข้อมูล"), max_length=64)
    object_repr = models.CharField(_("รายการ"), max_length=300)
    district_code = models.CharField(_("อำเภอ"), max_length=4, blank=True, db_index=True)
    changes = models.JSONField(_("รายละเอียด"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("บันทึกการเปลี่ยนแปลง")
        verbose_name_plural = _("บันทึกการเปลี่ยนแปลง")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()} {self.object_repr}"


class Tracked(models.Model):
    """Who made a registry record and who changed it last, and when (the audit trail holds what changed)."""

    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        abstract = True
