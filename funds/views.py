"""Savings-group registry pages. Thin: parse, authorise through selectors and services, render.

A group outside the user's area answers 404 (the selectors do not return it) on every page and action; a
province office reads but does not write (403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cdd_portal.accounts.scoping import keeps_registry, registry_district, scope_of
from cdd_portal.geo.models import District
from cdd_portal.lists.registry import page_actions
from cdd_portal.personal import national_id
from cdd_portal.web import add_errors, back_to
from funds import forms, history, selectors, services
from funds.filters import SavingsGroupFilter

PAGE_SIZE = 25
EXPORT_FORMATS = [("pdf", gettext_lazy("พิมพ์ทะเบียนกลุ่ม (PDF)")), ("xlsx", gettext_lazy("ส่งออกทะเบียนกลุ่ม (Excel)"))]
MEMBERS_PAGE_SIZE = 20
ACTIVE = "funds"


def _group(request, pk: int):
    return get_object_or_404(selectors.groups_for(request.user), pk=pk)


def _keeper(request, district_code: str) -> None:
    if not keeps_registry(request.user, district_code):
        raise PermissionDenied


def _read_only(form, may_edit: bool) -> None:
    if not may_edit:
        for field in form.fields.values():
            field.disabled = True


@login_required
def group_list(request):
    if scope_of(request.user).level == "none":
        raise PermissionDenied
    filters = SavingsGroupFilter(request.GET, selectors.groups_for(request.user), request=request)
    qs = filters.qs
    active_only = request.GET.get("inactive") != "1"
    if active_only:
        qs = qs.filter(is_active=True)
    page = Paginator(qs.order_by("district_id", "name"), PAGE_SIZE).get_page(request.GET.get("page"))
    figures = selectors.figures_of([g.pk for g in page.object_list])
    rows = [(g, figures.get(g.pk)) for g in page.object_list]
    return render(request, "funds/group_list.html", {
        "page": page, "rows": rows, "filters": filters, "query": filters.query_string, "params": request.GET,
        "active": ACTIVE, "can_create": registry_district(request.user) is not None,
        **page_actions(request.user, "savings-groups", filters, **({"is_active": "true"} if active_only else {})),
    })


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request):
    district_code = registry_district(request.user)
    if district_code is None:
        raise PermissionDenied
    form = forms.GroupForm(request.POST or None, district_code=district_code)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.create_group(request.user, district=District.objects.get(pk=district_code),
                                          **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึก %(name)s แล้ว") % {"name": group.name})
            if "save_and_add" in request.POST:
                return redirect("funds:group-create")
            return back_to(request, "funds:group-list")
    return render(request, "funds/group_form.html", {"form": form, "active": ACTIVE,
                                                     "next": request.GET.get("next", "")})


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, pk: int):
    """The group's page: registry data (a form for the keeping district), committee by division, members
    (searchable, paginated) or members counted, the approved money and the history."""
    group = _group(request, pk)
    may_edit = keeps_registry(request.user, group.district_id)
    initial = {f: getattr(group, f) for f in services.GROUP_INPUTS if f != "village"} | {"village": group.village}
    form = forms.GroupForm(request.POST or None, district_code=group.district_id, initial=initial, editing=True)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.update_group(request.user, group, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการแก้ไข %(name)s แล้ว") % {"name": group.name})
                return redirect("funds:group-edit", pk=group.pk)
    today = timezone.localdate()
    text = request.GET.get("q", "")
    include_left = request.GET.get("left") == "1"
    members = Paginator(selectors.members_page_queryset(group, text, include_left=include_left),
                        MEMBERS_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    figures = selectors.history_of_figures(group)
    return render(request, "funds/group_detail.html", {
        "group": group, "form": form, "may_edit": may_edit, "today": today, "active": ACTIVE,
        "committee": selectors.current_committee(group, today),
        "committee_ever": group.committee.count(),
        "members": members, "member_query": text, "include_left": include_left, "query": query.urlencode(),
        "totals": selectors.member_totals(group),
        "counts": group.member_counts.order_by("-counted_on")[:12],
        "latest": figures[0] if figures else None, "figures": figures,
        "history": history.of_group(group, limit=50),
        "export_formats": EXPORT_FORMATS, "export_params": [("group", group.pk)],
    })


@login_required
@require_http_methods(["GET", "POST"])
def group_stop(request, pk: int):
    group = _group(request, pk)
    _keeper(request, group.district_id)
    form = forms.StopForm(request.POST or None, initial={"stopped_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.stop_group(request.user, group, on=form.cleaned_data["stopped_on"],
                                reason=form.cleaned_data["stop_reason"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึกการเลิกดำเนินการของ %(name)s แล้ว ข้อมูลของกลุ่มยังเก็บไว้ทั้งหมด")
                             % {"name": group.name})
            return redirect("funds:group-edit", pk=group.pk)
    return render(request, "funds/record_form.html", {
        "group": group, "form": form, "title": _("บันทึกการเลิกดำเนินการของกลุ่ม"), "may_edit": True,
        "active": ACTIVE, "submit": _("บันทึกการเลิกดำเนินการ")})


@login_required
@require_POST
def group_resume(request, pk: int):
    group = _group(request, pk)
    _keeper(request, group.district_id)
    services.resume_group(request.user, group)
    messages.success(request, _("%(name)s กลับมาดำเนินการแล้ว") % {"name": group.name})
    return redirect("funds:group-edit", pk=group.pk)


# --- committee -----------------------------------------------------------------------------------------

@login_required
def committee_history(request, pk: int):
    group = _group(request, pk)
    rows = (group.committee.select_related("division")
            .order_by("-term_start", "division__sort_order", "position", "id"))
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "funds/committee_history.html", {
        "group": group, "page": page, "query": "", "today": timezone.localdate(), "active": ACTIVE,
        "may_edit": keeps_registry(request.user, group.district_id)})


@login_required
@require_http_methods(["GET", "POST"])
def committee_create(request, pk: int):
    group = _group(request, pk)
    _keeper(request, group.district_id)
    form = forms.CommitteeMemberForm(request.POST or None, initial={"term_start": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            member = services.add_committee_member(request.user, group, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึกกรรมการ %(name)s แล้ว") % {"name": member.name})
            if "save_and_add" in request.POST:
                return redirect("funds:committee-create", pk=group.pk)
            return redirect("funds:group-edit", pk=group.pk)
    return render(request, "funds/record_form.html", {
        "group": group, "form": form, "title": _("เพิ่มกรรมการกลุ่ม"), "may_edit": True, "active": ACTIVE,
        "save_and_add": True})


@login_required
@require_http_methods(["GET", "POST"])
def committee_edit(request, pk: int):
    member = get_object_or_404(selectors.committee_for(request.user), pk=pk)
    group = member.group
    may_edit = keeps_registry(request.user, group.district_id)
    initial = {f: getattr(member, f) for f in services.COMMITTEE_FIELDS if f != "division_id"}
    form = forms.CommitteeMemberForm(request.POST or None, editing=member,
                                     initial={**initial, "division": member.division_id, "national_id": ""})
    form.fields["national_id"].help_text = _("เว้นว่างไว้ถ้าไม่เปลี่ยน (เลขเดิม %(m)s)") % {
        "m": member.national_id and national_id.masked(member.national_id) or "–"}
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            if not data.get("national_id"):
                data.pop("national_id", None)
            try:
                services.update_committee_member(request.user, member, **data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการแก้ไข %(name)s แล้ว") % {"name": member.name})
                return redirect("funds:group-edit", pk=group.pk)
    _read_only(form, may_edit)
    return render(request, "funds/record_form.html", {
        "group": group, "form": form, "object": member, "title": member.name, "may_edit": may_edit,
        "active": ACTIVE, "history": history.of_object(member)})


@login_required
@require_http_methods(["GET", "POST"])
def committee_end_term(request, pk: int):
    group = _group(request, pk)
    _keeper(request, group.district_id)
    form = forms.EndTermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ended = services.end_term(request.user, group, on=form.cleaned_data["left_on"],
                                      reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึกการครบวาระของกรรมการ %(n)s คนแล้ว เพิ่มกรรมการชุดใหม่ได้")
                             % {"n": ended})
            return redirect("funds:group-edit", pk=group.pk)
    return render(request, "funds/record_form.html", {
        "group": group, "form": form, "title": _("กรรมการชุดปัจจุบันครบวาระ"), "may_edit": True,
        "active": ACTIVE, "submit": _("บันทึกการครบวาระ")})


# --- members -------------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def member_create(request, pk: int):
    group = _group(request, pk)
    _keeper(request, group.district_id)
    form = forms.MemberForm(request.POST or None, initial={"joined_on": timezone.localdate()})
    form.fields["member_no"].widget.attrs["placeholder"] = services.next_member_no(group)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.add_member(request.user, group, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึกสมาชิกเลขที่ %(n)s %(name)s แล้ว")
                             % {"n": member.member_no, "name": member.name})
            if "save_and_add" in request.POST:
                return redirect("funds:member-create", pk=group.pk)
            return redirect("funds:member-edit", pk=member.pk)
    return render(request, "funds/record_form.html", {
        "group": group, "form": form, "title": _("เพิ่มสมาชิก"), "may_edit": True, "active": ACTIVE,
        "save_and_add": True})


def _member_page(request, member, *, form, leave_form=None, beneficiary_form=None, status=200):
    group = member.group
    may_edit = keeps_registry(request.user, group.district_id)
    _read_only(form, may_edit)
    return render(request, "funds/member_detail.html", {
        "group": group, "member": member, "form": form, "may_edit": may_edit, "active": ACTIVE,
        "beneficiaries": member.beneficiaries.order_by("ended_on", "id"),
        "leave_form": leave_form or (forms.MemberLeaveForm(initial={"left_on": timezone.localdate()}, prefix="leave")
                                     if may_edit and member.is_current else None),
        "beneficiary_form": beneficiary_form or (forms.BeneficiaryForm(prefix="b")
                                                 if may_edit and member.is_current else None),
        "history": history.of_member(member)}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request, pk: int):
    member = get_object_or_404(selectors.members_for(request.user), pk=pk)
    may_edit = keeps_registry(request.user, member.group.district_id)
    initial = {f: getattr(member, f) for f in services.MEMBER_FIELDS if f not in {"left_on", "leave_reason"}}
    form = forms.MemberForm(request.POST or None, initial={**initial, "national_id": ""})
    form.fields["member_no"].required = True
    form.fields["member_no"].help_text = ""
    form.fields["national_id"].help_text = _("เว้นว่างไว้ถ้าไม่เปลี่ยน (เลขเดิม %(m)s)") % {
        "m": member.national_id and national_id.masked(member.national_id) or "–"}
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            if not data.get("national_id"):
                data.pop("national_id", None)
            try:
                services.update_member(request.user, member, **data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการแก้ไข %(name)s แล้ว") % {"name": member.name})
                return redirect("funds:member-edit", pk=member.pk)
    return _member_page(request, member, form=form)


@login_required
@require_POST
def member_leave(request, pk: int):
    member = get_object_or_404(selectors.members_for(request.user), pk=pk)
    _keeper(request, member.group.district_id)
    leave = forms.MemberLeaveForm(request.POST, prefix="leave")
    if leave.is_valid():
        try:
            services.member_leaves(request.user, member, on=leave.cleaned_data["left_on"],
                                   reason=leave.cleaned_data["leave_reason"])
        except ValidationError as exc:
            add_errors(leave, exc)
        else:
            messages.success(request, _("บันทึกการพ้นสภาพสมาชิกของ %(name)s แล้ว") % {"name": member.name})
            return redirect("funds:member-edit", pk=member.pk)
    initial = {f: getattr(member, f) for f in services.MEMBER_FIELDS}
    return _member_page(request, member, form=forms.MemberForm(initial={**initial, "national_id": ""}),
                        leave_form=leave)


@login_required
@require_POST
def beneficiary_create(request, pk: int):
    member = get_object_or_404(selectors.members_for(request.user), pk=pk)
    _keeper(request, member.group.district_id)
    form = forms.BeneficiaryForm(request.POST, prefix="b")
    if form.is_valid():
        try:
            item = services.add_beneficiary(request.user, member, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึกผู้รับผลประโยชน์ %(name)s แล้ว") % {"name": item.name})
            return redirect("funds:member-edit", pk=member.pk)
    initial = {f: getattr(member, f) for f in services.MEMBER_FIELDS}
    return _member_page(request, member, form=forms.MemberForm(initial={**initial, "national_id": ""}),
                        beneficiary_form=form)


@login_required
@require_POST
def beneficiary_end(request, pk: int):
    item = get_object_or_404(selectors.beneficiaries_for(request.user), pk=pk)
    _keeper(request, item.member.group.district_id)
    services.end_beneficiary(request.user, item, on=timezone.localdate())
    messages.success(request, _("ยกเลิกผู้รับผลประโยชน์ %(name)s แล้ว (ข้อมูลยังเก็บไว้)") % {"name": item.name})
    return redirect("funds:member-edit", pk=item.member_id)


# --- members counted -----------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def count_create(request, pk: int):
    group = _group(request, pk)
    _keeper(request, group.district_id)
    form = forms.MemberCountForm(request.POST or None, initial={"counted_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_member_count(request.user, group, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึกจำนวนสมาชิกแล้ว"))
            return redirect("funds:group-edit", pk=group.pk)
    return render(request, "funds/record_form.html", {
        "group": group, "form": form, "title": _("บันทึกจำนวนสมาชิก"), "may_edit": True, "active": ACTIVE})
