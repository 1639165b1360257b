"""The result store and job queue: freshness by source versions, the queue, the worker."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select

from lib.models import AnalysisJob, Unit
from lib.results import (
    compute_now,
    data_versions,
    enqueue,
    get_or_compute,
    mark_changed,
    read_result,
    refresh_stale,
    run_pending,
    start_worker,
)
from lib.results.registry import REGISTRY, analysis
from lib.results.store import clear_memory_cache
from tests.results import toy_analyses

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _only_toy_analyses(monkeypatch: pytest.MonkeyPatch) -> None:
    """refresh_stale looks at every registered analysis; keep the tests to their own."""
    monkeypatch.setattr("lib.results.registry.catalog_modules", lambda: ("tests.results.toy_analyses",))
    saved = dict(REGISTRY)
    for name in [n for n in REGISTRY if not n.startswith("test.")]:
        REGISTRY.pop(name)
    toy_analyses.CALLS.clear()
    clear_memory_cache()
    yield
    REGISTRY.clear()
    REGISTRY.update(saved)


def _add_units(engine: Engine, *kinds: str) -> None:
    u = Unit.__table__
    with engine.begin() as conn:
        start = len(conn.execute(select(u.c.id)).all())
        for i, kind in enumerate(kinds, start=start):
            conn.execute(insert(u).values(code=f"U{i}", name=f"Unit {i}", kind=kind, path=f"/U{i}/"))
        mark_changed(conn, "unit")


def test_versions_start_at_zero_and_count_each_write(engine: Engine) -> None:
    assert data_versions(engine, ("unit", "survey")) == {"unit": 0, "survey": 0}
    with engine.begin() as conn:
        mark_changed(conn, "unit")
    with engine.begin() as conn:
        mark_changed(conn, "unit", "survey")
    assert data_versions(engine, ("unit", "survey", "complaint")) == {"unit": 2, "survey": 1, "complaint": 0}


def test_a_rolled_back_write_changes_no_version(engine: Engine) -> None:
    with pytest.raises(RuntimeError), engine.begin() as conn:
        mark_changed(conn, "unit")
        raise RuntimeError("import failed")
    assert data_versions(engine, ("unit",)) == {"unit": 0}


def test_unknown_source_is_refused(engine: Engine) -> None:
    with pytest.raises(ValueError, match="unknown data sources"), engine.begin() as conn:
        mark_changed(conn, "surveys")


def test_concurrent_writers_lose_no_increment(engine: Engine) -> None:
    def bump() -> None:
        for _ in range(15):
            with engine.begin() as conn:
                mark_changed(conn, "complaint")

    threads = [threading.Thread(target=bump) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert data_versions(engine, ("complaint",)) == {"complaint": 45}


def test_stored_value_is_fresh_until_its_own_source_changes(engine: Engine) -> None:
    _add_units(engine, "kelurahan", "kelurahan", "dinas")
    assert read_result(engine, "test.unit_count", {"kind": "kelurahan"}) is None

    stored = compute_now(engine, "test.unit_count", {"kind": "kelurahan"})
    assert stored.value == 2 and stored.fresh
    again = read_result(engine, "test.unit_count", {"kind": "kelurahan"})
    assert again is not None and again.value == 2 and again.fresh and not again.refreshing
    assert again.input_version == {"unit": 1}

    with engine.begin() as conn:
        mark_changed(conn, "survey")  # not an input of this analysis
    assert read_result(engine, "test.unit_count", {"kind": "kelurahan"}).fresh

    _add_units(engine, "kelurahan")
    stale = read_result(engine, "test.unit_count", {"kind": "kelurahan"})
    assert stale is not None and stale.value == 2 and not stale.fresh  # the previous value, marked stale
    assert get_or_compute(engine, "test.unit_count", {"kind": "kelurahan"}).value == 3


def test_parameters_are_keyed_whatever_their_order(engine: Engine) -> None:
    compute_now(engine, "test.square", {"x": 7})
    assert read_result(engine, "test.square", {"x": 7}).value == 49
    assert read_result(engine, "test.square", {"x": 8}) is None


def test_value_of_an_older_code_version_is_not_used(engine: Engine) -> None:
    compute_now(engine, "test.square", {"x": 3})
    spec = REGISTRY["test.square"]
    REGISTRY["test.square"] = type(spec)(spec.name, spec.sources, spec.func, spec.standard_params, version=2)
    assert read_result(engine, "test.square", {"x": 3}) is None


def test_refresh_queues_missing_and_stale_standard_params_once(engine: Engine) -> None:
    _add_units(engine, "kelurahan", "dinas")
    # two standard parameter sets of test.unit_count, one of test.always_fails
    assert refresh_stale(engine) == 3
    assert refresh_stale(engine) == 0  # already queued
    assert run_pending(engine) == 3
    assert sorted(toy_analyses.CALLS) == ["unit_count:None", "unit_count:kelurahan"]
    assert read_result(engine, "test.unit_count", {"kind": None}).value == 2
    assert refresh_stale(engine) == 0  # fresh, and the failure is not retried at once

    _add_units(engine, "kelurahan")
    assert refresh_stale(engine) == 2
    assert run_pending(engine) == 2
    assert read_result(engine, "test.unit_count", {"kind": "kelurahan"}).value == 2
    assert read_result(engine, "test.unit_count", {"kind": None}).value == 3


def test_a_failing_analysis_is_recorded_and_the_queue_goes_on(engine: Engine) -> None:
    enqueue(engine, "test.always_fails")
    enqueue(engine, "test.square", {"x": 2})
    assert run_pending(engine) == 2
    j = AnalysisJob.__table__
    with engine.connect() as conn:
        rows = {r.name: r for r in conn.execute(select(j.c.name, j.c.status, j.c.error))}
    assert rows["test.always_fails"].status == "failed"
    assert "deliberate failure" in rows["test.always_fails"].error
    assert rows["test.square"].status == "done"
    assert read_result(engine, "test.square", {"x": 2}).value == 4


def test_a_job_already_fresh_is_not_computed_again(engine: Engine) -> None:
    enqueue(engine, "test.square", {"x": 5})
    compute_now(engine, "test.square", {"x": 5})
    toy_analyses.CALLS.clear()
    assert run_pending(engine) == 1
    assert toy_analyses.CALLS == []


def test_two_workers_run_each_job_exactly_once(engine: Engine) -> None:
    for x in range(12):
        enqueue(engine, "test.square", {"x": x})
    threads = [threading.Thread(target=run_pending, args=(engine,)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(toy_analyses.CALLS) == sorted(f"square:{x}" for x in range(12))
    j = AnalysisJob.__table__
    with engine.connect() as conn:
        assert {r.status for r in conn.execute(select(j.c.status))} == {"done"}


def test_enqueue_refuses_an_unknown_analysis(engine: Engine) -> None:
    with pytest.raises(KeyError, match="no analysis registered"):
        enqueue(engine, "test.nothing")


def test_registering_an_unknown_source_fails_at_import_time() -> None:
    with pytest.raises(ValueError, match="unknown data sources"):
        analysis("test.bad", sources=("complaints",))(lambda engine: 0)


def test_worker_is_off_when_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELAAH_WORKER", "0")
    assert start_worker("sqlite:///nowhere.db") is None


def test_worker_command_computes_what_is_stale(engine: Engine) -> None:
    _add_units(engine, "kelurahan", "kelurahan", "kelurahan", "upt")
    env = {
        **os.environ,
        "DATABASE_URL": engine.url.render_as_string(hide_password=False),
        "TELAAH_ANALYSIS_MODULES": "tests.results.toy_analyses",
    }
    done = subprocess.run(
        [sys.executable, "-m", "lib", "worker", "--once"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    # the three toy jobs, plus whatever the real catalog (lib.results.catalog) keeps fresh
    assert int(done.stdout.split("ran ")[1].split(" ")[0]) >= 3, done.stdout
    assert read_result(engine, "test.unit_count", {"kind": "kelurahan"}).value == 3
    assert read_result(engine, "test.unit_count", {"kind": None}).value == 4


def test_a_job_of_a_dead_worker_is_queued_again(engine: Engine) -> None:
    import socket

    from sqlalchemy import update

    enqueue(engine, "test.square", {"x": 9})
    j = AnalysisJob.__table__
    with engine.begin() as conn:  # claimed by a process of this host that no longer exists
        conn.execute(update(j).values(status="running", worker=f"{socket.gethostname()}:999999999:1"))
    assert run_pending(engine) == 0  # nothing queued: the job looks taken
    refresh_stale(engine)  # also queues the toy standard analyses
    assert run_pending(engine) >= 1
    assert read_result(engine, "test.square", {"x": 9}).value == 81


def test_every_analysiss_first_parameter_set_is_queued_before_any_second(engine: Engine) -> None:
    """After an import, the default view of every page is recomputed before the rarer windows."""
    _add_units(engine, "kelurahan")
    with engine.begin() as conn:
        mark_changed(conn, "complaint")
    refresh_stale(engine)
    j = AnalysisJob.__table__
    with engine.connect() as conn:
        queued = [(r.name, r.params) for r in conn.execute(select(j.c.name, j.c.params).order_by(j.c.id))]
    # test.unit_count lists {"kind": "kelurahan"} then {"kind": None}; test.always_fails one set
    assert queued == [
        ("test.unit_count", '{"kind":"kelurahan"}'),
        ("test.always_fails", "{}"),
        ("test.unit_count", '{"kind":null}'),
    ]


def test_never_computed_counts_standard_results_without_a_value_of_this_version(engine: Engine) -> None:
    from lib.results.jobs import never_computed

    _add_units(engine, "kelurahan")
    # test.unit_count has two standard parameter sets, test.always_fails one; none computed yet
    assert never_computed(engine) == 3
    compute_now(engine, "test.unit_count", {"kind": "kelurahan"})
    assert never_computed(engine) == 2
    _add_units(engine, "kelurahan")  # stale is not "never computed": a page shows it at once
    assert never_computed(engine) == 2
    spec = REGISTRY["test.unit_count"]
    REGISTRY["test.unit_count"] = type(spec)(
        spec.name, spec.sources, spec.func, spec.standard_params, version=2
    )
    assert never_computed(engine) == 3  # new code: its old value is not used
