"""Savings-for-production groups (กลุ่มออมทรัพย์เพื่อการผลิต, seeds 004 and 002): the registry that report
forms refer to (a "group" reference), kept by each district office, with the group's committee (by division),
its members and their beneficiaries, or, where a district keeps no member list, the members counted.

Nothing is deleted: a group stops (date and reason), a committee member or a member leaves (date and reason),
a beneficiary is ended. The monthly money stays in the report engine (`cdd_portal.references`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.audit.models import Tracked
from cdd_portal.personal.fields import NationalIdField
from cdd_portal.thai import to_thai_digits


class SavingsGroup(Tracked):
    class MemberMode(models.TextChoices):
        REGISTER = "register", _("ทะเบียนสมาชิกรายคน")
        COUNTS = "counts", _("จำนวนสมาชิกเท่านั้น (อำเภอไม่ได้เก็บรายชื่อ)")

    district = models.ForeignKey("geo.District", on_delete=models.PROTECT, related_name="savings_groups",
                                 verbose_name=_("อำเภอ"))
    village = models.ForeignKey("geo.Village", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="savings_groups", verbose_name=_("หมู่บ้านที่ตั้ง"))
    name = models.CharField(_("ชื่อกลุ่ม"), max_length=200)
    founded_on = models.DateField(_("วันที่ก่อตั้ง"), null=True, blank=True)
    is_active = models.BooleanField(_("ยังดำเนินการอยู่"), default=True,
                                    help_text=_("กลุ่มที่เลิกดำเนินการแล้วไม่แสดงในแบบรายงานฉบับใหม่ แต่ประวัติยังอยู่"))
    savings_day = models.PositiveSmallIntegerField(
        _("วันรับฝากเงินสัจจะ (วันที่ของเดือน)"), null=True, blank=True,
        help_text=_("วันที่ ๑–๓๑ ของทุกเดือนที่กลุ่มรับฝากเงินสัจจะ"))
    registration_ref = models.CharField(
        _("เลขทะเบียน/หนังสือแจ้งจัดตั้ง"), max_length=200, blank=True,
        help_text=_("ตามที่กลุ่มหรืออำเภอมี (ยังไม่ยืนยันว่าระเบียบฯ พ.ศ. ๒๕๕๕ กำหนดให้ขึ้นทะเบียนหรือแจ้งจัดตั้ง)"))
    registered_on = models.DateField(_("วันที่ขึ้นทะเบียน/แจ้งจัดตั้ง"), null=True, blank=True)
    officer_name = models.CharField(_("พัฒนากรผู้รับผิดชอบ"), max_length=200, blank=True)
    member_mode = models.CharField(_("การเก็บข้อมูลสมาชิก"), max_length=10, choices=MemberMode.choices,
                                   default=MemberMode.REGISTER)
    stopped_on = models.DateField(_("วันที่เลิกดำเนินการ"), null=True, blank=True)
    stop_reason = models.CharField(_("เหตุที่เลิกดำเนินการ"), max_length=300, blank=True)

    class Meta:
        ordering = ["district", "name"]
        verbose_name = _("กลุ่มออมทรัพย์เพื่อการผลิต")
        verbose_name_plural = _("กลุ่มออมทรัพย์เพื่อการผลิต")
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="one_group_name_per_district"),
            models.CheckConstraint(name="savings_day_of_month",
                                   condition=models.Q(savings_day__isnull=True)
                                   | models.Q(savings_day__gte=1, savings_day__lte=31)),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The group as a form's drop-down names it: its name and where it is."""
        if self.village_id:
            return f"{self.name} (หมู่ที่ {self.village.number} {self.village.name_th})"
        return self.name

    @property
    def savings_day_label(self) -> str:
        if not self.savings_day:
            return ""
        return str(_("วันที่ %(d)s ของทุกเดือน") % {"d": to_thai_digits(self.savings_day)})

    @property
    def keeps_member_register(self) -> bool:
        return self.member_mode == self.MemberMode.REGISTER


class CommitteeDivision(models.Model):
    """ฝ่ายของคณะกรรมการกลุ่ม: configurable data. The four defaults are UNVERIFIED (fund-registries.md §4: the
    2555 regulation's text was not readable; the names are a recollection to confirm)."""

    name = models.CharField(_("ชื่อฝ่าย"), max_length=200, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    is_active = models.BooleanField(_("ใช้อยู่"), default=True,
                                    help_text=_("ฝ่ายที่เลิกใช้ไม่แสดงในแบบฟอร์มใหม่ แต่กรรมการเดิมยังอ้างถึงได้"))
    verified = models.BooleanField(
        _("ยืนยันจากระเบียบแล้ว"), default=False,
        help_text=_("ชื่อฝ่ายตั้งต้นทั้งสี่ (อำนวยการ เงินกู้ ตรวจสอบ ส่งเสริม) ยังไม่ได้ยืนยันจากระเบียบกรมการพัฒนาชุมชน"
                    "ว่าด้วยการส่งเสริมการดำเนินงานกลุ่มออมทรัพย์เพื่อการผลิต พ.ศ. ๒๕๕๕ แก้ไขได้เมื่อได้ตัวระเบียบ"))

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("ฝ่ายของคณะกรรมการกลุ่มออมทรัพย์")
        verbose_name_plural = _("ฝ่ายของคณะกรรมการกลุ่มออมทรัพย์")

    def __str__(self) -> str:
        return self.name


class GroupCommitteeMember(Tracked):
    """One seat of one term: a new term is a new set of rows; leaving sets `left_on` (the row stays)."""

    class Position(models.TextChoices):
        CHAIR = "chair", _("ประธาน")
        VICE_CHAIR = "vice_chair", _("รองประธาน")
        SECRETARY = "secretary", _("เลขานุการ")
        TREASURER = "treasurer", _("เหรัญญิก")
        MEMBER = "member", _("กรรมการ")
        OTHER = "other", _("อื่น ๆ")

    group = models.ForeignKey(SavingsGroup, on_delete=models.PROTECT, related_name="committee",
                              verbose_name=_("กลุ่ม"))
    division = models.ForeignKey(CommitteeDivision, on_delete=models.PROTECT, related_name="members",
                                 verbose_name=_("ฝ่าย"))
    position = models.CharField(_("ตำแหน่ง"), max_length=20, choices=Position.choices, default=Position.MEMBER)
    position_other = models.CharField(_("ตำแหน่งอื่น (ระบุ)"), max_length=200, blank=True)
    name = models.CharField(_("ชื่อ-สกุล"), max_length=200)
    national_id = NationalIdField()
    term_start = models.DateField(_("เริ่มวาระ"))
    term_end = models.DateField(_("ครบวาระ"), null=True, blank=True)
    left_on = models.DateField(_("วันที่พ้นจากตำแหน่ง"), null=True, blank=True,
                               help_text=_("กรรมการที่พ้นจากตำแหน่งให้ใส่วันที่ ข้อมูลไม่ถูกลบ"))
    left_reason = models.CharField(_("เหตุที่พ้นจากตำแหน่ง"), max_length=300, blank=True)

    class Meta:
        ordering = ["group", "division__sort_order", "-term_start", "id"]
        verbose_name = _("กรรมการกลุ่มออมทรัพย์")
        verbose_name_plural = _("กรรมการกลุ่มออมทรัพย์")
        constraints = [
            models.CheckConstraint(name="group_committee_term_order",
                                   condition=models.Q(term_end__isnull=True)
                                   | models.Q(term_end__gte=models.F("term_start"))),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def position_label(self) -> str:
        if self.position == self.Position.OTHER and self.position_other:
            return self.position_other
        return self.get_position_display()


class Member(Tracked):
    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("สามัญ")
        ASSOCIATE = "associate", _("วิสามัญ")
        HONORARY = "honorary", _("กิตติมศักดิ์")

    group = models.ForeignKey(SavingsGroup, on_delete=models.PROTECT, related_name="members",
                              verbose_name=_("กลุ่ม"))
    member_no = models.CharField(_("สมาชิกเลขที่"), max_length=30)
    name = models.CharField(_("ชื่อ-สกุล"), max_length=200)
    national_id = NationalIdField()
    joined_on = models.DateField(_("วันที่เข้าเป็นสมาชิก"), null=True, blank=True)
    kind = models.CharField(_("ประเภทสมาชิก"), max_length=20, choices=Kind.choices, default=Kind.ORDINARY)
    shares = models.PositiveIntegerField(_("จำนวนหุ้น"), default=0)
    is_minor = models.BooleanField(_("ยังไม่บรรลุนิติภาวะ"), default=False)
    guardian_consent = models.BooleanField(_("ผู้แทนโดยชอบธรรมให้ความยินยอมแล้ว"), default=False)
    left_on = models.DateField(_("วันที่พ้นสภาพสมาชิก"), null=True, blank=True)
    leave_reason = models.CharField(_("เหตุที่พ้นสภาพ"), max_length=300, blank=True)

    class Meta:
        ordering = ["group", "member_no", "id"]
        verbose_name = _("สมาชิกกลุ่มออมทรัพย์")
        verbose_name_plural = _("สมาชิกกลุ่มออมทรัพย์")
        constraints = [models.UniqueConstraint(fields=["group", "member_no"], name="one_member_no_per_group")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class Beneficiary(Tracked):
    """ผู้รับผลประโยชน์ของสมาชิก (form อทผ-01-2): shares of one member's current beneficiaries ≤ 100 %."""

    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="beneficiaries",
                               verbose_name=_("สมาชิก"))
    name = models.CharField(_("ชื่อ-สกุล"), max_length=200)
    national_id = NationalIdField()
    relation = models.CharField(_("ความเกี่ยวพันกับสมาชิก"), max_length=100, blank=True)
    share_percent = models.DecimalField(_("ส่วนแบ่ง (ร้อยละ)"), max_digits=5, decimal_places=2)
    ended_on = models.DateField(_("วันที่ยกเลิก"), null=True, blank=True,
                                help_text=_("ผู้รับผลประโยชน์ที่ยกเลิกแล้วยังเก็บไว้ แต่ไม่นับส่วนแบ่ง"))

    class Meta:
        ordering = ["member", "id"]
        verbose_name = _("ผู้รับผลประโยชน์")
        verbose_name_plural = _("ผู้รับผลประโยชน์")

    def __str__(self) -> str:
        return self.name


class MemberCount(Tracked):
    """Where a district keeps no member list: the members counted on a date, per type."""

    group = models.ForeignKey(SavingsGroup, on_delete=models.PROTECT, related_name="member_counts",
                              verbose_name=_("กลุ่ม"))
    counted_on = models.DateField(_("วันที่นับ"))
    ordinary = models.PositiveIntegerField(_("สมาชิกสามัญ (คน)"), default=0)
    associate = models.PositiveIntegerField(_("สมาชิกวิสามัญ (คน)"), default=0)
    honorary = models.PositiveIntegerField(_("สมาชิกกิตติมศักดิ์ (คน)"), default=0)

    class Meta:
        ordering = ["group", "-counted_on"]
        verbose_name = _("จำนวนสมาชิกกลุ่ม")
        verbose_name_plural = _("จำนวนสมาชิกกลุ่ม")
        constraints = [models.UniqueConstraint(fields=["group", "counted_on"], name="one_member_count_per_day")]

    def __str__(self) -> str:
        return f"{self.group} {self.counted_on}"

    @property
    def total(self) -> int:
        return self.ordinary + self.associate + self.honorary
