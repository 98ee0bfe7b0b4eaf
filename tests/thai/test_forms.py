"""Form fields: Thai digits, thousands commas and Buddhist-era dates in; Thai error messages out."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django import forms

from cdd_portal.thai.forms import BEDateField, BEDateInput, ThaiDecimalField, ThaiIntegerField


class SampleForm(forms.Form):
    when = BEDateField()
    amount = ThaiDecimalField(max_digits=14, decimal_places=2, min_value=0)
    count = ThaiIntegerField(min_value=0, max_value=99)


def test_form_accepts_thai_digits_commas_and_be_dates():
    form = SampleForm({"when": "๒๕/๑๐/๒๕๖๗", "amount": "๔๑,๑๐๐.๕๐ บาท", "count": "๑๒"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"when": date(2024, 10, 25), "amount": Decimal("41100.50"), "count": 12}


@pytest.mark.parametrize(("typed", "value"), [
    ("๒๕/๑๐/๒๕๖๗", date(2024, 10, 25)),
    ("25 ต.ค. 67", date(2024, 10, 25)),
    ("2024-10-25", date(2024, 10, 25)),
    (date(2024, 1, 2), date(2024, 1, 2)),
    (datetime(2024, 1, 1, 18, 0, tzinfo=UTC), date(2024, 1, 2)),  # its Bangkok date
])
def test_be_date_field(typed, value):
    result = BEDateField().clean(typed)
    assert result == value and type(result) is date


def test_a_christian_era_year_is_refused_in_thai():
    with pytest.raises(forms.ValidationError) as exc:
        BEDateField().clean("25/10/2024")
    assert exc.value.messages == ["ปี 2024 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกปี พ.ศ. เช่น 2567"]


def test_form_errors_are_thai_and_keep_the_input():
    form = SampleForm({"when": "31/02/2567", "amount": "สี่สิบ", "count": "1.5"})
    assert not form.is_valid()
    assert form.errors["when"] == ["ไม่มีวันที่ «31/02/2567» ในปฏิทิน"]
    assert form.errors["amount"][0].startswith("กรุณากรอกตัวเลข")
    assert form.errors["count"][0].startswith("กรุณากรอกจำนวนเต็ม")
    assert 'value="31/02/2567"' in str(form["when"])
    assert 'value="สี่สิบ"' in str(form["amount"])


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"amount": "-1"}, "amount", "ต้องไม่น้อยกว่า 0"),
    ({"amount": "1,000,000,000,000.00"}, "amount", "ต้องมีตัวเลขรวมไม่เกิน 14 หลัก"),
    ({"amount": "1.005"}, "amount", "ทศนิยมต้องไม่เกิน 2 ตำแหน่ง"),
    ({"count": "-1"}, "count", "ต้องไม่น้อยกว่า 0"),
    ({"count": "๑๐๐"}, "count", "ต้องไม่เกิน 99"),
])
def test_limit_messages_are_thai(data, field, message):
    form = SampleForm({"when": "1/1/2567", "amount": "1", "count": "1", **data})
    assert not form.is_valid()
    assert form.errors[field] == [message]


def test_whole_digits_message_is_thai():
    field = ThaiDecimalField(max_digits=5, decimal_places=2)
    with pytest.raises(forms.ValidationError) as exc:
        field.clean("1,000.5")
    assert exc.value.messages == ["ตัวเลขหน้าจุดทศนิยมต้องไม่เกิน 3 หลัก"]


def test_be_date_widget_shows_the_buddhist_year():
    html = str(SampleForm(initial={"when": date(2024, 10, 25)})["when"])
    assert 'value="25/10/2567"' in html
    assert 'type="text"' in html
    assert 'placeholder="วว/ดด/ปปปป (พ.ศ.)"' in html
    assert 'inputmode="text"' in html


def test_be_date_widget_formats_values():
    widget = BEDateInput()
    assert widget.format_value(date(2024, 10, 25)) == "25/10/2567"
    assert widget.format_value(date(2025, 1, 5)) == "05/01/2568"
    assert widget.format_value(datetime(2024, 10, 24, 20, 0, tzinfo=UTC)) == "25/10/2567"  # Bangkok date
    assert widget.format_value("๒๕/๑๐/๒๕๖๗") == "๒๕/๑๐/๒๕๖๗"  # what was typed, as typed
    assert widget.format_value(None) is None
    assert BEDateInput(attrs={"placeholder": "x"}).attrs["placeholder"] == "x"


def test_a_valid_bound_form_redisplays_the_typed_value_and_sees_no_change():
    form = SampleForm({"when": "๒๕/๑๐/๒๕๖๗", "amount": "1", "count": "1"},
                      initial={"when": date(2024, 10, 25)})
    assert form.is_valid()
    assert 'value="๒๕/๑๐/๒๕๖๗"' in str(form["when"])
    assert "when" not in form.changed_data


@pytest.mark.parametrize("value", ["", None, "  "])
def test_empty_optional_fields(value):
    assert BEDateField(required=False).clean(value) is None
    assert ThaiDecimalField(required=False).clean(value) is None
    assert ThaiIntegerField(required=False).clean(value) is None


def test_required_fields_say_so():
    form = SampleForm({})
    assert set(form.errors) == {"when", "amount", "count"}


def test_number_fields_render_as_text_boxes_that_take_thai_digits():
    form = SampleForm()
    assert 'type="text"' in str(form["count"]) and 'inputmode="numeric"' in str(form["count"])
    assert 'type="text"' in str(form["amount"]) and 'inputmode="decimal"' in str(form["amount"])
    assert 'min="' not in str(form["count"])  # no number-input attributes on a text box


def test_integer_field_reads_thai_digits_and_commas():
    field = ThaiIntegerField()
    assert field.clean("๑,๒๐๐") == 1200
    assert field.clean("1,200") == 1200
    assert field.clean(7) == 7
    with pytest.raises(forms.ValidationError):
        field.clean("1,20")
