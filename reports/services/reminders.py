"""E-mail reminders of reports due soon or overdue (Celery beat, every morning)."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal.accounts.models import DISTRICT_ROLES, PROVINCE_ROLES, Office, User
from cdd_portal.thai import fiscal_year as fiscal_year_of
from cdd_portal.thai import thai_date
from reports import selectors
from reports.models import Period, Submission
from reports.services.periods import ensure_periods

S = Submission.Status


def send_reminders(*, days_before: int = 3, today: date | None = None) -> int:
    """E-mail the staff of every office that has not submitted a period due in `days_before` days, or
    already overdue (within the entry window): district offices for district forms, province offices
    for province forms. Returns how many e-mails were sent."""
    today = today or timezone.localdate()
    soon = today + timedelta(days=days_before)
    ensure_periods(selectors.current_forms(), fiscal_year_of(soon))  # a form nobody has opened yet is chased too
    periods = (Period.objects.select_related("form")
               .filter(due_date__lte=soon, due_date__gte=today - timedelta(days=60)))
    done = set(Submission.objects.filter(period__in=periods, status__in=[S.SUBMITTED, S.APPROVED])
               .values_list("period_id", "office_id"))
    offices = list(Office.objects.filter(level__in=[Office.Level.DISTRICT, Office.Level.PROVINCE],
                                         users__is_active=True, users__email__gt="").distinct())
    recipients: dict[int, list[str]] = {}
    for user in User.objects.filter(office__in=offices, is_active=True,
                                    role__in=DISTRICT_ROLES | PROVINCE_ROLES).exclude(email=""):
        recipients.setdefault(user.office_id, []).append(user.email)
    messages = []
    for period in periods:
        if period.due_date + timedelta(days=period.form.entry_days_after_due) < today:
            continue  # entry window closed: chasing it is the reviewer's call (lock exception)
        overdue = period.due_date < today
        for office in offices:
            if office.level != period.form.office_level:
                continue  # a district form chases district offices, a province form province offices
            if (period.pk, office.pk) in done or office.pk not in recipients:
                continue
            subject = (_("[CDD Portal] เลยกำหนดส่ง: %(form)s %(period)s") if overdue
                       else _("[CDD Portal] ใกล้กำหนดส่ง: %(form)s %(period)s")) % {
                "form": period.form.title, "period": period.label}
            body = _("%(office)s ยังไม่ได้ส่ง %(form)s รอบ %(period)s กำหนดส่ง %(due)s") % {
                "office": office.name_th, "form": period.form.title, "period": period.label,
                "due": thai_date(period.due_date)}
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, recipients[office.pk]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0
