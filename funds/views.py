"""Savings-group registry pages. Thin: parse, authorise through selectors and services, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cdd_portal.accounts.scoping import keeps_registry, registry_district, scope_of
from cdd_portal.audit.selectors import history_of
from cdd_portal.geo.models import District
from cdd_portal.lists.registry import page_actions
from cdd_portal.web import add_errors, back_to
from funds import selectors, services
from funds.filters import SavingsGroupFilter
from funds.forms import GroupForm

PAGE_SIZE = 25


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
    return render(request, "funds/group_list.html", {
        "page": page, "filters": filters, "query": filters.query_string, "params": request.GET, "active": "funds",
        "can_create": registry_district(request.user) is not None,
        **page_actions(request.user, "savings-groups", filters, **({"is_active": "true"} if active_only else {})),
    })


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request):
    district_code = registry_district(request.user)
    if district_code is None:
        raise PermissionDenied
    form = GroupForm(request.POST or None, district_code=district_code)
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
    return render(request, "funds/group_form.html", {"form": form, "active": "funds",
                                                     "next": request.GET.get("next", "")})


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, pk: int):
    group = get_object_or_404(selectors.groups_for(request.user), pk=pk)
    may_edit = keeps_registry(request.user, group.district_id)
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
