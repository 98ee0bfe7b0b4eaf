"""Fixtures of the service-centre tests: a fixed today, the centre of 3401 and a committee of twelve."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cdd_portal.geo.models import District
from centers import services, views
from centers.models import CommitteeMember

TODAY = date(2025, 1, 15)  # fiscal year 2568, quarter 2 (January–March 2025)
ORDER_DAY = date(2024, 11, 1)

Position, Seat = CommitteeMember.Position, CommitteeMember.Seat

# the 2020 model: chair (district chief), secretary (district CDD), 5 agencies, 5 group leaders = 12
TWELVE = [
    {"name": "นายอำเภอ ทดสอบ", "position": Position.CHAIR, "seat": Seat.DISTRICT_CHIEF},
    {"name": "พัฒนาการอำเภอ ทดสอบ", "position": Position.SECRETARY, "seat": Seat.DISTRICT_CDD},
    *({"name": f"ผู้แทนหน่วยงาน {n}", "position": position, "seat": Seat.AGENCY, "organisation": f"หน่วยงาน {n}"}
      for n, position in enumerate([Position.TREASURER, Position.ACADEMIC, Position.PRODUCTION, Position.QUALITY,
                                    Position.FUNDING], start=1)),
    *({"name": f"ผู้นำกลุ่ม {n}", "position": position, "seat": Seat.GROUP_LEADER}
      for n, position in enumerate([Position.MARKETING, Position.PUBLIC_RELATIONS, Position.MEMBER,
                                    Position.MEMBER, Position.MEMBER], start=1)),
]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """The pages ask views._today(); the tests fix it."""
    monkeypatch.setattr(views, "_today", lambda: TODAY)
    return TODAY


@pytest.fixture
def ubon_muang():
    return District.objects.get(pk="3401")


@pytest.fixture
def center(officer, ubon_muang):
    return services.create_center(officer, district=ubon_muang, today=TODAY, phone="045-123456")


@pytest.fixture
def committee(officer, center):
    order, members = services.record_order(officer, center, number="๑๒๓/๒๕๖๗", date=ORDER_DAY,
                                           signer_name="นายอำเภอ ทดสอบ", signer_position="นายอำเภอเมืองอุบลราชธานี",
                                           members=TWELVE, today=TODAY)
    return order, members


@pytest.fixture
def neighbour_center(neighbour_officer):
    return services.create_center(neighbour_officer, district=District.objects.get(pk="3402"), today=TODAY)


def png(name: str = "photo.png") -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (120, 40, 140)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name: str = "order.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf")


def text_file(name: str = "note.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"hello", content_type="application/pdf")
