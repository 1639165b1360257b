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
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy import Engine

from lib.db import ensure_schema, get_engine
from lib.results.jobs import start_worker
from lib.results.store import data_token
from lib.services.data import is_empty
from lib.settings import get_settings, normalise_database_url

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

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


def _data_version(url: str, eng: Engine) -> str:
    """The data's version for ``url``, asked again when older than :data:`DATA_CHECK_SECONDS`."""

    def read() -> str:
        try:
            return data_token(eng)
        except Exception:  # noqa: BLE001  (no schema yet, database away: the page reports it)
            return "?"

    return recently(("data_version", url), read)


def _engine_key(eng: Engine) -> str:
    url = eng.url.render_as_string(hide_password=False)
    return f"{url}#{_data_version(url, eng)}"


def cached(ttl: int = TTL, **kwargs: Any) -> Callable[[F], F]:
    """``st.cache_data`` for wrappers whose first argument is an engine: keyed by the engine's URL
    and the version of the data in it, so a cached figure is never older than the data."""
    kwargs.setdefault("max_entries", MAX_ENTRIES)
    return st.cache_data(ttl=ttl, show_spinner=False, hash_funcs={Engine: _engine_key}, **kwargs)  # type: ignore[return-value]


_recent: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
_asking: set[Hashable] = set()
_recent_lock = threading.Lock()
#: Small answers kept by :func:`recently` (oldest dropped first): one per stored analysis and
#: parameter set a reader opened, and a few flags.
RECENT_ENTRIES = 1024


def recently(key: Hashable, read: Callable[[], T]) -> T:
    """``read()``, or its answer from less than :data:`DATA_CHECK_SECONDS` ago in this process.

    For the small questions every run of a page asks the database (the data's version, is it
    empty, is a stored result there and still current): asked once per two seconds per process
    instead of once per run and session. Twenty readers at once made each run of Prioritas ask
    fourteen such queries, each with its connection check-out and ping. While one thread asks
    again, the others take the answer it is replacing rather than asking too: twenty sessions
    opening at once after a quiet spell otherwise all found the answer expired together and
    queued for connections. So a page sees another process's write, or the worker's new
    result, within about two seconds; :func:`clear_caches` forgets everything at once after a
    write in this process.
    """
    now = time.monotonic()
    with _recent_lock:
        seen = _recent.get(key)
        if seen is not None and (now - seen[0] < DATA_CHECK_SECONDS or key in _asking):
            return seen[1]  # type: ignore[no-any-return]
        _asking.add(key)
    try:
        value = read()
    finally:
        with _recent_lock:
            _asking.discard(key)
    remember_recent(key, value, now)
    return value


def remember_recent(key: Hashable, value: Any, now: float | None = None) -> None:
    """Put ``value`` in :func:`recently`'s memory for ``key`` (a result this process just computed)."""
    with _recent_lock:
        _recent[key] = (time.monotonic() if now is None else now, value)
        _recent.move_to_end(key)
        while len(_recent) > RECENT_ENTRIES:
            _recent.popitem(last=False)


def database_is_empty() -> bool:
    """True while no unit exists yet (the app offers the demo and the upload only); asked at most
    every :data:`DATA_CHECK_SECONDS`, as every run of every page needs it."""
    eng = engine()
    return recently(("is_empty", db_url()), lambda: is_empty(engine=eng))


def forget_recent_reads() -> None:
    """The next run asks the database again for the data's version and for what
    :func:`recently` remembers (the tests call it after writing behind the app's back)."""
    with _recent_lock:
        _recent.clear()


def clear_caches() -> None:
    """Call after anything writes data (import, undo, demo load): frees the old entries at once,
    and the next read asks the database for the data's version."""
    forget_recent_reads()
    st.cache_data.clear()
