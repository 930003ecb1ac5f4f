"""Events on real pages: precision and recall against our own gold (docs/realpages.md).

    fogofwar evaluate realpages --data ../shared/data

The pages are real war reporting in ``../shared/data/news`` (menus, captions, "related" lines and
background paragraphs included); the gold in ``benchmarks/realpages/gold-*.jsonl`` holds ids,
offsets and labels only, checked against the texts by a SHA-1 of every span.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fogofwar.analyze import Analyzer
from fogofwar.evaluate.corpora import need
from fogofwar.gazetteer.base import distance_km
from fogofwar.schema import EVENT_TYPE_OF, Analysis, Article, Event

log = logging.getLogger(__name__)

GOLD_DIR = Path(__file__).resolve().parents[3] / "benchmarks" / "realpages"
MATCH_KM = 25.0


class GoldError(ValueError):
    """A gold file that does not fit the texts it points into."""


@dataclass(frozen=True)
class GoldEvent:
    sub_event_type: str
    background: bool
    lat: float | None
    lon: float | None
    geonameid: int | None
    date: str | None
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldPage:
    id: str
    events: tuple[GoldEvent, ...]
    furniture: tuple[tuple[int, int], ...]
    non_events: tuple[tuple[int, int], ...]


def span_sha1(text: str, start: int, end: int) -> str:
    return hashlib.sha1(text[start:end].encode("utf-8")).hexdigest()[:10]


def _spans(items: Iterable[dict[str, Any]], text: str, where: str) -> tuple[tuple[int, int], ...]:
    out = []
    for item in items:
        start, end = int(item["start"]), int(item["end"])
        if not 0 <= start < end <= len(text):
            raise GoldError(f"{where}: span {start}:{end} outside the text (length {len(text)})")
        if item.get("sha1") and span_sha1(text, start, end) != item["sha1"]:
            raise GoldError(f"{where}: span {start}:{end} does not match its sha1 (has the text changed?)")
        out.append((start, end))
    return tuple(out)


def load_gold(texts: dict[str, Article], gold_dir: Path = GOLD_DIR) -> list[GoldPage]:
    files = sorted(gold_dir.glob("gold-*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no gold files (gold-*.jsonl) in {gold_dir}")
    pages: list[GoldPage] = []
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            where = f"{path.name}:{n} ({row.get('id')})"
            article = texts.get(row["id"])
            if article is None:
                raise GoldError(f"{where}: no article with this id in the news data")
            events = []
            for ev in row.get("events", ()):
                if ev["sub_event_type"] not in EVENT_TYPE_OF:
                    raise GoldError(f"{where}: unknown sub-event type {ev['sub_event_type']!r}")
                place = ev.get("place") or {}
                events.append(GoldEvent(
                    sub_event_type=ev["sub_event_type"],
                    background=bool(ev.get("background")),
                    lat=place.get("lat"), lon=place.get("lon"), geonameid=place.get("geonameid"),
                    date=ev.get("date"),
                    spans=_spans(ev.get("evidence", ()), article.text, where),
                ))
            pages.append(GoldPage(
                id=row["id"], events=tuple(events),
                furniture=_spans(row.get("furniture", ()), article.text, where),
                non_events=_spans(row.get("non_events", ()), article.text, where),
            ))
    ids = [p.id for p in pages]
    if len(ids) != len(set(ids)):
        raise GoldError("a page is annotated twice in the gold files")
    return pages


def place_matches(ev: Event, gold: GoldEvent) -> bool:
    if gold.lat is None or gold.lon is None:
        return True
    place = ev.place
    if place is None or place.lat is None or place.lon is None:
        return False
    if gold.geonameid is not None and place.geonameid == gold.geonameid:
        return True
    return distance_km(place.lat, place.lon, gold.lat, gold.lon) <= MATCH_KM


def date_matches(ev: Event, gold: GoldEvent) -> bool:
    if not gold.date:
        return True
    value = ev.date.value if ev.date is not None else None
    if not value:
        return False
    if len(gold.date) == 10 and len(value) == 10:
        return abs((dt.date.fromisoformat(value) - dt.date.fromisoformat(gold.date)).days) <= 1
    return value[: len(gold.date)] == gold.date  # a prediction less precise than the gold is wrong


def _match(pred: Sequence[Event], gold: Sequence[GoldEvent], same: Any) -> int:
    """Greedy one-to-one matching; the number of matched pairs."""
    used: set[int] = set()
    matched = 0
    for ev in pred:
        for i, g in enumerate(gold):
            if i not in used and same(ev, g):
                used.add(i)
                matched += 1
                break
    return matched


def _strict(ev: Event, g: GoldEvent) -> bool:
    return ev.sub_event_type == g.sub_event_type and place_matches(ev, g) and date_matches(ev, g)


def _on_furniture(ev: Event, furniture: Sequence[tuple[int, int]]) -> bool:
    return any(m.start < e and s < m.end for m in ev.mentions for s, e in furniture)


def score(pages: Sequence[GoldPage], analyses: dict[str, Analysis], details: list[dict[str, Any]] | None = None
          ) -> dict[str, float]:
    n_pred = n_gold = hits = hits_type = hits_sub = 0
    n_all = on_furniture = bg_pred = bg_hits = n_bg_gold = 0
    for page in pages:
        events = analyses[page.id].events
        happened = [e for e in events if e.context == "happened"]
        news = [e for e in happened if not e.background]
        background = [e for e in happened if e.background]
        gold_news = [g for g in page.events if not g.background]
        gold_bg = [g for g in page.events if g.background]
        n_all += len(events)
        on_furniture += sum(_on_furniture(e, page.furniture) for e in events)
        n_pred += len(news)
        n_gold += len(gold_news)
        matched = _match(news, gold_news, _strict)
        hits += matched
        hits_type += _match(news, gold_news, lambda e, g: e.event_type == EVENT_TYPE_OF[g.sub_event_type])
        hits_sub += _match(news, gold_news, lambda e, g: e.sub_event_type == g.sub_event_type)
        bg_pred += len(background)
        n_bg_gold += len(gold_bg)
        bg_hits += _match(background, gold_bg, lambda e, g: e.sub_event_type == g.sub_event_type and date_matches(e, g))
        if details is not None:
            details.append({"id": page.id, "predicted": len(news), "gold": len(gold_news), "matched": matched})
    precision = hits / n_pred if n_pred else 0.0
    recall = hits / n_gold if n_gold else 0.0
    return {
        "pages": float(len(pages)),
        "gold_events": float(n_gold),
        "predicted_events": float(n_pred),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "precision_event_type": hits_type / n_pred if n_pred else 0.0,
        "recall_event_type": hits_type / n_gold if n_gold else 0.0,
        "precision_sub_event_type": hits_sub / n_pred if n_pred else 0.0,
        "recall_sub_event_type": hits_sub / n_gold if n_gold else 0.0,
        "furniture_share": on_furniture / n_all if n_all else 0.0,
        "background_precision": bg_hits / bg_pred if bg_pred else 1.0,
        "background_recall": bg_hits / n_bg_gold if n_bg_gold else 1.0,
    }


def news_articles(data: Path) -> dict[str, Article]:
    path = need(data / "news" / "articles.jsonl")
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            out[row["id"]] = Article(id=row["id"], text=row["text"], published=row.get("published"),
                                     url=row.get("url"), outlet=row.get("outlet"), title=row.get("title"))
    return out


def evaluate_realpages(data: Path, analyzer: Analyzer) -> dict[str, float]:
    texts = news_articles(data)
    pages = load_gold(texts)
    analyses = {a.id: a for a in analyzer.analyze_many(texts[p.id] for p in pages)}
    return score(pages, analyses)
