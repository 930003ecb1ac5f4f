"""Find uncertainty cues in a parsed Doc: lexicon words checked against their syntax, plus
phrase patterns for unverifiable reports and weasel subjects."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from fogofwar.analyze.uncertainty.lexicon import CueEntry, Lexicon
from fogofwar.schema import UncertaintyCue

# "could not be verified", "difficult to verify independently", "not possible to independently
# confirm", "has not been independently confirmed", "no independent confirmation".
_UNVERIFIABLE = re.compile(
    r"\b(?:"
    r"(?:could\s*n[o']t|can\s*n[o']t|cannot|was\s+unable\s+to|were\s+unable\s+to|unable\s+to"
    r"|(?:(?:was|is|were|are|remains?|proved)\s+)?(?:difficult|hard|impossible|not\s+possible)\s+to"
    r"|(?:has|have|had)\s*n[o']t\s+(?:yet\s+)?been(?:\s+able\s+to)?|(?:was|were|is|are)\s*n[o']t"
    r"|did\s*n[o']t|does\s*n[o']t|do\s*n[o']t)"
    r"(?:\s+be)?(?:\s+(?:immediately|independently|yet))?"
    r"\s+(?:verif(?:y|ied)|confirm(?:ed)?|corroborat(?:e|ed))"
    r"(?:\s+(?:independently|immediately))?"
    r"|no\s+(?:independent\s+)?(?:confirmation|verification|evidence)"
    r"|(?:has|have|had|did|does|do)\s*n[o']t\s+(?:yet\s+)?(?:observed|seen|found)\s+(?:any\s+)?"
    r"(?:independent\s+)?(?:confirmation|evidence|proof)"
    r")\b",
    re.IGNORECASE,
)
# "Neither side's account could be independently verified": the negation sits on the subject.
_NEGATED_SUBJECT_UNVERIFIABLE = re.compile(
    r"\b(?:neither|none|nobody|no\s+one)\b[^.;!?]{0,60}?\b("
    r"(?:could|can|was|were|has|have|had|is|are)\s+(?:be\s+|been\s+)?(?:independently\s+|immediately\s+)?"
    r"(?:verified|confirmed|corroborated))\b",
    re.IGNORECASE,
)
# Bare plural collectives that say or believe something without being named: Wikipedia's weasels.
_WEASEL_SUBJECTS = frozenset(
    {"analyst", "critic", "observer", "expert", "commentator", "some", "many", "other"}
)
_WEASEL_VERBS = frozenset(
    {"say", "argue", "believe", "claim", "contend", "speculate", "fear", "think", "suggest", "warn", "note"}
)
_WEASEL_DETS = frozenset({"some", "many", "most", "several"})


def _condition(entry: CueEntry, tok: Token, nxt: Token | None, numeric_hedges: bool) -> bool:
    when = entry.when
    if when == "any":
        return True
    if when == "modal":
        # "May" the month is a proper noun; "could not be verified" is left to the phrase rule.
        return tok.tag_ == "MD"
    if when == "modalpos":
        # "could not be reached for comment" is what happened, not what may have
        return tok.tag_ == "MD" and (nxt is None or nxt.lower_ not in ("not", "n't"))
    if when == "verb":
        return tok.pos_ in ("VERB", "AUX")
    if when == "verbcomp":
        return tok.pos_ in ("VERB", "AUX") and (
            any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr") for c in tok.children)
            or (nxt is not None and nxt.lower_ in ("to", "that", "as"))
        )
    if when == "vbn":
        return tok.tag_ == "VBN" or (tok.pos_ == "ADJ" and tok.dep_ != "amod")
    if when == "adj":
        return tok.pos_ == "ADJ"
    if when == "sconj":
        return tok.dep_ == "mark" or tok.tag_ == "IN"
    if when == "num":
        return numeric_hedges and nxt is not None and (nxt.like_num or nxt.pos_ == "NUM")
    return False


def _match(doc: Doc, i: int, entry: CueEntry) -> tuple[int, int] | None:
    """(first, last) token indices of the cue span when ``entry`` matches at token ``i``."""
    n = len(entry.slots)
    if i + n > len(doc):
        return None
    for k in range(1, n):
        if doc[i + k].lower_ not in entry.slots[k]:
            return None
    return i + entry.first, i + entry.last


def _lexicon_cues(doc: Doc, lexicon: Lexicon, numeric_hedges: bool) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    covered_until = -1
    by_first = lexicon.by_first
    for tok in doc:
        entries = by_first.get(tok.lower_)
        if entries is None or tok.i <= covered_until:
            continue
        for entry in entries:
            span = _match(doc, tok.i, entry)
            if span is None:
                continue
            head = doc[span[0]]
            nxt = doc[span[1] + 1] if span[1] + 1 < len(doc) else None
            if not _condition(entry, head, nxt, numeric_hedges):
                continue
            found.append((doc[span[0]].idx, doc[span[1]].idx + len(doc[span[1]]), entry.type))
            covered_until = span[1]
            break
    return found


def _weasel_cues(doc: Doc) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for tok in doc:
        if (
            tok.lemma_.lower() not in _WEASEL_SUBJECTS
            or tok.dep_ != "nsubj"
            or tok.tag_ not in ("NNS", "DT", "JJ")
        ):
            continue
        if tok.head.lemma_.lower() not in _WEASEL_VERBS:
            continue
        dets = [c for c in tok.children if c.dep_ in ("det", "poss", "compound", "nmod")]
        if any(c.lower_ not in _WEASEL_DETS for c in dets):
            continue  # "the analysts", "ISW analysts", "their critics" are somebody in particular
        start = min([tok.idx, *(c.idx for c in dets)])
        found.append((start, tok.idx + len(tok), "weasel"))
    return found


def find(
    doc: Doc, lexicon: Lexicon, numeric_hedges: bool = False, weasels: bool = True
) -> list[UncertaintyCue]:
    """Uncertainty cues of ``doc`` in text order, none overlapping another."""
    text = doc.text
    spans = [(m.start(), m.end(), "unverifiable") for m in _UNVERIFIABLE.finditer(text)]
    spans += [
        (m.start(1), m.end(1), "unverifiable")
        for m in _NEGATED_SUBJECT_UNVERIFIABLE.finditer(text)
        if not any(s < m.end(1) and m.start(1) < e for s, e, _ in spans)
    ]
    candidates = _lexicon_cues(doc, lexicon, numeric_hedges)
    if weasels:
        candidates += _weasel_cues(doc)
    for start, end, cue_type in candidates:
        if not any(s < end and start < e for s, e, _ in spans):
            spans.append((start, end, cue_type))
    spans.sort()
    return [UncertaintyCue(start=s, end=e, text=text[s:e], type=t) for s, e, t in spans]
