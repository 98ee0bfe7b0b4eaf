"""The printable handover record (export kind `fund-handover`): who may ask for it, and what it says."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cdd_portal.documents import registry
from cdd_portal.documents import services as documents
from funds.handovers import documents as kind
from funds.handovers import services
from funds.handovers.models import ChecklistItem
from tests.pdf import missing, pdf_text

pytestmark = pytest.mark.django_db


def test_the_kind_is_registered():
    assert registry.get("fund-handover") is kind.FUND_HANDOVER


def test_who_may_export(officer, province_staff, neighbour_officer, other_province_staff, handover):
    assert kind.clean(officer, {"handover": str(handover.pk)}) == {"handover": handover.pk}
    assert kind.clean(province_staff, {"handover": handover.pk}) == {"handover": handover.pk}
    for user in (neighbour_officer, other_province_staff):
        with pytest.raises(PermissionDenied):
            kind.clean(user, {"handover": handover.pk})
    with pytest.raises(ValidationError):
        kind.clean(officer, {"handover": "abc"})
    with pytest.raises(PermissionDenied):
        documents.request_export(neighbour_officer, kind="fund-handover", params={"handover": handover.pk}, fmt="pdf")


def test_the_pdf(tmp_path, officer, second_officer, handover):
    services.update_checklist(officer, handover, {i.pk: {"received": i.code != "contracts", "complete": True}
                                                  for i in ChecklistItem.objects.filter(line__handover=handover)})
    services.sign(officer, handover)
    services.sign(second_officer, handover)
    content, name = kind.render({"handover": handover.pk}, "pdf", lambda pct: None)
    assert name == f"handover-{handover.pk}-2025-01-15.pdf"
    path = tmp_path / name
    path.write_bytes(content)
    text = pdf_text(path)
    assert missing(text, "การส่งมอบงานของเจ้าหน้าที่", "ส่วนที่ ๒ การส่งมอบงาน", "๑๕ มกราคม ๒๕๖๘",
                   "d3401-b สอง", "พัฒนากรปฏิบัติการ", "กลุ่มออมทรัพย์บ้านนาโพธิ์", "๑๒๕,๐๐๐.๐๐",
                   "ยังไม่ได้รับมอบ", "ลงชื่อ", "พยาน") == []
    assert "125,000" not in text
