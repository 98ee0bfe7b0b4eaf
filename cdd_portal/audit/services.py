from django.db.models import Model

from cdd_portal.audit.models import AuditEntry


def record(user, action: str, obj: Model, *, changes: dict | None = None, district_code: str = "") -> AuditEntry:
    """Append one audit entry. Call it inside the same transaction as the change it records."""
    office = getattr(user, "office", None)
    return AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "username", "") or "",
        office_code=office.code if office else "",
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        district_code=district_code,
        changes=changes or {},
    )


def snapshot(obj: Model, fields) -> dict:
    """The values of `fields` of `obj` now: taken before a change, compared with `diff` after it."""
    return {f: getattr(obj, f) for f in fields}


def diff(before: dict, after: dict) -> dict:
    """The fields whose value changed, as {field: [old, new]} with JSON-safe values."""
    return {k: [str(before.get(k)), str(after.get(k))] for k in after if before.get(k) != after.get(k)}
