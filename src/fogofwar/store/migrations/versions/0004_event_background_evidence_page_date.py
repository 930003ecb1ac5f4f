"""Events keep whether they are background and their evidence sentence; articles their page date.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 05:40:00

Events stored before this revision get ``background = false`` and, online, an evidence sentence
derived from their first mention (the sentence around it in the article text, as the writer
derives it for an event whose analysis gives none), so that an upgraded ledger shows every event's
evidence. Offline (``--sql``) the columns are only added.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import context, op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A frozen copy of fogofwar.store.convert.evidence_bounds as of this revision: a migration must not
# change when the code it upgrades to does.
_LIMIT = 400
_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)|\n")


def _bounds(text: str, start: int, end: int, limit: int = _LIMIT) -> tuple[int, int]:
    lo_window = max(0, start - limit)
    begin = lo_window
    for m in _END.finditer(text, lo_window, start):
        begin = m.end()
    if begin == lo_window and lo_window > 0:
        space = text.find(" ", lo_window, start)
        begin = space + 1 if space != -1 else lo_window
    hi_window = min(len(text), end + limit + 2)
    m = _END.search(text, end, hi_window)
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


# Plain ALTER TABLE, not batch mode: batch mode rebuilds the table on SQLite and would drop the
# expression indexes on lower(place_name) and lower(place_text) that 0001 created.
def upgrade() -> None:
    op.add_column("articles", sa.Column("page_date", sa.Date(), nullable=True))
    op.add_column("events", sa.Column("background", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("events", sa.Column("evidence_start", sa.Integer(), nullable=True))
    op.add_column("events", sa.Column("evidence_end", sa.Integer(), nullable=True))
    op.add_column("events", sa.Column("evidence_text", sa.Text(), nullable=True))
    if not context.is_offline_mode():
        _fill_evidence()


def _fill_evidence() -> None:
    conn = op.get_bind()
    articles = sa.table("articles", sa.column("id", sa.Text()), sa.column("text", sa.Text()))
    events = sa.table(
        "events", sa.column("pk", sa.Integer()), sa.column("article_id", sa.Text()),
        sa.column("mentions", sa.JSON()), sa.column("evidence_start", sa.Integer()),
        sa.column("evidence_end", sa.Integer()), sa.column("evidence_text", sa.Text()),
    )  # fmt: skip
    rows = conn.execute(
        sa.select(events.c.pk, events.c.mentions, articles.c.text)
        .join(articles, articles.c.id == events.c.article_id)
        .where(events.c.evidence_start.is_(None))
    ).all()
    updates: list[dict[str, Any]] = []
    for pk, mentions, text in rows:
        spans = [m for m in mentions or () if isinstance(m, dict) and isinstance(m.get("start"), int)]
        if not spans or not text:
            continue
        first = min(spans, key=lambda m: m["start"])
        start, end = first["start"], first.get("end", first["start"])
        if not (0 <= start <= end <= len(text)):
            continue
        lo, hi = _bounds(text, start, end)
        updates.append({"b_pk": pk, "b_start": lo, "b_end": hi, "b_text": text[lo:hi]})
    if updates:
        stmt = (
            events.update()
            .where(events.c.pk == sa.bindparam("b_pk"))
            .values(evidence_start=sa.bindparam("b_start"), evidence_end=sa.bindparam("b_end"),
                    evidence_text=sa.bindparam("b_text"))
        )  # fmt: skip
        conn.execute(stmt, updates)


def downgrade() -> None:
    op.drop_column("events", "evidence_text")
    op.drop_column("events", "evidence_end")
    op.drop_column("events", "evidence_start")
    op.drop_column("events", "background")
    op.drop_column("articles", "page_date")
