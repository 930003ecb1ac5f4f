"""The page's own date and the forms of `published` the readers accept (invented texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fogofwar.ingest import read_file, read_jsonl
from fogofwar.ingest.dates import dateline_date, normalise_date


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("Wed Nov 23, 2016 | 4:58pm EST", "2016-11-23"),
        ("17 December 2016", "2016-12-17"),
        ("2022-04-19T14:03:00+03:00", "2022-04-19"),
        ("2022-04-19T23:30:00-05:00", "2022-04-19"),
        ("2022-04-19 14:03 UTC", "2022-04-19"),
        ("Tue, 19 Apr 2022 10:00:00 GMT", "2022-04-19"),
        ("April 19, 2022", "2022-04-19"),
    ],
)
def test_published_forms_are_normalised(value: str, day: str) -> None:
    assert normalise_date(value) == day


@pytest.mark.parametrize("value", ["last Tuesday", "yesterday", "0000-01-01", "2022-02-30", 20220419])
def test_an_unreadable_published_is_a_warning(value: object) -> None:
    line = json.dumps({"id": "w", "text": "Smoke rose over the harbour town.", "published": value})
    (article,) = read_jsonl([line.encode()])
    assert article.published is None
    assert len(article.warnings) == 1 and "'published'" in article.warnings[0]


@pytest.mark.parametrize(
    ("text", "reference", "day"),
    [
        ("ZELENOGRAD, Feb 18 (Wirenews) - Crews cleared the bridge.", "2023-02-19", "2023-02-18"),
        ("ZELENOGRAD, Feb 18 (Wirenews) - Crews cleared the bridge.", None, None),
        ("OSTROV, Ruritania (AP) — Crews cleared the bridge.", "2023-02-19", None),
        ("OSTROV, April 19, 2021 — Crews cleared the bridge.", None, "2021-04-19"),
        ("OSTROV, Dec 31 (Wirenews) - Crews cleared the bridge.", "2024-01-01", "2023-12-31"),
        ("Crews cleared the bridge on Monday.", "2023-02-19", None),
    ],
)
def test_datelines(text: str, reference: str | None, day: str | None) -> None:
    assert dateline_date(text, reference) == day


def test_front_matter_fills_the_article(tmp_path: Path) -> None:
    path = tmp_path / "bridge.md"
    path.write_text(
        "---\ntitle: The bridge\ndate: 2023-02-19\noutlet: Harbour Post\nurl: https://example.org/b\n---\n\n"
        "OSTROV, Feb 18 (Wirenews) - Crews cleared the bridge overnight.\n",
        encoding="utf-8",
    )
    article = read_file(path)
    assert article.text.startswith("OSTROV, Feb 18")
    assert (article.title, article.outlet, article.url) == ("The bridge", "Harbour Post", "https://example.org/b")
    assert article.page_date == "2023-02-18"  # the dateline, its year from the front matter's date
    assert article.published == "2023-02-18"  # no published given: the page's own date


def test_given_published_and_page_date_side_by_side(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("OSTROV, Feb 18 (Wirenews) - Crews cleared the bridge.", encoding="utf-8")
    article = read_file(path, published="Mon, 20 Feb 2023 08:00:00 GMT")
    assert (article.published, article.page_date) == ("2023-02-20", "2023-02-18")
