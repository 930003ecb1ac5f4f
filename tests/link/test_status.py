"""Status over time: each transition with the date and article that made it."""

from __future__ import annotations

import random

from link_builders import GS, MOD, article, capture, claim, denial, event, place, source
from test_evidence import link, only, strike

TREHUBOV = source("Viktor Trehubov", "person", "ukraine", "spokesperson for the Khortytsia group of forces")
DEEPSTATE = source("DeepState", "group", "unknown", "open source group")
ISW = source("Institute for the Study of War", "organization", "independent")
UN = source("UN Human Rights Monitoring Mission", "organization", "international")
FILASHKIN = source("Vadym Filashkin", "person", "ukraine", "Donetsk regional governor")


def timeline(story: object) -> list[tuple[str | None, str, str]]:
    return [(t.date, t.status, t.article) for t in story.timeline]  # type: ignore[attr-defined]


def concession(aid: str, published: str) -> dict:
    return capture(aid, published, TREHUBOV, content="Ukrainian forces have withdrawn from Siversk")


def test_claimed_then_contested_then_confirmed_by_a_concession() -> None:
    story = only(link(capture("claim", "2025-12-08"), denial("deny", "2025-12-09"), concession("gone", "2025-12-17")))
    assert timeline(story) == [("2025-12-08", "claimed", "claim"), ("2025-12-09", "contested", "deny"),
                               ("2025-12-17", "confirmed", "gone")]  # fmt: skip
    assert story.independent_sources == 3


def test_the_timeline_does_not_depend_on_the_order_articles_arrive_in() -> None:
    articles = [capture("claim", "2025-12-08"), denial("deny", "2025-12-09"), concession("gone", "2025-12-17")]
    from fogofwar.link import Linker

    expected = only(link(*articles)).to_dict()
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        linker = Linker()
        for a in shuffled:
            linker.add(a)
        got = only(linker.all_stories()).to_dict()
        assert {k: v for k, v in got.items() if k != "id"} == {k: v for k, v in expected.items() if k != "id"}


def test_one_sides_sources_only_stay_claimed() -> None:
    honcharenko = source("Oleksandr Honcharenko", "person", "ukraine", "head of the city military administration")
    story = only(link(strike("a", "2025-10-02", 1, honcharenko), strike("b", "2025-10-03", 1, FILASHKIN)))
    assert story.independent_sources == 2 and story.status == "claimed"


def test_an_independent_origin_corroborates() -> None:
    story = only(link(strike("gov", "2025-10-02", 4, FILASHKIN), strike("un", "2025-10-03", 4, UN)))
    assert timeline(story) == [("2025-10-02", "claimed", "gov"), ("2025-10-03", "corroborated", "un")]


def test_geolocated_footage_confirms() -> None:
    osint = capture("osint", "2025-12-09", DEEPSTATE, content="they had geolocated the video to Siversk")
    story = only(link(capture("claim", "2025-12-08"), osint))
    assert timeline(story)[-1] == ("2025-12-09", "confirmed", "osint")


def test_the_claimants_own_retraction_refutes() -> None:
    retraction = denial("back", "2025-12-10", src=MOD)
    story = only(link(capture("claim", "2025-12-08"), retraction))
    assert story.status == "refuted"


def test_an_independent_analysts_denial_refutes() -> None:
    story = only(link(capture("claim", "2025-12-08"), denial("deny", "2025-12-09"), denial("isw", "2025-12-20", ISW)))
    assert [t.status for t in story.timeline] == ["claimed", "contested", "refuted"]


def test_a_strike_reported_by_its_target_with_another_toll_stays_contested() -> None:
    story = only(link(strike("mod", "2025-10-14", 50, MOD), strike("brigade", "2025-10-15", 5, GS)))
    assert story.status == "contested"


def test_hypothetical_and_future_events_make_no_story() -> None:
    c = claim("h:c1", "Russian forces could capture Siversk", MOD)
    events = [event("h:ev1", "Non-state actor overtakes territory", place("Siversk"), None, ["h:c1"], context=ctx)
              for ctx in ("hypothetical", "future")]  # fmt: skip
    assert link(article("h", "2025-12-08", [c], events)) == []


def _osint(aid: str, content: str, status: str = "reported") -> dict:
    c = claim(f"{aid}:c1", content, DEEPSTATE, status=status)
    e = event(f"{aid}:ev1", "Non-state actor overtakes territory", place("Siversk"), "2025-12-08", [c["id"]],
              controller="russia")  # fmt: skip
    return article(aid, "2025-12-09", [c], [e])


def test_open_source_analysts_who_saw_no_evidence_confirm_nothing() -> None:
    doubt = _osint("osint", "they had not seen evidence that Russian troops controlled the centre of Siversk")
    story = only(link(capture("claim", "2025-12-08"), doubt))
    assert story.status == "claimed" and story.independent_sources == 2


def test_a_hedged_open_source_claim_does_not_confirm() -> None:
    hedged = _osint("osint", "the fall of Siversk could isolate Ukrainian troops", status="hedged")
    story = only(link(capture("claim", "2025-12-08"), hedged))
    assert story.status != "confirmed"


def test_a_confirmation_never_rests_on_one_article() -> None:
    # one article quotes the claimant and the footage's geolocation: claimed until another report
    c1 = claim("one:c1", "Russian forces captured Siversk on Monday", MOD)
    c2 = claim("one:c2", "they had geolocated the video to Siversk", DEEPSTATE)
    e = event("one:ev1", "Non-state actor overtakes territory", place("Siversk"), "2025-12-08", ["one:c1", "one:c2"],
              controller="russia")  # fmt: skip
    alone = only(link(article("one", "2025-12-08", [c1, c2], [e])))
    assert alone.status != "confirmed" and alone.independent_sources == 2
    second = capture("other", "2025-12-09", GS, content="Russian forces captured Siversk, the General Staff said")
    assert only(link(article("one", "2025-12-08", [c1, c2], [e]), second)).status == "confirmed"
