"""The handover book's FilterSet: the list page and the API alike."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cdd_portal.filters import RegistryFilterSet
from funds import kinds
from funds.handovers import selectors
from funds.handovers.models import Handover


class HandoverFilter(RegistryFilterSet):
    kind = django_filters.ChoiceFilter(choices=Handover.Kind.choices, label=_("ประเภทการส่งมอบ"),
                                       empty_label=_("ทุกประเภท"))
    fund_kind = django_filters.ChoiceFilter(choices=kinds.choices, method="filter_fund_kind",
                                            label=_("ประเภทกองทุน"), empty_label=_("ทุกประเภทกองทุน"))
    status = django_filters.ChoiceFilter(choices=Handover.Status.choices, label=_("สถานะ"),
                                         empty_label=_("ทุกสถานะ"))
    fund = django_filters.NumberFilter(method="filter_fund", label=_("รหัสกองทุน (ใช้คู่กับประเภทกองทุน)"))

    class Meta:
        model = Handover
        fields = ["q", "province", "district", "kind", "fund_kind", "status", "fund"]

    def search(self, queryset, text):
        return selectors.search_handovers(queryset, text)

    def filter_fund_kind(self, queryset, name, value):
        if not value:
            return queryset
        fund = self.form.cleaned_data.get("fund")
        lines = {"funds__kind_code": value}
        if fund:
            lines["funds__fund_id"] = fund
        return queryset.filter(pk__in=Handover.objects.filter(**lines).values("pk"))

    def filter_fund(self, queryset, name, value):
        return queryset  # applied with fund_kind
