"""The form engine: checks a definition's schema when it is saved, and checks, cleans and computes a
submission's data against it, with Thai messages that name the section, the row and the column.

A schema is {"sections": [...]}; a section is
  {"key", "title", "type": "fields", "fields": [field, ...]}                       or
  {"key", "title", "type": "table", "columns": [field, ...], "min_rows", "max_rows",
   "fixed_rows": [{"key", "label"}, ...] (optional), "totals": ["column", ...] (optional),
   "prefill": {"source": "funds.savings_groups", "column": "group", "carry_forward": [columns]}
   (optional: one row per registry entry, the carried columns as the previous report left them)}
and a field is {"key", "label", "type", "required", "min", "max", "choices": [[value, label], ...],
a type may be a reference kind registered by a registry app (cdd_portal.references: "village",
"group", …), whose value is the id of one of the office's own rows of that registry).
The keys that only the printed form uses ("part", "intro", "sentence", "print", "notes", "orientation") are
described in reports/printing.py.
"formula": {"percent": [part, whole]}, "prefill": {"source": a registered field source, its options…},
"max_reason"/"min_reason": the Thai reason a bound exists, said instead of «ต้องไม่เกิน …» (a savings group's
interest above 15 % a year is refused with the legal limit, not a bare number),
"group": "a header over adjacent columns"}.
A table's columns that share a "group" stand under one merged header (the paper forms' two-level
headers: «ผลการสนับสนุน» over «เชิงคุณภาพ» and «เชิงปริมาณ»).
Data: {section: {field: value}} for fields, {section: [{column: value}, ...]} for free tables and
{section: {row_key: {column: value}}} for tables with fixed rows.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from cdd_portal import references as registries
from cdd_portal.thai import ThaiParseError, parse_be_date, parse_decimal, parse_integer, to_thai_digits

BASE_TYPES = {"text", "integer", "money", "percent", "date", "choice", "multi_choice", "check", "file"}
NUMERIC = {"integer", "money", "percent"}
CENT = Decimal("0.01")


def field_types() -> set[str]:
    """The engine's own types and the reference kinds the registries registered."""
    return BASE_TYPES | set(registries.reference_kinds())


def is_reference(ftype: str) -> bool:
    """A field whose value is the id of a row of a registry of the submitting office's area."""
    return ftype not in BASE_TYPES and registries.reference(ftype) is not None


class SchemaError(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def _check_field(where: str, field: dict, errors: list[str]) -> None:
    if not isinstance(field, dict) or not field.get("key") or not field.get("label"):
        errors.append(f"{where}: ต้องมี key และ label")
        return
    ftype = field.get("type")
    if ftype not in field_types():
        errors.append(f"{where} «{field['key']}»: ไม่รู้จักชนิด {ftype!r} (ใช้ได้: {', '.join(sorted(field_types()))})")
    if ftype in {"choice", "multi_choice"} and not field.get("choices"):
        errors.append(f"{where} «{field['key']}»: ชนิด {ftype} ต้องมี choices")
    for bound in ("min", "max"):
        if bound in field and ftype not in NUMERIC:
            errors.append(f"{where} «{field['key']}»: {bound} ใช้ได้กับช่องตัวเลขเท่านั้น")
    for bound in ("min", "max"):
        reason = field.get(f"{bound}_reason")
        if reason is not None and (bound not in field or not isinstance(reason, str) or not reason.strip()):
            errors.append(f"{where} «{field['key']}»: {bound}_reason ต้องเป็นข้อความเหตุผลของ {bound} ที่กำหนดไว้")
    if "min" in field and "max" in field and Decimal(str(field["min"])) > Decimal(str(field["max"])):
        errors.append(f"{where} «{field['key']}»: min มากกว่า max")
    if "prefill" in field:
        _check_prefill(f"{where} «{field['key']}»", field["prefill"], "field", errors)
    advise = field.get("advise")
    if advise is not None and not (ftype in NUMERIC and isinstance(advise, dict) and isinstance(advise.get("reason"), str)
                                   and advise["reason"].strip() and ({"min", "max"} & set(advise))
                                   and all(isinstance(advise.get(b, 0), int | float) for b in ("min", "max"))):
        errors.append(f"{where} «{field['key']}»: advise ต้องเป็น {{\"min\"/\"max\": ตัวเลข, \"reason\": เหตุผล}} "
                      "ของช่องตัวเลข (ข้อสังเกตที่ไม่ห้ามส่ง)")


def _unknown_source(where: str, name) -> str:
    known = ", ".join(s.name for s in registries.prefill_sources()) or "-"
    return f"{where}: ไม่มีแหล่งข้อมูลสำหรับเติมค่า (prefill) ชื่อ «{name}» ในระบบ (ที่มี: {known})"


def _check_prefill(where: str, spec, target: str, errors: list[str], columns: list[dict] | None = None) -> None:
    """A prefill names a source some registry registered, of the right target (a field's value or a
    table's rows), with only the options that source knows; a table's key column is of the source's
    reference kind and the carried columns are columns of the table."""
    if not isinstance(spec, dict) or not isinstance(spec.get("source"), str):
        errors.append(f"{where}: prefill ต้องเป็น {{\"source\": ชื่อแหล่งข้อมูล, ...}}")
        return
    source = registries.prefill_source(spec["source"])
    if source is None:
        errors.append(_unknown_source(where, spec["source"]))
        return
    if source.target != target:
        errors.append(f"{where}: แหล่งข้อมูล «{source.name}» ใช้กับ"
                      f"{'ตาราง' if source.target == 'table' else 'ช่องข้อมูล'}เท่านั้น")
        return
    allowed = {"source", *source.options} | ({"column", "carry_forward"} if target == "table" else set())
    extra = sorted(set(spec) - allowed)
    if extra:
        errors.append(f"{where}: แหล่งข้อมูล «{source.name}» ไม่รู้จักตัวเลือก {', '.join(extra)}")
    if source.check is not None:
        errors += [f"{where}: {message}" for message in source.check(spec)]
    if target == "table":
        by_key = {c.get("key"): c for c in columns or [] if isinstance(c, dict)}
        column = by_key.get(spec.get("column"))
        if column is None or column.get("type") != source.reference:
            errors.append(f"{where}: prefill «{source.name}» ต้องระบุ column เป็นคอลัมน์ชนิด {source.reference} ของตาราง")
        carried = spec.get("carry_forward", [])
        if not isinstance(carried, list) or not set(carried) <= set(by_key):
            errors.append(f"{where}: carry_forward ต้องเป็นรายการคอลัมน์ของตาราง")


def validate_schema(schema: dict) -> None:
    """Raise SchemaError listing every problem (a definition is refused whole, never half-saved)."""
    errors: list[str] = []
    sections = schema.get("sections") if isinstance(schema, dict) else None
    if not sections or not isinstance(sections, list):
        raise SchemaError(["schema ต้องมี sections อย่างน้อยหนึ่งส่วน"])
    seen_sections = set()
    for i, section in enumerate(sections, start=1):
        where = f"ส่วนที่ {i}"
        key = section.get("key") if isinstance(section, dict) else None
        if not key or not section.get("title"):
            errors.append(f"{where}: ต้องมี key และ title")
            continue
        if key in seen_sections:
            errors.append(f"{where}: key «{key}» ซ้ำ")
        seen_sections.add(key)
        kind = section.get("type")
        items = section.get("fields") if kind == "fields" else section.get("columns") if kind == "table" else None
        if items is None:
            errors.append(f"{where} «{key}»: type ต้องเป็น fields (มี fields) หรือ table (มี columns)")
            continue
        keys = [f.get("key") for f in items if isinstance(f, dict)]
        if len(keys) != len(set(keys)):
            errors.append(f"{where} «{key}»: key ของช่องซ้ำกัน")
        for field in items:
            _check_field(f"{where} «{key}»", field, errors)
            formula = field.get("formula") if isinstance(field, dict) else None
            if formula and not (isinstance(formula.get("percent"), list) and len(formula["percent"]) == 2
                                and all(part in keys for part in formula["percent"])):
                errors.append(f"{where} «{key}» «{field.get('key')}»: formula รองรับ {{\"percent\": [ส่วน, ทั้งหมด]}} "
                              "ของช่องในส่วนเดียวกัน")
        if kind == "table":
            groups = [f.get("group") for f in items if isinstance(f, dict)]
            for n, group in enumerate(groups):
                if group is not None and (not isinstance(group, str) or not group.strip()):
                    errors.append(f"{where} «{key}»: group ต้องเป็นข้อความหัวตารางที่ไม่ว่าง")
                elif group and group in groups[:n] and groups[n - 1] != group:
                    errors.append(f"{where} «{key}»: คอลัมน์ในกลุ่ม «{group}» ต้องอยู่ติดกัน")
        if "prefill" in section:
            if kind != "table":
                errors.append(f"{where} «{key}»: prefill ของส่วนใช้ได้กับตารางเท่านั้น (ช่องข้อมูลให้ใส่ที่ช่อง)")
            else:
                _check_prefill(f"{where} «{key}»", section["prefill"], "table", errors, items)
        for text_key in ("part", "intro", "sentence"):
            if text_key in section and not isinstance(section[text_key], str):
                errors.append(f"{where} «{key}»: {text_key} ต้องเป็นข้อความ")
        if isinstance(section.get("intro"), str) and kind == "table":
            errors += [f"{where} «{key}»: intro ใช้ได้เฉพาะ {{rows}}" for name in _placeholders(section["intro"])
                       if name != "rows"]
        if isinstance(section.get("sentence"), str):
            if kind != "fields":
                errors.append(f"{where} «{key}»: sentence ใช้ได้กับส่วนแบบ fields เท่านั้น")
            errors += [f"{where} «{key}»: sentence อ้างถึงช่อง «{name}» ที่ไม่มี"
                       for name in _placeholders(section["sentence"]) if name not in keys]
        if "print" in section and not (section["print"] == "checklist" and kind == "table"):
            errors.append(f"{where} «{key}»: print ของส่วนรองรับเฉพาะ \"checklist\" ของตาราง")
        for field in items:
            if isinstance(field, dict) and "print" in field and not (field.get("print") == "ticks"
                                                                      and field.get("type") == "choice"):
                errors.append(f"{where} «{key}» «{field.get('key')}»: print รองรับเฉพาะ \"ticks\" ของช่องชนิด choice")
        for total in section.get("totals", []):
            if total not in keys:
                errors.append(f"{where} «{key}»: totals อ้างถึงคอลัมน์ «{total}» ที่ไม่มี")
    if "print" in schema and not (schema["print"] == "side_by_side"
                                  and (all(s.get("type") == "fields" for s in sections if isinstance(s, dict))
                                       or "print_columns" in schema)):
        errors.append("print ของแบบรายงานรองรับเฉพาะ \"side_by_side\" เมื่อทุกส่วนเป็น fields "
                      "(หรือเมื่อระบุ print_columns)")
    if "print_columns" in schema:
        errors += _print_column_errors(schema, sections)
    if schema.get("orientation", "landscape") not in {"landscape", "portrait"}:
        errors.append("orientation ต้องเป็น landscape หรือ portrait")
    notes = schema.get("notes", [])
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        errors.append("notes ต้องเป็นรายการข้อความ")
    if errors:
        raise SchemaError(errors)


def _print_column_errors(schema: dict, sections: list) -> list[str]:
    """`print_columns` (side_by_side only): [{"title", "section", "keys" (optional)}], naming at most one
    table section (its rows become the numbered rows)."""
    by_key = {s.get("key"): s for s in sections if isinstance(s, dict)}
    columns = schema["print_columns"]
    if schema.get("print") != "side_by_side" or not isinstance(columns, list) or not columns:
        return ["print_columns ใช้กับ \"print\": \"side_by_side\" และต้องเป็นรายการคอลัมน์"]
    errors, tables = [], set()
    for n, column in enumerate(columns, start=1):
        section = by_key.get(column.get("section")) if isinstance(column, dict) else None
        if section is None or not isinstance(column.get("title"), str):
            errors.append(f"print_columns ลำดับที่ {n}: ต้องมี title และ section ที่มีอยู่")
            continue
        keys = {f.get("key") for f in section.get("fields") or section.get("columns") or []}
        if not set(column.get("keys", [])) <= keys:
            errors.append(f"print_columns ลำดับที่ {n}: keys ต้องเป็นช่องของส่วน «{section['key']}»")
        if section.get("type") == "table":
            tables.add(section["key"])
    if len(tables) > 1:
        errors.append("print_columns อ้างถึงตารางได้ไม่เกินหนึ่งตาราง")
    return errors


def advice(schema: dict, data: dict) -> list[dict]:
    """Observations that do not stop a submission: a numeric value outside a field's "advise" range,
    with the reason the definition gives (the 2020 guideline's 11–15 committee members, which a district
    keeping the earlier mechanism need not follow). Same shape as the errors, on the same cells."""
    out: list[dict] = []

    def look(section, row_key, row_label, fields, values):
        for field in fields:
            rule, value = field.get("advise"), values.get(field["key"]) if isinstance(values, dict) else None
            if not rule or value in (None, ""):
                continue
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                continue
            low, high = rule.get("min"), rule.get("max")
            if (low is not None and number < low) or (high is not None and number > high):
                out.append({"section": section["key"], "row": row_key, "column": field["key"],
                            "message": f"{_where(section, row_label, field)}: {rule['reason']}"})

    for section in schema["sections"]:
        given = (data or {}).get(section["key"])
        if section["type"] == "fields":
            look(section, None, None, section["fields"], given or {})
        elif section.get("fixed_rows"):
            for n, fixed in enumerate(section["fixed_rows"], start=1):
                look(section, fixed["key"], f"ข้อ {_digits(n)} ({fixed['label']})", section["columns"],
                     (given or {}).get(fixed["key"]) or {})
        else:
            for n, row in enumerate(given if isinstance(given, list) else [], start=1):
                look(section, n, f"แถวที่ {_digits(n)}", section["columns"], row)
    return out


def has_prefill(schema: dict) -> bool:
    """Whether any field or table of the form starts from a registry (a draft can then be filled again)."""
    return any("prefill" in section or any("prefill" in f for f in section.get("fields", []))
               for section in schema["sections"])


def _placeholders(text: str) -> list[str]:
    """The {names} of a print sentence (a malformed one is reported as a name that does not exist)."""
    import string

    try:
        return [name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return ["{"]


def header_rows(columns: list[dict]) -> tuple[list[dict], list[dict]]:
    """The header of a table as two rows: the top row has one cell per ungrouped column (spanning both
    rows) and one per group (spanning its columns); the second row has the grouped columns. With no
    group the second row is empty and the header is one row."""
    top: list[dict] = []
    second: list[dict] = []
    for column in columns:
        group = column.get("group")
        if group and top and top[-1].get("group") == group:
            top[-1]["colspan"] += 1
        elif group:
            top.append({"label": group, "group": group, "colspan": 1, "rowspan": 1})
        else:
            top.append({"label": column["label"], "column": column, "colspan": 1, "rowspan": 2})
        if group:
            second.append(column)
    if not second:
        for cell in top:
            cell["rowspan"] = 1
    return top, second


def _digits(n) -> str:
    return to_thai_digits(str(n))


def _clean_value(field: dict, raw):
    """(value, error message or None). Empty is None; Thai digits and commas are read."""
    ftype = field["type"]
    if raw is None or raw == "" or raw == []:
        return None, None
    try:
        if ftype == "integer":
            value = parse_integer(raw) if not isinstance(raw, int) else raw
        elif ftype in {"money", "percent"}:
            value = parse_decimal(str(raw)) if not isinstance(raw, Decimal) else raw
            value = value.quantize(CENT)
        elif ftype == "date":
            value = raw if isinstance(raw, date) else parse_be_date(str(raw))
            return value.isoformat(), None
        elif ftype == "check":
            return bool(raw) and raw not in ("0", "false", "False", "off"), None
        elif ftype == "choice":
            allowed = {str(c[0]) for c in field["choices"]}
            if str(raw) not in allowed:
                return raw, _("ต้องเลือกจากรายการที่กำหนด")
            return str(raw), None
        elif ftype == "multi_choice":
            values = raw if isinstance(raw, list) else [raw]
            allowed = {str(c[0]) for c in field["choices"]}
            if not set(map(str, values)) <= allowed:
                return raw, _("ต้องเลือกจากรายการที่กำหนด")
            return [str(v) for v in values], None
        else:
            return " ".join(str(raw).split()), None
    except (ThaiParseError, InvalidOperation) as exc:
        return raw, str(exc)
    if "min" in field and value < Decimal(str(field["min"])):
        if field.get("min_reason"):
            return raw, field["min_reason"]
        return raw, _("ต้องไม่น้อยกว่า %(min)s") % {"min": _digits(field["min"])} if field["min"] else _("ต้องไม่ติดลบ")
    if "max" in field and value > Decimal(str(field["max"])):
        if field.get("max_reason"):
            return raw, field["max_reason"]
        return raw, _("ต้องไม่เกิน %(max)s") % {"max": _digits(field["max"])}
    return (str(value) if isinstance(value, Decimal) else value), None


def _check_reference(field: dict, value, references: dict[str, set] | None):
    """A reference is the id of a row of a registry (a village, a savings group…); it must be one of
    the office's own."""
    kind = registries.reference(field["type"])
    not_chosen = str(kind.not_chosen) or _("ต้องเลือกจากรายการ")
    not_ours = str(kind.not_found) or _("ไม่พบรายการนี้ในทะเบียนของสำนักงาน")
    try:
        ident = int(value)
    except (TypeError, ValueError):
        return value, not_chosen
    if references is not None and ident not in references.get(field["type"], set()):
        return value, not_ours
    return ident, None


def _compute(fields: list[dict], values: dict) -> None:
    for field in fields:
        formula = field.get("formula")
        if not formula:
            continue
        part, whole = (values.get(k) for k in formula["percent"])
        if part is None or whole in (None, "0.00") or Decimal(whole) == 0:
            values[field["key"]] = None
        else:
            values[field["key"]] = str((Decimal(part) * 100 / Decimal(whole)).quantize(CENT))


def _where(section: dict, row_label: str | None, field: dict) -> str:
    parts = [section["title"]]
    if row_label:
        parts.append(row_label)
    parts.append(f"ช่อง «{field['label']}»")
    return " ".join(parts)


def validate_data(schema: dict, raw: dict, *, references: dict[str, set] | None = None) -> tuple[dict, list[dict]]:
    """Clean `raw` against `schema`: (cleaned data with formulas computed, errors). Each error is
    {"section", "row", "column", "message"} with `message` a whole Thai sentence naming the place. The
    cleaned data keeps what the user typed where a value is wrong, so nothing typed is lost.
    `references` holds the ids a reference field may take, by kind ({"village": {ids of the district's
    villages}, "group": {ids of its savings groups}, …})."""
    raw = raw or {}
    clean: dict = {}
    errors: list[dict] = []

    def computed(section, row_key, row_label, fields, values: dict):
        """Compute the formulas, then hold their results to the field's bounds (spent beyond what was
        received is a percentage over 100)."""
        _compute(fields, values)
        for field in fields:
            if field.get("formula") and values.get(field["key"]) is not None:
                _value, problem = _clean_value(field, values[field["key"]])
                if problem:
                    errors.append({"section": section["key"], "row": row_key, "column": field["key"],
                                   "message": f"{_where(section, row_label, field)}: {problem}"})

    def check(section, row_key, row_label, field, value_in, out: dict):
        value, problem = _clean_value(field, value_in)
        if problem is None and value is not None and is_reference(field["type"]):
            value, problem = _check_reference(field, value, references)
        if problem is None and value is None and field.get("required") and not field.get("formula"):
            problem = _("กรุณากรอก")
        if problem:
            errors.append({"section": section["key"], "row": row_key, "column": field["key"],
                           "message": f"{_where(section, row_label, field)}: {problem}"})
        out[field["key"]] = value

    for section in schema["sections"]:
        given = raw.get(section["key"])
        if section["type"] == "fields":
            given = given if isinstance(given, dict) else {}
            values: dict = {}
            for field in section["fields"]:
                check(section, None, None, field, given.get(field["key"]), values)
            computed(section, None, None, section["fields"], values)
            clean[section["key"]] = values
            continue
        columns = section["columns"]
        if section.get("fixed_rows"):
            given = given if isinstance(given, dict) else {}
            rows_out: dict = {}
            for n, fixed in enumerate(section["fixed_rows"], start=1):
                row_in = given.get(fixed["key"]) if isinstance(given.get(fixed["key"]), dict) else {}
                row: dict = {}
                label = f"ข้อ {_digits(n)} ({fixed['label']})"
                for field in columns:
                    check(section, fixed["key"], label, field, row_in.get(field["key"]), row)
                computed(section, fixed["key"], label, columns, row)
                rows_out[fixed["key"]] = row
            clean[section["key"]] = rows_out
            continue
        rows_in = [r for r in (given if isinstance(given, list) else []) if isinstance(r, dict)]
        rows_in = [r for r in rows_in if any(v not in (None, "", False, []) for v in r.values())]
        rows: list = []
        for n, row_in in enumerate(rows_in, start=1):
            row = {}
            for field in columns:
                check(section, n, f"แถวที่ {_digits(n)}", field, row_in.get(field["key"]), row)
            computed(section, n, f"แถวที่ {_digits(n)}", columns, row)
            rows.append(row)
        if len(rows) < section.get("min_rows", 0):
            errors.append({"section": section["key"], "row": None, "column": None,
                           "message": f"{section['title']}: " + _("ต้องมีอย่างน้อย %(n)s แถว")
                           % {"n": _digits(section["min_rows"])}})
        if "max_rows" in section and len(rows) > section["max_rows"]:
            errors.append({"section": section["key"], "row": None, "column": None,
                           "message": f"{section['title']}: " + _("มีได้ไม่เกิน %(n)s แถว")
                           % {"n": _digits(section["max_rows"])}})
        clean[section["key"]] = rows
        if section.get("totals"):
            totals = {}
            for key in section["totals"]:
                try:
                    totals[key] = str(sum((Decimal(str(r[key])) for r in rows if r.get(key) not in (None, "")),
                                          Decimal(0)))
                except InvalidOperation:
                    totals[key] = None  # a wrong cell: its own error says so
            clean[f"{section['key']}__totals"] = totals
    return clean, errors
