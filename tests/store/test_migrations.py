"""The schema comes from the Alembic migrations, and matches the models."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from fogofwar.store import StoreError, head_revision, open_store
from fogofwar.store.db import MIGRATIONS
from fogofwar.store.models import Base

TABLES = {
    "articles", "entities", "places", "dates", "uncertainty_cues", "claims", "events", "event_actors",
    "event_claims", "alembic_version", "link_articles", "stories", "story_members", "story_origins",
    "story_contradictions", "story_timeline", "link_keys", "link_words", "link_postings", "link_bands",
}  # fmt: skip


# SQLite cannot reflect the lower() indexes; the next test checks them directly.
@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrations_create_the_schema_from_empty(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    store = open_store(db)
    with store.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) == TABLES
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    store.close()


def test_case_insensitive_place_indexes_exist(tmp_path: Path) -> None:
    open_store(tmp_path / "l.db").close()
    with sqlite3.connect(tmp_path / "l.db") as conn:
        names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'index'")}
    assert {"ix_places_lower_name", "ix_places_lower_text", "ix_events_lower_place_name"} <= names


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    store = open_store(tmp_path / "l.db")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_downgrade_then_upgrade_round_trips(tmp_path: Path) -> None:
    store = open_store(tmp_path / "l.db")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    with store.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    store.close()
    reopened = open_store(tmp_path / "l.db")
    with reopened.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) == TABLES
    reopened.close()


def test_reopening_keeps_the_schema_and_data(tmp_path: Path) -> None:
    from fogofwar.store import count_rows, ingest
    from fogofwar.store.testing import sample_analyses

    with open_store(tmp_path / "l.db") as store:
        ingest(store, sample_analyses())
        before = count_rows(store)
    with open_store(tmp_path / "l.db", create=False) as store:
        assert count_rows(store) == before


def _foreign_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("create table stuff (x integer)")


def _newer_ledger(path: Path) -> None:
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("update alembic_version set version_num = 'zzzz'")


@pytest.mark.parametrize(
    ("prepare", "create", "message"),
    [
        (None, False, "no ledger at"),
        (lambda p: p.write_text("hello, not a database"), True, "not an SQLite database"),
        (lambda p: p.write_bytes(b"\x00" * 4096), False, "not an SQLite database"),
        (_foreign_sqlite, True, "is not a fogofwar ledger"),
        (lambda p: p.write_bytes(b""), False, "is not a fogofwar ledger (it is empty)"),
        (_newer_ledger, True, "does not know"),
        (lambda p: p.mkdir(), True, "is a directory"),
    ],
)
def test_bad_ledger_files_give_clear_errors(
    tmp_path: Path, prepare: Callable[[Path], object] | None, create: bool, message: str
) -> None:
    path = tmp_path / "x.db"
    if prepare is not None:
        prepare(path)
    with pytest.raises(StoreError, match=message.replace("(", r"\(").replace(")", r"\)")):
        open_store(path, create=create)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nope" / "l.db")


def test_the_migrations_render_for_postgresql() -> None:
    """The same migrations write PostgreSQL's DDL (offline: no server needed)."""
    import io

    buf = io.StringIO()
    config = Config(output_buffer=buf)
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["url"] = "postgresql://user@localhost/ledger"
    command.upgrade(config, "head", sql=True)
    sql = buf.getvalue()
    for table in TABLES - {"alembic_version"}:
        assert f"CREATE TABLE {table} (" in sql
    assert '"end" INTEGER NOT NULL' in sql  # a reserved word in PostgreSQL, quoted
    assert "analysis JSON NOT NULL" in sql and "TIMESTAMP WITH TIME ZONE" in sql
    assert "CREATE INDEX ix_places_lower_name ON places (lower(name))" in sql
    assert "ON DELETE CASCADE" in sql


def test_a_0003_ledger_upgrades_with_background_false_and_evidence_filled(tmp_path: Path) -> None:
    """A ledger written before revision 0004 upgrades in place: its events get background false and
    the evidence sentence of their first mention; the analyses stay as stored."""
    import json

    from sqlalchemy import text

    from fogofwar.store import iter_analyses, list_events
    from fogofwar.store.testing import sample_analyses

    db = tmp_path / "old.db"
    store = open_store(db)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    with store.engine.begin() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("events")}
        assert "background" not in columns and "evidence_text" not in columns
        # rows as fogofwar 0003 wrote them: the analysis of the sample, without the new columns
        article = sample_analyses()[0]
        conn.execute(text(
            "insert into articles (id, key, text_hash, analysis_hash, url, outlet, title, published, language,"
            " text, schema_version, fogofwar_version, analysed_at, analysis) values (:id, 'k', 'h', 'a', null,"
            " null, null, '2025-12-20', 'en', :text, 1, '0', '2025-12-20 10:00:00', :analysis)"
        ), {"id": article.id, "text": article.text, "analysis": json.dumps(article.to_dict())})
        conn.execute(text(
            "insert into events (article_id, id, event_type, sub_event_type, context, score, mentions)"
            " values (:a, 'siversk:ev1', 'Battles', 'Armed clash', 'happened', 0.8, :m)"
        ), {"a": article.id, "m": '[{"start": 15, "end": 23, "text": "captured"}]'})
    store.close()
    with open_store(db) as upgraded:
        (hit,) = list_events(upgraded)
        assert hit.event.background is False
        assert hit.event.evidence is not None
        assert hit.event.evidence.text == "Russian forces captured Siversk on December 11, a military official said."
        assert [a["id"] for a in iter_analyses(upgraded)] == ["siversk"]
        with upgraded.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
