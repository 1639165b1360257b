"""Stored results and the version counters that say whether they are still fresh.

A value is stored pickled (zlib-compressed) with the versions of its input sources at
the moment computation started; it is fresh while those versions are unchanged. Only
this package writes ``analysis_result`` and ``data_source``, and only trusted code
(the worker, the CLI) writes them, so unpickling is safe here.

Unpickled values are kept in a small per-process cache keyed by the stored row and its
time, so a page that reads the same result again pays one small metadata query. Callers
must treat returned values as read-only.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from lib.models import AnalysisJob, AnalysisResult, DataSource
from lib.results.registry import SOURCES, Params, get_analysis

_RESULT = AnalysisResult.__table__
_SOURCE = DataSource.__table__
_JOB = AnalysisJob.__table__

_CACHE_SIZE = 48
_cache: OrderedDict[tuple[str, int, str], Any] = OrderedDict()
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class StoredResult:
    """A stored value with what a page needs to say how current it is."""

    value: Any
    computed_at: datetime
    input_version: dict[str, int]
    fresh: bool
    refreshing: bool = False
    seconds: float = 0.0
    params: Params = field(default_factory=dict)


def canonical_params(params: Params | None) -> tuple[str, str]:
    """(JSON text, key) for a parameter set; the key is the same whatever the dict order."""
    text = json.dumps(params or {}, sort_keys=True, separators=(",", ":"), default=str)
    return text, hashlib.sha256(text.encode()).hexdigest()


def _connection(bind: Connection | Session) -> Connection:
    return bind.connection() if isinstance(bind, Session) else bind


def _upsert(conn: Connection):  # type: ignore[no-untyped-def]
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def mark_changed(bind: Connection | Session, *sources: str) -> None:
    """Bump the version of each source, inside the caller's writing transaction.

    Call it wherever input data is written (import, undo, demo load, labels, settings), so
    that every result computed from that source becomes stale when the write commits. The
    increment is one atomic upsert, safe under concurrent writers on both databases.
    """
    unknown = set(sources) - set(SOURCES)
    if unknown:
        raise ValueError(f"unknown data sources {sorted(unknown)}")
    conn = _connection(bind)
    insert = _upsert(conn)
    now = datetime.now(UTC)
    for source in sorted(set(sources)):
        statement = insert(_SOURCE).values(source=source, version=1, changed_at=now)
        conn.execute(
            statement.on_conflict_do_update(
                index_elements=[_SOURCE.c.source],
                set_={"version": _SOURCE.c.version + 1, "changed_at": now},
            )
        )


def data_versions(bind: Engine | Connection, sources: Iterable[str]) -> dict[str, int]:
    """Current version of each source (0 for a source never written)."""
    wanted = sorted(set(sources))
    query = select(_SOURCE.c.source, _SOURCE.c.version).where(_SOURCE.c.source.in_(wanted))
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            rows = conn.execute(query).all()
    else:
        rows = bind.execute(query).all()
    found = {row.source: int(row.version) for row in rows}
    return {source: found.get(source, 0) for source in wanted}


def data_token(engine: Engine) -> str:
    """One short string that changes whenever any source is written (by any process): the sum
    of the sources' versions, which only grow. Caches keyed by it never serve data older than
    the last write they saw."""
    with engine.connect() as conn:
        total = conn.execute(select(func.coalesce(func.sum(_SOURCE.c.version), 0))).scalar_one()
    return str(int(total))


def last_changed(engine: Engine) -> dict[str, datetime]:
    """When each source was last written: the "data diperbarui" line of a page."""
    with engine.connect() as conn:
        rows = conn.execute(select(_SOURCE.c.source, _SOURCE.c.changed_at)).all()
    return {row.source: _aware(row.changed_at) for row in rows}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _cache_key(engine: Engine, row_id: int, computed_at: datetime) -> tuple[str, int, str]:
    return (engine.url.render_as_string(hide_password=True), row_id, computed_at.isoformat())


def _pending(conn: Connection, name: str, key: str) -> bool:
    return (
        conn.execute(
            select(_JOB.c.id)
            .where(_JOB.c.name == name, _JOB.c.params_key == key, _JOB.c.status.in_(("queued", "running")))
            .limit(1)
        ).first()
        is not None
    )


def read_result(engine: Engine, name: str, params: Params | None = None) -> StoredResult | None:
    """The stored value of ``name`` for ``params``, or None when there is none usable.

    None also when the value was stored by an older version of the analysis or cannot be
    unpickled any more; the worker or :func:`compute_now` then makes a new one.
    """
    spec = get_analysis(name)
    text, key = canonical_params(params)
    r = _RESULT
    with engine.connect() as conn:
        meta = conn.execute(
            select(r.c.id, r.c.computed_at, r.c.input_version, r.c.code_version, r.c.seconds).where(
                r.c.name == name, r.c.params_key == key
            )
        ).first()
        if meta is None or meta.code_version != spec.version:
            return None
        computed_at = _aware(meta.computed_at)
        cache_key = _cache_key(engine, meta.id, computed_at)
        with _cache_lock:
            value = _cache.get(cache_key, _MISSING)
            if value is not _MISSING:
                _cache.move_to_end(cache_key)
        if value is _MISSING:
            payload = conn.execute(select(r.c.payload).where(r.c.id == meta.id)).scalar_one_or_none()
            if payload is None:
                return None
            try:
                value = pickle.loads(zlib.decompress(payload))
            except Exception:  # noqa: BLE001  (a value from older code is simply recomputed)
                return None
            _remember(cache_key, value)
        stored_version = {k: int(v) for k, v in json.loads(meta.input_version).items()}
        fresh = data_versions(conn, spec.sources) == stored_version
        refreshing = _pending(conn, name, key)
    return StoredResult(
        value=value,
        computed_at=computed_at,
        input_version=stored_version,
        fresh=fresh,
        refreshing=refreshing,
        seconds=float(meta.seconds or 0.0),
        params=json.loads(text),
    )


class _Missing:
    pass


_MISSING = _Missing()


def _remember(key: tuple[str, int, str], value: Any) -> None:
    with _cache_lock:
        _cache[key] = value
        _cache.move_to_end(key)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)


def save_result(
    engine: Engine,
    name: str,
    params: Params | None,
    value: Any,
    input_version: dict[str, int],
    seconds: float = 0.0,
) -> datetime:
    """Store ``value`` (replacing the previous one for the same name and params)."""
    spec = get_analysis(name)
    text, key = canonical_params(params)
    payload = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 3)
    now = datetime.now(UTC)
    values = {
        "name": name,
        "params_key": key,
        "params": text,
        "input_version": json.dumps(input_version, sort_keys=True),
        "code_version": spec.version,
        "computed_at": now,
        "seconds": seconds,
        "payload": payload,
    }
    with engine.begin() as conn:
        statement = _upsert(conn)(_RESULT).values(**values)
        conn.execute(
            statement.on_conflict_do_update(
                index_elements=[_RESULT.c.name, _RESULT.c.params_key],
                set_={k: statement.excluded[k] for k in values if k not in ("name", "params_key")},
            )
        )
    return now


def compute_now(engine: Engine, name: str, params: Params | None = None) -> StoredResult:
    """Compute ``name`` for ``params`` in this thread, store it, and return it.

    The input versions are read before computing, so a write that lands meanwhile leaves the
    stored value stale (and the worker computes it again) rather than wrongly fresh.
    """
    spec = get_analysis(name)
    text, _key = canonical_params(params)
    versions = data_versions(engine, spec.sources)
    started = time.perf_counter()
    value = spec.func(engine, **json.loads(text))
    seconds = time.perf_counter() - started
    computed_at = save_result(engine, name, params, value, versions, seconds)
    return StoredResult(
        value=value,
        computed_at=computed_at,
        input_version=versions,
        fresh=data_versions(engine, spec.sources) == versions,
        seconds=seconds,
        params=json.loads(text),
    )


def get_or_compute(engine: Engine, name: str, params: Params | None = None) -> StoredResult:
    """The stored value if it is fresh, otherwise computed now (the CLI and tests use this)."""
    stored = read_result(engine, name, params)
    if stored is not None and stored.fresh:
        return stored
    return compute_now(engine, name, params)


def clear_memory_cache() -> None:
    with _cache_lock:
        _cache.clear()
