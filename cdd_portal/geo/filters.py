"""One FilterSet per model, used by the API (and by pages where they filter the same way)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cdd_portal.geo.models import District, Subdistrict, Village


class DistrictFilter(django_filters.FilterSet):
    province = django_filters.CharFilter(field_name="province_id", label=_("รหัสจังหวัด"))

    class Meta:
        model = District
        fields = ["province", "kind"]


class SubdistrictFilter(django_filters.FilterSet):
    district = django_filters.CharFilter(field_name="district_id", label=_("รหัสอำเภอ"))
    province = django_filters.CharFilter(field_name="district__province_id", label=_("รหัสจังหวัด"))

    class Meta:
        model = Subdistrict
        fields = ["district", "province"]


class VillageFilter(django_filters.FilterSet):
    subdistrict = django_filters.CharFilter(field_name="subdistrict_id", label=_("รหัสตำบล"))
    district = django_filters.CharFilter(field_name="subdistrict__district_id", label=_("รหัสอำเภอ"))
    province = django_filters.CharFilter(field_name="subdistrict__district__province_id", label=_("รหัสจังหวัด"))

    class Meta:
        model = Village
        fields = ["subdistrict", "district", "province", "number"]
