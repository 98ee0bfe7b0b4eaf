"""Pages of the allocation register import: upload, preview with row errors and suggestions, confirm."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from budgets import imports, selectors, services
from budgets.models import AllocationImport

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("ไฟล์ Excel (.xlsx)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))


def _managed_register(request, pk):
    register = get_object_or_404(selectors.registers_for(request.user), pk=pk)
    if not services.can_manage_province(request.user, register.province_id):
        raise PermissionDenied
    return register


def _visible_import(request, pk) -> AllocationImport:
    imp = get_object_or_404(
        AllocationImport.objects.select_related("register__province", "register__activity")
        .filter(register__in=selectors.registers_for(request.user)), pk=pk)
    if not services.can_manage_province(request.user, imp.register.province_id):
        raise PermissionDenied
    return imp


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, register_pk: int):
    register = _managed_register(request, register_pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            imp = imports.start_import(request.user, register, file, file.name)
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            return redirect("budgets:import-preview", pk=imp.pk)
    return render(request, "budgets/import.html", {"form": form, "register": register, "active": "budgets"})


@login_required
def preview(request, pk: int):
    imp = _visible_import(request, pk)
    return render(request, "budgets/import_preview.html", {
        "imp": imp, "invalid": imp.invalid_rows, "summary": imports.summary(imp), "active": "budgets"})


@login_required
@require_POST
def confirm(request, pk: int):
    imp = _visible_import(request, pk)
    try:
        count = imports.confirm_import(request.user, imp)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("budgets:import-preview", pk=imp.pk)
    messages.success(request, _("นำเข้า %(n)s รายการแล้ว") % {"n": count})
    return redirect("budgets:register", pk=imp.register_id)


@login_required
def rejected(request, pk: int):
    imp = _visible_import(request, pk)
    response = HttpResponse(imports.rejected_rows_workbook(imp), content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename=allocation-import-{imp.pk}-rejected.xlsx"
    return response
