"""Stories as a clustering of articles, against human labels of which articles report which happening.

    fogofwar evaluate stories --data ../shared/data

Each file of ``../shared/data/stories`` (see its README) goes through the real ``ingest`` path: read
as JSON lines, analysed, stored in a fresh in-memory ledger and linked. The ledger's stories are then
read as a clustering of the file's articles: an article in no story is a singleton; an article in
several stories counts in the largest of them (most articles, then the first created). Scores:

- B-cubed precision, recall and F1 over articles, and pairwise precision, recall and F1 over pairs;
- ``near_miss_merged``: the share of near-miss pairs (two happenings of one kind: different stories
  published at most a day apart; for ECB+, the two sub-topics of one topic) put in one story;
- ``whole``: the share of gold stories of 2+ articles that come out in one story;
- the same figures for a TF-IDF baseline computed in the same run (the README's settings), at the
  threshold of its grid with the best B-cubed F1 on the file: the strongest lexical baseline.

Metrics are prefixed by corpus: ``gvc_``, ``pool_`` (SemEval-2018's larger pool), ``ecb_``; the
baseline's carry ``tfidf_`` after the prefix.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix

from fogofwar.analyze import Analyzer
from fogofwar.evaluate.corpora import need
from fogofwar.store.db import Store

log = logging.getLogger(__name__)

CORPORA = (("gvc", "gvc-dev.jsonl"), ("pool", "semeval2018-dev.jsonl"), ("ecb", "ecbplus-dev.jsonl"))
TFIDF_GRID = (0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
NEAR_MISS_DAYS = 1


@dataclass(frozen=True)
class Labelled:
    id: str
    story: str
    published: str | None
    topic: str | None
    text: str
    title: str | None


def read_labels(path: Path) -> list[Labelled]:
    out = []
    with need(path).open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                topic = row.get("topic")
                out.append(Labelled(row["id"], str(row["story"]), row.get("published"),
                                    None if topic is None else str(topic), row.get("text") or "", row.get("title")))
    return out


# --- scoring a clustering ---------------------------------------------------------------------------------


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for a in gold:
        by_gold[gold[a]].add(a)
        by_pred[pred[a]].add(a)
    p = r = 0.0
    for a in gold:
        both = len(by_gold[gold[a]] & by_pred[pred[a]])
        p += both / len(by_pred[pred[a]])
        r += both / len(by_gold[gold[a]])
    n = len(gold)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pairs(clusters: dict[str, str]) -> set[tuple[str, str]]:
    by: dict[str, list[str]] = defaultdict(list)
    for a, c in clusters.items():
        by[c].append(a)
    out = set()
    for members in by.values():
        members.sort()
        out.update((x, y) for i, x in enumerate(members) for y in members[i + 1 :])
    return out


def pairwise(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    g, p = _pairs(gold), _pairs(pred)
    hit = len(g & p)
    precision = hit / len(p) if p else 0.0
    recall = hit / len(g) if g else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def near_miss_pairs(items: Sequence[Labelled]) -> set[tuple[str, str]]:
    """Pairs of articles of two happenings of one kind: of one ECB+ topic, or (news streams of one
    kind of happening) published at most a day apart."""
    out = set()
    if any(x.topic is not None for x in items):
        by_topic: dict[str, list[Labelled]] = defaultdict(list)
        for x in items:
            by_topic[x.topic or ""].append(x)
        groups: Iterable[list[Labelled]] = by_topic.values()
        for members in groups:
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if a.story != b.story:
                        out.add((min(a.id, b.id), max(a.id, b.id)))
        return out
    dated = sorted(((dt.date.fromisoformat(x.published[:10]).toordinal(), x) for x in items if x.published),
                   key=lambda pair: (pair[0], pair[1].id))
    for i, (da, a) in enumerate(dated):
        for db, b in dated[i + 1 :]:
            if db - da > NEAR_MISS_DAYS:
                break
            if a.story != b.story:
                out.add((min(a.id, b.id), max(a.id, b.id)))
    return out


def score_clustering(items: Sequence[Labelled], pred: dict[str, str], near: set[tuple[str, str]]) -> dict[str, float]:
    gold = {x.id: x.story for x in items}
    pred = {a: pred.get(a, f"single:{a}") for a in gold}
    bp, br, bf = bcubed(gold, pred)
    pp, pr, pf = pairwise(gold, pred)
    merged = sum(pred[a] == pred[b] for a, b in near)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for a, s in gold.items():
        by_gold[s].add(a)
    multi = [m for m in by_gold.values() if len(m) > 1]
    whole = sum(len({pred[a] for a in m}) == 1 for m in multi)
    return {
        "b3_precision": bp, "b3_recall": br, "b3_f1": bf,
        "pair_precision": pp, "pair_recall": pr, "pair_f1": pf,
        "near_miss_merged": merged / len(near) if near else 0.0,
        "whole": whole / len(multi) if multi else 1.0,
    }  # fmt: skip


# --- the TF-IDF baseline ------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]{3,}")


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def tfidf_similarity(items: Sequence[Labelled]) -> np.ndarray:
    """The cosine similarity of every pair of articles: L2-normalised TF-IDF rows (tf = 1 + log
    count, idf = log((1 + N) / (1 + df)) + 1) over words of 3+ letters of title and text,
    lower-cased, stop words and words of over half the articles out."""
    stop = _stop_words()
    counts = [Counter(w for w in _WORD.findall(f"{x.title or ''} {x.text}".lower()) if w not in stop) for x in items]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(items)
    vocab = {w: i for i, w in enumerate(sorted(w for w, k in df.items() if k <= n / 2))}
    idf = np.zeros(len(vocab))
    for w, i in vocab.items():
        idf[i] = math.log((1 + n) / (1 + df[w])) + 1
    rows, cols, vals = [], [], []
    for r, c in enumerate(counts):
        for w, k in c.items():
            j = vocab.get(w)
            if j is not None:
                rows.append(r)
                cols.append(j)
                vals.append((1 + math.log(k)) * idf[j])
    m = csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    rows_normed = m.multiply(1 / norms[:, None]).tocsr()
    return (rows_normed @ rows_normed.T).toarray()


def tfidf_clusters(items: Sequence[Labelled], sim: np.ndarray, threshold: float) -> dict[str, str]:
    """Average-link agglomerative clustering on cosine similarity, merging while similarity >= threshold."""
    n = len(items)
    if n < 2:
        return {x.id: "0" for x in items}
    dist = np.clip(1.0 - sim, 0.0, 2.0)
    condensed = dist[np.triu_indices(n, k=1)]
    labels = fcluster(linkage(condensed, method="average"), t=1.0 - threshold + 1e-9, criterion="distance")
    return {x.id: str(k) for x, k in zip(items, labels, strict=True)}


def tfidf_baseline(items: Sequence[Labelled], near: set[tuple[str, str]]) -> tuple[float, dict[str, float]]:
    sim = tfidf_similarity(items)
    best: tuple[float, dict[str, float]] | None = None
    for t in TFIDF_GRID:
        scores = score_clustering(items, tfidf_clusters(items, sim, t), near)
        if best is None or scores["b3_f1"] > best[1]["b3_f1"]:
            best = (t, scores)
    assert best is not None
    return best


# --- fogofwar's stories, through ingest --------------------------------------------------------------------


def ledger_clusters(path: Path, analyzer: Analyzer) -> dict[str, str]:
    """Ingest one JSONL file as ``fogofwar ingest`` does, into a fresh in-memory ledger, link it, and
    read each article's story (the largest of its stories)."""
    from fogofwar.analyze.batch import analyze_records
    from fogofwar.ingest import read_inputs
    from fogofwar.store import ingest, open_store
    from fogofwar.store.links import link_pending

    store = open_store()
    try:
        report = ingest(store, analyze_records(analyzer, read_inputs([str(path)]), 16))
        if report.errors:
            raise RuntimeError(f"{path}: {len(report.errors)} articles not stored, first: {report.errors[0].message}")
        link_pending(store)
        clusters = story_of_articles(store)
    finally:
        store.close()
    # a duplicate (same text and url) is stored once, under the first id: it is in that one's story
    for change in (*report.duplicates, *report.renamed):
        if change.stored_id in clusters:
            clusters[change.id] = clusters[change.stored_id]
    return clusters


def story_of_articles(store: Store) -> dict[str, str]:
    """Each linked article's story: the largest of its stories (most articles, then the first made)."""
    from sqlalchemy import select

    from fogofwar.store.models import StoryMemberRow, StoryRow

    with store.session() as session:
        rows = session.execute(select(StoryMemberRow.story_id, StoryMemberRow.article_id, StoryRow.seq)
                               .join(StoryRow, StoryRow.id == StoryMemberRow.story_id))  # fmt: skip
        members: dict[str, set[str]] = defaultdict(set)
        seq: dict[str, int] = {}
        of_article: dict[str, set[str]] = defaultdict(set)
        for sid, aid, s in rows:
            members[sid].add(aid)
            seq[sid] = s
            of_article[aid].add(sid)
    return {aid: min(sids, key=lambda sid: (-len(members[sid]), seq[sid])) for aid, sids in of_article.items()}


def evaluate_corpus(path: Path, analyzer: Analyzer) -> dict[str, float]:
    items = read_labels(path)
    near = near_miss_pairs(items)
    ours = score_clustering(items, ledger_clusters(path, analyzer), near)
    threshold, base = tfidf_baseline(items, near)
    out = {"articles": float(len(items)), "stories_gold": float(len({x.story for x in items}))}
    out.update(ours)
    out.update({f"tfidf_{k}": v for k, v in base.items()})
    out["tfidf_threshold"] = threshold
    out["b3_f1_over_tfidf"] = ours["b3_f1"] - base["b3_f1"]
    return out


def evaluate_stories(data: Path, analyzer: Analyzer) -> dict[str, float]:
    metrics: dict[str, float] = {}
    for prefix, name in CORPORA:
        log.info("stories: %s", name)
        for k, v in evaluate_corpus(data / "stories" / name, analyzer).items():
            metrics[f"{prefix}_{k}"] = v
    return metrics
