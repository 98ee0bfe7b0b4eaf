"""Budget pages: registers with their reconciliation, the national register, a district's allocations
and the disbursements recorded against them. Thin: selectors read, services write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from budgets import selectors, services
from budgets.forms import (
    AllocationForm,
    DisbursementForm,
    FiscalYearForm,
    OpenRegisterForm,
    PlanItemForm,
    RegisterFilterForm,
)
from budgets.models import FiscalYear, PlanItem, Register
from cdd_portal.accounts.scoping import is_administrator, registry_district, scope_of, sees_whole_province
from cdd_portal.audit.selectors import history_of
from cdd_portal.geo.models import Province
from cdd_portal.thai import to_thai_digits
from cdd_portal.web import add_errors

PAGE_SIZE = 25
EXPORT_FORMATS = [("xlsx", gettext_lazy("ส่งออก Excel (.xlsx)")), ("pdf", gettext_lazy("ส่งออก PDF"))]


@login_required
def index(request):
    scope = scope_of(request.user)
    if scope.level == "none":
        raise PermissionDenied
    filters = RegisterFilterForm(request.GET or None, user=request.user)
    registers = selectors.with_allocated(filters.filter(selectors.registers_for(request.user)))
    page = Paginator(registers.order_by("-activity__fiscal_year__year", "activity__name", "province_id"),
                     PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filters": filters, "page": page, "query": query.urlencode(), "active": "budgets",
               "sees_nation": sees_whole_province(request.user, None),
               "open_form": OpenRegisterForm(user=request.user) if _may_open_registers(request.user) else None}
    if registry_district(request.user):  # a district office: what it received, line by line
        context["allocations"] = selectors.with_spent(selectors.allocations_for(request.user)).order_by(
            "-register__activity__fiscal_year__year", "id")
    return render(request, "budgets/index.html", context)


def _may_open_registers(user) -> bool:
    """The province office for its own province; an administrator for any (can_manage_province says both)."""
    return services.can_manage_province(user, scope_of(user).province_code)


@login_required
@require_POST
def register_open(request):
    """A province (or an administrator, for any province) opens the register of one activity."""
    if not _may_open_registers(request.user):
        raise PermissionDenied
    form = OpenRegisterForm(request.POST, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        province = data.get("province") or Province.objects.get(code=scope_of(request.user).province_code)
        try:
            register = services.open_register(request.user, activity=data["activity"], province=province,
                                              stated_budget=data["stated_budget"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("เปิดทะเบียนจัดสรรแล้ว: เพิ่มรายการของแต่ละสำนักงาน หรือนำเข้าจากไฟล์ Excel"))
            return redirect("budgets:register", pk=register.pk)
    for error in [e for errors in form.errors.values() for e in errors]:
        messages.error(request, error)
    return redirect("budgets:index")


@login_required
@require_http_methods(["GET", "POST"])
def register_detail(request, pk: int):
    register = get_object_or_404(selectors.registers_for(request.user), pk=pk)
    scope = scope_of(request.user)
    may_manage = services.can_manage_province(request.user, register.province_id)
    form = AllocationForm(request.POST or None, register=register) if may_manage else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.add_allocation(request.user, register, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("เพิ่มรายการจัดสรรแล้ว"))
                return redirect("budgets:register", pk=register.pk)
    blocks = selectors.register_blocks(Register.objects.filter(pk=register.pk))
    context = {
        "allocation_form": form if register.status == Register.Status.DRAFT else None,
        "register": register,
        "blocks": blocks,
        "check": services.reconciliation(register),
        "may_manage": may_manage,
        "may_export": scope.sees_whole_province(register.province_id),
        "history": history_of(register)[:20],
        "export_formats": EXPORT_FORMATS,
        "export_params": [("activity", register.activity_id), ("province", register.province_id)],
        "active": "budgets",
    }
    if not scope.sees_whole_province(register.province_id):  # a district sees its own lines, not its neighbours'
        context["blocks"] = None
        context["own"] = selectors.with_spent(selectors.allocations_for(request.user).filter(register=register))
    return render(request, "budgets/register_detail.html", context)


@login_required
@require_POST
def register_finalise(request, pk: int):
    register = get_object_or_404(selectors.registers_for(request.user), pk=pk)
    try:
        services.finalise_register(request.user, register)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("ยืนยันทะเบียนจัดสรรแล้ว"))
    return redirect("budgets:register", pk=register.pk)


@login_required
@require_POST
def allocation_remove(request, pk: int):
    allocation = get_object_or_404(selectors.allocations_for(request.user).select_related("register"), pk=pk)
    try:
        services.remove_allocation(request.user, allocation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("ลบรายการจัดสรรแล้ว"))
    return redirect("budgets:register", pk=allocation.register_id)


@login_required
@require_http_methods(["GET", "POST"])
def plan(request):
    """Administrators keep the fiscal years and the plan tree แผนงาน → โครงการ → กิจกรรมหลัก → กิจกรรม."""
    if not is_administrator(request.user):
        raise PermissionDenied
    years = list(FiscalYear.objects.order_by("-year"))
    chosen = request.GET.get("fiscal_year") or request.POST.get("fiscal_year")
    fiscal_year = next((fy for fy in years if str(fy.year) == chosen), years[0] if years else None)
    year_form = FiscalYearForm(request.POST if request.POST.get("action") == "year" else None)
    item_form = (PlanItemForm(request.POST if request.POST.get("action") == "item" else None, fiscal_year=fiscal_year)
                 if fiscal_year else None)
    if request.method == "POST":
        form = year_form if request.POST.get("action") == "year" else item_form
        if form is not None and form.is_valid():
            try:
                if form is year_form:
                    created = services.add_fiscal_year(request.user, form.cleaned_data["year"])
                    messages.success(request, _("เพิ่ม%(fy)s แล้ว") % {"fy": to_thai_digits(str(created))})
                    return redirect(f"{reverse('budgets:plan')}?fiscal_year={created.year}")
                data = dict(form.cleaned_data)
                parent = data.pop("parent")
                level = parent.level + 1 if parent else PlanItem.Level.PLAN
                item = services.add_plan_item(request.user, fiscal_year=fiscal_year, level=level, parent=parent,
                                              **{k: v for k, v in data.items() if v not in (None, "")})
                messages.success(request, _("เพิ่ม%(item)s แล้ว") % {"item": item})
                return redirect(f"{reverse('budgets:plan')}?fiscal_year={fiscal_year.year}")
            except ValidationError as exc:
                add_errors(form, exc)
    return render(request, "budgets/plan.html", {
        "years": years, "fiscal_year": fiscal_year, "year_form": year_form, "item_form": item_form,
        "tree": selectors.plan_tree(fiscal_year) if fiscal_year else [], "active": "budgets"})


@login_required
def national(request, activity_pk: int):
    if not sees_whole_province(request.user, None):
        raise PermissionDenied
    activity = get_object_or_404(PlanItem.objects.select_related("fiscal_year"), pk=activity_pk,
                                 level=PlanItem.Level.ACTIVITY)
    return render(request, "budgets/national.html", {
        "activity": activity, **selectors.national_register(activity), "active": "budgets",
        "export_formats": EXPORT_FORMATS,
        "export_params": [("activity", activity.pk), ("province", None)],
    })


@login_required
@require_http_methods(["GET", "POST"])
def allocation_detail(request, pk: int):
    allocation = get_object_or_404(selectors.with_spent(selectors.allocations_for(request.user)), pk=pk)
    may_disburse = services.can_disburse(request.user, allocation)
    form = DisbursementForm(request.POST or None)
    if request.method == "POST":
        if not may_disburse:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.record_disbursement(request.user, allocation, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("บันทึกการเบิกจ่ายแล้ว"))
                return redirect("budgets:allocation", pk=allocation.pk)
    return render(request, "budgets/allocation_detail.html", {
        "allocation": allocation, "form": form, "may_disburse": may_disburse,
        "disbursements": allocation.disbursements.select_related("recorded_by").order_by("date", "id"),
        "percent": selectors.percent_spent(allocation),
        "active": "budgets",
    })
