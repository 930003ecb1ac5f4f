"""Syntax helpers of the events stage: clauses, arguments, tree distances, and per-Doc lookups."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from fogofwar.analyze.events.lexicon import words
from fogofwar.schema import DateRef, Entity, Place

# Children whose subtrees are other clauses: their places and dates are not this event's.
_CLAUSE_DEPS = frozenset({"ccomp", "relcl", "parataxis", "csubj", "csubjpass", "acl", "xcomp", "advcl", "conj"})
_NOMINAL_PREPS = frozenset(
    {
        "between",
        "with",
        "of",
        "on",
        "in",
        "at",
        "near",
        "against",
        "across",
        "around",
        "outside",
        "into",
        "over",
        "inside",
        "towards",
        "toward",
        "from",
        "by",
        "to",
        "under",
    }
)
# "KYIV, Nov 5 (Reuters) - ", and TASS's "MOSCOW, September 8. /TASS/. "
_DATELINE = re.compile(r"(?m)^[A-Z][A-Za-z .'/-]{1,40},[^\n]{0,40}?(?:(?:\)|\d)\s*[-–—]+\s|\.\s*/[A-Z][A-Za-z-]+/\.\s)")
_NOUN_MOD_DEPS = frozenset({"poss", "amod", "compound", "nmod", "det", "nummod", "npadvmod"})


def clause_tokens(head: Token) -> list[Token]:
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS and not (child.dep_ == "advcl" and child.tag_ == "VBG"):
            skip.update(t.i for t in child.subtree)
    return [t for t in head.subtree if t.i not in skip]


def noun_clause(head: Token) -> list[Token]:
    """A nominal trigger's own words: its modifiers, possessor and argument phrases ("of X", "in X")."""
    toks = [head]
    for child in head.children:
        if child.dep_ in _NOUN_MOD_DEPS or (child.dep_ == "prep" and child.lower_ in _NOMINAL_PREPS):
            toks.extend(_phrase(child))
    return sorted(toks, key=lambda t: t.i)


def _phrase(tok: Token) -> list[Token]:
    """A phrase's words without the clauses inside it ("offensive aimed at pushing ... out of X")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in _CLAUSE_DEPS:
            out.extend(_phrase(child))
    return out


def governor(head: Token) -> Token | None:
    """The verb carrying a nominal trigger: a support verb of its object, or an effect verb of its subject."""
    h = head.head
    if head.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in words()["quantity_heads"]:
        return governor(h.head)  # "ended a fourth round of talks", "a wave of strikes hit X"
    if head.dep_ in ("dobj", "nsubjpass", "attr") and h.lemma_ in words()["support_verbs"]:
        return h
    if head.dep_ == "pobj" and h.head.pos_ == "VERB" and h.head.lemma_ in words()["support_verbs"]:
        return h.head
    if head.dep_ == "nsubj" and (h.lemma_ in words()["effect_verbs"] or h.lemma_ in words()["occur_verbs"]):
        return h
    for child in head.children:
        # "airstrikes on Gaza killed 25": the parser often takes the verb for a reduced relative
        if child.dep_ == "acl" and child.tag_ == "VBD" and child.lemma_ in words()["effect_verbs"]:
            return child
    if (
        head.dep_ in ("nsubj", "dobj", "nsubjpass")
        and head.lemma_.lower() in words()["agent_nouns"]
        and h.pos_ == "VERB"
    ):
        return h  # "protesters threw stones in X", "dispersed demonstrators in X": the verb's clause
    if head.dep_ == "dobj" and head.lemma_.lower() in words()["protest_nouns"] and h.pos_ == "VERB":
        return h  # "police dispersed a rally in X": the protest took place where it was dispersed
    return None


def verb_args(verb: Token) -> tuple[list[Token], list[Token], list[Token]]:
    """(agent heads, patient heads, prepositional objects) of a verb."""
    agents, patients, pobjs = [], [], []
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "nsubj":
            agents.append(_referent(child))
        elif child.dep_ in ("nsubjpass", "dobj", "attr"):
            patients.append(child)
            if lemma in words()["encounter_verbs"]:  # "exchanged fire with X": the parser hangs X on "fire"
                patients.extend(
                    g for c in child.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                )
        elif child.dep_ == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            prep = child.lower_
            # "clashed with X", "fired on X", "threw stones at X": the other party or the target
            if prep in ("against", "from") or (prep == "with" and lemma in words()["encounter_verbs"]):
                patients.extend(objs)
            elif prep in words()["aim_preps"] and lemma in words()["aim_verbs"]:
                patients.extend(objs)
            elif prep == "to" and lemma in ("fall", "surrender") and objs:
                agents.extend(objs)
            pobjs.extend(objs)
        elif child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in words()["toll_verbs"]:
            # "shelled X, killing six civilians": the participle's object is among the event's victims
            patients.extend(c for c in child.children if c.dep_ == "dobj")
        elif child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in words()["cede_verbs"]:
            # "withdrew from X, handing the city to Ukrainian forces": who took it over
            patients.extend(g for c in child.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children)
    if (not agents and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX")
            and not {"nsubjpass", "auxpass"} <= {c.dep_ for c in verb.children}):
        # "troops entered X and shelled Y": the first verb's subject acts; not in a passive clause with
        # its own subject ("the UN is conducting a mission after 53 prisoners were killed")
        agents = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return agents, patients, pobjs


def _referent(subj: Token) -> Token:
    """A pronoun subject of a reported clause stands for the reporter: "the Russian army said it had
    liberated X" -> "the Russian army"."""
    if subj.lower_ not in ("it", "they", "we") or subj.head.dep_ != "ccomp":
        return subj
    reporter = next((c for c in subj.head.head.children if c.dep_ == "nsubj"), None)
    return reporter if reporter is not None and reporter.pos_ in ("NOUN", "PROPN") else subj


def noun_args(noun: Token) -> tuple[list[Token], list[Token], list[Token]]:
    agents, patients, pobjs = [], [], []
    for child in noun.children:
        if child.dep_ == "poss":
            agents.append(child)
        elif child.dep_ == "prep" and child.lower_ in _NOMINAL_PREPS:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if child.lower_ in ("by", "between"):
                agents.extend(objs)
            elif child.lower_ in ("against", "on", "of"):
                patients.extend(objs)
            pobjs.extend(objs)
    return agents, patients, pobjs


class DocIndex:
    """Per-Doc lookups shared by the mentions of one document."""

    def __init__(self, doc: Doc, places: Sequence[Place], dates: Sequence[DateRef], entities: Sequence[Entity]):
        self.doc = doc
        self.sents = list(doc.sents)
        self.places = sorted(places, key=lambda p: p.start)
        self.entities = entities
        self.datelines = [m.span() for m in _DATELINE.finditer(doc.text)]
        # a date that cuts a word ("14th Sep" read in "14th Separate Brigade") is a misreading
        read = [d for d in dates if d.value is not None and doc.char_span(d.start, d.end) is not None]
        # a dateline's date is the day the report was filed: no clause's own date
        self.dates = [d for d in read if not self.in_dateline(d.start)]
        self.dateline_dates = [d for d in read if self.in_dateline(d.start)]
        # "KYIV, Nov 5 (Reuters) -" says where the report was filed, not where anything happened
        self.places = [p for p in self.places if not self.in_dateline(p.start)]
        self._place_tok = {self._tok(p.start): p for p in self.places}
        self.place_tokens = frozenset(self._place_tok)
        self._date_tok = {self._tok(d.start): d for d in self.dates}
        self._country: tuple[str | None] | None = None
        self._war: bool | None = None

    def in_dateline(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.datelines)

    @property
    def sole_settlement(self) -> Place | None:
        """The settlement an article names, when it names only one (for events with no place)."""
        settled = [p for p in self.places if p.geonameid is not None and (p.feature_code or "").startswith("PPL")]
        if settled and len({p.geonameid for p in settled}) == 1:
            return settled[0]
        return None

    @property
    def war(self) -> bool:
        """Whether the Doc speaks of armed conflict anywhere (see mentions.war_context)."""
        if self._war is None:
            from fogofwar.analyze.events.checks import war_context

            self._war = any(war_context(s) for s in self.sents)
        return self._war

    @property
    def country(self) -> str | None:
        """The country most of the Doc's places are in (else the one its GPE names name): where an
        event with no resolved place of its own most likely took place."""
        if self._country is None:
            counts = Counter(p.country_code for p in self.places if p.country_code)
            if not counts:
                from fogofwar.analyze.events.actors import country_of_name

                for ent in self.doc.ents:
                    if ent.label_ == "GPE":
                        iso = country_of_name(ent.text)
                        if iso is not None:
                            counts[iso] += 1
            self._country = (counts.most_common(1)[0][0] if counts else None,)
        return self._country[0]

    def _tok(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else -1

    def place_in(self, tokens: Sequence[Token], anchor: Token) -> Place | None:
        best: Place | None = None
        best_key: tuple[bool, bool, int, int] = (True, True, 1_000, 9)
        for tok in tokens:
            place = self._place_tok.get(tok.i)
            if place is None:
                continue
            # nearest in the tree; on a tie the finer place ("the village of X in the Y region")
            # a town before a country ("spying for Russia in Odesa"), a resolved name before one the
            # gazetteer could not place; then the nearest in the tree, and on a tie the finer place
            key = (coarseness(place) == 3, place.lat is None, _tree_distance(tok, anchor), coarseness(place))
            if key < best_key:
                best, best_key = place, key
        return best

    def date_in(self, tokens: Sequence[Token], anchor: Token) -> DateRef | None:
        best: DateRef | None = None
        best_d = 1_000
        for tok in tokens:
            date = self._date_tok.get(tok.i)
            if date is not None and _tree_distance(tok, anchor) < best_d and not other_frame(tok, anchor):
                best, best_d = date, _tree_distance(tok, anchor)
        return best

    def antecedent_place(self, before: int) -> Place | None:
        """The last settlement named before character ``before`` (for "the city", "the town")."""
        for place in reversed(self.places):
            if place.start >= before:
                continue
            code = place.feature_code or ""
            if not code or code.startswith("PPL"):
                return place
        return None


def coarseness(place: Place) -> int:
    code = place.feature_code or ""
    if code.startswith("PPL") or not code:
        return 0
    if code.startswith("ADM") and code not in ("ADM1", "ADM1H"):
        return 1
    if code.startswith("PCL"):
        return 3
    return 2


_FRAME_MARKS = frozenset({"since", "until", "till"})


def other_frame(tok: Token, anchor: Token) -> bool:
    """Whether a date sits in a relative clause or a "since" frame that the anchor is not in:
    "reported by the head of Sevastopol, in Crimea, which was annexed in 2014" does not date the
    report, nor does "the most massive shelling since the war began on February 24"."""
    for a in (tok, *tok.ancestors):
        if a.i == anchor.i or a.is_ancestor(anchor):
            return False
        if (a.dep_ == "relcl" and not _eventive(a)) or (a.dep_ == "prep" and a.lower_ in _FRAME_MARKS) or any(
                c.dep_ == "mark" and c.lower_ in _FRAME_MARKS for c in a.children):
            return True
    return False


def _eventive(verb: Token) -> bool:
    """Whether a relative clause tells when a happening was ("..., in eastern Ukraine, which Russia
    said took place overnight on 29 July": the strikes took place, not Ukraine), however the parser
    attached it: its verb, or the verb its speech verb reports, is "take place", "happen", "occur"."""
    for v in (verb, *(c for c in verb.children if c.dep_ == "ccomp")):
        lemma = v.lemma_.lower()
        if lemma in ("happen", "occur") or (lemma == "take" and any(c.lower_ == "place" for c in v.children)):
            return True
    return False


def _tree_distance(tok: Token, anchor: Token) -> int:
    steps = 0
    cur = tok
    while cur.i != anchor.i and steps < 30:
        if cur.head.i == cur.i:
            return 40 + abs(tok.i - anchor.i)  # not below the anchor: far, ordered by surface distance
        cur = cur.head
        steps += 1
    return steps


def _ancestors(tok: Token, n: int) -> list[int]:
    out = []
    while n > 0 and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok.i)
        n -= 1
    return out


def linked(a: Token, b: Token) -> bool:
    """Whether two trigger heads are close in the tree: one governs the other, or they are siblings."""
    return b.i in _ancestors(a, 3) or a.i in _ancestors(b, 3) or (a.head.i == b.head.i and a.i != a.head.i)


def np_of(tok: Token) -> list[Token]:
    toks = [tok]
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "det", "poss", "nmod"):
            toks.extend(child.subtree)
    return toks
