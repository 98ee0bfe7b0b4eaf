"""Forms of the handover pages. They parse and say what is wrong in Thai; the rules are in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cdd_portal.thai.forms import BEDateField
from funds.handovers import selectors, services
from funds.handovers.models import Handover

REQUIRED = {"required": _("กรุณากรอกช่องนี้")}


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name}{' — ' + obj.position if obj.position else ''}"


def _fund_value(value: str) -> tuple[str, int]:
    code, _sep, pk = value.partition(":")
    return code, int(pk)


class _Common(forms.Form):
    date = BEDateField(label=_("วันที่ส่งมอบ"), error_messages=REQUIRED)
    reason = forms.ChoiceField(label=_("เหตุที่ส่งมอบ"), choices=[("", _("— เลือก —")), *Handover.Reason.choices],
                               error_messages=REQUIRED)
    reason_note = forms.CharField(label=_("รายละเอียดเหตุที่ส่งมอบ"), required=False, max_length=300)


class OfficerHandoverForm(_Common):
    outgoing_user = OfficerChoiceField(label=_("ผู้ส่งมอบ"), queryset=None, empty_label=_("— เลือกเจ้าหน้าที่ —"),
                                       error_messages=REQUIRED)
    outgoing_position = forms.CharField(label=_("ตำแหน่งผู้ส่งมอบ"), required=False, max_length=200,
                                        help_text=_("เว้นว่างไว้ได้ ระบบจะใช้ตำแหน่งในบัญชีผู้ใช้"))
    incoming_user = OfficerChoiceField(label=_("ผู้รับมอบ"), queryset=None, empty_label=_("— เลือกเจ้าหน้าที่ —"),
                                       error_messages=REQUIRED)
    incoming_position = forms.CharField(label=_("ตำแหน่งผู้รับมอบ"), required=False, max_length=200,
                                        help_text=_("เว้นว่างไว้ได้ ระบบจะใช้ตำแหน่งในบัญชีผู้ใช้"))
    funds = forms.MultipleChoiceField(label=_("กองทุนที่ส่งมอบ"), widget=forms.CheckboxSelectMultiple,
                                      error_messages={"required": _("กรุณาเลือกกองทุนที่ส่งมอบอย่างน้อย ๑ กองทุน")})
    note = forms.CharField(label=_("หมายเหตุ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    field_order = ["outgoing_user", "outgoing_position", "incoming_user", "incoming_position", "date", "reason",
                   "reason_note", "funds", "note"]

    def __init__(self, *args, user, district_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        officers = services.district_officers(district_code)
        self.fields["outgoing_user"].queryset = officers
        self.fields["incoming_user"].queryset = officers
        self.fields["funds"].choices = selectors.fund_choices(user, district_code)

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["funds"] = [_fund_value(v) for v in data["funds"]]
        return data


class CommitteeHandoverForm(_Common):
    fund = forms.ChoiceField(label=_("กองทุน"), error_messages=REQUIRED)
    outgoing_chair = forms.CharField(label=_("ประธานคณะกรรมการชุดเดิม (ผู้ส่งมอบ)"), max_length=200,
                                     error_messages=REQUIRED)
    outgoing_members = forms.CharField(label=_("กรรมการชุดเดิม"), required=False, help_text=_("บรรทัดละหนึ่งคน"),
                                       widget=forms.Textarea(attrs={"rows": 3}))
    incoming_chair = forms.CharField(label=_("ประธานคณะกรรมการชุดใหม่ (ผู้รับมอบ)"), max_length=200,
                                     error_messages=REQUIRED)
    incoming_members = forms.CharField(label=_("กรรมการชุดใหม่"), required=False, help_text=_("บรรทัดละหนึ่งคน"),
                                       widget=forms.Textarea(attrs={"rows": 3}))
    witness_name = forms.CharField(label=_("พยาน (พัฒนากรผู้ประสานงานตำบล)"), max_length=200,
                                   error_messages=REQUIRED)
    witness_position = forms.CharField(label=_("ตำแหน่งพยาน"), required=False, max_length=200)
    note = forms.CharField(label=_("หมายเหตุ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    field_order = ["fund", "date", "reason", "reason_note", "outgoing_chair", "outgoing_members", "incoming_chair",
                   "incoming_members", "witness_name", "witness_position", "note"]

    def __init__(self, *args, user, district_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].choices = [("", _("— เลือกกองทุน —")), *selectors.fund_choices(user, district_code)]

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["fund"] = _fund_value(data["fund"])
        return data


class CancelForm(forms.Form):
    cancel_reason = forms.CharField(label=_("เหตุที่ยกเลิก"), max_length=300,
                                    error_messages={"required": _("กรุณาระบุเหตุที่ยกเลิก")})


class ReceiptForm(forms.Form):
    received_on = BEDateField(label=_("วันที่ได้รับ"), error_messages={"required": _("กรุณากรอกวันที่ได้รับ")})
    note = forms.CharField(label=_("หมายเหตุ"), required=False, max_length=300)


class ScanForm(forms.Form):
    file = forms.FileField(label=_("ไฟล์บันทึกการส่งมอบที่ลงนามแล้ว (PDF หรือรูปภาพ)"),
                           error_messages={"required": _("กรุณาเลือกไฟล์")})


class AssignForm(forms.Form):
    officer = OfficerChoiceField(label=_("เจ้าหน้าที่ผู้รับผิดชอบ"), queryset=None, error_messages=REQUIRED)
    position = forms.CharField(label=_("ตำแหน่ง"), required=False, max_length=200)
    since = BEDateField(label=_("เริ่มรับผิดชอบ"), error_messages=REQUIRED)

    def __init__(self, *args, district_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = services.district_officers(district_code)
