from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from cdd_portal.accounts.models import Office, User


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["code", "name_th", "level", "province", "district"]
    list_filter = ["level", "province"]
    search_fields = ["code", "name_th"]
    raw_id_fields = ["province", "district"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "office", "role", "is_active"]
    list_filter = ["role", "office__level", "is_active", "is_staff"]
    search_fields = ["username", "first_name", "last_name", "office__name_th", "office__code"]
    list_select_related = ["office"]
    raw_id_fields = ["office"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("สำนักงานและบทบาท"), {"fields": ("office", "role", "position")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("สำนักงานและบทบาท"), {"fields": ("office", "role", "position")}),
    )
