"""Chart and table selections come from the browser: forged ones are ignored quietly and reported once.

Before, ``int('abc')`` in a trend point's customdata or a month that is no date
raised inside the Pengaduan page and showed a traceback (5 of 5 forged payloads).
"""

from __future__ import annotations

from datetime import date

import pytest

from lib.ui.complaints import apply_selection, selected_point, selected_rows

UNITS = ["__all__", 7, 9]
THEMES = ["__all__", "antrean", ""]
MONTHS = ["__all__", date(2025, 3, 1)]


def _apply(state: dict, reports: list, **selection: object) -> None:
    apply_selection(
        state,
        trend=selection.get("trend"),  # type: ignore[arg-type]
        heatmap=selection.get("heatmap"),  # type: ignore[arg-type]
        table_rows=selection.get("table_rows", []),  # type: ignore[arg-type]
        summary_unit_ids=[7, 9],
        unit_options=UNITS,
        theme_options=THEMES,
        month_options=MONTHS,
        on_forged=lambda source, payload: reports.append((source, payload)),
    )


def test_a_real_selection_points_the_drill_down() -> None:
    state: dict = {}
    reports: list = []
    _apply(state, reports, trend={"customdata": [9, "2025-03-01T00:00:00"]})
    assert (state["complaints_drill_unit"], state["complaints_drill_month"]) == (9, date(2025, 3, 1))
    assert reports == []


@pytest.mark.parametrize(
    ("source", "payload"),
    [
        ("trend", {"customdata": ["abc", "2025-03-01"]}),
        ("trend", {"customdata": [9, "bukan-tanggal"]}),
        ("trend", {"customdata": [None]}),
        ("trend", {"customdata": "x"}),
        ("heatmap", {"customdata": [{"a": 1}, "antrean"]}),
        ("heatmap", {"customdata": [9]}),
    ],
)
def test_forged_chart_payloads_are_ignored_and_reported_once(source: str, payload: dict) -> None:
    state: dict = {}
    reports: list = []
    for _ in range(3):  # the selection stays in the chart across reruns
        _apply(state, reports, **{source: payload})
    assert "complaints_drill_unit" not in state and "complaints_drill_month" not in state
    assert reports == [(source, payload)]


def test_forged_event_shapes_read_as_no_selection() -> None:
    assert selected_point({"selection": {"points": "abc"}}) is None
    assert selected_point({"selection": {"points": [5]}}) is None
    assert selected_point("{not json") is None
    assert selected_rows({"selection": {"rows": ["x", 1.5, True, 2]}}) == [2]
    assert selected_rows(None) == []
    state: dict = {}
    _apply(state, [], table_rows=[99])  # a row past the end of the table
    assert "complaints_drill_unit" not in state
