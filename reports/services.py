"""Report forms and the submission workflow (design.md §4): every write and every rule."""

from __future__ import annotations

import calendar
import json
from datetime import date, timedelta
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal.accounts.models import DISTRICT_ROLES, PROVINCE_ROLES, Office
from cdd_portal.accounts.scoping import can_manage_province, is_administrator, scope_of
from cdd_portal.thai import THAI_MONTHS, fiscal_quarter_bounds, fiscal_year_bounds, thai_date
from reports import schema as engine
from reports.models import FormDefinition, LockException, Period, Submission, SubmissionEvent

DEFINITIONS_DIR = Path(__file__).resolve().parent / "definitions"
S = Submission.Status


# --- definitions ------------------------------------------------------------------------------------

def save_definition(*, code: str, title: str, period_type: str, schema: dict, fiscal_years: list[int],
                    office_level: str = Office.Level.DISTRICT, due_day: int | None = None,
                    due_date: date | None = None, entry_days_after_due: int = 30, is_builtin: bool = False
                    ) -> FormDefinition:
    """Validate and store a definition. A definition with submissions is never edited in place: a
    changed one becomes the next version."""
    try:
        engine.validate_schema(schema)
    except engine.SchemaError as exc:
        raise ValidationError({"schema": exc.errors}) from exc
    fields = {"title": title, "period_type": period_type, "schema": schema, "fiscal_years": fiscal_years,
              "office_level": office_level, "due_day": due_day, "due_date": due_date,
              "entry_days_after_due": entry_days_after_due, "is_builtin": is_builtin}
    current = FormDefinition.objects.filter(code=code).order_by("-version").first()
    if current is None:
        return FormDefinition.objects.create(code=code, version=1, **fields)
    if all(getattr(current, k) == v for k, v in fields.items()):
        return current
    if current.submissions.exists():
        return FormDefinition.objects.create(code=code, version=current.version + 1, **fields)
    FormDefinition.objects.filter(pk=current.pk).update(**fields)
    current.refresh_from_db()
    return current


def load_builtin_forms() -> list[FormDefinition]:
    """The definitions shipped in reports/definitions/ (after every migrate). A form whose newest
    version an administrator saved in the editor is theirs: the shipped file no longer overwrites it."""
    forms = []
    for path in sorted(DEFINITIONS_DIR.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        spec.pop("source", None)
        current = FormDefinition.objects.filter(code=spec["code"]).order_by("-version").first()
        if current is not None and not current.is_builtin:
            continue
        forms.append(save_definition(is_builtin=True, **spec))
    return forms


# --- periods ----------------------------------------------------------------------------------------

def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _due(form: FormDefinition, end: date) -> date:
    if form.period_type == FormDefinition.PeriodType.ONCE and form.due_date:
        return form.due_date
    if form.due_day:
        nxt = end + timedelta(days=1)
        return date(nxt.year, nxt.month, min(form.due_day, calendar.monthrange(nxt.year, nxt.month)[1]))
    return end + timedelta(days=15)


@transaction.atomic
def generate_periods(form: FormDefinition, fiscal_year: int) -> list[Period]:
    """The periods of one fiscal year, with their due dates; idempotent."""
    start, end = fiscal_year_bounds(fiscal_year)
    spans: list[tuple[str, date, date]] = []
    if form.period_type == FormDefinition.PeriodType.MONTHLY:
        d = start
        while d <= end:
            spans.append((f"{THAI_MONTHS[d.month]} {d.year + 543}", d, _month_end(d.year, d.month)))
            d = _month_end(d.year, d.month) + timedelta(days=1)
    elif form.period_type == FormDefinition.PeriodType.QUARTERLY:
        for q in (1, 2, 3, 4):
            q_start, q_end = fiscal_quarter_bounds(fiscal_year, q)
            spans.append((f"ไตรมาสที่ {q} ปีงบประมาณ {fiscal_year}", q_start, q_end))
    else:
        spans.append((f"ปีงบประมาณ {fiscal_year}", start, end))
    periods = []
    for label, s, e in spans:
        period, _created = Period.objects.get_or_create(
            form=form, start=s, end=e, defaults={"fiscal_year": fiscal_year, "label": label, "due_date": _due(form, e)})
        periods.append(period)
    return periods


def current_forms(level: str | None = None) -> list[FormDefinition]:
    """The newest version of each form (of one office level if given)."""
    qs = FormDefinition.objects.order_by("code", "-version")
    if level:
        qs = qs.filter(office_level=level)
    newest: dict[str, FormDefinition] = {}
    for form in qs:
        newest.setdefault(form.code, form)
    return list(newest.values())


def ensure_periods(forms: list[FormDefinition], fiscal_year: int) -> dict[int, list[Period]]:
    """The periods of `fiscal_year` of each form that is used that year, generated the first time they
    are needed (by a page, the home page's to-do or the reminders); afterwards one query."""
    forms = [f for f in forms if fiscal_year in f.fiscal_years]
    periods: dict[int, list[Period]] = {f.pk: [] for f in forms}
    for period in Period.objects.filter(form__in=forms, fiscal_year=fiscal_year).order_by("start"):
        periods[period.form_id].append(period)
    for form in forms:
        if not periods[form.pk]:
            periods[form.pk] = generate_periods(form, fiscal_year)
    return periods


# --- locks and permissions --------------------------------------------------------------------------

def lock_reason(submission: Submission, today: date | None = None) -> str | None:
    """Why the data cannot be changed now, in Thai, or None. Three reasons, three messages (DHIS2)."""
    today = today or timezone.localdate()
    reviewer = _("กรม") if submission.office.level == Office.Level.PROVINCE else _("จังหวัด")
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


def _is_owner(user, submission: Submission) -> bool:
    """The staff of the office the submission belongs to: a district office's officers, or for a
    province-level form (seed 002's summaries) the province office's staff."""
    scope = scope_of(user)
    office = submission.office
    if office.level == Office.Level.PROVINCE:
        return scope.level == "province" and user.role in PROVINCE_ROLES and office.province_id == scope.province_code
    return scope.level == "district" and user.role in DISTRICT_ROLES and office.district_id == scope.district_code


def _reviews(user, office: Office) -> bool:
    """Who approves, returns, reopens and grants lock exceptions: the province office for its districts'
    reports, the department (an administrator) for a province office's own reports."""
    if office.level == Office.Level.PROVINCE:
        return is_administrator(user)
    return can_manage_province(user, office.province_id)


def _is_reviewer(user, submission: Submission) -> bool:
    return _reviews(user, submission.office)


def permissions(user, submission: Submission, today: date | None = None) -> dict:
    """What this user may do now: the API returns it so that no client re-derives the rules."""
    locked = lock_reason(submission, today)
    owner = _is_owner(user, submission)
    reviewer = _is_reviewer(user, submission)
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
    """The submission of the user's own office for (form, period), created as a draft on first use: a
    district office's for a district-level form, a province office's for a province-level one."""
    scope = scope_of(user)
    if form.office_level == Office.Level.PROVINCE:
        if scope.level != "province" or user.role not in PROVINCE_ROLES:
            raise PermissionDenied(_("แบบรายงานนี้กรอกโดยสำนักงานพัฒนาชุมชนจังหวัด"))
    elif scope.level != "district" or user.role not in DISTRICT_ROLES:
        raise PermissionDenied(_("แบบรายงานนี้กรอกโดยสำนักงานพัฒนาชุมชนอำเภอ"))
    if period.form_id != form.pk:
        raise ValidationError({"period": _("รอบรายงานไม่ใช่ของแบบรายงานนี้")})
    office = (Office.objects.get(level=Office.Level.PROVINCE, province_id=scope.province_code)
              if form.office_level == Office.Level.PROVINCE else Office.objects.get(district_id=scope.district_code))
    submission, created = Submission.objects.get_or_create(
        form=form, period=period, office=office,
        defaults={"updated_by": user, "data": prefill(form, period, office)})
    if created:
        _event(submission, user, "create", to_status=S.DRAFT)
    return submission


def _reference_types(form: FormDefinition) -> set[str]:
    return {f["type"] for section in form.schema["sections"]
            for f in section.get("fields", section.get("columns", [])) if f["type"] in engine.REFERENCE_TYPES}


def _villages_of(office: Office):
    from cdd_portal.geo.models import Village

    if office.district_id:
        return Village.objects.filter(subdistrict__district_id=office.district_id)
    return Village.objects.filter(subdistrict__district__province_id=office.province_id)


def _groups_of(office: Office):
    from funds.models import SavingsGroup

    if office.district_id:
        return SavingsGroup.objects.filter(district_id=office.district_id)
    return SavingsGroup.objects.filter(district__province_id=office.province_id)


def references(submission: Submission, options: dict[str, list[tuple[int, str]]] | None = None) -> dict[str, set]:
    """The ids reference fields of this submission may take: those of its drop-downs
    (`reference_options`, read here unless the caller already has them)."""
    options = reference_options(submission) if options is None else options
    return {kind: {ident for ident, _label in items} for kind, items in options.items()}


def reference_options(submission: Submission) -> dict[str, list[tuple[int, str]]]:
    """The drop-downs of reference fields, (id, Thai label) for each kind the form uses: the villages and
    the savings groups of the office's area (groups that have stopped included, marked as such: an old
    report may name them)."""
    kinds = _reference_types(submission.form)
    out: dict[str, list[tuple[int, str]]] = {}
    if "village" in kinds:
        villages = (_villages_of(submission.office).select_related("subdistrict")
                    .order_by("subdistrict__name_th", "number"))
        out["village"] = [(v.id, f"หมู่ที่ {v.number} {v.name_th} ต.{v.subdistrict.name_th}") for v in villages]
    if "group" in kinds:
        groups = _groups_of(submission.office).select_related("village").order_by("-is_active", "name")
        out["group"] = [(g.id, g.label if g.is_active else f"{g.label} (เลิกดำเนินการ)") for g in groups]
    return out


PREFILL_SOURCES = {"budgets.allocated": "allocated", "budgets.spent": "spent"}


def prefill(form: FormDefinition, period: Period, office: Office) -> dict:
    """Values a new submission starts with, from the registries (design.md §3: prefill sources); the
    district can still change them. Today: what the office received and spent (budgets), and one row
    per active savings group of the district (funds) with the figures that carry over from the
    previous report."""
    from budgets.selectors import office_budget

    data: dict = {}
    for section in form.schema["sections"]:
        spec = section.get("prefill")
        if section["type"] == "table" and isinstance(spec, dict) and spec.get("source") == "funds.savings_groups":
            # one row per savings group of the district that is still active, its name already chosen, and
            # the columns that carry over (members, balances) as the previous report left them
            before = _previous_rows(form, period, office, section["key"], spec["column"])
            carried = spec.get("carry_forward", [])
            data[section["key"]] = [
                {spec["column"]: g.id, **{k: v for k, v in before.get(g.id, {}).items() if k in carried and v is not None}}
                for g in _groups_of(office).filter(is_active=True).order_by("name")]
            continue
        if section["type"] != "fields":
            continue
        for field in section["fields"]:
            spec = field.get("prefill")
            if not isinstance(spec, dict) or spec.get("source") not in PREFILL_SOURCES:
                continue
            budget = office_budget(office, period.fiscal_year, activity_contains=spec.get("activity_contains", ""))
            if budget["count"]:
                data.setdefault(section["key"], {})[field["key"]] = str(budget[PREFILL_SOURCES[spec["source"]]])
    return data


def _previous_rows(form: FormDefinition, period: Period, office: Office, section: str, column: str) -> dict:
    """The rows of the office's latest earlier report of this form (any version, any status), by the id
    in `column`: what a monthly report starts from."""
    earlier = (Submission.objects.filter(form__code=form.code, office=office, period__start__lt=period.start)
               .order_by("-period__start").values_list("data", flat=True).first())
    rows = (earlier or {}).get(section)
    return {row[column]: row for row in rows or [] if isinstance(row, dict) and row.get(column) is not None}


class VersionConflict(ValidationError):
    pass


def _require_edit(user, submission: Submission) -> None:
    """Saving and attaching follow one rule: the owner district, while the submission is open."""
    rights = permissions(user, submission)
    if rights["may_edit"]:
        return
    if not _is_owner(user, submission):
        raise PermissionDenied(_("แก้ไขได้เฉพาะสำนักงานเจ้าของรายงาน"))
    raise ValidationError(rights["lock_reason"] or _("รายงานสถานะ «%(s)s» แก้ไขไม่ได้")
                          % {"s": submission.get_status_display()})


def _changed_cells(before: dict, after: dict) -> dict:
    keys = set(before) | set(after)
    return {k: [before.get(k), after.get(k)] for k in sorted(keys) if before.get(k) != after.get(k)}


@transaction.atomic
def save_draft(user, submission: Submission, data: dict, *, version: int, signer_name: str | None = None,
               signer_position: str | None = None) -> tuple[Submission, list[dict]]:
    """Save what the user typed, whatever it is (errors are returned, not raised: nothing typed is
    lost), the signer's name and position included when given. A save based on an older version is
    refused with VersionConflict."""
    current = Submission.objects.select_for_update().select_related("form", "period", "office").get(pk=submission.pk)
    _require_edit(user, current)
    if version != current.version:
        raise VersionConflict({"version": _("มีผู้บันทึกรายงานนี้ไปก่อนแล้ว (รุ่นที่ %(theirs)s ขณะที่คุณแก้จากรุ่นที่ %(yours)s): "
                                "ข้อมูลที่คุณกรอกยังอยู่ในหน้าจอ กรุณาเปิดรุ่นล่าสุดแล้วรวมการแก้ไข")
                              % {"theirs": current.version, "yours": version}})
    clean, errors = engine.validate_data(current.form.schema, data, references=references(current))
    changes = _changed_cells(current.data, clean)
    signer = {k: v.strip() for k, v in (("signer_name", signer_name), ("signer_position", signer_position))
              if v is not None}
    Submission.objects.filter(pk=current.pk).update(data=clean, version=F("version") + 1, updated_by=user,
                                                    updated_at=timezone.now(), **signer)
    _event(current, user, "save", current.status, current.status, changes={"sections": sorted(changes)})
    current.refresh_from_db()
    return current, errors


def _transition(user, submission: Submission, *, allowed_from: set[str], to: str, action: str, check: str,
                reason: str = "", **fields) -> Submission:
    current = Submission.objects.select_related("form", "period", "office").get(pk=submission.pk)
    rights = permissions(user, current)
    if not rights[check]:
        is_party = _is_owner(user, current) if check == "may_submit" else _is_reviewer(user, current)
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
    return current


def submit(user, submission: Submission, *, signer_name: str, signer_position: str) -> Submission:
    clean, errors = engine.validate_data(submission.form.schema, submission.data, references=references(submission))
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
    return closed and submission.status != S.APPROVED and _is_reviewer(user, submission)


def grant_lock_exception(user, period: Period, office: Office, until: date) -> LockException:
    if not _reviews(user, office):
        raise PermissionDenied(_("เฉพาะผู้ตรวจรายงาน (จังหวัด หรือกรมสำหรับรายงานของจังหวัด) เปิดให้แก้ไขเป็นกรณีพิเศษได้"))
    if until < timezone.localdate():
        raise ValidationError({"until": _("วันที่เปิดให้แก้ไขต้องไม่ย้อนหลัง")})
    exception, _created = LockException.objects.update_or_create(period=period, office=office,
                                                                 defaults={"until": until, "granted_by": user})
    return exception


# --- reminders --------------------------------------------------------------------------------------

def send_reminders(*, days_before: int = 3, today: date | None = None) -> int:
    """E-mail the staff of every office that has not submitted a period due in `days_before` days, or
    already overdue (within the entry window): district offices for district forms, province offices
    for province forms. Returns how many e-mails were sent."""
    from django.conf import settings
    from django.core.mail import send_mass_mail

    from cdd_portal.accounts.models import User
    from cdd_portal.thai import fiscal_year as fiscal_year_of

    today = today or timezone.localdate()
    soon = today + timedelta(days=days_before)
    ensure_periods(current_forms(), fiscal_year_of(soon))  # a form nobody has opened yet is chased too
    periods = (Period.objects.select_related("form")
               .filter(due_date__lte=soon, due_date__gte=today - timedelta(days=60)))
    done = set(Submission.objects.filter(period__in=periods, status__in=[S.SUBMITTED, S.APPROVED])
               .values_list("period_id", "office_id"))
    offices = list(Office.objects.filter(level__in=[Office.Level.DISTRICT, Office.Level.PROVINCE],
                                         users__is_active=True, users__email__gt="").distinct())
    recipients: dict[int, list[str]] = {}
    for user in User.objects.filter(office__in=offices, is_active=True,
                                    role__in=DISTRICT_ROLES | PROVINCE_ROLES).exclude(email=""):
        recipients.setdefault(user.office_id, []).append(user.email)
    messages = []
    for period in periods:
        if period.due_date + timedelta(days=period.form.entry_days_after_due) < today:
            continue  # entry window closed: chasing it is the reviewer's call (lock exception)
        overdue = period.due_date < today
        for office in offices:
            if office.level != period.form.office_level:
                continue  # a district form chases district offices, a province form province offices
            if (period.pk, office.pk) in done or office.pk not in recipients:
                continue
            subject = (_("[CDD Portal] เลยกำหนดส่ง: %(form)s %(period)s") if overdue
                       else _("[CDD Portal] ใกล้กำหนดส่ง: %(form)s %(period)s")) % {
                "form": period.form.title, "period": period.label}
            body = _("%(office)s ยังไม่ได้ส่ง %(form)s รอบ %(period)s กำหนดส่ง %(due)s") % {
                "office": office.name_th, "form": period.form.title, "period": period.label,
                "due": thai_date(period.due_date)}
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, recipients[office.pk]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0


# --- attachments ------------------------------------------------------------------------------------

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ALLOWED_TYPES = {"image/jpeg", "image/png", "image/webp", "application/pdf"}


def attach(user, submission: Submission, *, section: str, row: str, column: str, upload):
    """Attach a photo or file to the row (or section) it proves. The same rules as editing apply."""
    from reports.models import Attachment

    _require_edit(user, submission)
    sections = {s["key"]: s for s in submission.form.schema["sections"]}
    if section not in sections:
        raise ValidationError({"section": _("ไม่มีส่วน «%(s)s» ในแบบรายงานนี้") % {"s": section}})
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError({"file": _("ไฟล์ใหญ่เกิน ๑๐ MB")})
    content_type = getattr(upload, "content_type", "") or ""
    if content_type not in ALLOWED_TYPES:
        raise ValidationError({"file": _("แนบได้เฉพาะรูปภาพ (JPEG, PNG, WebP) หรือ PDF")})
    attachment = Attachment.objects.create(submission=submission, section=section, row=str(row), column=column,
                                           file=upload, original_name=upload.name[:255], content_type=content_type,
                                           size=upload.size, uploaded_by=user)
    _event(submission, user, "attach", submission.status, submission.status,
           changes={"file": attachment.original_name, "section": section, "row": str(row)})
    return attachment
