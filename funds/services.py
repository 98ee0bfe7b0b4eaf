"""Writes to the savings-group registry: every rule, permission check and audit entry lives here.

The group's district office keeps it (`scoping.keeps_registry`); administrators may correct any. Nothing is
deleted: a group stops (date and reason), a committee member or a member leaves (date and reason), a
beneficiary is ended. National ID numbers are checked (13 digits, check digit) and written to the audit
trail masked only."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal.accounts.scoping import keeps_registry
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import diff, record, snapshot
from cdd_portal.personal import national_id
from cdd_portal.thai import to_thai_digits
from funds.models import (
    Beneficiary,
    CommitteeDivision,
    GroupCommitteeMember,
    Member,
    MemberCount,
    SavingsGroup,
)

FIELDS = ("name", "village_id", "founded_on", "is_active", "savings_day", "registration_ref", "registered_on",
          "officer_name", "member_mode", "stopped_on", "stop_reason")
GROUP_INPUTS = {"name", "village", "founded_on", "is_active", "savings_day", "registration_ref", "registered_on",
                "officer_name", "member_mode", "stopped_on", "stop_reason"}
COMMITTEE_FIELDS = ("division_id", "position", "position_other", "name", "national_id", "term_start", "term_end",
                    "left_on", "left_reason")
MEMBER_FIELDS = ("member_no", "name", "national_id", "joined_on", "kind", "shares", "is_minor", "guardian_consent",
                 "left_on", "leave_reason")
BENEFICIARY_FIELDS = ("name", "national_id", "relation", "share_percent", "ended_on")
COUNT_FIELDS = ("counted_on", "ordinary", "associate", "honorary")
TEXT_FIELDS = {"name", "registration_ref", "officer_name", "stop_reason", "position_other", "left_reason",
               "member_no", "leave_reason", "relation", "national_id"}


# --- helpers -----------------------------------------------------------------------------------------

def _today() -> date:
    return timezone.localdate()


def _check(user, district_code: str) -> None:
    if not keeps_registry(user, district_code):
        raise PermissionDenied(_("แก้ไขทะเบียนกลุ่มได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของกลุ่มนั้น"))


def _audit_values(values: dict) -> dict:
    """A snapshot as the audit trail keeps it: a national ID masked (the trail is read by many)."""
    return {k: national_id.masked(v) if k == "national_id" else v for k, v in values.items()}


def _snap(obj, fields) -> dict:
    return _audit_values(snapshot(obj, fields))


def _created(user, obj, fields, district_code: str) -> None:
    record(user, AuditEntry.Action.CREATE, obj, district_code=district_code,
           changes={k: str(v) for k, v in _snap(obj, fields).items() if v not in (None, "")})


def _diff(before: dict, after: dict) -> dict:
    """What changed, for the audit trail: a national ID masked on both sides (marked changed even when the
    masked forms coincide)."""
    changes = diff(_audit_values(before), _audit_values(after))
    if "national_id" in after and before.get("national_id") != after.get("national_id"):
        changes["national_id"] = [national_id.masked(before.get("national_id")) or "–",
                                  national_id.masked(after.get("national_id")) or "–"]
    return changes


def _saved_changes(user, obj, before: dict, fields, district_code: str, event: str | None = None) -> bool:
    """Save `obj` and record what changed since `before` (raw values) as one entry, named by `event` when the
    change is one of state (stopped, left, ended); nothing changed: nothing written."""
    changes = _diff(before, snapshot(obj, fields))
    if not changes:
        return False
    if event:
        changes = {"event": event, **changes}
    obj.updated_by = user
    obj.save()
    record(user, AuditEntry.Action.UPDATE, obj, changes=changes, district_code=district_code)
    return True


@contextmanager
def _changing(obj, fields):
    """The values before a change; a refused change (ValidationError) puts them back on the object."""
    before = snapshot(obj, fields)
    try:
        yield before
    except ValidationError:
        for key, value in before.items():
            setattr(obj, key, value)
        raise


def _assign(obj, fields: dict, allowed) -> None:
    for key, value in fields.items():
        target = f"{key}_id" if f"{key}_id" in allowed else key
        if target not in allowed:
            raise TypeError(f"{type(obj).__name__} has no field {key!r} to set")
        if key in TEXT_FIELDS:
            value = " ".join((value or "").split()) if key != "national_id" else national_id.normalise(value)
        setattr(obj, key, value)


def _required(value, field: str, message: str) -> None:
    if value in (None, "") or (isinstance(value, str) and not value.strip()):
        raise ValidationError({field: message})


def _not_future(value: date | None, field: str, message: str) -> None:
    if value and value > _today():
        raise ValidationError({field: message})


def _national_id(value: str) -> None:
    try:
        national_id.validate(value)
    except ValidationError as exc:
        raise ValidationError({"national_id": exc.messages}) from None


# --- the group ---------------------------------------------------------------------------------------

def _validate(group: SavingsGroup) -> None:
    name = " ".join((group.name or "").split())
    if not name:
        raise ValidationError({"name": _("กรุณากรอกชื่อกลุ่ม")})
    group.name = name
    if group.village_id and group.village.subdistrict.district_id != group.district_id:
        raise ValidationError({"village": _("หมู่บ้านนี้ไม่อยู่ในอำเภอของกลุ่ม")})
    if group.founded_on and group.founded_on > date.today():
        raise ValidationError({"founded_on": _("วันที่ก่อตั้งต้องไม่เป็นวันในอนาคต")})
    if group.savings_day is not None and not 1 <= group.savings_day <= 31:
        raise ValidationError({"savings_day": _("วันรับฝากเงินสัจจะต้องเป็นวันที่ ๑ ถึง ๓๑ ของเดือน")})
    if group.member_mode not in SavingsGroup.MemberMode.values:
        raise ValidationError({"member_mode": _("กรุณาเลือกวิธีเก็บข้อมูลสมาชิก")})
    _not_future(group.registered_on, "registered_on", _("วันที่ขึ้นทะเบียนต้องไม่เป็นวันในอนาคต"))
    if group.stopped_on:
        _not_future(group.stopped_on, "stopped_on", _("วันที่เลิกดำเนินการต้องไม่เป็นวันในอนาคต"))
        if group.founded_on and group.stopped_on < group.founded_on:
            raise ValidationError({"stopped_on": _("วันที่เลิกดำเนินการต้องไม่ก่อนวันที่ก่อตั้ง")})
    clash = SavingsGroup.objects.filter(district_id=group.district_id, name=name).exclude(pk=group.pk)
    if clash.exists():
        raise ValidationError({"name": _("อำเภอนี้มีกลุ่มชื่อ «%(name)s» อยู่แล้ว") % {"name": name}})


def _stopping(group: SavingsGroup) -> None:
    """is_active and the stop date agree: a stop date means stopped; stopping without a date is today;
    a group that resumes keeps its earlier stop in the history only."""
    if group.stopped_on:
        group.is_active = False
    elif not group.is_active:
        group.stopped_on = _today()
    if group.is_active:
        group.stop_reason = ""


def _save(group: SavingsGroup) -> None:
    try:
        with transaction.atomic():
            group.save()
    except IntegrityError as exc:  # a concurrent insert of the same name
        raise ValidationError({"name": _("อำเภอนี้มีกลุ่มชื่อ «%(name)s» อยู่แล้ว") % {"name": group.name}}) from exc


def _group_fields(group: SavingsGroup, fields: dict) -> None:
    for key, value in fields.items():
        if key not in GROUP_INPUTS:
            raise TypeError(f"SavingsGroup has no field {key!r} to set")
        if key in TEXT_FIELDS:
            value = " ".join((value or "").split())
        if key == "member_mode" and not value:
            value = SavingsGroup.MemberMode.REGISTER
        setattr(group, key, value)


@transaction.atomic
def create_group(user, *, district, name: str, village=None, founded_on: date | None = None,
                 is_active: bool = True, **fields) -> SavingsGroup:
    _check(user, district.pk)
    group = SavingsGroup(district=district, village=village, name=name, founded_on=founded_on, is_active=is_active,
                         created_by=user, updated_by=user)
    _group_fields(group, fields)
    _stopping(group)
    _validate(group)
    _save(group)
    _created(user, group, FIELDS, group.district_id)
    return group


@transaction.atomic
def update_group(user, group: SavingsGroup, **fields) -> SavingsGroup:
    """Change the group's registry data; a group is never deleted (reports name it): one that has stopped
    is marked inactive with the date (today unless given) and the reason."""
    _check(user, group.district_id)
    with _changing(group, FIELDS) as before:
        was_active = group.is_active
        if fields.get("is_active") is True and not was_active:
            fields.setdefault("stopped_on", None)
        _group_fields(group, fields)
        _stopping(group)
        _validate(group)
        changes = _diff(before, snapshot(group, FIELDS))
        if not changes:
            return group
        if was_active != group.is_active:
            changes = {"event": "stop" if was_active else "resume", **changes}
        group.updated_by = user
        _save(group)
        record(user, AuditEntry.Action.UPDATE, group, changes=changes, district_code=group.district_id)
    return group


def stop_group(user, group: SavingsGroup, *, on: date | None, reason: str) -> SavingsGroup:
    """The group stops operating (เลิกดำเนินการ): the date and the reason are kept; nothing is deleted."""
    _check(user, group.district_id)
    if not group.is_active:
        raise ValidationError({"stopped_on": _("กลุ่มนี้เลิกดำเนินการแล้ว")})
    _required(on, "stopped_on", _("กรุณากรอกวันที่เลิกดำเนินการ"))
    _required(reason, "stop_reason", _("กรุณากรอกเหตุที่เลิกดำเนินการ"))
    return update_group(user, group, is_active=False, stopped_on=on, stop_reason=reason)


def resume_group(user, group: SavingsGroup) -> SavingsGroup:
    """A stopped group operates again (the earlier stop stays in the history)."""
    return update_group(user, group, is_active=True, stopped_on=None, stop_reason="")


# --- the committee -----------------------------------------------------------------------------------

def _validate_committee(member: GroupCommitteeMember, *, new: bool) -> None:
    _required(member.name, "name", _("กรุณากรอกชื่อ-สกุลของกรรมการ"))
    _required(member.division_id, "division", _("กรุณาเลือกฝ่ายของคณะกรรมการ"))
    if new and not member.division.is_active:
        raise ValidationError({"division": _("ฝ่ายนี้เลิกใช้แล้ว กรุณาเลือกฝ่ายอื่น")})
    if member.position not in GroupCommitteeMember.Position.values:
        raise ValidationError({"position": _("กรุณาเลือกตำแหน่ง")})
    if member.position == GroupCommitteeMember.Position.OTHER:
        _required(member.position_other, "position_other", _("ตำแหน่ง «อื่น ๆ» ต้องระบุชื่อตำแหน่ง"))
    else:
        member.position_other = ""
    _national_id(member.national_id)
    _required(member.term_start, "term_start", _("กรุณากรอกวันเริ่มวาระ"))
    if member.term_end and member.term_end < member.term_start:
        raise ValidationError({"term_end": _("วันครบวาระต้องไม่ก่อนวันเริ่มวาระ")})
    if member.left_on:
        if member.left_on < member.term_start:
            raise ValidationError({"left_on": _("วันที่พ้นจากตำแหน่งต้องไม่ก่อนวันเริ่มวาระ")})
        _not_future(member.left_on, "left_on", _("วันที่พ้นจากตำแหน่งต้องไม่เป็นวันในอนาคต"))
    else:
        member.left_reason = ""


@transaction.atomic
def add_committee_member(user, group: SavingsGroup, **fields) -> GroupCommitteeMember:
    _check(user, group.district_id)
    member = GroupCommitteeMember(group=group, created_by=user, updated_by=user)
    _assign(member, fields, COMMITTEE_FIELDS)
    _validate_committee(member, new=True)
    member.save()
    _created(user, member, COMMITTEE_FIELDS, group.district_id)
    return member


@transaction.atomic
def update_committee_member(user, member: GroupCommitteeMember, **fields) -> GroupCommitteeMember:
    _check(user, member.group.district_id)
    fields.pop("group", None)
    with _changing(member, COMMITTEE_FIELDS) as before:
        had_left = member.left_on
        _assign(member, fields, COMMITTEE_FIELDS)
        _validate_committee(member, new=False)
        _saved_changes(user, member, before, COMMITTEE_FIELDS, member.group.district_id,
                       event="left_committee" if member.left_on and not had_left else None)
    return member


def committee_member_leaves(user, member: GroupCommitteeMember, *, on: date | None,
                            reason: str = "") -> GroupCommitteeMember:
    """A committee member leaves on `on` (the last day in office); the row stays in the history."""
    _required(on, "left_on", _("กรุณากรอกวันที่พ้นจากตำแหน่ง"))
    if member.left_on:
        raise ValidationError({"left_on": _("กรรมการคนนี้พ้นจากตำแหน่งแล้ว")})
    return update_committee_member(user, member, left_on=on, left_reason=reason)


@transaction.atomic
def end_term(user, group: SavingsGroup, *, on: date | None, reason: str = "") -> int:
    """The whole committee in office leaves on `on` (a new term is then recorded as new rows)."""
    _check(user, group.district_id)
    _required(on, "left_on", _("กรุณากรอกวันที่ครบวาระ"))
    ended = 0
    for member in group.committee.filter(left_on__isnull=True).select_related("group", "division"):
        committee_member_leaves(user, member, on=on, reason=reason or _("ครบวาระ"))
        ended += 1
    return ended


# --- members -----------------------------------------------------------------------------------------

def next_member_no(group: SavingsGroup) -> str:
    """The number after the highest all-digit member number of the group («1» for the first)."""
    numbers = [int(n) for n in group.members.values_list("member_no", flat=True) if n.isdigit()]
    return str(max(numbers, default=0) + 1)


def _validate_member(member: Member) -> None:
    group = member.group
    _required(member.name, "name", _("กรุณากรอกชื่อ-สกุลของสมาชิก"))
    _required(member.member_no, "member_no", _("กรุณากรอกสมาชิกเลขที่"))
    clash = Member.objects.filter(group=group, member_no=member.member_no).exclude(pk=member.pk)
    if clash.exists():
        raise ValidationError({"member_no": _("กลุ่มนี้มีสมาชิกเลขที่ %(n)s แล้ว (%(name)s)")
                               % {"n": member.member_no, "name": clash.first().name}})
    _national_id(member.national_id)
    if member.national_id and not member.left_on:
        twin = (Member.objects.filter(group=group, national_id=member.national_id, left_on__isnull=True)
                .exclude(pk=member.pk).first())
        if twin is not None:
            raise ValidationError({"national_id": _("เลขประจำตัวประชาชนนี้เป็นของสมาชิกเลขที่ %(n)s (%(name)s) "
                                                    "ของกลุ่มนี้อยู่แล้ว") % {"n": twin.member_no, "name": twin.name}})
    if member.kind not in Member.Kind.values:
        raise ValidationError({"kind": _("กรุณาเลือกประเภทสมาชิก")})
    if member.shares is None or member.shares < 0:
        raise ValidationError({"shares": _("จำนวนหุ้นต้องเป็นจำนวนเต็มตั้งแต่ ๐ ขึ้นไป")})
    _not_future(member.joined_on, "joined_on", _("วันที่เข้าเป็นสมาชิกต้องไม่เป็นวันในอนาคต"))
    if member.is_minor and not member.guardian_consent:
        raise ValidationError({"guardian_consent": _(
            "สมาชิกที่ยังไม่บรรลุนิติภาวะต้องได้รับความยินยอมจากผู้แทนโดยชอบธรรม (บิดา มารดา หรือผู้ปกครอง)")})
    if not member.is_minor:
        member.guardian_consent = False
    if member.left_on:
        _not_future(member.left_on, "left_on", _("วันที่พ้นสภาพต้องไม่เป็นวันในอนาคต"))
        if member.joined_on and member.left_on < member.joined_on:
            raise ValidationError({"left_on": _("วันที่พ้นสภาพต้องไม่ก่อนวันที่เข้าเป็นสมาชิก")})
    else:
        member.leave_reason = ""


@transaction.atomic
def add_member(user, group: SavingsGroup, **fields) -> Member:
    """A member of a group that keeps its member register; a blank member number takes the next one."""
    _check(user, group.district_id)
    if not group.keeps_member_register:
        raise ValidationError({"member_no": _(
            "กลุ่มนี้เก็บเฉพาะจำนวนสมาชิก หากจะบันทึกรายชื่อสมาชิก ให้เปลี่ยนการเก็บข้อมูลสมาชิกของกลุ่มก่อน")})
    member = Member(group=group, created_by=user, updated_by=user)
    _assign(member, fields, MEMBER_FIELDS)
    if not member.member_no:
        member.member_no = next_member_no(group)
    _validate_member(member)
    try:
        with transaction.atomic():
            member.save()
    except IntegrityError as exc:
        raise ValidationError({"member_no": _("กลุ่มนี้มีสมาชิกเลขที่ %(n)s แล้ว") % {"n": member.member_no}}) from exc
    _created(user, member, MEMBER_FIELDS, group.district_id)
    return member


@transaction.atomic
def update_member(user, member: Member, **fields) -> Member:
    _check(user, member.group.district_id)
    fields.pop("group", None)
    with _changing(member, MEMBER_FIELDS) as before:
        had_left = member.left_on
        _assign(member, fields, MEMBER_FIELDS)
        _validate_member(member)
        _saved_changes(user, member, before, MEMBER_FIELDS, member.group.district_id,
                       event="member_left" if member.left_on and not had_left else None)
    return member


def member_leaves(user, member: Member, *, on: date | None, reason: str) -> Member:
    """The member leaves the group (ลาออก, ถึงแก่กรรม, ให้ออก…): date and reason kept; the row stays."""
    _required(on, "left_on", _("กรุณากรอกวันที่พ้นสภาพสมาชิก"))
    _required(reason, "leave_reason", _("กรุณากรอกเหตุที่พ้นสภาพ"))
    if member.left_on:
        raise ValidationError({"left_on": _("สมาชิกคนนี้พ้นสภาพแล้ว")})
    return update_member(user, member, left_on=on, leave_reason=reason)


# --- beneficiaries -----------------------------------------------------------------------------------

def _percent(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise ValidationError({"share_percent": _("ส่วนแบ่งต้องเป็นตัวเลขร้อยละ")}) from None


def _validate_beneficiary(item: Beneficiary) -> None:
    _required(item.name, "name", _("กรุณากรอกชื่อ-สกุลของผู้รับผลประโยชน์"))
    _national_id(item.national_id)
    item.share_percent = _percent(item.share_percent)
    _required(item.share_percent, "share_percent", _("กรุณากรอกส่วนแบ่ง (ร้อยละ)"))
    if not Decimal("0") < item.share_percent <= Decimal("100"):
        raise ValidationError({"share_percent": _("ส่วนแบ่งต้องมากกว่า ๐ และไม่เกินร้อยละ ๑๐๐")})
    if item.ended_on:
        return
    # the member's row is locked: two officers adding beneficiaries at once cannot pass 100 % together
    Member.objects.select_for_update().filter(pk=item.member_id).first()
    others = (Beneficiary.objects.filter(member_id=item.member_id, ended_on__isnull=True).exclude(pk=item.pk)
              .aggregate(total=Sum("share_percent"))["total"] or Decimal("0"))
    if others + item.share_percent > Decimal("100"):
        left = max(Decimal("100") - others, Decimal("0"))
        raise ValidationError({"share_percent": _(
            "ส่วนแบ่งของผู้รับผลประโยชน์ของสมาชิกคนนี้รวมกันเกินร้อยละ ๑๐๐ "
            "(ผู้รับผลประโยชน์อื่นได้รวมร้อยละ %(others)s จึงกำหนดได้อีกไม่เกินร้อยละ %(left)s)")
            % {"others": to_thai_digits(f"{others.normalize():f}"), "left": to_thai_digits(f"{left.normalize():f}")}})


@transaction.atomic
def add_beneficiary(user, member: Member, **fields) -> Beneficiary:
    _check(user, member.group.district_id)
    item = Beneficiary(member=member, created_by=user, updated_by=user)
    _assign(item, fields, BENEFICIARY_FIELDS)
    _validate_beneficiary(item)
    item.save()
    _created(user, item, BENEFICIARY_FIELDS, member.group.district_id)
    return item


@transaction.atomic
def update_beneficiary(user, item: Beneficiary, **fields) -> Beneficiary:
    _check(user, item.member.group.district_id)
    fields.pop("member", None)
    with _changing(item, BENEFICIARY_FIELDS) as before:
        was_ended = item.ended_on
        _assign(item, fields, BENEFICIARY_FIELDS)
        _validate_beneficiary(item)
        _saved_changes(user, item, before, BENEFICIARY_FIELDS, item.member.group.district_id,
                       event="beneficiary_ended" if item.ended_on and not was_ended else None)
    return item


def end_beneficiary(user, item: Beneficiary, *, on: date | None) -> Beneficiary:
    _required(on, "ended_on", _("กรุณากรอกวันที่ยกเลิก"))
    return update_beneficiary(user, item, ended_on=on)


# --- members counted (a district without a member list) -----------------------------------------------

@transaction.atomic
def record_member_count(user, group: SavingsGroup, *, counted_on: date | None, ordinary: int = 0,
                        associate: int = 0, honorary: int = 0) -> MemberCount:
    """The members of each type counted on a date (one count per date: a second one corrects it)."""
    _check(user, group.district_id)
    if group.keeps_member_register:
        raise ValidationError({"counted_on": _(
            "กลุ่มนี้เก็บทะเบียนสมาชิกรายคน จำนวนสมาชิกนับจากทะเบียน หากอำเภอไม่ได้เก็บรายชื่อ "
            "ให้เปลี่ยนการเก็บข้อมูลสมาชิกของกลุ่มเป็น «จำนวนสมาชิกเท่านั้น» ก่อน")})
    _required(counted_on, "counted_on", _("กรุณากรอกวันที่นับ"))
    _not_future(counted_on, "counted_on", _("วันที่นับต้องไม่เป็นวันในอนาคต"))
    values = {"ordinary": ordinary or 0, "associate": associate or 0, "honorary": honorary or 0}
    for key, value in values.items():
        if value < 0:
            raise ValidationError({key: _("จำนวนสมาชิกต้องไม่ติดลบ")})
    count = MemberCount.objects.filter(group=group, counted_on=counted_on).first()
    if count is None:
        count = MemberCount.objects.create(group=group, counted_on=counted_on, created_by=user, updated_by=user,
                                           **values)
        _created(user, count, COUNT_FIELDS, group.district_id)
        return count
    before = snapshot(count, COUNT_FIELDS)
    for key, value in values.items():
        setattr(count, key, value)
    _saved_changes(user, count, before, COUNT_FIELDS, group.district_id)
    return count


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


# The four divisions are UNVERIFIED (fund-registries.md §4): a recollection, not the 2555 regulation's text.
DEFAULT_DIVISIONS = ["คณะกรรมการอำนวยการ", "คณะกรรมการเงินกู้", "คณะกรรมการตรวจสอบ", "คณะกรรมการส่งเสริม"]


def seed_default_divisions() -> int:
    """The default divisions when the table is empty (the data migration seeds them too)."""
    if CommitteeDivision.objects.exists():
        return 0
    CommitteeDivision.objects.bulk_create([CommitteeDivision(name=name, sort_order=n, verified=False)
                                           for n, name in enumerate(DEFAULT_DIVISIONS, start=1)])
    return len(DEFAULT_DIVISIONS)


def active_divisions():
    return CommitteeDivision.objects.filter(is_active=True).order_by("sort_order", "id")
