"""Who says it: the subject of a verb of saying, found again where the parser lost it (a name after
a quotation, a noun phrase before the verb, the subject of the clause a participle hangs on), or none
for an agentless cue ("it is believed", "is seen as")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from fogofwar.analyze.claims.lexicon import ClaimsLexicon
from fogofwar.analyze.claims.model import np_tokens
from fogofwar.analyze.claims.sources import can_speak


def _span(doc: Doc, tokens: list[Token]) -> Span:
    return doc[tokens[0].i : tokens[-1].i + 1]


def _source_of(head: Token) -> tuple[Span, Token]:
    return _span(head.doc, np_tokens(head)), head


def _left_np(verb: Token) -> Token | None:
    """The noun phrase right before a verb the parser left without a subject ("..., Ukraine's General
    Staff said"): its head is the token before the verb."""
    if verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in (
        "appos",
        "conj",
        "npadvmod",
        "dobj",
        "pobj",
        "attr",
        "dep",
    ):
        return prev
    return None


_CLOSING_MARKS = ("'", '"', "”", "’")


def _right_np(verb: Token) -> Token | None:
    """The speaker after a verb the parser left without a subject right after a quotation
    ('"...," said Robin Doe, half joking'): the head of the name or noun phrase that follows."""
    doc = verb.doc
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ"):
        return None
    before = doc.text[: verb.idx].rstrip(" ")
    if not before.endswith(_CLOSING_MARKS):
        return None
    head = None
    for tok in doc[verb.i + 1 : verb.i + 8]:
        if tok.pos_ in ("PROPN", "NOUN"):
            head = tok
        elif tok.pos_ not in ("DET", "ADJ", "NUM") or head is not None and tok.pos_ != "PROPN":
            break
    return head


def _right_source(head: Token) -> tuple[Span, Token]:
    """The name after an inverted verb, with its determiners and modifiers but not what follows."""
    start = head.i
    while start > 0 and head.doc[start - 1].pos_ in ("DET", "ADJ", "NUM", "PROPN", "NOUN"):
        start -= 1
    return head.doc[start : head.i + 1], head


def _left_source(head: Token) -> tuple[Span, Token]:
    """The noun phrase ending at ``head`` read leftwards up to a comma or clause boundary."""
    doc = head.doc
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        if (
            prev.is_punct
            or prev.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PART", "NUM")
            or prev.dep_ == "prep"
        ):
            break
        start -= 1
    return doc[start : head.i + 1], head


def _after_and(verb: Token) -> bool:
    """Whether a coordinated verb directly follows its "and"/"but" ("... and said she would")."""
    i = verb.i - 1
    while i > 0 and verb.doc[i].dep_ in ("advmod", "aux", "neg") and verb.doc[i].head == verb:
        i -= 1
    return verb.doc[i].pos_ == "CCONJ"


def _bare_participle(verb: Token) -> bool:
    """A past participle with no auxiliary: its noun is what was done, not who did it."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _subject(verb: Token, lex: ClaimsLexicon | None = None) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1 and lex is not None:
        # "A ceasefire ... would start ..., a Western diplomat said": the parser gave it two subjects
        speakers = [c for c in subjects if can_speak(c, lex)]
        return speakers[-1] if speakers else subjects[-1]
    if subjects:
        return subjects[0]
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for child in verb.children if passive else ():
        if child.dep_ == "agent":  # "it was announced by the ministry"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if (
        (verb.dep_ == "relcl" and not _bare_participle(verb) or verb.dep_ == "acl" and verb.tag_ == "VBG")
        and verb.head.pos_ in ("NOUN", "PROPN")
    ):
        return verb.head  # "the ministry, which said ..." (but "This rhetoric, echoed in ...": the theme)
    if (
        verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.head.i < verb.i
        and _after_and(verb)
    ):
        # "... promised to help and said she would stand up": the first verb's subject
        return _subject(verb.head, lex)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        # "responded by saying ...": the subject of the verb the preposition hangs on
        governor = verb.head.head
        if governor.pos_ in ("VERB", "AUX"):
            return next((c for c in governor.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "Ukraine has stepped up attacks, arguing that ...": the subject of the clause it hangs on
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return _controller(verb)


def _controller(verb: Token) -> Token | None:
    """The speaker of a verb with no subject of its own, from the clause it hangs on: "Kiedis said,
    mentioning ..." (the subject), "led the chairwoman to announce ..." (the object)."""
    opening = verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i == verb.sent.start
    if (verb.tag_ not in ("VBG", "VB") or verb.dep_ not in ("xcomp", "advcl", "conj")) and not opening:
        return None  # "Asked whether ..., Peskov said": the one asked answers
    head = verb.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ == "xcomp":
        obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None:
            return obj
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


# Verbs that things as well as people do ("This development underscores ..."): a source noun is needed.
_WEAK_VERBS = frozenset(
    {
        "underscore",
        "underline",
        "highlight",
        "indicate",
        "signal",
        "point",
        "note",
        "confirm",
        "observe",
        "recall",
        "stress",
        "repeat",
        "reiterate",
        "publish",
        "quote",
        "add",
        "report",
        "show",
        "reveal",
        "answer",
        "respond",
        "reply",
        "mention",
    }
)
@dataclass
class Speaker:
    head: Token | None = None
    inverted: bool = False  # '"...," said Doe'
    fallback: bool = False  # the noun phrase before a verb the parser left without a subject
    blocked: bool = False  # a subject that cannot speak: no attribution
    thing: bool = False  # a subject that is no speaker, taken because the model is sure of the cue


def find_speaker(verb: Token, cls: str, lex: ClaimsLexicon, learned: bool, sure: bool = False) -> Speaker:
    """The verb's subject, or the name after it, or the noun phrase before it. Blocked when the
    subject cannot speak ("This development underscores ...") unless the model is sure of the cue
    ("the poll shows"); a learned cue with no subject at all stands without a source ("it is
    believed", "Asked if ...", "seen as")."""
    subj = _subject(verb, lex)
    inverted = False
    if subj is None:
        subj = _right_np(verb)
        inverted = subj is not None
    fallback = subj is None
    if fallback:
        subj = _left_np(verb)
    if subj is None:
        return Speaker(blocked=not learned or _has_subject(verb) or not _agentless(verb))
    lemma = verb.lemma_.lower()
    if (lemma not in lex.verbs or lemma in _WEAK_VERBS) and _pointing(subj):
        return Speaker(blocked=True)
    if lemma in _EVIDENTIAL and subj.pos_ == "NOUN" and subj.ent_type_ not in ("PERSON", "ORG", "NORP"):
        # "the trajectory appears to be shifting": the article's own hedged voice, left to the
        # author claims (PolNeAR counts it as an attribution without a source)
        return Speaker(blocked=True)
    strong = cls in ("say", "tell", "deny") and lemma not in _WEAK_VERBS
    if not can_speak(subj, lex, strong=strong):
        # "the data show" has its data, when the model is sure of the cue
        if not sure or _pointing(subj) or subj.pos_ == "PRON":
            return Speaker(blocked=True, thing=True)
        return Speaker(subj, inverted, fallback, thing=True)
    return Speaker(subj, inverted, fallback)


_POINTING = frozenset({"this", "these", "that", "those", "such"})
_EVIDENTIAL = frozenset({"appear", "seem", "look", "sound"})


def _pointing(subj: Token) -> bool:
    """ "Such accounts highlight ...", "This rhetoric, echoed ...": a subject that points back at
    what was said, so that a verb outside the lexicon is the article's comment, not a new source."""
    return any(c.dep_ in ("det", "predet", "amod") and c.lower_ in _POINTING for c in subj.children)


def _agentless(verb: Token) -> bool:
    """A passive with no agent ("it is believed", "is seen as", "was reported") or a clause-opening
    participle ("Asked whether ..., she said"): an attribution whose speaker goes unnamed."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    opening = verb.tag_ in ("VBN", "VBG") and verb.i == verb.sent.start
    return passive or opening


def _has_subject(verb: Token) -> bool:
    """Whether the verb has a subject of its own that the speaker search turned down (an expletive
    "it is believed" does not count: nobody is named)."""
    return any(c.dep_ in ("nsubj", "csubj") for c in verb.children)


def source_span(speaker: Speaker) -> tuple[Span | None, Token | None]:
    subj = speaker.head
    if subj is None:
        return None, None
    if speaker.fallback:
        return _left_source(subj)
    return _right_source(subj) if speaker.inverted else _source_of(subj)
