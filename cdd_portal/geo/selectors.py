"""Reads of areas and villages. Villages are scoped to the user's office; areas are reference data."""

from django.db.models import Count, Q, QuerySet

from cdd_portal.accounts.scoping import KEEP, restrict
from cdd_portal.geo.models import District, Province, Subdistrict, Village
from cdd_portal.thai import to_arabic_digits


def provinces(*, include_outside: bool = False) -> QuerySet[Province]:
    qs = Province.objects.all()
    return qs if include_outside else qs.filter(in_department=True)


def districts(*, include_outside: bool = False) -> QuerySet[District]:
    qs = District.objects.select_related("province")
    return qs if include_outside else qs.filter(kind=District.Kind.DISTRICT)


def subdistricts(*, include_outside: bool = False) -> QuerySet[Subdistrict]:
    qs = Subdistrict.objects.select_related("district__province")
    return qs if include_outside else qs.filter(district__kind=District.Kind.DISTRICT)


def villages_for(user) -> QuerySet[Village]:
    qs = Village.objects.select_related("subdistrict__district__province")
    return restrict(qs, user, district_field="subdistrict__district")


def village_imports_for(user):
    from cdd_portal.geo.models import VillageImport

    return restrict(VillageImport.objects.select_related("district__province", "uploaded_by"), user,
                    district_field="district")


def search_villages(qs: QuerySet[Village], text: str, *, nationwide: bool = False) -> QuerySet[Village]:
    """Villages whose name or subdistrict name contains `text`, or whose number it is.

    `nationwide`: the search is not narrowed to a district or province. PostgreSQL plans the two
    cases best in different ways (bench/foundation.py): inside one area, testing the subdistrict's
    name through the join (14 ms for a district); across the 72,820 villages of the country, matching
    the 7,400 subdistricts in a subquery first (189 → 66 ms; the join made every row test both names)."""
    text = (text or "").strip()
    if not text:
        return qs
    if nationwide:
        cond = Q(name_th__icontains=text) | Q(subdistrict__in=Subdistrict.objects.filter(name_th__icontains=text))
    else:
        cond = Q(name_th__icontains=text) | Q(subdistrict__name_th__icontains=text)
    # "หมู่ ๕", "หมู่ที่ 5" or "5" also finds village number 5 (Thai or Arabic digits).
    digits = to_arabic_digits(text.replace("หมู่ที่", "").replace("หมู่", "").strip())
    if digits.isdigit():
        cond |= Q(number=int(digits))
    return qs.filter(cond)


def subdistricts_for_edit(user) -> QuerySet[Subdistrict]:
    """Subdistricts in which `user` may register villages: their own district's, all for administrators."""
    return restrict(subdistricts(), user, KEEP, district_field="district")


def district_summary(district: District) -> dict:
    counts = Subdistrict.objects.filter(district=district).aggregate(
        subdistricts=Count("code", distinct=True), villages=Count("villages", distinct=True)
    )
    return counts
