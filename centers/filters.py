"""The service-centre registry's FilterSets: each list page and its API filter alike."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cdd_portal.filters import RegistryFilterSet
from cdd_portal.thai.forms import BEDateField, ThaiIntegerField
from centers import selectors
from centers.models import Activity, CommitteeMember, Meeting, Plan, ServiceCenter, Wisdom


class BEDateFilter(django_filters.DateFilter):
    """A date typed in the Buddhist era on the page (ISO dates work too, for the API)."""

    field_class = BEDateField


class ThaiIntegerFilter(django_filters.NumberFilter):
    """A whole number typed with Thai or Arabic digits (a B.E. year)."""

    field_class = ThaiIntegerField


class ServiceCenterFilter(RegistryFilterSet):
    status = django_filters.ChoiceFilter(choices=ServiceCenter.Status.choices, label=_("สถานะ"),
                                         empty_label=_("ทุกสถานะ"))
    mechanism = django_filters.ChoiceFilter(choices=ServiceCenter.Mechanism.choices, label=_("กลไกการขับเคลื่อน"),
                                            empty_label=_("ทุกแบบ"))

    class Meta:
        model = ServiceCenter
        fields = ["q", "province", "district", "status", "mechanism"]

    def search(self, queryset, text):
        return selectors.search_centers(queryset, text)


class CenterRecordFilter(RegistryFilterSet):
    """Records of a centre: the area filters go through the centre's district; `center` narrows to one."""

    district_path = "center__district"
    center = django_filters.NumberFilter(field_name="center_id", label=_("ศูนย์ (รหัส)"))


class CommitteeMemberFilter(CenterRecordFilter):
    position = django_filters.ChoiceFilter(choices=CommitteeMember.Position.choices, label=_("ตำแหน่ง"),
                                           empty_label=_("ทุกตำแหน่ง"))
    seat = django_filters.ChoiceFilter(choices=CommitteeMember.Seat.choices, label=_("องค์ประกอบ"),
                                       empty_label=_("ทุกองค์ประกอบ"))
    order = django_filters.NumberFilter(field_name="order_id", label=_("คำสั่งแต่งตั้ง (รหัส)"))
    in_office = django_filters.BooleanFilter(method="filter_in_office", label=_("อยู่ในตำแหน่งวันนี้"))

    class Meta:
        model = CommitteeMember
        fields = ["q", "province", "district", "center", "position", "seat", "order", "in_office"]

    def search(self, queryset, text):
        return selectors.search_members(queryset, text)

    def filter_in_office(self, queryset, name, value):
        if value is None:
            return queryset
        today = timezone.localdate()
        current = selectors.in_office(today)
        return queryset.filter(current) if value else queryset.exclude(current)


class _Dated(CenterRecordFilter):
    date_from = BEDateFilter(field_name="date", lookup_expr="gte", label=_("ตั้งแต่วันที่"))
    date_to = BEDateFilter(field_name="date", lookup_expr="lte", label=_("ถึงวันที่"))


class MeetingFilter(_Dated):
    class Meta:
        model = Meeting
        fields = ["q", "province", "district", "center", "date_from", "date_to"]

    def search(self, queryset, text):
        return selectors.search_meetings(queryset, text)


class ActivityFilter(_Dated):
    kind = django_filters.ChoiceFilter(choices=Activity.Kind.choices, label=_("ประเภทกิจกรรม"),
                                       empty_label=_("ทุกประเภท"))

    class Meta:
        model = Activity
        fields = ["q", "province", "district", "center", "kind", "date_from", "date_to"]

    def search(self, queryset, text):
        return selectors.search_activities(queryset, text)


class PlanFilter(CenterRecordFilter):
    kind = django_filters.ChoiceFilter(choices=Plan.Kind.choices, label=_("ประเภทแผน"), empty_label=_("ทุกประเภท"))
    fiscal_year = ThaiIntegerFilter(label=_("ปีงบประมาณ (พ.ศ.)"))
    is_active = django_filters.BooleanFilter(label=_("ใช้อยู่"))

    class Meta:
        model = Plan
        fields = ["q", "province", "district", "center", "kind", "fiscal_year", "is_active"]

    def search(self, queryset, text):
        return selectors.search_plans(queryset, text)


class WisdomFilter(CenterRecordFilter):
    category = django_filters.ChoiceFilter(choices=Wisdom.Category.choices, label=_("ประเภทภูมิปัญญา"),
                                           empty_label=_("ทุกประเภท"))
    is_active = django_filters.BooleanFilter(label=_("ยังมีอยู่ในคลัง"))

    class Meta:
        model = Wisdom
        fields = ["q", "province", "district", "center", "category", "is_active"]

    def search(self, queryset, text):
        return selectors.search_wisdoms(queryset, text)
