"""Vega-Lite axes write numbers in the reader's language."""

from __future__ import annotations

from lib.ui.vega import INDONESIAN_LABEL, colour_scale, number_axis, whole_axis


def test_number_axis_swaps_separators_only_in_indonesian() -> None:
    assert number_axis("d", "id")["labelExpr"] == INDONESIAN_LABEL
    assert "labelExpr" not in number_axis("d", "en")
    assert number_axis(None, "en", grid=False) == {"title": None, "grid": False}


def test_the_swap_expression_turns_english_labels_indonesian() -> None:
    """The expression's three global replacements, evaluated as Vega does (JavaScript regular
    expressions with the g flag; checked in Chromium: 3,000,000 is drawn 3.000.000)."""
    import re

    steps = re.findall(r"/(.+?)/g, '(.)'", INDONESIAN_LABEL)
    assert steps == [(",", "_"), ("[.]", ","), ("_", ".")]

    def evaluate(label: str) -> str:
        for pattern, new in steps:
            label = re.sub(pattern, new, label)
        return label

    assert evaluate("0.5") == "0,5"
    assert evaluate("1,234,567.5") == "1.234.567,5"
    assert evaluate("−12") == "−12"


def test_whole_axis_ticks_and_colour_scale() -> None:
    assert whole_axis("IKM", 25, 100)["values"] == [30, 40, 50, 60, 70, 80, 90, 100]
    assert whole_axis("x", 0, 100, 20)["values"] == [0, 20, 40, 60, 80, 100]
    assert colour_scale({"A": "#1", "B": "#2"}) == {"domain": ["A", "B"], "range": ["#1", "#2"]}


def test_band_height_is_a_fixed_height_of_at_least_one_band() -> None:
    from lib.ui.vega import band_height

    assert band_height(30, 26) == 780
    assert band_height(0, 28) == 28


def test_named_data_moves_every_layers_rows_and_keeps_integers_plain() -> None:
    import pandas as pd

    from lib.ui.vega import named_data, sendable

    spec = {
        "height": 100,
        "layer": [
            {"data": {"values": [{"unit_id": 470, "period": 20261001, "n": 3.5}]}, "mark": "point"},
            {"data": {"values": [{"big": 2**40, "flag": True}]}, "layer": [{"mark": "rule"}]},
            {"mark": "line"},
        ],
    }
    moved = named_data(spec)
    assert [layer.get("data") for layer in moved["layer"]] == [{"name": "d0"}, {"name": "d1"}, None]
    first, second = moved["datasets"]["d0"], moved["datasets"]["d1"]
    # Arrow's 64-bit integers reach the browser as BigInt, which a selection cannot send back
    assert str(first["unit_id"].dtype) == "int32" and str(first["period"].dtype) == "int32"
    assert first.loc[0, "period"] == 20261001 and first.loc[0, "n"] == 3.5
    assert str(second["big"].dtype) == "float64" and second.loc[0, "big"] == 2**40
    assert str(second["flag"].dtype) == "bool"
    assert spec["layer"][0]["data"]["values"][0]["unit_id"] == 470  # the spec given is left as it was
    # Streamlit takes "datasets" out of the dict it is handed: a kept spec hands over a copy
    copy = sendable(moved)
    del copy["datasets"]
    assert isinstance(moved["datasets"]["d0"], pd.DataFrame)
