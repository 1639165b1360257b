"""What a reader reads in the Vega-Lite charts of a rendered page (for the page scanners).

Streamlit sends a Vega-Lite chart as its spec (JSON) and its data as Arrow bytes; the words a
reader sees are the spec's strings (titles, axis titles, fixed texts) and the data's text
columns (bar labels, legend names, tooltip values). Numeric columns only place the marks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

#: Spec keys that hold styling or field names, never words a reader sees.
SKIP_KEYS = frozenset({"field", "type", "mark", "sort", "format", "orient", "anchor", "baseline", "align"})


def _spec_strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in SKIP_KEYS and not (key == "color" and isinstance(value, str)):
                yield from _spec_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _spec_strings(value)


def vega_texts(at: Any) -> list[str]:
    """Every string a reader may read in the page's Vega-Lite charts."""
    texts: list[str] = []
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        spec.pop("sort", None)
        texts.extend(s for s in _spec_strings(spec) if not s.startswith("#"))
        # the main data and the named datasets (lib.ui.vega.named_data)
        buffers = [chart.proto.data.data, *(dataset.data.data for dataset in chart.proto.datasets)]
        for buffer in filter(None, buffers):
            table = pa.ipc.open_stream(buffer).read_all()
            for column in table.columns:
                if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
                    texts.extend(v for v in column.to_pylist() if isinstance(v, str))
    return texts


def squeezed_charts(at: Any) -> list[str]:
    """The page's Vega-Lite charts with a height but not as their plot's own (``autosize`` other
    than :data:`lib.ui.vega.FIT_WIDTH`): Streamlit's default fits title, legend and axes into the
    height, which squeezed bands until Vega dropped names (seen in Chromium)."""
    from lib.ui.vega import FIT_WIDTH

    squeezed = []
    for i, chart in enumerate(at.get("vega_lite_chart")):
        spec = json.loads(chart.proto.spec)
        if "height" in spec and spec.get("mark") != "point" and spec.get("autosize") != FIT_WIDTH:
            squeezed.append(f"chart {i}: {str(spec.get('title', ''))[:60]}")
    return squeezed


def vega_rows(chart: Any, name: str | None = None) -> Any:
    """The data of one Vega-Lite chart element as a pandas frame (what its marks are drawn from):
    its main data, or the named dataset ``name`` (:func:`lib.ui.vega.named_data`)."""
    if name is None:
        buffer = chart.proto.data.data
    else:
        buffer = next(d.data.data for d in chart.proto.datasets if d.name == name)
    return pa.ipc.open_stream(buffer).read_all().to_pandas()
