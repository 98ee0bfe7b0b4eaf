from django import forms
from django.utils.translation import gettext_lazy as _

from cdd_portal.thai import to_thai_digits
from cdd_portal.thai.forms import BEDateField, ThaiDecimalField, ThaiIntegerField
from funds import kinds
from funds.assessments.models import LEVEL_SETS, Assessment, Indicator, Principle

BLANK = [("", _("— เลือก —"))]


YEAR = _("ปีงบประมาณ (พ.ศ.)")


def _year(label=YEAR, required=True):
    return ThaiIntegerField(label=label, required=required, min_value=2500, max_value=2700,
                            error_messages={"min_value": _("ปีต้องเป็นปี พ.ศ. เช่น ๒๕๖๘"),
                                            "max_value": _("ปีต้องเป็นปี พ.ศ. เช่น ๒๕๖๘")})


class IndicatorSetForm(forms.Form):
    fund_kind = forms.ChoiceField(label=_("ประเภทกองทุน"), choices=())
    fiscal_year = _year()
    title = forms.CharField(label=_("ชื่อชุดตัวชี้วัด"), max_length=300)
    level_only = forms.BooleanField(label=_("บันทึกเฉพาะระดับ (ยังไม่ทราบตัวชี้วัด)"), required=False)
    source_note = forms.CharField(label=_("ที่มาของชุดตัวชี้วัด"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund_kind"].choices = BLANK + kinds.choices()
        if editing:
            del self.fields["fund_kind"]
            del self.fields["fiscal_year"]


class IndicatorRowForm(forms.Form):
    """One row of the table of new indicators."""

    number = ThaiIntegerField(label=_("ข้อที่"), required=False, min_value=1, max_value=999)
    text = forms.CharField(label=_("ตัวชี้วัด"), required=False, max_length=1000)
    principle = forms.ModelChoiceField(label=_("หลักธรรมาภิบาล"), queryset=Principle.objects.all(), required=False,
                                       empty_label=_("— เลือก —"))
    is_mandatory = forms.BooleanField(label=_("บังคับ"), required=False)
    scoring = forms.ChoiceField(label=_("วิธีให้คะแนน"), choices=Indicator.Scoring.choices,
                                initial=Indicator.Scoring.PASS_FAIL)
    max_score = ThaiDecimalField(label=_("คะแนนเต็ม"), required=False, max_digits=6, decimal_places=2, min_value=0)
    pass_score = ThaiDecimalField(label=_("คะแนนที่ผ่าน"), required=False, max_digits=6, decimal_places=2,
                                  min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["aria-label"] = str(field.label)
        self.fields["text"].widget.attrs.update({"class": "wide", "style": "min-width:22rem"})
        for name in ("number", "max_score", "pass_score"):
            self.fields[name].widget.attrs["style"] = "width:5rem"

    def has_changed(self) -> bool:
        """A row counts when something was typed in it (its number is filled in beforehand)."""
        typed = ("text", "principle", "max_score", "pass_score")
        return any(str(self.data.get(self.add_prefix(name), "")).strip() for name in typed)

    def clean(self):
        data = super().clean()
        if not self.has_changed():
            return data
        if data.get("number") is None and "number" not in self.errors:
            self.add_error("number", _("กรุณาใส่ข้อที่"))
        if not (data.get("text") or "").strip():
            self.add_error("text", _("กรุณากรอกตัวชี้วัด"))
        if data.get("principle") is None and "principle" not in self.errors:
            self.add_error("principle", _("กรุณาเลือกหลักธรรมาภิบาล"))
        if data.get("scoring") == Indicator.Scoring.SCORE and data.get("max_score") is None \
                and "max_score" not in self.errors:
            self.add_error("max_score", _("ตัวชี้วัดแบบคะแนนต้องมีคะแนนเต็ม"))
        return data


def indicator_rows(extra: int = 0):
    return forms.formset_factory(IndicatorRowForm, extra=extra, max_num=60, absolute_max=60)


class RuleRowForm(forms.Form):
    """One level's rule (the table has one row per level of the kind)."""

    level = forms.CharField(widget=forms.HiddenInput)
    used = forms.BooleanField(label=_("ใช้ระดับนี้"), required=False, initial=True)
    label = forms.CharField(label=_("ชื่อเรียกระดับ"), required=False, max_length=100)
    rank = ThaiIntegerField(label=_("ลำดับความดี"), min_value=1, max_value=9)
    min_passed = ThaiIntegerField(label=_("ผ่านอย่างน้อย (ข้อ)"), required=False, min_value=0, max_value=999)
    min_score = ThaiDecimalField(label=_("คะแนนรวมอย่างน้อย"), required=False, max_digits=8, decimal_places=2,
                                 min_value=0)
    requires_all_mandatory = forms.BooleanField(label=_("ต้องผ่านตัวชี้วัดบังคับทุกข้อ"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["aria-label"] = str(field.label)


RuleRows = forms.formset_factory(RuleRowForm, extra=0)


def rule_initial(indicator_set) -> list[dict]:
    existing = {r.level: r for r in indicator_set.rules.all()}
    levels = LEVEL_SETS[indicator_set.kind.level_set] if indicator_set.kind else ("1", "2", "3")
    rows = []
    for n, level in enumerate(levels):
        rule = existing.get(level)
        default_rank = int(level) if level.isdigit() else len(levels) - n
        rows.append({"level": level, "used": rule is not None or not existing, "label": rule.label if rule else "",
                     "rank": rule.rank if rule else default_rank,
                     "min_passed": rule.min_passed if rule else None, "min_score": rule.min_score if rule else None,
                     "requires_all_mandatory": rule.requires_all_mandatory if rule else False})
    return rows


class FundChoiceForm(forms.Form):
    """Which fund to assess: the kind, then one of the funds the district keeps."""

    kind = forms.ChoiceField(label=_("ประเภทกองทุน"), choices=())
    fund = forms.ChoiceField(label=_("กองทุน/กลุ่ม"), choices=(), required=False)
    year = _year()
    round = forms.TypedChoiceField(label=_("รอบการประเมิน"), choices=Assessment.Round.choices, coerce=int,
                                   initial=Assessment.Round.BEFORE)

    def __init__(self, *args, kind_choices=(), fund_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(kind_choices)
        self.fields["fund"].choices = BLANK + list(fund_choices)


class AssessmentForm(forms.Form):
    """The assessment of one fund with the published set's indicators (or the level, for a level-only set)."""

    assessed_on = BEDateField(label=_("วันที่ประเมิน (พ.ศ.)"))
    assessor = forms.CharField(label=_("ผู้ประเมิน"), max_length=200)
    note = forms.CharField(label=_("หมายเหตุ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, indicator_set, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator_set = indicator_set
        self.indicators = list(indicator_set.indicators.select_related("principle").order_by("number"))
        if indicator_set.level_only:
            self.fields["level"] = forms.ChoiceField(
                label=_("ระดับที่ได้"), choices=BLANK + [(r.level, r.display) for r in indicator_set.rules.all()],
                error_messages={"required": _("กรุณาเลือกระดับที่ได้")})
        for indicator in self.indicators:
            name = f"i{indicator.pk}"
            label = _("ข้อ %(n)s") % {"n": to_thai_digits(indicator.number)}
            if indicator.scoring == Indicator.Scoring.SCORE:
                self.fields[name] = ThaiDecimalField(
                    label=label, max_digits=6, decimal_places=2, min_value=0, max_value=indicator.max_score,
                    error_messages={"required": _("กรุณาใส่คะแนนข้อ %(n)s") % {"n": to_thai_digits(indicator.number)}})
            else:
                self.fields[name] = forms.ChoiceField(
                    label=label, widget=forms.RadioSelect, choices=[("1", _("ผ่าน")), ("0", _("ไม่ผ่าน"))],
                    error_messages={"required": _("กรุณาเลือกผ่านหรือไม่ผ่านข้อ %(n)s")
                                    % {"n": to_thai_digits(indicator.number)}})
            self.fields[f"n{indicator.pk}"] = forms.CharField(label=_("หมายเหตุข้อ %(n)s") % {
                "n": to_thai_digits(indicator.number)}, required=False, max_length=300)

    def rows(self):
        """(indicator, its result field, its note field) for the table."""
        return [(i, self[f"i{i.pk}"], self[f"n{i.pk}"]) for i in self.indicators]

    def results(self) -> dict:
        out = {}
        for indicator in self.indicators:
            value = self.cleaned_data.get(f"i{indicator.pk}")
            note = self.cleaned_data.get(f"n{indicator.pk}") or ""
            if indicator.scoring == Indicator.Scoring.SCORE:
                out[indicator.pk] = {"score": value, "note": note}
            else:
                out[indicator.pk] = {"passed": value == "1", "note": note}
        return out

    @staticmethod
    def initial_from(assessment) -> dict:
        initial = {"assessed_on": assessment.assessed_on, "assessor": assessment.assessor, "note": assessment.note,
                   "level": assessment.level}
        for result in assessment.results.all():
            initial[f"i{result.indicator_id}"] = result.score if result.score is not None else (
                "1" if result.passed else "0")
            initial[f"n{result.indicator_id}"] = result.note
        return initial


class MotherFundForm(forms.Form):
    village = forms.ModelChoiceField(label=_("หมู่บ้าน"), queryset=None, empty_label=_("— เลือก —"))
    year_joined = _year(_("ปีที่เข้าร่วม (พ.ศ.)"), required=False)
    note = forms.CharField(label=_("หมายเหตุ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, villages=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["village"]
        else:
            self.fields["village"].queryset = villages
            self.fields["village"].label_from_instance = (
                lambda v: f"หมู่ที่ {to_thai_digits(v.number)} {v.name_th} ต.{v.subdistrict.name_th}")


class StopForm(forms.Form):
    on = BEDateField(label=_("วันที่หยุดดำเนินการ (พ.ศ.)"))
    reason = forms.CharField(label=_("เหตุผล"), widget=forms.Textarea(attrs={"rows": 2}))


class SummaryForm(forms.Form):
    year = _year(required=False)
