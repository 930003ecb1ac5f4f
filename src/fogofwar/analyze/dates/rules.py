"""Date expressions found by pattern, and their values against the publication date.

Each pattern's ``resolve`` gets the match, the publication date (or None) and the tense of the
clause the date stands in ("past", "future" or None when unknown), and returns (value,
precision). Values: "YYYY-MM-DD" (day; for week precision the Monday of that week), "YYYY-MM"
(month), "YYYY" (year), or None.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_FULL_MONTH = "|".join(m for m in calendar.month_name if m)
# A month name must end at a word boundary: "14th Separate Brigade" holds no "14th Sep".
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?![A-Za-z]))"
_MONTH = rf"(?:(?:{_FULL_MONTH})(?![A-Za-z])|{_ABBR_MONTH})"
_WEEKDAY = "|".join(d for d in calendar.day_name)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_EDGE = (
    r"(?i:early|late|mid|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of"
    r"|start\s+of|the\s+middle\s+of|middle\s+of)"
)
_NUM = r"(?i:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

Value = tuple[str | None, str]
Resolver = Callable[[re.Match[str], date | None, bool], Value]


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    resolve: Resolver
    needs_support: bool = False  # kept only with a preposition before it or inside a spaCy DATE
    accept: Callable[[re.Match[str]], bool] | None = None  # a further test of a match ("between" ranges)
    # Words that may stand just before a match and belong to its span ("early", "last"). Matched on the
    # text before the match rather than as an optional prefix of ``regex``: an optional prefix is tried
    # at every position of the text and made the stage several times slower.
    left: re.Pattern[str] | None = None


_LEFT_EDGE = re.compile(rf"\b{_EDGE}[\s-]+\Z")
_LEFT_REL = re.compile(r"\b(?P<rel>(?i:last|this|next|past))\s+\Z")
_LEFT_REL_OR_EDGE = re.compile(rf"(?:\b(?P<rel>(?i:last|this|next|past))\s+|\b{_EDGE}[\s-]+)\Z")
_LEFT_PERIOD = re.compile(rf"(?:\b(?i:earlier|later)\s+|\b{_EDGE}[\s-]+)\Z")


def before(m: re.Match[str], left: re.Pattern[str]) -> re.Match[str] | None:
    """``left`` matched on the 30 characters before ``m``, ending where ``m`` starts."""
    return left.search(m.string, max(0, m.start() - 30), m.start())


def _rel(m: re.Match[str]) -> str:
    """ "last", "this", "next" or "past" just before the match, lowercased ("" when none)."""
    lm = before(m, _LEFT_REL_OR_EDGE)
    return (lm["rel"] or "").lower() if lm else ""


def _int(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _month_of(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _day_value(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _nearest(candidates: list[date], pub: date, tense: str | None) -> date:
    """Past talk: the latest candidate not after publication; future talk: the earliest not
    before it; unknown tense: the nearest to it (the earlier one on a tie)."""
    if tense == "past":
        return max((c for c in candidates if c <= pub), default=min(candidates))
    if tense == "future":
        return min((c for c in candidates if c >= pub), default=max(candidates))
    return min(candidates, key=lambda c: (abs((c - pub).days), c))


def _pick_year(month: int, day: int, pub: date, tense: str | None) -> int:
    day = min(day, 28) if month == 2 and day == 29 else day
    return _nearest([date(pub.year + k, month, day) for k in (-1, 0, 1)], pub, tense).year


def _month_day(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    month, day = _month_of(m["month"]), _int(m["day"])
    if m["year"]:
        return _day_value(_int(m["year"]), month, day), "day"
    if pub is None:
        return None, "day"
    try:
        return _day_value(_pick_year(month, day, pub, tense), month, day), "day"
    except ValueError:
        return None, "day"


def _weekday_date(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    month, day = _month_of(m["month"] or m["month2"]), _int(m["day"] or m["day2"])
    if m["year"]:
        return _day_value(_int(m["year"]), month, day), "day"
    if pub is None:
        return None, "day"
    return _day_value(_pick_year(month, day, pub, tense), month, day), "day"


def _iso(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    return _day_value(_int(m["year"]), _int(m["month"]), _int(m["day"])), "day"


def _month_year(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    return f"{_int(m['year']):04d}-{_month_of(m['month']):02d}", "month"


def _month_alone(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    month = _month_of(m["month"])
    if pub is None:
        return None, "month"
    rel = _rel(m)
    if rel in ("last", "past"):
        tense = "past"
        pub = pub.replace(day=1) - timedelta(days=1)  # "last March" is never this month
    elif rel == "next":
        tense = "future"
        pub = pub.replace(day=28) + timedelta(days=4)
    first = pub.replace(day=1)
    year = _nearest([date(pub.year + k, month, 1) for k in (-1, 0, 1)], first, tense).year
    return f"{year:04d}-{month:02d}", "month"


def _year(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    return m["year"], "year"


def _weekday(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    if pub is None:
        return None, "day"
    wd = WEEKDAYS[m["weekday"].lower()]
    rel = _rel(m)
    back = (pub.weekday() - wd) % 7
    if rel in ("last", "past") and back == 0:
        back = 7
    if rel == "next" or (tense == "future" and rel not in ("last", "past")):
        ahead = (wd - pub.weekday()) % 7 or (7 if rel == "next" else 0)
        return (pub + timedelta(days=ahead)).isoformat(), "day"
    return (pub - timedelta(days=back)).isoformat(), "day"


_RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                  "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1, "overnight": -1,
                  "the day before yesterday": -2, "tomorrow": 1}


def _relative_day(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    if pub is None:
        return None, "day"
    key = " ".join(m["day"].lower().split())
    return (pub + timedelta(days=_RELATIVE_DAYS[key])).isoformat(), "day"


def _shift_month(d: date, months: int) -> tuple[int, int]:
    n = d.year * 12 + d.month - 1 + months
    return n // 12, n % 12 + 1


def _relative_period(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    unit = m["unit"].lower()
    step = {"last": -1, "previous": -1, "this": 0, "the": 0, "next": 1}.get(m["rel"].lower(), -1)
    precision = {"weekend": "week"}.get(unit, unit)
    if pub is None:
        return None, precision
    if unit in ("week", "weekend"):
        # A weekend belongs to the week of the Monday before it; "last weekend" is the one of last week.
        return (monday(pub) + timedelta(weeks=step)).isoformat(), "week"
    if unit == "month":
        y, mo = _shift_month(pub, step)
        return f"{y:04d}-{mo:02d}", "month"
    return f"{pub.year + step:04d}", "year"


# "a few days ago": about three of the unit, read at the next unit up (a few days: the week).
_VAGUE = {"a few": 3, "several": 3, "a couple of": 2}
_COARSER = {"day": "week", "week": "month", "month": "year", "year": "unknown"}


def _ago(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    unit = m["unit"].lower().rstrip("s")
    n_text = " ".join(m["n"].lower().split())
    if n_text in ("a few", "several"):
        return _vague_ago(unit, pub)
    n = _VAGUE.get(n_text) or (NUMBERS[n_text] if n_text in NUMBERS else int(n_text))
    if pub is None:
        return None, unit
    if unit == "day":
        return (pub - timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return monday(pub - timedelta(weeks=n)).isoformat(), "week"
    if unit == "month":
        y, mo = _shift_month(pub, -n)
        return f"{y:04d}-{mo:02d}", "month"
    return f"{pub.year - n:04d}", "year"


def _vague_ago(unit: str, pub: date | None) -> Value:
    precision = _COARSER[unit]
    if pub is None or precision == "unknown":
        return None, precision
    if unit == "day":
        return monday(pub - timedelta(days=3)).isoformat(), precision
    if unit == "week":
        y, mo = _shift_month(pub - timedelta(weeks=3), 0)
        return f"{y:04d}-{mo:02d}", precision
    return f"{_shift_month(pub, -3)[0]:04d}", precision


def _weekend(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    """ "over the weekend": the weekend just past (the current one when published on it)."""
    if pub is None:
        return None, "week"
    start = monday(pub) if pub.weekday() >= 5 else monday(pub) - timedelta(weeks=1)
    if tense == "future" and pub.weekday() < 5:
        start = monday(pub)
    return start.isoformat(), "week"


_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    """ "last summer": the year of the latest summer over before publication (a winter counts
    in the year of its January)."""
    if pub is None:
        return None, "year"
    first = _SEASONS[m["season"].lower()]
    starts = [date(pub.year + k, first, 1) for k in (-2, -1, 0, 1)]
    ends = [date(s.year + (s.month + 2) // 12, (s.month + 2) % 12 + 1, 1) for s in starts]
    rel = " ".join(m["rel"].lower().split())
    if rel in ("last", "this past", "past"):
        start = max(s for s, e in zip(starts, ends, strict=True) if e <= pub)
    elif rel == "next":
        start = min(s for s in starts if s > pub)
    else:
        start = min((s for s, e in zip(starts, ends, strict=True) if e > pub), default=starts[-1])
    return str(start.year + (1 if first == 12 else 0)), "year"


def _decade(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    return None, "unknown"


PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "iso",
        re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b"),
        _iso,
    ),
    Pattern(
        "dmy_numeric",
        re.compile(r"\b(?P<day>[0-2]?\d|3[01])\.(?P<month>0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d\d)\b"),
        _iso,
    ),
    Pattern(
        "month_day",
        re.compile(
            rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?:\s*[-–]\s*{_DAY})?(?!\d)(?:,?\s+(?P<year>{_YEAR})\b)?"
            rf"(?!\s*[:.]\d)"
        ),
        _month_day,
    ),
    # "Monday, April 11, 2016": the weekday only confirms the date after it.
    Pattern(
        "weekday_date",
        re.compile(
            rf"\b(?:{_WEEKDAY}),?\s+(?:(?P<month>{_MONTH})\s+(?P<day>{_DAY})|(?P<day2>{_DAY})\s+(?P<month2>{_MONTH}))"
            rf"(?!\d)(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
        _weekday_date,
    ),
    Pattern(
        "day_month",
        re.compile(
            rf"\b(?P<day>{_DAY})(?:\s*[-–]\s*{_DAY})?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
        _month_day,
    ),
    Pattern(
        "month_year",
        re.compile(rf"\b(?P<month>{_MONTH})(?:\s+of)?,?\s+(?P<year>{_YEAR})\b"),
        _month_year,
        left=_LEFT_EDGE,
    ),
    Pattern(
        "month",
        re.compile(
            rf"\b(?P<month>{_FULL_MONTH})\b(?!\s*\d)"
        ),
        _month_alone,
        needs_support=True,
        left=_LEFT_REL_OR_EDGE,
    ),
    Pattern(
        "season_year",
        re.compile(rf"\b(?i:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>{_YEAR})\b"),
        _year,
    ),
    Pattern(
        "season",
        re.compile(
            r"\b(?P<rel>(?i:last|this\s+past|this|next|past))\s+(?P<season>(?i:spring|summer|autumn|fall|winter))\b"
        ),
        _season,
    ),
    Pattern("year_edge", re.compile(rf"\b{_EDGE}[\s-]+(?P<year>{_YEAR})\b"), _year),
    Pattern(
        "year", re.compile(rf"(?<![\d,.$€£-])\b(?P<year>{_YEAR})\b(?![\d,]|\.\d)"), _year, needs_support=True
    ),
    Pattern(
        "weekday",
        re.compile(
            rf"\b(?P<weekday>{_WEEKDAY})(?:\s+(?i:morning|afternoon|evening|night))?\b"
        ),
        _weekday,
        left=_LEFT_REL,
    ),
    Pattern(
        "relative_day",
        re.compile(
            r"\b(?P<day>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|overnight(?!\s+on\s+(?:\d|[A-Z]))"
            r"|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today|later\s+today))"
            r"(?:(?<=(?i:yesterday))\s+(?i:morning|afternoon|evening|night)|(?<=(?i:tomorrow))\s+(?i:morning|afternoon"
            r"|evening|night))?\b"
        ),
        _relative_day,
    ),
    Pattern(
        "relative_period",
        re.compile(
            r"\b(?P<rel>(?i:last|previous|this\s+past|this|next))\s+(?P<unit>(?i:week|weekend|month|year))\b"
        ),
        _relative_period,
        left=_LEFT_PERIOD,
    ),
    # "since the start of the year", "by the end of the week": this year, this week
    Pattern(
        "edge_of_period",
        re.compile(r"\b(?P<rel>(?i:the))\s+(?P<unit>(?i:week|month|year))\b"),
        _relative_period,
        accept=lambda m: before(m, _LEFT_EDGE) is not None,
        left=_LEFT_EDGE,
    ),
    Pattern("weekend", re.compile(r"\b(?i:over|at|during)\s+the\s+(?P<w>(?i:weekend))\b"), _weekend),
    Pattern(
        "ago",
        re.compile(
            rf"\b(?P<n>{_NUM}|(?i:a\s+few|several|a\s+couple\s+of))\s+(?P<unit>(?i:days?|weeks?|months?|years?))"
            r"\s+(?i:ago)\b"
        ),
        _ago,
    ),
    Pattern("decade", re.compile(r"\b(?:the\s+)?(?P<year>(?:19|20)\d0)['’]?s\b"), _decade),
)

# Words before a bare year or month name that make it a date ("in 2014", "since March").
SUPPORT = re.compile(
    r"\b(?:in|since|by|until|till|of|from|during|through|before|after|around|throughout|between|and|to"
    r"|early|late|mid|last|this|next|past|end|beginning|start|middle|summer|spring|autumn|fall|winter)"
    r"[\s-]+$",
    re.IGNORECASE,
)
# Words kept out of a span's start.
LEADING = re.compile(r"(?:(?:the|on|since|in|at|during|over|from|by|until)\s+)+", re.IGNORECASE)
FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|going\s+to|plans?\s+to|planned|scheduled|is\s+due|are\s+due|due\s+to|expected\s+to"
    r"|upcoming|intends?\s+to|set\s+to|to\s+be\s+held)\b",
    re.IGNORECASE,
)
