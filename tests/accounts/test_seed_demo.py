from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from cdd_portal.accounts.models import Office, Role, User

pytestmark = pytest.mark.django_db


def test_offices_of_every_province_and_district_exist():
    assert Office.objects.filter(level=Office.Level.PROVINCE).count() == 76
    assert Office.objects.filter(level=Office.Level.DISTRICT).count() == 878
    assert Office.objects.get(code="3401").name_th == "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี"
    assert Office.objects.get(code="34").name_th == "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี"


def test_seed_demo_creates_the_documented_logins_and_is_idempotent():
    call_command("seed_demo", "--password", "secret-1", stdout=StringIO())
    d3401 = User.objects.get(username="d3401")
    assert d3401.role == Role.DISTRICT_OFFICER and d3401.office.code == "3401"
    assert User.objects.get(username="d3401-head").role == Role.DISTRICT_HEAD
    assert User.objects.get(username="p34").role == Role.PROVINCE_STAFF
    assert User.objects.get(username="p42-head").role == Role.PROVINCE_HEAD
    assert User.objects.get(username="admin").is_superuser
    # 25 + 23 + 14 districts, two users each, plus p/p-head for three provinces, admin and a viewer
    assert User.objects.filter(username__startswith="d").count() == 2 * (25 + 23 + 14)
    assert authenticate(username="d3401", password="secret-1") is not None
    out = StringIO()
    call_command("seed_demo", "--password", "other", stdout=out)
    assert "users created: 0" in out.getvalue()
    assert authenticate(username="d3401", password="secret-1") is not None  # existing passwords kept
