"""Writes to the handover book: every rule, permission check and audit entry lives here.

- A handover is recorded by the district office that keeps the funds (`scoping.keeps_registry`).
- An officer handover is signed by each officer with their own login (ลงนามส่งมอบ / ลงนามรับมอบ); when
  both have signed the record is locked and the incoming officer becomes the responsible officer of its
  funds (`Responsibility`). A checklist change after one signature takes that signature back (the other
  party signs what is on the record now).
- A committee handover is signed on paper: the signed scan is uploaded and the district office confirms.
- Nothing is deleted: a record not yet signed is cancelled with a reason; an item missing at the handover
  is received later through a follow-up (`ItemReceipt`), the signed record stays as it was.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal.accounts.models import User
from cdd_portal.accounts.scoping import KEEP, keeps_registry, restrict
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import record
from cdd_portal.files import services as files
from funds import kinds
from funds.handovers.models import ChecklistItem, Handover, HandoverFund, ItemReceipt, Responsibility

SCAN_FILE = "signed-scan"


# --- helpers -----------------------------------------------------------------------------------------

def _check_keeper(user, district_code: str) -> None:
    if not keeps_registry(user, district_code):
        raise PermissionDenied(_("บันทึกการส่งมอบงานได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอที่ดูแลกองทุนนั้น"))


def _open(handover: Handover) -> None:
    if handover.status == Handover.Status.SIGNED:
        raise ValidationError(_("บันทึกนี้ลงนามครบแล้ว แก้ไขไม่ได้"))
    if handover.status == Handover.Status.CANCELLED:
        raise ValidationError(_("บันทึกนี้ถูกยกเลิกแล้ว"))


def _today(today: date | None) -> date:
    return today or timezone.localdate()


def kind_of(code: str) -> kinds.FundKind:
    kind = kinds.get(code)
    if kind is None:
        raise ValidationError({"funds": _("ไม่รู้จักประเภทกองทุน «%(code)s»") % {"code": code}})
    return kind


def fund_district(kind: kinds.FundKind, fund) -> str:
    """The fund's district code, through the kind's `district_field` path."""
    value = fund
    for part in kind.district_field.split("__"):
        value = getattr(value, part)
    return getattr(value, "pk", value)


def kept_funds(user, kind: kinds.FundKind, district_code: str):
    """The funds of a kind the user may hand over in a district (their own district's)."""
    qs = restrict(kind.model()._default_manager.all(), user, KEEP, district_field=kind.district_field)
    return qs.filter(**{kind.district_field: district_code})


def district_officers(district_code: str):
    """The users of a district office (who may give and take a handover)."""
    return (User.objects.filter(office__district_id=district_code, is_active=True)
            .order_by("first_name", "last_name", "username"))


def frozen_status(kind: kinds.FundKind, fund) -> list[list[str]]:
    if kind.status is None:
        return []
    return [[str(label), str(value)] for label, value in kind.status(fund)]


def _resolve_funds(user, district_code: str, funds: list[tuple[str, int]]) -> list[tuple[kinds.FundKind, object]]:
    """[(kind_code, fund id)] -> [(kind, fund)]: each fund must be one the user keeps in this district."""
    if not funds:
        raise ValidationError({"funds": _("กรุณาเลือกกองทุนที่ส่งมอบอย่างน้อย ๑ กองทุน")})
    out, seen = [], set()
    for code, pk in funds:
        kind = kind_of(code)
        if (code, int(pk)) in seen:
            continue
        seen.add((code, int(pk)))
        fund = kept_funds(user, kind, district_code).filter(pk=pk).first()
        if fund is None:
            raise ValidationError({"funds": _("ไม่พบกองทุนรหัส %(pk)s ในอำเภอที่คุณบันทึกได้") % {"pk": pk}})
        out.append((kind, fund))
    return out


def _add_lines(handover: Handover, resolved) -> None:
    for kind, fund in resolved:
        line = HandoverFund.objects.create(handover=handover, kind_code=kind.code, fund_id=fund.pk,
                                           fund_label=str(fund)[:300], status=frozen_status(kind, fund))
        ChecklistItem.objects.bulk_create([ChecklistItem(line=line, code=code, label=str(label))
                                           for code, label in kind.handover_items])


def _summary(handover: Handover) -> dict:
    return {"kind": handover.kind, "date": handover.date.isoformat(), "reason": handover.reason,
            "funds": [f"{line.kind_code}:{line.fund_id}" for line in handover.funds.all()]}


# --- creating ----------------------------------------------------------------------------------------

@transaction.atomic
def create_officer_handover(user, *, district, outgoing_user, incoming_user, date, reason, funds,
                            outgoing_position: str = "", incoming_position: str = "", reason_note: str = "",
                            note: str = "", today: date | None = None) -> Handover:
    """An officer hands over the funds `[(kind_code, fund id)]` of the district to another officer."""
    district_code = getattr(district, "pk", district)
    _check_keeper(user, district_code)
    errors = {}
    officers = district_officers(district_code)
    if outgoing_user is None or not officers.filter(pk=outgoing_user.pk).exists():
        errors["outgoing_user"] = _("ผู้ส่งมอบต้องเป็นเจ้าหน้าที่ของสำนักงานพัฒนาชุมชนอำเภอนี้")
    if incoming_user is None or not officers.filter(pk=incoming_user.pk).exists():
        errors["incoming_user"] = _("ผู้รับมอบต้องเป็นเจ้าหน้าที่ของสำนักงานพัฒนาชุมชนอำเภอนี้")
    elif outgoing_user is not None and outgoing_user.pk == incoming_user.pk:
        errors["incoming_user"] = _("ผู้รับมอบต้องไม่ใช่คนเดียวกับผู้ส่งมอบ")
    errors.update(_common_errors(date, reason, reason_note, today))
    if errors:
        raise ValidationError(errors)
    resolved = _resolve_funds(user, district_code, funds)
    handover = Handover.objects.create(
        district_id=district_code, kind=Handover.Kind.OFFICER, date=date, reason=reason,
        reason_note=(reason_note or "").strip(), note=(note or "").strip(),
        outgoing_user=outgoing_user, incoming_user=incoming_user,
        outgoing_position=(outgoing_position or outgoing_user.position or "").strip(),
        incoming_position=(incoming_position or incoming_user.position or "").strip(),
        created_by=user, updated_by=user)
    _add_lines(handover, resolved)
    record(user, AuditEntry.Action.CREATE, handover, district_code=district_code, changes={
        **_summary(handover), "outgoing": outgoing_user.username, "incoming": incoming_user.username})
    return handover


@transaction.atomic
def create_committee_handover(user, *, district, fund, date, reason, outgoing_chair, incoming_chair,
                              outgoing_members: str = "", incoming_members: str = "", witness_name: str = "",
                              witness_position: str = "", reason_note: str = "", note: str = "",
                              today: date | None = None) -> Handover:
    """One fund's outgoing committee hands over to the incoming one; `fund` is (kind_code, fund id)."""
    district_code = getattr(district, "pk", district)
    _check_keeper(user, district_code)
    errors = _common_errors(date, reason, reason_note, today)
    if not (outgoing_chair or "").strip():
        errors["outgoing_chair"] = _("กรุณากรอกชื่อประธานคณะกรรมการชุดเดิม")
    if not (incoming_chair or "").strip():
        errors["incoming_chair"] = _("กรุณากรอกชื่อประธานคณะกรรมการชุดใหม่")
    if not (witness_name or "").strip():
        errors["witness_name"] = _("กรุณากรอกชื่อพยาน (พัฒนากรผู้ประสานงานตำบล)")
    if errors:
        raise ValidationError(errors)
    resolved = _resolve_funds(user, district_code, [fund] if fund else [])
    handover = Handover.objects.create(
        district_id=district_code, kind=Handover.Kind.COMMITTEE, date=date, reason=reason,
        reason_note=(reason_note or "").strip(), note=(note or "").strip(),
        outgoing_chair=outgoing_chair.strip(), incoming_chair=incoming_chair.strip(),
        outgoing_members=(outgoing_members or "").strip(), incoming_members=(incoming_members or "").strip(),
        witness_name=witness_name.strip(), witness_position=(witness_position or "").strip(),
        created_by=user, updated_by=user)
    _add_lines(handover, resolved)
    record(user, AuditEntry.Action.CREATE, handover, district_code=district_code, changes={
        **_summary(handover), "outgoing_chair": handover.outgoing_chair, "incoming_chair": handover.incoming_chair})
    return handover


def _common_errors(when, reason, reason_note, today) -> dict:
    errors = {}
    if when is None:
        errors["date"] = _("กรุณากรอกวันที่ส่งมอบ")
    elif when > _today(today):
        errors["date"] = _("วันที่ส่งมอบต้องไม่เป็นวันในอนาคต")
    if reason not in Handover.Reason.values:
        errors["reason"] = _("กรุณาเลือกเหตุที่ส่งมอบ")
    elif reason == Handover.Reason.OTHER and not (reason_note or "").strip():
        errors["reason_note"] = _("เหตุอื่น ๆ: กรุณาระบุรายละเอียด")
    return errors


# --- the checklist -----------------------------------------------------------------------------------

@transaction.atomic
def update_checklist(user, handover: Handover, values: dict[int, dict]) -> int:
    """`values`: {item id: {"received": bool, "complete": bool, "note": str}}. Returns how many changed.
    A change after one officer signed takes the signature back (audited)."""
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    _check_keeper(user, handover.district_id)
    _open(handover)
    items = {i.pk: i for i in ChecklistItem.objects.filter(line__handover=handover).select_related("line")}
    changes = {}
    for pk, new in values.items():
        item = items.get(int(pk))
        if item is None:
            raise ValidationError(_("ไม่พบรายการตรวจรับรหัส %(pk)s ในบันทึกนี้") % {"pk": pk})
        received = bool(new.get("received", item.received))
        complete = bool(new.get("complete", item.complete)) and received
        note = (new.get("note", item.note) or "").strip()[:300]
        if (received, complete, note) != (item.received, item.complete, item.note):
            changes[f"{item.line.fund_label}: {item.label}"] = [
                _item_text(item.received, item.complete, item.note), _item_text(received, complete, note)]
            item.received, item.complete, item.note = received, complete, note
            item.save(update_fields=["received", "complete", "note"])
    if not changes:
        return 0
    withdrawn = _withdraw_signatures(handover)
    handover.updated_by = user
    handover.save()
    record(user, AuditEntry.Action.UPDATE, handover, district_code=handover.district_id,
           changes={"checklist": changes, **({"signatures_withdrawn": withdrawn} if withdrawn else {})})
    return len(changes)


def _item_text(received: bool, complete: bool, note: str) -> str:
    """A checklist item's state as the history shows it."""
    text = (_("ได้รับ, ครบถ้วน") if complete else _("ได้รับ, ไม่ครบถ้วน")) if received else _("ยังไม่ได้รับมอบ")
    return f"{text} ({note})" if note else text


def _withdraw_signatures(handover: Handover) -> list[str]:
    withdrawn = []
    if handover.outgoing_signed_at:
        handover.outgoing_signed_at = None
        withdrawn.append("outgoing")
    if handover.incoming_signed_at:
        handover.incoming_signed_at = None
        withdrawn.append("incoming")
    return withdrawn


# --- signing -----------------------------------------------------------------------------------------

def may_sign(user, handover: Handover) -> str | None:
    """Which side `user` may sign now ("outgoing" / "incoming"), or None."""
    if handover.kind != Handover.Kind.OFFICER or handover.status != Handover.Status.PENDING:
        return None
    if not keeps_registry(user, handover.district_id):
        return None
    if user.pk == handover.outgoing_user_id and not handover.outgoing_signed_at:
        return "outgoing"
    if user.pk == handover.incoming_user_id and not handover.incoming_signed_at:
        return "incoming"
    return None


@transaction.atomic
def sign(user, handover: Handover, *, now=None) -> Handover:
    """The officer signs their side with their own login; the second signature locks the record and
    moves the responsibility for its funds to the incoming officer."""
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    if handover.kind != Handover.Kind.OFFICER:
        raise ValidationError(_("การส่งมอบงานของคณะกรรมการลงนามในเอกสาร แล้วแนบไฟล์และให้อำเภอยืนยัน"))
    _open(handover)
    if user.pk not in (handover.outgoing_user_id, handover.incoming_user_id) \
            or not keeps_registry(user, handover.district_id):
        raise PermissionDenied(_("ลงนามได้เฉพาะผู้ส่งมอบและผู้รับมอบตามบันทึกนี้ ด้วยบัญชีผู้ใช้ของตนเอง"))
    side = may_sign(user, handover)
    if side is None:
        raise ValidationError(_("คุณลงนามในบันทึกนี้แล้ว"))
    now = now or timezone.now()
    setattr(handover, f"{side}_signed_at", now)
    handover.updated_by = user
    completed = bool(handover.outgoing_signed_at and handover.incoming_signed_at)
    if completed:
        handover.status = Handover.Status.SIGNED
    handover.save()
    record(user, AuditEntry.Action.TRANSITION, handover, district_code=handover.district_id,
           changes={"signed": side, "at": now.isoformat(), **({"status": "signed"} if completed else {})})
    if completed:
        _move_responsibility(user, handover)
    return handover


def _move_responsibility(user, handover: Handover) -> None:
    for line in handover.funds.all():
        current = Responsibility.objects.select_for_update().filter(
            kind_code=line.kind_code, fund_id=line.fund_id, until__isnull=True).first()
        if current is not None:
            current.until = handover.date
            current.updated_by = user
            current.save()
            record(user, AuditEntry.Action.UPDATE, current, district_code=handover.district_id,
                   changes={"until": [None, handover.date.isoformat()], "handover": handover.pk})
        new = Responsibility.objects.create(
            kind_code=line.kind_code, fund_id=line.fund_id, district_id=handover.district_id,
            officer_id=handover.incoming_user_id, position=handover.incoming_position, since=handover.date,
            handover=handover, created_by=user, updated_by=user)
        record(user, AuditEntry.Action.CREATE, new, district_code=handover.district_id,
               changes={"officer": handover.incoming_user.username, "since": handover.date.isoformat(),
                        "handover": handover.pk})


@transaction.atomic
def attach_scan(user, handover: Handover, upload):
    """The signed paper of a committee handover (PDF or image, checked by content)."""
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    _check_keeper(user, handover.district_id)
    if handover.kind != Handover.Kind.COMMITTEE:
        raise ValidationError({"file": _("การส่งมอบงานของเจ้าหน้าที่ลงนามด้วยบัญชีผู้ใช้ ไม่ต้องแนบไฟล์")})
    _open(handover)
    return files.attach(user, handover, upload, purpose=SCAN_FILE, district_code=handover.district_id)


@transaction.atomic
def confirm(user, handover: Handover, *, now=None) -> Handover:
    """The district office confirms a committee handover whose signed scan is attached: locked."""
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    _check_keeper(user, handover.district_id)
    if handover.kind != Handover.Kind.COMMITTEE:
        raise ValidationError(_("การส่งมอบงานของเจ้าหน้าที่ต้องลงนามโดยผู้ส่งมอบและผู้รับมอบ"))
    _open(handover)
    if not files.attachments_of(handover, SCAN_FILE).exists():
        raise ValidationError({"file": _("กรุณาแนบไฟล์บันทึกการส่งมอบที่ลงนามแล้วก่อนยืนยัน")})
    now = now or timezone.now()
    handover.status = Handover.Status.SIGNED
    handover.confirmed_by = user
    handover.confirmed_at = now
    handover.updated_by = user
    handover.save()
    record(user, AuditEntry.Action.TRANSITION, handover, district_code=handover.district_id,
           changes={"status": "signed", "confirmed_at": now.isoformat()})
    return handover


@transaction.atomic
def cancel(user, handover: Handover, *, reason: str, now=None) -> Handover:
    """A record not yet signed by all is cancelled, with the reason; it stays readable."""
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    _check_keeper(user, handover.district_id)
    if handover.status == Handover.Status.SIGNED:
        raise ValidationError(_("บันทึกที่ลงนามครบแล้วยกเลิกไม่ได้ หากมีรายการที่ได้รับภายหลังให้บันทึกการรับมอบเพิ่มเติม"))
    _open(handover)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"cancel_reason": _("กรุณาระบุเหตุที่ยกเลิก")})
    now = now or timezone.now()
    handover.status = Handover.Status.CANCELLED
    handover.cancel_reason = reason[:300]
    handover.cancelled_at = now
    handover.cancelled_by = user
    handover.updated_by = user
    handover.save()
    record(user, AuditEntry.Action.TRANSITION, handover, district_code=handover.district_id,
           changes={"status": "cancelled", "reason": handover.cancel_reason})
    return handover


# --- follow-up ---------------------------------------------------------------------------------------

@transaction.atomic
def receive_item(user, item: ChecklistItem, *, received_on, note: str = "", today: date | None = None) -> ItemReceipt:
    """An item missing at a signed handover was received later: the flag on the fund goes away."""
    item = ChecklistItem.objects.select_related("line__handover").get(pk=item.pk)
    handover = item.line.handover
    _check_keeper(user, handover.district_id)
    if handover.status != Handover.Status.SIGNED:
        raise ValidationError(_("บันทึกการรับมอบเพิ่มเติมได้เมื่อบันทึกการส่งมอบลงนามครบแล้ว "
                                "(ก่อนลงนามให้แก้ไขรายการตรวจรับได้โดยตรง)"))
    if item.received or item.receipts.exists():
        raise ValidationError(_("รายการนี้ได้รับมอบแล้ว"))
    if received_on is None:
        raise ValidationError({"received_on": _("กรุณากรอกวันที่ได้รับ")})
    if received_on > _today(today):
        raise ValidationError({"received_on": _("วันที่ได้รับต้องไม่เป็นวันในอนาคต")})
    if received_on < handover.date:
        raise ValidationError({"received_on": _("วันที่ได้รับต้องไม่ก่อนวันที่ส่งมอบ")})
    receipt = ItemReceipt.objects.create(item=item, received_on=received_on, note=(note or "").strip()[:300],
                                         recorded_by=user)
    record(user, AuditEntry.Action.UPDATE, handover, district_code=handover.district_id,
           changes={"received_later": f"{item.line.kind_code}:{item.line.fund_id}:{item.code}",
                    "received_on": received_on.isoformat(), "note": receipt.note})
    return receipt


# --- responsibility without a handover (the first assignment) -----------------------------------------

@transaction.atomic
def assign(user, *, kind_code: str, fund_id: int, officer, since, position: str = "") -> Responsibility:
    """Name the responsible officer of a fund that has none yet (later changes go through a handover)."""
    kind = kind_of(kind_code)
    fund = kind.model()._default_manager.filter(pk=fund_id).first()
    if fund is None:
        raise ValidationError({"fund": _("ไม่พบกองทุน")})
    district_code = fund_district(kind, fund)
    _check_keeper(user, district_code)
    if officer is None or not district_officers(district_code).filter(pk=officer.pk).exists():
        raise ValidationError({"officer": _("เจ้าหน้าที่ผู้รับผิดชอบต้องเป็นเจ้าหน้าที่ของสำนักงานพัฒนาชุมชนอำเภอนี้")})
    if since is None:
        raise ValidationError({"since": _("กรุณากรอกวันที่เริ่มรับผิดชอบ")})
    if Responsibility.objects.filter(kind_code=kind_code, fund_id=fund_id, until__isnull=True).exists():
        raise ValidationError({"officer": _("กองทุนนี้มีเจ้าหน้าที่ผู้รับผิดชอบแล้ว การเปลี่ยนผู้รับผิดชอบต้องทำบันทึกการส่งมอบงาน")})
    item = Responsibility.objects.create(kind_code=kind_code, fund_id=fund_id, district_id=district_code,
                                         officer=officer, position=(position or officer.position or "").strip(),
                                         since=since, created_by=user, updated_by=user)
    record(user, AuditEntry.Action.CREATE, item, district_code=district_code,
           changes={"officer": officer.username, "since": since.isoformat()})
    return item
