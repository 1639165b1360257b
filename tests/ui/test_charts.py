"""The priority chart: colour follows the labelled value against the threshold, a legend names it, the line lies below."""

from __future__ import annotations

import pandas as pd

from lib.analysis.priority_score import FLAG_THRESHOLD
from lib.ui.charts import PRIORITY_COLOURS, priority_chart, priority_standing


def test_standing_follows_the_labelled_value() -> None:
    assert priority_standing(70.2, True) == "flagged"
    assert priority_standing(70.2, False) == "above"
    assert priority_standing(24.6, False) == "above"  # labelled "25", on the line at 25
    assert priority_standing(24.4, False) == "below"
    assert FLAG_THRESHOLD == 25.0


def test_equal_labels_get_one_colour_per_standing_and_a_legend() -> None:
    scored = pd.DataFrame(
        {
            "nama_unit": ["Kelurahan A", "Kelurahan B", "Kelurahan C", "Dinas D"],
            "score": [70.4, 69.6, 12.0, None],
            "flagged": [True, False, False, False],
        }
    )
    figure = priority_chart(scored, "id", "Unit prioritas")
    traces = {trace.name: trace for trace in figure.data}
    assert set(traces) == {"Perlu perhatian", "Skor ≥ 25, alasan belum jelas", "Skor < 25"}
    assert list(traces["Perlu perhatian"].text) == ["70"]
    assert traces["Perlu perhatian"].marker.color == PRIORITY_COLOURS["flagged"]
    assert list(traces["Skor ≥ 25, alasan belum jelas"].text) == ["70"]
    assert traces["Skor ≥ 25, alasan belum jelas"].marker.color == PRIORITY_COLOURS["above"]
    assert figure.layout.showlegend is True
    (line,) = figure.layout.shapes
    assert line.layer == "below" and line.x0 == FLAG_THRESHOLD
    assert figure.layout.separators == ",."
    # best on top: plotly draws the first category at the bottom
    assert list(figure.layout.yaxis.categoryarray) == ["Kelurahan C", "Kelurahan B", "Kelurahan A"]
    english = priority_chart(scored, "en", "Priority units")
    assert {t.name for t in english.data} == {
        "Needs attention",
        "Score ≥ 25, reasons not clear",
        "Score < 25",
    }


def test_readable_figure_puts_reference_lines_beneath_the_labels() -> None:
    import plotly.graph_objects as go

    from lib.ui.charts import readable_figure

    figure = go.Figure(go.Bar(x=[76.6, 88.3], y=["A", "B"], orientation="h", text=["76,60 C", "88,30 B"]))
    figure.add_vline(x=76.61, line_dash="dot")
    figure.update_layout(
        shapes=[*figure.layout.shapes, {"type": "line", "x0": 88.31, "x1": 88.31, "y0": 0, "y1": 1}]
    )
    readable_figure(figure, "id")
    assert [shape.layer for shape in figure.layout.shapes] == ["below", "below"]
    assert figure.layout.separators == ",."
