"""Events on the CASE 2021 task 2 DEV snippets, scored as CONTRACT.md's "How benchmarks read it".

The prediction for a snippet is the sub_event_type of its highest-score event with context
"happened" (no event = none). Snippets whose label is outside ACLED's taxonomy are right with no
event or "Other". Reports accuracy and weighted F1 over the gold labels.
"""

from __future__ import annotations

import csv
import logging
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from fogofwar.analyze import Analyzer
from fogofwar.evaluate.corpora import need
from fogofwar.schema import Article, Event

log = logging.getLogger(__name__)
NONE = "(none)"


def load(data: Path) -> tuple[list[tuple[str, str, str]], dict[str, str | None]]:
    mapping: dict[str, str | None] = {}
    with open(need(data / "case_to_acled.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            sub = row["acled_sub_event_type"]
            mapping[row["case_label"]] = None if sub.startswith("(none") else sub
    rows = []
    with open(need(data / "case2021_task2_dev.tsv"), encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for r in reader:
            rows.append((r[0], r[1], r[2]))
    return rows, mapping


def main_event(events: Sequence[Event]) -> str:
    happened = [e for e in events if e.context == "happened"]
    best = max(happened, key=lambda e: e.score, default=None)
    return best.sub_event_type if best else NONE


def weighted_f1(gold: list[str], pred: list[str]) -> float:
    total = len(gold)
    score = 0.0
    for label, n in Counter(gold).items():
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == label and g != label)
        fn = n - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        score += f1 * n / total
    return score


def score(
    rows: list[tuple[str, str, str]], mapping: dict[str, str | None], preds: list[str], errors: bool = False
) -> dict[str, float]:
    """Accuracy and weighted F1 of the main event's sub-event type over the DEV snippets."""
    gold, pred = [], []
    for (rid, text, label), p in zip(rows, preds, strict=True):
        target = mapping[label]
        if target is None:  # outside ACLED: right with no event or "Other"
            g = NONE
            p = NONE if p in (NONE, "Other") else p
        else:
            g = target
        gold.append(g)
        pred.append(p)
        if errors and g != p:
            log.info("%s\tgold=%s\tpred=%s\t%s", rid, g, p, text[:160])
    acled = [(g, p) for g, p in zip(gold, pred, strict=True) if g != NONE]
    return {
        "snippets": float(len(gold)),
        "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold),
        "weighted_f1": weighted_f1(gold, pred),
        "accuracy_acled": sum(g == p for g, p in acled) / len(acled),
    }


def evaluate_events(data: Path, analyzer: Analyzer) -> dict[str, float]:
    rows, mapping = load(data / "events")
    articles = (Article(id=f"case-{rid}", text=text) for rid, text, _ in rows)
    preds = [main_event(a.events) for a in analyzer.analyze_many(articles)]
    return score(rows, mapping, preds)
