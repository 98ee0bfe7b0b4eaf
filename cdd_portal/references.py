"""How registries plug into the report engine: reference kinds and prefill sources, each registered by
the app that owns the registry (in its AppConfig.ready), like the export kinds of `cdd_portal.documents`.

- A **reference kind** is a field type of a report form whose value is the id of a row of a registry
  of the submitting office's area: ``"village"`` (geo), ``"group"`` (funds), ``"center"`` (centers)…
  The engine asks the kind for an office's choices, checks a value against them, and asks for names
  when a document prints them. It never imports the registry.
- A **prefill source** gives a new (or refilled) submission its starting values from a registry: a
  field source returns one value (``budgets.allocated``: what the office received), a table source
  returns rows keyed by a reference column (``funds.savings_groups``: one row per active group).

A definition naming a reference kind or a prefill source that nobody registered is refused when it is
saved (`reports.schema.validate_schema`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ReferenceKind:
    name: str  # the field type in a schema
    label: str  # what a field of this kind refers to, in Thai («หมู่บ้าน»)
    # office -> [(id, Thai label)] the office may choose (a district office its district's rows, a province
    # office its province's), in the order a drop-down lists them
    options: Callable[[object], list[tuple[int, str]]]
    # ids -> {id: name} as documents and consolidations print them
    names: Callable[[Iterable[int]], dict[int, str]]
    not_chosen: str = ""  # the message for a value that is not an id («ต้องเลือกหมู่บ้านจากรายการ»)
    not_found: str = ""  # the message for an id that is not the office's own


@dataclass(frozen=True)
class PrefillContext:
    """What a source knows of the submission it fills: whose it is and which period."""

    office: object  # cdd_portal.accounts.models.Office
    fiscal_year: int
    start: date
    end: date
    form_code: str = ""


@dataclass(frozen=True)
class PrefillSource:
    name: str  # "app.what", as definitions name it
    label: str  # in Thai, for the definition editor
    target: str  # "field" (one value) or "table" (rows keyed by a reference column)
    # (context, the definition's spec) -> a value (field; None = nothing to fill) or a list of row dicts
    # (table; each with the key column set)
    fill: Callable[[PrefillContext, dict], object]
    reference: str | None = None  # table sources: the reference kind of the key column
    # the spec's own keys beyond "source" (and for tables "column", "carry_forward"): their names
    options: tuple[str, ...] = field(default_factory=tuple)
    # spec -> Thai messages about its options' values (a seat or a plan kind that does not exist)
    check: Callable[[dict], list[str]] | None = None


_REFERENCES: dict[str, ReferenceKind] = {}
_SOURCES: dict[str, PrefillSource] = {}


def register_reference(kind: ReferenceKind) -> ReferenceKind:
    _REFERENCES[kind.name] = kind
    return kind


def register_prefill(source: PrefillSource) -> PrefillSource:
    if source.target not in {"field", "table"}:
        raise ValueError(f"prefill source {source.name}: target must be 'field' or 'table'")
    _SOURCES[source.name] = source
    return source


def reference(name: str) -> ReferenceKind | None:
    return _REFERENCES.get(name)


def reference_kinds() -> list[str]:
    return sorted(_REFERENCES)


def prefill_source(name: str) -> PrefillSource | None:
    return _SOURCES.get(name)


def prefill_sources() -> list[PrefillSource]:
    return [_SOURCES[name] for name in sorted(_SOURCES)]


# --- approved figures: what registries read back from approved reports ----------------------------------
# A registry page (a savings group's money, a province's fund summary) shows the figures of the latest
# *approved* report rows that name its records. The reports app registers the one provider in its
# AppConfig.ready; registries call `approved_figures` / `approved_history` and never import the engine.

@dataclass(frozen=True)
class ApprovedFigures:
    reference_id: int
    form_code: str
    period_label: str  # «ตุลาคม ๒๕๖๘»
    period_end: date
    values: dict  # the row's values by column key (Decimal for money, int for counts)
    submission_id: int


@dataclass(frozen=True)
class FiguresProvider:
    # (reference kind, ids, form code or None, as of date or None) -> {id: ApprovedFigures} (latest each)
    latest: Callable[..., dict[int, ApprovedFigures]]
    # (reference kind, id, form code or None, limit) -> [ApprovedFigures], newest first
    history: Callable[..., list[ApprovedFigures]]


_FIGURES: list[FiguresProvider] = []


def register_figures_provider(provider: FiguresProvider) -> FiguresProvider:
    _FIGURES[:] = [provider]
    return provider


def approved_figures(reference: str, ids: Iterable[int], *, form_code: str | None = None,
                     as_of: date | None = None) -> dict[int, ApprovedFigures]:
    """The latest approved report row naming each of `ids` (a reference of kind `reference`), by id.
    Ids no approved report names are absent. One query whatever the number of ids."""
    ids = list(ids)
    if not _FIGURES or not ids:
        return {}
    return _FIGURES[0].latest(reference, ids, form_code=form_code, as_of=as_of)


def approved_history(reference: str, reference_id: int, *, form_code: str | None = None,
                     limit: int = 12) -> list[ApprovedFigures]:
    """The approved report rows naming one record, newest period first (a group's last 12 months)."""
    if not _FIGURES:
        return []
    return _FIGURES[0].history(reference, reference_id, form_code=form_code, limit=limit)
