"""Filling a report's registry table from a workbook: a district's whole month of savings-group figures,
one row per group of its registry, as the district already keeps them in Excel.

Nothing is written unless every row is clean. The file is read like the registry imports
(`cdd_portal.lists.imports`: the header found below a title, wrapped or differently worded headers
matched, Thai digits read, total rows skipped); each row's key cell must name a record of the office's
own registry exactly (a name spelt differently is reported with the closest registry names, never
guessed), each value is checked by the form engine with its Thai reason (an interest rate above the
legal 15 % a year…). When all rows are clean they replace the draft's rows of the same records; the
draft's other rows stay, and the save is one event of the submission's history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook
from rapidfuzz import fuzz, process

from cdd_portal import references as registries
from cdd_portal.lists import imports as reader
from cdd_portal.lists.registry import Column, RegistryList
from cdd_portal.spreadsheets import header_row, workbook_bytes
from cdd_portal.thai import to_arabic_digits, to_thai_digits
from reports import schema as engine
from reports import selectors
from reports.models import Submission
from reports.services.workflow import _locked_current, _require_edit, _store

KEY_ALIASES = ("ชื่อกลุ่ม", "กลุ่ม", "ชื่อกลุ่มออมทรัพย์", "ชื่อกลุ่มออมทรัพย์เพื่อการผลิต", "ชื่อ")


@dataclass
class TableImport:
    section: dict
    headers: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)  # {"sheet_row", "key_text", "reference_id", "values", "errors"}
    skipped: list[dict] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # labels of required columns the header does not name
    unused_headers: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> list[dict]:
        return [r for r in self.rows if r["errors"]]

    @property
    def clean(self) -> bool:
        return not self.missing and bool(self.rows) and not self.bad_rows


def importable_sections(schema: dict) -> list[dict]:
    """Free tables keyed by a reference column: the ones a workbook can fill row by row."""
    out = []
    for section in schema.get("sections", []):
        if section.get("type") != "table" or section.get("fixed_rows"):
            continue
        if _key_column(section) is not None:
            out.append(section)
    return out


def _key_column(section: dict) -> dict | None:
    key = (section.get("prefill") or {}).get("column")
    columns = section.get("columns", [])
    chosen = next((c for c in columns if c.get("key") == key), None) if key else None
    chosen = chosen or next((c for c in columns if engine.is_reference(c.get("type", ""))), None)
    return chosen if chosen is not None and engine.is_reference(chosen.get("type", "")) else None


def _section(submission: Submission, section_key: str) -> dict:
    for section in importable_sections(submission.form.schema):
        if section["key"] == section_key:
            return section
    raise ValidationError(_("ตารางนี้นำเข้าจากไฟล์ไม่ได้"))


def _layout(section: dict) -> RegistryList:
    """The table's columns as the workbook reader knows columns (the computed ones are not read)."""
    key = _key_column(section)
    kind = registries.reference(key["type"])
    columns = []
    for column in section["columns"]:
        if column.get("formula"):
            continue
        aliases = (*KEY_ALIASES, str(kind.label)) if column is key else ()
        columns.append(Column(column["key"], column["label"], kind="text" if column is key else column["type"],
                              importable=True, required=bool(column.get("required")), aliases=aliases))
    return RegistryList(name=f"report-table-{section['key']}", title=section["title"], queryset=lambda user: None,
                        columns=tuple(columns))


_SPACES = re.compile(r"\s+")


def _norm(text) -> str:
    return _SPACES.sub(" ", to_arabic_digits(str(text or ""))).strip().lower()


def check(user, submission: Submission, section_key: str, file) -> TableImport:
    """Read and check the workbook against the draft's table (nothing is written)."""
    _require_edit(user, submission)
    section = _section(submission, section_key)
    layout = _layout(section)
    result = TableImport(section=section)
    headers, raw_rows, result.skipped = reader.read_workbook(file, layout)
    result.headers = headers
    mapping = reader.auto_mapping(layout, headers)
    result.missing = [c.label for c in reader.missing_columns(layout, mapping)]
    result.unused_headers = [h for i, h in enumerate(headers) if h and i not in mapping.values()]
    if result.missing:
        return result

    key = _key_column(section)
    kind = registries.reference(key["type"])
    options = selectors.reference_options(submission).get(key["type"], [])
    names = kind.names([pk for pk, _label in options])
    lookup: dict[str, int] = {}
    for pk, label in options:
        lookup.setdefault(_norm(label), pk)
        lookup.setdefault(_norm(names.get(pk, "")), pk)
    choices = {pk: names.get(pk) or label for pk, label in options}

    seen: dict[int, int] = {}
    raw_table = []
    for number, cells in raw_rows:
        values = {k: (cells[i] if i < len(cells) else "") for k, i in mapping.items()}
        text = values.get(key["key"], "")
        row = {"sheet_row": number, "key_text": text, "reference_id": None, "values": values, "errors": []}
        ident = lookup.get(_norm(text)) if text else None
        if not text:
            row["errors"].append(_("ไม่ได้ระบุ%(kind)s") % {"kind": kind.label})
        elif ident is None:
            close = [name for name, score, _pk in process.extract(text, choices, scorer=fuzz.WRatio, limit=3)
                     if score >= 60]
            message = _("ไม่พบ «%(text)s» ในทะเบียน%(kind)sของสำนักงาน") % {"text": text, "kind": kind.label}
            if close:
                message += " " + _("ชื่อที่ใกล้เคียงในทะเบียน: %(names)s (แก้ชื่อในไฟล์ให้ตรงกับทะเบียน)") % {
                    "names": ", ".join(f"«{n}»" for n in close)}
            row["errors"].append(message)
        elif ident in seen:
            row["errors"].append(_("%(kind)sนี้มีในไฟล์แล้วที่แถว %(n)s") % {
                "kind": kind.label, "n": to_thai_digits(str(seen[ident]))})
        else:
            seen[ident] = number
            row["reference_id"] = ident
        for column in section["columns"]:
            if column["type"] == "percent" and values.get(column["key"]):
                values[column["key"]] = values[column["key"]].replace("%", "").strip()
        raw_table.append({**values, key["key"]: row["reference_id"] if row["reference_id"] else text})
        result.rows.append(row)

    clean, errors = engine.validate_data({"sections": [section]}, {section["key"]: raw_table},
                                         references=selectors.references(submission))
    by_key = {c["key"]: c for c in section["columns"]}
    for error in errors:
        if error.get("row") is None:
            continue
        row = result.rows[error["row"] - 1]
        if error["column"] == key["key"] and row["errors"]:
            continue  # the registry match already said what is wrong with the name
        column = by_key.get(error["column"])
        problem = error["message"].split(f"ช่อง «{column['label']}»: ", 1)[-1] if column else error["message"]
        row["errors"].append(f"{column['label'] if column else ''}: {problem}")
    for row, cleaned in zip(result.rows, clean.get(section["key"], []), strict=False):
        row["values"] = cleaned
    return result


@transaction.atomic
def apply(user, submission: Submission, section_key: str, file, *, version: int) -> tuple[TableImport, Submission | None]:
    """Check the workbook and, only if every row is clean, put its rows into the draft (the rows of the
    same records are replaced, the others stay). (result, saved submission or None when nothing was written)."""
    result = check(user, submission, section_key, file)
    if not result.clean:
        return result, None
    current = _locked_current(user, submission, version)
    key = _key_column(result.section)["key"]
    imported = {r["reference_id"]: r["values"] for r in result.rows}
    rows = []
    for row in current.data.get(section_key) or []:
        ident = row.get(key) if isinstance(row, dict) else None
        rows.append(imported.pop(ident) if ident in imported else row)
    rows.extend(imported.values())
    data = {**current.data, section_key: rows}
    saved, _errors = _store(user, current, data, "import")
    return result, saved


def template(submission: Submission, section_key: str) -> bytes:
    """A workbook of the table's columns with one row per row of the draft (the registry's names and
    what the draft holds), to fill and bring back."""
    section = _section(submission, section_key)
    layout = _layout(section)
    key = _key_column(section)
    kind = registries.reference(key["type"])
    draft_rows = [r for r in submission.data.get(section_key) or [] if isinstance(r, dict)]
    ids = [r.get(key["key"]) for r in draft_rows if isinstance(r.get(key["key"]), int)]
    names = kind.names(ids)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "ข้อมูล"
    columns = layout.import_columns
    header_row(sheet, [c.label for c in columns], [40 if c.key == key["key"] else 18 for c in columns])
    for row in draft_rows:
        sheet.append([names.get(row.get(c.key), "") if c.key == key["key"] else row.get(c.key)
                      for c in columns])
    return workbook_bytes(workbook)
