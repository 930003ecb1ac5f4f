"""Linking by content: reports of one happening that the event features keep apart join by their
words; two happenings told in the same words on different days or far apart stay apart."""

from __future__ import annotations

from typing import Any

from link_builders import article, event, place

from fogofwar.link import Linker, Story
from fogofwar.link.mentions import event_mentions, mention_from_dict, mention_to_dict

FILLER = [
    "The city council approved a new budget for road repairs and school buses after a long debate.",
    "A late goal gave the home team a narrow win in the league final before a record crowd.",
    "Heavy rain is expected over the weekend, with flood warnings for the river valley towns.",
    "The museum opened an exhibition of medieval maps and manuscripts lent by private collectors.",
    "Farmers reported a strong harvest of wheat and barley despite the dry spring months.",
    "The airline announced new routes to the coast and cheaper fares for students this summer.",
]
DINER = ("A gunman opened fire inside the Maple Street diner, killing cashier Dolores Johnson and wounding a cook, "
         "police said. Witnesses said the gunman fled in a grey pickup truck.")  # fmt: skip
DINER_2 = ("Cashier Dolores Johnson was shot dead at the Maple Street diner when a gunman fired inside; a cook was "
           "wounded, and the gunman fled in a grey pickup truck, witnesses told police.")  # fmt: skip
HEARING = ("The man charged with killing cashier Dolores Johnson at the Maple Street diner appeared in court; "
           "prosecutors said the grey pickup truck was found abandoned.")  # fmt: skip


def _town(name: str, gid: int, lat: float, lon: float) -> dict[str, Any]:
    return dict(place(name, gid), lat=lat, lon=lon)


def _linked(*articles: dict[str, Any]) -> list[Story]:
    linker = Linker()
    for a in sorted(articles, key=lambda a: (a["published"], a["id"])):
        linker.add(a)
    return linker.all_stories()


def _fillers() -> list[dict[str, Any]]:
    return [article(f"f{i}", "2015-05-01", [], [], text=t) for i, t in enumerate(FILLER)]


def _story_of(stories: list[Story], aid: str) -> set[str]:
    return {s.id for s in stories if aid in s.articles}


def test_one_shooting_typed_two_ways_and_its_follow_up_are_one_story() -> None:
    springfield = _town("Springfield", 4409896, 37.2, -93.3)
    first = article("a", "2015-05-02", [], [event("a:ev1", "Attack", springfield, "2015-05-02", [])], text=DINER)
    unplaced = dict(event("b:ev1", "Mob violence", springfield, None, []), place=None)
    second = article("b", "2015-05-02", [], [unplaced], text=DINER_2)
    follow_up = article("c", "2015-05-09", [], [], text=HEARING)  # no event the event stage reads
    stories = _linked(*_fillers(), first, second, follow_up)
    assert _story_of(stories, "a") == _story_of(stories, "b") == _story_of(stories, "c")
    [story] = [s for s in stories if "a" in s.articles]
    assert story.sub_event_type == "Attack" and set(story.articles) == {"a", "b", "c"}


def test_the_same_words_on_two_named_days_are_two_strikes() -> None:
    text = "Russian missiles struck the railway station in Kramatorsk, killing two people, the governor said."
    one = article("k1", "2025-10-02", [], [event("k1:ev1", "Shelling/artillery/missile attack", place("Kramatorsk"),
                                                 "2025-10-02", [])], text=text)  # fmt: skip
    two = article("k2", "2025-10-06", [], [event("k2:ev1", "Air/drone strike", place("Kramatorsk"),
                                                 "2025-10-06", [])], text=text)  # fmt: skip
    stories = _linked(*_fillers(), one, two)
    assert _story_of(stories, "k1") != _story_of(stories, "k2")


def test_the_same_words_far_apart_are_two_happenings() -> None:
    east = article("e", "2015-05-02", [], [event("e:ev1", "Attack", _town("Springfield", 4409896, 37.2, -93.3),
                                                 "2015-05-02", [])], text=DINER)  # fmt: skip
    west = article("w", "2015-05-02", [], [event("w:ev1", "Mob violence", _town("Eugene", 5725846, 44.05, -123.09),
                                                 "2015-05-02", [])], text=DINER_2)  # fmt: skip
    stories = _linked(*_fillers(), east, west)
    assert _story_of(stories, "e") != _story_of(stories, "w")


def test_a_report_months_later_needs_closer_words() -> None:
    springfield = _town("Springfield", 4409896, 37.2, -93.3)
    first = article("a", "2015-05-02", [], [event("a:ev1", "Attack", springfield, "2015-05-02", [])], text=DINER)
    loose = "The cook wounded at the Maple Street diner has left hospital, his family said."
    soon = _linked(*_fillers(), first, article("s", "2015-05-03", [], [], text=loose))
    late = _linked(*_fillers(), first, article("s", "2016-03-01", [], [], text=loose))
    assert _story_of(soon, "s") == _story_of(soon, "a")
    assert _story_of(late, "s") != _story_of(late, "a")


def test_only_the_lead_happening_carries_the_article_s_words_and_they_survive_storage() -> None:
    events = [event("x:ev1", "Attack", place("Siversk"), None, [], context="future"),
              event("x:ev2", "Attack", place("Siversk"), None, []),
              event("x:ev3", "Armed clash", place("Siversk"), None, [])]
    data = article("x", "2015-05-02", [], events, text=DINER)
    mentions = event_mentions(data)
    assert [m.event for m in mentions if m.terms] == ["x:ev2"]
    lead = next(m for m in mentions if m.terms)
    assert dict(lead.terms)["gunman"] == 2 and "the" not in dict(lead.terms)
    assert mention_from_dict(mention_to_dict(lead)) == lead
    eventless = event_mentions(article("y", "2015-05-02", [], [], text=HEARING))
    assert [(m.family, m.eventless, bool(m.terms)) for m in eventless] == [("*", True, True)]


def test_two_typed_events_at_one_place_kept_apart_by_the_event_rules_stay_apart() -> None:
    # an agency's template tells a battle and an attack on civilians in one town on one day alike
    template = ("{what} in Kharkiv on Wednesday, killing 15 people, Suspilne reported, citing Vadym Filashkin. "
                "The reports could not be independently verified.")  # fmt: skip
    kharkiv = place("Kharkiv", 706483)
    clash = event("b:ev1", "Armed clash", kharkiv, "2025-10-01", [])
    battle = article("b", "2025-10-01", [], [clash], text=template.format(what="Russian and Ukrainian units clashed"))
    shooting = event("a:ev1", "Attack", kharkiv, "2025-10-01", [])
    fired = template.format(what="Russian soldiers fired on civilians")
    attack = article("a", "2025-10-01", [], [shooting], text=fired)
    stories = _linked(*_fillers(), battle, attack)
    assert _story_of(stories, "b") != _story_of(stories, "a")


def test_numbers_count_as_words() -> None:
    data = article("n", "2015-05-02", [], [], text="The 86th Oscars in 2014: 25 hurt, 3 seats.")
    terms = dict(event_mentions(data)[0].terms)
    assert {"86th", "2014", "25"} <= set(terms) and "3" not in terms
