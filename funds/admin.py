from django.contrib import admin

from funds.models import CommitteeDivision, SavingsGroup


@admin.register(SavingsGroup)
class SavingsGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "village", "founded_on", "is_active"]
    list_filter = ["is_active", "district__province"]
    search_fields = ["name", "district__name_th"]
    raw_id_fields = ["district", "village"]


@admin.register(CommitteeDivision)
class CommitteeDivisionAdmin(admin.ModelAdmin):
    """The divisions of a group's committee are data: the four defaults are unverified (see `verified`)."""

    list_display = ["name", "sort_order", "is_active", "verified"]
    list_editable = ["sort_order", "is_active"]

    def has_delete_permission(self, request, obj=None):
        return False  # committee rows refer to it: a division is retired (is_active), not deleted
