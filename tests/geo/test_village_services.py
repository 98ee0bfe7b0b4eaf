import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cdd_portal.audit.models import AuditEntry
from cdd_portal.geo import selectors, services
from cdd_portal.geo.models import Subdistrict, Village

pytestmark = pytest.mark.django_db


@pytest.fixture
def nai_mueang():
    return Subdistrict.objects.get(code="340101")  # ตำบลในเมือง, อำเภอเมืองอุบลราชธานี


def test_district_officer_creates_a_village_and_it_is_audited(officer, nai_mueang):
    village = services.create_village(officer, subdistrict=nai_mueang, number=5, name_th="  บ้านหนอง   ใหญ่ ")
    assert village.name_th == "บ้านหนอง ใหญ่"
    assert village.code == "34010105"
    assert village.created_by == officer
    entry = AuditEntry.objects.get(object_id=str(village.pk), object_type="geo.village")
    assert entry.action == "create"
    assert entry.username == "d3401"
    assert entry.office_code == "3401"
    assert entry.district_code == "3401"


def test_number_must_be_unique_in_the_subdistrict_with_a_thai_message(officer, nai_mueang):
    services.create_village(officer, subdistrict=nai_mueang, number=3, name_th="บ้านเก่า")
    with pytest.raises(ValidationError) as exc:
        services.create_village(officer, subdistrict=nai_mueang, number=3, name_th="บ้านใหม่")
    assert "มีหมู่ที่ 3 อยู่แล้ว" in exc.value.message_dict["number"][0]
    assert Village.objects.filter(subdistrict=nai_mueang).count() == 1


@pytest.mark.parametrize("number", [0, 100, None])
def test_number_out_of_range_is_refused(officer, nai_mueang, number):
    with pytest.raises(ValidationError) as exc:
        services.create_village(officer, subdistrict=nai_mueang, number=number, name_th="บ้าน")
    assert "number" in exc.value.message_dict


def test_blank_name_is_refused(officer, nai_mueang):
    with pytest.raises(ValidationError) as exc:
        services.create_village(officer, subdistrict=nai_mueang, number=1, name_th="   ")
    assert exc.value.message_dict["name_th"] == ["กรุณากรอกชื่อหมู่บ้าน"]


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "province_staff", "viewer"])
def test_nobody_but_the_district_office_writes_its_villages(request, who, nai_mueang):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.create_village(user, subdistrict=nai_mueang, number=1, name_th="บ้าน")
    assert not Village.objects.exists()


def test_administrator_may_correct_any_village(administrator, nai_mueang):
    village = services.create_village(administrator, subdistrict=nai_mueang, number=1, name_th="บ้านก")
    services.update_village(administrator, village, name_th="บ้านข")
    assert Village.objects.get().name_th == "บ้านข"


def test_update_records_what_changed_and_a_no_op_records_nothing(officer, nai_mueang):
    village = services.create_village(officer, subdistrict=nai_mueang, number=1, name_th="บ้านก")
    services.update_village(officer, village, name_th="บ้านข", number=2)
    entry = AuditEntry.objects.filter(action="update").get()
    assert entry.changes == {"number": ["1", "2"], "name_th": ["บ้านก", "บ้านข"]}
    services.update_village(officer, village, name_th="บ้านข")
    assert AuditEntry.objects.filter(action="update").count() == 1


def test_moving_a_village_to_another_districts_subdistrict_is_refused(officer, nai_mueang):
    village = services.create_village(officer, subdistrict=nai_mueang, number=1, name_th="บ้านก")
    elsewhere = Subdistrict.objects.get(code="420101")
    with pytest.raises(PermissionDenied):
        services.update_village(officer, village, subdistrict=elsewhere)
    village.refresh_from_db()
    assert village.subdistrict_id == "340101"


def test_delete_is_audited(officer, nai_mueang):
    village = services.create_village(officer, subdistrict=nai_mueang, number=1, name_th="บ้านก")
    pk = village.pk
    services.delete_village(officer, village)
    assert not Village.objects.filter(pk=pk).exists()
    assert AuditEntry.objects.filter(action="delete", object_id=str(pk)).exists()


def test_scoping_of_village_reads(officer, neighbour_officer, far_officer, province_staff,
                                  other_province_staff, viewer, nai_mueang):
    mine = services.create_village(officer, subdistrict=nai_mueang, number=1, name_th="บ้านก")
    assert list(selectors.villages_for(officer)) == [mine]
    assert list(selectors.villages_for(province_staff)) == [mine]
    assert list(selectors.villages_for(viewer)) == [mine]
    assert not selectors.villages_for(neighbour_officer).exists()
    assert not selectors.villages_for(far_officer).exists()
    assert not selectors.villages_for(other_province_staff).exists()


def test_search_finds_by_name_subdistrict_and_thai_digit_number(officer, nai_mueang):
    services.create_village(officer, subdistrict=nai_mueang, number=5, name_th="บ้านโนนสว่าง")
    qs = selectors.villages_for(officer)
    assert selectors.search_villages(qs, "โนน").count() == 1
    assert selectors.search_villages(qs, "ในเมือง").count() == 1
    assert selectors.search_villages(qs, "หมู่ ๕").count() == 1
    assert selectors.search_villages(qs, "หมู่ที่ 6").count() == 0
    for text, found in (("โนน", 1), ("ในเมือง", 1), ("หมู่ ๕", 1), ("หมู่ที่ 6", 0)):  # the same, planned nationwide
        assert selectors.search_villages(qs, text, nationwide=True).count() == found
