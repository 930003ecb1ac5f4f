"""Export: JSON lines of analyses, ACLED-style CSV, GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from fogofwar.export import export
from fogofwar.export.acled import acled_name, inter_code, interaction, region, sentence_at, source_scale
from fogofwar.schema import Actor, Analysis
from fogofwar.store import SqlStore, ingest
from fogofwar.store.testing import kramatorsk, memory_store, sample_analyses

ACLED = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip
OWN = [
    "article_id", "event_id", "context", "background", "territory_status", "controller_before", "controller_after",
    "claim_ids", "plover_event_type", "plover_mode", "score",
]  # fmt: skip


@pytest.fixture(scope="module")
def store() -> SqlStore:
    s = memory_store()
    ingest(s, sample_analyses())
    return s


def _export(store: SqlStore, fmt: str, what: str | None = None) -> str:
    buf = io.StringIO()
    export(store, fmt, buf, what)
    return buf.getvalue()


def _events_csv(store: SqlStore) -> dict[str, dict[str, str]]:
    return {row["event_id"]: row for row in csv.DictReader(io.StringIO(_export(store, "csv")))}


def test_csv_header_is_acled_then_ours(store: SqlStore) -> None:
    header = next(csv.reader(io.StringIO(_export(store, "csv"))))
    assert header[: len(ACLED)] == ACLED
    assert header[len(ACLED) :] == OWN


@pytest.mark.parametrize(
    ("event_id", "expected"),
    [
        ("siversk:ev1", {
            "event_id_cnty": "siversk:ev1", "event_date": "2025-12-11", "year": "2025", "time_precision": "1",
            "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
            "actor1": "Military Forces of Russia (2000-)", "inter1": "8",
            "actor2": "Military Forces of Ukraine (2019-)", "inter2": "1", "interaction": "18", "iso": "804",
            "region": "Europe", "country": "Ukraine", "controller_before": "ukraine", "controller_after": "russia",
            "admin1": "Donetsk Oblast",
            "location": "Siversk", "latitude": "48.8667", "longitude": "38.1", "geo_precision": "1",
            "source": "a military official", "fatalities": "0", "article_id": "siversk",
            "notes": "Russian forces captured Siversk on December 11, a military official said.",
            "context": "happened", "territory_status": "contested", "claim_ids": "siversk:c1", "score": "0.8",
        }),
        ("belgorod:ev1", {
            "event_date": "2025-11-03", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Ukraine (2019-)", "inter1": "8",
            "actor2": "", "inter2": "", "interaction": "80", "iso": "643", "region": "Europe", "country": "Russia",
            "source": "Ministry of Defence of Russia", "fatalities": "2", "territory_status": "",
        }),
    ],
)  # fmt: skip
def test_csv_rows_fill_what_the_analysis_knows(store: SqlStore, event_id: str, expected: dict[str, str]) -> None:
    row = _events_csv(store)[event_id]
    assert {k: row[k] for k in expected} == expected
    assert row["timestamp"].isdigit()


def test_csv_quotes_commas_quotes_and_newlines() -> None:
    from fogofwar.store.testing import siversk

    base = siversk()
    tricky = 'Officials said "hold, hold"; Russian forces captured'
    text = tricky + base.text[len("Russian forces captured") :]
    shift = len(tricky) - len("Russian forces captured")
    data = base.to_dict()
    data["outlet"] = 'The "Daily", Kyiv\nedition'

    def move(obj: Any) -> Any:
        if isinstance(obj, dict):
            return {k: (v + shift if k in ("start", "end") and isinstance(v, int) and v > 0 else move(v))
                    for k, v in obj.items()}  # fmt: skip
        if isinstance(obj, list):
            return [move(v) for v in obj]
        return obj

    moved = move({k: v for k, v in data.items() if k != "text"})
    moved["text"] = text
    analysis = Analysis.from_dict(moved)
    s = memory_store()
    report = ingest(s, [analysis])
    assert report.new == 1, report.errors
    (row,) = csv.DictReader(io.StringIO(_export(s, "csv")))
    expected = 'Officials said "hold, hold"; Russian forces captured Siversk on December 11, a military '
    assert row["notes"] == expected + "official said."
    assert row["event_id"] == "siversk:ev1"
    claims = list(csv.DictReader(io.StringIO(_export(s, "csv", "claims"))))
    assert claims[0]["outlet"] == 'The "Daily", Kyiv\nedition'
    assert claims[0]["content"] == "Russian forces captured Siversk on December 11"  # noqa: Q000


@pytest.mark.parametrize(
    ("name", "side", "country", "expected"),
    [
        ("Military Forces of Russia", "russia", "UA", 8),
        ("Military Forces of Ukraine", "ukraine", "RU", 8),  # the mirror: state forces abroad are external
        ("Military Forces of Ukraine", "ukraine", "UA", 1),
        ("Military Forces of Russia", "russia", "RU", 1),
        ("Ukrainian troops", "ukraine", "UA", 1),
        ("Russian troops", "russia", "UA", 8),
        ("Police Forces of Ukraine", "ukraine", None, 1),
        ("Civilians (Ukraine)", "ukraine", "UA", 7),
        ("local residents", "unknown", "UA", 7),
        ("Protesters (Russia)", "russia", "RU", 6),
        ("Rioters (Ukraine)", "ukraine", "UA", 5),
        ("Wagner Group", "russia", "UA", 8),
        ("United Nations", "international", "UA", 8),
        ("Russian Volunteer Corps", "russia", "RU", 3),
        ("Islamic State", "unknown", "SY", 2),
        ("Donetsk People's Republic", "russia", "UA", None),
        ("unidentified", "unknown", "UA", None),
    ],
)
def test_inter_codes(name: str, side: str, country: str | None, expected: int | None) -> None:
    assert inter_code(Actor(name, name, side), country) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"), [(1, 8, 18), (8, 1, 18), (1, None, 10), (None, 7, 70), (None, None, None)]
)
def test_interaction(a: int | None, b: int | None, expected: int | None) -> None:
    assert interaction(a, b) == expected


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("First one. The strike hit Kherson. Last.", "strike", "The strike hit Kherson."),
        ("Line one\nShelling hit Kherson today\nmore", "Shelling", "Shelling hit Kherson today"),
        ("Only one sentence without end", "sentence", "Only one sentence without end"),
    ],
)
def test_notes_are_the_mention_sentence(text: str, needle: str, expected: str) -> None:
    start = text.index(needle)
    assert sentence_at(text, start, start + len(needle)) == expected


def test_month_dates_and_undated_events() -> None:
    import dataclasses

    from fogofwar.schema import DateRef
    from fogofwar.store.testing import siversk

    base = siversk()
    ev = base.events[0]
    assert ev.date is not None
    month = dataclasses.replace(ev, date=DateRef(ev.date.start, ev.date.end, ev.date.text, "2025-10", "month"))
    undated = dataclasses.replace(ev, id="siversk:ev2", date=None)
    s = memory_store()
    ingest(s, [dataclasses.replace(base, events=(month, undated))])
    rows = _events_csv(s)
    assert (rows["siversk:ev1"]["event_date"], rows["siversk:ev1"]["time_precision"]) == ("2025-10-01", "3")
    assert (rows["siversk:ev2"]["event_date"], rows["siversk:ev2"]["time_precision"]) == ("2025-12-20", "2")


def test_claims_csv(store: SqlStore) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(store, "csv", "claims"))))
    assert [r["claim_id"] for r in rows] == [
        "belgorod:c1",
        "siversk:c1",
        "siversk:c2",
        "siversk:c3",
        "quiet:c1",
    ]
    assert rows[3]["source_side"] == "ukraine" and rows[3]["status"] == "denied"


def test_geojson_events_and_places(store: SqlStore) -> None:
    data = json.loads(_export(store, "geojson"))
    assert data["type"] == "FeatureCollection"
    kinds = [(f["properties"]["kind"], f["id"]) for f in data["features"]]
    assert kinds == [("event", "belgorod:ev1"), ("event", "siversk:ev1"), ("place", "gn:700001"),
                     ("place", "gn:700002")]  # fmt: skip
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    siversk_event = data["features"][1]
    assert siversk_event["geometry"]["coordinates"] == [38.1, 48.8667]  # [lon, lat]
    assert siversk_event["properties"]["sub_event_type"] == "Armed clash"
    assert data["features"][2]["properties"]["mentions"] == 2


@pytest.mark.parametrize(("what", "kinds"), [("events", {"event"}), ("places", {"place"})])
def test_geojson_what(store: SqlStore, what: str, kinds: set[str]) -> None:
    data = json.loads(_export(store, "geojson", what))
    assert {f["properties"]["kind"] for f in data["features"]} == kinds


def test_jsonl_round_trips_and_matches_the_contract_schema(store: SqlStore) -> None:
    lines = _export(store, "jsonl").splitlines()
    analyses = [Analysis.from_dict(json.loads(line)) for line in lines]
    assert sorted(a.id for a in analyses) == ["belgorod", "quiet", "siversk"]
    assert {a.id: a for a in analyses} == {a.id: a for a in sample_analyses()}
    schema_path = Path(__file__).resolve().parents[1] / "docs" / "analysis.schema.json"
    if schema_path.exists():
        import jsonschema

        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        for line in lines:
            jsonschema.validate(json.loads(line), schema)


def test_export_to_a_file_and_to_stdout(store: SqlStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "events.csv"
    assert export(store, "csv", out) == 2
    assert out.read_text(encoding="utf-8").startswith("event_id_cnty,event_date,")
    assert export(store, "jsonl", "-") == 3
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_a_failed_export_leaves_no_half_file(store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fogofwar.export as ex

    def boom(*_: Any) -> Any:
        raise RuntimeError("disk full")

    monkeypatch.setattr(ex, "event_row", boom)
    out = tmp_path / "events.csv"
    with pytest.raises(RuntimeError):
        export(store, "csv", out)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("fmt", "what", "message"),
    [("xml", None, "unknown export format"), ("csv", "places", "not 'places'"), ("jsonl", "events", "not")],
)
def test_bad_format_or_what(store: SqlStore, fmt: str, what: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        export(store, fmt, io.StringIO(), what)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Military Forces of Russia", "Military Forces of Russia (2000-)"),
        ("Military Forces of Ukraine", "Military Forces of Ukraine (2019-)"),
        ("Police Forces of Ukraine", "Police Forces of Ukraine (2019-)"),
        ("Government of Russia", "Government of Russia (2000-)"),
        ("Military Forces of Israel", "Military Forces of Israel"),  # periods only where we know ACLED's
        ("Civilians (Ukraine)", "Civilians (Ukraine)"),
        ("Wagner Group", "Wagner Group"),
    ],
)
def test_acled_actor_names(name: str, expected: str) -> None:
    assert acled_name(Actor(name, name, "unknown")) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("UA", "Europe"), ("RU", "Europe"), ("SY", "Middle East"), ("ML", "Western Africa"),
     ("GE", "Caucasus and Central Asia"), ("MM", "Southeast Asia"), ("CD", "Middle Africa"), (None, ""), ("ZZ", "")],
)  # fmt: skip
def test_regions(code: str | None, expected: str) -> None:
    assert region(code) == expected


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [("Reuters", "International"), ("reuters", "International"), ("Kyiv Independent", "National"),
     ("TASS", "National"), ("Telegram", "New media"), ("Example News", ""), (None, "")],
)  # fmt: skip
def test_source_scale(outlet: str | None, expected: str) -> None:
    assert source_scale(outlet) == expected


def test_csv_takes_inter_codes_plover_and_associated_actors_from_the_analysis() -> None:
    import dataclasses

    from fogofwar.schema import Plover
    from fogofwar.store.testing import siversk

    base = siversk()
    ev = base.events[0]
    actors = (
        Actor("Russian forces", "Military Forces of Russia", "russia", 8),
        Actor("Ukrainian troops", "Military Forces of Ukraine", "ukraine", 1),
        Actor("Wagner fighters", "Wagner Group", "russia", 8),
        Actor("DPR militia", "NAF: United Armed Forces of Novorossiya", "russia", 2),
    )
    event = dataclasses.replace(
        ev, sub_event_type="Non-state actor overtakes territory", actors=actors, plover=Plover("ASSAULT")
    )
    s = memory_store()
    ingest(s, [dataclasses.replace(base, events=(event,), outlet="Reuters")])
    row = _events_csv(s)["siversk:ev1"]
    assert row["assoc_actor_1"] == "Wagner Group; NAF: United Armed Forces of Novorossiya"
    assert row["assoc_actor_2"] == ""
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("8", "1", "18")
    assert (row["plover_event_type"], row["plover_mode"]) == ("ASSAULT", "")
    assert row["source_scale"] == "International"
    assert row["disorder_type"] == "Political violence"


# what users see: events that happened by default, evidence as notes, whole numbers


@pytest.fixture(scope="module")
def history() -> SqlStore:
    s = memory_store()
    ingest(s, [kramatorsk()])
    return s


def _csv_rows(store: SqlStore, all_contexts: bool = False) -> list[dict[str, str]]:
    buf = io.StringIO()
    export(store, "csv", buf, all_contexts=all_contexts)
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


def test_csv_exports_happened_events_unless_all_contexts(history: SqlStore) -> None:
    rows = _csv_rows(history)
    assert [(r["event_id"], r["context"], r["background"]) for r in rows] == [("kramatorsk:ev1", "happened", "false")]
    everything = _csv_rows(history, all_contexts=True)
    assert [(r["event_id"], r["context"], r["background"]) for r in everything] == [
        ("kramatorsk:ev1", "happened", "false"), ("kramatorsk:ev2", "happened", "true"),
        ("kramatorsk:ev3", "denied", "false"),
    ]  # fmt: skip


def test_notes_are_the_evidence_sentence(history: SqlStore) -> None:
    notes = {r["event_id"]: r["notes"] for r in _csv_rows(history, all_contexts=True)}
    assert notes == {
        # given by the analysis
        "kramatorsk:ev1": "Russian missiles struck Kramatorsk on March 3, killing three people, regional officials "
        "said.",
        # derived from the first mention: its sentence, cut at the line break before it
        "kramatorsk:ev2": "Separatists seized the city in April 2014 before Ukrainian forces retook it.",
        "kramatorsk:ev3": "The Defence Ministry denied that an ammunition depot had been hit.",
    }


def test_geojson_events_default_to_happened_and_carry_context(history: SqlStore) -> None:
    buf = io.StringIO()
    export(history, "geojson", buf, "events")
    (feature,) = json.loads(buf.getvalue())["features"]
    assert feature["properties"]["context"] == "happened" and feature["properties"]["background"] is False
    assert feature["properties"]["evidence"].startswith("Russian missiles struck Kramatorsk")
    buf = io.StringIO()
    export(history, "geojson", buf, "events", all_contexts=True)
    props = [f["properties"] for f in json.loads(buf.getvalue())["features"]]
    assert [(p["id"], p["context"], p["background"]) for p in props] == [
        ("kramatorsk:ev1", "happened", False), ("kramatorsk:ev2", "happened", True),
    ]  # the denied event has no place, so no point  # fmt: skip


def test_evidence_sentences_are_clipped_to_400_characters() -> None:
    text = "Officials said " + "very " * 150 + "heavy shelling hit Kherson " + "and more " * 100 + "today."
    start = text.index("shelling")
    note = sentence_at(text, start, start + len("shelling"))
    assert "heavy shelling hit Kherson" in note and len(note) <= 400
    assert not note.startswith("ery") and not note.endswith("mor")  # cut at word boundaries


def test_integer_columns_stay_integers_and_country_places_have_geo_precision_3() -> None:
    import dataclasses
    import datetime as dt

    from fogofwar.export.acled import event_row
    from fogofwar.schema import Place
    from fogofwar.store.read import StoredArticle
    from fogofwar.store.rows import ArticleRef
    from fogofwar.store.testing import siversk

    base = siversk()
    ev = base.events[0]
    country = Place(0, 7, "Ukraine", 690791, "Ukraine", 49.0, 32.0, "UA", None, "PCLI", 3.0, 500.0, 0.9)  # type: ignore[arg-type]
    floaty = dataclasses.replace(ev, fatalities=3.0, place=country)  # as a float-typed reader gives them
    actors = [{"text": "Russian forces", "canonical": "Military Forces of Russia", "side": "russia", "inter": 8.0}]
    article = StoredArticle(
        ref=ArticleRef("siversk", dt.date(2025, 12, 20), None, None, None), text=base.text,
        analysed_at=dt.datetime(2025, 12, 20, 10, tzinfo=dt.UTC),
        analysis={"events": [{"id": ev.id, "actors": actors}]}, claims={}, events=(floaty,),
    )  # fmt: skip
    row = event_row(article, floaty)
    for column in ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                   "fatalities", "timestamp"):  # fmt: skip
        assert isinstance(row[column], int), (column, row[column])
    assert (row["year"], row["fatalities"], row["inter1"], row["geo_precision"], row["iso"]) == (2025, 3, 8, 3, 804)
    town = dataclasses.replace(country, name="Siversk", feature_code="PPL", precision=1)
    assert event_row(article, dataclasses.replace(floaty, place=town))["geo_precision"] == 1
    unclassified = dataclasses.replace(country, feature_code=None, precision=None)
    assert event_row(article, dataclasses.replace(floaty, place=unclassified))["geo_precision"] == 3
    nowhere = dataclasses.replace(floaty, place=None, actors=(), fatalities=None)
    empty = event_row(StoredArticle(article.ref, base.text, article.analysed_at, {}, {}, (nowhere,)), nowhere)
    assert (empty["inter1"], empty["interaction"], empty["iso"], empty["geo_precision"]) == ("", "", "", "")
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    (written,) = csv.DictReader(io.StringIO(buf.getvalue()))
    assert [written[k] for k in ("year", "fatalities", "geo_precision", "inter1")] == ["2025", "3", "3", "8"]
