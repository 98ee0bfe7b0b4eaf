"""Writes to the service-centre registry: every rule, permission check and audit entry lives here.

The district office keeps its own centre (`scoping.keeps_registry`); administrators may correct any.
Nothing is deleted: a member leaves by an end of term, a plan or a wisdom is marked inactive. The
committee's composition (`selectors.composition`) is shown, never enforced: an order with nine members
is saved like one with twelve.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal.accounts.scoping import keeps_registry
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import diff, record, snapshot
from cdd_portal.files import services as files
from cdd_portal.geo.models import District
from cdd_portal.thai import fiscal_quarter_bounds, fiscal_year_bounds, to_thai_digits
from centers.models import (
    Activity,
    AppointmentOrder,
    CommitteeMember,
    Meeting,
    Plan,
    ServiceCenter,
    Wisdom,
    default_center_name,
)

# what each kept file is for (cdd_portal.files purposes)
ORDER_FILE = "order"
LETTER_FILE = "mechanism-letter"
MINUTES_FILE = "minutes"
PHOTO = "photo"
EVIDENCE_FILE = "evidence"
PLAN_FILE = "plan"

# purpose -> (owner model, the types it accepts)
FILE_PURPOSES = {
    ORDER_FILE: (AppointmentOrder, files.IMAGES_AND_PDF),
    LETTER_FILE: (ServiceCenter, files.IMAGES_AND_PDF),
    MINUTES_FILE: (Meeting, files.IMAGES_AND_PDF),
    PHOTO: (Activity, files.IMAGES),
    EVIDENCE_FILE: (Activity, files.IMAGES_AND_PDF),
    PLAN_FILE: (Plan, files.IMAGES_AND_PDF),
}

CENTER_FIELDS = ("name", "location", "other_place", "other_place_reason", "address", "phone", "email",
                 "contact_person", "status", "mechanism", "mechanism_letter_number", "mechanism_letter_date")
ORDER_FIELDS = ("number", "date", "signer_name", "signer_position")
MEMBER_FIELDS = ("name", "position", "position_other", "seat", "organisation", "phone", "term_start", "term_end",
                 "end_reason", "order_id")
MEETING_FIELDS = ("date", "number", "attendee_count", "attendees", "agenda")
ACTIVITY_FIELDS = ("date", "kind", "kind_other", "title", "description", "target_groups", "count_interested",
                   "count_unregistered", "count_registered", "media", "media_other", "evidence", "evidence_other")
PLAN_FIELDS = ("kind", "fiscal_year", "month", "quarter", "title", "note", "is_active")
WISDOM_FIELDS = ("name", "category", "holder", "village_id", "description", "contact", "is_active")
TEXT_FIELDS = {"name", "other_place", "address", "phone", "email", "contact_person", "mechanism_letter_number",
               "number", "signer_name", "signer_position", "position_other", "organisation", "end_reason",
               "attendees", "agenda", "kind_other", "title", "description", "media_other", "evidence_other",
               "note", "holder", "contact", "other_place_reason"}


# --- helpers -----------------------------------------------------------------------------------------

def _today(today: date | None) -> date:
    return today or timezone.localdate()


def _check(user, district_code: str) -> None:
    if not keeps_registry(user, district_code):
        raise PermissionDenied(_("แก้ไขข้อมูลศูนย์บริการฯ ได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของศูนย์นั้น"))


def _assign(obj, fields: dict, allowed) -> None:
    for key, value in fields.items():
        if key == "order" and "order_id" in allowed:
            obj.order = value
        elif key == "village" and "village_id" in allowed:
            obj.village = value
        elif key in allowed:
            if key in TEXT_FIELDS and value is None:
                value = ""
            setattr(obj, key, value.strip() if isinstance(value, str) and key in TEXT_FIELDS else value)
        else:
            raise TypeError(f"{type(obj).__name__} has no field {key!r} to set")


@contextmanager
def _changing(obj, fields):
    """Yield the fields' values before a change; a refused change (ValidationError) puts them back, so that
    the caller's object is as it was."""
    before = snapshot(obj, fields)
    try:
        yield before
    except ValidationError:
        for key, value in before.items():
            setattr(obj, key, value)
        raise


def _created(user, obj, fields, district_code: str) -> None:
    record(user, AuditEntry.Action.CREATE, obj, district_code=district_code,
           changes={k: str(v) for k, v in snapshot(obj, fields).items() if v not in (None, "", [])})


def _updated(user, obj, before: dict, fields, district_code: str) -> bool:
    changes = diff(before, snapshot(obj, fields))
    if not changes:
        return False
    obj.updated_by = user
    obj.save()
    record(user, AuditEntry.Action.UPDATE, obj, changes=changes, district_code=district_code)
    return True


def _not_future(value: date | None, field: str, today: date | None, message: str) -> None:
    if value and value > _today(today):
        raise ValidationError({field: message})


def _required(value, field: str, message: str) -> None:
    if value in (None, "") or (isinstance(value, str) and not value.strip()):
        raise ValidationError({field: message})


def _choice(value, choices, field: str, message: str) -> None:
    if value not in choices.values:
        raise ValidationError({field: message})


def _codes(values, choices, field: str, label: str) -> list[str]:
    """A multi-choice as the list of its codes, in the choices' order; an unknown code is refused."""
    if values in (None, ""):
        return []
    if isinstance(values, str) or not hasattr(values, "__iter__"):
        raise ValidationError({field: _("%(label)s ต้องเป็นรายการ") % {"label": label}})
    values = list(values)
    unknown = [str(v) for v in values if v not in choices.values]
    if unknown:
        raise ValidationError({field: _("%(label)s: ไม่มีตัวเลือก «%(code)s» (เลือกได้: %(names)s)") % {
            "label": label, "code": unknown[0], "names": ", ".join(str(c.label) for c in choices)}})
    return [code for code in choices.values if code in values]


def _count(value, field: str) -> int:
    if value in (None, ""):
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError({field: _("จำนวนต้องเป็นจำนวนเต็มที่ไม่ติดลบ")})
    return value


# --- the centre --------------------------------------------------------------------------------------

def _validate_center(center: ServiceCenter, today: date | None) -> None:
    center.name = " ".join((center.name or "").split()) or default_center_name(center.district)
    if not center.district.in_department:
        raise ValidationError({"district": _("ศูนย์บริการฯ มีเฉพาะในอำเภอของกรมการพัฒนาชุมชน")})
    _choice(center.location, ServiceCenter.Location, "location", _("กรุณาเลือกที่ตั้งศูนย์"))
    _choice(center.status, ServiceCenter.Status, "status", _("กรุณาเลือกสถานะของศูนย์"))
    _choice(center.mechanism, ServiceCenter.Mechanism, "mechanism", _("กรุณาเลือกกลไกการขับเคลื่อน"))
    if center.location == ServiceCenter.Location.OTHER:
        _required(center.other_place, "other_place",
                  _("ศูนย์ที่ไม่ได้ตั้งที่สำนักงานพัฒนาชุมชนอำเภอ ต้องระบุสถานที่"))
        _required(center.other_place_reason, "other_place_reason",
                  _("ศูนย์ที่ไม่ได้ตั้งที่สำนักงานพัฒนาชุมชนอำเภอ ต้องระบุเหตุผลที่ใช้สถานที่อื่น"))
    else:
        center.other_place, center.other_place_reason = "", ""
    if center.email:
        try:
            validate_email(center.email)
        except ValidationError as exc:
            raise ValidationError({"email": _("รูปแบบอีเมลไม่ถูกต้อง")}) from exc
    if center.mechanism == ServiceCenter.Mechanism.EARLIER:
        _required(center.mechanism_letter_number, "mechanism_letter_number",
                  _("ศูนย์ที่ใช้กลไกตามแนวทางเดิม ต้องระบุเลขที่หนังสือถึงกรมการพัฒนาชุมชน"))
        _required(center.mechanism_letter_date, "mechanism_letter_date",
                  _("ศูนย์ที่ใช้กลไกตามแนวทางเดิม ต้องระบุวันที่ของหนังสือ"))
        _not_future(center.mechanism_letter_date, "mechanism_letter_date", today,
                    _("วันที่ของหนังสือต้องไม่เป็นวันในอนาคต"))
    else:
        center.mechanism_letter_number, center.mechanism_letter_date = "", None


@transaction.atomic
def create_center(user, *, district: District, today: date | None = None, **fields) -> ServiceCenter:
    """The district's one centre. `fields`: any of CENTER_FIELDS; the name defaults to
    «ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอ<name>», the place to the district office (seed 000 §7)."""
    _check(user, district.pk)
    center = ServiceCenter(district=district, created_by=user, updated_by=user)
    _assign(center, fields, CENTER_FIELDS)
    _validate_center(center, today)
    if ServiceCenter.objects.filter(district=district).exists():
        raise ValidationError({"district": _("%(district)sมีศูนย์บริการฯ อยู่แล้ว") % {"district": district.full_name}})
    try:
        with transaction.atomic():
            center.save()
    except IntegrityError as exc:  # a concurrent create
        raise ValidationError({"district": _("%(district)sมีศูนย์บริการฯ อยู่แล้ว")
                               % {"district": district.full_name}}) from exc
    _created(user, center, CENTER_FIELDS, district.pk)
    return center


@transaction.atomic
def update_center(user, center: ServiceCenter, *, today: date | None = None, **fields) -> ServiceCenter:
    _check(user, center.district_id)
    with _changing(center, CENTER_FIELDS) as before:
        fields.pop("district", None)  # a centre stays with its district
        _assign(center, fields, CENTER_FIELDS)
        _validate_center(center, today)
        _updated(user, center, before, CENTER_FIELDS, center.district_id)
    return center


# --- files -------------------------------------------------------------------------------------------

def _center_of(owner) -> ServiceCenter:
    return owner if isinstance(owner, ServiceCenter) else owner.center


def attach_file(user, owner, upload, *, purpose: str, caption: str = ""):
    """Keep a file with a record of the centre: an order's signed copy ("order", PDF or image), the letter
    asking to keep the earlier mechanism ("mechanism-letter"), a meeting's minutes ("minutes"), an
    activity's photos ("photo", images only) and evidence ("evidence"), a plan ("plan")."""
    model, allowed = FILE_PURPOSES.get(purpose, (None, None))
    if model is None or not isinstance(owner, model):
        raise ValueError(f"purpose {purpose!r} does not belong to {type(owner).__name__}")
    center = _center_of(owner)
    _check(user, center.district_id)
    return files.attach(user, owner, upload, purpose=purpose, caption=caption, allowed=allowed,
                        district_code=center.district_id)


def attach_files(user, owner, uploads, *, purpose: str) -> list:
    """Several files at once (an activity's photos): each is checked before any is kept."""
    _model, allowed = FILE_PURPOSES[purpose]
    for upload in uploads:
        files.check_upload(upload, allowed=allowed)
    return [attach_file(user, owner, upload, purpose=purpose) for upload in uploads]


def remove_file(user, item) -> None:
    """Take a file off a record of the centre (a wrong photo, a superseded scan)."""
    owner = item.owner
    if type(owner) not in {model for model, _allowed in FILE_PURPOSES.values()}:
        raise PermissionDenied
    center = _center_of(owner)
    _check(user, center.district_id)
    files.remove(user, item, district_code=center.district_id)


# --- the committee -----------------------------------------------------------------------------------

def _validate_order(order: AppointmentOrder, today: date | None) -> None:
    order.number = " ".join((order.number or "").split())
    _required(order.number, "number", _("กรุณากรอกเลขที่คำสั่ง"))
    _required(order.date, "date", _("กรุณากรอกวันที่ของคำสั่ง"))
    _not_future(order.date, "date", today, _("วันที่ของคำสั่งต้องไม่เป็นวันในอนาคต"))


def _validate_member(member: CommitteeMember) -> None:
    member.name = " ".join((member.name or "").split())
    _required(member.name, "name", _("กรุณากรอกชื่อ-สกุลของกรรมการ"))
    _choice(member.position, CommitteeMember.Position, "position", _("กรุณาเลือกตำแหน่งในคณะกรรมการ"))
    if member.position == CommitteeMember.Position.OTHER:
        _required(member.position_other, "position_other", _("ตำแหน่ง «อื่น ๆ» ต้องระบุชื่อตำแหน่ง"))
    else:
        member.position_other = ""
    _choice(member.seat, CommitteeMember.Seat, "seat", _("กรุณาเลือกองค์ประกอบ (กรรมการในฐานะใด)"))
    _required(member.term_start, "term_start", _("กรุณากรอกวันเริ่มวาระ"))
    if member.term_end is not None and member.term_end < member.term_start:
        raise ValidationError({"term_end": _("วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ")})
    if member.order_id and member.order.center_id != member.center_id:
        raise ValidationError({"order": _("คำสั่งนี้ไม่ใช่คำสั่งของศูนย์นี้")})


def record_order(user, center: ServiceCenter, *, number: str, date: date, signer_name: str = "",
                 signer_position: str = "", members=(), term_start: date | None = None,
                 term_end: date | None = None, replaces_current: bool = False, file=None,
                 today: date | None = None) -> tuple[AppointmentOrder, list[CommitteeMember]]:
    """An appointment order and the members it appoints, in one go. `members`: dicts of name, position,
    position_other, seat, organisation, phone (and term_start / term_end to differ from the order's term,
    which starts on the order's date unless `term_start` is given). With `replaces_current`, the members in
    office before the new term end the day before it starts (a new committee replaces the old one).

    Every row is checked before anything is written; a ValidationError then carries `rows`
    ({row index: {field: [messages]}}) besides the order's own fields, so that a page shows each error on its
    row and keeps what was typed."""
    _check(user, center.district_id)
    with transaction.atomic():
        order = AppointmentOrder(center=center, number=number, date=date, signer_name=(signer_name or "").strip(),
                                 signer_position=(signer_position or "").strip(), created_by=user, updated_by=user)
        order_errors: dict = {}
        try:
            _validate_order(order, today)
        except ValidationError as exc:
            order_errors = exc.message_dict
        start = term_start or order.date
        if term_end and start and term_end < start:
            order_errors.setdefault("term_end", []).append(_("วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ"))
        rows: dict[int, dict] = {}
        built: list[CommitteeMember] = []
        for index, row in enumerate(members):
            member = CommitteeMember(center=center, order=order, created_by=user, updated_by=user,
                                     term_start=row.get("term_start") or start,
                                     term_end=row.get("term_end") or term_end)
            _assign(member, {k: v for k, v in row.items() if k not in {"term_start", "term_end"}},
                    MEMBER_FIELDS)
            member.order = order
            try:
                _validate_member(member)
            except ValidationError as exc:
                rows[index] = exc.message_dict
            built.append(member)
        if order_errors or rows:
            error = ValidationError({**order_errors, **({"members": [
                _("แถวที่ %(n)s: %(messages)s") % {"n": to_thai_digits(index + 1),
                                                    "messages": " ".join(sum(errors.values(), []))}
                for index, errors in sorted(rows.items())]} if rows else {})})
            error.rows = rows
            raise error
        if file is not None:
            files.check_upload(file, allowed=FILE_PURPOSES[ORDER_FILE][1])
        order.save()
        _created(user, order, ORDER_FIELDS, center.district_id)
        if replaces_current and start:
            from centers.selectors import members_on

            eve = start - timedelta(days=1)
            for old in members_on(center, eve):
                end_member(user, old, on=eve, reason=_("พ้นวาระเมื่อมีคำสั่ง %(n)s") % {"n": order.number})
        for member in built:
            member.order = order
            member.save()
            _created(user, member, MEMBER_FIELDS, center.district_id)
        if file is not None:
            attach_file(user, order, file, purpose=ORDER_FILE)
    return order, built


@transaction.atomic
def update_order(user, order: AppointmentOrder, *, today: date | None = None, **fields) -> AppointmentOrder:
    _check(user, order.center.district_id)
    with _changing(order, ORDER_FIELDS) as before:
        _assign(order, fields, ORDER_FIELDS)
        _validate_order(order, today)
        _updated(user, order, before, ORDER_FIELDS, order.center.district_id)
    return order


@transaction.atomic
def add_member(user, center: ServiceCenter, **fields) -> CommitteeMember:
    """One member (a replacement between orders, or a member the order named later)."""
    _check(user, center.district_id)
    member = CommitteeMember(center=center, created_by=user, updated_by=user)
    _assign(member, fields, MEMBER_FIELDS)
    if member.term_start is None and member.order_id:
        member.term_start = member.order.date
    _validate_member(member)
    member.save()
    _created(user, member, MEMBER_FIELDS, center.district_id)
    return member


@transaction.atomic
def update_member(user, member: CommitteeMember, **fields) -> CommitteeMember:
    _check(user, member.center.district_id)
    with _changing(member, MEMBER_FIELDS) as before:
        fields.pop("center", None)
        _assign(member, fields, MEMBER_FIELDS)
        _validate_member(member)
        _updated(user, member, before, MEMBER_FIELDS, member.center.district_id)
    return member


def end_member(user, member: CommitteeMember, *, on: date, reason: str = "") -> CommitteeMember:
    """A member leaves the committee on `on` (the last day in office); the record stays."""
    if on is None:
        raise ValidationError({"term_end": _("กรุณากรอกวันที่พ้นจากตำแหน่ง")})
    return update_member(user, member, term_end=on, end_reason=reason or member.end_reason)


# --- meetings and activities -------------------------------------------------------------------------

def _validate_meeting(meeting: Meeting, today: date | None) -> None:
    _required(meeting.date, "date", _("กรุณากรอกวันที่ประชุม"))
    _not_future(meeting.date, "date", today, _("วันที่ประชุมต้องไม่เป็นวันในอนาคต (บันทึกเมื่อประชุมแล้ว)"))
    meeting.attendee_count = _count(meeting.attendee_count, "attendee_count")


@transaction.atomic
def record_meeting(user, center: ServiceCenter, *, minutes=None, today: date | None = None, **fields) -> Meeting:
    _check(user, center.district_id)
    meeting = Meeting(center=center, created_by=user, updated_by=user)
    _assign(meeting, fields, MEETING_FIELDS)
    _validate_meeting(meeting, today)
    if minutes is not None:
        files.check_upload(minutes, allowed=FILE_PURPOSES[MINUTES_FILE][1])
    meeting.save()
    _created(user, meeting, MEETING_FIELDS, center.district_id)
    if minutes is not None:
        attach_file(user, meeting, minutes, purpose=MINUTES_FILE)
    return meeting


@transaction.atomic
def update_meeting(user, meeting: Meeting, *, today: date | None = None, **fields) -> Meeting:
    _check(user, meeting.center.district_id)
    with _changing(meeting, MEETING_FIELDS) as before:
        _assign(meeting, fields, MEETING_FIELDS)
        _validate_meeting(meeting, today)
        _updated(user, meeting, before, MEETING_FIELDS, meeting.center.district_id)
    return meeting


def _validate_activity(activity: Activity, today: date | None) -> None:
    _required(activity.date, "date", _("กรุณากรอกวันที่จัดกิจกรรม"))
    _not_future(activity.date, "date", today, _("วันที่จัดกิจกรรมต้องไม่เป็นวันในอนาคต (บันทึกเมื่อจัดแล้ว)"))
    _choice(activity.kind, Activity.Kind, "kind", _("กรุณาเลือกประเภทกิจกรรม"))
    if activity.kind == Activity.Kind.OTHER:
        _required(activity.kind_other, "kind_other", _("กิจกรรมประเภท «อื่น ๆ» ต้องระบุว่าเป็นกิจกรรมใด"))
    else:
        activity.kind_other = ""
    activity.title = " ".join((activity.title or "").split())
    _required(activity.title, "title", _("กรุณากรอกชื่อกิจกรรม"))
    activity.target_groups = _codes(activity.target_groups, Activity.TargetGroup, "target_groups",
                                    _("กลุ่มเป้าหมาย"))
    activity.media = _codes(activity.media, Activity.Medium, "media", _("สื่อ/สิ่งพิมพ์"))
    activity.evidence = _codes(activity.evidence, Activity.Evidence, "evidence", _("เอกสารหลักฐาน"))
    for field in ("count_interested", "count_unregistered", "count_registered"):
        setattr(activity, field, _count(getattr(activity, field), field))


@transaction.atomic
def record_activity(user, center: ServiceCenter, *, photos=(), evidence_files=(), today: date | None = None,
                    **fields) -> Activity:
    """An activity held by the centre, with its photos (images only) and evidence files."""
    _check(user, center.district_id)
    activity = Activity(center=center, created_by=user, updated_by=user)
    _assign(activity, fields, ACTIVITY_FIELDS)
    _validate_activity(activity, today)
    for upload in photos:
        files.check_upload(upload, allowed=FILE_PURPOSES[PHOTO][1])
    for upload in evidence_files:
        files.check_upload(upload, allowed=FILE_PURPOSES[EVIDENCE_FILE][1])
    activity.save()
    _created(user, activity, ACTIVITY_FIELDS, center.district_id)
    attach_files(user, activity, photos, purpose=PHOTO)
    attach_files(user, activity, evidence_files, purpose=EVIDENCE_FILE)
    return activity


@transaction.atomic
def update_activity(user, activity: Activity, *, today: date | None = None, **fields) -> Activity:
    _check(user, activity.center.district_id)
    with _changing(activity, ACTIVITY_FIELDS) as before:
        _assign(activity, fields, ACTIVITY_FIELDS)
        _validate_activity(activity, today)
        _updated(user, activity, before, ACTIVITY_FIELDS, activity.center.district_id)
    return activity


# --- plans and the wisdom inventory ------------------------------------------------------------------

def plan_period(kind: str, fiscal_year: int, month: int | None, quarter: int | None) -> tuple[date, date]:
    """The days a plan covers: a fiscal year (1 Oct – 30 Sep), one of its quarters, or one month of it."""
    if kind == Plan.Kind.QUARTERLY:
        return fiscal_quarter_bounds(fiscal_year, quarter)
    if kind == Plan.Kind.MONTHLY:
        import calendar

        year = fiscal_year - 543 - (1 if month >= 10 else 0)
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return fiscal_year_bounds(fiscal_year)


def _validate_plan(plan: Plan) -> None:
    _choice(plan.kind, Plan.Kind, "kind", _("กรุณาเลือกประเภทแผน"))
    if not isinstance(plan.fiscal_year, int) or not 2500 <= plan.fiscal_year <= 2700:
        raise ValidationError({"fiscal_year": _("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น ๒๕๖๘")})
    if plan.kind == Plan.Kind.MONTHLY:
        if plan.month not in range(1, 13):
            raise ValidationError({"month": _("แผนรายเดือนต้องระบุเดือน")})
        plan.quarter = None
    elif plan.kind == Plan.Kind.QUARTERLY:
        if plan.quarter not in (1, 2, 3, 4):
            raise ValidationError({"quarter": _("แผนรายไตรมาสต้องระบุไตรมาส (๑–๔)")})
        plan.month = None
    else:
        plan.month = plan.quarter = None
    plan.title = " ".join((plan.title or "").split())
    _required(plan.title, "title", _("กรุณากรอกชื่อแผน"))
    plan.period_start, plan.period_end = plan_period(plan.kind, plan.fiscal_year, plan.month, plan.quarter)


@transaction.atomic
def add_plan(user, center: ServiceCenter, *, file=None, **fields) -> Plan:
    _check(user, center.district_id)
    plan = Plan(center=center, created_by=user, updated_by=user)
    _assign(plan, fields, PLAN_FIELDS)
    _validate_plan(plan)
    if file is not None:
        files.check_upload(file, allowed=FILE_PURPOSES[PLAN_FILE][1])
    plan.save()
    _created(user, plan, PLAN_FIELDS, center.district_id)
    if file is not None:
        attach_file(user, plan, file, purpose=PLAN_FILE)
    return plan


@transaction.atomic
def update_plan(user, plan: Plan, **fields) -> Plan:
    _check(user, plan.center.district_id)
    with _changing(plan, PLAN_FIELDS) as before:
        _assign(plan, fields, PLAN_FIELDS)
        _validate_plan(plan)
        _updated(user, plan, before, PLAN_FIELDS, plan.center.district_id)
    return plan


def _validate_wisdom(wisdom: Wisdom) -> None:
    wisdom.name = " ".join((wisdom.name or "").split())
    _required(wisdom.name, "name", _("กรุณากรอกชื่อภูมิปัญญา"))
    _choice(wisdom.category, Wisdom.Category, "category", _("กรุณาเลือกประเภทภูมิปัญญา"))
    if wisdom.village_id and wisdom.village.subdistrict.district_id != wisdom.center.district_id:
        raise ValidationError({"village": _("หมู่บ้านนี้ไม่อยู่ในอำเภอของศูนย์")})


@transaction.atomic
def add_wisdom(user, center: ServiceCenter, **fields) -> Wisdom:
    _check(user, center.district_id)
    wisdom = Wisdom(center=center, created_by=user, updated_by=user)
    _assign(wisdom, fields, WISDOM_FIELDS)
    _validate_wisdom(wisdom)
    wisdom.save()
    _created(user, wisdom, WISDOM_FIELDS, center.district_id)
    return wisdom


@transaction.atomic
def update_wisdom(user, wisdom: Wisdom, **fields) -> Wisdom:
    _check(user, wisdom.center.district_id)
    with _changing(wisdom, WISDOM_FIELDS) as before:
        _assign(wisdom, fields, WISDOM_FIELDS)
        _validate_wisdom(wisdom)
        _updated(user, wisdom, before, WISDOM_FIELDS, wisdom.center.district_id)
    return wisdom


# --- demo data ---------------------------------------------------------------------------------------

def seed_demo_center(district_code: str = "3401") -> ServiceCenter:
    """The demo district's centre, at its district office, following the 2020 guideline (idempotent). No
    members: the browser test records the committee."""
    district = District.objects.get(pk=district_code)
    center, _created_now = ServiceCenter.objects.get_or_create(
        district=district, defaults={"name": default_center_name(district),
                                     "address": f"ที่ว่าการอำเภอ{district.name_th}",
                                     "contact_person": "นักวิชาการพัฒนาชุมชน"})
    return center
