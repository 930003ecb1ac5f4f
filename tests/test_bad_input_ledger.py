"""Bad input next to a ledger: each bad file gets a clear one-line error and nothing stored is lost.

Also: every analysis of the bundled sample validates against the JSON Schema.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fogofwar.cli import main
from fogofwar.sample import sample_articles, sample_dir
from fogofwar.validate import validate


def _ingest(db: Path, *inputs: str) -> Any:
    return CliRunner().invoke(main, ["ingest", "--db", str(db), *inputs], catch_exceptions=False)


def _stored(db: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_bad_inputs_lose_nothing_already_stored(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    assert _ingest(db, str(sample_dir() / "siversk.txt")).exit_code == 0
    before = _stored(db)
    assert [a["id"] for a in before] == ["siversk"]

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (bad / "latin1.txt").write_bytes("Stra\xdfe der Einheit".encode("latin-1"))
    (bad / "nav.html").write_bytes(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (bad / "lines.jsonl").write_text('{"id": "x"}\n{broken\n[1, 2]\n', encoding="utf-8")
    result = _ingest(db, str(bad))
    messages = result.stderr + result.stdout
    for needle in ("is empty", "looks binary", "not valid UTF-8", "no article text", "has no 'text'", "not valid JSON"):
        assert needle in messages, messages
    assert _stored(db) == before


@pytest.fixture(scope="module")
def sample_outputs(analyzer: Any) -> list[dict[str, Any]]:
    return [a.to_dict() for a in analyzer.analyze_many(sample_articles())]


def test_every_sample_output_validates(sample_outputs: list[dict[str, Any]]) -> None:
    assert len(sample_outputs) >= 9
    for output in sample_outputs:
        assert validate(output) == [], output["id"]
