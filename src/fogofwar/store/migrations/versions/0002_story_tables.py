"""Story tables: syndication per article, stories, their members, origins, contradictions, timeline.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 11:05:23.415402
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "link_articles",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("analysis_hash", sa.String(length=64), nullable=False),
        sa.Column("root", sa.Text(), nullable=False),
        sa.Column("credits", sa.JSON(), nullable=False),
        sa.Column("copies", sa.JSON(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_link_articles")),
    )
    with op.batch_alter_table("link_articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_link_articles_root"), ["root"], unique=False)

    op.create_table(
        "stories",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=64), nullable=False),
        sa.Column("event_type", sa.String(length=64), nullable=True),
        sa.Column("sub_event_type", sa.String(length=64), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_geonameid", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("first_published", sa.Date(), nullable=True),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stories_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_stories_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_stories_first_published"), ["first_published"], unique=False)
        batch_op.create_index(batch_op.f("ix_stories_place_geonameid"), ["place_geonameid"], unique=False)
        batch_op.create_index(batch_op.f("ix_stories_place_name"), ["place_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_stories_seq"), ["seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_stories_status"), ["status"], unique=False)

    op.create_table(
        "story_contradictions",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.Column("claim_a", sa.Text(), nullable=False),
        sa.Column("claim_b", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_story_contradictions_story_id_stories"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_story_contradictions")),
    )
    with op.batch_alter_table("story_contradictions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_contradictions_story_id"), ["story_id"], unique=False)

    op.create_table(
        "story_members",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("features", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_story_members_story_id_stories"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_story_members")),
    )
    with op.batch_alter_table("story_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_members_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_story_members_story_id"), ["story_id"], unique=False)

    op.create_table(
        "story_origins",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("side", sa.String(length=64), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("articles", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_story_origins_story_id_stories"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_story_origins")),
    )
    with op.batch_alter_table("story_origins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_origins_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_story_origins_side"), ["side"], unique=False)
        batch_op.create_index(batch_op.f("ix_story_origins_story_id"), ["story_id"], unique=False)

    op.create_table(
        "story_timeline",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("story_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=64), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_story_timeline_story_id_stories"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_story_timeline")),
    )
    with op.batch_alter_table("story_timeline", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_timeline_story_id"), ["story_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("story_timeline", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_timeline_story_id"))

    op.drop_table("story_timeline")
    with op.batch_alter_table("story_origins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_origins_story_id"))
        batch_op.drop_index(batch_op.f("ix_story_origins_side"))
        batch_op.drop_index(batch_op.f("ix_story_origins_name"))

    op.drop_table("story_origins")
    with op.batch_alter_table("story_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_members_story_id"))
        batch_op.drop_index(batch_op.f("ix_story_members_article_id"))

    op.drop_table("story_members")
    with op.batch_alter_table("story_contradictions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_contradictions_story_id"))

    op.drop_table("story_contradictions")
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stories_status"))
        batch_op.drop_index(batch_op.f("ix_stories_seq"))
        batch_op.drop_index(batch_op.f("ix_stories_place_name"))
        batch_op.drop_index(batch_op.f("ix_stories_place_geonameid"))
        batch_op.drop_index(batch_op.f("ix_stories_first_published"))
        batch_op.drop_index(batch_op.f("ix_stories_event_type"))
        batch_op.drop_index(batch_op.f("ix_stories_day"))

    op.drop_table("stories")
    with op.batch_alter_table("link_articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_link_articles_root"))

    op.drop_table("link_articles")
