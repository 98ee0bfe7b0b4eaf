from django.contrib import admin

from funds.poverty.models import RegulationSetting, VillageFund


@admin.register(VillageFund)
class VillageFundAdmin(admin.ModelAdmin):
    list_display = ["__str__", "district", "funded_year", "initial_capital", "status"]
    list_filter = ["status", "district__province"]
    search_fields = ["village__name_th", "district__name_th"]
    raw_id_fields = ["district", "village"]
    readonly_fields = ["status", "stopped_on", "stop_reason"]

    def has_delete_permission(self, request, obj=None):
        return False  # a fund is stopped with a reason, never deleted


@admin.register(RegulationSetting)
class RegulationSettingAdmin(admin.ModelAdmin):
    """The regulation's lending figures: a null figure is one the sources do not give (not checked)."""

    list_display = ["name", "is_active", "loan_limit", "max_repayment_months", "service_fee_percent",
                    "forbearance_days"]

    def has_delete_permission(self, request, obj=None):
        return False
