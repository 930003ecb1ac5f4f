"""Each filter of list_claims, list_events and list_places."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from fogofwar.schema import DateRef, Event
from fogofwar.store import SqlStore, ingest, list_claims, list_events, list_places
from fogofwar.store.convert import evidence_of
from fogofwar.store.testing import (
    belgorod,
    fresh_store,
    kramatorsk,
    memory_store,
    quiet,
    sample_analyses,
    siversk,
    store_urls,
)


def _month_event(analysis: Any) -> Any:
    """A second Siversk event dated only to a month, and a third without any date."""
    first: Event = analysis.events[0]
    assert first.date is not None
    october = DateRef(first.date.start, first.date.end, first.date.text, "2025-10", "month")
    month = dataclasses.replace(
        first, id=f"{analysis.id}:ev2", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", territory_change=None, date=october,
        context="hypothetical", actors=first.actors[1:],
    )  # fmt: skip
    undated = dataclasses.replace(month, id=f"{analysis.id}:ev3", date=None, context="future")
    return dataclasses.replace(analysis, events=(*analysis.events, month, undated))


@pytest.fixture(scope="module", params=store_urls())
def store(request: pytest.FixtureRequest) -> SqlStore:
    s = fresh_store(request.param)
    report = ingest(s, [_month_event(siversk()), belgorod(), quiet()])
    assert report.new == 3 and not report.errors
    return s


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["belgorod:c1", "siversk:c1", "siversk:c2", "siversk:c3", "quiet:c1"]),
        ({"place": "Siversk"}, ["siversk:c1", "siversk:c2"]),
        ({"place": "SIVERSK"}, ["siversk:c1", "siversk:c2"]),
        ({"place": "belgorod"}, ["belgorod:c1"]),
        ({"place": "Geneva"}, ["quiet:c1"]),
        ({"place": "Kyiv"}, []),
        ({"since": "2025-12-01"}, ["siversk:c1", "siversk:c2", "siversk:c3"]),
        ({"until": "2025-11-30"}, ["belgorod:c1"]),
        ({"since": "2025-11-04", "until": "2025-11-04"}, ["belgorod:c1"]),
        ({"source_kind": "group"}, ["siversk:c2", "quiet:c1"]),
        ({"source_kind": "anonymous"}, ["siversk:c1"]),
        ({"side": "ukraine"}, ["siversk:c3"]),
        ({"side": "russia"}, ["belgorod:c1"]),
        ({"status": "hedged"}, ["siversk:c2", "quiet:c1"]),
        ({"status": "denied", "side": "ukraine"}, ["siversk:c3"]),
        ({"article": "quiet"}, ["quiet:c1"]),
        ({"limit": 2}, ["belgorod:c1", "siversk:c1"]),
    ],
)
def test_list_claims_filters(store: SqlStore, filters: dict[str, Any], expected: list[str]) -> None:
    assert [h.claim.id for h in list_claims(store, **filters)] == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["belgorod:ev1", "siversk:ev1", "siversk:ev2", "siversk:ev3"]),
        ({"place": "siversk"}, ["siversk:ev1", "siversk:ev2", "siversk:ev3"]),
        ({"place": "Belgorod"}, ["belgorod:ev1"]),
        # Event dates: Belgorod 2025-11-03; Siversk ev1 2025-12-11, ev2 all of 2025-10, ev3 undated
        # (the article's publication date, 2025-12-20, stands in).
        ({"since": "2025-12-12"}, ["siversk:ev3"]),
        ({"since": "2025-10-31", "until": "2025-10-31"}, ["siversk:ev2"]),
        ({"until": "2025-11-03"}, ["belgorod:ev1", "siversk:ev2"]),
        ({"since": "2025-11-04", "until": "2025-12-11"}, ["siversk:ev1"]),
        ({"event_type": "Battles"}, ["siversk:ev1"]),
        ({"sub_event_type": "Air/drone strike"}, ["belgorod:ev1"]),
        ({"side": "russia"}, ["siversk:ev1"]),
        ({"side": "ukraine"}, ["belgorod:ev1", "siversk:ev1", "siversk:ev2", "siversk:ev3"]),
        ({"side": "international"}, []),
        ({"context": "happened"}, ["belgorod:ev1", "siversk:ev1"]),
        ({"context": "future", "place": "Siversk"}, ["siversk:ev3"]),
        ({"limit": 1}, ["belgorod:ev1"]),
    ],
)
def test_list_events_filters(store: SqlStore, filters: dict[str, Any], expected: list[str]) -> None:
    assert [h.event.id for h in list_events(store, **filters)] == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [("Siversk", 2, 3), ("Belgorod", 1, 1), ("Geneva", 1, 0)]),
        ({"place": "geneva"}, [("Geneva", 1, 0)]),
        ({"country": "UA"}, [("Siversk", 2, 3)]),
        ({"country": "Ukraine"}, [("Siversk", 2, 3)]),
        ({"country": "RUS"}, [("Belgorod", 1, 1)]),
        ({"country": "Russia"}, [("Belgorod", 1, 1)]),
        ({"country": "russian federation"}, [("Belgorod", 1, 1)]),
        ({"since": "2025-12-01"}, [("Siversk", 2, 2)]),
        ({"until": "2025-11-30"}, [("Belgorod", 1, 1), ("Siversk", 0, 1)]),
    ],
)
def test_list_places_filters(
    store: SqlStore, filters: dict[str, Any], expected: list[tuple[str, int, int]]
) -> None:
    assert [(p.name, p.mentions, p.events) for p in list_places(store, **filters)] == expected


def test_places_carry_coordinates_and_counts(store: SqlStore) -> None:
    (sv,) = list_places(store, place="Siversk")
    assert (sv.geonameid, sv.lat, sv.lon) == (700001, 48.8667, 38.1)
    assert (sv.country_code, sv.admin1) == ("UA", "Donetsk Oblast")
    assert (sv.articles, str(sv.first_published)) == (1, "2025-12-20")
    assert sv.to_dict()["key"] == "gn:700001"


def test_rows_come_back_as_the_schema_objects_stored() -> None:
    s = memory_store()
    ingest(s, sample_analyses())
    assert [h.claim for h in list_claims(s)] == [*belgorod().claims, *siversk().claims, *quiet().claims]
    # the events come back as stored, their evidence sentence filled in from the first mention
    expected = [dataclasses.replace(e, evidence=evidence_of(e, a.text)) for a in (belgorod(), siversk())
                for e in a.events]  # fmt: skip
    assert [h.event for h in list_events(s)] == expected
    assert expected[1].evidence is not None
    assert expected[1].evidence.text == "Russian forces captured Siversk on December 11, a military official said."
    hit = list_events(s, place="Siversk")[0]
    assert hit.to_dict()["article_id"] == "siversk"
    assert hit.to_dict()["territory_change"]["status"] == "contested"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: list_claims(s, since="December"), "is not a date"),
        (lambda s: list_events(s, until="2025-13-01"), "is not a date"),
        (lambda s: list_places(s, country="Atlantis"), "unknown country"),
    ],
)
def test_bad_filters_say_what_is_allowed(store: SqlStore, call: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call(store)


def test_mirrored_reports_give_mirrored_rows() -> None:
    """Swapping the sides in the stored analysis swaps what the side filters return."""
    swap = {"russia": "ukraine", "ukraine": "russia"}
    original = siversk()
    actors = tuple(dataclasses.replace(a, side=swap.get(a.side, a.side)) for a in original.events[0].actors)
    mirrored_event = dataclasses.replace(original.events[0], actors=actors)
    mirrored = dataclasses.replace(original, events=(mirrored_event,))
    a, b = memory_store(), memory_store()
    ingest(a, [original])
    ingest(b, [mirrored])
    for side in ("russia", "ukraine"):
        assert len(list_events(a, side=side)) == len(list_events(b, side=swap[side]))


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["kramatorsk:ev1", "kramatorsk:ev2", "kramatorsk:ev3"]),
        ({"background": False}, ["kramatorsk:ev1", "kramatorsk:ev3"]),
        ({"background": True}, ["kramatorsk:ev2"]),
        ({"context": "happened"}, ["kramatorsk:ev1", "kramatorsk:ev2"]),
        ({"context": "happened", "background": False}, ["kramatorsk:ev1"]),  # what the CLI shows by default
        ({"context": "denied", "background": False}, ["kramatorsk:ev3"]),
    ],
)
def test_list_events_background_filter(filters: dict[str, Any], expected: list[str]) -> None:
    s = memory_store()
    ingest(s, [kramatorsk()])
    assert [h.event.id for h in list_events(s, **filters)] == expected


def test_background_and_evidence_read_back() -> None:
    s = memory_store()
    analysis = kramatorsk()
    ingest(s, [analysis])
    strike, seizure, depot = (h.event for h in list_events(s))
    assert strike == analysis.events[0]  # evidence given by the analysis: kept as given
    assert (seizure.background, strike.background, depot.background) == (True, False, False)
    assert seizure.evidence is not None and depot.evidence is not None
    assert seizure.evidence.text == "Separatists seized the city in April 2014 before Ukrainian forces retook it."
    assert depot.evidence.text == "The Defence Ministry denied that an ammunition depot had been hit."
    assert analysis.text[depot.evidence.start : depot.evidence.end] == depot.evidence.text
    assert list_events(s)[1].to_dict()["background"] is True
