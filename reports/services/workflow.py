"""The submission workflow (design.md §4): locks, what a user may do, opening, saving, filling again
from the registries, submitting, and the reviewer's decisions. Who may act is decided by
`cdd_portal.accounts.scoping` (`fills_reports_of`, `reviews_reports_of`); this module applies it."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal.accounts.models import Office
from cdd_portal.accounts.scoping import fills_reports_of, reviewing_level, reviews_reports_of
from cdd_portal.thai import thai_date
from reports import schema as engine
from reports import selectors
from reports.models import FormDefinition, LockException, Period, Submission, SubmissionEvent
from reports.services import figures
from reports.services.prefill import prefill, refill_data

S = Submission.Status


class VersionConflict(ValidationError):
    pass


# --- locks and permissions --------------------------------------------------------------------------

def lock_reason(submission: Submission, today: date | None = None) -> str | None:
    """Why the data cannot be changed now, in Thai, or None. Three reasons, three messages (DHIS2)."""
    today = today or timezone.localdate()
    reviewer = (_("กรม") if reviewing_level(submission.office) == Office.Level.DEPARTMENT else _("จังหวัด"))
    if submission.status == S.APPROVED:
        return _("รายงานนี้อนุมัติแล้ว แก้ไขไม่ได้ (%(reviewer)sเปิดให้แก้ไขได้ด้วยการเปิดรายงานใหม่)") % {"reviewer": reviewer}
    period = submission.period
    if today < period.start:
        return _("ยังไม่ถึงรอบรายงานนี้ (เปิดให้กรอกตั้งแต่ %(d)s)") % {"d": thai_date(period.start)}
    closes = period.due_date + timedelta(days=submission.form.entry_days_after_due)
    if today > closes:
        prefetched = getattr(period, "_prefetched_objects_cache", {}).get("lock_exceptions")
        if prefetched is not None:  # a list of submissions: one query for all their periods' exceptions
            exception = any(e.office_id == submission.office_id and e.until >= today for e in prefetched)
        else:
            exception = LockException.objects.filter(period=period, office=submission.office,
                                                     until__gte=today).exists()
        if not exception:
            return _("พ้นกำหนดการแก้ไขรายงานรอบนี้แล้ว (ปิดรับเมื่อ %(d)s) ขอให้%(reviewer)sเปิดให้แก้ไขเป็นกรณีพิเศษ") % {
                "d": thai_date(closes), "reviewer": reviewer}
    return None


def permissions(user, submission: Submission, today: date | None = None) -> dict:
    """What this user may do now: the API returns it so that no client re-derives the rules."""
    locked = lock_reason(submission, today)
    owner = fills_reports_of(user, submission.office)
    reviewer = reviews_reports_of(user, submission.office)
    editable = submission.status in {S.DRAFT, S.RETURNED}
    return {
        "may_edit": owner and editable and locked is None,
        "may_submit": owner and editable and locked is None,
        "may_approve": reviewer and submission.status == S.SUBMITTED,
        "may_return": reviewer and submission.status == S.SUBMITTED,
        "may_reopen": reviewer and submission.status == S.APPROVED,
        "lock_reason": locked,
    }


# --- submissions ------------------------------------------------------------------------------------

def _event(submission, user, action, from_status="", to_status="", reason="", changes=None):
    SubmissionEvent.objects.create(submission=submission, user=user, action=action, from_status=from_status,
                                   to_status=to_status, reason=reason, changes=changes or {})


def open_submission(user, form: FormDefinition, period: Period) -> Submission:
    """The submission of the user's own office for (form, period), created as a draft on first use and
    prefilled from the registries: a district office's for a district-level form, a province office's
    for a province-level one."""
    office = getattr(user, "office", None)
    if office is None or office.level != form.office_level or not fills_reports_of(user, office):
        if form.office_level == Office.Level.PROVINCE:
            raise PermissionDenied(_("แบบรายงานนี้กรอกโดยสำนักงานพัฒนาชุมชนจังหวัด"))
        raise PermissionDenied(_("แบบรายงานนี้กรอกโดยสำนักงานพัฒนาชุมชนอำเภอ"))
    if period.form_id != form.pk:
        raise ValidationError({"period": _("รอบรายงานไม่ใช่ของแบบรายงานนี้")})
    submission, created = Submission.objects.get_or_create(
        form=form, period=period, office=office,
        defaults={"updated_by": user, "data": prefill(form, period, office)})
    if created:
        _event(submission, user, "create", to_status=S.DRAFT)
    return submission


def _require_edit(user, submission: Submission) -> None:
    """Saving and attaching follow one rule: the owner office, while the submission is open."""
    rights = permissions(user, submission)
    if rights["may_edit"]:
        return
    if not fills_reports_of(user, submission.office):
        raise PermissionDenied(_("แก้ไขได้เฉพาะสำนักงานเจ้าของรายงาน"))
    raise ValidationError(rights["lock_reason"] or _("รายงานสถานะ «%(s)s» แก้ไขไม่ได้")
                          % {"s": submission.get_status_display()})


def _changed_cells(before: dict, after: dict) -> dict:
    keys = set(before) | set(after)
    return {k: [before.get(k), after.get(k)] for k in sorted(keys) if before.get(k) != after.get(k)}


def _locked_current(user, submission: Submission, version: int) -> Submission:
    current = Submission.objects.select_for_update().select_related("form", "period", "office").get(pk=submission.pk)
    _require_edit(user, current)
    if version != current.version:
        raise VersionConflict({"version": _("มีผู้บันทึกรายงานนี้ไปก่อนแล้ว (รุ่นที่ %(theirs)s ขณะที่คุณแก้จากรุ่นที่ %(yours)s): "
                                "ข้อมูลที่คุณกรอกยังอยู่ในหน้าจอ กรุณาเปิดรุ่นล่าสุดแล้วรวมการแก้ไข")
                              % {"theirs": current.version, "yours": version}})
    return current


def _store(user, current: Submission, data: dict, action: str, **signer) -> tuple[Submission, list[dict]]:
    clean, errors = engine.validate_data(current.form.schema, data, references=selectors.references(current))
    changes = _changed_cells(current.data, clean)
    Submission.objects.filter(pk=current.pk).update(data=clean, version=F("version") + 1, updated_by=user,
                                                    updated_at=timezone.now(), **signer)
    _event(current, user, action, current.status, current.status, changes={"sections": sorted(changes)})
    current.refresh_from_db()
    return current, errors


@transaction.atomic
def save_draft(user, submission: Submission, data: dict, *, version: int, signer_name: str | None = None,
               signer_position: str | None = None) -> tuple[Submission, list[dict]]:
    """Save what the user typed, whatever it is (errors are returned, not raised: nothing typed is
    lost), the signer's name and position included when given. A save based on an older version is
    refused with VersionConflict."""
    current = _locked_current(user, submission, version)
    signer = {k: v.strip() for k, v in (("signer_name", signer_name), ("signer_position", signer_position))
              if v is not None}
    return _store(user, current, data, "save", **signer)


@transaction.atomic
def refill(user, submission: Submission, *, version: int) -> tuple[Submission, list[dict]]:
    """Fill a draft again from the registries (a group registered, an activity recorded since the draft
    was opened): prefilled values are brought up to date, what the office typed elsewhere stays."""
    current = _locked_current(user, submission, version)
    data = refill_data(current.form, current.period, current.office, current.data)
    return _store(user, current, data, "refill")


@transaction.atomic
def _transition(user, submission: Submission, *, allowed_from: set[str], to: str, action: str, check: str,
                reason: str = "", **fields) -> Submission:
    current = Submission.objects.select_related("form", "period", "office").get(pk=submission.pk)
    rights = permissions(user, current)
    if not rights[check]:
        is_party = (fills_reports_of(user, current.office) if check == "may_submit"
                    else reviews_reports_of(user, current.office))
        if not is_party:
            raise PermissionDenied(_("คุณไม่มีสิทธิ์ทำรายการนี้กับรายงานของ%(o)s") % {"o": current.office.name_th})
        raise ValidationError(rights["lock_reason"]
                              or _("รายงานสถานะ «%(s)s» ทำรายการนี้ไม่ได้") % {"s": current.get_status_display()})
    # Race-free: the UPDATE only happens if nobody moved the submission meanwhile.
    updated = Submission.objects.filter(pk=current.pk, status__in=allowed_from, version=current.version).update(
        status=to, version=F("version") + 1, **fields)
    if updated != 1:
        raise VersionConflict({"version": _("รายงานนี้เพิ่งถูกเปลี่ยนสถานะโดยผู้อื่น กรุณาโหลดหน้าใหม่")})
    _event(current, user, action, current.status, to, reason=reason)
    current.refresh_from_db()
    if to == S.APPROVED:
        figures.index(current)
    elif action == "reopen":
        figures.unindex(current)
    return current


def submit(user, submission: Submission, *, signer_name: str, signer_position: str) -> Submission:
    clean, errors = engine.validate_data(submission.form.schema, submission.data,
                                         references=selectors.references(submission))
    if errors:
        raise ValidationError([e["message"] for e in errors])
    if not signer_name.strip() or not signer_position.strip():
        raise ValidationError({"signer": _("กรุณาระบุชื่อและตำแหน่งผู้รายงาน")})
    return _transition(user, submission, allowed_from={S.DRAFT, S.RETURNED}, to=S.SUBMITTED, action="submit",
                       check="may_submit", signer_name=signer_name.strip(), signer_position=signer_position.strip(),
                       submitted_at=timezone.now(), submitted_by=user)


def approve(user, submission: Submission) -> Submission:
    return _transition(user, submission, allowed_from={S.SUBMITTED}, to=S.APPROVED, action="approve",
                       check="may_approve", decided_at=timezone.now(), decided_by=user)


def return_submission(user, submission: Submission, *, reason: str) -> Submission:
    if not reason or not reason.strip():
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่ส่งกลับ")})
    return _transition(user, submission, allowed_from={S.SUBMITTED}, to=S.RETURNED, action="return",
                       check="may_return", reason=reason.strip(), return_reason=reason.strip(),
                       decided_at=timezone.now(), decided_by=user)


def reopen(user, submission: Submission, *, reason: str = "") -> Submission:
    return _transition(user, submission, allowed_from={S.APPROVED}, to=S.RETURNED, action="reopen",
                       check="may_reopen", reason=reason.strip(), return_reason=reason.strip())


def may_grant_lock_exception(user, submission: Submission, today: date | None = None) -> bool:
    """Only when the entry window has closed on a submission that is not approved."""
    today = today or timezone.localdate()
    closed = today > submission.period.due_date + timedelta(days=submission.form.entry_days_after_due)
    return closed and submission.status != S.APPROVED and reviews_reports_of(user, submission.office)


def grant_lock_exception(user, period: Period, office: Office, until: date) -> LockException:
    if not reviews_reports_of(user, office):
        raise PermissionDenied(_("เฉพาะผู้ตรวจรายงาน (จังหวัด หรือกรมสำหรับรายงานของจังหวัด) เปิดให้แก้ไขเป็นกรณีพิเศษได้"))
    if until < timezone.localdate():
        raise ValidationError({"until": _("วันที่เปิดให้แก้ไขต้องไม่ย้อนหลัง")})
    exception, _created = LockException.objects.update_or_create(period=period, office=office,
                                                                 defaults={"until": until, "granted_by": user})
    return exception
