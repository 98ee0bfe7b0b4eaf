"""The กข.คจ. registry's FilterSets: the pages and the API filter alike."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cdd_portal.filters import RegistryFilterSet
from funds.poverty import selectors
from funds.poverty.models import Loan, Repayment, TargetHousehold, VillageFund


class VillageFundFilter(RegistryFilterSet):
    status = django_filters.ChoiceFilter(choices=VillageFund.Status.choices, label=_("สถานะ"),
                                         empty_label=_("ทุกสถานะ"))
    village = django_filters.NumberFilter(field_name="village_id", label=_("หมู่บ้าน (รหัส)"))
    subdistrict = django_filters.CharFilter(field_name="village__subdistrict_id", label=_("ตำบล (รหัส)"))
    funded_year = django_filters.NumberFilter(label=_("ปีงบประมาณที่ได้รับ (พ.ศ.)"))

    class Meta:
        model = VillageFund
        fields = ["q", "province", "district", "status", "village", "subdistrict", "funded_year"]

    def search(self, queryset, text):
        return selectors.search_funds(queryset, text)


class TargetHouseholdFilter(RegistryFilterSet):
    district_path = "fund__district"
    fund = django_filters.NumberFilter(field_name="fund_id", label=_("กองทุน (รหัส)"))
    current = django_filters.BooleanFilter(field_name="left_on", lookup_expr="isnull",
                                           label=_("ยังอยู่ในบัญชี"))

    class Meta:
        model = TargetHousehold
        fields = ["q", "province", "district", "fund", "current"]

    def search(self, queryset, text):
        return selectors.search_households(queryset, text)


class LoanFilter(RegistryFilterSet):
    district_path = "fund__district"
    fund = django_filters.NumberFilter(field_name="fund_id", label=_("กองทุน (รหัส)"))
    household = django_filters.NumberFilter(field_name="household_id", label=_("ครัวเรือน (รหัส)"))
    status = django_filters.ChoiceFilter(choices=Loan.Status.choices, label=_("สถานะ"), empty_label=_("ทุกสถานะ"))

    class Meta:
        model = Loan
        fields = ["q", "province", "district", "fund", "household", "status"]

    def search(self, queryset, text):
        return selectors.search_loans(queryset, text)


class RepaymentFilter(RegistryFilterSet):
    district_path = "fund__district"
    fund = django_filters.NumberFilter(field_name="fund_id", label=_("กองทุน (รหัส)"))
    loan = django_filters.NumberFilter(field_name="loan_id", label=_("สัญญา (รหัส)"))
    cancelled = django_filters.BooleanFilter(field_name="cancelled_on", lookup_expr="isnull", exclude=True,
                                             label=_("ยกเลิกแล้ว"))

    class Meta:
        model = Repayment
        fields = ["q", "province", "district", "fund", "loan", "cancelled"]

    def search(self, queryset, text):
        return selectors.search_repayments(queryset, text)
