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
from fogofwar.link.mentions import Mention, mention_from_dict, mention_to_dict
from fogofwar.link.syndication import Copy, from_bytes, signature_bytes
from fogofwar.store.db import Store
from fogofwar.store.models import (
    ArticleRow,
    EventRow,
    LinkArticleRow,
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


def link_row(copy: Copy, analysis_hash: str, published: str | None, sig: Any) -> dict[str, Any]:
    return dict(article_id=copy.article, analysis_hash=analysis_hash, root=copy.root, credits=list(copy.credits),
                copies=list(copy.copies), published=_date(published), signature=signature_bytes(sig))  # fmt: skip


def load_linker(store: Store) -> Linker:
    """A linker resumed from the ledger's stored syndication and stories."""
    linker = Linker()
    with store.session() as session:
        links = session.execute(
            select(LinkArticleRow.article_id, LinkArticleRow.root, LinkArticleRow.credits, LinkArticleRow.copies,
                   LinkArticleRow.published, LinkArticleRow.signature, ArticleRow.outlet)
            .outerjoin(ArticleRow, ArticleRow.id == LinkArticleRow.article_id)
            .execution_options(yield_per=2000)
        )  # fmt: skip
        for aid, root, cited, copies, published, blob, outlet in links:
            copy = Copy(aid, root, tuple(cited), tuple(copies))
            linker.syndication.restore(copy, published.toordinal() if published else None, outlet, from_bytes(blob))
        stmt = (
            select(StoryRow.id, StoryRow.seq, StoryMemberRow.features)
            .join(StoryMemberRow, StoryMemberRow.story_id == StoryRow.id)
            .order_by(StoryRow.seq, StoryMemberRow.position)
            .execution_options(yield_per=2000)
        )
        linker.restore((sid, seq, mention_from_dict(f)) for sid, seq, f in session.execute(stmt))
    return linker


def _pending(session: Session, rebuild: bool) -> list[str]:
    stmt = select(ArticleRow.id).order_by(ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id)
    if not rebuild:
        stmt = stmt.outerjoin(LinkArticleRow, LinkArticleRow.article_id == ArticleRow.id).where(
            or_(LinkArticleRow.article_id.is_(None), LinkArticleRow.analysis_hash != ArticleRow.analysis_hash)
        )
    return list(session.scalars(stmt))


def link_pending(store: Store, *, rebuild: bool = False, batch: int = CHUNK) -> LinkReport:
    """Link the stored articles not linked yet (all of them, from scratch, with ``rebuild``)."""
    with store.session() as session:
        pending = _pending(session, rebuild)
    linker = Linker() if rebuild else load_linker(store)
    if rebuild:
        with store.session(write=True) as session:
            for model in (*CHILD_MODELS.values(), StoryRow, LinkArticleRow):
                session.execute(delete(model))
    changed_all: set[str] = set()
    for chunk in _chunks(pending, batch):
        changed, links = _link_chunk(store, linker, chunk)
        with store.session(write=True) as session:
            _write_links(session, links)
            if not rebuild:
                write_stories(session, linker, changed)
        if not rebuild:
            linker.written()
        changed_all |= changed
    if rebuild:
        with store.session(write=True) as session:
            write_stories(session, linker, linker.stories)
        linker.written()
    return LinkReport(len(pending), len(changed_all), len(linker))


def _link_chunk(store: Store, linker: Linker, ids: list[str]) -> tuple[set[str], list[dict[str, Any]]]:
    changed: set[str] = set()
    links = []
    with store.session() as session:
        rows = session.execute(select(ArticleRow.id, ArticleRow.analysis_hash, ArticleRow.analysis)
                               .where(ArticleRow.id.in_(ids)))  # fmt: skip
        by_id = {aid: (h, data) for aid, h, data in rows}
    for aid in ids:  # publication order
        analysis_hash, data = by_id[aid]
        story_ids, copy, sig = linker.add(data)
        changed |= story_ids
        links.append(link_row(copy, analysis_hash, data.get("published"), sig))
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
