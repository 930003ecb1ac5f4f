"""Analyse a stream of input records in order, with one model load, losing nothing.

A record is an Article or an AnalysisError from the readers; errors pass through in place. If a
batch fails inside a stage, its articles are retried one by one so that only the article that
breaks a stage gets an error line.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from fogofwar.analyze.pipeline import Analyzer
from fogofwar.schema import Analysis, AnalysisError, Article

log = logging.getLogger(__name__)


def analyze_records(
    analyzer: Analyzer, records: Iterable[Any], batch_size: int = 16
) -> Iterator[Any]:
    """Articles in, analyses out, in order; anything else (errors, records a caller marked as
    needing no analysis) passes through in its place."""
    pending: list[Article] = []
    for record in records:
        if not isinstance(record, Article):
            yield from _flush(analyzer, pending, batch_size)
            pending = []
            yield record
            continue
        pending.append(record)
        if len(pending) >= batch_size:
            yield from _flush(analyzer, pending, batch_size)
            pending = []
    yield from _flush(analyzer, pending, batch_size)


def _flush(
    analyzer: Analyzer, articles: list[Article], batch_size: int
) -> Iterator[Analysis | AnalysisError]:
    if not articles:
        return
    try:
        results = list(analyzer.analyze_many(articles, batch_size=batch_size))
    except Exception:  # one bad article must not take its batch down: retry one by one
        log.warning("a batch of %d articles failed; retrying them one by one", len(articles))
        for article in articles:
            yield analyze_one(analyzer, article)
        return
    yield from results


def analyze_one(analyzer: Analyzer, article: Article) -> Analysis | AnalysisError:
    try:
        return analyzer.analyze(article)
    except Exception as exc:  # reported on the article's own output line
        log.exception("analysis of %s failed", article.id)
        return AnalysisError(article.id, f"analysis failed: {type(exc).__name__}: {exc}")
