from django import forms
from django.utils.translation import gettext_lazy as _

from cdd_portal.accounts.scoping import restrict, scope_of
from cdd_portal.geo import selectors
from cdd_portal.geo.models import District, Province, Subdistrict
from cdd_portal.thai.forms import ThaiIntegerField


class SubdistrictChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Subdistrict) -> str:
        return obj.full_name


class AreaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.full_name


class VillageForm(forms.Form):
    subdistrict = SubdistrictChoiceField(label=_("ตำบล"), queryset=Subdistrict.objects.none(),
                                         empty_label=_("— เลือกตำบล —"))
    number = ThaiIntegerField(label=_("หมู่ที่"), min_value=1, max_value=99,
                              help_text=_("พิมพ์เลขไทยหรือเลขอารบิกก็ได้"))
    name_th = forms.CharField(label=_("ชื่อหมู่บ้าน"), max_length=150)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subdistrict"].queryset = selectors.subdistricts_for_edit(user).select_related("district")


class VillageFilterForm(forms.Form):
    """Narrow the list by area, one level below the user's office: a province office picks a district,
    the department picks a province and then a district; a district picks a subdistrict. The lists
    stay short (never the 7,000 subdistricts of the country in one drop-down)."""

    q = forms.CharField(label=_("ค้นหา"), required=False,
                        widget=forms.TextInput(attrs={"placeholder": _("ชื่อหมู่บ้าน ตำบล หรือหมู่ที่"),
                                                      "type": "search"}))
    province = AreaChoiceField(label=_("จังหวัด"), queryset=Province.objects.none(), required=False,
                               empty_label=_("ทุกจังหวัด"), to_field_name="code")
    district = AreaChoiceField(label=_("อำเภอ"), queryset=District.objects.none(), required=False,
                               empty_label=_("ทุกอำเภอ"), to_field_name="code")
    subdistrict = SubdistrictChoiceField(label=_("ตำบล"), queryset=Subdistrict.objects.none(), required=False,
                                         empty_label=_("ทุกตำบล"), to_field_name="code")

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        scope = scope_of(user)
        self.scope_level = scope.level
        data = data or {}
        if scope.level == "all":
            self.fields["province"].queryset = selectors.provinces()
            province = data.get("province")
            self.fields["district"].queryset = (
                selectors.districts().filter(province_id=province) if province else District.objects.none()
            )
        else:
            del self.fields["province"]
        if scope.level == "province":
            self.fields["district"].queryset = restrict(selectors.districts(), user, district_field=None)
        if scope.level == "district":
            del self.fields["district"]
        district = scope.district_code or data.get("district")
        if district and scope.covers_district(district):
            self.fields["subdistrict"].queryset = Subdistrict.objects.filter(district_id=district).select_related(
                "district")
        if not self.fields["subdistrict"].queryset.exists():
            del self.fields["subdistrict"]
        if "district" in self.fields and not self.fields["district"].queryset.exists():
            del self.fields["district"]

    def filter(self, qs):
        if not self.is_valid():
            return qs
        data = self.cleaned_data
        nationwide = self.scope_level == "all" and not (data.get("province") or data.get("district")
                                                         or data.get("subdistrict"))
        qs = selectors.search_villages(qs, data.get("q", ""), nationwide=nationwide)
        if data.get("subdistrict"):
            return qs.filter(subdistrict=data["subdistrict"])
        if data.get("district"):
            return qs.filter(subdistrict__district=data["district"])
        if data.get("province"):
            return qs.filter(subdistrict__district__province=data["province"])
        return qs
