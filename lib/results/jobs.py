"""The job queue in the database, and the worker that keeps stored results fresh.

The queue is the table ``analysis_job``: any process may enqueue, and any number of
workers (the dashboard's own, ``python -m lib worker`` on a server, a test calling
:func:`run_pending`) may take jobs, because a job is claimed by an UPDATE that only
succeeds while it is still queued. This works the same on SQLite and PostgreSQL and
needs no broker.

The dashboard starts its worker as a separate process (``start_worker``): heavy
statistics then never compete with page requests for the interpreter lock, and a
crash in an analysis cannot take the web server down. The worker exits when the
process that started it is gone.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Row, and_, insert, select, update

from lib.models import AnalysisJob, AnalysisResult
from lib.results.registry import SOURCES, Params, get_analysis, load_catalog, written_by
from lib.results.store import canonical_params, compute_now, data_versions, read_result

log = logging.getLogger(__name__)

_JOB = AnalysisJob.__table__
_RESULT = AnalysisResult.__table__

#: A running job older than this is assumed to belong to a worker that died.
STUCK_AFTER = timedelta(minutes=30)
#: After a failure, the same job is not queued again by ``refresh_stale`` for this long.
RETRY_AFTER = timedelta(minutes=10)
#: A busy worker looks for newly stale results at least this often (seconds).
REFRESH_EVERY = 20.0


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def enqueue(engine: Engine, name: str, params: Params | None = None) -> bool:
    """Queue ``name`` for ``params`` unless the same job is already queued; True if queued."""
    get_analysis(name)  # unknown names fail here, not later in the worker
    text, key = canonical_params(params)
    with engine.begin() as conn:
        queued = conn.execute(
            select(_JOB.c.id)
            .where(_JOB.c.name == name, _JOB.c.params_key == key, _JOB.c.status == "queued")
            .limit(1)
        ).first()
        if queued is not None:
            return False
        conn.execute(
            insert(_JOB).values(name=name, params_key=key, params=text, status="queued", enqueued_at=_now())
        )
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _requeue_stuck(engine: Engine) -> None:
    """Queue again the jobs of workers that died: at once when the worker ran on this host and its
    process is gone, otherwise once the job has run for longer than :data:`STUCK_AFTER`."""
    host = socket.gethostname()
    with engine.begin() as conn:
        running = conn.execute(
            select(_JOB.c.id, _JOB.c.worker, _JOB.c.started_at).where(_JOB.c.status == "running")
        ).all()
        for row in running:
            parts = (row.worker or "").split(":")
            dead = (
                len(parts) >= 2 and parts[0] == host and parts[1].isdigit() and not _pid_alive(int(parts[1]))
            )
            started = _aware(row.started_at)
            if dead or (started is not None and started < _now() - STUCK_AFTER):
                conn.execute(
                    update(_JOB)
                    .where(_JOB.c.id == row.id, _JOB.c.status == "running")
                    .values(status="queued", worker=None, started_at=None)
                )


def refresh_stale(engine: Engine) -> int:
    """Queue every standard parameter set whose stored result is missing, stale or outdated.

    Cheap enough to call every few seconds: one query for the stored results' versions,
    one for the sources, one for the queue, plus whatever each ``standard_params`` asks.
    """
    registry = load_catalog()
    _requeue_stuck(engine)
    with engine.connect() as conn:
        stored = {
            (row.name, row.params_key): row
            for row in conn.execute(
                select(_RESULT.c.name, _RESULT.c.params_key, _RESULT.c.input_version, _RESULT.c.code_version)
            )
        }
        pending = {
            (row.name, row.params_key)
            for row in conn.execute(
                select(_JOB.c.name, _JOB.c.params_key).where(_JOB.c.status.in_(("queued", "running")))
            )
        }
        recent_failures = {
            (row.name, row.params_key)
            for row in conn.execute(
                select(_JOB.c.name, _JOB.c.params_key).where(
                    and_(_JOB.c.status == "failed", _JOB.c.finished_at > _now() - RETRY_AFTER)
                )
            )
        }
        all_sources = {s for spec in registry.values() for s in spec.sources}
        versions = data_versions(conn, all_sources)
    stale: list[tuple[int, str, Params]] = []
    for position, spec, params, key in _standard_sets(engine, registry):
        if (spec.name, key) in pending or (spec.name, key) in recent_failures:
            continue
        row = stored.get((spec.name, key))
        if row is not None and row.code_version == spec.version:
            have = {k: int(v) for k, v in json.loads(row.input_version).items()}
            if have == {s: versions.get(s, 0) for s in spec.sources}:
                continue
        stale.append((position, spec.name, params))
    # An analysis that writes another's input (the theme model's predictions) runs first; what
    # reads those inputs is queued once it has run, instead of being computed twice.
    pending_names = {name for name, _key in pending}
    blocked = written_by(registry, pending_names | {name for _position, name, _params in stale})
    stale = [
        item for item in stale if registry[item[1]].writes or not blocked & set(registry[item[1]].sources)
    ]
    # Each analysis lists its parameter sets most wanted first (the default period before "all
    # time"): queue every analysis's first set before any analysis's second, so what most readers
    # open is fresh first after an import.
    stale.sort(key=lambda item: item[0])
    return sum(1 for _position, name, params in stale if enqueue(engine, name, params))


def never_computed(engine: Engine) -> int:
    """How many standard results have no stored value of the analysis's current version (a
    new database, or new code): what a page would compute on the spot, with a progress bar."""
    registry = load_catalog()
    with engine.connect() as conn:
        stored = {
            (row.name, row.params_key)
            for row in conn.execute(select(_RESULT.c.name, _RESULT.c.params_key, _RESULT.c.code_version))
            if row.name in registry and row.code_version == registry[row.name].version
        }
    return sum((spec.name, key) not in stored for _p, spec, _params, key in _standard_sets(engine, registry))


def _standard_sets(engine: Engine, registry: dict[str, Any]) -> Iterator[tuple[int, Any, Params, str]]:
    """``(position, spec, params, params_key)`` of every analysis's standard parameter sets, most
    wanted first within each; an analysis whose ``standard_params`` fails is logged and skipped."""
    for spec in list(registry.values()):
        if spec.standard_params is None:
            continue
        try:
            param_sets = spec.standard_params(engine)
        except Exception:  # noqa: BLE001  (one broken analysis must not stop the others)
            log.exception("standard_params of %s failed", spec.name)
            continue
        for position, params in enumerate(param_sets):
            yield position, spec, params, canonical_params(params)[1]


def _next_job(conn: Connection) -> Row[Any] | None:
    """The job to run next: analyses that write others' inputs first, then the oldest; never one
    that reads what a running job is writing (it would be stale as soon as it was stored)."""
    registry = load_catalog()
    running = {
        (row.name, row.params_key)
        for row in conn.execute(select(_JOB.c.name, _JOB.c.params_key).where(_JOB.c.status == "running"))
    }
    blocked = written_by(registry, {name for name, _key in running})
    queued = conn.execute(
        select(_JOB.c.id, _JOB.c.name, _JOB.c.params, _JOB.c.params_key)
        .where(_JOB.c.status == "queued")
        .order_by(_JOB.c.id)
        .limit(500)
    ).all()
    ready = [
        row
        for row in queued
        # the same result already being computed by another worker: wait, then find it fresh
        if (row.name, row.params_key) not in running
        and (row.name not in registry or not blocked & set(registry[row.name].sources))
    ]
    ready.sort(key=lambda row: (not (row.name in registry and registry[row.name].writes), row.id))
    return ready[0] if ready else None


def _claim(engine: Engine, worker: str) -> tuple[int, str, str] | None:
    """Take the next queued job (:func:`_next_job`); None when there is none to take now."""
    for _attempt in range(5):
        with engine.begin() as conn:
            row = _next_job(conn)
            if row is None:
                return None
            taken = conn.execute(
                update(_JOB)
                .where(_JOB.c.id == row.id, _JOB.c.status == "queued")
                .values(status="running", worker=worker[:80], started_at=_now())
            ).rowcount
            if taken == 1:
                return row.id, row.name, row.params
    return None


def _finish(engine: Engine, job_id: int, status: str, error: str | None = None) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(_JOB).where(_JOB.c.id == job_id).values(status=status, finished_at=_now(), error=error)
        )


def _already_fresh(engine: Engine, name: str, params_text: str, enqueued_after: datetime | None) -> bool:
    stored = read_result(engine, name, json.loads(params_text))
    return (
        stored is not None
        and stored.fresh
        and (enqueued_after is None or stored.computed_at >= enqueued_after)
    )


def run_pending(
    engine: Engine,
    limit: int | None = None,
    worker: str | None = None,
    stop: Callable[[], bool] | None = None,
) -> int:
    """Run queued jobs in this thread until the queue is empty (or ``limit`` ran, or ``stop()``
    says so before the next job); returns how many.

    A failing analysis is recorded with its traceback (``status = failed``) and the worker
    goes on with the next job.
    """
    worker = worker or f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"
    ran = 0
    while (limit is None or ran < limit) and not (stop is not None and stop()):
        claimed = _claim(engine, worker)
        if claimed is None:
            break
        job_id, name, params_text = claimed
        with engine.connect() as conn:
            enqueued_at = _aware(conn.execute(select(_JOB.c.enqueued_at).where(_JOB.c.id == job_id)).scalar())
        try:
            if not _already_fresh(engine, name, params_text, enqueued_at):
                compute_now(engine, name, json.loads(params_text))
        except Exception:  # noqa: BLE001
            log.exception("analysis %s failed", name)
            _finish(engine, job_id, "failed", traceback.format_exc()[-4000:])
        else:
            _finish(engine, job_id, "done")
        ran += 1
    return ran


def queue_status(engine: Engine) -> list[dict[str, object]]:
    """The newest jobs, for ``python -m lib worker --status`` and the Status Data page."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                _JOB.c.id,
                _JOB.c.name,
                _JOB.c.params,
                _JOB.c.status,
                _JOB.c.enqueued_at,
                _JOB.c.started_at,
                _JOB.c.finished_at,
                _JOB.c.error,
            )
            .order_by(_JOB.c.id.desc())
            .limit(50)
        ).all()
    return [dict(row._mapping) for row in rows]


def purge_finished(engine: Engine, keep: timedelta = timedelta(days=7)) -> int:
    """Forget finished jobs older than ``keep`` (the queue table would otherwise only grow)."""
    from sqlalchemy import delete

    with engine.begin() as conn:
        return conn.execute(
            delete(_JOB).where(_JOB.c.status.in_(("done", "failed")), _JOB.c.finished_at < _now() - keep)
        ).rowcount


def work_loop(engine: Engine, *, poll: float = 2.0, once: bool = False, parent_pid: int | None = None) -> int:
    """Refresh and run until stopped (or, with ``once``, until nothing is left); returns jobs run.

    The queue is refreshed before every job, not only when it is empty: what became stale
    meanwhile (the figures that read the theme model's new predictions) is queued while
    long jobs are still waiting, and another worker can take it.
    """
    total = 0
    last_purge = 0.0
    last_refresh = -REFRESH_EVERY
    seen: dict[str, int] | None = None

    def orphaned() -> bool:  # the dashboard that started this worker is gone: stop between jobs
        return parent_pid is not None and not _alive(parent_pid)

    while True:
        if orphaned():
            return total
        ran = 0
        try:
            # Looking for stale results reads every analysis's standard windows: do it when some
            # data changed (an import, or the theme model's predictions), else now and then.
            versions = data_versions(engine, SOURCES)
            if versions != seen or time.monotonic() - last_refresh > REFRESH_EVERY:
                refresh_stale(engine)
                seen, last_refresh = versions, time.monotonic()
            ran = run_pending(engine, limit=1, stop=orphaned)
            total += ran
            if time.monotonic() - last_purge > 3600:
                purge_finished(engine)
                last_purge = time.monotonic()
        except Exception:  # noqa: BLE001  (a database hiccup must not end the worker)
            log.exception("worker loop failed; retrying")
            if once:
                raise
        if ran:
            continue
        if once:
            return total
        time.sleep(poll)


def _alive(pid: int) -> bool:
    """Whether the process that started this worker still runs (a child is re-parented when it dies)."""
    if pid == _STARTED_BY:
        return os.getppid() == pid
    return _pid_alive(pid)


_STARTED_BY = os.getppid()


_workers: dict[str, list[subprocess.Popen[bytes]]] = {}
_workers_lock = threading.Lock()


def worker_count() -> int:
    """How many worker processes a dashboard process starts: ``TELAAH_WORKERS``, by default two on
    a machine with two cores or more (after an import the stale results are recomputed side by
    side; at nice 10 they yield the processor to page requests), else one."""
    text = os.environ.get("TELAAH_WORKERS", "").strip()
    if text.isdigit() and int(text) >= 1:
        return int(text)
    return 2 if (os.cpu_count() or 1) >= 2 else 1


def start_worker(url: str) -> list[subprocess.Popen[bytes]] | None:
    """Start this process's background workers for ``url`` once (None when disabled).

    ``TELAAH_WORKER=0`` disables them (tests run jobs themselves); ``TELAAH_WORKERS`` sets how
    many (:func:`worker_count`). On a server with several dashboard processes each starts its
    own, which is safe because jobs are claimed atomically.
    """
    if os.environ.get("TELAAH_WORKER", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    with _workers_lock:
        running = [p for p in _workers.get(url, []) if p.poll() is None]
        env = {**os.environ, "DATABASE_URL": url}
        while len(running) < worker_count():
            running.append(
                subprocess.Popen(
                    [sys.executable, "-m", "lib", "worker", "--parent-pid", str(os.getpid()), "--nice", "10"],
                    cwd=str(_root()),
                    env=env,
                    stdin=subprocess.DEVNULL,
                )
            )
        _workers[url] = running
        return list(running)


def stop_worker(url: str | None = None, timeout: float = 10.0) -> None:
    """Stop the workers this process started (tests and clean shutdowns)."""
    with _workers_lock:
        urls = [url] if url else list(_workers)
        for key in urls:
            for process in _workers.pop(key, []):
                if process.poll() is not None:
                    continue
                process.terminate()
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    process.kill()


def _root():  # type: ignore[no-untyped-def]
    from lib.settings import ROOT

    return ROOT
