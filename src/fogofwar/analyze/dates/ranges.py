"""Date ranges: "between 3 and 5 May", "10 to 12 December", "December 15-17", "May 8 to May 11",
"28 February to 3 March", "between March and May".

The contract gives a date one value and one precision, so a range gets the value of its first day
at the precision of the smallest calendar unit that holds the whole range: a week (value: its
Monday), a month, a year. A range across years has no such unit: value None, precision "unknown".
Without a year, the year is chosen for the first day by the clause's tense, as for a single date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from fogofwar.analyze.dates.rules import (
    _DAY,
    _FULL_MONTH,
    _MONTH,
    _YEAR,
    Pattern,
    Value,
    _int,
    _month_day,
    _month_of,
    _pick_year,
    before,
    monday,
)

# "and" joins a range only after "between" ("on 3 and 5 May" is two days).
_TO = r"(?:\s*[-–]\s*|\s+(?:to|through|until|till|and)\s+)"
_OF = r"(?:\s+of)?"
_YEAR_TAIL = rf"(?:,?\s+(?P<year>{_YEAR})\b)?"


def _span_value(first: date, last: date) -> Value:
    if last < first:
        return None, "unknown"
    if first == last:
        return first.isoformat(), "day"
    if monday(first) == monday(last):
        return monday(first).isoformat(), "week"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}", "month"
    if first.year == last.year:
        return f"{first.year:04d}", "year"
    return None, "unknown"


_LEFT_BETWEEN = re.compile(r"\b(?i:between)\s+\Z")
_NIGHT_OF = re.compile(r"\b(?i:night)\s+of\s+\Z")


def is_range(m: re.Match[str]) -> bool:
    """ "and" makes a range only after "between" ("on 3 and 5 May" is two days)."""
    return m["to"].strip().lower() != "and" or before(m, _LEFT_BETWEEN) is not None


def _days(groups: dict[str, str | None], pub: date | None, tense: str | None) -> Value:
    m2 = _month_of(groups["m2"] or "")
    m1 = _month_of(groups["m1"]) if groups["m1"] else m2
    d1, d2 = _int(groups["d1"] or ""), _int(groups["d2"] or "")
    wraps = (m1, d1) > (m2, d2)  # "28 December to 3 January"
    if groups["year"]:
        y1 = _int(groups["year"]) - wraps
    elif pub is not None:
        y1 = _pick_year(m1, d1, pub, tense)
    else:
        y1 = 2001  # a year without 29 February, only to find the precision; the value stays None
    try:
        first, last = date(y1, m1, d1), date(y1 + wraps, m2, d2)
    except ValueError:
        return None, "unknown"
    if groups.get("night") is not None and last - first == timedelta(days=1):
        last = first  # "the night of 14-15 December" is the night that began on the 14th
    value, precision = _span_value(first, last)
    return (value if groups["year"] or pub is not None else None), precision


def _groups(m: re.Match[str]) -> dict[str, str | None]:
    groups = m.groupdict()
    groups["night"] = "" if before(m, _NIGHT_OF) else None
    return groups


def _day_range(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    return _days(_groups(m), pub, tense)


def _month_day_range(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    groups = _groups(m)
    groups["m2"] = groups["m2"] or groups["m1"]  # "December 15-17"
    return _days(groups, pub, tense)


def _month_range(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    m1, m2 = _month_of(m["m1"]), _month_of(m["m2"])
    if m["year"]:
        y2 = _int(m["year"])
        y1 = y2 - 1 if m1 > m2 else y2
    elif pub is None:
        return None, "year" if m1 <= m2 else "unknown"
    else:
        y1 = _pick_year(m1, 1, pub, tense)
        y2 = y1 + 1 if m1 > m2 else y1
    last = (date(y2 + m2 // 12, m2 % 12 + 1, 1)) - timedelta(days=1)
    return _span_value(date(y1, m1, 1), last)


RANGE_PATTERNS: tuple[Pattern, ...] = (
    # "between 3 and 5 May", "10 to 12 December 2024", "28 February to 3 March"
    Pattern(
        "day_month_range",
        re.compile(
            rf"\b(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?P<to>{_TO})(?P<d2>{_DAY}){_OF}\s+(?P<m2>{_MONTH})"
            rf"{_YEAR_TAIL}"
        ),
        _day_range,
        accept=is_range,
        left=_LEFT_BETWEEN,
    ),
    # "December 15-17", "May 8 to May 11", "between May 3 and 5", "Feb. 28 to March 3, 2024"
    Pattern(
        "month_day_range",
        re.compile(
            rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?P<to>{_TO})(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY})(?!\d)"
            rf"(?!\s*[:.]\d){_YEAR_TAIL}"
        ),
        _month_day_range,
        accept=is_range,
        left=_LEFT_BETWEEN,
    ),
    # "on 3 and 5 May": two days; this is the first ("5 May" is found as a date of its own)
    Pattern(
        "day_list",
        re.compile(
            rf"\b(?P<day>{_DAY})(?=(?:,\s*{_DAY})*,?\s+and\s+{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})"
            rf"(?:,?\s+(?P<year>{_YEAR})\b)?)"
        ),
        _month_day,
        accept=lambda m: before(m, _LEFT_BETWEEN) is None,
    ),
    # "between March and May", "March-May 2024" ("from March to May": "from" is left out of the span)
    Pattern(
        "month_range",
        re.compile(rf"\b(?P<m1>{_FULL_MONTH})(?P<to>{_TO})(?P<m2>{_FULL_MONTH})\b{_YEAR_TAIL}"),
        _month_range,
        accept=is_range,
        left=_LEFT_BETWEEN,
    ),
)

