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
    """Horizontal bars of the ``top`` units by score, one trace (and legend entry) per standing.

    Built as one figure description (the threshold line as a plain shape and annotation rather
    than ``add_vline``) from the three columns it shows: Ringkasan draws it on every run, and
    filtering the 130-column evidence frame and plotly's step-by-step updates took 65 ms a run.
    """
    slim = scored[["nama_unit", "score", "flagged"]]
    head = slim[slim["score"].notna()].nlargest(top, "score", keep="first")
    standing = [priority_standing(s, bool(f)) for s, f in zip(head["score"], head["flagged"], strict=True)]
    threshold = number(FLAG_THRESHOLD, lang, 0)
    traces = []
    for name, colour in PRIORITY_COLOURS.items():
        rows = [i for i, s in enumerate(standing) if s == name]
        if not rows:
            continue
        part = head.iloc[rows]
        traces.append(
            {
                "type": "bar",
                "x": part["score"].tolist(),
                "y": part["nama_unit"].tolist(),
                "orientation": "h",
                "name": translate(f"charts.priority.{name}", lang, threshold=threshold),
                "marker": {"color": colour},
                "text": [number(v, lang, 0) for v in part["score"]],
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": "%{y}: %{x:.1f}<extra></extra>",
            }
        )
    layout = {
        "title": {"text": title},
        "xaxis": {"title": {"text": translate("priority.col.score", lang)}, "range": [0, 108]},
        "yaxis": {
            "title": {"text": None},
            "automargin": True,
            "categoryorder": "array",
            "categoryarray": list(head["nama_unit"])[::-1],
        },
        "height": max(300, 28 * len(head) + 130),
        "margin": {"l": 10, "r": 20, "t": 90, "b": 40},
        "barmode": "overlay",
        "showlegend": True,
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.07, "xanchor": "left", "x": 0},
        # the threshold: a dotted line over the plot's height, beneath the bars, named at its top
        "shapes": [
            {
                "type": "line",
                "xref": "x",
                "yref": "y domain",
                "x0": FLAG_THRESHOLD,
                "x1": FLAG_THRESHOLD,
                "y0": 0,
                "y1": 1,
                "line": {"dash": "dot", "color": PRIORITY_COLOURS["flagged"]},
                "layer": "below",
            }
        ],
        "annotations": [
            {
                "xref": "x",
                "yref": "y domain",
                "x": FLAG_THRESHOLD,
                "y": 1,
                "yanchor": "bottom",
                "showarrow": False,
                "text": translate("charts.priority.threshold", lang, threshold=threshold),
            }
        ],
    }
    return localise_figure(go.Figure({"data": traces, "layout": layout}), lang)
