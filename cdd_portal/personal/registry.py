"""Which model fields hold national ID numbers, and whose district each record belongs to.

Each app registers its own fields in `AppConfig.ready` (like references and lists):

    personal.register("poverty.TargetHousehold", "national_id", district_of=lambda h: h.fund.district_id,
                      queryset=lambda: TargetHousehold.objects.select_related("fund"))

`reveal` (the only way to see a whole number on a page or through the API) looks the record up here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps


@dataclass(frozen=True)
class PersonalField:
    model_label: str  # "app_label.ModelName"
    field: str
    district_of: Callable[[object], str]  # the record's district code (4 digits)
    queryset: Callable[[], object] | None = None

    @property
    def key(self) -> str:
        return f"{self.model_label.lower()}.{self.field}"

    def model(self):
        return apps.get_model(self.model_label)

    def objects(self):
        return self.queryset() if self.queryset else self.model()._default_manager.all()


_FIELDS: dict[str, PersonalField] = {}


def register(model_label: str, field: str, *, district_of, queryset=None) -> PersonalField:
    item = PersonalField(model_label, field, district_of, queryset)
    _FIELDS[item.key] = item
    return item


def get(model_label: str, field: str) -> PersonalField | None:
    return _FIELDS.get(f"{model_label.lower()}.{field}")


def registered() -> list[PersonalField]:
    return list(_FIELDS.values())
