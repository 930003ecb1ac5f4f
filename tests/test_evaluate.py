"""The quality-gate runner: floors pass and fail as pinned, and nothing is skipped silently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fogofwar import evaluate as ev
from fogofwar.cli import main
from fogofwar.evaluate.corpora import MissingData


@pytest.fixture()
def fake_evaluator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ev.EVALUATORS, "fake", lambda data, analyzer: {"f1": 0.7, "errors": 0.0})


def _floors(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "floors.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("floors", "passed"),
    [
        ("[fake]\nf1 = { min = 0.69 }\nerrors = { max = 0 }\n", [True, True]),
        ("[fake]\nf1 = { min = 0.71 }\n", [False]),
        ("[fake]\nrecall = { min = 0.1 }\n", [False]),  # a floor for a metric that was not reported
    ],
)
def test_gates(tmp_path: Path, fake_evaluator: None, analyzer: Any, floors: str, passed: list[bool]) -> None:
    [(name, metrics, gates)] = list(ev.run(["fake"], tmp_path, _floors(tmp_path, floors), analyzer))
    assert name == "fake" and metrics["f1"] == 0.7
    assert [g.passed for g in gates] == passed


def test_unknown_names_are_errors(tmp_path: Path, fake_evaluator: None, analyzer: Any) -> None:
    with pytest.raises(ValueError, match="unknown evaluator"):
        list(ev.run(["nope"], tmp_path, None, analyzer))
    with pytest.raises(ValueError, match="floors for unknown evaluator"):
        list(ev.run(["fake"], tmp_path, _floors(tmp_path, "[typo]\nf1 = { min = 0 }\n"), analyzer))


def test_a_missing_corpus_fails_loudly(tmp_path: Path, analyzer: Any) -> None:
    with pytest.raises(MissingData, match="lgl.xml not found"):
        list(ev.run(["places"], tmp_path, None, analyzer))
    result = CliRunner().invoke(main, ["evaluate", "events", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "not found" in result.output
