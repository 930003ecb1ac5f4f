"""Geoparsing on LGL through the whole pipeline, scored as CONTRACT.md's "How benchmarks read it".

Detection precision, recall and F1 by span overlap; among detected toponyms the share right (the
gold GeoNames id, or within 161 km of the gold point); end to end, right over all gold toponyms
with coordinates. Adjectival gold mentions ("Turkish") are neutral, as the data README says.
"""

from __future__ import annotations

from pathlib import Path

from fogofwar.analyze import Analyzer
from fogofwar.analyze.places.lexicon import load_lexicon
from fogofwar.evaluate.corpora import need
from fogofwar.gazetteer.evaluate import read_lgl, score_lgl
from fogofwar.schema import Article


def evaluate_places(data: Path, analyzer: Analyzer) -> dict[str, float]:
    items = read_lgl(need(data / "geo" / "lgl.xml"))
    articles = (Article(id=f"lgl-{i}", text=text) for i, (text, _) in enumerate(items))
    places = [list(a.places) for a in analyzer.analyze_many(articles)]
    scores = score_lgl(items, places, load_lexicon().demonyms)
    return {k: float(v) for k, v in scores.items()}
