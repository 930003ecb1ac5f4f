"""Whether a group of mentions reports a happening, and whether it is background.

An event is one real-world happening that the article reports as having occurred
(docs/realpages.md). Real pages are full of words that look like events and are not: the war
itself ("Russia's invasion of Ukraine"), aims ("had hoped to take the capital"), talks that did
not reach an agreement, weapons named in passing ("its stock of missiles"), totals over months
("more than 300 towns shelled since February"). ``not_a_happening`` says why a group is none of
them, or None when it is an event; ``is_background`` tells a past happening told as background
("the 2014 seizure of Crimea"), which keeps its own date and is never news of the article's day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Token

from fogofwar.analyze.events.coref import Group
from fogofwar.analyze.events.mentions import Mention
from fogofwar.analyze.furniture import title_case
from fogofwar.schema import DateRef

# Nouns that name the war or a campaign as a whole: never one happening of a day.
WAR_NOUNS = frozenset({
    "invasion", "war", "conflict", "aggression", "hostility", "hostilities", "operation", "campaign",
    "occupation", "warfare", "crisis", "annexation", "intervention", "offensive", "counteroffensive",
    "counter-offensive",
})
# Verbs that tell a named event took place or had an effect ("the strike killed", "explosions rocked").
HAPPEN_VERBS = frozenset({
    "kill", "hit", "destroy", "damage", "wound", "injure", "rock", "shake", "occur", "happen", "take",
    "leave", "cause", "target", "strike", "continue", "intensify", "erupt", "break", "report", "record",
    "hear", "see", "follow", "come", "spark", "trigger", "claim", "set", "blow", "flatten", "level", "raze",
    "knock", "cut", "reduce", "force", "rage", "resume", "escalate", "explode", "detonate", "land", "fall",
    "rain", "pound", "slam", "tear", "engulf", "ignite", "burn", "shatter", "sink", "down",
    "repel", "repulse", "suffer", "launch", "carry", "conduct", "mount", "unleash", "stage", "fire",
    "be", "begin", "start", "spread", "ensue", "unfold", "persist", "go",
})
# Verbs of reaching an agreement: an Agreement needs one.
AGREE_VERBS = frozenset({
    "agree", "sign", "reach", "strike", "seal", "broker", "conclude", "ink", "finalize", "finalise", "clinch",
    "exchange", "swap", "free", "release", "hand", "return", "enter", "implement", "hold", "announce",
    "accept", "approve", "ratify", "secure",
})
# Words of a total over a long period: "since February", "so far this year", "over the past months".
_TOTAL = re.compile(
    r"\b(?:since (?:the (?:start|beginning|outbreak)|february|march|april|may|june|july|august|september|"
    r"october|november|december|january|20\d\d|the war|the invasion|russia's invasion|it began)|so far|"
    r"to date|in total|over the (?:past|last) (?:\w+ )?(?:weeks|months|years)|throughout the war|"
    r"during the war|over the course of the war|since then|"
    r"for (?:nearly |almost |more than |over |about |some )?(?:\w+ )?(?:weeks|months|years))\b",
    re.IGNORECASE,
)
_AIM_HEADS = frozenset({
    "hope", "aim", "seek", "try", "attempt", "plan", "want", "intend", "strive", "fight", "push", "prepare",
    "struggle", "move", "vow", "threaten", "expect", "need", "set", "look", "bid", "effort", "goal",
    "objective", "ambition", "mission", "order", "urge", "call", "demand", "wish", "able", "ready",
    "designed", "tasked", "meant", "going", "likely", "unlikely", "poised", "preparation", "build-up", "buildup",
})
# Weapons named as nouns: an event only when the sentence tells their use.
_WEAPONS = frozenset({
    "missile", "rocket", "artillery", "drone", "plane", "jet", "warplane", "helicopter", "tank", "bomb",
    "shell", "mortar", "howitzer", "himars", "gun", "weapon", "ammunition", "grenade", "munition", "bomber",
    "aircraft", "uav", "mine", "explosive", "gas", "chlorine", "sarin",
})
_PLAN_NOUNS = frozenset({"plan", "effort", "bid", "goal", "preparation", "build-up", "buildup"})
_CARRIED_OUT = frozenset({"swap", "exchange", "ceasefire", "cease-fire", "truce", "armistice", "surrender"})
BACKGROUND_DAYS = 14  # a happening dated over two weeks before the article is background, not news


def _infinitive(tok: Token) -> bool:
    """A verb in a to-infinitive ("to take the capital"): an aim, never a report."""
    return tok.pos_ in ("VERB", "AUX") and tok.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )


def _aim(m: Mention) -> bool:
    head = m.head
    if _infinitive(head):
        return True
    if head.tag_ == "VBG" and head.dep_ in ("pcomp", "pobj") and head.head.pos_ == "ADP":
        owner = head.head.head
        if owner.pos_ == "NOUN" and owner.lemma_.lower() not in _EVENTLIKE:
            return True  # "the idea of executing", "talk of attacking": a topic, not a report
    if head.lemma_.lower() in ("fight", "battle", "struggle", "push", "race") and any(
        c.dep_ in ("xcomp", "advcl") and _infinitive(c) for c in head.children
    ):
        return True  # "are fighting to seize the region": the aim, not a battle at a place
    # "the objective is to advance", "plans to capture": the trigger under an aim word
    for anc in list(head.ancestors)[:3]:
        if anc.lemma_.lower() in _AIM_HEADS and (_infinitive(head) or m.nominal and head.dep_ in ("pobj", "dobj")
                                                 and anc.lemma_.lower() in _PLAN_NOUNS):
            return True
    return False


_TALK_VERBS = frozenset({
    "discuss", "negotiate", "plan", "propose", "consider", "threaten", "warn", "fear", "demand", "urge",
    "call", "seek", "want", "need", "hope", "prepare", "avoid", "prevent", "deter", "risk", "imagine",
    "predict", "expect", "forecast", "envisage", "contemplate", "weigh", "rule", "study", "debate",
    "portray", "depict", "fabricate", "fake", "invent", "dramatise", "dramatize", "simulate", "rehearse",
})
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "can", "must", "to", "shall", "'d", "'ll"})
_USE_VERBS = {"use", "fire", "launch", "drop", "shoot", "attack", "bomb", "shell", "lob", "throw"}
_WEAPON_VERBS = (HAPPEN_VERBS | _USE_VERBS) - {"be", "see"}


_ANCHOR_VERBS = HAPPEN_VERBS | _USE_VERBS | {
    "die", "flee", "survive", "witness", "confirm", "announce", "stage", "organise", "organize", "join",
    "hold", "face", "condemn", "kill", "storm", "enter", "overrun", "capture", "seize", "free", "arrest",
    "detain", "abduct", "torture", "rape", "loot", "block", "march", "gather", "rally", "protest", "clash",
    "battle", "fight", "shoot", "cause", "prompt", "leave", "injure", "hit",
}


def _embedded(noun: Token, verb: Token) -> bool:
    """Whether a noun hangs under another noun before its verb ("a book about the battle")."""
    tok = noun.head
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.pos_ in ("NOUN", "PROPN") and noun.dep_ != "compound" and tok.dep_ != "compound":
            return tok.lemma_.lower() not in _EVENTLIKE
        tok = tok.head
    return False


# Nouns an event noun may hang under and still be told as happening: "a wave of strikes".
_EVENTLIKE = frozenset({
    "wave", "series", "string", "spate", "barrage", "round", "number", "dozen", "hundred", "scene",
    "site", "aftermath", "wake", "result", "victim", "casualty", "toll", "part", "day", "night", "morning",
    "evening", "hour", "week", "course", "middle", "use", "rubble", "ruin",
})


def _governor(tok: Token) -> Token:
    """The verb whose clause holds a noun ("killed in [separate attacks]", "[the strike] hit")."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT" or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _realis(verb: Token) -> bool:
    """A verb told as fact: past, perfect or present, with no modal or "to" before it."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBD", "VBN", "VBZ", "VBP", "VBG"):
        return False
    chain = [verb, *[a for a in verb.ancestors if verb.dep_ in ("xcomp", "conj", "advcl")][:1]]
    return not any(c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS for v in chain for c in v.children)


def _anchored(m: Mention) -> bool:
    """A nominal mention told as taking place: a support verb ("launched strikes"), a realis verb
    whose clause holds it ("killed in separate attacks", "the strike hit"), for a weapon named
    alone a verb of its use ("missiles hit the depot", "fired rockets"), or a settlement and a date
    of its own ("a missile strike on Lviv on Saturday")."""
    if not m.nominal or m.has_support:
        return True
    verb = _governor(m.head)
    lemma = verb.lemma_.lower()
    weapon = m.head.lemma_.lower() in _WEAPONS
    if verb.i != m.head.i and _realis(verb) and lemma not in _TALK_VERBS and (not weapon or lemma in _WEAPON_VERBS):
        return True
    if weapon and verb.dep_ in ("acl", "relcl", "xcomp", "conj") and verb.head.i != verb.i:
        outer = _governor(verb.head)  # "fired shells [filled with gas]"
        if _realis(outer) and outer.lemma_.lower() in _WEAPON_VERBS:
            return True
    if verb.pos_ not in ("VERB", "AUX"):  # a verbless or misparsed sentence: "Bombings at X killed 18"
        sent = m.head.sent
        if any(t.lemma_.lower() in HAPPEN_VERBS - {"be", "see", "go", "come"} and _realis(t) for t in sent):
            return True
    place = m.place
    if place is None or place.precision not in (1, 2):
        return False
    return (m.date is not None and bool(m.date.value)) or any(t.ent_type_ == "DATE" for t in m.head.sent)


_WAR_ATTACKS = frozenset({"attack", "assault", "aggression", "onslaught"})


def war_itself(m: Mention) -> bool:
    """ "Russia's invasion of Ukraine", "since Russia invaded Ukraine", "its Donbas offensive": the
    war or a campaign as a whole, never one happening of a day ("launched a counteroffensive near
    X" is one)."""
    if not m.nominal:
        return m.head.lemma_.lower() == "invade" and (m.place is None or m.place.precision == 3)
    lemma = m.head.lemma_.lower()
    if lemma in ("offensive", "counteroffensive", "counter-offensive"):
        return not m.has_support and any(c.dep_ == "poss" for c in m.head.children)  # "its offensive"
    if lemma in _WAR_ATTACKS and m.date is None and m.place is not None and m.place.precision == 3:
        # "Russia's disastrous attack on Ukraine", "aggression against Ukraine": a state's war on a state
        targets = [g for c in m.head.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                   for g in c.children if g.dep_ == "pobj"]
        return bool(targets) and all(g.ent_type_ == "GPE" and g.idx == m.place.start for g in targets)
    return lemma in WAR_NOUNS


_OFFER_VERBS = frozenset({"offer", "propose", "call", "demand", "reject", "seek", "suggest", "urge", "want",
                          "discuss", "negotiate", "consider", "refuse", "violate", "break"})
_UNREAL_ADJ = frozenset({"possible", "potential", "proposed", "future", "draft", "prospective", "eventual", "new"})
_TALK_NOUNS = frozenset({
    "talk", "negotiation", "discussion", "proposal", "plan", "push", "bid", "effort", "hope", "prospect", "call",
    "offer", "idea", "framework", "chance", "demand", "condition", "term",
})


def _talked_about(m: Mention) -> bool:
    """ "talks on a possible ceasefire", "a proposed deal": an agreement not reached."""
    named = [m.head, *(c for c in m.head.children if c.dep_ == "compound")]
    if any(c.dep_ == "amod" and c.lemma_.lower() in _UNREAL_ADJ for t in named for c in t.children):
        return True
    if any(a.lemma_.lower() in _TALK_NOUNS for a in list(m.head.ancestors)[:3] if a.pos_ == "NOUN"):
        return True
    verb = _governor(m.head)  # "held talks ... about a deal"
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _TALK_NOUNS for c in verb.children)


def _agreement_reached(g: Group) -> bool:
    """Signed, agreed, a ceasefire in force, an exchange carried out: not talks about one."""
    for m in g.mentions:
        if m.nominal and (m.head.lemma_.lower() in _TALK_NOUNS or _talked_about(m)):
            continue  # talks held, planned or stalled are not an agreement
        if m.nominal and _governor(m.head).lemma_.lower() in _OFFER_VERBS:
            continue  # a ceasefire offered, proposed or rejected is not in force
        if (not m.nominal and m.head.tag_ in ("VBD", "VBN")) or (m.nominal and m.has_support):
            return True
        named = {m.head.lemma_.lower(), *(c.lemma_.lower() for c in m.head.children if c.dep_ == "compound")}
        if m.nominal and named & _CARRIED_OUT and _anchored(m):
            return True  # "the prisoner swap took place", "the ceasefire collapsed": one was in force
        for tok in (m.head, m.anchor, m.head.head, _governor(m.head)):
            if tok is not None and tok.lemma_.lower() in AGREE_VERBS and tok.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
                return True
    return False


LONG_DOC_SENTS = 6  # a page this long names where and when what it reports happened


def _nowhere_never(g: Group) -> bool:
    """In a page of several paragraphs, a happening told with no place and no time of its own is
    generic ("Russia is fighting for its survival", "towns under continued shelling")."""
    if any(m.place is not None or m.place_anaphoric or (m.date is not None and m.date.text) for m in g.mentions):
        return False
    doc = g.first.head.doc
    return sum(1 for _ in doc.sents) >= LONG_DOC_SENTS


def _state_not_event(m: Mention) -> bool:
    """ "the territories currently occupied by Moscow", "those fighting against the elite": a
    participle that describes a state or a kind of people, not a happening; "Russian forces
    currently occupy Izium": a present state, not a capture."""
    head = m.head
    if not m.nominal and head.tag_ in ("VBP", "VBZ") and head.lemma_.lower() in _HOLD_VERBS:
        return True
    if m.nominal or head.dep_ not in ("amod", "acl") or head.lemma_.lower() not in _STATE_VERBS:
        return False
    return head.tag_ in ("VBN", "VBG", "JJ") and not any(t.ent_type_ in ("DATE", "TIME") for t in head.subtree)


_HOLD_VERBS = frozenset({"occupy", "hold", "control"})
_STATE_VERBS = frozenset({"occupy", "hold", "control", "fight", "battle", "besiege", "encircle", "surround", "resist",
                          "defend"})
# What one fights in words only: "fighting against the Washington elite", "a war on corruption".
_ABSTRACT_TARGETS = frozenset({
    "elite", "elites", "establishment", "corruption", "poverty", "inflation", "disinformation", "misinformation",
    "propaganda", "censorship", "fascism", "nazism", "globalism", "globalist", "liberalism", "communism",
    "extremism", "ideology", "lie", "lies", "truth", "virus", "pandemic", "covid", "climate", "hunger", "crime",
    "drug", "drugs", "system", "narrative", "media", "woke", "tyranny", "oppression", "injustice", "odds",
    "time", "clock", "deadline", "bureaucracy", "sanction", "sanctions", "influence", "power", "good", "evil",
    "civilization", "civilisation", "value", "values", "idea", "ideas", "darkness", "light",
})
# Verbs that cast something as a happening: "the war, presented as a battle for survival".
_FRAMING_VERBS = frozenset({"present", "describe", "portray", "depict", "frame", "paint", "cast", "call", "label",
                            "brand", "characterise", "characterize", "sell", "spin", "see", "view", "regard"})
_FIGHT_WORDS = frozenset({"fight", "battle", "war", "struggle", "attack", "assault", "resist", "clash", "combat",
                          "crusade", "offensive", "strike", "bomb", "shoot", "kill", "hold", "capture", "seize",
                          "besiege", "wage", "fighting", "battling", "struggling", "fought", "battled", "waging"})
# Words that say a trigger is a figure of speech: "the men were essentially being held as hostages".
_FIGURATIVE = frozenset({"essentially", "effectively", "virtually", "practically", "figuratively", "metaphorically",
                         "basically", "tantamount"})


def _figurative(m: Mention) -> bool:
    """A trigger fought against an abstraction, or hedged as a figure of speech."""
    head = m.head
    framed = head.head.head.lemma_.lower() in _FRAMING_VERBS
    if m.nominal and head.dep_ == "pobj" and head.head.lower_ == "as" and framed:
        return True  # "presented as a battle for survival"
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "between")]
    fight = head.lemma_.lower() in _FIGHT_WORDS or head.lower_ in _FIGHT_WORDS  # "those fighting": lemma "fighting"
    for prep in preps if fight else ():  # "marched against corruption" is a protest
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if objects and all(o.lower_ in _ABSTRACT_TARGETS or o.lemma_.lower() in _ABSTRACT_TARGETS for o in objects):
            return True
    verb = _governor(head)
    return any(c.dep_ == "advmod" and c.lower_ in _FIGURATIVE for t in {head.i: head, verb.i: verb}.values()
               for c in t.children) or any(c.lower_ == "in" and any(g.lower_ == "effect" for g in c.children)
                                           for c in verb.children)


_NOT_ACLED = re.compile(r"\b(?:cyber|airspace|hack)", re.IGNORECASE)


def not_a_happening(g: Group, sub: str, place: object = None) -> str | None:
    """Why the group reports no happening ("war", "aim", "unanchored", "talks", "total",
    "generic"), or None."""
    mentions: Sequence[Mention] = g.mentions
    if all(war_itself(m) for m in mentions):
        return "war"
    if all(_aim(m) for m in mentions):
        return "aim"
    if all(_state_not_event(m) for m in mentions):
        return "state"
    if all(_figurative(m) for m in mentions):
        return "figurative"
    if all(_NOT_ACLED.search(m.head.sent.text) and m.nominal for m in mentions):
        return "not-acled"  # cyberattacks and airspace violations are not ACLED events
    if all(m.nominal for m in mentions) and not any(_anchored(m) for m in mentions):
        return "unanchored"
    if sub == "Agreement" and not _agreement_reached(g):
        return "talks"
    if sub == "Non-violent transfer of territory" and any(_hands_people(m) for m in mentions):
        return "people"  # "handed over 144 prisoners": an exchange, not territory
    if all(_TOTAL.search(" ".join(t.text for t in _own_words(m))) for m in mentions):
        return "total"
    if all(habitual(m) for m in mentions):
        return "total"  # "poison gas was used repeatedly in Syria": a pattern over time, no one happening
    if place is None and _nowhere_never(g):
        return "generic"
    if all(_in_headline(m) for m in mentions):
        return "headline"
    return None


def _own_words(m: Mention) -> list[Token]:
    """A mention's clause without the relative clauses of its nouns ("hit Ukraine with an attack,
    which the minister called the biggest since the war began": no total since the war)."""
    def inside_relative(t: Token) -> bool:
        for a in (t, *t.ancestors):
            if a.i == m.head.i or a.is_ancestor(m.head):
                return False
            if a.dep_ == "relcl":
                return True
        return False
    return [t for t in m.clause if not inside_relative(t)]


_PEOPLE = frozenset({"prisoner", "soldier", "body", "people", "civilian", "child", "captive", "pow", "fighter",
                     "defender", "serviceman", "hostage", "detainee", "number"})


_HABITUAL = frozenset({"repeatedly", "regularly", "routinely", "frequently", "constantly", "habitually",
                       "systematically"})


_OLD_WARS = re.compile(r"\b(?:World War (?:I|II|One|Two|1|2)|(?:First|Second) World War|Great War|Cold War|"
                       r"Napoleonic|Soviet-Afghan war)\b")
_DECADE = re.compile(r"(?:1[89]|20)\d0s")  # "the 1990s" (not "a woman in her 60s")
_HABITUAL_ADJ = frozenset({"daily", "nightly", "weekly", "regular", "repeated", "frequent", "constant", "routine",
                           "incessant", "continual", "near-daily"})


def habitual(m: Mention) -> bool:
    """A happening told as a habit or a pattern ("was used repeatedly", "regularly shell", "almost
    daily strikes on the next line of cities" with no day of their own)."""
    own_day = m.date is not None and bool(m.date.text)
    if m.nominal and not own_day and any(c.dep_ == "amod" and c.lower_ in _HABITUAL_ADJ for c in m.head.children):
        return True
    verb = m.head if not m.nominal else _governor(m.head)
    for tok in {m.head.i: m.head, verb.i: verb}.values():
        if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in tok.children):
            return True
    if m.nominal and m.head.dep_ in ("nsubjpass", "nsubj"):
        return any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in m.head.head.children)
    return False


def _hands_people(m: Mention) -> bool:
    return any(t.lemma_.lower() in _PEOPLE for t in m.head.subtree if t.dep_ in ("dobj", "pobj", "nsubjpass"))


def _in_headline(m: Mention) -> bool:
    """A mention only in a Title-Case headline line ("What the West Is Fighting For"): a page's
    headline is told again in its body when it reports a happening."""
    text = m.head.doc.text
    start = text.rfind("\n", 0, m.span.start_char) + 1
    end = text.find("\n", m.span.end_char)
    line = text[start : end if end != -1 else len(text)].strip()
    return len(line) < 160 and len(text.strip()) > len(line) + 200 and title_case(line)


_WAR_START = re.compile(
    r"\b(?:in|during) the (?:early|first|opening|initial) (?:days|weeks|months|hours|stages?|phase) of the "
    r"(?:war|invasion|conflict|full-scale invasion)\b|\bat the (?:start|beginning|outset|outbreak) of the "
    r"(?:war|invasion|conflict|full-scale invasion)\b|\bwhen the (?:war|invasion) (?:began|started|broke out)\b",
    re.IGNORECASE,
)


def framed_as_past(m: Mention) -> bool:
    """A happening told as the start of a time frame or as the war's first days, with no date of
    its own: "Since Russian troops withdrew from the towns around Kyiv, ...", "In the early days
    of the war, thousands protested": background, not news of the article's day."""
    if m.date is not None and m.date.text:
        return False
    head = m.head
    verb = head if not m.nominal else _governor(head)
    if verb.tag_ in ("VBD", "VBN") and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return True
    if m.nominal and head.dep_ == "pobj" and head.head.lower_ == "since":
        return True  # "since the withdrawal from Kyiv"
    if _OLD_WARS.search(head.sent.text):
        return True  # "reminiscent of the Ludendorff offensive at the end of World War I"
    if any(_DECADE.fullmatch(t.text) for t in m.clause):
        return True  # "fought a war against Moldova in the 1990s"
    if not m.nominal and any(c.lemma_.lower() == "invade" for c in verb.conjuncts):
        return True  # "He occupied Crimea and invaded eastern Ukraine": told with the war's start
    return bool(_WAR_START.search(head.sent.text))


def is_background(date: DateRef | None, published: str | None, latest: str | None) -> bool:
    """A happening dated in the text well before the article's date (or, undated article, years
    before the latest date it names) is background."""
    if date is None or not date.text:
        return False
    if not date.value:
        return date.precision == "unknown"  # "months ago", "in the summer": an earlier, unresolved time
    value = date.value
    reference = published or latest
    if reference is None:
        return False
    try:
        ref_day = dt.date.fromisoformat(reference[:10])
    except ValueError:
        return False
    year = int(value[:4])
    if len(value) == 4:
        return year < ref_day.year
    month = int(value[5:7])
    if len(value) == 7:
        month_end = dt.date(year, month, 28)
        return (ref_day.year, ref_day.month) > (year, month) and (ref_day - month_end).days > BACKGROUND_DAYS
    return (ref_day - dt.date.fromisoformat(value)).days > BACKGROUND_DAYS


_MILITARY_TARGETS = frozenset({
    "post", "depot", "base", "position", "tank", "vehicle", "battery", "headquarters", "airfield", "ship",
    "warship", "system", "launcher", "howitzer", "command", "warehouse", "bridge", "radar", "helicopter",
    "aircraft", "convoy", "column", "unit", "equipment", "ammunition", "fuel", "stockpile",
})


def military_destruction(g: Group) -> bool:
    """ "Ukraine's military says it destroyed two Russian command posts": armed forces destroying
    military targets are striking them, not looting or destroying property."""
    for m in g.mentions:
        objects = [c for c in m.head.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(o.lemma_.lower() in _MILITARY_TARGETS for o in objects):
            return True
    return False
