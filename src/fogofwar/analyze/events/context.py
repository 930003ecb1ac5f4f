"""Whether a mention reports a happening: happened | hypothetical | future | negated | denied.

Read from the trigger's own verb chain (auxiliaries, negation, "if", governing verbs such as "plan
to", "deny that", "failed to"), and from claims: a mention inside the content of a denied claim is
denied. A nominal trigger that is the subject of a modal verb ("the fall of X could isolate ...")
is presupposed to have happened: the modality belongs to the consequence, not to the fall.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from fogofwar.analyze.events.lexicon import words
from fogofwar.schema import Claim

FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll"})
MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can", "'d", "’d"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
TEMPORAL_PREPS = frozenset({"since", "after", "following", "before", "until", "during", "despite", "amid"})
UNREAL_MODIFIERS = frozenset({"expected", "possible", "potential", "likely", "imminent", "looming", "planned",
                              "anticipated", "feared", "threatened", "prospective", "would-be", "hypothetical",
                              "eventual", "future"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})


def _own_markers(tok: Token) -> str | None:
    """What the auxiliaries, negation and subordinators of one verb make of its event."""
    kids = list(tok.children)
    lows = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass", "neg", "mark", "advmod", "det", "preconj")}
    if lows & CONDITION_MARKS:
        return "hypothetical"
    if any(c.dep_ == "neg" for c in kids) or lows & {"never"}:
        return "negated"
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lower_ in ("nobody", "none", "no-one") or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
           for c in subjects):
        return "negated"  # "no Belarusian soldier was fighting in Ukraine"
    if lows & FUTURE_AUX:
        return "future"
    if lows & MODAL_AUX:
        return "hypothetical"
    if "going" in lows and tok.tag_ == "VB":
        return "future"
    return None


def mention_context(head: Token, nominal: bool, start: int, end: int, claims: Sequence[Claim]) -> str:
    for claim in claims:
        if claim.status == "denied" and claim.content.start <= start and end <= claim.content.end:
            return "denied"
    tok = head
    if nominal:
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return "negated"
        if any(c.dep_ == "amod" and c.lower_ in UNREAL_MODIFIERS for c in head.children):
            return "hypothetical"  # "the expected loss of X", "a possible offensive", "an imminent assault"
        # A nominal trigger carries the context of the verb it is the object of ("plans an offensive",
        # "expected to hold talks on a ceasefire"), never of the verb it is the subject of.
        for _ in range(4):
            if tok.pos_ in ("VERB", "AUX") and tok is not head:
                break
            if tok.dep_ == "pobj" and tok.head.head.lower_ in words()["hypothetical_nouns"]:
                return "future"  # "plans for an offensive", "the threat of an assault"
            framing = tok.head.head.lemma_.lower() in words()["framing_verbs"]
            if tok.dep_ == "pobj" and tok.head.lower_ == "as" and framing:
                return "hypothetical"  # "the war is presented as a battle against NATO": a framing
            if tok.dep_ == "prep" and tok.lower_ in TEMPORAL_PREPS:
                return "happened"  # "since the capture of Avdiivka": a past event the sentence builds on
            if tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX"):
                # "its loss would open a route": only possibly; the group's other mentions decide
                # whether it happened ("the fall of X could isolate ..." after "X fell")
                aux = {c.lower_ for c in tok.head.children if c.dep_ == "aux"}
                if aux & FUTURE_AUX:
                    return "future"  # "the killing will go on"
                return "hypothetical" if aux & MODAL_AUX else "happened"
            if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
                return "negated"  # "no progress toward a ceasefire"
            if tok.dep_ not in (
                "dobj",
                "pobj",
                "prep",
                "nsubjpass",
                "attr",
                "xcomp",
                "conj",
                "appos",
                "compound",
            ):
                return "happened"
            tok = tok.head
        else:
            return "happened"
    for _ in range(6):
        if tok is not head:
            if tok.lemma_ in words()["deny_verbs"]:
                return "denied"
            if tok.lemma_ in words()["negating_verbs"]:
                return "negated"
            if tok.lemma_ in words()["hypothetical_verbs"]:
                return "hypothetical"
        marker = _own_markers(tok)
        if marker is not None:
            return marker
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        purpose = tok.dep_ == "acl"  # "an offensive aimed at pushing X out"
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)  # "have urged"
        if (
            tok is not head
            and tok.lemma_ in words()["future_verbs"]
            and (tok.tag_ != "VBN" or passive or purpose or perfect)
        ):
            return "future"  # "plans to capture", "is expected to launch"
        idea = tok.head.head.lemma_.lower() in words()["hypothetical_nouns"] or (
            tok.head.i > 0 and tok.head.doc[tok.head.i - 1].lemma_.lower() in words()["hypothetical_nouns"])
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and idea:
            return "hypothetical"  # "the idea of executing prisoners", "the threat of storming X"
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB":
            tok = tok.head.head  # "aimed at pushing": on to the verb the preposition hangs on
            continue
        if tok.dep_ in ("acl", "ccomp") and tok.head.lemma_.lower() in words()["report_nouns"]:
            tok = tok.head.head  # "denied Russian claims that its forces captured X"
            continue
        if tok.dep_ == "acomp" and tok.head.pos_ in ("AUX", "VERB"):
            tok = tok.head  # "may be able to take": on to the verb that carries the modal
            continue
        if tok.dep_ in ("xcomp", "conj", "ccomp", "advcl", "pcomp") or (tok.dep_ == "pobj" and tok.head.pos_ == "ADP"):
            if tok.dep_ == "ccomp" and tok.head.lemma_ not in words()["deny_verbs"] | words()["future_verbs"]:
                return "happened"  # "said that X captured Y": the report's verb is not the event's
            if tok.dep_ == "advcl" and not any(c.dep_ == "mark" for c in tok.children) and tok.tag_ == "VBG":
                return "happened"  # "shelled X, killing six": a participle shares its clause's facts
            tok = tok.head
            continue
        break
    return "happened"


def anaphoric_denials(sents: Sequence[Span]) -> list[int]:
    """Indices of sentences that deny something said before: "Ukraine denied the claim", "Kyiv
    rejected these reports". A denial with its own clause ("denied that X fell") is read where X is."""
    out = []
    for k, sent in enumerate(sents):
        for tok in sent:
            if tok.lemma_ not in words()["deny_verbs"] or tok.pos_ != "VERB":
                continue
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(o.lemma_.lower() in words()["report_nouns"] or o.pos_ == "PRON" for o in objs):
                out.append(k)
                break
    return out
