"""The pages and the API: what each office sees (another district 404, a province reads but does not write
403, only administrators edit indicator sets), the assessment form and page, the summary page, query counts."""

import pytest
from django.urls import reverse

from funds.assessments import services
from funds.assessments.models import Assessment, IndicatorSet, MotherFundVillage
from tests.funds.assessments.conftest import AFTER, TODAY, YEAR, assess, make_group, make_village

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed(officer, group, demo_sets):
    return assess(officer, group, demo_sets["savings_group"], failed=[4, 9])


@pytest.fixture
def mother(officer):
    village = make_village("3401", 5)
    return services.create_mother_fund(officer, district=village.subdistrict.district, village=village)


def _form_data(indicator_set, failed=(), **extra):
    data = {"assessed_on": "10/02/2568", "assessor": "นางสาวประเมิน ทดสอบ", "note": ""}
    for indicator in indicator_set.indicators.all():
        data[f"i{indicator.pk}"] = "0" if indicator.number in failed else "1"
    return {**data, **extra}


# --- permissions on every page and action ----------------------------------------------------------------

def test_another_district_gets_404_and_a_province_403(login, assessed, mother, neighbour_officer, far_officer,
                                                      province_staff, other_province_staff):
    reads = [reverse("assessments:detail", args=[assessed.pk]), reverse("assessments:mother-detail", args=[mother.pk])]
    writes = [reverse("assessments:edit", args=[assessed.pk]), reverse("assessments:mother-edit", args=[mother.pk])]
    stop = reverse("assessments:mother-stop", args=[mother.pk])
    for user in (neighbour_officer, far_officer, other_province_staff):
        client = login(user)
        for url in reads + writes:
            assert client.get(url).status_code == 404, (user, url)
        assert client.post(stop, {"on": "10/02/2568", "reason": "x"}).status_code == 404
        assert client.post(writes[0], {}).status_code == 404
    client = login(province_staff)
    for url in reads:
        assert client.get(url).status_code == 200
    for url in writes:
        assert client.get(url).status_code == 403
    assert client.post(stop, {"on": "10/02/2568", "reason": "x"}).status_code == 403
    assert client.get(reverse("assessments:assess")).status_code == 403
    assert client.get(reverse("assessments:mother-create")).status_code == 403
    assert MotherFundVillage.objects.get().status == "active"


def test_assessing_another_districts_fund_is_404(login, neighbour_officer, group, demo_sets):
    client = login(neighbour_officer)
    url = reverse("assessments:assess") + f"?kind=savings_group&fund={group.pk}&year={YEAR}&round=1"
    response = client.get(url)
    # the fund is not among the district's choices: the form says so and shows no indicators
    assert response.status_code == 200 and "assessment-form" not in response.content.decode()
    response = client.post(url, _form_data(demo_sets["savings_group"]))
    assert response.status_code == 200 and not Assessment.objects.exists()


def test_only_administrators_edit_indicator_sets(login, officer, province_staff, viewer, administrator, demo_sets):
    published = demo_sets["savings_group"]
    draft = services.create_set(administrator, fund_kind="poverty", fiscal_year=2569, title="ร่าง")
    for user in (officer, province_staff, viewer):
        client = login(user)
        assert client.get(reverse("assessments:set-list")).status_code == 200
        assert client.get(reverse("assessments:set-detail", args=[published.pk])).status_code == 200
        assert client.get(reverse("assessments:set-create")).status_code == 403
        assert client.get(reverse("assessments:set-edit", args=[draft.pk])).status_code == 403
        for name in ("set-indicators", "set-rules", "set-publish"):
            assert client.post(reverse(f"assessments:{name}", args=[draft.pk]), {}).status_code == 403
        assert client.post(reverse("assessments:set-new-version", args=[published.pk])).status_code == 403
    assert IndicatorSet.objects.count() == 4


def test_the_summary_page_permissions(login, officer, province_staff, other_province_staff, viewer, demo_sets):
    url = reverse("assessments:summary")
    assert login(officer).get(url).status_code == 403
    response = login(province_staff).get(url + "?province=42")
    assert response.status_code == 200 and response.context["province"].code == "34"  # always its own
    assert login(other_province_staff).get(url).context["province"].code == "42"
    assert login(viewer).get(url + "?province=34").context["province"].code == "34"
    assert login(viewer).get(url).context["national"] is True
    assert login(viewer).get(url + "?province=99").status_code == 404


# --- the administrator's pages ------------------------------------------------------------------------

def test_an_administrator_enters_and_publishes_a_set(login, administrator):
    client = login(administrator)
    response = client.post(reverse("assessments:set-create"), {
        "fund_kind": "savings_group", "fiscal_year": "๒๕๖๙", "title": "แบบประเมิน ๒๑ ตัวชี้วัด", "source_note": ""})
    indicator_set = IndicatorSet.objects.get(fiscal_year=2569)
    assert response.status_code == 302 and indicator_set.status == "draft"
    detail = client.get(reverse("assessments:set-detail", args=[indicator_set.pk]))
    assert "indicator-rows" in detail.content.decode()
    rows = {"rows-TOTAL_FORMS": "3", "rows-INITIAL_FORMS": "0"}
    for n, (text, mandatory) in enumerate([("มีระเบียบ", "on"), ("มีบัญชี", ""), ("", "")]):
        rows.update({f"rows-{n}-number": str(n + 1) if text else "", f"rows-{n}-text": text,
                     f"rows-{n}-principle": "1" if text else "", f"rows-{n}-is_mandatory": mandatory,
                     f"rows-{n}-scoring": "pass_fail"})
    assert client.post(reverse("assessments:set-indicators", args=[indicator_set.pk]), rows).status_code == 302
    assert list(indicator_set.indicators.values_list("number", "is_mandatory")) == [(1, True), (2, False)]
    # a row with a text but no principle is refused in Thai, and what was typed stays
    bad = {"rows-TOTAL_FORMS": "1", "rows-INITIAL_FORMS": "0", "rows-0-number": "3", "rows-0-text": "ข้อใหม่",
           "rows-0-scoring": "pass_fail"}
    response = client.post(reverse("assessments:set-indicators", args=[indicator_set.pk]), bad)
    assert response.status_code == 400 and "กรุณาเลือกหลักธรรมาภิบาล" in response.content.decode()
    assert "ข้อใหม่" in response.content.decode()
    rules = {"rules-TOTAL_FORMS": "3", "rules-INITIAL_FORMS": "3"}
    for n, (level, rank, minimum, mandatory) in enumerate([("1", 1, "", ""), ("2", 2, "1", ""), ("3", 3, "2", "on")]):
        rules.update({f"rules-{n}-level": level, f"rules-{n}-used": "on", f"rules-{n}-label": "ดี" if level == "3" else "",
                      f"rules-{n}-rank": str(rank), f"rules-{n}-min_passed": minimum,
                      f"rules-{n}-requires_all_mandatory": mandatory})
    assert client.post(reverse("assessments:set-rules", args=[indicator_set.pk]), rules).status_code == 302
    assert indicator_set.rules.count() == 3
    client.post(reverse("assessments:set-publish", args=[indicator_set.pk]))
    indicator_set.refresh_from_db()
    assert indicator_set.is_published
    response = client.post(reverse("assessments:set-new-version", args=[indicator_set.pk]))
    copy = IndicatorSet.objects.get(fiscal_year=2569, version=2)
    assert response.url == reverse("assessments:set-detail", args=[copy.pk]) and copy.indicators.count() == 2


# --- the district officer's pages ---------------------------------------------------------------------------

def test_the_officer_assesses_a_group(login, officer, group, demo_sets):
    client = login(officer)
    chooser = client.get(reverse("assessments:assess"))
    assert chooser.status_code == 200 and group.name in chooser.content.decode()
    url = reverse("assessments:assess") + f"?kind=savings_group&fund={group.pk}&year={YEAR}&round=1"
    page = client.get(url)
    assert "assessment-form" in page.content.decode() and "บังคับ" in page.content.decode()
    # a missing answer: Thai error, everything typed kept
    data = _form_data(demo_sets["savings_group"], failed=[7])
    missing = demo_sets["savings_group"].indicators.get(number=9)
    data.pop(f"i{missing.pk}")
    response = client.post(url, data)
    assert response.status_code == 200 and "กรุณาเลือกผ่านหรือไม่ผ่านข้อ ๙" in response.content.decode()
    assert "นางสาวประเมิน ทดสอบ" in response.content.decode()
    response = client.post(url, _form_data(demo_sets["savings_group"], failed=[7]))
    assessment = Assessment.objects.get()
    assert response.url == reverse("assessments:detail", args=[assessment.pk])
    assert assessment.level == "2" and assessment.assessed_on == TODAY
    page = client.get(response.url).content.decode()
    assert "ระดับ ๒" in page and "ไม่ผ่านตัวชี้วัดบังคับข้อ ๗" in page
    assert "หลักความรับผิดชอบ" in page and "พัฒนาระบบติดตามหนี้ค้างชำระที่มีประสิทธิภาพ" in page
    # the same round again goes to the correction form
    assert client.get(url).url == reverse("assessments:edit", args=[assessment.pk])


def test_the_detail_page_compares_before_and_after(login, officer, group, demo_sets, assessed):
    assess(officer, group, demo_sets["savings_group"], round=AFTER)
    page = login(officer).get(reverse("assessments:detail", args=[assessed.pk])).content.decode()
    assert "เปรียบเทียบก่อนและหลังการพัฒนา" in page and "ดีขึ้น" in page
    assert "ก่อน: ระดับ ๒ → หลัง: ระดับ ๓ — ดี" in page


def test_the_officer_corrects_an_assessment(login, officer, assessed, demo_sets):
    client = login(officer)
    url = reverse("assessments:edit", args=[assessed.pk])
    assert client.get(url).status_code == 200
    client.post(url, _form_data(demo_sets["savings_group"]))
    assessed.refresh_from_db()
    assert assessed.level == "3"


def test_the_officer_keeps_mother_fund_villages(login, officer, demo_sets):
    village = make_village("3401", 7, "บ้านแม่")
    client = login(officer)
    response = client.post(reverse("assessments:mother-create"), {"village": village.pk, "year_joined": "๒๕๖๐"})
    fund = MotherFundVillage.objects.get()
    assert response.url == reverse("assessments:mother-detail", args=[fund.pk]) and fund.year_joined == 2560
    url = reverse("assessments:assess") + f"?kind=mother_fund&fund={fund.pk}&year={YEAR}&round=1"
    client.post(url, {"assessed_on": "10/02/2568", "assessor": "ผู้ประเมิน", "level": "A"})
    assert Assessment.objects.get().level == "A"
    page = client.get(reverse("assessments:mother-detail", args=[fund.pk])).content.decode()
    assert "ระดับ A" in page
    client.post(reverse("assessments:mother-stop", args=[fund.pk]), {"on": "10/02/2568", "reason": "ยุบรวม"})
    fund.refresh_from_db()
    assert fund.status == "stopped"


def test_the_summary_page(login, province_staff, officer, group, demo_sets, assessed):
    make_group("3401", "กลุ่มที่ยังไม่ประเมิน")
    page = login(province_staff).get(reverse("assessments:summary")).content.decode()
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" in page and "๓๑ มีนาคม ๒๕๖๘" in page
    assert "fund-summary" in page and "เมืองอุบลราชธานี" in page


# --- lists and query counts ---------------------------------------------------------------------------------

def test_the_lists_are_scoped_and_few_queries(login, officer, neighbour_officer, province_staff, demo_sets,
                                              django_assert_max_num_queries):
    for n in range(8):
        assess(officer, make_group("3401", f"กลุ่ม {n}"), demo_sets["savings_group"], failed=[n + 1])
        village = make_village("3401", 30 + n)
        services.create_mother_fund(officer, district=village.subdistrict.district, village=village)
    assess(neighbour_officer, make_group("3402", "กลุ่มเพื่อนบ้าน"), demo_sets["savings_group"])
    client, province = login(officer), login(province_staff)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("assessments:index"))
    assert len(response.context["page"].object_list) == 8
    with django_assert_max_num_queries(9):
        response = province.get(reverse("assessments:index") + "?year=2568&kind=savings_group")
    assert response.context["page"].paginator.count == 9
    with django_assert_max_num_queries(8):
        response = client.get(reverse("assessments:mother-list"))
    assert response.context["page"].paginator.count == 8


# --- API ------------------------------------------------------------------------------------------------------

def test_the_api_is_scoped_and_filtered(api_as, officer, neighbour_officer, province_staff, far_officer, demo_sets,
                                        django_assert_max_num_queries):
    mine = [assess(officer, make_group("3401", f"กลุ่ม {n}"), demo_sets["savings_group"], failed=[4] if n else [])
            for n in range(5)]
    theirs = assess(neighbour_officer, make_group("3402", "กลุ่มเพื่อนบ้าน"), demo_sets["savings_group"])
    client = api_as(officer)
    with django_assert_max_num_queries(8):
        response = client.get("/api/v1/fund-assessments/")
    body = response.json()
    assert response.status_code == 200 and body["count"] == 5
    first = next(r for r in body["results"] if r["id"] == mine[0].pk)
    assert first["level"] == "3" and first["level_label"] == "ระดับ ๓ — ดี" and len(first["results"]) == 9
    assert api_as(officer).get(f"/api/v1/fund-assessments/{theirs.pk}/").status_code == 404
    assert api_as(far_officer).get(f"/api/v1/fund-assessments/{mine[0].pk}/").status_code == 404
    province = api_as(province_staff)
    assert province.get("/api/v1/fund-assessments/").json()["count"] == 6
    assert province.get("/api/v1/fund-assessments/?level=2").json()["count"] == 4
    assert province.get("/api/v1/fund-assessments/?kind=savings_group&year=2568&district=3402").json()["count"] == 1
    assert province.get("/api/v1/fund-assessments/?kind=poverty").json()["count"] == 0
    assert province.get("/api/v1/fund-assessments/?level=9").status_code == 400
    assert api_as(officer).post("/api/v1/fund-assessments/", {}).status_code == 405
