"""The ledger's commands, in-process through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from fogofwar import cli_ledger
from fogofwar.schema import Analysis, Article, Place
from fogofwar.store import count_rows, ingest, open_store
from fogofwar.store.testing import sample_analyses


@pytest.fixture
def cli() -> click.Group:
    group = click.Group("fogofwar")
    cli_ledger.register(group)
    return group


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    db = tmp_path / "ledger.db"
    from fogofwar.store.links import link_pending

    with open_store(db) as store:
        ingest(store, sample_analyses())
        link_pending(store)  # as `fogofwar ingest` does
    return db


def run(cli: click.Group, *args: str, env: dict[str, str] | None = None, input: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), env=env, input=input, catch_exceptions=False)


class FakeAnalyzer:
    """Stands in for the spaCy pipeline: each article's analysis names its first word as a place."""

    def __init__(self, model: str | None = None, config_path: str | None = None) -> None:
        self.model = model

    def load(self) -> FakeAnalyzer:
        return self

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        for a in articles:
            word = a.text.split()[0]
            place = Place(0, len(word), word, None, word, None, None, None, None, None, None, None, 0.5)
            yield Analysis(a.id, a.text, a.published, a.title, a.outlet, url=a.url, places=(place,),
                           page_date=a.page_date, warnings=a.warnings)


@pytest.fixture
def fake_analyzer(monkeypatch: pytest.MonkeyPatch) -> None:
    import fogofwar.analyze

    monkeypatch.setattr(fogofwar.analyze, "Analyzer", FakeAnalyzer)


def test_main_cli_registers_the_ledger_commands() -> None:
    from fogofwar.cli import main

    assert {"ingest", "claims", "events", "places", "export"} <= set(main.commands)


def test_ingest_articles_twice_changes_nothing(cli: click.Group, tmp_path: Path, fake_analyzer: None) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kherson.txt").write_text("Kherson was shelled overnight.", encoding="utf-8")
    (folder / "more.jsonl").write_text(
        json.dumps({"id": "k2", "text": "Kupiansk saw fighting.", "published": "2025-12-01"}) + "\n{broken\n",
        encoding="utf-8",
    )
    db = tmp_path / "l.db"
    first = run(cli, "ingest", "--db", str(db), str(folder))
    assert first.exit_code == 0, first.output
    assert "3 inputs: 2 new, 0 unchanged, 0 replaced, 1 errors" in first.stdout
    assert "not valid JSON" in first.stderr
    counts = count_rows(open_store(db))
    second = run(cli, "ingest", "--db", str(db), str(folder))
    assert "0 new, 2 unchanged" in second.stdout
    assert count_rows(open_store(db)) == counts
    places = run(cli, "places", "--db", str(db), "--json")
    assert sorted(json.loads(line)["name"] for line in places.stdout.splitlines()) == ["Kherson", "Kupiansk"]


class CountingAnalyzer(FakeAnalyzer):
    analysed: list[str] = []

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        articles = list(articles)
        CountingAnalyzer.analysed.extend(a.id for a in articles)
        return super().analyze_many(articles, batch_size)


def test_a_repeated_ingest_is_recognised_before_analysis(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fogofwar.analyze

    monkeypatch.setattr(fogofwar.analyze, "Analyzer", CountingAnalyzer)
    CountingAnalyzer.analysed = []
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kherson was shelled overnight.", encoding="utf-8")
    (folder / "b.jsonl").write_text(json.dumps({"id": "b", "text": "Lyman is quiet."}) + "\n", encoding="utf-8")
    db = str(tmp_path / "l.db")
    assert "2 new" in run(cli, "ingest", "--db", db, str(folder)).stdout
    assert sorted(CountingAnalyzer.analysed) == ["a", "b"]
    CountingAnalyzer.analysed = []
    assert "0 new, 2 unchanged" in run(cli, "ingest", "--db", db, str(folder)).stdout
    assert CountingAnalyzer.analysed == []  # nothing analysed again
    # A changed field is a changed input: analysed again, and stored as a replacement.
    assert "1 replaced" in run(cli, "ingest", "--db", db, "--outlet", "Kyiv Independent", str(folder / "a.txt")).stdout
    assert CountingAnalyzer.analysed == ["a"]
    CountingAnalyzer.analysed = []
    assert "1 unchanged" in run(cli, "ingest", "--db", db, "--reanalyse", str(folder / "b.jsonl")).stdout
    assert CountingAnalyzer.analysed == ["b"]


def test_ingest_takes_published_outlet_and_url_for_a_file(
    cli: click.Group, tmp_path: Path, fake_analyzer: None
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Kherson was shelled overnight.", encoding="utf-8")
    db = str(tmp_path / "l.db")
    result = run(cli, "ingest", "--db", db, "--published", "Wed Nov 23, 2016 | 4:58pm EST", "--outlet", "Reuters",
                 "--url", "https://example.org/k", str(page))
    assert result.exit_code == 0, result.output
    [line] = run(cli, "export", "--db", db, "--format", "jsonl").stdout.splitlines()
    stored = json.loads(line)
    assert (stored["published"], stored["outlet"], stored["url"]) == ("2016-11-23", "Reuters", "https://example.org/k")


def test_ingest_reports_an_unreadable_date_and_stores_the_article(
    cli: click.Group, tmp_path: Path, fake_analyzer: None
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Kherson was shelled overnight.", encoding="utf-8")
    db = str(tmp_path / "l.db")
    result = run(cli, "ingest", "--db", db, "--published", "last Tuesday", str(page))
    assert result.exit_code == 0 and "1 new" in result.stdout
    assert "warning: page: " in result.stderr and "last Tuesday" in result.stderr


def test_ingest_url_needs_one_article_file(cli: click.Group, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "l.db"), "--url", "https://x.example",
                                      str(tmp_path), str(tmp_path)])
    assert result.exit_code == 2 and "--url names one article" in result.output


def test_a_folder_with_a_text_and_its_jsonl_record_is_one_article(
    cli: click.Group, tmp_path: Path, fake_analyzer: None
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Kherson was shelled overnight."
    (folder / "kherson.txt").write_text(text, encoding="utf-8")
    record = {"id": "kherson", "text": text, "url": "https://x.example/k", "published": "2025-12-01"}
    (folder / "all.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = run(cli, "ingest", "--db", str(tmp_path / "l.db"), str(folder))
    assert "2 inputs: 1 new, 1 unchanged" in result.stdout
    analyses = run(cli, "export", "--db", str(tmp_path / "l.db"), "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["url"] for line in analyses] == ["https://x.example/k"]


def test_articles_over_the_limit_become_errors(
    cli: click.Group, tmp_path: Path, fake_analyzer: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fogofwar.analyze.pipeline

    monkeypatch.setattr(fogofwar.analyze.pipeline, "MAX_CHARS", 40)
    src = tmp_path / "in.jsonl"
    lines = [{"id": "small", "text": "Lyman is quiet."}, {"id": "big", "text": "Bakhmut " * 20}]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = run(cli, "ingest", "--db", str(tmp_path / "l.db"), str(src))
    assert result.exit_code == 0
    assert "1 new" in result.stdout and "1 errors" in result.stdout
    assert "error: big: article has 160 characters; the limit is 40" in result.stderr


def test_ingest_analyses_and_db_from_the_environment(cli: click.Group, tmp_path: Path, ledger: Path) -> None:
    exported = tmp_path / "all.jsonl"
    assert run(cli, "export", "--db", str(ledger), "--format", "jsonl", "--out", str(exported)).exit_code == 0
    db = tmp_path / "copy.db"
    env = {"FOGOFWAR_DB": str(db)}
    result = run(cli, "ingest", "--analyses", str(exported), env=env)
    assert "3 new" in result.stdout
    assert "3 unchanged" in run(cli, "ingest", "--analyses", str(exported), env=env).stdout
    assert count_rows(open_store(db)) == count_rows(open_store(ledger))


def test_ingest_where_nothing_could_be_stored_fails(cli: click.Group, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "error": "could not read"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "l.db"), "--analyses", str(bad)])
    assert result.exit_code == 1
    assert "nothing could be stored" in result.stderr


def test_article_lines_given_as_analyses_are_refused_by_name(cli: click.Group, tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a1", "text": "Russian forces shelled Kharkiv."}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "l.db"), "--analyses", str(articles)])
    assert result.exit_code == 1
    assert "error: a1:" in result.stderr and "not an analysis of the contract" in result.stderr
    assert "ingest it without --analyses" in result.stderr


def test_default_db_is_in_the_current_folder(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps(sample_analyses()[0].to_dict()) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FOGOFWAR_DB", raising=False)
    assert run(cli, "ingest", "--analyses", str(src)).exit_code == 0
    assert (tmp_path / "fogofwar.db").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ["belgorod:c1", "siversk:c1", "siversk:c2", "siversk:c3", "quiet:c1"]),
        (["--place", "siversk"], ["siversk:c1", "siversk:c2"]),
        (["--side", "ukraine"], ["siversk:c3"]),
        (["--source-kind", "group", "--status", "hedged"], ["siversk:c2", "quiet:c1"]),
        (["--since", "2025-12-01"], ["siversk:c1", "siversk:c2", "siversk:c3"]),
        (["--until", "2025-11-30"], ["belgorod:c1"]),
        (["--status", "DENIED"], ["siversk:c3"]),
    ],
)
def test_claims_json(cli: click.Group, ledger: Path, args: list[str], expected: list[str]) -> None:
    result = run(cli, "claims", "--db", str(ledger), "--json", *args)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ["belgorod:ev1", "siversk:ev1"]),
        (["--side", "russia"], ["siversk:ev1"]),
        (["--event-type", "Battles"], ["siversk:ev1"]),
        (["--sub-event-type", "Air/drone strike"], ["belgorod:ev1"]),
        (["--place", "Belgorod", "--context", "happened"], ["belgorod:ev1"]),
        (["--since", "2025-12-01", "--until", "2025-12-31"], ["siversk:ev1"]),
        (["--limit", "1"], ["belgorod:ev1"]),
    ],
)
def test_events_json(cli: click.Group, ledger: Path, args: list[str], expected: list[str]) -> None:
    result = run(cli, "events", "--db", str(ledger), "--json", *args)
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == expected


@pytest.mark.parametrize(
    ("command", "needles"),
    [
        ("claims", ["5 claims", "General Staff of the Armed Forces", "denied"]),
        ("events", ["2 events", "Armed clash", "Military Forces of Russia [russia]"]),
        ("places", ["3 places", "Siversk", "Donetsk Oblast", "Geneva"]),
    ],
)
def test_tables_are_readable(cli: click.Group, ledger: Path, command: str, needles: list[str]) -> None:
    result = run(cli, command, "--db", str(ledger))
    assert result.exit_code == 0
    for needle in needles:
        assert needle in result.stdout


def test_places_filter_by_country(cli: click.Group, ledger: Path) -> None:
    result = run(cli, "places", "--db", str(ledger), "--json", "--country", "Ukraine")
    assert [json.loads(line)["name"] for line in result.stdout.splitlines()] == ["Siversk"]


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        (
            "csv",
            lambda text: next(csv.reader(io.StringIO(text)))[:3] == ["event_id_cnty", "event_date", "year"],
        ),
        ("geojson", lambda text: json.loads(text)["type"] == "FeatureCollection"),
        ("jsonl", lambda text: len(text.splitlines()) == 3),
    ],
)
def test_export_to_stdout_and_file(
    cli: click.Group, ledger: Path, tmp_path: Path, fmt: str, check: Any
) -> None:
    result = run(cli, "export", "--db", str(ledger), "--format", fmt)
    assert result.exit_code == 0 and check(result.stdout)
    out = tmp_path / f"out.{fmt}"
    result = run(cli, "export", "--db", str(ledger), "--format", fmt, "--out", str(out))
    assert check(out.read_text(encoding="utf-8"))
    assert f"to {out}" in result.stderr


@pytest.mark.parametrize(
    ("prepare", "args", "message"),
    [
        (None, ["claims"], "no ledger at"),
        (lambda p: p.write_text("not a database at all"), ["events"], "is not a fogofwar ledger"),
        (None, ["export", "--format", "csv"], "no ledger at"),
        (lambda p: p.mkdir(), ["places"], "is a directory"),
    ],
)
def test_bad_db_gives_a_one_line_error(
    cli: click.Group, tmp_path: Path, prepare: Any, args: list[str], message: str
) -> None:
    db = tmp_path / "x.db"
    if prepare is not None:
        prepare(db)
    result = CliRunner().invoke(cli, [args[0], "--db", str(db), *args[1:]])
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (db.exists() and prepare is None)


@pytest.mark.parametrize(
    "args",
    [
        ["claims", "--since", "December"],
        ["events", "--side", "nato"],
        ["export", "--format", "xml"],
    ],
)
def test_bad_options_are_usage_errors(cli: click.Group, ledger: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, [args[0], "--db", str(ledger), *args[1:]])
    assert result.exit_code == 2


def test_bad_country_and_what_are_clear_errors(cli: click.Group, ledger: Path) -> None:
    result = CliRunner().invoke(cli, ["places", "--db", str(ledger), "--country", "Atlantis"])
    assert result.exit_code == 1 and "unknown country 'Atlantis'" in result.stderr
    result = CliRunner().invoke(cli, ["export", "--db", str(ledger), "--format", "csv", "--what", "places"])
    assert result.exit_code == 1 and "csv export holds events or claims" in result.stderr


def test_a_missing_model_is_a_one_line_error(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fogofwar.analyze

    class NoModel(FakeAnalyzer):
        def load(self) -> FakeAnalyzer:
            raise RuntimeError("spaCy model 'x' is not installed")

    monkeypatch.setattr(fogofwar.analyze, "Analyzer", NoModel)
    (tmp_path / "a.txt").write_text("Kherson was shelled.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--db", str(tmp_path / "l.db"), str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: spaCy model 'x' is not installed"


def test_progress_on_a_terminal_does_not_disturb_the_summary(
    cli: click.Group, ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = tmp_path / "all.jsonl"
    run(cli, "export", "--db", str(ledger), "--format", "jsonl", "--out", str(exported))
    monkeypatch.setattr(cli_ledger, "_stderr_is_terminal", lambda: True)
    result = run(cli, "ingest", "--db", str(tmp_path / "new.db"), "--analyses", str(exported))
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("3 inputs: 3 new, 0 unchanged, 0 replaced, 0 errors")
    assert result.stderr.strip() == ""  # rich draws nothing off a real terminal; nothing else leaks


# stories


def _story_analyses(tmp_path: Path) -> Path:
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "link"))
    from link_builders import capture, denial

    path = tmp_path / "analyses.jsonl"
    articles = [capture("claim", "2025-12-08"), denial("deny", "2025-12-09")]
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def test_main_cli_registers_the_story_commands() -> None:
    from fogofwar.cli import main

    assert {"link", "stories", "story"} <= set(main.commands)


def test_ingest_links_stories_and_stories_lists_them(cli: click.Group, tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    result = run(cli, "ingest", "--db", db, "--analyses", str(_story_analyses(tmp_path)))
    assert result.exit_code == 0
    lines = run(cli, "stories", "--db", db, "--json").output.splitlines()
    (story,) = [json.loads(line) for line in lines]
    assert story["status"] == "contested" and story["articles"] == ["claim", "deny"]
    assert set(story) >= {"id", "event_type", "sub_event_type", "place", "date", "status", "articles",
                          "independent_sources", "origins", "claims", "contradictions", "timeline"}  # fmt: skip
    table = run(cli, "stories", "--db", db, "--status", "contested").output
    assert story["id"] in table and "Siversk" in table
    assert run(cli, "stories", "--db", db, "--json", "--status", "confirmed").output == ""
    shown = run(cli, "story", "--db", db, story["id"]).output
    for needle in ("why contested", "origins by side", "contradictions", "General Staff", "claim:c1", "deny:c1"):
        assert needle in shown
    # it explains itself: the claims' texts with source, side and date, the articles with their outlets
    flat = " ".join(shown.split())
    for needle in ("Ministry of Defence of Russia (russia), 2025-12-08, reported: Russian forces captured Siversk",
                   "(ukraine), 2025-12-09, denied: Russian claims that Siversk had been captured were false",
                   "articles", "2025-12-09"):  # fmt: skip
        assert needle in flat, needle
    assert json.loads(run(cli, "story", "--db", db, story["id"], "--json").output) == story


def test_no_link_then_link_and_rebuild(cli: click.Group, tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    run(cli, "ingest", "--db", db, "--analyses", "--no-link", str(_story_analyses(tmp_path)))
    assert run(cli, "stories", "--db", db, "--json").output == ""
    assert "2 articles linked" in run(cli, "link", "--db", db).output
    assert "0 articles linked" in run(cli, "link", "--db", db).output
    before = run(cli, "stories", "--db", db, "--json").output
    assert "2 articles linked" in run(cli, "link", "--db", db, "--rebuild").output
    assert run(cli, "stories", "--db", db, "--json").output == before


def test_an_unknown_story_is_a_clear_error(cli: click.Group, ledger: Path) -> None:
    result = CliRunner().invoke(cli, ["story", "--db", str(ledger), "st-nope"])
    assert result.exit_code != 0 and "no story st-nope" in result.output


# what users see: events that happened by default, the rest with --all-contexts


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A ledger with one event of the day, a background happening of 2014 and a denied event."""
    from fogofwar.store.links import link_pending
    from fogofwar.store.testing import kramatorsk

    db = tmp_path / "history.db"
    with open_store(db) as store:
        ingest(store, [kramatorsk()])
        link_pending(store)
    return db


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ["kramatorsk:ev1"]),
        (["--all-contexts"], ["kramatorsk:ev1", "kramatorsk:ev2", "kramatorsk:ev3"]),
        (["--context", "denied"], ["kramatorsk:ev3"]),
        (["--context", "happened", "--all-contexts"], ["kramatorsk:ev1", "kramatorsk:ev2"]),
    ],
)
def test_events_show_what_happened_unless_all_contexts(
    cli: click.Group, history: Path, args: list[str], expected: list[str]
) -> None:
    result = run(cli, "events", "--db", str(history), "--json", *args)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["id"] for e in lines] == expected
    assert all("context" in e and "background" in e and e["evidence"]["text"] for e in lines)


def test_events_table_has_context_background_and_evidence(cli: click.Group, history: Path) -> None:
    default = run(cli, "events", "--db", str(history)).stdout
    assert "1 events (happened; --all-contexts for the rest)" in default
    assert "context" in default and "evidence" in default
    assert "Russian missiles struck Kramatorsk" in default and "Separatists" not in default
    everything = run(cli, "events", "--db", str(history), "--all-contexts").stdout
    assert "3 events" in everything
    assert "happened (background)" in everything and "denied" in everything
    assert "Separatists seized the city" in everything


def test_stories_show_happened_stories_unless_all_contexts(cli: click.Group, history: Path) -> None:
    default = [json.loads(line) for line in run(cli, "stories", "--db", str(history), "--json").stdout.splitlines()]
    assert [s["events"] for s in default] == [["kramatorsk:ev1", "kramatorsk:ev3"]]
    every = run(cli, "stories", "--db", str(history), "--json", "--all-contexts").stdout.splitlines()
    assert sorted(tuple(json.loads(line)["events"]) for line in every) == [
        ("kramatorsk:ev1", "kramatorsk:ev3"), ("kramatorsk:ev2",),  # the 2014 seizure, told as background
    ]  # fmt: skip


def test_export_shows_happened_events_unless_all_contexts(cli: click.Group, history: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(cli, "export", "--db", str(history), "--format", "csv").stdout)))
    assert [(r["event_id"], r["context"], r["background"]) for r in rows] == [("kramatorsk:ev1", "happened", "false")]
    assert rows[0]["notes"].startswith("Russian missiles struck Kramatorsk on March 3")
    assert (rows[0]["year"], rows[0]["time_precision"], rows[0]["geo_precision"]) == ("2026", "1", "1")
    result = run(cli, "export", "--db", str(history), "--format", "csv", "--all-contexts")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["context"] for r in rows] == ["happened", "happened", "denied"]
    assert rows[2]["geo_precision"] == "" and rows[2]["inter1"] == "" and rows[2]["year"] == "2026"
    assert "exported 3 records" in result.stderr
    geo = json.loads(run(cli, "export", "--db", str(history), "--format", "geojson", "--what", "events").stdout)
    assert [f["properties"]["context"] for f in geo["features"]] == ["happened"]
