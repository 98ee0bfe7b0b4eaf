"""Forms of the กข.คจ. pages: Thai digits, commas and Buddhist-era dates accepted; rules live in services."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cdd_portal.geo.models import Village
from cdd_portal.personal import national_id
from cdd_portal.thai import format_number
from cdd_portal.thai.forms import BEDateField, ThaiDecimalField, ThaiIntegerField
from funds.poverty.models import BankEntry, Decision, FundCommitteeMember, Opinion


def _text(label, *, required=False, max_length=300, **kwargs):
    return forms.CharField(label=label, required=required, max_length=max_length, **kwargs)


def _area(label, rows=2, required=False):
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}))


def _money(label, required=True, **kwargs):
    return ThaiDecimalField(label=label, required=required, max_digits=14, decimal_places=2, **kwargs)


class NationalIdFormField(forms.CharField):
    """13 digits with the check digit; dashes, spaces and Thai digits accepted."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("เลขประจำตัวประชาชน"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = national_id.normalise(super().clean(value))
        national_id.validate(value)
        return value


class VillageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Village) -> str:
        return f"หมู่ที่ {obj.number} {obj.name_th} ต.{obj.subdistrict.name_th}"


class FundForm(forms.Form):
    village = VillageChoiceField(label=_("หมู่บ้าน"), queryset=Village.objects.none(),
                                 empty_label=_("— เลือกหมู่บ้าน —"))
    funded_year = ThaiIntegerField(label=_("ปีงบประมาณที่ได้รับงบประมาณ (พ.ศ.)"), required=False,
                                   help_text=_("เช่น ๒๕๓๗"))
    initial_capital = _money(_("เงินทุนที่ได้รับ (บาท)"), initial="280,000.00")
    households_total = ThaiIntegerField(label=_("ครัวเรือนทั้งหมดในหมู่บ้าน"), required=False, min_value=0)
    note = _area(_("หมายเหตุ"))

    def __init__(self, *args, district_code: str, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["village"]
        else:
            self.fields["village"].queryset = (
                Village.objects.filter(subdistrict__district_id=district_code, poverty_fund__isnull=True)
                .select_related("subdistrict").order_by("subdistrict__name_th", "number"))


class StopForm(forms.Form):
    stopped_on = BEDateField(label=_("วันที่ยุติ (พ.ศ.)"))
    reason = _area(_("เหตุที่ยุติ"), rows=3, required=True)


class MemberForm(forms.Form):
    set_number = ThaiIntegerField(label=_("ชุดที่"), min_value=1, initial=1)
    name = _text(_("ชื่อ-สกุล"), required=True, max_length=200)
    national_id = NationalIdFormField()
    position = forms.ChoiceField(label=_("ตำแหน่ง"), choices=FundCommitteeMember.Position.choices,
                                 initial=FundCommitteeMember.Position.MEMBER)
    start_date = BEDateField(label=_("วันเริ่มรับผิดชอบ (พ.ศ.)"))
    end_date = BEDateField(label=_("วันสิ้นสุดรับผิดชอบ (พ.ศ.)"), required=False,
                           help_text=_("กรรมการที่พ้นจากตำแหน่งให้ใส่วันสิ้นสุด ข้อมูลไม่ถูกลบ"))
    end_reason = _text(_("เหตุที่พ้นจากตำแหน่ง"), max_length=200)


class AccountForm(forms.Form):
    bank = _text(_("ธนาคาร"), required=True, max_length=200)
    branch = _text(_("สาขา"), max_length=200)
    number = _text(_("เลขที่บัญชี"), required=True, max_length=30)
    name = _text(_("ชื่อบัญชี"), required=True)


class BankEntryForm(forms.Form):
    date = BEDateField(label=_("วัน เดือน ปี (พ.ศ.)"))
    document_number = _text(_("เลขที่เอกสาร"), max_length=50)
    description = _text(_("รายการ"), required=True)
    kind = forms.ChoiceField(label=_("ฝาก/ถอน"), choices=BankEntry.Kind.choices, widget=forms.RadioSelect)
    amount = _money(_("จำนวนเงิน (บาท)"))
    note = _text(_("หมายเหตุ"))


class CancelForm(forms.Form):
    reason = _area(_("เหตุที่ยกเลิก"), rows=3, required=True)


class HouseholdForm(forms.Form):
    rank = ThaiIntegerField(label=_("ลำดับที่ครัวเรือนเป้าหมาย"), required=False, min_value=1,
                            help_text=_("เว้นว่างไว้ได้ ระบบจะต่อท้ายบัญชี (บัญชีจัดลำดับเรียงจากรายได้น้อยไปมาก)"))
    head_name = _text(_("ชื่อ-สกุลหัวหน้าครัวเรือน"), required=True, max_length=200)
    national_id = NationalIdFormField()
    house_number = _text(_("บ้านเลขที่"), max_length=30)
    members = ThaiIntegerField(label=_("จำนวนสมาชิกในครัวเรือน (คน)"), min_value=1)
    income_before = _money(_("รายได้เฉลี่ยต่อคนต่อปีตามเกณฑ์ จปฐ. ก่อนยืมเงิน (บาท)"))
    jpt_line = _money(_("เกณฑ์รายได้ จปฐ. ที่ใช้ (บาท/คน/ปี)"))
    income_after_1 = _money(_("รายได้เฉลี่ยภายหลังรับเงินยืม ๑ ปี"), required=False)
    income_after_2 = _money(_("รายได้เฉลี่ยภายหลังรับเงินยืม ๒ ปี"), required=False)
    income_after_3 = _money(_("รายได้เฉลี่ยภายหลังรับเงินยืม ๓ ปี"), required=False)
    note = _area(_("หมายเหตุ"))


class LeaveForm(forms.Form):
    left_on = BEDateField(label=_("วันที่ออกจากบัญชี (พ.ศ.)"))
    reason = _area(_("เหตุที่ออกจากบัญชี"), rows=2, required=True)


class _DecisionFields(forms.Form):
    officer_opinion = forms.ChoiceField(label=_("ความเห็นพัฒนากร"), required=False,
                                        choices=[("", _("— ยังไม่มีความเห็น —")), *Opinion.choices])
    officer_reason = _area(_("เหตุผล (พัฒนากร)"))
    decision = forms.ChoiceField(label=_("ผลการพิจารณาของคณะกรรมการ"), choices=Decision.choices,
                                 initial=Decision.PENDING)
    approved_amount = _money(_("อนุมัติเป็นเงิน (บาท)"), required=False)
    decision_reason = _area(_("เหตุผล (คณะกรรมการ)"))
    decided_on = BEDateField(label=_("วันที่พิจารณา (พ.ศ.)"), required=False)


class ProposalForm(_DecisionFields):
    household = forms.ModelChoiceField(label=_("ครัวเรือนเป้าหมาย"), queryset=None, empty_label=_("— เลือกครัวเรือน —"))
    book_number = _text(_("เล่มที่"), max_length=20)
    project_number = _text(_("โครงการที่"), max_length=20)
    proposed_on = BEDateField(label=_("วันที่เสนอ (พ.ศ.)"))
    title = _text(_("ชื่อโครงการ/อาชีพ"), required=True)
    officer_name = _text(_("พัฒนากรผู้รับผิดชอบประจำตำบล"), max_length=200)

    field_order = ["household", "book_number", "project_number", "proposed_on", "title", "officer_name",
                   "officer_opinion", "officer_reason", "decision", "approved_amount", "decision_reason",
                   "decided_on"]

    def __init__(self, *args, households, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households


class ProposalDecisionForm(_DecisionFields):
    officer_name = _text(_("พัฒนากรผู้รับผิดชอบประจำตำบล"), max_length=200)


class ItemRow(forms.Form):
    description = _text(_("รายการ"))
    amount = _money(_("เป็นเงิน (บาท)"), required=False)


ItemRows = forms.formset_factory(ItemRow, extra=5)


class RequestForm(_DecisionFields):
    household = forms.ModelChoiceField(label=_("ครัวเรือนเป้าหมาย"), queryset=None, empty_label=_("— เลือกครัวเรือน —"))
    proposal = forms.ModelChoiceField(label=_("แบบเสนอโครงการที่อนุมัติแล้ว"), queryset=None, required=False,
                                      empty_label=_("— ไม่ระบุ —"))
    book_number = _text(_("เล่มที่"), max_length=20)
    number = _text(_("เลขที่"), max_length=20)
    requested_on = BEDateField(label=_("วันที่ขอยืม (พ.ศ.)"))
    amount = _money(_("จำนวนเงินขอยืม (บาท)"))
    consent_name = _text(_("ผู้ให้คำยินยอม (สามี/ภรรยา/ทายาท)"), max_length=200)
    consent_relation = _text(_("ความเกี่ยวข้องกับผู้ยืม"), max_length=100)
    consent_national_id = NationalIdFormField(label=_("เลขประจำตัวประชาชนผู้ให้คำยินยอม"))

    field_order = ["household", "proposal", "book_number", "number", "requested_on", "amount", "consent_name",
                   "consent_relation", "consent_national_id", "officer_opinion", "officer_reason", "decision",
                   "approved_amount", "decision_reason", "decided_on"]

    def __init__(self, *args, households, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households
        self.fields["proposal"].queryset = proposals
        self.fields["proposal"].label_from_instance = lambda p: gettext("%(h)s: โครงการ%(t)s") % {
            "h": p.household.head_name, "t": p.title}


class RequestDecisionForm(_DecisionFields):
    pass


class LoanForm(forms.Form):
    household = forms.ModelChoiceField(label=_("ครัวเรือนเป้าหมาย (ผู้ยืม)"), queryset=None,
                                       empty_label=_("— เลือกครัวเรือน —"))
    request = forms.ModelChoiceField(label=_("แบบขอยืมเงินทุนที่อนุมัติแล้ว"), queryset=None, required=False,
                                     empty_label=_("— ไม่ระบุ —"))
    round = ThaiIntegerField(label=_("ยืมครั้งที่"), required=False, min_value=1,
                             help_text=_("เว้นว่างไว้ได้ ระบบนับต่อจากครั้งก่อนของครัวเรือนนี้"))
    book_number = _text(_("เล่มที่"), max_length=20)
    contract_number = _text(_("สัญญาเลขที่"), required=True, max_length=30)
    contract_date = BEDateField(label=_("วันที่ทำสัญญา (พ.ศ.)"))
    amount = _money(_("จำนวนเงินยืม (บาท)"))
    purpose = _text(_("อาชีพที่ยืมเงินไปลงทุน"), required=True)
    final_due_date = BEDateField(label=_("วันครบกำหนดส่งคืน (พ.ศ.)"), required=False,
                                 help_text=_("เว้นว่างไว้ได้ ระบบใช้วันครบกำหนดงวดสุดท้าย"))
    consent_name = _text(_("ผู้ให้คำยินยอม (สามี/ภรรยา/ทายาท)"), max_length=200)
    consent_relation = _text(_("ความเกี่ยวข้องกับผู้ยืม"), max_length=100)
    consent_national_id = NationalIdFormField(label=_("เลขประจำตัวประชาชนผู้ให้คำยินยอม"))
    received_on = BEDateField(label=_("วันที่รับเงินยืม (แบบรับเงินยืม) (พ.ศ.)"), required=False,
                              help_text=_("บันทึกภายหลังได้เมื่อผู้ยืมรับเงิน"))
    note = _area(_("หมายเหตุ"))

    def __init__(self, *args, households, requests, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households
        self.fields["request"].queryset = requests
        self.fields["request"].label_from_instance = lambda r: gettext("%(h)s: แบบขอยืมเลขที่ %(n)s อนุมัติ %(a)s บาท") % {
            "h": r.household.head_name, "n": r.number or r.pk, "a": format_number(r.approved_amount, 2)}


class InstalmentRow(forms.Form):
    due_date = BEDateField(label=_("วันครบกำหนด (พ.ศ.)"), required=False)
    amount = _money(_("จำนวนเงิน (บาท)"), required=False)


def instalment_rows(extra: int = 6):
    return forms.formset_factory(InstalmentRow, extra=extra, max_num=60)


class ReceiptForm(forms.Form):
    received_on = BEDateField(label=_("วันที่รับเงินยืม (พ.ศ.)"))


class RepaymentForm(forms.Form):
    receipt_number = _text(_("เลขที่ใบสำคัญรับเงิน"), required=True, max_length=30)
    date = BEDateField(label=_("วันที่คืนเงิน (พ.ศ.)"))
    amount = _money(_("จำนวนเงิน (บาท)"))
    note = _text(_("หมายเหตุ"))


class WriteOffForm(forms.Form):
    written_off_on = BEDateField(label=_("วันที่ตัดหนี้สูญ (พ.ศ.)"))
    reason = _area(_("เหตุที่ตัดหนี้สูญ"), rows=3, required=True)

