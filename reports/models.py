"""Report forms as data, their periods, and submissions with their review workflow (design.md §3, §4).

The unit of work is (form, period, district office), as in DHIS2.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.accounts.models import Office
from cdd_portal.files.models import StoredFile


class FormDefinition(models.Model):
    class PeriodType(models.TextChoices):
        MONTHLY = "monthly", _("รายเดือน")
        QUARTERLY = "quarterly", _("รายไตรมาส")
        ANNUAL = "annual", _("รายปี")
        ONCE = "once", _("ครั้งเดียว (มีกำหนดส่ง)")

    code = models.SlugField(_("รหัสแบบรายงาน"), max_length=60)
    version = models.PositiveSmallIntegerField(_("ฉบับที่"), default=1)
    title = models.CharField(_("ชื่อแบบรายงาน"), max_length=300)
    period_type = models.CharField(_("รอบการรายงาน"), max_length=10, choices=PeriodType.choices)
    fiscal_years = models.JSONField(_("ปีงบประมาณที่ใช้"), default=list, help_text=_("เช่น [2563, 2564]"))
    office_level = models.CharField(_("ระดับที่กรอก"), max_length=20, choices=Office.Level.choices,
                                    default=Office.Level.DISTRICT)
    due_day = models.PositiveSmallIntegerField(_("กำหนดส่ง (วันที่ของเดือนถัดไป)"), null=True, blank=True,
                                               help_text=_("เช่น 20 = ทุกวันที่ ๒๐ ของเดือนถัดจากรอบรายงาน"))
    due_date = models.DateField(_("กำหนดส่ง (แบบครั้งเดียว)"), null=True, blank=True)
    entry_days_after_due = models.PositiveSmallIntegerField(_("แก้ไขได้อีกกี่วันหลังกำหนดส่ง"), default=30)
    schema = models.JSONField(_("โครงสร้างแบบรายงาน"))
    is_builtin = models.BooleanField(_("มากับระบบ"), default=False)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("แบบรายงาน")
        verbose_name_plural = _("แบบรายงาน")
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="one_form_version")]

    def __str__(self) -> str:
        return f"{self.title} (ฉบับที่ {self.version})"


class Period(models.Model):
    form = models.ForeignKey(FormDefinition, on_delete=models.CASCADE, related_name="periods",
                             verbose_name=_("แบบรายงาน"))
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    label = models.CharField(_("รอบรายงาน"), max_length=100)
    start = models.DateField(_("วันเริ่มรอบ"))
    end = models.DateField(_("วันสิ้นรอบ"))
    due_date = models.DateField(_("กำหนดส่ง"))

    class Meta:
        ordering = ["form", "start"]
        verbose_name = _("รอบรายงาน")
        verbose_name_plural = _("รอบรายงาน")
        constraints = [models.UniqueConstraint(fields=["form", "start", "end"], name="one_period_per_span")]

    def __str__(self) -> str:
        return self.label


class Submission(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("ร่าง")
        SUBMITTED = "submitted", _("ส่งแล้ว รอตรวจ")
        RETURNED = "returned", _("ส่งกลับให้แก้ไข")
        APPROVED = "approved", _("อนุมัติแล้ว")

    form = models.ForeignKey(FormDefinition, on_delete=models.PROTECT, related_name="submissions",
                             verbose_name=_("แบบรายงาน"))
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="submissions",
                               verbose_name=_("รอบรายงาน"))
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="submissions",
                               verbose_name=_("สำนักงาน"))
    data = models.JSONField(_("ข้อมูล"), default=dict)
    status = models.CharField(_("สถานะ"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(_("รุ่นของข้อมูล"), default=1)
    signer_name = models.CharField(_("ผู้รายงาน"), max_length=200, blank=True)
    signer_position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    submitted_at = models.DateTimeField(_("ส่งเมื่อ"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("ผู้ส่ง"))
    decided_at = models.DateTimeField(_("ตรวจเมื่อ"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("ผู้ตรวจ"))
    return_reason = models.TextField(_("เหตุผลที่ส่งกลับ"), blank=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("ผู้แก้ไขล่าสุด"))

    class Meta:
        ordering = ["period__start", "office__code"]
        verbose_name = _("รายงาน")
        verbose_name_plural = _("รายงาน")
        constraints = [models.UniqueConstraint(fields=["form", "period", "office"], name="one_submission_per_unit")]
        indexes = [models.Index(fields=["period", "status"])]

    def __str__(self) -> str:
        return f"{self.form.title} — {self.period.label} — {self.office.name_th}"


class SubmissionEvent(models.Model):
    """The trail a submission page shows: every save and every transition, who and when."""

    ACTION_LABELS = {"create": _("เริ่มฉบับร่าง"), "save": _("บันทึก"), "submit": _("ส่งรายงาน"),
                     "approve": _("อนุมัติ"), "return": _("ส่งกลับให้แก้ไข"), "reopen": _("เปิดให้แก้ไขอีกครั้ง"),
                     "attach": _("แนบไฟล์"),
                     "refill": _("เติมข้อมูลจากทะเบียนอีกครั้ง"), "import": _("นำเข้าตารางจากไฟล์ Excel")}

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("เวลา"), auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    action = models.CharField(_("การกระทำ"), max_length=20)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10, blank=True)
    reason = models.TextField(blank=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.from_status}→{self.to_status}"

    @property
    def action_label(self) -> str:
        return str(self.ACTION_LABELS.get(self.action, self.action))


class LockException(models.Model):
    """The province re-opens entry for one district office and one period after its window closed."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="lock_exceptions")
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="lock_exceptions")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)
    until = models.DateField(_("เปิดให้แก้ไขถึง"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["period", "office"], name="one_lock_exception")]

    def __str__(self) -> str:
        return f"{self.office} {self.period} → {self.until}"


def _attachment_path(instance, filename: str) -> str:
    return f"reports/{instance.submission_id}/{instance.section}/{filename}"


class Attachment(StoredFile):
    """A photo or file that proves a row or a section of a submission: the shared file mechanism
    (cdd_portal.files: type read from the content, authorised download only), placed in the form."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    section = models.CharField(_("ส่วน"), max_length=60)
    row = models.CharField(_("แถว"), max_length=60, blank=True, help_text=_("ลำดับแถว หรือรหัสขั้นตอน"))
    column = models.CharField(_("ช่อง"), max_length=60, blank=True)
    file = models.FileField(_("ไฟล์"), upload_to=_attachment_path)

    class Meta:
        ordering = ["section", "row", "uploaded_at"]
        verbose_name = _("ไฟล์แนบ")
        verbose_name_plural = _("ไฟล์แนบ")




class ApprovedRow(models.Model):
    """One approved report row that names a registry record (a savings group's line of the monthly status
    report), kept while its submission is approved: the registries read their figures from here through
    `cdd_portal.references.approved_figures` without knowing the engine or parsing submissions."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="approved_rows")
    form_code = models.SlugField(max_length=60)
    reference = models.CharField(max_length=40)  # the reference kind: "group", "village", "center"…
    reference_id = models.PositiveIntegerField()
    section = models.CharField(max_length=60)
    period_end = models.DateField()
    period_label = models.CharField(max_length=100)
    values = models.JSONField(default=dict)  # the row's cleaned values, by column key
    kinds = models.JSONField(default=dict)  # the column types, to read the values back as numbers

    class Meta:
        verbose_name = _("แถวรายงานที่อนุมัติแล้ว")
        verbose_name_plural = _("แถวรายงานที่อนุมัติแล้ว")
        indexes = [models.Index(fields=["reference", "reference_id", "period_end"], name="approved_row_lookup")]

    def __str__(self) -> str:
        return f"{self.form_code} {self.period_label} {self.reference}#{self.reference_id}"
