"""Registry lists that can be exported and imported as workbooks, registered by the app that owns them
(like the export kinds of cdd_portal.documents and the reference kinds of cdd_portal.references).

A list names its scoped selector, its FilterSet (the same one its page and its API use) and its columns.
Every column exports (all columns, Thai headers); the columns that have a `parse`-side (`importable`)
make the import template, with the other wordings district offices give them (`aliases`). A list that
imports also gives `check` (every row checked against the district's registries, nothing written) and
`write` (the valid rows written through the app's services).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _lazy


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the Thai header
    value: Callable[[object], object] | None = None  # export: the cell of one row (None: not exported)
    kind: str = "text"  # text | integer | money | date | check
    width: int = 18
    importable: bool = False  # a column of the import template
    required: bool = False  # the import refuses a file without it
    aliases: tuple[str, ...] = ()  # other headers meaning the same column
    help: str = ""  # the template's explanation of the column


def area_columns(path: str = "") -> tuple[Column, Column]:
    """The province and district columns of a record whose district is reached through `path`
    ("" for a record with its own district, "center" for a centre's meeting)."""
    def district(obj):
        for part in filter(None, path.split(".")):
            obj = getattr(obj, part)
        return obj.district

    return (Column("province", _lazy("จังหวัด"), lambda o: district(o).province.name_th),
            Column("district", _lazy("อำเภอ"), lambda o: district(o).name_th))


def updated_column() -> Column:
    """When the record was last changed, as a date (local time)."""
    from django.utils import timezone

    return Column("updated_at", _lazy("แก้ไขล่าสุด"), lambda o: timezone.localdate(o.updated_at), kind="date")


@dataclass(frozen=True)
class RegistryList:
    name: str  # "otop-products": the URL and export parameter
    title: str  # «ทะเบียนผลิตภัณฑ์ OTOP»
    queryset: Callable[[object], object]  # user -> the scoped queryset the list page shows
    columns: tuple[Column, ...]
    filterset: type | None = None  # the list's RegistryFilterSet
    order_by: tuple[str, ...] = ("pk",)
    # import: (district, [{"row": n, "cells": {key: text}}]) -> the same rows with "values", "errors",
    # "suggestions" (checked, nothing written); and (user, district, valid rows) -> how many written
    check: Callable | None = None
    write: Callable | None = None
    list_url: str = ""  # the URL name of the list page (back links)
    notes: tuple[str, ...] = field(default_factory=tuple)  # lines of the template's explanation sheet

    @property
    def export_columns(self) -> list[Column]:
        return [c for c in self.columns if c.value is not None]

    @property
    def import_columns(self) -> list[Column]:
        return [c for c in self.columns if c.importable]

    @property
    def imports(self) -> bool:
        return self.check is not None and self.write is not None


_LISTS: dict[str, RegistryList] = {}


def register(registry_list: RegistryList) -> RegistryList:
    _LISTS[registry_list.name] = registry_list
    return registry_list


def get(name: str) -> RegistryList | None:
    return _LISTS.get(name)


def names() -> list[str]:
    return sorted(_LISTS)


def page_actions(user, name: str, filterset=None, **extra) -> dict:
    """What a list page offers: the export of the list as filtered (through the pipeline; `extra` are
    filters the page applies beyond its FilterSet's form, such as is_active), and the import for the
    district office that keeps the registry. For the template include lists/_actions.html."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from cdd_portal.accounts.scoping import registry_district

    registry_list = get(name)
    filters = [] if filterset is None or filterset.data is None else [
        (k, v) for k, v in filterset.data.items() if k != "page" and v not in (None, "")]
    filters += [(k, v) for k, v in extra.items() if k not in dict(filters)]
    return {"list_name": name, "list_export_params": [("list", name), *filters],
            "list_export_formats": [("xlsx", _("ส่งออก Excel (.xlsx)"))],
            "list_import_url": (reverse("lists:import", args=[name])
                                if registry_list is not None and registry_list.imports and registry_district(user)
                                else "")}
