"""Event mentions: trigger phrases found by the Matcher, with the arguments of their own clause.

A verb trigger's arguments are its subject, object, agent and prepositional phrases (not those of
embedded clauses); a nominal trigger's are its "of"/"by"/"on"/"in" phrases, its possessor and its
modifiers, plus the clause of a support verb ("launched an offensive on X").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from fogofwar.analyze.events.actors import ActorRef, actors_in, adjective_sides
from fogofwar.analyze.events.checks import (
    WEAPON_CLASSES,
    affiliation,
    country_actor,
    fits,
    living,
    purpose,
    unknown_name,
    war_context,
)
from fogofwar.analyze.events.fatalities import fatalities_in
from fogofwar.analyze.events.lexicon import TriggerClass, load_lexicon, match_triggers, words
from fogofwar.analyze.events.syntax import (
    DocIndex,
    clause_tokens,
    coarseness,
    governor,
    linked,
    noun_args,
    noun_clause,
    np_of,
    verb_args,
)
from fogofwar.schema import DateRef, Place

# Classes whose words are common outside war ("battle lines", "took Trump through", "a trade deal"):
# they make an event only next to armed actors or the vocabulary of war.
GATED = frozenset(
    {
        "territory_take",
        "territory_retake",
        "territory_fall",
        "territory_transfer",
        "clash",
        "clash_weak",
        "strike",
        "agreement",
        "agreement_weak",
        "disrupted",
        "disrupted_find",
        "group_change",
        "air_weak",
        "other_weak",
    }
)
# Classes that are often part of another event's clause ("shelled X, killing six"), not events.
ABSORBABLE = frozenset({"kill", "destruction", "bombing", "strike", "attack", "clash_weak", "air_weak"})


@dataclass(slots=True)
class Mention:
    cls: TriggerClass
    span: Span
    head: Token
    nominal: bool
    clause: list[Token]  # the tokens of the trigger's own clause, trigger included
    agents: list[ActorRef] = field(default_factory=list)  # who acts (the attacker first)
    patients: list[ActorRef] = field(default_factory=list)  # who is acted on (targets, defenders, victims)
    place: Place | None = None
    place_anaphoric: bool = False
    anaphoric: bool = False  # "its capture", "the city's fall": refers back to an event
    date: DateRef | None = None
    fatalities: int | None = None
    after_side: str | None = None  # "fell under Russian control" -> russia
    fresh: bool = False  # "another strike": never merged with an earlier event
    habitual: bool = False  # "almost daily strikes": a pattern, never one happening with a report of the day
    presupposed: bool = False  # a nominal subject of a modal verb: "the fall of X could isolate ..."
    generic_anaphor: bool = False  # "the attack": joins the violent event just reported, or nothing
    anchor: Token | None = None  # the token whose clause carries the mention (its verb, for a noun)
    has_support: bool = False  # a support verb carries it ("launched an offensive")
    country: str | None = None  # the place's country, else the Doc's main country
    sub_event_type: str = ""
    context: str = "happened"
    absorbed: list[tuple[int, int]] = field(default_factory=list)  # spans of weaker mentions folded in


def find_mentions(doc: Doc, ctx: DocIndex) -> list[Mention]:
    lex = load_lexicon()
    labelled: dict[tuple[int, int], list[TriggerClass]] = {}
    for name, start, end in match_triggers(doc):
        cls = lex.classes[name]
        found = labelled.setdefault((start, end), [])
        if cls not in found:
            found.append(cls)
    spans = filter_spans([doc[s:e] for s, e in labelled])
    mentions: list[Mention] = []
    names = [e for e in doc.ents if e.label_ in ("ORG", "FAC") and len(e) >= 3]
    for span in spans:
        if _in_institution_name(span, names):
            continue  # "the Organisation for the Prohibition of Chemical Weapons": a name, no happening
        # One phrase may trigger several classes ("seized" a town or weapons): the most specific whose
        # arguments fit wins.
        for cls in sorted(labelled[(span.start, span.end)], key=lambda c: -c.weight):
            m = _build(span, cls, ctx)
            if m is not None:
                mentions.append(m)
                break
    return _absorb(_drop_found_weapons(mentions))


_INSTITUTIONS = frozenset({
    "organisation", "organization", "institute", "institution", "committee", "council", "center", "centre",
    "commission", "agency", "office", "ministry", "department", "court", "tribunal", "foundation", "fund",
    "union", "movement", "league", "association", "society", "bureau", "service", "museum", "school",
})


def _in_institution_name(span: Span, names: list[Span]) -> bool:
    """Whether a trigger is a word of an institution's name ("Organisation for the Prohibition of
    Chemical Weapons", "Institute for the Study of War", "Committee Against Torture")."""
    ent = next((e for e in names if e.start <= span.start and span.end <= e.end), None)
    if ent is None or len(ent) < len(span) + 2:
        return False
    first = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
    return first.lower_ in _INSTITUTIONS


def _drop_found_weapons(mentions: list[Mention]) -> list[Mention]:
    """Weapons named in a sentence that reports their seizure or discovery were not used."""
    found_in = {m.span.sent.start for m in mentions if m.cls.name == "disrupted_find"}
    weapons = ("grenade", "explosive", "shelling", "chemical", "air_weak")
    return [m for m in mentions if not (m.nominal and m.cls.name in weapons and m.span.sent.start in found_in)]


def _build(span: Span, cls: TriggerClass, ctx: DocIndex) -> Mention | None:
    head = span.root
    # a gerund subject ("Fighting near X left five dead") is a noun to the clause around it
    nominal = head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or (
        head.tag_ == "VBG" and head.dep_ in ("nsubj", "csubj", "nsubjpass")
    )
    # 'its forces had "completely liberated" Seversk': quotes make the parser take the verb for a
    # modifier of its object; the object's auxiliary ("had") shows it is the clause's verb
    misparsed = (
        not nominal
        and head.dep_ == "amod"
        and head.tag_ in ("VBN", "VBD")
        and any(c.dep_ == "aux" for c in head.head.children)
    )
    if not nominal and head.dep_ == "amod" and not misparsed:
        return None  # "occupying forces", "the retreating troops": a description, not a happening
    modified = head.head.lemma_.lower()
    attack_head = modified in words()["anaphoric_attacks"] | words()["weapon_words"] | {
        "gas",
        "agent",
        "fire",
    }
    if nominal and head.dep_ == "compound" and span.end <= head.head.i and not attack_head:
        return None  # "a drone unit commander", "missile debris": a modifier, not a happening
    if nominal and head.lemma_ in words()["abstract_of"] and _of_abstract(head):
        return None  # "a demonstration of its resolve", "a show of force"
    # "a sarin attack on X", "a grenade explosion in X": a modifier trigger takes the arguments of
    # the noun it modifies
    anchor = head.head if nominal and head.dep_ == "compound" and head.head.pos_ == "NOUN" else head
    if nominal:
        agents_h, patients_h, pobjs = noun_args(anchor)
        clause = noun_clause(anchor)
        gov = governor(anchor) or (_weapon_verb(anchor) if cls.name in WEAPON_CLASSES else None)
        if gov is not None:
            ga, gp, gpo = verb_args(gov)
            if anchor.dep_ == "nsubj":
                patients_h += gp  # an effect verb's object is the event's target
            else:
                agents_h += [a for a in ga if a.i != head.i]
                # "fired missiles at a Russian airfield": the target, not the weapon itself
                patients_h += [p for p in gp if p.i not in (head.i, anchor.i)]
            pobjs += gpo
            clause += [t for t in clause_tokens(gov) if t not in clause]
    elif misparsed:
        obj = head.head
        agents_h, _, pobjs = verb_args(obj)
        patients_h = [obj]
        clause = clause_tokens(obj)
    else:
        agents_h, patients_h, pobjs = verb_args(head)
        clause = clause_tokens(head)
    if nominal and head.lemma_.lower() in words()["agent_nouns"]:
        # "protesters threw stones", "police dispersed demonstrators": the trigger names the actor;
        # whoever acts on it is the other party
        patients_h = [t for t in agents_h if t.i != head.i] + patients_h
        agents_h = [head]
    if cls.name.startswith("agreement"):
        # "a deal brokered by the UAE": the go-between is neither a party nor the place
        aside = {t.i for m in clause if m.lemma_.lower() in words()["mediator_verbs"] for t in m.subtree}
        clause = [t for t in clause if t.i not in aside]
        agents_h = [t for t in agents_h if t.i not in aside]
    fit = fits(cls.name, head, nominal, patients_h, pobjs, ctx)
    presupposed = (
        nominal
        and head.dep_ == "nsubj"
        and any(
            c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "would", "can", "will")
            for c in head.head.children
        )
    )
    if fit is None or purpose(head):
        return None
    m = Mention(cls, span, head, nominal, clause)
    m.anchor = gov if nominal and gov is not None else anchor
    m.presupposed = presupposed
    m.has_support = nominal and governor(head) is not None
    m.fresh = any(
        c.lower_ in ("another", "second", "third", "new", "separate", "further", "fresh", "renewed")
        for c in head.children
        if c.dep_ in ("det", "amod")
    ) or (not nominal and any(c.dep_ == "advmod" and c.lower_ == "again" for c in head.children))  # "shelled again"
    # A country that is the possessor or subject is an actor ("Ukraine's counteroffensive"), not the place.
    # the nearest place to the token that carries the clause (a noun's verb: "struck X in Y with a missile")
    # An official's place is whom they serve ("the British Virgin Islands premier was arrested in Miami").
    own = [t for t in clause if not country_actor(t)]
    where = m.anchor or head
    m.place = ctx.place_in([t for t in own if not affiliation(t)], where) or ctx.place_in(own, where)
    anaphor_heads = [t for t in (*agents_h, *patients_h, *pobjs) if t.lower_ in words()["anaphors"]]
    # "driven Russian forces out of the village": the anaphor may sit deeper in the clause's phrases
    anaphor_heads += [t for t in clause if t.lower_ in words()["anaphors"] and t.dep_ == "pobj" and t.i > head.i]
    if head.dep_ == "nsubj" and head.lower_ in words()["anaphors"]:
        anaphor_heads.append(head)
    if cls.name == "territory_fall" and not nominal:
        anaphor_heads += [c for c in head.children if c.dep_ == "nsubj" and c.lower_ in words()["anaphors"]]
    if m.place is None and anaphor_heads:
        m.place = ctx.antecedent_place(span.start_char)
        m.place_anaphoric = m.place is not None
    if m.place is None and not nominal and head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN"):
        # "highways in Texas have angered residents, who protested": the clause that names the
        # relative's antecedent places it
        host = head.head
        while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
            host = host.head
        inner = {t.i for t in head.subtree}
        m.place = ctx.place_in([t for t in clause_tokens(host) if t.i not in inner and not country_actor(t)],
                               head.head)
    if m.place is None and (nominal or head.dep_ == "pobj"):  # "after a night of shelling" (a gerund)
        m.place = _host_verb_place(anchor, ctx)
    if m.place is None:
        m.place = frame_place(m.anchor or head, ctx)
    # "its capture": only "its" refers back to a happening ("his attacks", "their battle" are no events)
    m.anaphoric = m.place is None and any(c.dep_ == "poss" and c.lower_ == "its" for c in head.children)
    # "the attack", "this strike": a definite generic noun refers back to an attack just reported
    m.generic_anaphor = (
        nominal
        and m.place is None
        and len(span) == 1  # bare "the attack", not "the aerial bombardments on X"
        and not any(c.dep_ in ("prep", "amod", "compound") for c in head.children)
        and head.lemma_.lower() in words()["anaphoric_attacks"] | words()["anaphoric_agreements"]
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in head.children)
    )
    m.anaphoric = m.anaphoric or m.generic_anaphor
    m.date = ctx.date_in(clause, head)
    if m.date is None and nominal:
        # "since the capture of Avdiivka in February 2024": the parser often hangs the date elsewhere
        end = max(t.i for t in noun_clause(head)) + 1
        m.date = ctx.date_in(list(head.doc[end : min(end + 3, len(head.doc))]), head)
    if cls.name == "territory_fall" and nominal:
        # "Russia's loss of X", "Ukraine's fall": the possessor held the place; it does not take it
        agents_h, patients_h = [], patients_h + [c for c in agents_h if c.dep_ == "poss"]
    country = m.place.country_code if m.place is not None else ctx.country
    m.country = country
    governmental = cls.name == "agreement"
    place_span = (m.place.start, m.place.end) if m.place is not None else (-1, -1)
    m.agents = [
        a
        for a in actors_in(agents_h, ctx.entities, country, governmental)
        if not (a.start < place_span[1] and place_span[0] < a.end)
    ]
    m.patients = [
        a
        for a in actors_in(patients_h, ctx.entities, country, governmental)
        if not (a.start < place_span[1] and place_span[0] < a.end)
    ]
    if nominal and not m.agents:
        mods = [t for t in head.children if t.dep_ in ("amod", "compound", "nmod")]
        for _iso, _side, tok in adjective_sides(mods):
            refs = actors_in([tok], ctx.entities, country, governmental)
            if refs:
                m.agents.append(refs[0])
    _after_side(m)
    if cls.name == "kill" and not nominal and any(c.dep_ == "nsubj" for c in head.children) and not m.agents:
        return None  # "an eruption killed 22": no one attacked anyone
    text = _text_of(clause)
    m.fatalities = fatalities_in(text)
    if cls.weak and fit != "object" and not _has_argument(m, pobjs):
        return None
    armed = any(a.armed for a in m.agents + m.patients)
    settled = m.place is not None and (m.place.feature_code or "PPL").startswith("PPL")
    referring = m.anaphoric or m.place_anaphoric or (settled and ctx.war)
    if cls.name in GATED and not (armed or referring or war_context(span.sent)):
        return None  # "an uphill battle", "Clinton fell", "a trade deal": no armed conflict in sight
    if head.lemma_.lower() in ("relocate", "deport") and not armed:
        return None  # "relocating to France", "deported to Siberia" told of a singer: no armed group changes
    if cls.name == "territory_transfer" and m.place is None:
        return None  # "retreating from key areas": no place changed hands that we can name
    return m


def _weapon_verb(noun: Token) -> Token | None:
    """The verb a weapon noun is used with ("fired shells filled with gas at X", "drones hit X"): the
    weapon's attack takes place in that verb's clause, with its subject as the attacker."""
    tok = noun
    use = words()["aim_verbs"] | words()["effect_verbs"] | words()["support_verbs"]
    for _ in range(5):
        if tok.dep_ not in ("dobj", "pobj", "prep", "nsubj", "acl", "conj", "compound"):
            return None
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in use:
            return tok  # "fired shells filled with gas": past "filled" to "fired"
    return None


def _of_abstract(head: Token) -> bool:
    """Whether a noun's "of" phrase is a thing, not people: "a demonstration of resolve", not "a
    rally of soldiers' wives"."""
    objs = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return bool(objs) and not any(living(o) for o in objs)


def _text_of(tokens: list[Token]) -> str:
    """The text of a clause's tokens, with a space where the clause skips words."""
    parts: list[str] = []
    prev: Token | None = None
    for tok in sorted(tokens, key=lambda t: t.i):
        if prev is not None:
            parts.append(prev.whitespace_ if prev.i + 1 == tok.i else " ")
        parts.append(tok.text)
        prev = tok
    return "".join(parts)


def _after_side(m: Mention) -> None:
    """ "under Russian control", "into Ukrainian hands": the side that holds the place afterwards."""
    doc = m.span.doc
    window = doc[m.span.end : min(len(doc), m.span.end + 5)]
    words = [t.lower_ for t in window]
    if "under" in words or "into" in words:
        for _iso, side, _tok in adjective_sides(window):
            if side != "unknown":
                m.after_side = side
                return


def _has_argument(m: Mention, pobjs: list[Token]) -> bool:
    if m.cls.name == "clash_weak" and m.nominal:
        # campaign nouns ("its counteroffensive", "the invasion") are events only with a place or time
        return bool(m.place or m.date or m.anaphoric or m.fatalities)
    return bool(
        m.place
        or m.agents
        or m.patients
        or m.date
        or m.has_support
        or m.anaphoric
        or any(t.like_num for t in m.clause if t.head.i == m.head.i)
    )


def _absorb(mentions: list[Mention]) -> list[Mention]:
    """Fold a weak mention into a stronger one of the same clause: "shelled X, killing six"."""
    keep: list[Mention] = []
    dropped: set[int] = set()
    for k, weak in enumerate(mentions):
        if weak.cls.name not in ABSORBABLE:
            continue
        for j, strong in enumerate(mentions):
            # a killing is the toll of the attack it is linked to, whatever their weights
            outranked = strong.cls.weight >= weak.cls.weight or weak.cls.name == "kill"
            # force used on a protest is its own happening ("fired on protesters"), not the protest's toll
            crowd = strong.cls.name in ("protest", "riot", "mob")
            if j == k or j in dropped or not outranked or strong.cls.name == "kill" or crowd:
                continue
            if strong.span.sent != weak.span.sent or not (
                linked(strong.head, weak.head) or linked(strong.anchor or strong.head, weak.anchor or weak.head)
            ):
                continue
            if strong.cls.weight == weak.cls.weight and j > k and weak.cls.name != "kill":
                continue
            strong.fatalities = strong.fatalities if strong.fatalities is not None else weak.fatalities
            strong.patients += [p for p in weak.patients if p not in strong.patients]
            if not strong.agents:
                strong.agents = weak.agents
            strong.place = strong.place or weak.place
            strong.date = strong.date or weak.date
            strong.absorbed += [(weak.span.start_char, weak.span.end_char), *weak.absorbed]
            dropped.add(k)
            break
    keep = [m for k, m in enumerate(mentions) if k not in dropped]
    return keep


def mention_extent(m: Mention) -> tuple[int, int]:
    """Character extent of a mention: a nominal trigger with its possessor and its "of <place>" or
    "under <side> control" phrase ("the city's fall under Russian control"); a verb as matched."""
    doc = m.span.doc
    lo, hi = m.span.start, m.span.end
    if m.nominal:
        for child in m.head.children:
            if child.dep_ == "poss":
                lo = min(lo, child.left_edge.i)
            elif child.dep_ == "prep" and child.lower_ == "of" and child.i >= hi:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                at_place = m.place is not None and m.place.start <= obj.idx < m.place.end if obj else False
                if obj is not None and (
                    at_place or obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.lower_ in words()["anaphors"]
                ):
                    hi = max(hi, max(t.i for t in np_of(obj)) + 1)
        window = [t.lower_ for t in doc[hi : min(len(doc), hi + 5)]]
        if window[:1] in (["under"], ["into"]):
            for k, word in enumerate(window):
                if word in ("control", "hands"):
                    hi += k + 1
                    break
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


_REGION_CODES = ("ADM1", "ADM2", "ADM3", "RGN")


def _region(place: Place | None) -> bool:
    return place is not None and (place.feature_code or "") in _REGION_CODES


_HOST_PREPS = frozenset({"in", "during", "after", "amid", "by", "following"})
_TIME_HEADS = frozenset({"night", "day", "days", "week", "weeks", "hours", "morning", "evening"})


def _host_verb_place(noun: Token, ctx: DocIndex) -> Place | None:
    """The settlement of the verb a nominal happening is the circumstance of: "a girl killed in
    Vinnytsia, in a missile attack", "two died in Izium after a night of shelling". Not of a report
    or a meeting ("said in Kyiv during the attack"), only a toll's after "after" ("talks resumed in
    Istanbul after the strike" is no strike in Istanbul), and never a country."""
    tok = noun
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _TIME_HEADS | words()[
            "quantity_heads"]:
        tok = tok.head.head  # "a night of shelling", "a wave of strikes"
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in _HOST_PREPS:
        return None
    verb = tok.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() in words()["report_verbs"] | words()["meeting_verbs"]:
        return None
    if tok.head.lower_ not in ("in", "during", "amid") and verb.lemma_.lower() not in words()["toll_verbs"] | {"die"}:
        return None  # "killed after a strike" is the strike's toll; "talks resumed after a strike" is not
    inner = {t.i for t in tok.head.subtree}
    place = ctx.place_in([t for t in clause_tokens(verb) if t.i not in inner and not country_actor(t)
                          and not affiliation(t)], verb)
    return place if place is not None and coarseness(place) < 3 else None


def frame_place(anchor: Token, ctx: DocIndex) -> Place | None:
    """The place that frames a mention with none in its own clause: a fronted region ("In the Odesa
    region, the governor said Ukrainian forces struck ..."), the office of the official who reports it
    ("Luhansk's governor said Russian forces were shelling populated areas", "the governor of the
    Donetsk region said ..."), or a fronted place of the verb the mention's clause hangs on ("In
    Kharkiv, rockets hit a school and ..."). A city before a speech verb is where someone spoke,
    not where the reported happening took place."""
    report = words()["report_verbs"]
    heads = words()["regional_heads"]
    tok, crossed = anchor, False
    for _ in range(6):
        if tok.head is tok:
            break
        tok = tok.head
        speech = tok.lemma_.lower() in report
        for child in tok.children:
            fronted = child.right_edge.i < min(anchor.i, tok.i)  # "In the Odesa region, ..." before both
            if child.dep_ == "prep" and child.lower_ in ("in", "across", "throughout") and fronted:
                place = ctx.place_in(list(child.subtree), child)
                if place is not None and (_region(place) or not (speech or crossed)):
                    return place
            if speech and child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in heads:
                office = [t for c in child.children if c.dep_ in ("poss", "compound", "prep", "amod")
                          for t in c.subtree]
                place = ctx.place_in(office, child)
                if place is not None and place.precision != 3 or _region(place):
                    return place
        crossed = crossed or speech
    return None


def unresolved_place_name(m: Mention) -> str | None:
    """The name of the place a territory mention is about when the gazetteer did not resolve it."""
    args = [c for c in m.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "advmod", "npadvmod")]
    args += [g for c in m.head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    for tok in args:
        if tok.pos_ == "PROPN" and unknown_name(tok):
            return tok.text
    return None
