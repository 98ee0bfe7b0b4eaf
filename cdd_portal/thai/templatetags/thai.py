"""Template filters for Thai display. Registered as template builtins (no {% load %} needed).

* None and "" give "", so that an empty cell stays empty; so does a value the filter cannot read (a
  string that is not a number for thai_number, a non-date for thai_date), as Django's own filters do.
* thai_digits and arabic_digits only swap digits, so they keep the input's safety (is_safe=True):
  plain text is still autoescaped, and already-safe HTML (``{{ text|linebreaksbr|thai_digits }}``) is not
  escaped twice; in safe HTML, tags and character references keep their digits.
* The other filters build their output from a number or a date; it is plain text and autoescaped.
* be_year, fiscal_year and fiscal_quarter show Thai digits, like every other display filter here.
"""

from datetime import date

from django import template
from django.utils.safestring import SafeData

from cdd_portal.thai import formatting as fmt

register = template.Library()


def _blank(value) -> bool:
    return value is None or value == ""


def _is_date(value) -> bool:
    return isinstance(value, date)  # datetimes are dates too


def _places(arg) -> int | None:
    if arg is None or arg == "":
        return None
    places = int(arg)
    if places < 0:
        raise ValueError(places)
    return places


@register.filter(is_safe=True)
def thai_digits(value):
    """{{ text|thai_digits }}: Arabic → Thai digits; e-mails, URLs and identifiers keep theirs."""
    if _blank(value):
        return ""
    return fmt.to_thai_digits(value, html=isinstance(value, SafeData))


@register.filter(is_safe=True)
def arabic_digits(value):
    """{{ text|arabic_digits }}: Thai → Arabic digits."""
    return "" if _blank(value) else fmt.to_arabic_digits(value)


@register.filter
def baht_text(value):
    """{{ amount|baht_text }} → สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน"""
    if _blank(value):
        return ""
    try:
        return fmt.baht_text(value)
    except (ValueError, TypeError):
        return ""


@register.filter
def thai_date(value):
    """{{ d|thai_date }} → ๒๔ เมษายน ๒๕๖๓"""
    return fmt.thai_date(value) if _is_date(value) else ""


@register.filter
def thai_date_short(value):
    """{{ d|thai_date_short }} → ๒๔ เม.ย. ๖๓"""
    return fmt.thai_date_short(value) if _is_date(value) else ""


@register.filter
def thai_datetime(value):
    """{{ dt|thai_datetime }} → ๒๔ เมษายน ๒๕๖๓ เวลา ๑๔.๓๐ น. (Bangkok time)"""
    return fmt.thai_datetime(value) if _is_date(value) else ""


@register.filter
def be_year(value):
    """{{ d|be_year }} or {{ 2024|be_year }} → ๒๕๖๗"""
    if _is_date(value) or (isinstance(value, int) and not isinstance(value, bool)):
        return fmt.to_thai_digits(fmt.be_year(value))
    return ""


@register.filter
def fiscal_year(value):
    """{{ d|fiscal_year }} → ๒๕๖๘ for date(2024, 10, 1)"""
    return fmt.to_thai_digits(fmt.fiscal_year(value)) if _is_date(value) else ""


@register.filter
def fiscal_quarter(value):
    """{{ d|fiscal_quarter }} → ๑ for October–December"""
    return fmt.to_thai_digits(fmt.fiscal_quarter(value)) if _is_date(value) else ""


@register.filter
def thai_number(value, places=None):
    """{{ amount|thai_number }} → ๔๑,๑๐๐; {{ amount|thai_number:2 }} → ๔๑,๑๐๐.๐๐"""
    if _blank(value):
        return ""
    try:
        return fmt.format_number(value, _places(places), thai_digits=True)
    except (ValueError, TypeError):
        return ""


@register.filter
def number(value, places=None):
    """Like thai_number with Arabic digits: {{ amount|number:2 }} → 41,100.00"""
    if _blank(value):
        return ""
    try:
        return fmt.format_number(value, _places(places), thai_digits=False)
    except (ValueError, TypeError):
        return ""


@register.filter
def be_date_input(value):
    """A date (or an ISO "2024-10-25" string) as an officer types it: 25/10/2567. Other text is
    returned as it is, so that a wrong entry is shown back unchanged."""
    if _blank(value):
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    if not _is_date(value):
        return value
    return f"{value.day:02d}/{value.month:02d}/{fmt.be_year(value)}"
