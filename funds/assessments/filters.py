"""FilterSets of the assessments app: the assessments list page and the `fund-assessments` API alike."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cdd_portal.filters import RegistryFilterSet
from cdd_portal.thai.forms import ThaiIntegerField
from funds import kinds
from funds.assessments.models import LEVEL_CODES, Assessment, MotherFundVillage


class ThaiIntegerFilter(django_filters.NumberFilter):
    field_class = ThaiIntegerField


def _kind_choices():
    return kinds.choices()


class AssessmentFilter(RegistryFilterSet):
    kind = django_filters.ChoiceFilter(field_name="fund_kind", choices=_kind_choices, label=_("ประเภทกองทุน"),
                                       empty_label=_("ทุกประเภท"))
    year = ThaiIntegerFilter(field_name="fiscal_year", label=_("ปีงบประมาณ (พ.ศ.)"))
    level = django_filters.ChoiceFilter(choices=LEVEL_CODES, label=_("ระดับ"), empty_label=_("ทุกระดับ"))
    round = django_filters.ChoiceFilter(choices=Assessment.Round.choices, label=_("รอบ"), empty_label=_("ทุกรอบ"))
    fund = django_filters.NumberFilter(field_name="fund_id", label=_("รหัสกองทุน"))

    class Meta:
        model = Assessment
        fields = ["q", "province", "district", "kind", "year", "level", "round", "fund"]

    def search(self, queryset, text):
        return queryset.filter(fund_name__icontains=text.strip()) if text.strip() else queryset


class MotherFundFilter(RegistryFilterSet):
    status = django_filters.ChoiceFilter(choices=MotherFundVillage.Status.choices, label=_("สถานะ"),
                                         empty_label=_("ทุกสถานะ"))

    class Meta:
        model = MotherFundVillage
        fields = ["q", "province", "district", "status"]

    def search(self, queryset, text):
        text = text.strip()
        return queryset.filter(village__name_th__icontains=text) if text else queryset
