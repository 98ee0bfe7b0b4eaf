"""The group's register (savings-group-register) through the document pipeline: who may ask for it, and the
PDF and XLSX with the committee and the members, national IDs masked."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from cdd_portal.documents import registry
from cdd_portal.documents import services as documents
from cdd_portal.geo.models import District
from funds import documents as kind
from funds import services
from funds.models import CommitteeDivision
from tests.pdf import missing, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(officer, time_machine):
    time_machine.move_to(datetime(2025, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")), tick=False)
    group = services.create_group(officer, district=District.objects.get(pk="3401"), name="กลุ่มออมทรัพย์บ้านหนองบัว",
                                  savings_day=5, registration_ref="อบ ๐๐๑/๒๕๕๓")
    services.add_committee_member(officer, group, division=CommitteeDivision.objects.get(name="คณะกรรมการเงินกู้"),
                                  position="chair", name="นางสาวเงินกู้ รักษ์กลุ่ม", national_id="1101700123456",
                                  term_start=date(2024, 3, 1))
    member = services.add_member(officer, group, name="นายสมชาย ออมดี", national_id="3101000543211", shares=10,
                                 joined_on=date(2015, 1, 5))
    services.add_beneficiary(officer, member, name="นางสมศรี ออมดี", share_percent=100)
    return group


def test_who_may_export(group, officer, province_staff, neighbour_officer, far_officer):
    assert registry.get("savings-group-register") is kind.GROUP_REGISTER
    assert kind.clean(officer, {"group": str(group.pk)}) == {"group": group.pk}
    assert kind.clean(province_staff, {"group": group.pk}) == {"group": group.pk}
    for user in (neighbour_officer, far_officer):
        with pytest.raises(PermissionDenied):
            kind.clean(user, {"group": group.pk})
        with pytest.raises(PermissionDenied):
            documents.request_export(user, kind="savings-group-register", params={"group": group.pk}, fmt="pdf")
    with pytest.raises(ValidationError, match="กรุณาระบุกลุ่ม"):
        kind.clean(officer, {"group": "abc"})


def test_the_register_workbook_and_pdf(group, tmp_path):
    content, name = kind.render({"group": group.pk}, "xlsx", lambda pct: None)
    assert name == f"savings-group-{group.pk}-2025-03-10.xlsx"
    values = [cell.value for row in load_workbook(io.BytesIO(content)).active.iter_rows() for cell in row]
    assert "นายสมชาย ออมดี" in values and "3-xxxx-xxxxx-21-1" in values and "1-xxxx-xxxxx-45-6" in values
    assert "วันรับฝากเงินสัจจะ: วันที่ ๕ ของทุกเดือน" in values
    assert "3101000543211" not in str(values) and "1101700123456" not in str(values)
    pdf, name = kind.render({"group": group.pk}, "pdf", lambda pct: None)
    (tmp_path / name).write_bytes(pdf)
    text = pdf_text(tmp_path / name)
    assert missing(text, "ทะเบียนกลุ่มออมทรัพย์เพื่อการผลิต", "นายสมชาย ออมดี", "3-xxxx-xxxxx-21-1",
                   "นางสาวเงินกู้ รักษ์กลุ่ม", "วันที่ ๕ ของทุกเดือน") == []
    assert "3101000543211" not in text
