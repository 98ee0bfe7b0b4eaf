"""A render job: one export (PDF or XLSX) made by a Celery worker, its progress, file and error."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RenderJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("รอคิว")
        RUNNING = "running", _("กำลังสร้างไฟล์")
        DONE = "done", _("เสร็จแล้ว")
        FAILED = "failed", _("ไม่สำเร็จ")

    class Format(models.TextChoices):
        XLSX = "xlsx", "XLSX"
        PDF = "pdf", "PDF"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("ประเภทเอกสาร"), max_length=50)
    params = models.JSONField(_("เงื่อนไข"), default=dict)
    format = models.CharField(_("รูปแบบ"), max_length=5, choices=Format.choices)
    fingerprint = models.CharField(_("ลายนิ้วมือข้อมูลต้นทาง"), max_length=64, db_index=True,
                                   help_text=_("SHA-256 ของข้อมูลที่ใช้สร้าง: ข้อมูลเดิมได้ไฟล์เดิม"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     related_name="+", verbose_name=_("ผู้ขอ"))
    status = models.CharField(_("สถานะ"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("ความคืบหน้า (%)"), default=0)
    file = models.FileField(_("ไฟล์"), upload_to="jobs/%Y/%m/", blank=True)
    file_name = models.CharField(_("ชื่อไฟล์"), max_length=200, blank=True)
    checksum = models.CharField(_("SHA-256 ของไฟล์"), max_length=64, blank=True)
    error = models.TextField(_("ข้อผิดพลาด"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("จำนวนครั้งที่ลอง"), default=0)
    created_at = models.DateTimeField(_("สั่งเมื่อ"), auto_now_add=True)
    started_at = models.DateTimeField(_("เริ่มเมื่อ"), null=True, blank=True)
    finished_at = models.DateTimeField(_("เสร็จเมื่อ"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("งานสร้างเอกสาร")
        verbose_name_plural = _("งานสร้างเอกสาร")
        indexes = [models.Index(fields=["kind", "format", "fingerprint", "status"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.format} {self.get_status_display()}"
