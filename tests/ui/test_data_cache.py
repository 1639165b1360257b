"""Cached figures are keyed by the data's version: a write by any process is seen without clearing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from lib.results import mark_changed
from lib.results.store import data_token
from lib.ui import data


def test_the_data_token_grows_with_every_write(engine: Engine) -> None:
    before = data_token(engine)
    with engine.begin() as conn:
        mark_changed(conn, "complaint")
    middle = data_token(engine)
    with engine.begin() as conn:
        mark_changed(conn, "complaint", "survey")
    assert (int(before), int(middle), int(data_token(engine))) == (
        int(before),
        int(before) + 1,
        int(before) + 3,
    )


def test_a_cached_figure_is_recomputed_after_another_process_writes(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    @data.cached()
    def figure(eng: Engine, x: int) -> int:
        calls.append(x)
        return x * 2

    monkeypatch.setattr(data, "DATA_CHECK_SECONDS", 3600.0)
    data.forget_recent_reads()
    assert figure(engine, 3) == 6 and figure(engine, 3) == 6
    assert calls == [3]  # the second read came from the cache
    with engine.begin() as conn:  # what an import in another server process does
        mark_changed(conn, "complaint")
    assert figure(engine, 3) == 6 and calls == [3]  # within the check interval: still the cached value
    monkeypatch.setattr(data, "DATA_CHECK_SECONDS", 0.0)
    assert figure(engine, 3) == 6
    assert calls == [3, 3]  # the new data version is a new key: computed again
    figure.clear()
