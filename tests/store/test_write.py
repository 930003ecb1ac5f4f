"""Writes are idempotent and transactional: one article, one transaction."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from fogofwar.schema import Analysis, AnalysisError, Claim
from fogofwar.store import (
    SqlStore,
    article_key,
    count_rows,
    ingest,
    iter_analyses,
    list_claims,
    normalise_text,
    open_store,
)
from fogofwar.store.testing import (
    belgorod,
    fresh_store,
    memory_store,
    quiet,
    sample_analyses,
    siversk,
    store_urls,
)


@pytest.fixture(params=store_urls())
def store(request: pytest.FixtureRequest) -> SqlStore:
    return fresh_store(request.param)


def _with_status(analysis: Analysis, claim_id: str, status: str) -> Analysis:
    claims = tuple(dataclasses.replace(c, status=status) if c.id == claim_id else c for c in analysis.claims)
    return dataclasses.replace(analysis, claims=claims)


def test_ingesting_twice_changes_nothing(store: SqlStore) -> None:
    first = ingest(store, sample_analyses())
    counts = count_rows(store)
    second = ingest(store, sample_analyses())
    assert (first.new, first.unchanged, first.replaced, first.errors) == (3, 0, 0, [])
    assert (second.new, second.unchanged, second.replaced, second.errors) == (0, 3, 0, [])
    assert count_rows(store) == counts
    assert counts["articles"] == 3 and counts["claims"] == 5 and counts["events"] == 2


def test_the_stored_analysis_is_the_contract_json(store: SqlStore) -> None:
    ingest(store, sample_analyses())
    stored = {d["id"]: d for d in iter_analyses(store)}
    assert stored == {a.id: a.to_dict() for a in sample_analyses()}


@pytest.mark.parametrize(
    ("text_a", "text_b", "same"),
    [
        ("Shelling hit Kherson.", "Shelling hit Kherson.", True),
        ("Shelling hit   Kherson.\n", "  Shelling hit\nKherson.", True),
        ("Cafe\u0301 hit.", "Caf\u00e9 hit.", True),  # NFD and NFC spellings of the same text
        ("Shelling hit Kherson.", "Shelling hit Kharkiv.", False),
    ],
)
def test_identity_is_the_normalised_text(text_a: str, text_b: str, same: bool) -> None:
    assert (article_key(text_a, "u") == article_key(text_b, "u")) is same
    assert (normalise_text(text_a) == normalise_text(text_b)) is same


def test_same_text_and_url_under_another_id_is_one_article(store: SqlStore) -> None:
    ingest(store, [siversk("a1")])
    report = ingest(store, [siversk("a2")])
    assert (report.new, report.unchanged, report.replaced) == (0, 1, 0)
    assert [(d.id, d.stored_id) for d in report.duplicates] == [("a2", "a1")]
    # Reflowed text is the same article; its analysis (text and offsets) takes the old one's place.
    reflowed = dataclasses.replace(siversk("a3"), text=siversk().text + "\n\n")
    report = ingest(store, [reflowed])
    assert (report.new, report.unchanged, report.replaced) == (0, 0, 1)
    assert count_rows(store)["articles"] == 1
    assert {h.article.id for h in list_claims(store)} == {"a1"}


def test_same_text_at_another_url_is_another_article(store: SqlStore) -> None:
    report = ingest(
        store, [siversk("a1", url="https://a.example/1"), siversk("a2", url="https://b.example/2")]
    )
    assert report.new == 2
    assert count_rows(store)["articles"] == 2


def test_a_different_analysis_replaces_the_article(store: SqlStore) -> None:
    ingest(store, sample_analyses())
    counts = count_rows(store)
    changed = _with_status(siversk(), "siversk:c2", "asserted")
    fewer = dataclasses.replace(changed, events=(), uncertainty_cues=())
    report = ingest(store, [fewer])
    assert (report.new, report.unchanged, report.replaced) == (0, 0, 1)
    statuses = {h.claim.id: h.claim.status for h in list_claims(store, article="siversk")}
    assert statuses["siversk:c2"] == "asserted"
    after = count_rows(store)
    assert after["events"] == counts["events"] - 1
    assert after["event_actors"] == counts["event_actors"] - 2
    assert after["uncertainty_cues"] == 0
    assert after["claims"] == counts["claims"]
    assert ingest(store, [fewer]).unchanged == 1


def test_a_duplicate_with_a_newer_analysis_replaces_under_the_first_id(store: SqlStore) -> None:
    ingest(store, [siversk("a1")])
    report = ingest(store, [_with_status(siversk("a2"), "a2:c1", "asserted")])
    assert report.replaced == 1 and [d.stored_id for d in report.duplicates] == ["a1"]
    assert {h.claim.id: h.claim.status for h in list_claims(store)}["a1:c1"] == "asserted"


def test_a_taken_id_gets_a_stable_new_id(store: SqlStore) -> None:
    other = dataclasses.replace(quiet("siversk"), text=quiet().text)
    first = ingest(store, [siversk(), other])
    again = ingest(store, [siversk(), other])
    assert first.new == 2 and again.unchanged == 2
    (renamed,) = first.renamed
    assert renamed.id == "siversk" and renamed.stored_id.startswith("siversk~")
    assert [d.stored_id for d in again.renamed] == [renamed.stored_id]
    assert {h.claim.id for h in list_claims(store, article=renamed.stored_id)} == {f"{renamed.stored_id}:c1"}


@pytest.mark.parametrize(
    ("first_url", "second_url", "outcome", "stored_urls"),
    [
        # A url-less copy of a stored article with the same id and text adds nothing.
        ("https://a.example/1", None, "unchanged", ["https://a.example/1"]),
        # The copy with a url replaces the url-less one.
        (None, "https://a.example/1", "replaced", ["https://a.example/1"]),
        # Two urls: two articles, the second under a new id.
        ("https://a.example/1", "https://b.example/2", "new", ["https://a.example/1", "https://b.example/2"]),
    ],
)
def test_same_id_and_text_with_and_without_url(
    store: SqlStore, first_url: str | None, second_url: str | None, outcome: str, stored_urls: list[str]
) -> None:
    ingest(store, [siversk(url=first_url)])
    report = ingest(store, [siversk(url=second_url)])
    assert {"new": report.new, "unchanged": report.unchanged, "replaced": report.replaced}[outcome] == 1
    assert sorted(d["url"] for d in iter_analyses(store)) == stored_urls
    assert ingest(store, [siversk(url=second_url)]).unchanged == 1


def test_a_failure_inside_an_article_leaves_nothing_of_it(store: SqlStore) -> None:
    # The second article reuses the first one's claim id: the database refuses it on insert, after
    # its article row and other rows went in, inside the same transaction.
    stolen = dataclasses.replace(siversk().claims[0], content=belgorod().claims[0].content)
    clash = dataclasses.replace(belgorod(), claims=(*belgorod().claims, stolen))
    report = ingest(store, [siversk(), clash, quiet()])
    assert (report.new, len(report.errors)) == (2, 1)
    assert report.errors[0].id == "belgorod" and "refused" in report.errors[0].message
    counts = count_rows(store)
    assert counts["articles"] == 2 and counts["events"] == 1 and counts["places"] == 3
    assert {h.article.id for h in list_claims(store)} == {"siversk", "quiet"}


def test_a_failed_replacement_keeps_the_old_rows(store: SqlStore) -> None:
    ingest(store, [siversk(), belgorod()])
    before = count_rows(store)
    stolen: Claim = dataclasses.replace(belgorod().claims[0], content=siversk().claims[0].content)
    bad = dataclasses.replace(siversk(), claims=(*siversk().claims, stolen))
    report = ingest(store, [bad])
    assert report.replaced == 0 and len(report.errors) == 1
    assert count_rows(store) == before
    assert len(list_claims(store, article="siversk")) == 3


def test_a_crash_mid_transaction_rolls_back(tmp_path: Path) -> None:
    store = open_store(tmp_path / "l.db")
    ingest(store, [siversk()])
    before = count_rows(store)

    def crash(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        # The article, its places and claims are in; the process dies before its events.
        if statement.startswith("INSERT INTO events"):
            raise KeyboardInterrupt

    event.listen(store.engine, "before_cursor_execute", crash)
    try:
        with pytest.raises(KeyboardInterrupt):
            ingest(store, [belgorod()])
    finally:
        event.remove(store.engine, "before_cursor_execute", crash)
    assert count_rows(store) == before
    store.close()
    assert count_rows(open_store(tmp_path / "l.db")) == before


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (AnalysisError("x1", "line 3 is not valid JSON"), "line 3 is not valid JSON"),
        (dataclasses.replace(siversk("x2"), published="20 Dec 2025"), "is not a date"),
        (dataclasses.replace(siversk("x3"), text="too short"), "outside the text"),
        (dataclasses.replace(siversk("x4"), claims=siversk("x4").claims[:1] * 2), "appears twice"),
        (dataclasses.replace(siversk("x5"), id=""), "has no id"),
    ],
)
def test_bad_inputs_are_errors_and_the_run_carries_on(store: SqlStore, bad: Any, message: str) -> None:
    report = ingest(store, [bad, belgorod()])
    assert report.new == 1
    assert len(report.errors) == 1 and message in report.errors[0].message
    assert count_rows(store)["articles"] == 1


def test_report_summary_and_progress_callback(store: SqlStore) -> None:
    seen: list[tuple[str, str]] = []
    items = [siversk(), AnalysisError("e", "boom"), siversk()]
    report = ingest(store, items, on_item=lambda i, o: seen.append((i, o)))
    assert seen == [("siversk", "new"), ("e", "error"), ("siversk", "unchanged")]
    assert str(report) == "3 inputs: 1 new, 1 unchanged, 0 replaced, 1 errors"
    assert report.to_dict()["errors"] == [{"id": "e", "error": "boom"}]


def test_real_pipeline_output_is_stored_and_read_back(analyzer: Any) -> None:
    from fogofwar.sample import sample_dir
    from fogofwar.schema import Article

    text = (sample_dir() / "siversk.txt").read_text(encoding="utf-8")
    analysis = analyzer.analyze(Article(id="seed", text=text, published="2025-12-20"))
    store = memory_store()
    assert ingest(store, [analysis]).new == 1
    again = analyzer.analyze(Article(id="seed", text=text, published="2025-12-20"))
    assert ingest(store, [again]).unchanged == 1
    assert [h.claim for h in list_claims(store)] == list(analysis.claims)


def test_two_writers_on_one_file_queue_instead_of_failing(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "l.db"
    open_store(path).close()
    reports: list[Any] = []

    def work(k: int) -> None:
        store = open_store(path)
        items = [siversk(f"w{k}-{i}", url=f"https://x.example/{k}/{i}") for i in range(40)]
        reports.append(ingest(store, [*items, siversk("shared", url="https://x.example/shared")]))
        store.close()

    threads = [threading.Thread(target=work, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.errors for r in reports] == [[], [], []]
    assert sorted(r.new for r in reports) == [40, 40, 41]
    assert count_rows(open_store(path))["articles"] == 121


def test_page_date_background_and_evidence_are_stored(store: SqlStore) -> None:
    from sqlalchemy import select

    from fogofwar.store.models import ArticleRow, EventRow
    from fogofwar.store.testing import kramatorsk

    analysis = kramatorsk()
    assert ingest(store, [analysis]).new == 1
    with store.session() as session:
        assert str(session.scalar(select(ArticleRow.page_date))) == "2026-03-03"
        rows = session.execute(select(EventRow.id, EventRow.background, EventRow.evidence_start,
                                      EventRow.evidence_end).order_by(EventRow.pk)).all()  # fmt: skip
    assert [(r[0], r[1]) for r in rows] == [("kramatorsk:ev1", False), ("kramatorsk:ev2", True),
                                             ("kramatorsk:ev3", False)]  # fmt: skip
    assert rows[0][2:] == (0, analysis.text.index("\n"))  # the analysis's own evidence
    assert all(r[2] is not None for r in rows)  # the others derived from their first mention
    assert list(iter_analyses(store)) == [analysis.to_dict()]  # warnings, furniture: in the JSON
    assert ingest(store, [analysis]).unchanged == 1


def test_bad_page_date_or_evidence_offsets_do_not_refuse_the_article(store: SqlStore) -> None:
    from fogofwar.schema import TextSpan
    from fogofwar.store import list_events

    base = siversk()
    event = dataclasses.replace(base.events[0], evidence=TextSpan(5, 10_000, "far too long"))
    analysis = dataclasses.replace(base, page_date="last Tuesday", events=(event,))
    assert ingest(store, [analysis]).new == 1
    (hit,) = list_events(store)
    assert hit.event.evidence is not None
    assert hit.event.evidence.text == "Russian forces captured Siversk on December 11, a military official said."
