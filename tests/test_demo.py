"""The demo's summary shows what was found and escapes article text (rich markup is not run)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from fogofwar.demo import run_demo


def test_demo_prints_a_summary_and_leaves_a_ledger(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "hostile.txt").write_text(
        "[bold red]Fake[/bold red] Russian forces captured the village of Robotyne on Monday, "
        "the ministry said. [link=http://127.0.0.1/]click[/link]\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    db = tmp_path / "demo.db"
    assert run_demo(db, Console(file=out, width=200), articles_dir=articles) == 0
    text = out.getvalue()
    assert db.exists()
    assert "Robotyne" in text
    assert "Fake[/bold red]" in text  # shown as written, not interpreted as markup
    assert "1 articles analysed" in text


def test_the_demo_links_the_siversk_reports_into_one_contested_story(tmp_path: Path) -> None:
    from fogofwar.sample import sample_dir

    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("siversk.txt", "siversk-denial.txt"):
        (articles / name).write_bytes((sample_dir() / name).read_bytes())
    out = io.StringIO()
    assert run_demo(tmp_path / "demo.db", Console(file=out, width=400), articles_dir=articles) == 0
    text = out.getvalue()
    assert "2 articles linked" in text
    line = next(x for x in text.splitlines() if "Siversk ·" in x)
    assert line.startswith("contested Non-state actor overtakes territory")
    assert "2 articles" in line


@pytest.mark.parametrize("order", [("siversk", "siversk-denial"), ("siversk-denial", "siversk")])
def test_the_dated_siversk_reports_link_in_either_order(tmp_path: Path, order: tuple[str, str]) -> None:
    # the capture's long report arriving after its short denial still joins the denial's story
    from fogofwar.sample import sample_dir

    rows = {json.loads(line)["id"]: line for line in (sample_dir() / "articles.jsonl").read_text().splitlines()}
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "in.jsonl").write_text("".join(rows[i] + "\n" for i in order), encoding="utf-8")
    out = io.StringIO()
    assert run_demo(tmp_path / "demo.db", Console(file=out, width=400), articles_dir=articles) == 0
    line = next(x for x in out.getvalue().splitlines() if "Siversk ·" in x)
    assert line.startswith("contested Non-state actor overtakes territory · Siversk · 2025-12-11 · 2 articles")
