"""Sentence-level uncertainty on the Szeged Wikipedia part, through the whole pipeline.

As CONTRACT.md's "How benchmarks read it" says: a sentence is uncertain when an uncertainty cue
overlaps it, or a ``hedged`` claim's content does. Each document's sentences are joined with
newlines and analysed together, so cues see their context. ``benchmarks/eval_uncertainty.py``
scores the uncertainty stage alone, with options to try other lexicons.
"""

from __future__ import annotations

from pathlib import Path

from fogofwar.analyze import Analyzer
from fogofwar.evaluate.corpora import hedge_documents


def evaluate_uncertainty(data: Path, analyzer: Analyzer) -> dict[str, float]:
    documents = list(hedge_documents(data))
    tp = fp = fn = n = 0
    for (_, sentences), analysis in zip(
        documents, analyzer.analyze_many(a for a, _ in documents), strict=True
    ):
        spans = [(c.start, c.end) for c in analysis.uncertainty_cues]
        spans += [(c.content.start, c.content.end) for c in analysis.claims if c.status == "hedged"]
        for start, end, gold in sentences:
            n += 1
            predicted = any(s < end and start < e for s, e in spans)
            tp += predicted and gold
            fp += predicted and not gold
            fn += gold and not predicted
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"sentences": float(n), "precision": precision, "recall": recall, "f1": f1}
