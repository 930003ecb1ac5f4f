"""Origins after merging, and contradictions, read through the linker on hand-made articles."""

from __future__ import annotations

import pytest
from link_builders import GS, MOD, article, capture, claim, denial, event, place, source

from fogofwar.link import Linker, Story
from fogofwar.link.evidence import fatalities_agree

TASS = source("TASS", "media", "russia")
BODY = ("Units of the Center group of forces have completely liberated the settlement of Siversk, the ministry said "
        "in a statement. The Ukrainian army lost up to 420 servicemen in the area over the past 24 hours, the "
        "ministry said, adding that the offensive continued along the whole front.")  # fmt: skip


def link(*articles: dict) -> list[Story]:
    linker = Linker()
    for a in sorted(articles, key=lambda a: (a["published"], a["id"])):
        linker.add(a)
    return linker.all_stories()


def only(stories: list[Story]) -> Story:
    assert len(stories) == 1, [s.articles for s in stories]
    return stories[0]


def test_copies_of_one_agency_report_are_one_origin() -> None:
    leads = ["", "Moscow said on Monday: ", "In a new gain, ", "Officials in Moscow said that ", "Reportedly, "]
    copies = [capture(f"copy{i}", "2025-12-08", text=lead + BODY, outlet=f"Outlet {i}") for i, lead in enumerate(leads)]
    relay = capture("relay", "2025-12-08", text=BODY + " TASS reported.")
    relay["claims"].append(claim("relay:c2", CAPTURE_TEXT, TASS))
    relay["events"][0]["claim_ids"].append("relay:c2")
    story = only(link(*copies, relay))
    assert story.independent_sources == 1
    assert story.origins[0].name == MOD["canonical"]
    assert set(story.origins[0].articles) == {f"copy{i}" for i in range(5)} | {"relay"}


CAPTURE_TEXT = "Russian forces captured Siversk"


def test_anonymous_sources_are_one_origin_per_report() -> None:
    official = source("military official", "anonymous", "russia", "military official")
    a = capture("a", "2025-12-08", official, text=BODY, outlet="One")
    b = capture("b", "2025-12-08", official, text="A new lead. " + BODY, outlet="Two")
    c = capture("c", "2025-12-09", official, text="Our own reporting from the front in other words.", outlet="Three")
    story = only(link(a, b, c))
    assert story.independent_sources == 2
    assert sorted(len(o.articles) for o in story.origins) == [1, 2]


def test_an_unnamed_voice_is_the_named_source_whose_role_it_names() -> None:
    named = source("Valery Gerasimov", "person", "russia", "chief of Russia's General Staff")
    general = source("Russia top general", "anonymous", "russia", "general")
    a = capture("a", "2025-12-08", named)
    b = capture("b", "2025-12-09", general, content="Siversk had been captured, Russia's top general said")
    story = only(link(a, b))
    assert [(o.name, o.articles) for o in story.origins] == [("Valery Gerasimov", ("a", "b"))]


def test_the_articles_own_voice_is_never_an_origin() -> None:
    a = capture("a", "2025-12-08", src=None)  # type: ignore[arg-type]
    story = only(link(a))
    assert story.independent_sources == 0 and story.origins == ()


def test_a_denial_contradicts_the_claim_it_denies() -> None:
    story = only(link(capture("claim", "2025-12-08"), denial("deny", "2025-12-09")))
    assert story.contradictions == (("claim:c1", "deny:c1"),)
    assert story.status == "contested"


def test_both_sides_claiming_control_contradict() -> None:
    held = article("held", "2025-12-09", [claim("held:c1", "Ukrainian forces control Siversk", GS)],
                   [event("held:ev1", "Government regains territory", place("Siversk"), "2025-12-08", ["held:c1"],
                          controller="ukraine")])  # fmt: skip
    story = only(link(capture("claim", "2025-12-08"), held))
    assert ("claim:c1", "held:c1") in story.contradictions


def strike(aid: str, published: str, killed: int, src: dict, day: str = "2025-10-02") -> dict:
    c = claim(f"{aid}:c1", f"A Russian drone struck Kramatorsk, killing {killed} people", src)
    e = event(f"{aid}:ev1", "Air/drone strike", place("Kramatorsk"), day, [c["id"]], fatalities=killed)
    return article(aid, published, [c], [e])


def test_fatalities_far_apart_contradict() -> None:
    story = only(link(strike("low", "2025-10-02", 5, GS), strike("high", "2025-10-02", 50, MOD)))
    assert {tuple(sorted(pair)) for pair in story.contradictions} == {("high:c1", "low:c1")}


@pytest.mark.parametrize(
    ("a", "b", "a_day", "b_day", "agree"),
    [(5, 6, 1, 1, True), (40, 48, 1, 1, True), (5, 50, 1, 1, False), (5, 50, 1, 2, False),
     (2, 7, 1, 2, True), (2, 7, 1, 1, False), (7, 2, 2, 1, True), (0, 1, 1, 1, True)],
)  # fmt: skip
def test_fatalities_agree(a: int, b: int, a_day: int, b_day: int, agree: bool) -> None:
    assert fatalities_agree(a, b, a_day, b_day) is agree
