"""Service-centre pages. Thin: parse, authorise through selectors and services, render.

Objects outside the user's area answer 404 (the selectors do not return them); a province office
reads but does not write (403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cdd_portal.accounts.scoping import (
    keeps_registry,
    oversees_districts,
    registry_district,
    scope_of,
    sees_whole_province,
)
from cdd_portal.audit.selectors import history_of
from cdd_portal.files import services as file_services
from cdd_portal.files.models import Attachment
from cdd_portal.geo import selectors as geo_selectors
from cdd_portal.geo.models import District, Province
from cdd_portal.lists.registry import page_actions
from cdd_portal.thai import fiscal_year
from cdd_portal.web import add_errors, back_to
from centers import filters, forms, selectors, services
from centers.models import ServiceCenter

PAGE_SIZE = 25
EXPORT_FORMATS = [("pdf", gettext_lazy("พิมพ์ PDF")), ("xlsx", gettext_lazy("ส่งออก Excel (.xlsx)"))]
ACTIVE = "centers"


def _today():
    return timezone.localdate()


def _center(request, pk: int) -> ServiceCenter:
    return get_object_or_404(selectors.centers_for(request.user), pk=pk)


def _keeper(request, center: ServiceCenter) -> None:
    if not keeps_registry(request.user, center.district_id):
        raise PermissionDenied


def _uploads(request, name: str) -> list:
    return [f for f in request.FILES.getlist(name) if f]


# --- the centre --------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    """A district office: its own centre (or the form that records it). Others: the centres of their area."""
    if scope_of(request.user).level == "none":
        raise PermissionDenied
    district_code = registry_district(request.user)
    if district_code is None:
        if request.method == "POST":
            raise PermissionDenied
        return _center_list(request)
    center = selectors.center_of_district(district_code)
    if center is not None:
        return redirect("centers:detail", pk=center.pk)
    district = District.objects.get(pk=district_code)
    form = forms.CenterForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        letter = data.pop("letter_file")
        try:
            center = services.create_center(request.user, district=district, today=_today(), **data)
            if letter:
                services.attach_file(request.user, center, letter, purpose=services.LETTER_FILE)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึก%(name)sแล้ว") % {"name": center.name})
            return redirect("centers:detail", pk=center.pk)
    return render(request, "centers/center_form.html", {
        "form": form, "district": district, "active": ACTIVE,
        "default_name": services.default_center_name(district)})


def _center_list(request):
    flt = filters.ServiceCenterFilter(request.GET, selectors.centers_for(request.user), request=request)
    page = Paginator(flt.qs.order_by("district_id"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "centers/center_list.html", {
        "page": page, "filters": flt, "query": flt.query_string, "params": request.GET, "active": ACTIVE,
        "oversees": oversees_districts(request.user), **page_actions(request.user, "service-centers", flt)})


@login_required
@require_safe
def detail(request, pk: int):
    center = _center(request, pk)
    today = _today()
    return render(request, "centers/center_detail.html", {
        "center": center, **selectors.center_page(center, today=today), "today": today,
        "may_edit": keeps_registry(request.user, center.district_id),
        "history": history_of(center)[:50], "active": ACTIVE})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    center = _center(request, pk)
    _keeper(request, center)
    initial = {f: getattr(center, f) for f in services.CENTER_FIELDS}
    form = forms.CenterForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        letter = data.pop("letter_file")
        try:
            services.update_center(request.user, center, today=_today(), **data)
            if letter:
                services.attach_file(request.user, center, letter, purpose=services.LETTER_FILE)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึกการแก้ไขแล้ว"))
            return redirect("centers:detail", pk=center.pk)
    return render(request, "centers/center_form.html", {
        "form": form, "center": center, "district": center.district, "active": ACTIVE,
        "letters": file_services.attachments_of(center, services.LETTER_FILE)})


# --- the committee -----------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def order_create(request, pk: int):
    """An appointment order and its members typed at once (a formset of rows; a wrong row keeps them all)."""
    center = _center(request, pk)
    _keeper(request, center)
    today = _today()
    current = selectors.members_on(center, today).exists()
    form = forms.OrderForm(request.POST or None, request.FILES or None,
                           initial={"replaces_current": current})
    wanted = request.GET.get("rows", "")
    extra = min(max(int(wanted), 15), 40) if wanted.isdigit() else 15  # a committee larger than 15 is kept too
    rows = forms.member_rows(extra)(request.POST or None, prefix="m")
    if request.method == "POST":
        rows_valid = rows.is_valid()
        if form.is_valid() and rows_valid:
            members = [{k: v for k, v in row.cleaned_data.items()} for row in rows.forms
                       if row.cleaned_data and row.has_changed()]
            data = dict(form.cleaned_data)
            try:
                order, saved = services.record_order(request.user, center, members=members, today=today, **data)
            except ValidationError as exc:
                changed = [row for row in rows.forms if row.cleaned_data and row.has_changed()]
                for index, errors in getattr(exc, "rows", {}).items():
                    for field, messages_ in errors.items():
                        changed[index].add_error(field if field in changed[index].fields else None, messages_)
                order_errors = {k: v for k, v in exc.message_dict.items() if k != "members"}
                if order_errors:
                    add_errors(form, ValidationError(order_errors))
            else:
                messages.success(request, _("บันทึกคำสั่งที่ %(n)s และกรรมการ %(m)s คนแล้ว") % {
                    "n": order.number, "m": len(saved)})
                return redirect("centers:detail", pk=center.pk)
    return render(request, "centers/order_form.html", {
        "center": center, "form": form, "rows": rows, "active": ACTIVE, "has_current": current,
        "more_rows": len(rows.forms) + 10 if len(rows.forms) < 40 else None})


@login_required
@require_http_methods(["GET", "POST"])
def order_edit(request, pk: int):
    order = get_object_or_404(selectors.orders_for(request.user), pk=pk)
    may_edit = keeps_registry(request.user, order.center.district_id)
    form = forms.OrderEditForm(request.POST or None, request.FILES or None,
                               initial={f: getattr(order, f) for f in services.ORDER_FIELDS})
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            upload = data.pop("file")
            try:
                services.update_order(request.user, order, today=_today(), **data)
                if upload:
                    services.attach_file(request.user, order, upload, purpose=services.ORDER_FILE)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการแก้ไขคำสั่งแล้ว"))
                return redirect("centers:order-edit", pk=order.pk)
    _read_only(form, may_edit)
    return render(request, "centers/order_edit.html", {
        "order": order, "center": order.center, "form": form, "may_edit": may_edit, "active": ACTIVE,
        "members": order.members.order_by("id"), "files": file_services.attachments_of(order, services.ORDER_FILE),
        "history": history_of(order)[:50]})


def _read_only(form, may_edit: bool) -> None:
    if not may_edit:
        for field in form.fields.values():
            field.disabled = True


# --- one record of the centre: add and edit ----------------------------------------------------------

def _record_page(request, *, center, form, obj, title, kind, may_edit, files=(), extra=None):
    _read_only(form, may_edit)
    return render(request, "centers/record_form.html", {
        "center": center, "form": form, "object": obj, "title": title, "kind": kind, "may_edit": may_edit,
        "files": files, "history": history_of(obj)[:50] if obj else None, "active": ACTIVE,
        "list_url": reverse(f"centers:{kind}-list") + f"?center={center.pk}", **(extra or {})})


def _saved(request, center, message: str, again: str):
    messages.success(request, message)
    if "save_and_add" in request.POST:
        return redirect(again, pk=center.pk)
    return back_to(request, "centers:detail", center.pk)


@login_required
@require_http_methods(["GET", "POST"])
def member_create(request, pk: int):
    center = _center(request, pk)
    _keeper(request, center)
    form = forms.MemberForm(request.POST or None, center=center, initial={"term_start": _today()})
    if request.method == "POST" and form.is_valid():
        try:
            member = services.add_member(request.user, center, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return _saved(request, center, _("บันทึก%(name)sแล้ว") % {"name": member.name}, "centers:member-create")
    return _record_page(request, center=center, form=form, obj=None, title=_("เพิ่มกรรมการ"), kind="members",
                        may_edit=True)


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request, pk: int):
    member = get_object_or_404(selectors.members_for(request.user), pk=pk)
    center = member.center
    may_edit = keeps_registry(request.user, center.district_id)
    initial = {f: getattr(member, f) for f in services.MEMBER_FIELDS if f != "order_id"}
    form = forms.MemberForm(request.POST or None, center=center, initial={**initial, "order": member.order_id})
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.update_member(request.user, member, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการแก้ไข %(name)s แล้ว") % {"name": member.name})
                return back_to(request, "centers:detail", center.pk)
    return _record_page(request, center=center, form=form, obj=member, title=member.name, kind="members",
                        may_edit=may_edit)


def _meeting_form(request, center, meeting=None):
    initial = {f: getattr(meeting, f) for f in services.MEETING_FIELDS} if meeting else {}
    return forms.MeetingForm(request.POST or None, request.FILES or None, initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, pk: int):
    center = _center(request, pk)
    _keeper(request, center)
    form = _meeting_form(request, center)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_meeting(request.user, center, today=_today(), **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return _saved(request, center, _("บันทึกการประชุมแล้ว"), "centers:meeting-create")
    return _record_page(request, center=center, form=form, obj=None, title=_("บันทึกการประชุมคณะกรรมการ"),
                        kind="meetings", may_edit=True)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int):
    meeting = get_object_or_404(selectors.meetings_for(request.user), pk=pk)
    center = meeting.center
    may_edit = keeps_registry(request.user, center.district_id)
    form = _meeting_form(request, center, meeting)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            minutes = data.pop("minutes")
            try:
                services.update_meeting(request.user, meeting, today=_today(), **data)
                if minutes:
                    services.attach_file(request.user, meeting, minutes, purpose=services.MINUTES_FILE)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการแก้ไขแล้ว"))
                return redirect("centers:meeting-edit", pk=meeting.pk)
    return _record_page(request, center=center, form=form, obj=meeting, title=_("การประชุมคณะกรรมการ"),
                        kind="meetings", may_edit=may_edit,
                        files=file_services.attachments_of(meeting, services.MINUTES_FILE))


def _activity_data(form) -> dict:
    data = dict(form.cleaned_data)
    for key in ("count_interested", "count_unregistered", "count_registered"):
        data[key] = data[key] or 0
    return data


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request, pk: int):
    center = _center(request, pk)
    _keeper(request, center)
    form = forms.ActivityForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_activity(request.user, center, today=_today(), **_activity_data(form))
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return _saved(request, center, _("บันทึกกิจกรรมแล้ว"), "centers:activity-create")
    return _record_page(request, center=center, form=form, obj=None, title=_("บันทึกกิจกรรมของศูนย์"),
                        kind="activities", may_edit=True)


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk: int):
    activity = get_object_or_404(selectors.activities_for(request.user), pk=pk)
    center = activity.center
    may_edit = keeps_registry(request.user, center.district_id)
    form = forms.ActivityForm(request.POST or None, request.FILES or None,
                              initial={f: getattr(activity, f) for f in services.ACTIVITY_FIELDS})
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            data = _activity_data(form)
            photos, evidence = data.pop("photos"), data.pop("evidence_files")
            try:
                services.update_activity(request.user, activity, today=_today(), **data)
                services.attach_files(request.user, activity, photos, purpose=services.PHOTO)
                services.attach_files(request.user, activity, evidence, purpose=services.EVIDENCE_FILE)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการแก้ไขแล้ว"))
                return redirect("centers:activity-edit", pk=activity.pk)
    kept = list(file_services.attachments_of(activity))
    return _record_page(request, center=center, form=form, obj=activity, title=activity.title, kind="activities",
                        may_edit=may_edit, files=kept,
                        extra={"object_photos": [f for f in kept if f.purpose == services.PHOTO]})


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request, pk: int):
    center = _center(request, pk)
    _keeper(request, center)
    form = forms.PlanForm(request.POST or None, request.FILES or None,
                          initial={"fiscal_year": fiscal_year(_today()), "is_active": True})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_plan(request.user, center, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return _saved(request, center, _("บันทึกแผนแล้ว"), "centers:plan-create")
    return _record_page(request, center=center, form=form, obj=None, title=_("เพิ่มแผนการดำเนินงาน"), kind="plans",
                        may_edit=True)


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk: int):
    plan = get_object_or_404(selectors.plans_for(request.user), pk=pk)
    center = plan.center
    may_edit = keeps_registry(request.user, center.district_id)
    form = forms.PlanForm(request.POST or None, request.FILES or None,
                          initial={f: getattr(plan, f) for f in services.PLAN_FIELDS})
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            upload = data.pop("file")
            try:
                services.update_plan(request.user, plan, **data)
                if upload:
                    services.attach_file(request.user, plan, upload, purpose=services.PLAN_FILE)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการแก้ไขแล้ว"))
                return redirect("centers:plan-edit", pk=plan.pk)
    return _record_page(request, center=center, form=form, obj=plan, title=plan.title, kind="plans",
                        may_edit=may_edit, files=file_services.attachments_of(plan, services.PLAN_FILE))


@login_required
@require_http_methods(["GET", "POST"])
def wisdom_create(request, pk: int):
    center = _center(request, pk)
    _keeper(request, center)
    form = forms.WisdomForm(request.POST or None, district_code=center.district_id, initial={"is_active": True})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_wisdom(request.user, center, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return _saved(request, center, _("บันทึกภูมิปัญญาแล้ว"), "centers:wisdom-create")
    return _record_page(request, center=center, form=form, obj=None, title=_("เพิ่มภูมิปัญญาท้องถิ่น"),
                        kind="wisdom", may_edit=True)


@login_required
@require_http_methods(["GET", "POST"])
def wisdom_edit(request, pk: int):
    wisdom = get_object_or_404(selectors.wisdoms_for(request.user), pk=pk)
    center = wisdom.center
    may_edit = keeps_registry(request.user, center.district_id)
    initial = {f: getattr(wisdom, f) for f in services.WISDOM_FIELDS if f != "village_id"}
    form = forms.WisdomForm(request.POST or None, district_code=center.district_id,
                            initial={**initial, "village": wisdom.village_id})
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.update_wisdom(request.user, wisdom, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการแก้ไขแล้ว"))
                return back_to(request, "centers:detail", center.pk)
    return _record_page(request, center=center, form=form, obj=wisdom, title=wisdom.name, kind="wisdom",
                        may_edit=may_edit)


@login_required
@require_POST
def file_remove(request, pk: int):
    """Take a file off a record of the centre: the keeper only (others who may see it: 403; others: 404)."""
    item = get_object_or_404(Attachment.objects.select_related("owner_type"), pk=pk)
    if not file_services.may_see(request.user, item):
        raise Http404
    services.remove_file(request.user, item)
    messages.success(request, _("นำไฟล์ %(name)s ออกแล้ว") % {"name": item.original_name})
    return back_to(request, "home")


# --- lists -------------------------------------------------------------------------------------------

LISTS = {
    "members": (gettext_lazy("คณะกรรมการศูนย์ (รวมผู้พ้นจากตำแหน่ง)"), selectors.members_for,
                filters.CommitteeMemberFilter, ("center__district_id", "-term_start", "id")),
    "meetings": (gettext_lazy("การประชุมคณะกรรมการศูนย์"), selectors.meetings_for, filters.MeetingFilter,
                 ("-date", "-id")),
    "activities": (gettext_lazy("กิจกรรมของศูนย์"), selectors.activities_for, filters.ActivityFilter,
                   ("-date", "-id")),
    "plans": (gettext_lazy("แผนการดำเนินงานของศูนย์"), selectors.plans_for, filters.PlanFilter,
              ("-period_start", "kind", "-id")),
    "wisdom": (gettext_lazy("คลังภูมิปัญญาท้องถิ่น"), selectors.wisdoms_for, filters.WisdomFilter,
               ("center__district_id", "name")),
}


@login_required
def record_list(request, kind: str):
    if scope_of(request.user).level == "none":
        raise PermissionDenied
    title, queryset, filterset, order = LISTS[kind]
    flt = filterset(request.GET, queryset(request.user), request=request)
    page = Paginator(flt.qs.order_by(*order), PAGE_SIZE).get_page(request.GET.get("page"))
    center = None
    center_id = request.GET.get("center", "")
    if center_id.isdigit():
        center = selectors.centers_for(request.user).filter(pk=center_id).first()
    if kind == "activities":
        photos = file_services.attachments_by_owner(list(page.object_list), services.PHOTO)
        for activity in page.object_list:
            activity.photos = photos[activity.pk]
    return render(request, "centers/record_list.html", {
        "kind": kind, "title": title, "page": page, "filters": flt, "query": flt.query_string,
        "params": request.GET, "center": center, "active": ACTIVE,
        "may_add": center is not None and keeps_registry(request.user, center.district_id),
        "today": _today(), **page_actions(request.user, f"center-{kind}", flt)})


# --- the province page -------------------------------------------------------------------------------

@login_required
def province(request):
    """Per district of a province (the department: ?province=34, or the nation by province)."""
    if not oversees_districts(request.user):
        raise PermissionDenied
    scope = scope_of(request.user)
    code = scope.province_code or request.GET.get("province") or None
    if code is not None and not Province.objects.filter(code=code, in_department=True).exists():
        raise Http404
    if not sees_whole_province(request.user, code):
        raise PermissionDenied
    today = _today()
    data = (selectors.province_summary(code, today=today) if code else selectors.national_summary(today=today))
    return render(request, "centers/province.html", {
        **data, "active": ACTIVE, "code": code,
        "provinces": geo_selectors.provinces().order_by("code") if scope.level == "all" else None,
        "export_formats": EXPORT_FORMATS, "export_params": [("province", code)]})
