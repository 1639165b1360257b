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


#: Largest magnitude an Arrow column may hold as 32-bit integers (JavaScript numbers, not BigInt).
_INT32 = 2**31 - 1


def _browser_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with 64-bit integer columns as 32-bit ones where they fit (as floats where not).

    Streamlit sends datasets as Arrow, and Arrow's 64-bit integers reach the browser as BigInt:
    a selection on such a field would send back what Vega cannot compare or serialise."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_integer_dtype(values) and not pd.api.types.is_bool_dtype(values):
            fits = values.empty or int(values.abs().max()) <= _INT32
            out[column] = values.astype("int32" if fits else "float64")
    return out


def named_data(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with the inline data of every layer moved to named datasets (``d0``, ``d1``, … in
    the order met), for ``st.vega_lite_chart(spec=…)``.

    Why: Streamlit sends named datasets apart from the spec, and when a rerun changes only the
    data, the browser swaps it into the chart it has instead of building the chart again (the
    spec is compared as text; :func:`spec_and_data` does the same for a chart with one main
    dataset). So a spec meant for this names no value that changes with the period: an order
    is a field of the rows (``"sort": {"field": …, "op": "min"}``), not a list in the spec.
    """
    datasets: dict[str, pd.DataFrame] = {}

    def move(node: Any) -> Any:
        if isinstance(node, list):
            return [move(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            if key == "data" and isinstance(value, dict) and "values" in value:
                name = f"d{len(datasets)}"
                datasets[name] = _browser_safe(pd.DataFrame(value["values"]))
                out[key] = {"name": name}
            else:
                out[key] = move(value)
        return out

    moved = move(spec)
    moved["datasets"] = datasets
    return moved


def sendable(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of a :func:`named_data` spec to hand to ``st.vega_lite_chart``, which takes the
    ``datasets`` out of the dict it is given: a spec kept for the next run or session
    (:func:`lib.ui.shared_builds.shared`) must keep its own."""
    return {**spec, "datasets": dict(spec.get("datasets", {}))}
