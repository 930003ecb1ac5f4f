"""The JSON Schema of the analysis: the docs file is current, valid output passes, invalid fails."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from fogofwar.schema import (
    Actor,
    Analysis,
    Claim,
    Content,
    DateRef,
    Event,
    Place,
    Source,
    TerritoryChange,
    TextSpan,
)
from fogofwar.validate import analysis_schema, schema_json, validate

DOCS = Path(__file__).resolve().parents[1] / "docs" / "analysis.schema.json"
TEXT = "Russian forces captured Siversk on Monday, the ministry said."


def _at(phrase: str) -> tuple[int, int, str]:
    start = TEXT.index(phrase)
    return start, start + len(phrase), phrase


def _sample() -> dict[str, Any]:
    place = Place(
        *_at("Siversk"), 694403, "Siversk", 48.865, 38.097, "UA", "Donetsk Oblast", "PPL", 1, 5.0, 0.9
    )
    date = DateRef(*_at("Monday"), "2025-12-15", "day")
    claim = Claim(
        id="t:c1",
        source=Source(
            *_at("the ministry"), "organization", "ministry", "russia", "Ministry of Defence of Russia"
        ),
        cue=TextSpan(*_at("said")),
        content=Content(*_at("Russian forces captured Siversk on Monday")),
        type="indirect",
        status="reported",
        score=0.8,
    )
    event = Event(
        id="t:ev1",
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        actors=(Actor("Russian forces", "Military Forces of Russia", "russia"),),
        place=place,
        date=date,
        fatalities=None,
        context="happened",
        claim_ids=("t:c1",),
        mentions=(TextSpan(*_at("captured")),),
        score=0.7,
        territory_change=TerritoryChange("Siversk", "ukraine", "russia", "claimed"),
    )
    analysis = Analysis(
        id="t",
        text=TEXT,
        published="2025-12-16",
        title=None,
        outlet=None,
        places=(place,),
        dates=(date,),
        claims=(claim,),
        events=(event,),
    )
    return analysis.to_dict()


def test_docs_schema_file_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == schema_json(), (
        "run `make schema` to rewrite docs/analysis.schema.json"
    )


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(analysis_schema())


def test_valid_output_passes() -> None:
    assert validate(_sample()) == []


def test_round_trip_through_dicts() -> None:
    data = _sample()
    assert Analysis.from_dict(data).to_dict() == data


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    keys: list[Any] = [int(k) if k.isdigit() else k for k in path.split(".")]
    target: Any = data
    for key in keys[:-1]:
        target = target[key]
    if value is KeyError:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value


@pytest.mark.parametrize(
    ("path", "value", "complaint"),
    [
        ("events", KeyError, "'events' is a required property"),
        ("claims.0.status", "probably", "is not one of"),
        ("claims.0.source.side", "nato", "is not one of"),
        ("claims.0.source.kind", "bot", "is not one of"),
        ("events.0.sub_event_type", "Capture", "is not one of"),
        ("events.0.event_type", "Battle", "is not one of"),
        ("events.0.context", "maybe", "is not one of"),
        ("dates.0.precision", "hour", "is not one of"),
        ("dates.0.value", "15/12/2025", "does not match"),
        ("places.0.lat", 123.0, "greater than the maximum"),
        ("places.0.precision", 4, "is not one of"),
        ("published", "Dec 16", "does not match"),
        ("schema_version", 2, "was expected"),
        ("events.0.mentions", [], "should be non-empty"),
        ("claims.0.score", 1.5, "greater than the maximum"),
    ],
)
def test_invalid_output_fails(path: str, value: Any, complaint: str) -> None:
    data = copy.deepcopy(_sample())
    _set(data, path, value)
    problems = validate(data)
    assert problems, f"setting {path} to {value!r} should fail the schema"
    assert any(complaint in p for p in problems), problems


def test_offsets_that_do_not_match_the_text_fail() -> None:
    data = _sample()
    data["places"][0]["start"] += 1
    assert any("is 'iversk'" in p for p in validate(data))
    data = _sample()
    data["claims"][0]["cue"]["end"] = 10_000
    assert any("outside the text" in p for p in validate(data))
