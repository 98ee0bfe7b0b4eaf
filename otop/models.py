"""OTOP producers and products, their standards and Product Champion results, the annual registration
round, and occupational groups (กลุ่มอาชีพ) with their committees and clusters (fund-registries.md §5,
domain.md §3, seed 004 §2.6 and §6). Every registry here is kept by its district office; nothing is
deleted that a report or a registration may name: a producer, product or group that stopped is marked
inactive."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.audit.models import Tracked
from otop.catalogue import CATEGORY_CHOICES, SUB_GROUP_CHOICES, sub_group_label

# --- occupational groups ----------------------------------------------------------------------------

class Cluster(Tracked):
    """คลัสเตอร์: occupational groups of one trade in a district, working together."""

    district = models.ForeignKey("geo.District", on_delete=models.PROTECT, related_name="otop_clusters",
                                 verbose_name=_("อำเภอ"))
    name = models.CharField(_("ชื่อคลัสเตอร์"), max_length=200)
    trade = models.CharField(_("อาชีพ/ผลิตภัณฑ์ของคลัสเตอร์"), max_length=200)

    class Meta:
        ordering = ["district", "name"]
        verbose_name = _("คลัสเตอร์กลุ่มอาชีพ")
        verbose_name_plural = _("คลัสเตอร์กลุ่มอาชีพ")
        constraints = [models.UniqueConstraint(fields=["district", "name"], name="otop_one_cluster_name_per_district")]

    def __str__(self) -> str:
        return self.name


class OccupationGroup(Tracked):
    """กลุ่มอาชีพ: at least 5 members of one trade, an elected committee, rules and a fund, registered at
    the district office (seed 004 §2.6)."""

    district = models.ForeignKey("geo.District", on_delete=models.PROTECT, related_name="occupation_groups",
                                 verbose_name=_("อำเภอ"))
    village = models.ForeignKey("geo.Village", on_delete=models.PROTECT, related_name="occupation_groups",
                                verbose_name=_("หมู่บ้านที่ตั้ง"))
    name = models.CharField(_("ชื่อกลุ่ม"), max_length=200)
    trade = models.CharField(_("อาชีพ/กิจกรรมของกลุ่ม"), max_length=200)
    founded_on = models.DateField(_("วันที่ก่อตั้ง"), null=True, blank=True)
    members_count = models.PositiveIntegerField(_("จำนวนสมาชิก (คน)"))
    rules = models.TextField(_("กติกา ระเบียบ หรือข้อบังคับของกลุ่ม"), blank=True)
    fund = models.DecimalField(_("กองทุนกลุ่ม (บาท)"), max_digits=14, decimal_places=2, default=0)
    registration_number = models.CharField(_("เลขทะเบียนกลุ่ม"), max_length=50, blank=True)
    registered_on = models.DateField(_("วันที่จดทะเบียนกับสำนักงานพัฒนาชุมชนอำเภอ"), null=True, blank=True)
    cluster = models.ForeignKey(Cluster, on_delete=models.SET_NULL, null=True, blank=True, related_name="groups",
                                verbose_name=_("คลัสเตอร์"))
    is_active = models.BooleanField(_("ยังดำเนินการอยู่"), default=True)

    class Meta:
        ordering = ["district", "name"]
        verbose_name = _("กลุ่มอาชีพ")
        verbose_name_plural = _("กลุ่มอาชีพ")
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="otop_one_group_name_per_district"),
            models.CheckConstraint(condition=models.Q(members_count__gte=5), name="otop_group_at_least_5_members"),
            models.CheckConstraint(condition=models.Q(fund__gte=0), name="otop_group_fund_not_negative"),
        ]
        indexes = [models.Index(fields=["district", "is_active", "name"], name="otop_group_district_idx")]

    def __str__(self) -> str:
        return self.name


class CommitteeMember(models.Model):
    class Position(models.TextChoices):
        CHAIR = "chair", _("ประธาน")
        VICE_CHAIR = "vice_chair", _("รองประธาน")
        SECRETARY = "secretary", _("เลขานุการ")
        TREASURER = "treasurer", _("เหรัญญิก")
        MEMBER = "member", _("กรรมการ")

    group = models.ForeignKey(OccupationGroup, on_delete=models.CASCADE, related_name="committee",
                              verbose_name=_("กลุ่มอาชีพ"))
    name = models.CharField(_("ชื่อ-สกุล"), max_length=200)
    position = models.CharField(_("ตำแหน่ง"), max_length=20, choices=Position.choices)
    term_start = models.DateField(_("เริ่มวาระ"))
    term_end = models.DateField(_("สิ้นสุดวาระ"))

    class Meta:
        ordering = ["-term_start", "id"]
        verbose_name = _("กรรมการกลุ่มอาชีพ")
        verbose_name_plural = _("กรรมการกลุ่มอาชีพ")
        constraints = [models.CheckConstraint(condition=models.Q(term_end__gt=models.F("term_start")),
                                              name="otop_committee_term_ends_after_start")]

    def __str__(self) -> str:
        return f"{self.get_position_display()} {self.name}"


# --- producers and products -------------------------------------------------------------------------

class Producer(Tracked):
    """ผู้ผลิต ผู้ประกอบการ OTOP, registered at the district office where the production takes place."""

    class Type(models.TextChoices):
        COMMUNITY_GROUP = "community_group", _("กลุ่มผู้ผลิตชุมชน")
        SINGLE_OWNER = "single_owner", _("ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว")
        SME = "sme", _("ผู้ผลิตที่เป็นวิสาหกิจขนาดกลางและขนาดย่อม (SME)")

    class CommunityLink(models.TextChoices):
        PRODUCTION = "production", _("ชุมชนมีส่วนร่วมในการผลิต")
        MANAGEMENT = "management", _("ชุมชนมีส่วนร่วมในการบริหารจัดการ")
        BENEFIT = "benefit", _("ชุมชนได้รับประโยชน์")

    district = models.ForeignKey("geo.District", on_delete=models.PROTECT, related_name="otop_producers",
                                 verbose_name=_("อำเภอ"))
    type = models.CharField(_("ประเภทผู้ผลิต"), max_length=20, choices=Type.choices)
    name = models.CharField(_("ชื่อผู้ผลิต ผู้ประกอบการ"), max_length=200)
    leader_name = models.CharField(_("ประธานกลุ่มหรือเจ้าของ"), max_length=200)
    house_number = models.CharField(_("บ้านเลขที่"), max_length=50, blank=True)
    village = models.ForeignKey("geo.Village", on_delete=models.PROTECT, related_name="otop_producers",
                                verbose_name=_("หมู่บ้าน"))
    phone = models.CharField(_("โทรศัพท์"), max_length=50, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    community_links = models.JSONField(_("การเชื่อมโยงกับชุมชน"), default=list, blank=True,
                                       help_text=_("รหัสจาก Producer.CommunityLink อย่างน้อยหนึ่งข้อ"))
    members = models.PositiveIntegerField(_("จำนวนสมาชิก (คน)"), null=True, blank=True)
    from_group = models.OneToOneField(OccupationGroup, on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="producer", verbose_name=_("พัฒนามาจากกลุ่มอาชีพ"))
    is_active = models.BooleanField(_("ยังดำเนินการอยู่"), default=True)

    class Meta:
        ordering = ["district", "name"]
        verbose_name = _("ผู้ผลิต ผู้ประกอบการ OTOP")
        verbose_name_plural = _("ผู้ผลิต ผู้ประกอบการ OTOP")
        constraints = [models.UniqueConstraint(fields=["district", "name"], name="otop_one_producer_name_per_district")]
        indexes = [models.Index(fields=["district", "is_active", "type"], name="otop_producer_district_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def community_link_labels(self) -> list[str]:
        labels = dict(self.CommunityLink.choices)
        return [str(labels[code]) for code in self.community_links if code in labels]

    @property
    def leader_label(self) -> str:
        return str(_("ประธานกลุ่ม") if self.type == self.Type.COMMUNITY_GROUP else _("เจ้าของ/ผู้ประกอบการ"))


class Product(Tracked):
    """A product of a producer. `district` is the producer's, copied so that the lists, filters and the
    province counts read one table with its indexes (about 90,000 products nationally); `latest_stars`
    and `latest_champion_year` are the newest Product Champion result's, kept by the services that
    write results (never typed)."""

    class Segment(models.TextChoices):
        A = "A", _("Segment A")
        B = "B", _("Segment B")
        C = "C", _("Segment C")
        D = "D", _("Segment D")

    producer = models.ForeignKey(Producer, on_delete=models.PROTECT, related_name="products",
                                 verbose_name=_("ผู้ผลิต ผู้ประกอบการ"))
    district = models.ForeignKey("geo.District", on_delete=models.PROTECT, related_name="otop_products",
                                 verbose_name=_("อำเภอ"), editable=False)
    name = models.CharField(_("ชื่อผลิตภัณฑ์"), max_length=200)
    category = models.CharField(_("ประเภทผลิตภัณฑ์"), max_length=1, choices=CATEGORY_CHOICES)
    sub_group = models.CharField(_("กลุ่มผลิตภัณฑ์"), max_length=4, choices=SUB_GROUP_CHOICES)
    description = models.TextField(_("รายละเอียดผลิตภัณฑ์"), blank=True)
    price = models.DecimalField(_("ราคา (บาท)"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("หน่วยนับ"), max_length=50, blank=True, help_text=_("เช่น ชิ้น กิโลกรัม ขวด"))
    segment = models.CharField(_("กลุ่มผลิตภัณฑ์ตามศักยภาพ (Segment)"), max_length=1, choices=Segment.choices,
                               blank=True)
    is_active = models.BooleanField(_("ยังผลิตอยู่"), default=True)
    latest_stars = models.PositiveSmallIntegerField(_("ระดับดาวล่าสุด"), null=True, blank=True, editable=False)
    latest_champion_year = models.PositiveSmallIntegerField(_("ปีคัดสรรล่าสุด"), null=True, blank=True,
                                                            editable=False)

    class Meta:
        ordering = ["district", "name"]
        verbose_name = _("ผลิตภัณฑ์ OTOP")
        verbose_name_plural = _("ผลิตภัณฑ์ OTOP")
        constraints = [
            models.CheckConstraint(condition=models.Q(price__gte=0), name="otop_product_price_not_negative"),
            models.CheckConstraint(condition=models.Q(latest_stars__gte=1, latest_stars__lte=5)
                                   | models.Q(latest_stars__isnull=True), name="otop_product_latest_stars_1_5"),
        ]
        indexes = [
            # the district lists and the province counts (by category, by stars): index-only scans
            models.Index(fields=["district", "is_active", "category"], name="otop_product_category_idx"),
            models.Index(fields=["district", "is_active", "latest_stars"], name="otop_product_stars_idx"),
            models.Index(fields=["district", "name"], name="otop_product_name_idx"),
            # nationwide filters of the department
            models.Index(fields=["sub_group", "district"], name="otop_product_subgroup_idx"),
            models.Index(fields=["segment", "district"], name="otop_product_segment_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def sub_group_label(self) -> str:
        return sub_group_label(self.sub_group)


class ProductStandard(models.Model):
    """A certificate of a product standard (fund-registries.md §5.3). Whether it has expired is read
    against a given day (`is_expired`), never stored."""

    class Standard(models.TextChoices):
        FDA = "fda", _("อย.")
        GAP = "gap", _("GAP")
        GMP = "gmp", _("GMP")
        HACCP = "haccp", _("HACCP")
        Q = "q", _("Q")
        TCPS = "tcps", _("มผช.")
        TIS = "tis", _("มอก.")
        ORGANIC = "organic", _("เกษตรอินทรีย์")
        HALAL = "halal", _("ฮาลาล")

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="standards",
                                verbose_name=_("ผลิตภัณฑ์"))
    standard = models.CharField(_("มาตรฐาน"), max_length=10, choices=Standard.choices)
    certificate_number = models.CharField(_("เลขที่ใบรับรอง"), max_length=100)
    issued_on = models.DateField(_("วันที่ออกใบรับรอง"))
    expires_on = models.DateField(_("วันหมดอายุ"), null=True, blank=True)
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        ordering = ["standard", "-issued_on"]
        verbose_name = _("มาตรฐานผลิตภัณฑ์")
        verbose_name_plural = _("มาตรฐานผลิตภัณฑ์")
        indexes = [models.Index(fields=["standard", "product"], name="otop_standard_idx")]

    def __str__(self) -> str:
        return f"{self.get_standard_display()} {self.certificate_number}"

    def is_expired(self, today) -> bool:
        return self.expires_on is not None and self.expires_on < today


class StarThreshold(models.Model):
    """The least score for a number of stars in one selection year. Data, not code: the values repeated
    on the web (5★ ≥ 90 …) are unverified (fund-registries.md §5.4), so administrators keep them per
    year."""

    year = models.PositiveSmallIntegerField(_("ปีคัดสรร (พ.ศ.)"))
    stars = models.PositiveSmallIntegerField(_("ระดับดาว"))
    min_score = models.DecimalField(_("คะแนนขั้นต่ำ"), max_digits=5, decimal_places=2)
    note = models.CharField(_("หมายเหตุ/แหล่งที่มา"), max_length=300, blank=True)

    class Meta:
        ordering = ["-year", "-stars"]
        verbose_name = _("เกณฑ์คะแนนระดับดาว")
        verbose_name_plural = _("เกณฑ์คะแนนระดับดาว")
        constraints = [
            models.UniqueConstraint(fields=["year", "stars"], name="otop_one_threshold_per_year_and_stars"),
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5), name="otop_threshold_stars_1_5"),
            models.CheckConstraint(condition=models.Q(min_score__gte=0, min_score__lte=100),
                                   name="otop_threshold_score_0_100"),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.stars} ดาว ≥ {self.min_score}"


class ProductChampionResult(models.Model):
    """The result of a product in one OTOP Product Champion selection (คัดสรรสุดยอดหนึ่งตำบล หนึ่งผลิตภัณฑ์ไทย)."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="champion_results",
                                verbose_name=_("ผลิตภัณฑ์"))
    year = models.PositiveSmallIntegerField(_("ปีคัดสรร (พ.ศ.)"))
    score = models.DecimalField(_("คะแนน"), max_digits=5, decimal_places=2)
    stars = models.PositiveSmallIntegerField(_("ระดับดาว"))
    stars_by_hand = models.BooleanField(_("ระบุระดับดาวเอง"), default=False,
                                        help_text=_("ปีที่ยังไม่มีเกณฑ์คะแนนในระบบ ระดับดาวกรอกตามประกาศผล"))
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        ordering = ["-year"]
        verbose_name = _("ผลการคัดสรรผลิตภัณฑ์")
        verbose_name_plural = _("ผลการคัดสรรผลิตภัณฑ์")
        constraints = [
            models.UniqueConstraint(fields=["product", "year"], name="otop_one_result_per_product_and_year"),
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5), name="otop_result_stars_1_5"),
            models.CheckConstraint(condition=models.Q(score__gte=0, score__lte=100), name="otop_result_score_0_100"),
        ]

    def __str__(self) -> str:
        return f"{self.product} {self.year}: {self.stars} ดาว"


# --- the annual registration round -----------------------------------------------------------------

class ProducerRegistration(models.Model):
    """การลงทะเบียนผู้ผลิต ผู้ประกอบการ OTOP of one year: recorded by the district office, approved by the
    district head (นตผ. อำเภอ), certified by the province head (seed 004 §6, steps 7–8). A step may be
    returned with a reason; the district office then records it again."""

    class Status(models.TextChoices):
        RECORDED = "recorded", _("บันทึกแล้ว")
        APPROVED = "approved", _("อำเภออนุมัติ")
        CERTIFIED = "certified", _("จังหวัดรับรอง")
        RETURNED = "returned", _("ส่งกลับแก้ไข")

    producer = models.ForeignKey(Producer, on_delete=models.PROTECT, related_name="registrations",
                                 verbose_name=_("ผู้ผลิต ผู้ประกอบการ"))
    year = models.PositiveSmallIntegerField(_("ปีที่ลงทะเบียน (พ.ศ.)"))
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.RECORDED)
    recorded_at = models.DateTimeField(_("บันทึกเมื่อ"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("ผู้บันทึก"))
    approved_at = models.DateTimeField(_("อำเภออนุมัติเมื่อ"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("ผู้อนุมัติ"))
    certified_at = models.DateTimeField(_("จังหวัดรับรองเมื่อ"), null=True, blank=True)
    certified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+", verbose_name=_("ผู้รับรอง"))
    returned_at = models.DateTimeField(_("ส่งกลับเมื่อ"), null=True, blank=True)
    returned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("ผู้ส่งกลับ"))
    return_reason = models.TextField(_("เหตุผลที่ส่งกลับ"), blank=True)

    class Meta:
        ordering = ["-year", "id"]
        verbose_name = _("การลงทะเบียนผู้ผลิต ผู้ประกอบการ OTOP")
        verbose_name_plural = _("การลงทะเบียนผู้ผลิต ผู้ประกอบการ OTOP")
        constraints = [models.UniqueConstraint(fields=["producer", "year"], name="otop_one_registration_per_year")]
        indexes = [models.Index(fields=["year", "status"], name="otop_registration_year_idx")]

    def __str__(self) -> str:
        return f"{self.producer} ({self.year})"
