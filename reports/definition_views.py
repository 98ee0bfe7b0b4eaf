"""Administrators manage form definitions: JSON checked by the engine, a live preview of the form as a
district will see it, and a new version whenever a definition already in use is changed."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cdd_portal.accounts.models import Office
from cdd_portal.accounts.scoping import is_administrator
from cdd_portal.thai.forms import BEDateField
from reports import schema as engine
from reports import services, webforms
from reports.models import FormDefinition


class DefinitionForm(forms.Form):
    code = forms.SlugField(label=gettext_lazy("รหัสแบบรายงาน"), max_length=60)
    title = forms.CharField(label=gettext_lazy("ชื่อแบบรายงาน"), max_length=300)
    period_type = forms.ChoiceField(label=gettext_lazy("รอบการรายงาน"), choices=FormDefinition.PeriodType.choices)
    fiscal_years = forms.CharField(label=gettext_lazy("ปีงบประมาณที่ใช้ (พ.ศ. คั่นด้วยจุลภาค)"))
    office_level = forms.ChoiceField(label=gettext_lazy("ระดับที่กรอก"), initial=Office.Level.DISTRICT,
                                     choices=[(Office.Level.DISTRICT, gettext_lazy("สำนักงานพัฒนาชุมชนอำเภอ (จังหวัดตรวจ)")),
                                              (Office.Level.PROVINCE, gettext_lazy("สำนักงานพัฒนาชุมชนจังหวัด (กรมตรวจ)"))])
    due_day = forms.IntegerField(label=gettext_lazy("กำหนดส่งวันที่ของเดือนถัดไป"), min_value=1, max_value=31,
                                 required=False)
    due_date = BEDateField(label=gettext_lazy("กำหนดส่ง (แบบครั้งเดียว, พ.ศ.)"), required=False)
    entry_days_after_due = forms.IntegerField(label=gettext_lazy("แก้ไขได้อีกกี่วันหลังกำหนดส่ง"), min_value=0,
                                              max_value=365, initial=30)
    schema = forms.CharField(label=gettext_lazy("โครงสร้าง (JSON)"),
                             widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false",
                                                          "class": "code-editor"}))

    def clean_fiscal_years(self):
        try:
            return [int(y) for y in self.cleaned_data["fiscal_years"].replace(" ", "").split(",") if y]
        except ValueError as exc:
            raise ValidationError(_("ปีงบประมาณต้องเป็นตัวเลข พ.ศ. คั่นด้วยจุลภาค เช่น 2568, 2569")) from exc

    def clean(self):
        data = super().clean()
        if data.get("period_type") == FormDefinition.PeriodType.ONCE and not data.get("due_date"):
            self.add_error("due_date", _("แบบรายงานครั้งเดียวต้องมีกำหนดส่ง"))
        return data

    def clean_schema(self):
        try:
            schema = json.loads(self.cleaned_data["schema"])
        except json.JSONDecodeError as exc:
            raise ValidationError(_("JSON ไม่ถูกต้อง: บรรทัด %(line)s คอลัมน์ %(col)s: %(msg)s")
                                  % {"line": exc.lineno, "col": exc.colno, "msg": exc.msg}) from exc
        try:
            engine.validate_schema(schema)
        except engine.SchemaError as exc:
            raise ValidationError(exc.errors) from exc
        return schema


def _require_admin(request):
    if not is_administrator(request.user):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def edit(request, pk: int | None = None):
    _require_admin(request)
    current = get_object_or_404(FormDefinition, pk=pk) if pk else None
    initial = {}
    if current:
        initial = {"code": current.code, "title": current.title, "period_type": current.period_type,
                   "fiscal_years": ", ".join(map(str, current.fiscal_years)), "office_level": current.office_level,
                   "due_day": current.due_day, "due_date": current.due_date,
                   "entry_days_after_due": current.entry_days_after_due,
                   "schema": json.dumps(current.schema, ensure_ascii=False, indent=2)}
    form = DefinitionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = services.save_definition(**form.cleaned_data)
        messages.success(request, _("บันทึกแบบรายงาน %(code)s ฉบับที่ %(v)s แล้ว") % {"code": saved.code,
                                                                                  "v": saved.version})
        return redirect("reports:definition-edit", pk=saved.pk)
    return render(request, "reports/definition_edit.html", {
        "form": form, "current": current, "active": "reports",
        "definitions": FormDefinition.objects.order_by("code", "-version")})


@require_POST
def preview(request):
    """The form as a district will see it, from the JSON being typed (htmx, on every pause)."""
    _require_admin(request)
    try:
        schema = json.loads(request.POST.get("schema", ""))
        engine.validate_schema(schema)
    except json.JSONDecodeError as exc:
        return render(request, "reports/_definition_preview.html",
                      {"errors": [_("JSON ไม่ถูกต้อง: บรรทัด %(line)s คอลัมน์ %(col)s: %(msg)s")
                                  % {"line": exc.lineno, "col": exc.colno, "msg": exc.msg}]})
    except engine.SchemaError as exc:
        return render(request, "reports/_definition_preview.html", {"errors": exc.errors})
    return render(request, "reports/_definition_preview.html",
                  {"sections": webforms.page_sections(schema, {}, [])})
