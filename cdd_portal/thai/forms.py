"""Form fields that accept what Thai officers type: Thai digits, thousands commas, Buddhist-era dates.

The number fields render as text boxes (``<input type="number">`` refuses Thai digits and commas) and
their error messages are Thai (Django's Thai catalogue leaves the digit-count messages in English).
"""

from datetime import date, datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from cdd_portal.thai import formatting as fmt

_NUMBER_ERRORS = {
    "min_value": _("ต้องไม่น้อยกว่า %(limit_value)s"),
    "max_value": _("ต้องไม่เกิน %(limit_value)s"),
    "step_size": _("ต้องเป็นผลคูณของ %(limit_value)s"),
}


def _strip(value):
    """Blank text counts as empty ("required", not "invalid")."""
    return value.strip() if isinstance(value, str) else value


class ThaiNumberInput(forms.TextInput):
    """A text box with a keyboard hint for phones: inputmode "decimal" (or as given)."""

    inputmode = "decimal"

    def __init__(self, attrs=None, inputmode: str | None = None):
        super().__init__({"inputmode": inputmode or self.inputmode, "autocomplete": "off", **(attrs or {})})


class ThaiIntegerInput(ThaiNumberInput):
    inputmode = "numeric"


class ThaiIntegerField(forms.IntegerField):
    """An IntegerField that reads "๑,๒๐๐" and "1,200" (see parse_integer)."""

    widget = ThaiIntegerInput
    default_error_messages = {
        "invalid": _("กรุณากรอกจำนวนเต็ม (เลขไทยหรือเลขอารบิกก็ได้ คั่นหลักพันด้วยจุลภาคได้)"),
        **_NUMBER_ERRORS,
    }

    def to_python(self, value):
        value = _strip(value)
        if value in self.empty_values:
            return None
        try:
            return fmt.parse_integer(value)
        except fmt.ThaiParseError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc


class ThaiDecimalField(forms.DecimalField):
    """A DecimalField that reads "๔๑,๑๐๐.๕๐", "41,100.50 บาท" and "1,500.-" (see parse_decimal)."""

    widget = ThaiNumberInput
    default_error_messages = {
        "invalid": _("กรุณากรอกตัวเลข (เลขไทยหรือเลขอารบิก คั่นหลักพันด้วยจุลภาคได้ เช่น 41,100.50)"),
        "max_digits": _("ต้องมีตัวเลขรวมไม่เกิน %(max)s หลัก"),
        "max_decimal_places": _("ทศนิยมต้องไม่เกิน %(max)s ตำแหน่ง"),
        "max_whole_digits": _("ตัวเลขหน้าจุดทศนิยมต้องไม่เกิน %(max)s หลัก"),
        **_NUMBER_ERRORS,
    }

    def to_python(self, value):
        value = _strip(value)
        if value in self.empty_values:
            return None
        try:
            return fmt.parse_decimal(value)
        except fmt.ThaiParseError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc


class BEDateInput(forms.DateInput):
    """Shows a date as วว/ดด/ปปปป in the Buddhist era (25/10/2567); what the user typed is shown back
    as typed when the form is redisplayed."""

    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {"placeholder": _("วว/ดด/ปปปป (พ.ศ.)"), "inputmode": "text", "autocomplete": "off"}
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime):
            value = fmt.parse_be_date(value)  # its local date
        if isinstance(value, date):
            return f"{value.day:02d}/{value.month:02d}/{fmt.be_year(value)}"
        return super().format_value(value)


class BEDateField(forms.DateField):
    """A DateField read with parse_be_date: "25/10/2567", "๒๕/๑๐/๒๕๖๗", "25 ต.ค. 67", ISO "2024-10-25".
    The error says what went wrong, in Thai (a CE year, a day not in the calendar, unreadable text)."""

    widget = BEDateInput

    def to_python(self, value):
        value = _strip(value)
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return fmt.parse_be_date(value)  # a datetime becomes its local date
        try:
            return fmt.parse_be_date(str(value))
        except fmt.ThaiParseError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc
