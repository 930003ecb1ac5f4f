"""Events of one Doc: mentions typed, grouped into happenings, and given their arguments.

The decisions (date fallback, territory status, actors' order) are described in the package
docstring, ``fogofwar.analyze.events``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from fogofwar.analyze.events.actors import (
    ActorRef,
    actor_of,
    country_name,
    country_of_name,
    inter_code,
    side_of_country,
)
from fogofwar.analyze.events.classify import sub_event_type
from fogofwar.analyze.events.context import anaphoric_denials, mention_context
from fogofwar.analyze.events.coref import TERRITORY_SUBS, Group, group_mentions, kind
from fogofwar.analyze.events.happening import (
    framed_as_past,
    habitual,
    is_background,
    military_destruction,
    not_a_happening,
    war_itself,
)
from fogofwar.analyze.events.lexicon import load_lexicon, words
from fogofwar.analyze.events.mentions import Mention, find_mentions, mention_extent, unresolved_place_name
from fogofwar.analyze.events.plover import plover_of
from fogofwar.analyze.events.syntax import DocIndex
from fogofwar.analyze.events.voices import first_person, not_reporters, past_dateline, reported_sides
from fogofwar.analyze.events.when import event_date
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


def _state_forces(side: str) -> ActorRef:
    """The forces of one of the two warring states, when the article does not word them itself."""
    iso = _SIDE_ISO[side]
    actor = Actor(f"{country_name(iso)} forces", f"Military Forces of {country_name(iso)}", side)
    return ActorRef(actor, "military", iso, 0, 0)


def _leaves(m: Mention) -> bool:
    """ "X withdrew from Y", "the retreat from Y": the actor leaves the place rather than takes it."""
    return m.cls.name == "territory_transfer" and m.head.lemma_.lower() in words()["withdraw_words"]


def _withdrawal(g: Group) -> bool:
    """A happening told only as a withdrawal (no mention says who took the place)."""
    return all(_leaves(m) for m in g.mentions if m.sub_event_type in TERRITORY_SUBS)


def _control(
    g: Group, agents: list[ActorRef], patients: list[ActorRef], home: str, sides_named: frozenset[str]
) -> tuple[str | None, str | None]:
    """Who held the place before and who holds it after a territorial event, as sides. In a place
    of one of the two warring states, the side that did not take it held it (and the other way)."""
    if _withdrawal(g):
        acting = next((a.actor.side for a in agents if a.armed and a.actor.side != "unknown"), None)
        after = next((p.actor.side for p in patients if p.armed and p.actor.side not in ("unknown", acting)), None)
        return acting, after or _other(acting) if home in BELLIGERENT_SIDES else after
    # the side that took it: an actor of a capture, not of a withdrawal told beside it
    takers = [a for m in g.mentions if not _leaves(m) for a in m.agents]
    acting = next((a.actor.side for a in takers if a.armed and a.actor.side != "unknown"), None)
    after = acting or next((m.after_side for m in g.mentions if m.after_side), None)
    if after is None:
        # "X withdrew from Y" told beside "the capture of Y": the side that left lost it to the other
        left = next((a.actor.side for m in g.mentions if _leaves(m) for a in m.agents if a.armed), None)
        after = _other(left)
    sub = g.first.sub_event_type
    if after is None and sub == "Government regains territory" and home in BELLIGERENT_SIDES:
        after = home  # "X was recaptured": a government retaking its own territory
    if after is None and _other(home) in sides_named and sub == "Non-state actor overtakes territory":
        after = _other(home)  # "Siversk has fallen" in a war of two sides: to the side that does not hold it
    before = next((p.actor.side for p in patients if p.armed and p.actor.side not in ("unknown", after)), None)
    if before is None and home in BELLIGERENT_SIDES and after in BELLIGERENT_SIDES:
        before = home if home != after else _other(home)
    if before is None and after in BELLIGERENT_SIDES and _other(after) in sides_named:
        before = _other(after)
    return before, after


def _other(side: str | None) -> str | None:
    return BELLIGERENT_SIDES[1 - BELLIGERENT_SIDES.index(side)] if side in BELLIGERENT_SIDES else None


def _actors(
    g: Group, belligerents: dict[str, ActorRef], place: Place | None, sides_named: frozenset[str]
) -> tuple[list[ActorRef], str | None, str | None]:
    """The event's actors (the acting side first), and for territory the sides before and after."""
    agents: list[ActorRef] = [a for m in g.mentions for a in m.agents]
    patients: list[ActorRef] = [p for m in g.mentions for p in m.patients]
    home = side_of_country(place.country_code if place is not None else g.first.country)
    territorial = g.first.sub_event_type in TERRITORY_SUBS
    before, after = _control(g, agents, patients, home, sides_named) if territorial else (None, None)
    out: list[ActorRef] = []
    taker = before if territorial and _withdrawal(g) else after
    if territorial and taker in BELLIGERENT_SIDES and not any(a.actor.side == taker for a in agents):
        out.append(belligerents.get(taker) or _state_forces(taker))
    for ref in agents + patients:
        if ref.armed and ref.actor.side in belligerents and territorial:
            ref = belligerents[ref.actor.side]  # the article's usual wording of that side
        if not any(_same_actor(ref.actor, o.actor) for o in out):
            out.append(ref)
    # the side that held or took the place; a withdrawal names only who left, unless the taker is named
    for side in (before,) if territorial and _withdrawal(g) else (before, after) if territorial else ():
        if side in BELLIGERENT_SIDES and all(o.actor.side != side for o in out):
            out.append(belligerents.get(side) or _state_forces(side))
    return [_localised(o, place) for o in out], before, after


_CROWD = {"Protests": ("Protesters", "civilians", "rioters"), "Riots": ("Rioters", "civilians", "protesters")}


def _final_actors(refs: list[ActorRef], sub: str, country: str | None) -> tuple[Actor, ...]:
    """ACLED's actors for the event's final type, with inter codes: people at a protest are
    "Protesters (X)", at a riot "Rioters (X)" (a mob's victims stay civilians); every protest or
    riot has its crowd, named after the country where it took place."""
    kind = EVENT_TYPE_OF[sub]
    out: list[Actor] = []
    for k, ref in enumerate(refs):
        if kind == "Strategic developments" and ref.kind == "captive":
            continue  # the prisoners exchanged are what the agreement is about, not a party to it
        if kind in _CROWD and ref.kind in _CROWD[kind][1:] and (sub != "Mob violence" or k == 0):
            crowd = _CROWD[kind][0]
            canonical = f"{crowd} ({country_name(ref.country or country)})" if ref.country or country else crowd
            kinds = {"Protesters": "protesters", "Rioters": "rioters"}
            ref = replace(ref, actor=replace(ref.actor, canonical=canonical), kind=kinds[crowd])
        out.append(replace(ref.actor, inter=inter_code(ref, country)))
    if kind in _CROWD and not any(a.inter in (5, 6) for a in out):
        crowd = _CROWD[kind][0]
        canonical = f"{crowd} ({country_name(country)})" if country else crowd
        out.insert(0, Actor(crowd.lower(), canonical, "unknown", 5 if crowd == "Rioters" else 6))
    return tuple(out)


def _reported_actors(m: Mention, ctx: DocIndex, claims: Sequence[Claim], belligerents: dict[str, ActorRef]) -> None:
    """A mention's actors as the reporting voice settles them: no word of a dateline ("SLOVIANSK,
    Ukraine (AP) -") and no news agency acts; "we" and bare "units" are the claimant's side."""
    m.agents = [b for a in m.agents for b in (past_dateline(a, m, ctx) if ctx.in_dateline(a.start) else [a])]
    m.patients = [p for p in m.patients if not ctx.in_dateline(p.start)]
    not_reporters(m)
    m.agents = reported_sides(m, claims) if m.agents else first_person(m, claims, belligerents)


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


def _territory_status(g: Group, claims: Sequence[Claim], context: str) -> str:
    related = [c for c in claims if _overlaps_any(c, g.mentions)]
    if context == "denied" or any(c.status == "denied" for c in related):
        return "contested"
    # Only sources that assert it count towards "established": a hedged claim ("analysts suggest the
    # fall of X could ...") does not corroborate, and the article's own voice never does.
    # and only the source that says it itself: in "Zelensky posted a video ... after Russia's general
    # claimed the city had been captured" the capture is the general's, not Zelensky's
    own = [c for c in related if not any(_inside(o, c) and _overlaps_any(o, g.mentions) for o in related)]
    sides = {c.source.side for c in own if c.source is not None and c.status in ("asserted", "reported")}
    if sides & INDEPENDENT_SIDES or len(sides & set(BELLIGERENT_SIDES)) >= 2:
        return "established"
    return "claimed"


def _inside(inner: Claim, outer: Claim) -> bool:
    """Whether a claim's content lies strictly within another's (a claim reported inside a claim)."""
    a, b = inner.content, outer.content
    return inner is not outer and b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)


def _overlaps_any(c: Claim, mentions: Sequence[Mention]) -> bool:
    spans = [(m.span.start_char, m.span.end_char) for m in mentions] + [a for m in mentions for a in m.absorbed]
    return any(c.content.start < b and a < c.content.end for a, b in spans)


def _asserts(c: Claim, mentions: Sequence[Mention]) -> bool:
    """Whether a claim tells the event: its content holds a mention (or a word folded into one,
    "five were killed when a missile hit X"), or its reporting verb governs a mention's clause
    ("X were killed when a missile hit Y, the brigade said")."""
    if _overlaps_any(c, mentions):
        return True
    if c.source is None or c.cue is None:
        return False
    for m in mentions:
        cue = m.span.doc.char_span(c.cue.start, c.cue.end, alignment_mode="expand")
        if cue is not None and cue.root.sent == m.span.sent and cue.root in m.head.ancestors:
            return True
    return False


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
    # the war itself ("Russia's invasion of Ukraine") is no happening and no antecedent of "its attack"
    mentions = [m for m in find_mentions(doc, ctx) if not (war_itself(m) and m.nominal)]
    belligerents = _article_actors(doc, ctx)
    for m in mentions:
        _reported_actors(m, ctx, claims, belligerents)
        m.sub_event_type = sub_event_type(m)
        m.context = mention_context(m.head, m.nominal, m.span.start_char, m.span.end_char, claims)
        m.habitual = habitual(m)
    sent_index = {s.start: k for k, s in enumerate(ctx.sents)}
    mention_sents = {id(m): sent_index[m.span.sent.start] for m in mentions}
    groups = group_mentions(mentions, mention_sents)
    denials = anaphoric_denials(ctx.sents)
    sides_named = frozenset(side_of_country(country_of_name(e.text)) for e in doc.ents if e.label_ in ("NORP", "GPE"))
    aid, pub = article_id(doc), published(doc)
    text = doc.text
    latest = max((d.value for d in dates if d.value), default=None)
    events: list[Event] = []
    for g in groups:
        # with no place of its own, an event at a local spot ("near the central market") of an article
        # about one settlement took place there
        local = any(t.lemma_.lower() in words()["local_spots"] for m in g.mentions for t in m.clause)
        place = g.place() or (ctx.sole_settlement if local else None)
        refs, before, after = _actors(g, belligerents, place, sides_named)
        context = _event_context(g, claims)
        date = event_date(doc, g, mention_sents, ctx, claims)
        if date is None and pub is not None:
            date = DateRef(0, 0, "", pub, "week")
        sub = g.first.sub_event_type
        for m in g.mentions:
            if m.sub_event_type != sub and m.cls.weight > g.first.cls.weight:
                sub = m.sub_event_type
        protest = [m.sub_event_type for m in g.mentions if m.sub_event_type in PROTEST_ORDER]
        if protest:
            sub = min(protest, key=PROTEST_ORDER.index)  # a rally that turned violent was violent
        if sub == "Attack" and _toll_in_shelling_report(g, mentions, mention_sents):
            sub = SHELLING  # "two civilians had been killed in the last 24 hours", told among strikes
        if sub == "Looting/property destruction" and g.first.agents and military_destruction(g):
            sub = "Shelling/artillery/missile attack"  # forces "destroyed two command posts": a strike
        reason = not_a_happening(g, sub, place) if context == "happened" else None
        if reason == "aim":
            context = "hypothetical"
        elif reason is not None:
            continue  # the war itself, talks, a weapon named in passing, a total over months
        background = is_background(date, pub, latest)
        if not background and g.date() is None and any(framed_as_past(m) for m in g.mentions):
            background = True  # "since the troops withdrew", "in the war's first days": earlier, date unknown
            date = None  # neither the article's week nor a nearby sentence's day
        country = place.country_code if place is not None else g.first.country
        actors = _final_actors(refs, sub, country)
        fatalities = next((m.fatalities for m in g.mentions if m.fatalities is not None), g.fatalities)
        claim_ids = tuple(c.id for c in claims if _asserts(c, g.mentions))
        territory = None
        if sub in TERRITORY_SUBS and context in ("happened", "denied"):
            # what might, will or did not happen changes no one's control of a place
            sents = [mention_sents[id(m)] for m in g.mentions]
            denied = any(min(sents) <= k <= max(sents) + 2 for k in denials)
            status = _territory_status(g, claims, "denied" if denied else context)
            name = (
                place.name or place.text if place else next(filter(None, map(unresolved_place_name, g.mentions)), None)
            )
            territory = TerritoryChange(name, before, after, status)
        extents = sorted(mention_extent(m) for m in g.mentions)
        spans = tuple(TextSpan(a, b, text[a:b]) for a, b in extents)
        event = Event(
            id=make_id(aid, "ev", len(events) + 1),
            event_type=EVENT_TYPE_OF[sub],
            sub_event_type=sub,
            actors=actors,
            place=place,
            date=date,
            fatalities=fatalities,
            context=context,
            claim_ids=claim_ids,
            mentions=spans,
            score=_score(g, place, [r.actor for r in refs if r.end > 0], date),
            territory_change=territory,
            plover=plover_of(sub, {m.cls.name for m in g.mentions} | {kind(m) for m in g.mentions}),
            background=background,
            evidence=_evidence(doc, g),
        )
        events.append(event)
        for other in _conjoined_places(doc, place, places):
            events.append(replace(event, id=make_id(aid, "ev", len(events) + 1), place=other))
    return _without_summaries(_without_retold_attacks(events), aid)


SHELLING = "Shelling/artillery/missile attack"
_BARE_KILLING = frozenset({"kill", "killing"})


def _toll_in_shelling_report(g: Group, mentions: Sequence[Mention], sents: dict[int, int]) -> bool:
    """Whether a killing with no one acting and no manner named ("two civilians had been killed")
    is told within two sentences of shelling or missile strikes: in a war report that is the toll of
    remote violence (ACLED codes the war's civilian deaths by shelling so), not a direct attack."""
    if not all(m.head.lemma_.lower() in _BARE_KILLING and not m.agents for m in g.mentions):
        return False
    near = {sents[id(m)] + d for m in g.mentions for d in range(-2, 3)}
    return any(m.sub_event_type == SHELLING and m.context == "happened" and sents[id(m)] in near
               for m in mentions if m not in g.mentions)


def _generic_attack(e: Event) -> bool:
    """An Armed clash read only from "attack" words ("Thursday's attack in Vinnytsia")."""
    return e.sub_event_type == "Armed clash" and all(
        m.text.lower().rsplit(" ", 1)[-1] in ("attack", "attacks") for m in e.mentions
    )  # the noun only: "troops attacked positions near X" is a battle of its own


def _without_retold_attacks(events: list[Event]) -> list[Event]:
    """"Vinnytsia was struck by missiles on Thursday ... Thursday's attack in Vinnytsia": the bare
    attack at the place and on the day of a strike is that strike told again, not a battle."""
    strikes = {
        (e.place.geonameid, e.date.value)
        for e in events
        if e.event_type == "Explosions/Remote violence" and e.place is not None and e.place.geonameid is not None
        and e.date is not None and e.context == "happened"
    }
    return [
        e for e in events
        if not (_generic_attack(e) and e.place is not None and e.date is not None
                and (e.place.geonameid, e.date.value) in strikes)
    ]


def _summary_level(e: Event) -> str | None:
    """ "country" or "region" for an event placed at a country or a first-order region, else None."""
    code = (e.place.feature_code or "") if e.place is not None else ""
    if code.startswith("PCL"):
        return "country"
    return "region" if code == "ADM1" else None


# How near (in characters) a region-level event must be told to a town's event of the same type to
# be its summary ("In the Kharkiv region, Ukrainian forces mounted counterattacks. They recaptured X").
_SUMMARY_REACH = 400


def _summarises(e: Event, f: Event) -> bool:
    level = _summary_level(e)
    if (
        level is None
        or f is e
        or f.context != "happened"
        or f.event_type != e.event_type
        or f.background != e.background
        or f.place is None
        or e.place is None
        or _summary_level(f) is not None
    ):
        return False
    if level == "country":
        # the same kind of happening ("Riots in Sweden", a riot in Norrköping); a rally across the
        # country and a crackdown on one in its capital are two
        return f.sub_event_type == e.sub_event_type and f.place.country_code == e.place.country_code
    if f.place.admin1 != e.place.name or e.evidence is None or f.evidence is None:
        return False
    return f.evidence.start - e.evidence.end <= _SUMMARY_REACH and e.evidence.start - f.evidence.end <= _SUMMARY_REACH


def _without_summaries(events: list[Event], aid: str) -> list[Event]:
    """ACLED codes a happening where it took place: a country-level event ("Russia renews strikes on
    Ukraine", "Riots in Sweden") beside events of the same type in that country's towns, or a
    region-level one ("counterattacks in the Kharkiv region") told beside the towns' events, is
    their summary, not one more event."""
    kept = [e for e in events if not (e.context == "happened" and any(_summarises(e, f) for f in events))]
    if len(kept) == len(events):
        return events
    return [replace(e, id=make_id(aid, "ev", k + 1)) for k, e in enumerate(kept)]


def _conjoined_places(doc: Doc, place: Place | None, places: Sequence[Place]) -> list[Place]:
    """The other places listed with an event's place ("missiles hit Lviv, Dnipro and the Odesa
    region"): ACLED codes one event per named place."""
    if place is None or place.precision == 3 or place.end <= place.start:
        return []
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return []
    root = span.root
    others = []
    for tok in root.conjuncts:
        for p in places:
            if p.start <= tok.idx < p.end and p.lat is not None and p.precision != 3 and p.start != place.start:
                if all(abs(o.start - p.start) > 0 for o in others):
                    others.append(p)
                break
    return others


def _evidence(doc: Doc, g: Group) -> TextSpan:
    """The sentence of the group's first mention that is not anaphoric (ACLED's notes)."""
    first = next((m for m in sorted(g.mentions, key=lambda m: m.span.start_char) if not m.anaphoric), g.first)
    sent = first.span.sent
    a, b = sent.start_char, sent.end_char
    article = doc._.article
    text = article.text if article is not None and len(article.text) == len(doc.text) else doc.text
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return TextSpan(a, b, text[a:b])
