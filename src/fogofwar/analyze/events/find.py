"""Events of one Doc: mentions typed, grouped into happenings, and given their arguments.

The decisions (date fallback, territory status, actors' order) are described in the package
docstring, ``fogofwar.analyze.events``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from fogofwar.analyze.events.actors import ActorRef, actor_of, country_name, country_of_name, side_of_country
from fogofwar.analyze.events.classify import sub_event_type
from fogofwar.analyze.events.context import anaphoric_denials, mention_context
from fogofwar.analyze.events.coref import TERRITORY_SUBS, Group, group_mentions
from fogofwar.analyze.events.lexicon import load_lexicon, words
from fogofwar.analyze.events.mentions import Mention, find_mentions, mention_extent, unresolved_place_name
from fogofwar.analyze.events.syntax import DocIndex
from fogofwar.analyze.extensions import article_id, published
from fogofwar.schema import (
    EVENT_TYPE_OF,
    Actor,
    Claim,
    DateRef,
    Entity,
    Event,
    Place,
    TerritoryChange,
    TextSpan,
    make_id,
)

PROTEST_ORDER = (
    "Violent demonstration",
    "Mob violence",
    "Excessive force against protesters",
    "Protest with intervention",
    "Peaceful protest",
)
_CONTEXT_RANK = {"happened": 0, "denied": 1, "negated": 2, "future": 3, "hypothetical": 4}
BELLIGERENT_SIDES = ("russia", "ukraine")
INDEPENDENT_SIDES = frozenset({"independent", "international"})
_SIDE_ISO = {"russia": "RU", "ukraine": "UA"}


def _article_actors(doc: Doc, ctx: DocIndex) -> dict[str, ActorRef]:
    """Each armed state's most frequent wording in the article ("Ukrainian forces"), by side."""
    lex = load_lexicon().actors
    seen: dict[str, Counter[str]] = {}
    refs: dict[tuple[str, str], ActorRef] = {}
    for tok in doc:
        if tok.pos_ != "NOUN" or lex.heads.get(tok.lower_, ("", ""))[0] != "military":
            continue
        ref = actor_of(tok, ctx.entities, None)
        if ref is None or ref.actor.side == "unknown" or not ref.armed_state:
            continue
        seen.setdefault(ref.actor.side, Counter())[ref.actor.text] += 1
        refs.setdefault((ref.actor.side, ref.actor.text), ref)
    return {side: refs[(side, c.most_common(1)[0][0])] for side, c in seen.items()}


def _localised(ref: ActorRef, place: Place | None) -> ActorRef:
    """Civilians and protesters named after the country of the event's place: "Civilians (Ukraine)"."""
    cc = place.country_code if place is not None else None
    a = ref.actor
    if (
        cc is None
        or ref.kind not in ("civilians", "protesters", "rioters", "nonstate")
        or a.canonical is None
        or a.canonical.endswith(")")
    ):
        return ref
    return replace(ref, actor=Actor(a.text, f"{a.canonical} ({country_name(cc)})", a.side))


def _same_actor(a: Actor, b: Actor) -> bool:
    """One actor named twice: the same canonical name, on the same side or one side unknown."""
    return a.canonical == b.canonical and (a.side == b.side or "unknown" in (a.side, b.side))


def _actors(
    g: Group, belligerents: dict[str, ActorRef], place: Place | None, sides_named: frozenset[str]
) -> tuple[list[Actor], str | None, str | None]:
    """The event's actors (the acting side first), and for territory the sides before and after."""
    agents: list[ActorRef] = [a for m in g.mentions for a in m.agents]
    patients: list[ActorRef] = [p for m in g.mentions for p in m.patients]
    after = next((a.actor.side for a in agents if a.armed and a.actor.side != "unknown"), None)
    after = after or next((m.after_side for m in g.mentions if m.after_side), None)
    home = side_of_country(place.country_code if place is not None else None)
    if (
        after is None
        and g.first.sub_event_type == "Government regains territory"
        and home in BELLIGERENT_SIDES
    ):
        after = home  # "X was recaptured": a government retaking its own territory
    other_side = BELLIGERENT_SIDES[1 - BELLIGERENT_SIDES.index(home)] if home in BELLIGERENT_SIDES else None
    if (
        after is None
        and other_side in sides_named
        and g.first.sub_event_type == "Non-state actor overtakes territory"
    ):
        after = other_side  # "Siversk has fallen" in a war of two sides: to the side that does not hold it
    out: list[ActorRef] = []
    territorial = g.first.sub_event_type in TERRITORY_SUBS
    if (
        territorial
        and after is not None
        and not any(a.actor.side == after for a in agents)
        and after in belligerents
    ):
        out.append(belligerents[after])
    for ref in agents + patients:
        if ref.armed and ref.actor.side in belligerents and territorial:
            ref = belligerents[ref.actor.side]  # the article's usual wording of that side
        if not any(_same_actor(ref.actor, o.actor) for o in out):
            out.append(ref)
    before = next(
        (p.actor.side for p in patients if p.armed and p.actor.side not in ("unknown", after)), None
    )
    if territorial and before is None and home in BELLIGERENT_SIDES and home != after:
        before = home
    if territorial and before is None and after in BELLIGERENT_SIDES:
        other = BELLIGERENT_SIDES[1 - BELLIGERENT_SIDES.index(after)]
        before = other if other in belligerents or other in sides_named else None
    if territorial and before in belligerents and all(o.actor.side != before for o in out):
        out.append(belligerents[before])  # the defender: the side that held the place
    actors = [_localised(o, place).actor for o in out]
    return actors, (before if territorial else None), (after if territorial else None)


def _first_person(m: Mention, claims: Sequence[Claim], belligerents: dict[str, ActorRef]) -> list[ActorRef]:
    """ "We have liberated X," said a Ukrainian commander: "we" is the side of the quoted source."""
    subj = [c for c in m.head.children if c.dep_ in ("nsubj", "poss")]
    if not any(c.lower_ in ("we", "our", "us") for c in subj):
        return []
    for c in claims:
        if c.source is not None and c.content.start <= m.span.start_char < c.content.end:
            side = c.source.side
            if side in belligerents:
                return [belligerents[side]]
            if side in _SIDE_ISO:
                iso = _SIDE_ISO[side]
                actor = Actor(subj[0].text, f"Military Forces of {country_name(iso)}", side)
                return [ActorRef(actor, "military", iso, subj[0].idx, subj[0].idx + len(subj[0]))]
    return []


def _event_context(g: Group, claims: Sequence[Claim]) -> str:
    """The most factual context of the mentions; but a happening that a claim denies and that only
    attributed sources assert ("Russia said it captured X; Ukraine denied it") is denied: the
    article's own voice does not take sides."""
    context = min((m.context for m in g.mentions), key=_CONTEXT_RANK.__getitem__)
    if context != "happened" or not any(m.context == "denied" for m in g.mentions):
        return context
    attributed = [(c.content.start, c.content.end) for c in claims if c.source is not None]
    for m in g.mentions:
        inside = any(a <= m.span.start_char < b for a, b in attributed)
        if m.context == "happened" and not inside:
            return "happened"  # the article itself says it happened
    return "denied"


def _report_date(doc: Doc, g: Group, mention_sents: dict[int, int], ctx: DocIndex) -> DateRef | None:
    sents = ctx.sents
    starts = [s.start_char for s in sents]
    # the date of the report that the event happened, not of its denial
    asserting = [m for m in g.mentions if m.context == "happened"] or g.mentions
    mine = {mention_sents[id(m)] for m in asserting}
    others = set(mention_sents.values()) - mine
    pub = published(doc)
    candidates = sorted(mine | {i + 1 for i in mine})
    for i in candidates:
        if i >= len(sents) or (i in others and i not in mine):
            continue
        lo, hi = starts[i], sents[i].end_char
        for d in ctx.dates:
            if lo <= d.start < hi and d.precision == "day" and (pub is None or (d.value or "") <= pub):
                return d
    return None


def _territory_status(g: Group, claims: Sequence[Claim], context: str) -> str:
    related = [c for c in claims if _overlaps_any(c, g.mentions)]
    if context == "denied" or any(c.status == "denied" for c in related):
        return "contested"
    # Only sources that assert it count towards "established": a hedged claim ("analysts suggest the
    # fall of X could ...") does not corroborate, and the article's own voice never does.
    sides = {c.source.side for c in related if c.source is not None and c.status in ("asserted", "reported")}
    if sides & INDEPENDENT_SIDES or len(sides & set(BELLIGERENT_SIDES)) >= 2:
        return "established"
    return "claimed"


def _overlaps_any(c: Claim, mentions: Sequence[Mention]) -> bool:
    return any(c.content.start < m.span.end_char and m.span.start_char < c.content.end for m in mentions)


def _score(g: Group, place: Place | None, actors: list[Actor], date: DateRef | None) -> float:
    # The trigger's specificity dominates; found arguments and repeated mentions add confidence.
    w = max(m.cls.weight for m in g.mentions)
    bonus = 0.08 * (place is not None) + 0.08 * bool(actors) + 0.04 * (date is not None and date.text != "")
    bonus += 0.05 * min(1, len(g.mentions) - 1)
    return round(min(1.0, 0.75 * w + bonus), 3)


def find(
    doc: Doc,
    places: Sequence[Place] = (),
    dates: Sequence[DateRef] = (),
    entities: Sequence[Entity] = (),
    claims: Sequence[Claim] = (),
) -> list[Event]:
    """The events a Doc reports, in order of first mention."""
    if not doc.text.strip():
        return []
    if not doc.has_annotation("DEP"):
        raise ValueError(
            "the events stage needs a dependency parse: run it after a spaCy model with a 'parser' "
            "component (e.g. en_core_web_sm), not a blank pipeline"
        )
    ctx = DocIndex(doc, places, dates, entities)
    mentions = find_mentions(doc, ctx)
    for m in mentions:
        m.sub_event_type = sub_event_type(m)
        m.context = mention_context(m.head, m.nominal, m.span.start_char, m.span.end_char, claims)
    sent_index = {s.start: k for k, s in enumerate(ctx.sents)}
    mention_sents = {id(m): sent_index[m.span.sent.start] for m in mentions}
    belligerents = _article_actors(doc, ctx)
    for m in mentions:
        if not m.agents:
            m.agents = _first_person(m, claims, belligerents)
    groups = group_mentions(mentions, mention_sents)
    denials = anaphoric_denials(ctx.sents)
    sides_named = frozenset(
        side_of_country(country_of_name(e.text)) for e in doc.ents if e.label_ in ("NORP", "GPE")
    )
    aid, pub = article_id(doc), published(doc)
    text = doc.text
    events: list[Event] = []
    for g in groups:
        # with no place of its own, an event at a local spot ("near the central market") of an article
        # about one settlement took place there
        local = any(t.lemma_.lower() in words()["local_spots"] for m in g.mentions for t in m.clause)
        place = g.place() or (ctx.sole_settlement if local else None)
        actors, before, after = _actors(g, belligerents, place, sides_named)
        context = _event_context(g, claims)
        date = g.date() or _report_date(doc, g, mention_sents, ctx)
        if date is None and pub is not None:
            date = DateRef(0, 0, "", pub, "week")
        sub = g.first.sub_event_type
        for m in g.mentions:
            if m.sub_event_type != sub and m.cls.weight > g.first.cls.weight:
                sub = m.sub_event_type
        protest = [m.sub_event_type for m in g.mentions if m.sub_event_type in PROTEST_ORDER]
        if protest:
            sub = min(protest, key=PROTEST_ORDER.index)  # a rally that turned violent was violent
        fatalities = next((m.fatalities for m in g.mentions if m.fatalities is not None), g.fatalities)
        claim_ids = tuple(c.id for c in claims if _overlaps_any(c, g.mentions))
        territory = None
        if sub in TERRITORY_SUBS:
            sents = [mention_sents[id(m)] for m in g.mentions]
            denied = any(min(sents) <= k <= max(sents) + 2 for k in denials)
            status = _territory_status(g, claims, "denied" if denied else context)
            name = (
                place.name or place.text
                if place
                else next(filter(None, map(unresolved_place_name, g.mentions)), None)
            )
            territory = TerritoryChange(name, before, after, status)
        extents = [mention_extent(m) for m in g.mentions]
        spans = tuple(TextSpan(a, b, text[a:b]) for a, b in extents)
        events.append(
            Event(
                id=make_id(aid, "ev", len(events) + 1),
                event_type=EVENT_TYPE_OF[sub],
                sub_event_type=sub,
                actors=tuple(actors),
                place=place,
                date=date,
                fatalities=fatalities,
                context=context,
                claim_ids=claim_ids,
                mentions=spans,
                score=_score(g, place, actors, date),
                territory_change=territory,
            )
        )
    return events
