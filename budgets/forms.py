from django import forms
from django.utils.translation import gettext_lazy as _

from budgets.models import FiscalYear, PlanItem
from cdd_portal.accounts.scoping import scope_of
from cdd_portal.geo import selectors as geo_selectors
from cdd_portal.geo.models import Province
from cdd_portal.thai.forms import BEDateField, ThaiDecimalField


class RegisterFilterForm(forms.Form):
    fiscal_year = forms.ModelChoiceField(label=_("ปีงบประมาณ"), queryset=FiscalYear.objects.all(), required=False,
                                         empty_label=_("ทุกปี"), to_field_name="year")
    project = forms.ModelChoiceField(label=_("โครงการ"), queryset=PlanItem.objects.none(), required=False,
                                     empty_label=_("ทุกโครงการ"))
    province = forms.ModelChoiceField(label=_("จังหวัด"), queryset=Province.objects.none(), required=False,
                                      empty_label=_("ทุกจังหวัด"), to_field_name="code")
    q = forms.CharField(label=_("ค้นหากิจกรรม"), required=False,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ชื่อกิจกรรม")}))

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["fiscal_year"].label_from_instance = lambda fy: f"พ.ศ. {fy.year}"
        projects = PlanItem.objects.filter(level=PlanItem.Level.PROJECT).order_by("-fiscal_year__year", "name")
        year = (data or {}).get("fiscal_year")
        self.fields["project"].queryset = projects.filter(fiscal_year__year=year) if year else projects
        self.fields["project"].label_from_instance = lambda p: p.name
        if scope_of(user).level == "all":
            self.fields["province"].queryset = geo_selectors.provinces()
            self.fields["province"].label_from_instance = lambda p: p.name_th
        else:
            del self.fields["province"]

    def filter(self, qs):
        if not self.is_bound:
            return qs
        if not self.is_valid():
            return qs.none()  # an unknown year or project matches nothing (the form says which)
        data = self.cleaned_data
        if data.get("fiscal_year"):
            qs = qs.filter(activity__fiscal_year=data["fiscal_year"])
        if data.get("project"):
            qs = qs.filter(activity__parent__parent=data["project"])
        if data.get("province"):
            qs = qs.filter(province=data["province"])
        if data.get("q"):
            qs = qs.filter(activity__name__icontains=data["q"])
        return qs


class DisbursementForm(forms.Form):
    date = BEDateField(label=_("วันที่เบิกจ่าย"))
    amount = ThaiDecimalField(label=_("จำนวนเงิน (บาท)"), max_digits=14, decimal_places=2, min_value=0)
    document_no = forms.CharField(label=_("เลขที่เอกสาร"), max_length=100, required=False)
