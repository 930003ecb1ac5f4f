"""The uncertainty cue lexicon: loaded once per process from ``data/uncertainty_cues.tsv``."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fogofwar.schema import CUE_TYPES

log = logging.getLogger(__name__)

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "uncertainty_cues.tsv"
CONDITIONS = ("any", "modal", "modalpos", "verb", "verbcomp", "vbn", "adj", "sconj", "num")


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One lexicon line: word slots (each a set of alternatives), which slots are in the span."""

    slots: tuple[frozenset[str], ...]
    first: int  # index of the first slot inside the cue span
    last: int  # index of the last slot inside the cue span
    type: str
    when: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    # first word of an entry -> entries starting with it, longest first
    by_first: dict[str, tuple[CueEntry, ...]]


def parse_line(line: str, where: str = "") -> CueEntry | None:
    line = line.rstrip("\n")
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    cols = line.split("\t")
    if len(cols) != 3:
        raise ValueError(f"{where}: expected 'phrase<TAB>type<TAB>when', got {line!r}")
    phrase, cue_type, when = (c.strip() for c in cols)
    if cue_type not in CUE_TYPES:
        raise ValueError(f"{where}: cue type {cue_type!r} is not one of {', '.join(CUE_TYPES)}")
    if when not in CONDITIONS:
        raise ValueError(f"{where}: condition {when!r} is not one of {', '.join(CONDITIONS)}")
    slots: list[frozenset[str]] = []
    inside: list[int] = []
    for k, word in enumerate(phrase.split()):
        context = word.startswith("(") and word.endswith(")")
        slots.append(frozenset(word.strip("()").lower().split("|")))
        if not context:
            inside.append(k)
    if not inside:
        raise ValueError(f"{where}: {phrase!r} has no word inside the cue span")
    return CueEntry(tuple(slots), inside[0], inside[-1], cue_type, when)


def build(entries: list[CueEntry]) -> Lexicon:
    by_first: dict[str, list[CueEntry]] = {}
    for entry in entries:
        for word in entry.slots[0]:
            by_first.setdefault(word, []).append(entry)
    return Lexicon({w: tuple(sorted(es, key=lambda e: -len(e.slots))) for w, es in by_first.items()})


@lru_cache(maxsize=4)
def load_lexicon(path: Path | str = LEXICON_PATH) -> Lexicon:
    """The cue lexicon at ``path`` (cached: read once per process)."""
    entries: list[CueEntry] = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            entry = parse_line(line, f"{path}:{n}")
            if entry is not None:
                entries.append(entry)
    log.debug("loaded %d uncertainty cues from %s", len(entries), path)
    return build(entries)
