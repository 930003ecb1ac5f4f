"""One story's state while linking, and the Story it makes.

Members are kept in publication order (published day, article id, event id); the evidence and
the timeline are read in that order, so that a story's status history does not depend on the order
articles were ingested in. Appending a later article extends the evidence; an earlier one rebuilds it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from fogofwar.link.evidence import Evidence
from fogofwar.link.mentions import ANY, Mention, iso
from fogofwar.link.model import Origin, Story, TimelineEntry
from fogofwar.link.status import status
from fogofwar.link.syndication import Syndication
from fogofwar.schema import EVENT_TYPE_OF

LATE = 10**7  # the sort day of an article without a publication date: after every dated one
SAMPLE = 16


def member_order(m: Mention) -> tuple[int, str, str]:
    return (m.published if m.published is not None else LATE, m.article, m.event)


def story_id(first_event: str) -> str:
    """Stable ids: a hash of the event that opened the story."""
    return "st-" + hashlib.sha1(first_event.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class StoryState:
    id: str
    family: str
    lo: int | None = None  # the story's days: its first named day, else its first report's window
    hi: int | None = None
    explicit: bool = False
    members: list[Mention] = field(default_factory=list)
    tokens: set[str] = field(default_factory=set)  # every member's words
    place_keys: set[str] = field(default_factory=set)
    alt_keys: set[str] = field(default_factory=set)
    # place key -> votes, the earliest report's order, the place as that report gives it
    _places: dict[str, tuple[int, tuple[int, str, str], dict[str, Any]]] = field(default_factory=dict)
    _evidence: Evidence | None = None
    _timeline: list[TimelineEntry] = field(default_factory=list)

    @classmethod
    def open(cls, mention: Mention) -> StoryState:
        return cls(story_id(mention.event), mention.family)

    @property
    def place(self) -> dict[str, Any] | None:
        """The place most of its reports give; on a tie the most precise (smallest radius), then
        the first reported."""
        if not self._places:
            return None

        def rank(key: str) -> tuple[int, float, str]:
            votes, _first, place = self._places[key]
            radius = place.get("radius_km")
            return (votes, -(radius if radius is not None else 1e9), key)

        return self._places[max(self._places, key=rank)][2]

    def _vote(self, mention: Mention) -> None:
        """Count the mention's place; each place is shown as its earliest report gives it."""
        if mention.place and mention.place_key:
            order = member_order(mention)
            votes, first, place = self._places.get(mention.place_key, (0, order, mention.place))
            if order < first:
                first, place = order, mention.place
            self._places[mention.place_key] = (votes + 1, first, place)

    @property
    def place_name(self) -> str | None:
        return (self.place or {}).get("name")

    def add(self, mention: Mention, syndication: Syndication) -> None:
        in_order = not self.members or member_order(mention) >= member_order(self.members[-1])
        self.members.append(mention)
        self.tokens |= mention.tokens
        if mention.place_key:
            self.place_keys.add(mention.place_key)
        self.alt_keys.update(mention.alt_keys)
        self._vote(mention)
        if not in_order:
            self.members.sort(key=member_order)
            self._anchor()
        elif len(self.members) == 1 or (mention.explicit and not self.explicit and mention.family != ANY):
            self._anchor()
        if in_order and self._evidence is not None:
            self._read(mention)
        else:
            self._evidence = None

    def sample(self) -> list[Mention]:
        """The members a new mention is compared with: the first and the latest few."""
        if len(self.members) <= SAMPLE:
            return self.members
        return self.members[: SAMPLE // 2] + self.members[-SAMPLE // 2 :]

    def _anchor(self) -> None:
        dated = next((m for m in self.members if m.explicit and m.family != ANY), None)
        first = dated or next((m for m in self.members if m.family != ANY), self.members[0])
        self.lo, self.hi, self.explicit = first.lo, first.hi, dated is not None

    def remove_article(self, article: str) -> None:
        self.members = [m for m in self.members if m.article != article]
        self._places = {}
        for m in self.members:
            self._vote(m)
        self._evidence = None
        if self.members:
            self._anchor()

    def evidence(self, syndication: Syndication) -> Evidence:
        if self._evidence is None:
            self._evidence, self._timeline = Evidence(syndication), []
            for m in self.members:
                self._read(m)
        return self._evidence

    def _read(self, mention: Mention) -> None:
        assert self._evidence is not None
        self._evidence.add(mention)
        now = status(self._evidence)
        if self._timeline and self._timeline[-1].status == now:
            return
        day = iso(mention.published if mention.published is not None else mention.hi)
        if self._timeline and self._timeline[-1].article == mention.article:
            self._timeline.pop()  # one article, one transition: its last status stands
        if not self._timeline or self._timeline[-1].status != now:
            self._timeline.append(TimelineEntry(day, now, mention.article))

    def story(self, syndication: Syndication) -> Story:
        ev = self.evidence(syndication)
        origins = ev.origins()
        typed = [m for m in self.members if m.sub_event_type]
        votes = Counter(m.sub_event_type for m in typed)
        sub = max(votes, key=lambda t: (votes[t], -next(i for i, m in enumerate(typed) if m.sub_event_type == t)),
                  default=None)  # fmt: skip
        articles = list(dict.fromkeys(m.article for m in self.members))
        return Story(
            id=self.id, event_type=EVENT_TYPE_OF.get(sub or ""), sub_event_type=sub,
            place=self.place, date=self._date(),
            status=self._timeline[-1].status if self._timeline else "claimed",
            articles=tuple(articles), independent_sources=len(origins),
            origins=tuple(Origin(o.name, o.side, o.type, tuple(o.articles)) for o in origins),
            claims=tuple(ev.claims), contradictions=tuple(ev.contradiction_pairs()),
            timeline=tuple(self._timeline), events=tuple(m.event for m in self.members if m.family != ANY),
        )  # fmt: skip

    def _date(self) -> dict[str, Any] | None:
        dated = next((m for m in self.members if m.explicit and m.family != ANY), None)
        if dated is not None:
            return dated.date
        first = next((m for m in self.members if m.family != ANY), self.members[0])
        if first.hi is None:
            return first.date
        return {"value": iso(first.hi), "precision": (first.date or {}).get("precision") or "unknown"}
