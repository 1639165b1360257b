"""Shared fixtures: a clean database of the kind under test, and a small demo city.

The database kind comes from ``DATABASE_URL`` exactly as for the app: unset means
SQLite; a PostgreSQL URL makes every data-layer test run there instead. Each run
creates its own PostgreSQL databases with unique names and drops them afterwards,
so concurrent runs never see each other's data.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from lib.db import make_engine, upgrade
from lib.models import TABLES_IN_LOAD_ORDER
from lib.settings import normalise_database_url

# Tests run background jobs themselves (lib.results.run_pending); no worker process per app.
os.environ.setdefault("TELAAH_WORKER", "0")

SERVER_URL = normalise_database_url(os.environ.get("DATABASE_URL", ""))
ON_POSTGRES = SERVER_URL.startswith("postgresql")


def _create_pg_database(prefix: str) -> str:
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = make_engine(SERVER_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)


def _drop_pg_database(url: str) -> None:
    name = make_url(url).database
    admin = make_engine(SERVER_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def new_database_url(tmp_dir: Path, prefix: str) -> str:
    """A fresh, empty database of the kind under test."""
    if ON_POSTGRES:
        return _create_pg_database(prefix)
    return f"sqlite:///{tmp_dir / (prefix + '.db')}"


def discard_database(url: str) -> None:
    if url.startswith("postgresql"):
        _drop_pg_database(url)


@pytest.fixture(scope="session")
def db_kind() -> str:
    return "postgresql" if ON_POSTGRES else "sqlite"


@pytest.fixture(scope="session")
def _schema_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    url = new_database_url(tmp_path_factory.mktemp("db"), "telaah_test")
    engine = make_engine(url)
    upgrade(engine)
    yield engine
    engine.dispose()
    discard_database(url)


def empty_all_tables(engine: Engine) -> None:
    names = [m.__tablename__ for m in TABLES_IN_LOAD_ORDER]  # type: ignore[attr-defined]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
        else:
            for name in reversed(names):
                conn.execute(text(f"DELETE FROM {name}"))


@pytest.fixture
def engine(_schema_engine: Engine) -> Engine:
    """An engine on a migrated database whose tables are empty at the start of the test."""
    from lib.ui.data import forget_recent_reads

    empty_all_tables(_schema_engine)
    forget_recent_reads()  # an earlier test's "is it empty" must not answer for this one
    return _schema_engine


@pytest.fixture(scope="session")
def demo_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A migrated database holding the small demo city, built once per test run.

    Tests must treat it as read-only.
    """
    from lib.demo import build_demo

    url = new_database_url(tmp_path_factory.mktemp("demo"), "telaah_demo")
    engine = make_engine(url)
    upgrade(engine)
    build_demo(engine, scale="small")
    yield engine
    engine.dispose()
    discard_database(url)


@pytest.fixture(scope="session")
def demo_database_url(demo_engine: Engine) -> str:
    return demo_engine.url.render_as_string(hide_password=False)
