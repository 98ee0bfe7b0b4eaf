"""Match area names as documents spell them to the official list (e.g. ตาลชุม → ตาลสุม)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

_PREFIXES = re.compile(r"^(จังหวัด|จ\.|อำเภอ|อ\.|ตำบล|ต\.|แขวง|เขต)\s*")


def normalise(name: str) -> str:
    """Compare names without their prefix (ตำบล, ต., อำเภอ …) and without spaces."""
    text = " ".join(str(name or "").split())
    text = _PREFIXES.sub("", text)
    return text.replace(" ", "")


@dataclass(frozen=True)
class Match:
    key: str | None            # the matched official key (a code), or None
    suggestions: list[str]      # the closest official names, best first, when there is no match


def match_name(text: str, candidates: Iterable[tuple[str, str]], *, limit: int = 3,
               cutoff: float = 60) -> Match:
    """`candidates` are (key, official name). An exact match (after normalising) wins; otherwise the
    `limit` closest names by edit similarity, or the first names if none comes close."""
    pairs = list(candidates)
    wanted = normalise(text)
    by_name = {normalise(name): key for key, name in pairs}
    if wanted and wanted in by_name:
        return Match(by_name[wanted], [])
    names = [name for _key, name in pairs]
    choices = [normalise(n) for n in names]
    ranked = process.extract(wanted, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
    if not ranked:
        ranked = process.extract(wanted, choices, scorer=fuzz.ratio, limit=limit)
    return Match(None, [names[index] for _choice, _score, index in ranked])
