"""Blocking by place, day and type; incremental linking; stable ids."""

from __future__ import annotations

from link_builders import FILASHKIN_SRC, GS, MOD, article, capture, claim, event, place
from test_evidence import link, strike

from fogofwar.link import Linker


def test_two_strikes_on_one_town_days_apart_are_two_stories() -> None:
    stories = link(strike("oct2", "2025-10-02", 1, GS, day="2025-10-02"),
                   strike("oct6", "2025-10-06", 0, GS, day="2025-10-06"))  # fmt: skip
    assert sorted(s.articles for s in stories) == [("oct2",), ("oct6",)]


def test_one_event_under_two_spellings_is_one_story() -> None:
    def unresolved(aid: str, name: str) -> dict:
        c = claim(f"{aid}:c1", f"Russian drones struck {name}", FILASHKIN_SRC)
        e = event(f"{aid}:ev1", "Air/drone strike", place(name, geonameid=None), "2025-10-02", [c["id"]])
        return article(aid, "2025-10-02", [c], [e])

    stories = link(unresolved("a", "Sivers'k"), unresolved("b", "Seversk"))
    assert [s.articles for s in stories] == [("a", "b")]


def test_a_russian_and_a_ukrainian_strike_on_one_day_are_two_stories() -> None:
    def hit(aid: str, words: str, src: dict) -> dict:
        c = claim(f"{aid}:c1", words, src)
        return article(aid, "2025-10-02", [c], [event(f"{aid}:ev1", "Air/drone strike", place("Kramatorsk"),
                                                      "2025-10-02", [c["id"]])])  # fmt: skip

    stories = link(hit("ru", "Russian drones hit a market in Kramatorsk, killing two", GS),
                   hit("ua", "Ukrainian drones struck an ammunition depot in Kramatorsk", MOD))  # fmt: skip
    assert len(stories) == 2


def test_a_new_article_joins_without_a_rebuild_and_a_replaced_one_is_not_counted_twice() -> None:
    linker = Linker()
    changed, _, _ = linker.add(capture("a", "2025-12-08"))
    (sid,) = changed
    changed, _, _ = linker.add(capture("b", "2025-12-09"))
    assert changed == {sid} and linker.story(sid).articles == ("a", "b")
    linker.add(capture("b", "2025-12-09"))
    assert linker.story(sid).articles == ("a", "b") and len(linker.story(sid).events) == 2


def test_story_ids_are_stable() -> None:
    first = [s.id for s in link(capture("a", "2025-12-08"), capture("b", "2025-12-09"))]
    again = [s.id for s in link(capture("a", "2025-12-08"), capture("b", "2025-12-09"))]
    assert first == again and first[0].startswith("st-")


def test_an_article_without_events_joins_the_story_its_words_name() -> None:
    c = claim("k:c1", "The village of Siversk is under Russian control again, capture confirmed by forces", MOD)
    stories = link(capture("a", "2025-12-08"), article("k", "2025-12-09", [c], []))
    assert [s.articles for s in stories] == [("a", "k")]


def _town(name: str, gid: int, radius: float) -> dict:
    return dict(place(name, geonameid=gid, country="UA"), radius_km=radius)


def test_an_event_placed_at_a_city_joins_the_story_of_the_smaller_town_its_words_name() -> None:
    town, city = _town("Huliaipole", 707898, 2.8), _town("Zaporizhzhia", 687700, 14.3)
    c = claim("a:c1", "Russian missiles struck Huliaipole in the Zaporizhzhia region, killing 50", MOD)
    first = article("a", "2025-10-14", [c], [event("a:ev1", "Shelling/artillery/missile attack", city,
                                                   "2025-10-14", ["a:c1"], fatalities=50)])  # fmt: skip
    first["places"] = [town, city]
    d = claim("b:c1", "A Russian missile hit Huliaipole, killing five", GS)
    second = article("b", "2025-10-15", [d], [event("b:ev1", "Shelling/artillery/missile attack", town,
                                                    "2025-10-14", ["b:c1"], fatalities=5)])  # fmt: skip
    (story,) = link(first, second)
    assert story.articles == ("a", "b") and story.place is not None and story.place["geonameid"] == 707898


def test_a_larger_town_named_as_a_landmark_links_nothing() -> None:
    village, town = _town("Kindrashivka", 705175, 1.0), _town("Kupiansk", 703656, 3.6)
    c = claim("a:c1", "Ukrainian troops recaptured Kindrashivka north of Kupiansk", GS)
    first = article("a", "2025-10-22", [c], [event("a:ev1", "Government regains territory", village, "2025-10-22",
                                                   ["a:c1"], controller="ukraine")])  # fmt: skip
    first["places"] = [village, town]
    later = capture("b", "2025-11-20", content="Russian forces captured Kupiansk", day="2025-11-20")
    later["events"][0]["place"] = town
    assert sorted(s.articles for s in link(first, later)) == [("a",), ("b",)]
