"""Savings-group registry pages. Thin: parse, authorise through selectors and services, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cdd_portal.accounts.scoping import can_edit_district, scope_of
from cdd_portal.audit.selectors import history_of
from cdd_portal.geo.models import District
from cdd_portal.web import add_errors, back_to
from funds import selectors, services
from funds.forms import GroupForm

PAGE_SIZE = 25


@login_required
def group_list(request):
    scope = scope_of(request.user)
    if scope.level == "none":
        raise PermissionDenied
    qs = selectors.search(selectors.groups_for(request.user), request.GET.get("q", ""))
    if request.GET.get("district") and scope.level != "district":
        qs = qs.filter(district_id=request.GET["district"])
    if request.GET.get("inactive") != "1":
        qs = qs.filter(is_active=True)
    page = Paginator(qs.order_by("district_id", "name"), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "funds/group_list.html", {
        "page": page, "query": query.urlencode(), "params": request.GET, "active": "funds",
        "can_create": scope.level == "district" and can_edit_district(request.user, scope.district_code),
    })


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request):
    scope = scope_of(request.user)
    if scope.level != "district" or not can_edit_district(request.user, scope.district_code):
        raise PermissionDenied
    form = GroupForm(request.POST or None, district_code=scope.district_code)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.create_group(request.user, district=District.objects.get(pk=scope.district_code),
                                          **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึก %(name)s แล้ว") % {"name": group.name})
            if "save_and_add" in request.POST:
                return redirect("funds:group-create")
            return back_to(request, "funds:group-list")
    return render(request, "funds/group_form.html", {"form": form, "active": "funds",
                                                     "next": request.GET.get("next", "")})


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, pk: int):
    group = get_object_or_404(selectors.groups_for(request.user), pk=pk)
    may_edit = can_edit_district(request.user, group.district_id)
    initial = {"name": group.name, "village": group.village, "founded_on": group.founded_on,
               "is_active": group.is_active}
    form = GroupForm(request.POST or None, district_code=group.district_id, initial=initial)
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
                return redirect("funds:group-list")
    return render(request, "funds/group_form.html", {
        "form": form, "group": group, "may_edit": may_edit, "history": history_of(group)[:50], "active": "funds"})
