"""Village registry pages. Thin: parse, authorise through selectors and services, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cdd_portal.accounts.scoping import keeps_registry, registry_district, scope_of
from cdd_portal.audit.selectors import history_of
from cdd_portal.geo import selectors, services
from cdd_portal.geo.forms import VillageFilterForm, VillageForm
from cdd_portal.thai import to_thai_digits
from cdd_portal.web import add_errors

PAGE_SIZE = 25


@login_required
def village_list(request):
    if scope_of(request.user).level == "none":
        raise PermissionDenied
    filters = VillageFilterForm(request.GET or None, user=request.user)
    qs = filters.filter(selectors.villages_for(request.user))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filters": filters,
        "page": page,
        "query": query.urlencode(),
        "can_create": selectors.subdistricts_for_edit(request.user).exists(),
        "can_import": registry_district(request.user) is not None,
    }
    return render(request, "geo/village_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def village_create(request):
    form = VillageForm(request.POST or None, user=request.user)
    if not form.fields["subdistrict"].queryset.exists():
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        try:
            village = services.create_village(request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("บันทึก %(village)s แล้ว") % {"village": to_thai_digits(village)})
            if "save_and_add" in request.POST:
                return redirect("geo:village-create")
            return redirect("geo:village-list")
    return render(request, "geo/village_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def village_edit(request, pk: int):
    village = get_object_or_404(selectors.villages_for(request.user), pk=pk)
    may_edit = keeps_registry(request.user, village.subdistrict.district_id)
    initial = {"subdistrict": village.subdistrict, "number": village.number, "name_th": village.name_th}
    form = VillageForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.update_village(request.user, village, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการแก้ไข %(village)s แล้ว") % {"village": to_thai_digits(village)})
                return redirect("geo:village-list")
    return render(request, "geo/village_form.html", {
        "form": form, "village": village, "may_edit": may_edit, "history": history_of(village)[:50],
    })


@login_required
@require_POST
def village_delete(request, pk: int):
    village = get_object_or_404(selectors.villages_for(request.user), pk=pk)
    services.delete_village(request.user, village)
    messages.success(request, _("ลบ %(village)s แล้ว") % {"village": to_thai_digits(village)})
    return redirect("geo:village-list")
