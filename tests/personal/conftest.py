"""Fixtures of the PDPA tests: a test-only registration of a national-ID field (the fund apps register the
real ones), over funds.SavingsGroup's name, holding a valid 13-digit number; valid numbers are computed
with the check digit."""

import pytest

from cdd_portal.geo.models import District
from cdd_portal.personal import national_id, registry
from funds.models import SavingsGroup


def valid(first12: str) -> str:
    return first12 + str(national_id.check_digit(first12))


VALID = valid("110170023070")  # 1101700230708


@pytest.fixture
def registered():
    before = dict(registry._FIELDS)
    item = registry.register("funds.SavingsGroup", "name", district_of=lambda g: g.district_id,
                             queryset=lambda: SavingsGroup.objects.select_related("district"))
    yield item
    registry._FIELDS.clear()
    registry._FIELDS.update(before)


@pytest.fixture
def record(db, registered):
    """A record of district 3401 whose registered field holds a whole national ID."""
    return SavingsGroup.objects.create(district=District.objects.get(pk="3401"), name=VALID)


@pytest.fixture
def neighbour_record(db, registered):
    return SavingsGroup.objects.create(district=District.objects.get(pk="3402"), name=valid("310050012345"))
