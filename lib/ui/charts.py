"""Charts whose colours, labels and threshold lines read unambiguously (issue 17's chart defects).

The priority bar chart of Ringkasan and Prioritas coloured a bar red when the unit was
*flagged* (score at or above the threshold **and** clear reasons) and grey otherwise, without
a legend: two bars both labelled "70" came out red and grey, and nothing said why. Its dotted
threshold line was drawn over the value labels. Here each bar's colour says where its value
stands against the threshold and, above it, whether the unit is flagged; a legend names the
three colours; the threshold line lies beneath the bars and labels. No Streamlit: pages draw
the returned figure.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.analysis.priority_score import FLAG_THRESHOLD
from lib.i18n import translate
from lib.ui.format import localise_figure, number

#: Bar colour per standing: flagged (red), above the threshold without clear reasons (amber), below (grey).
PRIORITY_COLOURS = {"flagged": "#B91C1C", "above": "#F59E0B", "below": "#94A3B8"}


def readable_figure(figure: go.Figure, lang: str) -> go.Figure:
    """``figure`` in the reader's formats (:func:`lib.ui.format.localise_figure`), with every
    reference line (thresholds, grade bounds, standards) drawn beneath the bars and their
    value labels, so a dashed line never runs through a number. Returned for chaining."""
    figure.update_shapes(layer="below")
    return localise_figure(figure, lang)


def priority_standing(score: float, flagged: bool, threshold: float = FLAG_THRESHOLD) -> str:
    """Where a unit's score stands: ``flagged``, ``above`` the threshold (reasons too spread), or ``below``.

    Judged on the score *as labelled* (rounded to whole points), so a bar labelled "25"
    never sits in the "below" colour next to the line at 25.
    """
    if flagged:
        return "flagged"
    return "above" if round(float(score)) >= threshold else "below"


def priority_chart(scored: pd.DataFrame, lang: str, title: str, top: int = 15) -> go.Figure:
    """Horizontal bars of the ``top`` units by score, one trace (and legend entry) per standing."""
    head = scored[scored["score"].notna()].sort_values("score", ascending=False).head(top)
    head = head.assign(
        standing=[priority_standing(s, bool(f)) for s, f in zip(head["score"], head["flagged"], strict=True)]
    )
    order = list(head["nama_unit"])[::-1]
    figure = go.Figure()
    for standing, colour in PRIORITY_COLOURS.items():
        part = head[head["standing"] == standing]
        if part.empty:
            continue
        figure.add_trace(
            go.Bar(
                x=part["score"],
                y=part["nama_unit"],
                orientation="h",
                name=translate(
                    f"charts.priority.{standing}", lang, threshold=number(FLAG_THRESHOLD, lang, 0)
                ),
                marker_color=colour,
                text=[number(v, lang, 0) for v in part["score"]],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: %{x:.1f}<extra></extra>",
            )
        )
    figure.add_vline(
        x=FLAG_THRESHOLD,
        line_dash="dot",
        line_color=PRIORITY_COLOURS["flagged"],
        layer="below",
        annotation_text=translate(
            "charts.priority.threshold", lang, threshold=number(FLAG_THRESHOLD, lang, 0)
        ),
        annotation_position="top",
    )
    figure.update_layout(
        title=title,
        xaxis={"title": translate("priority.col.score", lang), "range": [0, 108]},
        yaxis={"title": None, "automargin": True, "categoryorder": "array", "categoryarray": order},
        height=max(300, 28 * len(head) + 130),
        margin={"l": 10, "r": 20, "t": 90, "b": 40},
        barmode="overlay",
        showlegend=True,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.07, "xanchor": "left", "x": 0},
    )
    return localise_figure(figure, lang)
