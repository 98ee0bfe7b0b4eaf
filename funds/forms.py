from django import forms
from django.utils.translation import gettext_lazy as _

from cdd_portal.geo.models import Village
from cdd_portal.personal import national_id
from cdd_portal.thai.forms import BEDateField, ThaiDecimalField, ThaiIntegerField
from funds.models import CommitteeDivision, GroupCommitteeMember, Member, SavingsGroup


class VillageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Village) -> str:
        return f"หมู่ที่ {obj.number} {obj.name_th} ต.{obj.subdistrict.name_th}"


class NationalIdFormField(forms.CharField):
    """Thirteen digits (Thai or Arabic, dashes and spaces allowed), checked with the check digit in Thai."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("เลขประจำตัวประชาชน"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", _("๑๓ หลัก ระบบแสดงแบบปิดบางหลัก"))
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def clean(self, value):
        value = national_id.normalise(super().clean(value))
        national_id.validate(value)
        return value


class GroupForm(forms.Form):
    name = forms.CharField(label=_("ชื่อกลุ่ม"), max_length=200)
    village = VillageChoiceField(label=_("หมู่บ้านที่ตั้ง"), queryset=Village.objects.none(), required=False,
                                 empty_label=_("— ไม่ระบุ —"))
    founded_on = BEDateField(label=_("วันที่ก่อตั้ง (พ.ศ.)"), required=False)
    is_active = forms.BooleanField(label=_("ยังดำเนินการอยู่"), required=False, initial=True)
    savings_day = ThaiIntegerField(label=_("วันรับฝากเงินสัจจะ (วันที่ของเดือน)"), required=False, min_value=1,
                                   max_value=31, help_text=_("วันที่ ๑–๓๑ ของทุกเดือน"))
    registration_ref = forms.CharField(label=_("เลขทะเบียน/หนังสือแจ้งจัดตั้ง"), max_length=200, required=False,
                                       help_text=SavingsGroup._meta.get_field("registration_ref").help_text)
    registered_on = BEDateField(label=_("วันที่ขึ้นทะเบียน/แจ้งจัดตั้ง (พ.ศ.)"), required=False)
    officer_name = forms.CharField(label=_("พัฒนากรผู้รับผิดชอบ"), max_length=200, required=False)
    member_mode = forms.ChoiceField(label=_("การเก็บข้อมูลสมาชิก"), choices=SavingsGroup.MemberMode.choices,
                                    required=False, initial=SavingsGroup.MemberMode.REGISTER)

    def __init__(self, *args, district_code: str, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:  # a group stops or resumes through its own buttons (date and reason)
            del self.fields["is_active"]
        self.fields["village"].queryset = (Village.objects.filter(subdistrict__district_id=district_code)
                                           .select_related("subdistrict").order_by("subdistrict__name_th", "number"))

    def clean_member_mode(self):
        return self.cleaned_data.get("member_mode") or SavingsGroup.MemberMode.REGISTER


class StopForm(forms.Form):
    stopped_on = BEDateField(label=_("วันที่เลิกดำเนินการ (พ.ศ.)"))
    stop_reason = forms.CharField(label=_("เหตุที่เลิกดำเนินการ"), max_length=300)


class CommitteeMemberForm(forms.Form):
    division = forms.ModelChoiceField(label=_("ฝ่าย"), queryset=CommitteeDivision.objects.none(),
                                      empty_label=_("— เลือกฝ่าย —"))
    position = forms.ChoiceField(label=_("ตำแหน่ง"), choices=GroupCommitteeMember.Position.choices,
                                 initial=GroupCommitteeMember.Position.MEMBER)
    position_other = forms.CharField(label=_("ตำแหน่งอื่น (ระบุ)"), max_length=200, required=False)
    name = forms.CharField(label=_("ชื่อ-สกุล"), max_length=200)
    national_id = NationalIdFormField()
    term_start = BEDateField(label=_("เริ่มวาระ (พ.ศ.)"))
    term_end = BEDateField(label=_("ครบวาระ (พ.ศ.)"), required=False)
    left_on = BEDateField(label=_("วันที่พ้นจากตำแหน่ง (พ.ศ.)"), required=False,
                          help_text=_("กรอกเมื่อกรรมการพ้นจากตำแหน่ง ข้อมูลไม่ถูกลบ"))
    left_reason = forms.CharField(label=_("เหตุที่พ้นจากตำแหน่ง"), max_length=300, required=False)

    def __init__(self, *args, editing=None, **kwargs):
        super().__init__(*args, **kwargs)
        divisions = CommitteeDivision.objects.filter(is_active=True)
        if editing is not None:
            divisions = CommitteeDivision.objects.filter(is_active=True) | CommitteeDivision.objects.filter(
                pk=editing.division_id)
        else:
            del self.fields["left_on"], self.fields["left_reason"]
        self.fields["division"].queryset = divisions.order_by("sort_order", "id")


class EndTermForm(forms.Form):
    left_on = BEDateField(label=_("วันที่ครบวาระ (วันสุดท้ายในตำแหน่ง, พ.ศ.)"))
    reason = forms.CharField(label=_("เหตุ"), max_length=300, required=False, initial=_("ครบวาระ"))


class MemberForm(forms.Form):
    member_no = forms.CharField(label=_("สมาชิกเลขที่"), max_length=30, required=False,
                                help_text=_("เว้นว่างไว้ ระบบให้เลขถัดไปของกลุ่ม"))
    name = forms.CharField(label=_("ชื่อ-สกุล"), max_length=200)
    national_id = NationalIdFormField()
    joined_on = BEDateField(label=_("วันที่เข้าเป็นสมาชิก (พ.ศ.)"), required=False)
    kind = forms.ChoiceField(label=_("ประเภทสมาชิก"), choices=Member.Kind.choices, initial=Member.Kind.ORDINARY)
    shares = ThaiIntegerField(label=_("จำนวนหุ้น"), min_value=0, required=False, initial=0)
    is_minor = forms.BooleanField(label=_("ยังไม่บรรลุนิติภาวะ"), required=False)
    guardian_consent = forms.BooleanField(label=_("ผู้แทนโดยชอบธรรมให้ความยินยอมแล้ว"), required=False)

    def clean_shares(self):
        return self.cleaned_data.get("shares") or 0


class MemberLeaveForm(forms.Form):
    left_on = BEDateField(label=_("วันที่พ้นสภาพสมาชิก (พ.ศ.)"))
    leave_reason = forms.CharField(label=_("เหตุที่พ้นสภาพ"), max_length=300,
                                   help_text=_("เช่น ลาออก ถึงแก่กรรม ที่ประชุมให้ออก"))


class BeneficiaryForm(forms.Form):
    name = forms.CharField(label=_("ชื่อ-สกุลผู้รับผลประโยชน์"), max_length=200)
    national_id = NationalIdFormField()
    relation = forms.CharField(label=_("ความเกี่ยวพันกับสมาชิก"), max_length=100, required=False)
    share_percent = ThaiDecimalField(label=_("ส่วนแบ่ง (ร้อยละ)"), max_digits=5, decimal_places=2)


class MemberCountForm(forms.Form):
    counted_on = BEDateField(label=_("วันที่นับ (พ.ศ.)"))
    ordinary = ThaiIntegerField(label=_("สมาชิกสามัญ (คน)"), min_value=0, required=False)
    associate = ThaiIntegerField(label=_("สมาชิกวิสามัญ (คน)"), min_value=0, required=False)
    honorary = ThaiIntegerField(label=_("สมาชิกกิตติมศักดิ์ (คน)"), min_value=0, required=False)
