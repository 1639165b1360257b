"""What the Pengaduan page builds from one stored overview is built once and shared, never stale."""

from __future__ import annotations

import gc

from lib.ui import complaints as ui


class _Overview:
    """Stands in for a ComplaintOverview: only its identity matters to ``shared``."""


def test_built_once_per_overview_and_arguments() -> None:
    calls: list[str] = []

    def build(tag: str) -> list[str]:
        calls.append(tag)
        return [tag]

    ov = _Overview()
    first = ui.shared(ov, "chart", lambda: build("a"), "id")  # type: ignore[arg-type]
    again = ui.shared(ov, "chart", lambda: build("b"), "id")  # type: ignore[arg-type]
    assert first is again and again == ["a"] and calls == ["a"]  # the second reader gets the first build
    english = ui.shared(ov, "chart", lambda: build("c"), "en")  # type: ignore[arg-type]
    assert english == ["c"] and calls == ["a", "c"]  # other arguments: built apart


def test_a_new_overview_is_built_anew_even_at_a_reused_address() -> None:
    calls: list[int] = []
    ov = _Overview()
    ui.shared(ov, "table", lambda: calls.append(1) or "old")  # type: ignore[arg-type,func-returns-value]
    del ov
    gc.collect()
    # a newer result is a new object; if it lands at the old one's address, the dead entry is not used
    for _ in range(50):
        fresh = _Overview()
        value = ui.shared(fresh, "table", lambda: calls.append(2) or "new")  # type: ignore[arg-type,func-returns-value]
        assert value == "new"
    assert calls[0] == 1 and set(calls[1:]) == {2}
