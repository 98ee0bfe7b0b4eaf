"""The registry in the Django admin: read-mostly (every write goes through the services, which audit it)."""

from django.contrib import admin

from centers.models import Activity, AppointmentOrder, CommitteeMember, Meeting, Plan, ServiceCenter, Wisdom


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, searched and filtered; changed only through the pages and the API."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ServiceCenter)
class ServiceCenterAdmin(ReadOnlyAdmin):
    list_display = ["name", "district", "status", "mechanism", "updated_at"]
    list_filter = ["status", "mechanism", "location", "district__province"]
    search_fields = ["name", "district__name_th", "district__code"]
    list_select_related = ["district"]


@admin.register(AppointmentOrder)
class AppointmentOrderAdmin(ReadOnlyAdmin):
    list_display = ["number", "date", "center", "signer_name"]
    search_fields = ["number", "center__name", "center__district__name_th"]
    list_select_related = ["center"]


@admin.register(CommitteeMember)
class CommitteeMemberAdmin(ReadOnlyAdmin):
    list_display = ["name", "position", "seat", "center", "term_start", "term_end"]
    list_filter = ["position", "seat", "center__district__province"]
    search_fields = ["name", "organisation", "center__district__name_th"]
    list_select_related = ["center"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["date", "number", "center", "attendee_count"]
    list_filter = ["center__district__province"]
    search_fields = ["center__district__name_th", "agenda"]
    date_hierarchy = "date"
    list_select_related = ["center"]


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    list_display = ["date", "title", "kind", "center"]
    list_filter = ["kind", "center__district__province"]
    search_fields = ["title", "center__district__name_th"]
    date_hierarchy = "date"
    list_select_related = ["center"]


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "fiscal_year", "period_start", "period_end", "center", "is_active"]
    list_filter = ["kind", "fiscal_year", "is_active"]
    search_fields = ["title", "center__district__name_th"]
    list_select_related = ["center"]


@admin.register(Wisdom)
class WisdomAdmin(ReadOnlyAdmin):
    list_display = ["name", "category", "holder", "center", "is_active"]
    list_filter = ["category", "is_active", "center__district__province"]
    search_fields = ["name", "holder", "center__district__name_th"]
    list_select_related = ["center"]
