"""A page reading a stored result: computed once with a progress bar, then read; when the data changed,
the previous value stays on screen with its date and a note, and the job is queued for the worker."""

from __future__ import annotations

import pytest
import streamlit as st
from sqlalchemy import Engine, select, update
from streamlit.testing.v1 import AppTest

from lib.models import AnalysisJob, AnalysisResult
from lib.results import mark_changed
from lib.results.store import clear_memory_cache


def _page() -> None:
    import streamlit as st

    from lib.ui.results import stored

    result = stored("test.square", {"x": 3}, "summary")
    st.write(f"value={result.value}")


@pytest.fixture
def app(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("TELAAH_ANALYSIS_MODULES", "tests.results.toy_analyses")
    st.cache_data.clear()
    clear_memory_cache()
    # A page asks the store again only after DATA_CHECK_SECONDS (2 s); these tests write as
    # another process would and look at the next run at once, as if those seconds had passed.
    monkeypatch.setattr("lib.ui.data.DATA_CHECK_SECONDS", 0.0)
    return AppTest.from_function(_page, default_timeout=60)


def _captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def _jobs(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(AnalysisJob.__table__.c.status)).scalars())


def test_first_visit_computes_and_stores_then_later_visits_read(engine: Engine, app: AppTest) -> None:
    from tests.results import toy_analyses

    toy_analyses.CALLS.clear()
    app.run()
    assert not app.exception
    assert [m.value for m in app.markdown] == ["value=9"]
    assert any(c.startswith("Diperbarui ") and c.endswith(("WIB", "+07")) for c in _captions(app))
    app.run()
    assert toy_analyses.CALLS == ["square:3"]  # the second run read the stored value


def test_a_stale_slow_result_stays_on_screen_and_is_queued(engine: Engine, app: AppTest) -> None:
    app.run()
    r = AnalysisResult.__table__
    with engine.begin() as conn:
        conn.execute(update(r).values(seconds=120.0))  # as if it took two minutes at city scale
        mark_changed(conn, "survey")
    app.run()
    assert [m.value for m in app.markdown] == ["value=9"]
    assert any("sedang dihitung di latar belakang" in c for c in _captions(app))
    assert _jobs(engine) == ["queued"]
    app.run()
    assert _jobs(engine) == ["queued"]  # not queued twice


def test_a_stale_quick_result_is_simply_recomputed(engine: Engine, app: AppTest) -> None:
    from tests.results import toy_analyses

    app.run()
    with engine.begin() as conn:
        mark_changed(conn, "survey")
    toy_analyses.CALLS.clear()
    app.run()
    assert toy_analyses.CALLS == ["square:3"]
    assert not any("latar belakang" in c for c in _captions(app))
    assert _jobs(engine) == []


def test_updated_time_is_on_the_citys_clock() -> None:
    from datetime import UTC, datetime

    from lib.ui.results import updated_text

    moment = datetime(2026, 11, 30, 6, 30, tzinfo=UTC)
    assert updated_text(moment, "id") == "30 Nov 2026 13.30 WIB"
    assert updated_text(moment, "en") == "30 Nov 2026 13:30 WIB"
