from django.db.models import QuerySet

from cdd_portal.accounts.scoping import restrict
from reports.models import Submission


def submissions_for(user) -> QuerySet[Submission]:
    """A district sees its own submissions (drafts included); a province its districts'; the
    department everything."""
    qs = Submission.objects.select_related("form", "period", "office__district", "office__province")
    return restrict(qs, user, district_field="office__district", province_field="office__province")


STATE_LABELS = {
    "not_due": "ยังไม่ถึงกำหนด", "missing": "ไม่ได้ส่ง (เลยกำหนด)", "late": "ร่าง เลยกำหนด", "draft": "ร่าง",
    "submitted": "ส่งแล้ว", "returned": "ส่งกลับ", "approved": "อนุมัติแล้ว",
}


def completeness(form, fiscal_year: int, province_code: str, *, today) -> dict:
    """The grid of one province: one row per district office, one cell per period; three queries
    whatever the number of districts and periods."""
    from cdd_portal.accounts.models import Office
    from reports.models import Period

    periods = list(Period.objects.filter(form=form, fiscal_year=fiscal_year).order_by("start"))
    offices = list(Office.objects.filter(province_id=province_code, level=Office.Level.DISTRICT)
                   .select_related("district").order_by("code"))
    status = {(s["office_id"], s["period_id"]): s["status"] for s in Submission.objects.filter(
        form=form, period__in=periods, office__in=offices).values("office_id", "period_id", "status")}
    counts = dict.fromkeys(STATE_LABELS, 0)
    rows = []
    for office in offices:
        cells = []
        for period in periods:
            state = status.get((office.pk, period.pk))
            overdue = today > period.due_date
            if state is None:
                state = "missing" if overdue else "not_due"
            elif state in {"draft", "returned"} and overdue:
                state = "late"  # being worked on, but past its due date
            counts[state] += 1
            cells.append({"period": period, "state": state, "label": STATE_LABELS[state]})
        rows.append({"office": office, "cells": cells})
    return {"periods": periods, "rows": rows,
            "counts": [{"state": state, "label": label, "n": counts[state]} for state, label in STATE_LABELS.items()]}
