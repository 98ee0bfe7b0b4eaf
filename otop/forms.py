"""Forms of the OTOP pages: what the user typed, read with the Thai fields (Thai digits, B.E. dates).
The rules are the services'; a form only parses."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cdd_portal.geo.models import Village
from cdd_portal.thai import to_thai_digits
from cdd_portal.thai.forms import BEDateField, ThaiDecimalField, ThaiIntegerField
from otop import selectors
from otop.catalogue import CATEGORIES, SUB_GROUPS, category_of
from otop.models import Cluster, CommitteeMember, Producer, Product, ProductStandard


class VillageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Village) -> str:
        return f"หมู่ที่ {to_thai_digits(obj.number)} {obj.name_th} ต.{obj.subdistrict.name_th}"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


def _grouped_sub_groups():
    return [("", _("— เลือกกลุ่มผลิตภัณฑ์ —"))] + [
        (f"{to_thai_digits(cat)} {name}",
         [(code, f"{to_thai_digits(code)} {label}") for code, label in SUB_GROUPS.items() if category_of(code) == cat])
        for cat, name in CATEGORIES.items()]


class ProducerForm(forms.Form):
    type = forms.ChoiceField(label=_("ประเภทผู้ผลิต"), choices=Producer.Type.choices)
    name = forms.CharField(label=_("ชื่อผู้ผลิต ผู้ประกอบการ"), max_length=200)
    leader_name = forms.CharField(label=_("ประธานกลุ่ม (กลุ่มผู้ผลิตชุมชน) หรือเจ้าของ/ผู้ประกอบการ"), max_length=200)
    house_number = forms.CharField(label=_("บ้านเลขที่"), max_length=50, required=False)
    village = VillageChoiceField(label=_("หมู่บ้าน"), queryset=Village.objects.none(), empty_label=_("— เลือกหมู่บ้าน —"),
                                 help_text=_("ตำบลเป็นไปตามหมู่บ้านที่เลือก"))
    phone = forms.CharField(label=_("โทรศัพท์"), max_length=50, required=False)
    email = forms.CharField(label=_("อีเมล"), max_length=254, required=False)
    community_links = forms.MultipleChoiceField(label=_("การเชื่อมโยงกับชุมชน (อย่างน้อยหนึ่งข้อ)"),
                                                choices=Producer.CommunityLink.choices,
                                                widget=forms.CheckboxSelectMultiple, required=False)
    members = ThaiIntegerField(label=_("จำนวนสมาชิก (คน)"), required=False, min_value=0,
                               help_text=_("กลุ่มผู้ผลิตชุมชนต้องระบุ ผู้ผลิตรายเดียวเว้นว่าง"))
    is_active = forms.BooleanField(label=_("ยังดำเนินการอยู่"), required=False, initial=True)

    def __init__(self, *args, district_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = selectors.villages_of(district_code)


class ProductForm(forms.Form):
    producer = forms.ModelChoiceField(label=_("ผู้ผลิต ผู้ประกอบการ"), queryset=Producer.objects.none(),
                                      empty_label=_("— เลือกผู้ผลิต —"))
    name = forms.CharField(label=_("ชื่อผลิตภัณฑ์"), max_length=200)
    sub_group = forms.ChoiceField(label=_("ประเภทและกลุ่มผลิตภัณฑ์"), choices=_grouped_sub_groups)
    description = forms.CharField(label=_("รายละเอียดผลิตภัณฑ์"), widget=forms.Textarea(attrs={"rows": 3}),
                                  required=False)
    price = ThaiDecimalField(label=_("ราคา (บาท)"), required=False, max_digits=14, decimal_places=2, min_value=0)
    unit = forms.CharField(label=_("หน่วยนับ"), max_length=50, required=False, help_text=_("เช่น ชิ้น กิโลกรัม ขวด"))
    segment = forms.ChoiceField(label=_("กลุ่มผลิตภัณฑ์ตามศักยภาพ (Segment)"), required=False,
                                choices=[("", _("— ยังไม่ได้จัดกลุ่ม —")), *Product.Segment.choices])
    is_active = forms.BooleanField(label=_("ยังผลิตอยู่"), required=False, initial=True)

    def __init__(self, *args, district_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producer"].queryset = Producer.objects.filter(district_id=district_code).order_by("name")


class StandardForm(forms.Form):
    standard = forms.ChoiceField(label=_("มาตรฐาน"), choices=ProductStandard.Standard.choices)
    certificate_number = forms.CharField(label=_("เลขที่ใบรับรอง"), max_length=100)
    issued_on = BEDateField(label=_("วันที่ออกใบรับรอง (พ.ศ.)"))
    expires_on = BEDateField(label=_("วันหมดอายุ (พ.ศ.)"), required=False, help_text=_("เว้นว่างถ้าไม่มีวันหมดอายุ"))
    certificate = forms.FileField(label=_("ไฟล์ใบรับรอง (PDF หรือรูปภาพ)"), required=False)


class ChampionResultForm(forms.Form):
    year = ThaiIntegerField(label=_("ปีคัดสรร (พ.ศ.)"))
    score = ThaiDecimalField(label=_("คะแนน (เต็ม ๑๐๐)"), max_digits=5, decimal_places=2, min_value=0, max_value=100)
    stars = forms.TypedChoiceField(label=_("ระดับดาว"), required=False, coerce=int, empty_value=None,
                                   choices=[("", _("— คำนวณจากเกณฑ์ของปี —")),
                                            *[(n, f"{to_thai_digits(n)} ดาว") for n in (5, 4, 3, 2, 1)]],
                                   help_text=_("ปีที่มีเกณฑ์คะแนนในระบบ ระบบคำนวณให้ ปีที่ยังไม่มีเกณฑ์ให้ระบุตามประกาศผล"))


class PhotoForm(forms.Form):
    photos = MultipleFileField(label=_("รูปภาพผลิตภัณฑ์ (เลือกได้หลายไฟล์)"))
    caption = forms.CharField(label=_("คำอธิบายภาพ"), max_length=300, required=False)


class GroupForm(forms.Form):
    name = forms.CharField(label=_("ชื่อกลุ่มอาชีพ"), max_length=200, help_text=_("เช่น กลุ่มอาชีพทอผ้าบ้าน…"))
    trade = forms.CharField(label=_("อาชีพ/กิจกรรมของกลุ่ม"), max_length=200)
    village = VillageChoiceField(label=_("หมู่บ้านที่ตั้ง"), queryset=Village.objects.none(),
                                 empty_label=_("— เลือกหมู่บ้าน —"))
    founded_on = BEDateField(label=_("วันที่ก่อตั้ง (พ.ศ.)"), required=False)
    members_count = ThaiIntegerField(label=_("จำนวนสมาชิก (คน)"), min_value=0)
    rules = forms.CharField(label=_("กติกา ระเบียบ หรือข้อบังคับของกลุ่ม"), required=False,
                            widget=forms.Textarea(attrs={"rows": 4}), help_text=_("หรือแนบไฟล์ในหน้าของกลุ่ม"))
    fund = ThaiDecimalField(label=_("กองทุนกลุ่ม (บาท)"), required=False, max_digits=14, decimal_places=2, min_value=0)
    registration_number = forms.CharField(label=_("เลขทะเบียนกลุ่ม"), max_length=50, required=False)
    registered_on = BEDateField(label=_("วันที่จดทะเบียน (พ.ศ.)"), required=False)
    cluster = forms.ModelChoiceField(label=_("คลัสเตอร์"), queryset=Cluster.objects.none(), required=False,
                                     empty_label=_("— ไม่อยู่ในคลัสเตอร์ —"))
    is_active = forms.BooleanField(label=_("ยังดำเนินการอยู่"), required=False, initial=True)

    def __init__(self, *args, district_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = selectors.villages_of(district_code)
        self.fields["cluster"].queryset = Cluster.objects.filter(district_id=district_code).order_by("name")

    def clean_fund(self):
        return self.cleaned_data["fund"] or 0


class CommitteeForm(forms.Form):
    name = forms.CharField(label=_("ชื่อ-สกุล"), max_length=200)
    position = forms.ChoiceField(label=_("ตำแหน่ง"), choices=CommitteeMember.Position.choices)
    term_start = BEDateField(label=_("เริ่มวาระ (พ.ศ.)"))
    term_end = BEDateField(label=_("สิ้นสุดวาระ (พ.ศ.)"), help_text=_("วาระ ๑–๕ ปี"))


class RulesFileForm(forms.Form):
    file = forms.FileField(label=_("ไฟล์กติกา/ระเบียบของกลุ่ม (PDF หรือรูปภาพ)"))
    caption = forms.CharField(label=_("คำอธิบาย"), max_length=300, required=False)


class ClusterForm(forms.Form):
    name = forms.CharField(label=_("ชื่อคลัสเตอร์"), max_length=200)
    trade = forms.CharField(label=_("อาชีพ/ผลิตภัณฑ์ของคลัสเตอร์"), max_length=200)


class PromoteForm(forms.Form):
    type = forms.ChoiceField(label=_("ประเภทผู้ผลิต"), choices=Producer.Type.choices,
                             initial=Producer.Type.COMMUNITY_GROUP)


class ThresholdForm(forms.Form):
    year = ThaiIntegerField(label=_("ปีคัดสรร (พ.ศ.)"))
    min_5 = ThaiDecimalField(label=_("๕ ดาว: คะแนนตั้งแต่"), required=False, max_digits=5, decimal_places=2)
    min_4 = ThaiDecimalField(label=_("๔ ดาว: คะแนนตั้งแต่"), required=False, max_digits=5, decimal_places=2)
    min_3 = ThaiDecimalField(label=_("๓ ดาว: คะแนนตั้งแต่"), required=False, max_digits=5, decimal_places=2)
    min_2 = ThaiDecimalField(label=_("๒ ดาว: คะแนนตั้งแต่"), required=False, max_digits=5, decimal_places=2)
    min_1 = ThaiDecimalField(label=_("๑ ดาว: คะแนนตั้งแต่"), required=False, max_digits=5, decimal_places=2)
    note = forms.CharField(label=_("แหล่งที่มา/หมายเหตุ"), max_length=300, required=False,
                           help_text=_("เช่น เลขที่และวันที่ของประกาศหลักเกณฑ์การคัดสรร"))


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผลที่ส่งกลับ"), max_length=1000)
