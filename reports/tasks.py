"""Scheduled work of the reports app (Celery beat): reminders to districts that have not submitted."""

from celery import shared_task

from reports import services


@shared_task(name="reports.send_reminders")
def send_reminders(days_before: int = 3) -> int:
    return services.send_reminders(days_before=days_before)
