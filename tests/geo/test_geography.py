from io import StringIO

import pytest
from django.core.management import call_command

from cdd_portal.geo.loader import load_geography
from cdd_portal.geo.models import District, Province, Subdistrict

pytestmark = pytest.mark.django_db


def test_bundled_data_gives_the_departments_76_provinces_and_878_districts():
    assert Province.objects.count() == 77
    assert Province.objects.filter(in_department=True).count() == 76
    assert District.objects.filter(kind=District.Kind.DISTRICT).count() == 878
    assert Subdistrict.objects.count() == 7451


def test_bangkok_and_the_two_municipality_rows_are_kept_but_marked_outside():
    bangkok = Province.objects.get(code="10")
    assert not bangkok.in_department
    assert District.objects.filter(province=bangkok, kind=District.Kind.KHET).count() == 50
    municipalities = District.objects.filter(kind=District.Kind.MUNICIPALITY)
    assert sorted(municipalities.values_list("code", flat=True)) == ["7074", "9077"]
    assert not any(d.in_department for d in municipalities)


def test_ubon_has_25_districts_and_loei_14():
    assert District.objects.filter(province_id="34", kind=District.Kind.DISTRICT).count() == 25
    assert District.objects.filter(province_id="42", kind=District.Kind.DISTRICT).count() == 14
    assert District.objects.get(code="3401").full_name == "อำเภอเมืองอุบลราชธานี"


def test_kalyani_watthana_correction_is_present():
    district = District.objects.get(code="5025")
    assert district.name_th == "กัลยาณิวัฒนา"
    assert Subdistrict.objects.filter(district=district).count() == 3


def test_second_load_changes_nothing_and_says_so():
    out = StringIO()
    call_command("load_geography", stdout=out)
    assert "ไม่มีการเปลี่ยนแปลง" in out.getvalue()
    assert not load_geography().changed


def test_a_renamed_row_is_updated_in_place():
    Subdistrict.objects.filter(code="340101").update(name_th="ชื่อผิด")
    result = load_geography()
    assert result.updated["subdistricts"] == 1
    assert result.created["subdistricts"] == 0
    assert Subdistrict.objects.get(code="340101").name_th == "ในเมือง"


def test_the_application_reads_no_file_outside_the_project():
    from django.conf import settings

    from cdd_portal.geo import loader

    assert loader.DATA_DIR.is_relative_to(settings.BASE_DIR)
    assert (loader.DATA_DIR / "LICENSE").exists()
