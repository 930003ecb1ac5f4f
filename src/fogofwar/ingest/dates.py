"""Dates the readers meet: a given ``published`` in the forms feeds and pages carry, and the
page's own date from a dateline at the start of the text.

- ``normalise_date`` reads one date string into ``YYYY-MM-DD``: ISO 8601 (with or without a time
  and zone) directly, anything else through ``dateparser`` with strict settings (day, month and
  year all required, absolute dates only: "yesterday" or "last Tuesday" are not read, nothing is
  guessed relative to today). The day is the one written, in the writer's own time zone
  ("2022-04-19T23:30:00-05:00" is 2022-04-19). Years outside 1800-2200 are refused.
- ``read_date`` is the readers' entry point: the normalised date, or None and a warning naming
  the field and the value; it never raises.
- ``dateline_date`` finds a wire-style dateline in the first lines ("KYIV, Feb 18 (Reuters) -",
  "MOSCOW, April 19, 2022 —", a line holding only "April 16, 2022, 12:04 p.m. ET"). A dateline
  without a year takes the year that puts it nearest to a reference date (the given published
  date, else the page's metadata date); with no reference, a yearless dateline gives no date.
  "KYIV, Ukraine (AP) —" is a dateline without a date: no date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

MIN_YEAR, MAX_YEAR = 1800, 2200

_PREFIX = re.compile(
    r"^\s*(?:(?:first\s+)?published|posted|updated|last\s+updated|date(?:d)?)\s*(?:on|at)?\s*:?\s*",
    re.IGNORECASE,
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


class UnreadableDate(ValueError):
    """A date string that cannot be read as a calendar day; the message says why."""


@functools.cache
def _dateparser() -> Any:
    import dateparser  # imported only for the forms ISO does not cover (its import is slow)

    return dateparser


_SETTINGS = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def _checked(day: dt.date, value: str) -> str:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise UnreadableDate(f"{value!r} has the year {day.year}, outside {MIN_YEAR}-{MAX_YEAR}")
    return day.isoformat()


def normalise_date(value: str) -> str:
    """``value`` as ``YYYY-MM-DD``; raises UnreadableDate when it does not name one calendar day."""
    text = _PREFIX.sub("", value.strip()).strip()
    if not text:
        raise UnreadableDate(f"{value!r} is empty")
    if _ISO.match(text):
        try:
            return _checked(dt.date.fromisoformat(text[:10]), value)
        except ValueError as exc:
            if isinstance(exc, UnreadableDate):
                raise
            raise UnreadableDate(f"{value!r} is not a calendar day ({exc})") from exc
    # A feed's separators ("Wed Nov 23, 2016 | 4:58pm EST") are not part of the date.
    cleaned = re.sub(r"\s*[|•·]\s*", " ", text)
    try:
        parsed = _dateparser().parse(cleaned, languages=["en"], settings=_SETTINGS)
    except Exception as exc:  # dateparser raises assorted errors on odd input
        raise UnreadableDate(f"{value!r} cannot be read as a date ({type(exc).__name__})") from exc
    if parsed is None:
        raise UnreadableDate(f"{value!r} cannot be read as a date with day, month and year")
    return _checked(parsed.date(), value)


def read_date(value: Any, field: str, what: str) -> tuple[str | None, str | None]:
    """(the date as YYYY-MM-DD or None, a warning or None). Null and "" are no date, no warning."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        shown = json_repr(value)
        return None, f"{what}: '{field}' {shown} is not a date string ({type(value).__name__}); {field} is null"
    try:
        return normalise_date(value), None
    except UnreadableDate as exc:
        return None, f"{what}: '{field}' {exc}; {field} is null"


def json_repr(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# Datelines

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_YEAR = r"(?P<year>(?:18|19|20|21)\d\d)"
# "Feb 18" (month, day) or "18 February" (day, month), then maybe the year.
_DATE = (
    rf"(?:(?P<m1>{_MONTH_NAMES})\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_NAMES})\.?)(?:,?\s+{_YEAR})?(?![\w])"
)
# The place: capitals ("KYIV", "NEW YORK", "ST. PETERSBURG"), maybe a region or country after a comma.
_PLACE = r"[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*){0,3}(?:,\s+[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,2})??"
_DATELINE = re.compile(
    rf"^(?:{_PLACE}),\s+{_DATE}\s*(?:\([^()\n]{{1,40}}\))?\s*[-—–:]"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:Published|Posted|Updated)\s*:?\s*)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?{_DATE},?"
    r"(?:\s+(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4})?\s*$",
    re.IGNORECASE,
)
_HEAD_LINES = 6  # a dateline stands in the first few lines (after page furniture such as "Updated")


def dateline_date(text: str, reference: str | None = None) -> str | None:
    """The date of the dateline that opens ``text`` (YYYY-MM-DD), or None; see the module doc."""
    lines = [line.strip() for line in text[:1500].splitlines()]
    lines = [line for line in lines if line][:_HEAD_LINES]
    for line in lines:
        m = _DATELINE.match(line) or _DATE_LINE.match(line)
        if m is None:
            continue
        return _resolve(m, reference)
    return None


def _resolve(m: re.Match[str], reference: str | None) -> str | None:
    month = _MONTHS[(m.group("m1") or m.group("m2")).lower()[:3]]
    day = int(m.group("d1") or m.group("d2"))
    if m.group("year"):
        try:
            return _checked(dt.date(int(m.group("year")), month, day), m.group(0))
        except ValueError:
            return None
    if not reference:
        return None
    try:
        ref = dt.date.fromisoformat(reference[:10])
    except ValueError:
        return None
    best: dt.date | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - ref).days) < abs((best - ref).days):
            best = candidate
    return best.isoformat() if best is not None else None


__all__ = ["UnreadableDate", "dateline_date", "normalise_date", "read_date"]
