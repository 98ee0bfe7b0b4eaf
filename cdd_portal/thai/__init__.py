"""Thai formatting: digits, amounts in words, Buddhist-era dates, parsing, fiscal year and quarter.

Everything public lives in :mod:`cdd_portal.thai.formatting` (pure functions) and is re-exported here.
Template filters: :mod:`cdd_portal.thai.templatetags.thai` (a template builtin); form fields:
:mod:`cdd_portal.thai.forms`.
"""

from cdd_portal.thai.formatting import (
    BE_OFFSET,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    ThaiParseError,
    baht_text,
    be_year,
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

__all__ = [
    "BE_OFFSET",
    "THAI_MONTHS",
    "THAI_MONTHS_SHORT",
    "ThaiParseError",
    "baht_text",
    "be_year",
    "fiscal_quarter",
    "fiscal_quarter_bounds",
    "fiscal_year",
    "fiscal_year_bounds",
    "format_number",
    "parse_be_date",
    "parse_decimal",
    "parse_integer",
    "thai_date",
    "thai_date_short",
    "thai_datetime",
    "to_arabic_digits",
    "to_thai_digits",
]
