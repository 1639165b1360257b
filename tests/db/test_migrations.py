"""The schema is built only by migrations, and the migrations match the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect
from sqlmodel import SQLModel

from lib.db import ensure_schema, schema_is_current
from lib.models import TABLES_IN_LOAD_ORDER


def test_migrations_create_every_table(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    expected = {m.__tablename__ for m in TABLES_IN_LOAD_ORDER}  # type: ignore[attr-defined]
    assert expected <= tables
    assert "alembic_version" in tables
    assert schema_is_current(engine)


def test_models_and_migrations_agree(engine: Engine) -> None:
    """A model change without a migration fails here, not on a deployed server."""
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_ensure_schema_is_idempotent(engine: Engine) -> None:
    ensure_schema(engine)
    ensure_schema(engine)
    assert schema_is_current(engine)
