"""Stories in the ledger: linking stored articles, resuming, rebuilding, reading back."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "link"))
from link_builders import capture, denial  # noqa: E402

from fogofwar.schema import Analysis  # noqa: E402
from fogofwar.store import count_rows, ingest  # noqa: E402
from fogofwar.store.links import get_story, link_pending, list_stories, load_linker  # noqa: E402
from fogofwar.store.testing import fresh_store, store_urls  # noqa: E402

ARTICLES = [
    capture("claim", "2025-12-08"),
    denial("deny", "2025-12-09"),
    capture("again", "2025-12-10", text="Siversk has fallen to Russian forces, the ministry said again."),
]


def _canonical(store: object) -> list[dict]:
    return sorted(({k: v for k, v in s.to_dict().items() if k != "id"} for s in list_stories(store)), key=str)


@pytest.fixture(params=store_urls())
def store(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    s = fresh_store(request.param)
    yield s
    s.close()


def test_linking_stored_articles_writes_stories(store: object) -> None:
    ingest(store, [Analysis.from_dict(a) for a in ARTICLES])
    report = link_pending(store)
    assert (report.articles, report.stories) == (3, 1)
    (story,) = list_stories(store)
    assert story.articles == ("claim", "deny", "again") and story.status == "contested"
    assert get_story(store, story.id) == story
    rows = count_rows(store)
    assert rows["stories"] == 1 and rows["story_members"] == 3 and rows["link_articles"] == 3
    assert rows["story_contradictions"] == len(story.contradictions) and rows["story_timeline"] == 2


def test_linking_twice_changes_nothing_and_one_at_a_time_equals_a_rebuild(store: object) -> None:
    for a in reversed(ARTICLES):  # against publication order
        ingest(store, [Analysis.from_dict(a)])
        link_pending(store)
    assert link_pending(store).articles == 0
    incremental = _canonical(store)
    assert link_pending(store, rebuild=True).articles == 3
    assert _canonical(store) == incremental


def test_a_resumed_linker_holds_the_stored_stories(store: object) -> None:
    ingest(store, [Analysis.from_dict(a) for a in ARTICLES[:2]])
    link_pending(store)
    linker = load_linker(store)
    assert linker.all_stories() == []  # nothing read until asked for
    stored = list_stories(store)
    assert [linker.story(s.id).to_dict() for s in stored] == [s.to_dict() for s in stored]


def test_a_reanalysed_article_is_linked_again_not_twice(store: object) -> None:
    ingest(store, [Analysis.from_dict(a) for a in ARTICLES])
    link_pending(store)
    changed = dict(ARTICLES[2], title="A new title")
    ingest(store, [Analysis.from_dict(changed)])
    assert link_pending(store).articles == 1
    (story,) = list_stories(store)
    assert story.articles == ("claim", "deny", "again") and len(story.events) == 3


@pytest.mark.parametrize(
    ("filters", "count"),
    [({}, 1), ({"status": "contested"}, 1), ({"status": "claimed"}, 0), ({"place": "siversk"}, 1),
     ({"place": "Kupiansk"}, 0), ({"since": dt.date(2025, 12, 8)}, 1), ({"until": dt.date(2025, 12, 7)}, 0)],
)  # fmt: skip
def test_story_filters(store: object, filters: dict, count: int) -> None:
    ingest(store, [Analysis.from_dict(a) for a in ARTICLES])
    link_pending(store)
    assert len(list_stories(store, **filters)) == count
