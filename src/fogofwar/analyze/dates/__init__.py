"""The dates stage: every date expression of an article, normalised against its publication date.

Spans come from our own patterns (``rules.PATTERNS``); spaCy's DATE entities only support a bare
year or month name ("2014" is a date where spaCy says so, or after "in", "since", ...) and, when
none of our patterns covers one that names a month, weekday or year, are read by ``dateparser``
(cached, imported only then). Spans leave out "the", "on", "since", "in" and the like.

Values: "YYYY-MM-DD" for day precision, the Monday of the week ("YYYY-MM-DD") for week precision,
"YYYY-MM" for month and "YYYY" for year precision.

Decisions:
- A date without its year takes the year from the tense of its clause (from the parse): past
  talk never gives a date after publication ("fell on December 28" in an article of 2025-12-20
  is 2024-12-28), future talk ("will meet on January 5") never one before it, and with no tense
  to go by the candidate nearest to publication wins ("December 11" -> 2025-12-11, "the Sept. 30
  deadline" in an article of Sept. 28 -> that Sept. 30). Weekdays are the latest on or before
  publication unless the clause is future ("on Thursday" -> the last Thursday); "next week",
  "tomorrow" are future by their words.
- "overnight" and "last night" are the day before publication (the night began then);
  "overnight on 29 July" is 29 July.
- "last week" is the week before the publication's week; a weekend is that of the week it
  closes ("over the weekend" in a Wednesday article: the week before).
- Durations and ages ("three years", "10 days", "decades", "a 55-year-old", "in recent days",
  "the past week") are not dates and are left out entirely. Decades ("the 1990s") are kept with
  value None and precision "unknown".
- "early/late/the end of last month" is last month (the edge words are kept in the span); "a few
  days ago" is the week of three days before publication (a few weeks: the month; months: the year).
- Ranges ("between 3 and 5 May", "10 to 12 December", "December 15-17", "between March and May"):
  the first day's value at the precision of the smallest calendar unit holding the whole range
  (``ranges.py``); "and" makes a range only after "between".
- Fixed-date holidays ("Christmas Day", "New Year's Eve", "Orthodox Christmas") are days (``holidays.py``).
- A participle without auxiliaries is past ("the ceasefire agreed on Friday"; the tagger's VBN for
  "troops paraded").
- The report's dates are told apart from the event's (``roles.is_report_date``): a date hanging from a
  verb of saying ("said on Thursday") or a reporting noun ("in a statement on Monday", "Thursday's
  briefing") dates the report; ``roles.event_dates`` leaves those out.
- Without a publication date, a date that needs one ("December 11", "yesterday", "last week")
  has value None and keeps its precision; a fully specified one ("December 11, 2024", "in 2014")
  still resolves.
"""

from __future__ import annotations

import functools
import logging
import re
from datetime import date, datetime, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from fogofwar.analyze.dates.holidays import HOLIDAY_PATTERNS
from fogofwar.analyze.dates.ranges import RANGE_PATTERNS
from fogofwar.analyze.dates.rules import FUTURE, LEADING, PATTERNS, SUPPORT, Pattern, Value, monday
from fogofwar.analyze.extensions import doc_text, published, register_extensions
from fogofwar.schema import DateRef

log = logging.getLogger(__name__)
# Ranges first: on a tie in length, a range reading wins over "December 15" inside "December 15-17".
ALL_PATTERNS: tuple[Pattern, ...] = RANGE_PATTERNS + PATTERNS + HOLIDAY_PATTERNS

# A spaCy DATE worth handing to dateparser names a month, a weekday or a year.
_DATEISH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:19|20)\d\d)\b"
)


def _parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        log.warning("published %r is not YYYY-MM-DD; dates are read without it", value)
        return None


def _speaks_of_future(text: str, start: int) -> bool:
    bounds = (text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind(";", 0, start))
    return FUTURE.search(text, max(bounds) + 1, start) is not None


_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo"}


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the clause a date stands in: "past", "future" or None (unknown).

    From the parse when there is one: the verb the date hangs from, its tag and auxiliaries;
    without a parse, only words of the future ("will", "scheduled") count."""
    if not doc.has_annotation("DEP"):
        return "future" if _speaks_of_future(doc_text(doc), start) else None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return "future" if _speaks_of_future(doc_text(doc), start) else None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if any(
        a.lower_ in ("going", "is", "are") and a.i + 1 < len(doc) and doc[a.i + 1].lower_ == "to"
        for a in tok.children
    ):
        return "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("has", "have", "had") for a in auxes):
        return "past"
    # A participle without auxiliaries is a finished act ("the ceasefire agreed on Friday"), or a
    # past tense the tagger took for one ("On May 9, troops paraded").
    if tok.tag_ == "VBN" and not auxes and not _speaks_of_future(doc_text(doc), start):
        return "past"
    if _speaks_of_future(doc_text(doc), start):
        return "future"
    return None


@functools.lru_cache(maxsize=64)
def _date_parser(base: date | None):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=4096)
def parse_with_dateparser(text: str, base: date | None) -> Value | None:
    """dateparser's reading of one expression, or None when it has none."""
    data = _date_parser(base).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    has_year = re.search(r"\b(?:19|20)\d\d\b", text) is not None
    if period == "year":
        return str(d.year), "year"
    if period == "month":
        return (d.strftime("%Y-%m") if base or has_year else None), "month"
    if period == "week":
        return (monday(d).isoformat() if base else None), "week"
    return (d.isoformat() if base or has_year else None), "day"


def _supported(text: str, start: int, end: int, date_ents: list[tuple[int, int]]) -> bool:
    if SUPPORT.search(text[max(0, start - 30) : start]):
        return True
    return any(s <= start and end <= e for s, e in date_ents)


def find(doc: Doc, published_on: str | None = None) -> list[DateRef]:
    """Every date expression of ``doc`` with its value and precision, in text order."""
    text = doc.text
    pub = _parse_published(published_on)
    date_ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    candidates: list[tuple[int, int, int, Pattern, re.Match[str]]] = []
    for rank, pattern in enumerate(ALL_PATTERNS):
        for m in pattern.regex.finditer(text):
            start, end = m.span()
            if pattern.left is not None:
                extended = pattern.left.search(text, max(0, start - 30), start)
                start = extended.start() if extended else start
            lead = LEADING.match(text, start, end)
            if lead:
                start = lead.end()
            if start >= end:
                continue
            if pattern.needs_support and not _supported(text, start, end, date_ents):
                continue
            if pattern.accept is not None and not pattern.accept(m):
                continue
            candidates.append((start, end, rank, pattern, m))
    chosen: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for start, end, _, pattern, m in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if any(start < e and s < end for s, e in taken):
            continue
        value, precision = pattern.resolve(m, pub, tense_at(doc, start, end))
        taken.append((start, end))
        chosen.append(DateRef(start, end, text[start:end], value, precision))
    for s, e in date_ents:
        if any(s < te and ts < e for ts, te in taken) or not _DATEISH.search(text, s, e):
            continue
        lead = LEADING.match(text, s, e)
        s = lead.end() if lead else s
        parsed = parse_with_dateparser(text[s:e], pub)
        if parsed is not None and _not_future(parsed[0], pub, text, s):
            chosen.append(DateRef(s, e, text[s:e], parsed[0], parsed[1]))
    return sorted(chosen, key=lambda d: d.start)


def _not_future(value: str | None, pub: date | None, text: str, start: int) -> bool:
    """A dateparser reading after publication is kept only where the sentence speaks of the future."""
    if value is None or pub is None or len(value) != 10:
        return True
    return date.fromisoformat(value) <= pub + timedelta(days=1) or _speaks_of_future(text, start)


class DatesStage:
    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find(doc, base_date(doc))
        return doc


def base_date(doc: Doc) -> str | None:
    """The date relative dates resolve against: when the article was written, i.e. the page's own
    date (dateline, metadata) when the reader found one, else the given publication date."""
    article = doc._.article
    page_date = getattr(article, "page_date", None) if article is not None else None
    return page_date or published(doc)


@Language.factory("fogofwar_dates", assigns=["doc._.dates"], requires=["doc.ents"], default_config={})
def make_dates(nlp: Language, name: str) -> DatesStage:
    return DatesStage(nlp, name)


__all__ = ["DatesStage", "base_date", "find", "make_dates", "parse_with_dateparser"]
