from django import forms
from django.utils.translation import gettext_lazy as _

from cdd_portal.geo import selectors
from cdd_portal.geo.models import Subdistrict
from cdd_portal.thai.forms import ThaiIntegerField


class SubdistrictChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Subdistrict) -> str:
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
    q = forms.CharField(label=_("ค้นหา"), required=False,
                        widget=forms.TextInput(attrs={"placeholder": _("ชื่อหมู่บ้าน ตำบล หรือหมู่ที่"),
                                                      "type": "search"}))
    subdistrict = SubdistrictChoiceField(label=_("ตำบล"), queryset=Subdistrict.objects.none(), required=False,
                                         empty_label=_("ทุกตำบล"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from cdd_portal.accounts.scoping import restrict

        self.fields["subdistrict"].queryset = restrict(
            selectors.subdistricts(), user, district_field="district"
        ).select_related("district")
