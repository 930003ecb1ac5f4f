"""Separate ingest runs, in any order, give the stories of one ``link --rebuild`` (issue 11, point 4).

Each run links against the ledger without loading it (``LedgerSource``); an article that arrives
after later-published ones rewinds the linking to its place. The articles come from the linking
benchmark's generator: near-duplicate copies, relays, denials, look-alike reports of one place.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from fogofwar.schema import Analysis
from fogofwar.store import count_rows, ingest
from fogofwar.store.links import link_pending, list_stories
from fogofwar.store.testing import fresh_store

N = 400


def _linkgen() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "linkgen.py"
    spec = importlib.util.spec_from_file_location("linkgen", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["linkgen"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def items() -> list[dict[str, Any]]:
    return [Analysis.from_dict(a).to_dict() for a in _linkgen().generate(N, seed=3)]


def _stories(store: Any) -> list[dict[str, Any]]:
    return sorted((s.to_dict() for s in list_stories(store)), key=lambda s: s["id"])


def _index(store: Any) -> dict[str, int]:
    rows = count_rows(store)
    return {k: v for k, v in rows.items() if k.startswith(("link_", "stor"))}


@pytest.fixture(scope="module")
def rebuilt(items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    store = fresh_store()
    ingest(store, [Analysis.from_dict(a) for a in items])
    link_pending(store, rebuild=True)
    out = _stories(store), _index(store)
    store.close()
    return out


def _runs(store: Any, runs: list[list[dict[str, Any]]]) -> None:
    for run in runs:
        ingest(store, [Analysis.from_dict(a) for a in run])
        link_pending(store)


@pytest.mark.parametrize("order", ["published", "shuffled", "reversed", "late-one"])
def test_runs_in_any_order_give_the_stories_of_a_rebuild(items: list[dict[str, Any]], rebuilt: Any,
                                                         order: str) -> None:  # fmt: skip
    stories, index = rebuilt
    assert len(stories) > 50 and any(len(s["articles"]) > 3 for s in stories)
    if order == "published":  # no rewind: each run's articles come after the linked ones
        runs = [items[i : i + 100] for i in range(0, N, 100)]
    elif order == "shuffled":
        shuffled = random.Random(7).sample(items, len(items))
        runs = [shuffled[i : i + 80] for i in range(0, N, 80)]
    elif order == "reversed":
        runs = [items[i : i + 100] for i in range(0, N, 100)][::-1]
    else:  # all but one article, then the one (a short rewind)
        late = items[N - 40]
        runs = [[a for a in items if a is not late], [late]]
    store = fresh_store()
    _runs(store, runs)
    assert _stories(store) == stories
    assert _index(store) == index
    assert link_pending(store).articles == 0
    store.close()


def test_a_reanalysed_article_rewinds_to_its_old_place(items: list[dict[str, Any]], rebuilt: Any) -> None:
    stories, _ = rebuilt
    store = fresh_store()
    _runs(store, [items])
    changed = dict(items[N // 2], title="A new title, the same report")
    _runs(store, [[changed]])
    _runs(store, [[items[N // 2]]])  # and back
    assert _stories(store) == stories
    store.close()
