from django.db.models import Count

from cdd_portal.accounts.models import Office
from cdd_portal.accounts.scoping import scope_of
from cdd_portal.geo.models import District, Province, Village


def home_context(user) -> dict:
    """What the home page shows: the user's office, its areas and counts of what it keeps."""
    office = user.office
    scope = scope_of(user)
    ctx: dict = {"office": office, "scope": scope}
    if scope.level == "district":
        district = District.objects.select_related("province").get(pk=scope.district_code)
        ctx["district"] = district
        ctx["province"] = district.province
        ctx["subdistricts"] = (
            district.subdistricts.annotate(village_count=Count("villages")).order_by("code")
        )
        ctx["village_count"] = Village.objects.filter(subdistrict__district=district).count()
    elif scope.level == "province":
        province = Province.objects.get(pk=scope.province_code)
        ctx["province"] = province
        ctx["districts"] = (
            District.objects.filter(province=province, kind=District.Kind.DISTRICT)
            .annotate(subdistrict_count=Count("subdistricts", distinct=True),
                      village_count=Count("subdistricts__villages", distinct=True))
            .order_by("code")
        )
    elif scope.level == "all":
        ctx["province_count"] = Province.objects.filter(in_department=True).count()
        ctx["district_count"] = District.objects.filter(kind=District.Kind.DISTRICT).count()
        ctx["office_count"] = Office.objects.count()
        ctx["village_count"] = Village.objects.count()
    return ctx
