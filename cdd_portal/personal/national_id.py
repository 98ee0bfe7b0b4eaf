"""Thai national ID numbers (เลขประจำตัวประชาชน ๑๓ หลัก): checking, normalising and masking.

The 13th digit is a check digit: (11 - (sum of the first 12 digits, each times 13 down to 2) mod 11) mod 10.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cdd_portal.thai.formatting import to_arabic_digits, to_thai_digits

_SEPARATORS = re.compile(r"[\s\-–.]")


def normalise(value) -> str:
    """The 13 digits as typed, without spaces or dashes, Thai digits read as Arabic ones."""
    if value is None:
        return ""
    return _SEPARATORS.sub("", to_arabic_digits(str(value)))


def check_digit(first12: str) -> int:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return (11 - total % 11) % 10


def is_valid(value) -> bool:
    digits = normalise(value)
    return len(digits) == 13 and digits.isdigit() and check_digit(digits[:12]) == int(digits[12])


def validate(value) -> None:
    """Model/form validator: a Thai message that says what is wrong."""
    digits = normalise(value)
    if not digits:
        return
    if not digits.isdigit():
        wrong = next(c for c in digits if not c.isdigit())
        raise ValidationError(_("เลขประจำตัวประชาชนต้องเป็นตัวเลขเท่านั้น (พบ «%(c)s»)") % {"c": wrong},
                              code="national_id_digits")
    if len(digits) != 13:
        raise ValidationError(_("เลขประจำตัวประชาชนต้องเป็นตัวเลข ๑๓ หลัก (กรอกแล้ว %(n)s หลัก)")
                              % {"n": to_thai_digits(len(digits))}, code="national_id_length")
    if check_digit(digits[:12]) != int(digits[12]):
        raise ValidationError(_("เลขประจำตัวประชาชนไม่ถูกต้อง: หลักสุดท้าย (เลขตรวจสอบ) ไม่ตรง กรุณาตรวจสอบอีกครั้ง"),
                              code="national_id_check_digit")


def formatted(value) -> str:
    """1-2345-67890-12-3, the way the card prints it."""
    d = normalise(value)
    if len(d) != 13:
        return d
    return f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}"


def masked(value) -> str:
    """What everyone sees by default: the first digit and the last four, x-xxxx-xxxxx-23-4 style."""
    d = normalise(value)
    if not d:
        return ""
    if len(d) != 13:
        return "x" * len(d)
    return f"{d[0]}-xxxx-xxxxx-{d[10:12]}-{d[12]}"
