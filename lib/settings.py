"""Runtime settings, read once from the environment (or a ``.env`` file).

One place decides which database Telaah talks to, so the dashboard, the CLI and
the tests can never disagree about it.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEFAULT_SQLITE_PATH = DATA_DIR / "telaah.db"


class Settings(BaseSettings):
    """Environment-driven configuration; ``DATABASE_URL`` picks the database."""

    model_config = SettingsConfigDict(env_file=ROOT / ".env", extra="ignore")

    database_url: str = f"sqlite:///{DEFAULT_SQLITE_PATH}"
    #: Largest upload accepted by the dashboard and the CLI, in megabytes.
    max_upload_mb: int = 200


ENV_FILE = ROOT / ".env"
_last: tuple[object, Settings] | None = None


def _inputs() -> object:
    """What the settings are read from: their environment variables (upper or lower case, as
    people write them) and the ``.env`` file's stamp."""
    env = tuple(os.environ.get(name) for field in Settings.model_fields for name in (field.upper(), field))
    try:
        stamp = ENV_FILE.stat().st_mtime_ns
    except OSError:
        stamp = None
    return env, stamp


def get_settings() -> Settings:
    """The settings as the environment and ``.env`` say now: tests and the CLI may change
    ``DATABASE_URL`` at any time. Read again only when either changed: building them (parsing
    the environment and the file) cost ~0.5 ms, and every page run asked seven times."""
    global _last
    inputs = _inputs()
    last = _last  # one read of one tuple: a thread may build the settings twice, never mix them
    if last is not None and last[0] == inputs:
        return last[1]
    settings = Settings()
    _last = (inputs, settings)
    return settings


def normalise_database_url(url: str) -> str:
    """Accept the URLs people paste (``postgres://``, ``postgresql://``) and use psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url
