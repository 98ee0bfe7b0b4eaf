"""Pages of the village workbook import: upload, preview with row errors, confirm, rejected rows."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cdd_portal.accounts.scoping import registry_district
from cdd_portal.geo import imports, selectors
from cdd_portal.geo.models import District, VillageImport
from cdd_portal.thai import format_number

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("ไฟล์ Excel (.xlsx)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def _visible_import(request, pk: int) -> VillageImport:
    return get_object_or_404(selectors.village_imports_for(request.user), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    district_code = registry_district(request.user)
    if district_code is None:
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            imp = imports.start_import(request.user, upload, upload.name)
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            return redirect("geo:village-import-preview", pk=imp.pk)
    district = District.objects.get(pk=district_code)
    return render(request, "geo/village_import.html", {"form": form, "district": district})


@login_required
def template_download(request):
    district_code = registry_district(request.user)
    district = District.objects.filter(pk=district_code).first() if district_code else None
    return _xlsx(imports.template_workbook(district), "village-import-template.xlsx")


@login_required
def preview(request, pk: int):
    imp = _visible_import(request, pk)
    may_decide = (imp.status == VillageImport.Status.PENDING
                  and registry_district(request.user) == imp.district_id)
    return render(request, "geo/village_import_preview.html", {
        "imp": imp, "valid": imp.valid_rows, "invalid": imp.invalid_rows, "may_decide": may_decide,
    })


@login_required
@require_POST
def confirm(request, pk: int):
    imp = _visible_import(request, pk)
    try:
        count = imports.confirm_import(request.user, imp, only_valid=request.POST.get("only_valid") == "1")
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("geo:village-import-preview", pk=imp.pk)
    messages.success(request, _("นำเข้าหมู่บ้าน %(n)s หมู่บ้านแล้ว") % {"n": format_number(count)})
    imp.refresh_from_db(fields=["rows"])  # checked again at confirmation
    if imp.invalid_rows:
        messages.warning(request, _("ไม่ได้นำเข้า %(n)s แถวที่ไม่ผ่านการตรวจสอบ ดาวน์โหลดแถวเหล่านั้นได้ที่หน้าการนำเข้า")
                         % {"n": format_number(len(imp.invalid_rows))})
        return redirect("geo:village-import-preview", pk=imp.pk)
    return redirect("geo:village-list")


@login_required
@require_POST
def cancel(request, pk: int):
    imp = _visible_import(request, pk)
    try:
        imports.cancel_import(request.user, imp)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("geo:village-import-preview", pk=imp.pk)
    messages.success(request, _("ยกเลิกการนำเข้าแล้ว ไม่มีข้อมูลถูกบันทึก"))
    return redirect("geo:village-list")


@login_required
def rejected(request, pk: int):
    imp = _visible_import(request, pk)
    return _xlsx(imports.rejected_rows_workbook(imp), f"village-import-{imp.pk}-rejected.xlsx")
