"""The multi-article scenario in tests/data/stories: linking must give the designed stories.

The corpus is ingested through the command line (``fogofwar ingest``, then ``fogofwar stories
--json``) and every story of ``expected.toml`` is looked for in the output: matched by event
(sub-event type and place) and shared articles, then its articles, origins, independent-source
count, contradictions, status and timeline are compared. Ingesting in another order, or one
article at a time, must give the same stories.
"""

from __future__ import annotations

import json
import random
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fogofwar.cli import main

DATA = Path(__file__).parent / "data" / "stories"
ARTICLES = DATA / "articles.jsonl"
EXPECTED: dict[str, Any] = tomllib.loads((DATA / "expected.toml").read_text(encoding="utf-8"))
DESIGNED: list[dict[str, Any]] = EXPECTED["story"]
NOISE: list[str] = EXPECTED["noise"]["articles"]


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, f"fogofwar {' '.join(args)} exited {result.exit_code}: {result.output}"
    return result.output


def _stories(db: Path) -> list[dict[str, Any]]:
    out = _cli("stories", "--db", str(db), "--json")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _article_of(claim_id: str) -> str:
    return claim_id.rsplit(":", 1)[0]


# fixtures: one analysis of the corpus, ingested four ways


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("analyses") / "analyses.jsonl"
    _cli("analyze", "--jsonl", str(ARTICLES), "--out", str(out))
    return [line for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    db = tmp_path_factory.mktemp("batch") / "ledger.db"
    _cli("ingest", "--db", str(db), str(ARTICLES))
    return _stories(db)


def _ingest_analyses(folder: Path, groups: list[list[str]]) -> list[dict[str, Any]]:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "ledger.db"
    for n, lines in enumerate(groups):
        part = folder / f"part{n:03d}.jsonl"
        part.write_text("\n".join(lines) + "\n", encoding="utf-8")
        _cli("ingest", "--db", str(db), "--analyses", str(part))
    return _stories(db)


def _canonical(stories: list[dict[str, Any]]) -> list[str]:
    """Stories as comparable strings: the story id may depend on the order of ingestion."""
    out = []
    for s in stories:
        s = {k: v for k, v in s.items() if k != "id"}
        s["articles"] = sorted(s.get("articles") or [])
        s["claims"] = sorted(s.get("claims") or [])
        s["contradictions"] = sorted(sorted(pair) for pair in s.get("contradictions") or [])
        s["origins"] = sorted(
            ({**o, "articles": sorted(o.get("articles") or [])} for o in s.get("origins") or []),
            key=lambda o: json.dumps(o, sort_keys=True),
        )
        out.append(json.dumps(s, sort_keys=True, ensure_ascii=False))
    return sorted(out)


# the corpus itself


def test_corpus_is_well_formed() -> None:
    lines = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    ids = [a["id"] for a in lines]
    assert len(ids) >= 30 and len(set(ids)) == len(ids)
    for a in lines:
        assert set(a) == {"id", "text", "published", "url", "outlet", "title"}, a["id"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", a["published"]), a["id"]
    designed = [i for s in DESIGNED for i in s["articles"]]
    assert len(designed) == len(set(designed)), "an article belongs to two designed stories"
    assert set(designed) | set(NOISE) == set(ids), "every article is designed or noise"
    for s in DESIGNED:
        named = {i for o in s["origin"] for i in o["articles"]} | {t for t in s["timeline"] for t in t["article"]}
        assert named <= set(s["articles"]), s["key"]
        assert s["timeline"][-1]["status"] == s["status"], s["key"]


# the designed stories


def _match(expected: dict[str, Any], stories: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The produced story of the expected one's event that shares most of its articles."""
    want = set(expected["articles"])
    candidates = [
        s for s in stories
        if s.get("sub_event_type") == expected["sub_event_type"]
        and (s.get("place") or {}).get("geonameid") == expected["geonameid"]
        and want & set(s.get("articles") or [])
    ]
    return max(candidates, key=lambda s: len(want & set(s["articles"])), default=None)


def _origin_problems(expected: dict[str, Any], story: dict[str, Any]) -> list[str]:
    problems = []
    produced = list(story.get("origins") or [])
    for want in expected["origin"]:
        hits = [o for o in produced if re.search(want["match"], o.get("name") or "", re.I)]
        hit = next((o for o in hits if o.get("side") == want["side"]), None)
        if hit is None:
            problems.append(f"no origin {want['name']!r} (side {want['side']})")
            continue
        produced.remove(hit)
        if hit.get("type") not in want["type"]:
            problems.append(f"origin {hit['name']!r}: type {hit.get('type')!r}, expected one of {want['type']}")
        missing = set(want["articles"]) - set(hit.get("articles") or [])
        if missing:
            problems.append(f"origin {hit['name']!r} lacks articles {sorted(missing)}")
    for extra in produced:
        problems.append(f"unexpected origin {extra.get('name')!r} ({extra.get('side')}, {extra.get('articles')})")
    return problems


def _contradiction_problems(expected: dict[str, Any], story: dict[str, Any]) -> list[str]:
    pairs = [(_article_of(a), _article_of(b)) for a, b in story.get("contradictions") or []]
    wanted = expected.get("contradiction", [])
    if not wanted:
        return [f"unexpected contradictions {pairs}"] if pairs else []
    problems = []
    for want in wanted:
        left, right = set(want["between"]), set(want["and"])
        if not any((a in left and b in right) or (b in left and a in right) for a, b in pairs):
            problems.append(f"no contradiction between {sorted(left)} and {sorted(right)} (got {pairs})")
    return problems


def _timeline_problems(expected: dict[str, Any], story: dict[str, Any]) -> list[str]:
    got = [(t.get("date"), t.get("status"), t.get("article")) for t in story.get("timeline") or []]
    want = expected["timeline"]
    ok = len(got) == len(want) and all(
        g[0] == w["date"] and g[1] == w["status"] and g[2] in w["article"] for g, w in zip(got, want, strict=True)
    )
    return [] if ok else [f"timeline {got}, expected {[(w['date'], w['status'], w['article']) for w in want]}"]


def _problems(expected: dict[str, Any], story: dict[str, Any]) -> list[str]:
    problems = []
    for field in ("event_type", "status", "independent_sources"):
        if story.get(field) != expected[field]:
            problems.append(f"{field} {story.get(field)!r}, expected {expected[field]!r}")
    if (story.get("date") or {}).get("value") != expected["date"]:
        problems.append(f"date {story.get('date')}, expected {expected['date']}")
    got, want = set(story.get("articles") or []), set(expected["articles"])
    if got != want:
        problems.append(f"articles: missing {sorted(want - got)}, extra {sorted(got - want)}")
    problems += _origin_problems(expected, story)
    problems += _contradiction_problems(expected, story)
    problems += _timeline_problems(expected, story)
    return problems


@pytest.mark.parametrize("expected", DESIGNED, ids=[s["key"] for s in DESIGNED])
def test_designed_story(expected: dict[str, Any], stories: list[dict[str, Any]]) -> None:
    story = _match(expected, stories)
    if story is None:
        near = [
            (s.get("sub_event_type"), (s.get("place") or {}).get("geonameid"), s.get("articles"))
            for s in stories if set(expected["articles"]) & set(s.get("articles") or [])
        ]
        pytest.fail(f"{expected['key']}: no story of its event; stories with its articles: {near}")
    problems = _problems(expected, story)
    assert not problems, f"{expected['key']} (story {story.get('id')}):\n  " + "\n  ".join(problems)


def test_noise_joins_no_designed_story(stories: list[dict[str, Any]]) -> None:
    designed = {i for s in DESIGNED for i in s["articles"]}
    mixed = [s["articles"] for s in stories if set(s["articles"]) & set(NOISE) and set(s["articles"]) & designed]
    assert not mixed, f"noise linked with designed articles: {mixed}"


def test_two_strikes_on_one_town_stay_apart(stories: list[dict[str, Any]]) -> None:
    first, second = ({"kram-oct2", "kram-oct2-gov"}, {"kram-oct6", "kram-oct6-copy"})
    merged = [s["articles"] for s in stories if first & set(s["articles"]) and second & set(s["articles"])]
    assert not merged, f"the strikes of 2 and 6 October became one story: {merged}"


# order does not matter


def test_shuffled_order_gives_the_same_stories(analyses: list[str], tmp_path: Path) -> None:
    batch = _ingest_analyses(tmp_path / "batch", [analyses])
    for seed in (1, 2):
        shuffled = analyses[:]
        random.Random(seed).shuffle(shuffled)
        folder = tmp_path / f"shuffled{seed}"
        assert _canonical(_ingest_analyses(folder, [shuffled])) == _canonical(batch), f"shuffle seed {seed}"


def test_one_article_at_a_time_gives_the_same_stories(analyses: list[str], tmp_path: Path) -> None:
    # in the corpus's order, which is roughly the order of publication, as a ledger grows
    batch = _ingest_analyses(tmp_path / "batch", [analyses])
    incremental = _ingest_analyses(tmp_path / "incremental", [[line] for line in analyses])
    assert _canonical(incremental) == _canonical(batch)
