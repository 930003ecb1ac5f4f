"""ACLED sub-event types for mentions, following ACLED's codebook definitions.

- Territory: "Government regains territory" is a state's forces retaking a place in their own
  state; a state's forces taking a place in another state, like any non-state group, is
  "Non-state actor overtakes territory". The place's country and the actor's state decide, by the
  same rule for every side.
- Remote violence: aircraft and drones make an "Air/drone strike"; artillery, rockets and missiles
  a "Shelling/artillery/missile attack"; planted devices and mines a "Remote explosive/landmine/IED".
- Violence against civilians: armed actors attacking civilians ("Attack"); killing armed opponents
  is an "Armed clash".
- Protests: police intervening (dispersing, detaining) -> "Protest with intervention"; lethal or
  violent force on protesters -> "Excessive force against protesters"; violent protesters -> riots.
"""

from __future__ import annotations

from spacy.tokens import Span

from fogofwar.analyze.events.actors import ActorRef, country_of_state
from fogofwar.analyze.events.lexicon import load_lexicon, words
from fogofwar.analyze.events.mentions import Mention

CIVILIAN_KINDS = frozenset({"civilians", "protesters"})

TERRITORY = frozenset({"territory_take", "territory_retake", "territory_fall", "territory_expel"})
_SIDE_ISO = {"russia": "RU", "ukraine": "UA"}


def attacker(m: Mention) -> ActorRef | None:
    armed = [a for a in m.agents if a.armed]
    return armed[0] if armed else None


def _territory(m: Mention) -> str:
    att = attacker(m)
    place_cc = m.country
    if att is None and m.after_side in _SIDE_ISO:
        att_iso: str | None = _SIDE_ISO[m.after_side]
        state = True
    elif att is not None:
        # a named group of a state's forces ("Akhmat", "the Center group") acts for that state
        att_iso, state = att.country or country_of_state(att.actor.canonical or ""), att.armed_state
    else:
        att_iso, state = None, None
    if state is False:
        return "Non-state actor overtakes territory"
    if (
        att is not None
        and att.actor.side == "unknown"
        and place_cc in _SIDE_ISO.values()
        and m.cls.name != "territory_retake"
    ):
        # a bare "troops overran X" in a war of two states: no state is named, either side's may
        # have taken it (the article's other mentions decide who holds it after)
        return m.cls.sub_event_type
    if state and att_iso and place_cc:
        same = att_iso == place_cc
        return "Government regains territory" if same else "Non-state actor overtakes territory"
    if state and att_iso is None:
        return "Government regains territory"  # "the army retook X": a state's forces at home
    return m.cls.sub_event_type


REMOTE = frozenset(
    {
        "strike", "bombing", "blast", "air_weak", "shelling", "attack", "clash_weak", "kill", "air", "explosive",
        "grenade",
    }
)  # fmt: skip
# Protest words in an arrest's sentence: arrests at a protest are ACLED's "Protest with intervention".
PROTEST_LEMMAS = frozenset(
    {"protest", "protester", "protestor", "rally", "march", "demonstration", "demonstrator", "vigil", "picket"}
)


def _crowd_violence(sent: Span) -> bool:
    """Whether civilians or a crowd fight in a sentence ("as villagers clashed using sticks")."""
    heads = load_lexicon().actors.heads
    for tok in sent:
        if tok.lemma_.lower() in ("clash", "fight", "beat", "lynch", "attack") and tok.pos_ == "VERB":
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if subj and all(heads.get(c.lemma_.lower(), ("",))[0] in ("civilians", "rioters") for c in subj):
                return True
    return False


def _by_device(m: Mention) -> bool:
    """Whether a killing's agent phrase names a planted device: "was killed by a mine"."""
    agents = [g for c in m.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(a.lemma_.lower() in words()["device_heads"] for a in agents)


def sub_event_type(m: Mention) -> str:
    name = m.cls.name
    cw = {t.lower_ for t in m.clause} | {t.lower_ for t in m.span}
    sent = {t.lower_ for t in m.span.sent}
    doc = m.span.doc
    after = doc[m.span.sent.end].sent if m.span.sent.end < len(doc) else None
    # a protest's outcome is often told in the next sentence ("Police used tear gas to disperse ...")
    around = sent | ({t.lower_ for t in after} if after is not None else set())
    if name in TERRITORY or name == "territory_transfer":
        if sent & {"unopposed", "uncontested"} or (
            sent & {"without", "no", "not"} and sent & {"resistance", "fight", "fighting", "firing", "clashes"}
        ):
            return "Non-violent transfer of territory"  # "entered X without resistance"
    if name in TERRITORY:
        return _territory(m)
    if name in REMOTE:
        # The weapon named anywhere in the sentence types the attack ("attacked with chlorine gas").
        if sent & words()["chemical_words"] and (
            sent & {"gas", "agent", "weapon", "weapons", "chemical", "attack", "used"}
        ):
            return "Chemical weapon"
        if sent & {"suicide"}:
            return "Suicide bomb"
        if name in ("grenade", "explosive", "bombing") and cw & words()["air_words"]:
            return "Air/drone strike"  # "a drone dropped a grenade": ACLED codes drone-dropped munitions so
        if name in ("shelling", "strike") and {t.lemma_.lower() for t in m.clause} & {"test", "test-fire"}:
            return "Other"  # a missile test is no attack
    if name == "kill" and _by_device(m):
        return "Remote explosive/landmine/IED"  # "killed by a mine"
    if name in ("strike", "bombing", "blast", "air_weak", "shelling", "attack", "clash_weak"):
        if name in ("bombing", "blast") and cw & words()["device_words"] and not cw & words()["air_words"]:
            return "Remote explosive/landmine/IED"
        if name == "bombing" and any(a.kind in ("military", "country") for a in m.agents[:1]):
            return "Air/drone strike"  # "Russia's bombing of the energy system": a state bombs from the air
        if cw & words()["air_words"] or name == "air_weak":
            return "Air/drone strike"
        if cw & words()["artillery_words"] or name in ("strike", "shelling"):
            return "Shelling/artillery/missile attack"
        if name in ("bombing", "blast"):
            return "Remote explosive/landmine/IED"
        if cw & {"grenade", "grenades"}:
            return "Grenade"
    if name in ("clash", "clash_weak", "attack", "kill") and any(p.kind == "protesters" for p in m.patients):
        if any(a.armed_state for a in m.agents):
            return "Excessive force against protesters"  # "soldiers fired on protesters"
    if name in ("clash", "clash_weak", "attack") and any(a.kind == "protesters" for a in m.agents + m.patients):
        return "Violent demonstration"
    if name == "destruction" and any(a.armed for a in m.agents):
        if cw & words()["air_words"] or "air" in cw:
            return "Air/drone strike"  # "the air force destroyed vehicles"
        if cw & words()["artillery_words"]:
            return "Shelling/artillery/missile attack"
    if name in ("clash", "clash_weak", "kill") and m.agents and all(a.kind == "civilians" for a in m.agents):
        return "Mob violence"  # "villagers clashed with sticks": no armed group on either side
    if name == "kill" and not any(a.armed for a in m.agents) and _crowd_violence(m.span.sent):
        return "Mob violence"  # "a man was killed as villagers clashed"
    if name in ("disrupted_find", "destruction") and any(
        a.actor.text.lower().split()[-1] in words()["air_words"] for a in m.agents
    ):
        return "Air/drone strike"  # "warplanes destroyed an arms depot"
    if name in ("attack", "clash_weak") and not m.nominal:
        targets = {t.lemma_.lower() for t in m.head.children if t.dep_ in ("dobj", "nsubjpass")}
        if targets & words()["civilian_targets"]:
            return "Attack"  # "gunmen attacked a mosque"
    if name in ("kill", "attack", "clash_weak"):
        victims = [p for p in m.patients if p.kind in CIVILIAN_KINDS or p.kind == "captive"]
        armed_victims = [p for p in m.patients if p.armed]
        if m.patients and any(p.kind == "protesters" for p in m.patients) and any(a.armed_state for a in m.agents):
            return "Excessive force against protesters"
        if victims and not armed_victims:
            return "Attack"
        if name == "kill":
            return "Armed clash" if armed_victims else "Attack"
    if name in ("protest", "riot"):
        # Protesters' own violence makes a riot; lethal force on peaceful protesters is excessive force;
        # police dispersing or detaining them is an intervention (ACLED's order of precedence).
        lemmas = {t.lemma_.lower() for t in m.span.sent}
        # "riot police", "riot gear": words of the police, not of the protesters' violence
        own = {t.lower_ for t in m.span.sent if not (t.dep_ == "compound" and t.head.lower_ in words()["police_words"])}
        violent = bool(
            own & words()["violent_words"] or lemmas & {"clash", "throw", "torch", "vandalize", "loot", "smash"}
        )
        if name == "riot" or (violent and not sent & {"peaceful", "peacefully"}):
            return "Violent demonstration" if name == "protest" or "mob" not in sent else "Mob violence"
        lethal = {t.lower_ for t in m.span.sent if not any(c.lower_ == "rubber" for c in t.children)}
        if sent & words()["police_words"] and (lethal & words()["lethal_words"]):
            return "Excessive force against protesters"
        if sent & words()["intervene_words"] or lemmas & {"disperse", "arrest", "detain"}:
            return "Protest with intervention"
        after_lemmas = {t.lemma_.lower() for t in after} if after is not None else set()
        if after_lemmas & {"disperse"} or around & {
            "tear",
            "teargas",
            "cannon",
            "cannons",
            "baton",
            "batons",
        }:
            return "Protest with intervention"  # "Police used tear gas to disperse the crowd." next
    if name == "arrest":
        if any(a.kind in ("nonstate", "group") and not a.armed_state for a in m.agents):
            return "Abduction/forced disappearance"
        if any(
            t.lemma_.lower() in PROTEST_LEMMAS and t.dep_ == "pobj" and t.head.lower_ in ("during", "at", "amid")
            for t in m.clause
        ) or any(c.dep_ == "advcl" and c.lemma_.lower() in PROTEST_LEMMAS | {"demonstrate"} for c in m.head.children):
            return "Protest with intervention"  # "arrested 40 people during a march", "... as thousands protested"
        if any(p.kind == "protesters" for p in m.patients):
            return "Protest with intervention"
    return m.cls.sub_event_type
