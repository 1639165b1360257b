"""Alembic environment: the engine comes from lib.db (or the caller), metadata from lib.models."""

from alembic import context
from sqlmodel import SQLModel

import lib.models  # noqa: F401  (registers the tables)
from lib.db import get_engine

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or get_engine()
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            compare_type=True,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
