"""Chart and table selections come from the browser: forged ones are ignored quietly and reported once.

Before, ``int('abc')`` in a trend point's customdata or a month that is no date
raised inside the Pengaduan page and showed a traceback (5 of 5 forged payloads).
The charts are Vega-Lite now: a click sends ``{"selection": {param: [{field: value}]}}``
(the shape Streamlit 1.67's frontend sends, seen in Chromium; a trend point's period is the
number ``YYYYMMDD``), and the same guarantees hold.
"""

from __future__ import annotations

from datetime import date

import pytest

from lib.ui.complaints import (
    HEATMAP_SELECTION,
    TREND_SELECTION,
    apply_selection,
    selected_point,
    selected_rows,
)

UNITS = ["__all__", 7, 9]
THEMES = ["__all__", "antrean", ""]
MONTHS = ["__all__", date(2025, 3, 1)]


def _event(param: str, value: object) -> dict:
    return {"selection": {param: value}}


def _apply(state: dict, reports: list, **events: object) -> bool:
    return apply_selection(
        state,
        trend=selected_point(events.get("trend"), TREND_SELECTION),
        heatmap=selected_point(events.get("heatmap"), HEATMAP_SELECTION),
        table_rows=selected_rows(events.get("table")),
        summary_unit_ids=[7, 9],
        unit_options=UNITS,
        theme_options=THEMES,
        month_options=MONTHS,
        on_forged=lambda source, payload: reports.append((source, payload)),
    )


def test_a_real_trend_click_points_the_drill_down() -> None:
    state: dict = {}
    reports: list = []
    _apply(state, reports, trend=_event(TREND_SELECTION, [{"unit_id": 9, "period": 20250301}]))
    assert (state["complaints_drill_unit"], state["complaints_drill_month"]) == (9, date(2025, 3, 1))
    assert "complaints_drill_theme" not in state
    assert reports == []


def test_a_real_heatmap_click_points_the_drill_down_and_clears_the_month() -> None:
    state: dict = {"complaints_drill_month": date(2025, 3, 1)}
    reports: list = []
    # the cell of the texts without a theme: its key is the empty text
    _apply(state, reports, heatmap=_event(HEATMAP_SELECTION, [{"unit_id": 7, "theme_key": ""}]))
    assert state["complaints_drill_unit"] == 7
    assert state["complaints_drill_theme"] == ""
    assert state["complaints_drill_month"] == "__all__"
    assert reports == []


def test_a_selection_is_applied_once_and_the_reader_may_change_the_boxes_after() -> None:
    state: dict = {}
    click = _event(TREND_SELECTION, [{"unit_id": 9, "period": 20250301}])
    _apply(state, [], trend=click)
    state["complaints_drill_unit"] = 7  # the reader picks another unit by hand
    # the point stays selected in the chart across reruns: not applied again, so the page does
    # not reopen the texts the reader may have closed
    assert _apply(state, [], trend=click) is False
    assert state["complaints_drill_unit"] == 7


def test_an_applied_selection_says_so_so_that_the_page_opens_the_texts() -> None:
    state: dict = {}
    assert _apply(state, [], table=_event_rows([1])) is True and state["complaints_drill_unit"] == 9
    assert _apply({}, [], trend=_event(TREND_SELECTION, [{"unit_id": 12345, "period": 20190101}])) is False
    assert _apply({}, []) is False


def _event_rows(rows: list[int]) -> dict:
    return {"selection": {"rows": rows}}


def test_nothing_selected_and_clicks_beside_the_points_select_nothing() -> None:
    # a click on a mark without the fields (the spike band, a dashed line) sends them empty
    beside = ([{"unit_id": None, "period": None}], [{"unit_id": None, "theme_key": None}])
    for trend, heatmap in [({}, {}), ([], []), (None, None), ([{}], [{}]), beside]:
        state: dict = {}
        reports: list = []
        _apply(
            state, reports, trend=_event(TREND_SELECTION, trend), heatmap=_event(HEATMAP_SELECTION, heatmap)
        )
        assert "complaints_drill_unit" not in state, trend
        assert reports == [], trend


def test_values_the_page_does_not_offer_are_not_applied() -> None:
    state: dict = {}
    reports: list = []
    # a unit outside the reader's scope, a month outside the period, a theme that does not exist
    _apply(state, reports, trend=_event(TREND_SELECTION, [{"unit_id": 12345, "period": 20190101}]))
    _apply(state, reports, heatmap=_event(HEATMAP_SELECTION, [{"unit_id": 12345, "theme_key": "rahasia"}]))
    assert not {"complaints_drill_unit", "complaints_drill_month", "complaints_drill_theme"} & set(state)
    assert reports == []  # well-formed: nothing forged, only nothing to show


@pytest.mark.parametrize(
    ("source", "selection"),
    [
        ("trend", {TREND_SELECTION: [{"unit_id": "abc", "period": 20250301}]}),  # non-int unit
        ("trend", {TREND_SELECTION: [{"unit_id": "9", "period": 20250301}]}),  # a number as text
        ("trend", {TREND_SELECTION: [{"unit_id": True, "period": 20250301}]}),  # a bool is no unit
        ("trend", {TREND_SELECTION: [{"unit_id": 9.0, "period": 20250301}]}),  # nor a float
        ("trend", {TREND_SELECTION: [{"unit_id": 9, "period": "bukan-tanggal"}]}),  # non-date month
        ("trend", {TREND_SELECTION: [{"unit_id": 9, "period": "2025-03-01"}]}),  # a text, not the number
        ("trend", {TREND_SELECTION: [{"unit_id": 9, "period": 20251301}]}),  # month 13
        ("trend", {TREND_SELECTION: [{"unit_id": 9, "period": 20250230}]}),  # 30 February
        ("trend", {TREND_SELECTION: [{"unit_id": 9, "period": 20250301.0}]}),
        ("trend", {TREND_SELECTION: [{"unit_id": 9, "period": 1740787200000}]}),  # a timestamp
        ("trend", {TREND_SELECTION: [{"unit_id": 9}]}),  # short
        ("trend", {TREND_SELECTION: [{"unit_id": 9, "period": 20250301, "x": 1}]}),  # a field added
        ("trend", {TREND_SELECTION: [[9, 20250301]]}),  # a list, not a point
        ("trend", {TREND_SELECTION: "x"}),  # wrong type
        ("trend", {TREND_SELECTION: {"unit_id": 9}}),  # an object, not a list of points
        ("trend", {"other_param": [{"unit_id": 9, "period": 20250301}]}),  # unknown param
        ("heatmap", {HEATMAP_SELECTION: [{"unit_id": {"a": 1}, "theme_key": "antrean"}]}),
        ("heatmap", {HEATMAP_SELECTION: [{"unit_id": 9, "theme_key": 5}]}),
        ("heatmap", {HEATMAP_SELECTION: [{"unit_id": 9}]}),
        ("heatmap", {HEATMAP_SELECTION: [5]}),
        ("heatmap", {HEATMAP_SELECTION: [], TREND_SELECTION: []}),  # a parameter it does not have
    ],
)
def test_forged_chart_payloads_are_ignored_and_reported_once(source: str, selection: dict) -> None:
    state: dict = {}
    reports: list = []
    event = {"selection": selection}
    for _ in range(3):  # the selection stays in the chart across reruns
        _apply(state, reports, **{source: event})
    assert not {"complaints_drill_unit", "complaints_drill_month", "complaints_drill_theme"} & set(state)
    assert len(reports) == 1 and reports[0][0] == source


def test_forged_event_shapes_never_raise() -> None:
    assert selected_point("{not json", TREND_SELECTION) is None
    assert selected_point(None, TREND_SELECTION) is None
    assert selected_point({"selection": {TREND_SELECTION: {}}}, TREND_SELECTION) is None
    assert selected_point({"selection": {TREND_SELECTION: [{"a": 1}, 2]}}, TREND_SELECTION) == {"a": 1}
    assert selected_rows({"selection": {"rows": ["x", 1.5, True, 2]}}) == [2]
    assert selected_rows(None) == []
    state: dict = {}
    _apply(state, [], table={"selection": {"rows": [99]}})  # a row past the end of the table
    assert "complaints_drill_unit" not in state
