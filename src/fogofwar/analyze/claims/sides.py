"""Sides of sources that name none: a local institution speaks for the state its place lies in; a
soldier or unit speaks for the side opposite the one whose forces its words are about. Both rules are
symmetric: swap the sides in an article and the answers swap with them."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from fogofwar.schema import Place

# Bodies of a place's own administration; "official" and the like only with a local word beside them.
LOCAL_HEADS = frozenset({"governor", "mayor", "rescuer", "hospital", "emergency"})
LOCAL_IF_MODIFIED = frozenset(
    {
        "administration",
        "authority",
        "service",
        "department",
        "police",
        "council",
        "official",
        "head",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "prosecutor",
    }
)
LOCAL_WORDS = frozenset(
    {
        "regional",
        "local",
        "city",
        "municipal",
        "district",
        "oblast",
        "provincial",
        "village",
        "town",
        "emergency",
        "health",
    }
)


def is_local(source: Span, head_lemma: str, places: list[Place]) -> bool:
    """Whether a source is a place's own institution ("the regional administration", "the State
    Emergency Service", "Kharkiv officials")."""
    words = {t.lower_ for t in source}
    if head_lemma in LOCAL_HEADS or "emergency" in words:
        return True
    if head_lemma not in LOCAL_IF_MODIFIED:
        return False
    return bool(words & LOCAL_WORDS) or any(
        source.start_char <= p.start and p.end <= source.end_char for p in places if p.country_code
    )


MILITARY_ROLES = frozenset(
    {
        "spokesperson",
        "commander",
        "officer",
        "soldier",
        "fighter",
        "military official",
        "general",
        "military source",
    }
)
MILITARY_HEADS = frozenset(
    {
        "brigade",
        "battalion",
        "regiment",
        "unit",
        "army",
        "force",
        "staff",
        "military",
        "command",
        "headquarters",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "commander",
        "officer",
        "soldier",
        "fighter",
        "serviceman",
    }
)
_COUNTRY_SIDE = {"UA": "ukraine", "RU": "russia"}
_OPPOSITE = {"russia": "ukraine", "ukraine": "russia"}
_SIDE_ADJ = {"russian": "russia", "ukrainian": "ukraine", "russians": "russia", "ukrainians": "ukraine"}
_FORCE_NOUNS = frozenset(
    {
        "soldier",
        "troop",
        "force",
        "unit",
        "army",
        "drone",
        "missile",
        "artillery",
        "assault",
        "group",
        "infantry",
        "tank",
        "position",
        "fighter",
        "bomb",
        "strike",
        "attack",
        "shelling",
        "offensive",
        "military",
        "vehicle",
        "aircraft",
        "jet",
        "prisoner",
    }
)


def _country_side(code: str | None) -> str | None:
    if not code:
        return None
    return _COUNTRY_SIDE.get(code, "other_state")


def place_side(source: Span, sentence: Span, places: list[Place]) -> str:
    """The side of the country a local institution's place lies in: a place in its own name first,
    then in its sentence, then the article's usual country."""
    located = [p for p in places if p.country_code]
    for lo, hi in ((source.start_char, source.end_char), (sentence.start_char, sentence.end_char)):
        inside = [p for p in located if lo <= p.start and p.end <= hi]
        if inside:
            return _country_side(inside[0].country_code) or "unknown"
    counts = Counter(p.country_code for p in located)
    if counts:
        (code, n), *rest = counts.most_common(2) + [(None, 0)]
        if n > rest[0][1]:
            return _country_side(code) or "unknown"
    return "unknown"


def adversary_side(doc: Doc, parts: list[tuple[int, int]]) -> str:
    """The side opposite the only side whose forces a content names ("the unit had taken 14 Russian
    soldiers prisoner" is said from the Ukrainian side)."""
    objects: set[str] = set()
    subjects: set[str] = set()
    for s, e in parts:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            side = _SIDE_ADJ.get(tok.lower_)
            if side is None:
                continue
            if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS"):
                noun = tok  # "the Russians"
            elif tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in _FORCE_NOUNS:
                noun = tok.head
            else:
                continue
            if noun.dep_ == "nsubj":
                if noun.head.dep_ not in ("relcl", "acl"):
                    subjects.add(side)  # its own forces act: "Ukrainian drones had cut the road"
            else:
                objects.add(side)  # the other side's forces undergo: "had taken 14 Russian soldiers prisoner"
    if len(objects) == 1:
        (side,) = objects
        if subjects <= {_OPPOSITE.get(side, "")}:
            return _OPPOSITE.get(side, "unknown")
    return "unknown"
