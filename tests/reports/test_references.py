from datetime import date

import pytest

from cdd_portal.geo import services as geo_services
from cdd_portal.geo.models import Subdistrict
from reports import selectors, services
from reports.models import FormDefinition

pytestmark = pytest.mark.django_db

SCHEMA = {"sections": [{"key": "groups", "title": "กลุ่ม", "type": "table", "columns": [
    {"key": "name", "label": "ชื่อกลุ่ม", "type": "text", "required": True},
    {"key": "village", "label": "หมู่บ้าน", "type": "village", "required": True}]}]}


@pytest.fixture
def villages(officer, neighbour_officer):
    mine = geo_services.create_village(officer, subdistrict=Subdistrict.objects.get(code="340101"), number=5,
                                       name_th="บ้านหนองบัว")
    theirs = geo_services.create_village(neighbour_officer, subdistrict=Subdistrict.objects.filter(
        district_id="3402").first(), number=1, name_th="บ้านอื่น")
    return mine, theirs


@pytest.fixture
def village_form():
    form = services.save_definition(code="village-test", title="ทดสอบหมู่บ้าน", period_type="monthly",
                                    schema=SCHEMA, fiscal_years=[2569, 2570], due_day=20)
    return form


def test_a_village_reference_takes_only_the_districts_own_villages(login, officer, villages, village_form):
    mine, theirs = villages
    today = date.today()
    fiscal = today.year + 543 + (1 if today.month >= 10 else 0)
    period = next(p for p in services.generate_periods(village_form, fiscal) if p.start <= today <= p.end)
    submission = services.open_submission(officer, village_form, period)
    saved, errors = services.save_draft(officer, submission, {"groups": [
        {"name": "ก", "village": str(mine.pk)}, {"name": "ข", "village": str(theirs.pk)}]}, version=submission.version)
    assert saved.data["groups"][0]["village"] == mine.pk
    assert [e["message"] for e in errors] == ["กลุ่ม แถวที่ ๒ ช่อง «หมู่บ้าน»: ไม่พบหมู่บ้านนี้ในทะเบียนหมู่บ้านของอำเภอ"]
    options = selectors.reference_options(saved)["village"]
    assert options == [(mine.pk, "หมู่ที่ 5 บ้านหนองบัว ต.ในเมือง")]
    assert FormDefinition.objects.get(code="village-test").version == 1
    page = login(officer).get(f"/reports/submissions/{saved.pk}/").content.decode()
    assert "หมู่ที่ ๕ บ้านหนองบัว ต.ในเมือง" in page and "บ้านอื่น" not in page
