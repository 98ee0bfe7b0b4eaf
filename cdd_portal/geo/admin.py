from django.contrib import admin

from cdd_portal.geo.models import District, Province, Subdistrict, Village


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name_th", "name_en", "region_th", "in_department"]
    search_fields = ["code", "name_th", "name_en"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name_th", "province", "kind"]
    list_filter = ["kind", "province"]
    search_fields = ["code", "name_th", "name_en"]


@admin.register(Subdistrict)
class SubdistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name_th", "district", "postal_code"]
    search_fields = ["code", "name_th", "name_en"]
    list_select_related = ["district"]


@admin.register(Village)
class VillageAdmin(admin.ModelAdmin):
    """Read-only here: villages change through the services, which check scope and keep the audit trail."""

    list_display = ["code", "number", "name_th", "subdistrict", "updated_at", "updated_by"]
    search_fields = ["name_th", "subdistrict__name_th"]
    list_select_related = ["subdistrict", "updated_by"]
    readonly_fields = [f.name for f in Village._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
