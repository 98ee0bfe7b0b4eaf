"""The service-centre operations report starts from what the district recorded for its quarter: the
centre, one row per activity held in the quarter, the committee in office at the quarter's end and the
plans covering it (seed 000; issue #8 item 4). Fixed dates: FY 2568, quarter 2 = Jan–Mar 2025."""

from datetime import date

import pytest

from cdd_portal.geo.models import District
from centers import services as centers
from reports import services
from reports.models import FormDefinition, Period

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mid_quarter(time_machine):
    """The clock stands on 16 February 2025 (B.E. 2568), inside quarter 2 and its entry window."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    time_machine.move_to(datetime(2025, 2, 16, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")), tick=False)

SEATS = ["district_chief", "district_cdd"] + ["agency"] * 5 + ["group_leader"] * 5  # 12 members


@pytest.fixture
def centre(officer):
    center = centers.create_center(officer, district=District.objects.get(pk="3401"), today=date(2025, 1, 5))
    centers.record_order(officer, center, number="๑๒/๒๕๖๘", date=date(2025, 1, 6), today=date(2025, 1, 6),
                         members=[{"name": f"กรรมการ {n + 1}", "seat": seat,
                                   "position": "chair" if n == 0 else "secretary" if n == 1 else "member"}
                                  for n, seat in enumerate(SEATS)])
    centers.record_activity(officer, center, date=date(2025, 2, 14), kind="market", title="ตลาดนัดวาเลนไทน์",
                            target_groups=["otop_entrepreneur"], count_registered=30, count_unregistered=5,
                            media=["leaflet"], evidence=["photos"], today=date(2025, 2, 15))
    centers.record_activity(officer, center, date=date(2025, 1, 20), kind="counselling", title="ให้คำปรึกษากลุ่มทอผ้า",
                            today=date(2025, 2, 15))
    centers.record_activity(officer, center, date=date(2024, 12, 20), kind="market", title="ไตรมาสก่อน",
                            today=date(2025, 2, 15))
    centers.add_plan(officer, center, kind="quarterly", fiscal_year=2568, quarter=2, title="แผนไตรมาส ๒")
    return center


@pytest.fixture
def quarter_two():
    form = FormDefinition.objects.filter(code="service-centre-operations").order_by("-version").first()
    services.generate_periods(form, 2568)
    return Period.objects.get(form=form, start=date(2025, 1, 1))


def test_the_quarters_report_opens_prefilled_from_the_centre(officer, centre, quarter_two):
    submission = services.open_submission(officer, quarter_two.form, quarter_two)
    data = submission.data
    assert data["centre"] == {"center": centre.pk}
    rows = data["activities"]
    assert [r["title"] for r in rows] == ["ให้คำปรึกษากลุ่มทอผ้า", "ตลาดนัดวาเลนไทน์"]  # the quarter's, by date
    assert rows[1] | {"activity": None} == {"activity": None, "date": "2025-02-14", "kind": "market",
                                             "title": "ตลาดนัดวาเลนไทน์", "targets": ["otop_entrepreneur"],
                                             "served": 35, "media": ["leaflet"], "evidence": ["photos"]}
    assert data["committee"] == {"c_1": True, "c_2": True, "c_3": True, "c_4": True, "members": 12}
    assert data["plans"] == {"p_1": False, "p_2": True, "p_3": False}
    # what was prefilled is valid as it stands: the district edits, then submits
    saved, errors = services.save_draft(officer, submission, data, version=submission.version)
    assert errors == []


def test_an_activity_recorded_later_comes_in_when_the_draft_is_filled_again(officer, centre, quarter_two):
    submission = services.open_submission(officer, quarter_two.form, quarter_two)
    rows = submission.data["activities"]
    rows[0]["title"] = "ให้คำปรึกษากลุ่มทอผ้า (แก้ไขโดยอำเภอ)"
    saved, _errors = services.save_draft(officer, submission, submission.data, version=submission.version)
    centers.record_activity(officer, centre, date=date(2025, 3, 10), kind="occupation_group",
                            title="จัดตั้งกลุ่มจักสาน", today=date(2025, 3, 11))
    refilled, errors = services.refill(officer, saved, version=saved.version)
    titles = [r["title"] for r in refilled.data["activities"]]
    assert "จัดตั้งกลุ่มจักสาน" in titles and len(titles) == 3 and errors == []


def test_a_committee_of_nine_is_an_observation_not_a_refusal(login, officer, centre, quarter_two):
    submission = services.open_submission(officer, quarter_two.form, quarter_two)
    submission.data["committee"]["members"] = 9
    saved, errors = services.save_draft(officer, submission, submission.data, version=submission.version)
    assert errors == []
    page = login(officer).get(f"/reports/submissions/{saved.pk}/").content.decode()
    assert "ข้อ ๖.๑ กำหนดคณะกรรมการ ๑๑–๑๕ คน" in page and 'class="cell-advice"' in page
