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
    spec = priority_chart(scored, "id", "Unit prioritas")
    rule, threshold_label, bars, labels = spec["layer"]
    rows = {row["unit"]: row for row in spec["data"]["values"]}
    assert set(rows) == {"Kelurahan A", "Kelurahan B", "Kelurahan C"}  # no bar without a score
    assert rows["Kelurahan A"]["standing"] == "Perlu perhatian" and rows["Kelurahan A"]["label"] == "70"
    assert (
        rows["Kelurahan B"]["standing"] == "Skor ≥ 25, alasan belum jelas"
        and rows["Kelurahan B"]["label"] == "70"
    )
    assert rows["Kelurahan B"]["value"] == "69,6"  # the tooltip's value, with the Indonesian decimal comma
    colour = bars["encoding"]["color"]
    assert colour["scale"]["domain"] == ["Perlu perhatian", "Skor ≥ 25, alasan belum jelas", "Skor < 25"]
    assert colour["scale"]["range"] == [
        PRIORITY_COLOURS["flagged"],
        PRIORITY_COLOURS["above"],
        PRIORITY_COLOURS["below"],
    ]
    assert colour["legend"]["orient"] == "top"
    # the threshold line is drawn first (beneath the bars and their labels), at the threshold, and named
    assert rule["mark"]["type"] == "rule" and rule["encoding"]["x"]["datum"] == FLAG_THRESHOLD
    assert threshold_label["encoding"]["text"]["value"] == "batas 25"
    assert labels["encoding"]["text"]["field"] == "label"
    # best on top: sorted by each row's place (0 at the top), highest score first
    assert bars["encoding"]["y"]["sort"] == {"field": "place", "op": "min"}
    places = {row["unit"]: row["place"] for row in spec["data"]["values"]}
    assert places == {"Kelurahan A": 0, "Kelurahan B": 1, "Kelurahan C": 2}
    # the plot keeps its height: Streamlit's default sizing squeezed bands until names were dropped
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    english = priority_chart(scored, "en", "Priority units")
    assert english["layer"][2]["encoding"]["color"]["scale"]["domain"] == [
        "Needs attention",
        "Score ≥ 25, reasons not clear",
        "Score < 25",
    ]
    assert {row["value"] for row in english["data"]["values"]} == {"70.4", "69.6", "12.0"}


def test_only_the_standings_present_are_named() -> None:
    scored = pd.DataFrame({"nama_unit": ["A", "B"], "score": [10.0, 3.0], "flagged": [False, False]})
    colour = priority_chart(scored, "id", "t")["layer"][2]["encoding"]["color"]
    assert colour["scale"]["domain"] == ["Skor < 25"] and colour["scale"]["range"] == [
        PRIORITY_COLOURS["below"]
    ]
