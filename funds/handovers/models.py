"""The brown book's handovers (สมุดบันทึกสถานะหมู่บ้าน part 2 and 3, seed 004 §5.1–5.2): the record that
keeps a fund's books and its state from being lost when an officer or a committee changes.

Two kinds of record, kept apart on every page and endpoint:

- an officer handover (การส่งมอบงานของเจ้าหน้าที่): one officer of a district hands over the funds of any
  kind (`funds.kinds`) to another officer of the same district; both sign with their own login, then the
  record is locked and the incoming officer becomes the responsible officer (`Responsibility`);
- a committee handover (การส่งมอบงานของคณะกรรมการ): one fund's outgoing committee to the incoming one,
  witnessed by the tambon coordinator, signed on paper: the scan is uploaded and the district office confirms.

Each fund on a record carries the status at that moment (a frozen copy of `FundKind.status(fund)`) and the
checklist of the kind's `handover_items`. Nothing is deleted: a record not yet signed is cancelled with a
reason; an item not received stays «ยังไม่ได้รับมอบ» until a follow-up (`ItemReceipt`) says it came."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.audit.models import Tracked


class Handover(Tracked):
    class Kind(models.TextChoices):
        OFFICER = "officer", _("การส่งมอบงานของเจ้าหน้าที่")
        COMMITTEE = "committee", _("การส่งมอบงานของคณะกรรมการ")

    class Status(models.TextChoices):
        PENDING = "pending", _("รอลงนาม")
        SIGNED = "signed", _("ลงนามครบแล้ว")
        CANCELLED = "cancelled", _("ยกเลิก")

    class Reason(models.TextChoices):
        TRANSFER = "transfer", _("ย้าย")
        RETIREMENT = "retirement", _("เกษียณอายุราชการ")
        REASSIGNMENT = "reassignment", _("มอบหมายงานใหม่")
        TERM_END = "term_end", _("ครบวาระ")
        RESIGNATION = "resignation", _("ลาออก")
        OTHER = "other", _("อื่น ๆ")

    district = models.ForeignKey("geo.District", on_delete=models.PROTECT, related_name="fund_handovers",
                                 verbose_name=_("อำเภอ"))
    kind = models.CharField(_("ประเภทการส่งมอบ"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.PENDING)
    date = models.DateField(_("วันที่ส่งมอบ"))
    reason = models.CharField(_("เหตุที่ส่งมอบ"), max_length=20, choices=Reason.choices)
    reason_note = models.CharField(_("รายละเอียดเหตุที่ส่งมอบ"), max_length=300, blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    # an officer handover: both officers are users of the district; they sign with their own login
    outgoing_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+", verbose_name=_("ผู้ส่งมอบ"))
    incoming_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+", verbose_name=_("ผู้รับมอบ"))
    outgoing_position = models.CharField(_("ตำแหน่งผู้ส่งมอบ"), max_length=200, blank=True)
    incoming_position = models.CharField(_("ตำแหน่งผู้รับมอบ"), max_length=200, blank=True)
    outgoing_signed_at = models.DateTimeField(_("ผู้ส่งมอบลงนามเมื่อ"), null=True, blank=True)
    incoming_signed_at = models.DateTimeField(_("ผู้รับมอบลงนามเมื่อ"), null=True, blank=True)

    # a committee handover: names as text (committee members are not users)
    outgoing_chair = models.CharField(_("ประธานคณะกรรมการชุดเดิม"), max_length=200, blank=True)
    outgoing_members = models.TextField(_("กรรมการชุดเดิม"), blank=True, help_text=_("บรรทัดละหนึ่งคน"))
    incoming_chair = models.CharField(_("ประธานคณะกรรมการชุดใหม่"), max_length=200, blank=True)
    incoming_members = models.TextField(_("กรรมการชุดใหม่"), blank=True, help_text=_("บรรทัดละหนึ่งคน"))
    witness_name = models.CharField(_("พยาน (พัฒนากรผู้ประสานงานตำบล)"), max_length=200, blank=True)
    witness_position = models.CharField(_("ตำแหน่งพยาน"), max_length=200, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("ผู้ยืนยันเอกสารที่ลงนาม"))
    confirmed_at = models.DateTimeField(_("ยืนยันเมื่อ"), null=True, blank=True)

    cancelled_at = models.DateTimeField(_("ยกเลิกเมื่อ"), null=True, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("ผู้ยกเลิก"))
    cancel_reason = models.CharField(_("เหตุที่ยกเลิก"), max_length=300, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("บันทึกการส่งมอบงาน")
        verbose_name_plural = _("บันทึกการส่งมอบงาน")
        indexes = [models.Index(fields=["district", "kind", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d} #{self.pk}"

    @property
    def is_officer(self) -> bool:
        return self.kind == self.Kind.OFFICER

    @property
    def is_locked(self) -> bool:
        return self.status != self.Status.PENDING

    @property
    def outgoing_name(self) -> str:
        if self.is_officer:
            return self.outgoing_user.display_name if self.outgoing_user_id else ""
        return self.outgoing_chair

    @property
    def incoming_name(self) -> str:
        if self.is_officer:
            return self.incoming_user.display_name if self.incoming_user_id else ""
        return self.incoming_chair


class HandoverFund(models.Model):
    """One fund on a handover record, with its status as the brown book's part 3 froze it."""

    handover = models.ForeignKey(Handover, on_delete=models.PROTECT, related_name="funds",
                                 verbose_name=_("บันทึกการส่งมอบ"))
    kind_code = models.CharField(_("ประเภทกองทุน"), max_length=40)
    fund_id = models.PositiveBigIntegerField(_("รหัสกองทุน"))
    fund_label = models.CharField(_("ชื่อกองทุน"), max_length=300)
    status = models.JSONField(_("สถานะ ณ วันที่ส่งมอบ"), default=list, blank=True,
                              help_text=_("[[รายการ, ค่า], …] ตามสมุดบันทึกสถานะหมู่บ้าน ส่วนที่ ๓"))

    class Meta:
        ordering = ["handover", "id"]
        verbose_name = _("กองทุนที่ส่งมอบ")
        verbose_name_plural = _("กองทุนที่ส่งมอบ")
        constraints = [models.UniqueConstraint(fields=["handover", "kind_code", "fund_id"],
                                               name="one_line_per_fund_per_handover")]
        indexes = [models.Index(fields=["kind_code", "fund_id"])]

    def __str__(self) -> str:
        return self.fund_label


class ChecklistItem(models.Model):
    """A book or document the handover asks for (the kind's `handover_items`)."""

    line = models.ForeignKey(HandoverFund, on_delete=models.PROTECT, related_name="items",
                             verbose_name=_("กองทุนที่ส่งมอบ"))
    code = models.CharField(_("รหัสรายการ"), max_length=40)
    label = models.CharField(_("รายการ"), max_length=200)
    received = models.BooleanField(_("ได้รับมอบ"), default=False)
    complete = models.BooleanField(_("ครบถ้วน/ถูกต้อง"), default=False)
    note = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)

    class Meta:
        ordering = ["line", "id"]
        verbose_name = _("รายการตรวจรับ")
        verbose_name_plural = _("รายการตรวจรับ")

    def __str__(self) -> str:
        return self.label


class ItemReceipt(models.Model):
    """A follow-up: an item missing at the handover was received later (the handover itself stays locked)."""

    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="receipts",
                             verbose_name=_("รายการตรวจรับ"))
    received_on = models.DateField(_("วันที่ได้รับ"))
    note = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+", verbose_name=_("ผู้บันทึก"))
    recorded_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("การรับมอบเพิ่มเติม")
        verbose_name_plural = _("การรับมอบเพิ่มเติม")

    def __str__(self) -> str:
        return f"{self.item} {self.received_on:%Y-%m-%d}"


class Responsibility(Tracked):
    """Who is the responsible officer of a fund, from when to when (the purple book's พัฒนากร register).
    The current one has no end date; the history is every row."""

    kind_code = models.CharField(_("ประเภทกองทุน"), max_length=40)
    fund_id = models.PositiveBigIntegerField(_("รหัสกองทุน"))
    district = models.ForeignKey("geo.District", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("อำเภอ"))
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("เจ้าหน้าที่ผู้รับผิดชอบ"))
    position = models.CharField(_("ตำแหน่ง"), max_length=200, blank=True)
    since = models.DateField(_("เริ่มรับผิดชอบ"))
    until = models.DateField(_("สิ้นสุดรับผิดชอบ"), null=True, blank=True)
    handover = models.ForeignKey(Handover, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="responsibilities", verbose_name=_("ตามบันทึกการส่งมอบ"))

    class Meta:
        ordering = ["kind_code", "fund_id", "since", "id"]
        verbose_name = _("เจ้าหน้าที่ผู้รับผิดชอบกองทุน")
        verbose_name_plural = _("เจ้าหน้าที่ผู้รับผิดชอบกองทุน")
        indexes = [models.Index(fields=["kind_code", "fund_id"])]
        constraints = [models.UniqueConstraint(fields=["kind_code", "fund_id"], condition=models.Q(until__isnull=True),
                                               name="one_current_responsibility_per_fund")]

    def __str__(self) -> str:
        return f"{self.officer} {self.kind_code}:{self.fund_id}"
