"""Which dates are the report's and which the event's.

"Kyiv said on Thursday that Russian troops took the village on Tuesday": Thursday dates the
saying, Tuesday the capture. An event's date must not be taken from the report's: a date that
hangs from a verb of saying ("said", "told", "announced") or from a noun of reporting ("in a
statement on Monday", "Thursday's briefing") is a report date.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from fogofwar.schema import DateRef

REPORT_VERBS = frozenset({
    "say", "tell", "announce", "report", "state", "claim", "write", "add", "confirm", "deny", "post", "tweet",
    "publish", "declare", "insist", "assert", "note", "warn", "acknowledge", "admit", "allege", "comment",
    "brief", "update", "explain", "indicate", "reveal", "disclose", "suggest",
})
REPORT_NOUNS = frozenset({
    "statement", "report", "briefing", "update", "address", "announcement", "post", "interview", "remarks",
    "comment", "comments", "communique", "press", "conference", "message", "bulletin", "summary", "assessment",
    "tweet", "video", "speech", "release", "notice",
})


def _governor(doc: Doc, ref: DateRef) -> Token | None:
    """The first verb or reporting noun above the date in the parse (None without a parse)."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(8):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") or tok.lemma_.lower() in REPORT_NOUNS:
            return tok
    return tok if tok.pos_ in ("VERB", "AUX") else None


def is_report_date(doc: Doc, ref: DateRef) -> bool:
    """Whether ``ref`` dates the report (a saying, a statement) rather than what it reports."""
    tok = _governor(doc, ref)
    if tok is None:
        return False
    lemma = tok.lemma_.lower()
    return lemma in REPORT_NOUNS or (tok.pos_ == "VERB" and lemma in REPORT_VERBS)


def event_dates(doc: Doc, dates: Sequence[DateRef]) -> list[DateRef]:
    """The dates of ``dates`` that may date an event: all but the report dates."""
    return [d for d in dates if not is_report_date(doc, d)]
