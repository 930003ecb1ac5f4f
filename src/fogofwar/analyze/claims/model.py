"""The claims stage's working record of one attribution before it becomes a schema.Claim."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

_NP_PREPS = frozenset({"of", "for", "from", "at", "in", "with", "on"})
_EDGE_PUNCT = frozenset([*",;:.-—–\"'“”‘’«»()[]", "''", "``"])


@dataclass
class Draft:
    sent_start: int  # char offset of the claim's sentence, to order and to look around
    cue: tuple[int, int] | None  # char span of the words of saying
    parts: list[tuple[int, int]]  # char spans of the content
    type: str  # a ClaimType, refined later (direct / mixed from quotes)
    cue_class: str = "say"  # say | deny | hedge | belief | frame | tell | according | author
    source: Span | None = None
    source_head: Token | None = None
    score: float = 0.8
    tokens: set[int] = field(default_factory=set)  # token indices the draft consumed (no rematch)


def np_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without clauses and appositions hung on
    it ("A Russian fighter, speaking on condition of anonymity," is "A Russian fighter")."""
    keep = {head.i}
    stack = [c for c in head.children]
    while stack:
        child = stack.pop()
        if child.dep_ == "appos" and child.head == head and child.pos_ == "PROPN" and head.pos_ == "NOUN":
            pass  # "the state news agency TASS": the name belongs to the source
        elif child.dep_ in ("acl", "relcl", "appos", "advcl", "parataxis", "dep") or (
            child.dep_ == "punct" and child.head == head and child.text not in ("-", "‐", ".")
        ):
            continue
        if child.head == head and child.i > head.i and child.dep_ == "prep" and child.lower_ not in _NP_PREPS:
            continue
        keep.add(child.i)
        stack.extend(child.children)
    doc = head.doc
    lo, hi = min(keep), max(keep)
    # a contiguous span: stop at the first gap (a dropped clause in the middle)
    left = head.i
    while left - 1 >= lo and (left - 1) in keep:
        left -= 1
    right = head.i
    while right + 1 <= hi and (right + 1) in keep:
        right += 1
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and (doc[right].is_punct or doc[right].dep_ == "case"):
        right -= 1
    return [doc[i] for i in range(left, right + 1)]


def same_paragraph(doc: Doc, anchor: int, indices: set[int], text: str) -> set[int]:
    """The tokens of ``indices`` in the paragraph of token ``anchor``: the parser sometimes runs a
    sentence across a blank line, and no attribution crosses one."""
    if not indices:
        return indices
    at = doc[anchor].idx
    lo = text.rfind("\n\n", 0, at)
    hi = text.find("\n\n", at)
    hi = len(text) if hi == -1 else hi
    return {i for i in indices if lo < doc[i].idx < hi}


def token_parts(doc: Doc, indices: set[int] | list[int]) -> list[tuple[int, int]]:
    """Char spans of runs of the given tokens, trimmed of edge punctuation and a leading "that"."""
    runs: list[list[int]] = []
    for i in sorted(set(indices)):
        if runs and (i == runs[-1][-1] + 1 or all(doc[j].is_space for j in range(runs[-1][-1] + 1, i))):
            runs[-1].append(i)
        else:
            runs.append([i])
    parts: list[tuple[int, int]] = []
    for run in runs:
        lo, hi = run[0], run[-1]
        while lo <= hi and (
            doc[lo].text in _EDGE_PUNCT
            or doc[lo].is_space
            or (lo == run[0] and doc[lo].dep_ == "mark" and doc[lo].lower_ in ("that", "whether"))
        ):
            lo += 1
        while hi >= lo and (
            doc[hi].text in _EDGE_PUNCT or doc[hi].is_space or doc[hi].lower_ in ("and", "but")
        ):
            hi -= 1
        if lo <= hi:
            parts.append((doc[lo].idx, doc[hi].idx + len(doc[hi])))
    return parts


_QUOTE_PAIRS = (
    # „German and Ukrainian style“ first: its closing mark is the English opening one
    re.compile(r"„([^„“”\n]{2,}?)[“”]"),
    re.compile(r"“([^”“]{2,}?)”"),
    re.compile(r"«([^»«]{2,}?)»"),
    # straight quotes: an opening one after a space or line start, a closing one before a space or
    # punctuation, both in one paragraph, so that one stray mark does not pair up the rest backwards
    re.compile(r'(?:(?<=^)|(?<=[\s(\[—–]))"(?=[^\s"])([^"\n]{2,}?)(?<=[^\s"])"(?=[\s.,;:!?)\]—–]|$)', re.M),
    # doubled single quotes (''...'' or ``...''), with apostrophes inside ("''I'm sure,'' he said")
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))(?:''|``)(?=[^\s'])((?:[^'\n]|'(?!'))+?'?)''(?=[\s.,;:!?)\]—–]|$)", re.M),
    # single curly quotes: an opening one not after a letter, a closing one not before a letter
    re.compile(r"(?<![\w])‘([^‘’]+(?:’\w[^‘’]*)*?)’(?!\w)"),
)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Char spans of the insides of quotations, outermost first, no two overlapping."""
    found: list[tuple[int, int]] = []
    for pattern in _QUOTE_PAIRS:
        for m in pattern.finditer(text):
            s, e = m.span(1)
            if not any(a < e and s < b for a, b in found):
                found.append((s, e))
    return sorted(found)
