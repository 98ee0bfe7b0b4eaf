"""Form fields that accept what Thai officers type: Thai digits, thousands commas, Buddhist-era dates."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from cdd_portal.thai import formatting as fmt


class ThaiNumberInput(forms.TextInput):
    """A text box, not <input type=number>: browsers refuse Thai digits and commas in number inputs."""

    def __init__(self, attrs=None, inputmode: str = "decimal"):
        super().__init__({"inputmode": inputmode, "autocomplete": "off", **(attrs or {})})


class ThaiIntegerField(forms.IntegerField):
    widget = ThaiNumberInput
    default_error_messages = {"invalid": _("กรุณากรอกจำนวนเต็ม (เลขไทยหรือเลขอารบิกก็ได้)")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return fmt.parse_integer(value)
        except fmt.ThaiParseError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc


class ThaiDecimalField(forms.DecimalField):
    widget = ThaiNumberInput
    default_error_messages = {"invalid": _("กรุณากรอกตัวเลข (เลขไทยหรือเลขอารบิก คั่นหลักพันด้วยจุลภาคได้)")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return fmt.parse_decimal(value)
        except fmt.ThaiParseError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc


class BEDateInput(forms.TextInput):
    """Shows a date as วว/ดด/ปปปป in the Buddhist era; what the user typed is kept on errors."""

    def __init__(self, attrs=None):
        defaults = {"placeholder": _("วว/ดด/ปปปป (พ.ศ.)"), "inputmode": "text", "autocomplete": "off"}
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, date):
            return f"{value.day:02d}/{value.month:02d}/{fmt.be_year(value)}"
        return super().format_value(value)


class BEDateField(forms.DateField):
    widget = BEDateInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        try:
            return fmt.parse_be_date(value)
        except fmt.ThaiParseError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc
