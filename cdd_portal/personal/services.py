"""Showing a whole national ID: allowed only to the district office that keeps the record (its officers
and head), and every time an audit entry of its own kind (`reveal`)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404

from cdd_portal.accounts import scoping
from cdd_portal.audit import services as audit
from cdd_portal.audit.models import AuditEntry
from cdd_portal.personal import national_id, registry


def may_reveal(user, district_code: str | None) -> bool:
    return bool(district_code) and scoping.reveals_personal_data(user, district_code)


@transaction.atomic
def reveal(user, model_label: str, pk, field: str, *, purpose: str = "") -> str:
    """The whole number, formatted, for a user who may see it; recorded as a `reveal` audit entry.
    A record the user cannot see at all is a 404; one they see but may not unmask is a 403."""
    item = registry.get(model_label, field)
    if item is None:
        raise Http404
    try:
        obj = item.objects().get(pk=pk)
    except (item.model().DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    district = item.district_of(obj)
    if not scoping.sees_district(user, district):
        raise Http404
    if not may_reveal(user, district):
        raise PermissionDenied("เลขประจำตัวประชาชนแสดงเต็มได้เฉพาะเจ้าหน้าที่ของอำเภอที่ดูแลทะเบียนนี้")
    value = getattr(obj, field)
    audit.record(user, AuditEntry.Action.REVEAL, obj, district_code=district or "",
                 changes={"field": field, "purpose": purpose[:200]})
    return national_id.formatted(value)
