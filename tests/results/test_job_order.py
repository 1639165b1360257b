"""Which job a worker takes next, and how many workers the dashboard starts.

After a complaint import the theme model writes predicted themes that every complaint
figure reads: those figures must be computed once, after it, not once before and again after.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from lib.models import AnalysisJob
from lib.results import enqueue, mark_changed, read_result, refresh_stale, run_pending
from lib.results.jobs import worker_count
from lib.results.registry import REGISTRY
from lib.results.store import clear_memory_cache
from tests.results import toy_producers


@pytest.fixture(autouse=True)
def _only_toy_producers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lib.results.registry.catalog_modules", lambda: ("tests.results.toy_producers",))
    monkeypatch.setattr("lib.results.catalog.WRITES", {})
    saved = dict(REGISTRY)
    for name in [n for n in REGISTRY if n not in ("order.predict", "order.themes_per_unit")]:
        REGISTRY.pop(name)
    toy_producers.CALLS.clear()
    clear_memory_cache()
    yield
    REGISTRY.clear()
    REGISTRY.update(saved)


def _queued(engine: Engine) -> list[str]:
    j = AnalysisJob.__table__
    with engine.connect() as conn:
        return list(conn.execute(select(j.c.name).where(j.c.status == "queued").order_by(j.c.id)).scalars())


def test_readers_of_predictions_are_queued_only_after_the_predictor_ran(engine: Engine) -> None:
    with engine.begin() as conn:
        mark_changed(conn, "complaint")
    assert refresh_stale(engine) == 1
    assert _queued(engine) == ["order.predict"]
    assert run_pending(engine) == 1
    assert refresh_stale(engine) == 1  # predictions changed: now the reader
    assert run_pending(engine) == 1
    assert toy_producers.CALLS == ["predict", "themes_per_unit"]
    assert read_result(engine, "order.themes_per_unit").fresh
    assert refresh_stale(engine) == 0


def test_the_predictor_is_taken_before_older_jobs(engine: Engine) -> None:
    enqueue(engine, "order.themes_per_unit")  # e.g. a reader opened the page first
    enqueue(engine, "order.predict")
    assert run_pending(engine) == 2
    assert toy_producers.CALLS == ["predict", "themes_per_unit"]
    assert read_result(engine, "order.themes_per_unit").fresh


def test_a_reader_waits_while_the_predictor_runs(engine: Engine) -> None:
    j = AnalysisJob.__table__
    enqueue(engine, "order.predict")
    enqueue(engine, "order.themes_per_unit")
    with engine.begin() as conn:  # another worker has taken the predictor
        conn.execute(
            j.update().where(j.c.name == "order.predict").values(status="running", worker="elsewhere:1")
        )
    assert run_pending(engine) == 0
    assert _queued(engine) == ["order.themes_per_unit"]


def test_run_pending_stops_between_jobs_when_asked(engine: Engine) -> None:
    enqueue(engine, "order.predict")
    enqueue(engine, "order.themes_per_unit")
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 1  # the dashboard went away after the first job

    assert run_pending(engine, stop=stop) == 1
    assert toy_producers.CALLS == ["predict"]


def test_worker_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELAAH_WORKERS", "3")
    assert worker_count() == 3
    monkeypatch.setenv("TELAAH_WORKERS", "zero")
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert worker_count() == 2
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert worker_count() == 1
    monkeypatch.delenv("TELAAH_WORKERS")
    monkeypatch.setattr("os.cpu_count", lambda: None)
    assert worker_count() == 1


def test_a_result_another_worker_is_computing_is_not_computed_twice(engine: Engine) -> None:
    j = AnalysisJob.__table__
    enqueue(engine, "order.predict")
    with engine.begin() as conn:
        conn.execute(j.update().values(status="running", worker="elsewhere:1"))
    enqueue(engine, "order.predict")  # queued again meanwhile (a page saw it stale)
    assert run_pending(engine) == 0
    assert toy_producers.CALLS == []


def test_one_pass_of_the_worker_leaves_nothing_stale(engine: Engine) -> None:
    from lib.results.jobs import work_loop

    with engine.begin() as conn:
        mark_changed(conn, "complaint")
    assert work_loop(engine, once=True) == 2  # the reader is queued as soon as the predictor ran
    assert toy_producers.CALLS == ["predict", "themes_per_unit"]
    assert refresh_stale(engine) == 0
