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

Built with a ``LinkSource`` (the ledger), the linker holds only what this run's articles touch and
reads the rest when first needed (``_fault_*``): every decision reads the same values as a linker
that had linked the whole ledger in memory, so the stories are the same either way.
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from datasketch import MinHash

from fogofwar.gazetteer.base import distance_km
from fogofwar.link.mentions import ANY, Mention, day, event_mentions, name_key, tokens
from fogofwar.link.model import Story
from fogofwar.link.source import LinkSource
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
# Linking by content: an article's lead mention that finds no story by its event joins the story whose
# lead articles its words are closest to (TF-IDF cosine over the articles linked so far, averaged over
# the story's lead articles), when that average reaches CONTENT_MIN and their places are not apart.
CONTENT_MIN = 0.15
CONTENT_PER_DOUBLING = 0.05  # more closeness needed per doubling of the weeks between the reports
CONTENT_BOUND = 0.5  # stories whose average closeness, by stale lengths, is under this share of CONTENT_MIN
CONTENT_POSTINGS = 500  # a word of more linked articles than this adds nothing to closeness (too common)
CONTENT_APART_KM = 25.0


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


def _apart(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Whether two places lie more than CONTENT_APART_KM apart (both with coordinates)."""
    if not a or not b or a.get("lat") is None or b.get("lat") is None or a.get("lon") is None or b.get("lon") is None:
        return False
    return distance_km(a["lat"], a["lon"], b["lat"], b["lon"]) > CONTENT_APART_KM


def _words(name: str | None) -> list[str]:
    return [name_key(w) for w in (name or "").replace("-", " ").split() if len(w) >= 4]


class Linker:
    """Stories of the articles added so far. ``add`` returns the ids of the stories it changed."""

    def __init__(self, source: LinkSource | None = None) -> None:
        self.source = source
        self.syndication = Syndication(source)
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
        # content: each article's words (1 + log count), how many articles have each word, the linked
        # articles by word, and which story holds each article's lead mention
        self._terms: dict[str, dict[str, float]] = {}
        self._adf: Counter[str] = Counter()
        self._postings: dict[str, dict[str, float]] = defaultdict(dict)  # word -> linked article -> tf
        self._norms: dict[str, tuple[int, float]] = {}  # article -> (articles seen then, tf-idf length)
        self._lead_story: dict[str, str] = {}
        self._story_leads: dict[str, set[str]] = defaultdict(set)
        self._published: dict[str, int | None] = {}
        self._nterms = 0  # articles whose content words are counted
        # What this run added, for the ledger: per article its mentions and their words, new
        # blocking rows, words whose counts changed, lengths computed.
        self.counted: dict[str, tuple[int, Counter[str]]] = {}
        self.new_keys: list[tuple[str, int, str]] = []
        self.dirty_words: set[str] = set()
        self.dirty_norms: set[str] = set()
        # What has been read from the source: keys, stories known absent, articles' stories, word
        # counts, postings, lengths, stories' lead articles.
        self._loaded: dict[str, set[str]] = defaultdict(set)
        if source is not None:
            self._mentions, self._nterms, self._next = source.totals()

    def __len__(self) -> int:
        return len(self.stories)

    def add(self, data: dict[str, Any], sig: MinHash | None = None) -> tuple[set[str], Copy, MinHash]:
        """Link one analysis (contract JSON). Returns the stories changed, the article's syndication
        (to store) and its MinHash signature."""
        aid = data["id"]
        changed = self._forget(aid) if aid in self._by_article else set()
        copy, sig = self.syndication.add(aid, data.get("text") or "", day(data.get("published")),
                                         data.get("outlet"), sig)  # fmt: skip
        mentions = event_mentions(data)
        places = [m.place for m in mentions if m.place]
        words: Counter[str] = Counter()
        for mention in mentions:
            words.update(mention.tokens)
        self.counted[aid] = (len(mentions), words)
        for mention in mentions:
            self._count(mention)
            self._count_terms(mention)
            sid = self._link(mention, places)
            if sid is not None:
                changed.add(sid)
                self._note_lead(mention, sid)
            elif mention.terms:
                self._uncount_terms(aid)  # the words counted are those of linked articles only,
                # so that a linker resumed from the stored stories weighs words as this one does
        return changed, copy, sig

    def _count(self, mention: Mention) -> None:
        self._fault_words(mention.tokens)
        self._mentions += 1
        self._df.update(mention.tokens)
        self.dirty_words.update(mention.tokens)

    def _count_terms(self, mention: Mention) -> None:
        if not mention.terms or mention.article in self._terms:
            return
        self._terms[mention.article] = {w: 1.0 + math.log(k) for w, k in mention.terms if k > 0}
        self._published[mention.article] = mention.published
        self._fault_words(self._terms[mention.article])
        self._adf.update(self._terms[mention.article].keys())
        self.dirty_words.update(self._terms[mention.article])
        self._nterms += 1

    def _uncount_terms(self, article: str) -> None:
        self._published.pop(article, None)
        self._norms.pop(article, None)
        if article in self._terms:
            self._nterms -= 1
        for w in self._terms.pop(article, {}):
            self._adf[w] -= 1
            self.dirty_words.add(w)
            posting = self._postings.get(w)
            if posting is not None:
                posting.pop(article, None)
        lead = self._lead_story.pop(article, None)
        if lead is not None:
            self._story_leads[lead].discard(article)

    def _note_lead(self, mention: Mention, sid: str) -> None:
        if not mention.terms or mention.article in self._lead_story:
            return
        self._lead_story[mention.article] = sid
        self._story_leads[sid].add(mention.article)
        for w, tf in self._terms.get(mention.article, {}).items():
            self._postings[w][mention.article] = tf

    def _idf(self, w: str, n: int) -> float:
        return math.log((1 + n) / (1 + self._adf[w])) + 1.0

    def _norm(self, article: str, exact: bool = False) -> float:
        """The length of an article's tf-idf vector (words of over half the articles left out): as
        the words stand now (``exact``), else as they stood when last computed, until the articles
        seen grow by a tenth (a bound to find candidates with; decisions use the exact length)."""
        n = self._nterms
        cached = self._norms.get(article)
        if not exact and cached is not None and n <= cached[0] * 1.1 + 10:
            return cached[1]
        self._fault_terms([article])
        self.dirty_norms.add(article)
        norm = math.sqrt(sum((tf * self._idf(w, n)) ** 2 for w, tf in self._terms.get(article, {}).items()
                             if self._adf[w] <= n / 2)) or 1.0  # fmt: skip
        self._norms[article] = (n, norm)
        return norm

    def _dots(self, article: str) -> dict[str, float]:
        """The dot product of an article's normalised tf-idf vector with the raw one of each linked
        article sharing one of its less common words (words of more than CONTENT_POSTINGS linked
        articles add nothing): divided by the other's length, their cosine."""
        n = self._nterms
        mine = {w: tf * self._idf(w, n) for w, tf in self._terms.get(article, {}).items() if self._adf[w] <= n / 2}
        norm = math.sqrt(sum(v * v for v in mine.values())) or 1.0
        acc: dict[str, float] = defaultdict(float)
        # the article itself is counted but not yet among the postings: a word's other articles
        # are its count less one
        rare = [w for w in mine if 0 < self._adf[w] - 1 <= CONTENT_POSTINGS]
        self._fault_postings(rare)
        for w in rare:
            v = mine[w]
            posting = self._postings.get(w)
            if not posting:
                continue
            weight = v * self._idf(w, n) / norm
            for other, tf in posting.items():
                acc[other] += weight * tf
        acc.pop(article, None)
        return acc

    def _content_floor(self, published: int | None, leads: set[str]) -> float:
        """CONTENT_MIN for reports of one week, more as the weeks between them double: a report
        months later (a trial, a plea) must be closer in words than one of the next day."""
        days = [self._published.get(a) for a in leads]
        gaps = [abs(published - d) for d in days if d is not None] if published is not None else []
        if not gaps:
            return CONTENT_MIN
        return CONTENT_MIN + CONTENT_PER_DOUBLING * math.log2(1 + min(gaps) / 7)

    def _by_content(self, mention: Mention, places: list[dict[str, Any]]) -> StoryState | None:
        """The story whose lead articles are closest to this article in words (see CONTENT_MIN);
        ``places``: those of the article's events, when the mention has none of its own."""
        dots = self._dots(mention.article)
        by_story: dict[str, list[str]] = defaultdict(list)
        for other in sorted(dots):
            sid = self._lead_story.get(other)
            if sid is not None:
                by_story[sid].append(other)
        self._fault_story_leads(by_story)
        self._fault_norms(dots)
        best: StoryState | None = None
        best_key: tuple[float, int] | None = None
        if mention.place:
            places = [mention.place]
        for sid, others in by_story.items():
            leads = self._story_leads[sid]
            # a cheap bound first (lengths as last computed), then the exact average cosine
            if not leads or sum(dots[o] / self._norm(o) for o in others) / len(leads) < CONTENT_MIN * CONTENT_BOUND:
                continue
            self._fault_terms(others)
            score = sum(dots[o] / self._norm(o, exact=True) for o in others) / len(leads)
            if score < self._content_floor(mention.published, leads):
                continue
            state = self._state(sid)
            if state is None:
                continue
            if ANY not in (mention.family, state.family) and (
                    not days_agree(mention, state) or (mention.place_key and state.place_keys)):
                # two events on days that cannot meet, or both placed (at two places, two happenings;
                # at one, the event rules have judged them): however alike the words
                continue
            if places and state.place and all(_apart(p, state.place) for p in places):
                continue  # the article's happenings are all far from the story's place
            key = (-score, self._order[sid])
            if best_key is None or key < best_key:
                best, best_key = state, key
        return best

    def _weights(self, words: frozenset[str]) -> dict[str, float]:
        n = self._mentions + 1
        return {w: math.log(n / (1 + self._df[w])) + 1.0 for w in words}

    def written(self) -> None:
        """The ledger now holds every change: forget them."""
        self.fresh.clear()
        self.rebuilt.clear()
        self.counted.clear()
        self.new_keys.clear()
        self.dirty_words.clear()
        self.dirty_norms.clear()

    def seq(self, sid: str) -> int:
        """The story's creation number."""
        return self._order[sid]

    def story(self, sid: str) -> Story:
        state = self._state(sid)
        if state is None:
            raise KeyError(sid)
        return state.story(self.syndication)

    def all_stories(self) -> list[Story]:
        """The stories held in memory (all of them without a source)."""
        return [self.story(sid) for sid in self.stories]

    def contribution(self, article: str) -> dict[str, Any]:
        """What linking the article added to the counts, for its row in the ledger."""
        mentions, words = self.counted.get(article, (0, Counter()))
        lead = self._lead_story.get(article)
        norm = self._norms.get(article)
        return dict(mentions=mentions, tokens=dict(sorted(words.items())),
                    terms=self._terms.get(article) if lead is not None else None, lead_story=lead,
                    norm=norm[1] if norm else None, norm_n=norm[0] if norm else None)  # fmt: skip

    def word_counts(self, words: Iterable[str]) -> list[tuple[str, int, int]]:
        return [(w, self._df[w], self._adf[w]) for w in sorted(words)]

    def norm_of(self, article: str) -> tuple[int, float] | None:
        return self._norms.get(article)

    def refresh(self, ids: Iterable[str]) -> set[str]:
        """Read these stories again (after a rewind took members out) and file them under their
        keys again, as linking their remaining members in order would have; they are written whole."""
        found: set[str] = set()
        for sid, seq, members in self.source.stories(sorted(set(ids))) if self.source is not None else ():
            self.syndication.fault_edges({m.article for m in members})
            state = StoryState.open(members[0])
            state.id = sid
            self.stories[sid] = state
            self._order[sid] = seq
            for m in members:
                state.add(m, self.syndication)
                self._by_article[m.article].add(sid)
                self._register(state, m)
            found.add(sid)
        self.rebuilt |= found
        return found

    # Reading from the source, once per key (no-ops without one).

    def _fault_keys(self, keys: Iterable[str]) -> None:
        if self.source is None:
            return
        loaded = self._loaded["keys"]
        wanted = sorted({k for k in keys if k not in loaded})
        if not wanted:
            return
        loaded.update(wanted)
        for key, d, sid in self.source.keys(wanted):
            bucket = self._index[(key, d)]
            if sid not in bucket:
                bucket.append(sid)

    def _fault_stories(self, ids: Iterable[str]) -> None:
        if self.source is None:
            return
        absent = self._loaded["absent"]
        wanted = sorted({sid for sid in ids if sid not in self.stories and sid not in absent})
        if not wanted:
            return
        absent.update(wanted)
        for sid, seq, members in self.source.stories(wanted):
            absent.discard(sid)
            self.syndication.fault_edges({m.article for m in members})
            state = StoryState.open(members[0])
            state.id = sid
            for m in members:
                state.add(m, self.syndication)
                self._by_article[m.article].add(sid)
            self.stories[sid] = state
            self._order[sid] = seq

    def _state(self, sid: str) -> StoryState | None:
        if sid not in self.stories:
            self._fault_stories([sid])
        return self.stories.get(sid)

    def _fault_article_stories(self, articles: Iterable[str]) -> None:
        if self.source is None:
            return
        loaded = self._loaded["articles"]
        wanted = sorted({a for a in articles if a not in loaded})
        if not wanted:
            return
        loaded.update(wanted)
        for article, sid in self.source.article_stories(wanted):
            self._by_article[article].add(sid)

    def _fault_words(self, words: Iterable[str]) -> None:
        if self.source is None:
            return
        loaded = self._loaded["words"]
        wanted = sorted({w for w in words if w not in loaded})
        if not wanted:
            return
        loaded.update(wanted)
        for w, df, adf in self.source.words(wanted):
            self._df[w] += df
            self._adf[w] += adf

    def _fault_postings(self, words: Iterable[str]) -> None:
        if self.source is None:
            return
        loaded = self._loaded["postings"]
        wanted = sorted({w for w in words if w not in loaded})
        if not wanted:
            return
        loaded.update(wanted)
        for w, article, tf, sid in self.source.postings(wanted):
            self._postings[w].setdefault(article, tf)
            self._lead_story.setdefault(article, sid)

    def _fault_norms(self, articles: Iterable[str]) -> None:
        if self.source is None:
            return
        loaded = self._loaded["norms"]
        wanted = sorted({a for a in articles if a not in loaded and a not in self._norms})
        if not wanted:
            return
        loaded.update(wanted)
        for article, n, norm, published in self.source.norms(wanted):
            if norm is not None and n is not None and article not in self._norms:
                self._norms[article] = (n, norm)
            self._published.setdefault(article, published)

    def _fault_story_leads(self, ids: Iterable[str]) -> None:
        if self.source is None:
            return
        loaded = self._loaded["leads"]
        wanted = sorted({sid for sid in ids if sid not in loaded})
        if not wanted:
            return
        loaded.update(wanted)
        for sid, article, published in self.source.story_leads(wanted):
            self._story_leads[sid].add(article)
            self._lead_story.setdefault(article, sid)
            self._published.setdefault(article, published)

    def _fault_terms(self, articles: Iterable[str]) -> None:
        if self.source is None:
            return
        loaded = self._loaded["terms"]
        wanted = sorted({a for a in articles if a not in loaded and a not in self._terms})
        if not wanted:
            return
        loaded.update(wanted)
        words: set[str] = set()
        for article, terms in self.source.terms(wanted):
            if article not in self._terms:
                self._terms[article] = {w: float(tf) for w, tf in terms.items()}
                words.update(terms)
        self._fault_words(words)

    def _link(self, mention: Mention, places: list[dict[str, Any]]) -> str | None:
        state = self._best(mention)
        if state is None and mention.terms:
            state = self._by_content(mention, places)
        if state is None:
            if mention.family == ANY and not mention.eventless:
                return None  # an article-wide mention of claims only joins; one with the article's
                # words opens a story that later reports of the happening join by content
            state = StoryState.open(mention)
            while self._state(state.id) is not None:  # the same event id linked twice: a re-analysed article
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
            state = self.stories[sid]  # read by _candidates
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
        placed = bool(mention.place_key) and mention.family != ANY
        if placed:
            self._fault_keys([mention.place_key or "", f"f0:{mention.family}", f"alt:{mention.place_key}",
                              *mention.alt_keys])  # fmt: skip
        else:
            self._fault_keys([*(f"w:{name_key(w)}" for w in mention.tokens if len(w) >= 4), f"f:{mention.family}"])
        self._fault_article_stories([mention.article, *self.syndication.copies(mention.article)])

        def look(key: str, floor: float, same: bool) -> None:
            for d in days:
                for sid in self._index.get((key, d), ()):
                    if sid not in found or (same and not found[sid][1]):
                        found[sid] = (floor, same)

        if placed:
            look(mention.place_key or "", MIN_OVERLAP, True)
            # A story opened by reports without a town, whose words name this one (they came first).
            named = tokens((mention.place or {}).get("name") or "") | tokens((mention.place or {}).get("text") or "")
            self._fault_stories(sid for d in days for sid in self._index.get((f"f0:{mention.family}", d), ()))
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
        self._fault_stories(found)
        return {sid: value for sid, value in found.items() if sid in self.stories}

    def _register(self, state: StoryState, mention: Mention) -> None:
        self._by_article[mention.article].add(state.id)
        keys = [*sorted(state.place_keys), *(f"alt:{k}" for k in sorted(state.alt_keys - state.place_keys)),
                *(f"w:{w}" for w in _words(state.place_name)), f"f:{state.family}"]  # fmt: skip
        if not state.place_keys:
            keys.append(f"f0:{state.family}")
        self._fault_keys(keys)
        ranges = {(mention.lo, mention.hi), (state.lo, state.hi)}
        for key in keys:
            for lo, hi in ranges:
                days = range(LATE, LATE + 1) if lo is None or hi is None else range(lo, hi + 1)
                for d in days:
                    bucket = self._index[(key, d)]
                    if state.id not in bucket:
                        bucket.append(state.id)
                        self.new_keys.append((key, d, state.id))

    def _forget(self, article: str) -> set[str]:
        """Take an article's mentions out of its stories (before it is linked again)."""
        changed = self._by_article.pop(article, set())
        self.rebuilt |= changed
        self._uncount_terms(article)
        for sid in changed:
            state = self.stories[sid]
            state.remove_article(article)
            if not state.members:
                del self.stories[sid]
        return changed
