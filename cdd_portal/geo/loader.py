"""Load the bundled DOPA geography (cdd_portal/geo/data, MIT licence) into the database.

Idempotent: rows are compared with what is stored and only differences are written, so a second run
reports that nothing changed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from cdd_portal.geo.models import BANGKOK_CODE, District, Province, Subdistrict

DATA_DIR = Path(__file__).resolve().parent / "data"
MUNICIPALITY_PREFIX = "ท้องถิ่นเทศบาล"


@dataclass
class LoadResult:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(self.created.values()) or any(self.updated.values())


def _read(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _district_kind(row: dict[str, str]) -> str:
    if row["province_code"] == BANGKOK_CODE:
        return District.Kind.KHET
    if row["name_th"].startswith(MUNICIPALITY_PREFIX):
        return District.Kind.MUNICIPALITY
    return District.Kind.DISTRICT


def _sync(model, rows: list[dict], fields: list[str]) -> tuple[int, int]:
    existing = {obj.pk: obj for obj in model.objects.all()}
    to_create, to_update = [], []
    for row in rows:
        obj = existing.get(row["code"])
        if obj is None:
            to_create.append(model(**row))
            continue
        if any(getattr(obj, f) != row[f] for f in fields):
            for f in fields:
                setattr(obj, f, row[f])
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=1000)
    if to_update:
        model.objects.bulk_update(to_update, fields, batch_size=1000)
    return len(to_create), len(to_update)


@transaction.atomic
def load_geography() -> LoadResult:
    provinces = [
        {"code": r["code"], "name_th": r["name_th"], "name_en": r["name_en"], "region_th": r["region_th"],
         "in_department": r["code"] != BANGKOK_CODE}
        for r in _read("provinces.csv")
    ]
    districts = [
        {"code": r["code"], "province_id": r["province_code"], "name_th": r["name_th"], "name_en": r["name_en"],
         "kind": _district_kind(r)}
        for r in _read("districts.csv")
    ]
    subdistricts = [
        {"code": r["code"], "district_id": r["district_code"], "name_th": r["name_th"], "name_en": r["name_en"],
         "postal_code": r["postal_code"]}
        for r in _read("subdistricts.csv")
    ]
    result = LoadResult()
    for label, model, rows, fields in (
        ("provinces", Province, provinces, ["name_th", "name_en", "region_th", "in_department"]),
        ("districts", District, districts, ["province_id", "name_th", "name_en", "kind"]),
        ("subdistricts", Subdistrict, subdistricts, ["district_id", "name_th", "name_en", "postal_code"]),
    ):
        result.created[label], result.updated[label] = _sync(model, rows, fields)
    return result
