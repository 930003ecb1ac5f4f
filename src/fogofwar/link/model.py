"""Stories: one real-world happening as reported across articles (the contract's story JSON).

Frozen dataclasses; ``to_dict`` gives the JSON of "The ledger across articles" in CONTRACT.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

StoryStatus = Literal["claimed", "corroborated", "contested", "confirmed", "refuted"]
STORY_STATUSES: tuple[str, ...] = get_args(StoryStatus)

OriginType = Literal["official", "military", "media", "agency", "osint", "analyst", "civilian", "other"]
ORIGIN_TYPES: tuple[str, ...] = get_args(OriginType)


@dataclass(frozen=True, slots=True)
class Origin:
    """One independent source of a story: syndicated copies and relays already merged into it."""

    name: str
    side: str  # a Side of the contract
    type: str  # an OriginType
    articles: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "side": self.side, "type": self.type, "articles": list(self.articles)}


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """The story reached ``status`` with the article ``article``, published on ``date``."""

    date: str | None
    status: str
    article: str

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "status": self.status, "article": self.article}


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    event_type: str | None
    sub_event_type: str | None
    place: dict[str, Any] | None  # a contract place without span fields
    date: dict[str, Any] | None  # a contract date without span fields
    status: str
    articles: tuple[str, ...]
    independent_sources: int
    origins: tuple[Origin, ...]
    claims: tuple[str, ...]
    contradictions: tuple[tuple[str, str], ...]
    timeline: tuple[TimelineEntry, ...]
    events: tuple[str, ...] = ()  # added field: the event ids linked into the story

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "event_type": self.event_type, "sub_event_type": self.sub_event_type,
            "place": self.place, "date": self.date, "status": self.status, "articles": list(self.articles),
            "independent_sources": self.independent_sources, "origins": [o.to_dict() for o in self.origins],
            "claims": list(self.claims), "contradictions": [list(pair) for pair in self.contradictions],
            "timeline": [t.to_dict() for t in self.timeline], "events": list(self.events),
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return cls(
            id=data["id"], event_type=data.get("event_type"), sub_event_type=data.get("sub_event_type"),
            place=data.get("place"), date=data.get("date"), status=data["status"],
            articles=tuple(data.get("articles") or ()), independent_sources=int(data["independent_sources"]),
            origins=tuple(Origin(o["name"], o["side"], o["type"], tuple(o["articles"]))
                          for o in data.get("origins") or ()),
            claims=tuple(data.get("claims") or ()),
            contradictions=tuple((a, b) for a, b in data.get("contradictions") or ()),
            timeline=tuple(TimelineEntry(t["date"], t["status"], t["article"]) for t in data.get("timeline") or ()),
            events=tuple(data.get("events") or ()),
        )  # fmt: skip
