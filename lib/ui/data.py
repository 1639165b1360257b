"""The engine for the dashboard, cached once per server process and database URL.

``engine()`` is the one way a page or ``lib/ui`` reaches the database. Cached
wrappers in ``lib/ui`` take that engine as their first argument and are decorated
with :func:`cached`, which keys an engine by its URL, so results of different
databases never mix in the cache (the AppTests point the app at several databases
in one process).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine

from lib.db import ensure_schema, get_engine
from lib.results.jobs import start_worker
from lib.results.store import data_token
from lib.settings import get_settings, normalise_database_url

F = TypeVar("F", bound=Callable[..., Any])

#: How long a cached aggregate lives at most. Cached values are keyed by the data's version
#: (:func:`_engine_key`), so a write by any process (an import in another server process, the
#: worker storing predicted themes, the CLI) is seen within :data:`DATA_CHECK_SECONDS`; the TTL
#: only bounds how long figures nobody asks for keep their memory. It used to be 10 minutes,
#: which made the first reader after every quiet spell wait as after a restart.
TTL = 12 * 3600
#: How often a process asks the database for the data's version (one indexed sum).
DATA_CHECK_SECONDS = 2.0
#: Cached values kept per function (oldest dropped first): every scope and period a reader
#: picks is one entry, and old data versions age out.
MAX_ENTRIES = 256


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


_tokens: dict[str, tuple[float, str]] = {}
_tokens_lock = threading.Lock()


def _data_version(url: str, eng: Engine) -> str:
    """The data's version for ``url``, asked again when older than :data:`DATA_CHECK_SECONDS`."""
    now = time.monotonic()
    with _tokens_lock:
        seen = _tokens.get(url)
    if seen is not None and now - seen[0] < DATA_CHECK_SECONDS:
        return seen[1]
    try:
        token = data_token(eng)
    except Exception:  # noqa: BLE001  (no schema yet, database away: the page reports it)
        token = "?"
    with _tokens_lock:
        _tokens[url] = (now, token)
    return token


def _engine_key(eng: Engine) -> str:
    url = eng.url.render_as_string(hide_password=False)
    return f"{url}#{_data_version(url, eng)}"


def cached(ttl: int = TTL, **kwargs: Any) -> Callable[[F], F]:
    """``st.cache_data`` for wrappers whose first argument is an engine: keyed by the engine's URL
    and the version of the data in it, so a cached figure is never older than the data."""
    kwargs.setdefault("max_entries", MAX_ENTRIES)
    return st.cache_data(ttl=ttl, show_spinner=False, hash_funcs={Engine: _engine_key}, **kwargs)  # type: ignore[return-value]


def clear_caches() -> None:
    """Call after anything writes data (import, undo, demo load): frees the old entries at once,
    and the next read asks the database for the data's version."""
    with _tokens_lock:
        _tokens.clear()
    st.cache_data.clear()
