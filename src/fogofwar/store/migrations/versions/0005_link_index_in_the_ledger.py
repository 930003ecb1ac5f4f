"""The linker's index in the ledger: blocking keys, word counts, content postings, LSH bands.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 05:10:00

A later ``ingest`` links against these tables instead of loading every story into memory. Links
written before this revision carry no counts (``link_articles.mentions`` is NULL): the next
``link`` or ``ingest`` relinks the ledger once from scratch to fill them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("link_articles", sa.Column("day", sa.Date(), nullable=True))
    op.create_index(op.f("ix_link_articles_day"), "link_articles", ["day"], unique=False)
    op.add_column("link_articles", sa.Column("mentions", sa.Integer(), nullable=True))
    op.add_column("link_articles", sa.Column("tokens", sa.JSON(), nullable=True))
    op.add_column("link_articles", sa.Column("terms", sa.JSON(), nullable=True))
    op.add_column("link_articles", sa.Column("lead_story", sa.Text(), nullable=True))
    op.add_column("link_articles", sa.Column("norm", sa.Float(), nullable=True))
    op.add_column("link_articles", sa.Column("norm_n", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_link_articles_lead_story"), "link_articles", ["lead_story"], unique=False)
    op.create_table(
        "link_keys",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", "day", "story_id", name=op.f("pk_link_keys")),
    )
    op.create_index(op.f("ix_link_keys_story_id"), "link_keys", ["story_id"], unique=False)
    op.create_table(
        "link_words",
        sa.Column("word", sa.Text(), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.Column("adf", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("word", name=op.f("pk_link_words")),
    )
    op.create_table(
        "link_postings",
        sa.Column("word", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("tf", sa.Float(), nullable=False),
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("word", "article_id", name=op.f("pk_link_postings")),
    )
    op.create_index(op.f("ix_link_postings_article_id"), "link_postings", ["article_id"], unique=False)
    op.create_table(
        "link_bands",
        sa.Column("band", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("band", "article_id", name=op.f("pk_link_bands")),
    )
    op.create_index(op.f("ix_link_bands_article_id"), "link_bands", ["article_id"], unique=False)


def downgrade() -> None:
    for table in ("link_bands", "link_postings", "link_words", "link_keys"):
        op.drop_table(table)
    op.drop_index(op.f("ix_link_articles_lead_story"), table_name="link_articles")
    op.drop_index(op.f("ix_link_articles_day"), table_name="link_articles")
    for column in ("norm_n", "norm", "lead_story", "terms", "tokens", "mentions", "day"):
        op.drop_column("link_articles", column)
