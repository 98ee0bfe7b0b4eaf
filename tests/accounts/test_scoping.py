import pytest

from cdd_portal.accounts.models import Office, Role
from cdd_portal.accounts.scoping import Scope, can_edit_district, scope_of
from cdd_portal.geo.models import District
from cdd_portal.geo.selectors import districts
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_scope_by_office_level(officer, province_staff, viewer, administrator):
    assert scope_of(officer) == Scope("district", province_code="34", district_code="3401")
    assert scope_of(province_staff) == Scope("province", province_code="34")
    assert scope_of(viewer).level == "all"
    assert scope_of(administrator).level == "all"


def test_a_user_without_office_or_role_sees_nothing(django_user_model):
    nobody = django_user_model.objects.create_user("nobody", password="x")
    assert scope_of(nobody).level == "none"
    no_role = django_user_model.objects.create_user("norole", password="x", office=Office.objects.get(code="3401"))
    assert scope_of(no_role).level == "none"


def test_a_role_that_does_not_match_its_office_level_sees_nothing():
    # A provincial role attached to a district office is a misconfiguration: fail closed.
    user = make_user("odd", "3401", Role.PROVINCE_STAFF)
    assert scope_of(user).level == "none"


def test_inactive_users_see_nothing(officer):
    officer.is_active = False
    assert scope_of(officer).level == "none"


def test_scope_covers():
    s = Scope("province", province_code="34")
    assert s.covers_district("3401") and not s.covers_district("4201")
    assert Scope("district", "34", "3401").covers_district("3401")
    assert not Scope("district", "34", "3401").covers_district("3402")


def test_only_the_district_office_and_administrators_edit(officer, district_head, neighbour_officer,
                                                          province_staff, viewer, administrator):
    assert can_edit_district(officer, "3401")
    assert can_edit_district(district_head, "3401")
    assert not can_edit_district(neighbour_officer, "3401")
    assert not can_edit_district(province_staff, "3401")
    assert not can_edit_district(viewer, "3401")
    assert can_edit_district(administrator, "3401")


def test_user_clean_refuses_a_role_at_the_wrong_office_level():
    from django.core.exceptions import ValidationError

    user = make_user("odd2", "34", Role.DISTRICT_OFFICER)
    with pytest.raises(ValidationError):
        user.clean()


def test_restrict_on_districts_themselves(officer, province_staff):
    from cdd_portal.accounts.scoping import restrict

    assert list(restrict(districts(), officer, district_field=None)) == [District.objects.get(code="3401")]
    assert restrict(districts(), province_staff, district_field=None).count() == 25
