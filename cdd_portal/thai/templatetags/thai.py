"""Template filters for Thai display. Registered as template builtins (no {% load %} needed).

None and "" give "" so that an empty cell stays empty. Output is plain text: autoescaping applies.
"""

from django import template

from cdd_portal.thai import formatting as fmt

register = template.Library()


def _blank(value) -> bool:
    return value is None or value == ""


@register.filter
def thai_digits(value):
    return "" if _blank(value) else fmt.to_thai_digits(value)


@register.filter
def arabic_digits(value):
    return "" if _blank(value) else fmt.to_arabic_digits(value)


@register.filter
def baht_text(value):
    return "" if _blank(value) else fmt.baht_text(value)


@register.filter
def thai_date(value):
    return fmt.thai_date(value) if value else ""


@register.filter
def thai_date_short(value):
    return fmt.thai_date_short(value) if value else ""


@register.filter
def thai_datetime(value):
    return fmt.thai_datetime(value) if value else ""


@register.filter
def be_year(value):
    return "" if _blank(value) else fmt.to_thai_digits(fmt.be_year(value))


@register.filter
def fiscal_year(value):
    return fmt.to_thai_digits(fmt.fiscal_year(value)) if value else ""


@register.filter
def fiscal_quarter(value):
    return fmt.to_thai_digits(fmt.fiscal_quarter(value)) if value else ""


@register.filter
def thai_number(value, places=None):
    """{{ amount|thai_number }} → ๔๑,๑๐๐; {{ amount|thai_number:2 }} → ๔๑,๑๐๐.๐๐"""
    if _blank(value):
        return ""
    return fmt.format_number(value, None if places is None else int(places), thai_digits=True)


@register.filter
def number(value, places=None):
    """Like thai_number with Arabic digits (tables where the office prefers them)."""
    if _blank(value):
        return ""
    return fmt.format_number(value, None if places is None else int(places), thai_digits=False)
