"""Opening a ledger: the ``Store`` interface, its SQLAlchemy implementation and migrations.

``open_store`` takes a path (SQLite) or any SQLAlchemy URL and upgrades the schema to the newest
Alembic revision, so a ledger written by an older fogofwar keeps working.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
MEMORY_URL = "sqlite://"


class StoreError(RuntimeError):
    """The ledger cannot be opened or used; the message says why and what to do."""


@runtime_checkable
class Store(Protocol):
    """What the ledger's functions need: a name and transactional sessions."""

    @property
    def url(self) -> str: ...

    def session(self, write: bool = False) -> Any:
        """A context manager giving a ``Session`` in one transaction: committed on success,
        rolled back when the block raises. ``write``: the transaction will write (SQLite takes
        the write lock at its start, so that two writers queue instead of failing)."""
        ...

    def close(self) -> None: ...


class SqlStore:
    """The ledger in a SQL database reached through SQLAlchemy (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writers = sessionmaker(engine.execution_options(fogofwar_write=True), expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        with (self._writers if write else self._sessions)() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def to_url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL from a URL or a file path (which means SQLite)."""
    text = str(url_or_path)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def _sqlite_setup(engine: Engine) -> None:
    """WAL, foreign keys, and transactions that SQLAlchemy begins itself: pysqlite's own implicit
    BEGIN would leave reads and DDL outside the transaction (SQLAlchemy's documented recipe)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            # Safe with WAL: a crash loses at most the last commits, never consistency.
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # A deferred transaction that reads, then writes, fails at once (SQLITE_BUSY, no retry)
        # when another process wrote in between; IMMEDIATE waits for the lock (busy_timeout).
        write = connection.get_execution_options().get("fogofwar_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database in (None, "", ":memory:"):
        # One shared connection, so every session sees the same in-memory database.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url)
    _sqlite_setup(engine)
    return engine


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def migrate(engine: Engine, *, create: bool = True) -> None:
    """Upgrade the database to the newest schema. Refuses a database that holds other tables
    than ours, or one written by a newer fogofwar."""
    script = ScriptDirectory.from_config(_alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(inspect(connection).get_table_names())
    name = engine.url.render_as_string(hide_password=True)
    if current is None:
        if tables - {"alembic_version"}:
            raise StoreError(
                f"{name} is not a fogofwar ledger (it has tables {', '.join(sorted(tables)[:5])} "
                f"and no fogofwar schema); use a new file for --db"
            )
        if not create:
            raise StoreError(f"{name} is not a fogofwar ledger (it is empty)")
    elif current not in known:
        raise StoreError(
            f"{name} has schema revision {current}, which this fogofwar ({head_revision()}) does not "
            f"know: it was written by a newer fogofwar or is not a fogofwar ledger"
        )
    if current != script.get_current_head():
        log.info("upgrading %s from %s to %s", name, current, script.get_current_head())
        config = _alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def open_store(url_or_path: str | Path = MEMORY_URL, *, create: bool = True) -> SqlStore:
    """Open (and with ``create``, make) a ledger and upgrade it to the newest schema.

    A path means SQLite; a URL (``sqlite:///x.db``, ``postgresql+psycopg://...``) is used as is;
    no argument gives an in-memory ledger. With ``create=False`` a missing SQLite file or a
    database without the fogofwar schema is a ``StoreError``.
    """
    url = to_url(url_or_path)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database or "")
        if not create and not path.exists():
            raise StoreError(f"no ledger at {path}: create one with `fogofwar ingest --db {path} IN...`")
        if path.is_dir():
            raise StoreError(f"{path} is a directory, not a ledger file")
        if path.exists() and path.stat().st_size > 0:
            with open(path, "rb") as f:
                if f.read(16) != b"SQLite format 3\x00":
                    raise StoreError(f"{path} is not a fogofwar ledger (not an SQLite database)")
        if create and not path.parent.exists():
            raise StoreError(f"cannot create ledger {path}: folder {path.parent} does not exist")
    engine = make_engine(url)
    try:
        migrate(engine, create=create)
    except StoreError:
        engine.dispose()
        raise
    except (DatabaseError, SQLAlchemyError, OSError) as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise StoreError(f"cannot open ledger {make_url(url).render_as_string()}: {reason}") from exc
    return SqlStore(engine)
