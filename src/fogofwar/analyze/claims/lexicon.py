"""The claims stage's lexicons (cue verbs and nouns, event triggers, source nouns, side words),
read once per process from ``data/claims_*.tsv``. Users extend them by editing those files."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fogofwar.schema import SIDES

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent.parent / "data"
CUE_KINDS = ("verb", "noun", "event_verb", "event_noun", "falsity")
CUE_CLASSES = ("say", "deny", "hedge", "belief", "frame", "tell", "clause", "judge", "")
SOURCE_CLASSES = ("human", "org", "media", "doc", "anaphor")


@dataclass(frozen=True, slots=True)
class ClaimsLexicon:
    verbs: dict[str, str]  # lemma -> class
    nouns: dict[str, str]  # lemma -> class
    event_verbs: frozenset[str]
    event_nouns: frozenset[str]
    falsity: frozenset[str]
    # source phrases as tuples of lemmas -> (class, role); the longest suffix of a mention wins
    sources: dict[tuple[str, ...], tuple[str, str | None]]
    sides: dict[tuple[str, ...], str]  # word sequences -> side
    max_source_len: int
    max_side_len: int


def _rows(path: Path, ncols: int) -> list[tuple[str, ...]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            cols += [""] * (ncols - len(cols))
            if len(cols) != ncols:
                raise ValueError(f"{path}:{n}: expected {ncols} tab-separated columns, got {line!r}")
            rows.append(tuple(cols))
    return rows


def _check(value: str, allowed: tuple[str, ...], what: str, where: str) -> str:
    if value not in allowed:
        raise ValueError(f"{where}: {what} {value!r} is not one of {', '.join(a for a in allowed if a)}")
    return value


@lru_cache(maxsize=2)
def load_lexicon(data_dir: Path | str = DATA) -> ClaimsLexicon:
    data = Path(data_dir)
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    event_verbs: set[str] = set()
    event_nouns: set[str] = set()
    falsity: set[str] = set()
    cues = data / "claims_cues.tsv"
    for word, kind, cls in _rows(cues, 3):
        _check(kind, CUE_KINDS, "kind", str(cues))
        _check(cls, CUE_CLASSES, "class", str(cues))
        {"verb": verbs, "noun": nouns}.get(kind, {})[word] = cls
        {"event_verb": event_verbs, "event_noun": event_nouns, "falsity": falsity}.get(kind, set()).add(word)
    sources: dict[tuple[str, ...], tuple[str, str | None]] = {}
    src = data / "claims_sources.tsv"
    for phrase, cls, role in _rows(src, 3):
        sources[tuple(phrase.lower().split())] = (
            _check(cls, SOURCE_CLASSES, "class", str(src)),
            role or None,
        )
    sides: dict[tuple[str, ...], str] = {}
    sd = data / "claims_sides.tsv"
    for phrase, side in _rows(sd, 2):
        sides[tuple(phrase.lower().split())] = _check(side, SIDES, "side", str(sd))
    log.debug("claims lexicon: %d verbs, %d nouns, %d source nouns", len(verbs), len(nouns), len(sources))
    return ClaimsLexicon(
        verbs=verbs,
        nouns=nouns,
        event_verbs=frozenset(event_verbs),
        event_nouns=frozenset(event_nouns),
        falsity=frozenset(falsity),
        sources=sources,
        sides=sides,
        max_source_len=max((len(k) for k in sources), default=1),
        max_side_len=max((len(k) for k in sides), default=1),
    )
