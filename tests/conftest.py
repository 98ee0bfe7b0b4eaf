"""Shared fixtures. Geography (77 provinces, 930 districts, 7,451 subdistricts) and the office tree are
loaded once into the test database; users follow Healthchecks' three-user pattern: an officer of the
district, one of another district of the same province, and one of another province."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from cdd_portal.accounts.models import Office, Role, User
from cdd_portal.accounts.services import DEPARTMENT_CODE, ensure_offices
from cdd_portal.geo.loader import load_geography


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_geography()
        ensure_offices()


@pytest.fixture
def geography(db):
    """For transactional tests (the database is flushed after them): reload areas and offices."""
    load_geography()
    ensure_offices()


def make_user(username: str, office_code: str, role: str, **extra) -> User:
    office = Office.objects.get(code=office_code)
    user = User.objects.create_user(username=username, password="pw-" + username, office=office, role=role,
                                    first_name=username, **extra)
    return user


@pytest.fixture
def officer(db):
    """d3401: officer of อำเภอเมืองอุบลราชธานี."""
    return make_user("d3401", "3401", Role.DISTRICT_OFFICER, position="นักวิชาการพัฒนาชุมชน")


@pytest.fixture
def district_head(db):
    return make_user("d3401-head", "3401", Role.DISTRICT_HEAD, position="พัฒนาการอำเภอ")


@pytest.fixture
def neighbour_officer(db):
    """d3402: another district of the same province (ศรีเมืองใหม่, Ubon)."""
    return make_user("d3402", "3402", Role.DISTRICT_OFFICER)


@pytest.fixture
def far_officer(db):
    """d4201: a district of another province (เมืองเลย)."""
    return make_user("d4201", "4201", Role.DISTRICT_OFFICER)


@pytest.fixture
def province_staff(db):
    return make_user("p34", "34", Role.PROVINCE_STAFF)


@pytest.fixture
def other_province_staff(db):
    return make_user("p42", "42", Role.PROVINCE_STAFF)


@pytest.fixture
def viewer(db):
    return make_user("cdd-viewer", DEPARTMENT_CODE, Role.DEPARTMENT_VIEWER)


@pytest.fixture
def administrator(db):
    return make_user("admin", DEPARTMENT_CODE, Role.ADMINISTRATOR, is_staff=True, is_superuser=True)


@pytest.fixture
def login():
    """login(user) -> a browser-like Client logged in as that user."""

    def _login(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def api_as():
    """api_as(user) -> an APIClient authenticated with the user's token."""

    def _api(user) -> APIClient:
        from rest_framework.authtoken.models import Token

        client = APIClient()
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return _api
