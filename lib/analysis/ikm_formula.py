"""The IKM arithmetic of PermenPANRB 14/2017, in one place.

Everything that shows an IKM (the IKM page, training impact level 4, priorities,
the home page, reports) computes it here from per-unsur sums and counts, so the
figures agree everywhere and match an evaluator's spreadsheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

import numpy as np
import pandas as pd

from lib.models import UNSUR

#: The weight the regulation prints (0,111); official spreadsheets use it, so it is the default.
WEIGHT_OFFICIAL = 0.111
WEIGHT_EXACT = 1 / 9
WeightName = Literal["0.111", "exact"]


def weight_value(weight: WeightName | float = "0.111") -> float:
    """``"0.111"`` → 0.111 (the default), ``"exact"`` → 1/9; a float passes through."""
    if isinstance(weight, float):
        return weight
    if weight == "exact":
        return WEIGHT_EXACT
    if weight == "0.111":
        return WEIGHT_OFFICIAL
    raise ValueError(f"unknown IKM weight {weight!r}: use '0.111' or 'exact'")


def weight_label(weight: WeightName | float = "0.111") -> str:
    """How results and reports name the weight: ``0.111`` or ``1/9`` (the key of ``ikm.weight.<label>``).

    The one place the label is written; code that needs the weight again takes the
    option (``"0.111"``/``"exact"``), never parses the label back.
    """
    w = weight_value(weight)
    return "1/9" if w == WEIGHT_EXACT else f"{w:g}"


@dataclass(frozen=True)
class Grade:
    """Mutu pelayanan: letter and the regulation's label."""

    letter: str
    label_id: str
    label_en: str


GRADES = {
    "A": Grade("A", "Sangat Baik", "Very good"),
    "B": Grade("B", "Baik", "Good"),
    "C": Grade("C", "Kurang Baik", "Poor"),
    "D": Grade("D", "Tidak Baik", "Very poor"),
}
#: Lower bounds of the grades on the 25–100 scale, best first.
GRADE_BOUNDS_100 = (("A", 88.31), ("B", 76.61), ("C", 65.00))
#: Lower bounds on the 1–4 scale, used to grade an unsur's NRR.
GRADE_BOUNDS_4 = (("A", 3.5324), ("B", 3.0644), ("C", 2.60))


def round_half_up(value: float, decimals: int = 2) -> float:
    """Round as spreadsheets do (91.385 → 91.39), not banker's rounding."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP))  # numpy floats too


def grade_ikm(ikm_100: float | None) -> str | None:
    """Grade letter of an IKM on the 25–100 scale, rounded to 2 decimals first."""
    if ikm_100 is None or not np.isfinite(ikm_100):
        return None
    value = round_half_up(ikm_100, 2)
    for letter, bound in GRADE_BOUNDS_100:
        if value >= bound:
            return letter
    return "D"


def grade_nrr(nrr: float | None) -> str | None:
    """Grade letter of one unsur's NRR on the 1–4 scale."""
    if nrr is None or not np.isfinite(nrr):
        return None
    for letter, bound in GRADE_BOUNDS_4:
        if nrr >= bound:
            return letter
    return "D"


def nrr_from_sums(sums: Mapping[str, float], counts: Mapping[str, float]) -> dict[str, float]:
    """NRR per unsur = sum of answers ÷ respondents who answered it (blanks excluded)."""
    return {u: (sums[u] / counts[u]) if counts.get(u) else float("nan") for u in UNSUR}


def ikm_from_nrr(nrr: Mapping[str, float], weight: WeightName | float = "0.111") -> float:
    """IKM on the 25–100 scale: Σ NRR × weight × 25. NaN when an unsur has no answers."""
    w = weight_value(weight)
    values = [nrr[u] for u in UNSUR]
    if any(not np.isfinite(v) for v in values):
        return float("nan")
    return float(sum(values) * w * 25)


def ikm_columns(frame: pd.DataFrame, weight: WeightName | float = "0.111") -> dict[str, object]:
    """The columns :func:`ikm_frame` adds, by name and in its order, without touching ``frame``.

    Why separate: a caller that adds more columns of its own (grade labels, sample
    sizes) joins them all to the frame in one step; pandas re-indexes a wide frame on
    every single insert, which cost more than the arithmetic itself.
    """
    block = frame[[f"{p}_{u}" for u in UNSUR for p in ("sum", "n")]].to_numpy(dtype=float)
    return ikm_columns_from_sums(block, weight)


def ikm_columns_from_sums(block: np.ndarray, weight: WeightName | float = "0.111") -> dict[str, object]:
    """:func:`ikm_columns` from a matrix whose columns are ``sum_<unsur>``, ``n_<unsur>`` for each
    unsur in turn (the order of ``SUM_COLUMNS``), one row per group."""
    w = weight_value(weight)
    columns: dict[str, object] = {}
    rows = block.shape[0]
    total = np.zeros(rows)
    for i, u in enumerate(UNSUR):
        sums, n = block[:, 2 * i].astype(float), block[:, 2 * i + 1].astype(float)
        nrr = np.full(rows, np.nan)
        np.divide(sums, n, out=nrr, where=n > 0)
        columns[f"nrr_{u}"] = nrr
        total = total + nrr
    ikm = total * w * 25
    reported = [round_half_up(v, 2) if np.isfinite(v) else np.nan for v in ikm.tolist()]
    columns["ikm"] = ikm
    columns["ikm_2dp"] = np.array(reported, dtype=float)
    columns["mutu"] = [_grade_rounded(v) for v in reported]
    columns["weight"] = weight_label(w)
    return columns


def _grade_rounded(value: float) -> str | None:
    """:func:`grade_ikm` of a value already rounded to 2 decimals (rounding again changes nothing)."""
    if not np.isfinite(value):
        return None
    for letter, bound in GRADE_BOUNDS_100:
        if value >= bound:
            return letter
    return "D"


def with_columns(frame: pd.DataFrame, columns: dict[str, object]) -> pd.DataFrame:
    """A copy of ``frame`` with ``columns`` added after its own, in one step (a column it
    already has is replaced where it stands, as assigning it would)."""
    if any(name in frame.columns for name in columns):
        out = frame.copy()
        for name, values in columns.items():
            out[name] = values
        return out
    return pd.concat([frame, pd.DataFrame(columns, index=frame.index)], axis=1)


def ikm_frame(frame: pd.DataFrame, weight: WeightName | float = "0.111") -> pd.DataFrame:
    """Add NRR, IKM and grade columns to a frame of sums and counts.

    ``frame`` has columns ``sum_<unsur>`` and ``n_<unsur>`` for the nine unsur
    (as ``survey_monthly`` and the survey queries return them), one row per group.
    Adds ``nrr_<unsur>``, ``ikm`` (25–100, unrounded), ``ikm_2dp`` (as reported),
    ``mutu`` and ``weight``.
    """
    return with_columns(frame, ikm_columns(frame, weight))


def krejcie_morgan(population: int, chi2: float = 3.841, p: float = 0.5, d: float = 0.05) -> int:
    """Minimum SKM sample for a unit serving ``population`` people.

    Rounded to the nearest whole respondent, as the Krejcie & Morgan table the
    guideline reproduces does (79.5 → 80 for N = 100, 384.16 → 384 for large N).
    """
    if population <= 0:
        return 0
    n = chi2 * population * p * (1 - p) / (d**2 * (population - 1) + chi2 * p * (1 - p))
    return int(round_half_up(n, 0))
