"""Database fixtures: a fresh SQLite file per test and, when configured, a PostgreSQL schema."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlmodel import Session

from storage import database

POSTGRES_URL_VARIABLE = "RINGKAS_TEST_POSTGRES_URL"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database file, created on first connect."""
    return f"sqlite:///{tmp_path / 'ringkas.db'}"


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    """The PostgreSQL server to test against, or skip."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(f"{POSTGRES_URL_VARIABLE} is not set: PostgreSQL tests need a real server")
    return database.normalize_database_url(url)


@pytest.fixture(scope="session")
def postgres_admin_engine(postgres_server_url: str) -> Iterator[Engine]:
    """One engine for creating and dropping the per-test schemas."""
    engine = create_engine(postgres_server_url, pool_pre_ping=True)
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_server_url: str, postgres_admin_engine: Engine) -> Iterator[str]:
    """A URL whose connections see only a fresh, uniquely named schema (dropped afterwards)."""
    schema = f"ringkas_test_{uuid.uuid4().hex[:16]}"
    with postgres_admin_engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(postgres_server_url).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with postgres_admin_engine.begin() as connection:
        connection.execute(text("SET LOCAL lock_timeout = '10s'"))
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each test that uses it runs once on SQLite and once on PostgreSQL (when configured)."""
    fixture_name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(fixture_name)
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on an empty database with the schema and search index installed."""
    engine = database.create_database_engine(database_url)
    database.create_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> Callable[[], Session]:
    """The application's session factory on the test database."""
    return database.session_factory(engine)


@pytest.fixture
def session(session_factory: Callable[[], Session]) -> Iterator[Session]:
    """One session, closed after the test."""
    with session_factory() as session:
        yield session
