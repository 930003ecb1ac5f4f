"""The seed, right: what a careful reader finds in the user's own example article.

The article (src/fogofwar/sample/siversk.txt, a copy of shared/seed/siversk.txt) is analysed with
published 2025-12-20. Every fact below must be in the output.
"""

from __future__ import annotations

from typing import Any

import pytest

from fogofwar.sample import sample_dir
from fogofwar.schema import Article
from fogofwar.validate import validate

PUBLISHED = "2025-12-20"


@pytest.fixture(scope="module")
def seed(analyzer: Any) -> dict[str, Any]:
    text = (sample_dir() / "siversk.txt").read_text(encoding="utf-8")
    return analyzer.analyze(Article(id="siversk", text=text, published=PUBLISHED)).to_dict()


def _claim_with_source(seed: dict[str, Any], source_text: str) -> dict[str, Any]:
    found = [c for c in seed["claims"] if c["source"] and c["source"]["text"].lower() == source_text.lower()]
    sources = [c["source"] and c["source"]["text"] for c in seed["claims"]]
    assert found, f"no claim with source {source_text!r}; sources: {sources}"
    return found[0]


def _claim_with_cue(seed: dict[str, Any], cue_text: str) -> dict[str, Any]:
    found = [c for c in seed["claims"] if c["cue"] and cue_text.lower() in c["cue"]["text"].lower()]
    assert found, (
        f"no claim with cue {cue_text!r}; cues: {[c['cue'] and c['cue']['text'] for c in seed['claims']]}"
    )
    return found[0]


def test_output_validates_against_the_schema(seed: dict[str, Any]) -> None:
    assert validate(seed) == []


# --- places ---------------------------------------------------------------------------------------


def test_siversk_is_the_ukrainian_town(seed: dict[str, Any]) -> None:
    places = [p for p in seed["places"] if p["text"] == "Siversk"]
    assert places, f"Siversk not found among {[p['text'] for p in seed['places']]}"
    for place in places:
        assert place["geonameid"] == 694403
        assert place["country_code"] == "UA"
        assert place["admin1"] == "Donetsk Oblast"
        assert place["lat"] == pytest.approx(48.87, abs=0.05)
        assert place["lon"] == pytest.approx(38.10, abs=0.05)
        assert place["precision"] == 1


def test_donbas_is_the_donets_basin(seed: dict[str, Any]) -> None:
    places = [p for p in seed["places"] if p["text"] == "Donbas"]
    assert places, f"Donbas not found among {[p['text'] for p in seed['places']]}"
    for place in places:
        assert place["geonameid"] == 709718
        assert place["precision"] == 3


@pytest.mark.parametrize("demonym", ["Russian", "Ukrainian"])
def test_demonyms_are_never_places(seed: dict[str, Any], demonym: str) -> None:
    assert not [p for p in seed["places"] if p["text"] == demonym]


# --- dates ----------------------------------------------------------------------------------------


def test_december_11_is_a_day_in_2025(seed: dict[str, Any]) -> None:
    dates = [d for d in seed["dates"] if d["text"] == "December 11"]
    assert dates, f"'December 11' not found among {[d['text'] for d in seed['dates']]}"
    assert dates[0]["value"] == "2025-12-11"
    assert dates[0]["precision"] == "day"


# --- entities -------------------------------------------------------------------------------------


def test_gerasimov_has_his_role(seed: dict[str, Any]) -> None:
    found = [e for e in seed["entities"] if "Gerasimov" in e["text"]]
    assert found, "Valery Gerasimov not found"
    assert found[0]["canonical"] == "Valery Gerasimov"
    assert found[0]["role"] == "Chief of the General Staff"
    assert found[0]["label"] == "PERSON"


def test_president_putin_is_vladimir_putin(seed: dict[str, Any]) -> None:
    putins = [e for e in seed["entities"] if "Putin" in e["text"]]
    texts = {e["text"] for e in putins}
    assert {"Vladimir Putin", "Putin"} <= texts, texts
    assert {e["canonical"] for e in putins} == {"Vladimir Putin"}
    assert any(e["role"] == "President" for e in putins)


# --- claims ---------------------------------------------------------------------------------------


def test_the_military_officials_report(seed: dict[str, Any]) -> None:
    claim = _claim_with_source(seed, "a military official")
    assert claim["cue"]["text"].lower().startswith("according to")
    assert claim["source"]["kind"] == "anonymous"
    assert "military official" in (claim["source"]["role"] or "")
    assert claim["source"]["side"] == "russia"
    assert "fall under Russian control" in claim["content"]["text"]
    assert claim["status"] == "reported"


def test_the_official_emphasized_is_the_same_source(seed: dict[str, Any]) -> None:
    report = _claim_with_source(seed, "a military official")
    emphasized = _claim_with_cue(seed, "emphasized")
    assert emphasized["source"]["text"] == "The official"
    assert emphasized["source"]["canonical"] == report["source"]["canonical"]
    assert emphasized["source"]["canonical"]
    assert "calculated effort" in emphasized["content"]["text"]


def test_the_russian_fighter_is_unverified(seed: dict[str, Any]) -> None:
    claim = _claim_with_cue(seed, "revealed")
    assert claim["source"]["text"] == "A Russian fighter"
    assert claim["source"]["kind"] == "anonymous"
    assert claim["source"]["side"] == "russia"
    assert "residents of Siversk have actively aided Russian military operations" in claim["content"]["text"]
    assert claim["status"] == "unverified"


def test_putins_framing_is_one_claim_with_the_quote(seed: dict[str, Any]) -> None:
    quote = "protect the citizens of Donbass and the people of Russia from the aggression of Ukraine"
    found = [c for c in seed["claims"] if quote in c["content"]["text"]]
    assert len(found) == 1, [c["content"]["text"] for c in found]
    claim = found[0]
    assert claim["type"] in ("mixed", "direct")
    assert claim["cue"]["text"] in ("framed", "emphasizing")
    assert claim["source"]["kind"] == "person"
    assert claim["source"]["side"] == "russia"
    assert claim["source"]["canonical"] == "Vladimir Putin"


def test_analysts_suggest_is_hedged(seed: dict[str, Any]) -> None:
    claim = _claim_with_source(seed, "Analysts")
    assert claim["cue"]["text"] == "suggest"
    assert claim["source"]["kind"] == "group"
    assert "could further isolate" in claim["content"]["text"]
    assert claim["status"] == "hedged"


def test_critics_argue(seed: dict[str, Any]) -> None:
    claim = _claim_with_source(seed, "critics")
    assert claim["cue"]["text"] == "argue"
    assert claim["source"]["kind"] == "group"
    assert "humanitarian crisis" in claim["content"]["text"]


def test_the_author_asserts_the_capture(seed: dict[str, Any]) -> None:
    author = [c for c in seed["claims"] if c["type"] == "author"]
    assert author, "no claim in the article's own voice"
    assert all(c["source"] is None and c["status"] == "asserted" for c in author)
    assert any("capture of Siversk" in c["content"]["text"] for c in author)


# --- uncertainty ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("context", "phrase", "cue_type"),
    [
        ("is seen as", "seen", "doxastic"),
        ("reportedly retreating", "reportedly", "probable"),
        ("difficult to verify independently", "difficult to verify independently", "unverifiable"),
    ],
)
def test_uncertainty_cues(seed: dict[str, Any], context: str, phrase: str, cue_type: str) -> None:
    start = seed["text"].index(context) + context.index(phrase)
    end = start + len(phrase)
    found = [u for u in seed["uncertainty_cues"] if u["start"] < end and start < u["end"]]
    assert found, (
        f"no cue over {phrase!r}; cues: {[(u['text'], u['type']) for u in seed['uncertainty_cues']]}"
    )
    assert found[0]["type"] == cue_type


# --- events ---------------------------------------------------------------------------------------


def _captures(seed: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in seed["events"] if e["sub_event_type"] == "Non-state actor overtakes territory"]


def test_exactly_one_capture_of_siversk(seed: dict[str, Any]) -> None:
    captures = _captures(seed)
    assert len(captures) == 1, [[m["text"] for m in e["mentions"]] for e in captures]
    event = captures[0]
    assert event["event_type"] == "Battles"
    assert event["context"] == "happened"
    assert event["place"]["geonameid"] == 694403
    assert event["date"]["value"] == "2025-12-11"
    assert event["date"]["precision"] == "day"


def test_the_capture_has_all_its_mentions(seed: dict[str, Any]) -> None:
    event = _captures(seed)[0]
    text = seed["text"]
    starts = {m["start"] for m in event["mentions"]}
    # "The capture of Siversk" (line 1), "the city's fall" (line 2), "Its capture", "the fall of
    # Siversk", "The capture of Siversk" (later): each must be covered by a mention.
    expected = [
        text.index("capture of Siversk"),
        text.index("fall under Russian control"),
        text.index("Its capture"),
        text.index("fall of Siversk"),
        text.index("capture of Siversk", text.index("in this context") - 40),
    ]
    for position in expected:
        assert any(m["start"] <= position + 4 < m["end"] for m in event["mentions"]), (
            f"no mention covers {text[position : position + 25]!r}; mentions: {starts}"
        )


def test_the_capture_actors(seed: dict[str, Any]) -> None:
    event = _captures(seed)[0]
    sides = [a["side"] for a in event["actors"]]
    assert sides[:2] == ["russia", "ukraine"], event["actors"]
    assert "Russia" in (event["actors"][0]["canonical"] or "")
    assert "Ukraine" in (event["actors"][1]["canonical"] or "")


def test_the_capture_is_claimed_by_the_officials_report(seed: dict[str, Any]) -> None:
    event = _captures(seed)[0]
    report = _claim_with_source(seed, "a military official")
    assert report["id"] in event["claim_ids"]
    change = event["territory_change"]
    assert change is not None
    assert change["status"] == "claimed"
    assert change["controller_before"] == "ukraine"
    assert change["controller_after"] == "russia"


def test_no_event_from_the_hypothetical(seed: dict[str, Any]) -> None:
    start = seed["text"].index("could further isolate")
    for event in seed["events"]:
        for mention in event["mentions"]:
            inside = start - 5 <= mention["start"] <= start + 80
            assert not (inside and event["context"] == "happened"), event
