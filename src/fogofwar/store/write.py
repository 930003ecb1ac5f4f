"""Writing analyses into the ledger: idempotent, one transaction per article."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from fogofwar import __version__
from fogofwar.schema import Analysis, AnalysisError, Article
from fogofwar.store.convert import ArticleRows, InvalidAnalysis, analysis_rows, validate
from fogofwar.store.db import Store
from fogofwar.store.identity import analysis_hash, article_key, rename_ids, text_hash
from fogofwar.store.models import ArticleRow, ClaimRow, EventActorRow, EventClaimRow, EventRow

log = logging.getLogger(__name__)

Outcome = Literal["new", "unchanged", "replaced", "error"]


@dataclass(frozen=True, slots=True)
class IngestError:
    id: str
    message: str


@dataclass(frozen=True, slots=True)
class IdChange:
    """An input stored under another id than its own, or not stored at all: a duplicate (same text
    and url as a stored article, which keeps its first id; or a url-less copy of a stored article
    with the same id and text) or a clash (its id was taken by a different article, so it is
    stored as ``<id>~<key prefix>``)."""

    id: str
    stored_id: str


@dataclass(frozen=True, slots=True)
class Known:
    """An input recognised before analysis as stored unchanged: same text and url (its key), same
    id, published, title and outlet, analysed by this version of fogofwar."""

    id: str
    stored_id: str


def find_known(store: Store, article: Article) -> Known | None:
    """The stored twin of an input that needs no analysis, or None (then analyse it; storing the
    result still decides new, unchanged or replaced). One indexed look-up by the article's key."""
    key = article_key(article.text, article.url)
    columns = (ArticleRow.id, ArticleRow.published, ArticleRow.title, ArticleRow.outlet, ArticleRow.fogofwar_version)
    with store.session() as session:
        row = session.execute(select(*columns).where(ArticleRow.key == key)).one_or_none()
    if row is None or row.fogofwar_version != __version__:
        return None
    if row.id != article.id and not row.id.startswith(f"{article.id}~"):
        return None
    published = row.published.isoformat() if row.published is not None else None
    if (published, row.title, row.outlet) != (article.published, article.title, article.outlet):
        return None
    return Known(article.id, row.id)


@dataclass(slots=True)
class IngestReport:
    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    errors: list[IngestError] = field(default_factory=list)
    duplicates: list[IdChange] = field(default_factory=list)
    renamed: list[IdChange] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.unchanged + self.replaced

    def add(self, outcome: Outcome) -> None:
        if outcome == "new":
            self.new += 1
        elif outcome == "unchanged":
            self.unchanged += 1
        elif outcome == "replaced":
            self.replaced += 1

    def summary(self) -> str:
        text = (
            f"{self.stored + len(self.errors)} inputs: {self.new} new, {self.unchanged} unchanged, "
            f"{self.replaced} replaced, {len(self.errors)} errors"
        )
        if self.duplicates:
            text += f"; {len(self.duplicates)} duplicates of stored articles"
        if self.renamed:
            text += f"; {len(self.renamed)} stored under a new id because theirs was taken"
        return text

    def __str__(self) -> str:
        return self.summary()

    def to_dict(self) -> dict[str, Any]:
        return {
            "new": self.new, "unchanged": self.unchanged, "replaced": self.replaced,
            "errors": [{"id": e.id, "error": e.message} for e in self.errors],
            "duplicates": [{"id": d.id, "stored_id": d.stored_id} for d in self.duplicates],
            "renamed": [{"id": d.id, "stored_id": d.stored_id} for d in self.renamed],
        }  # fmt: skip


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


Relation = Literal["same", "duplicate", "renamed"]


def store_analysis(store: Store, analysis: Analysis) -> tuple[Outcome, str, Relation]:
    """Write one analysis in one transaction. Returns the outcome, the id it is stored under, and
    how that id relates to the input's: ``same``; ``duplicate`` (the article is stored under its
    first id, or the input is a url-less copy of a stored article with the same id and text); or
    ``renamed`` (a different article has the id, so it is stored as ``<id>~<key prefix>``).
    Raises InvalidAnalysis or SQLAlchemyError, in which case nothing of it was written."""
    validate(analysis)
    key = article_key(analysis.text, analysis.url)
    data = analysis.to_dict()
    with store.session(write=True) as session:
        stored = session.execute(
            select(ArticleRow.id, ArticleRow.analysis_hash).where(ArticleRow.key == key)
        ).one_or_none()
        if stored is None:
            columns = (ArticleRow.id, ArticleRow.text_hash, ArticleRow.url)
            taken = session.execute(select(*columns).where(ArticleRow.id == analysis.id)).one_or_none()
            if taken is None:
                _insert(session, analysis_rows(analysis, data, _utcnow()))
                return "new", analysis.id, "same"
            same_text = taken.text_hash == text_hash(analysis.text)
            if same_text and analysis.url is None:
                # A url-less copy (a bare .txt beside the JSONL record) adds nothing: keep the richer.
                return "unchanged", analysis.id, "duplicate"
            if same_text and taken.url is None:
                return _replace(session, analysis, data, analysis.id), analysis.id, "same"
            # Line-number ids of two JSONL files clash; the key suffix keeps re-runs idempotent.
            new_id = f"{analysis.id}~{key[:10]}"
            data = rename_ids(data, analysis.id, new_id)
            _insert(session, analysis_rows(Analysis.from_dict(data), data, _utcnow()))
            return "new", new_id, "renamed"
        stored_id, stored_hash = stored
        relation: Relation = "same"
        if stored_id != analysis.id:
            relation = "renamed" if stored_id.startswith(f"{analysis.id}~") else "duplicate"
            data = rename_ids(data, analysis.id, stored_id)
            analysis = Analysis.from_dict(data)
        if analysis_hash(data) == stored_hash:
            return "unchanged", stored_id, relation
        return _replace(session, analysis, data, stored_id), stored_id, relation


def _replace(session: Session, analysis: Analysis, data: dict[str, Any], stored_id: str) -> Outcome:
    # Delete-then-insert in one transaction; the database cascades to the child rows.
    session.execute(delete(ArticleRow).where(ArticleRow.id == stored_id))
    _insert(session, analysis_rows(analysis, data, _utcnow()))
    return "replaced"


def _insert(session: Session, rows: ArticleRows) -> None:
    """Bulk inserts (executemany, RETURNING for the keys that link rows): a third faster than the
    ORM's unit of work, and the same SQL on SQLite and PostgreSQL."""
    session.execute(insert(ArticleRow), [rows.article])
    for model, values in rows.children:
        if values:
            session.execute(insert(model), values)
    claim_pks: dict[str, int] = {}
    if rows.claims:
        stmt = insert(ClaimRow).returning(ClaimRow.pk, ClaimRow.id, sort_by_parameter_order=True)
        claim_pks = {cid: pk for pk, cid in session.execute(stmt, rows.claims)}
    if not rows.events:
        return
    stmt_ev = insert(EventRow).returning(EventRow.pk, sort_by_parameter_order=True)
    event_pks = list(session.scalars(stmt_ev, rows.events))
    actors = [dict(a, event_pk=pk) for pk, group in zip(event_pks, rows.actors, strict=True) for a in group]
    links = [
        dict(event_pk=pk, position=i, claim_id=cid, claim_pk=claim_pks.get(cid))
        for pk, ids in zip(event_pks, rows.claim_ids, strict=True)
        for i, cid in enumerate(ids)
    ]
    if actors:
        session.execute(insert(EventActorRow), actors)
    if links:
        session.execute(insert(EventClaimRow), links)


def ingest(
    store: Store,
    analyses: Iterable[Analysis | AnalysisError | Known],
    on_item: Callable[[str, Outcome], None] | None = None,
) -> IngestReport:
    """Store analyses one article per transaction; errors (given ones and refused analyses) are
    counted with their messages, and the run carries on. A ``Known`` (an input found unchanged
    before analysis) counts as unchanged. ``on_item(id, outcome)`` follows along."""
    report = IngestReport()
    for item in analyses:
        if isinstance(item, Known):
            outcome = "unchanged"
            item_id = item.id
            report.add(outcome)
            if item.stored_id != item.id:
                report.renamed.append(IdChange(item.id, item.stored_id))
        elif isinstance(item, AnalysisError):
            report.errors.append(IngestError(item.id, item.error))
            outcome: Outcome = "error"
            item_id = item.id
        else:
            item_id = getattr(item, "id", "?")
            try:
                outcome, kept, relation = store_analysis(store, item)
            except (InvalidAnalysis, SQLAlchemyError, AttributeError, TypeError) as exc:
                message = _message(exc)
                log.warning("article %s not stored: %s", item_id, message)
                report.errors.append(IngestError(str(item_id), message))
                outcome = "error"
            else:
                report.add(outcome)
                if relation == "duplicate":
                    report.duplicates.append(IdChange(item.id, kept))
                elif relation == "renamed":
                    report.renamed.append(IdChange(item.id, kept))
        if on_item is not None:
            on_item(str(item_id), outcome)
    return report


def _message(exc: Exception) -> str:
    if isinstance(exc, SQLAlchemyError):
        orig = getattr(exc, "orig", None)
        reason = str(orig if orig is not None else exc).splitlines()[0]
        return f"the ledger refused it: {reason}"
    return str(exc)
