from decimal import Decimal, InvalidOperation

from django.db.models import OuterRef, QuerySet, Subquery

from cdd_portal import references as registries
from cdd_portal.accounts.scoping import REVIEW, restrict
from reports.models import ApprovedRow, FormDefinition, Submission
from reports.printing import display
from reports.schema import header_rows, is_reference


def submissions_for(user) -> QuerySet[Submission]:
    """A district sees its own submissions (drafts included); a province its districts'; the
    department everything."""
    qs = Submission.objects.select_related("form", "period", "office__district", "office__province")
    return restrict(qs, user, district_field="office__district", province_field="office__province")


def submissions_to_review(user) -> QuerySet[Submission]:
    """The submissions whose review is the user's office's job: a province office its districts' (not its
    own, which go to the department), the department the province offices' own."""
    qs = Submission.objects.select_related("form", "period", "office__district", "office__province")
    return restrict(qs, user, REVIEW, district_field="office__district", province_field="office__province")


def current_forms(level: str | None = None) -> list[FormDefinition]:
    """The newest version of each form (of one office level if given)."""
    qs = FormDefinition.objects.order_by("code", "-version")
    if level:
        qs = qs.filter(office_level=level)
    newest: dict[str, FormDefinition] = {}
    for form in qs:
        newest.setdefault(form.code, form)
    return list(newest.values())


def _reference_kinds(form: FormDefinition) -> set[str]:
    return {f["type"] for section in form.schema["sections"]
            for f in section.get("fields", section.get("columns", [])) if is_reference(f["type"])}


def reference_options(submission: Submission) -> dict[str, list[tuple[int, str]]]:
    """The drop-downs of the submission's reference fields, (id, Thai label) for each kind its form uses,
    as the registry that owns the kind lists them for the submitting office."""
    return {kind: registries.reference(kind).options(submission.office) for kind in _reference_kinds(submission.form)}


def references(submission: Submission, options: dict[str, list[tuple[int, str]]] | None = None) -> dict[str, set]:
    """The ids reference fields of this submission may take: those of its drop-downs
    (`reference_options`, read here unless the caller already has them)."""
    options = reference_options(submission) if options is None else options
    return {kind: {ident for ident, _label in items} for kind, items in options.items()}


def previous_rows(form: FormDefinition, period, office, section: str, column: str) -> dict:
    """The rows of the office's latest earlier report of this form (any version, any status), by the id
    in `column`: what a monthly report starts from."""
    earlier = (Submission.objects.filter(form__code=form.code, office=office, period__start__lt=period.start)
               .order_by("-period__start").values_list("data", flat=True).first())
    rows = (earlier or {}).get(section)
    return {row[column]: row for row in rows or [] if isinstance(row, dict) and row.get(column) is not None}


STATE_LABELS = {
    "not_due": "ยังไม่ถึงกำหนด", "missing": "ไม่ได้ส่ง (เลยกำหนด)", "late": "ร่าง เลยกำหนด", "draft": "ร่าง",
    "submitted": "ส่งแล้ว", "returned": "ส่งกลับ", "approved": "อนุมัติแล้ว",
}


def completeness(form, fiscal_year: int, province_code: str, *, today) -> dict:
    """The grid of one province: one row per office that fills the form (its district offices, or the
    province office itself for a province-level form), one cell per period; three queries whatever the
    number of districts and periods."""
    from cdd_portal.accounts.models import Office
    from reports.models import Period

    periods = list(Period.objects.filter(form=form, fiscal_year=fiscal_year).order_by("start"))
    offices = list(Office.objects.filter(province_id=province_code, level=form.office_level)
                   .select_related("district", "province").order_by("code"))
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
    """A form and period consolidated: for each table, every office's rows with the office named (the
    district, or the province for a province-level form), and the grand totals; for each field
    section, one row per office. Approved submissions only by default. Two queries whatever the
    number of districts (one more for each kind of reference the form has: villages, groups)."""
    qs = Submission.objects.filter(period=period, status__in=statuses).select_related(
        "office__district", "office__province").order_by("office__code")
    if province_code:
        qs = qs.filter(office__province_id=province_code)
    submissions = list(qs)
    schema = period.form.schema
    names = _reference_names(schema, submissions)
    sections = []
    for section in schema["sections"]:
        key = section["key"]
        items = section["fields"] if section["type"] == "fields" else section["columns"]
        items = [f for f in items if f["type"] != "file"]

        def cells(values: dict) -> list:
            return [display(f, values.get(f["key"]), names) for f in items]  # noqa: B023 (used at once)

        rows = []
        for s in submissions:
            value = s.data.get(key)
            district = s.office.district.name_th if s.office.district_id else s.office.name_th
            if section["type"] == "fields":
                rows.append({"district": district, "cells": cells(value or {})})
            elif section.get("fixed_rows"):
                for number, fixed in enumerate(section["fixed_rows"], start=1):
                    rows.append({"district": district, "label": fixed["label"], "number": number,
                                 "cells": cells((value or {}).get(fixed["key"]) or {})})
            else:
                rows += [{"district": district, "cells": cells(r)} for r in value or []]
        kinds = [f["type"] for f in items]
        for row in rows:
            row["pairs"] = list(zip(row["cells"], kinds, strict=True))
        totals = [_column_total(rows, index) if f["type"] in {"integer", "money"} else None
                  for index, f in enumerate(items)]
        header, subheader = header_rows(items)
        sections.append({"key": key, "title": section["title"], "columns": items, "rows": rows,
                         "header": header, "subheader": subheader, "kinds": kinds,
                         "fixed": bool(section.get("fixed_rows")), "totals": totals,
                         "legend": [f["label"] for f in section.get("fixed_rows", [])],
                         "has_totals": any(t is not None for t in totals)})
    return {"period": period, "form": period.form, "submissions": submissions, "sections": sections}


def _reference_names(schema: dict, submissions: list) -> dict[str, dict]:
    """The names of the registry rows (villages, groups…) that the submissions' reference fields name:
    one query per kind the form uses, none otherwise."""
    wanted: dict[str, list[tuple[dict, str]]] = {}
    for section in schema["sections"]:
        items = section["fields"] if section["type"] == "fields" else section["columns"]
        for f in items:
            if is_reference(f["type"]):
                wanted.setdefault(f["type"], []).append((section, f["key"]))
    ids: dict[str, set] = {kind: set() for kind in wanted}
    for sub in submissions:
        for kind, places in wanted.items():
            for section, key in places:
                value = sub.data.get(section["key"]) or {}
                if section["type"] == "fields":
                    rows = [value]
                elif section.get("fixed_rows"):
                    rows = list(value.values()) if isinstance(value, dict) else []
                else:
                    rows = value if isinstance(value, list) else []
                ids[kind] |= {r.get(key) for r in rows if isinstance(r, dict) and isinstance(r.get(key), int)}
    return {kind: registries.reference(kind).names(kind_ids) for kind, kind_ids in ids.items()}


def national_completeness(form, fiscal_year: int, *, today) -> dict:
    """Provinces × periods for the department: per cell, offices that have submitted (submitted or
    approved) out of the province's offices that fill the form (its districts, or 1 for a
    province-level form); three queries whatever the size of the country."""
    from django.db.models import Count, Q

    from cdd_portal.accounts.models import Office
    from cdd_portal.geo.models import Province
    from reports.models import Period

    periods = list(Period.objects.filter(form=form, fiscal_year=fiscal_year).order_by("start"))
    expected = dict(Office.objects.filter(level=form.office_level).values_list("province_id")
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


def todo(user, *, today, ahead_days: int = 14) -> dict:
    """What the home page asks of the user: for an office that fills forms, each period due within
    `ahead_days` or overdue (entry still open) that it has not submitted, and each report returned to
    it; for a reviewer, how many reports wait for them. Five queries whatever the number of forms (more
    once a year, when the new fiscal year's periods are generated)."""
    from datetime import timedelta

    from cdd_portal.accounts.scoping import fills_reports_of
    from cdd_portal.thai import fiscal_year
    from reports.models import Period
    from reports.services.periods import ensure_periods

    out: dict = {"due": [], "returned": [], "to_review": 0}
    office = getattr(user, "office", None)
    if office is not None and fills_reports_of(user, office):
        forms = current_forms(office.level)
        ensure_periods(forms, fiscal_year(today + timedelta(days=ahead_days)))
        periods = list(Period.objects.filter(form__in=forms, due_date__lte=today + timedelta(days=ahead_days),
                                             due_date__gte=today - timedelta(days=60)).select_related("form")
                       .order_by("due_date"))
        mine = {(s.period_id): s for s in Submission.objects.filter(office=user.office, period__in=periods)}
        for period in periods:
            if today > period.due_date + timedelta(days=period.form.entry_days_after_due):
                continue  # closed: the reviewer's lock exception, not a to-do
            submission = mine.get(period.pk)
            if submission is None or submission.status == Submission.Status.DRAFT:
                out["due"].append({"period": period, "submission": submission, "overdue": today > period.due_date})
        out["returned"] = list(Submission.objects.filter(office=user.office, status=Submission.Status.RETURNED)
                               .select_related("form", "period").order_by("period__due_date"))
    out["to_review"] = submissions_to_review(user).filter(status=Submission.Status.SUBMITTED).count()
    return out


# --- approved figures for the registries (cdd_portal.references.approved_figures) ---------------------

def _as_figures(row) -> registries.ApprovedFigures:
    values = {}
    for key, value in row.values.items():
        kind = row.kinds.get(key)
        if value not in (None, "") and kind in {"money", "percent"}:
            try:
                value = Decimal(str(value))
            except InvalidOperation:
                pass
        elif value not in (None, "") and kind == "integer":
            try:
                value = int(value)
            except (TypeError, ValueError):
                pass
        values[key] = value
    return registries.ApprovedFigures(reference_id=row.reference_id, form_code=row.form_code,
                                      period_label=row.period_label, period_end=row.period_end,
                                      values=values, submission_id=row.submission_id)


def _approved_rows(reference: str, form_code: str | None):
    rows = ApprovedRow.objects.filter(reference=reference)
    return rows.filter(form_code=form_code) if form_code else rows


def latest_approved(reference: str, ids, *, form_code: str | None = None, as_of=None) -> dict:
    """The newest approved row of each id (one query: the newest period per id is a correlated subquery
    on the (reference, id, period end) index)."""
    rows = _approved_rows(reference, form_code)
    if as_of is not None:
        rows = rows.filter(period_end__lte=as_of)
    newest = rows.filter(reference_id=OuterRef("reference_id")).order_by("-period_end", "-submission_id")
    found = rows.filter(reference_id__in=list(ids), pk=Subquery(newest.values("pk")[:1]))
    return {row.reference_id: _as_figures(row) for row in found}


def approved_history(reference: str, reference_id: int, *, form_code: str | None = None, limit: int = 12) -> list:
    rows = _approved_rows(reference, form_code).filter(reference_id=reference_id)
    return [_as_figures(row) for row in rows.order_by("-period_end", "-submission_id")[:limit]]
