from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from reports import selectors, services
from reports.models import FormDefinition, Submission, SubmissionEvent
from tests.reports.conftest import good_data

pytestmark = pytest.mark.django_db
S = Submission.Status


@pytest.fixture
def draft(officer, form, period):
    submission = services.open_submission(officer, form, period)
    submission, errors = services.save_draft(officer, submission, good_data(), version=submission.version)
    assert errors == []
    return submission


def test_periods_of_a_fiscal_year_with_due_dates(form):
    periods = services.generate_periods(form, 2563)
    assert len(periods) == 12
    assert periods[0].label == "ตุลาคม 2562" and periods[0].start == date(2019, 10, 1)
    assert periods[0].due_date == date(2019, 11, 20)
    assert periods[-1].end == date(2020, 9, 30) and periods[-1].due_date == date(2020, 10, 20)
    assert services.generate_periods(form, 2563) == periods  # idempotent


def test_the_whole_journey_is_audited(draft, officer, province_staff):
    services.submit(officer, draft, signer_name="นางสาวทดสอบ ใจดี", signer_position="พัฒนาการอำเภอ")
    returned = services.return_submission(province_staff, draft, reason="กรุณาแนบภาพถ่าย")
    assert returned.status == S.RETURNED and returned.return_reason == "กรุณาแนบภาพถ่าย"
    fixed, _errors = services.save_draft(officer, returned, good_data(), version=returned.version)
    services.submit(officer, fixed, signer_name="นางสาวทดสอบ ใจดี", signer_position="พัฒนาการอำเภอ")
    approved = services.approve(province_staff, fixed)
    assert approved.status == S.APPROVED and approved.decided_by == province_staff
    actions = list(SubmissionEvent.objects.filter(submission=draft).values_list("action", flat=True))
    assert actions == ["create", "save", "submit", "return", "save", "submit", "approve"]


def test_an_approved_submission_refuses_an_edit_until_the_province_reopens_it(draft, officer, province_staff):
    services.submit(officer, draft, signer_name="ก", signer_position="ข")
    approved = services.approve(province_staff, draft)
    with pytest.raises(ValidationError, match="อนุมัติแล้ว แก้ไขไม่ได้"):
        services.save_draft(officer, approved, good_data(), version=approved.version)
    rights = services.permissions(province_staff, approved)
    assert rights["may_reopen"] and not rights["may_approve"]
    reopened = services.reopen(province_staff, approved, reason="แก้ยอดเบิกจ่าย")
    assert services.permissions(officer, reopened)["may_edit"]


def test_two_saves_of_the_same_version_the_second_is_told_and_loses_nothing(draft, officer):
    stale = draft.version
    services.save_draft(officer, draft, good_data(), version=stale)
    with pytest.raises(services.VersionConflict, match="มีผู้บันทึกรายงานนี้ไปก่อนแล้ว"):
        services.save_draft(officer, draft, {"groups": []}, version=stale)
    assert Submission.objects.get(pk=draft.pk).data["groups"][0]["name"] == "กลุ่มทอผ้าลายโบราณ"


def test_a_submission_with_errors_is_saved_but_cannot_be_submitted(officer, form, period):
    submission = services.open_submission(officer, form, period)
    data = good_data()
    data["groups"][0]["members"] = "-1"
    saved, errors = services.save_draft(officer, submission, data, version=submission.version)
    assert errors and saved.data["groups"][0]["members"] == "-1"
    with pytest.raises(ValidationError) as exc:
        services.submit(officer, saved, signer_name="ก", signer_position="ข")
    assert "ต้องไม่ติดลบ" in str(exc.value)


def test_locks_have_their_own_messages(draft, officer, province_staff, form):
    future = services.generate_periods(form, draft.period.fiscal_year + 1)[0]
    submission = services.open_submission(officer, form, future)
    from cdd_portal.thai import thai_date

    assert services.lock_reason(submission) == f"ยังไม่ถึงรอบรายงานนี้ (เปิดให้กรอกตั้งแต่ {thai_date(future.start)})"
    late = draft.period.due_date + timedelta(days=form.entry_days_after_due + 1)
    closed = thai_date(late - timedelta(days=1))  # in the Buddhist era and Thai digits, e.g. ๑๙ ธันวาคม ๒๕๖๙
    assert services.lock_reason(draft, today=late) == (
        f"พ้นกำหนดการแก้ไขรายงานรอบนี้แล้ว (ปิดรับเมื่อ {closed}) ขอให้จังหวัดเปิดให้แก้ไขเป็นกรณีพิเศษ")
    services.grant_lock_exception(province_staff, draft.period, draft.office, until=late)
    assert services.lock_reason(draft, today=late) is None


def test_only_the_owner_district_writes_and_only_its_province_decides(draft, officer, neighbour_officer,
                                                                     far_officer, province_staff,
                                                                     other_province_staff):
    for outsider in (neighbour_officer, far_officer, province_staff):
        with pytest.raises(PermissionDenied):
            services.save_draft(outsider, draft, good_data(), version=draft.version)
    services.submit(officer, draft, signer_name="ก", signer_position="ข")
    for outsider in (officer, neighbour_officer, other_province_staff):
        with pytest.raises(PermissionDenied):
            services.approve(outsider, draft)
    with pytest.raises(ValidationError, match="เหตุผล"):
        services.return_submission(province_staff, draft, reason=" ")
    with pytest.raises(PermissionDenied):
        services.grant_lock_exception(other_province_staff, draft.period, draft.office, until=date.today())


def test_drafts_are_seen_by_their_district_and_province_only(draft, officer, neighbour_officer, far_officer,
                                                             province_staff, other_province_staff, viewer):
    assert list(selectors.submissions_for(officer)) == [draft]
    assert list(selectors.submissions_for(province_staff)) == [draft]
    assert list(selectors.submissions_for(viewer)) == [draft]
    for outsider in (neighbour_officer, far_officer, other_province_staff):
        assert not selectors.submissions_for(outsider).exists()


def test_a_changed_definition_in_use_becomes_a_new_version(draft, form):
    schema = dict(form.schema)
    schema["sections"] = form.schema["sections"][:-1]
    new = services.save_definition(code=form.code, title=form.title, period_type=form.period_type, schema=schema,
                                   fiscal_years=form.fiscal_years, due_day=form.due_day)
    assert new.version == 2 and FormDefinition.objects.get(pk=form.pk).schema == form.schema
    with pytest.raises(ValidationError):
        services.save_definition(code="broken", title="x", period_type="monthly", schema={}, fiscal_years=[])


def test_budget_received_and_spent_are_prefilled_from_the_budgets_app(officer, administrator, form):
    from decimal import Decimal

    from budgets import services as budget_services
    from budgets.models import PlanItem
    from cdd_portal.accounts.models import Office
    from cdd_portal.geo.models import Province

    fy = budget_services.ensure_fiscal_year(2563)
    plan = PlanItem.objects.create(fiscal_year=fy, level=1, name="แผนงาน")
    project = PlanItem.objects.create(fiscal_year=fy, level=2, parent=plan, name="โครงการ")
    main = PlanItem.objects.create(fiscal_year=fy, level=3, parent=project, name="กิจกรรมหลัก")
    activity = PlanItem.objects.create(fiscal_year=fy, level=4, parent=main,
                                       name="พัฒนาศักยภาพสัมมาชีพชุมชนสู่ความยั่งยืน")
    register = budget_services.open_register(administrator, activity=activity, province=Province.objects.get(code="34"),
                                             stated_budget=Decimal("12000"))
    allocation = budget_services.add_allocation(administrator, register, office=Office.objects.get(code="3401"),
                                                amount=Decimal("12000"))
    budget_services.record_disbursement(officer, allocation, date=date(2020, 5, 1), amount=Decimal("9000"))
    period = services.generate_periods(form, 2563)[-1]
    submission = services.open_submission(officer, form, period)
    assert submission.data["budget"] == {"received": "12000.00", "spent": "9000.00"}
