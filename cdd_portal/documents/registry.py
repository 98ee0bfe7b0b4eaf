"""Export kinds. Each app registers the documents it can make; the pipeline knows them only by name."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

Progress = Callable[[int], None]


@dataclass(frozen=True)
class ExportKind:
    name: str
    # (user, raw params) -> cleaned params; raises PermissionDenied or ValidationError (Thai messages)
    clean: Callable[[object, dict], dict]
    # (user, cleaned params) -> may this user open a file made from these params?
    may_view: Callable[[object, dict], bool]
    # cleaned params -> JSON-able description of every input the document depends on
    inputs: Callable[[dict], object]
    # (cleaned params, format, progress) -> (file content, file name)
    render: Callable[[dict, str, Progress], tuple[bytes, str]]
    formats: tuple[str, ...] = ("xlsx", "pdf")
    version: str = "1"  # bump when the layout changes: old files are no longer reused


_KINDS: dict[str, ExportKind] = {}


def register(kind: ExportKind) -> ExportKind:
    _KINDS[kind.name] = kind
    return kind


def get(name: str) -> ExportKind | None:
    return _KINDS.get(name)


def names() -> list[str]:
    return sorted(_KINDS)


def fingerprint(kind: ExportKind, params: dict, fmt: str) -> str:
    payload = json.dumps([kind.name, kind.version, fmt, params, kind.inputs(params)], sort_keys=True,
                         ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()
