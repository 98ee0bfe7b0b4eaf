"""The kinds of community fund the portal keeps (a savings group, a กข.คจ. village fund, a แม่ของแผ่นดิน
fund village), registered by the app that keeps each, so that assessments, handovers and summaries work
for every kind without importing each other.

Each app registers its kind in `AppConfig.ready`:

    kinds.register(FundKind(
        code="poverty", label=_("กองทุน กข.คจ."), model_label="poverty.VillageFund",
        district_field="district", province_field="district__province",
        status=lambda fund: [...],   # the brown book's fields at this moment: [(label, value), ...]
        level_set="123",             # the level set its assessments use: "123" or "ABC"
    ))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps


@dataclass(frozen=True)
class FundKind:
    code: str  # "savings_group", "poverty", "mother_fund"
    label: str
    model_label: str  # "app_label.ModelName"
    district_field: str = "district"  # for accounts.scoping.restrict
    province_field: str | None = "district__province"
    # the fund's state at a handover, as the brown book records it: [(Thai label, value as text)]
    status: Callable[[object], list[tuple[str, str]]] | None = None
    level_set: str = "123"
    # the books/documents a handover checklist asks for, as (code, Thai label)
    handover_items: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def model(self):
        return apps.get_model(self.model_label)


_KINDS: dict[str, FundKind] = {}


def register(kind: FundKind) -> FundKind:
    _KINDS[kind.code] = kind
    return kind


def get(code: str) -> FundKind | None:
    return _KINDS.get(code)


def all_kinds() -> list[FundKind]:
    return list(_KINDS.values())


def choices() -> list[tuple[str, str]]:
    return [(k.code, k.label) for k in _KINDS.values()]


# --- development levels: the latest governance assessment of each fund, for the reports of other apps ---
# (the ข้อ 27 form's ระดับการพัฒนา column). The assessments app registers the one provider.

_LEVELS: list[Callable[[str, list[int]], dict[int, str]]] = []


def register_levels(provider: Callable[[str, list[int]], dict[int, str]]) -> None:
    _LEVELS[:] = [provider]


def latest_levels(code: str, ids) -> dict[int, str]:
    """{fund id: «ระดับ ๓»} from each fund's latest assessment (newest fiscal year, the "after" round
    first); funds never assessed are absent."""
    ids = list(ids)
    if not _LEVELS or not ids:
        return {}
    return _LEVELS[0](code, ids)
