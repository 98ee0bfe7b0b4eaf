"""Offices, users and roles. Every user belongs to one office and has one role (design.md §5)."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.geo.models import District, Province


class Office(models.Model):
    class Level(models.TextChoices):
        DEPARTMENT = "department", _("กรม")
        PROVINCE = "province", _("สำนักงานพัฒนาชุมชนจังหวัด")
        DISTRICT = "district", _("สำนักงานพัฒนาชุมชนอำเภอ")

    code = models.CharField(_("รหัสสำนักงาน"), max_length=10, unique=True,
                            help_text=_("กรม: CDD; จังหวัด: รหัสจังหวัด ๒ หลัก; อำเภอ: รหัสอำเภอ ๔ หลัก"))
    level = models.CharField(_("ระดับ"), max_length=20, choices=Level.choices)
    name_th = models.CharField(_("ชื่อสำนักงาน"), max_length=200)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="offices", verbose_name=_("จังหวัด"))
    district = models.OneToOneField(District, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="office", verbose_name=_("อำเภอ"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("สำนักงาน")
        verbose_name_plural = _("สำนักงาน")
        constraints = [
            models.CheckConstraint(
                name="office_area_matches_level",
                condition=(
                    models.Q(level="department", province__isnull=True, district__isnull=True)
                    | models.Q(level="province", province__isnull=False, district__isnull=True)
                    | models.Q(level="district", province__isnull=False, district__isnull=False)
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name_th

    def clean(self) -> None:
        if self.district_id and self.province_id and not self.district_id.startswith(self.province_id):
            raise ValidationError({"district": _("อำเภอไม่อยู่ในจังหวัดของสำนักงาน")})


class Role(models.TextChoices):
    DISTRICT_OFFICER = "district_officer", _("นักวิชาการพัฒนาชุมชน / พัฒนากร (อำเภอ)")
    DISTRICT_HEAD = "district_head", _("พัฒนาการอำเภอ")
    PROVINCE_STAFF = "province_staff", _("เจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัด")
    PROVINCE_HEAD = "province_head", _("พัฒนาการจังหวัด")
    DEPARTMENT_VIEWER = "department_viewer", _("ผู้ดูข้อมูลระดับกรม")
    ADMINISTRATOR = "administrator", _("ผู้ดูแลระบบ")


DISTRICT_ROLES = frozenset({Role.DISTRICT_OFFICER, Role.DISTRICT_HEAD})
PROVINCE_ROLES = frozenset({Role.PROVINCE_STAFF, Role.PROVINCE_HEAD})
DEPARTMENT_ROLES = frozenset({Role.DEPARTMENT_VIEWER, Role.ADMINISTRATOR})
ROLE_OFFICE_LEVEL = {
    **{role: Office.Level.DISTRICT for role in DISTRICT_ROLES},
    **{role: Office.Level.PROVINCE for role in PROVINCE_ROLES},
    **{role: Office.Level.DEPARTMENT for role in DEPARTMENT_ROLES},
}


class User(AbstractUser):
    office = models.ForeignKey(Office, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="users", verbose_name=_("สำนักงาน"))
    role = models.CharField(_("บทบาท"), max_length=30, choices=Role.choices, blank=True)
    position = models.CharField(_("ตำแหน่ง"), max_length=150, blank=True,
                                help_text=_("ตำแหน่งที่ใช้ลงนามในแบบรายงาน"))

    objects = UserManager()

    class Meta:
        verbose_name = _("ผู้ใช้")
        verbose_name_plural = _("ผู้ใช้")

    def clean(self) -> None:
        super().clean()
        if self.role and self.office_id:
            expected = ROLE_OFFICE_LEVEL[self.role]
            if self.office.level != expected:
                raise ValidationError(
                    {"role": _("บทบาท %(role)s ต้องสังกัด%(level)s")
                     % {"role": self.get_role_display(), "level": Office.Level(expected).label}}
                )

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username
