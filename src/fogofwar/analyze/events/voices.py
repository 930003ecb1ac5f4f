"""Actors that only the reporting voice identifies.

A first-person subject of a quoted claim is the claimant's side ("We have liberated X," said a
Ukrainian commander). A bare unit noun in a warring side's own report ("units liberated X, the
ministry said") is that side's forces: a side's ministry or spokesman reports what its own units
did. A news agency credited in a dateline or byline ("(AP)", "Reuters") reports events and is
never their actor.
"""

from __future__ import annotations

from collections.abc import Sequence

from fogofwar.analyze.events.actors import ActorRef, actors_in, country_name
from fogofwar.analyze.events.lexicon import words
from fogofwar.analyze.events.mentions import Mention
from fogofwar.analyze.events.syntax import DocIndex
from fogofwar.schema import Actor, Claim

SIDE_ISO = {"russia": "RU", "ukraine": "UA"}


def _claim_side(m: Mention, claims: Sequence[Claim]) -> str | None:
    """The side of the attributed claim whose content holds the mention, when a warring side."""
    for c in claims:
        if c.source is not None and c.content.start <= m.span.start_char < c.content.end:
            if c.source.side in SIDE_ISO:
                return c.source.side
    return None


def _forces(side: str, text: str, start: int, end: int) -> ActorRef:
    iso = SIDE_ISO[side]
    return ActorRef(Actor(text, f"Military Forces of {country_name(iso)}", side), "military", iso, start, end)


def first_person(m: Mention, claims: Sequence[Claim], belligerents: dict[str, ActorRef]) -> list[ActorRef]:
    """ "We have liberated X," said a Ukrainian commander: "we" is the side of the quoted source."""
    subj = [c for c in m.head.children if c.dep_ in ("nsubj", "poss")]
    if not any(c.lower_ in ("we", "our", "us") for c in subj):
        return []
    side = _claim_side(m, claims)
    if side is None:
        return []
    if side in belligerents:
        return [belligerents[side]]
    tok = subj[0]
    return [_forces(side, tok.text, tok.idx, tok.idx + len(tok))]


def reported_sides(m: Mention, claims: Sequence[Claim]) -> list[ActorRef]:
    """The agents with bare unit nouns ("units", "troops") that no word ties to a state, read as the
    forces of the warring side whose report holds the mention."""
    side = _claim_side(m, claims)
    if side is None:
        return m.agents
    out = []
    for a in m.agents:
        if a.kind == "military" and a.actor.side == "unknown" and a.actor.text.lower().split()[-1] in _BARE_UNITS:
            a = _forces(side, a.actor.text, a.start, a.end)
        out.append(a)
    return out


_BARE_UNITS = frozenset({"units", "unit", "troops", "forces", "servicemen", "soldiers", "fighters", "army"})


def not_reporters(m: Mention) -> None:
    """Drops news agencies from a mention's actors: they report the event, they do not act in it."""
    agencies = words()["news_agencies"]
    m.agents = [a for a in m.agents if not _agency(a, agencies)]
    m.patients = [p for p in m.patients if not _agency(p, agencies)]


def _agency(ref: ActorRef, agencies: frozenset[str]) -> bool:
    names = {ref.actor.text.lower().strip(" ()"), (ref.actor.canonical or "").lower()}
    return bool(names & agencies)


def past_dateline(ref: ActorRef, m: Mention, ctx: DocIndex) -> list[ActorRef]:
    """The real subject behind a dateline the parser took for it: in "MOSCOW, Sept 8 (TASS) - Units
    of X have liberated Y" the parser makes "MOSCOW" the subject and "Units" its apposition."""
    span = m.span.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return []
    heads = [t for t in span.root.subtree if t.dep_ == "appos" and not ctx.in_dateline(t.idx)]
    return actors_in(heads[:1], ctx.entities, m.country)
