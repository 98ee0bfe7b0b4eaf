from django.db.models import QuerySet

from cdd_portal.audit.models import AuditEntry


def history_of(obj) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).order_by("-at", "-id")
