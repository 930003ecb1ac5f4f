"""Words that look like places and are not: weapon systems named after places or animals ("Iskander",
"Neptune", "Bradley"), people ("Austin said", "Stalin"), and the gazetteer entries a name really is
the own name of (not only a former or foreign name: "Marina" is not Moscow's Mar'ino district)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from fogofwar.analyze.places.lexicon import Lexicon
from fogofwar.gazetteer.base import Gazetteer, GazetteerEntry
from fogofwar.gazetteer.normalize import normalize

# Feature codes of places that are their own authority on the name: a country, a state, a capital.
OWN_NAME_CODES = frozenset({"PCLI", "ADM1", "PPLC"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def weapon_end(doc: Doc, i: int, lex: Lexicon) -> int:
    """The end token of a weapon system's name starting at token i ("Storm Shadow", "Tochka-U"),
    or 0 when none starts there."""
    best = 0
    for j in range(i + 1, min(i + 4, len(doc)) + 1):
        if doc[i:j].text.lower() in lex.weapons:
            best = j
    return best


def vessel_names(doc: Doc, lex: Lexicon) -> frozenset[str]:
    """Names the article gives ships: a capitalised name right after a ship noun ("the guided-missile
    cruiser Moskva") or compounded before one ("the Moskva cruiser", "the Saratov Alligator-class
    landing ship"). Cities lend ships their names; the ship is no place, here or later in the
    article ("the Moskva attack")."""
    names: set[str] = set()
    for tok in doc:
        if tok.lemma_.lower() not in lex.vessels and tok.lower_ not in lex.vessels:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and nxt.pos_ == "PROPN":
            names.add(nxt.text)
        sent_end = tok.sent.end
        for j in range(tok.i + 1, min(tok.i + 10, sent_end - 2)):
            # "Russia's top warship in the Black Sea, the Moskva": the name set off after the noun
            if doc[j].text == "," and doc[j + 1].lower_ == "the" and doc[j + 2].dep_ == "appos":
                if doc[j + 2].text[:1].isupper() and doc[j + 2].is_alpha:
                    names.add(doc[j + 2].text)
        for child in tok.children:
            named = child.text[:1].isupper() and child.is_alpha and child.pos_ in ("PROPN", "NOUN")
            if child.dep_ == "appos" and named:
                names.add(child.text)  # "the flagship of the fleet, the Moskva" parsed onto the noun
            if (
                child.i < tok.i
                and child.dep_ in ("compound", "nmod")
                and child.text[:1].isupper()
                and child.is_alpha
                and not child.text.isupper()  # "US warship", "UK frigate": the flag, a country
                and child.ent_type_ not in ("GPE", "NORP")
                and child.lower_ not in lex.demonyms
                and child.i > 0
                and doc[child.i - 1].lower_ == "the"  # "the Moskva cruiser", "the Saratov ... ship"
            ):
                names.add(child.text)
    return frozenset(names)


def state_follows(doc: Doc, end: int, lex: Lexicon) -> bool:
    """Whether ", <US state>" follows token ``end`` ("Neptune, N.J.", "Patriot, Indiana")."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    nxt = doc[end + 1].text
    if end + 2 < len(doc) and doc[end + 2].text == "." and not doc[end + 1].whitespace_:
        nxt += "."
    return nxt in lex.state_abbreviations or nxt in lex.state_abbreviations.values()


def own_entries(name: str, entries: tuple[GazetteerEntry, ...], gaz: Gazetteer) -> tuple[GazetteerEntry, ...]:
    """The entries whose own name (or curated alias) the text is, and countries and states."""
    key = normalize(name)
    preferred = gaz.preferred(name)
    return tuple(e for e in entries if normalize(e.name) == key or e.geonameid == preferred
                 or e.feature_code in ("PCLI", "ADM1"))


def speaking_person(token: Token, lex: Lexicon) -> bool:
    """Whether a one-word name is the subject of a verb of saying or thinking ("Austin said",
    "Kirby told reporters", "Albuquerque added"), or a name joined to such a subject ("Kirby and
    Austin said")."""
    for t in (token, token.head if token.dep_ in ("conj", "appos") else None):
        if t is not None and t.dep_ in SUBJECT_DEPS and t.head.lemma_.lower() in lex.speech_verbs:
            return True
    return False


def person_not_place(token: Token, entries: tuple[GazetteerEntry, ...], gaz: Gazetteer, lex: Lexicon) -> bool:
    """A one-word PERSON that speaks is a person unless it is a country's, state's or capital's name
    or a curated spelling ("Kyiv said", "Washington warned": the government, which may be listed)."""
    if gaz.preferred(token.text) is not None or any(e.feature_code in OWN_NAME_CODES for e in entries):
        return False
    return speaking_person(token, lex)


def feature_we_lack(doc: Doc, text: str, span: Span, entries: tuple[GazetteerEntry, ...], label: str | None,
                    gaz: Gazetteer, lex: Lexicon) -> bool:
    """Whether the name is a river, sea or region the gazetteer lacks, that only towns share: "the
    Danube" or "the Atlantic" (NER's LOC, not GPE), "the Danube river" that only a hamlet is named."""
    if not entries or gaz.preferred(span.text) is not None or any(e.feature_class != "P" for e in entries):
        return False
    if label == "LOC" and text[max(0, span.start_char - 4) : span.start_char].lower() == "the ":
        return True
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    return following in lex.feature_words and all(e.population == 0 for e in entries)
