"""Huge articles: a 5 MB article is analysed in chunks with its offsets kept; one over 10 MB is refused.

Too slow for the unit tests (minutes on 2 cores), so it runs with the quality gates. The article is
the bundled sample's texts repeated to 5 MB, read back through the same reader as ``fogofwar
analyze FILE``; its analysis must validate against the schema, offsets included.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from fogofwar.analyze import Analyzer
from fogofwar.analyze.pipeline import CHUNK_CHARS, split_chunks
from fogofwar.ingest import MAX_BYTES, InputError, read_file
from fogofwar.sample import sample_articles
from fogofwar.validate import validate


def _article_text(size: int) -> str:
    texts = [a.text for a in sample_articles()]
    pieces: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            pieces.append(text)
            total += len(text.encode("utf-8")) + 2
    return "\n\n".join(pieces)


def evaluate_large(data: Path, analyzer: Analyzer) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "huge.txt"
        path.write_text(_article_text(5 * 1024 * 1024), encoding="utf-8")
        article = read_file(path, published="2025-12-20")
        start = time.perf_counter()
        analysis = analyzer.analyze(article).to_dict()
        seconds = time.perf_counter() - start
        too_big = Path(tmp) / "too-big.txt"
        too_big.write_text(_article_text(MAX_BYTES + 1024), encoding="utf-8")
        try:
            read_file(too_big)
            refused = 0.0
        except InputError:
            refused = 1.0
    return {
        "megabytes": len(article.text.encode("utf-8")) / 1e6,
        "chunks": float(len(list(split_chunks(article.text, CHUNK_CHARS)))),
        "invalid": float(len(validate(analysis))),
        "claims": float(len(analysis["claims"])),
        "seconds": seconds,
        "over_10mb_refused": refused,
    }
