import pytest
from django.urls import reverse

from cdd_portal.geo import services
from cdd_portal.geo.models import Subdistrict, Village

pytestmark = pytest.mark.django_db


@pytest.fixture
def village(officer):
    return services.create_village(officer, subdistrict=Subdistrict.objects.get(code="340101"), number=1,
                                   name_th="บ้านหนองบัว")


def test_anonymous_users_are_sent_to_the_thai_login_page(client):
    response = client.get(reverse("geo:village-list"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    page = client.get(reverse("login"))
    assert "เข้าสู่ระบบ" in page.content.decode()


def test_officer_lists_searches_and_pages_their_villages(login, officer, village):
    client = login(officer)
    page = client.get(reverse("geo:village-list"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "บ้านหนองบัว" in body and "34010101" in body
    assert "บ้านหนองบัว" not in client.get(reverse("geo:village-list"), {"q": "ไม่มีชื่อนี้"}).content.decode()
    by_sub = client.get(reverse("geo:village-list"), {"subdistrict": "340101"}).content.decode()
    assert "บ้านหนองบัว" in by_sub
    assert "บ้านหนองบัว" not in client.get(reverse("geo:village-list"), {"subdistrict": "340104"}).content.decode()


def test_filters_go_one_level_below_the_office_and_never_list_every_subdistrict(
        login, province_staff, viewer, village):
    page = login(province_staff).get(reverse("geo:village-list")).content.decode()
    assert 'name="district"' in page and 'name="province"' not in page and 'name="subdistrict"' not in page
    page = login(province_staff).get(reverse("geo:village-list"), {"district": "3401"}).content.decode()
    assert 'name="subdistrict"' in page and "บ้านหนองบัว" in page
    assert "บ้านหนองบัว" not in login(province_staff).get(
        reverse("geo:village-list"), {"district": "3402"}).content.decode()
    department = login(viewer)
    page = department.get(reverse("geo:village-list")).content.decode()
    assert 'name="province"' in page and 'name="district"' not in page and page.count("<option") == 77
    page = department.get(reverse("geo:village-list"), {"province": "34"}).content.decode()
    assert 'name="district"' in page and "บ้านหนองบัว" in page
    assert "บ้านหนองบัว" not in department.get(reverse("geo:village-list"), {"province": "42"}).content.decode()


def test_a_district_outside_the_scope_is_not_a_valid_filter(login, neighbour_officer, village):
    page = login(neighbour_officer).get(reverse("geo:village-list"), {"district": "3401"}).content.decode()
    assert "บ้านหนองบัว" not in page


def test_officer_adds_a_village_typing_thai_digits(login, officer):
    client = login(officer)
    response = client.post(reverse("geo:village-create"),
                           {"subdistrict": "340101", "number": "๑๒", "name_th": "บ้านใหม่"})
    assert response.status_code == 302
    assert Village.objects.get().number == 12


def test_errors_are_thai_and_keep_what_was_typed(login, officer, village):
    client = login(officer)
    response = client.post(reverse("geo:village-create"),
                           {"subdistrict": "340101", "number": "1", "name_th": "บ้านซ้ำ"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "ตำบลนี้มีหมู่ที่ 1 อยู่แล้ว" in body
    assert 'value="บ้านซ้ำ"' in body
    assert Village.objects.count() == 1


def test_officer_edits_and_sees_the_history(login, officer, village):
    client = login(officer)
    response = client.post(reverse("geo:village-edit", args=[village.pk]),
                           {"subdistrict": "340101", "number": "1", "name_th": "บ้านหนองบัวทอง"})
    assert response.status_code == 302
    page = client.get(reverse("geo:village-edit", args=[village.pk])).content.decode()
    assert "ประวัติการแก้ไข" in page and "บ้านหนองบัวทอง" in page and "d3401" in page


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "other_province_staff"])
def test_another_district_or_province_gets_404_on_every_village_page(request, login, who, village):
    client = login(request.getfixturevalue(who))
    assert client.get(reverse("geo:village-edit", args=[village.pk])).status_code == 404
    assert client.post(reverse("geo:village-edit", args=[village.pk]),
                       {"subdistrict": "340101", "number": "1", "name_th": "x"}).status_code == 404
    assert client.post(reverse("geo:village-delete", args=[village.pk])).status_code == 404
    assert "บ้านหนองบัว" not in client.get(reverse("geo:village-list")).content.decode()
    Village.objects.get(pk=village.pk)  # untouched


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer"])
def test_another_district_cannot_create_in_mine(request, login, who):
    client = login(request.getfixturevalue(who))
    response = client.post(reverse("geo:village-create"),
                           {"subdistrict": "340101", "number": "1", "name_th": "บ้านแทรก"})
    assert response.status_code == 200  # the form refuses the subdistrict: it is not among its choices
    assert "340101" not in response.content.decode()
    assert not Village.objects.exists()


def test_province_staff_reads_but_cannot_write(login, province_staff, village):
    client = login(province_staff)
    assert "บ้านหนองบัว" in client.get(reverse("geo:village-list")).content.decode()
    assert client.get(reverse("geo:village-edit", args=[village.pk])).status_code == 200
    assert client.post(reverse("geo:village-edit", args=[village.pk]),
                       {"subdistrict": "340101", "number": "1", "name_th": "x"}).status_code == 403
    assert client.post(reverse("geo:village-delete", args=[village.pk])).status_code == 403
    assert client.get(reverse("geo:village-create")).status_code == 403
    assert Village.objects.get(pk=village.pk).name_th == "บ้านหนองบัว"


def test_village_list_query_count_does_not_grow_with_rows(login, officer, django_assert_max_num_queries):
    sub = Subdistrict.objects.get(code="340101")
    for n in range(1, 26):
        services.create_village(officer, subdistrict=sub, number=n, name_th=f"บ้าน{n}")
    client = login(officer)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("geo:village-list")).status_code == 200


def test_home_names_the_officers_district_and_province(login, officer):
    body = login(officer).get(reverse("home")).content.decode()
    assert "อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี" in body
    assert "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี" in body


def test_home_of_province_staff_lists_its_25_districts(login, province_staff, django_assert_max_num_queries):
    client = login(province_staff)
    client.get(reverse("home"))  # the first look of a year generates the periods of its forms
    with django_assert_max_num_queries(10):
        body = client.get(reverse("home")).content.decode()
    assert "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี" in body
    assert body.count("<tr>") == 26  # header + 25 districts
