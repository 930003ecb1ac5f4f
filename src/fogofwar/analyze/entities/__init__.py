"""The entities stage: who and what an article names, with canonical names, roles and sides.

Mentions come from three places, in this order of precedence where they overlap: the knowledge
file of actors (``data/actors.toml``, see ``fogofwar.analyze.actors``), patterns for armed forces
(label ``MILITARY_UNIT``: "Russian forces", "the Armed Forces of Ukraine", "the 3rd Assault
Brigade"), and spaCy's own entities. Numbers, dates and times are left to other stages.

A title or apposition is the role of the person it names ("Chief of the General Staff" of Valery
Gerasimov), not an entity of its own: entities overlapping a role span are dropped, and what they
say about the side ("Kremlin", "Ukraine's") goes to the person. Without a role in the text, a known
person takes the role the knowledge file gives for the article's publication date.

Sides: the knowledge file's for known actors; a state's for its names, capitals and demonyms and
for armed forces qualified by them; for other people, the qualifier or organisation in their role
("Russian Deputy Defence Minister", "Kremlin aide"), else, for a role naming a unit ("a spokesperson
for the brigade"), the side of the last armed force that was a grammatical subject. ``side`` is
None when nothing says it. Canonical names of armed forces are ACLED-style actor names ("Military
Forces of Russia"); numbered units keep their own ("47th Mechanized Brigade").
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from fogofwar.analyze.actors import ActorBook, load_actors
from fogofwar.analyze.entities.matching import KnowledgeMatcher, Mention, UnitMatcher
from fogofwar.analyze.entities.resolve import (
    Item,
    finalize,
    link_institutions,
    link_people,
    name_of,
    state_side,
    with_label,
)
from fogofwar.analyze.entities.roles import RoleSpan, apposition_after, lexicon, title_before
from fogofwar.analyze.extensions import article_id, published, register_extensions
from fogofwar.schema import Entity, make_id

log = logging.getLogger(__name__)

# spaCy labels that are quantities or times, not actors or places.
SKIPPED = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
PLACE_WORDS = re.compile(r"\b(?:Oblast|Region|Raion|Krai|Province|District|Republic|Peninsula)\b")
PRIORITY = {"kb": 0, "unit": 1, "state": 2, "spacy": 3}


class Matchers:
    def __init__(self, nlp: Language, book: ActorBook) -> None:
        self.book = book
        self.knowledge = KnowledgeMatcher(nlp, book)
        self.units = UnitMatcher(book)


@functools.lru_cache(maxsize=4)
def _matchers(nlp: Language, actors_path: str | None) -> Matchers:
    book = load_actors(actors_path)
    log.debug("actors: %d named, %d states", len(book.actors), len(book.states))
    return Matchers(nlp, book)


def _select(candidates: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: known actors and armed forces before spaCy's entities, which often
    over-extend ("Later the Defence Ministry"); then the longer of a state's name and spaCy's
    entity ("Kyiv Oblast" over "Kyiv"); longer first within each."""
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []
    order = sorted(
        candidates,
        key=lambda m: (m.origin in ("spacy", "state"), -(m.end - m.start), PRIORITY[m.origin], m.start),
    )
    for m in order:
        if m.end <= m.start or any(m.start < e and s < m.end for s, e in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def _spacy_mention(ent: Span) -> Mention | None:
    lex = lexicon()
    toks = list(ent)
    while toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    if ent.label_ == "PERSON":
        # "President Putin" tagged as one PERSON: the title is the role, not the name.
        while len(toks) > 1 and (
            toks[0].lower_ in lex.heads or toks[0].lower_ in lex.modifiers or toks[0].lower_ in lex.honorifics
        ):
            toks = toks[1:]
    while toks and toks[-1].text in ("'s", "’s", "'", "’"):
        toks = toks[:-1]
    # The small model's common-noun "entities" ("metro", "Videos" opening a sentence).
    if (
        not toks
        or not any(t.text[:1].isupper() for t in toks)
        or (len(toks) == 1 and toks[0].is_sent_start and toks[0].pos_ == "NOUN")
    ):
        return None
    return Mention(toks[0].idx, toks[-1].idx + len(toks[-1].text), ent.label_, None, None, origin="spacy")


def _relabel(doc: Doc, mentions: list[Mention], book: ActorBook) -> list[Mention]:
    """Fix the small model's usual slips: demonyms tagged GPE, surnames tagged ORG or GPE."""
    text = doc.text
    surnames = {
        name_of(text[m.start : m.end]).split()[-1]
        for m in mentions
        if m.label == "PERSON" and len(name_of(text[m.start : m.end]).split()) >= 2
    }
    out: list[Mention] = []
    for m in mentions:
        mtext = name_of(text[m.start : m.end])
        if m.origin == "spacy" and m.label != "NORP":
            state = book.state_of(mtext)
            if state is not None and mtext in state.demonyms:
                m = with_label(m, "NORP")
            elif m.label != "PERSON" and mtext in surnames:
                m = with_label(m, "PERSON")
            elif m.label == "PERSON" and (
                PLACE_WORDS.search(mtext)
                or any(book.state_of(w) is not None and w[:1].isupper() for w in mtext.split())
            ):
                m = with_label(m, "GPE")
        out.append(m)
    return out


def _surname_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Later bare last names of people named in full ("Kovalchuk said"), which the small model
    often misses."""
    found: list[Mention] = []
    seen: set[str] = set()
    for m in mentions:
        words = name_of(text[m.start : m.end]).split()
        if m.label != "PERSON" or len(words) < 2 or words[-1] in seen or not words[-1][:1].isupper():
            continue
        seen.add(words[-1])
        for hit in re.finditer(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", text):
            found.append(Mention(hit.start(), hit.end(), "PERSON", None, None, m.actor, origin="spacy"))
    return found


def _role(doc: Doc, span: Span, in_entity: set[int], persons: set[int], book: ActorBook) -> RoleSpan | None:
    before = title_before(doc, span.start, in_entity, persons, book, span.end)
    after = apposition_after(doc, span.end, in_entity, persons, book)
    if before is not None and not (before.rank_only and after is not None):
        return before
    return after


def _side_in(start: int, end: int, items: list[Item], doc: Doc, book: ActorBook) -> str | None:
    """The side named inside a role: an actor with a side, or a state's name, demonym or capital."""
    for it in items:
        if start <= it.mention.start and it.mention.end <= end and it.mention.side:
            return it.mention.side
    for tok in doc.char_span(start, end, alignment_mode="expand") or ():
        state = book.state_of(tok.text)
        if state is not None:
            return state.side
    return None


def _unit_side(doc: Doc, before: int, items: list[Item]) -> str | None:
    """The side of the last armed force before ``before`` that was a grammatical subject."""
    for it in reversed(items):
        m = it.mention
        if m.start >= before or m.label != "MILITARY_UNIT" or not m.side:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            return m.side
    return None


def find(doc: Doc, matchers: Matchers, published_on: str | None = None) -> list[Item]:
    """Every entity mention of ``doc``, resolved, in text order."""
    book = matchers.book
    text = doc.text
    candidates = [*matchers.knowledge(doc), *matchers.units(doc)]
    for ent in doc.ents:
        if ent.label_ not in SKIPPED:
            m = _spacy_mention(ent)
            if m is not None:
                candidates.append(m)
    mentions = _relabel(doc, _select(candidates), book)
    mentions = _select([*mentions, *_surname_mentions(text, mentions)])
    items = [Item(m, text[m.start : m.end]) for m in mentions]

    spans = [doc.char_span(it.mention.start, it.mention.end, alignment_mode="expand") for it in items]
    persons = {
        t.i
        for it, sp in zip(items, spans, strict=True)
        if sp is not None and it.mention.label == "PERSON"
        for t in sp
    }
    in_entity = {
        t.i
        for it, sp in zip(items, spans, strict=True)
        if sp is not None and it.mention.label != "PERSON"
        for t in sp
    }
    role_spans: list[tuple[int, int]] = []
    lex = lexicon()
    for it, sp in zip(items, spans, strict=True):
        if it.mention.label != "PERSON" or sp is None:
            continue
        role = _role(doc, sp, in_entity, persons, book)
        if role is not None:
            it.role = role.text
            role_spans.append((role.start, role.end))
            side_state = book.state_of(role.side_word) if role.side_word else None
            it.side = side_state.side if side_state else _side_in(role.start, role.end, items, doc, book)
            if it.side is None and {w.lower() for w in role.text.split()} & lex.unit_nouns:
                it.side = _unit_side(doc, it.mention.start, items)
        actor = it.mention.actor
        if actor is not None:
            it.role = it.role or actor.role_at(published_on)
            it.side = actor.side
            it.canonical = actor.canonical
    items = [
        it
        for it in items
        if it.mention.label == "PERSON"
        or not any(s < it.mention.end and it.mention.start < e for s, e in role_spans)
    ]
    link_people(items)
    items = link_institutions(items, text, book)
    state_side(items, book)
    return finalize(items)


def to_entities(doc: Doc, items: list[Item]) -> list[Entity]:
    aid = article_id(doc)
    return [
        Entity(
            id=make_id(aid, "e", n),
            start=it.mention.start,
            end=it.mention.end,
            text=it.text,
            label=it.mention.label,
            canonical=it.canonical,
            role=it.role,
            side=it.side,
        )
        for n, it in enumerate(items, start=1)
    ]


class EntitiesStage:
    def __init__(self, nlp: Language, name: str, actors_path: str | None = None) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.actors_path = str(Path(actors_path)) if actors_path else None
        self._matchers: Matchers | None = None

    def load(self) -> Matchers:
        if self._matchers is None:
            self._matchers = _matchers(self.nlp, self.actors_path)
        return self._matchers

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = to_entities(doc, find(doc, self.load(), published(doc)))
        return doc


@Language.factory(
    "fogofwar_entities",
    assigns=["doc._.entities"],
    requires=["doc.ents"],
    default_config={"actors_path": None},
)
def make_entities(nlp: Language, name: str, actors_path: str | None = None) -> EntitiesStage:
    return EntitiesStage(nlp, name, actors_path)


__all__ = ["EntitiesStage", "Matchers", "find", "make_entities", "to_entities"]
