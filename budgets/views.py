"""Budget pages: registers with their reconciliation, the national register, a district's allocations
and the disbursements recorded against them. Thin: selectors read, services write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from budgets import selectors, services
from budgets.forms import DisbursementForm, RegisterFilterForm
from budgets.models import PlanItem, Register
from cdd_portal.accounts.scoping import scope_of
from cdd_portal.audit.selectors import history_of

PAGE_SIZE = 25
EXPORT_FORMATS = [("xlsx", gettext_lazy("ส่งออก Excel (.xlsx)")), ("pdf", gettext_lazy("ส่งออก PDF"))]


@login_required
def index(request):
    scope = scope_of(request.user)
    if scope.level == "none":
        raise PermissionDenied
    filters = RegisterFilterForm(request.GET or None, user=request.user)
    registers = filters.filter(selectors.registers_for(request.user)).annotate(allocated=Sum("allocations__amount"))
    page = Paginator(registers.order_by("-activity__fiscal_year__year", "activity__name", "province_id"),
                     PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filters": filters, "page": page, "query": query.urlencode(), "active": "budgets"}
    if scope.level == "district":
        context["allocations"] = selectors.with_spent(selectors.allocations_for(request.user)).order_by(
            "-register__activity__fiscal_year__year", "id")
    return render(request, "budgets/index.html", context)


@login_required
def register_detail(request, pk: int):
    register = get_object_or_404(selectors.registers_for(request.user), pk=pk)
    scope = scope_of(request.user)
    blocks = selectors.register_blocks(Register.objects.filter(pk=register.pk))
    context = {
        "register": register,
        "blocks": blocks,
        "check": services.reconciliation(register),
        "may_manage": services.can_manage_province(request.user, register.province_id),
        "may_export": scope.sees_whole_province(register.province_id),
        "history": history_of(register)[:20],
        "export_formats": EXPORT_FORMATS,
        "export_params": [("activity", register.activity_id), ("province", register.province_id)],
        "active": "budgets",
    }
    if scope.level == "district":  # a district sees its own lines, not its neighbours'
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
def national(request, activity_pk: int):
    if scope_of(request.user).level != "all":
        raise PermissionDenied
    activity = get_object_or_404(PlanItem.objects.select_related("fiscal_year"), pk=activity_pk,
                                 level=PlanItem.Level.ACTIVITY)
    registers = Register.objects.filter(activity=activity)
    blocks = selectors.register_blocks(registers)
    return render(request, "budgets/national.html", {
        "activity": activity, "blocks": blocks, "total": sum(b.total for b in blocks), "active": "budgets",
        "stated": registers.aggregate(total=Sum("stated_budget"))["total"], "export_formats": EXPORT_FORMATS,
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
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("บันทึกการเบิกจ่ายแล้ว"))
                return redirect("budgets:allocation", pk=allocation.pk)
    return render(request, "budgets/allocation_detail.html", {
        "allocation": allocation, "form": form, "may_disburse": may_disburse,
        "disbursements": allocation.disbursements.select_related("recorded_by").order_by("date", "id"),
        "percent": (allocation.spent * 100 / allocation.amount) if allocation.amount else 0,
        "active": "budgets",
    })
