"""Who acts in an event: noun phrases turned into ACLED-style actors.

"Russian forces" -> Military Forces of Russia (side russia); "Ukraine" as the subject of a violent
verb -> Military Forces of Ukraine; "six civilians" in Kharkiv -> Civilians (Ukraine). The same rules
apply to every country, so a report with the sides swapped gives the mirrored actors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from fogofwar.analyze.events.lexicon import ActorLexicon, load_lexicon, words
from fogofwar.schema import Actor, Entity

# Dependents that belong to a noun phrase's own words ("the Russian 3rd Assault brigade").
_NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "punct"})
# A country word followed by one of these is a sponsor, not the actor ("Turkish-backed rebels").
_SIDE_ISO = {"russia": "RU", "ukraine": "UA"}
_SPONSOR = frozenset({"backed", "led", "allied", "supported", "aligned", "controlled", "held", "occupied"})


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor plus what typing needs: the state it belongs to and whether it is an armed state force."""

    actor: Actor
    kind: (
        str  # military | police | government | civilians | protesters | rioters | group | nonstate | country
        # | captive (prisoners, captured fighters: named after their state's forces, but unarmed)
    )
    country: str | None  # ISO alpha-2 of the actor's state (civilians: where they are)
    start: int  # character offsets of the words it was read from
    end: int

    @property
    def armed_state(self) -> bool:
        return self.kind in ("military", "police", "country") or (
            self.kind == "group"
            and self.actor.canonical is not None
            and self.actor.canonical.startswith(("Military Forces of", "Police Forces of"))
        )

    @property
    def armed(self) -> bool:
        return self.armed_state or self.kind in ("group", "nonstate")


@cache
def _lex() -> ActorLexicon:
    return load_lexicon().actors


def country_name(iso: str | None) -> str | None:
    if iso is None:
        return None
    name = _lex().country_names.get(iso)
    if name is not None:
        return name
    try:
        import pycountry

        found = pycountry.countries.get(alpha_2=iso)
    except (ImportError, LookupError):
        found = None
    return getattr(found, "common_name", None) or getattr(found, "name", None) or iso


def country_of_name(name: str) -> str | None:
    """ISO code of a country named by ``name`` ("Syria", "Ukraine"), or None."""
    hit = _lex().countries.get(name.lower())
    return hit[0] if hit is not None else None


def side_of_country(iso: str | None) -> str:
    if iso == "RU":
        return "russia"
    if iso == "UA":
        return "ukraine"
    return "other_state" if iso else "unknown"


def np_tokens(head: Token) -> list[Token]:
    """The words of the noun phrase headed by ``head``: its modifiers, not its clauses or preps."""
    toks = [head]
    for child in head.children:
        if child.dep_ in _NP_DEPS:
            toks.extend(child.subtree)
    return sorted(toks, key=lambda t: t.i)


def _country_in(tokens: Sequence[Token]) -> tuple[str, str, Token] | None:
    lex = _lex()
    for k, _tok in enumerate(tokens):
        nxt = tokens[k + 1 : k + 3]
        if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in _SPONSOR:
            continue
        for n in (3, 2, 1):
            words = tokens[k : k + n]
            if len(words) < n:
                continue
            key = " ".join(t.lower_ for t in words)
            if key.endswith(" 's") or key.endswith(" ’s"):
                key = key[:-3]
            hit = lex.countries.get(key) or lex.countries.get(key.replace("’", "'"))
            if hit is not None:
                return hit[0], hit[1], words[0]
    return None


def _group_in(text: str) -> tuple[str, str, int, int] | None:
    low = text.lower()
    best: tuple[str, str, int, int] | None = None
    for name, (canonical, side) in _lex().groups.items():
        at = low.find(name)
        while at != -1:
            end = at + len(name)
            if (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
                if best is None or end - at > best[3] - best[2]:
                    best = (canonical, side, at, end)
                break
            at = low.find(name, at + 1)
    return best


def actor_of(
    head: Token, entities: Sequence[Entity], event_country: str | None, governmental: bool = False
) -> ActorRef | None:
    """The actor a noun phrase headed by ``head`` denotes, or None when it is not an actor."""
    lex = _lex()
    doc: Doc = head.doc
    named = _named_unit(head)
    if named is not None:
        return named
    if head.lemma_.lower() in words()["quantity_heads"]:
        # "scores of terrorists", "dozens of civilians": the actor is the "of" noun
        inner = next(
            (g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        if inner is not None:
            head = inner
    toks = np_tokens(head)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = doc[toks[0].i : toks[-1].i + 1].text
    group = _group_in(text)
    if group is not None:
        canonical, side, a, b = group
        return ActorRef(Actor(text, canonical, side), "group", None, start, end)
    head_key = head.lower_
    two = f"{doc[head.i - 1].lower_} {head_key}" if head.i > 0 else head_key
    kind_prefix = lex.heads.get(two) or lex.heads.get(head_key) or lex.heads.get(head.lemma_.lower())
    found = _country_in([t for t in toks if t.i != head.i or kind_prefix is None])
    if kind_prefix is None and found is not None and head.lemma_.lower() in words()["military_assets"]:
        kind_prefix = ("military", "Military Forces")  # "Russian positions", "a Ukrainian tank", "a Russian assault"
    if kind_prefix is None:
        if found is not None and found[2].i == head.i or head_key in lex.countries:
            iso, side = found[:2] if found else lex.countries[head_key]
            cname = country_name(iso)
            canonical = f"Government of {cname}" if governmental else f"Military Forces of {cname}"
            return ActorRef(Actor(text, canonical, side), "country", iso, start, end)
        return _from_entities(start, end, entities)
    kind, prefix = kind_prefix
    if kind in ("military", "nonstate") and any(
        c.dep_ == "amod" and c.lower_ in words()["captive_words"] for c in head.children
    ):
        kind, prefix = "captive", "Military Forces"  # "a captured Ukrainian soldier"
    if found is None and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in head.children):
        found = _preceding_country(head)  # "Russia said its forces captured X"
    iso = found[0] if found else None
    side = found[1] if found else "unknown"
    if kind == "nonstate" and iso is not None and head.lemma_ in ("fighter", "soldier"):
        kind, prefix = "military", "Military Forces"
    if kind in ("military", "police", "government", "captive"):
        owner = _owner(head, entities) if iso is None and kind == "military" else None
        if owner is not None:
            # "units of the Center group of forces": the unit belongs to the group's state
            stop = max(end, owner.end)
            return ActorRef(replace(owner.actor, text=doc.text[start:stop]), owner.kind, owner.country, start, stop)
        if iso is None:
            ent = _from_entities(start, end, entities)
            if ent is not None:
                return ent
            if event_country is None:
                return ActorRef(Actor(text, None, "unknown"), kind, None, start, end)
        iso = iso or event_country
        if found is None:
            # police and authorities act at home: those of the event's country; a bare "troops" may
            # be either side's, so its side stays unknown
            side = side_of_country(iso) if kind in ("police", "government") else "unknown"
        return ActorRef(Actor(text, f"{prefix} of {country_name(iso)}", side), kind, iso, start, end)
    if kind == "nonstate":
        where = iso or event_country
        canonical = f"{prefix} ({country_name(where)})" if where else prefix
        return ActorRef(Actor(text, canonical, "unknown"), kind, iso, start, end)
    where = iso or event_country
    canonical = f"{prefix} ({country_name(where)})" if where else prefix
    return ActorRef(Actor(text, canonical, "unknown"), kind, where, start, end)


def _preceding_country(head: Token) -> tuple[str, str, Token] | None:
    """The nearest country named before ``head`` in its sentence: what "its"/"their" refers to."""
    sent = head.sent
    for tok in reversed(head.doc[sent.start : head.i]):
        if tok.dep_ in ("poss", "nsubj", "compound") or tok.pos_ == "PROPN":
            hit = _country_in([tok])
            if hit is not None:
                return hit
    return None


def _named_unit(head: Token) -> ActorRef | None:
    """A group named with its "of" phrase ("the West group of forces"), before "group" is read as a
    quantity ("a group of soldiers")."""
    if head.lemma_.lower() not in ("group", "grouping"):
        return None
    toks = sorted(head.subtree, key=lambda t: t.i)
    hit = _group_in(head.doc[toks[0].i : toks[-1].i + 1].text)
    if hit is None:
        return None
    canonical, side, _, _ = hit
    a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
    return ActorRef(Actor(head.doc.text[a:b], canonical, side), "group", None, a, b)


def _owner(head: Token, entities: Sequence[Entity]) -> ActorRef | None:
    """The armed state a unit noun belongs to through its "of" phrase ("troops of the 58th Army",
    "units of the Center group of forces"), when that phrase names one."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            ref = actor_of(obj, entities, None) if obj.dep_ == "pobj" else None
            if ref is not None and ref.armed_state and ref.actor.side != "unknown":
                return ref
    return None


def _from_entities(start: int, end: int, entities: Sequence[Entity]) -> ActorRef | None:
    for ent in entities:
        if (
            ent.start < end
            and start < ent.end
            and ent.side
            and ent.side != "unknown"
            and ent.label in ("MILITARY_UNIT", "ORG", "NORP")
            # a bare demonym ("Russian" in "a Russian radar station") names no actor
            and not (ent.label == "NORP" and country_of_name(ent.text) is not None)
        ):
            iso = _SIDE_ISO.get(ent.side)
            if ent.label == "MILITARY_UNIT" and iso is not None and not _named_group(ent.canonical):
                # a unit of one of the warring states ("the Tsentr Group of Forces") acts as its forces
                actor = Actor(ent.text, f"Military Forces of {country_name(iso)}", ent.side)
                return ActorRef(actor, "military", iso, ent.start, ent.end)
            return ActorRef(Actor(ent.text, ent.canonical, ent.side), "group", None, ent.start, ent.end)
    return None


def _named_group(canonical: str | None) -> bool:
    """Whether a canonical name is a group of the lexicon or already names a state's forces."""
    groups = {value for value, _ in _lex().groups.values()}
    return canonical in groups or (canonical or "").startswith(("Military Forces of", "Police Forces of"))


def actors_in(
    heads: Iterable[Token], entities: Sequence[Entity], event_country: str | None, governmental: bool = False
) -> list[ActorRef]:
    """Actors of several argument heads, following conjunctions ("Russian and Belarusian troops")."""
    out: list[ActorRef] = []
    for head in heads:
        for h in [head, *(c for c in head.conjuncts if c.i > head.i)]:
            ref = actor_of(h, entities, event_country, governmental)
            if ref is not None and all((r.start, r.end) != (ref.start, ref.end) for r in out):
                out.append(ref)
                out.extend(_coordinated_countries(h, ref))
    return out


def _coordinated_countries(head: Token, ref: ActorRef) -> list[ActorRef]:
    """ "Russian and Ukrainian delegations": one actor per country of the coordinated modifiers."""
    if ref.kind not in ("military", "police", "government", "civilians") or ref.country is None:
        return []
    extra = []
    for mod in head.children:
        for conj in mod.conjuncts if mod.dep_ == "amod" else ():
            hit = _country_in([conj])
            if hit is None or hit[0] == ref.country:
                continue
            iso, side, tok = hit
            canonical = (ref.actor.canonical or "").replace(country_name(ref.country) or "", country_name(iso) or iso)
            actor = Actor(f"{tok.text} {head.text}", canonical or None, side)
            extra.append(ActorRef(actor, ref.kind, iso, tok.idx, head.idx + len(head)))
    return extra


def adjective_sides(tokens: Iterable[Token]) -> list[tuple[str, str, Token]]:
    """Country modifiers among ``tokens`` ("Russian" in "Russian shelling", "under Russian control")."""
    out = []
    for tok in tokens:
        hit = _country_in([tok])
        if hit is not None:
            out.append(hit)
    return out


# ACLED's inter codes by actor kind; state forces are 1 at home and 8 (external forces) abroad.
_INTER_BY_KIND = {"nonstate": 3, "rioters": 5, "protesters": 6, "civilians": 7, "government": 1}


def inter_code(ref: ActorRef, event_country: str | None) -> int | None:
    """ACLED's inter code: 1 state forces, 2 rebel groups, 3 political militias (and unidentified
    armed groups), 5 rioters, 6 protesters, 7 civilians, 8 external/other forces. A state's forces
    acting in another state are external (8), whichever side they are on; prisoners keep their
    state's code."""
    canonical = ref.actor.canonical or ""
    if ref.kind == "group" and canonical in _lex().group_inter:
        return _lex().group_inter[canonical]
    if ref.kind in _INTER_BY_KIND:
        return _INTER_BY_KIND[ref.kind]
    state = canonical.startswith(("Military Forces of", "Police Forces of", "Government of"))
    if not (state or ref.kind in ("military", "police", "country", "captive")):
        return 2 if ref.kind == "group" else None
    home = ref.country or country_of_state(canonical)
    return 8 if home and event_country and home != event_country else 1


def country_of_state(canonical: str) -> str | None:
    """The ISO code of the state in "Military Forces of Russia"-style names."""
    _, sep, rest = canonical.partition(" of ")
    if not sep:
        return None
    name = rest.split(" (")[0].strip().lower()
    for iso, cname in _lex().country_names.items():
        if cname.lower() == name:
            return iso
    return country_of_name(name)
