from django.contrib import admin

from cdd_portal.admin import ReadOnlyAdmin
from cdd_portal.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "username", "office_code", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["username", "object_repr", "object_id", "district_code"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]
