"""What linking needs from one article's analysis: its event mentions, reduced to plain features.

Works on the contract JSON (a dict), so that linking never rebuilds the dataclasses of an analysis;
``Analysis`` objects are turned into that JSON first.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

# Contexts that make an event part of a story: it happened, or someone says it did not (a denial joins
# the story it denies). Hypothetical and future events are about nothing that happened yet.
LINKED_CONTEXTS = frozenset({"happened", "negated", "denied"})
# How far, in days, an article may report a happening after it (when the event has no date of its own).
REPORT_LAG_DAYS = 3
TRUST_DAYS = 14
# Places too wide to block on (a region, a country): the event is linked as if it had no place.
WIDE_FEATURES = frozenset({"RGN", "ADM1", "ADM2", "PCLI", "PCL", "CONT", "AREA"})

ANY = "*"  # the family of an article-wide mention: joins a story of any type
TERRITORY = ("Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory")


def family(event_type: str | None, sub_event_type: str | None) -> str:
    """Event types that can describe one happening: a capture and its recapture claim, a strike
    labelled a drone strike by one outlet and shelling or an attack on civilians by another."""
    if sub_event_type in TERRITORY:
        return "territory"
    if event_type == "Explosions/Remote violence" or sub_event_type == "Attack":
        return "strike"
    return event_type or "none"


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
STOPWORDS = frozenset(
    "the a an of in on at to and or for from by with as that this these those was were is are be been has have had "
    "its it their they them he she his her said says say told according reported would could will not no near "
    "after before during over into out about than then there which who whom what when where while also".split()
)


def tokens(text: str) -> set[str]:
    """Lower-case content words (3+ letters, no stop words)."""
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in STOPWORDS}


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A spelling-tolerant key for an unresolved place name: no accents, apostrophes or soft signs;
    y, e and i merged (Siversk / Seversk / Sivers'k); adjective endings dropped (Rodinskoye /
    Rodynske); g read as h (Gulyaipole / Huliaipole)."""
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(c for c in text if c.isalpha())
    # Russian adjective endings (Rodinskoye, Rodynske), Russian g for Ukrainian h (Gulyaipole).
    text = re.sub(r"(sk|tsk|ck)(?:oye|oe|aya|ye|e|iy|yi|ii|ij|a)$", r"\1", text)
    return text.replace("y", "i").replace("e", "i").replace("g", "h")


def place_key(place: dict[str, Any] | None) -> str | None:
    if not place or place.get("feature_code") in WIDE_FEATURES or place.get("precision") == 3:
        return None
    if place.get("geonameid") is not None:
        return f"gn:{place['geonameid']}"
    name = place.get("name") or place.get("text")
    return f"nm:{name_key(name)}" if name else None


def day(value: str | None) -> int | None:
    """The ordinal of a YYYY-MM-DD date; None for anything less precise or broken."""
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value).toordinal()
    except ValueError:
        return None


def iso(ordinal: int | None) -> str | None:
    return dt.date.fromordinal(ordinal).isoformat() if ordinal is not None else None


def _strip_spans(obj: dict[str, Any] | None) -> dict[str, Any] | None:
    if obj is None:
        return None
    return {k: v for k, v in obj.items() if k not in ("start", "end", "text")}


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    id: str
    status: str
    type: str
    kind: str | None  # the source's kind; None for the article's own voice
    role: str | None
    side: str | None
    name: str | None  # canonical name, else the source's words
    content: str
    cue: str | None = None

    @property
    def voiced(self) -> bool:
        """Said by someone other than the article itself."""
        return self.kind is not None and self.type != "author"


@dataclass(frozen=True, slots=True)
class Mention:
    """One event of one article, reduced to what blocking, similarity and story rules read."""

    article: str
    event: str
    published: int | None  # ordinal day
    event_type: str | None
    sub_event_type: str | None
    family: str
    place_key: str | None
    place: dict[str, Any] | None
    date: dict[str, Any] | None
    lo: int | None  # the days the happening may fall on
    hi: int | None
    explicit: bool  # the article gives the event's own day
    context: str
    fatalities: int | None
    controller: str | None  # who holds the place after, when the event moves control
    attacker: str | None  # the side of its first armed actor (russia or ukraine), when known
    tokens: frozenset[str]
    claims: tuple[ClaimInfo, ...]
    # Other towns of the article that its words name ("in Gulyaipole in the Zaporozhye region"
    # placed at Zaporizhzhia): looked up too, with a stricter overlap.
    alt_keys: tuple[str, ...] = ()
    # The article's content words with their counts (title and text), on its lead mention only: what
    # links two reports of one happening that the event features keep apart (no event, another type,
    # no place or date).
    terms: tuple[tuple[str, int], ...] = ()
    eventless: bool = False  # an article-wide mention of an article with no event at all: may open a story


def _claim_info(claim: dict[str, Any]) -> ClaimInfo:
    source = claim.get("source")
    name = None
    if source:
        name = (source.get("canonical") or source.get("text") or "").strip() or None
    return ClaimInfo(
        id=claim["id"], status=claim.get("status") or "asserted", type=claim.get("type") or "author",
        kind=source.get("kind") if source else None, role=source.get("role") if source else None,
        side=source.get("side") if source else None, name=name, content=(claim.get("content") or {}).get("text", ""),
        cue=(claim.get("cue") or {}).get("text"),
    )  # fmt: skip


def _days(event: dict[str, Any], published: int | None) -> tuple[int | None, int | None, bool]:
    """The days the happening may fall on, and whether the article names its day. A named day more
    than TRUST_DAYS before publication is more often a misread than old news in a report: the
    publication date bounds it instead."""
    date = event.get("date") or {}
    value, precision = date.get("value"), date.get("precision")
    explicit_day = day(value) if precision == "day" and date.get("text") else None
    if explicit_day is not None and (published is None or published - TRUST_DAYS <= explicit_day <= published + 1):
        return explicit_day, explicit_day, True
    if value and len(value) == 7 and date.get("text"):  # a month: any day of it
        first = day(f"{value}-01")
        if first is not None:
            nxt = dt.date.fromordinal(first + 31).replace(day=1).toordinal()
            return first, nxt - 1, False
    if published is not None:
        return published - REPORT_LAG_DAYS, published, False
    fallback = day(value)
    return fallback, fallback, False


def _named_towns(words: set[str], places: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article's resolved towns that these words name; a dateline ("MOSCOW, Sept 8 (TASS) -")
    says where the report was filed, not where it happened."""
    out = []
    for place in places:
        text = place.get("text") or ""
        if not text.isupper() and place_key(place) and place.get("geonameid") is not None and tokens(text) & words:
            out.append(place)
    return out


def _finer(place: dict[str, Any] | None, towns: list[dict[str, Any]]) -> tuple[str, ...]:
    """Towns the words name that are smaller than the event's place: "in Gulyaipole in the
    Zaporozhye region" placed at the city of Zaporizhzhia. A larger town named nearby ("north of
    Kupiansk") is a landmark, not an alternative."""
    radius = (place or {}).get("radius_km") or 0.0
    keys = (place_key(t) for t in towns if (t.get("radius_km") or 0.0) < radius)
    return tuple(dict.fromkeys(k for k in keys if k and k != place_key(place)))


def _adopt_place(event: dict[str, Any], towns: list[dict[str, Any]]) -> dict[str, Any] | None:
    """An event without a town takes the article's town that its own words name ("glide bombs on
    Sloviansk" where the event stage kept no place)."""
    if place_key(event.get("place")) or not towns:
        return event.get("place")
    return towns[0]


def _mention(aid: str, published: int | None, event: dict[str, Any], own: tuple[ClaimInfo, ...],
             places: Sequence[dict[str, Any]] = ()) -> Mention:  # fmt: skip
    lo, hi, explicit = _days(event, published)
    words = tokens(" ".join(m.get("text", "") for m in event.get("mentions") or ()))
    for actor in event.get("actors") or ():
        words |= tokens(actor.get("canonical") or actor.get("text") or "")
    for claim in own:
        words |= tokens(claim.content)
    change = event.get("territory_change") or {}
    texts = [m.get("text", "") for m in event.get("mentions") or ()] + [c.content for c in own]
    towns = _named_towns(words, places)
    place = _adopt_place(event, towns)
    key = place_key(place)
    alt = _finer(place, towns) if key else ()
    return Mention(
        article=aid, event=event["id"], published=published, event_type=event.get("event_type"),
        sub_event_type=event.get("sub_event_type"),
        family=family(event.get("event_type"), event.get("sub_event_type")),
        place_key=key, place=_strip_spans(place) if key else None,
        date=_strip_spans(event.get("date")), lo=lo, hi=hi, explicit=explicit,
        context=event.get("context") or "happened", fatalities=event.get("fatalities"),
        controller=change.get("controller_after"), attacker=_attacker(texts),
        tokens=frozenset(words), claims=own, alt_keys=alt,
    )  # fmt: skip


_ARMED = re.compile(
    r"\b(russian|ukrainian)\s+(?:\w+\s+)?(?:forces|troops|soldiers|units|army|military|drones?|missiles?|"
    r"aircraft|jets?|glide bombs?|bombs?|rockets?|rocket launchers|artillery|shells?|strikes?)\b",
    re.IGNORECASE,
)


def _attacker(texts: Sequence[str]) -> str | None:
    """Whose arms the report names first ("Russian drones struck", "Ukrainian forces retook");
    read from the words, as event actors often list the victims first."""
    for text in texts:
        match = _ARMED.search(text)
        if match:
            return "russia" if match.group(1).lower() == "russian" else "ukraine"
    return None


# words, and numbers of two digits or more (years, tolls, ages, ordinals: "the 86th Oscars")
_TERM = re.compile(r"[^\W\d_]+|(?<![\w.])\d+(?:\.\d+)?(?:st|nd|rd|th)?(?![\w.])", re.UNICODE)
CONTENT_TERMS = 120  # content words kept per article: its most frequent


@lru_cache(maxsize=1)
def _content_stop() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | STOPWORDS


def content_terms(title: str | None, text: str) -> tuple[tuple[str, int], ...]:
    """An article's content words (3+ letters, lower case, no stop words; numbers of two digits or
    more) and their counts, the CONTENT_TERMS most frequent (ties by word)."""
    stop = _content_stop()
    counts: dict[str, int] = {}
    for w in _TERM.findall(f"{title or ''}\n{text}".lower()):
        if (len(w) > 2 or (len(w) == 2 and w[0].isdigit())) and w not in stop:
            counts[w] = counts.get(w, 0) + 1
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTENT_TERMS])


def _lead(events: Sequence[dict[str, Any]]) -> int:
    """The article's lead happening: its first event that happened, else its first."""
    return next((n for n, e in enumerate(events) if e.get("context") == "happened"), 0)


SINGLE_HAPPENING_EVENTS = 3  # at most this many linkable events at one place: the article tells one happening


def _loose_claims_by_event(events: Sequence[dict[str, Any]], loose: Sequence[ClaimInfo]
                           ) -> dict[int, tuple[ClaimInfo, ...]]:  # fmt: skip
    """Which event each voiced claim that backs none is about. In an article that tells one
    happening (its linkable events at one place at most, a few of them), its first placed event:
    the claims are most often about what the article is about ("GeoConfirmed said it had geolocated
    the footage"). In a longer piece, the event whose place the claim names, else none: a speaker
    of a long piece is no origin of every happening in it."""
    if not events or not loose:
        return {}
    keys = {place_key(e.get("place")) for e in events} - {None}
    placed = [n for n, e in enumerate(events) if place_key(e.get("place"))]
    if len(keys) <= 1 and len(events) <= SINGLE_HAPPENING_EVENTS:
        return {placed[0] if placed else 0: tuple(loose)}
    out: dict[int, list[ClaimInfo]] = {}
    for claim in loose:
        words = tokens(claim.content)
        for n in placed:
            place = events[n].get("place") or {}
            named = tokens(place.get("name") or "") | tokens(place.get("text") or "")
            if named and named <= words:
                out.setdefault(n, []).append(claim)
                break
    return {n: tuple(cs) for n, cs in out.items()}


def event_mentions(data: dict[str, Any]) -> list[Mention]:
    """The linkable events of one analysis (contract JSON). The article's voiced claims that back
    none of its events go with the event they are about (``_loose_claims_by_event``). The lead
    happening carries the article's content words. An article without linkable events gives one
    article-wide mention (family ``*``), which may join a story; with no event at all it carries
    the article's words and opens a story of its own when none is close."""
    aid = data["id"]
    published = day(data.get("published"))
    claims = {c["id"]: _claim_info(c) for c in data.get("claims") or ()}
    events = [e for e in data.get("events") or () if e.get("context") in LINKED_CONTEXTS]
    places = list(data.get("places") or ())
    backed = {c for e in data.get("events") or () for c in e.get("claim_ids") or ()}
    loose = tuple(c for cid, c in claims.items() if cid not in backed and c.voiced)
    extra = _loose_claims_by_event(events, loose)
    terms = content_terms(data.get("title"), data.get("text") or "")
    lead = _lead(events)
    out = []
    for n, event in enumerate(events):
        own = tuple(claims[c] for c in event.get("claim_ids") or () if c in claims)
        m = _mention(aid, published, event, own + extra.get(n, ()), places)
        out.append(replace(m, terms=terms) if n == lead else m)
    if not out:
        # an article with no event at all (none hypothetical, none planned) may still report a
        # happening in words the event stage does not read: its words link it by content
        pseudo = {"id": f"{aid}:article", "event_type": None, "sub_event_type": None, "context": "happened"}
        m = _mention(aid, published, pseudo, loose)
        out.append(replace(m, family=ANY, terms=terms, eventless=not data.get("events")))
    return out


def mention_to_dict(m: Mention) -> dict[str, Any]:
    """The features of a mention as JSON, to store beside its story and resume linking later."""
    return {
        "article": m.article, "event": m.event, "published": m.published, "event_type": m.event_type,
        "sub_event_type": m.sub_event_type, "family": m.family, "place_key": m.place_key, "place": m.place,
        "date": m.date, "lo": m.lo, "hi": m.hi, "explicit": m.explicit, "context": m.context,
        "fatalities": m.fatalities, "controller": m.controller, "attacker": m.attacker, "tokens": sorted(m.tokens),
        "claims": [[c.id, c.status, c.type, c.kind, c.role, c.side, c.name, c.content, c.cue] for c in m.claims],
        "alt_keys": list(m.alt_keys), "terms": [list(t) for t in m.terms], "eventless": m.eventless,
    }  # fmt: skip


def mention_from_dict(d: dict[str, Any]) -> Mention:
    return Mention(
        article=d["article"], event=d["event"], published=d["published"], event_type=d["event_type"],
        sub_event_type=d["sub_event_type"], family=d["family"], place_key=d["place_key"], place=d["place"],
        date=d["date"], lo=d["lo"], hi=d["hi"], explicit=d["explicit"], context=d["context"],
        fatalities=d["fatalities"], controller=d["controller"], attacker=d.get("attacker"),
        tokens=frozenset(d["tokens"]),
        claims=tuple(ClaimInfo(*c) for c in d["claims"]), alt_keys=tuple(d.get("alt_keys") or ()),
        terms=tuple((w, int(k)) for w, k in d.get("terms") or ()), eventless=bool(d.get("eventless")),
    )  # fmt: skip
