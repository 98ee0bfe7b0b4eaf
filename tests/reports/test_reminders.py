from datetime import timedelta

import pytest
from django.core import mail

from reports import services
from reports.tasks import send_reminders

pytestmark = pytest.mark.django_db


def test_reminders_go_to_districts_that_have_not_submitted(officer, neighbour_officer, form, period, settings):
    officer.email, neighbour_officer.email = "d3401@example.go.th", "d3402@example.go.th"
    officer.save()
    neighbour_officer.save()
    submission = services.open_submission(officer, form, period)
    from tests.reports.conftest import good_data

    submission, _errors = services.save_draft(officer, submission, good_data(), version=submission.version)
    services.submit(officer, submission, signer_name="ก", signer_position="ข")
    sent = services.send_reminders(days_before=3, today=period.due_date - timedelta(days=2))
    assert sent == len(mail.outbox) >= 1
    # 3401 submitted this period: only 3402 is reminded of it (earlier open periods may be reminded too)
    [message] = [m for m in mail.outbox if period.label in m.subject and form.title in m.subject]
    assert message.to == ["d3402@example.go.th"]
    assert message.subject.startswith("[CDD Portal] ใกล้กำหนดส่ง: แบบรายงานความก้าวหน้า")
    assert "สำนักงานพัฒนาชุมชนอำเภอศรีเมืองใหม่ ยังไม่ได้ส่ง" in message.body
    mail.outbox.clear()
    services.send_reminders(days_before=3, today=period.due_date + timedelta(days=1))
    assert any(m.subject.startswith("[CDD Portal] เลยกำหนดส่ง") and period.label in m.subject for m in mail.outbox)


def test_the_task_is_scheduled_by_beat(settings):
    assert settings.CELERY_BEAT_SCHEDULE["report-reminders"]["task"] == send_reminders.name


def test_a_form_nobody_has_opened_is_chased_too(officer, settings):
    """The reminders generate the year's periods themselves: no district has to open a page first."""
    from reports.models import FormDefinition, Period

    officer.email = "d3401@example.go.th"
    officer.save()
    savings = FormDefinition.objects.get(code="savings-group-status")
    assert not Period.objects.filter(form=savings).exists()
    from datetime import date

    services.send_reminders(days_before=40, today=date.today())
    assert Period.objects.filter(form=savings).exists()
    assert any(savings.title in m.subject for m in mail.outbox)
