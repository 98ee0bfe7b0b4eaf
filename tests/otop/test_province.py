"""The province page (and the national table), its export kind, the registrations export, the pinned
query counts of the list pages, and the national generator."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from cdd_portal.documents import registry
from cdd_portal.documents import services as documents
from cdd_portal.geo.models import District
from otop import selectors, services
from otop.models import Product
from tests.generators_otop import national_otop
from tests.otop.conftest import TODAY, make_producer, village_of
from tests.pdf import missing, squeeze

pytestmark = pytest.mark.django_db
UBON = ["3401", "3402", "3403", "3404", "3405", "3407", "3408", "3409", "3410", "3411"]


@pytest.fixture
def counted(officer, neighbour_officer, ubon_city, village, administrator):
    """3401: a group (2 products: 5★ and none) and an SME (1 product, 3★); 3402: a sole owner (1 product)."""
    services.set_thresholds(administrator, 2565, {5: "90", 4: "80", 3: "70", 2: "50", 1: "0"})
    group = make_producer(officer, ubon_city, village)
    sme = make_producer(officer, ubon_city, village, name="น้ำพริกแม่บุญมี", type="sme", members=None)
    silk = services.create_product(officer, producer=group, name="ผ้าไหม", sub_group="3.1")
    services.create_product(officer, producer=group, name="ผ้าคลุมไหล่", sub_group="3.2")
    chili = services.create_product(officer, producer=sme, name="น้ำพริก", sub_group="1.3")
    services.record_champion_result(officer, silk, year=2565, score="92")
    services.record_champion_result(officer, chili, year=2565, score="75")
    stopped = services.create_product(officer, producer=sme, name="เลิกผลิต", sub_group="1.1")
    services.update_product(officer, stopped, is_active=False)
    near = village_of("3402")
    single = make_producer(neighbour_officer, District.objects.get(pk="3402"), near, name="ปะอาว",
                           type="single_owner", members=None)
    services.create_product(neighbour_officer, producer=single, name="กระดิ่ง", sub_group="4.4")


def test_the_province_counts(counted):
    summary = selectors.otop_summary("34")
    rows = {row.code: row for row in summary["rows"]}
    assert len(rows) == District.objects.filter(province_id="34", kind="district").count()
    # producers: group, single, sme, total | categories 1–5, total | stars 5,4,3,2,1,none
    assert rows["3401"].cells == [1, 0, 1, 2, 1, 0, 2, 0, 0, 3, 1, 0, 1, 0, 0, 1]
    assert rows["3402"].cells == [0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1]
    assert rows["3403"].cells == [0] * 16
    assert summary["total"].cells == [1, 1, 1, 3, 1, 0, 2, 1, 0, 4, 1, 0, 1, 0, 0, 2]


def test_the_national_table_by_province(counted, far_officer):
    far = make_producer(far_officer, District.objects.get(pk="4201"), village_of("4201"), name="ผ้าทอเมืองเลย")
    services.create_product(far_officer, producer=far, name="ผ้าทอ", sub_group="3.1")
    summary = selectors.otop_summary(None)
    rows = {row.code: row for row in summary["rows"]}
    assert len(rows) == 76 and "10" not in rows  # Bangkok has no CDD office
    assert rows["34"].product_total == 4 and rows["42"].product_total == 1 and rows["31"].product_total == 0
    assert summary["total"].producer_total == 4


def test_the_province_page(login, province_staff, viewer, officer, counted):
    page = login(province_staff).get("/otop/province/?province=42").content.decode()  # their own province anyway
    assert "จังหวัดอุบลราชธานี" in page and "ศรีเมืองใหม่" in page and "กลุ่มผู้ผลิตชุมชน" in page
    assert "ยังไม่ได้คัดสรร" in page and 'class="total"' in page and "๕ ดาว" in page
    assert 'value="otop-province"' in page
    national = login(viewer).get("/otop/province/").content.decode()
    assert "ทั้งประเทศ (รายจังหวัด)" in national and 'href="?province=34"' in national
    assert "เมืองอุบลราชธานี" in login(viewer).get("/otop/province/?province=34").content.decode()
    assert login(viewer).get("/otop/province/?province=99").status_code == 404
    assert login(officer).get("/otop/province/").status_code == 403


def test_the_province_page_query_count_does_not_grow(login, province_staff, viewer, counted,
                                                     django_assert_max_num_queries):
    client, national = login(province_staff), login(viewer)
    client.get("/otop/province/")
    with django_assert_max_num_queries(8):
        client.get("/otop/province/")
    with django_assert_max_num_queries(8):
        national.get("/otop/province/")
    national_otop(products_per_district=4)  # every district of the nation, ≈ 3,500 products
    with django_assert_max_num_queries(8):
        page = client.get("/otop/province/").content.decode()
    assert "ผู้ผลิตตัวอย่าง" not in page  # counts, not rows
    with django_assert_max_num_queries(8):
        national.get("/otop/province/")


# --- exports ----------------------------------------------------------------------------------------

def test_the_province_export_as_xlsx_and_pdf(counted, province_staff, tmp_path):
    kind = registry.get("otop-province")
    params = kind.clean(province_staff, {"province": "34"})
    content, name = kind.render(params, "xlsx", lambda pct: None)
    assert name == "otop-province-34.xlsx"
    sheet = load_workbook(io.BytesIO(content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "สรุปผู้ผลิต ผู้ประกอบการ และผลิตภัณฑ์ OTOP" and values[1][0] == "จังหวัดอุบลราชธานี"
    head = next(i for i, row in enumerate(values) if row[0] == "อำเภอ")
    assert values[head][1] == "ผู้ผลิต ผู้ประกอบการ (ราย)" and values[head + 1][1:4] == [
        "กลุ่มผู้ผลิตชุมชน", "ผู้ผลิตรายเดียว", "SME"]
    first = next(row for row in values if row[0] == "เมืองอุบลราชธานี")
    assert first[1:17] == [1, 0, 1, 2, 1, 0, 2, 0, 0, 3, 1, 0, 1, 0, 0, 1]
    total = values[-1]
    assert total[0] == "รวม" and str(total[1]).startswith("=SUM(B")
    pdf, pdf_name = kind.render(params, "pdf", lambda pct: None)
    path = tmp_path / pdf_name
    path.write_bytes(pdf)
    from tests.pdf import pdf_text

    text = pdf_text(path)
    # (pdftotext moves a tone mark above a short vowel, as in ผู้: the phrases checked have none)
    assert missing(text, "และผลิตภัณฑ์ OTOP", "จังหวัดอุบลราชธานี", "เมืองอุบลราชธานี",
                   "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี", "ศรีเมืองใหม่") == []
    assert squeeze("รวม") in text


def test_who_may_export_the_province(counted, province_staff, other_province_staff, officer, viewer):
    kind = registry.get("otop-province")
    assert kind.may_view(province_staff, {"province": "34"}) and kind.may_view(viewer, {"province": None})
    for user, params in ((other_province_staff, {"province": "34"}), (officer, {"province": "34"}),
                         (province_staff, {"province": ""})):
        with pytest.raises(PermissionDenied):
            documents.request_export(user, kind="otop-province", params=params, fmt="xlsx")
    assert kind.inputs({"province": "34"})[0][0] == "3401"


def test_the_registrations_export(officer, district_head, neighbour_officer, province_staff, product, tmp_path):
    registration = services.record_registration(officer, product.producer, 2568)
    services.approve_registration(district_head, registration)
    kind = registry.get("otop-registrations")
    own = kind.clean(officer, {"year": "2568", "province": "34", "district": "3401"})
    with pytest.raises(PermissionDenied):
        kind.clean(neighbour_officer, {"year": "2568", "province": "34", "district": "3401"})
    with pytest.raises(PermissionDenied):
        kind.clean(officer, {"year": "2568", "province": "34"})  # the whole province is the province's
    whole = kind.clean(province_staff, {"year": "2568", "province": "34", "district": ""})
    before = kind.inputs(whole)
    content, name = kind.render(whole, "xlsx", lambda pct: None)
    assert name == "otop-registrations-2568-34.xlsx"
    values = [[c.value for c in row] for row in load_workbook(io.BytesIO(content)).active.iter_rows()]
    row = next(r for r in values if r[1] == "กลุ่มทอผ้าไหมบ้านหนองบัว")
    assert row[0] == 1 and row[6] == "อำเภออนุมัติ" and row[5] == "เมืองอุบลราชธานี"
    assert row[7] is not None and row[9] is None
    pdf, pdf_name = kind.render(own, "pdf", lambda pct: None)
    (tmp_path / pdf_name).write_bytes(pdf)
    from tests.pdf import pdf_text

    text = pdf_text(tmp_path / pdf_name)
    assert missing(text, "ทะเบียนการลงทะเบียน", "ประจำปี พ.ศ. ๒๕๖๘", "กลุ่มทอผ้าไหมบ้านหนองบัว", "อำเภออนุมัติ",
                   "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี") == []
    services.update_producer(officer, product.producer, leader_name="ประธานคนใหม่")
    assert kind.inputs(whole) != before  # a changed producer makes a new file


# --- query counts of the lists ----------------------------------------------------------------------

def _grow(officer, district, village, start: int, end: int) -> None:
    for n in range(start, end):
        producer = make_producer(officer, district, village, name=f"ผู้ผลิต {n:03d}", type="sme", members=None)
        product = services.create_product(officer, producer=producer, name=f"ผลิตภัณฑ์ {n:03d}", sub_group="4.2")
        services.add_standard(officer, product, standard="tcps", certificate_number=f"มผช. {n}",
                              issued_on=date(2022, 1, 1), expires_on=date(2024, 1, 1))
        services.record_registration(officer, producer, 2568)
        services.create_group(officer, district=district, name=f"กลุ่มอาชีพ {n:03d}", trade="จักสาน",
                              village=village, members_count=6, today=TODAY)


@pytest.mark.parametrize("url, limit", [
    ("/otop/producers/", 4), ("/otop/products/", 5), ("/otop/groups/", 4), ("/otop/clusters/", 3),
    ("/otop/registrations/?year=2568", 7),
])
def test_list_query_counts_are_fixed(login, officer, ubon_city, village, url, limit, django_assert_max_num_queries):
    client = login(officer)
    _grow(officer, ubon_city, village, 0, 2)
    client.get(url)
    with django_assert_max_num_queries(limit):
        client.get(url)
    _grow(officer, ubon_city, village, 2, 30)
    with django_assert_max_num_queries(limit):
        body = client.get(url).content.decode()
    assert url.startswith("/otop/clusters/") or "024" in body  # the 25th row is on the page


def test_province_lists_query_counts_are_fixed(login, officer, province_head, ubon_city, village,
                                               django_assert_max_num_queries):
    client = login(province_head)
    _grow(officer, ubon_city, village, 0, 2)
    pages = {"/otop/registrations/province/?year=2568&status=": 9, "/otop/products/": 6, "/otop/producers/": 5}
    for url, limit in pages.items():
        client.get(url)
        with django_assert_max_num_queries(limit):
            client.get(url)
    _grow(officer, ubon_city, village, 2, 30)
    for url, limit in pages.items():
        with django_assert_max_num_queries(limit):
            assert client.get(url).status_code == 200


# --- the generator ----------------------------------------------------------------------------------

def test_the_national_generator_is_deterministic_and_covers_every_district():
    counts = national_otop(products_per_district=3, district_codes=UBON)
    assert counts == {"districts": 10, "villages": 10, "producers": 10, "products": 30, "results": 21,
                      "standards": 3}
    per_district = set(Product.objects.values_list("district_id", flat=True))
    assert per_district == set(UBON)
    assert Product.objects.filter(latest_stars__isnull=False).count() == counts["results"]
    assert sorted(set(Product.objects.values_list("category", flat=True))) == ["1", "2", "3", "4", "5"]
