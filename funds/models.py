"""Savings-for-production groups (กลุ่มออมทรัพย์เพื่อการผลิต, seeds 004 and 002): the registry that report
forms refer to (a "group" reference), kept by each district office."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.audit.models import Tracked


class SavingsGroup(Tracked):
    district = models.ForeignKey("geo.District", on_delete=models.PROTECT, related_name="savings_groups",
                                 verbose_name=_("อำเภอ"))
    village = models.ForeignKey("geo.Village", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="savings_groups", verbose_name=_("หมู่บ้านที่ตั้ง"))
    name = models.CharField(_("ชื่อกลุ่ม"), max_length=200)
    founded_on = models.DateField(_("วันที่ก่อตั้ง"), null=True, blank=True)
    is_active = models.BooleanField(_("ยังดำเนินการอยู่"), default=True,
                                    help_text=_("กลุ่มที่เลิกดำเนินการแล้วไม่แสดงในแบบรายงานฉบับใหม่ แต่ประวัติยังอยู่"))

    class Meta:
        ordering = ["district", "name"]
        verbose_name = _("กลุ่มออมทรัพย์เพื่อการผลิต")
        verbose_name_plural = _("กลุ่มออมทรัพย์เพื่อการผลิต")
        constraints = [models.UniqueConstraint(fields=["district", "name"], name="one_group_name_per_district")]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The group as a form's drop-down names it: its name and where it is."""
        if self.village_id:
            return f"{self.name} (หมู่ที่ {self.village.number} {self.village.name_th})"
        return self.name
