"""Runtime settings, read once from the environment (or a ``.env`` file).

One place decides which database Telaah talks to, so the dashboard, the CLI and
the tests can never disagree about it.
"""

from __future__ import annotations

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


def get_settings() -> Settings:
    """Read afresh each call (cheap), so tests and the CLI can change ``DATABASE_URL``."""
    return Settings()


def normalise_database_url(url: str) -> str:
    """Accept the URLs people paste (``postgres://``, ``postgresql://``) and use psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url
