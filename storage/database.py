"""Engine, schema and session factory for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session, SQLModel

from storage import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from storage.search import install_search_index

logger = logging.getLogger(__name__)

# Execution option asking SQLite for a write lock up front (BEGIN IMMEDIATE): a deferred
# transaction that reads first and writes later fails at once with "database is locked"
# when another writer got in between, instead of waiting for busy_timeout.
SQLITE_WRITE_OPTION = "ringkas_sqlite_write"
SQLITE_BUSY_TIMEOUT_MS = 15_000
_SCHEMA_LOCK_KEY = 0x52494E47  # "RING": one advisory lock for schema creation on PostgreSQL


def normalize_database_url(url: str) -> str:
    """Turn postgres:// URLs into psycopg ones and a bare file path into an SQLite URL."""
    url = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).expanduser()}"


def create_database_engine(url: str, *, sqlite_cache_mb: int = 0) -> Engine:
    """Create an engine for the URL, tuned for its dialect.

    sqlite_cache_mb: SQLite's page cache per connection (0 keeps SQLite's 2 MB). A large
    store's index pages then stay in the process when the host evicts its file cache.
    """
    url = normalize_database_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    database = parsed.database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_sqlite_connection)
    if sqlite_cache_mb:
        event.listen(engine, "connect", partial(_set_sqlite_cache, megabytes=sqlite_cache_mb))
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _connection_record: Any) -> None:
    """Set the pragmas; let SQLAlchemy, not the sqlite3 module, emit BEGIN."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _set_sqlite_cache(dbapi_connection: Any, _connection_record: Any, *, megabytes: int) -> None:
    """Size the connection's page cache (a negative cache_size counts kibibytes)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA cache_size = {-int(megabytes) * 1024}")
    finally:
        cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """Put the database in WAL mode, waiting out other connections doing the same.

    Switching journal mode (and opening a WAL file another connection is recovering)
    can answer "database is locked" at once, without calling the busy handler, so
    workers starting together on a new file retry here until busy_timeout runs out.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _begin_sqlite_transaction(connection: Connection) -> None:
    """Emit BEGIN, or BEGIN IMMEDIATE for connections marked as writers."""
    if connection.get_execution_options().get(SQLITE_WRITE_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def create_schema(engine: Engine) -> None:
    """Create the tables and the search index if missing (idempotent, safe across processes)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as lock_connection:
            lock_connection.execute(
                text("SELECT pg_advisory_lock(:key)"), {"key": _SCHEMA_LOCK_KEY}
            )
            try:
                SQLModel.metadata.create_all(engine)
                install_search_index(engine)
            finally:
                lock_connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": _SCHEMA_LOCK_KEY}
                )
                lock_connection.commit()
        return
    options: dict[str, Any] = {}
    if engine.dialect.name == "sqlite":
        options[SQLITE_WRITE_OPTION] = True
    with engine.connect().execution_options(**options) as connection, connection.begin():
        SQLModel.metadata.create_all(connection)
    install_search_index(engine)


def session_factory(engine: Engine) -> Callable[[], Session]:
    """Return a factory of sessions bound to the engine (objects stay usable after commit)."""
    return sessionmaker(bind=engine, class_=Session, expire_on_commit=False)


def ensure_database_exists(url: str) -> None:
    """Create a PostgreSQL database named by the URL when the server lacks it (SQLite: no-op)."""
    parsed = make_url(normalize_database_url(url))
    if parsed.get_backend_name() != "postgresql" or not parsed.database:
        return
    maintenance = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with maintenance.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": parsed.database}
            ).first()
            if exists is None:
                name = connection.dialect.identifier_preparer.quote(parsed.database)
                connection.exec_driver_sql(f"CREATE DATABASE {name}")
                logger.info("created database %s", parsed.database)
    finally:
        maintenance.dispose()


class StoreUnavailable(RuntimeError):
    """The database cannot be opened: the server is down, refuses us, or the path is bad."""


def open_store(url: str, *, sqlite_cache_mb: int = 0) -> Engine:
    """Create the database if missing, then its engine and schema; say why if it cannot."""
    try:
        ensure_database_exists(url)
        engine = create_database_engine(url, sqlite_cache_mb=sqlite_cache_mb)
        create_schema(engine)
    except OperationalError as error:
        shown = make_url(normalize_database_url(url)).render_as_string(hide_password=True)
        reason = " ".join(str(error.orig).split())  # psycopg's message spans lines
        raise StoreUnavailable(f"cannot open the database {shown}: {reason}") from error
    return engine
