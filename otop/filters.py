"""The OTOP registries' FilterSets: each list page and its API filter alike (cdd_portal.filters)."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cdd_portal.filters import RegistryFilterSet
from cdd_portal.thai import to_thai_digits
from otop import selectors
from otop.catalogue import CATEGORIES, SUB_GROUPS
from otop.models import Cluster, OccupationGroup, Producer, ProducerRegistration, Product, ProductStandard


def category_choices():
    return [(code, f"{to_thai_digits(code)} {name}") for code, name in CATEGORIES.items()]


def sub_group_choices():
    return [(code, f"{to_thai_digits(code)} {name}") for code, name in SUB_GROUPS.items()]


def star_choices():
    return [*[(str(n), _("%(n)s ดาว") % {"n": to_thai_digits(n)}) for n in (5, 4, 3, 2, 1)],
            ("none", _("ยังไม่ได้รับการคัดสรร"))]


class ProducerFilter(RegistryFilterSet):
    type = django_filters.ChoiceFilter(choices=Producer.Type.choices, label=gettext_lazy("ประเภทผู้ผลิต"),
                                       empty_label=gettext_lazy("ทุกประเภท"))
    village = django_filters.NumberFilter(field_name="village_id", label=gettext_lazy("หมู่บ้าน (รหัส)"))
    is_active = django_filters.BooleanFilter(label=gettext_lazy("ยังดำเนินการอยู่"))

    class Meta:
        model = Producer
        fields = ["q", "province", "district", "type", "village", "is_active"]

    def search(self, queryset, text):
        return selectors.search_producers(queryset, text)


class ProductFilter(RegistryFilterSet):
    category = django_filters.ChoiceFilter(choices=category_choices, label=gettext_lazy("ประเภทผลิตภัณฑ์"),
                                           empty_label=gettext_lazy("ทุกประเภท"))
    sub_group = django_filters.ChoiceFilter(choices=sub_group_choices, label=gettext_lazy("กลุ่มผลิตภัณฑ์"),
                                            empty_label=gettext_lazy("ทุกกลุ่ม"))
    stars = django_filters.ChoiceFilter(choices=star_choices, method="filter_stars",
                                        label=gettext_lazy("ระดับดาว (ผลคัดสรรล่าสุด)"),
                                        empty_label=gettext_lazy("ทุกระดับ"))
    standard = django_filters.ChoiceFilter(choices=ProductStandard.Standard.choices, method="filter_standard",
                                           label=gettext_lazy("มาตรฐานที่ได้รับ"), empty_label=gettext_lazy("ทุกมาตรฐาน"))
    segment = django_filters.ChoiceFilter(choices=Product.Segment.choices, label=gettext_lazy("Segment"),
                                          empty_label=gettext_lazy("ทุก Segment"))
    producer = django_filters.NumberFilter(field_name="producer_id", label=gettext_lazy("ผู้ผลิต (รหัส)"))
    is_active = django_filters.BooleanFilter(label=gettext_lazy("ยังผลิตอยู่"))

    class Meta:
        model = Product
        fields = ["q", "province", "district", "category", "sub_group", "stars", "standard", "segment",
                  "producer", "is_active"]

    def search(self, queryset, text):
        return selectors.search_products(queryset, text)

    def filter_stars(self, queryset, name, value: str):
        if value == "none":
            return queryset.filter(latest_stars__isnull=True)
        return queryset.filter(latest_stars=int(value)) if value else queryset

    def filter_standard(self, queryset, name, value: str):
        if not value:
            return queryset
        return queryset.filter(Exists(ProductStandard.objects.filter(product=OuterRef("pk"), standard=value)))


class OccupationGroupFilter(RegistryFilterSet):
    trade = django_filters.CharFilter(field_name="trade", lookup_expr="icontains",
                                      label=gettext_lazy("อาชีพ/กิจกรรม"))
    cluster = django_filters.NumberFilter(field_name="cluster_id", label=gettext_lazy("คลัสเตอร์ (รหัส)"))
    village = django_filters.NumberFilter(field_name="village_id", label=gettext_lazy("หมู่บ้าน (รหัส)"))
    is_active = django_filters.BooleanFilter(label=gettext_lazy("ยังดำเนินการอยู่"))

    class Meta:
        model = OccupationGroup
        fields = ["q", "province", "district", "trade", "cluster", "village", "is_active"]

    def search(self, queryset, text):
        return selectors.search_groups(queryset, text)


class RegistrationFilter(RegistryFilterSet):
    district_path = "producer__district"

    year = django_filters.NumberFilter(field_name="year", label=gettext_lazy("ปี (พ.ศ.)"))
    status = django_filters.ChoiceFilter(choices=ProducerRegistration.Status.choices, label=gettext_lazy("สถานะ"),
                                         empty_label=gettext_lazy("ทุกสถานะ"))
    producer = django_filters.NumberFilter(field_name="producer_id", label=gettext_lazy("ผู้ผลิต (รหัส)"))

    class Meta:
        model = ProducerRegistration
        fields = ["q", "province", "district", "year", "status", "producer"]

    def search(self, queryset, text):
        return selectors.search_registrations(queryset, text)


class ClusterFilter(RegistryFilterSet):
    class Meta:
        model = Cluster
        fields = ["q", "province", "district"]

    def search(self, queryset, text):
        return selectors.search_clusters(queryset, text)
