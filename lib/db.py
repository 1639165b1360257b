"""The one engine, sessions, and the schema upgrade entry point.

SQLite (the embedded default) gets WAL mode and foreign keys on every connection;
PostgreSQL is used as is. The schema is always brought to the newest Alembic
revision, never created ad hoc, so a deployed database upgrades in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, event, inspect
from sqlmodel import Session, create_engine

from lib.settings import ROOT, get_settings, normalise_database_url

_ENGINES: dict[str, Engine] = {}


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _configure_sqlite(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """Build an engine for ``url`` (default: ``DATABASE_URL`` or the SQLite file)."""
    url = normalise_database_url(url or get_settings().database_url)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _configure_sqlite)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def get_engine(url: str | None = None) -> Engine:
    """Process-wide engine per URL, so connection pools are shared."""
    key = normalise_database_url(url or get_settings().database_url)
    if key not in _ENGINES:
        _ENGINES[key] = make_engine(key)
    return _ENGINES[key]


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    with Session(engine or get_engine()) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def alembic_config(engine: Engine) -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine | None = None) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    engine = engine or get_engine()
    command.upgrade(alembic_config(engine), "head")


def schema_is_current(engine: Engine) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_heads()
    return set(current) == set(script.get_heads())


def ensure_schema(engine: Engine | None = None) -> Engine:
    """Upgrade when needed; cheap when the schema is already at head."""
    engine = engine or get_engine()
    if not inspect(engine).has_table("alembic_version") or not schema_is_current(engine):
        upgrade(engine)
    return engine
