"""Attribution on PolNeAR dev (BRAT standoff), scored as CONTRACT.md's "How benchmarks read it".

Cue, source and content spans are matched one-to-one by overlap (the contract's reading); content is
also scored by tokens over the relations whose cues matched. ``author`` claims are not scored. Where a
text has several annotators, the first ``.ann`` by name is the gold, as in the held-out test.

    fogofwar evaluate attribution --data ../shared/data
    .venv/bin/python benchmarks/eval_attribution.py [--data ../shared/data/attribution/dev] [--limit N]
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from fogofwar.analyze import Analyzer
from fogofwar.evaluate.corpora import need
from fogofwar.schema import Article, Claim

log = logging.getLogger(__name__)
_WORD = re.compile(r"\w+")

Spans = list[tuple[int, int]]


@dataclass
class Relation:
    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)
    content: Spans = field(default_factory=list)


def _spans(field_text: str) -> Spans:
    return [(int(a), int(b)) for a, b in (p.split() for p in field_text.split(";"))]


def read_ann(path: Path) -> list[Relation]:
    spans: dict[str, Spans] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            _, _, where = cols[1].partition(" ")
            spans[cols[0]] = _spans(where)
        elif line.startswith("E") and len(cols) >= 2:
            rel = Relation()
            for arg in cols[1].split()[1:]:
                role, _, tid = arg.partition(":")
                role = role.rstrip("0123456789").lower()
                if role in ("source", "cue", "content") and tid in spans:
                    getattr(rel, role).extend(spans[tid])
            if rel.cue or rel.content:
                relations.append(rel)
    return relations


def _overlap(a: Spans, b: Spans) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def match(pred: list[Spans], gold: list[Spans]) -> int:
    """One-to-one matches by overlap, greedy in text order."""
    used: set[int] = set()
    n = 0
    for p in pred:
        for k, g in enumerate(gold):
            if k not in used and _overlap(p, g):
                used.add(k)
                n += 1
                break
    return n


def _unique(items: list[Spans]) -> list[Spans]:
    seen: list[Spans] = []
    for s in items:
        if s and s not in seen:
            seen.append(s)
    return seen


def _tokens(text: str, spans: Spans) -> set[int]:
    return {m.start() for s, e in spans for m in _WORD.finditer(text, s, e)}


def _claim_spans(c: Claim) -> tuple[Spans, Spans, Spans]:
    src = [(c.source.start, c.source.end)] if c.source else []
    cue = [(c.cue.start, c.cue.end)] if c.cue else []
    parts = c.content.parts
    content = [(p.start, p.end) for p in parts] if parts else [(c.content.start, c.content.end)]
    return src, cue, content


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_polnear(split_dir: Path, analyzer: Analyzer, limit: int = 0) -> dict[str, float]:
    """Cue, source and content P/R/F1 by overlap, and content token P/R/F1 over cue-matched pairs."""
    anns: dict[str, Path] = {}
    for ann in sorted(need(split_dir / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    names = sorted(anns)[: limit or None]
    texts = {n: (split_dir / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names}
    counts = {k: [0, 0, 0, 0] for k in ("cue", "source", "content")}  # tp_pred, n_pred, tp_gold, n_gold
    tok_p = tok_r = 0.0
    pairs = 0
    articles = (Article(id=n, text=texts[n]) for n in names)
    for name, analysis in zip(names, analyzer.analyze_many(articles), strict=True):
        text = texts[name]
        gold = read_ann(anns[name])
        pred = [_claim_spans(c) for c in analysis.claims if c.type != "author"]
        for k, key in enumerate(("source", "cue", "content")):
            p_items = _unique([p[k] for p in pred])
            g_items = _unique([getattr(g, key) for g in gold])
            c = counts[key]
            c[0] += match(p_items, g_items)
            c[1] += len(p_items)
            c[2] += match(g_items, p_items)
            c[3] += len(g_items)
        # content tokens over relations whose cues match
        used: set[int] = set()
        for _, cue, content in pred:
            for j, g in enumerate(gold):
                if j not in used and cue and _overlap(cue, g.cue):
                    used.add(j)
                    pt, gt = _tokens(text, content), _tokens(text, g.content)
                    if pt and gt:
                        tok_p += len(pt & gt) / len(pt)
                        tok_r += len(pt & gt) / len(gt)
                        pairs += 1
                    break
    metrics: dict[str, float] = {"texts": float(len(names))}
    for key in ("cue", "source", "content"):
        p, r, f = prf(*counts[key])
        metrics.update({f"{key}_precision": p, f"{key}_recall": r, f"{key}_f1": f})
    p, r = (tok_p / pairs, tok_r / pairs) if pairs else (0.0, 0.0)
    metrics.update(
        {
            "content_token_precision": p,
            "content_token_recall": r,
            "content_token_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "cue_matched_pairs": float(pairs),
        }
    )
    return metrics


def evaluate_attribution(data: Path, analyzer: Analyzer) -> dict[str, float]:
    return score_polnear(data / "attribution" / "dev", analyzer)
