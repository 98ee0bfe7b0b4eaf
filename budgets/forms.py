from django import forms
from django.utils.translation import gettext_lazy as _

from budgets.models import FiscalYear, PlanItem
from cdd_portal.accounts.scoping import scope_of
from cdd_portal.geo import selectors as geo_selectors
from cdd_portal.geo.models import Province
from cdd_portal.thai.forms import BEDateField, ThaiDecimalField, ThaiIntegerField


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


class FiscalYearForm(forms.Form):
    year = ThaiIntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2500, max_value=2700)


class PlanItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item: PlanItem) -> str:
        return f"{'— ' * (item.level - 1)}{item.get_level_display()} {item.name}"


class PlanItemForm(forms.Form):
    """A line of the plan tree: under nothing it is a แผนงาน; under an item, one level below it."""

    parent = PlanItemChoiceField(label=_("อยู่ภายใต้"), queryset=PlanItem.objects.none(), required=False,
                                 empty_label=_("— ไม่มี (เป็นแผนงาน) —"))
    name = forms.CharField(label=_("ชื่อ"), max_length=300)
    budget = ThaiDecimalField(label=_("งบประมาณที่ได้รับ (บาท)"), max_digits=14, decimal_places=2, min_value=0,
                              required=False)
    unit_label = forms.CharField(label=_("หน่วยจัดสรร"), max_length=50, required=False,
                                 help_text=_("เช่น อำเภอ, หมู่บ้าน"))
    unit_rate = ThaiDecimalField(label=_("อัตราต่อหน่วย (บาท)"), max_digits=14, decimal_places=2, min_value=0,
                                 required=False)
    quarters = forms.CharField(label=_("ไตรมาส"), max_length=20, required=False, help_text=_("เช่น 3 หรือ 1,2"))
    responsible_unit = forms.CharField(label=_("หน่วยงานรับผิดชอบ"), max_length=200, required=False)

    def __init__(self, *args, fiscal_year: FiscalYear, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = (PlanItem.objects.filter(fiscal_year=fiscal_year,
                                                                  level__lt=PlanItem.Level.ACTIVITY)
                                          .order_by("level", "name"))


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item: PlanItem) -> str:
        return f"พ.ศ. {item.fiscal_year.year} · {item.name}"


class OpenRegisterForm(forms.Form):
    activity = ActivityChoiceField(label=_("กิจกรรม"), queryset=PlanItem.objects.none(),
                                   empty_label=_("— เลือกกิจกรรม —"))
    province = forms.ModelChoiceField(label=_("จังหวัด"), queryset=Province.objects.none(), to_field_name="code",
                                      empty_label=_("— เลือกจังหวัด —"))
    stated_budget = ThaiDecimalField(label=_("งบประมาณที่จังหวัดได้รับ (บาท)"), max_digits=14, decimal_places=2,
                                     min_value=0)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = (PlanItem.objects.filter(level=PlanItem.Level.ACTIVITY)
                                            .select_related("fiscal_year").order_by("-fiscal_year__year", "name"))
        scope = scope_of(user)
        if scope.level == "all":
            self.fields["province"].queryset = geo_selectors.provinces()
            self.fields["province"].label_from_instance = lambda p: p.name_th
        else:
            del self.fields["province"]


class OfficeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, office) -> str:
        return office.name_th


class AllocationForm(forms.Form):
    """One line of a register: units × rate, or an amount (the service checks that both agree)."""

    office = OfficeChoiceField(label=_("สำนักงานที่ได้รับจัดสรร"), queryset=PlanItem.objects.none(),
                               empty_label=_("— เลือกสำนักงาน —"))
    line = forms.CharField(label=_("รายการ (ถ้ามี)"), max_length=200, required=False,
                           help_text=_("เช่น ค่าติดตามผล สำหรับรายการของสำนักงานจังหวัด"))
    units = ThaiIntegerField(label=_("จำนวนหน่วย"), min_value=0, required=False)
    rate = ThaiDecimalField(label=_("อัตราต่อหน่วย (บาท)"), max_digits=14, decimal_places=2, min_value=0,
                            required=False)
    amount = ThaiDecimalField(label=_("จำนวนเงิน (บาท)"), max_digits=14, decimal_places=2, min_value=0,
                              required=False, help_text=_("เว้นว่างได้เมื่อกรอกจำนวนหน่วยและอัตรา"))
    target_count = ThaiIntegerField(label=_("จำนวนเป้าหมาย"), min_value=0, required=False)
    target_unit = forms.CharField(label=_("หน่วยนับเป้าหมาย"), max_length=50, required=False)
    note = forms.CharField(label=_("หมายเหตุ"), max_length=300, required=False)

    def __init__(self, *args, register, **kwargs):
        from cdd_portal.accounts.models import Office

        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = (Office.objects.filter(province_id=register.province_id)
                                          .exclude(level=Office.Level.DEPARTMENT).order_by("-level", "code"))
