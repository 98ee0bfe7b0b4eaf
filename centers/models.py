"""The foundational-economy service centre (ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก, seed 000: the 2020 circular
ฉช ๐๐๑๙/ว ๒๑๘๐ and its guideline §3–§7): one centre per district office, its committee and the orders that
appoint it, its meetings, activities, plans and the local-wisdom inventory. Kept by the district office;
the province and the department read. Nothing here is deleted: reports name these records.

The choice lists are TextChoices so that the report prefill (seed 000's report form) can map them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.audit.models import Tracked


class ServiceCenter(Tracked):
    class Location(models.TextChoices):
        DISTRICT_OFFICE = "district_office", _("สำนักงานพัฒนาชุมชนอำเภอ")
        OTHER = "other", _("สถานที่อื่น")

    class Status(models.TextChoices):
        ACTIVE = "active", _("ดำเนินการ")
        IMPROVING = "improving", _("อยู่ระหว่างปรับปรุง")
        SUSPENDED = "suspended", _("ระงับการดำเนินการ")

    class Mechanism(models.TextChoices):
        GUIDELINE_2020 = "2563", _("คณะกรรมการบริหารศูนย์ฯ ตามแนวทางปี ๒๕๖๓")
        EARLIER = "earlier", _("กลไกตามแนวทางเดิม (มีหนังสือถึงกรมการพัฒนาชุมชน)")

    district = models.OneToOneField("geo.District", on_delete=models.PROTECT, related_name="service_center",
                                    verbose_name=_("อำเภอ"))
    name = models.CharField(_("ชื่อศูนย์"), max_length=300)
    location = models.CharField(_("ที่ตั้งศูนย์"), max_length=20, choices=Location.choices,
                                default=Location.DISTRICT_OFFICE)
    other_place = models.CharField(_("สถานที่อื่นที่ใช้เป็นที่ตั้ง"), max_length=300, blank=True)
    other_place_reason = models.TextField(_("เหตุผลที่ใช้สถานที่อื่น"), blank=True)
    address = models.TextField(_("ที่อยู่"), blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=100, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    contact_person = models.CharField(_("ผู้ประสานงาน"), max_length=200, blank=True)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    mechanism = models.CharField(_("กลไกการขับเคลื่อน"), max_length=20, choices=Mechanism.choices,
                                 default=Mechanism.GUIDELINE_2020)
    mechanism_letter_number = models.CharField(_("เลขที่หนังสือขอใช้แนวทางเดิม"), max_length=100, blank=True)
    mechanism_letter_date = models.DateField(_("ลงวันที่"), null=True, blank=True)

    class Meta:
        ordering = ["district_id"]
        verbose_name = _("ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก")
        verbose_name_plural = _("ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก")

    def __str__(self) -> str:
        return self.name

    @property
    def keeps_earlier_mechanism(self) -> bool:
        return self.mechanism == self.Mechanism.EARLIER

    @property
    def place(self) -> str:
        """Where the centre is, as the page says it."""
        if self.location == self.Location.OTHER and self.other_place:
            return self.other_place
        return str(_("สำนักงานพัฒนาชุมชนอำเภอ%(name)s") % {"name": self.district.name_th})


def default_center_name(district) -> str:
    return f"ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอ{district.name_th}"


class AppointmentOrder(Tracked):
    """คำสั่งแต่งตั้งคณะกรรมการบริหารศูนย์ฯ (a district order; its signed copy goes to the province)."""

    center = models.ForeignKey(ServiceCenter, on_delete=models.PROTECT, related_name="orders",
                               verbose_name=_("ศูนย์"))
    number = models.CharField(_("เลขที่คำสั่ง"), max_length=50, help_text=_("ตามที่พิมพ์ในคำสั่ง เช่น ๑๒๓/๒๕๖๗"))
    date = models.DateField(_("ลงวันที่"))
    signer_name = models.CharField(_("ผู้ลงนาม"), max_length=200, blank=True)
    signer_position = models.CharField(_("ตำแหน่งผู้ลงนาม"), max_length=200, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("คำสั่งแต่งตั้งคณะกรรมการ")
        verbose_name_plural = _("คำสั่งแต่งตั้งคณะกรรมการ")

    def __str__(self) -> str:
        return f"คำสั่งที่ {self.number}"


class CommitteeMember(Tracked):
    class Position(models.TextChoices):
        CHAIR = "chair", _("ประธาน")
        SECRETARY = "secretary", _("เลขานุการ")
        TREASURER = "treasurer", _("เหรัญญิก")
        PUBLIC_RELATIONS = "public_relations", _("ประชาสัมพันธ์")
        ACADEMIC = "academic", _("ฝ่ายวิชาการและข้อมูล")
        PRODUCTION = "production", _("ฝ่ายส่งเสริมการผลิต")
        QUALITY = "quality", _("ฝ่ายส่งเสริมการพัฒนาคุณภาพและมาตรฐานผลิตภัณฑ์")
        FUNDING = "funding", _("ฝ่ายประสานแหล่งทุน")
        MARKETING = "marketing", _("ฝ่ายส่งเสริมการตลาด")
        MEMBER = "member", _("กรรมการ")
        OTHER = "other", _("อื่น ๆ")

    class Seat(models.TextChoices):
        """Who the member stands for (seed 000 §6.1)."""

        DISTRICT_CHIEF = "district_chief", _("นายอำเภอหรือผู้แทน")
        DISTRICT_CDD = "district_cdd", _("พัฒนาการอำเภอ")
        AGENCY = "agency", _("ผู้แทนหน่วยงาน/องค์กร/สถาบันการศึกษา")
        GROUP_LEADER = "group_leader", _("ผู้แทนผู้นำกลุ่ม/องค์กร/เครือข่าย")
        OTHER = "other", _("อื่น ๆ")

    center = models.ForeignKey(ServiceCenter, on_delete=models.PROTECT, related_name="members",
                               verbose_name=_("ศูนย์"))
    order = models.ForeignKey(AppointmentOrder, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="members", verbose_name=_("คำสั่งแต่งตั้ง"))
    name = models.CharField(_("ชื่อ-สกุล"), max_length=200)
    position = models.CharField(_("ตำแหน่งในคณะกรรมการ"), max_length=30, choices=Position.choices,
                                default=Position.MEMBER)
    position_other = models.CharField(_("ตำแหน่งอื่น (ระบุ)"), max_length=200, blank=True)
    seat = models.CharField(_("องค์ประกอบ"), max_length=30, choices=Seat.choices)
    organisation = models.CharField(_("หน่วยงาน/องค์กร"), max_length=300, blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=100, blank=True)
    term_start = models.DateField(_("เริ่มวาระ"))
    term_end = models.DateField(_("สิ้นสุดวาระ"), null=True, blank=True,
                                help_text=_("กรรมการที่พ้นจากตำแหน่งให้ใส่วันสิ้นสุด ข้อมูลไม่ถูกลบ"))
    end_reason = models.CharField(_("เหตุที่พ้นจากตำแหน่ง"), max_length=200, blank=True)

    class Meta:
        ordering = ["center", "-term_start", "id"]
        verbose_name = _("กรรมการศูนย์")
        verbose_name_plural = _("กรรมการศูนย์")
        constraints = [
            models.CheckConstraint(name="member_term_end_not_before_start",
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

    def in_office_on(self, day) -> bool:
        return self.term_start <= day and (self.term_end is None or day <= self.term_end)


class Meeting(Tracked):
    """การประชุมคณะกรรมการบริหารศูนย์ฯ (at least once a quarter, seed 000 §6.3)."""

    center = models.ForeignKey(ServiceCenter, on_delete=models.PROTECT, related_name="meetings",
                               verbose_name=_("ศูนย์"))
    date = models.DateField(_("วันที่ประชุม"))
    number = models.CharField(_("ครั้งที่"), max_length=50, blank=True, help_text=_("เช่น ๑/๒๕๖๘"))
    attendee_count = models.PositiveIntegerField(_("จำนวนผู้เข้าประชุม (คน)"), default=0)
    attendees = models.TextField(_("รายชื่อผู้เข้าประชุม"), blank=True)
    agenda = models.TextField(_("วาระการประชุม"), blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("การประชุมคณะกรรมการศูนย์")
        verbose_name_plural = _("การประชุมคณะกรรมการศูนย์")
        indexes = [models.Index(fields=["center", "date"])]

    def __str__(self) -> str:
        return f"การประชุม {self.date:%Y-%m-%d}" + (f" ครั้งที่ {self.number}" if self.number else "")


class Activity(Tracked):
    """A concrete activity of the centre (at least once a month, seed 000 §6.3), with what the report form
    of seed 000 asks: the targets served, the media and the evidence."""

    class Kind(models.TextChoices):
        COMMITTEE_MEETING = "committee_meeting", _("ประชุมคณะกรรมการศูนย์ฯ")
        MARKET = "market", _("จัดช่องทางตลาด")
        OCCUPATION_GROUP = "occupation_group", _("จัดตั้ง/พัฒนา/สนับสนุน กลุ่มอาชีพ")
        COUNSELLING = "counselling", _("ให้คำปรึกษากลุ่มอาชีพ")
        OTOP_SELECTION = "otop_selection", _("คัดเลือกผู้ผลิต ผู้ประกอบการ OTOP รายใหม่ เข้าร่วมอบรม")
        OTHER = "other", _("อื่น ๆ")

    class TargetGroup(models.TextChoices):
        OCCUPATION_GROUP = "occupation_group", _("กลุ่มอาชีพผลิตภัณฑ์ชุมชน")
        PRODUCER_GROUP = "producer_group", _("กลุ่มผู้ผลิต")
        OTOP_ENTREPRENEUR = "otop_entrepreneur", _("ผู้ประกอบการ OTOP")
        SAVINGS_GROUP = "savings_group", _("กลุ่มออมทรัพย์เพื่อการผลิต")
        VILLAGE_FUND = "village_fund", _("กองทุน กข.คจ./กองทุนหมู่บ้าน")
        COMMUNITY_NETWORK = "community_network", _("กลุ่ม/องค์กร/เครือข่ายอื่น ๆ ในชุมชน")
        VILLAGERS = "villagers", _("ประชาชนในหมู่บ้าน")

    class Medium(models.TextChoices):
        LEAFLET = "leaflet", _("แผ่นพับ/ใบปลิว")
        DOCUMENT = "document", _("เอกสาร")
        DATA_FILE = "data_file", _("File ข้อมูล")
        CD = "cd", _("แผ่น CD")

    class Evidence(models.TextChoices):
        SIGN_IN_BOOK = "sign_in_book", _("สมุดลงทะเบียน")
        PHOTOS = "photos", _("ภาพถ่าย")
        SATISFACTION_FORM = "satisfaction_form", _("แบบประเมินผลความพึงพอใจ")

    center = models.ForeignKey(ServiceCenter, on_delete=models.PROTECT, related_name="activities",
                               verbose_name=_("ศูนย์"))
    date = models.DateField(_("วันที่จัดกิจกรรม"))
    kind = models.CharField(_("ประเภทกิจกรรม"), max_length=30, choices=Kind.choices)
    kind_other = models.CharField(_("ประเภทอื่น (ระบุ)"), max_length=200, blank=True)
    title = models.CharField(_("ชื่อกิจกรรม"), max_length=300)
    description = models.TextField(_("รายละเอียด"), blank=True)
    target_groups = models.JSONField(_("กลุ่มเป้าหมายที่มารับบริการ"), default=list, blank=True)
    # seed 000 §5.3: the three kinds of people the centre serves
    count_interested = models.PositiveIntegerField(
        _("ผู้สนใจนำภูมิปัญญามาสร้างสรรค์เป็นผลิตภัณฑ์ OTOP (คน)"), default=0)
    count_unregistered = models.PositiveIntegerField(
        _("ผู้มีกิจกรรมสร้างสรรค์ผลิตภัณฑ์แต่ยังไม่ได้ลงทะเบียน (คน)"), default=0)
    count_registered = models.PositiveIntegerField(_("ผู้ผลิต ผู้ประกอบการ OTOP ที่ลงทะเบียนแล้ว (คน)"), default=0)
    media = models.JSONField(_("สื่อ/สิ่งพิมพ์ที่ให้บริการ"), default=list, blank=True)
    media_other = models.CharField(_("สื่ออื่น (ระบุ)"), max_length=300, blank=True)
    evidence = models.JSONField(_("เอกสารหลักฐานการให้บริการ"), default=list, blank=True)
    evidence_other = models.CharField(_("หลักฐานอื่น (ระบุ)"), max_length=300, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("กิจกรรมของศูนย์")
        verbose_name_plural = _("กิจกรรมของศูนย์")
        indexes = [models.Index(fields=["center", "date"])]

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        if self.kind == self.Kind.OTHER and self.kind_other:
            return self.kind_other
        return self.get_kind_display()

    @property
    def people_served(self) -> int:
        return self.count_interested + self.count_unregistered + self.count_registered

    @staticmethod
    def _labels(codes, choices, other: str = "") -> list[str]:
        names = dict(choices)
        out = [str(names.get(code, code)) for code in codes or []]
        return out + [other] if other else out

    @property
    def target_group_labels(self) -> list[str]:
        return self._labels(self.target_groups, self.TargetGroup.choices)

    @property
    def media_labels(self) -> list[str]:
        return self._labels(self.media, self.Medium.choices, self.media_other)

    @property
    def evidence_labels(self) -> list[str]:
        return self._labels(self.evidence, self.Evidence.choices, self.evidence_other)


class Plan(Tracked):
    """แผนการดำเนินงานของศูนย์ฯ: monthly, quarterly or annual, of a fiscal year (B.E.). The period it covers
    is kept (period_start, period_end) so that a report finds the plans overlapping its own period."""

    class Kind(models.TextChoices):
        MONTHLY = "monthly", _("แผนรายเดือน")
        QUARTERLY = "quarterly", _("แผนรายไตรมาส")
        ANNUAL = "annual", _("แผนประจำปี")

    center = models.ForeignKey(ServiceCenter, on_delete=models.PROTECT, related_name="plans",
                               verbose_name=_("ศูนย์"))
    kind = models.CharField(_("ประเภทแผน"), max_length=20, choices=Kind.choices)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"))
    month = models.PositiveSmallIntegerField(_("เดือน"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("ไตรมาส"), null=True, blank=True)
    title = models.CharField(_("ชื่อแผน"), max_length=300)
    note = models.TextField(_("หมายเหตุ"), blank=True)
    period_start = models.DateField(_("เริ่ม"))
    period_end = models.DateField(_("สิ้นสุด"))
    is_active = models.BooleanField(_("ใช้อยู่"), default=True,
                                    help_text=_("แผนที่ยกเลิกแล้วยังเก็บไว้ แต่ไม่นับในรายงาน"))

    class Meta:
        ordering = ["-period_start", "kind", "-id"]
        verbose_name = _("แผนการดำเนินงานของศูนย์")
        verbose_name_plural = _("แผนการดำเนินงานของศูนย์")
        indexes = [models.Index(fields=["center", "period_start", "period_end"])]

    def __str__(self) -> str:
        return self.title


class Wisdom(Tracked):
    """คลังภูมิปัญญาท้องถิ่น (seed 000 §3 ๑): a local wisdom of the district and the person who holds it.
    The categories follow the usual ten branches of Thai local wisdom; «อื่น ๆ» for the rest."""

    class Category(models.TextChoices):
        AGRICULTURE = "agriculture", _("เกษตรกรรม")
        CRAFT = "craft", _("อุตสาหกรรมและหัตถกรรม")
        MEDICINE = "medicine", _("การแพทย์แผนไทย")
        ENVIRONMENT = "environment", _("การจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม")
        COMMUNITY_BUSINESS = "community_business", _("กองทุนและธุรกิจชุมชน")
        WELFARE = "welfare", _("สวัสดิการ")
        ARTS = "arts", _("ศิลปกรรม")
        ORGANISATION = "organisation", _("การจัดการองค์กร")
        LANGUAGE = "language", _("ภาษาและวรรณกรรม")
        RELIGION = "religion", _("ศาสนาและประเพณี")
        FOOD = "food", _("อาหารและโภชนาการ")
        OTHER = "other", _("อื่น ๆ")

    center = models.ForeignKey(ServiceCenter, on_delete=models.PROTECT, related_name="wisdoms",
                               verbose_name=_("ศูนย์"))
    name = models.CharField(_("ชื่อภูมิปัญญา"), max_length=300)
    category = models.CharField(_("ประเภทภูมิปัญญา"), max_length=30, choices=Category.choices)
    holder = models.CharField(_("ผู้รู้/เจ้าของภูมิปัญญา"), max_length=200, blank=True)
    village = models.ForeignKey("geo.Village", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("หมู่บ้าน"))
    description = models.TextField(_("รายละเอียด"), blank=True)
    contact = models.CharField(_("ช่องทางติดต่อ"), max_length=300, blank=True)
    is_active = models.BooleanField(_("ยังมีอยู่ในคลัง"), default=True,
                                    help_text=_("ภูมิปัญญาที่ไม่มีผู้สืบทอดแล้วให้เอาเครื่องหมายออก ข้อมูลยังเก็บไว้"))

    class Meta:
        ordering = ["center", "name"]
        verbose_name = _("ภูมิปัญญาท้องถิ่น")
        verbose_name_plural = _("คลังภูมิปัญญาท้องถิ่น")

    def __str__(self) -> str:
        return self.name
