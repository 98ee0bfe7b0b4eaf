"""The savings-group registry's one FilterSet: the list page and the API filter alike."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cdd_portal.filters import RegistryFilterSet
from funds import selectors
from funds.models import SavingsGroup


class SavingsGroupFilter(RegistryFilterSet):
    village = django_filters.NumberFilter(field_name="village_id", label=_("หมู่บ้าน (รหัส)"))
    is_active = django_filters.BooleanFilter(label=_("ยังดำเนินการอยู่"))

    class Meta:
        model = SavingsGroup
        fields = ["q", "province", "district", "village", "is_active"]

    def search(self, queryset, text):
        return selectors.search(queryset, text)
