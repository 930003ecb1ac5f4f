"""Holidays that reporting uses as dates: "on Christmas Day", "on New Year's Eve", "Orthodox Christmas".

Fixed-date ones only; the year is chosen by the clause's tense, as for "December 25".
"""

from __future__ import annotations

import re
from datetime import date

from fogofwar.analyze.dates.rules import Pattern, Value, _day_value, _pick_year

# Fixed-date holidays that reporting names as dates ("strikes on Christmas Day").
_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "orthodox christmas": (1, 7),
             "orthodox christmas day": (1, 7), "orthodox christmas eve": (1, 6), "new years day": (1, 1),
             "new years eve": (12, 31)}


def _holiday(m: re.Match[str], pub: date | None, tense: str | None) -> Value:
    if pub is None:
        return None, "day"
    key = " ".join(re.sub(r"['’]", "", m[0]).lower().split())
    month, day = _HOLIDAYS[key]
    return _day_value(_pick_year(month, day, pub, tense), month, day), "day"


HOLIDAY_PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "holiday",
        re.compile(r"\b(?:Orthodox\s+Christmas(?:\s+(?:Day|Eve))?|Christmas\s+(?:Day|Eve)|New\s+Year['’]?s\s+(?:Day|Eve))\b"),
        _holiday,
    ),
)
