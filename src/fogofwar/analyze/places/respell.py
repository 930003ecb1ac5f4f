"""Other spellings of a name the gazetteer misses or knows only in part ("Andreyevka")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from fogofwar.analyze.places.anchors import anchor_follows
from fogofwar.analyze.places.lexicon import PLACE_LABELS, is_cap
from fogofwar.analyze.places.variants import looks_russian_style, spelling_candidates
from fogofwar.gazetteer.base import Gazetteer, GazetteerEntry

_SETTLEMENT_CUE = re.compile(r"\b(?:village|town|city|settlement)s? of (?:the )?$")


def respelled(doc: Doc, text: str, i: int, end: int, entries: tuple[GazetteerEntry, ...], gaz: Gazetteer,
               exact: dict[tuple[int, int], str]) -> tuple[int, tuple[GazetteerEntry, ...]]:
    """Widen the candidates with other spellings of Ukrainian names ("Andreyevka" is also
    Andriivka, which GeoNames lists only as "Andriyivka"), or find them for a name the gazetteer
    misses where the context says it is a place."""
    if entries:
        name = doc[i:end].text
        if looks_russian_style(name) and any(e.country_code == "UA" for e in entries):
            extra = spelling_candidates(name, gaz)
            seen = {e.geonameid for e in entries}
            entries = entries + tuple(e for e in extra if e.geonameid not in seen)
        return end, entries
    token = doc[i]
    if len(token.text) < 5 or token.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB"):
        return end, entries
    span_end = i + 1
    while span_end < len(doc) and span_end - i < 3 and is_cap(doc[span_end]) and doc[span_end].ent_iob_ == "I":
        span_end += 1
    span = doc[i:span_end]
    label = exact.get((span.start_char, span.end_char))
    if (label in PLACE_LABELS or anchor_follows(text, span.end_char) or looks_russian_style(span.text)
            or _SETTLEMENT_CUE.search(text, max(0, token.idx - 25), token.idx)):
        found = spelling_candidates(span.text, gaz)
        if found:
            return span_end, found
    return end, entries
