"""The Django admin shows fiscal years and the plan tree (kept in the browser at /budgets/plan/).
Registers, allocations and disbursements are read-only: they change through budgets.services only."""

from django.contrib import admin

from budgets.models import Allocation, Disbursement, FiscalYear, PlanItem, Register
from cdd_portal.admin import ReadOnlyAdmin


@admin.register(FiscalYear)
class FiscalYearAdmin(admin.ModelAdmin):
    list_display = ["year", "start_date", "end_date"]


@admin.register(PlanItem)
class PlanItemAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "fiscal_year", "budget", "unit_label", "unit_rate", "quarters"]
    list_filter = ["fiscal_year", "level"]
    search_fields = ["name", "responsible_unit"]
    raw_id_fields = ["parent"]


@admin.register(Register)
class RegisterAdmin(ReadOnlyAdmin):
    list_display = ["activity", "province", "stated_budget", "status", "finalised_at"]
    list_filter = ["status", "province"]


@admin.register(Allocation)
class AllocationAdmin(ReadOnlyAdmin):
    list_display = ["register", "office", "line", "units", "rate", "amount", "target_count", "target_unit"]
    list_select_related = ["register__activity", "register__province", "office"]


@admin.register(Disbursement)
class DisbursementAdmin(ReadOnlyAdmin):
    list_display = ["allocation", "date", "amount", "document_no", "recorded_by"]
