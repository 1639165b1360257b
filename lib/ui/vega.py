"""Small pieces every Vega-Lite chart of the app shares: axes written in the reader's language.

Why Vega-Lite for the charts drawn on every run: in headless Chromium at city scale a plotly
redraw cost the browser 0.2–0.4 s of CPU per chart (0.7–2 s for the largest), against
0.05–0.15 s for the same chart in Vega-Lite; a filter change redraws every chart on the page.
And a page without plotly does not load plotly.js (about 0.6 s of CPU on a first visit).

Vega writes numbers the English way (``0.5``, ``1,234``) and Streamlit exposes no format
locale, so chart texts are written in Python (``lib.ui.format``) and put in the data, and a
numeric axis either has whole-number ticks below 1,000 or swaps the separators in Indonesian
(:func:`number_axis`). No Streamlit here: pages pass the spec to ``st.vega_lite_chart``.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

#: Vega-Lite sizing for charts with a height of their own (:func:`band_height`): the container's
#: width, and the height given as the plot's own. Streamlit's default (``fit``) squeezes title,
#: legend and axes into the given height: the priority chart's bands came out so thin that Vega
#: dropped every other unit name, and the complaint trend's plot was 140 px of 360 (seen in Chromium).
FIT_WIDTH = {"type": "fit-x", "contains": "padding"}

#: Vega expression that writes an English-formatted tick label (``1,234,567.5``) the Indonesian
#: way (``1.234.567,5``): every ``,`` to ``_``, every ``.`` to ``,``, every ``_`` to ``.``.
INDONESIAN_LABEL = "replace(replace(replace(datum.label, /,/g, '_'), /[.]/g, ','), /_/g, '.')"


def number_axis(title: str | None, lang: str, **extra: Any) -> dict[str, Any]:
    """A quantitative axis whose tick labels follow the reader's separators (``0,5`` in Indonesian)."""
    axis: dict[str, Any] = {"title": title, **extra}
    if lang == "id":
        axis["labelExpr"] = INDONESIAN_LABEL
    return axis


def whole_axis(title: str | None, low: float, high: float, step: int = 10) -> dict[str, Any]:
    """A quantitative axis with ticks at whole multiples of ``step`` from ``low`` to ``high``
    (values below 1,000 need no separator in either language)."""
    first = math.ceil(low / step) * step
    return {"title": title, "format": "d", "values": list(range(int(first), int(high) + 1, step))}


def colour_scale(colours: dict[str, str]) -> dict[str, list[str]]:
    """A nominal colour scale that gives each name its colour, in the order given (the legend's)."""
    return {"domain": list(colours), "range": list(colours.values())}


def band_height(rows: int, step: int) -> int:
    """The plot height of a chart with ``rows`` bands of ``step`` pixels each (at least one band).

    A fixed height rather than Vega-Lite's ``{"step": …}``: inside Streamlit's chart container a
    layered chart sized by step was drawn with its top rows cut off (seen in Chromium).
    """
    return step * max(1, rows)


def spec_and_data(spec: dict[str, Any]) -> tuple[dict[str, Any], pd.DataFrame]:
    """A chart's spec without its main data, and that data as a frame: ``st.vega_lite_chart(data,
    spec=…)``. When a rerun changes only the data, the browser replaces the data of the chart it
    has (the spec is compared as text) instead of building the chart again, which cost 0.1 s of
    CPU or more per chart on every filter change. So a spec meant for this names no value that
    changes with the period (an order is a field of the rows, not a list in the spec)."""
    rest = {k: v for k, v in spec.items() if k != "data"}
    return rest, pd.DataFrame(spec.get("data", {}).get("values", []))
