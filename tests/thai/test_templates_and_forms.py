from datetime import date
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template

from cdd_portal.thai.forms import BEDateField, ThaiDecimalField, ThaiIntegerField


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_filters_are_builtins_and_format_thai():
    out = render(
        "{{ a|thai_number }}|{{ a|baht_text }}|{{ d|thai_date }}|{{ d|thai_date_short }}|{{ d|fiscal_year }}|"
        "{{ d|fiscal_quarter }}|{{ d|be_year }}|{{ a|number }}|{{ m|thai_digits }}",
        a=Decimal("41100"), d=date(2020, 4, 24), m="cddse9@gmail.com ที่ 12",
    )
    assert out == ("๔๑,๑๐๐|สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน|๒๔ เมษายน ๒๕๖๓|๒๔ เม.ย. ๖๓|๒๕๖๓|๓|๒๕๖๓|41,100|"
                   "cddse9@gmail.com ที่ ๑๒")


def test_filters_leave_empty_values_empty():
    assert render("[{{ x|thai_number }}{{ x|thai_date }}{{ x|baht_text }}{{ x|thai_digits }}]", x=None) == "[]"


def test_filters_do_not_unescape_user_text():
    assert render("{{ t|thai_digits }}", t="1 < 2 & 3") == "๑ &lt; ๒ &amp; ๓"


class SampleForm(forms.Form):
    when = BEDateField()
    amount = ThaiDecimalField(max_digits=14, decimal_places=2)
    count = ThaiIntegerField(min_value=0)


def test_form_accepts_thai_digits_commas_and_be_dates():
    form = SampleForm({"when": "๒๕/๑๐/๒๕๖๗", "amount": "๔๑,๑๐๐.๕๐", "count": "๑,๒๐๐"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"when": date(2024, 10, 25), "amount": Decimal("41100.50"), "count": 1200}


def test_form_errors_are_thai_and_keep_the_input():
    form = SampleForm({"when": "25/10/2024", "amount": "สี่สิบ", "count": "-1"})
    assert not form.is_valid()
    assert "ค.ศ." in form.errors["when"][0]
    assert "ตัวเลข" in form.errors["amount"][0]
    assert "count" in form.errors
    assert 'value="25/10/2024"' in str(form["when"])


def test_be_date_widget_shows_the_buddhist_year():
    form = SampleForm(initial={"when": date(2024, 10, 25)})
    assert 'value="25/10/2567"' in str(form["when"])
    assert "พ.ศ." in str(form["when"])


@pytest.mark.parametrize("value", ["", None])
def test_empty_optional_fields(value):
    field = BEDateField(required=False)
    assert field.clean(value) is None


def test_number_fields_render_as_text_boxes_that_take_thai_digits():
    html = str(SampleForm()["count"])
    assert 'type="text"' in html and 'inputmode="decimal"' in html
