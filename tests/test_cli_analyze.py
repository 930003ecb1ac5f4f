"""`fogofwar analyze` as the contract states it: single files, --jsonl batches, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fogofwar.analyze import pipeline
from fogofwar.cli import main
from fogofwar.sample import sample_dir
from fogofwar.schema import Article
from fogofwar.validate import validate

SEED = sample_dir() / "siversk.txt"


def _run(args: list[str], stdin: str | None = None) -> Any:
    return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)


def test_single_file_gives_one_valid_json_object() -> None:
    result = _run(["analyze", str(SEED), "--published", "2025-12-20", "--id", "siversk"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == "siversk"
    assert data["published"] == "2025-12-20"
    assert validate(data) == []
    assert all(c["id"].startswith("siversk:c") for c in data["claims"])


def test_jsonl_keeps_order_and_reports_broken_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": "Russian forces shelled Kharkiv on Monday, killing two people.",
                "published": "2025-05-06",
            }
        ),
        "{broken",
        json.dumps({"id": "no-text"}),
        json.dumps({"text": "Ukraine's General Staff said its troops repelled an attack near Pokrovsk."}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _run(["analyze", "--jsonl", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "2", "no-text", "4"]
    assert "error" in rows[1] and "error" in rows[2]
    assert validate(rows[0]) == [] and validate(rows[3]) == []
    assert "2 analysed, 2 errors" in result.stderr


def test_jsonl_stdin_to_stdout() -> None:
    line = json.dumps({"id": "s", "text": "Kyiv said talks in Istanbul had failed."})
    result = _run(["analyze", "--jsonl", "-", "--out", "-"], stdin=line + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["id"] == "s"


def test_nothing_readable_exits_nonzero(tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text("nope\n{}\n", encoding="utf-8")
    result = _run(["analyze", "--jsonl", str(src), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "nothing could be read" in result.stderr
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == 2


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("bin.txt", b"\x00\x01\x02" * 100, "looks binary"),
        ("bad.txt", b"Stra\xdfe", "not valid UTF-8"),
        ("nav.html", b"<html><body><nav>menu</nav></body></html>", "no article text"),
    ],
)
def test_bad_single_file_gets_an_error_object(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = _run(["analyze", str(path)])
    assert result.exit_code == 1
    error = json.loads(result.stdout)
    assert error["id"] == path.stem and message in error["error"]


def test_usage_errors_are_clear() -> None:
    assert "give either FILE or --jsonl" in _run(["analyze"]).output
    assert (
        "--published and --id go with FILE" in _run(["analyze", "--jsonl", "-", "--id", "x"], stdin="").output
    )


def test_long_article_is_analysed_in_chunks_with_offsets_kept(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = SEED.read_text(encoding="utf-8")
    text = "\n\n".join([seed] * 4)
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", len(seed) + 100)
    data = analyzer.analyze(Article(id="long", text=text, published="2025-12-20")).to_dict()
    assert validate(data) == []
    ids = (
        [c["id"] for c in data["claims"]]
        + [e["id"] for e in data["entities"]]
        + [e["id"] for e in data["events"]]
    )
    assert len(ids) == len(set(ids))
    assert {p["start"] // (len(seed) + 2) for p in data["places"] if p["text"] == "Siversk"} == {0, 1, 2, 3}
    claim_ids = {c["id"] for c in data["claims"]}
    assert all(set(e["claim_ids"]) <= claim_ids for e in data["events"])


def test_chunks_cut_between_words() -> None:
    text = ("word " * 50 + "\n") * 40
    chunks = list(pipeline.split_chunks(text, 300))
    assert chunks[0][0] == 0 and chunks[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(chunks, chunks[1:], strict=False))
    assert all(e - s <= 300 for s, e in chunks)
    assert all(text[e - 1] in " \n" for _, e in chunks[:-1])
