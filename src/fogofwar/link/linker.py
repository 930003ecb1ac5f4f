"""The linker: articles in, stories out, one article at a time.

Each event mention is matched only against the stories in its blocks, so adding an article costs a
few dictionary look-ups and small set operations, whatever the size of the ledger:
- a mention with a place: stories of that place (GeoNames id, else a spelling-tolerant name key)
  on the days the happening may fall on;
- a mention without one (or with a region or country): stories whose place name is one of its
  words, on those days;
- any mention: the stories of the articles it is a near-duplicate of.
Among candidates of a compatible type and day, the story whose words (actors, mention words, claim
contents) cover most of the mention's joins it; below the threshold the mention opens a story.
A capture is a change of state, so a later report of it (a denial, footage weeks later) joins it
up to TERRITORY_DAYS after; strikes and clashes must fall on the same day (one day of slack).
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from datasketch import MinHash

from fogofwar.link.mentions import ANY, Mention, day, event_mentions, name_key, tokens
from fogofwar.link.model import Story
from fogofwar.link.stories import LATE, StoryState
from fogofwar.link.syndication import Copy, Syndication

log = logging.getLogger(__name__)

MIN_OVERLAP = 0.15  # share of the mention's words the story must have, with a place in common
MIN_OVERLAP_NAMED = 0.25  # found by a place name among its words only
MIN_OVERLAP_ARTICLE = 0.3  # an article-wide mention (an article without events)
MIN_OVERLAP_SAME_DAY = 0.5  # no place, no place name: same type and day, close wording
# Another sub-event type of the family ("drone strike" / "shelling"), or the other side as the
# attacker: told apart from a second happening of that place and day by close wording only.
MIN_OVERLAP_UNLIKE = 0.5
_UNIT: dict[str, float] = {}
TERRITORY_DAYS = 45


def overlap(words: frozenset[str], other: frozenset[str] | set[str], weight: dict[str, float]) -> float:
    """The IDF-weighted share of ``words`` found in ``other``: words every report repeats (weekdays,
    "forces", the place) count little; "market", "drones", "civilians" count."""
    total = sum(weight.get(w, 1.0) for w in words)
    if not total:
        return 0.0
    return sum(weight.get(w, 1.0) for w in words & other) / total


def days_agree(m: Mention, s: StoryState) -> bool:
    if m.lo is None or s.lo is None or m.hi is None or s.hi is None:
        return m.lo is None and s.lo is None
    if "territory" in (m.family, s.family) and ANY not in (m.family, s.family):
        return m.hi >= s.lo - 1 - TERRITORY_DAYS and m.lo <= s.hi + TERRITORY_DAYS
    if m.explicit and s.explicit:
        return abs(m.lo - s.lo) <= 1
    return m.lo - 1 <= s.hi and s.lo - 1 <= m.hi


def _words(name: str | None) -> list[str]:
    return [name_key(w) for w in (name or "").replace("-", " ").split() if len(w) >= 4]


class Linker:
    """Stories of the articles added so far. ``add`` returns the ids of the stories it changed."""

    def __init__(self) -> None:
        self.syndication = Syndication()
        self.stories: dict[str, StoryState] = {}
        self._index: dict[tuple[str, int], list[str]] = defaultdict(list)
        self._by_article: dict[str, set[str]] = defaultdict(set)
        self._order: dict[str, int] = {}  # story id -> creation number, to break ties
        self._next = 0
        # What changed since the ledger was last written: new members per story, stories rebuilt.
        self.fresh: dict[str, list[Mention]] = defaultdict(list)
        self.rebuilt: set[str] = set()
        self._df: Counter[str] = Counter()  # mentions each word occurs in, for its weight
        self._mentions = 0

    def __len__(self) -> int:
        return len(self.stories)

    def add(self, data: dict[str, Any], sig: MinHash | None = None) -> tuple[set[str], Copy, MinHash]:
        """Link one analysis (contract JSON). Returns the stories changed, the article's syndication
        (to store) and its MinHash signature."""
        aid = data["id"]
        changed = self._forget(aid) if aid in self._by_article else set()
        copy, sig = self.syndication.add(aid, data.get("text") or "", day(data.get("published")),
                                         data.get("outlet"), sig)  # fmt: skip
        for mention in event_mentions(data):
            self._count(mention)
            sid = self._link(mention)
            if sid is not None:
                changed.add(sid)
        return changed, copy, sig

    def restore(self, members: Iterable[tuple[str, int, Mention]]) -> None:
        """Put back stories linked earlier: (story id, creation number, member), members of a story
        in publication order. The syndication index must be restored first."""
        for sid, seq, mention in members:
            state = self.stories.get(sid)
            if state is None:
                state = self.stories[sid] = StoryState.open(mention)
                state.id = sid
                self._order[sid] = seq
                self._next = max(self._next, seq + 1)
            state.add(mention, self.syndication)
            self._register(state, mention)
            self._count(mention)

    def _count(self, mention: Mention) -> None:
        self._mentions += 1
        self._df.update(mention.tokens)

    def _weights(self, words: frozenset[str]) -> dict[str, float]:
        n = self._mentions + 1
        return {w: math.log(n / (1 + self._df[w])) + 1.0 for w in words}

    def written(self) -> None:
        """The ledger now holds every change: forget them."""
        self.fresh.clear()
        self.rebuilt.clear()

    def seq(self, sid: str) -> int:
        """The story's creation number."""
        return self._order[sid]

    def story(self, sid: str) -> Story:
        return self.stories[sid].story(self.syndication)

    def all_stories(self) -> list[Story]:
        return [self.story(sid) for sid in self.stories]

    def _link(self, mention: Mention) -> str | None:
        state = self._best(mention)
        if state is None:
            if mention.family == ANY:
                return None  # an article-wide mention only joins
            state = StoryState.open(mention)
            while state.id in self.stories:  # the same event id linked twice: a re-analysed article
                state.id += "x"
            self.stories[state.id] = state
            self._order[state.id] = self._next
            self._next += 1
        state.add(mention, self.syndication)
        self._register(state, mention)
        self.fresh[state.id].append(mention)
        return state.id

    def _best(self, mention: Mention) -> StoryState | None:
        best: StoryState | None = None
        best_key: tuple[bool, bool, float, int] | None = None
        weight = self._weights(mention.tokens)
        for sid, (floor, same_place) in self._candidates(mention).items():
            state = self.stories[sid]
            if mention.family not in (state.family, ANY) or not days_agree(mention, state):
                continue
            lead = state.members[0]
            # A capture and its denial, or the other side's claim to hold the place, are one story.
            unlike = mention.sub_event_type != lead.sub_event_type or bool(
                mention.attacker and lead.attacker and mention.attacker != lead.attacker
            )
            if mention.family not in (ANY, "territory") and floor > 0 and mention.context == "happened" and unlike:
                # Another type or the other side's arms: only a close paraphrase of one report.
                floor = max(floor, MIN_OVERLAP_UNLIKE)
                score = max((overlap(mention.tokens, m.tokens, weight) for m in state.sample()), default=0.0)
            else:
                # the share of the mention's words in the story, or the mean of both shares when the
                # story's words are the better covered: a long report of a capture arriving after its
                # short denial scores as the denial would after it (a pair links in either order)
                ahead = overlap(mention.tokens, state.tokens, _UNIT)
                score = max(ahead, (ahead + overlap(state.tokens, mention.tokens, _UNIT)) / 2)
            if score < floor:
                continue
            key = (unlike, not same_place, -score, self._order[sid])  # its own type and place first
            if best_key is None or key < best_key:
                best, best_key = state, key
        return best

    def _days(self, mention: Mention) -> range:
        if mention.lo is None or mention.hi is None:
            return range(LATE, LATE + 1)
        # A capture's later reports join it; one that arrives after them finds them too.
        span = TERRITORY_DAYS if mention.family in ("territory", ANY) else 0
        return range(mention.lo - 1 - span, mention.hi + 2 + span)

    def _candidates(self, mention: Mention) -> dict[str, tuple[float, bool]]:
        """Candidate stories, the overlap each needs, and whether it is of the mention's own place."""
        found: dict[str, tuple[float, bool]] = {}
        days = self._days(mention)

        def look(key: str, floor: float, same: bool) -> None:
            for d in days:
                for sid in self._index.get((key, d), ()):
                    if sid not in found or (same and not found[sid][1]):
                        found[sid] = (floor, same)

        if mention.place_key and mention.family != ANY:
            look(mention.place_key, MIN_OVERLAP, True)
            # A story opened by reports without a town, whose words name this one (they came first).
            named = tokens((mention.place or {}).get("name") or "") | tokens((mention.place or {}).get("text") or "")
            for d in days:
                for sid in self._index.get((f"f0:{mention.family}", d), ()):
                    state = self.stories.get(sid)
                    if state is not None and not state.place_keys and named & state.tokens:
                        found.setdefault(sid, (MIN_OVERLAP_NAMED, False))
            look("alt:" + mention.place_key, MIN_OVERLAP_NAMED, False)
            for key in mention.alt_keys:
                look(key, MIN_OVERLAP_NAMED, False)
        else:
            floor = MIN_OVERLAP_ARTICLE if mention.family == ANY else MIN_OVERLAP_NAMED
            for key in sorted({name_key(w) for w in mention.tokens if len(w) >= 4}):
                look(f"w:{key}", floor, False)
            if mention.family != ANY and mention.lo is not None and mention.hi is not None:
                for d in range(mention.lo - 1, mention.hi + 2):
                    for sid in self._index.get((f"f:{mention.family}", d), ()):
                        found.setdefault(sid, (MIN_OVERLAP_SAME_DAY, False))
            for sid in sorted(self._by_article.get(mention.article, ())):
                found[sid] = (0.0, False)  # the article's placed report of the same happening
        for other in self.syndication.copies(mention.article):
            for sid in sorted(self._by_article.get(other, ())):
                found[sid] = (MIN_OVERLAP, found.get(sid, (0.0, False))[1])
        return {sid: value for sid, value in found.items() if sid in self.stories}

    def _register(self, state: StoryState, mention: Mention) -> None:
        self._by_article[mention.article].add(state.id)
        keys = [*sorted(state.place_keys), *(f"alt:{k}" for k in sorted(state.alt_keys - state.place_keys)),
                *(f"w:{w}" for w in _words(state.place_name)), f"f:{state.family}"]  # fmt: skip
        if not state.place_keys:
            keys.append(f"f0:{state.family}")
        ranges = {(mention.lo, mention.hi), (state.lo, state.hi)}
        for key in keys:
            for lo, hi in ranges:
                days = range(LATE, LATE + 1) if lo is None or hi is None else range(lo, hi + 1)
                for d in days:
                    bucket = self._index[(key, d)]
                    if state.id not in bucket:
                        bucket.append(state.id)

    def _forget(self, article: str) -> set[str]:
        """Take an article's mentions out of its stories (before it is linked again)."""
        changed = self._by_article.pop(article, set())
        self.rebuilt |= changed
        for sid in changed:
            state = self.stories[sid]
            state.remove_article(article)
            if not state.members:
                del self.stories[sid]
        return changed
