"""baht_text: the acceptance examples, half-satang rounding, and every amount read back by an independent,
strict reader of Thai number words (and by pythainlp's thaiword_to_num)."""

import re
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pythainlp.util import bahttext, thaiword_to_num

from cdd_portal.thai import ThaiParseError, baht_text

MAX_AMOUNT = Decimal("999999999999.99")

# --- an independent reader -------------------------------------------------------------------------
# Strict on purpose: only the canonical wording is read (สิบ not หนึ่งสิบ, ยี่สิบ not สองสิบ, เอ็ด for a
# units 1 after higher digits and หนึ่ง otherwise), so reading back also checks how the words are written.

_DIGIT = {"หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8, "เก้า": 9}
_D = "|".join(_DIGIT)
_BLOCK = re.compile(
    rf"^(?:(?P<p5>{_D})แสน)?(?:(?P<p4>{_D})หมื่น)?(?:(?P<p3>{_D})พัน)?(?:(?P<p2>{_D})ร้อย)?"
    rf"(?:(?P<p1>ยี่|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)?(?P<ten>สิบ))?(?P<p0>เอ็ด|{_D})?$"
)


class NotCanonical(ValueError):
    pass


def _read_block(words: str, after_higher: bool) -> int:
    """A number below a million; after_higher: a non-zero part precedes it in the whole number."""
    m = _BLOCK.match(words)
    if not words or not m:
        raise NotCanonical(words)
    value = sum(_DIGIT[m[f"p{p}"]] * 10**p for p in (5, 4, 3, 2) if m[f"p{p}"])
    if m["ten"]:
        value += 20 if m["p1"] == "ยี่" else 10 * _DIGIT.get(m["p1"], 1)
    unit = m["p0"]
    if unit == "เอ็ด":
        if not (value or after_higher):
            raise NotCanonical(f"เอ็ด with nothing before it: {words}")
        value += 1
    elif unit:
        if unit == "หนึ่ง" and (value or after_higher):
            raise NotCanonical(f"หนึ่ง where เอ็ด is due: {words}")
        value += _DIGIT[unit]
    return value


def read_number(words: str, after_higher: bool = False) -> int:
    """"หนึ่งล้านเอ็ดล้าน" → 1_000_001_000_000; "ศูนย์" → 0."""
    if words == "ศูนย์" and not after_higher:
        return 0
    head, sep, tail = words.rpartition("ล้าน")
    if not sep:
        return _read_block(words, after_higher)
    if not head:
        raise NotCanonical(f"ล้าน with no count: {words}")
    return read_number(head, after_higher) * 1_000_000 + (_read_block(tail, True) if tail else 0)


def read_baht(words: str, reader=read_number) -> Decimal:
    """"ลบหนึ่งบาทห้าสิบสตางค์" → Decimal("-1.50"), each part read on its own."""
    negative = words.startswith("ลบ")
    baht_words, sep, rest = words.removeprefix("ลบ").partition("บาท")
    assert sep, words
    if rest == "ถ้วน":
        satang = 0
    else:
        assert rest.endswith("สตางค์"), words
        satang = reader(rest.removesuffix("สตางค์"))
        assert 1 <= satang <= 99, words
    return Decimal(f"{'-' if negative else ''}{reader(baht_words)}.{satang:02d}")  # exact at any length


def test_the_reader_is_strict():
    assert read_number("หนึ่งล้านเอ็ด") == 1_000_001
    assert read_number("หนึ่งล้านเอ็ดล้าน") == 1_000_001_000_000
    assert read_number("ยี่สิบเอ็ด") == 21
    assert read_number("สิบ") == 10
    wrong_words = ("หนึ่งสิบ", "สองสิบ", "สิบหนึ่ง", "หนึ่งล้านหนึ่ง", "เอ็ด", "หนึ่งล้านหนึ่งล้าน", "ล้าน",
                   "")
    for wrong in wrong_words:
        with pytest.raises(NotCanonical):
            read_number(wrong)


# --- examples ---------------------------------------------------------------------------------------

def test_acceptance_total_with_its_roi():
    assert baht_text(Decimal("61857700")) == "หกสิบเอ็ดล้านแปดแสนห้าหมื่นเจ็ดพันเจ็ดร้อยบาทถ้วน"


@pytest.mark.parametrize(("amount", "words"), [
    (Decimal("41100"), "สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน"),
    (41100, "สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน"),
    (Decimal("873600.50"), "แปดแสนเจ็ดหมื่นสามพันหกร้อยบาทห้าสิบสตางค์"),
    (1, "หนึ่งบาทถ้วน"),
    (11, "สิบเอ็ดบาทถ้วน"),
    (21, "ยี่สิบเอ็ดบาทถ้วน"),
    (101, "หนึ่งร้อยเอ็ดบาทถ้วน"),
    (1_000_000, "หนึ่งล้านบาทถ้วน"),
    (1_000_001, "หนึ่งล้านเอ็ดบาทถ้วน"),
    (2_000_011, "สองล้านสิบเอ็ดบาทถ้วน"),
    # Decided: below one baht reads like pythainlp's bahttext, "ศูนย์บาท…สตางค์".
    (Decimal("0.50"), "ศูนย์บาทห้าสิบสตางค์"),
    (Decimal("0.01"), "ศูนย์บาทหนึ่งสตางค์"),
    (Decimal("0.21"), "ศูนย์บาทยี่สิบเอ็ดสตางค์"),
    (Decimal("0"), "ศูนย์บาทถ้วน"),
    (Decimal("0.004"), "ศูนย์บาทถ้วน"),
    (Decimal("-0.004"), "ศูนย์บาทถ้วน"),  # rounds to zero: no "ลบ"
    (Decimal("-5"), "ลบห้าบาทถ้วน"),
    (Decimal("-1.50"), "ลบหนึ่งบาทห้าสิบสตางค์"),
    (MAX_AMOUNT, "เก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้า"
                 "บาทเก้าสิบเก้าสตางค์"),
    (10**12, "หนึ่งล้านล้านบาทถ้วน"),
    (10**12 + 1, "หนึ่งล้านล้านเอ็ดบาทถ้วน"),
    (1_000_001_000_000, "หนึ่งล้านเอ็ดล้านบาทถ้วน"),  # pythainlp alone writes หนึ่งล้านหนึ่งล้าน
    ("๔๑,๑๐๐", "สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน"),
    ("41,100.50 บาท", "สี่หมื่นหนึ่งพันหนึ่งร้อยบาทห้าสิบสตางค์"),
    ("๑,๕๐๐.-", "หนึ่งพันห้าร้อยบาทถ้วน"),
])
def test_baht_text_table(amount, words):
    assert baht_text(amount) == words


@pytest.mark.parametrize(("amount", "words"), [
    (Decimal("1.005"), "หนึ่งบาทหนึ่งสตางค์"),  # 1.005 as a float is 1.00499…: never through float
    (Decimal("2.675"), "สองบาทหกสิบแปดสตางค์"),  # 2.675 as a float is 2.67499…
    (Decimal("0.995"), "หนึ่งบาทถ้วน"),
    (Decimal("0.994999"), "ศูนย์บาทเก้าสิบเก้าสตางค์"),
    (Decimal("999999999999.995"), "หนึ่งล้านล้านบาทถ้วน"),
    (Decimal("-1.005"), "ลบหนึ่งบาทหนึ่งสตางค์"),  # half away from zero
])
def test_half_a_satang_rounds_up(amount, words):
    assert baht_text(amount) == words


def test_very_long_amounts_stay_exact():
    amount = Decimal("123456789012345678901234567890.125")  # more digits than the default context holds
    words = baht_text(amount)
    assert read_baht(words) == Decimal("123456789012345678901234567890.13")


@pytest.mark.parametrize("junk", [None, "", "สี่สิบ", "12a", "1,00", Decimal("NaN"), Decimal("Infinity"),
                                  float("nan"), True, object()])
def test_non_numbers_raise_value_error(junk):
    with pytest.raises(ValueError):
        baht_text(junk)
    if isinstance(junk, str | None):
        with pytest.raises(ThaiParseError):
            baht_text(junk)


def test_a_float_is_read_by_its_repr():
    assert baht_text(0.1) == "ศูนย์บาทสิบสตางค์"
    assert baht_text(2.675) == "สองบาทหกสิบแปดสตางค์"  # the typed 2.675, not the binary 2.67499…


# --- every amount -----------------------------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2)


@settings(max_examples=1000)
@given(amounts)
@example(Decimal("0.00"))
@example(Decimal("0.01"))
@example(Decimal("1000001.00"))
@example(Decimal("100000000001.11"))
@example(MAX_AMOUNT)
def test_every_amount_reads_back(amount):
    words = baht_text(amount)
    assert read_baht(words) == amount
    assert words.endswith("บาทถ้วน") == (amount % 1 == 0)
    assert all("\u0e01" <= ch <= "\u0e4e" for ch in words), words  # Thai letters and marks, no digits


@given(amounts)
@example(MAX_AMOUNT)
def test_pythainlp_reads_each_part_back(amount):
    words = baht_text(amount)
    baht_words, _, rest = words.partition("บาท")
    assert thaiword_to_num(baht_words) == int(amount)
    if rest != "ถ้วน":
        assert thaiword_to_num(rest.removesuffix("สตางค์")) == int(amount % 1 * 100)


@given(amounts)
@example(MAX_AMOUNT)
@example(Decimal("999999999999.95"))
def test_same_words_as_pythainlp_bahttext_in_range(amount):
    """Up to 999,999,999,999.99 a float still holds every satang (15 significant digits), so pythainlp's
    float-based bahttext gives the same words there; baht_text itself never uses a float."""
    assert f"{float(amount):.2f}" == str(amount)
    assert baht_text(amount) == bahttext(float(amount))


@given(st.integers(min_value=-(10**30), max_value=10**30), st.integers(min_value=0, max_value=99))
def test_huge_and_negative_amounts_read_back(baht, satang):
    amount = Decimal(f"{baht}.{satang:02d}")  # a string: exact beyond the context's 28 digits
    words = baht_text(amount)
    assert read_baht(words) == amount
    assert words.startswith("ลบ") == (amount < 0)
