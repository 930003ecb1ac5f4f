"""An event only where the article reports that something happened (docs/realpages.md)."""

from __future__ import annotations

import pytest

from fogofwar.analyze import Analyzer
from fogofwar.analyze.events.happening import is_background
from fogofwar.schema import Article, DateRef

FILLER = " ".join(
    f"Residents in the invented town number {n} said they had queued for water for hours." for n in range(6)
)


def happened(analyzer: Analyzer, text: str, published: str | None = "2024-05-14") -> list[tuple[str, str | None]]:
    analysis = analyzer.analyze(Article(id="t", text=text, published=published))
    return [
        (e.sub_event_type, e.place.name if e.place else None)
        for e in analysis.events
        if e.context == "happened" and not e.background
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Disinformation about the president has surged online amid Russia's invasion of Ukraine.",
        "Prices have risen sharply since Russia invaded Ukraine.",
        "Moscow had hoped to take the capital within days.",
        "Russian forces are fighting to seize the whole of the Donetsk region.",
        "The two delegations held talks in Istanbul on Tuesday about a possible ceasefire deal.",
        "The army is running low on artillery ammunition, officials said.",
        "More than 300 towns have been shelled since the start of the war.",
        "The war enters its fifth month with no end in sight.",
        "He said he actively supports those fighting against the Brussels elite.",
        "One lawmaker said the two sailors were essentially being held as hostages in Donetsk.",
        "Moscow continues preparations for a renewed offensive in eastern Ukraine.",
        "State television presented the war as a battle for survival against the West.",
    ],
)
def test_not_events(analyzer: Analyzer, text: str) -> None:
    assert happened(analyzer, text) == []


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Russian forces shelled Kharkiv on Tuesday, killing three people, the governor said.",
         "Shelling/artillery/missile attack"),
        ("A missile strike on Lviv on Monday killed seven people.", "Shelling/artillery/missile attack"),
        ("Explosions rocked Dnipro overnight after a drone attack, officials said.", "Air/drone strike"),
        ("Ukraine and Russia exchanged 90 prisoners of war on Sunday under a deal brokered by the UAE.",
         "Agreement"),
    ],
)
def test_events_still_found(analyzer: Analyzer, text: str, sub: str) -> None:
    assert any(s == sub for s, _ in happened(analyzer, text))


def test_one_event_per_named_place(analyzer: Analyzer) -> None:
    found = happened(analyzer, "Russian missiles hit Lviv, Dnipro and Zaporizhzhia on Monday morning, officials said.")
    assert {p for _, p in found} >= {"Lviv", "Dnipro", "Zaporizhzhia"}


def test_a_generic_mention_in_a_long_page_is_no_event(analyzer: Analyzer) -> None:
    text = FILLER + " The president said his country is fighting for its survival."
    assert happened(analyzer, text) == []


def test_background_keeps_its_own_time(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(
        Article(id="t", text="Russia seized Crimea in 2014, and its troops shelled Kharkiv on Tuesday.",
                published="2024-05-14")
    )
    background = [e for e in analysis.events if e.background]
    assert background and all(e.date is not None and e.date.value.startswith("2014") for e in background)
    assert any(not e.background and e.place and e.place.name == "Kharkiv" for e in analysis.events)


@pytest.mark.parametrize(
    ("value", "published", "latest", "expected"),
    [
        ("2014", "2024-05-14", None, True),
        ("2024-05-10", "2024-05-14", None, False),
        ("2024-03", "2024-05-14", None, True),
        ("2024-05", "2024-05-14", None, False),
        ("2019", None, "2023-02-01", True),
        ("2023", None, "2023-02-01", False),
    ],
)
def test_is_background(value: str, published: str | None, latest: str | None, expected: bool) -> None:
    date = DateRef(0, 4, "then", value, "year" if len(value) == 4 else "month" if len(value) == 7 else "day")
    assert is_background(date, published, latest) is expected


def test_a_date_the_text_does_not_give_is_never_background() -> None:
    assert not is_background(DateRef(0, 0, "", "2020-01-01", "week"), "2024-05-14", None)


@pytest.mark.parametrize(
    "text",
    [
        "Since Russian troops withdrew from the villages around Kyiv, residents have returned to the town.",
        "In the early days of the war, tens of thousands of Russians protested in Moscow.",
    ],
)
def test_a_happening_framed_as_the_past_is_background(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(Article(id="t", text=text, published="2024-05-14"))
    events = [e for e in analysis.events if e.context == "happened"]
    assert events and all(e.background and e.date is None for e in events)


def test_a_protest_against_an_abstraction_is_still_a_protest(analyzer: Analyzer) -> None:
    assert happened(analyzer, "Thousands of people marched in Bratislava against corruption on Friday.") == [
        ("Peaceful protest", "Bratislava")
    ]


def test_an_undated_event_takes_its_paragraph_day(analyzer: Analyzer) -> None:
    text = (
        "Russia renews strikes on the capital\n"
        "Russia resumed attacks on Kyiv on Saturday. Moscow says the attacks targeted military sites. "
        "The teenager and eight other people died after rockets hit a residential area of Kharkiv.\n"
        "In other news, a new library opened in Lviv.\n"
    )
    analysis = analyzer.analyze(Article(id="t", text=text, published="2022-04-19"))
    kharkiv = [e for e in analysis.events if e.place is not None and e.place.name == "Kharkiv"]
    assert kharkiv and kharkiv[0].date is not None and kharkiv[0].date.value == "2022-04-16"
