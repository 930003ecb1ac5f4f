"""The events stage's data files: trigger classes, trigger patterns and the actor lexicon.

Loaded once per process (module-level cache). Triggers are matched by a small matcher of our own,
indexed by the first word of each pattern: spaCy's Matcher with optional tokens cost 20x more here.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

from fogofwar.schema import SUB_EVENT_TYPES

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent.parent / "data"
CLASSES_FILE = DATA / "events_classes.tsv"
TRIGGERS_FILE = DATA / "events_triggers.tsv"
ACTORS_FILE = DATA / "events_actors.tsv"
WORDS_FILE = DATA / "events_words.toml"

POS_TAGS = {"V": ("VERB", "AUX"), "N": ("NOUN", "PROPN"), "*": None}


@dataclass(frozen=True, slots=True)
class TriggerClass:
    name: str
    sub_event_type: str
    weak: bool
    weight: float


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    countries: dict[str, tuple[str, str]]  # lower-cased name -> (ISO alpha-2, side)
    country_names: dict[str, str]  # ISO alpha-2 -> the name used in ACLED actor names
    heads: dict[str, tuple[str, str]]  # lower-cased head noun -> (kind, ACLED name prefix)
    groups: dict[str, tuple[str, str]]  # lower-cased group name -> (canonical, side)
    max_words: int  # the longest name, in words
    group_inter: dict[str, int]  # a group's canonical name -> its ACLED inter code


@dataclass(frozen=True, slots=True)
class Lexicon:
    classes: dict[str, TriggerClass]
    patterns: tuple[tuple[str, str, str], ...]  # (pattern, pos, class)
    actors: ActorLexicon


def _rows(path: Path, ncols: int) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < ncols:
                raise ValueError(f"{path}:{lineno}: expected {ncols} tab-separated columns, got {len(cols)}")
            rows.append([c.strip() for c in cols])
    return rows


@cache
def words() -> dict[str, frozenset[str]]:
    """The word lists of events_words.toml, by name."""
    with open(WORDS_FILE, "rb") as f:
        data = tomllib.load(f)
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items()}


@cache
def load_lexicon() -> Lexicon:
    classes: dict[str, TriggerClass] = {}
    for name, sub, weak, weight in (r[:4] for r in _rows(CLASSES_FILE, 4)):
        if sub not in SUB_EVENT_TYPES:
            raise ValueError(f"{CLASSES_FILE}: {sub!r} is not an ACLED sub-event type; allowed: {SUB_EVENT_TYPES}")
        classes[name] = TriggerClass(name, sub, weak == "1", float(weight))
    patterns = []
    for pattern, pos, cls in (r[:3] for r in _rows(TRIGGERS_FILE, 3)):
        if cls not in classes:
            raise ValueError(f"{TRIGGERS_FILE}: unknown class {cls!r}; allowed: {sorted(classes)}")
        if pos not in POS_TAGS:
            raise ValueError(f"{TRIGGERS_FILE}: pos {pos!r} must be one of {sorted(POS_TAGS)}")
        patterns.append((pattern, pos, cls))
    log.debug("events lexicon: %d classes, %d trigger patterns", len(classes), len(patterns))
    return Lexicon(classes, tuple(patterns), _load_actors())


def _load_actors() -> ActorLexicon:
    countries: dict[str, tuple[str, str]] = {}
    country_names: dict[str, str] = {}
    heads: dict[str, tuple[str, str]] = {}
    groups: dict[str, tuple[str, str]] = {}
    group_inter: dict[str, int] = {}
    longest = 1
    for row in _rows(ACTORS_FILE, 3):
        kind, names, value = row[:3]
        side = row[3] if len(row) > 3 and row[3] else "unknown"
        for name in names.split("|"):
            key = name.lower()
            longest = max(longest, len(key.split()))
            if kind == "country":
                iso, _, cname = value.partition(":")
                countries.setdefault(key, (iso, side))
                country_names[iso] = cname or iso
            elif kind == "group":
                groups[key] = (value, side)
                if len(row) > 4 and row[4]:
                    group_inter[value] = int(row[4])
            else:
                heads[key] = (kind, value)
    return ActorLexicon(countries, country_names, heads, groups, longest, group_inter)


@dataclass(frozen=True, slots=True)
class Pattern:
    words: tuple[frozenset[str] | None, ...]  # None: one optional token of any kind (not punctuation)
    pos: tuple[str, ...] | None  # allowed POS of the first token (a verb), or of the last (a noun phrase)
    cls: str
    pos_last: bool = False


@dataclass(frozen=True, slots=True)
class TriggerIndex:
    """Patterns indexed by the words their first token may be, plus those words as spaCy hashes."""

    by_first: dict[str, tuple[Pattern, ...]]
    first_hashes: frozenset[int]


@cache
def trigger_index() -> TriggerIndex:
    from spacy.strings import hash_string

    by_first: dict[str, list[Pattern]] = {}
    for pattern, pos, cls in load_lexicon().patterns:
        words = tuple(None if w == "?" else frozenset(w.lower().split("|")) for w in pattern.split())
        if words[0] is None:
            raise ValueError(f"{TRIGGERS_FILE}: pattern {pattern!r} must not start with '?'")
        # a noun pattern's POS is its head's, the last word ("aerial bombardment", "explosive device")
        pat = Pattern(words, POS_TAGS[pos], cls, pos == "N" and len(words) > 1)
        for w in words[0]:
            by_first.setdefault(w, []).append(pat)
    frozen = {w: tuple(ps) for w, ps in by_first.items()}
    return TriggerIndex(frozen, frozenset(hash_string(w) for w in frozen))


def match_triggers(doc: Doc) -> list[tuple[str, int, int]]:
    """(class, start, end) of every pattern match, all lengths, as spaCy's Matcher would give them.

    Candidate tokens are found on the whole Doc at once (arrays of lemma and lower-case hashes), so
    the Python work is proportional to the number of trigger words, not of tokens.
    """
    index = trigger_index()
    arr = doc.to_array([LEMMA, LOWER])
    hashes = np.fromiter(index.first_hashes, dtype=np.uint64, count=len(index.first_hashes))
    hits = np.flatnonzero(np.isin(arr[:, 0], hashes) | np.isin(arr[:, 1], hashes))
    out: list[tuple[str, int, int]] = []
    n = len(doc)
    for i in hits.tolist():
        tok = doc[i]
        keys = {tok.lemma_.lower(), tok.lower_}
        seen: set[Pattern] = set()
        for key in keys:
            for pat in index.by_first.get(key, ()):
                if pat in seen:
                    continue
                seen.add(pat)
                if pat.pos is not None and not pat.pos_last and tok.pos_ not in pat.pos:
                    continue
                for end in _ends(doc, pat.words, 1, i + 1, n):
                    if pat.pos is None or not pat.pos_last or doc[end - 1].pos_ in pat.pos:
                        out.append((pat.cls, i, end))
    return out


def _ends(doc: Doc, words: tuple[frozenset[str] | None, ...], k: int, at: int, n: int) -> list[int]:
    if k == len(words):
        return [at]
    want = words[k]
    if want is None:  # optional: skip it, or take one non-punctuation token
        found = _ends(doc, words, k + 1, at, n)
        if at < n and not doc[at].is_punct:
            found += _ends(doc, words, k + 1, at + 1, n)
        return found
    if at >= n:
        return []
    tok = doc[at]
    if tok.lemma_.lower() in want or tok.lower_ in want:
        return _ends(doc, words, k + 1, at + 1, n)
    return []
