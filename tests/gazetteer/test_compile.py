"""The compiler on a small GeoNames-format dump written here (no shared data needed)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from fogofwar.gazetteer.compile import compile_sources
from fogofwar.gazetteer.index import read_tsv_gz

ROWS = [
    # geonameid name asciiname alternates lat lon class code cc cc2 admin1 admin2 a3 a4 pop elev dem tz mod
    ["694403", "Siversk", "Siversk", "Seversk,Sivers'k,sevuerusuku,Северск,セヴェルスク",
     "48.86476", "38.09683", "P", "PPLA3", "UA", "", "05", "1402", "", "", "10875", "", "90", "Europe/Kyiv",
     "2026-04-17"],
    ["709716", "Donetska Oblast", "Donetska Oblast", "Donetsk Oblast,Донецька область", "48.05", "37.66",
     "A", "ADM1", "UA", "", "05", "", "", "", "4059372", "", "0", "Europe/Kyiv", "2022-01-01"],
    ["9883077", "Ramada Donetsk", "Ramada Donetsk", "", "48.0", "37.8",
     "S", "HTL", "UA", "", "05", "", "", "", "0", "", "0", "Europe/Kyiv", "2022-01-01"],
]


def _write_dump(folder: Path) -> None:
    with zipfile.ZipFile(folder / "geonames-UA.zip", "w") as zf:
        zf.writestr("UA.txt", "".join("\t".join(r) + "\n" for r in ROWS))


def test_compile_keeps_places_and_admin_drops_hotels(tmp_path: Path) -> None:
    _write_dump(tmp_path)
    counts = compile_sources(tmp_path, tmp_path / "out")
    assert counts == {"ua.tsv.gz": 2}
    rows = {r["geonameid"]: r for r in read_tsv_gz(tmp_path / "out" / "ua.tsv.gz")}
    assert set(rows) == {"694403", "709716"}
    siversk = rows["694403"]
    assert siversk["admin1_name"] == "Donetsk Oblast"
    # Spellings of the same key collapse; CJK script and lowercase romanisations are dropped.
    assert siversk["alternates"].split(",") == ["Seversk", "Северск"]
    assert rows["709716"]["name"] == "Donetsk Oblast"


def test_compiled_file_credits_geonames(tmp_path: Path) -> None:
    _write_dump(tmp_path)
    compile_sources(tmp_path, tmp_path)
    import gzip

    with gzip.open(tmp_path / "ua.tsv.gz", "rt", encoding="utf-8") as f:
        assert "Contains data from GeoNames (https://www.geonames.org/)" in f.readline()


def test_compile_says_what_is_missing(tmp_path: Path) -> None:
    import pytest

    with pytest.raises(FileNotFoundError, match="geonames-UA.zip"):
        compile_sources(tmp_path, tmp_path)


def test_postal_regions_are_placed_at_the_median_of_their_offices() -> None:
    from fogofwar.gazetteer.compile import read_postal_regions

    def line(region: str, lat: float, lon: float) -> str:
        return "\t".join(["RU", "420000", "Казань", region, "", "", "", "", "", str(lat), str(lon), ""])

    lines = [line("Татарстан Республика", 55.8, 49.1), line("Татарстан Республика", 55.5, 50.0),
             line("Татарстан Республика", 10.0, 10.0),  # a misplaced office does not move the region
             line("Курская Область", 51.7, 36.2), line("Москва", 55.75, 37.6)]
    rows = {r[1]: r for r in read_postal_regions(lines, "RU", {"Курская Область": "Kursk Oblast"}, -1_500_000)}
    assert set(rows) == {"Tatarstan Respublika", "Kursk Oblast"}  # a federal city is not a region
    tatarstan = rows["Tatarstan Respublika"]
    assert (tatarstan[3], tatarstan[4], tatarstan[6]) == ("55.5000", "49.1000", "ADM1")
    assert "Republic of Tatarstan" in tatarstan[2].split(",")
    assert "Kurskaya Oblast" in rows["Kursk Oblast"][2].split(",")
