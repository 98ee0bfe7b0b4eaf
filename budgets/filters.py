import django_filters
from django.utils.translation import gettext_lazy as _

from budgets.models import Allocation, Disbursement, PlanItem


class PlanItemFilter(django_filters.FilterSet):
    fiscal_year = django_filters.NumberFilter(field_name="fiscal_year__year", label=_("ปีงบประมาณ (พ.ศ.)"))

    class Meta:
        model = PlanItem
        fields = ["fiscal_year", "level", "parent"]


class AllocationFilter(django_filters.FilterSet):
    fiscal_year = django_filters.NumberFilter(field_name="register__activity__fiscal_year__year",
                                              label=_("ปีงบประมาณ (พ.ศ.)"))
    province = django_filters.CharFilter(field_name="register__province_id", label=_("รหัสจังหวัด"))
    district = django_filters.CharFilter(field_name="office__district_id", label=_("รหัสอำเภอ"))
    activity = django_filters.NumberFilter(field_name="register__activity_id", label=_("กิจกรรม"))
    office = django_filters.CharFilter(field_name="office__code", label=_("รหัสสำนักงาน"))

    class Meta:
        model = Allocation
        fields = ["fiscal_year", "province", "district", "activity", "office", "register"]


class DisbursementFilter(django_filters.FilterSet):
    fiscal_year = django_filters.NumberFilter(field_name="allocation__register__activity__fiscal_year__year",
                                              label=_("ปีงบประมาณ (พ.ศ.)"))
    province = django_filters.CharFilter(field_name="allocation__register__province_id", label=_("รหัสจังหวัด"))
    district = django_filters.CharFilter(field_name="allocation__office__district_id", label=_("รหัสอำเภอ"))
    activity = django_filters.NumberFilter(field_name="allocation__register__activity_id", label=_("กิจกรรม"))

    class Meta:
        model = Disbursement
        fields = ["allocation", "fiscal_year", "province", "district", "activity"]
