"""US counties from the ZIP table, and the county that holds an article's towns."""

from __future__ import annotations

import pytest

from fogofwar.analyze.places.counties import county_bonuses, is_county_group
from fogofwar.gazetteer.base import GazetteerEntry
from fogofwar.gazetteer.builder import Record
from fogofwar.gazetteer.us_local import US_COUNTY_ID_BASE, add_us_counties, county_points, is_us_county_id

ZIPS = [
    {"zip_code": "1", "zip_code_type": "STANDARD", "state": "MN", "county": "Douglas County", "lat": "45.9",
     "long": "-95.4"},
    {"zip_code": "2", "zip_code_type": "PO BOX", "state": "MN", "county": "Douglas County", "lat": "45.7",
     "long": "-95.6"},
    {"zip_code": "3", "zip_code_type": "MILITARY", "state": "MN", "county": "Douglas County", "lat": "0",
     "long": "0"},
    {"zip_code": "4", "zip_code_type": "STANDARD", "state": "LA", "county": "Orleans Parish", "lat": "29.95",
     "long": "-90.07"},
    {"zip_code": "5", "zip_code_type": "STANDARD", "state": "VA", "county": "Alexandria city", "lat": "38.8",
     "long": "-77.0"},
]


def test_county_points_keep_counties_and_parishes_only() -> None:
    points = county_points(ZIPS)
    assert sorted(points) == [("LA", "Orleans Parish"), ("MN", "Douglas County")]
    assert len(points[("MN", "Douglas County")]) == 2  # the military ZIP has no place


def test_counties_become_adm2_places_at_the_mean_of_their_zips(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("fogofwar.gazetteer.us_local._zip_rows", lambda: ZIPS)
    records: dict[int, Record] = {}
    assert add_us_counties(records, {"MN": "Minnesota", "LA": "Louisiana"}) == 2
    douglas = next(r for r in records.values() if r.name == "Douglas County")
    assert (douglas.feature_code, douglas.admin1, douglas.admin1_code) == ("ADM2", "Minnesota", "MN")
    assert douglas.lat == pytest.approx(45.8) and douglas.lon == pytest.approx(-95.5)
    assert all(is_us_county_id(g) for g in records) and all(g <= US_COUNTY_ID_BASE for g in records)


def _county(gid: int, state: str, lat: float, lon: float) -> GazetteerEntry:
    return GazetteerEntry(US_COUNTY_ID_BASE - gid, "Douglas County", lat, lon, "US", state, state, "", "A", "ADM2",
                          0, 25.0)


def _town(gid: int, state: str, lat: float, lon: float) -> GazetteerEntry:
    return GazetteerEntry(gid, "Alexandria", lat, lon, "US", state, state, "", "P", "PPL", 10_000, 3.0)


@pytest.mark.parametrize(
    ("towns", "winner"),
    [
        ([_town(1, "MN", 45.88, -95.38), _town(2, "VA", 38.8, -77.05)], "MN"),
        ([_town(2, "VA", 38.8, -77.05)], None),  # no Douglas County holds it
    ],
)
def test_the_county_holding_the_towns_gains(towns: list[GazetteerEntry], winner: str | None) -> None:
    counties = [_county(1, "MN", 45.9, -95.45), _county(2, "GA", 33.7, -84.77)]
    assert is_county_group(counties) and not is_county_group(towns)
    bonus = county_bonuses([counties, towns])
    gained = {c.admin1_code for c in counties if bonus.get((0, c.geonameid), 0.0) > 0}
    assert gained == ({winner} if winner else set())


def test_canadian_provinces_join_the_index_and_lend_towns_their_name() -> None:
    from fogofwar.gazetteer.us_local import add_canadian_provinces

    toronto = Record(6167865, "Toronto", 43.7, -79.4, "CA", "08", "", "", "P", "PPL", 2_800_000)
    ottawa = Record(6094817, "Ottawa", 45.4, -75.7, "CA", "08", "", "", "P", "PPL", 800_000)
    records = {r.geonameid: r for r in (toronto, ottawa)}
    assert add_canadian_provinces(records) == 1
    ontario = records[6093943]
    assert (ontario.name, ontario.feature_code, ontario.population) == ("Ontario", "ADM1", 3_600_000)
    assert toronto.admin1 == "Ontario"
