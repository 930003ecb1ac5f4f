"""The stories evaluator: clustering scores, near misses, the TF-IDF baseline and the ledger's
clustering read through the real ingest path, on small corpora written here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fogofwar.evaluate import stories as st
from fogofwar.evaluate.corpora import MissingData


def _item(aid: str, story: str, published: str | None = "2015-05-01", topic: str | None = None,
          text: str = "") -> st.Labelled:  # fmt: skip
    return st.Labelled(aid, story, published, topic, text, None)


def test_bcubed_and_pairs_of_a_known_clustering() -> None:
    gold = {"a": "1", "b": "1", "c": "2"}
    assert st.bcubed(gold, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0, 1.0)
    p, r, f = st.bcubed(gold, {"a": "x", "b": "y", "c": "z"})  # all singletons
    assert (p, round(r, 4)) == (1.0, round((0.5 + 0.5 + 1) / 3, 4))
    p, r, _ = st.bcubed(gold, {"a": "x", "b": "x", "c": "x"})  # one cluster
    assert (round(p, 4), r) == (round((2 / 3 + 2 / 3 + 1 / 3) / 3, 4), 1.0)
    assert st.pairwise(gold, {"a": "x", "b": "x", "c": "x"}) == (1 / 3, 1.0, 0.5)
    assert st.pairwise(gold, {"a": "x", "b": "y", "c": "z"}) == (0.0, 0.0, 0.0)


def test_near_misses_are_other_stories_a_day_apart_or_of_one_topic() -> None:
    stream = [_item("a", "1", "2015-05-01"), _item("b", "2", "2015-05-02"), _item("c", "3", "2015-05-04"),
              _item("d", "1", "2015-05-01")]  # fmt: skip
    assert st.near_miss_pairs(stream) == {("a", "b"), ("b", "d")}
    topics = [_item("a", "1_ecb", None, "1"), _item("b", "1_ecbplus", None, "1"), _item("c", "2_ecb", None, "2")]
    assert st.near_miss_pairs(topics) == {("a", "b")}


def test_scores_count_an_unlinked_article_as_a_singleton_and_near_misses_merged() -> None:
    items = [_item("a", "1"), _item("b", "1"), _item("c", "2")]
    scores = st.score_clustering(items, {"a": "s", "c": "s"}, {("a", "c")})
    assert scores["near_miss_merged"] == 1.0 and scores["whole"] == 0.0
    assert scores["pair_precision"] == 0.0
    whole = st.score_clustering(items, {"a": "s", "b": "s"}, {("a", "c")})
    assert whole["b3_f1"] == 1.0 and whole["near_miss_merged"] == 0.0 and whole["whole"] == 1.0


def test_the_tfidf_baseline_clusters_by_words() -> None:
    items = [
        _item("a", "1", text="Gunman opened fire at Maple Street diner killing cashier Johnson"),
        _item("b", "1", text="Cashier Johnson killed when gunman fired inside Maple Street diner"),
        _item("c", "2", text="Flooding closed the riverside highway bridge near Springfield overnight"),
        _item("d", "2", text="Springfield riverside highway bridge shut after overnight flooding"),
    ]
    threshold, scores = st.tfidf_baseline(items, set())
    assert threshold in st.TFIDF_GRID
    assert scores["b3_f1"] == 1.0


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_ledger_s_stories_are_read_as_a_clustering(tmp_path: Path, analyzer: Any) -> None:
    text = "Russian forces shelled the town of Vovchansk on Monday, killing two civilians, the governor said."
    other = "Ukrainian drones struck an oil depot in Novorossiysk on Friday, regional officials said."
    path = _write(tmp_path / "c.jsonl", [
        {"id": "x1", "text": text, "published": "2024-05-14", "story": "A"},
        {"id": "x2", "text": text.replace("the governor said", "officials said"), "published": "2024-05-14",
         "story": "A"},
        {"id": "x3", "text": other, "published": "2024-05-18", "story": "B"},
    ])  # fmt: skip
    clusters = st.ledger_clusters(path, analyzer)
    assert clusters["x1"] == clusters["x2"] != clusters["x3"]
    scores = st.evaluate_corpus(path, analyzer)
    assert scores["b3_f1"] == 1.0 and scores["articles"] == 3.0
    assert {"tfidf_b3_f1", "tfidf_threshold", "b3_f1_over_tfidf"} <= set(scores)


def test_a_missing_stories_corpus_fails_loudly(tmp_path: Path, analyzer: Any) -> None:
    with pytest.raises(MissingData, match="gvc-dev.jsonl not found"):
        st.evaluate_stories(tmp_path, analyzer)
