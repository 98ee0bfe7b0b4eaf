from django import forms
from django.utils.translation import gettext_lazy as _

from cdd_portal.geo.models import Village
from cdd_portal.thai.forms import BEDateField


class VillageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Village) -> str:
        return f"หมู่ที่ {obj.number} {obj.name_th} ต.{obj.subdistrict.name_th}"


class GroupForm(forms.Form):
    name = forms.CharField(label=_("ชื่อกลุ่ม"), max_length=200)
    village = VillageChoiceField(label=_("หมู่บ้านที่ตั้ง"), queryset=Village.objects.none(), required=False,
                                 empty_label=_("— ไม่ระบุ —"))
    founded_on = BEDateField(label=_("วันที่ก่อตั้ง (พ.ศ.)"), required=False)
    is_active = forms.BooleanField(label=_("ยังดำเนินการอยู่"), required=False, initial=True)

    def __init__(self, *args, district_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = (Village.objects.filter(subdistrict__district_id=district_code)
                                           .select_related("subdistrict").order_by("subdistrict__name_th", "number"))
