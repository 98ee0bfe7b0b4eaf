"""The กข.คจ. report pages: the table on screen, the as-of date, the export buttons, permissions (another
district or province: 404) and fixed query counts. Until the lead mounts funds.poverty.report_urls, this
module is its own URLconf (the project's URLs plus the report pages)."""

from datetime import date

import pytest
import time_machine
from django.urls import include, path

from cdd_portal.urls import urlpatterns as project_urls
from funds.poverty import documents
from tests.generators_funds import sample_village

urlpatterns = [path("funds/poverty/reports/", include("funds.poverty.report_urls")), *project_urls]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

documents.register_documents()

BASE = "/funds/poverty/reports"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(date(2025, 2, 16), tick=False):
        yield


@pytest.fixture
def village():
    return sample_village("3401")


@pytest.fixture
def loei():
    return sample_village("4201")


def test_the_district_page(login, officer, village):
    response = login(officer).get(f"{BASE}/district/3401/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("แบบ ๒๖(๑)", "อำเภอเมืองอุบลราชธานี", "หมู่ที่ ๑ บ้านหนองบัว", "๒๐,๐๐๐.๐๐", "๒๔๔,๐๐๐.๐๐",
                 "รวมทั้งสิ้น", 'name="kind" value="poverty-26-1"', 'name="on" value="2025-02-16"', "พิมพ์ PDF"):
        assert text in html, text
    assert f'href="{BASE}/village/{village.pk}/"' in html


def test_the_as_of_date(login, officer, village):
    html = login(officer).get(f"{BASE}/district/3401/", {"on": "01/12/2566"}).content.decode()
    assert "ณ วันที่ ๑ ธันวาคม ๒๕๖๖" in html and 'name="on" value="2023-12-01"' in html
    assert "๑๔,๐๐๐.๐๐" in html  # outstanding then
    wrong = login(officer).get(f"{BASE}/district/3401/", {"on": "01/03/2568"}).content.decode()
    assert "วันที่ข้อมูลต้องไม่เกินวันนี้" in wrong and 'value="01/03/2568"' in wrong  # what was typed is kept
    assert "ณ วันที่ ๑๖ กุมภาพันธ์ ๒๕๖๘" in wrong


def test_the_village_page(login, officer, province_staff, village):
    for user in (officer, province_staff):
        response = login(user).get(f"{BASE}/village/{village.pk}/")
        assert response.status_code == 200
    html = response.content.decode()
    for text in ("แบบรายงานภาวะหนี้สินฐานะการเงินโครงการแก้ไขปัญหาความยากจน (กข.คจ.)", "นางมาลี ศรีสุข", "สรุป",
                 "๒๗๖,๐๐๐.๐๐", 'value="poverty-village-debt"'):
        assert text in html, text


def test_the_province_pages(login, province_staff, viewer, village):
    html = login(province_staff).get(f"{BASE}/province/34/").content.decode()
    for text in ("แบบ ๒๖(๒)", "เมืองอุบลราชธานี", f'href="{BASE}/district/3401/"', "รวม", "๑๒๐"):
        assert text in html, text
    html = login(viewer).get(f"{BASE}/province/34/database/", {"district": "3401"}).content.decode()
    for text in ("ครัวเรือนเป้าหมาย (ก)", "หน่วยงานสนับสนุนอื่น (ณ)", "หมู่ที่ ๑ บ้านหนองบัว", "๒๘๐,๐๐๐.๐๐"):
        assert text in html, text
    assert login(province_staff).get(f"{BASE}/district/3402/").status_code == 200


def test_the_debtor_list(login, officer, village):
    html = login(officer).get(f"{BASE}/district/3401/debtors/").content.decode()
    assert "นางสมหญิง ใจดี" in html and "นางมาลี ศรีสุข" in html and "พบ ๒ สัญญา" in html
    assert "๒๓๐" in html  # days overdue
    html = login(officer).get(f"{BASE}/district/3401/debtors/", {"only": "defaulted"}).content.decode()
    assert "นางมาลี ศรีสุข" in html and "นางสมหญิง ใจดี" not in html


def test_the_index_sends_each_office_to_its_own(login, officer, province_staff, viewer):
    assert login(officer).get(f"{BASE}/").url == f"{BASE}/district/3401/"
    assert login(province_staff).get(f"{BASE}/").url == f"{BASE}/province/34/"
    assert "อุบลราชธานี" in login(viewer).get(f"{BASE}/").content.decode()


def test_other_areas_are_refused(login, officer, neighbour_officer, far_officer, province_staff,
                                 other_province_staff, village, loei):
    refused = [
        (neighbour_officer, f"{BASE}/district/3401/"), (neighbour_officer, f"{BASE}/district/3401/debtors/"),
        (neighbour_officer, f"{BASE}/village/{village.pk}/"), (far_officer, f"{BASE}/district/3401/"),
        (officer, f"{BASE}/province/34/"), (officer, f"{BASE}/province/34/database/"),
        (other_province_staff, f"{BASE}/province/34/"), (other_province_staff, f"{BASE}/district/3401/"),
        (other_province_staff, f"{BASE}/village/{village.pk}/"), (province_staff, f"{BASE}/village/{loei.pk}/"),
        (province_staff, f"{BASE}/province/42/database/"), (province_staff, f"{BASE}/province/34/database/?district=4201"),
        (officer, f"{BASE}/district/9999/"),
    ]
    for user, url in refused:
        assert login(user).get(url).status_code == 404, (user, url)
    export = login(neighbour_officer).post("/documents/export/", {"kind": "poverty-26-1", "format": "pdf",
                                                                  "district": "3401"})
    assert export.status_code == 403
    bad = login(officer).post("/documents/export/", {"kind": "poverty-26-1", "format": "pdf", "district": "3401",
                                                     "on": "99/99/2568"})
    assert bad.status_code == 400 and "วันที่ข้อมูล" in bad.content.decode()


def test_query_counts_are_fixed(login, officer, province_staff, village, django_assert_max_num_queries):
    for n in range(2, 6):
        sample_village("3401", number=n)
    client = login(officer)
    client.get(f"{BASE}/district/3401/")  # warm the session
    with django_assert_max_num_queries(8):
        assert client.get(f"{BASE}/district/3401/").status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get(f"{BASE}/district/3401/debtors/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(f"{BASE}/village/{village.pk}/").status_code == 200
    staff = login(province_staff)
    staff.get(f"{BASE}/province/34/")
    with django_assert_max_num_queries(9):
        assert staff.get(f"{BASE}/province/34/").status_code == 200
    # (+1: the funds' development levels, column ฒ, one query whatever the number of villages)
    with django_assert_max_num_queries(14):
        assert staff.get(f"{BASE}/province/34/database/").status_code == 200
