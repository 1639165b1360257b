"""The engine for the dashboard, cached once per server process and database URL.

Cached query wrappers in ``lib/ui`` take the URL string (``db_url()``) as their
first argument so that results of different databases never mix in the cache
(the AppTests point the app at several databases in one process).
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from lib.db import ensure_schema, get_engine
from lib.results.jobs import start_worker
from lib.settings import get_settings, normalise_database_url


def db_url() -> str:
    return normalise_database_url(get_settings().database_url)


@st.cache_resource(show_spinner=False)
def _migrated_engine(url: str) -> Engine:
    engine = ensure_schema(get_engine(url))
    # The background worker keeps stored analyses fresh (lib.results); one per server process.
    start_worker(url)
    return engine


def engine() -> Engine:
    """Migrated engine for the configured database."""
    return _migrated_engine(db_url())


def clear_caches() -> None:
    """Call after anything writes data (import, undo, demo load)."""
    st.cache_data.clear()
