"""The OTOP pages as a district office uses them: lists with search and filters, add and edit forms,
detail pages with history and files, the registration round in the browser, the thresholds page."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cdd_portal.files.models import Attachment
from otop import services
from otop.models import OccupationGroup, Producer, ProducerRegistration, Product, StarThreshold
from tests.otop.conftest import TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png(name="photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "purple").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_the_menu_and_the_sub_menu(login, officer):
    page = login(officer).get("/otop/producers/").content.decode()
    assert "OTOP และกลุ่มอาชีพ" in page and 'data-testid="otop-nav"' in page
    assert login(officer).get("/otop/").status_code == 302


def test_add_a_producer_in_the_browser(login, officer, village):
    client = login(officer)
    form = client.get("/otop/producers/new/").content.decode()
    assert "ชุมชนมีส่วนร่วมในการบริหารจัดการ" in form and "หมู่ที่ ๑ บ้านหนองบัว" in form
    refused = client.post("/otop/producers/new/", {"type": "single_owner", "name": "ปะอาวเครื่องทองเหลือง",
                                                   "leader_name": "นายประเสริฐ", "village": village.pk, "members": "๓",
                                                   "community_links": ["production"], "is_active": "on"})
    assert refused.status_code == 200 and "ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียวไม่มีสมาชิก" in refused.content.decode()
    assert 'value="ปะอาวเครื่องทองเหลือง"' in refused.content.decode()
    made = client.post("/otop/producers/new/", {"type": "single_owner", "name": "ปะอาวเครื่องทองเหลือง",
                                                "leader_name": "นายประเสริฐ", "village": village.pk,
                                                "community_links": ["production", "benefit"], "is_active": "on"})
    producer = Producer.objects.get()
    assert made.status_code == 302 and made["Location"] == f"/otop/producers/{producer.pk}/"
    detail = client.get(made["Location"]).content.decode()
    assert "ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว" in detail and "ประวัติการแก้ไข" in detail
    assert "ชุมชนมีส่วนร่วมในการผลิต, ชุมชนได้รับประโยชน์" in detail and "เพิ่มผลิตภัณฑ์" in detail
    edit = client.post(f"/otop/producers/{producer.pk}/edit/", {
        "type": "single_owner", "name": "ปะอาวเครื่องทองเหลือง", "leader_name": "นายประเสริฐ ทองดี",
        "village": village.pk, "community_links": ["production"], "phone": "๐๔๕-๑๒๓๔๕๖"})
    assert edit.status_code == 302
    producer.refresh_from_db()
    assert producer.leader_name == "นายประเสริฐ ทองดี" and not producer.is_active and producer.phone == "045-123456"


def test_producer_list_search_filter_and_inactive(login, officer, producer, ubon_city, village):
    from tests.otop.conftest import make_producer

    make_producer(officer, ubon_city, village, name="น้ำพริกแม่บุญมี", type="sme", members=None)
    stopped = make_producer(officer, ubon_city, village, name="ร้านที่เลิกแล้ว", type="single_owner", members=None)
    services.update_producer(officer, stopped, is_active=False)
    client = login(officer)
    page = client.get("/otop/producers/").content.decode()
    assert "กลุ่มทอผ้าไหมบ้านหนองบัว" in page and "น้ำพริกแม่บุญมี" in page and "ร้านที่เลิกแล้ว" not in page
    assert "พบ ๒ ราย" in page and "หมู่ที่ ๑ บ้านหนองบัว ต." in page
    by_type = client.get("/otop/producers/?type=sme").content.decode()
    assert "น้ำพริกแม่บุญมี" in by_type and "กลุ่มทอผ้าไหมบ้านหนองบัว" not in by_type
    assert "ร้านที่เลิกแล้ว" in client.get("/otop/producers/?inactive=1").content.decode()
    assert "น้ำพริก" in client.get("/otop/producers/?q=แม่บุญมี").content.decode()
    assert client.get("/otop/producers/?type=nonsense").status_code == 200  # a bad value is ignored


def test_add_a_product_with_the_grouped_sub_groups(login, officer, producer):
    client = login(officer)
    form = client.get(f"/otop/products/new/?producer={producer.pk}").content.decode()
    assert '<optgroup label="๔ ของใช้ ของตกแต่ง ของที่ระลึก">' in form and "๔.๒ จักสาน" in form
    made = client.post("/otop/products/new/", {"producer": producer.pk, "name": "ตะกร้าไม้ไผ่", "sub_group": "4.2",
                                               "price": "๑,๒๕๐.๕๐", "unit": "ใบ", "segment": "B", "is_active": "on"})
    product = Product.objects.get()
    assert made.status_code == 302 and product.category == "4" and str(product.price) == "1250.50"
    page = client.get(f"/otop/products/{product.pk}/").content.decode()
    assert "๔.๒ จักสาน" in page and "๑,๒๕๐.๕๐" in page and "เพิ่มมาตรฐาน" in page and "ประวัติการแก้ไข" in page


def test_standards_results_and_photos_on_the_product_page(login, officer, administrator, product):
    services.set_thresholds(administrator, 2565, {5: "90", 4: "80", 3: "70", 2: "50", 1: "0"})
    client = login(officer)
    url = f"/otop/products/{product.pk}/"
    assert client.post(url + "standards/", {"standard": "fda", "certificate_number": "34-2-01565-2-0001",
                                            "issued_on": "๑/๑/๒๕๖๔", "expires_on": "๓๑/๑๒/๒๕๖๗",
                                            "certificate": png("cert.png")}).status_code == 302
    result = client.post(url + "results/", {"year": "๒๕๖๕", "score": "๘๔.๕"})
    assert result.status_code == 302
    missing = client.post(url + "results/", {"year": "2562", "score": "88"})
    assert missing.status_code == 400 and "ปี ๒๕๖๒ ยังไม่มีเกณฑ์คะแนนระดับดาวในระบบ" in missing.content.decode()
    assert client.post(url + "photos/", {"photos": [png("a.png"), png("b.png")], "caption": "ด้านหน้า"}).status_code == 302
    bad = client.post(url + "photos/", {"photos": [SimpleUploadedFile("x.png", b"not an image")]})
    assert bad.status_code == 400 and "แนบได้เฉพาะรูปภาพ" in bad.content.decode()
    page = client.get(url).content.decode()
    assert "หมดอายุ" in page  # expired on 31 ธ.ค. 2567, before today
    assert "๔ ดาว" in page and "คำนวณจากเกณฑ์ของปี" in page and "cert.png" in page
    photos = Attachment.objects.filter(purpose="photo")
    assert photos.count() == 2
    assert client.get(f"/files/{photos[0].pk}/").status_code == 200
    assert client.post(url + f"files/{photos[0].pk}/remove/").status_code == 302
    assert Attachment.objects.filter(purpose="photo").count() == 1


def test_product_list_filters(login, officer, administrator, producer, product):
    services.set_thresholds(administrator, 2565, {5: "90", 4: "80", 3: "70", 2: "50", 1: "0"})
    services.record_champion_result(officer, product, year=2565, score="91")
    other = services.create_product(officer, producer=producer, name="น้ำพริกปลาร้า", sub_group="1.3", segment="D")
    services.add_standard(officer, other, standard="tcps", certificate_number="มผช. 1/2565", issued_on=date(2022, 1, 1),
                          expires_on=date(2020 + 10, 1, 1))
    client = login(officer)
    listing = client.get("/otop/products/").content.decode()
    assert "ผ้าไหมมัดหมี่ลายนาคน้อย" in listing and "น้ำพริกปลาร้า" in listing and "๕ ดาว" in listing
    silk, chili = "ผ้าไหมมัดหมี่", "น้ำพริกปลาร้า"
    for query, shown, hidden in [("stars=5", silk, chili), ("stars=none", chili, silk), ("category=1", chili, silk),
                                 ("sub_group=3.1", silk, chili), ("standard=tcps", chili, silk),
                                 ("segment=D", chili, silk), ("q=ปลาร้า", chili, silk)]:
        body = client.get(f"/otop/products/?{query}").content.decode()
        assert shown in body and hidden not in body.split('data-testid="product-list"')[1], query


def test_groups_committee_rules_and_promotion(login, officer, ubon_city, village):
    client = login(officer)
    refused = client.post("/otop/groups/new/", {"name": "กลุ่มอาชีพทำขนม", "trade": "ขนมไทย", "village": village.pk,
                                                "members_count": "๔", "is_active": "on"})
    assert "กลุ่มอาชีพต้องมีสมาชิกอย่างน้อย ๕ คน" in refused.content.decode()
    made = client.post("/otop/groups/new/", {"name": "กลุ่มอาชีพทำขนม", "trade": "ขนมไทย", "village": village.pk,
                                             "members_count": "๑๒", "fund": "๑๕,๐๐๐", "founded_on": "๑/๓/๒๕๖๒",
                                             "is_active": "on"})
    group = OccupationGroup.objects.get()
    assert made.status_code == 302 and str(group.fund) == "15000.00"
    url = f"/otop/groups/{group.pk}/"
    no_chair = client.post(url + "promote/", {"type": "community_group"})
    assert no_chair.status_code == 400 and "กลุ่มยังไม่มีประธานในทะเบียนกรรมการ" in no_chair.content.decode()
    six = client.post(url + "committee/", {"name": "นางสมศรี", "position": "chair", "term_start": "๑/๑/๒๕๖๓",
                                           "term_end": "๓๑/๑๒/๒๕๖๘"})
    assert six.status_code == 400 and "วาระของกรรมการกลุ่มอาชีพต้องอยู่ระหว่าง ๑ ถึง ๕ ปี" in six.content.decode()
    assert client.post(url + "committee/", {"name": "นางสมศรี", "position": "chair", "term_start": "๑/๑/๒๕๖๖",
                                            "term_end": "๓๑/๑๒/๒๕๖๙"}).status_code == 302
    pdf = SimpleUploadedFile("rules.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
    assert client.post(url + "rules/", {"file": pdf, "caption": "ระเบียบกลุ่ม ๒๕๖๒"}).status_code == 302
    page = client.get(url).content.decode()
    assert "rules.pdf" in page and "ประธาน" in page and "ลงทะเบียนเป็นผู้ผลิต OTOP" in page
    promoted = client.post(url + "promote/", {"type": "community_group"})
    producer = Producer.objects.get()
    assert promoted["Location"] == f"/otop/producers/{producer.pk}/" and producer.leader_name == "นางสมศรี"
    assert "กลุ่มอาชีพทำขนม" in client.get(promoted["Location"]).content.decode()
    assert "ลงทะเบียนเป็นผู้ผลิต OTOP</button>" not in client.get(url).content.decode()


def test_clusters_page(login, officer, group):
    client = login(officer)
    made = client.post("/otop/clusters/", {"name": "คลัสเตอร์จักสาน", "trade": "จักสาน"})
    assert made.status_code == 302
    cluster = group.district.otop_clusters.get()
    services.update_group(officer, group, cluster=cluster, today=TODAY)
    assert "กลุ่มอาชีพจักสานบ้านหนองบัว" in client.get(made["Location"]).content.decode()
    listing = client.get("/otop/clusters/").content.decode()
    assert "คลัสเตอร์จักสาน" in listing and ">๑<" in listing
    assert "กลุ่มอาชีพจักสานบ้านหนองบัว" in client.get(f"/otop/groups/?cluster={cluster.pk}").content.decode()


def test_the_round_in_the_browser(login, officer, district_head, province_head, product):
    officer_page = login(officer)
    page = officer_page.get("/otop/registrations/?year=2568").content.decode()
    assert "การลงทะเบียนผู้ผลิต ผู้ประกอบการ OTOP ประจำปี ๒๕๖๘" in page and "ยังไม่บันทึก" in page
    assert "อนุมัติรายการที่เลือก" not in page  # the officer records; the head approves
    assert officer_page.post("/otop/registrations/", {"year": "2568", "action": "record_all"}).status_code == 302
    registration = ProducerRegistration.objects.get()
    assert officer_page.post("/otop/registrations/", {"year": "2568", "action": "approve",
                                                      "registration": registration.pk}).status_code == 403
    head = login(district_head)
    assert "อนุมัติรายการที่เลือก" in head.get("/otop/registrations/?year=2568").content.decode()
    head.post("/otop/registrations/", {"year": "2568", "action": "approve", "registration": registration.pk})
    registration.refresh_from_db()
    assert registration.status == "approved"
    province = login(province_head)
    listing = province.get("/otop/registrations/province/?year=2568").content.decode()
    assert "กลุ่มทอผ้าไหมบ้านหนองบัว" in listing and "รับรองรายการที่เลือก" in listing
    province.post("/otop/registrations/province/", {"year": "2568", "action": "certify",
                                                    "registration": registration.pk})
    registration.refresh_from_db()
    assert registration.status == "certified"
    page = officer_page.get("/otop/registrations/?year=2568").content.decode()
    assert 'data-status="certified"' in page


def test_returning_needs_a_reason_in_the_browser(login, officer, district_head, product):
    registration = services.record_registration(officer, product.producer, 2568)
    head = login(district_head)
    head.post("/otop/registrations/", {"year": "2568", "action": "return", "registration": registration.pk})
    registration.refresh_from_db()
    assert registration.status == "recorded"
    head.post("/otop/registrations/", {"year": "2568", "action": "return", "registration": registration.pk,
                                       "reason": "ขาดภาพถ่ายผลิตภัณฑ์"})
    registration.refresh_from_db()
    assert registration.status == "returned"
    officer_page = login(officer)
    assert "ขาดภาพถ่ายผลิตภัณฑ์" in officer_page.get("/otop/registrations/?year=2568").content.decode()
    officer_page.post("/otop/registrations/", {"year": "2568", "action": "record", "registration": registration.pk})
    registration.refresh_from_db()
    assert registration.status == "recorded"


def test_the_thresholds_page(login, administrator, province_staff):
    admin = login(administrator)
    saved = admin.post("/otop/thresholds/", {"year": "๒๕๖๗", "min_5": "๙๐", "min_4": "๘๐", "min_3": "๗๐",
                                             "min_2": "๕๐", "min_1": "๐", "note": "ตามประกาศกรม"})
    assert saved.status_code == 302
    assert list(StarThreshold.objects.filter(year=2567).values_list("stars", "min_score")) == [
        (5, 90), (4, 80), (3, 70), (2, 50), (1, 0)]
    wrong = admin.post("/otop/thresholds/", {"year": "2567", "min_5": "70", "min_4": "80"})
    assert "คะแนนขั้นต่ำของ ๕ ดาวต้องมากกว่าของ ๔ ดาว" in wrong.content.decode()
    page = login(province_staff).get("/otop/thresholds/").content.decode()
    assert "ปีคัดสรร ๒๕๖๗" in page and "บันทึกเกณฑ์" not in page
    assert login(province_staff).post("/otop/thresholds/", {"year": "2567"}).status_code == 403


def test_the_admin_keeps_thresholds_through_the_service(login, administrator, officer, product):
    admin = login(administrator)
    for stars, score in ((5, "90"), (4, "80"), (1, "0")):
        response = admin.post("/admin/otop/starthreshold/add/", {"year": "2566", "stars": stars, "min_score": score})
        assert response.status_code == 302, response.content.decode()[:500]
    result = services.record_champion_result(officer, product, year=2566, score="85")
    assert result.stars == 4
    wrong = admin.post("/admin/otop/starthreshold/add/", {"year": "2566", "stars": 3, "min_score": "95"})
    assert wrong.status_code == 200 and "ต้องมากกว่า" in wrong.content.decode()
    four = StarThreshold.objects.get(year=2566, stars=4)
    admin.post(f"/admin/otop/starthreshold/{four.pk}/change/", {"year": "2566", "stars": 4, "min_score": "86"})
    result.refresh_from_db()
    assert result.stars == 1  # 85 is now under the 4-star line


def test_the_admin_lists_every_otop_model(login, administrator, product, group):
    services.record_registration(administrator, product.producer, 2568)
    admin = login(administrator)
    for model in ("producer", "product", "occupationgroup", "cluster", "starthreshold", "producerregistration"):
        assert admin.get(f"/admin/otop/{model}/").status_code == 200, model
    assert admin.get(f"/admin/otop/product/{product.pk}/change/").status_code == 200
    assert admin.get(f"/admin/otop/occupationgroup/{group.pk}/change/").status_code == 200
