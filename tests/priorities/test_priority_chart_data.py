"""The Prioritas chart sends its bars as data beside a spec that stays the same from one period to the next."""

from __future__ import annotations

import pandas as pd

from lib.ui.charts import priority_chart
from lib.ui.vega import spec_and_data


def _chart(names: list[str], scores: list[float]) -> tuple[dict, pd.DataFrame]:
    frame = pd.DataFrame({"nama_unit": names, "score": scores, "flagged": [True, False, False]})
    return spec_and_data(priority_chart(frame, "id", "Skor"))


def test_spec_stays_and_bars_keep_their_order() -> None:
    spec_a, rows_a = _chart(["Dinas A", "Kelurahan <B>", "Puskesmas C"], [50.0, 30.0, 20.0])
    spec_b, rows_b = _chart(["Puskesmas C", "Dinas A", "Kelurahan <B>"], [55.0, 31.5, 2.0])
    assert spec_a == spec_b and "data" not in spec_a
    assert "Puskesmas C" not in str(spec_a)  # no unit named in the spec
    # the highest score on top: places 0, 1, 2 in the order the chart listed them
    assert rows_b[["unit", "place"]].values.tolist() == [
        ["Puskesmas C", 0],
        ["Dinas A", 1],
        ["Kelurahan <B>", 2],
    ]
    assert rows_b["value"].tolist() == ["55,0", "31,5", "2,0"]  # Indonesian numbers in the tooltip
    bars = next(layer for layer in spec_b["layer"] if layer["mark"]["type"] == "bar")
    assert bars["encoding"]["y"]["sort"] == {"field": "place", "op": "min"}
