"""The home page's งานที่ต้องทำ: what is due or overdue, what was returned, what waits for review."""

from datetime import timedelta

import pytest

from reports import selectors, services
from tests.reports.conftest import good_data

pytestmark = pytest.mark.django_db


def test_due_overdue_and_returned_for_a_district(officer, province_staff, form, django_assert_max_num_queries):
    periods = services.generate_periods(form, 2570)
    october, november = periods[0], periods[1]
    today = october.due_date + timedelta(days=1)  # October overdue; November due within 14 days? not yet
    selectors.todo(officer, today=today)  # the first look of a year generates its periods
    with django_assert_max_num_queries(5):
        todo = selectors.todo(officer, today=today)
    due = {item["period"].pk: item for item in todo["due"]}
    assert due[october.pk]["overdue"] and due[october.pk]["submission"] is None
    assert november.pk not in due or not due[november.pk]["overdue"]
    submission = services.open_submission(officer, form, october)
    submission, _errors = services.save_draft(officer, submission, good_data(), version=submission.version)
    services.submit(officer, submission, signer_name="ก", signer_position="ข")
    assert october.pk not in {i["period"].pk for i in selectors.todo(officer, today=today)["due"]}
    assert selectors.todo(province_staff, today=today)["to_review"] == 1
    services.return_submission(province_staff, submission, reason="แนบภาพถ่าย")
    todo = selectors.todo(officer, today=today)
    assert [s.pk for s in todo["returned"]] == [submission.pk]
    assert selectors.todo(province_staff, today=today)["to_review"] == 0


def test_a_closed_window_is_not_a_to_do(officer, form):
    october = services.generate_periods(form, 2570)[0]
    today = october.due_date + timedelta(days=form.entry_days_after_due + 1)
    assert october.pk not in {i["period"].pk for i in selectors.todo(officer, today=today)["due"]}


def test_the_home_page_shows_a_returned_report(login, officer, province_staff, form, period, neighbour_officer):
    submission = services.open_submission(officer, form, period)
    submission, _errors = services.save_draft(officer, submission, good_data(), version=submission.version)
    services.submit(officer, submission, signer_name="ก", signer_position="ข")
    assert "รายงานรอตรวจ ๑ ฉบับ" in login(province_staff).get("/").content.decode()
    services.return_submission(province_staff, submission, reason="กรุณาแนบภาพถ่าย")
    page = login(officer).get("/").content.decode()
    assert "งานที่ต้องทำ" in page and f"/reports/submissions/{submission.pk}/" in page and "กรุณาแนบภาพถ่าย" in page
    assert f"/reports/submissions/{submission.pk}/" not in login(neighbour_officer).get("/").content.decode()
