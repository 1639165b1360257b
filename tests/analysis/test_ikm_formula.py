"""Hand-checked IKM arithmetic, including DOMAIN.md's 29-respondent worked example."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from lib.analysis.ikm_formula import (
    grade_ikm,
    grade_nrr,
    ikm_columns,
    ikm_columns_from_sums,
    ikm_frame,
    ikm_from_nrr,
    krejcie_morgan,
    nrr_from_sums,
    round_half_up,
    with_columns,
)
from lib.models import UNSUR

TOTALS = dict(zip(UNSUR, [105, 101, 100, 116, 102, 105, 106, 105, 115], strict=True))
COUNTS = dict.fromkeys(UNSUR, 29)


def test_worked_example_nrr() -> None:
    nrr = nrr_from_sums(TOTALS, COUNTS)
    expected = [3.6207, 3.4828, 3.4483, 4.0000, 3.5172, 3.6207, 3.6552, 3.6207, 3.9655]
    assert [round(nrr[u], 4) for u in UNSUR] == expected


def test_worked_example_ikm_both_weights() -> None:
    nrr = nrr_from_sums(TOTALS, COUNTS)
    assert round_half_up(ikm_from_nrr(nrr, "0.111"), 2) == 91.38
    assert round_half_up(ikm_from_nrr(nrr, "exact"), 2) == 91.48
    assert grade_ikm(ikm_from_nrr(nrr)) == "A"


def test_perfect_score_with_official_weight_is_99_90() -> None:
    nrr = dict.fromkeys(UNSUR, 4.0)
    assert round_half_up(ikm_from_nrr(nrr), 2) == 99.90
    assert round_half_up(ikm_from_nrr(nrr, "exact"), 2) == 100.00


@pytest.mark.parametrize(
    ("value", "letter"),
    [(88.31, "A"), (88.305, "A"), (88.304, "B"), (76.61, "B"), (76.60, "C"), (65.0, "C"), (64.99, "D")],
)
def test_grade_bands_on_rounded_value(value: float, letter: str) -> None:
    assert grade_ikm(value) == letter


def test_unsur_grade_bands() -> None:
    assert [grade_nrr(v) for v in (3.5324, 3.5323, 3.0644, 2.60, 2.59)] == ["A", "B", "B", "C", "D"]


def test_blank_answers_are_left_out_of_that_unsur_only() -> None:
    frame = pd.DataFrame(
        [{**{f"sum_{u}": 6 for u in UNSUR}, **{f"n_{u}": 2 for u in UNSUR}, "sum_waktu": 4, "n_waktu": 1}]
    )
    out = ikm_frame(frame)
    assert out.loc[0, "nrr_waktu"] == 4.0
    assert out.loc[0, "nrr_biaya"] == 3.0
    # (8 × 3 + 4) × 0.111 × 25 = 77.70
    assert out.loc[0, "ikm_2dp"] == 77.70
    assert out.loc[0, "mutu"] == "B"
    assert out.loc[0, "weight"] == "0.111"


def test_unsur_without_answers_gives_no_ikm() -> None:
    frame = pd.DataFrame([{**{f"sum_{u}": 3 for u in UNSUR}, **{f"n_{u}": 1 for u in UNSUR}, "n_sarana": 0}])
    out = ikm_frame(frame, "exact")
    assert math.isnan(out.loc[0, "ikm"])
    assert out.loc[0, "mutu"] is None
    assert out.loc[0, "weight"] == "1/9"


@pytest.mark.parametrize(("population", "sample"), [(100, 80), (1_000, 278), (10_000, 370), (10**8, 384)])
def test_krejcie_morgan_table(population: int, sample: int) -> None:
    assert krejcie_morgan(population) == sample


def test_ikm_columns_from_sums_worked_example_and_an_empty_unsur() -> None:
    # row 0: DOMAIN.md's 29 respondents; row 1: nobody answered U3 (waktu), so no IKM
    worked = [v for u in UNSUR for v in (TOTALS[u], 29)]
    blank = [v for u in UNSUR for v in ((0, 0) if u == "waktu" else (6, 2))]
    columns = ikm_columns_from_sums(np.array([worked, blank], dtype=float), "0.111")
    assert list(columns) == [*(f"nrr_{u}" for u in UNSUR), "ikm", "ikm_2dp", "mutu", "weight"]
    assert round(columns["nrr_biaya"][0], 4) == 4.0 and round(columns["nrr_sarana"][0], 4) == 3.9655
    assert columns["ikm_2dp"][0] == 91.38 and columns["mutu"][0] == "A" and columns["weight"] == "0.111"
    assert math.isnan(columns["nrr_waktu"][1]) and columns["nrr_persyaratan"][1] == 3.0
    assert math.isnan(columns["ikm"][1]) and math.isnan(columns["ikm_2dp"][1]) and columns["mutu"][1] is None
    exact = ikm_columns_from_sums(np.array([worked], dtype=float), "exact")
    assert exact["ikm_2dp"][0] == 91.48 and exact["weight"] == "1/9"


def test_ikm_columns_match_ikm_frame_and_leave_the_frame_alone() -> None:
    frame = pd.DataFrame([{**{f"sum_{u}": TOTALS[u] for u in UNSUR}, **{f"n_{u}": 29 for u in UNSUR}}])
    before = frame.copy()
    columns = ikm_columns(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert columns["ikm_2dp"][0] == ikm_frame(frame)["ikm_2dp"].iloc[0] == 91.38


def test_with_columns_appends_in_order_and_replaces_in_place() -> None:
    frame = pd.DataFrame({"a": [1, 2], "b": [3, 4]}, index=[10, 20])
    added = with_columns(frame, {"c": [5, 6], "d": "x"})
    assert list(added.columns) == ["a", "b", "c", "d"] and list(added.index) == [10, 20]
    assert added["c"].tolist() == [5, 6] and added["d"].tolist() == ["x", "x"]
    replaced = with_columns(frame, {"a": [7, 8], "e": [9, 9]})
    assert list(replaced.columns) == ["a", "b", "e"] and replaced["a"].tolist() == [7, 8]
    assert frame["a"].tolist() == [1, 2]  # the original is untouched


def test_numpy_floats_round_and_grade_as_python_floats() -> None:
    """numpy 2 writes ``repr(np.float64(91.385))`` as ``np.float64(91.385)``, which no Decimal reads."""
    import numpy as np

    assert round_half_up(np.float64(91.385), 2) == 91.39
    assert grade_ikm(np.float64(88.305)) == "A"  # 88,31 after rounding: the A bound
