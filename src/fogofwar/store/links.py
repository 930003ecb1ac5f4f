"""Stories in the ledger: linking stored articles, writing stories, reading them back.

Linking is incremental: ``link_pending`` resumes the linker from the stored story members and
syndication signatures, links the articles not linked yet (or re-analysed since) in publication
order, and rewrites the stories they changed, one transaction per batch. ``relink`` starts over.
Story rows are replaced whole (delete, then bulk insert), so a story never mixes two versions.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, exists, func, insert, or_, select, update
from sqlalchemy.orm import Session

from fogofwar.link import Linker, Story
from fogofwar.link.mentions import Mention, mention_to_dict
from fogofwar.link.syndication import Copy, signature_bytes
from fogofwar.store.db import Store
from fogofwar.store.linkindex import (
    LedgerSource,
    _at_or_after,
    complete,
    link_day,
    rewind,
    rewind_point,
    write_index,
)
from fogofwar.store.models import (
    ArticleRow,
    EventRow,
    LinkArticleRow,
    LinkBandRow,
    LinkKeyRow,
    LinkPostingRow,
    LinkWordRow,
    StoryContradictionRow,
    StoryMemberRow,
    StoryOriginRow,
    StoryRow,
    StoryTimelineRow,
)

log = logging.getLogger(__name__)
CHUNK = 500  # ids per IN (...) list and articles per transaction


@dataclass(frozen=True, slots=True)
class LinkReport:
    articles: int
    stories_changed: int
    stories: int

    def summary(self) -> str:
        return f"{self.articles} articles linked, {self.stories_changed} stories changed, {self.stories} stories"


def _chunks(items: list[Any], n: int = CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _date(value: str | int | None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, int):
        return dt.date.fromordinal(value)
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def _story_row(linker: Linker, sid: str, story: Story) -> dict[str, Any]:
    state = linker.stories[sid]
    place = story.place or {}
    return dict(
        id=sid, seq=linker.seq(sid), status=story.status, event_type=story.event_type,
        sub_event_type=story.sub_event_type, place_name=place.get("name"), place_geonameid=place.get("geonameid"),
        day=_date((story.date or {}).get("value")), first_published=_date(state.members[0].published),
        independent_sources=story.independent_sources, articles=len(story.articles), data=story.to_dict(),
    )  # fmt: skip


def _summary_rows(sid: str, story: Story) -> dict[str, list[dict[str, Any]]]:
    return {
        "origins": [dict(story_id=sid, position=i, name=o.name, side=o.side, type=o.type, articles=list(o.articles))
                    for i, o in enumerate(story.origins)],
        "contradictions": [dict(story_id=sid, claim_a=a, claim_b=b) for a, b in story.contradictions],
        "timeline": [dict(story_id=sid, position=i, date=_date(t.date), status=t.status, article_id=t.article)
                     for i, t in enumerate(story.timeline)],
    }  # fmt: skip


def _member_rows(sid: str, members: Iterable[Mention], start: int = 0) -> list[dict[str, Any]]:
    return [dict(story_id=sid, position=start + i, article_id=m.article, event_id=m.event,
                 features=mention_to_dict(m)) for i, m in enumerate(members)]  # fmt: skip


SUMMARY_MODELS = {"origins": StoryOriginRow, "contradictions": StoryContradictionRow, "timeline": StoryTimelineRow}
CHILD_MODELS = {"members": StoryMemberRow, **SUMMARY_MODELS}
INDEX_MODELS = (LinkKeyRow, LinkWordRow, LinkPostingRow, LinkBandRow)


def write_stories(session: Session, linker: Linker, ids: Iterable[str]) -> int:
    """Write these stories as the linker holds them. A story that only gained members since the
    last write (``linker.fresh``) gets its new member rows and a new summary; a new, rebuilt or
    deleted one is replaced whole. Call ``linker.written()`` once the transaction commits."""
    wanted = sorted(set(ids))
    whole = [sid for sid in wanted if sid not in linker.stories or sid in linker.rebuilt
             or len(linker.fresh.get(sid, ())) >= len(linker.stories[sid].members)]  # fmt: skip
    grown = sorted(set(wanted) - set(whole))
    for chunk in _chunks(whole):
        for model in CHILD_MODELS.values():  # explicit, so as not to rely on the backend's cascade
            session.execute(delete(model).where(model.story_id.in_(chunk)))
        session.execute(delete(StoryRow).where(StoryRow.id.in_(chunk)))
    for chunk in _chunks(grown):
        for model in SUMMARY_MODELS.values():
            session.execute(delete(model).where(model.story_id.in_(chunk)))
    stories = {sid: linker.story(sid) for sid in wanted if sid in linker.stories}
    children: dict[str, list[dict[str, Any]]] = {name: [] for name in CHILD_MODELS}
    for sid, story in stories.items():
        for name, values in _summary_rows(sid, story).items():
            children[name].extend(values)
        members = linker.stories[sid].members
        fresh = members if sid in whole else linker.fresh.get(sid, [])
        children["members"].extend(_member_rows(sid, fresh, len(members) - len(fresh)))
    new_rows = [_story_row(linker, sid, stories[sid]) for sid in whole if sid in stories]
    for chunk in _chunks(new_rows):
        session.execute(insert(StoryRow), chunk)
    grown_rows = [_story_row(linker, sid, stories[sid]) for sid in grown]
    for chunk in _chunks(grown_rows):
        session.execute(update(StoryRow), chunk)
    for name, values in children.items():
        for chunk in _chunks(values):
            session.execute(insert(CHILD_MODELS[name]), chunk)
    return len(wanted)


def _write_links(session: Session, rows: list[dict[str, Any]]) -> None:
    for chunk in _chunks([r["article_id"] for r in rows]):
        session.execute(delete(LinkArticleRow).where(LinkArticleRow.article_id.in_(chunk)))
    for chunk in _chunks(rows):
        session.execute(insert(LinkArticleRow), chunk)


def link_row(copy: Copy, analysis_hash: str, published: str | None, sig: Any,
             counts: dict[str, Any] | None = None, day: dt.date | None = None) -> dict[str, Any]:  # fmt: skip
    """The article's link row; ``counts``: what linking it added (``Linker.contribution``); ``day``:
    the day it is linked as of (``link_day``; its publication day by default)."""
    counts = counts or dict(mentions=0, tokens={}, terms=None, lead_story=None, norm=None, norm_n=None)
    return dict(article_id=copy.article, analysis_hash=analysis_hash, root=copy.root, credits=list(copy.credits),
                copies=list(copy.copies), published=_date(published), signature=signature_bytes(sig),
                day=day or link_day(_date(published), None), **counts)  # fmt: skip


def load_linker(store: Store) -> Linker:
    """A linker that links against the ledger's stories, reading what it needs when it needs it."""
    return Linker(LedgerSource(store))


def _pending(session: Session, rebuild: bool) -> list[str]:
    """The articles to link, in linking order: by ``link_day``, then id."""
    stmt = select(ArticleRow.id, ArticleRow.published, ArticleRow.analysed_at)
    if not rebuild:
        stmt = stmt.outerjoin(LinkArticleRow, LinkArticleRow.article_id == ArticleRow.id).where(
            or_(LinkArticleRow.article_id.is_(None), LinkArticleRow.analysis_hash != ArticleRow.analysis_hash)
        )
    rows = session.execute(stmt.execution_options(yield_per=5000))
    return [aid for _, aid in sorted((link_day(published, at), aid) for aid, published, at in rows)]


# an article's Copy, analysis hash, published date, MinHash, linking day
Linked = tuple[Copy, str, str | None, Any, dt.date]


def write_batch(session: Session, linker: Linker, links: list[Linked], changed: Iterable[str] | None) -> None:
    """Write a batch of linking: the articles' link rows, the linker's index, and the stories
    changed (none with ``changed=None``: a rebuild writes them once at the end)."""
    rows = [link_row(copy, h, published, sig, linker.contribution(copy.article), day)
            for copy, h, published, sig, day in links]  # fmt: skip
    _write_links(session, rows)
    write_index(session, linker, [(copy, sig) for copy, _, _, sig, _ in links], counts=changed is not None)
    if changed is not None:
        write_stories(session, linker, changed)


def link_pending(store: Store, *, rebuild: bool = False, batch: int = CHUNK) -> LinkReport:
    """Link the stored articles not linked yet (all of them, from scratch, with ``rebuild``).

    Articles are linked in publication order. One that comes before articles already linked (it
    arrived late, or was re-analysed) rewinds the linking to its place: the articles after it are
    taken out and linked again after it, so any order of runs gives the stories of a rebuild. A
    rewind over most of the ledger is a rebuild."""
    with store.session() as session:
        pending = _pending(session, rebuild)
        linked = session.scalar(select(func.count()).select_from(LinkArticleRow)) or 0
        if not rebuild and linked and not complete(session):
            log.info("%s: links written by an older fogofwar carry no counts: relinking from scratch", store.url)
            rebuild = True
            pending = _pending(session, True)
        point = None if rebuild else rewind_point(session, pending)
    refreshed: set[str] = set()
    if point is not None:
        with store.session() as session:
            later = session.scalar(select(func.count()).where(_at_or_after(*point))) or 0
        if later * 2 > linked:
            log.info("%s: %d of %d linked articles come after the new ones: relinking from scratch",
                     store.url, later, linked)  # fmt: skip
            rebuild = True
            with store.session() as session:
                pending = _pending(session, True)
        else:
            with store.session(write=True) as session:
                taken, refreshed = rewind(session, point)
                log.info("%s: %d linked articles come after the new ones: linking them again after them",
                         store.url, taken)  # fmt: skip
            with store.session() as session:
                pending = _pending(session, False)
    if rebuild:
        with store.session(write=True) as session:
            for model in (*CHILD_MODELS.values(), StoryRow, LinkArticleRow, *INDEX_MODELS):
                session.execute(delete(model))
    # an empty ledger has nothing to read: link in memory (the same stories, fewer queries)
    linker = Linker() if rebuild or not linked else load_linker(store)
    changed_all = linker.refresh(refreshed)
    first = set(changed_all)
    for chunk in _chunks(pending, batch):
        changed, links = _link_chunk(store, linker, chunk)
        changed |= first
        first = set()
        with store.session(write=True) as session:
            write_batch(session, linker, links, None if rebuild else changed)
        if rebuild:  # the stories, word counts and lengths are written once, at the end
            linker.counted.clear()
            linker.new_keys.clear()
        else:
            linker.written()
        changed_all |= changed
    if rebuild:
        with store.session(write=True) as session:
            write_stories(session, linker, linker.stories)
            # every word and length, once: a rebuild's batches leave them to the end
            write_index(session, linker, [])
        linker.written()
    with store.session() as session:
        stories = session.scalar(select(func.count()).select_from(StoryRow)) or 0
    return LinkReport(len(pending), len(changed_all), stories)


def _link_chunk(store: Store, linker: Linker, ids: list[str]) -> tuple[set[str], list[Linked]]:
    changed: set[str] = set()
    links = []
    with store.session() as session:
        rows = session.execute(select(ArticleRow.id, ArticleRow.analysis_hash, ArticleRow.analysis,
                                      ArticleRow.published, ArticleRow.analysed_at)
                               .where(ArticleRow.id.in_(ids)))  # fmt: skip
        by_id = {aid: (h, data, link_day(published, at)) for aid, h, data, published, at in rows}
    for aid in ids:  # linking order
        analysis_hash, data, day = by_id[aid]
        story_ids, copy, sig = linker.add(data)
        changed |= story_ids
        links.append((copy, analysis_hash, data.get("published"), sig, day))
    return changed, links


def list_stories(
    store: Store, *, status: str | None = None, place: str | None = None, since: dt.date | None = None,
    until: dt.date | None = None, limit: int | None = None, happened_only: bool = False,
) -> list[Story]:  # fmt: skip
    """Stored stories by day, then id; ``place`` matches the place name (any case), dates the
    story's day. ``happened_only``: only stories with an event that happened and is not background
    (what ``fogofwar stories`` shows unless ``--all-contexts``)."""
    stmt = select(StoryRow.data).order_by(StoryRow.day.is_(None), StoryRow.day, StoryRow.id)
    if happened_only:
        stmt = stmt.where(
            exists().where(
                StoryMemberRow.story_id == StoryRow.id,
                EventRow.id == StoryMemberRow.event_id,
                EventRow.context == "happened",
                EventRow.background.is_(False),
            )
        )
    if status:
        stmt = stmt.where(StoryRow.status == status.lower())
    if place:
        stmt = stmt.where(func.lower(StoryRow.place_name) == place.lower())
    if since:
        stmt = stmt.where(StoryRow.day >= since)
    if until:
        stmt = stmt.where(StoryRow.day <= until)
    if limit:
        stmt = stmt.limit(limit)
    with store.session() as session:
        return [Story.from_dict(data) for data in session.scalars(stmt)]


@dataclass(frozen=True, slots=True)
class ClaimText:
    """A story's claim as a reader needs it: who, which side, how said, what, in which article."""

    id: str
    article: str
    source: str | None  # the source's canonical name, else its words; None for the article's own voice
    side: str | None
    status: str
    content: str
    published: str | None


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    id: str
    outlet: str | None
    published: str | None
    title: str | None


def story_details(store: Store, story: Story) -> tuple[dict[str, ClaimText], dict[str, ArticleInfo]]:
    """The texts of a story's claims and its articles' outlets, dates and titles, for ``story ID``."""
    from fogofwar.store.models import ClaimRow

    claims: dict[str, ClaimText] = {}
    articles: dict[str, ArticleInfo] = {}
    with store.session() as session:
        for chunk in _chunks(list(story.articles)):
            for aid, outlet, published, title in session.execute(
                    select(ArticleRow.id, ArticleRow.outlet, ArticleRow.published, ArticleRow.title)
                    .where(ArticleRow.id.in_(chunk))):  # fmt: skip
                articles[aid] = ArticleInfo(aid, outlet, published.isoformat() if published else None, title)
        for chunk in _chunks(list(story.claims)):
            rows = session.execute(
                select(ClaimRow.id, ClaimRow.article_id, ClaimRow.source_canonical, ClaimRow.source_text,
                       ClaimRow.source_side, ClaimRow.status, ClaimRow.content_text).where(ClaimRow.id.in_(chunk)))
            for cid, aid, canonical, text, side, status, content in rows:
                published = articles[aid].published if aid in articles else None
                claims[cid] = ClaimText(cid, aid, canonical or text, side, status, content, published)
    return claims, articles


def get_story(store: Store, sid: str) -> Story | None:
    with store.session() as session:
        data = session.scalar(select(StoryRow.data).where(StoryRow.id == sid))
    return Story.from_dict(data) if data is not None else None
