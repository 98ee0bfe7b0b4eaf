from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pythainlp.util import thaiword_to_num

from cdd_portal.thai import (
    ThaiParseError,
    baht_text,
    fiscal_quarter,
    fiscal_quarter_bounds,
    fiscal_year,
    fiscal_year_bounds,
    format_number,
    parse_be_date,
    parse_decimal,
    parse_integer,
    thai_date,
    thai_date_short,
    thai_datetime,
    to_arabic_digits,
    to_thai_digits,
)

THAI_DIGIT_CHARS = set("๐๑๒๓๔๕๖๗๘๙")


# --- acceptance examples ----------------------------------------------------------------------------

def test_baht_text_of_seed_003s_total_has_its_missing_roi():
    assert baht_text(Decimal("61857700")) == "หกสิบเอ็ดล้านแปดแสนห้าหมื่นเจ็ดพันเจ็ดร้อยบาทถ้วน"


def test_fiscal_year_starts_on_1_october():
    assert fiscal_year(date(2019, 10, 1)) == 2563
    assert fiscal_year(date(2019, 9, 30)) == 2562
    assert fiscal_year(date(2020, 9, 30)) == 2563
    assert fiscal_year(date(2024, 10, 1)) == 2568


def test_email_addresses_urls_and_identifiers_keep_their_digits():
    text = "ติดต่อ cddse9@gmail.com หรือ https://cdd.go.th/p2563 รหัส ABC-123 แฟ้ม report2563.pdf โทร 045-123456"
    assert to_thai_digits(text) == (
        "ติดต่อ cddse9@gmail.com หรือ https://cdd.go.th/p2563 รหัส ABC-123 แฟ้ม report2563.pdf โทร ๐๔๕-๑๒๓๔๕๖"
    )


# --- amounts in words -------------------------------------------------------------------------------

@pytest.mark.parametrize(("amount", "words"), [
    (Decimal("41100"), "สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน"),
    (Decimal("873600"), "แปดแสนเจ็ดหมื่นสามพันหกร้อยบาทถ้วน"),
    (21, "ยี่สิบเอ็ดบาทถ้วน"),
    (101, "หนึ่งร้อยเอ็ดบาทถ้วน"),
    (11, "สิบเอ็ดบาทถ้วน"),
    (1_000_001, "หนึ่งล้านเอ็ดบาทถ้วน"),
    (Decimal("0.50"), "ห้าสิบสตางค์"),
    (Decimal("0"), "ศูนย์บาทถ้วน"),
    (Decimal("1.005"), "หนึ่งบาทหนึ่งสตางค์"),  # half a satang rounds up, never through float
    (Decimal("2.675"), "สองบาทหกสิบแปดสตางค์"),
    (Decimal("0.995"), "หนึ่งบาทถ้วน"),
    (Decimal("10") ** 12, "หนึ่งล้านล้านบาทถ้วน"),
    (Decimal("-5"), "ลบห้าบาทถ้วน"),
    ("๔๑,๑๐๐", "สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน"),
])
def test_baht_text_table(amount, words):
    assert baht_text(amount) == words


def _read_back(words: str) -> Decimal:
    """An independent reading of the words: pythainlp's parser on each part."""
    baht_part, _, rest = words.partition("บาท") if "บาท" in words else ("", "", words)
    baht = thaiword_to_num(baht_part) if baht_part else 0
    satang = 0
    if rest != "ถ้วน":
        satang = thaiword_to_num(rest.removesuffix("สตางค์"))
    return Decimal(baht) + Decimal(satang) / 100


@given(st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2))
def test_baht_text_reads_back_to_the_same_amount(amount):
    words = baht_text(amount)
    assert _read_back(words) == amount
    assert words.endswith("บาทถ้วน") == (amount == amount.to_integral_value())
    assert all("\u0e00" <= ch <= "\u0e7f" for ch in words)


# --- digits and numbers -----------------------------------------------------------------------------

@given(st.text(alphabet=st.characters(blacklist_characters="๐๑๒๓๔๕๖๗๘๙")))
def test_digits_round_trip(text):
    assert to_arabic_digits(to_thai_digits(text)) == text


@given(st.text(alphabet="0123456789 ,.-/ก"))
def test_thai_text_has_no_arabic_digits_left(text):
    assert not any(ch.isascii() and ch.isdigit() for ch in to_thai_digits(text))


@given(st.decimals(min_value=Decimal("-999999999999.99"), max_value=Decimal("999999999999.99"), places=2))
def test_format_then_parse_gives_the_number_back(value):
    assert parse_decimal(format_number(value, places=2)) == value
    assert parse_decimal(format_number(value, places=2, thai_digits=False)) == value


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("41100"), "๔๑,๑๐๐"),
    (Decimal("873600.50"), "๘๗๓,๖๐๐.๕๐"),
    (Decimal("41100.00"), "๔๑,๑๐๐"),
    (1500, "๑,๕๐๐"),
])
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(("text", "value"), [
    ("๔๑,๑๐๐.๕๐", Decimal("41100.50")), ("41,100", Decimal("41100")), (" 1500 บาท", Decimal("1500")),
    ("-๕", Decimal("-5")), ("1234567", Decimal("1234567")),
])
def test_parse_decimal(text, value):
    assert parse_decimal(text) == value


@pytest.mark.parametrize("text", ["1,00", "12a", "", "๑,๒", "1.2.3", "--1"])
def test_parse_decimal_refuses_junk_in_thai(text):
    with pytest.raises(ThaiParseError, match="ตัวเลข"):
        parse_decimal(text)


def test_parse_integer_refuses_fractions():
    assert parse_integer("๑,๐๐๐") == 1000
    with pytest.raises(ThaiParseError, match="จำนวนเต็ม"):
        parse_integer("1.5")


# --- Buddhist-era dates -----------------------------------------------------------------------------

def test_dates_full_and_short():
    assert thai_date(date(2020, 4, 24)) == "๒๔ เมษายน ๒๕๖๓"
    assert thai_date_short(date(2020, 4, 24)) == "๒๔ เม.ย. ๖๓"
    assert thai_date(date(2020, 4, 24), thai_digits=False) == "24 เมษายน 2563"


def test_datetime_is_shown_in_bangkok_time():
    moment = datetime(2024, 9, 30, 17, 30, tzinfo=UTC)  # 00:30 on 1 Oct in Bangkok
    assert thai_datetime(moment) == "๑ ตุลาคม ๒๕๖๗ เวลา ๐๐.๓๐ น."
    assert fiscal_year(moment) == 2568


@pytest.mark.parametrize("text", ["25/10/2567", "๒๕/๑๐/๒๕๖๗", "25-10-2567", "25 ต.ค. 2567", "25 ตุลาคม 2567",
                                  "25 ต.ค. 67", "๒๕ ต.ค. ๖๗", "25 ตุลาคม พ.ศ. 2567", "2024-10-25"])
def test_parse_be_date_accepts_what_officers_type(text):
    assert parse_be_date(text) == date(2024, 10, 25)


def test_a_christian_era_year_is_refused_with_a_thai_explanation():
    with pytest.raises(ThaiParseError, match="ค.ศ."):
        parse_be_date("25/10/2024")


@pytest.mark.parametrize("text", ["31/02/2567", "abc", "", "32 ตุลาคม 2567", "1/13/2567"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(ThaiParseError):
        parse_be_date(text)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2400, 12, 31)))
def test_be_dates_round_trip(d):
    assert parse_be_date(thai_date(d)) == d
    assert parse_be_date(f"{d.day}/{d.month}/{d.year + 543}") == d


# --- fiscal year and quarter ------------------------------------------------------------------------

def test_fiscal_quarters():
    assert [fiscal_quarter(date(2024, m, 1)) for m in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)] == \
        [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    assert fiscal_year_bounds(2568) == (date(2024, 10, 1), date(2025, 9, 30))
    assert fiscal_quarter_bounds(2568, 2) == (date(2025, 1, 1), date(2025, 3, 31))


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2200, 12, 31)))
def test_a_date_lies_in_its_fiscal_year_and_quarter(d):
    start, end = fiscal_year_bounds(fiscal_year(d))
    assert start <= d <= end
    q_start, q_end = fiscal_quarter_bounds(fiscal_year(d), fiscal_quarter(d))
    assert q_start <= d <= q_end
    assert end - start in (timedelta(days=364), timedelta(days=365))
