"""Buddhist-era dates (display and parsing) and the fiscal year (1 October – 30 September)."""

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from cdd_portal.thai import (
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    ThaiParseError,
    be_year,
    fiscal_quarter,
    fiscal_quarter_bounds,
    fiscal_year,
    fiscal_year_bounds,
    parse_be_date,
    thai_date,
    thai_date_short,
    thai_datetime,
    to_thai_digits,
)

# BE years from 2400 (a 4-digit year below is taken for CE) to 9999.
be_dates = st.dates(min_value=date(1857, 1, 1), max_value=date(9456, 12, 31))


# --- display ----------------------------------------------------------------------------------------

def test_dates_full_and_short():
    assert thai_date(date(2020, 4, 24)) == "๒๔ เมษายน ๒๕๖๓"
    assert thai_date_short(date(2020, 4, 24)) == "๒๔ เม.ย. ๖๓"
    assert thai_date(date(2020, 4, 24), thai_digits=False) == "24 เมษายน 2563"
    assert thai_date_short(date(2043, 1, 5), thai_digits=False) == "5 ม.ค. 86"
    assert thai_date_short(date(2057, 1, 5), thai_digits=False) == "5 ม.ค. 00"
    assert thai_date(None) == thai_date_short(None) == thai_datetime(None) == ""


def test_month_names():
    assert THAI_MONTHS[1:] == ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
                               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
    assert THAI_MONTHS_SHORT[1:] == ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
                                     "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


def test_be_year():
    assert be_year(2024) == 2567
    assert be_year(date(2024, 10, 25)) == 2567
    assert be_year(datetime(2024, 12, 31, 18, 0, tzinfo=UTC)) == 2568  # already 1 January in Bangkok


def test_datetime_is_shown_in_bangkok_time():
    moment = datetime(2024, 9, 30, 17, 30, tzinfo=UTC)  # 00:30 on 1 October in Bangkok
    assert thai_datetime(moment) == "๑ ตุลาคม ๒๕๖๗ เวลา ๐๐.๓๐ น."
    assert thai_datetime(moment, thai_digits=False) == "1 ตุลาคม 2567 เวลา 00.30 น."
    assert thai_date(moment) == "๑ ตุลาคม ๒๕๖๗"
    assert fiscal_year(moment) == 2568 and fiscal_quarter(moment) == 1
    assert thai_datetime(datetime(2020, 4, 24, 14, 30, tzinfo=ZoneInfo("Asia/Bangkok"))) == \
        "๒๔ เมษายน ๒๕๖๓ เวลา ๑๔.๓๐ น."


def test_naive_datetimes_and_plain_dates():
    assert thai_datetime(datetime(2020, 4, 24, 14, 30)) == "๒๔ เมษายน ๒๕๖๓ เวลา ๑๔.๓๐ น."
    assert thai_datetime(date(2020, 4, 24)) == "๒๔ เมษายน ๒๕๖๓"


def test_the_active_time_zone_is_used():
    moment = datetime(2024, 9, 30, 17, 30, tzinfo=UTC)
    with timezone.override(ZoneInfo("UTC")):
        assert thai_datetime(moment) == "๓๐ กันยายน ๒๕๖๗ เวลา ๑๗.๓๐ น."


def test_works_without_django_settings():
    """Pure functions: Bangkok time and untranslated Thai messages when Django is not configured."""
    code = (
        "from datetime import datetime, UTC\n"
        "from cdd_portal.thai import thai_datetime, parse_be_date, ThaiParseError\n"
        "print(thai_datetime(datetime(2024, 9, 30, 17, 30, tzinfo=UTC)))\n"
        "try:\n    parse_be_date('25/10/2024')\nexcept ThaiParseError as e:\n    print(e)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert out.stdout.splitlines() == ["๑ ตุลาคม ๒๕๖๗ เวลา ๐๐.๓๐ น.",
                                       "ปี 2024 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกปี พ.ศ. เช่น 2567"]


# --- parsing ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "25/10/2567", "25-10-2567", "25.10.2567", "๒๕/๑๐/๒๕๖๗", " 25 / 10 / 2567 ", "25 ต.ค. 2567",
    "25 ตุลาคม 2567",
    "25 ต.ค. 67", "๒๕ ต.ค. ๖๗", "25 ตค 67", "25 ต. ค. 2567", "25ตุลาคม2567", "25 ตุลาคม พ.ศ. 2567",
    "25 ตุลาคม พ.ศ.2567", "25 ตุลา 2567", "2024-10-25",
])
def test_parse_be_date_accepts_what_officers_type(text):
    assert parse_be_date(text) == date(2024, 10, 25)


@pytest.mark.parametrize(("text", "value"), [
    ("1/1/2500", date(1957, 1, 1)), ("29/02/2567", date(2024, 2, 29)), ("5 ก.ค. 68", date(2025, 7, 5)),
    ("5 กรกฏาคม 2568", date(2025, 7, 5)), ("1 ม.ค. 00", date(1957, 1, 1)),
    (date(2024, 10, 25), date(2024, 10, 25)),
    (datetime(2024, 10, 24, 20, 0, tzinfo=UTC), date(2024, 10, 25)),  # its Bangkok date
])
def test_parse_be_date_more(text, value):
    result = parse_be_date(text)
    assert result == value and type(result) is date


def test_a_christian_era_year_is_refused_with_a_thai_explanation():
    with pytest.raises(ThaiParseError) as exc:
        parse_be_date("25/10/2024")
    assert str(exc.value) == "ปี 2024 ดูเหมือนเป็นปี ค.ศ. กรุณากรอกปี พ.ศ. เช่น 2567"
    with pytest.raises(ThaiParseError, match="ค.ศ."):
        parse_be_date("๒๕ ตุลาคม ๒๐๒๔")


def test_a_buddhist_era_year_in_iso_form_is_refused():
    with pytest.raises(ThaiParseError, match="พ.ศ."):
        parse_be_date("2567-10-25")


@pytest.mark.parametrize(("text", "message"), [
    ("31/02/2567", "ไม่มีวันที่ «31/02/2567» ในปฏิทิน"),
    ("29/02/2566", "ในปฏิทิน"),
    ("32 ตุลาคม 2567", "ในปฏิทิน"),
    ("1/13/2567", "ในปฏิทิน"),
    ("0/1/2567", "ในปฏิทิน"),
    ("2024-02-30", "ในปฏิทิน"),
    ("abc", "อ่านวันที่ «abc» ไม่ได้"),
    ("25/10-2567", "อ่านวันที่"),
    ("25/10/567", "อ่านวันที่"),
    ("25 octobre 2567", "อ่านวันที่"),
    ("25 ตุลาคม", "อ่านวันที่"),
    ("", "กรุณากรอกวันที่"),
    (None, "กรุณากรอกวันที่"),
])
def test_impossible_dates_are_refused(text, message):
    with pytest.raises(ThaiParseError, match=message):
        parse_be_date(text)


@given(be_dates)
def test_thai_date_round_trips(d):
    assert parse_be_date(thai_date(d)) == d
    assert parse_be_date(thai_date(d, thai_digits=False)) == d


@given(be_dates)
def test_numeric_be_dates_round_trip(d):
    typed = f"{d.day:02d}/{d.month:02d}/{d.year + 543}"
    assert parse_be_date(typed) == d
    assert parse_be_date(to_thai_digits(typed)) == d
    assert parse_be_date(f"{d.day}-{d.month}-{d.year + 543}") == d


@given(st.dates(min_value=date(1957, 1, 1), max_value=date(2056, 12, 31)))  # BE 2500–2599
def test_short_dates_round_trip(d):
    assert parse_be_date(thai_date_short(d)) == d


@given(st.dates(min_value=date(1, 1, 1), max_value=date(2399, 12, 31)))
def test_iso_dates_round_trip(d):
    assert parse_be_date(d.isoformat()) == d


# --- fiscal year ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("d", "year"), [
    (date(2019, 10, 1), 2563), (date(2019, 9, 30), 2562), (date(2020, 9, 30), 2563),
    (date(2024, 10, 1), 2568),
    (date(2024, 12, 31), 2568), (date(2025, 1, 1), 2568),
])
def test_fiscal_year_starts_on_1_october(d, year):
    assert fiscal_year(d) == year


def test_fiscal_quarters_and_bounds():
    months = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
    assert [fiscal_quarter(date(2024, m, 1)) for m in months] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    assert fiscal_year_bounds(2568) == (date(2024, 10, 1), date(2025, 9, 30))
    assert fiscal_year_bounds(2563) == (date(2019, 10, 1), date(2020, 9, 30))
    assert [fiscal_quarter_bounds(2568, q) for q in (1, 2, 3, 4)] == [
        (date(2024, 10, 1), date(2024, 12, 31)), (date(2025, 1, 1), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2025, 6, 30)), (date(2025, 7, 1), date(2025, 9, 30)),
    ]


@pytest.mark.parametrize("quarter", [0, 5, True, "1"])
def test_fiscal_quarter_bounds_refuses_other_quarters(quarter):
    with pytest.raises(ValueError):
        fiscal_quarter_bounds(2568, quarter)


@given(st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31)))
def test_a_date_lies_in_its_fiscal_year_and_quarter(d):
    year = fiscal_year(d)
    start, end = fiscal_year_bounds(year)
    assert start <= d <= end
    assert (start.month, start.day, end.month, end.day) == (10, 1, 9, 30)
    assert end - start in (timedelta(days=364), timedelta(days=365))
    q_start, q_end = fiscal_quarter_bounds(year, fiscal_quarter(d))
    assert q_start <= d <= q_end
    assert start <= q_start and q_end <= end
    assert fiscal_year(q_start) == fiscal_year(q_end) == year


@given(st.integers(min_value=2400, max_value=9999))
def test_the_four_quarters_tile_the_fiscal_year(year):
    start, end = fiscal_year_bounds(year)
    quarters = [fiscal_quarter_bounds(year, q) for q in (1, 2, 3, 4)]
    assert quarters[0][0] == start and quarters[-1][1] == end
    for (_, a_end), (b_start, _) in zip(quarters, quarters[1:], strict=False):
        assert b_start - a_end == timedelta(days=1)
    assert all(fiscal_quarter(s) == q and fiscal_quarter(e) == q for q, (s, e) in enumerate(quarters, 1))
