"""The กข.คจ. lists as workbooks: funds and loans export with Thai headers and their balances, scoped; no
national ID in them."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from cdd_portal.lists import exports
from funds.poverty import services

from .conftest import NID2

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


def rows_of(user, name, **params):
    content, _name = exports.render(exports.clean(user, {"list": name, **params}), "xlsx", lambda pct: None)
    return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def test_funds_and_loans_export(far_officer, other_province_staff, officer, account, loan):
    services.record_repayment(far_officer, loan, receipt_number="R1", date=date(2024, 7, 1), amount=Decimal("4000"))
    funds = rows_of(far_officer, "poverty-funds")
    assert funds[1][:2] == ("จังหวัด", "อำเภอ")
    header, row = funds[1], funds[2]
    assert Decimal(str(row[header.index("เงินทุนอยู่ที่ครัวเรือน")])) == Decimal("6000")
    loans = rows_of(other_province_staff, "poverty-loans")
    header, row = loans[1], loans[2]
    assert row[header.index("ผู้ยืม")] == "นางสมศรี ใจดี"
    assert Decimal(str(row[header.index("ยอดคงเหลือ")])) == Decimal("6000")
    assert NID2 not in str(loans)
    assert len(rows_of(officer, "poverty-loans")) <= 2  # another province's district: headers only
