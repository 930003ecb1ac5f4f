"""The ledger's tables as typed SQLAlchemy 2 models.

Portable by construction: only generic types (String, Text, Integer, Float, Boolean, Date, DateTime,
JSON), no dialect-specific SQL, so the same models run on SQLite and PostgreSQL. Every child row keeps the
character offsets that point back into ``articles.text``. Child rows go with their article through
``ON DELETE CASCADE`` so that replacing an analysis is one delete plus inserts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so that Alembic migrations work the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Ids and names are unbounded Text (indexable on SQLite and PostgreSQL alike): a long file-name id
# or outlet must not make a server database refuse an article that SQLite would take.
ID = Text()  # article, claim, event and entity ids
NAME = Text()  # names, canonical names, roles, outlets
LABEL = String(64)  # enum-like values of the contract: kind, side, status, type, precision
CASCADE = "CASCADE"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class ArticleRow(Base):
    """One article and its latest analysis. ``key`` is its identity: normalised text hash + url."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    analysis_hash: Mapped[str] = mapped_column(String(64))
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(NAME, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    page_date: Mapped[dt.date | None] = mapped_column(Date)  # the page's own date (migration 0004)
    language: Mapped[str] = mapped_column(String(16), default="en")
    text: Mapped[str] = mapped_column(Text)
    schema_version: Mapped[int] = mapped_column(Integer)
    fogofwar_version: Mapped[str] = mapped_column(String(32))
    analysed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    analysis: Mapped[dict[str, Any]] = mapped_column(JSON)  # the full contract JSON, as stored

    entities: Mapped[list[EntityRow]] = relationship(passive_deletes=True, order_by="EntityRow.pk")
    places: Mapped[list[PlaceRow]] = relationship(passive_deletes=True, order_by="PlaceRow.pk")
    dates: Mapped[list[DateRow]] = relationship(passive_deletes=True, order_by="DateRow.pk")
    cues: Mapped[list[CueRow]] = relationship(passive_deletes=True, order_by="CueRow.pk")
    claims: Mapped[list[ClaimRow]] = relationship(passive_deletes=True, order_by="ClaimRow.pk")
    events: Mapped[list[EventRow]] = relationship(passive_deletes=True, order_by="EventRow.pk")


def _article_fk() -> Mapped[str]:
    return mapped_column(ID, ForeignKey("articles.id", ondelete=CASCADE), index=True)


class EntityRow(Base):
    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("article_id", "id"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    id: Mapped[str] = mapped_column(ID)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(LABEL, index=True)
    canonical: Mapped[str | None] = mapped_column(NAME, index=True)
    role: Mapped[str | None] = mapped_column(NAME)
    side: Mapped[str | None] = mapped_column(LABEL)


class PlaceRow(Base):
    """One place mention. ``place_key`` groups mentions of one place across articles:
    ``gn:<geonameid>`` when resolved, else ``text:<lower-cased mention>``."""

    __tablename__ = "places"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    place_key: Mapped[str] = mapped_column(Text, index=True)
    geonameid: Mapped[int | None] = mapped_column(Integer, index=True)
    name: Mapped[str | None] = mapped_column(NAME)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country_code: Mapped[str | None] = mapped_column(String(8), index=True)
    admin1: Mapped[str | None] = mapped_column(NAME)
    feature_code: Mapped[str | None] = mapped_column(String(16))
    precision: Mapped[int | None] = mapped_column(Integer)
    radius_km: Mapped[float | None] = mapped_column(Float)
    score: Mapped[float] = mapped_column(Float)
    relation: Mapped[str | None] = mapped_column(LABEL)
    distance_km: Mapped[float | None] = mapped_column(Float)


class DateRow(Base):
    __tablename__ = "dates"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(String(10))
    precision: Mapped[str] = mapped_column(LABEL)


class CueRow(Base):
    __tablename__ = "uncertainty_cues"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(LABEL)


class ClaimRow(Base):
    """One claim: who (source_*), the words of saying (cue_*), what (content_*), how sure."""

    __tablename__ = "claims"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    id: Mapped[str] = mapped_column(ID, unique=True)  # ids are unique across articles (contract)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    source_text: Mapped[str | None] = mapped_column(Text)
    source_kind: Mapped[str | None] = mapped_column(LABEL, index=True)
    source_role: Mapped[str | None] = mapped_column(NAME)
    source_side: Mapped[str | None] = mapped_column(LABEL, index=True)
    source_canonical: Mapped[str | None] = mapped_column(NAME, index=True)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    cue_text: Mapped[str | None] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    content_parts: Mapped[list[Any] | None] = mapped_column(JSON)  # [[start, end], ...] when discontinuous
    type: Mapped[str] = mapped_column(LABEL, index=True)
    status: Mapped[str] = mapped_column(LABEL, index=True)
    score: Mapped[float] = mapped_column(Float)


class EventRow(Base):
    """One event. The place and date are flattened into columns for filtering; ``day_first`` and
    ``day_last`` bound the event's date (the article's publication date when the event has none)."""

    __tablename__ = "events"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = _article_fk()
    id: Mapped[str] = mapped_column(ID, unique=True)
    event_type: Mapped[str] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(64), index=True)
    context: Mapped[str] = mapped_column(LABEL, index=True)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    mentions: Mapped[list[Any]] = mapped_column(JSON)  # [{"start", "end", "text"}, ...]
    # The place (a Place of the contract), flattened.
    place_start: Mapped[int | None] = mapped_column(Integer)
    place_end: Mapped[int | None] = mapped_column(Integer)
    place_text: Mapped[str | None] = mapped_column(Text)
    place_key: Mapped[str | None] = mapped_column(Text, index=True)
    place_geonameid: Mapped[int | None] = mapped_column(Integer, index=True)
    place_name: Mapped[str | None] = mapped_column(NAME)
    place_lat: Mapped[float | None] = mapped_column(Float)
    place_lon: Mapped[float | None] = mapped_column(Float)
    place_country_code: Mapped[str | None] = mapped_column(String(8), index=True)
    place_admin1: Mapped[str | None] = mapped_column(NAME)
    place_feature_code: Mapped[str | None] = mapped_column(String(16))
    place_precision: Mapped[int | None] = mapped_column(Integer)
    place_radius_km: Mapped[float | None] = mapped_column(Float)
    place_score: Mapped[float | None] = mapped_column(Float)
    place_relation: Mapped[str | None] = mapped_column(LABEL)
    place_distance_km: Mapped[float | None] = mapped_column(Float)
    # The date (a DateRef of the contract), flattened, plus its bounds for range filters.
    date_start: Mapped[int | None] = mapped_column(Integer)
    date_end: Mapped[int | None] = mapped_column(Integer)
    date_text: Mapped[str | None] = mapped_column(Text)
    date_value: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(LABEL)
    day_first: Mapped[dt.date | None] = mapped_column(Date, index=True)
    day_last: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # The territory change, when the event moves control of a place.
    territory_place: Mapped[str | None] = mapped_column(NAME)
    territory_before: Mapped[str | None] = mapped_column(LABEL)
    territory_after: Mapped[str | None] = mapped_column(LABEL)
    territory_status: Mapped[str | None] = mapped_column(LABEL, index=True)
    # The event in PLOVER's terms (migration 0003).
    plover_event_type: Mapped[str | None] = mapped_column(LABEL, index=True)
    plover_mode: Mapped[str | None] = mapped_column(LABEL)
    # A past happening told as background, and the sentence that reports the event (migration 0004):
    # the analysis's own evidence, else the sentence around the first mention.
    background: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    evidence_text: Mapped[str | None] = mapped_column(Text)

    actors: Mapped[list[EventActorRow]] = relationship(
        passive_deletes=True, order_by="EventActorRow.position"
    )
    claim_links: Mapped[list[EventClaimRow]] = relationship(
        passive_deletes=True, order_by="EventClaimRow.position"
    )


class EventActorRow(Base):
    __tablename__ = "event_actors"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_pk: Mapped[int] = mapped_column(ForeignKey("events.pk", ondelete=CASCADE), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    canonical: Mapped[str | None] = mapped_column(NAME, index=True)
    side: Mapped[str] = mapped_column(LABEL, index=True)
    inter: Mapped[int | None] = mapped_column(Integer)  # ACLED's inter code (migration 0003)


class EventClaimRow(Base):
    """An event backed by a claim. ``claim_id`` keeps the id as the analysis gave it; ``claim_pk``
    links the stored claim when the article has it."""

    __tablename__ = "event_claims"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_pk: Mapped[int] = mapped_column(ForeignKey("events.pk", ondelete=CASCADE), index=True)
    position: Mapped[int] = mapped_column(Integer)
    claim_id: Mapped[str] = mapped_column(ID, index=True)
    claim_pk: Mapped[int | None] = mapped_column(ForeignKey("claims.pk", ondelete=CASCADE), index=True)

    claim: Mapped[ClaimRow | None] = relationship()


# Case-insensitive place filters compare lower(name) and lower(text).
Index("ix_places_lower_name", func.lower(PlaceRow.name))
Index("ix_places_lower_text", func.lower(PlaceRow.text))
Index("ix_events_lower_place_name", func.lower(EventRow.place_name))
Index("ix_events_lower_place_text", func.lower(EventRow.place_text))


# Linking across articles (migration 0002): syndication per article, stories and what they hold.
# Story rows are rewritten whole when a story changes, so children cascade from ``stories``.


class LinkArticleRow(Base):
    """An article as the linker saw it: its report (syndication root), credits and MinHash."""

    __tablename__ = "link_articles"

    article_id: Mapped[str] = mapped_column(ID, primary_key=True)
    analysis_hash: Mapped[str] = mapped_column(String(64))
    root: Mapped[str] = mapped_column(ID, index=True)
    credits: Mapped[list[Any]] = mapped_column(JSON)  # wires the text credits
    copies: Mapped[list[Any]] = mapped_column(JSON)  # earlier-linked articles it nearly duplicates
    published: Mapped[dt.date | None] = mapped_column(Date)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    # What linking it added to the linker's counts (migration 0005), so that a later ingest links
    # against the ledger without loading it, and a rewind can take the article back out: the
    # mentions counted and their words (word -> mentions), its content words (word -> weight) when
    # its lead mention joined a story, that story, and its tf-idf length as last computed.
    # The day it is linked as of: its publication day, else the day it was analysed (see
    # fogofwar.store.links.link_day); articles are linked in (day, id) order.
    day: Mapped[dt.date | None] = mapped_column(Date, index=True)
    mentions: Mapped[int | None] = mapped_column(Integer)
    tokens: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    terms: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    lead_story: Mapped[str | None] = mapped_column(ID, index=True)
    norm: Mapped[float | None] = mapped_column(Float)
    norm_n: Mapped[int | None] = mapped_column(Integer)


class LinkKeyRow(Base):
    """The linker's blocking index: the stories filed under a place, name or type key on a day."""

    __tablename__ = "link_keys"

    key: Mapped[str] = mapped_column(ID, primary_key=True)
    day: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[str] = mapped_column(ID, primary_key=True, index=True)


class LinkWordRow(Base):
    """A word's counts over the linked articles: event mentions with it (df) and articles whose
    content words hold it (adf)."""

    __tablename__ = "link_words"

    word: Mapped[str] = mapped_column(Text, primary_key=True)
    df: Mapped[int] = mapped_column(Integer)
    adf: Mapped[int] = mapped_column(Integer)


class LinkPostingRow(Base):
    """A content word of a linked article, with its weight and the story its lead mention joined."""

    __tablename__ = "link_postings"

    word: Mapped[str] = mapped_column(Text, primary_key=True)
    article_id: Mapped[str] = mapped_column(ID, primary_key=True, index=True)
    tf: Mapped[float] = mapped_column(Float)
    story_id: Mapped[str] = mapped_column(ID)


class LinkBandRow(Base):
    """One LSH band of an article's MinHash: articles sharing a band are near-duplicate candidates."""

    __tablename__ = "link_bands"

    band: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[str] = mapped_column(ID, primary_key=True, index=True)


class StoryRow(Base):
    __tablename__ = "stories"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, index=True)  # creation order, for reproducible ties
    status: Mapped[str] = mapped_column(LABEL, index=True)
    event_type: Mapped[str | None] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str | None] = mapped_column(String(64))
    place_name: Mapped[str | None] = mapped_column(NAME, index=True)
    place_geonameid: Mapped[int | None] = mapped_column(Integer, index=True)
    day: Mapped[dt.date | None] = mapped_column(Date, index=True)
    first_published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    independent_sources: Mapped[int] = mapped_column(Integer)
    articles: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # the contract's story JSON


def _story_fk() -> Mapped[str]:
    return mapped_column(ID, ForeignKey("stories.id", ondelete=CASCADE), index=True)


class StoryMemberRow(Base):
    """An event mention linked into a story, with the features the linker reads (to resume)."""

    __tablename__ = "story_members"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    story_id: Mapped[str] = _story_fk()
    position: Mapped[int] = mapped_column(Integer)
    article_id: Mapped[str] = mapped_column(ID, index=True)
    event_id: Mapped[str] = mapped_column(ID)
    features: Mapped[dict[str, Any]] = mapped_column(JSON)


class StoryOriginRow(Base):
    __tablename__ = "story_origins"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    story_id: Mapped[str] = _story_fk()
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(NAME, index=True)
    side: Mapped[str] = mapped_column(LABEL, index=True)
    type: Mapped[str] = mapped_column(LABEL)
    articles: Mapped[list[Any]] = mapped_column(JSON)


class StoryContradictionRow(Base):
    __tablename__ = "story_contradictions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    story_id: Mapped[str] = _story_fk()
    claim_a: Mapped[str] = mapped_column(ID)
    claim_b: Mapped[str] = mapped_column(ID)


class StoryTimelineRow(Base):
    __tablename__ = "story_timeline"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    story_id: Mapped[str] = _story_fk()
    position: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(LABEL)
    article_id: Mapped[str] = mapped_column(ID)
