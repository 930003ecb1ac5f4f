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
