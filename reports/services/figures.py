"""The approved-rows index: when a submission is approved, each of its rows that names a registry record
(a table row keyed by a reference column, or a fields section holding a reference field) is copied into
`ApprovedRow`; when it is reopened they are removed. The registries read them through
`cdd_portal.references.approved_figures` (the provider is `reports.selectors.approved_figures_provider`)."""

from __future__ import annotations

from reports import schema as engine
from reports.models import ApprovedRow, Submission


def rows_of(schema: dict, data: dict) -> list[dict]:
    """[{"section", "reference", "reference_id", "values", "kinds"}] for every row of `data` that names a
    record through a reference column (the first reference column of a table, a fields section's first
    reference field)."""
    out = []
    for section in schema.get("sections", []):
        fields = section.get("columns") if section.get("type") == "table" else section.get("fields")
        fields = fields or []
        ref = next((f for f in fields if engine.is_reference(f.get("type", ""))), None)
        if ref is None:
            continue
        kinds = {f["key"]: f["type"] for f in fields}
        given = data.get(section["key"])
        if section.get("type") == "table":
            rows = list(given.values()) if isinstance(given, dict) else (given or [])
        else:
            rows = [given] if isinstance(given, dict) else []
        for row in rows:
            if not isinstance(row, dict):
                continue
            try:
                ident = int(row.get(ref["key"]))
            except (TypeError, ValueError):
                continue
            out.append({"section": section["key"], "reference": ref["type"], "reference_id": ident,
                        "values": row, "kinds": kinds})
    return out


def index(submission: Submission) -> int:
    """Copy an approved submission's referencing rows (again: earlier copies are replaced)."""
    ApprovedRow.objects.filter(submission=submission).delete()
    return len(ApprovedRow.objects.bulk_create(_rows(submission)))


def index_many(submissions) -> int:
    """The same for many approved submissions at once (the data generator, a backfill)."""
    submissions = list(submissions)
    ApprovedRow.objects.filter(submission__in=submissions).delete()
    made = [row for s in submissions for row in _rows(s)]
    return len(ApprovedRow.objects.bulk_create(made, batch_size=5000))


def unindex(submission: Submission) -> None:
    ApprovedRow.objects.filter(submission=submission).delete()


def _rows(submission: Submission) -> list[ApprovedRow]:
    return [ApprovedRow(submission_id=submission.pk, form_code=submission.form.code,
                        period_end=submission.period.end, period_label=submission.period.label, **row)
            for row in rows_of(submission.form.schema, submission.data)]
