"""Form definitions: saved after the engine has checked their schema, versioned once in use; the
built-in ones shipped in reports/definitions/."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError

from cdd_portal.accounts.models import Office
from reports import schema as engine
from reports.models import FormDefinition

DEFINITIONS_DIR = Path(__file__).resolve().parent.parent / "definitions"


def save_definition(*, code: str, title: str, period_type: str, schema: dict, fiscal_years: list[int],
                    office_level: str = Office.Level.DISTRICT, due_day: int | None = None,
                    due_date: date | None = None, entry_days_after_due: int = 30, is_builtin: bool = False
                    ) -> FormDefinition:
    """Validate and store a definition. A definition with submissions is never edited in place: a
    changed one becomes the next version."""
    try:
        engine.validate_schema(schema)
    except engine.SchemaError as exc:
        raise ValidationError({"schema": exc.errors}) from exc
    fields = {"title": title, "period_type": period_type, "schema": schema, "fiscal_years": fiscal_years,
              "office_level": office_level, "due_day": due_day, "due_date": due_date,
              "entry_days_after_due": entry_days_after_due, "is_builtin": is_builtin}
    current = FormDefinition.objects.filter(code=code).order_by("-version").first()
    if current is None:
        return FormDefinition.objects.create(code=code, version=1, **fields)
    if all(getattr(current, k) == v for k, v in fields.items()):
        return current
    if current.submissions.exists():
        return FormDefinition.objects.create(code=code, version=current.version + 1, **fields)
    FormDefinition.objects.filter(pk=current.pk).update(**fields)
    current.refresh_from_db()
    return current


def load_builtin_forms() -> list[FormDefinition]:
    """The definitions shipped in reports/definitions/ (after every migrate). A form whose newest
    version an administrator saved in the editor is theirs: the shipped file no longer overwrites it."""
    forms = []
    for path in sorted(DEFINITIONS_DIR.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        spec.pop("source", None)
        current = FormDefinition.objects.filter(code=spec["code"]).order_by("-version").first()
        if current is not None and not current.is_builtin:
            continue
        forms.append(save_definition(is_builtin=True, **spec))
    return forms
