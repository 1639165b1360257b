"""The small questions every page run asks (is the database empty, is a stored result there and
current) are asked at most every two seconds per process, and a write in this process is seen
at once (``lib.ui.data.recently``, ``lib.ui.results.read_recent``)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, event, insert

from lib.models import Unit
from lib.results import compute_now, mark_changed
from lib.results.registry import REGISTRY
from lib.results.store import clear_memory_cache
from lib.ui import data
from lib.ui.results import queue_refresh, read_recent, remember_result
from tests.results import toy_analyses


@pytest.fixture(autouse=True)
def _fresh_memory(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(data, "DATA_CHECK_SECONDS", 3600.0)
    data.clear_caches()
    clear_memory_cache()
    yield
    data.clear_caches()


def _count_queries(engine: Engine) -> list[str]:
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    return seen


def test_recently_reads_once_per_interval_and_forgets_after_a_write(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([1, 2, 3])
    calls: list[int] = []

    def read() -> int:
        value = next(answers)
        calls.append(value)
        return value

    assert [data.recently("k", read) for _ in range(3)] == [1, 1, 1]
    assert calls == [1]  # asked once, then remembered
    data.clear_caches()  # what an import in this process does
    assert data.recently("k", read) == 2
    monkeypatch.setattr(data, "DATA_CHECK_SECONDS", 0.0)  # the interval has passed
    assert data.recently("k", read) == 3
    assert calls == [1, 2, 3]


def test_while_one_thread_asks_again_the_others_take_the_answer_it_replaces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Twenty sessions opening at once after a quiet spell: one query, not twenty."""
    assert data.recently("k", lambda: "old") == "old"
    monkeypatch.setattr(data, "DATA_CHECK_SECONDS", 0.0)  # the answer has expired
    asking, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def slow_read() -> str:
        calls.append("slow")
        asking.set()
        release.wait(10)
        return "new"

    answers: list[str] = []
    worker = threading.Thread(target=lambda: answers.append(data.recently("k", slow_read)))
    worker.start()
    assert asking.wait(10)
    others = [data.recently("k", lambda: calls.append("again") or "again") for _ in range(3)]
    release.set()
    worker.join(10)
    assert others == ["old", "old", "old"] and answers == ["new"] and calls == ["slow"]
    assert data.recently("k", lambda: "later") == "later"  # expired again (interval 0): asked


def test_recently_keeps_a_bounded_number_of_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data, "RECENT_ENTRIES", 3)
    for i in range(5):
        data.recently(("n", i), lambda i=i: i)
    assert list(data._recent) == [("n", 2), ("n", 3), ("n", 4)]  # the oldest dropped first


def test_database_is_empty_is_asked_once_per_interval(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(data, "engine", lambda: engine)
    monkeypatch.setattr(data, "db_url", lambda: engine.url.render_as_string(hide_password=False))
    queries = _count_queries(engine)
    assert data.database_is_empty() is True
    assert data.database_is_empty() is True
    assert len(queries) == 1
    with engine.begin() as conn:
        conn.execute(insert(Unit.__table__).values(code="U1", name="Unit 1", kind="kelurahan", path="/U1/"))
    assert data.database_is_empty() is True  # within the interval: the answer of a moment ago
    data.clear_caches()
    assert data.database_is_empty() is False


@pytest.fixture
def toy_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr("lib.results.registry.catalog_modules", lambda: ("tests.results.toy_analyses",))
    saved = dict(REGISTRY)
    for name in [n for n in REGISTRY if not n.startswith("test.")]:
        REGISTRY.pop(name)
    yield
    REGISTRY.clear()
    REGISTRY.update(saved)


def test_read_recent_asks_the_store_once_per_interval(engine: Engine, toy_registry: None) -> None:
    params = {"kind": "kelurahan"}
    toy_analyses.CALLS.clear()  # an earlier test in this worker may have computed it already
    assert read_recent("test.unit_count", params, eng=engine) is None  # never computed
    computed = compute_now(engine, "test.unit_count", params)
    assert computed.value == 0
    assert read_recent("test.unit_count", params, eng=engine) is None  # still the answer of a moment ago
    remember_result("test.unit_count", params, computed, eng=engine)  # what ``stored`` does after computing
    queries = _count_queries(engine)
    first = read_recent("test.unit_count", params, eng=engine)
    again = read_recent("test.unit_count", params, eng=engine)
    assert first is computed and again is computed and queries == []
    with engine.begin() as conn:  # an import: the stored result is stale from now on
        mark_changed(conn, "unit")
    data.clear_caches()
    queries.clear()
    stale = read_recent("test.unit_count", params, eng=engine)
    assert stale is not None and stale.value == 0 and stale.fresh is False
    assert len(queries) == 4  # one read: the result's row, its value, the data's versions, a queued job
    assert toy_analyses.CALLS.count("unit_count:kelurahan") == 1


def test_a_stale_result_is_queued_once_and_read_as_refreshing(engine: Engine, toy_registry: None) -> None:
    from sqlalchemy import select

    from lib.models import AnalysisJob

    params = {"kind": "kelurahan"}
    compute_now(engine, "test.unit_count", params)
    with engine.begin() as conn:
        mark_changed(conn, "unit")
    stale = read_recent("test.unit_count", params, eng=engine)
    assert stale is not None and not stale.fresh and not stale.refreshing
    queue_refresh("test.unit_count", params, stale, eng=engine)
    again = read_recent("test.unit_count", params, eng=engine)
    assert again is not None and again.refreshing and again.value == stale.value
    queue_refresh("test.unit_count", params, again, eng=engine)  # the next run: nothing more queued
    with engine.connect() as conn:
        assert conn.execute(select(AnalysisJob.__table__.c.status)).scalars().all() == ["queued"]
