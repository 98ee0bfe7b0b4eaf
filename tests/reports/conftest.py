from datetime import date

import pytest

from reports import services
from reports.models import FormDefinition


@pytest.fixture
def form(db):
    """The built-in สัมมาชีพชุมชน progress form of seed 003."""
    return FormDefinition.objects.get(code="samma-acheep-progress")


@pytest.fixture
def period(form):
    """The current month's period, so that its entry window is open today."""
    today = date.today()
    fiscal = today.year + 543 + (1 if today.month >= 10 else 0)
    return next(p for p in services.generate_periods(form, fiscal) if p.start <= today <= p.end)


def good_data() -> dict:
    """A complete, valid สัมมาชีพชุมชน report typed as an officer would (Thai digits, commas, B.E. date)."""
    return {
        "groups": [
            {"address": "บ้านหนองบัว หมู่ที่ ๕", "name": "กลุ่มทอผ้าลายโบราณ", "product": "ผ้าทอ", "members": "๒๕",
             "market": "ตลาดนัดชุมชน", "otop": "registered"},
            {"address": "บ้านโนน หมู่ที่ 3", "name": "กลุ่มข้าวอินทรีย์", "product": "ข้าว", "members": "1,020",
             "otop": "not_registered"},
        ],
        "clusters": [{"name": "คลัสเตอร์ผลิตภัณฑ์ผ้าทอ", "kind": "same_product", "groups": "กลุ่มทอผ้าลายโบราณ"}],
        "status": {"project_status": "in_progress"},
        "process": {"survey": {"done": True, "results": "มีฐานข้อมูล"}, "develop": {"in_progress": "on"}},
        "budget": {"as_of": "๑๕/๙/๒๕๖๓", "received": "๑๒,๐๐๐", "spent": "9,000"},
    }
