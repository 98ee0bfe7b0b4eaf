import pytest

from cdd_portal.accounts.models import Office, Role
from cdd_portal.accounts.scoping import Scope, keeps_registry, scope_of
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
    assert keeps_registry(officer, "3401")
    assert keeps_registry(district_head, "3401")
    assert not keeps_registry(neighbour_officer, "3401")
    assert not keeps_registry(province_staff, "3401")
    assert not keeps_registry(viewer, "3401")
    assert keeps_registry(administrator, "3401")


def test_user_clean_refuses_a_role_at_the_wrong_office_level():
    from django.core.exceptions import ValidationError

    user = make_user("odd2", "34", Role.DISTRICT_OFFICER)
    with pytest.raises(ValidationError):
        user.clean()


def test_restrict_on_districts_themselves(officer, province_staff):
    from cdd_portal.accounts.scoping import restrict

    assert list(restrict(districts(), officer, district_field=None)) == [District.objects.get(code="3401")]
    assert restrict(districts(), province_staff, district_field=None).count() == 25


def test_restrict_keep_is_the_own_district_for_its_office_and_everything_for_administrators(
        officer, province_staff, viewer, administrator):
    from cdd_portal.accounts.scoping import KEEP, restrict

    assert [d.code for d in restrict(districts(), officer, KEEP, district_field=None)] == ["3401"]
    assert not restrict(districts(), province_staff, KEEP, district_field=None).exists()
    assert not restrict(districts(), viewer, KEEP, district_field=None).exists()
    assert restrict(districts(), administrator, KEEP, district_field=None).count() == districts().count()


def test_restrict_review_gives_a_province_its_districts_and_the_department_the_provinces_own(
        province_staff, officer, administrator, viewer):
    from cdd_portal.accounts.scoping import REVIEW, restrict

    offices = Office.objects.exclude(level="department")
    reviewed = restrict(offices, province_staff, REVIEW, district_field="district", province_field="province")
    assert reviewed.count() == 25 and not reviewed.filter(level="province").exists()
    by_department = restrict(offices, administrator, REVIEW, district_field="district", province_field="province")
    assert by_department.count() == 76 and set(by_department.values_list("level", flat=True)) == {"province"}
    assert not restrict(offices, officer, REVIEW, district_field="district").exists()
    assert not restrict(offices, viewer, REVIEW, district_field="district").exists()


def test_who_reviews_whom(officer, province_staff, other_province_staff, administrator, viewer):
    from cdd_portal.accounts.scoping import fills_reports_of, reviews_reports_of

    district_office, province_office = Office.objects.get(code="3401"), Office.objects.get(code="34")
    assert fills_reports_of(officer, district_office) and not fills_reports_of(officer, province_office)
    assert fills_reports_of(province_staff, province_office)
    assert reviews_reports_of(province_staff, district_office)
    assert not reviews_reports_of(province_staff, province_office)  # its own go to the department
    assert reviews_reports_of(administrator, province_office)
    assert not reviews_reports_of(other_province_staff, district_office)
    assert not reviews_reports_of(viewer, district_office) and not reviews_reports_of(officer, district_office)


def test_the_otop_round_the_district_head_approves_and_the_province_head_certifies(
        officer, district_head, province_staff, administrator):
    from cdd_portal.accounts.scoping import approves_otop_registration, certifies_otop_registration

    province_head = make_user("p34-head", "34", Role.PROVINCE_HEAD)
    assert approves_otop_registration(district_head, "3401")
    assert not approves_otop_registration(officer, "3401")  # an officer records, the head approves
    assert not approves_otop_registration(district_head, "3402")
    assert certifies_otop_registration(province_head, "34")
    assert not certifies_otop_registration(province_staff, "34")
    assert not certifies_otop_registration(province_head, "42")
    assert approves_otop_registration(administrator, "3401") and certifies_otop_registration(administrator, "34")


def test_registry_district_is_the_own_district_office_only(officer, province_staff, administrator):
    from cdd_portal.accounts.scoping import registry_district

    assert registry_district(officer) == "3401"
    assert registry_district(province_staff) is None and registry_district(administrator) is None
