"""What the ledger's queries return: schema objects with the article they come from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from fogofwar.schema import Claim, Event, to_dict


@dataclass(frozen=True, slots=True)
class ArticleRef:
    id: str
    published: dt.date | None
    outlet: str | None
    url: str | None
    title: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "outlet": self.outlet, "url": self.url, "title": self.title,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ClaimHit:
    """A stored claim and its article."""

    article: ArticleRef
    claim: Claim

    def to_dict(self) -> dict[str, Any]:
        return {**self.article.to_dict(), **to_dict(self.claim)}


@dataclass(frozen=True, slots=True)
class EventHit:
    """A stored event, its article, and the date range it covers (``day_first``..``day_last``:
    the event's date, or the article's publication date when the event has none)."""

    article: ArticleRef
    event: Event
    day_first: dt.date | None
    day_last: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        return {**self.article.to_dict(), **to_dict(self.event)}


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    """One place across the ledger: every mention that resolved to it (or, unresolved, that
    spells it the same way)."""

    key: str  # "gn:<geonameid>" or "text:<mention>"
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    feature_code: str | None
    mentions: int
    articles: int
    events: int
    first_published: dt.date | None
    last_published: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "name": self.name, "geonameid": self.geonameid, "lat": self.lat,
            "lon": self.lon, "country_code": self.country_code, "admin1": self.admin1,
            "feature_code": self.feature_code, "mentions": self.mentions, "articles": self.articles,
            "events": self.events,
            "first_published": self.first_published.isoformat() if self.first_published else None,
            "last_published": self.last_published.isoformat() if self.last_published else None,
        }  # fmt: skip
