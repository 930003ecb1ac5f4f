"""Where real pages' events took place, and which of their sentences report none (docs/realpages.md):
ships named after cities, a governor's region, a fronted region, summaries beside their towns."""

from __future__ import annotations

from dataclasses import replace

import pytest

from fogofwar.analyze import Analyzer
from fogofwar.analyze.events.find import _without_summaries
from fogofwar.schema import Article


def happened(analyzer: Analyzer, text: str, published: str = "2022-04-19") -> list[tuple[str, str | None]]:
    analysis = analyzer.analyze(Article(id="t", text=text, published=published))
    return [
        (e.sub_event_type, e.place.name if e.place else None)
        for e in analysis.events
        if e.context == "happened" and not e.background
    ]


def place_names(analyzer: Analyzer, text: str) -> list[str | None]:
    return [p.name for p in analyzer.analyze(Article(id="t", text=text, published="2022-04-19")).places]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine sank the Moskva cruiser in April. It is still unclear how many sailors died in the Moskva attack.",
        "Ukrainian forces struck the guided-missile cruiser Moskva with two missiles.",
        "The navy lost the Saratov landing ship to a fire. Rescuers searched for the Saratov crew.",
    ],
)
def test_ships_named_after_cities_are_no_places(analyzer: Analyzer, text: str) -> None:
    names = place_names(analyzer, text)
    assert "Moscow" not in names and "Saratov" not in names


def test_a_city_without_a_ship_stays_a_place(analyzer: Analyzer) -> None:
    assert "Saratov" in place_names(analyzer, "Protesters rallied in Saratov on Saturday.")
    assert "Odesa" in place_names(analyzer, "The US warship docked in Odesa on Monday.")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Luhansk's governor said Russian forces were shelling populated areas on Friday.", "Luhansk Oblast"),
        ("The governor of Kharkiv said rockets hit a school on Monday.", "Kharkiv Oblast"),
        ("In the Odesa region, the governor said Ukrainian forces struck a warship with two missiles.", "Odesa Oblast"),
    ],
)
def test_a_report_without_a_place_is_placed_in_the_reporting_governor_s_region(
    analyzer: Analyzer, text: str, region: str
) -> None:
    assert [place for _, place in happened(analyzer, text)] == [region]


def test_a_mayor_speaks_for_the_city_and_a_city_before_a_speech_verb_is_where_someone_spoke(
    analyzer: Analyzer,
) -> None:
    assert "Kharkiv" in place_names(analyzer, "The mayor of Kharkiv urged people to stay in shelters.")
    assert happened(analyzer, "In Moscow, the president said Russian forces had attacked positions.") == [
        ("Armed clash", None)
    ]
    assert happened(analyzer, "In Kharkiv, rockets hit a school.") == [("Shelling/artillery/missile attack", "Kharkiv")]


def test_an_official_s_place_is_whom_they_serve_not_where_they_were_arrested(analyzer: Analyzer) -> None:
    text = (
        "The premier of the British Virgin Islands, Andrew Fahie, has been arrested in Miami on charges "
        "of conspiring to import cocaine."
    )
    assert happened(analyzer, text) == [("Arrests", "Miami")]
    # with no other place, the office's place is where it happened
    assert happened(analyzer, "Police arrested the mayor of Kherson on Tuesday.") == [("Arrests", "Kherson")]


def test_a_country_level_summary_beside_its_towns_is_no_event_of_its_own(analyzer: Analyzer) -> None:
    text = (
        "Riots in Sweden against far-right group leave 3 injured. Swedish police say they fired warning "
        "shots during a riot in Norrkoping on Sunday."
    )
    assert [place for _, place in happened(analyzer, text)] == ["Norrköping"]


def test_a_region_level_battle_told_beside_its_villages_recaptured_is_their_summary(analyzer: Analyzer) -> None:
    text = (
        "In the northern Kharkiv region, Ukrainian forces mounted several successful counterattacks. "
        "They recaptured the villages of Bairak and Bobrivka."
    )
    assert happened(analyzer, text) == [
        ("Government regains territory", "Bayrak"),
        ("Government regains territory", "Bobrivka"),
    ]


def test_a_country_wide_rally_and_a_crackdown_in_its_capital_are_two_happenings(analyzer: Analyzer) -> None:
    country = analyzer.analyze(Article(id="t", text="Protesters rallied across Belarus on Saturday.",
                                       published="2022-03-28")).events[0]
    town = analyzer.analyze(Article(id="t", text="Protesters rallied in Minsk on Saturday.",
                                    published="2022-03-28")).events[0]
    assert (country.place.name, town.place.name) == ("Belarus", "Minsk")
    crackdown = replace(town, sub_event_type="Protest with intervention")
    assert [e.place.name for e in _without_summaries([country, crackdown], "t")] == ["Belarus", "Minsk"]
    assert [e.place.name for e in _without_summaries([country, town], "t")] == ["Minsk"]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces may be able to take some territory because of superior numbers.",
        "The Organisation for the Prohibition of Chemical Weapons has found that poison gas was used "
        "repeatedly in Syria.",
        "He occupied Crimea and invaded eastern Ukraine.",
    ],
)
def test_abilities_patterns_and_the_war_s_start_are_no_news(analyzer: Analyzer, text: str) -> None:
    assert happened(analyzer, text) == []


@pytest.mark.parametrize(("place", "taker"), [("Kreminna", "Non-state actor overtakes territory"),
                                              ("Sudzha", "Non-state actor overtakes territory")])
def test_bare_troops_taking_a_town_in_a_war_of_two_states_do_not_make_it_a_government_s(
    analyzer: Analyzer, place: str, taker: str
) -> None:
    # mirrored: the same words about a town on either side give the same reading
    assert happened(analyzer, f"Troops overran the town of {place} on Tuesday.") == [(taker, place)]
    assert happened(analyzer, f"The army retook the town of {place} on Tuesday.") == [
        ("Government regains territory", place)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Galkin and his wife fled to Israel during the escalation of the conflict.",
        "She was added to the foreign agent list after criticizing the war and relocating to France.",
        "A five-year-old Ukrainian refugee died on Thursday after being hit by an electric scooter in Nice.",
        "Russian troops have begun launching almost daily strikes on the next line of cities, including "
        "Sloviansk and Kramatorsk.",
    ],
)
def test_flight_accidents_and_daily_patterns_are_no_events(analyzer: Analyzer, text: str) -> None:
    assert happened(analyzer, text) == []


def test_a_denial_by_its_subject_and_a_war_of_the_1990s_are_no_news(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(Article(id="t", published="2022-04-19", text=(
        "Lukashenko claimed that no Belarusian soldier was fighting in Ukraine. "
        "With Moscow's support, Transnistria fought a war against Moldova in the 1990s.")))
    contexts = sorted((e.context, e.background, e.place.name if e.place else None) for e in analysis.events)
    assert contexts == [("happened", True, "Transnistria"), ("negated", False, "Ukraine")]


def test_a_day_of_repeated_strikes_and_redeployed_troops_stay_events(analyzer: Analyzer) -> None:
    assert happened(analyzer, "Russian forces launched repeated strikes on Kharkiv on Monday.") == [
        ("Shelling/artillery/missile attack", "Kharkiv")
    ]
    assert happened(analyzer, "Russian forces deported thousands of children from Mariupol.") == [("Other", "Mariupol")]


def test_a_ship_set_off_after_its_noun_is_no_place(analyzer: Analyzer) -> None:
    text = "The Ukrainians claimed that they had attacked Russia's top warship in the Black Sea, the Moskva."
    assert "Moscow" not in place_names(analyzer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces currently occupy Izium, a city north of Sloviansk.",
        "The expected Ukrainian loss of Sievierodonetsk is unlikely to be the crux of the campaign.",
        "The approach is reminiscent of the Ludendorff offensive at the end of World War I.",
    ],
)
def test_states_expectations_and_old_wars_are_no_news(analyzer: Analyzer, text: str) -> None:
    assert happened(analyzer, text) == []


def test_an_attack_told_again_at_a_strike_s_place_and_day_is_that_strike(analyzer: Analyzer) -> None:
    text = (
        "Vinnytsia was struck by Russian missiles on Thursday. Thursday's attack in Vinnytsia took place "
        "as European ministers met in The Hague."
    )
    assert happened(analyzer, text, published="2022-07-15") == [("Shelling/artillery/missile attack", "Vinnytsya")]
    both = (
        "Russian troops attacked Ukrainian positions near Bakhmut on Monday. "
        "Russian artillery shelled Bakhmut on Monday."
    )
    assert sorted(happened(analyzer, both)) == [
        ("Armed clash", "Bakhmut"),
        ("Shelling/artillery/missile attack", "Bakhmut"),
    ]
    assert happened(analyzer, "Russian forces occupied Izium on Friday.") == [
        ("Non-state actor overtakes territory", "Izium")
    ]


def test_an_age_in_decades_is_no_past_time(analyzer: Analyzer) -> None:
    from fogofwar.analyze.events.happening import _DECADE

    assert _DECADE.fullmatch("1990s") and not _DECADE.fullmatch("60s")
    assert happened(analyzer, "Russian troops shot a woman in her 60s in Bucha on Monday.") == [("Attack", "Bucha")]


def test_a_city_that_ner_took_for_a_people_is_still_a_place(analyzer: Analyzer) -> None:
    text = ("Russia has claimed that its Black Sea fleet headquarters in Sevastopol have been hit by a "
            "Ukrainian drone strike.")
    assert "Sevastopol" in place_names(analyzer, text)
    assert happened(analyzer, text, "2022-07-31") == [("Air/drone strike", "Sevastopol")]
    assert "Sevastopol" not in place_names(analyzer, "Sevastopols were everywhere in the fleet's songs.")


def test_a_date_in_a_relative_clause_about_a_place_does_not_date_the_report(analyzer: Analyzer) -> None:
    text = ("The attack was reported by Mikhail Razvozhayev, the head of the local Russian administration in "
            "Sevastopol in Crimea, which was occupied and then annexed in 2014.")
    analysis = analyzer.analyze(Article(id="t", text=text, published="2022-07-31"))
    attack = next(e for e in analysis.events if e.context == "happened")
    assert not attack.background and (attack.date is None or attack.date.value != "2014")


@pytest.mark.parametrize(
    "text",
    [
        "Pundits started to promote the idea of executing Ukrainians resisting the war by hanging.",
        "Russia's war against Ukraine is being presented as a battle against the United States and NATO.",
    ],
)
def test_ideas_and_framings_report_no_happening(analyzer: Analyzer, text: str) -> None:
    assert happened(analyzer, text) == []


def test_a_relative_clause_is_placed_by_the_clause_of_its_antecedent(analyzer: Analyzer) -> None:
    text = ("The seemingly endless expansion of highways in Texas has provoked anger from residents, who "
            "last week protested against plans for new roads.")
    assert happened(analyzer, text, "2022-04-29") == [("Peaceful protest", "Texas")]


def test_one_arrest_told_paragraphs_apart_is_one_event(analyzer: Analyzer) -> None:
    text = ("The premier of the British Virgin Islands, Andrew Fahie, has been arrested in Miami on charges of "
            "conspiring to import cocaine.\n\nThe governor confirmed Fahie had been arrested on Thursday "
            "morning and called for calm. Fahie was involved in a conspiracy, court papers alleged.\n\n"
            "Were others arrested? Oleanvine Maynard, the manager of the port authority, and her son were "
            "also detained.\n\n"
            "Fahie and Maynard were arrested at a Miami airport after being invited by undercover agents.")
    assert happened(analyzer, text, "2022-04-29") == [("Arrests", "Miami")]


def test_a_strike_told_again_at_the_same_town_stays_two_events(analyzer: Analyzer) -> None:
    text = ("Russian missiles hit Kharkiv on Monday, officials said.\n\nIn other news, the talks stalled. "
            "The ministers met in Geneva. They spoke for an hour.\n\nKharkiv was shelled again by Russian forces.")
    assert [e for e in happened(analyzer, text) if e[1] == "Kharkiv"] == [
        ("Shelling/artillery/missile attack", "Kharkiv")] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Russian soldiers, and we know this from interceptions of their conversations, are afraid of our forces.",
        "Despite the violence of his government – as demonstrated in Chechnya and Georgia – critics were silent.",
        "When the Nord Stream 1 pipeline was taken off-line last week for maintenance, leaders began bracing.",
    ],
)
def test_words_of_war_in_other_senses_report_no_happening(analyzer: Analyzer, text: str) -> None:
    assert happened(analyzer, text, "2022-07-20") == []


def test_a_news_agency_is_no_place(analyzer: Analyzer) -> None:
    text = "A Russian expert has been arrested on suspicion of treason, the state-controlled Tass news agency said."
    assert "Tass" not in place_names(analyzer, text)


def test_a_pattern_of_strikes_does_not_place_the_strike_of_the_day(analyzer: Analyzer) -> None:
    text = ("Russian troops have begun launching almost daily strikes on the next line of cities — Sloviansk, "
            "Kramatorsk and Bakhmut.\n\nOn Friday, Russian shelling hit the city of Bakhmut, killing one man.")
    assert happened(analyzer, text, "2022-07-09") == [("Shelling/artillery/missile attack", "Bakhmut")]


def test_the_next_paragraph_s_day_does_not_date_a_report(analyzer: Analyzer) -> None:
    text = ("Troops were named as war criminals after bodies lay in the streets of Bucha following the "
            "withdrawal of Russian forces from the Kyiv region.\n\nIn a signed letter on Monday, Putin "
            "congratulated the unit.")
    analysis = analyzer.analyze(Article(id="t", text=text, published="2022-04-19"))
    assert all(e.date is None or e.date.text != "Monday" for e in analysis.events if e.sub_event_type != "Other")


def test_an_unplaced_generic_attempt_does_not_take_in_a_town_s_denied_fall(analyzer: Analyzer) -> None:
    text = ("After two months of unsuccessful attempts at seizing large cities, Lavrov said a new phase had "
            "begun.\n\nThe prime minister said Ukrainian forces defending Mariupol will fight to the end and "
            "denied that the city has fallen.")
    assert not [e for e in happened(analyzer, text) if e[0] == "Non-state actor overtakes territory"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("She described a girl killed in the central Ukrainian city of Vinnytsia, in a missile attack that left "
         "25 people dead.", "Vinnytsya"),
        ("Two people died in Izium after a night of shelling.", "Izium"),
    ],
)
def test_a_strike_in_a_toll_s_phrase_is_placed_by_the_toll(analyzer: Analyzer, text: str, place: str) -> None:
    assert happened(analyzer, text, "2022-07-20") == [("Shelling/artillery/missile attack", place)]


def test_a_meeting_after_a_strike_does_not_place_the_strike(analyzer: Analyzer) -> None:
    assert happened(analyzer, "Zelensky spoke in Kyiv after the shelling.", "2022-07-20") == []


def test_clawing_back_territory_is_a_government_regaining_it(analyzer: Analyzer) -> None:
    text = "Ukrainian forces have been clawing back territory in the southern Kherson region."
    assert happened(analyzer, text, "2022-07-24") == [("Government regains territory", "Kherson Oblast")]


def test_a_bare_killing_among_strikes_is_their_toll_and_alone_an_attack(analyzer: Analyzer) -> None:
    toll = ("Four Russian cruise missiles hit residential areas in Mykolaiv on Saturday. The governor of the "
            "Donetsk region said two civilians had been killed and two more injured.")
    assert ("Shelling/artillery/missile attack", "Donetsk Oblast") in happened(analyzer, toll, "2022-07-24")
    alone = "The governor of the Donetsk region said two civilians had been killed on Saturday."
    assert happened(analyzer, alone, "2022-07-24") == [("Attack", "Donetsk Oblast")]


def test_a_state_s_attack_on_a_state_is_the_war_itself(analyzer: Analyzer) -> None:
    text = "Russia's disastrous attack on Ukraine has cost it dearly, the analyst wrote."
    assert happened(analyzer, text, "2022-07-24") == []


def test_the_war_s_start_in_a_since_frame_does_not_date_the_strike(analyzer: Analyzer) -> None:
    text = "Kharkiv was shelled, the most massive shelling since the war began on February 24."
    analysis = analyzer.analyze(Article(id="t", text=text, published="2022-07-24"))
    news = [e for e in analysis.events if e.context == "happened" and not e.background]
    assert news and all(e.date is None or e.date.text != "February 24" for e in news)


def test_a_total_in_a_relative_clause_keeps_the_attack_of_the_day(analyzer: Analyzer) -> None:
    text = ("A missile attack on Kharkiv, which the minister called the most massive since the war began, "
            "killed two people on Sunday.")
    assert [e[0] for e in happened(analyzer, text, "2022-07-24")] == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Russian troops bombed Irpin on Saturday.", "Air/drone strike"),
        ("Insurgents bombed a checkpoint with a roadside device in Kirkuk on Saturday.",
         "Remote explosive/landmine/IED"),
    ],
)
def test_a_state_s_bombing_is_from_the_air(analyzer: Analyzer, text: str, sub: str) -> None:
    assert [e[0] for e in happened(analyzer, text, "2022-07-24")] == [sub]


def test_a_toll_told_apart_at_the_strike_s_prison_is_its_toll(analyzer: Analyzer) -> None:
    text = ("The UN is conducting a fact-finding mission after 53 Ukrainian prisoners of war were killed in an "
            "explosion at a barracks in separatist-controlled Olenivka. Kyiv and Moscow have traded blame over "
            "the strikes on the prison in Kremlin-controlled Olenivka, in eastern Ukraine, which Russia said "
            "took place overnight on 29 July.")
    analysis = analyzer.analyze(Article(id="t", text=text, published="2022-08-04"))
    happened_events = [e for e in analysis.events if e.context == "happened"]
    assert [(e.sub_event_type, e.place.name if e.place else None, e.date.value if e.date else None)
            for e in happened_events] == [("Shelling/artillery/missile attack", "Olenivka", "2022-07-29")]
    assert not any(a.text == "UN" for e in happened_events for a in e.actors)  # the UN killed no one
