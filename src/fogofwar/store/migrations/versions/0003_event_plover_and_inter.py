"""Events keep their PLOVER reading, event actors their ACLED inter code.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 12:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE, not batch mode: batch mode rebuilds the table on SQLite and would drop the
# expression index on lower(place_name) that 0001 created (SQLAlchemy cannot reflect it).
def upgrade() -> None:
    op.add_column("events", sa.Column("plover_event_type", sa.String(length=64), nullable=True))
    op.add_column("events", sa.Column("plover_mode", sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_events_plover_event_type"), "events", ["plover_event_type"], unique=False)
    op.add_column("event_actors", sa.Column("inter", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("event_actors", "inter")
    op.drop_index(op.f("ix_events_plover_event_type"), table_name="events")
    op.drop_column("events", "plover_mode")
    op.drop_column("events", "plover_event_type")
