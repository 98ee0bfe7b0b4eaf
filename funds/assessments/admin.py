from django.contrib import admin

from funds.assessments.models import Assessment, IndicatorSet, MotherFundVillage, Principle


@admin.register(Principle)
class PrincipleAdmin(admin.ModelAdmin):
    list_display = ["order", "name", "remedy"]


@admin.register(IndicatorSet)
class IndicatorSetAdmin(admin.ModelAdmin):
    """Read here; indicator sets are entered, published and versioned on the app's own pages."""

    list_display = ["title", "fund_kind", "fiscal_year", "version", "status"]
    list_filter = ["fund_kind", "status", "fiscal_year"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["fund_name", "fund_kind", "fiscal_year", "round", "level", "district"]
    list_filter = ["fund_kind", "fiscal_year", "level"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MotherFundVillage)
class MotherFundVillageAdmin(admin.ModelAdmin):
    list_display = ["village", "district", "year_joined", "status"]
    raw_id_fields = ["village", "district"]

    def has_change_permission(self, request, obj=None):
        return False
