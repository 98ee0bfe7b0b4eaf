from django import forms
from django.utils.translation import gettext_lazy as _

from cdd_portal.geo.models import Village
from cdd_portal.thai import THAI_MONTHS
from cdd_portal.thai.forms import BEDateField, ThaiIntegerField
from centers.models import Activity, AppointmentOrder, CommitteeMember, Plan, ServiceCenter, Wisdom

BLANK = [("", _("— เลือก —"))]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (an activity's photos); each is checked by the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        one = super().clean
        if isinstance(data, list | tuple):
            return [one(item, initial) for item in data if item]
        return [one(data, initial)] if data else []


def _text(label, *, required=False, max_length=300, **kwargs):
    return forms.CharField(label=label, required=required, max_length=max_length, **kwargs)


def _area(label, rows=3):
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}))


class CenterForm(forms.Form):
    name = _text(_("ชื่อศูนย์"), help_text=_("เว้นว่างไว้ได้ ระบบจะใช้ «ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากอำเภอ…»"))
    status = forms.ChoiceField(label=_("สถานะ"), choices=ServiceCenter.Status.choices,
                               initial=ServiceCenter.Status.ACTIVE)
    location = forms.ChoiceField(label=_("ที่ตั้งศูนย์"), choices=ServiceCenter.Location.choices,
                                 initial=ServiceCenter.Location.DISTRICT_OFFICE, widget=forms.RadioSelect,
                                 help_text=_("แนวทางให้ใช้สำนักงานพัฒนาชุมชนอำเภอเป็นลำดับแรก"))
    other_place = _text(_("สถานที่อื่นที่ใช้เป็นที่ตั้ง"))
    other_place_reason = forms.CharField(label=_("เหตุผลที่ใช้สถานที่อื่น"), required=False,
                                         widget=forms.Textarea(attrs={"rows": 2}))
    address = _area(_("ที่อยู่"), rows=2)
    phone = _text(_("โทรศัพท์"), max_length=100)
    email = forms.EmailField(label=_("อีเมล"), required=False, error_messages={"invalid": _("รูปแบบอีเมลไม่ถูกต้อง")})
    contact_person = _text(_("ผู้ประสานงาน"), max_length=200)
    mechanism = forms.ChoiceField(label=_("กลไกการขับเคลื่อน"), choices=ServiceCenter.Mechanism.choices,
                                  initial=ServiceCenter.Mechanism.GUIDELINE_2020, widget=forms.RadioSelect)
    mechanism_letter_number = _text(_("เลขที่หนังสือขอใช้แนวทางเดิม"), max_length=100)
    mechanism_letter_date = BEDateField(label=_("หนังสือลงวันที่ (พ.ศ.)"), required=False)
    letter_file = forms.FileField(label=_("ไฟล์หนังสือ (PDF หรือรูปภาพ)"), required=False)


class OrderForm(forms.Form):
    number = _text(_("เลขที่คำสั่ง"), required=True, max_length=50,
                   widget=forms.TextInput(attrs={"placeholder": "๑๒๓/๒๕๖๗"}))
    date = BEDateField(label=_("ลงวันที่ (พ.ศ.)"))
    signer_name = _text(_("ผู้ลงนาม"), max_length=200)
    signer_position = _text(_("ตำแหน่งผู้ลงนาม"), max_length=200, widget=forms.TextInput(
        attrs={"placeholder": _("เช่น นายอำเภอเมืองอุบลราชธานี")}))
    term_start = BEDateField(label=_("เริ่มวาระ (พ.ศ.)"), required=False,
                             help_text=_("เว้นว่างไว้ได้ ถือวันที่ของคำสั่ง"))
    term_end = BEDateField(label=_("สิ้นสุดวาระ (พ.ศ.)"), required=False)
    replaces_current = forms.BooleanField(
        label=_("คณะกรรมการชุดเดิมพ้นวาระเมื่อคำสั่งนี้เริ่มใช้"), required=False,
        help_text=_("กรรมการที่อยู่ในตำแหน่งก่อนวันเริ่มวาระของคำสั่งนี้ จะพ้นวาระในวันก่อนหน้า (ข้อมูลยังเก็บไว้)"))
    file = forms.FileField(label=_("สำเนาคำสั่งที่ลงนามแล้ว (PDF หรือรูปภาพ)"), required=False)


class OrderEditForm(forms.Form):
    number = OrderForm.base_fields["number"]
    date = OrderForm.base_fields["date"]
    signer_name = OrderForm.base_fields["signer_name"]
    signer_position = OrderForm.base_fields["signer_position"]
    file = forms.FileField(label=_("แนบสำเนาคำสั่ง (PDF หรือรูปภาพ)"), required=False)


class MemberRowForm(forms.Form):
    """One row of the order page's table of members."""

    name = _text(_("ชื่อ-สกุล"), max_length=200)
    position = forms.ChoiceField(label=_("ตำแหน่ง"), choices=CommitteeMember.Position.choices,
                                 initial=CommitteeMember.Position.MEMBER)
    position_other = _text(_("ตำแหน่งอื่น (ระบุ)"), max_length=200)
    seat = forms.ChoiceField(label=_("องค์ประกอบ"), choices=BLANK + CommitteeMember.Seat.choices, required=False)
    organisation = _text(_("หน่วยงาน/องค์กร"))
    phone = _text(_("โทรศัพท์"), max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # the table's header names the column; a screen reader needs it too
            field.widget.attrs["aria-label"] = str(field.label)
        for name in ("name", "organisation"):
            self.fields[name].widget.attrs["class"] = "wide"

    def has_changed(self) -> bool:
        """A row counts when something was typed or chosen in it (the position alone has a default)."""
        typed = ("name", "position_other", "seat", "organisation", "phone")
        return any(str(self.data.get(self.add_prefix(name), "")).strip() for name in typed)

    def clean(self):
        data = super().clean()
        if self.has_changed() and not (data.get("name") or "").strip():
            self.add_error("name", _("กรุณากรอกชื่อ-สกุลของกรรมการ"))
        return data


def member_rows(extra: int = 15):
    """The order page's rows: 15 empty ones by default (the 2020 committee has 11–15), up to 40."""
    return forms.formset_factory(MemberRowForm, extra=extra, max_num=40, absolute_max=40)


class OrderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: AppointmentOrder) -> str:
        from cdd_portal.thai import thai_date

        return f"คำสั่งที่ {obj.number} ลงวันที่ {thai_date(obj.date)}"


class MemberForm(forms.Form):
    field_order = ["order", "name", "position", "position_other", "seat", "organisation", "phone", "term_start",
                   "term_end", "end_reason"]
    order = OrderChoiceField(label=_("คำสั่งแต่งตั้ง"), queryset=AppointmentOrder.objects.none(), required=False,
                             empty_label=_("— ไม่ระบุ —"))
    name = _text(_("ชื่อ-สกุล"), required=True, max_length=200)
    position = MemberRowForm.base_fields["position"]
    position_other = MemberRowForm.base_fields["position_other"]
    seat = forms.ChoiceField(label=_("องค์ประกอบ"), choices=BLANK + CommitteeMember.Seat.choices)
    organisation = MemberRowForm.base_fields["organisation"]
    phone = MemberRowForm.base_fields["phone"]
    term_start = BEDateField(label=_("เริ่มวาระ (พ.ศ.)"), required=False,
                             help_text=_("เว้นว่างไว้ได้ถ้าเลือกคำสั่ง: ถือวันที่ของคำสั่ง"))
    term_end = BEDateField(label=_("สิ้นสุดวาระ / พ้นจากตำแหน่ง (พ.ศ.)"), required=False,
                           help_text=_("กรรมการที่พ้นจากตำแหน่งให้ใส่วันที่นี้ ข้อมูลไม่ถูกลบ"))
    end_reason = _text(_("เหตุที่พ้นจากตำแหน่ง"), max_length=200)

    def __init__(self, *args, center, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].queryset = AppointmentOrder.objects.filter(center=center).order_by("-date", "-id")


class MeetingForm(forms.Form):
    date = BEDateField(label=_("วันที่ประชุม (พ.ศ.)"))
    number = _text(_("ครั้งที่"), max_length=50, widget=forms.TextInput(attrs={"placeholder": "๑/๒๕๖๘"}))
    attendee_count = ThaiIntegerField(label=_("จำนวนผู้เข้าประชุม (คน)"), min_value=0, required=False)
    attendees = _area(_("รายชื่อผู้เข้าประชุม"), rows=4)
    agenda = _area(_("วาระการประชุมและมติ"), rows=4)
    minutes = forms.FileField(label=_("รายงานการประชุม (PDF หรือรูปภาพ)"), required=False)


class ActivityForm(forms.Form):
    date = BEDateField(label=_("วันที่จัดกิจกรรม (พ.ศ.)"))
    kind = forms.ChoiceField(label=_("ประเภทกิจกรรม"), choices=BLANK + Activity.Kind.choices)
    kind_other = _text(_("ประเภทอื่น (ระบุ)"), max_length=200)
    title = _text(_("ชื่อกิจกรรม"), required=True)
    description = _area(_("รายละเอียด"))
    target_groups = forms.MultipleChoiceField(label=_("กลุ่มเป้าหมายที่มารับบริการ"), required=False,
                                              choices=Activity.TargetGroup.choices,
                                              widget=forms.CheckboxSelectMultiple)
    count_interested = ThaiIntegerField(label=Activity._meta.get_field("count_interested").verbose_name,
                                        min_value=0, required=False)
    count_unregistered = ThaiIntegerField(label=Activity._meta.get_field("count_unregistered").verbose_name,
                                          min_value=0, required=False)
    count_registered = ThaiIntegerField(label=Activity._meta.get_field("count_registered").verbose_name,
                                        min_value=0, required=False)
    media = forms.MultipleChoiceField(label=_("สื่อ/สิ่งพิมพ์ที่ให้บริการ"), required=False,
                                      choices=Activity.Medium.choices, widget=forms.CheckboxSelectMultiple)
    media_other = _text(_("สื่ออื่น (ระบุ)"))
    evidence = forms.MultipleChoiceField(label=_("เอกสารหลักฐานการให้บริการ"), required=False,
                                         choices=Activity.Evidence.choices, widget=forms.CheckboxSelectMultiple)
    evidence_other = _text(_("หลักฐานอื่น (ระบุ)"))
    photos = MultipleFileField(label=_("ภาพถ่าย (เลือกได้หลายไฟล์: JPEG, PNG, WebP)"), required=False)
    evidence_files = MultipleFileField(label=_("ไฟล์หลักฐาน (PDF หรือรูปภาพ หลายไฟล์ได้)"), required=False)


MONTHS = BLANK + [(str(m), THAI_MONTHS[m]) for m in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)]
QUARTERS = BLANK + [(str(q), _("ไตรมาสที่ %(q)s") % {"q": "๑๒๓๔"[q - 1]}) for q in (1, 2, 3, 4)]


class PlanForm(forms.Form):
    kind = forms.ChoiceField(label=_("ประเภทแผน"), choices=BLANK + Plan.Kind.choices)
    fiscal_year = ThaiIntegerField(label=_("ปีงบประมาณ (พ.ศ.)"), min_value=2500, max_value=2700)
    month = forms.TypedChoiceField(label=_("เดือน (แผนรายเดือน)"), choices=MONTHS, coerce=int, empty_value=None,
                                   required=False)
    quarter = forms.TypedChoiceField(label=_("ไตรมาส (แผนรายไตรมาส)"), choices=QUARTERS, coerce=int,
                                     empty_value=None, required=False)
    title = _text(_("ชื่อแผน"), required=True)
    note = _area(_("หมายเหตุ"), rows=2)
    is_active = forms.BooleanField(label=_("ใช้อยู่"), required=False, initial=True)
    file = forms.FileField(label=_("ไฟล์แผน (PDF หรือรูปภาพ)"), required=False)


class VillageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Village) -> str:
        return f"หมู่ที่ {obj.number} {obj.name_th} ต.{obj.subdistrict.name_th}"


class WisdomForm(forms.Form):
    name = _text(_("ชื่อภูมิปัญญา"), required=True)
    category = forms.ChoiceField(label=_("ประเภทภูมิปัญญา"), choices=BLANK + Wisdom.Category.choices)
    holder = _text(_("ผู้รู้/เจ้าของภูมิปัญญา"), max_length=200)
    village = VillageChoiceField(label=_("หมู่บ้าน"), queryset=Village.objects.none(), required=False,
                                 empty_label=_("— ไม่ระบุ —"))
    description = _area(_("รายละเอียด"))
    contact = _text(_("ช่องทางติดต่อ"))
    is_active = forms.BooleanField(label=_("ยังมีอยู่ในคลัง"), required=False, initial=True)

    def __init__(self, *args, district_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = (Village.objects.filter(subdistrict__district_id=district_code)
                                           .select_related("subdistrict").order_by("subdistrict__name_th", "number"))
