"""Mentions of known actors (the knowledge file) and of armed forces (patterns over the text).

Both give ``Mention`` candidates by character offsets; ``find`` in ``__init__`` merges them with
spaCy's own entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from fogofwar.analyze.actors import Actor, ActorBook, State

# Spans never start with these: "the Kremlin" is the entity "Kremlin".
LEADING = re.compile(r"(?:the|The|THE)\s+")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    label: str
    canonical: str | None
    side: str | None
    actor: Actor | None = None  # the knowledge-file actor it names
    family: str | None = None  # an institution's canonical template, for unqualified names
    origin: str = "kb"  # kb | unit | state | spacy


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = LEADING.match(text, start, end) if start < end else None
    if m:
        start = m.end()
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end


class KnowledgeMatcher:
    """A PhraseMatcher over every alias of the actor book, on NORM (so Defence/Defense, ’s/'s and
    case are one); all-capital short aliases ("AP", "UN") match as written, one-word aliases only
    when capitalised ("Amnesty" the NGO, not "an amnesty")."""

    def __init__(self, nlp: Language, book: ActorBook) -> None:
        self.book = book
        self.norm = PhraseMatcher(nlp.vocab, attr="NORM")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[str, tuple[Actor | None, str | None]] = {}
        by_key: dict[str, list[str]] = {}
        exact: dict[str, list[str]] = {}
        named_aliases = {a.lower() for actor in book.actors for a in actor.aliases}
        for n, actor in enumerate(book.all_actors()):
            key = f"a{n}"
            self.keys[key] = (actor, None)
            for alias in actor.aliases:
                alias = re.sub(r"^(?:the|The)\s+", "", alias).strip()
                if not alias:
                    continue
                if alias.isupper() and len(alias) <= 6:
                    exact.setdefault(key, []).append(alias)
                else:
                    by_key.setdefault(key, []).append(alias)
        # States by name (canonical: the state), capital (a metonym: kept as written) and demonym
        # ("US" is both a name and a demonym: it stays a name).
        names = {w for state in book.states for w in state.names}
        for n, state in enumerate(book.states):
            for key, label, canonical, words in (
                (f"s{n}", "GPE", state.name, state.names),
                (f"c{n}", "GPE", None, state.capitals),
                (f"d{n}", "NORP", None, tuple(d for d in state.demonyms if d not in names)),
            ):
                self.keys[key] = (Actor(canonical or "", "organization", label, state.side), None)
                for word in words:
                    (exact if word.isupper() and len(word) <= 6 else by_key).setdefault(key, []).append(word)
        # Unqualified institution names ("the Defence Ministry"), resolved within the article.
        for n, inst in enumerate(book.institutions):
            key = f"i{n}"
            self.keys[key] = (None, inst.canonical)
            by_key[key] = [
                name
                for name in inst.names
                if (" " in name or not name.islower()) and name.lower() not in named_aliases
            ]
        for key, aliases in by_key.items():
            self.norm.add(key, list(nlp.tokenizer.pipe(aliases)))
        for key, aliases in exact.items():
            self.orth.add(key, list(nlp.tokenizer.pipe(aliases)))
        self.labels = {inst.canonical: inst.label for inst in book.institutions}

    def __call__(self, doc: Doc) -> list[Mention]:
        text = doc.text
        found: list[Mention] = []
        vocab = doc.vocab.strings
        for match_id, s, e in [*self.norm(doc), *self.orth(doc)]:
            span = doc[s:e]
            if len(span) == 1 and not span[0].text[:1].isupper():
                continue
            actor, family = self.keys[vocab[match_id]]
            start, end = _trim(text, span.start_char, span.end_char)
            if actor is not None and actor.label in ("GPE", "NORP"):
                found.append(
                    Mention(start, end, actor.label, actor.canonical or None, actor.side, origin="state")
                )
            elif actor is not None:
                found.append(Mention(start, end, actor.label, actor.canonical, actor.side, actor))
            elif family is not None:
                found.append(Mention(start, end, self.labels[family], None, None, None, family))
        return found


# --- armed forces ------------------------------------------------------------------------------

_NOUNS = (
    r"armed\s+forces|ground\s+forces|special\s+forces|special\s+operations\s+forces|defen[cs]e\s+forces"
    r"|air\s+force|air\s+defen[cs]e|navy|naval\s+forces|national\s+guard|border\s+guards"
    r"|forces|troops|army|military|soldiers|servicemen|servicemembers|service\s+members|units?"
    r"|fighters|paratroopers|marines|sailors|infantry|artillery|defenders|occupiers|invaders"
    r"|brigades|battalions|regiments|divisions|drone\s+operators|sappers|commandos|militants"
    r"|separatists|rebels|militias?|paramilitaries|assault\s+groups?|garrison"
)
_MODS = (
    r"armed|regular|occupying|occupation|invading|assault|airborne|elite|mechani[sz]ed|marine|frontline"
    r"|front-line|retreating|advancing|attacking|defending|remaining|government|regime|pro-government"
)
# Per noun: the canonical actor name, ACLED style ("Military Forces of Russia").
_CANONICAL = {
    "air force": "Air Force of {state}",
    "navy": "Navy of {state}",
    "naval forces": "Navy of {state}",
    "national guard": "National Guard of {state}",
    "border guards": "Border Guard Service of {state}",
}
_PROXY = {"separatists", "rebels", "militants", "militia", "militias", "paramilitaries"}
_UNIT_WORDS = (
    r"Separate|Independent|Guards?|Special|Presidential|Territorial|Motori[sz]ed|Motor|Rifle|Mechani[sz]ed"
    r"|Assault|Airborne|Air|Tank|Artillery|Marine|Naval|Infantry|Mountain|Jaeger|Jager|National|Guard"
    r"|Combined|Arms|Coastal|Defen[cs]e|Missile|Engineer|Unmanned|Systems|Drone|Rocket|Amphibious|Border"
    r"|Operational|Tactical|Strike|Spetsnaz|Reconnaissance|Recon|Fighter|Bomber|Aviation|Transport"
    r"|Signal|Logistics|Sniper|Storm|Attack|Heavy|Light|Volunteer|Detached|Special-Purpose"
)
_UNIT_NOUNS = (
    r"Brigade|Regiment|Battalion|Division|Army|Corps|Company|Squadron|Detachment|Fleet|Flotilla|Centre|Center"
)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class UnitMatcher:
    """Armed forces by pattern: "Russian forces", "Ukraine's Armed Forces", "the Armed Forces of
    Ukraine", "Ukrainian-backed militias", "the 3rd Assault Brigade"."""

    def __init__(self, book: ActorBook) -> None:
        self.book = book
        demonyms = [d for s in book.states for d in s.demonyms]
        names = [n for s in book.states for n in s.names]
        dem, name = _alternation(demonyms), _alternation(names)
        qual = rf"(?:(?P<dem>{dem})(?:-(?P<backed>backed|led|controlled|allied))?|(?P<poss>{name})['’]s)"
        self.qualified = re.compile(rf"\b{qual}\s+(?:(?i:{_MODS})\s+)?(?P<noun>(?i:{_NOUNS}))\b")
        self.of_state = re.compile(
            rf"\b(?P<noun>(?i:armed\s+forces|ground\s+forces|defen[cs]e\s+forces|army|military|navy|air\s+force|troops|forces))"
            rf"\s+of\s+(?:the\s+)?(?P<of>{name})\b"
        )
        self.pro = re.compile(rf"\b(?i:pro)-(?P<pro>{dem})\s+(?P<noun>(?i:{_NOUNS}))\b")
        self.numbered = re.compile(
            rf"(?:(?:(?P<dem>{dem})|(?P<poss>{name})['’]s)\s+)?\b\d{{1,3}}(?:st|nd|rd|th)\s+"
            rf"(?:(?i:{_UNIT_WORDS})[\s-]+){{0,5}}(?P<noun>(?i:{_UNIT_NOUNS}))\b"
        )

    def _state(self, word: str | None) -> State | None:
        return self.book.state_of(word) if word else None

    def __call__(self, doc: Doc) -> list[Mention]:
        text = doc.text
        found: list[Mention] = []
        for m in self.qualified.finditer(text):
            state = self._state(m["dem"] or m["poss"])
            if state is None:
                continue
            noun = " ".join(m["noun"].lower().split())
            if m["backed"] or noun in _PROXY:
                canonical = " ".join(m[0].split())
            else:
                canonical = _CANONICAL.get(noun, "Military Forces of {state}").format(state=state.display)
            found.append(Mention(m.start(), m.end(), "MILITARY_UNIT", canonical, state.side, origin="unit"))
        for m in self.of_state.finditer(text):
            state = self._state(m["of"])
            if state is None:
                continue
            noun = " ".join(m["noun"].lower().split())
            canonical = _CANONICAL.get(noun, "Military Forces of {state}").format(state=state.display)
            found.append(Mention(m.start(), m.end(), "MILITARY_UNIT", canonical, state.side, origin="unit"))
        for m in self.pro.finditer(text):
            state = self._state(m["pro"])
            if state is not None:
                canonical = " ".join(m[0].split())
                found.append(
                    Mention(m.start(), m.end(), "MILITARY_UNIT", canonical, state.side, origin="unit")
                )
        for m in self.numbered.finditer(text):
            state = self._state(m["dem"] or m["poss"])
            qual_end = m.end("dem") if m["dem"] else m.end("poss") + 2 if m["poss"] else m.start()
            own = text[qual_end : m.end()].strip()
            canonical = " ".join(w if w[:1].isdigit() else w[:1].upper() + w[1:] for w in own.split())
            found.append(
                Mention(
                    m.start(),
                    m.end(),
                    "MILITARY_UNIT",
                    canonical,
                    state.side if state else None,
                    origin="unit",
                )
            )
        return [x for x in found if _is_head(doc, x)]


def _is_head(doc: Doc, mention: Mention) -> bool:
    """False when the phrase only modifies a noun after it ("Russian military operations")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    last = span[-1]
    if last.i + 1 < len(doc) and last.head.i > last.i and last.dep_ in ("compound", "amod", "nmod"):
        nxt = doc[last.i + 1]
        return not (nxt.pos_ in ("NOUN", "PROPN") and nxt.is_alpha) or nxt.lower_ in (
            "prisoner",
            "prisoners",
            "captive",
        )
    return True
