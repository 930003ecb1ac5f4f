"""Reading the ledger: claims, events and places, filtered.

Dates: claims and place mentions are filtered on their article's publication date; events on the
event's own date range (``day_first``..``day_last``, which falls back to the publication date when
the event has no date): an event matches ``since``/``until`` when its range overlaps theirs.
Places match ``place`` when the resolved name or the mention text equals it, ignoring case.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import selectinload

from fogofwar.store import countries
from fogofwar.store.convert import row_to_claim, row_to_event
from fogofwar.store.db import Store
from fogofwar.store.models import ArticleRow, ClaimRow, EventActorRow, EventClaimRow, EventRow, PlaceRow
from fogofwar.store.rows import ArticleRef, ClaimHit, EventHit, PlaceSummary

DateLike = dt.date | str | None


def as_date(value: DateLike, what: str = "date") -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a date; use YYYY-MM-DD") from None


def country_code(value: str | None) -> str | None:
    """The ISO alpha-2 code of a country given by code (UA, UKR) or name (Ukraine)."""
    if value is None:
        return None
    code = countries.alpha2(value)
    if code is None:
        raise ValueError(f"unknown country {value!r}; give an ISO code (UA, UKR) or a name")
    return code


# Only the article columns a hit carries: never the text or the analysis JSON.
_REF_COLUMNS = (ArticleRow.id, ArticleRow.published, ArticleRow.outlet, ArticleRow.url, ArticleRow.title)


def _ref(row: Any) -> ArticleRef:
    return ArticleRef(row[0], row[1], row[2], row[3], row[4])


def _published_filter(since: dt.date | None, until: dt.date | None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if since is not None:
        conds.append(ArticleRow.published >= since)
    if until is not None:
        conds.append(ArticleRow.published <= until)
    return conds


def _place_match(name: Any, text: Any, place: str) -> ColumnElement[bool]:
    wanted = place.strip().lower()
    return or_(func.lower(name) == wanted, func.lower(text) == wanted)


def _order(stmt: Select[Any], *tail: Any) -> Select[Any]:
    # Undated articles last; portable across SQLite and PostgreSQL (no NULLS LAST).
    return stmt.order_by(ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id, *tail)


def list_claims(
    store: Store,
    place: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    source_kind: str | None = None,
    side: str | None = None,
    status: str | None = None,
    article: str | None = None,
    limit: int | None = None,
) -> list[ClaimHit]:
    """Claims, in publication order. ``place``: claims whose content holds a mention of the place,
    or that back an event at the place. ``side``: the source's side."""
    stmt = select(ClaimRow, *_REF_COLUMNS).join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
    conds = _published_filter(as_date(since, "since"), as_date(until, "until"))
    if source_kind is not None:
        conds.append(ClaimRow.source_kind == source_kind)
    if side is not None:
        conds.append(ClaimRow.source_side == side)
    if status is not None:
        conds.append(ClaimRow.status == status)
    if article is not None:
        conds.append(ClaimRow.article_id == article)
    if place is not None:
        in_content = exists().where(
            PlaceRow.article_id == ClaimRow.article_id,
            PlaceRow.start < ClaimRow.content_end,
            PlaceRow.end > ClaimRow.content_start,
            _place_match(PlaceRow.name, PlaceRow.text, place),
        )
        backs_event = exists().where(
            EventClaimRow.claim_pk == ClaimRow.pk,
            EventClaimRow.event_pk == EventRow.pk,
            _place_match(EventRow.place_name, EventRow.place_text, place),
        )
        conds.append(or_(in_content, backs_event))
    stmt = _order(stmt.where(*conds), ClaimRow.pk).limit(limit)
    with store.session() as session:
        return [ClaimHit(_ref(r[1:]), row_to_claim(r[0])) for r in session.execute(stmt).all()]


def list_events(
    store: Store,
    place: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    side: str | None = None,
    context: str | None = None,
    limit: int | None = None,
    background: bool | None = None,
) -> list[EventHit]:
    """Events, in publication order. ``side``: an actor's side. Dates: the event's own date range
    overlaps ``since``..``until`` (the publication date stands in for an undated event).
    ``background``: True for background happenings only, False for none of them, None for both.
    What the command line shows by default is ``context="happened", background=False``."""
    stmt = (
        select(EventRow, *_REF_COLUMNS)
        .join(ArticleRow, EventRow.article_id == ArticleRow.id)
        .options(selectinload(EventRow.actors), selectinload(EventRow.claim_links))
    )
    conds: list[ColumnElement[bool]] = []
    since_d, until_d = as_date(since, "since"), as_date(until, "until")
    if since_d is not None:
        conds.append(EventRow.day_last >= since_d)
    if until_d is not None:
        conds.append(EventRow.day_first <= until_d)
    if event_type is not None:
        conds.append(EventRow.event_type == event_type)
    if sub_event_type is not None:
        conds.append(EventRow.sub_event_type == sub_event_type)
    if context is not None:
        conds.append(EventRow.context == context)
    if background is not None:
        conds.append(EventRow.background.is_(True) if background else EventRow.background.is_(False))
    if side is not None:
        conds.append(exists().where(EventActorRow.event_pk == EventRow.pk, EventActorRow.side == side))
    if place is not None:
        conds.append(_place_match(EventRow.place_name, EventRow.place_text, place))
    stmt = _order(stmt.where(*conds), EventRow.pk).limit(limit)
    with store.session() as session:
        hits = []
        for r in session.execute(stmt).all():
            e = r[0]
            hits.append(EventHit(_ref(r[1:]), row_to_event(e), e.day_first, e.day_last))
        return hits


def list_places(
    store: Store,
    place: str | None = None,
    country: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
) -> list[PlaceSummary]:
    """Places across the ledger, most mentioned first, with how many mentions, articles and
    events name them. ``country``: an ISO code or a country name. Dates: publication dates."""
    since_d, until_d = as_date(since, "since"), as_date(until, "until")
    code = country_code(country)
    conds = _published_filter(since_d, until_d)
    if place is not None:
        conds.append(_place_match(PlaceRow.name, PlaceRow.text, place))
    if code is not None:
        conds.append(PlaceRow.country_code == code)
    mentions = (
        select(
            PlaceRow.place_key,
            func.max(func.coalesce(PlaceRow.name, PlaceRow.text)),
            func.max(PlaceRow.geonameid), func.max(PlaceRow.lat), func.max(PlaceRow.lon),
            func.max(PlaceRow.country_code), func.max(PlaceRow.admin1), func.max(PlaceRow.feature_code),
            func.count(), func.count(PlaceRow.article_id.distinct()),
            func.min(ArticleRow.published), func.max(ArticleRow.published),
        )
        .join(ArticleRow, PlaceRow.article_id == ArticleRow.id)
        .where(*conds)
        .group_by(PlaceRow.place_key)
    )  # fmt: skip
    econds: list[ColumnElement[bool]] = [EventRow.place_key.is_not(None)]
    if since_d is not None:
        econds.append(EventRow.day_last >= since_d)
    if until_d is not None:
        econds.append(EventRow.day_first <= until_d)
    if place is not None:
        econds.append(_place_match(EventRow.place_name, EventRow.place_text, place))
    if code is not None:
        econds.append(EventRow.place_country_code == code)
    events = (
        select(
            EventRow.place_key,
            func.max(func.coalesce(EventRow.place_name, EventRow.place_text)),
            func.max(EventRow.place_geonameid), func.max(EventRow.place_lat), func.max(EventRow.place_lon),
            func.max(EventRow.place_country_code), func.max(EventRow.place_admin1),
            func.max(EventRow.place_feature_code), func.count(),
        )
        .where(and_(*econds))
        .group_by(EventRow.place_key)
    )  # fmt: skip
    with store.session() as session:
        found = {r[0]: r for r in session.execute(mentions).all()}
        counted = {r[0]: r for r in session.execute(events).all()}
    out: list[PlaceSummary] = []
    for key in found.keys() | counted.keys():
        m, e = found.get(key), counted.get(key)
        base = m if m is not None else e
        assert base is not None
        out.append(PlaceSummary(
            key=key, name=base[1], geonameid=base[2], lat=base[3], lon=base[4], country_code=base[5],
            admin1=base[6], feature_code=base[7], mentions=m[8] if m else 0, articles=m[9] if m else 0,
            events=e[8] if e else 0, first_published=m[10] if m else None,
            last_published=m[11] if m else None,
        ))  # fmt: skip
    out.sort(key=lambda p: (-p.mentions, -p.events, p.name.lower(), p.key))
    return out
