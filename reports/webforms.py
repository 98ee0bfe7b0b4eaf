"""The browser side of the form engine: POSTed field names → submission data, and data + errors →
what the page template shows. Names: "<section>-<field>" for fields, "<section>-<row>-<column>" for
tables (row = index for free tables, the row key for fixed rows)."""

from __future__ import annotations

from django.http import QueryDict

from reports.schema import header_rows, is_reference


def _on_page(field: dict) -> bool:
    """Every field is a cell of the page but files, which are attached apart."""
    return field["type"] != "file"


def _get(post: QueryDict, name: str, field: dict):
    """A multi-choice is a set of ticks sharing one name: all of their values."""
    return post.getlist(name) if field["type"] == "multi_choice" else post.get(name, "")


def post_to_data(schema: dict, post: QueryDict) -> dict:
    data: dict = {}
    for section in schema["sections"]:
        key = section["key"]
        if section["type"] == "fields":
            data[key] = {f["key"]: _get(post, f"{key}-{f['key']}", f) for f in section["fields"]
                         if _on_page(f)}
        elif section.get("fixed_rows"):
            data[key] = {row["key"]: {c["key"]: _get(post, f"{key}-{row['key']}-{c['key']}", c)
                                      for c in section["columns"] if _on_page(c)}
                         for row in section["fixed_rows"]}
        else:
            indices = sorted({int(name.split("-")[1]) for name in post
                              if name.startswith(f"{key}-") and name.split("-")[1].isdigit()})
            data[key] = [{c["key"]: _get(post, f"{key}-{i}-{c['key']}", c) for c in section["columns"]
                          if _on_page(c)} for i in indices]
    return data


def page_sections(schema: dict, data: dict, errors: list[dict], *, options: dict | None = None,
                  advice: list[dict] | None = None) -> list[dict]:
    """Sections ready for the template: every cell with its name, value, error and advice (an observation
    that does not stop the submission); reference cells with their `options` (e.g. the district's
    villages)."""
    options = options or {}
    by_advice = {(a["section"], a["row"], a["column"]): a["message"] for a in advice or []}

    def with_options(field: dict) -> dict:
        if is_reference(field["type"]):
            return {**field, "reference": True, "options": options.get(field["type"], [])}
        return field

    by_cell = {(e["section"], e["row"], e["column"]): e["message"] for e in errors}
    by_section = {}
    for e in errors:
        if e["column"] is None:
            by_section.setdefault(e["section"], []).append(e["message"])
    out = []
    for section in schema["sections"]:
        key = section["key"]
        given = data.get(key)
        item = {"key": key, "title": section["title"], "type": section["type"],
                "errors": by_section.get(key, []), "totals": data.get(f"{key}__totals", {}),
                "total_columns": section.get("totals", [])}
        if section["type"] == "fields":
            values = given if isinstance(given, dict) else {}
            item["fields"] = [{**with_options(f), "name": f"{key}-{f['key']}", "value": values.get(f["key"]),
                               "error": by_cell.get((key, None, f["key"])),
                               "advice": by_advice.get((key, None, f["key"]))}
                              for f in section["fields"] if _on_page(f)]
        else:
            columns = [with_options(c) for c in section["columns"] if _on_page(c)]
            item["columns"] = columns
            item["header"], item["subheader"] = header_rows(columns)
            if section.get("fixed_rows"):
                values = given if isinstance(given, dict) else {}
                rows = [(r["key"], r["label"], values.get(r["key"]) or {}) for r in section["fixed_rows"]]
                item["fixed"] = True
            else:
                values = given if isinstance(given, list) else []
                rows = [(str(i), None, row) for i, row in enumerate(values or [{}])]
                item["fixed"] = False
                item["template_cells"] = [{**c, "name": f"{key}-__i__-{c['key']}", "value": None} for c in columns]
            item["rows"] = [{
                "key": row_key, "label": label,
                "cells": [{**c, "name": f"{key}-{row_key}-{c['key']}", "value": row.get(c["key"]),
                           "error": by_cell.get((key, row_key if label else int(row_key) + 1, c["key"])),
                           "advice": by_advice.get((key, row_key if label else int(row_key) + 1, c["key"]))}
                          for c in columns],
            } for row_key, label, row in rows]
        out.append(item)
    return out


def attachment_targets(schema: dict, data: dict) -> list[tuple[str, str]]:
    """The rows and sections a file can prove: ("section|row|column", a Thai label) for every file column."""
    from cdd_portal.thai import to_thai_digits

    targets = []
    for section in schema["sections"]:
        items = section["fields"] if section["type"] == "fields" else section["columns"]
        for column in (c for c in items if c["type"] == "file"):
            if section["type"] == "fields":
                targets.append((f"{section['key']}||{column['key']}", f"{section['title']}: {column['label']}"))
            elif section.get("fixed_rows"):
                for n, row in enumerate(section["fixed_rows"], start=1):
                    targets.append((f"{section['key']}|{row['key']}|{column['key']}",
                                    f"{section['title'].split()[0]} ข้อ {to_thai_digits(n)} {row['label']}"))
            else:
                rows = data.get(section["key"]) if isinstance(data.get(section["key"]), list) else []
                texts = [c["key"] for c in section["columns"] if c["type"] == "text"]
                texts.sort(key=lambda k: k != "name")  # a row is best known by its name
                for n, row in enumerate(rows, start=1):
                    first = next((row[k] for k in texts if row.get(k)), "")
                    targets.append((f"{section['key']}|{n}|{column['key']}",
                                    f"{section['title'].split()[0]} แถวที่ {to_thai_digits(n)} {first}".strip()))
    return targets
