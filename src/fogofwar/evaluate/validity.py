"""Every analysis of every development text validates against the contract's JSON Schema.

Runs ``analyze`` over LGL, PolNeAR dev, the CASE 2021 dev snippets, the propaganda DEV articles
and the Szeged Wikipedia documents, and counts outputs that fail the schema or the offset check.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from pathlib import Path

from fogofwar.analyze import Analyzer
from fogofwar.analyze.batch import analyze_records
from fogofwar.evaluate import corpora
from fogofwar.schema import AnalysisError, Article
from fogofwar.validate import validate

log = logging.getLogger(__name__)


def development_texts(data: Path) -> Iterator[Article]:
    yield from corpora.lgl_articles(data)
    yield from corpora.polnear_texts(data, "dev")
    yield from corpora.case_snippets(data)
    yield from corpora.propaganda_articles(data)
    yield from (a for a, _ in corpora.hedge_documents(data))


def evaluate_validity(data: Path, analyzer: Analyzer, limit: int | None = None) -> dict[str, float]:
    texts = development_texts(data)
    if limit is not None:
        texts = itertools.islice(texts, limit)
    outputs = invalid = errors = 0
    for result in analyze_records(analyzer, texts):
        outputs += 1
        if isinstance(result, AnalysisError):
            errors += 1
            log.error("%s: %s", result.id, result.error)
            continue
        problems = validate(result.to_dict())
        if problems:
            invalid += 1
            log.error("%s: %d schema problems, first: %s", result.id, len(problems), problems[0])
    return {"outputs": float(outputs), "invalid": float(invalid), "errors": float(errors)}
