"""Every OTOP page and endpoint: another district's officer and another province's officer or staff find
nothing (404, or the record absent from their lists); the province reads and does not write (403)."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cdd_portal.files.models import Attachment
from otop import services
from otop.models import Cluster, CommitteeMember, ProducerRegistration
from tests.otop.conftest import TODAY

pytestmark = pytest.mark.django_db
OUTSIDERS = ["neighbour_officer", "far_officer", "other_province_staff"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return SimpleUploadedFile("p.png", buffer.getvalue())


@pytest.fixture
def world(officer, product, group):
    """One of everything in 3401."""
    standard = services.add_standard(officer, product, standard="gmp", certificate_number="GMP-1",
                                     issued_on=date(2022, 1, 1), certificate=png())
    result = services.record_champion_result(officer, product, year=2562, score="80", stars=4)
    [photo] = services.add_photos(officer, product, [png()])
    cluster = services.create_cluster(officer, district=group.district, name="คลัสเตอร์จักสาน", trade="จักสาน")
    services.update_group(officer, group, cluster=cluster, today=TODAY)
    rules = services.attach_rules(officer, group, png())
    registration = services.record_registration(officer, product.producer, 2568)
    member = group.committee.get()
    return {"producer": product.producer, "product": product, "standard": standard, "result": result,
            "photo": photo, "certificate": Attachment.objects.get(purpose="certificate"), "group": group,
            "cluster": cluster, "rules": rules, "registration": registration, "member": member}


def detail_pages(w) -> list[str]:
    p, pr, g = w["producer"].pk, w["product"].pk, w["group"].pk
    return [f"/otop/producers/{p}/", f"/otop/producers/{p}/edit/", f"/otop/products/{pr}/",
            f"/otop/products/{pr}/edit/", f"/otop/groups/{g}/", f"/otop/groups/{g}/edit/",
            f"/otop/clusters/{w['cluster'].pk}/", f"/files/{w['photo'].pk}/", f"/files/{w['certificate'].pk}/",
            f"/files/{w['rules'].pk}/"]


def writes(w) -> list[tuple[str, dict]]:
    p, pr, g = w["producer"].pk, w["product"].pk, w["group"].pk
    return [
        (f"/otop/producers/{p}/edit/", {"name": "x"}),
        (f"/otop/products/{pr}/edit/", {"name": "x"}),
        (f"/otop/products/{pr}/standards/", {"standard": "gap", "certificate_number": "1", "issued_on": "1/1/2565"}),
        (f"/otop/products/{pr}/standards/{w['standard'].pk}/remove/", {}),
        (f"/otop/products/{pr}/results/", {"year": "2563", "score": "70", "stars": "3"}),
        (f"/otop/products/{pr}/results/{w['result'].pk}/remove/", {}),
        (f"/otop/products/{pr}/photos/", {}),
        (f"/otop/products/{pr}/files/{w['photo'].pk}/remove/", {}),
        (f"/otop/groups/{g}/edit/", {"name": "x"}),
        (f"/otop/groups/{g}/committee/", {"name": "x", "position": "member", "term_start": "1/1/2567",
                                          "term_end": "31/12/2568"}),
        (f"/otop/groups/{g}/committee/{w['member'].pk}/remove/", {}),
        (f"/otop/groups/{g}/rules/", {}),
        (f"/otop/groups/{g}/files/{w['rules'].pk}/remove/", {}),
        (f"/otop/groups/{g}/promote/", {"type": "community_group"}),
        (f"/otop/clusters/{w['cluster'].pk}/", {"name": "x", "trade": "y"}),
    ]


def unchanged(w) -> None:
    w["producer"].refresh_from_db()
    w["group"].refresh_from_db()
    assert w["producer"].name == "กลุ่มทอผ้าไหมบ้านหนองบัว" and w["group"].name == "กลุ่มอาชีพจักสานบ้านหนองบัว"
    assert w["group"].committee.count() == 1 and Attachment.objects.count() == 3
    assert not Cluster.objects.exclude(name="คลัสเตอร์จักสาน").exists()


@pytest.mark.parametrize("who", OUTSIDERS)
def test_other_offices_find_nothing(request, login, who, world):
    client = login(request.getfixturevalue(who))
    for url in detail_pages(world):
        assert client.get(url).status_code == 404, url
    for url, data in writes(world):
        assert client.post(url, data).status_code == 404, url
    unchanged(world)
    for url in ("/otop/producers/", "/otop/products/", "/otop/groups/", "/otop/clusters/",
                "/otop/registrations/?year=2568&district=3401"):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code in {200, 404}, url
        assert "กลุ่มทอผ้าไหมบ้านหนองบัว" not in body and "จักสานบ้านหนองบัว" not in body, url
        assert "ผ้าไหมมัดหมี่" not in body and "คลัสเตอร์จักสาน" not in body, url


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer"])
def test_district_officers_have_no_province_pages(request, login, who, world):
    client = login(request.getfixturevalue(who))
    assert client.get("/otop/province/").status_code == 403
    assert client.get("/otop/registrations/province/?year=2568").status_code == 403
    registration = world["registration"]
    for action in ("approve", "return"):
        client.post("/otop/registrations/", {"year": "2568", "district": "3401", "action": action,
                                             "registration": registration.pk, "reason": "x"})
    assert client.post("/otop/registrations/province/", {"year": "2568", "action": "certify",
                                                         "registration": registration.pk}).status_code == 403
    registration.refresh_from_db()
    assert registration.status == ProducerRegistration.Status.RECORDED


def test_other_province_cannot_see_or_certify(login, district_head, other_province_staff, other_province_head, world):
    for user in (other_province_staff, other_province_head):
        client = login(user)
        assert client.get("/otop/registrations/?year=2568&district=3401").status_code == 404
        assert "กลุ่มทอผ้าไหมบ้านหนองบัว" not in client.get("/otop/registrations/province/?year=2568").content.decode()
        assert "เมืองอุบลราชธานี" not in client.get("/otop/province/?province=34").content.decode()
    approved = services.approve_registration(district_head, world["registration"])
    client = login(other_province_head)
    client.post("/otop/registrations/province/", {"year": "2568", "province": "34", "action": "certify",
                                                  "registration": approved.pk})
    approved.refresh_from_db()
    assert approved.status == ProducerRegistration.Status.APPROVED


def test_the_province_reads_but_does_not_write(login, province_staff, world):
    client = login(province_staff)
    for url in detail_pages(world):
        if url.endswith("/edit/"):
            assert client.get(url).status_code == 403, url
        else:
            assert client.get(url).status_code == 200, url
    for url, data in writes(world):
        assert client.post(url, data).status_code == 403, url
    unchanged(world)
    for url in ("/otop/producers/new/", "/otop/products/new/", "/otop/groups/new/"):
        assert client.get(url).status_code == 403, url
    assert client.post("/otop/clusters/", {"name": "x", "trade": "y"}).status_code == 403
    page = client.get("/otop/registrations/?year=2568&district=3401")
    assert page.status_code == 200 and "กลุ่มทอผ้าไหมบ้านหนองบัว" in page.content.decode()
    for action in ("record_all", "approve"):
        assert client.post("/otop/registrations/", {"year": "2568", "district": "3401", "action": action,
                                                    "registration": world["registration"].pk}).status_code == 403
    assert client.post("/otop/registrations/province/", {"year": "2568", "action": "certify",
                                                         "registration": world["registration"].pk}).status_code == 403
    assert client.get("/otop/province/").status_code == 200


def test_a_department_viewer_reads_everything_and_writes_nothing(login, viewer, world):
    client = login(viewer)
    assert client.get(f"/otop/producers/{world['producer'].pk}/").status_code == 200
    assert client.post(f"/otop/producers/{world['producer'].pk}/edit/", {"name": "x"}).status_code == 403
    assert client.get("/otop/province/").status_code == 200


def test_anonymous_users_log_in_first(client, world):
    for url in ["/otop/", "/otop/producers/", "/otop/province/", "/otop/thresholds/", *detail_pages(world)]:
        assert client.get(url).status_code == 302, url


# --- API --------------------------------------------------------------------------------------------

def endpoints(w) -> list[str]:
    return [f"/api/v1/otop-producers/{w['producer'].pk}/", f"/api/v1/otop-products/{w['product'].pk}/",
            f"/api/v1/occupation-groups/{w['group'].pk}/", f"/api/v1/otop-registrations/{w['registration'].pk}/"]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_other_offices_find_nothing_in_the_api(request, api_as, who, world):
    api = api_as(request.getfixturevalue(who))
    for url in endpoints(world):
        assert api.get(url).status_code == 404, url
        if "registrations" not in url:
            assert api.patch(url, {"name": "x"}, format="json").status_code == 404, url
    for url in ("/api/v1/otop-producers/", "/api/v1/otop-products/", "/api/v1/occupation-groups/",
                "/api/v1/otop-registrations/"):
        assert api.get(url).json()["count"] == 0, url
    created = api.post("/api/v1/otop-products/", {"producer": world["producer"].pk, "name": "x", "sub_group": "1.1"},
                       format="json")
    assert created.status_code == 400 and "ไม่พบผู้ผลิตรหัส" in created.json()["errors"]["producer"][0]
    unchanged(world)


def test_the_province_reads_the_api_and_does_not_write(api_as, province_staff, world, village):
    api = api_as(province_staff)
    for url in endpoints(world):
        assert api.get(url).status_code == 200, url
    for url in endpoints(world)[:3]:
        assert api.patch(url, {"name": "x"}, format="json").status_code == 403, url
    assert api.post("/api/v1/otop-producers/", {
        "district": "3401", "type": "sme", "name": "x", "leader_name": "y", "village": village.pk,
        "community_links": ["production"]}, format="json").status_code == 403
    assert api.post("/api/v1/otop-products/", {"producer": world["producer"].pk, "name": "x", "sub_group": "1.1"},
                    format="json").status_code == 403
    assert api.post("/api/v1/occupation-groups/", {
        "district": "3401", "name": "x", "trade": "y", "village": village.pk, "members_count": 6},
        format="json").status_code == 403
    assert api.post("/api/v1/otop-registrations/", {}, format="json").status_code == 405
    unchanged(world)


def test_committee_positions_are_the_five(world):
    assert [label for _, label in CommitteeMember.Position.choices] == [
        "ประธาน", "รองประธาน", "เลขานุการ", "เหรัญญิก", "กรรมการ"]
