"""Events as ACLED-style CSV rows: ACLED's columns first, in ACLED's order, then fogofwar's own.

Filled from what the analysis knows; ACLED columns the analysis cannot know (assoc_actor_*, region,
admin2, admin3, source_scale, tags) stay empty. See docs/ledger.md for each column.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from fogofwar.schema import Actor, Claim, Event
from fogofwar.store import countries
from fogofwar.store.read import StoredArticle

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
OWN_COLUMNS = ("article_id", "event_id", "context", "territory_status", "claim_ids", "score")
COLUMNS = ACLED_COLUMNS + OWN_COLUMNS

# ACLED time precision: 1 the day is known, 2 within a week, 3 within a month or coarser.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

# ACLED's disorder types by event type; two sub-event types straddle violence and demonstrations.
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB = {
    "Violent demonstration": "Demonstrations",
    "Excessive force against protesters": "Political violence; Demonstrations",
}

SIDE_COUNTRY = {"russia": "RU", "ukraine": "UA"}

# ACLED inter codes from an actor's canonical name (or text), most specific first.
_INTER_RULES: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (code, re.compile(pattern, re.IGNORECASE))
    for code, pattern in (
        (7, r"\b(civilians?|residents?|villagers?|journalists?|refugees|displaced|health workers|"
            r"aid workers|children|women)\b"),
        (6, r"\b(protest(er|or)s?|demonstrators?)\b"),
        (5, r"\b(rioters?|mob)\b"),
        (8, r"\b(united nations|un|nato|osce|icrc|red cross|private military|pmc|wagner|mercenar\w*)\b"),
        (4, r"\b(ethnic|tribal|communal|clan|identity) militia\b"),
        (3, r"\b(militias?|volunteer corps|volunteer battalions?|partisans?)\b"),
        (2, r"\b(rebels?|insurgents?|separatists?|liberation (army|front)|islamic state|isis|isil|"
            r"jihadists?)\b"),
    )
)  # fmt: skip
_STATE = re.compile(
    r"\b(military|armed|police|security|naval|air|border|special|government|state) (forces?|service|guard)\b"
    r"|\b(army|navy|air force|national guard|ministry|government|general staff|troops|soldiers?|"
    r"forces|military|marines|paratroopers|artillery|drones?|missiles?)\b",
    re.IGNORECASE,
)
_OF_COUNTRY = re.compile(r"\bof (?:the )?([A-Z][\w' -]+?)(?: \(|$)")


def _country_of_name(name: str) -> str | None:
    """The ISO code in "Military Forces of Russia"-style names."""
    m = _OF_COUNTRY.search(name)
    return countries.alpha2(m.group(1)) if m else None


def inter_code(actor: Actor, event_country: str | None) -> int | None:
    """ACLED's inter code for an actor: 1 state forces, 2 rebels, 3 political militias,
    4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
    State forces acting outside their own country are external (8), whichever side they are on."""
    name = actor.canonical or actor.text
    for code, pattern in _INTER_RULES:
        if pattern.search(name):
            return code
    if not _STATE.search(name):
        return None
    country = _country_of_name(name) or SIDE_COUNTRY.get(actor.side)
    if country and event_country and country != event_country:
        return 8
    return 1


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both inter codes, the lower first; a lone actor's code then 0."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return 10 * (inter1 or inter2 or 0)
    low, high = sorted((inter1, inter2))
    return 10 * low + high


def country_name(code: str | None) -> str:
    return countries.name(code)


def iso_numeric(code: str | None) -> int | str:
    number = countries.numeric(code)
    return number if number is not None else ""


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?=\s)|\n")


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or line) around text[start:end]."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    m = _SENTENCE_END.search(text, end)
    stop = m.end() if m and m.group() != "\n" else (m.start() if m else len(text))
    return " ".join(text[begin:stop].split())


def _event_date(event: Event, published: dt.date | None) -> tuple[str, int | str, int | str]:
    """event_date, year and time_precision; an undated event takes the publication date as
    'within a week' (ACLED 2)."""
    value = event.date.value if event.date else None
    if value:
        parts = value.split("-")
        day = "-".join(parts + ["01"] * (3 - len(parts)))
        precision = TIME_PRECISION.get(event.date.precision if event.date else "", 3)
        if len(parts) < 3:
            precision = 3
        return day, int(parts[0]), precision
    if published is not None:
        return published.isoformat(), published.year, 2
    return "", "", ""


def _sources(event: Event, claims: dict[str, Claim], outlet: str | None) -> str:
    names: list[str] = []
    for cid in event.claim_ids:
        claim = claims.get(cid)
        if claim is not None and claim.source is not None:
            name = claim.source.canonical or claim.source.text
            if name not in names:
                names.append(name)
    return "; ".join(names) if names else (outlet or "")


def event_row(article: StoredArticle, event: Event) -> dict[str, Any]:
    """One CSV row for one event."""
    place = event.place
    code = place.country_code.upper() if place and place.country_code else None
    actors = list(event.actors)
    a1, a2 = (actors + [None, None])[:2]
    inter1 = inter_code(a1, code) if a1 else None
    inter2 = inter_code(a2, code) if a2 else None
    event_date, year, precision = _event_date(event, article.ref.published)
    civilian = event.event_type == "Violence against civilians" or 7 in (inter1, inter2) and (
        event.event_type in ("Battles", "Explosions/Remote violence")
    )
    first = min(event.mentions, key=lambda m: m.start, default=None)
    stamp = article.analysed_at
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    tc = event.territory_change
    return {
        "event_id_cnty": event.id, "event_date": event_date, "year": year, "time_precision": precision,
        "disorder_type": DISORDER_BY_SUB.get(event.sub_event_type, DISORDER.get(event.event_type, "")),
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": (a1.canonical or a1.text) if a1 else "", "inter1": inter1 or "",
        "actor2": (a2.canonical or a2.text) if a2 else "", "inter2": inter2 or "",
        "interaction": interaction(inter1, inter2) or "",
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": iso_numeric(code), "country": country_name(code),
        "admin1": (place.admin1 or "") if place else "",
        "location": (place.name or place.text) if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": place.precision if place and place.precision is not None else "",
        "source": _sources(event, article.claims, article.ref.outlet),
        "notes": sentence_at(article.text, first.start, first.end) if first else "",
        # ACLED codes an unreported toll as 0.
        "fatalities": event.fatalities if event.fatalities is not None else 0,
        "timestamp": int(stamp.timestamp()),
        "article_id": article.ref.id, "event_id": event.id, "context": event.context,
        "territory_status": tc.status if tc else "", "claim_ids": ";".join(event.claim_ids),
        "score": event.score,
    }  # fmt: skip
