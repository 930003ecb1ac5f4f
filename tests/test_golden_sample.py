"""The sample corpus, right: what a careful reader finds in each bundled article.

Every article of ``fogofwar.sample`` has ``tests/golden/<id>.toml`` stating facts about it, and each
fact is its own test case, with an id such as ``kharkiv-strike::event::drone-strike::fatalities``.
The whole corpus is analysed once per module.

Golden file format (docs/sample.md has the full description):

- An anchor is an exact piece of the article's text, matched as whole words; ``occurrence`` picks
  the n-th match (0 = first; ``"all"`` = every match, for negatives). An output span matches an
  anchor when the two overlap.
- A checked value given as a list means "one of these"; the string ``"null"`` means None.
- ``[[places]]``, ``[[dates]]``, ``[[entities]]``, ``[[cues]]``: the item whose span overlaps the
  anchor ``text``, then field checks.
- ``[[claims]]``: located by ``source`` / ``cue`` / ``content_at`` anchors (a list: any of them) and
  ``content`` (a substring the content must hold).
- ``[[events]]``: located by the ``mention`` anchor (else by ``place_id`` plus ``event_type``).
- ``[[counts]]``: exactly ``exactly`` events pass the given filters.
- ``[[not_places]]``, ``[[no_events]]``: nothing there.
Where several outputs match a locator, the one meeting the most checks is judged.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fogofwar.sample import build_jsonl, jsonl_lines, sample_articles, sample_dir
from fogofwar.schema import ACLED_TAXONOMY, Analysis, Claim, Event

GOLDEN_DIR = Path(__file__).parent / "golden"
ARTICLES = {a.id: a for a in sample_articles()}
GOLDEN: dict[str, dict[str, Any]] = {
    p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN_DIR.glob("*.toml"))
}
# The keys of a golden item that locate it; every other key is a check.
LOCATORS = {
    "places": {"text", "occurrence", "why"},
    "dates": {"text", "occurrence", "why"},
    "entities": {"text", "occurrence", "why"},
    "cues": {"text", "occurrence", "why"},
    "claims": {"name", "source", "cue", "content_at", "content", "occurrence", "source_occurrence",
               "cue_occurrence", "content_at_occurrence", "why"},
    "events": {"name", "mention", "occurrence", "why"},
}
# Keys that qualify another check rather than being checks themselves.
OPTIONS = {"within_km", "or_within_km", "place_within_km", "place_or_within_km"}
SINGULAR = {"places": "place", "dates": "date", "entities": "entity", "cues": "cue", "claims": "claim",
            "events": "event"}


# --- anchors and values ---------------------------------------------------------------------------


def anchor_spans(text: str, anchor: str, occurrence: int | str = 0) -> list[tuple[int, int]]:
    """Where ``anchor`` stands in ``text`` as whole words: the chosen match, or every match."""
    pattern = re.compile(r"(?<!\w)" + re.escape(anchor) + r"(?!\w)")
    spans = [m.span() for m in pattern.finditer(text)]
    if occurrence == "all":
        return spans
    assert isinstance(occurrence, int)
    if occurrence >= len(spans):
        raise AssertionError(f"golden anchor {anchor!r} #{occurrence} not in the text ({len(spans)} found)")
    return [spans[occurrence]]


def overlaps(obj: Any, span: tuple[int, int]) -> bool:
    return obj is not None and obj.start < span[1] and span[0] < obj.end


def norm(s: str) -> str:
    """Text compared leniently: curly quotes straightened, whitespace collapsed, case folded."""
    s = s.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))
    return " ".join(s.split()).casefold()


def want(expected: Any) -> list[Any]:
    values = expected if isinstance(expected, list) else [expected]
    return [None if v == "null" else v for v in values]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlon = math.radians(lon2 - lon1)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# --- checks: each returns None when right, else what was found instead ----------------------------

Check = Callable[[Any, Analysis], str | None]


def field_check(attr: str, expected: Any) -> Check:
    def check(obj: Any, _: Analysis) -> str | None:
        got = getattr(obj, attr)
        return None if got in want(expected) else f"{attr} = {got!r}"

    return check


def contains_check(attr: str, expected: str) -> Check:
    def check(obj: Any, _: Analysis) -> str | None:
        got = getattr(obj, attr)
        return None if got is not None and norm(expected) in norm(got) else f"{attr} = {got!r}"

    return check


def place_checks(key: str, value: Any, item: dict[str, Any]) -> Check:
    """Checks on a place. ``geonameid`` also accepts a point within ``or_within_km`` of ``point``."""
    if key == "geonameid":
        def by_id(p: Any, _: Analysis) -> str | None:
            if p is None:
                return "no place"
            if p.geonameid in want(value):
                return None
            if "or_within_km" in item and p.lat is not None and p.lon is not None:
                if km(p.lat, p.lon, *item["point"]) <= item["or_within_km"]:
                    return None
            return f"geonameid = {p.geonameid!r} ({p.name!r}, {p.country_code!r}, {p.lat!r}, {p.lon!r})"
        return by_id
    if key == "point":
        def by_point(p: Any, _: Analysis) -> str | None:
            if p is None or p.lat is None or p.lon is None:
                return f"no coordinates on {p!r}"
            d = km(p.lat, p.lon, *value)
            limit = item.get("within_km", item.get("or_within_km", 5.0))
            return None if d <= limit else f"({p.lat}, {p.lon}) is {d:.0f} km away"
        return by_point
    plain = field_check(key, value)
    return lambda p, a: "no place" if p is None else plain(p, a)


def claim_check(key: str, value: Any, item: dict[str, Any], golden: dict[str, Any]) -> Check:
    if key in ("kind", "side", "canonical"):
        def on_source(c: Claim, _: Analysis) -> str | None:
            got = c.source and getattr(c.source, key)
            source = c.source and c.source.text
            return None if got in want(value) else f"source.{key} = {got!r} (source {source!r})"
        return on_source
    if key == "role":
        def role(c: Claim, _: Analysis) -> str | None:
            got = c.source and c.source.role
            return None if got and norm(value) in norm(got) else f"source.role = {got!r}"
        return role
    if key == "source_is":
        return lambda c, _: None if value != "null" or c.source is None else f"source = {c.source.text!r}"
    if key == "same_source_as":
        other = next(o for o in golden["claims"] if o.get("name") == value)

        def same(c: Claim, a: Analysis) -> str | None:
            others = locate_claims(other, a)
            mine = c.source and c.source.canonical
            theirs = {o.source.canonical for o in others if o.source}
            shown = sorted(map(str, theirs))
            return None if mine and mine in theirs else f"canonical {mine!r}; {value}'s: {shown}"
        return same
    if key == "content_covers":
        def covers(c: Claim, a: Analysis) -> str | None:
            missing = [t for t in value if not any(overlaps(c.content, s) for s in anchor_spans(a.text, t))]
            return None if not missing else f"content {c.content.text!r} misses {missing}"
        return covers
    if key == "parts_min":
        return lambda c, _: (None if c.content.parts and len(c.content.parts) >= value
                             else f"content.parts = {c.content.parts!r}")
    if key == "cue_text":
        cues = [norm(v) for v in want(value)]
        return lambda c, _: None if c.cue and norm(c.cue.text) in cues else f"cue = {c.cue!r}"
    return field_check(key, value)


def event_check(key: str, value: Any, item: dict[str, Any]) -> Check:
    if key.startswith("place_"):
        # The event's place, checked as a [[places]] item with the prefix dropped.
        sub = {k.removeprefix("place_"): v for k, v in item.items() if k.startswith("place_")}
        sub["geonameid"] = sub.pop("id", None)
        inner = place_checks("geonameid" if key == "place_id" else key.removeprefix("place_"), value, sub)
        return lambda e, a: inner(e.place, a)
    if key in ("date", "date_precision"):
        attr = "value" if key == "date" else "precision"
        return lambda e, _: None if e.date and getattr(e.date, attr) in want(value) else f"date = {e.date!r}"
    if key == "actor_sides_include":
        return lambda e, _: (None if set(value) <= {x.side for x in e.actors}
                             else f"actors = {[(x.text, x.side) for x in e.actors]}")
    if key == "mentions_include":
        def mentions(e: Event, a: Analysis) -> str | None:
            missing = [m["text"] for m in value
                       if not any(overlaps(x, s) for x in e.mentions
                                  for s in anchor_spans(a.text, m["text"], m.get("occurrence", 0)))]
            return None if not missing else f"missing {missing}; mentions = {[x.text for x in e.mentions]}"
        return mentions
    if key == "claim_sources_include":
        def sources(e: Event, a: Analysis) -> str | None:
            by_id = {c.id: c for c in a.claims}
            linked = [by_id[i].source for i in e.claim_ids if i in by_id and by_id[i].source]
            missing = [t for t in value
                       if not any(overlaps(s, span) for s in linked for span in anchor_spans(a.text, t))]
            return None if not missing else f"missing {missing}; linked sources = {[s.text for s in linked]}"
        return sources
    if key.startswith("territory_") or key.startswith("controller_"):
        attr = key.removeprefix("territory_")
        def territory(e: Event, _: Analysis) -> str | None:
            got = getattr(e.territory_change, attr) if e.territory_change else "no territory_change"
            return None if got in want(value) else f"territory_change.{attr} = {got!r}"
        return territory
    return field_check(key, value)


# --- locating the judged output -------------------------------------------------------------------


def spans_of(item: dict[str, Any], key: str, text: str) -> list[tuple[int, int]]:
    anchors = want(item[key])
    occ = item.get(f"{key}_occurrence", item.get("occurrence", 0) if key in ("text", "mention") else 0)
    return [s for anchor in anchors for s in anchor_spans(text, anchor, occ)]


def locate_claims(item: dict[str, Any], a: Analysis) -> list[Claim]:
    found = list(a.claims)
    for key, attr in (("source", "source"), ("cue", "cue"), ("content_at", "content")):
        if key in item:
            spans = spans_of(item, key, a.text)
            found = [c for c in found if any(overlaps(getattr(c, attr), s) for s in spans)]
    if "content" in item:
        found = [c for c in found if norm(item["content"]) in norm(c.content.text)]
    return found


def locate(section: str, item: dict[str, Any], a: Analysis) -> list[Any]:
    if section == "claims":
        return locate_claims(item, a)
    if section == "events":
        spans = spans_of(item, "mention", a.text)
        found = [e for e in a.events if any(overlaps(m, s) for m in e.mentions for s in spans)]
        if not found and "place_id" in item:
            found = [e for e in a.events if e.place and e.place.geonameid in want(item["place_id"])
                     and e.event_type in want(item.get("event_type", [e.event_type]))]
        return found
    attr = {"places": "places", "dates": "dates", "entities": "entities", "cues": "uncertainty_cues"}[section]
    spans = spans_of(item, "text", a.text)
    return [x for x in getattr(a, attr) if any(overlaps(x, s) for s in spans)]


def describe(section: str, a: Analysis) -> str:
    if section == "claims":
        return "; ".join(
            f"[{c.source and c.source.text!r} / {c.cue and c.cue.text!r}: {c.content.text[:50]!r}]"
            for c in a.claims
        ) or "no claims"
    if section == "events":
        return "; ".join(
            f"[{e.sub_event_type} @ {e.place and e.place.text!r}: {[m.text for m in e.mentions]}]"
            for e in a.events
        ) or "no events"
    attr = {"places": "places", "dates": "dates", "entities": "entities", "cues": "uncertainty_cues"}[section]
    return repr([x.text for x in getattr(a, attr)])


@dataclass(frozen=True)
class Fact:
    article: str
    section: str
    item: dict[str, Any]
    check: str  # the checked key, or "found"

    @property
    def label(self) -> str:
        name = self.item.get("name") or self.item.get("text") or self.item.get("mention") or "?"
        name = str(name if not isinstance(name, list) else name[0]).replace(" ", "_")
        if self.item.get("occurrence"):
            name += f"#{self.item['occurrence']}"
        return f"{self.article}::{SINGULAR[self.section]}::{name}::{self.check}"


def make_check(fact: Fact) -> Check:
    key, value, golden = fact.check, fact.item.get(fact.check), GOLDEN[fact.article]
    if fact.section == "places":
        return place_checks(key, value, fact.item)
    if fact.section == "claims":
        return claim_check(key, value, fact.item, golden)
    if fact.section == "events":
        return event_check(key, value, fact.item)
    if key == "role":
        return contains_check("role", value)
    return field_check(key, value)


def check_keys(section: str, item: dict[str, Any]) -> list[str]:
    return [k for k in item if k not in LOCATORS[section] and k not in OPTIONS]


def facts() -> Iterator[Fact]:
    for article, golden in GOLDEN.items():
        for section in LOCATORS:
            for item in golden.get(section, []):
                yield Fact(article, section, item, "found")
                for key in check_keys(section, item):
                    yield Fact(article, section, item, key)


FACTS = list(facts())
NEGATIVES = [(article, kind, item) for article, golden in GOLDEN.items()
             for kind in ("not_places", "no_events", "counts") for item in golden.get(kind, [])]


@pytest.fixture(scope="module")
def analyses(analyzer: Any) -> dict[str, Analysis]:
    return {a.id: a for a in analyzer.analyze_many(sample_articles())}


# --- the golden files themselves --------------------------------------------------------------------


def test_every_sample_article_has_a_golden_file() -> None:
    assert sorted(GOLDEN) == sorted(ARTICLES)


def test_fact_ids_are_unique() -> None:
    labels = [f.label for f in FACTS]
    assert sorted({x for x in labels if labels.count(x) > 1}) == []


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ('[[article]]\nid = "a"\n[[article]]\nid = "a"\n', "appears twice"),
        ('[[article]]\nid = "missing"\n', "has no missing.txt"),
        ('[[article]]\nid = "a"\nauthor = "x"\n', "unknown keys ['author']"),
        ('[[article]]\npublished = "2025-01-01"\n', "needs a string id"),
    ],
)
def test_a_broken_manifest_says_what_is_wrong(tmp_path: Path, manifest: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(manifest, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        build_jsonl(tmp_path)


def test_build_jsonl_keeps_the_text_exactly(tmp_path: Path) -> None:
    text = "Line one\r\nline two \u2019quoted\u2019\n"
    (tmp_path / "a.txt").write_bytes(text.encode())
    manifest = '[[article]]\nid = "a"\npublished = "2025-01-02"\n'
    (tmp_path / "manifest.toml").write_text(manifest, encoding="utf-8")
    record = json.loads(build_jsonl(tmp_path).read_text(encoding="utf-8"))
    expected = {"id": "a", "text": text, "published": "2025-01-02", "url": None, "outlet": None}
    expected["title"] = None
    assert record == expected


def test_articles_jsonl_matches_the_texts_and_manifest() -> None:
    shipped = (sample_dir() / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert shipped == jsonl_lines(), "articles.jsonl is stale: run `python -m fogofwar.sample`"


@pytest.mark.parametrize("article", sorted(GOLDEN))
def test_golden_anchors_are_in_the_text(article: str) -> None:
    text, golden = ARTICLES[article].text, GOLDEN[article]
    for section in (*LOCATORS, "not_places", "no_events", "counts"):
        for item in golden.get(section, []):
            for key in ("text", "mention", "source", "cue", "content_at"):
                if key in item:
                    spans_of(item, key, text)  # raises when the anchor is missing
            if "content" in item:
                assert norm(item["content"]) in norm(text), f"{article}: {item['content']!r} not in the text"
            if section == "claims" and "source" in item and "cue" in item:
                # Guards against a cue anchor pointing at another sentence's "said".
                gap = min(abs(s[0] - c[0]) for s in spans_of(item, "source", text)
                          for c in spans_of(item, "cue", text))
                assert gap < 250, f"{article}: claim {item.get('name')}: source and cue {gap} chars apart"
            for m in item.get("mentions_include", []):
                anchor_spans(text, m["text"], m.get("occurrence", 0))
            for sub in ("sub_event_type",):
                if sub in item:
                    assert all(s in {x for v in ACLED_TAXONOMY.values() for x in v} for s in want(item[sub]))


# --- the facts --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fact", FACTS, ids=[f.label for f in FACTS])
def test_fact(fact: Fact, analyses: dict[str, Analysis]) -> None:
    a = analyses[fact.article]
    found = locate(fact.section, fact.item, a)
    where = {k: v for k, v in fact.item.items() if k in LOCATORS[fact.section] and k != "why"}
    assert found, f"no {SINGULAR[fact.section]} at {where}; found instead: {describe(fact.section, a)}"
    if fact.check == "found":
        return
    checks = {k: make_check(Fact(fact.article, fact.section, fact.item, k))
              for k in check_keys(fact.section, fact.item)}
    # Judge the located output that meets the most checks.
    best = max(found, key=lambda x: sum(c(x, a) is None for c in checks.values()))
    problem = checks[fact.check](best, a)
    assert problem is None, (
        f"{fact.label}: expected {fact.check} = {fact.item[fact.check]!r} at {where}; found {problem}"
        + (f" ({fact.item['why']})" if "why" in fact.item else "")
    )


def _event_filter(item: dict[str, Any], a: Analysis) -> list[Event]:
    found = list(a.events)
    for key in ("event_type", "sub_event_type", "context"):
        if key in item:
            found = [e for e in found if getattr(e, key) in want(item[key])]
    if "place_id" in item:
        found = [e for e in found if e.place and e.place.geonameid in want(item["place_id"])]
    if "text" in item:
        spans = anchor_spans(a.text, item["text"], item.get("occurrence", "all"))
        found = [e for e in found if any(overlaps(m, s) for m in e.mentions for s in spans)]
    return found


@pytest.mark.parametrize(
    ("article", "kind", "item"), NEGATIVES,
    ids=[f"{a}::{k}::{str(i.get('name') or i.get('text')).replace(' ', '_')}" for a, k, i in NEGATIVES],
)
def test_negative(article: str, kind: str, item: dict[str, Any], analyses: dict[str, Analysis]) -> None:
    a = analyses[article]
    if kind == "not_places":
        spans = anchor_spans(a.text, item["text"], item.get("occurrence", "all"))
        wrong = [(p.text, p.start) for p in a.places if any(overlaps(p, s) for s in spans)]
        assert not wrong, f"{item['text']!r} is not a place, but places were listed: {wrong}"
    elif kind == "no_events":
        wrong = _event_filter(item, a)
        found = [(e.sub_event_type, e.context, [m.text for m in e.mentions]) for e in wrong]
        assert not wrong, f"no event expected at {item}; found {found}"
    else:
        found = _event_filter(item, a)
        assert len(found) == item["exactly"], (
            f"expected exactly {item['exactly']} event(s) with {item}; found {len(found)}: "
            f"{[(e.sub_event_type, e.place and e.place.text, e.context) for e in found]}"
        )
