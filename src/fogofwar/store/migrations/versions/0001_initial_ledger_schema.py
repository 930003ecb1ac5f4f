"""Initial ledger schema: articles and their entities, places, dates, cues, claims and events.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 18:19:36.152780
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOWER_INDEXES = (("places", "name"), ("places", "text"), ("events", "place_name"), ("events", "place_text"))


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("analysis_hash", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("fogofwar_version", sa.String(length=32), nullable=False),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("analysis", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("key", name=op.f("uq_articles_key")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_analysed_at"), ["analysed_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_outlet"), ["outlet"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_text_hash"), ["text_hash"], unique=False)

    op.create_table(
        "claims",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_kind", sa.String(length=64), nullable=True),
        sa.Column("source_role", sa.Text(), nullable=True),
        sa.Column("source_side", sa.String(length=64), nullable=True),
        sa.Column("source_canonical", sa.Text(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("cue_text", sa.Text(), nullable=True),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("content_text", sa.Text(), nullable=False),
        sa.Column("content_parts", sa.JSON(), nullable=True),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_claims_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_claims")),
        sa.UniqueConstraint("id", name=op.f("uq_claims_id")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_source_canonical"), ["source_canonical"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_source_kind"), ["source_kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_source_side"), ["source_side"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_type"), ["type"], unique=False)

    op.create_table(
        "dates",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.String(length=10), nullable=True),
        sa.Column("precision", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_dates_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_dates")),
    )
    with op.batch_alter_table("dates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dates_article_id"), ["article_id"], unique=False)

    op.create_table(
        "entities",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("side", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_entities_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_entities")),
        sa.UniqueConstraint("article_id", "id", name=op.f("uq_entities_article_id")),
    )
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entities_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_entities_canonical"), ["canonical"], unique=False)
        batch_op.create_index(batch_op.f("ix_entities_label"), ["label"], unique=False)

    op.create_table(
        "events",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("sub_event_type", sa.String(length=64), nullable=False),
        sa.Column("context", sa.String(length=64), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("mentions", sa.JSON(), nullable=False),
        sa.Column("place_start", sa.Integer(), nullable=True),
        sa.Column("place_end", sa.Integer(), nullable=True),
        sa.Column("place_text", sa.Text(), nullable=True),
        sa.Column("place_key", sa.Text(), nullable=True),
        sa.Column("place_geonameid", sa.Integer(), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_lat", sa.Float(), nullable=True),
        sa.Column("place_lon", sa.Float(), nullable=True),
        sa.Column("place_country_code", sa.String(length=8), nullable=True),
        sa.Column("place_admin1", sa.Text(), nullable=True),
        sa.Column("place_feature_code", sa.String(length=16), nullable=True),
        sa.Column("place_precision", sa.Integer(), nullable=True),
        sa.Column("place_radius_km", sa.Float(), nullable=True),
        sa.Column("place_score", sa.Float(), nullable=True),
        sa.Column("place_relation", sa.String(length=64), nullable=True),
        sa.Column("place_distance_km", sa.Float(), nullable=True),
        sa.Column("date_start", sa.Integer(), nullable=True),
        sa.Column("date_end", sa.Integer(), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("date_value", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=64), nullable=True),
        sa.Column("day_first", sa.Date(), nullable=True),
        sa.Column("day_last", sa.Date(), nullable=True),
        sa.Column("territory_place", sa.Text(), nullable=True),
        sa.Column("territory_before", sa.String(length=64), nullable=True),
        sa.Column("territory_after", sa.String(length=64), nullable=True),
        sa.Column("territory_status", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_events_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_events")),
        sa.UniqueConstraint("id", name=op.f("uq_events_id")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_context"), ["context"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_day_first"), ["day_first"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_day_last"), ["day_last"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_event_type"), ["event_type"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_place_country_code"), ["place_country_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_place_geonameid"), ["place_geonameid"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_place_key"), ["place_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_sub_event_type"), ["sub_event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_territory_status"), ["territory_status"], unique=False)

    op.create_table(
        "places",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("place_key", sa.Text(), nullable=False),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country_code", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("feature_code", sa.String(length=16), nullable=True),
        sa.Column("precision", sa.Integer(), nullable=True),
        sa.Column("radius_km", sa.Float(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("relation", sa.String(length=64), nullable=True),
        sa.Column("distance_km", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_places_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_places")),
    )
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_places_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_places_country_code"), ["country_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_places_geonameid"), ["geonameid"], unique=False)
        batch_op.create_index(batch_op.f("ix_places_place_key"), ["place_key"], unique=False)

    op.create_table(
        "uncertainty_cues",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_uncertainty_cues_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_uncertainty_cues")),
    )
    with op.batch_alter_table("uncertainty_cues", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_uncertainty_cues_article_id"), ["article_id"], unique=False)

    op.create_table(
        "event_actors",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=True),
        sa.Column("side", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_pk"], ["events.pk"], name=op.f("fk_event_actors_event_pk_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_event_actors")),
    )
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_actors_canonical"), ["canonical"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_actors_event_pk"), ["event_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_actors_side"), ["side"], unique=False)

    op.create_table(
        "event_claims",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Text(), nullable=False),
        sa.Column("claim_pk", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_pk"], ["claims.pk"], name=op.f("fk_event_claims_claim_pk_claims"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["event_pk"], ["events.pk"], name=op.f("fk_event_claims_event_pk_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_event_claims")),
    )
    with op.batch_alter_table("event_claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_claims_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_claims_claim_pk"), ["claim_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_claims_event_pk"), ["event_pk"], unique=False)
    # Case-insensitive place filters (autogenerate cannot compare expression indexes).
    for table, column in LOWER_INDEXES:
        name = f"ix_{table}_lower_{column}"
        op.create_index(name, table, [sa.text(f"lower({column})")], unique=False)


def downgrade() -> None:
    for table, column in LOWER_INDEXES:
        op.drop_index(f"ix_{table}_lower_{column}", table_name=table)
    with op.batch_alter_table("event_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_claims_event_pk"))
        batch_op.drop_index(batch_op.f("ix_event_claims_claim_pk"))
        batch_op.drop_index(batch_op.f("ix_event_claims_claim_id"))

    op.drop_table("event_claims")
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_actors_side"))
        batch_op.drop_index(batch_op.f("ix_event_actors_event_pk"))
        batch_op.drop_index(batch_op.f("ix_event_actors_canonical"))

    op.drop_table("event_actors")
    with op.batch_alter_table("uncertainty_cues", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_uncertainty_cues_article_id"))

    op.drop_table("uncertainty_cues")
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_places_place_key"))
        batch_op.drop_index(batch_op.f("ix_places_geonameid"))
        batch_op.drop_index(batch_op.f("ix_places_country_code"))
        batch_op.drop_index(batch_op.f("ix_places_article_id"))

    op.drop_table("places")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_territory_status"))
        batch_op.drop_index(batch_op.f("ix_events_sub_event_type"))
        batch_op.drop_index(batch_op.f("ix_events_place_key"))
        batch_op.drop_index(batch_op.f("ix_events_place_geonameid"))
        batch_op.drop_index(batch_op.f("ix_events_place_country_code"))
        batch_op.drop_index(batch_op.f("ix_events_event_type"))
        batch_op.drop_index(batch_op.f("ix_events_day_last"))
        batch_op.drop_index(batch_op.f("ix_events_day_first"))
        batch_op.drop_index(batch_op.f("ix_events_context"))
        batch_op.drop_index(batch_op.f("ix_events_article_id"))

    op.drop_table("events")
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entities_label"))
        batch_op.drop_index(batch_op.f("ix_entities_canonical"))
        batch_op.drop_index(batch_op.f("ix_entities_article_id"))

    op.drop_table("entities")
    with op.batch_alter_table("dates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dates_article_id"))

    op.drop_table("dates")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_type"))
        batch_op.drop_index(batch_op.f("ix_claims_status"))
        batch_op.drop_index(batch_op.f("ix_claims_source_side"))
        batch_op.drop_index(batch_op.f("ix_claims_source_kind"))
        batch_op.drop_index(batch_op.f("ix_claims_source_canonical"))
        batch_op.drop_index(batch_op.f("ix_claims_article_id"))

    op.drop_table("claims")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_text_hash"))
        batch_op.drop_index(batch_op.f("ix_articles_published"))
        batch_op.drop_index(batch_op.f("ix_articles_outlet"))
        batch_op.drop_index(batch_op.f("ix_articles_analysed_at"))

    op.drop_table("articles")
