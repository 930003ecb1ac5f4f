"""Reading analyses back from JSON lines (``fogofwar analyze --jsonl`` output, ``export jsonl``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from fogofwar.schema import Analysis, AnalysisError

# What every analysis of the contract carries (an article line has an id and a text only).
ANALYSIS_KEYS = ("schema_version", "entities", "places", "dates", "claims", "events")


def read_analyses_stream(stream: IO[str], name: str) -> Iterator[Analysis | AnalysisError]:
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{name} line {lineno}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield AnalysisError(str(lineno), f"{where} is not valid JSON ({exc.msg})")
            continue
        if not isinstance(data, dict):
            yield AnalysisError(str(lineno), f"{where} is not a JSON object")
            continue
        aid = str(data.get("id") or lineno)
        if "error" in data:
            yield AnalysisError(aid, str(data["error"]))
            continue
        missing = [k for k in ANALYSIS_KEYS if k not in data]
        if missing:
            hint = " (an article? ingest it without --analyses to analyse it)" if "text" in data else ""
            yield AnalysisError(aid, f"{where} is not an analysis of the contract: no {', '.join(missing)}{hint}")
            continue
        try:
            yield Analysis.from_dict(data)
        except (TypeError, KeyError, ValueError, AttributeError) as exc:
            yield AnalysisError(aid, f"{where} is not an analysis of the contract ({exc})")


def read_analyses(paths: Iterable[str]) -> Iterator[Analysis | AnalysisError]:
    """Analyses from JSONL files, directories of them (``*.jsonl``), or ``-`` for stdin."""
    for p in paths:
        if p == "-":
            yield from read_analyses_stream(sys.stdin, "stdin")
            continue
        path = Path(p)
        files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            try:
                with open(file, encoding="utf-8") as f:
                    yield from read_analyses_stream(f, str(file))
            except (OSError, UnicodeDecodeError) as exc:
                yield AnalysisError(file.stem, f"cannot read {file}: {exc}")
