"""Streaming whole articles out of the ledger, for export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from fogofwar.schema import Claim, Event
from fogofwar.store.convert import row_to_claim, row_to_event
from fogofwar.store.db import Store
from fogofwar.store.models import ArticleRow, Base, EventRow
from fogofwar.store.rows import ArticleRef


@dataclass(frozen=True, slots=True)
class StoredArticle:
    ref: ArticleRef
    text: str
    analysed_at: dt.datetime
    analysis: dict[str, Any]  # the contract JSON as stored
    claims: dict[str, Claim]
    events: tuple[Event, ...]


def _ordered() -> Any:
    return select(ArticleRow).order_by(ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id)


def iter_analyses(store: Store, batch: int = 200) -> Iterator[dict[str, Any]]:
    """Every stored analysis (contract JSON), in publication order."""
    with store.session() as session:
        stmt = select(ArticleRow.analysis).order_by(
            ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id
        )
        yield from session.scalars(stmt.execution_options(yield_per=batch))


def iter_articles(store: Store, batch: int = 100) -> Iterator[StoredArticle]:
    """Every stored article with its claims and events, in publication order."""
    stmt = _ordered().options(
        selectinload(ArticleRow.claims),
        selectinload(ArticleRow.events).selectinload(EventRow.actors),
        selectinload(ArticleRow.events).selectinload(EventRow.claim_links),
    )
    with store.session() as session:
        for row in session.scalars(stmt.execution_options(yield_per=batch)):
            yield StoredArticle(
                ref=ArticleRef(row.id, row.published, row.outlet, row.url, row.title),
                text=row.text,
                analysed_at=row.analysed_at,
                analysis=row.analysis,
                claims={c.id: row_to_claim(c) for c in row.claims},
                events=tuple(row_to_event(e) for e in row.events),
            )


def count_rows(store: Store) -> dict[str, int]:
    """How many rows each ledger table holds."""
    with store.session() as session:
        return {
            name: int(session.execute(select(func.count()).select_from(table)).scalar_one())
            for name, table in sorted(Base.metadata.tables.items())
        }
