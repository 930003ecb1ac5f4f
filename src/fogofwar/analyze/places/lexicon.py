"""The places stage's word lists (``lexicon.toml``) and the token tests they serve."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

LEXICON_PATH = Path(__file__).with_name("lexicon.toml")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    demonyms: frozenset[str]
    open_modifiers: frozenset[str]
    region_words: frozenset[str]
    district_words: frozenset[str]
    settlement_words: frozenset[str]
    titles: frozenset[str]
    feature_words: frozenset[str]
    unit_words: frozenset[str]
    actor_words: frozenset[str]
    not_places: frozenset[str]
    institution_words: frozenset[str]
    name_heads: frozenset[str]
    state_abbreviations: dict[str, str]
    place_verbs: frozenset[str] = frozenset()
    weapons: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    vessels: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    abbreviations = data.pop("state_abbreviations")
    sets = {k: frozenset(w.lower() for w in v) for k, v in data.items()}
    return Lexicon(**sets, state_abbreviations=abbreviations)


def is_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def place_verb_before(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a verb of war comes just before ("troops entered Sudzha", "captured the town of X")."""
    words = text[max(0, start - 40) : start].lower().split()
    if len(words) >= 3 and words[-1] == "of" and words[-3] == "the":
        words = words[:-3]  # "seized the village of"
    return bool(words) and words[-1] in lex.place_verbs
