"""Thai formatting and parsing: digits, amounts in words, Buddhist-era dates, fiscal years.

Pure functions: no database, no request. Values are stored and computed in Arabic digits and
Christian-era (CE) dates; Thai digits and Buddhist-era (BE = CE + 543) years are a display and input
format only. Django settings are optional: without them, aware datetimes are shown in Asia/Bangkok time
and messages are not translated (they are Thai msgids already).

Choices worth knowing:

* ``THAI_MONTHS`` / ``THAI_MONTHS_SHORT`` are tuples with ``""`` at index 0, so ``THAI_MONTHS[d.month]``.
* ``baht_text`` follows pythainlp's ``bahttext`` wording: less than one baht reads
  "ศูนย์บาทห้าสิบสตางค์" (Excel's BAHTTEXT leaves out "ศูนย์บาท"), whole amounts end in "บาทถ้วน",
  a 1 in the units place after higher digits is "เอ็ด" (หนึ่งล้านเอ็ดบาทถ้วน). Amounts are exact: Decimal
  all the way, half a satang rounds up.
* ``parse_be_date`` reads d/m/y and "d month y" as Buddhist era (a 4-digit year below 2400 is refused as
  probably CE) and ``yyyy-mm-dd`` as Christian era (a year from 2400 on is refused as probably BE).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, localcontext
from zoneinfo import ZoneInfo

from pythainlp.util import num_to_thaiword

BE_OFFSET = 543
BANGKOK = ZoneInfo("Asia/Bangkok")
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
MAX_NUMBER_LENGTH = 100  # characters of typed number: longer input is junk, not a number to compute on


class ThaiParseError(ValueError):
    """Input that cannot be read; the message is Thai and fit to show the user."""


def _(message: str) -> str:
    """gettext when Django is set up; the Thai msgid itself otherwise (the functions stay pure)."""
    from django.conf import settings
    from django.core.exceptions import AppRegistryNotReady
    from django.utils.translation import gettext

    if not settings.configured:
        return message
    try:
        return gettext(message)
    except AppRegistryNotReady:
        return message


# --- digits -----------------------------------------------------------------------------------------

# A whitespace-separated token with an ASCII letter (identifiers, file names, e-mail addresses, URLs) or
# an "@" keeps its Arabic digits.
_PROTECTED = re.compile(r"[A-Za-z@]|://")
_WHITESPACE = re.compile(r"(\s+)")
_HTML_TAG = re.compile(r"(<[^>]*>)")
_HTML_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_ENTITY_OR_DIGIT = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|[0-9]")


def _convert_token(token: str) -> str:
    return token if _PROTECTED.search(token) else token.translate(_TO_THAI)


def _convert_html_token(token: str) -> str:
    if _PROTECTED.search(_HTML_ENTITY.sub("", token)):
        return token
    return _ENTITY_OR_DIGIT.sub(lambda m: m[0] if len(m[0]) > 1 else m[0].translate(_TO_THAI), token)


def to_thai_digits(text, *, html: bool = False) -> str:
    """Arabic → Thai digits, except in whitespace-separated tokens that contain an ASCII letter or "@":
    e-mail addresses, URLs and identifiers ("cddse9@gmail.com", "ABC-123", "report2563.pdf") keep theirs.

    Non-strings go through str() (a Decimal is written out in full, never as "1E+3"); None gives "".
    With html=True the text is HTML: tags and character references (&#39;, &amp;) are left alone and do
    not count as letters.
    """
    if text is None:
        return ""
    if isinstance(text, Decimal) and text.is_finite():
        text = format(text, "f")
    text = str(text)
    if not html:
        return "".join(_convert_token(part) for part in _WHITESPACE.split(text))
    pieces = _HTML_TAG.split(text)
    return "".join(
        piece if i % 2 else "".join(_convert_html_token(part) for part in _WHITESPACE.split(piece))
        for i, piece in enumerate(pieces)
    )


def to_arabic_digits(text) -> str:
    """Thai → Arabic digits everywhere. None gives ""."""
    if text is None:
        return ""
    return str(text).translate(_TO_ARABIC)


# --- numbers ----------------------------------------------------------------------------------------

# Thousands commas in groups of three or none at all; ".-" is the Thai way of writing "no satang".
_NUMBER = re.compile(
    r"^(?P<sign>[-+]?)\s*"
    r"(?:(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+)|\.-)?|\.(?P<only_frac>[0-9]+))"
    r"(?:\s*บาท)?$"
)


def _number_error(text) -> ThaiParseError:
    return ThaiParseError(
        _("«%(text)s» ไม่ใช่ตัวเลขที่ถูกต้อง (ใช้เลขไทยหรือเลขอารบิก คั่นหลักพันด้วยจุลภาค เช่น 41,100.50)")
        % {"text": text}
    )


def parse_decimal(text) -> Decimal:
    """Read a number typed with Thai or Arabic digits: "๔๑,๑๐๐.๕๐" → Decimal("41100.50").

    Accepted: thousands commas in correct groups of three ("1,00" is refused), a leading minus (or plus),
    spaces around, a trailing "บาท", and "1,500.-". Decimals and ints pass through; floats are read by
    their shortest repr. Anything else raises ThaiParseError with a Thai message.
    """
    if isinstance(text, bool):
        raise _number_error(text)
    if isinstance(text, Decimal):
        if not text.is_finite():
            raise _number_error(text)
        return text
    if isinstance(text, int):
        return Decimal(text)
    if isinstance(text, float):
        text = repr(text)
        if text in ("nan", "inf", "-inf"):
            raise _number_error(text)
        return Decimal(text)
    s = to_arabic_digits(text).strip().replace("\u2212", "-")
    match = _NUMBER.match(s) if len(s) <= MAX_NUMBER_LENGTH else None
    if not match:
        raise _number_error(text)
    digits = (match["int"] or "0").replace(",", "")
    fraction = match["frac"] or match["only_frac"]
    return Decimal(f"{match['sign']}{digits}.{fraction}" if fraction else f"{match['sign']}{digits}")


def parse_integer(text) -> int:
    """Like parse_decimal, for a whole number: "๑,๐๐๐" → 1000. "1.00" is 1; "1.5" is refused."""
    value = parse_decimal(text)
    if value != value.to_integral_value():
        raise ThaiParseError(_("«%(text)s» ต้องเป็นจำนวนเต็ม") % {"text": text})
    return int(value)


def _quantize(value: Decimal, places: int) -> Decimal:
    """Round half up to `places` decimals, exactly (the context is widened for very long numbers)."""
    with localcontext() as ctx:
        ctx.prec = max(28, value.adjusted() + places + 2)
        result = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return result.copy_abs() if result.is_zero() else result  # no "-0.00"


def format_number(value, places: int | None = None, thai_digits: bool = True) -> str:
    """Thousands commas: Decimal("41100") → "๔๑,๑๐๐"; Decimal("873600.50") → "๘๗๓,๖๐๐.๕๐".

    places=None shows two decimals when the value has a fraction and none when it is whole (41100.00 →
    "๔๑,๑๐๐"); otherwise `places` decimals, rounded half up. Strings are read with parse_decimal.
    None and "" give "".
    """
    if value is None or value == "":
        return ""
    number = parse_decimal(value)
    if places is None:
        places = 0 if number == number.to_integral_value() else 2
    if places < 0:
        raise ValueError("places must be >= 0")
    text = f"{_quantize(number, places):,.{places}f}"
    return text.translate(_TO_THAI) if thai_digits else text


# --- amounts in words -------------------------------------------------------------------------------


def _number_words(n: int) -> str:
    """A whole number ≥ 0 in Thai words. pythainlp reads each group below a million; the groups are
    joined here so that a group that is just 1 after higher digits reads เอ็ด (1,000,001,000,000 is
    หนึ่งล้านเอ็ดล้าน, where pythainlp 5.x writes the ambiguous หนึ่งล้านหนึ่งล้าน)."""
    if n < 1_000_000:
        return num_to_thaiword(n)
    millions, rest = divmod(n, 1_000_000)
    words = _number_words(millions) + "ล้าน"
    if rest == 1:
        return words + "เอ็ด"
    return words + (num_to_thaiword(rest) if rest else "")


def baht_text(amount) -> str:
    """The amount in words, like pythainlp's bahttext but exact:

    Decimal("41100") → "สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน", 1000001 → "หนึ่งล้านเอ็ดบาทถ้วน",
    Decimal("0.50") → "ศูนย์บาทห้าสิบสตางค์", Decimal("1.005") → "หนึ่งบาทหนึ่งสตางค์" (half a satang rounds
    up), Decimal("-5") → "ลบห้าบาทถ้วน". Accepts Decimal, int, float (by its repr) and text (Thai digits and
    commas, via parse_decimal); never computes in floating point. Raises ThaiParseError (a ValueError)
    for anything that is not a number.
    """
    value = _quantize(parse_decimal(amount), 2)
    sign = "ลบ" if value < 0 else ""
    cents = int("".join(map(str, value.as_tuple().digits)))  # exponent is -2 after _quantize: exact
    baht, satang = divmod(cents, 100)
    if satang == 0:
        return f"{sign}{_number_words(baht)}บาทถ้วน"
    return f"{sign}{_number_words(baht)}บาท{_number_words(satang)}สตางค์"


# --- Buddhist-era dates -----------------------------------------------------------------------------


def _local(value: datetime) -> datetime:
    """An aware datetime in local time: Django's current time zone when settings are configured (the
    project's is Asia/Bangkok), Asia/Bangkok otherwise. Naive datetimes are taken as local already."""
    if value.utcoffset() is None:
        return value
    from django.conf import settings

    if settings.configured:
        from django.utils import timezone

        return timezone.localtime(value)
    return value.astimezone(BANGKOK)


def _as_local_date(value) -> date:
    if isinstance(value, datetime):
        return _local(value).date()
    if isinstance(value, date):
        return value
    raise TypeError(f"expected a date or datetime, not {type(value).__name__}")


def be_year(value) -> int:
    """The Buddhist-era year: 2024 → 2567, date(2024, 10, 25) → 2567 (datetimes in local time)."""
    if isinstance(value, bool):
        raise TypeError("expected a year, date or datetime, not bool")
    if isinstance(value, int):
        return value + BE_OFFSET
    return _as_local_date(value).year + BE_OFFSET


def thai_date(value, thai_digits: bool = True) -> str:
    """date(2020, 4, 24) → "๒๔ เมษายน ๒๕๖๓". Datetimes are shown by their local date; None gives ""."""
    if value is None or value == "":
        return ""
    d = _as_local_date(value)
    text = f"{d.day} {THAI_MONTHS[d.month]} {be_year(d)}"
    return text.translate(_TO_THAI) if thai_digits else text


def thai_date_short(value, thai_digits: bool = True) -> str:
    """date(2020, 4, 24) → "๒๔ เม.ย. ๖๓" (abbreviated month, last two digits of the BE year)."""
    if value is None or value == "":
        return ""
    d = _as_local_date(value)
    text = f"{d.day} {THAI_MONTHS_SHORT[d.month]} {be_year(d) % 100:02d}"
    return text.translate(_TO_THAI) if thai_digits else text


def thai_datetime(value, thai_digits: bool = True) -> str:
    """An aware datetime in Bangkok time: "๒๔ เมษายน ๒๕๖๓ เวลา ๑๔.๓๐ น.". A plain date gives thai_date."""
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime):
        return thai_date(value, thai_digits=thai_digits)
    local = _local(value)
    text = f"{thai_date(local.date(), thai_digits=False)} เวลา {local:%H.%M} น."
    return text.translate(_TO_THAI) if thai_digits else text


def _month_key(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


_COLLOQUIAL_MONTHS = ("", "มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา", "กรกฎา", "สิงหา", "กันยา",
                      "ตุลา", "พฤศจิกา", "ธันวา")
_MONTH_LOOKUP = {
    **{_month_key(name): i for names in (THAI_MONTHS, THAI_MONTHS_SHORT, _COLLOQUIAL_MONTHS)
       for i, name in enumerate(names) if name},
    "กรกฏาคม": 7, "กรกฏา": 7,  # ฏ for ฎ: the commonest misspelling
}
_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_NUMERIC_DATE = re.compile(r"^([0-9]{1,2})\s*([/.\-])\s*([0-9]{1,2})\s*\2\s*([0-9]{4}|[0-9]{2})$")
_WORD_DATE = re.compile(r"^([0-9]{1,2})\s*([^0-9]+?)\s*([0-9]{4}|[0-9]{2})$")


def _be_to_ce(year_text: str) -> int:
    """A typed BE year → CE year. Two digits are 25xx ("67" → 2567 → 2024)."""
    year = int(year_text)
    if len(year_text) == 2:
        year += 2500
    if year < 2400:
        example = year + BE_OFFSET if 1900 <= year else date.today().year + BE_OFFSET
        raise ThaiParseError(
            _("ปี %(year)s ดูเหมือนเป็นปี ค.ศ. กรุณากรอกปี พ.ศ. เช่น %(example)s")
            % {"year": year_text, "example": example}
        )
    return year - BE_OFFSET


def parse_be_date(text) -> date:
    """Read a date the way Thai officers type it, Thai or Arabic digits:

    "25/10/2567", "25-10-2567", "25.10.2567", "๒๕/๑๐/๒๕๖๗", "25 ต.ค. 2567", "25 ตุลาคม 2567",
    "25 ตุลาคม พ.ศ. 2567", "25 ต.ค. 67" (two digits are 25xx BE) → date(2024, 10, 25).
    ISO "2024-10-25" is read as the Christian era it plainly is. A date or datetime is returned as a date.
    Raises ThaiParseError (a ValueError) with a Thai message: a CE year in a BE form, a BE year in the ISO
    form, a day that is not in the calendar (31/02/2567), or text that is not a date.
    """
    if isinstance(text, datetime):
        return _as_local_date(text)
    if isinstance(text, date):
        return text
    s = " ".join(to_arabic_digits(text).split())
    if not s:
        raise ThaiParseError(_("กรุณากรอกวันที่"))
    try:
        if m := _ISO_DATE.match(s):
            if int(m[1]) >= 2400:
                raise ThaiParseError(
                    _("ปี %(year)s ดูเหมือนเป็นปี พ.ศ. วันที่แบบ ปปปป-ดด-วว ต้องใช้ปี ค.ศ. "
                      "หรือกรอกแบบ วว/ดด/ปปปป (พ.ศ.) เช่น 25/10/2567") % {"year": m[1]}
                )
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC_DATE.match(s):
            return date(_be_to_ce(m[4]), int(m[3]), int(m[1]))
        if m := _WORD_DATE.match(s):
            key = _month_key(m[2]).removesuffix("พศ")
            if month := _MONTH_LOOKUP.get(key):
                return date(_be_to_ce(m[3]), month, int(m[1]))
    except ThaiParseError:
        raise
    except ValueError as exc:
        raise ThaiParseError(_("ไม่มีวันที่ «%(text)s» ในปฏิทิน") % {"text": text}) from exc
    raise ThaiParseError(
        _("อ่านวันที่ «%(text)s» ไม่ได้ กรุณากรอกแบบ วว/ดด/ปปปป (พ.ศ.) เช่น 25/10/2567") % {"text": text}
    )


# --- fiscal year ------------------------------------------------------------------------------------


def fiscal_year(value) -> int:
    """The BE fiscal year (1 October – 30 September, named by the BE year in which it ends):
    date(2019, 10, 1) → 2563, date(2020, 9, 30) → 2563. Datetimes count by their local date."""
    d = _as_local_date(value)
    return d.year + BE_OFFSET + (1 if d.month >= 10 else 0)


def fiscal_quarter(value) -> int:
    """Quarter of the fiscal year: 1 = ต.ค.–ธ.ค., 2 = ม.ค.–มี.ค., 3 = เม.ย.–มิ.ย., 4 = ก.ค.–ก.ย."""
    d = _as_local_date(value)
    return (d.month - 10) % 12 // 3 + 1


def fiscal_year_bounds(be_fiscal_year: int) -> tuple[date, date]:
    """First and last day of a BE fiscal year: 2568 → (date(2024, 10, 1), date(2025, 9, 30))."""
    ce_end = int(be_fiscal_year) - BE_OFFSET
    return date(ce_end - 1, 10, 1), date(ce_end, 9, 30)


def fiscal_quarter_bounds(be_fiscal_year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a quarter: (2568, 2) → (date(2025, 1, 1), date(2025, 3, 31))."""
    if quarter not in (1, 2, 3, 4) or isinstance(quarter, bool):
        raise ValueError(f"fiscal quarter must be 1, 2, 3 or 4, not {quarter!r}")
    start, _end = fiscal_year_bounds(be_fiscal_year)
    months_in = 3 * (quarter - 1)
    year = start.year + (start.month - 1 + months_in) // 12
    first_month = (start.month - 1 + months_in) % 12 + 1
    last_month = first_month + 2  # a quarter never straddles 31 December
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])
