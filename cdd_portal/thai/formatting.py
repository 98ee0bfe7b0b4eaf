"""Thai formatting and parsing: digits, amounts in words, Buddhist-era dates, fiscal years.

Pure functions: no database, no request. Values are stored and computed in Arabic digits and
Christian-era dates; Thai digits and Buddhist-era years are a display and input format only.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _
from pythainlp.util import num_to_thaiword

BE_OFFSET = 543
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)

# Index 0 is empty so that THAI_MONTHS[d.month] reads naturally.
THAI_MONTHS = ("", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
THAI_MONTHS_SHORT = ("", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
                     "พ.ย.", "ธ.ค.")

SATANG = Decimal("0.01")


class ThaiParseError(ValueError):
    """Input that cannot be read; the message is Thai and fit to show the user."""


# --- digits -----------------------------------------------------------------------------------------

_PROTECTED_TOKEN = re.compile(r"@|://|^www\.|[A-Za-z]")


def to_thai_digits(text) -> str:
    """Arabic → Thai digits, except inside e-mail addresses, URLs and identifiers (any token with an
    ASCII letter: "cddse9@gmail.com", "ABC-123", "report2563.pdf" keep their digits)."""
    if text is None:
        return ""
    parts = re.split(r"(\s+)", str(text))
    return "".join(p if _PROTECTED_TOKEN.search(p) else p.translate(_TO_THAI) for p in parts)


def to_arabic_digits(text) -> str:
    if text is None:
        return ""
    return str(text).translate(_TO_ARABIC)


# --- numbers ----------------------------------------------------------------------------------------

_NUMBER = re.compile(r"^(?P<sign>-)?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?$")


def _clean_number_text(text) -> str:
    s = to_arabic_digits(text).strip()
    s = re.sub(r"\s*บาท$", "", s)
    s = s.replace(" ", "").replace("\u00a0", "")
    s = s.replace("\u2212", "-")
    return s


def parse_decimal(text) -> Decimal:
    """Read a number typed with Thai or Arabic digits and thousands commas: "๔๑,๑๐๐.๕๐" → 41100.50."""
    if isinstance(text, Decimal):
        return text
    if isinstance(text, int):
        return Decimal(text)
    s = _clean_number_text(text)
    match = _NUMBER.match(s)
    if not match:
        raise ThaiParseError(_("«%(text)s» ไม่ใช่ตัวเลขที่ถูกต้อง (ใช้เลขไทยหรือเลขอารบิก คั่นหลักพันด้วยจุลภาค)")
                             % {"text": text})
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern already guarantees a number
        raise ThaiParseError(_("«%(text)s» ไม่ใช่ตัวเลขที่ถูกต้อง") % {"text": text}) from exc


def parse_integer(text) -> int:
    value = parse_decimal(text)
    if value != value.to_integral_value():
        raise ThaiParseError(_("«%(text)s» ต้องเป็นจำนวนเต็ม") % {"text": text})
    return int(value)


def _to_decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return parse_decimal(value)


def format_number(value, places: int | None = None, thai_digits: bool = True) -> str:
    """41100 → "๔๑,๑๐๐"; Decimal("873600.50") → "๘๗๓,๖๐๐.๕๐". With places=None, two decimals are
    shown only when there is a fraction."""
    if value is None or value == "":
        return ""
    number = _to_decimal(value)
    if places is None:
        places = 0 if number == number.to_integral_value() else 2
    quantum = Decimal(1).scaleb(-places)
    text = f"{number.quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"
    return text.translate(_TO_THAI) if thai_digits else text


# --- amounts in words -------------------------------------------------------------------------------


def baht_text(amount) -> str:
    """The amount in words, as BAHTTEXT writes it: 41100 → "สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน",
    0.50 → "ห้าสิบสตางค์". Exact for Decimal (no float on the way); half a satang rounds up."""
    value = _to_decimal(amount).quantize(SATANG, rounding=ROUND_HALF_UP)
    sign = "ลบ" if value < 0 else ""
    value = abs(value)
    baht = int(value)
    satang = int((value - baht) * 100)
    if baht == 0 and satang == 0:
        return "ศูนย์บาทถ้วน"
    words = ""
    if baht:
        words = num_to_thaiword(baht) + "บาท"
    words += num_to_thaiword(satang) + "สตางค์" if satang else "ถ้วน"
    return sign + words


# --- Buddhist-era dates -----------------------------------------------------------------------------


def be_year(value) -> int:
    year = value if isinstance(value, int) else value.year
    return year + BE_OFFSET


def _as_local_date(value) -> date:
    if isinstance(value, datetime):
        return _local(value).date()
    return value


def _local(value: datetime) -> datetime:
    from django.conf import settings
    from django.utils import timezone

    if settings.configured and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def thai_date(value, thai_digits: bool = True) -> str:
    """date(2020, 4, 24) → "๒๔ เมษายน ๒๕๖๓"."""
    if not value:
        return ""
    d = _as_local_date(value)
    text = f"{d.day} {THAI_MONTHS[d.month]} {be_year(d)}"
    return text.translate(_TO_THAI) if thai_digits else text


def thai_date_short(value, thai_digits: bool = True) -> str:
    """date(2020, 4, 24) → "๒๔ เม.ย. ๖๓"."""
    if not value:
        return ""
    d = _as_local_date(value)
    text = f"{d.day} {THAI_MONTHS_SHORT[d.month]} {be_year(d) % 100:02d}"
    return text.translate(_TO_THAI) if thai_digits else text


def thai_datetime(value, thai_digits: bool = True) -> str:
    """An aware datetime, in Bangkok time: "๒๔ เมษายน ๒๕๖๓ เวลา ๑๔.๓๐ น."."""
    if not value:
        return ""
    local = _local(value)
    text = f"{thai_date(local.date(), thai_digits=False)} เวลา {local:%H.%M} น."
    return text.translate(_TO_THAI) if thai_digits else text


_MONTH_LOOKUP = {
    **{name: i for i, name in enumerate(THAI_MONTHS) if name},
    **{name: i for i, name in enumerate(THAI_MONTHS_SHORT) if name},
    **{name.replace(".", ""): i for i, name in enumerate(THAI_MONTHS_SHORT) if name},
}
_NUMERIC_DATE = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{2}|\d{4})$")
_WORD_DATE = re.compile(r"^(\d{1,2})\s*([^\d\s]+)\s*(?:พ\.?\s*ศ\.?\s*)?(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _be_to_ce(year_text: str) -> int:
    year = int(year_text)
    if len(year_text) == 2:
        year += 2500
    if year < 2400:
        raise ThaiParseError(
            _("ปี %(year)s ดูเหมือนเป็นปี ค.ศ. กรุณากรอกปี พ.ศ. เช่น %(example)s")
            % {"year": year_text, "example": date.today().year + BE_OFFSET}
        )
    return year - BE_OFFSET


def parse_be_date(text) -> date:
    """Read a Buddhist-era date: "25/10/2567", "๒๕ ต.ค. ๖๗", "25 ตุลาคม 2567"; ISO "2024-10-25" is
    read as the Christian era it plainly is."""
    if isinstance(text, date):
        return text
    s = " ".join(to_arabic_digits(text or "").strip().split())
    if not s:
        raise ThaiParseError(_("กรุณากรอกวันที่"))
    try:
        if m := _ISO_DATE.match(s):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC_DATE.match(s):
            return date(_be_to_ce(m[3]), int(m[2]), int(m[1]))
        if m := _WORD_DATE.match(s):
            month = _MONTH_LOOKUP.get(m[2]) or _MONTH_LOOKUP.get(m[2].replace(".", "").replace(" ", ""))
            if month:
                return date(_be_to_ce(m[3]), month, int(m[1]))
    except ValueError as exc:
        if isinstance(exc, ThaiParseError):
            raise
        raise ThaiParseError(_("ไม่มีวันที่ «%(text)s» ในปฏิทิน") % {"text": text}) from exc
    raise ThaiParseError(
        _("อ่านวันที่ «%(text)s» ไม่ได้ กรุณากรอกแบบ วว/ดด/ปปปป (พ.ศ.) เช่น 25/10/2567") % {"text": text}
    )


# --- fiscal year ------------------------------------------------------------------------------------


def fiscal_year(value) -> int:
    """The Buddhist-era fiscal year (1 October – 30 September, named by the year it ends in)."""
    d = _as_local_date(value)
    return be_year(d) + (1 if d.month >= 10 else 0)


def fiscal_quarter(value) -> int:
    """Quarter 1 = ต.ค.–ธ.ค., 2 = ม.ค.–มี.ค., 3 = เม.ย.–มิ.ย., 4 = ก.ค.–ก.ย."""
    d = _as_local_date(value)
    return (d.month - 10) % 12 // 3 + 1


def fiscal_year_bounds(be_fiscal_year: int) -> tuple[date, date]:
    ce_end = be_fiscal_year - BE_OFFSET
    return date(ce_end - 1, 10, 1), date(ce_end, 9, 30)


def fiscal_quarter_bounds(be_fiscal_year: int, quarter: int) -> tuple[date, date]:
    if quarter not in (1, 2, 3, 4):
        raise ValueError("quarter must be 1-4")
    start, _end = fiscal_year_bounds(be_fiscal_year)
    first_month = (start.month - 1 + 3 * (quarter - 1)) % 12 + 1
    year = start.year if first_month >= 10 else start.year + 1
    last_month = first_month + 2
    next_first = date(year + (last_month // 12), last_month % 12 + 1, 1)
    return date(year, first_month, 1), date.fromordinal(next_first.toordinal() - 1)
