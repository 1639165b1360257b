"""The IKM charts and display helpers: grade colours on the right cells, numbers written as num() writes them."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from lib.i18n import fmt_number
from lib.ui import ikm as ui
from lib.ui.vega import named_data
from tests.ui.shown_tables import written_cells


@pytest.mark.parametrize("lang", ["id", "en"])
def test_format_numbers_matches_fmt_number(lang: str) -> None:
    values = [
        0,
        0.004,
        -0.004,
        0.125,
        2.5,
        3.5,
        1.5,
        91.385,
        1234.5,
        -1234.567,
        1_234_567.891,
        99.9,
        float("nan"),
        None,
    ]
    for decimals in (0, 2, 4):
        # one difference, on purpose (lib.ui.format.number): a value that rounds to zero is "0",
        # never "-0", which reads as a fall
        expected = [
            fmt_number(v, lang, decimals).lstrip("-") if v == -0.004 else fmt_number(v, lang, decimals)
            for v in values
        ]
        if decimals == 4:
            expected[2] = fmt_number(-0.004, lang, 4)
        assert ui.format_numbers(values, lang, decimals) == expected
    assert ui.format_numbers([1234.5], "id", 2) == ["1.234,50"]
    assert ui.format_numbers([-0.004], "id", 2) == ["0,00"]


def _frame() -> pd.DataFrame:
    rows = []
    for code, ikm, mutu, n, minimum in (
        ("A", 91.38, "A", 400, 278),
        ("B", 70.0, "C", 50, 278),
        ("C", 60.0, "D", 9, None),
    ):
        row = {
            "unit_id": ord(code),
            "kode_unit": code,
            "nama_unit": f"Unit {code}",
            "ikm": ikm,
            "ikm_2dp": ikm,
        }
        row |= {
            "mutu": mutu,
            "responden": n,
            "sampel_minimum": minimum,
            "perubahan": 1.25 if code == "A" else math.nan,
        }
        row["sampel_cukup"] = None if minimum is None else n >= minimum
        for u in (
            "persyaratan",
            "prosedur",
            "waktu",
            "biaya",
            "produk",
            "kompetensi",
            "perilaku",
            "pengaduan",
            "sarana",
        ):
            row[f"nrr_{u}"] = ikm / 25 / 9 / 0.111
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame["sampel_minimum"] = frame["sampel_minimum"].astype("Int64")
    frame["sampel_cukup"] = frame["sampel_cukup"].astype("boolean")
    return frame


def _layer(spec: dict, mark: str) -> dict:
    return next(layer for layer in spec["layer"] if layer["mark"]["type"] == mark)


def test_ranking_chart_colours_by_grade_and_marks_short_samples() -> None:
    spec = ui.ranking_chart(_frame(), "id")
    rows = spec["data"]["values"]
    assert [r["unit"] for r in rows] == ["Unit A (A)", "Unit B (B) ⚠", "Unit C (C)"]
    assert [r["grade"] for r in rows] == ["A", "C", "D"]
    assert [r["text"] for r in rows] == ["91,38 A", "70,00 C", "60,00 D"]
    assert [r["n"] for r in rows] == ["400", "50", "9"]
    bars = _layer(spec, "bar")
    scale = bars["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True))["C"] == ui.GRADE_COLORS["C"]
    # best on top, by each row's place (the spec names no unit, so it stays when the period changes)
    assert bars["encoding"]["y"]["sort"] == {"field": "place", "op": "min"}
    assert [r["place"] for r in rows] == [0, 1, 2]
    assert "Unit A" not in json.dumps({k: v for k, v in spec.items() if k != "data"})
    rules = spec["layer"][0]  # the grade bounds, beneath the bars
    assert rules["mark"]["type"] == "rule"
    assert [r["bound"] for r in rules["data"]["values"]] == [88.31, 76.61, 65.0]


@pytest.mark.parametrize(("lang", "texts"), [("id", ["2,68", "3,12", "–"]), ("en", ["2.68", "3.12", "–"])])
def test_nrr_cells_are_written_as_fmt_number_writes_them(lang: str, texts: list[str]) -> None:
    from lib.ui.nrr_table import nrr_frame

    frame = _frame()
    nrr = [c for c in frame.columns if c.startswith("nrr_")]
    # the weakest unit (C) on top: 2.675 and 3.125 round half to even on the exact decimal → 2,68 and 3,12
    frame.loc[2, nrr[:3]] = [2.675, 3.125, math.nan]
    table, _grades = nrr_frame(frame, lang)
    assert list(table["Unit"]) == ["Unit C (C)", "Unit B (B)", "Unit A (A)"]  # the weakest on top
    assert list(table.iloc[0, 1:4]) == texts
    assert [fmt_number(v, lang) for v in (2.675, 3.125, None)] == texts


def test_trend_chart_draws_the_grade_bands_from_its_floor() -> None:
    series = pd.DataFrame({"period_label": ["2025-Q1", "2025-Q2"], "ikm_2dp": [80.0, 90.0]})
    series["responden"], series["mutu"] = [10, 12], ["B", "A"]
    spec = ui.trend_chart([("Kota", series)], "id")
    bands = spec["layer"][0]  # shaded beneath the lines
    assert bands["mark"]["type"] == "rect"
    # the axis starts at 60 here (80 − 6 ≥ 60): the D band is its last 5 points, and the bands
    # set the scale's domain (the spec names none)
    assert [(b["low"], b["high"]) for b in bands["data"]["values"]] == [
        (60.0, 65.0),
        (65.0, 76.61),
        (76.61, 88.31),
        (88.31, 100.0),
    ]
    # named on the right, in the middle of what the axis shows of each band
    text = _layer(spec, "text")["data"]["values"]
    assert [(b["grade"], b["middle"]) for b in text] == [
        ("D", 62.5),
        ("C", 70.805),
        ("B", 82.46000000000001),
        ("A", 94.155),
    ]
    line = _layer(spec, "line")
    assert [r["ikm"] for r in spec["data"]["values"]] == [80.0, 90.0]  # the line's, the chart's main data
    assert [r["value"] for r in spec["data"]["values"]] == ["80,00", "90,00"]
    assert [r["order"] for r in spec["data"]["values"]] == [0, 1]
    assert "domain" not in line["encoding"]["y"]["scale"]


def test_trend_floor() -> None:
    assert ui.trend_floor(80.0) == 60.0  # never above 60
    assert ui.trend_floor(58.5) == 52.5  # 6 points under the lowest figure
    assert ui.trend_floor(27.0) == 25.0  # never under the lowest IKM there is
    assert ui.trend_floor(None) == 54.0


def test_trend_chart_spec_does_not_change_with_the_figures() -> None:
    """A period change that moves the figures, the axis's floor or the unit sends the same spec
    with other data, so the browser updates the chart's data instead of building it again."""
    first = pd.DataFrame({"period_label": ["2025-02", "2025-01"], "ikm_2dp": [80.0, 90.0]})
    first["responden"], first["mutu"] = [10, 12], ["B", "A"]
    second = first.assign(ikm_2dp=[84.5, 47.25], responden=[1234, 5], mutu=["B", "D"])
    chart_a = named_data(ui.trend_chart([("Kota", first), ("Unit A", first)], "id"))
    chart_b = named_data(ui.trend_chart([("Kota", first), ("Unit B", second)], "id"))
    datasets_a, datasets_b = chart_a.pop("datasets"), chart_b.pop("datasets")
    assert chart_a == chart_b and json.dumps(chart_a).count('"name": "d') == 3
    assert "Unit" not in json.dumps(chart_a)  # the series are named in the rows
    rows_b, bands_b = datasets_b["d0"], datasets_b["d1"]
    assert bands_b["low"].min() == 41.25 and datasets_a["d1"]["low"].min() == 60.0  # the floor, in the data
    # the periods in time order whatever the order of the rows: 2025-01 first
    unit_b = rows_b[rows_b["series"] == "Unit B"]
    assert unit_b.sort_values("order")["value"].tolist() == ["47,25", "84,50"]
    assert unit_b["n"].tolist() == ["1.234", "5"]
    assert rows_b.groupby("series")["rank"].first().to_dict() == {"Kota": 0, "Unit B": 1}  # the scope first


def test_profile_chart_spec_does_not_change_with_the_figures() -> None:
    first = pd.DataFrame(
        {"group": ["P", "L"], "responden": [30, 10], "ikm_2dp": [80.0, 70.0], "mutu": ["B", "C"]}
    )
    second = pd.DataFrame(
        {"group": ["L", "P"], "responden": [400, 100], "ikm_2dp": [91.0, 60.0], "mutu": ["A", "D"]}
    )
    spec_a, rows_a = ui.spec_and_data(ui.profile_chart(first, "gender", "id"))
    spec_b, rows_b = ui.spec_and_data(ui.profile_chart(second, "gender", "id"))
    assert spec_a == spec_b and "Perempuan" not in json.dumps(spec_a)
    # the order the rows came in (most respondents first), the longest bar the whole of its share
    assert rows_b["group"].tolist() == ["Laki-laki", "Perempuan"] and rows_b["order"].tolist() == [0, 1]
    assert rows_b["share"].tolist() == [1.0, 0.25]
    assert rows_b["text"].tolist() == ["400 · IKM 91,00", "100 · IKM 60,00"]


def test_ranking_table_and_sample_texts() -> None:
    styled = ui.ranking_table(_frame(), "id")
    table = written_cells(styled)
    assert table["IKM"].tolist() == ["91,38", "70,00", "60,00"]
    assert table["Perubahan"].tolist() == ["1,25", "–", "–"]
    assert written_cells(ui.ranking_table(_frame(), "en"))["IKM"].tolist() == ["91.38", "70.00", "60.00"]
    # the values stay numbers: sorted by them, not as text
    assert styled.data["IKM"].tolist() == [91.38, 70.0, 60.0]
    assert styled.data["Perubahan"].iloc[0] == 1.25 and styled.data["Perubahan"].iloc[1:].isna().all()
    assert table["Sampel"].tolist() == [
        "400 responden, cukup (minimal 278)",
        "50 responden, kurang dari 278",
        "9 responden",
    ]


def test_change_sentence_and_signed_delta() -> None:
    from datetime import date

    from lib.analysis.ikm import IkmChange

    change = IkmChange(
        87.5, 87.5, "B", 1234, 86.0, 86.0, "B", 1000, date(2024, 1, 1), date(2024, 12, 31), "0.111"
    )
    assert change.delta == 1.5
    assert ui.change_sentence(change, "Kota", "id") == (
        "IKM Kota 87,50, mutu B (Baik), dari 1.234 responden; naik 1,50 poin dari periode sebelumnya."
    )
    assert (
        ui.signed(1.5, "id") == "+1,50"
        and ui.signed(-0.25, "en") == "-0.25"
        and ui.signed(float("nan"), "id") is None
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_written_numbers_are_the_same_when_remembered(lang: str) -> None:
    from lib.ui.format import number

    values = [91.385, 91.385, 3.0, 3, -0.0, 0.0, -0.004, 1234.5, float("nan"), None, pd.NA]
    for _ in range(2):  # the second pass reads what the first remembered
        assert [ui.written(v, lang) for v in values] == [number(v, lang) for v in values]
        assert [ui.written(v, lang, 0, babel=True) for v in values[:-1]] == [
            fmt_number(v, lang, 0) for v in values[:-1]
        ]
    assert ui.written(1234.5, "id") == "1.234,50" and ui.written(1234.5, "en", babel=True) == "1,234.50"
    assert ui.written(-0.004, "id") == "0,00"


def test_unit_labels_and_short_samples_row_by_row() -> None:
    frame = pd.DataFrame(
        {
            "nama_unit": ["Dinas Dukcapil", "Kelurahan Belawan I", "Puskesmas"],
            "kode_unit": ["DUKCAPIL", "KEL1", "PKM"],
            "sampel_cukup": pd.array([True, False, None], dtype="boolean"),
        }
    )
    assert ui.unit_labels(frame) == [
        "Dinas Dukcapil (DUKCAPIL)",
        "Kelurahan Belawan I (KEL1)",
        "Puskesmas (PKM)",
    ]
    assert ui.unit_labels(frame) == [ui.unit_label(row) for _, row in frame.iterrows()]
    assert ui.samples_short(frame) == [False, True, False]
    assert ui.samples_short(frame) == [ui.sample_short(row) for _, row in frame.iterrows()]
    assert ui.samples_short(frame.drop(columns="sampel_cukup")) == [False, False, False]
