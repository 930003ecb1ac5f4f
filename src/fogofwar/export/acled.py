"""Events as ACLED-style CSV rows: ACLED's columns first, in ACLED's order, then fogofwar's own.

Filled from what the analysis knows: actors under ACLED's names ("Military Forces of Russia
(2000-)") with their inter codes and the two-digit interaction code, a third or further actor as
an associated actor of the side it fights with, the region from the country (``data/
acled_regions.tsv``), the source scale of known outlets (``data/acled_sources.tsv``). ACLED columns
the analysis cannot know (admin2, admin3, tags) stay empty. See docs/ledger.md for each column.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

from fogofwar.schema import Actor, Claim, Event, Place
from fogofwar.store import countries
from fogofwar.store.convert import evidence_bounds, evidence_of
from fogofwar.store.read import StoredArticle

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
OWN_COLUMNS = (
    "article_id", "event_id", "context", "background", "territory_status", "controller_before", "controller_after",
    "claim_ids", "plover_event_type", "plover_mode", "score",
)  # fmt: skip
DATA = Path(__file__).resolve().parent / "data"

# ACLED's state actors carry the period of the regime: "Military Forces of Russia (2000-)".
REGIME_PERIODS = {"Russia": "2000-", "Ukraine": "2019-", "Belarus": "1994-"}
_STATE_NAME = re.compile(r"^(Military Forces|Police Forces|Government) of (?:the )?([\w' .-]+?)$")
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


def acled_name(actor: Actor) -> str:
    """The actor's ACLED name: the canonical name, with the regime's period for the state actors of
    the states ACLED dates ("Military Forces of Ukraine (2019-)")."""
    name = actor.canonical or actor.text
    m = _STATE_NAME.match(name)
    if m is not None and m.group(2) in REGIME_PERIODS:
        return f"{name} ({REGIME_PERIODS[m.group(2)]})"
    return name


@cache
def _table(filename: str) -> dict[str, str]:
    """key (lower-cased) -> value from a two-column data file: value<TAB>keys."""
    out: dict[str, str] = {}
    with open(DATA / filename, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            value, _, keys = line.rstrip("\n").partition("\t")
            for key in re.split(r"[ |]" if filename == "acled_regions.tsv" else r"\|", keys):
                if key.strip():
                    out[key.strip().lower()] = value
    return out


def region(code: str | None) -> str:
    """ACLED's region of a country ("UA" -> "Europe", "SY" -> "Middle East"); "" when unknown."""
    return _table("acled_regions.tsv").get((code or "").lower(), "")


def source_scale(outlet: str | None) -> str:
    """ACLED's source scale of a known outlet (International, National, New media, Other)."""
    return _table("acled_sources.tsv").get((outlet or "").strip().lower(), "")


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


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or line) around text[start:end], on one line (at most ~400 characters)."""
    begin, stop = evidence_bounds(text, start, end)
    return " ".join(text[begin:stop].split())


def notes(article: StoredArticle, event: Event) -> str:
    """ACLED's notes: the event's evidence sentence (the analysis's, else its first mention's), on
    one line."""
    evidence = evidence_of(event, article.text)
    return " ".join(evidence.text.split()) if evidence else ""


def as_int(value: Any) -> int | None:
    """A whole number as an int (3.0 and "3" are 3); None for null, booleans and anything else."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def whole(value: Any) -> int | str:
    """An integer column's CSV value: an int (3, not 3.0), or empty when null."""
    number = as_int(value)
    return "" if number is None else number


# GeoNames feature codes of a whole country (or a territory or continent): ACLED geo precision 3.
COUNTRY_FEATURES = frozenset({"PCL", "PCLI", "PCLD", "PCLF", "PCLH", "PCLIX", "PCLS", "TERR", "CONT"})


def is_country(place: Place) -> bool:
    """A place that is a whole country: its feature code says so, or (unclassified) its name is its
    own country's."""
    if place.feature_code:
        return place.feature_code.upper() in COUNTRY_FEATURES
    name = place.name or place.text
    return bool(name and place.country_code and countries.alpha2(name) == place.country_code.upper())


def geo_precision(place: Place | None) -> int | str:
    """ACLED's geo precision: 3 for a country-level place (only the country is known), else the
    place's own (1 town, 2 near or part of a region, 3 region); empty when unknown."""
    if place is None:
        return ""
    if is_country(place):
        return 3
    return whole(place.precision)


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


def _stored(article: StoredArticle, event: Event) -> dict[str, Any]:
    """The event as the stored analysis JSON has it (with fields the ledger's tables do not keep)."""
    for data in article.analysis.get("events", ()) if isinstance(article.analysis, dict) else ():
        if isinstance(data, dict) and data.get("id") == event.id:
            return data
    return {}


def _actor_codes(event: Event, stored: dict[str, Any], code: str | None) -> list[int | None]:
    """Each actor's inter code: the analysis's own where it gave one, else read from the name."""
    given = [as_int(a.get("inter")) if isinstance(a, dict) else None for a in stored.get("actors", ())]
    given += [None] * (len(event.actors) - len(given))
    return [g if g is not None else inter_code(a, code) for a, g in zip(event.actors, given, strict=False)]


def _associated(actors: list[Actor]) -> tuple[str, str]:
    """Actors beyond the first two, each beside the main actor of its side (ACLED's assoc_actor)."""
    assoc: tuple[list[str], list[str]] = ([], [])
    for actor in actors[2:]:
        k = 0 if actor.side == actors[0].side or actor.side != actors[1].side else 1
        assoc[k].append(acled_name(actor))
    return "; ".join(assoc[0]), "; ".join(assoc[1])


def event_row(article: StoredArticle, event: Event) -> dict[str, Any]:
    """One CSV row for one event."""
    place = event.place
    code = place.country_code.upper() if place and place.country_code else None
    stored = _stored(article, event)
    actors = list(event.actors)
    codes = _actor_codes(event, stored, code)
    a1, a2 = (actors + [None, None])[:2]
    inter1, inter2 = (codes + [None, None])[:2]
    assoc1, assoc2 = _associated(actors) if len(actors) > 2 else ("", "")
    plover = stored.get("plover") or {}
    event_date, year, precision = _event_date(event, article.ref.published)
    civilian = (
        event.event_type == "Violence against civilians"
        or 7 in (inter1, inter2)
        and (event.event_type in ("Battles", "Explosions/Remote violence"))
    )
    stamp = article.analysed_at
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    tc = event.territory_change
    return {
        "event_id_cnty": event.id, "event_date": event_date, "year": whole(year),
        "time_precision": whole(precision),
        "disorder_type": DISORDER_BY_SUB.get(event.sub_event_type, DISORDER.get(event.event_type, "")),
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": acled_name(a1) if a1 else "", "assoc_actor_1": assoc1, "inter1": whole(inter1),
        "actor2": acled_name(a2) if a2 else "", "assoc_actor_2": assoc2, "inter2": whole(inter2),
        "interaction": whole(interaction(inter1, inter2)),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": whole(iso_numeric(code)), "region": region(code), "country": country_name(code),
        "admin1": (place.admin1 or "") if place else "",
        "location": (place.name or place.text) if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": geo_precision(place),
        "source": _sources(event, article.claims, article.ref.outlet),
        "source_scale": source_scale(article.ref.outlet),
        "notes": notes(article, event),
        # ACLED codes an unreported toll as 0.
        "fatalities": whole(event.fatalities) if event.fatalities is not None else 0,
        "timestamp": int(stamp.timestamp()),
        "article_id": article.ref.id, "event_id": event.id, "context": event.context,
        "background": "true" if event.background else "false",
        "territory_status": tc.status if tc else "",
        "controller_before": (tc.controller_before or "") if tc else "",
        "controller_after": (tc.controller_after or "") if tc else "",
        "claim_ids": ";".join(event.claim_ids),
        "plover_event_type": plover.get("event_type") or "", "plover_mode": plover.get("mode") or "",
        "score": event.score,
    }  # fmt: skip
