"""Between schema objects (the contract) and the ledger's rows, both ways."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fogofwar import __version__
from fogofwar.schema import (
    Actor,
    Analysis,
    Claim,
    Content,
    DateRef,
    Event,
    Part,
    Place,
    Plover,
    Source,
    TerritoryChange,
    TextSpan,
)
from fogofwar.store.identity import analysis_hash, article_key, text_hash
from fogofwar.store.models import (
    Base,
    ClaimRow,
    CueRow,
    DateRow,
    EntityRow,
    EventRow,
    PlaceRow,
)

log = logging.getLogger(__name__)


class InvalidAnalysis(ValueError):
    """The analysis breaks the contract in a way the ledger cannot store."""


def parse_day(value: str | None, what: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidAnalysis(f"{what} {value!r} is not a date; use YYYY-MM-DD") from None


def date_bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a contract date value ("YYYY-MM-DD", "YYYY-MM", "YYYY") covers."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            year, month = parts
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        pass
    log.warning("date value %r is not YYYY-MM-DD, YYYY-MM or YYYY; ignored for date filters", value)
    return None


# The evidence sentence of an event whose analysis gives none: the sentence (or line) around its
# first mention, at most EVIDENCE_LIMIT characters. Migration 0004 keeps a frozen copy.
EVIDENCE_LIMIT = 400
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)|\n")


def evidence_bounds(text: str, start: int, end: int, limit: int = EVIDENCE_LIMIT) -> tuple[int, int]:
    """The offsets of the sentence (or line) around text[start:end]: from the end of the previous
    sentence or line break to the end of this one, whitespace stripped. A sentence longer than
    ``limit`` is cut to ``limit`` characters around the span, at word boundaries."""
    lo_window = max(0, start - limit)
    begin = lo_window
    for m in _SENTENCE_END.finditer(text, lo_window, start):
        begin = m.end()
    if begin == lo_window and lo_window > 0:  # no sentence start in reach: start at a word
        space = text.find(" ", lo_window, start)
        begin = space + 1 if space != -1 else lo_window
    hi_window = min(len(text), end + limit + 2)
    m = _SENTENCE_END.search(text, end, hi_window)
    stop = (m.end() if m.group() != "\n" else m.start()) if m else hi_window
    while begin < stop and text[begin].isspace():
        begin += 1
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    if stop - begin <= limit:
        return begin, stop
    if end - start >= limit:
        return start, start + limit
    room = limit - (end - start)
    lo = max(begin, start - room // 2)
    hi = min(stop, lo + limit)
    lo = max(begin, hi - limit)
    if lo > begin:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < stop:
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    return lo, hi


def evidence_of(event: Event, text: str) -> TextSpan | None:
    """The event's evidence sentence: the analysis's own, else the sentence around its first mention
    (None for an event without mentions). Given evidence whose offsets fall outside the text is
    replaced by the derived sentence (an added field does not make the ledger refuse an article)."""
    given = event.evidence
    if given is not None:
        if isinstance(given.start, int) and isinstance(given.end, int) and 0 <= given.start <= given.end <= len(text):
            return given
        log.warning("event %s: evidence offsets %r..%r are outside the text; derived from the first mention",
                    event.id, given.start, given.end)  # fmt: skip
    mentions = [m for m in event.mentions if 0 <= m.start <= m.end <= len(text)]
    if not mentions:
        return None
    first = min(mentions, key=lambda m: (m.start, m.end))
    lo, hi = evidence_bounds(text, first.start, first.end)
    return TextSpan(lo, hi, text[lo:hi])


def happened(event: Event) -> bool:
    """What the ledger shows by default: an event that happened, told as news (not background)."""
    return event.context == "happened" and not event.background


def place_key(place: Place) -> str:
    if place.geonameid is not None:
        return f"gn:{place.geonameid}"
    return f"text:{(place.name or place.text).strip().lower()}"


def _spans(analysis: Analysis) -> Iterator[tuple[str, Any]]:
    for e in analysis.entities:
        yield f"entity {e.id}", e
    for p in analysis.places:
        yield "place", p
    for d in analysis.dates:
        yield "date", d
    for u in analysis.uncertainty_cues:
        yield "uncertainty cue", u
    for c in analysis.claims:
        for what, span in (("source", c.source), ("cue", c.cue), ("content", c.content)):
            if span is not None:
                yield f"claim {c.id} {what}", span
    for ev in analysis.events:
        for what, span in (("place", ev.place), ("date", ev.date)):
            if span is not None:
                yield f"event {ev.id} {what}", span
        for m in ev.mentions:
            yield f"event {ev.id} mention", m


def validate(analysis: Analysis) -> None:
    """Refuse an analysis whose spans do not point into its text, or whose ids repeat."""
    if not isinstance(analysis.id, str) or not analysis.id:
        raise InvalidAnalysis("the analysis has no id")
    if not isinstance(analysis.text, str):
        raise InvalidAnalysis("the analysis has no text")
    n = len(analysis.text)
    for what, span in _spans(analysis):
        start, end = span.start, span.end
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= n):
            raise InvalidAnalysis(f"{what} has offsets {start!r}..{end!r} outside the text (0..{n})")
        text = getattr(span, "text", None)
        if text is not None and analysis.text[start:end] != text:
            log.warning("article %s: %s %r is not text[%d:%d]", analysis.id, what, text, start, end)
    kinds = (("entity", analysis.entities), ("claim", analysis.claims), ("event", analysis.events))
    for kind, items in kinds:
        ids = [item.id for item in items]
        if len(set(ids)) != len(ids):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise InvalidAnalysis(f"{kind} id {dup!r} appears twice in article {analysis.id!r}")
    parse_day(analysis.published, "published date")


def _place_columns(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {}
    return {
        "place_start": place.start, "place_end": place.end, "place_text": place.text,
        "place_key": place_key(place), "place_geonameid": place.geonameid, "place_name": place.name,
        "place_lat": place.lat, "place_lon": place.lon, "place_country_code": place.country_code,
        "place_admin1": place.admin1, "place_feature_code": place.feature_code,
        "place_precision": place.precision, "place_radius_km": place.radius_km,
        "place_score": place.score, "place_relation": place.relation,
        "place_distance_km": place.distance_km,
    }  # fmt: skip


def _event_columns(ev: Event, published: dt.date | None, text: str) -> dict[str, Any]:
    bounds = date_bounds(ev.date.value if ev.date else None) or (published, published)
    evidence = evidence_of(ev, text)
    date: dict[str, Any] = {}
    if ev.date is not None:
        date = {"date_start": ev.date.start, "date_end": ev.date.end, "date_text": ev.date.text,
                "date_value": ev.date.value, "date_precision": ev.date.precision}  # fmt: skip
    tc = ev.territory_change
    return dict(
        id=ev.id, event_type=ev.event_type, sub_event_type=ev.sub_event_type, context=ev.context,
        fatalities=ev.fatalities, score=ev.score,
        mentions=[{"start": m.start, "end": m.end, "text": m.text} for m in ev.mentions],
        day_first=bounds[0], day_last=bounds[1],
        territory_place=tc.place if tc else None, territory_before=tc.controller_before if tc else None,
        territory_after=tc.controller_after if tc else None, territory_status=tc.status if tc else None,
        plover_event_type=ev.plover.event_type if ev.plover else None,
        plover_mode=ev.plover.mode if ev.plover else None,
        background=bool(ev.background),
        evidence_start=evidence.start if evidence else None, evidence_end=evidence.end if evidence else None,
        evidence_text=evidence.text if evidence else None,
        **_place_columns(ev.place), **date,
    )  # fmt: skip


def _claim_columns(c: Claim) -> dict[str, Any]:
    s, cue, content = c.source, c.cue, c.content
    return dict(
        id=c.id, type=c.type, status=c.status, score=c.score,
        source_start=s.start if s else None, source_end=s.end if s else None,
        source_text=s.text if s else None, source_kind=s.kind if s else None,
        source_role=s.role if s else None, source_side=s.side if s else None,
        source_canonical=s.canonical if s else None,
        cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
        cue_text=cue.text if cue else None,
        content_start=content.start, content_end=content.end, content_text=content.text,
        content_parts=[[p.start, p.end] for p in content.parts] if content.parts else None,
    )  # fmt: skip


@dataclass(slots=True)
class ArticleRows:
    """The column values of one article's rows, for bulk inserts. ``article_id`` and the foreign
    keys of actors and links are filled in by the writer."""

    article: dict[str, Any]
    children: list[tuple[type[Base], list[dict[str, Any]]]]  # entities, places, dates, cues
    claims: list[dict[str, Any]]
    events: list[dict[str, Any]]
    actors: list[list[dict[str, Any]]]  # per event, in order
    claim_ids: list[tuple[str, ...]]  # per event


def _page_date(analysis: Analysis) -> dt.date | None:
    """The page's own date; one that is not YYYY-MM-DD is kept in the analysis JSON only."""
    try:
        return parse_day(analysis.page_date, "page date")
    except InvalidAnalysis:
        log.warning("article %s: page date %r is not YYYY-MM-DD; not stored as a date", analysis.id,
                    analysis.page_date)  # fmt: skip
        return None


def analysis_rows(analysis: Analysis, data: dict[str, Any], now: dt.datetime) -> ArticleRows:
    published = parse_day(analysis.published, "published date")
    aid = analysis.id
    article = dict(
        id=aid, key=article_key(analysis.text, analysis.url), text_hash=text_hash(analysis.text),
        analysis_hash=analysis_hash(data), url=analysis.url, outlet=analysis.outlet, title=analysis.title,
        published=published, page_date=_page_date(analysis), language=analysis.language, text=analysis.text,
        schema_version=analysis.schema_version, fogofwar_version=__version__, analysed_at=now,
        analysis=data,
    )  # fmt: skip
    entities = [dict(article_id=aid, id=e.id, start=e.start, end=e.end, text=e.text, label=e.label,
                     canonical=e.canonical, role=e.role, side=e.side) for e in analysis.entities]  # fmt: skip
    places = [dict(article_id=aid, start=p.start, end=p.end, text=p.text, place_key=place_key(p),
                   geonameid=p.geonameid, name=p.name, lat=p.lat, lon=p.lon, country_code=p.country_code,
                   admin1=p.admin1, feature_code=p.feature_code, precision=p.precision,
                   radius_km=p.radius_km, score=p.score, relation=p.relation, distance_km=p.distance_km)
              for p in analysis.places]  # fmt: skip
    dates = [dict(article_id=aid, start=d.start, end=d.end, text=d.text, value=d.value,
                  precision=d.precision) for d in analysis.dates]  # fmt: skip
    cues = [dict(article_id=aid, start=u.start, end=u.end, text=u.text, type=u.type)
            for u in analysis.uncertainty_cues]  # fmt: skip
    return ArticleRows(
        article=article,
        children=[(EntityRow, entities), (PlaceRow, places), (DateRow, dates), (CueRow, cues)],
        claims=[dict(_claim_columns(c), article_id=aid) for c in analysis.claims],
        events=[dict(_event_columns(ev, published, analysis.text), article_id=aid) for ev in analysis.events],
        actors=[[dict(position=i, text=a.text, canonical=a.canonical, side=a.side, inter=a.inter)
                 for i, a in enumerate(ev.actors)] for ev in analysis.events],  # fmt: skip
        claim_ids=[ev.claim_ids for ev in analysis.events],
    )


# Back from rows to schema objects.


def row_to_claim(row: ClaimRow) -> Claim:
    source = None
    if row.source_start is not None and row.source_end is not None:
        source = Source(start=row.source_start, end=row.source_end, text=row.source_text or "",
                        kind=row.source_kind or "", role=row.source_role, side=row.source_side or "unknown",
                        canonical=row.source_canonical)  # fmt: skip
    cue = None
    if row.cue_start is not None and row.cue_end is not None:
        cue = TextSpan(row.cue_start, row.cue_end, row.cue_text or "")
    parts = tuple(Part(a, b) for a, b in row.content_parts) if row.content_parts else None
    return Claim(
        id=row.id, source=source, cue=cue,
        content=Content(row.content_start, row.content_end, row.content_text, parts),
        type=row.type, status=row.status, score=row.score,
    )  # fmt: skip


def row_to_place(row: EventRow) -> Place | None:
    if row.place_start is None or row.place_end is None:
        return None
    return Place(
        start=row.place_start, end=row.place_end, text=row.place_text or "", geonameid=row.place_geonameid,
        name=row.place_name, lat=row.place_lat, lon=row.place_lon, country_code=row.place_country_code,
        admin1=row.place_admin1, feature_code=row.place_feature_code, precision=row.place_precision,
        radius_km=row.place_radius_km, score=row.place_score if row.place_score is not None else 0.0,
        relation=row.place_relation, distance_km=row.place_distance_km,
    )  # fmt: skip


def row_to_event(row: EventRow) -> Event:
    date = None
    if row.date_start is not None and row.date_end is not None:
        date = DateRef(row.date_start, row.date_end, row.date_text or "", row.date_value,
                       row.date_precision or "unknown")  # fmt: skip
    territory = None
    if row.territory_status is not None:
        territory = TerritoryChange(row.territory_place, row.territory_before, row.territory_after,
                                    row.territory_status)  # fmt: skip
    evidence = None
    if row.evidence_start is not None and row.evidence_end is not None:
        evidence = TextSpan(row.evidence_start, row.evidence_end, row.evidence_text or "")
    return Event(
        id=row.id, event_type=row.event_type, sub_event_type=row.sub_event_type,
        actors=tuple(Actor(a.text, a.canonical, a.side, a.inter) for a in row.actors),
        place=row_to_place(row), date=date, fatalities=row.fatalities, context=row.context,
        claim_ids=tuple(link.claim_id for link in row.claim_links),
        mentions=tuple(TextSpan(m["start"], m["end"], m["text"]) for m in row.mentions or ()),
        score=row.score, territory_change=territory,
        plover=Plover(row.plover_event_type, row.plover_mode) if row.plover_event_type else None,
        background=bool(row.background), evidence=evidence,
    )  # fmt: skip
