"""Who a source is: kind, role, side and a canonical name shared by mentions of one referent
("a military official" ... "The official emphasized"; "President Putin" ... "he")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from fogofwar.analyze.claims.lexicon import ClaimsLexicon
from fogofwar.analyze.claims.model import np_tokens
from fogofwar.schema import Entity

_DETS = frozenset({"a", "an", "the", "one", "another", "this", "that", "these", "those", "some"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_PRONOUN_KIND = {
    "he": "person",
    "she": "person",
    "i": "person",
    "him": "person",
    "her": "person",
    "they": "group",
    "we": "group",
    "it": "organization",
    "its": "organization",
    "his": "person",
    "their": "group",
}
# Subjects that never speak, even with "said" ("the move said" is a parse error).
_NOT_SPEAKERS = frozenset(
    {
        "development",
        "move",
        "situation",
        "decision",
        "attack",
        "strike",
        "war",
        "fighting",
        "offensive",
        "operation",
        "rhetoric",
        "narrative",
        "capture",
        "fall",
        "time",
        "year",
    }
)
_NAME_ENTS = ("PERSON", "ORG", "NORP", "GPE")
# Shares of a polled group ("74 percent of voters say", "half said", "a third said"): respondents speak.
_SHARES = frozenset(
    {"percent", "per", "%", "half", "third", "quarter", "fifth", "majority", "minority", "plurality", "most"}
)


def _share(head: Token) -> bool:
    """Whether ``head`` is a share of people: "74 percent", "half", "six in 10", "more than 4 in 10"."""
    if head.head.tag_ == "VBG":
        return False  # "said Robin Doe, half joking": a manner, not a share of people
    if head.lemma_.lower() in _SHARES or head.lower_ in _SHARES:
        return True
    # "six in 10": the parser hangs "in" on the number as a quantifier or a preposition
    return head.like_num and any(
        c.lower_ == "in" and c.dep_ in ("quantmod", "prep") for c in head.children
    )
# Roles that speak for a state: when the mention names no side, the claim's context may.
STATE_ROLES = frozenset(
    {
        "official",
        "military official",
        "defense official",
        "intelligence official",
        "security official",
        "spokesperson",
        "commander",
        "officer",
        "general",
        "soldier",
        "fighter",
        "military source",
        "minister",
        "diplomat",
        "governor",
        "president",
    }
)


@dataclass
class SourceInfo:
    kind: str
    role: str | None
    side: str
    canonical: str | None
    head_lemma: str
    anaphor: str | None = None  # "pronoun" | "definite" when it points back to an earlier mention


def _ngram_lookup(
    words: list[str], table: dict[tuple[str, ...], object], max_len: int, end: int | None = None
) -> tuple[int, int, object] | None:
    """The longest entry of ``table`` among n-grams of ``words`` (ending at ``end`` if given)."""
    best: tuple[int, int, object] | None = None
    ends = [end] if end is not None else range(len(words), 0, -1)
    for e in ends:
        for n in range(min(max_len, e), 0, -1):
            value = table.get(tuple(words[e - n : e]))
            if value is not None and (best is None or n > best[1] - best[0]):
                best = (e - n, e, value)
                break
    return best


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The Doc's named entities, built once per Doc (``doc.ents`` builds them anew on each access)."""
    cached = doc.user_data.get("fogofwar_claims_ents")
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), tuple(doc.ents))
        doc.user_data["fogofwar_claims_ents"] = cached
    ents: tuple[Span, ...] = cached[1]
    return ents


def _entities_in(span: Span, entities: list[Entity]) -> list[Entity]:
    return [e for e in entities if e.start < span.end_char and span.start_char < e.end]


def _display(tokens: list[Token]) -> str:
    words = []
    for t in tokens:
        if t.is_punct or t.lower_ in ("'s", "’s"):
            continue
        keep_case = t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS
        words.append(t.text if keep_case else t.lower_)
    return " ".join(words)


def _name_tokens(ent: Span, lex: ClaimsLexicon) -> list[Token]:
    """A person's name with first names the tagger left out ("Rustem" of "Minister Rustem Umerov")."""
    doc = ent.doc
    start = ent.start
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and (doc[start - 1].lower_,) not in lex.sources
        and (doc[start - 1].lower_,) not in lex.sides
        and (doc[start - 1].lemma_.lower(),) not in lex.sources
    ):
        start -= 1
    return [t for t in doc[start : ent.end] if not t.is_punct and t.lower_ not in ("'s", "’s")]


def full_names(doc: Doc, entities: list[Entity], lex: ClaimsLexicon) -> dict[str, str]:
    """Surname -> the longest person name in the article ending with it ("Putin" -> "Vladimir Putin")."""
    names: dict[str, str] = {}
    for e in entities:
        if e.label == "PERSON" and e.canonical:
            names.setdefault(e.canonical.split()[-1].lower(), e.canonical)
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON":
            words = [t.text for t in _name_tokens(ent, lex)]
            if words and len(" ".join(words)) > len(names.get(words[-1].lower(), "")):
                names[words[-1].lower()] = " ".join(words)
    return names


def describe(
    span: Span, head: Token, lex: ClaimsLexicon, entities: list[Entity], names: dict[str, str]
) -> SourceInfo:
    head_lemma = head.lemma_.lower()
    words = [t.lower_ for t in span]
    lemmas = [t.lemma_.lower() for t in span]
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl" and head.head.head.pos_ in ("NOUN", "PROPN"):
        # "the ministry, which said ...": the relative pronoun is the noun it follows
        noun = head.head.head
        tokens = np_tokens(noun)
        return describe(noun.doc[tokens[0].i : tokens[-1].i + 1], noun, lex, entities, names)
    if head.pos_ == "PRON":
        return SourceInfo(
            _PRONOUN_KIND.get(head.lower_, "person"), None, "unknown", None, head_lemma, "pronoun"
        )
    head_pos = head.i - span.start + 1
    hit = _ngram_lookup(lemmas, lex.sources, lex.max_source_len, head_pos) or _ngram_lookup(
        words, lex.sources, lex.max_source_len, head_pos
    )
    cls, role = hit[2] if hit else (None, None)  # type: ignore[misc]
    if hit is None and head.pos_ == "PROPN":
        # a title before a name ("President Putin", "Kremlin spokesman Dmitry Peskov") gives the role
        title = _ngram_lookup(lemmas, lex.sources, lex.max_source_len)
        if title is not None and title[2][0] == "human":  # type: ignore[index]
            role = title[2][1]  # type: ignore[index]
    ents = _entities_in(span, entities)
    # an entity names the source only when it covers the head ("Russian" in "A Russian fighter" does not)
    own = [e for e in ents if e.start <= head.idx < e.end]
    person = next((e for e in own if e.label == "PERSON"), None)
    span_ents = [e for e in doc_ents(span.doc) if span.start <= e.start and e.end <= span.end]
    ner_person = next((e for e in span_ents if e.label_ == "PERSON"), None)
    head_is_body = hit is not None and hit[1] == head_pos and cls in ("org", "media")
    if head_is_body and person is None:
        ner_person = None  # "Kyiv said": a capital speaking for its government, not a person
    if (
        person is None
        and ner_person is None
        and not head_is_body
        and head.pos_ == "PROPN"
        and head.lower_ in names
    ):
        ner_person = span[
            head.i - span.start : head.i - span.start + 1
        ]  # "Kovalchuk said", once named in full
    if role is None:
        role = _appos_role(head, lex)
    ner_org = next((e for e in span_ents if e.label_ == "ORG"), None)
    canonical: str | None
    if person is not None or ner_person is not None:
        kind = "person"
        if person is not None:
            canonical = person.canonical or person.text
            role = person.role or role
        else:
            assert ner_person is not None
            name = _name_tokens(ner_person, lex)
            canonical = names.get(name[-1].lower_, " ".join(t.text for t in name)) if name else None
    else:
        org = next((e for e in own if e.label not in ("PERSON", "DATE", "TIME", "CARDINAL")), None)
        canonical = (org.canonical or org.text) if org is not None and org.canonical else None
        if cls == "media" or (hit is None and ner_org is not None and _is_media(words, lex)):
            kind = "media"
        elif cls is None and ner_org is None and org is None and _looks_like_surname(span, head):
            kind = "person"
            canonical = names.get(head.lower_, head.text)
        elif cls == "org" or (
            cls is None and (ner_org is not None or org is not None or head.pos_ == "PROPN")
        ):
            kind = "organization"
        elif cls == "doc":
            kind = "document"
        elif head.tag_ in ("NNS", "NNPS") or any(t.lower_ in ("some", "many", "several") for t in span):
            kind = "group"
        else:
            kind = "anonymous"
        if canonical is None:
            canonical = _display([t for t in span if t.lower_ not in _DETS])
        if kind == "organization" and head.pos_ == "PROPN" and (_appos(head, lex) or ("", None))[0] == "human":
            kind = "person"  # "Oleksandr Shtupun, a spokesman for ...": a name with a person's job
    side = _side(span, words, lex, own, ents)
    definite = any(t.dep_ == "det" and t.lower_ in _DEFINITE and t.head == head for t in span)
    named = person is not None or ner_person is not None or ner_org is not None or head.pos_ == "PROPN"
    anaphor = "definite" if definite and not named and side == "unknown" else None
    return SourceInfo(kind, role, side, canonical or None, head_lemma, anaphor)


def _looks_like_surname(span: Span, head: Token) -> bool:
    """A lone capitalised name the tagger did not label ("Merrill says"): a person, not "ISW"."""
    return head.pos_ == "PROPN" and len(span) == 1 and head.text[:1].isupper() and not head.text.isupper()


def _appos(head: Token, lex: ClaimsLexicon) -> tuple[str, str | None] | None:
    """The (class, role) an apposition gives ("Andrii Kovalchuk, a spokesperson for the brigade")."""
    for child in head.children:
        if child.dep_ == "appos":
            words = [t.lemma_.lower() for t in child.lefts] + [child.lemma_.lower()]
            hit = _ngram_lookup(words, lex.sources, lex.max_source_len, len(words))
            if hit is not None:
                return hit[2]  # type: ignore[return-value]
    return None


def _appos_role(head: Token, lex: ClaimsLexicon) -> str | None:
    found = _appos(head, lex)
    return found[1] if found else None


def _is_media(words: list[str], lex: ClaimsLexicon) -> bool:
    return any(lex.sources.get((w,), ("",))[0] == "media" for w in words)


def _side(span: Span, words: list[str], lex: ClaimsLexicon, own: list[Entity], ents: list[Entity]) -> str:
    for e in own:
        if e.side and e.side != "unknown":
            return e.side
    # "Russian and Ukrainian delegations" speak for no one side
    found = {str(h[2]) for e in range(1, len(words) + 1) if (h := _ngram_lookup(words, lex.sides, 1, e))}
    if len(found & {"russia", "ukraine"}) > 1 and any(t.pos_ == "CCONJ" for t in span):
        return "unknown"
    # the side word nearest the head wins ("a Ukrainian official in Moscow" is Ukrainian)
    for end in range(len(words), 0, -1):
        hit = _ngram_lookup(words, lex.sides, lex.max_side_len, end)
        if hit is not None:
            return str(hit[2])
    for e in ents:
        if e.side and e.side != "unknown":
            return e.side
    return "unknown"


def context_side(
    doc: Doc, lo: int, hi: int, skip: list[tuple[int, int]], lex: ClaimsLexicon, entities: list[Entity]
) -> str:
    """The one side of the named people and organisations in chars [lo, hi) outside ``skip``
    (the claim's content: what a source talks about says nothing of whom it speaks for)."""
    sides: set[str] = set()

    def outside(s: int, e: int) -> bool:
        return lo <= s and e <= hi and not any(a < e and s < b for a, b in skip)

    for e in entities:
        if e.label in ("PERSON", "ORG") and e.side and e.side != "unknown" and outside(e.start, e.end):
            sides.add(e.side)
    for ent in doc_ents(doc):
        if not (lo <= ent.start_char and ent.end_char <= hi):
            continue
        if ent.label_ in ("PERSON", "ORG") and outside(ent.start_char, ent.end_char):
            words = [t.lower_ for t in ent]
            hit = _ngram_lookup(words, lex.sides, lex.max_side_len)
            if hit is not None:
                sides.add(str(hit[2]))
    return sides.pop() if len(sides) == 1 else "unknown"


def compatible(info: SourceInfo, prior: SourceInfo, pronoun: str) -> bool:
    """Can ``info`` (an anaphor) point back to ``prior``?"""
    if info.anaphor == "pronoun":
        want = _PRONOUN_KIND.get(pronoun, "person")
        if want == "person":
            return prior.kind in ("person", "anonymous")
        if want == "group":
            return prior.kind in ("group", "organization", "media")
        return prior.kind in ("organization", "media", "document")
    if prior.head_lemma == info.head_lemma:
        return True
    return bool(
        info.role and prior.role and (prior.role == info.role or prior.role.endswith(" " + info.role))
    )


def can_speak(head: Token, lex: ClaimsLexicon, strong: bool = False) -> bool:
    """Whether a subject can be a source: a person, body, outlet or document, not "This development".
    With a verb that only people say (``strong``: "said", "told"), any noun will do but a few."""
    if head.pos_ == "PRON":
        return head.lower_ in _PRONOUN_KIND or head.lower_ in ("who", "which", "that")
    if _share(head):
        return True
    if head.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
        return False
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = head.lemma_.lower()
    if (lemma,) in lex.sources or (head.lower_,) in lex.sources:
        return True
    if strong and head.pos_ == "NOUN" and lemma not in _NOT_SPEAKERS:
        return True
    left = [t.lemma_.lower() for t in head.lefts if t.dep_ == "compound"]
    return bool(left) and (left[-1], lemma) in lex.sources
