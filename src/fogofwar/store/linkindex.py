"""The linker's index in the ledger: what a run reads instead of loading every story, and writes back.

``LedgerSource`` answers the linker's look-ups (``fogofwar.link.source.LinkSource``) with indexed
queries, a few hundred ids per query, each in its own short read transaction. ``write_index``
stores what a batch of linking added (blocking rows, word counts, content postings, LSH bands,
tf-idf lengths). ``rewind`` takes linked articles back out (those published
at or after an article that arrives late, or re-analysed), so that linking them again in
publication order gives the stories of one ``link --rebuild``, whatever order the runs came in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from fogofwar.link import Linker
from fogofwar.link.mentions import Mention, mention_from_dict
from fogofwar.link.syndication import Copy, bands, wire_of
from fogofwar.store.db import Store
from fogofwar.store.models import (
    ArticleRow,
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

IN = 500  # ids per IN (...) list


def _chunks(items: Sequence[Any], n: int = IN) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _ordinal(value: dt.date | None) -> int | None:
    return value.toordinal() if value is not None else None


class LedgerSource:
    """The linker's look-ups, answered from the ledger's tables."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _rows(self, stmt_of: Any, ids: Sequence[Any]) -> list[Any]:
        """Every row, read before returning: the caller may open another session (an in-memory
        ledger has one connection)."""
        out: list[Any] = []
        with self.store.session() as session:
            for chunk in _chunks(list(ids)):
                out.extend(session.execute(stmt_of(chunk)))
        return out

    def totals(self) -> tuple[int, int, int]:
        with self.store.session() as session:
            mentions = session.scalar(select(func.coalesce(func.sum(LinkArticleRow.mentions), 0)))
            terms = session.scalar(select(func.count()).where(LinkArticleRow.lead_story.is_not(None)))
            seq = session.scalar(select(func.max(StoryRow.seq)))
        return int(mentions or 0), int(terms or 0), (seq + 1) if seq is not None else 0

    def keys(self, keys: Sequence[str]) -> Iterator[tuple[str, int, str]]:
        yield from self._rows(lambda c: select(LinkKeyRow.key, LinkKeyRow.day, LinkKeyRow.story_id)
                              .where(LinkKeyRow.key.in_(c)), keys)  # fmt: skip

    def stories(self, ids: Sequence[str]) -> list[tuple[str, int, list[Mention]]]:
        out = []
        with self.store.session() as session:
            for chunk in _chunks(list(ids)):
                seqs = dict(session.execute(select(StoryRow.id, StoryRow.seq).where(StoryRow.id.in_(chunk))).all())
                members: dict[str, list[Mention]] = {sid: [] for sid in seqs}
                for sid, features in session.execute(
                        select(StoryMemberRow.story_id, StoryMemberRow.features)
                        .where(StoryMemberRow.story_id.in_(list(seqs)))
                        .order_by(StoryMemberRow.story_id, StoryMemberRow.position)):  # fmt: skip
                    members[sid].append(mention_from_dict(features))
                out.extend((sid, seqs[sid], members[sid]) for sid in sorted(seqs) if members[sid])
        return out

    def article_stories(self, articles: Sequence[str]) -> Iterator[tuple[str, str]]:
        yield from self._rows(lambda c: select(StoryMemberRow.article_id, StoryMemberRow.story_id).distinct()
                              .where(StoryMemberRow.article_id.in_(c)), articles)  # fmt: skip

    def words(self, words: Sequence[str]) -> Iterator[tuple[str, int, int]]:
        yield from self._rows(lambda c: select(LinkWordRow.word, LinkWordRow.df, LinkWordRow.adf)
                              .where(LinkWordRow.word.in_(c)), words)  # fmt: skip

    def postings(self, words: Sequence[str]) -> Iterator[tuple[str, str, float, str]]:
        yield from self._rows(lambda c: select(LinkPostingRow.word, LinkPostingRow.article_id, LinkPostingRow.tf,
                                               LinkPostingRow.story_id)
                              .where(LinkPostingRow.word.in_(c)), words)  # fmt: skip

    def norms(self, articles: Sequence[str]) -> Iterator[tuple[str, int | None, float | None, int | None]]:
        for aid, n, norm, published in self._rows(
                lambda c: select(LinkArticleRow.article_id, LinkArticleRow.norm_n, LinkArticleRow.norm,
                                 LinkArticleRow.published)
                .where(LinkArticleRow.article_id.in_(c)), articles):  # fmt: skip
            yield aid, n, norm, _ordinal(published)

    def story_leads(self, ids: Sequence[str]) -> Iterator[tuple[str, str, int | None]]:
        for sid, aid, published in self._rows(
                lambda c: select(LinkArticleRow.lead_story, LinkArticleRow.article_id, LinkArticleRow.published)
                .where(LinkArticleRow.lead_story.in_(c)), ids):  # fmt: skip
            yield sid, aid, _ordinal(published)

    def terms(self, articles: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]:
        for aid, terms in self._rows(lambda c: select(LinkArticleRow.article_id, LinkArticleRow.terms)
                                     .where(LinkArticleRow.article_id.in_(c)), articles):  # fmt: skip
            if terms:
                yield aid, terms

    # syndication

    def band_matches(self, keys: Sequence[int]) -> Iterator[str]:
        yield from (a for (a,) in self._rows(lambda c: select(LinkBandRow.article_id).distinct()
                                             .where(LinkBandRow.band.in_(c)), keys))  # fmt: skip

    def entries(self, articles: Sequence[str]) -> Iterator[tuple[str, str, tuple[str, ...], int | None, str | None]]:
        for aid, root, cited, copies, published, outlet in self._rows(
                lambda c: select(LinkArticleRow.article_id, LinkArticleRow.root, LinkArticleRow.credits,
                                 LinkArticleRow.copies, LinkArticleRow.published, ArticleRow.outlet)
                .outerjoin(ArticleRow, ArticleRow.id == LinkArticleRow.article_id)
                .where(LinkArticleRow.article_id.in_(c)), articles):  # fmt: skip
            wire = wire_of(outlet) or (cited[0] if cited else None)
            yield aid, root, tuple(copies), _ordinal(published), wire

    def bands_of(self, articles: Sequence[str]) -> Iterator[tuple[str, int]]:
        """An article's copies are the earlier-linked articles that shared one of its bands when it
        was linked: two linked articles sharing a band are copies, one of the other."""
        yield from self._rows(lambda c: select(LinkBandRow.article_id, LinkBandRow.band)
                              .where(LinkBandRow.article_id.in_(c)), articles)  # fmt: skip


def write_index(session: Session, linker: Linker, copies: Iterable[tuple[Copy, Any]], counts: bool = True) -> None:
    """Store what the linker added since it was last written: for the articles linked (their
    ``Copy`` and MinHash), their bands and content postings; the new blocking
    rows; with ``counts``, the changed word counts and the tf-idf lengths computed. Their link rows
    must be written."""
    copies = list(copies)
    band_rows = [dict(band=b, article_id=c.article) for c, sig in copies if linker.syndication.banded(c.article)
                 for b in sorted(set(bands(sig)))]  # fmt: skip
    posting_rows = []
    for c, _ in copies:
        info = linker.contribution(c.article)
        if info["lead_story"] is not None and info["terms"]:
            posting_rows.extend(dict(word=w, article_id=c.article, tf=tf, story_id=info["lead_story"])
                                for w, tf in sorted(info["terms"].items()))  # fmt: skip
    key_rows = [dict(key=k, day=d, story_id=s) for k, d, s in dict.fromkeys(linker.new_keys)]
    for model, rows in ((LinkBandRow, band_rows), (LinkPostingRow, posting_rows), (LinkKeyRow, key_rows)):
        for chunk in _chunks(rows):
            session.execute(insert(model), list(chunk))
    if not counts:
        return
    words = linker.word_counts(linker.dirty_words)
    for chunk in _chunks(words):
        session.execute(delete(LinkWordRow).where(LinkWordRow.word.in_([w for w, _, _ in chunk])))
        session.execute(insert(LinkWordRow), [dict(word=w, df=df, adf=adf) for w, df, adf in chunk])
    linked = {c.article for c, _ in copies}
    norms = []
    for aid in sorted(linker.dirty_norms - linked):
        norm = linker.norm_of(aid)
        if norm is not None:
            norms.append(dict(article_id=aid, norm_n=norm[0], norm=norm[1]))
    for chunk in _chunks(norms):
        session.execute(update(LinkArticleRow), list(chunk))


def complete(session: Session) -> bool:
    """Whether every link row carries its counts (links written before migration 0005 do not)."""
    return session.scalar(select(func.count()).where(LinkArticleRow.mentions.is_(None))) == 0


def link_day(published: dt.date | None, analysed_at: dt.datetime | None) -> dt.date:
    """The day an article is linked as of: its publication day, else the day it was analysed (an
    undated article arriving today is linked after those already linked, not before every dated one)."""
    if published is not None:
        return published
    return (analysed_at or dt.datetime.now(dt.UTC)).date()


def _at_or_after(day: dt.date, article: str) -> Any:
    """Link rows that sort at or after (day, article) in linking order."""
    return or_(LinkArticleRow.day > day, and_(LinkArticleRow.day == day, LinkArticleRow.article_id >= article))


def rewind_point(session: Session, pending: Sequence[str]) -> tuple[dt.date, str] | None:
    """The earliest place in linking order that the pending articles (new or re-analysed) take or
    held; None when none of them comes before an article already linked."""
    keys: list[tuple[dt.date, str]] = []
    for chunk in _chunks(list(pending)):
        new = select(ArticleRow.id, ArticleRow.published, ArticleRow.analysed_at).where(ArticleRow.id.in_(chunk))
        keys.extend((link_day(published, at), aid) for aid, published, at in session.execute(new))
        old = select(LinkArticleRow.article_id, LinkArticleRow.day).where(LinkArticleRow.article_id.in_(chunk))
        keys.extend((day, aid) for aid, day in session.execute(old) if day is not None)
    if not keys:
        return None
    point = min(keys)
    later = session.scalar(select(func.count()).where(_at_or_after(*point)))
    return point if later else None


def rewind(session: Session, point: tuple[dt.date, str]) -> tuple[int, set[str]]:
    """Take the linked articles at or after ``point`` back out of the link tables: their counts,
    postings, bands (and so their near-duplicate edges), memberships, and the stories only they
    held. Returns how many were taken out and the stories that keep other members (to refresh:
    ``Linker.refresh``)."""
    gone = list(session.scalars(select(LinkArticleRow.article_id).where(_at_or_after(*point))))
    df: Counter[str] = Counter()
    adf: Counter[str] = Counter()
    touched: set[str] = set()
    for chunk in _chunks(gone):
        for tokens, terms, lead in session.execute(
                select(LinkArticleRow.tokens, LinkArticleRow.terms, LinkArticleRow.lead_story)
                .where(LinkArticleRow.article_id.in_(chunk))):  # fmt: skip
            df.update(tokens or {})
            if lead is not None and terms:
                adf.update(terms.keys())
        touched.update(session.scalars(select(StoryMemberRow.story_id).distinct()
                                       .where(StoryMemberRow.article_id.in_(chunk))))  # fmt: skip
        for model in (LinkPostingRow, LinkBandRow, StoryMemberRow):
            session.execute(delete(model).where(model.article_id.in_(chunk)))
        session.execute(delete(LinkArticleRow).where(LinkArticleRow.article_id.in_(chunk)))
    words = sorted(set(df) | set(adf))
    for chunk in _chunks(words):
        rows = session.execute(select(LinkWordRow.word, LinkWordRow.df, LinkWordRow.adf)
                               .where(LinkWordRow.word.in_(chunk))).all()  # fmt: skip
        session.execute(delete(LinkWordRow).where(LinkWordRow.word.in_(chunk)))
        kept = [dict(word=w, df=d - df[w], adf=a - adf[w]) for w, d, a in rows if d - df[w] > 0 or a - adf[w] > 0]
        if kept:
            session.execute(insert(LinkWordRow), kept)
    ids = sorted(touched)
    kept_ids: set[str] = set()
    for chunk in _chunks(ids):
        kept_ids.update(session.scalars(select(StoryMemberRow.story_id).distinct()
                                        .where(StoryMemberRow.story_id.in_(chunk))))  # fmt: skip
        session.execute(delete(LinkKeyRow).where(LinkKeyRow.story_id.in_(chunk)))
        empty = [sid for sid in chunk if sid not in kept_ids]
        for model in (StoryOriginRow, StoryContradictionRow, StoryTimelineRow):
            session.execute(delete(model).where(model.story_id.in_(empty)))
        session.execute(delete(StoryRow).where(StoryRow.id.in_(empty)))
    return len(gone), kept_ids


__all__ = ["LedgerSource", "complete", "link_day", "rewind", "rewind_point", "write_index"]
