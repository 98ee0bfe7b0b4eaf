"""Writes to the savings-group registry: every rule, permission check and audit entry lives here."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cdd_portal.accounts.scoping import keeps_registry
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import diff, record, snapshot
from funds.models import SavingsGroup

FIELDS = ("name", "village_id", "founded_on", "is_active")


def _check(user, district_code: str) -> None:
    if not keeps_registry(user, district_code):
        raise PermissionDenied(_("แก้ไขทะเบียนกลุ่มได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของกลุ่มนั้น"))


def _validate(group: SavingsGroup) -> None:
    name = " ".join((group.name or "").split())
    if not name:
        raise ValidationError({"name": _("กรุณากรอกชื่อกลุ่ม")})
    group.name = name
    if group.village_id and group.village.subdistrict.district_id != group.district_id:
        raise ValidationError({"village": _("หมู่บ้านนี้ไม่อยู่ในอำเภอของกลุ่ม")})
    if group.founded_on and group.founded_on > date.today():
        raise ValidationError({"founded_on": _("วันที่ก่อตั้งต้องไม่เป็นวันในอนาคต")})
    clash = SavingsGroup.objects.filter(district_id=group.district_id, name=name).exclude(pk=group.pk)
    if clash.exists():
        raise ValidationError({"name": _("อำเภอนี้มีกลุ่มชื่อ «%(name)s» อยู่แล้ว") % {"name": name}})


def _save(group: SavingsGroup) -> None:
    try:
        with transaction.atomic():
            group.save()
    except IntegrityError as exc:  # a concurrent insert of the same name
        raise ValidationError({"name": _("อำเภอนี้มีกลุ่มชื่อ «%(name)s» อยู่แล้ว") % {"name": group.name}}) from exc


@transaction.atomic
def create_group(user, *, district, name: str, village=None, founded_on: date | None = None,
                 is_active: bool = True) -> SavingsGroup:
    _check(user, district.pk)
    group = SavingsGroup(district=district, village=village, name=name, founded_on=founded_on, is_active=is_active,
                         created_by=user, updated_by=user)
    _validate(group)
    _save(group)
    record(user, AuditEntry.Action.CREATE, group, changes={k: str(v) for k, v in snapshot(group, FIELDS).items()},
           district_code=group.district_id)
    return group


@transaction.atomic
def update_group(user, group: SavingsGroup, **fields) -> SavingsGroup:
    """Change any of name, village, founded_on, is_active; a group is never deleted (reports name it):
    one that has stopped is marked inactive."""
    _check(user, group.district_id)
    before = snapshot(group, FIELDS)
    for key in ("name", "village", "founded_on", "is_active"):
        if key in fields:
            setattr(group, key, fields[key])
    _validate(group)
    changes = diff(before, snapshot(group, FIELDS))
    if not changes:
        return group
    group.updated_by = user
    _save(group)
    record(user, AuditEntry.Action.UPDATE, group, changes=changes, district_code=group.district_id)
    return group


DEMO_GROUPS = {"3401": ["กลุ่มออมทรัพย์เพื่อการผลิตบ้านหนองบัว", "กลุ่มออมทรัพย์เพื่อการผลิตบ้านโนนผึ้ง",
                        "กลุ่มออมทรัพย์เพื่อการผลิตบ้านปะอาว"]}


def seed_demo_groups() -> int:
    """A few savings groups for the demo district (idempotent): the savings-group report has rows."""
    created = 0
    for district_code, names in DEMO_GROUPS.items():
        for name in names:
            _group, new = SavingsGroup.objects.get_or_create(district_id=district_code, name=name)
            created += new
    return created
