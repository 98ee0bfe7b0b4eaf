"""Digits (Thai ↔ Arabic, identifiers left alone), format_number and parse_decimal / parse_integer."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cdd_portal.thai
from cdd_portal.thai import (
    ThaiParseError,
    format_number,
    parse_decimal,
    parse_integer,
    to_arabic_digits,
    to_thai_digits,
)

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def test_public_api_and_the_names_other_code_imports():
    from cdd_portal.thai import to_arabic_digits as imported  # noqa: F401  (geo.selectors)
    from cdd_portal.thai.forms import ThaiIntegerField  # noqa: F401  (geo.forms)

    for name in cdd_portal.thai.__all__:
        assert hasattr(cdd_portal.thai, name)
    assert cdd_portal.thai.THAI_MONTHS[4] == "เมษายน" and cdd_portal.thai.THAI_MONTHS[0] == ""
    assert cdd_portal.thai.THAI_MONTHS_SHORT[10] == "ต.ค." and len(cdd_portal.thai.THAI_MONTHS_SHORT) == 13


# --- digits -----------------------------------------------------------------------------------------

def test_email_addresses_urls_and_identifiers_keep_their_digits():
    text = ("ติดต่อ cddse9@gmail.com หรือ https://cdd.go.th/p2563 www.cdd.go.th/2563 รหัส ABC-123 "
            "แฟ้ม report2563.pdf โทร 045-123456 ปี 2567")
    assert to_thai_digits(text) == (
        "ติดต่อ cddse9@gmail.com หรือ https://cdd.go.th/p2563 www.cdd.go.th/2563 รหัส ABC-123 "
        "แฟ้ม report2563.pdf โทร ๐๔๕-๑๒๓๔๕๖ ปี ๒๕๖๗"
    )


@pytest.mark.parametrize(("value", "text"), [
    (None, ""), ("", ""), (2567, "๒๕๖๗"), (Decimal("41100.50"), "๔๑๑๐๐.๕๐"), (Decimal("1E+3"), "๑๐๐๐"),
    ("หมู่ที่ 12\tบ้าน 3", "หมู่ที่ ๑๒\tบ้าน ๓"), ("๑๒ 34", "๑๒ ๓๔"),
])
def test_to_thai_digits(value, text):
    assert to_thai_digits(value) == text


def test_to_arabic_digits_everywhere():
    assert to_arabic_digits("๔๑,๑๐๐ บาท cdd๙@x.th") == "41,100 บาท cdd9@x.th"
    assert to_arabic_digits(None) == ""
    assert to_arabic_digits(12) == "12"


def test_html_mode_leaves_tags_and_character_references():
    html = 'ปี 2567<br>&quot;12&quot; &#39;3&#39; <a href="/v/12">หมู่ 4</a> x9@y.th'
    assert to_thai_digits(html, html=True) == (
        'ปี ๒๕๖๗<br>&quot;๑๒&quot; &#39;๓&#39; <a href="/v/12">หมู่ ๔</a> x9@y.th'
    )


no_thai_digits = st.text(alphabet=st.characters(blacklist_characters=THAI_DIGITS))


@given(no_thai_digits)
def test_digits_round_trip(text):
    assert to_arabic_digits(to_thai_digits(text)) == text
    assert to_arabic_digits(to_thai_digits(text, html=True)) == text


@given(st.text(alphabet="0123456789 ,.-/()กขคฯ\n"))
def test_text_without_letters_loses_every_arabic_digit(text):
    assert not any(ch in "0123456789" for ch in to_thai_digits(text))


@given(st.lists(st.text(alphabet="0123456789abcXYZ@.-_/:", min_size=1), min_size=1))
def test_tokens_with_ascii_letters_are_untouched(tokens):
    text = " ".join(tokens)
    for token, out in zip(tokens, to_thai_digits(text).split(" "), strict=True):
        if any(ch.isascii() and ch.isalpha() for ch in token) or "@" in token or "://" in token:
            assert out == token
        else:
            assert out == token.translate(str.maketrans("0123456789", THAI_DIGITS))


# --- format_number ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "kwargs", "text"), [
    (Decimal("41100"), {}, "๔๑,๑๐๐"),
    (Decimal("873600.50"), {}, "๘๗๓,๖๐๐.๕๐"),
    (Decimal("41100.00"), {}, "๔๑,๑๐๐"),
    (Decimal("1.234"), {}, "๑.๒๓"),
    (Decimal("1.235"), {}, "๑.๒๔"),
    (1500, {}, "๑,๕๐๐"),
    (0, {}, "๐"),
    (0.5, {}, "๐.๕๐"),
    (Decimal("-1234567.891"), {}, "-๑,๒๓๔,๕๖๗.๘๙"),
    (Decimal("-0.001"), {}, "๐.๐๐"),  # no "-0.00"
    (Decimal("41100"), {"places": 2}, "๔๑,๑๐๐.๐๐"),
    (Decimal("41100.5"), {"places": 0}, "๔๑,๑๐๑"),
    (Decimal("873600.50"), {"thai_digits": False}, "873,600.50"),
    ("๔๑,๑๐๐", {"thai_digits": False}, "41,100"),
    (Decimal("1" * 35), {"thai_digits": False}, ",".join(["11"] + ["111"] * 11)),
    (None, {}, ""),
    ("", {}, ""),
])
def test_format_number(value, kwargs, text):
    assert format_number(value, **kwargs) == text


def test_format_number_refuses_junk():
    with pytest.raises(ThaiParseError):
        format_number("abc")
    with pytest.raises(ValueError):
        format_number(1, places=-1)


two_places = st.decimals(min_value=Decimal("-999999999999.99"), max_value=Decimal("999999999999.99"),
                         places=2)


@given(two_places)
def test_format_then_parse_gives_the_number_back(value):
    assert parse_decimal(format_number(value)) == value
    assert parse_decimal(format_number(value, places=2)) == value
    assert parse_decimal(format_number(value, places=2, thai_digits=False)) == value
    assert parse_decimal(format_number(value, places=2) + " บาท") == value


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_integers_round_trip(n):
    assert parse_integer(format_number(n)) == n
    assert parse_integer(to_thai_digits(str(n))) == n


# --- parsing numbers --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("๔๑,๑๐๐.๕๐", Decimal("41100.50")),
    ("41,100", Decimal("41100")),
    ("1,234,567.8", Decimal("1234567.8")),
    (" 1500 บาท", Decimal("1500")),
    ("1500บาท", Decimal("1500")),
    ("๑,๕๐๐.- บาท", Decimal("1500")),
    ("-๕", Decimal("-5")),
    ("- 5", Decimal("-5")),
    ("\u22125", Decimal("-5")),
    ("+5", Decimal("5")),
    (".50", Decimal("0.50")),
    ("\u00a01234567\u00a0", Decimal("1234567")),
    (Decimal("7.25"), Decimal("7.25")),
    (12, Decimal("12")),
    (0.1, Decimal("0.1")),
])
def test_parse_decimal(text, value):
    result = parse_decimal(text)
    assert result == value and isinstance(result, Decimal)


@pytest.mark.parametrize("text", [
    "1,00", "1,0000", ",100", "1,000,00", "12a", "", "   ", "๑,๒", "1.2.3", "--1", "1 000", "1.", "-",
    "บาท", "NaN", "Infinity", "1e5", "٣", "１２", "1" * 101, None, True, Decimal("NaN"), float("inf"),
])
def test_parse_decimal_refuses_junk_in_thai(text):
    with pytest.raises(ThaiParseError, match="ไม่ใช่ตัวเลขที่ถูกต้อง"):
        parse_decimal(text)


@pytest.mark.parametrize(("text", "value"), [
    ("๑,๐๐๐", 1000), ("-12", -12), ("7.00", 7), ("3,000.- บาท", 3000), (5, 5),
])
def test_parse_integer(text, value):
    result = parse_integer(text)
    assert result == value and type(result) is int


@pytest.mark.parametrize("text", ["1.5", "๐.๑"])
def test_parse_integer_refuses_fractions(text):
    with pytest.raises(ThaiParseError, match="ต้องเป็นจำนวนเต็ม"):
        parse_integer(text)


def test_parse_integer_refuses_junk():
    with pytest.raises(ThaiParseError, match="ไม่ใช่ตัวเลข"):
        parse_integer("สิบ")
