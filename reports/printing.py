"""The paper layout of a submission: what its PDF and its XLSX print, built once from the schema and
the data so that both documents look like the seed form.

A definition may say, beyond what the page needs (all optional, checked by `schema.validate_schema`):
  section "part"      a heading printed above the section when it changes («๑. การสำรวจข้อมูล»);
  section "intro"     a sentence above a table, "{rows}" standing for its number of rows
                      («มีกลุ่มอาชีพเป้าหมาย จำนวน {rows} กลุ่ม รายละเอียด ดังนี้»);
  section "sentence"  a field section printed as one sentence, "{key}" standing for each field's value
                      («ได้รับจัดสรรงบประมาณ จำนวน {received} บาท …»);
  field "print": "ticks"  a choice printed as one ✓ column per option under a header of its label
                      (the paper's «การลงทะเบียน OTOP: ลงทะเบียน | ยังไม่ลงทะเบียน»);
  section "print": "checklist"  each row of a table printed as its own checklist (the row's first
                      text column as its title; the ticks, under their group headings, as มี / ไม่มี
                      lines; other columns as lines) — the paper of seed 002's แบบประเมินแผนพัฒนาตำบล;
  schema "notes"      the form's หมายเหตุ lines, under the signature;
  schema "orientation"  "landscape" (the default: wide tables) or "portrait";
  schema "print": "side_by_side"  every (field) section a column of one table, each cell listing what
                      was ticked or given — the paper of seed 000's service-centre report.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from cdd_portal.thai import format_number, thai_date, to_thai_digits
from reports.schema import header_rows

TICK = "✓"
# Relative widths of printed columns by kind: numbers and ticks narrow, text wide (A4 landscape).
WEIGHTS = {"no": 1.1, "check": 2.8, "integer": 2.2, "money": 2.6, "percent": 2.2, "date": 2.6, "text": 4}


def _ticks(field: dict) -> bool:
    return field["type"] == "choice" and field.get("print") == "ticks"


def kind_of(field: dict) -> str:
    """How a field prints and is written to a spreadsheet: numbers and dates keep their type, a tick
    is a check, the rest is text."""
    return field["type"] if field["type"] in {"integer", "money", "percent", "date", "check"} else "text"


def _columns(fields: list[dict]) -> list[dict]:
    """The printed columns of a table: a ticks choice becomes one check column per option."""
    out = []
    for field in fields:
        if field["type"] == "file":
            continue
        if _ticks(field):
            out += [{"label": label, "group": field["label"], "kind": "check", "field": field, "option": str(value)}
                    for value, label in field["choices"]]
        else:
            out.append({"label": field["label"], "group": field.get("group"), "kind": kind_of(field), "field": field})
    return out


def display(field: dict, value, names: dict):
    """A stored value as the documents and the consolidation show it: a choice's label, the labels of
    a multi-choice, a village's or a group's name (`names`: {"village": {id: name}, "group": …}), a
    date as a date (printed in the Buddhist era; the XLSX keeps it a date); numbers as they are."""
    from datetime import date

    if value in (None, "", []):
        return None
    ftype = field["type"]
    if ftype in {"choice", "multi_choice"}:
        labels = {str(v): label for v, label in field["choices"]}
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in values)
    if ftype in names:
        return names[ftype].get(value, value)
    if ftype == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _value(column: dict, row: dict, names: dict):
    value = row.get(column["field"]["key"])
    if "option" in column:
        return value is not None and str(value) == column["option"]
    return display(column["field"], value, names)


def shown(field: dict, value, names: dict) -> str:
    """One value as a sentence prints it: Thai digits, B.E. dates, labels, ticks."""
    if value in (None, "", []):
        return "....."
    ftype = field["type"]
    if ftype in {"integer", "money"}:
        return format_number(value)
    if ftype == "percent":
        return format_number(value, 2)
    if ftype == "check":
        return TICK if value else ""
    if _ticks(field):
        return "  ".join(f"({TICK if str(v) == str(value) else '   '}) {label}" for v, label in field["choices"])
    shown_value = display(field, value, names)
    return thai_date(shown_value) if ftype == "date" and not isinstance(shown_value, str) else to_thai_digits(
        str(shown_value))


def _field_lines(fields: list[dict], values: dict, names: dict) -> list[str]:
    """A field section as one cell of seed 000's paper: each tick or value on its own line."""
    lines = []
    for field in fields:
        value = values.get(field["key"])
        if field["type"] == "file" or value in (None, "", False, []):
            continue
        lines.append(f"- {field['label']}" if field["type"] == "check"
                     else f"- {field['label']}: {shown(field, value, names)}")
    return lines


def _row_lines(fields: list[dict], row: dict, names: dict) -> list[str]:
    """A table row's columns as one cell: the first value bare, the others with their label, the items of
    a multi-choice each on a line."""
    lines = []
    for n, field in enumerate(fields):
        value = row.get(field["key"])
        if field["type"] == "file" or value in (None, "", False, []):
            continue
        if field["type"] == "multi_choice":
            labels = {str(v): label for v, label in field["choices"]}
            lines += [f"- {labels.get(str(v), v)}" for v in value]
        elif field["type"] == "check":
            lines.append(f"- {field['label']}")
        else:
            text = shown(field, value, names)
            lines.append(text if n == 0 else f"{field['label']} {text}")
    return lines


def _side_by_side(schema: dict, data: dict, names: dict) -> dict:
    """Seed 000's paper: one table, ที่ and a column per section (or per `print_columns` entry), each cell
    listing what was ticked or given. With a table section among the columns, each of its rows is a
    numbered row (ที่ ๑, ๒, …) and the columns of field sections span them all."""
    import re

    by_key = {s["key"]: s for s in schema["sections"]}
    spec = schema.get("print_columns") or [{"title": s["title"], "section": s["key"]} for s in schema["sections"]]
    table = next((by_key[c["section"]] for c in spec if by_key[c["section"]]["type"] == "table"), None)
    table_rows = [r for r in (data.get(table["key"]) or []) if isinstance(r, dict)] if table else []
    count = max(1, len(table_rows))
    titles = [_("ที่")] + [re.sub(r"^[๐-๙0-9.]+\s*", "", c["title"]) for c in spec]
    rows = []
    for n in range(count):
        cells = [{"lines": [to_thai_digits(n + 1)], "rowspan": 1}]
        for column in spec:
            section = by_key[column["section"]]
            items = section.get("fields") or section.get("columns")
            if column.get("keys"):
                items = [next(f for f in items if f["key"] == key) for key in column["keys"]]
            if section["type"] == "table":
                lines = _row_lines(items, table_rows[n], names) if n < len(table_rows) else []
                cells.append({"lines": lines or ["-"], "rowspan": 1})
            elif n == 0:
                values = data.get(section["key"]) if isinstance(data.get(section["key"]), dict) else {}
                cells.append({"lines": _field_lines(items, values, names) or ["-"], "rowspan": count})
        rows.append(cells)
    return {"key": "all", "title": "", "type": "side_by_side", "part": None, "titles": titles, "rows": rows,
            "kinds": ["no"] + ["text"] * len(spec)}


def sections(schema: dict, data: dict, names: dict) -> list[dict]:
    """Each section ready to print: its part heading (once), title, intro, and either the lines or the
    sentence of a field section, or a table: header rows (two when groups or ticks), kinds, rows of
    values and totals aligned to the printed columns."""
    if schema.get("print") == "side_by_side":
        return [_side_by_side(schema, data, names)]
    out = []
    part = None
    for section in schema["sections"]:
        item = {"key": section["key"], "title": section["title"], "type": section["type"], "part": None}
        if section.get("part") and section["part"] != part:
            item["part"] = part = section["part"]
        given = data.get(section["key"])
        if section["type"] == "fields":
            values = given if isinstance(given, dict) else {}
            fields = [f for f in section["fields"] if f["type"] != "file"]
            if section.get("sentence"):  # the PDF prints the sentence; the XLSX keeps typed lines
                item["sentence"] = section["sentence"].format(
                    **{f["key"]: shown(f, values.get(f["key"]), names) for f in fields})
            item["lines"] = [{"label": f["label"], "value": values.get(f["key"]),
                              "kind": "text" if _ticks(f) else kind_of(f),
                              "text": shown(f, values.get(f["key"]), names)} for f in fields]
            out.append(item)
            continue
        if section.get("print") == "checklist":
            item["checklists"] = _checklists(section, given if isinstance(given, list) else [], names)
            if section.get("intro"):
                item["intro"] = section["intro"].format(rows=format_number(len(item["checklists"])))
            item["type"] = "checklist"
            out.append(item)
            continue
        columns = _columns(section["columns"])
        fixed = section.get("fixed_rows") or []
        lead = [{"label": _("ที่"), "kind": "no"}] + ([{"label": _("กระบวนการ/ขั้นตอน"), "kind": "text"}] if fixed else [])
        top, second = header_rows(columns)
        span = 2 if second else 1
        item["header"] = [{"label": c["label"], "colspan": 1, "rowspan": span} for c in lead] + top
        item["subheader"] = [c["label"] for c in second]
        item["kinds"] = [c["kind"] for c in lead + columns]
        if fixed:
            values = given if isinstance(given, dict) else {}
            rows = [(fixed_row["label"], values.get(fixed_row["key"]) or {}) for fixed_row in fixed]
        else:
            rows = [(None, row) for row in (given if isinstance(given, list) else [])]
        item["rows"] = [[n] + ([label] if fixed else []) + [_value(c, row, names) for c in columns]
                        for n, (label, row) in enumerate(rows, start=1)]
        item["pairs"] = [list(zip(row, item["kinds"], strict=True)) for row in item["rows"]]
        weights = [WEIGHTS.get(kind, 4) for kind in item["kinds"]]
        if fixed:
            weights[1] = 6  # the step's name is the widest text of a fixed table
        item["widths"] = [round(100 * w / sum(weights), 1) for w in weights]
        totals = data.get(f"{section['key']}__totals") or {}
        if section.get("totals") and rows:
            item["totals"] = [_("รวม")] + [None] * (len(lead) - 1) + [
                totals.get(c["field"]["key"]) if c["field"]["key"] in section["totals"] and "option" not in c else None
                for c in columns]
            item["total_columns"] = [len(lead) + i + 1 for i, c in enumerate(columns)
                                     if c["field"]["key"] in section["totals"] and "option" not in c]
        if section.get("intro"):
            item["intro"] = section["intro"].format(rows=format_number(len(rows)))
        out.append(item)
    return out


def _checklists(section: dict, rows: list[dict], names: dict) -> list[dict]:
    columns = [c for c in section["columns"] if c["type"] != "file"]
    title_key = next((c["key"] for c in columns if c["type"] == "text"), None)
    checklists = []
    for row in rows:
        groups: list[dict] = []
        lines = []
        for column in columns:
            if column["key"] == title_key:
                continue
            if column["type"] == "check":
                label = column.get("group") or ""
                if not groups or groups[-1]["label"] != label:
                    groups.append({"label": label, "items": []})
                groups[-1]["items"].append({"label": column["label"], "has": bool(row.get(column["key"]))})
            elif row.get(column["key"]) not in (None, ""):
                lines.append({"label": column["label"], "text": shown(column, row.get(column["key"]), names)})
        title = next(c["label"] for c in columns if c["key"] == title_key) if title_key else ""
        checklists.append({"title": f"{title} {row.get(title_key) or ''}".strip(), "groups": groups, "lines": lines})
    return checklists
