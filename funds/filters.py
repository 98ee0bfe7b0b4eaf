"""The savings-group registry's FilterSets: the list pages and the API filters alike."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cdd_portal.filters import RegistryFilterSet
from funds import selectors
from funds.models import Beneficiary, GroupCommitteeMember, Member, MemberCount, SavingsGroup


class SavingsGroupFilter(RegistryFilterSet):
    village = django_filters.NumberFilter(field_name="village_id", label=_("หมู่บ้าน (รหัส)"))
    is_active = django_filters.BooleanFilter(label=_("ยังดำเนินการอยู่"))
    member_mode = django_filters.ChoiceFilter(choices=SavingsGroup.MemberMode.choices, label=_("การเก็บข้อมูลสมาชิก"),
                                              empty_label=_("ทุกแบบ"))

    class Meta:
        model = SavingsGroup
        fields = ["q", "province", "district", "village", "is_active", "member_mode"]

    def search(self, queryset, text):
        return selectors.search(queryset, text)


class GroupRecordFilter(RegistryFilterSet):
    """Records of a group: the area filters go through the group's district; `group` narrows to one."""

    district_path = "group__district"
    group = django_filters.NumberFilter(field_name="group_id", label=_("กลุ่ม (รหัส)"))

    def search(self, queryset, text):
        return selectors.search_people(queryset, text)


class CommitteeFilter(GroupRecordFilter):
    division = django_filters.NumberFilter(field_name="division_id", label=_("ฝ่าย (รหัส)"))
    position = django_filters.ChoiceFilter(choices=GroupCommitteeMember.Position.choices, label=_("ตำแหน่ง"),
                                           empty_label=_("ทุกตำแหน่ง"))
    in_office = django_filters.BooleanFilter(method="filter_in_office", label=_("อยู่ในตำแหน่งวันนี้"))

    class Meta:
        model = GroupCommitteeMember
        fields = ["q", "province", "district", "group", "division", "position", "in_office"]

    def filter_in_office(self, queryset, name, value):
        if value is None:
            return queryset
        condition = selectors.in_office(timezone.localdate())
        return queryset.filter(condition) if value else queryset.exclude(condition)


class MemberFilter(GroupRecordFilter):
    kind = django_filters.ChoiceFilter(choices=Member.Kind.choices, label=_("ประเภทสมาชิก"), empty_label=_("ทุกประเภท"))
    current = django_filters.BooleanFilter(field_name="left_on", lookup_expr="isnull", label=_("ยังเป็นสมาชิก"))

    class Meta:
        model = Member
        fields = ["q", "province", "district", "group", "kind", "current"]


class BeneficiaryFilter(GroupRecordFilter):
    district_path = "member__group__district"
    group = django_filters.NumberFilter(field_name="member__group_id", label=_("กลุ่ม (รหัส)"))
    member = django_filters.NumberFilter(field_name="member_id", label=_("สมาชิก (รหัส)"))
    current = django_filters.BooleanFilter(field_name="ended_on", lookup_expr="isnull", label=_("ใช้อยู่"))

    class Meta:
        model = Beneficiary
        fields = ["q", "province", "district", "group", "member", "current"]

    def search(self, queryset, text):
        return queryset.filter(Q(name__icontains=text) | Q(member__name__icontains=text)) if text else queryset


class MemberCountFilter(GroupRecordFilter):
    class Meta:
        model = MemberCount
        fields = ["province", "district", "group"]

    def search(self, queryset, text):
        return queryset
