"""Attribution on PolNeAR dev (BRAT standoff), scored as CONTRACT.md's "How benchmarks read it".

Cue, source and content spans are matched one-to-one by overlap (the contract's reading) and, as
Citron also reports, by exact match (edge whitespace aside); content is also scored by tokens over the
relations whose cues matched. ``author`` claims are not scored. Where a
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


_KEYS = ("source", "cue", "content")


def _strip(text: str, spans: Spans) -> Spans:
    """Spans without edge whitespace, so that exact match does not hinge on a trailing space."""
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def _exact(pred: list[Spans], gold: list[Spans]) -> int:
    remaining = list(gold)
    n = 0
    for p in pred:
        if p in remaining:
            remaining.remove(p)
            n += 1
    return n


@dataclass
class Tally:
    """Counts over documents: per key [tp_pred, n_pred, tp_gold, n_gold] by overlap and exact,
    and content-token precision and recall summed over cue-matched pairs."""

    overlap: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0, 0] for k in _KEYS})
    exact: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0, 0] for k in _KEYS})
    tok_p: float = 0.0
    tok_r: float = 0.0
    pairs: int = 0
    texts: int = 0

    def add(self, text: str, gold: list[Relation], claims: list[Claim]) -> None:
        """Score one document's non-author claims against its gold relations."""
        self.texts += 1
        pred = [_claim_spans(c) for c in claims if c.type != "author"]
        for k, key in enumerate(_KEYS):
            p_items = _unique([_strip(text, p[k]) for p in pred])
            g_items = _unique([_strip(text, getattr(g, key)) for g in gold])
            for counts, same in ((self.overlap[key], match), (self.exact[key], _exact)):
                counts[0] += same(p_items, g_items)
                counts[1] += len(p_items)
                counts[2] += same(g_items, p_items)
                counts[3] += len(g_items)
        # content tokens over relations whose cues match
        used: set[int] = set()
        for _, cue, content in pred:
            for j, g in enumerate(gold):
                if j not in used and cue and _overlap(cue, g.cue):
                    used.add(j)
                    pt, gt = _tokens(text, content), _tokens(text, g.content)
                    if pt and gt:
                        self.tok_p += len(pt & gt) / len(pt)
                        self.tok_r += len(pt & gt) / len(gt)
                        self.pairs += 1
                    break

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {"texts": float(self.texts)}
        for key in _KEYS:
            p, r, f = prf(*self.overlap[key])
            out.update({f"{key}_precision": p, f"{key}_recall": r, f"{key}_f1": f})
        for key in _KEYS:
            p, r, f = prf(*self.exact[key])
            out.update({f"{key}_exact_precision": p, f"{key}_exact_recall": r, f"{key}_exact_f1": f})
        p, r = (self.tok_p / self.pairs, self.tok_r / self.pairs) if self.pairs else (0.0, 0.0)
        out.update(
            {
                "content_token_precision": p,
                "content_token_recall": r,
                "content_token_f1": 2 * p * r / (p + r) if p + r else 0.0,
                "cue_matched_pairs": float(self.pairs),
            }
        )
        return out


def first_annotations(split_dir: Path) -> dict[str, Path]:
    """Text name -> its gold ``.ann`` (the first by name where several annotators worked)."""
    anns: dict[str, Path] = {}
    for ann in sorted(need(split_dir / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return anns


def score_polnear(split_dir: Path, analyzer: Analyzer, limit: int = 0) -> dict[str, float]:
    """Cue, source and content P/R/F1 by overlap and by exact match, and content token P/R/F1 over
    cue-matched pairs."""
    anns = first_annotations(split_dir)
    names = sorted(anns)[: limit or None]
    texts = {n: (split_dir / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names}
    tally = Tally()
    articles = (Article(id=n, text=texts[n]) for n in names)
    for name, analysis in zip(names, analyzer.analyze_many(articles), strict=True):
        tally.add(texts[name], read_ann(anns[name]), list(analysis.claims))
    return tally.metrics()


def evaluate_attribution(data: Path, analyzer: Analyzer) -> dict[str, float]:
    return score_polnear(data / "attribution" / "dev", analyzer)
