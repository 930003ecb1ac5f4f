"""Events on the CASE 2021 task 2 DEV snippets, scored as CONTRACT.md's "How benchmarks read it",
and on our own set of war sentences (``tests/data/events/war_sentences.jsonl``).

CASE: the prediction for a snippet is the sub_event_type of its highest-score event with context
"happened" (no event = none). Snippets whose label is outside ACLED's taxonomy are right with no
event or "Other". Reports accuracy, macro-F1 and weighted F1 over the gold labels.

Own set (``evaluate_event_set``): per-field accuracy (sub-event type, actors, place, date,
fatalities, context, territory) and the share of side-swapped sentences analysed as the mirror
image; reported with the prefix ``set_`` beside the CASE figures.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

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


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Mean F1 over the gold labels (each label counts the same, however rare)."""
    labels = sorted(set(gold))
    total = 0.0
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == label and g != label)
        fn = sum(1 for g in gold if g == label) - tp
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(labels) if labels else 0.0


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
        "macro_f1": macro_f1(gold, pred),
        "accuracy_acled": sum(g == p for g, p in acled) / len(acled),
    }


def evaluate_events(data: Path, analyzer: Analyzer) -> dict[str, float]:
    rows, mapping = load(data / "events")
    articles = (Article(id=f"case-{rid}", text=text) for rid, text, _ in rows)
    preds = [main_event(a.events) for a in analyzer.analyze_many(articles)]
    metrics = score(rows, mapping, preds)
    metrics.update({f"set_{k}": v for k, v in evaluate_event_set(data, analyzer).items()})
    return metrics


# --- Our own set of war sentences --------------------------------------------------------------

EVENT_SET = Path(__file__).resolve().parents[3] / "tests" / "data" / "events" / "war_sentences.jsonl"
SET_FIELDS = ("sub_event_type", "event_type", "actors", "place", "date", "fatalities", "context", "territory")

# Words swapped to mirror a sentence: the two states, their capitals and pairs of towns in each,
# so that "Russian troops seized Vovchansk" becomes "Ukrainian troops seized Sudzha".
SWAP_PAIRS = (
    ("Russian", "Ukrainian"), ("Russians", "Ukrainians"), ("Russia", "Ukraine"), ("Moscow", "Kyiv"),
    ("Belgorod", "Kharkiv"), ("Kursk", "Sumy"), ("Bryansk", "Chernihiv"), ("Sudzha", "Vovchansk"),
    ("Shebekino", "Kupiansk"), ("Novorossiysk", "Odesa"), ("Voronezh", "Dnipro"),
)  # fmt: skip
_SWAP = {a: b for a, b in SWAP_PAIRS} | {b: a for a, b in SWAP_PAIRS}
_SWAP_RE = re.compile(r"\b(" + "|".join(sorted(_SWAP, key=len, reverse=True)) + r")\b")
_SIDE_SWAP = {"russia": "ukraine", "ukraine": "russia"}


def swap_sides(text: str) -> str:
    """The same text with the two sides (and their places) exchanged."""
    return _SWAP_RE.sub(lambda m: _SWAP[m.group(1)], text)


def load_set(path: Path = EVENT_SET) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def set_main_event(events: Sequence[Event], context: str) -> Event | None:
    """The event a sentence is about: the highest-score one that happened (as the contract reads a
    snippet), or of any context when the sentence reports something that did not happen."""
    pool = [e for e in events if e.context == "happened"] if context == "happened" else list(events)
    return max(pool, key=lambda e: e.score, default=None)


def _field(name: str, gold: dict[str, Any], ev: Event | None) -> bool:
    """Whether the predicted main event gets one gold field right."""
    if ev is None:
        return name == "sub_event_type" and gold["sub_event_type"] is None
    if name in ("sub_event_type", "event_type", "context", "fatalities"):
        return bool(getattr(ev, name) == gold[name])
    if name == "actors":
        want = sorted((a["canonical"], a["side"]) for a in gold["actors"])
        return sorted((a.canonical or "", a.side) for a in ev.actors) == want
    if name == "place":
        want = gold["place"]
        if want is None:
            return ev.place is None
        return ev.place is not None and ev.place.geonameid == want["geonameid"]
    if name == "date":
        return (ev.date.value if ev.date else None) == gold["date"]
    tc = ev.territory_change
    want = gold["territory"]
    return tc is not None and (tc.controller_before, tc.controller_after) == (
        want["controller_before"],
        want["controller_after"],
    )


def score_set(gold: list[dict[str, Any]], predicted: list[Sequence[Event]], errors: bool = False) -> dict[str, float]:
    """Per-field accuracy over the sentences whose gold gives that field (sub-event type: all)."""
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for g, events in zip(gold, predicted, strict=True):
        ev = set_main_event(events, g["context"])
        names = ["sub_event_type"] if g["sub_event_type"] is None else [f for f in SET_FIELDS if f in g]
        for name in names:
            seen[name] += 1
            ok = _field(name, g, ev)
            right[name] += ok
            if errors and not ok:
                got = _describe(name, ev)
                log.info("%s\t%s\tgold=%s\tpred=%s\t%s", g["id"], name, g.get(name), got, g["text"])
    out = {name: right[name] / seen[name] for name in SET_FIELDS if seen[name]}
    out["sentences"] = float(len(gold))
    return out


def _describe(name: str, ev: Event | None) -> Any:
    if ev is None:
        return None
    if name == "actors":
        return [(a.canonical, a.side) for a in ev.actors]
    if name == "place":
        return (ev.place.name, ev.place.geonameid) if ev.place else None
    if name == "date":
        return ev.date.value if ev.date else None
    if name == "territory":
        return ev.territory_change
    return getattr(ev, name)


def mirrored(ev: Event) -> tuple[Any, ...]:
    """What an event's analysis should become when the sides (and their places) are swapped."""
    actors = sorted((swap_sides(a.canonical or ""), _SIDE_SWAP.get(a.side, a.side)) for a in ev.actors)
    return _signature(ev, actors, swap_sides(ev.place.name or "") if ev.place else None, swap=True)


def signature(ev: Event) -> tuple[Any, ...]:
    actors = sorted((a.canonical or "", a.side) for a in ev.actors)
    return _signature(ev, actors, ev.place.name if ev.place else None, swap=False)


def _signature(ev: Event, actors: list[tuple[str, str]], place: str | None, swap: bool) -> tuple[Any, ...]:
    tc = ev.territory_change
    sides = (tc.controller_before, tc.controller_after) if tc else None
    if sides and swap:
        sides = (_SIDE_SWAP.get(sides[0] or "", sides[0]), _SIDE_SWAP.get(sides[1] or "", sides[1]))
    date = ev.date.value if ev.date else None
    return (ev.sub_event_type, ev.context, ev.fatalities, tuple(actors), place, date, sides)


def mirror_failures(
    gold: list[dict[str, Any]], original: list[Sequence[Event]], swapped: list[Sequence[Event]]
) -> list[tuple[str, list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    """Sentences marked ``mirror`` whose swapped text is not analysed as the mirror image."""
    bad = []
    for g, a, b in zip(gold, original, swapped, strict=True):
        want = sorted(map(mirrored, a), key=repr)
        got = sorted(map(signature, b), key=repr)
        if want != got:
            bad.append((g["id"], want, got))
    return bad


def analyse_set(analyzer: Analyzer, gold: list[dict[str, Any]], swap: bool = False) -> list[tuple[Event, ...]]:
    articles = (
        Article(id=g["id"], text=swap_sides(g["text"]) if swap else g["text"], published=g["published"]) for g in gold
    )
    return [a.events for a in analyzer.analyze_many(articles)]


def evaluate_event_set(data: Path, analyzer: Analyzer) -> dict[str, float]:
    """Our own war sentences (in the repository, so ``data`` is not read): per-field accuracy, and
    the share of the sentences marked ``mirror`` analysed as the mirror image when sides swap."""
    gold = load_set()
    metrics = score_set(gold, analyse_set(analyzer, gold))
    pairs = [g for g in gold if g.get("mirror")]
    bad = mirror_failures(pairs, analyse_set(analyzer, pairs), analyse_set(analyzer, pairs, swap=True))
    metrics["mirror"] = 1 - len(bad) / len(pairs) if pairs else 0.0
    return metrics
