"""Charts whose colours, labels and threshold lines read unambiguously (issue 17's chart defects).

The priority bar chart of Ringkasan and Prioritas coloured a bar red when the unit was
*flagged* (score at or above the threshold **and** clear reasons) and grey otherwise, without
a legend: two bars both labelled "70" came out red and grey, and nothing said why. Its dotted
threshold line was drawn over the value labels. Here each bar's colour says where its value
stands against the threshold and, above it, whether the unit is flagged; a legend names the
three colours; the threshold line lies beneath the bars and labels. No Streamlit: pages draw
the returned Vega-Lite spec.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from lib.analysis.priority_score import FLAG_THRESHOLD
from lib.i18n import translate
from lib.ui.format import number
from lib.ui.vega import FIT_WIDTH, band_height, colour_scale, whole_axis

#: Bar colour per standing: flagged (red), above the threshold without clear reasons (amber), below (grey).
PRIORITY_COLOURS = {"flagged": "#B91C1C", "above": "#F59E0B", "below": "#94A3B8"}


def priority_standing(score: float, flagged: bool, threshold: float = FLAG_THRESHOLD) -> str:
    """Where a unit's score stands: ``flagged``, ``above`` the threshold (reasons too spread), or ``below``.

    Judged on the score *as labelled* (rounded to whole points), so a bar labelled "25"
    never sits in the "below" colour next to the line at 25.
    """
    if flagged:
        return "flagged"
    return "above" if round(float(score)) >= threshold else "below"


def priority_chart(scored: pd.DataFrame, lang: str, title: str, top: int = 15) -> dict[str, Any]:
    """Horizontal bars of the ``top`` units by score, coloured by standing, as a Vega-Lite spec
    (``st.vega_lite_chart(spec=…)``).

    Why Vega-Lite rather than plotly: Ringkasan and Prioritas draw this chart on every run,
    and it was their only plotly figure. In the browser a plotly redraw of these fifteen bars
    cost 0.2–0.4 s of CPU against 0.05–0.1 s for the same chart in Vega-Lite, and a page
    without plotly does not load plotly.js (about 0.6 s of CPU on a first visit). Every text
    the reader sees (bar labels, tooltip values, legend, threshold) is written here in the
    reader's language, so Vega's English number format never shows; the axis has whole
    numbers only. The threshold rule is the first layer, so it lies beneath bars and labels.
    """
    slim = scored[["nama_unit", "score", "flagged"]]
    head = slim[slim["score"].notna()].nlargest(top, "score", keep="first")
    standing = [priority_standing(s, bool(f)) for s, f in zip(head["score"], head["flagged"], strict=True)]
    threshold = number(FLAG_THRESHOLD, lang, 0)
    names = {key: translate(f"charts.priority.{key}", lang, threshold=threshold) for key in PRIORITY_COLOURS}
    score_title = translate("priority.col.score", lang)
    rows = [
        {
            "unit": unit,
            "score": float(score),
            "label": number(score, lang, 0),
            "value": number(score, lang, 1),
            "standing": names[kind],
            "place": place,
        }
        for place, (unit, score, kind) in enumerate(
            zip(head["nama_unit"], head["score"], standing, strict=True)
        )
    ]
    present = [key for key in PRIORITY_COLOURS if key in standing]
    # best on top, by each row's place rather than a list of names, so that the spec without its
    # data stays the same when the period changes the units (:func:`lib.ui.vega.spec_and_data`)
    sort = {"field": "place", "op": "min"}
    y = {"field": "unit", "type": "nominal", "sort": sort, "title": None, "axis": {"labelLimit": 360}}
    x = {
        "field": "score",
        "type": "quantitative",
        "scale": {"domain": [0, 108], "nice": False},
        "axis": whole_axis(score_title, 0, 100),
    }
    line_colour = PRIORITY_COLOURS["flagged"]
    return {
        "title": {"text": title, "anchor": "start"},
        "height": band_height(len(rows), 28),
        "autosize": FIT_WIDTH,
        "data": {"values": rows},
        "layer": [
            {
                "mark": {"type": "rule", "strokeDash": [2, 3], "color": line_colour},
                "encoding": {"x": {"datum": FLAG_THRESHOLD, "type": "quantitative"}},
            },
            {
                "mark": {"type": "text", "baseline": "bottom", "dy": -2, "color": line_colour},
                "encoding": {
                    "x": {"datum": FLAG_THRESHOLD, "type": "quantitative"},
                    "y": {"value": 0},
                    "text": {"value": translate("charts.priority.threshold", lang, threshold=threshold)},
                },
            },
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "y": y,
                    "x": x,
                    "color": {
                        "field": "standing",
                        "type": "nominal",
                        "scale": colour_scale({names[key]: PRIORITY_COLOURS[key] for key in present}),
                        "legend": {
                            "orient": "top",
                            "title": None,
                            "direction": "horizontal",
                            "labelLimit": 400,
                        },
                    },
                    "tooltip": [
                        {"field": "unit", "type": "nominal", "title": translate("priority.col.unit", lang)},
                        {"field": "value", "type": "nominal", "title": score_title},
                    ],
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 3},
                "encoding": {"y": y, "x": x, "text": {"field": "label", "type": "nominal"}},
            },
        ],
    }
