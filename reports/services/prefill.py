"""Values a submission starts with, from the registries' prefill sources (cdd_portal.references): the
engine asks the sources a definition names and never imports a registry. The office can still change
every value; "fill again" (`refill_data`) brings a draft up to date with the registries without losing
what was typed."""

from __future__ import annotations

from cdd_portal import references as registries
from reports import selectors
from reports.models import FormDefinition, Period


def _context(form: FormDefinition, period: Period, office) -> registries.PrefillContext:
    return registries.PrefillContext(office=office, fiscal_year=period.fiscal_year, start=period.start,
                                     end=period.end, form_code=form.code)


def _table_rows(form, period, office, section: dict, context) -> list[dict]:
    """A table source's rows, each with the columns that carry over (members, balances…) as the office's
    previous report of the form left them for the same key."""
    spec = section["prefill"]
    source = registries.prefill_source(spec["source"])
    rows = source.fill(context, spec) or []
    carried = spec.get("carry_forward", [])
    if carried:
        before = selectors.previous_rows(form, period, office, section["key"], spec["column"])
        rows = [{**{k: v for k, v in before.get(row.get(spec["column"]), {}).items() if k in carried and v is not None},
                 **row} for row in rows]
    return rows


def prefill(form: FormDefinition, period: Period, office) -> dict:
    """The data a new submission starts with: every field and table whose definition names a source."""
    context = _context(form, period, office)
    data: dict = {}
    for section in form.schema["sections"]:
        if section["type"] == "table":
            if section.get("prefill"):
                data[section["key"]] = _table_rows(form, period, office, section, context)
            continue
        for field in section["fields"]:
            spec = field.get("prefill")
            if not spec:
                continue
            value = registries.prefill_source(spec["source"]).fill(context, spec)
            if value is not None:
                data.setdefault(section["key"], {})[field["key"]] = value
    return data


def refill_data(form: FormDefinition, period: Period, office, data: dict) -> dict:
    """`data` brought up to date with the registries: prefilled fields take the registry's value; in a
    prefilled table, each row of a registry entry takes the registry's columns and keeps what was typed
    in the others, an entry without a row gets one, and rows the office added itself stay."""
    fresh = prefill(form, period, office)
    out = {k: v for k, v in data.items()}
    for section in form.schema["sections"]:
        key = section["key"]
        if key not in fresh:
            continue
        if section["type"] == "fields":
            out[key] = {**(data.get(key) or {}), **fresh[key]}
            continue
        column = section["prefill"]["column"]
        typed = [r for r in (data.get(key) or []) if isinstance(r, dict)]
        by_key = {str(r.get(column)): r for r in typed if r.get(column) not in (None, "")}
        rows = []
        for row in fresh[key]:
            old = by_key.pop(str(row.get(column)), None)
            if old is None:
                rows.append(row)
            else:
                registry_columns = {k: v for k, v in row.items() if k not in section["prefill"].get("carry_forward", [])}
                rows.append({**old, **registry_columns})
        kept = [r for r in typed if r.get(column) in (None, "") or str(r.get(column)) in by_key]
        out[key] = rows + kept
    return out
