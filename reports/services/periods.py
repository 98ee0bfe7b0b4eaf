"""Reporting periods: generated per form and fiscal year with their due dates, the first time they are
needed."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from django.db import transaction

from cdd_portal.thai import THAI_MONTHS, fiscal_quarter_bounds, fiscal_year_bounds
from reports.models import FormDefinition, Period


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _due(form: FormDefinition, end: date) -> date:
    if form.period_type == FormDefinition.PeriodType.ONCE and form.due_date:
        return form.due_date
    if form.due_day:
        nxt = end + timedelta(days=1)
        return date(nxt.year, nxt.month, min(form.due_day, calendar.monthrange(nxt.year, nxt.month)[1]))
    return end + timedelta(days=15)


@transaction.atomic
def generate_periods(form: FormDefinition, fiscal_year: int) -> list[Period]:
    """The periods of one fiscal year, with their due dates; idempotent."""
    start, end = fiscal_year_bounds(fiscal_year)
    spans: list[tuple[str, date, date]] = []
    if form.period_type == FormDefinition.PeriodType.MONTHLY:
        d = start
        while d <= end:
            spans.append((f"{THAI_MONTHS[d.month]} {d.year + 543}", d, _month_end(d.year, d.month)))
            d = _month_end(d.year, d.month) + timedelta(days=1)
    elif form.period_type == FormDefinition.PeriodType.QUARTERLY:
        for q in (1, 2, 3, 4):
            q_start, q_end = fiscal_quarter_bounds(fiscal_year, q)
            spans.append((f"ไตรมาสที่ {q} ปีงบประมาณ {fiscal_year}", q_start, q_end))
    else:
        spans.append((f"ปีงบประมาณ {fiscal_year}", start, end))
    periods = []
    for label, s, e in spans:
        period, _created = Period.objects.get_or_create(
            form=form, start=s, end=e, defaults={"fiscal_year": fiscal_year, "label": label, "due_date": _due(form, e)})
        periods.append(period)
    return periods


def ensure_periods(forms: list[FormDefinition], fiscal_year: int) -> dict[int, list[Period]]:
    """The periods of `fiscal_year` of each form that is used that year, generated the first time they
    are needed (by a page, the home page's to-do or the reminders); afterwards one query."""
    forms = [f for f in forms if fiscal_year in f.fiscal_years]
    periods: dict[int, list[Period]] = {f.pk: [] for f in forms}
    for period in Period.objects.filter(form__in=forms, fiscal_year=fiscal_year).order_by("start"):
        periods[period.form_id].append(period)
    for form in forms:
        if not periods[form.pk]:
            periods[form.pk] = generate_periods(form, fiscal_year)
    return periods
