"""The linking benchmark's generator (benchmarks/linkgen.py): valid, deterministic, as designed."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from fogofwar.validate import validate

N = 3000


def _load() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "linkgen.py"
    spec = importlib.util.spec_from_file_location("linkgen", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["linkgen"] = module  # dataclasses resolve their annotations through sys.modules
    spec.loader.exec_module(module)
    return module


linkgen = _load()


@pytest.fixture(scope="module")
def items() -> list[dict[str, Any]]:
    return list(linkgen.generate(N, seed=7))


def test_same_seed_same_output_other_seed_other_output(items: list[dict[str, Any]]) -> None:
    again = list(itertools.islice(linkgen.generate(N, seed=7), 200))
    assert again == items[:200]
    other = list(itertools.islice(linkgen.generate(N, seed=8), 200))
    assert [a["text"] for a in other] != [a["text"] for a in items[:200]]


def test_exactly_n_in_order_of_publication(items: list[dict[str, Any]]) -> None:
    assert len(items) == N
    assert len({a["id"] for a in items}) == N
    dates = [a["published"] for a in items]
    assert dates == sorted(dates)


@pytest.mark.parametrize("index", [0, 1, 2, 50, 333, 1000, 2999])
def test_samples_are_valid_analyses(items: list[dict[str, Any]], index: int) -> None:
    assert validate(items[index]) == []


def test_every_hundredth_is_valid(items: list[dict[str, Any]]) -> None:
    problems = {a["id"]: validate(a) for a in items[::100]}
    assert not {k: v for k, v in problems.items() if v}


def test_one_in_five_is_a_near_duplicate_with_the_same_claims(items: list[dict[str, Any]]) -> None:
    by_id = {a["id"]: a for a in items}
    copies = [a for a in items if a["_copy_of"]]
    assert 0.18 <= len(copies) / N <= 0.22
    for copy in copies[:100]:
        original = by_id[copy["_copy_of"]]
        assert copy["_story"] == original["_story"] and copy["outlet"] is not None
        assert [c["content"]["text"] for c in copy["claims"]] == [c["content"]["text"] for c in original["claims"]]
        assert copy["text"] != original["text"] or copy["outlet"] != original["outlet"]


def test_stories_share_places_and_dates_and_sides(items: list[dict[str, Any]]) -> None:
    events = [e for a in items for e in a["events"]]
    assert all(e["_story"] for e in events)
    stories = {e["_story"] for e in events}
    assert len(stories) < len(events) / 2, "most stories have several articles"
    per_block = Counter((e["place"]["geonameid"], e["sub_event_type"], (e["date"] or {}).get("value")) for e in events)
    distinct: dict[tuple[int, str], set[str]] = {}
    for e in events:
        distinct.setdefault((e["place"]["geonameid"], e["sub_event_type"]), set()).add(e["_story"])
    assert max(per_block.values()) > 5 and any(len(s) > 10 for s in distinct.values()), "blocking alone must not do"
    sides = Counter(c["source"]["side"] for a in items for c in a["claims"] if c["source"])
    assert {"russia", "ukraine", "independent", "international"} <= set(sides)
    assert any(c["status"] == "denied" for a in items for c in a["claims"])
    spellings = {(p["geonameid"], p["text"]) for a in items for p in a["places"]}
    assert len(spellings) > len({g for g, _ in spellings}), "some places are written in several ways"


def test_noise_has_no_story(items: list[dict[str, Any]]) -> None:
    noise = [a for a in items if a["_story"] is None]
    assert 0.03 <= len(noise) / N <= 0.09
    assert all(not a["events"] for a in noise)


def _stories_by(items: list[dict[str, Any]], key: Any) -> list[dict[str, Any]]:
    groups: dict[Any, list[str]] = {}
    for a in items:
        for e in a["events"]:
            groups.setdefault(key(e), []).extend(e["claim_ids"])
    return [{"claims": claims} for claims in groups.values()]


def test_bcubed_scores_truth_singletons_and_one_lump(items: list[dict[str, Any]]) -> None:
    perfect = linkgen.bcubed(_stories_by(items, lambda e: e["_story"]), items)
    assert perfect["precision"] == perfect["recall"] == perfect["f1"] == 1.0
    alone = linkgen.bcubed(_stories_by(items, lambda e: e["id"]), items)
    assert alone["precision"] == 1.0 and alone["recall"] < 0.6
    lump = linkgen.bcubed(_stories_by(items, lambda e: 0), items)
    assert lump["recall"] == 1.0 and lump["precision"] < 0.01
    assert linkgen.bcubed([], items)["precision"] == 1.0  # nothing linked: every event alone
