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


def _column_total(rows: list[dict], index: int):
    """Sum of a numeric column; approved data is clean, but a cell that is not a number is skipped."""
    from decimal import Decimal, InvalidOperation

    total = Decimal(0)
    for row in rows:
        value = row["cells"][index]
        if value in (None, "") or isinstance(value, bool):
            continue
        try:
            total += Decimal(str(value))
        except InvalidOperation:
            continue
    return total


def consolidation(period, *, province_code: str | None = None, statuses=("approved",)) -> dict:
    """A form and period consolidated: for each table, every district's rows with the district named,
    and the grand totals; for each field section, one row per district. Approved submissions only by
    default. Two queries whatever the number of districts."""
    qs = Submission.objects.filter(period=period, status__in=statuses).select_related(
        "office__district", "office__province").order_by("office__code")
    if province_code:
        qs = qs.filter(office__province_id=province_code)
    submissions = list(qs)
    schema = period.form.schema
    sections = []
    for section in schema["sections"]:
        key = section["key"]
        items = section["fields"] if section["type"] == "fields" else section["columns"]
        items = [f for f in items if f["type"] != "file"]
        rows = []
        for s in submissions:
            value = s.data.get(key)
            district = s.office.district.name_th
            if section["type"] == "fields":
                rows.append({"district": district, "cells": [(value or {}).get(f["key"]) for f in items]})
            elif section.get("fixed_rows"):
                for number, fixed in enumerate(section["fixed_rows"], start=1):
                    row = (value or {}).get(fixed["key"]) or {}
                    rows.append({"district": district, "label": fixed["label"], "number": number,
                                 "cells": [row.get(f["key"]) for f in items]})
            else:
                rows += [{"district": district, "cells": [r.get(f["key"]) for f in items]} for r in value or []]
        totals = [_column_total(rows, index) if f["type"] in {"integer", "money"} else None
                  for index, f in enumerate(items)]
        sections.append({"key": key, "title": section["title"], "columns": items, "rows": rows,
                         "fixed": bool(section.get("fixed_rows")), "totals": totals,
                         "legend": [f["label"] for f in section.get("fixed_rows", [])],
                         "has_totals": any(t is not None for t in totals)})
    return {"period": period, "form": period.form, "submissions": submissions, "sections": sections}


def national_completeness(form, fiscal_year: int, *, today) -> dict:
    """Provinces × periods for the department: per cell, districts that have submitted (submitted or
    approved) out of the province's districts; three queries whatever the size of the country."""
    from django.db.models import Count, Q

    from cdd_portal.accounts.models import Office
    from cdd_portal.geo.models import Province
    from reports.models import Period

    periods = list(Period.objects.filter(form=form, fiscal_year=fiscal_year).order_by("start"))
    expected = dict(Office.objects.filter(level=Office.Level.DISTRICT).values_list("province_id")
                    .annotate(n=Count("id")).values_list("province_id", "n"))
    done = {(r["office__province_id"], r["period_id"]): r["n"] for r in Submission.objects.filter(
        form=form, period__in=periods).values("office__province_id", "period_id").annotate(
        n=Count("id", filter=Q(status__in=["submitted", "approved"])))}
    rows = []
    for province in Province.objects.filter(in_department=True).order_by("code"):
        cells = []
        for period in periods:
            n, of = done.get((province.code, period.pk), 0), expected.get(province.code, 0)
            state = "complete" if n >= of else ("missing" if today > period.due_date else "not_due")
            cells.append({"period": period, "done": n, "expected": of, "state": state})
        rows.append({"province": province, "cells": cells})
    return {"periods": periods, "rows": rows}
