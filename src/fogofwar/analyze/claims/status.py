"""How sure a claim is: denied, unverified (the article says it could not be checked, here or in a
later sentence that points back), hedged (a hedge in its cue or content), reported or asserted."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from fogofwar.analyze.claims.lexicon import ClaimsLexicon
from fogofwar.analyze.claims.model import Draft
from fogofwar.schema import UncertaintyCue

_HEDGE_TYPES = frozenset({"probable", "possible", "doxastic", "condition", "investigation"})
_NOT_HEDGES = frozenset({"would"})  # future in the past ("said it would"), not doubt
_BACK_WINDOW = 3  # sentences an "unverified" remark may reach back


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _spans(d: Draft) -> list[tuple[int, int]]:
    return list(d.parts) + ([d.cue] if d.cue else [])


def _denied(doc: Doc, d: Draft, lex: ClaimsLexicon) -> bool:
    if d.cue_class == "deny":
        return True
    for s, e in d.parts:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        words = [t.lower_ for t in span]
        if any(w in lex.falsity for w in words):
            return True
        text = " ".join(words)
        if "not true" in text or "no truth" in text:
            return True
    return False


_EITHER_SIDE = re.compile(r"\b(?:neither|either|both|each)\s+sides?\b", re.IGNORECASE)
_ACCOUNT_NOUNS = frozenset({"claim", "account", "report", "statement", "assertion", "figure", "version"})
_WARRING = ("russia", "ukraine")


def _named_side(sent: Span, lex: ClaimsLexicon) -> str | None:
    """The side an unverifiable remark names: "The Ukrainian claim", "Russian reports"; "all" for
    "neither side's account" or "reports from either side"."""
    if _EITHER_SIDE.search(sent.text):
        return "all"
    for tok in sent:
        if tok.lemma_.lower() in _ACCOUNT_NOUNS:
            for mod in tok.children:
                side = lex.sides.get((mod.lower_,))
                if mod.dep_ in ("amod", "compound", "poss") and side in _WARRING:
                    return side
    return None


def statuses(
    doc: Doc,
    drafts: list[Draft],
    cues: list[UncertaintyCue],
    lex: ClaimsLexicon,
    canonicals: list[str | None],
    sides: list[str | None],
) -> list[str]:
    """One status per draft (drafts in text order)."""
    sent_of = {s.start_char: k for k, s in enumerate(doc.sents)}
    sents = list(doc.sents)
    unverified: set[int] = set()
    for cue in (c for c in cues if c.type == "unverifiable"):
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None:
            continue
        k = sent_of.get(span.sent.start_char, 0)
        # a cue inside a claim's content is the source's own doubt about something else
        same = [
            n
            for n, d in enumerate(drafts)
            if d.type != "author"
            and sent_of.get(d.sent_start) == k
            and not _overlaps(d.parts, cue.start, cue.end)
        ]
        if any(_overlaps(d.parts, cue.start, cue.end) for d in drafts if d.type != "author"):
            continue
        if same:
            unverified.update(same)
            continue
        named = _named_side(span.sent, lex)
        if named is not None:
            # "The Ukrainian claim could not be verified": every earlier claim from that side
            unverified.update(
                n
                for n, d in enumerate(drafts)
                if d.type != "author"
                and d.sent_start < span.sent.start_char
                and (sides[n] in _WARRING if named == "all" else sides[n] == named)
            )
            continue
        # "Such accounts, while difficult to verify independently, ...": the latest attribution before
        lo = sents[max(0, k - _BACK_WINDOW)].start_char
        prior = [
            n
            for n, d in enumerate(drafts)
            if d.type != "author" and lo <= d.sent_start < span.sent.start_char
        ]
        if prior:
            last = prior[-1]
            unverified.update(
                n for n in prior if n == last or (canonicals[n] and canonicals[n] == canonicals[last])
            )
    out: list[str] = []
    for n, d in enumerate(drafts):
        hedged = d.cue_class in ("hedge", "belief") or any(
            c.type in _HEDGE_TYPES
            and c.text.lower() not in _NOT_HEDGES
            and _overlaps(_spans(d), c.start, c.end)
            for c in cues
        )
        if d.type == "author":
            # the article's own voice: what it asserts, hedges inside it notwithstanding
            out.append("asserted")
        elif _denied(doc, d, lex):
            out.append("denied")
        elif n in unverified:
            out.append("unverified")
        elif hedged:
            out.append("hedged")
        else:
            out.append("reported")
    return out
