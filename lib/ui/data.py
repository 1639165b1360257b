"""The engine for the dashboard, cached once per server process and database URL.

``engine()`` is the one way a page or ``lib/ui`` reaches the database. Cached
wrappers in ``lib/ui`` take that engine as their first argument and are decorated
with :func:`cached`, which keys an engine by its URL, so results of different
databases never mix in the cache (the AppTests point the app at several databases
in one process).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine

from lib.db import ensure_schema, get_engine
from lib.results.jobs import start_worker
from lib.settings import get_settings, normalise_database_url

F = TypeVar("F", bound=Callable[..., Any])

#: How long a cached aggregate lives (data changes also clear the cache: :func:`clear_caches`).
TTL = 600


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


def _engine_key(eng: Engine) -> str:
    return eng.url.render_as_string(hide_password=False)


def cached(ttl: int = TTL, **kwargs: Any) -> Callable[[F], F]:
    """``st.cache_data`` for wrappers whose first argument is an engine: keyed by the engine's URL."""
    return st.cache_data(ttl=ttl, show_spinner=False, hash_funcs={Engine: _engine_key}, **kwargs)  # type: ignore[return-value]


def clear_caches() -> None:
    """Call after anything writes data (import, undo, demo load)."""
    st.cache_data.clear()
