"""One FilterSet per registry, shared by its page, its API and its export (NetBox's pattern).

The area filters are drop-downs of names narrowed to the user's area (a province office chooses among
its districts, the department a province and then its districts; a district office has none). A value
that is not one of the choices is a form error: a page ignores that filter, the API answers 400 with
the reason in Thai — never a server error.
"""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from cdd_portal.accounts.scoping import restrict, scope_of
from cdd_portal.geo.models import District, Province


class AreaChoiceFilter(django_filters.ModelChoiceFilter):
    """A province or district chosen by its code; shown by its Thai name."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("queryset", District.objects.none())
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        field = super().field
        field.label_from_instance = lambda area: area.name_th
        return field


class RegistryFilterSet(django_filters.FilterSet):
    """Base of the registries' filter sets: `q` (the subclass's `search`), `province` and `district`.

    Subclasses set `district_path`, the lookup from their model to its District, and implement
    `search(queryset, text)` (usually a selector)."""

    district_path = "district"

    q = django_filters.CharFilter(method="filter_q", label=_("ค้นหา"))
    province = AreaChoiceFilter(method="filter_province", label=_("จังหวัด"), empty_label=_("ทุกจังหวัด"))
    district = AreaChoiceFilter(method="filter_district", label=_("อำเภอ"), empty_label=_("ทุกอำเภอ"))

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        user = getattr(request, "user", None)
        scope = scope_of(user)
        districts = District.objects.filter(kind=District.Kind.DISTRICT).select_related("province")
        # the page shows the district drop-down only when it is short (a province's districts)
        self.shows_districts = True
        if scope.level == "all":
            self.filters["province"].queryset = Province.objects.filter(in_department=True).order_by("code")
            chosen = (data or {}).get("province")
            self.filters["district"].queryset = districts.order_by("code")
            if chosen:
                self.filters["district"].queryset = districts.filter(province_id=chosen).order_by("code")
            else:
                self.shows_districts = False
        elif scope.level == "province":
            del self.filters["province"]
            self.filters["district"].queryset = restrict(districts, user, district_field=None).order_by("code")
        else:
            del self.filters["province"]
            del self.filters["district"]
            self.shows_districts = False

    def search(self, queryset, text: str):  # pragma: no cover - every registry overrides it
        return queryset

    def filter_q(self, queryset, name, value):
        return self.search(queryset, value)

    def filter_province(self, queryset, name, value):
        return queryset.filter(**{f"{self.district_path}__province": value}) if value else queryset

    def filter_district(self, queryset, name, value):
        return queryset.filter(**{self.district_path: value}) if value else queryset

    @property
    def query_string(self) -> str:
        """The filters as a query string without the page number: for pagination and export links."""
        if self.data is None:
            return ""
        query = self.data.copy()
        query.pop("page", None)
        return query.urlencode()
