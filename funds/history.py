"""The savings group's history in Thai: the audit entries of the group, its committee, its members and their
beneficiaries, with field names and events as the page says them (national IDs are masked in the trail)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cdd_portal.audit.models import AuditEntry
from cdd_portal.geo.models import Village
from cdd_portal.thai import thai_date
from funds.models import (
    Beneficiary,
    CommitteeDivision,
    GroupCommitteeMember,
    Member,
    MemberCount,
    SavingsGroup,
)

MODELS = {m._meta.label_lower: m for m in (SavingsGroup, GroupCommitteeMember, Member, Beneficiary, MemberCount)}
EVENTS = {
    "stop": gettext_lazy("กลุ่มเลิกดำเนินการ"),
    "resume": gettext_lazy("กลุ่มกลับมาดำเนินการ"),
    "left_committee": gettext_lazy("กรรมการพ้นจากตำแหน่ง"),
    "member_left": gettext_lazy("สมาชิกพ้นสภาพ"),
    "beneficiary_ended": gettext_lazy("ยกเลิกผู้รับผลประโยชน์"),
}
EXTRA_LABELS = {"village_id": gettext_lazy("หมู่บ้านที่ตั้ง"), "division_id": gettext_lazy("ฝ่าย"),
                "reason": gettext_lazy("เหตุ"), "field": gettext_lazy("ข้อมูล"),
                "purpose": gettext_lazy("วัตถุประสงค์")}


def _label(model, key: str) -> str:
    if key in EXTRA_LABELS:
        return str(EXTRA_LABELS[key])
    try:
        return str(model._meta.get_field(key).verbose_name) if model else key
    except FieldDoesNotExist:  # a key that is not a field (an old entry): shown as it is
        return key


def _show(model, key: str, value, names: dict) -> str:
    """A value as the page says it: a choice by its label, a date in Thai, a division or a village by name."""
    text = str(value)
    if text in {"True", "False", "None", ""}:
        return {"True": _("ใช่"), "False": _("ไม่ใช่")}.get(text, "–")
    if key in names:
        return names[key].get(text, text)
    try:
        field = model._meta.get_field(key) if model else None
    except FieldDoesNotExist:
        field = None
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(text, text))
    if isinstance(field, models.DateField) or key in {"left_on", "stopped_on", "ended_on"}:
        try:
            return thai_date(date.fromisoformat(text))
        except ValueError:
            return text
    return text


def _names(entries) -> dict:
    """Division and village names for the ids the entries name (two queries at most)."""
    ids = {"division_id": set(), "village_id": set()}
    for entry in entries:
        for key in ids:
            value = (entry.changes or {}).get(key)
            for v in value if isinstance(value, list) else [value]:
                if v not in (None, "", "None"):
                    ids[key].add(str(v))
    names = {"division_id": {}, "village_id": {}}
    if ids["division_id"]:
        names["division_id"] = {str(pk): name for pk, name in CommitteeDivision.objects.filter(
            pk__in=[int(i) for i in ids["division_id"] if i.isdigit()]).values_list("pk", "name")}
    if ids["village_id"]:
        names["village_id"] = {str(v.pk): f"หมู่ที่ {v.number} {v.name_th}" for v in Village.objects.filter(
            pk__in=[int(i) for i in ids["village_id"] if i.isdigit()])}
    return names


def readable(entries) -> list[dict]:
    entries = list(entries)
    names = _names(entries)
    out = []
    for entry in entries:
        model = MODELS.get(entry.object_type)
        changes = dict(entry.changes or {})
        event = changes.pop("event", None)
        action = str(EVENTS.get(event, entry.get_action_display()))
        rows = []
        for key, value in changes.items():
            if isinstance(value, list) and len(value) == 2:
                rows.append((_label(model, key), _show(model, key, value[0], names),
                             _show(model, key, value[1], names)))
            else:
                rows.append((_label(model, key), None, _show(model, key, value, names)))
        out.append({"at": entry.at, "username": entry.username, "action": action,
                    "what": f"{model._meta.verbose_name if model else entry.object_type}: {entry.object_repr}",
                    "rows": rows})
    return out


def _of(q: Q, limit: int) -> list[dict]:
    return readable(AuditEntry.objects.filter(q).order_by("-at", "-id")[:limit])


def _q(model, ids) -> Q:
    """Entries of `model` for `ids`: a list, or a queryset (then a subquery of the ids as text)."""
    if isinstance(ids, QuerySet):
        ids = ids.annotate(text_id=Cast("id", CharField())).values("text_id")
    else:
        ids = [str(i) for i in ids]
    return Q(object_type=model._meta.label_lower, object_id__in=ids)


def of_group(group: SavingsGroup, limit: int = 50) -> list[dict]:
    """The group's own entries and those of its committee, members, beneficiaries and counts (one query)."""
    q = (_q(SavingsGroup, [group.pk]) | _q(GroupCommitteeMember, group.committee.all())
         | _q(Member, group.members.all()) | _q(MemberCount, group.member_counts.all())
         | _q(Beneficiary, Beneficiary.objects.filter(member__group=group)))
    return _of(q, limit)


def of_member(member: Member, limit: int = 50) -> list[dict]:
    return _of(_q(Member, [member.pk]) | _q(Beneficiary, member.beneficiaries.all()), limit)


def of_object(obj, limit: int = 50) -> list[dict]:
    return _of(_q(type(obj), [obj.pk]), limit)
