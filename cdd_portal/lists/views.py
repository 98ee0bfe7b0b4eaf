"""Pages of registry workbook imports: upload, the dry run (every row checked, the column mapping the
user may correct), confirm or cancel, the rejected rows and the template as workbooks."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cdd_portal.accounts.scoping import registry_district
from cdd_portal.lists import imports, registry, selectors
from cdd_portal.thai import to_thai_digits

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("ไฟล์ Excel (.xlsx)"))


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def _importable(name: str) -> registry.RegistryList:
    registry_list = registry.get(name)
    if registry_list is None or not registry_list.imports:
        raise Http404
    return registry_list


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, name: str):
    registry_list = _importable(name)
    if registry_district(request.user) is None:
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            imp = imports.start_import(request.user, name, upload, upload.name)
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            return redirect("lists:import-preview", pk=imp.pk)
    return render(request, "lists/import.html", {"form": form, "list": registry_list,
                                                 "columns": registry_list.import_columns})


@login_required
def template_download(request, name: str):
    registry_list = _importable(name)
    return _xlsx(imports.template_workbook(registry_list), f"{name}-template.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def preview(request, pk: int):
    imp = get_object_or_404(selectors.imports_for(request.user), pk=pk)
    registry_list = registry.get(imp.list_name)
    may_decide = imp.status == imp.Status.PENDING and registry_district(request.user) == imp.district_id
    if request.method == "POST":
        if not may_decide:
            raise PermissionDenied
        mapping = {c.key: (request.POST.get(f"col-{c.key}") or None) for c in registry_list.import_columns}
        try:
            imports.remap(request.user, imp, mapping)
            messages.success(request, _("ตรวจข้อมูลอีกครั้งตามคอลัมน์ที่เลือกแล้ว"))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("lists:import-preview", pk=imp.pk)
    columns = registry_list.import_columns
    return render(request, "lists/import_preview.html", {
        "imp": imp, "list": registry_list, "may_decide": may_decide,
        "mapping": [{"column": c, "index": imp.mapping.get(c.key)} for c in columns],
        "headers": list(enumerate(imp.header)),
        "missing": imports.missing_columns(registry_list, imp.mapping),
        "mapped": [c for c in columns if c.key in imp.mapping],
        "rows": [{**r, "shown": [r["cells"].get(c.key, "") for c in columns if c.key in imp.mapping]}
                 for r in imp.rows],
        "valid": imp.valid_rows, "invalid": imp.invalid_rows,
        "back": reverse(registry_list.list_url) if registry_list.list_url else "",
    })


@login_required
@require_POST
def confirm(request, pk: int):
    imp = get_object_or_404(selectors.imports_for(request.user), pk=pk)
    try:
        count = imports.confirm_import(request.user, imp, only_valid=request.POST.get("only_valid") == "1")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("lists:import-preview", pk=imp.pk)
    messages.success(request, _("นำเข้าแล้ว %(n)s รายการ") % {"n": to_thai_digits(count)})
    registry_list = registry.get(imp.list_name)
    return redirect(registry_list.list_url) if registry_list.list_url else redirect("lists:import-preview", pk=imp.pk)


@login_required
@require_POST
def cancel(request, pk: int):
    imp = get_object_or_404(selectors.imports_for(request.user), pk=pk)
    try:
        imports.cancel_import(request.user, imp)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("ยกเลิกการนำเข้าแล้ว ไม่มีข้อมูลใดถูกบันทึก"))
    return redirect("lists:import-preview", pk=imp.pk)


@login_required
def rejected(request, pk: int):
    imp = get_object_or_404(selectors.imports_for(request.user), pk=pk)
    return _xlsx(imports.rejected_rows_workbook(imp), f"{imp.list_name}-rejected-rows.xlsx")
