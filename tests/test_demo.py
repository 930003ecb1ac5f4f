"""The demo's summary shows what was found and escapes article text (rich markup is not run)."""

from __future__ import annotations

import io
from pathlib import Path

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
