"""Class-specific checks of a trigger's arguments: whether a matched phrase is an event of its class.

"seized 12 firearms" is a disrupted weapons use, not a capture; "took control of the fire" is no
capture; "an uphill battle" outside any war is no battle; "the depot stored shells" uses no shells.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from fogofwar.analyze.events.actors import adjective_sides
from fogofwar.analyze.events.lexicon import load_lexicon, words
from fogofwar.analyze.events.syntax import DocIndex

_VEHICLES = frozenset({"scooter", "car", "truck", "lorry", "bus", "train", "tram", "vehicle", "motorbike",
                       "motorcycle", "bicycle", "bike", "van", "taxi", "lightning"})


def fits(name: str, head: Token, nominal: bool, patients: list[Token], pobjs: list[Token], ctx: DocIndex) -> str | None:
    """Class-specific checks of a trigger's arguments: None when they do not fit the class, "object"
    when an object makes the event plain by itself ("seized 12 firearms"), else "ok"."""
    if head.ent_type_ in ("DATE", "TIME") or (head.lower_ == "march" and head.text[0].isupper()):
        return None  # "in March", "the fall of 2022"
    objs = (
        [t for t in patients if t.dep_ in ("dobj", "nsubjpass")]
        if not nominal
        else [t for t in pobjs if t.head.lower_ == "of"]
    )
    lemmas = [head_lemma(t) for t in objs]
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if nxt is not None and head.lemma_ in ("seize", "take", "fall", "enter") and nxt.lower_ in ("on", "upon", "in"):
        return None  # "seized on the issue", "fell in love"
    if nxt is not None and head.lemma_ == "take" and nxt.lower_ in ("off", "offline", "off-line", "part"):
        return None  # "the pipeline was taken off-line", "took off", "took part"
    if name == "kill" and not nominal and objs:
        # "a campaign is being executed": killing needs a living victim
        if not any(living(t) for t in objs):
            return None
    if name == "arrest" and nominal and any(c.lower_ == "house" for c in head.children):
        return None  # "released from house arrest"
    if name in ("protest", "mob") and head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "ORG"):
        return None  # "Loretta Lynch"
    if name == "agreement" and head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "LAW", "EVENT"):
        return None  # "the North American Free Trade Agreement" names a treaty, not a new agreement
    if not nominal and head.lemma_ in ("hit", "strike", "kill") and any(
        g.lemma_.lower() in _VEHICLES for c in head.children if c.dep_ == "agent" for g in c.children
    ):
        return None  # "hit by an electric scooter", "struck by a car": an accident
    if head.lemma_ == "demonstrate" and (objs or any(
            c.dep_ in ("mark", "advmod", "ccomp") and c.lower_ in ("as", "that", "how") or c.dep_ == "ccomp"
            for c in head.children)):
        return None  # "demonstrated her skill", "as demonstrated in Chechnya", "demonstrated that"
    if name in ("territory_take", "territory_retake"):
        if head.lemma_ in ("take", "enter"):
            # bare "took"/"entered" is a capture only with a place as object ("took Bakhmut")
            objs = objs or [c for c in head.children if c.dep_ in ("advmod", "npadvmod", "oprd")]
            return "ok" if objs and any(place_like(t, ctx) for t in objs) else None
        return "ok" if not objs or any(place_like(t, ctx) for t in objs) else None
    if name == "territory_expel":
        # "pushed Russian forces out of X": the enemy is the object, the place follows "out of"/"from"
        after = [t for t in head.subtree if t.dep_ == "pobj" and t.i > head.i]
        return "ok" if any(living(t) for t in objs) and any(place_like(t, ctx) for t in after) else None
    if name == "territory_fall":
        subj = [c for c in head.children if c.dep_ in ("nsubj", "poss")] + objs
        # the small model sometimes attaches a sentence-initial town as an adverb ("Bakhmut fell")
        subj += [c for c in head.children if c.dep_ in ("advmod", "npadvmod") and c.text.istitle() and c.i < head.i]
        ok = subj and all(place_like(t, ctx) or t.lower_ in ("it", "its") for t in subj)
        return "ok" if ok else None  # "Bakhmut fell", "its fall"; not "prices fell"
    if name == "territory_transfer":
        return "ok" if any(place_like(t, ctx) for t in objs + pobjs) else None
    if name in ("disrupted_find", "disrupted"):
        of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if name == "disrupted" and nominal and of and not any(
                g.lemma_.lower() in words()["weapon_words"] or g.pos_ == "NUM" for g in of):
            return None  # "interceptions of their conversations": no weapon stopped
        if nominal:
            found = head.head.lemma_ in words()["find_verbs"] or any(w in words()["weapon_words"] for w in lemmas)
            return "object" if found and name == "disrupted_find" else ("ok" if name == "disrupted" else None)
        if name == "disrupted" and (not objs or any(t.pos_ in ("NUM", "PRON") for t in objs)):
            return "ok"  # "shot down two", "intercepted them"
        return "object" if any(w in words()["weapon_words"] for w in lemmas) else None
    if name in ("grenade", "explosive", "shelling", "air_weak") and nominal and weapon_found(head):
        return None  # "grenades were discovered": the finding is the event, not an explosion
    if name in WEAPON_CLASSES and nominal and handled(head):
        return None  # "the depot stored artillery shells and glide bombs": weapons kept, not used
    if cls_weak_verb_modifier(name, head, nominal):
        return None  # "Russian units fighting in the Sumy region": a description of the units
    if name == "destruction":
        if not objs:
            return "ok" if nominal else None  # "groups had been destroyed": no property named
        hit = any(w in words()["property_words"] for w in lemmas) or any(place_like(t, ctx) for t in objs)
        return "object" if hit else None
    if name == "blast":
        sent = {t.lower_ for t in head.sent}
        return "ok" if sent & words()["blast_weapons"] else None
    if name == "grenade":
        less_lethal = any(c.lower_ in ("smoke", "stun", "flash", "flashbang", "tear") for c in head.children)
        return None if less_lethal else "ok"
    return "ok"


WEAPON_CLASSES = frozenset({"grenade", "explosive", "shelling", "air", "air_weak", "chemical"})


def cls_weak_verb_modifier(name: str, head: Token, nominal: bool) -> bool:
    return not nominal and head.dep_ == "acl" and load_lexicon().classes[name].weak


def handled(noun: Token) -> bool:
    """Whether a weapon noun is the object of a verb of keeping or moving weapons ("stored shells")."""
    tok = noun
    for _ in range(3):
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in words()["handling_verbs"]:
            return True
        if any(c.dep_ == "amod" and c.lemma_ in words()["handling_verbs"] for c in tok.children):
            return True  # the parser's "the depot stored(amod) shells"
        if tok.dep_ not in ("conj", "appos"):
            return False
        tok = tok.head
    return False


def weapon_found(noun: Token) -> bool:
    """Whether a weapon noun is what was found or seized ("seized grenades", "grenades were found")."""
    tok = noun
    for _ in range(3):
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in words()["find_verbs"]:
            return True
        if tok.dep_ not in ("conj", "pobj", "prep", "appos"):
            return False
        tok = tok.head
    return False


def head_lemma(tok: Token) -> str:
    """The lemma of a phrase's head, looking through quantities ("scores of terrorists")."""
    if tok.lemma_ in words()["quantity_heads"]:
        obj = next(
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        if obj is not None:
            return obj.lemma_
    return tok.lemma_.lower()


def country_actor(tok: Token) -> bool:
    """A country named as an actor ("Ukraine's counteroffensive", "Russia and Ukraine agreed"), not as
    the place where something happened."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return tok.ent_type_ == "GPE" and bool(adjective_sides([tok]))  # "drones launched by Russia"
    if tok.dep_ == "conj" and tok.head.i != tok.i and country_actor(tok.head):
        return tok.ent_type_ == "GPE" and bool(adjective_sides([tok]))
    return (
        tok.dep_ in ("poss", "nsubj", "nsubjpass", "agent") and tok.ent_type_ == "GPE" and bool(adjective_sides([tok]))
    )


_OFFICES = frozenset({
    "premier", "president", "governor", "mayor", "minister", "official", "leader", "chief", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "envoy", "prime", "chancellor", "king", "queen", "senator",
    "lawmaker", "mp", "delegation", "delegate", "diplomat", "representative",
})


def affiliation(tok: Token) -> bool:
    """A place that names whom an official serves ("British Virgin Islands premier arrested",
    "the premier of the British Virgin Islands was arrested in Miami"), not where it happened."""
    for _ in range(4):
        if tok.dep_ in ("compound", "poss", "nmod", "amod") and tok.head.i != tok.i:
            if tok.head.lemma_.lower() in _OFFICES:
                return True
            if tok.head.dep_ != "compound" and tok.head.pos_ != "PROPN":
                return False
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _OFFICES:
            return True
        else:
            return False
    return False


_MODAL_WORDS = frozenset({"will", "shall", "would", "could", "might", "may", "should", "must", "can", "'ll", "'d"})


def purpose(head: Token) -> bool:
    """Whether a trigger only states the aim of something else ("an offensive aimed at pushing X out",
    "efforts to capture X", "tried to enter X"): a goal is no event of its own."""
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in words()["attempt_verbs"]:
        # a past or ongoing attempt tells no outcome; a possible one ("could try to retake X") is a
        # possible event, which keeps its context
        return head.head.dep_ != "xcomp" and not any(
            c.dep_ == "aux" and c.lower_ in _MODAL_WORDS for c in head.head.children
        )
    tok = head
    for _ in range(4):
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
            return tok.lemma_ in ("aim", "design", "intend", "mean") or tok.head.lemma_ in words()["hypothetical_nouns"]
        if tok.dep_ not in ("pcomp", "prep", "xcomp", "dobj", "pobj"):
            return False
        tok = tok.head
    return False


def living(tok: Token) -> bool:
    heads = load_lexicon().actors.heads
    lemma = head_lemma(tok)
    return (
        tok.ent_type_ in ("PERSON", "NORP")
        or tok.pos_ in ("PRON", "NUM")
        or lemma in heads
        or tok.lower_ in heads
        or lemma in words()["people_words"]
    )


def war_context(sent: Span) -> bool:
    """Whether a sentence speaks of armed conflict: armed actors, weapons or the words of war."""
    lex = load_lexicon().actors
    war = words()["war_words"]
    for tok in sent:
        low = tok.lower_
        if low in war or lex.heads.get(low, ("",))[0] in ("military", "nonstate") or low in lex.groups:
            return True
    return False


def unknown_name(tok: Token) -> bool:
    """A one-word name that is no known actor: spaCy's small model often tags towns as PERSON or NORP
    ("Krynky", "Robotyne"), while people are mostly named with two words."""
    if adjective_sides([tok]) or tok.lower_ in load_lexicon().actors.groups:
        return False
    if tok.ent_type_ in ("PERSON", "NORP", "ORG"):
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is None or len(ent) > 1:
            return False
    return war_context(tok.sent)


def place_like(tok: Token, ctx: DocIndex) -> bool:
    if tok.lemma_ in ("control", "capital", "outskirts", "part", "rest", "centre", "center"):
        # "took control of X", "the capital of X": the place is the "of"/"over" object
        inner = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "over") for g in c.children]
        inner += [g for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("of", "over") for g in c.children]
        return any(g.dep_ == "pobj" and place_like(g, ctx) for g in inner)
    return (
        tok.i in ctx.place_tokens
        or tok.ent_type_ in ("GPE", "LOC", "FAC")
        # a name the gazetteer missed ("Russian forces captured Krynky") still reads as a place
        or (tok.pos_ == "PROPN" and unknown_name(tok))
        or tok.lower_ in words()["anaphors"]
        or head_lemma(tok) in words()["terrain_words"]
    )
