"""Writes to the village registry: every rule, permission check and audit entry lives here."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cdd_portal.accounts.scoping import keeps_registry
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import diff, record, snapshot
from cdd_portal.geo.models import Subdistrict, Village

VILLAGE_FIELDS = ("subdistrict_id", "number", "name_th")


def _check_can_edit(user, subdistrict: Subdistrict) -> None:
    if not keeps_registry(user, subdistrict.district_id):
        raise PermissionDenied(_("คุณไม่มีสิทธิ์แก้ไขหมู่บ้านของ%(district)s") % {"district": subdistrict.district.full_name})


def _validate(village: Village) -> None:
    name = (village.name_th or "").strip()
    if not name:
        raise ValidationError({"name_th": _("กรุณากรอกชื่อหมู่บ้าน")})
    village.name_th = " ".join(name.split())
    if village.number is None or not 1 <= village.number <= 99:
        raise ValidationError({"number": _("หมู่ที่ต้องอยู่ระหว่าง ๑ ถึง ๙๙")})
    clash = Village.objects.filter(subdistrict_id=village.subdistrict_id, number=village.number)
    if village.pk:
        clash = clash.exclude(pk=village.pk)
    if clash.exists():
        raise ValidationError(
            {"number": _("ตำบลนี้มีหมู่ที่ %(number)s อยู่แล้ว") % {"number": village.number}}
        )


@transaction.atomic
def create_village(user, *, subdistrict: Subdistrict, number: int, name_th: str) -> Village:
    _check_can_edit(user, subdistrict)
    village = Village(subdistrict=subdistrict, number=number, name_th=name_th, created_by=user, updated_by=user)
    _validate(village)
    try:
        with transaction.atomic():
            village.save()
    except IntegrityError as exc:  # a concurrent insert of the same number
        raise ValidationError({"number": _("ตำบลนี้มีหมู่ที่ %(number)s อยู่แล้ว") % {"number": number}}) from exc
    record(user, AuditEntry.Action.CREATE, village, changes=snapshot(village, VILLAGE_FIELDS),
           district_code=subdistrict.district_id)
    return village


@transaction.atomic
def update_village(user, village: Village, *, subdistrict: Subdistrict | None = None, number: int | None = None,
                   name_th: str | None = None) -> Village:
    _check_can_edit(user, village.subdistrict)
    before = snapshot(village, VILLAGE_FIELDS)
    if subdistrict is not None:
        _check_can_edit(user, subdistrict)
        village.subdistrict = subdistrict
    if number is not None:
        village.number = number
    if name_th is not None:
        village.name_th = name_th
    _validate(village)
    changes = diff(before, snapshot(village, VILLAGE_FIELDS))
    if not changes:
        return village
    village.updated_by = user
    try:
        with transaction.atomic():
            village.save()
    except IntegrityError as exc:
        raise ValidationError({"number": _("ตำบลนี้มีหมู่ที่ %(number)s อยู่แล้ว") % {"number": village.number}}) from exc
    record(user, AuditEntry.Action.UPDATE, village, changes=changes, district_code=village.subdistrict.district_id)
    return village


@transaction.atomic
def delete_village(user, village: Village) -> None:
    _check_can_edit(user, village.subdistrict)
    district_code = village.subdistrict.district_id
    record(user, AuditEntry.Action.DELETE, village, changes=snapshot(village, VILLAGE_FIELDS), district_code=district_code)
    village.delete()
