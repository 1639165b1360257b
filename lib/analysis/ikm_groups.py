"""IKM and respondent counts per respondent group (gender, age band, education, occupation, service type).

:func:`lib.queries.survey.group_sums` returns sums per *combination* of groups
in one pass over the responses; summing that over the other dimensions gives
each single breakdown exactly (sums and counts are additive).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.analysis.ikm_formula import GRADES, WeightName, ikm_columns_from_sums, ikm_frame, weight_value
from lib.vocabulary import ADDITIVE, AGE_BANDS, GROUP_DIMENSIONS

_AGE_ORDER = {label: i for i, (label, _lo, _hi) in enumerate(AGE_BANDS)}


def ikm_by_group(combos: pd.DataFrame, dimension: str, weight: WeightName | float = "0.111") -> pd.DataFrame:
    """One row per value of ``dimension``: ``group``, ``responden``, ``share``, NRR, IKM, ``mutu``.

    Respondents who left the question blank form a group of their own
    (``group`` None), shown last, so the counts always add up to the total.
    Age bands keep their natural order; other groups go largest first.
    """
    if dimension not in GROUP_DIMENSIONS:
        raise ValueError(f"unknown respondent group {dimension!r}; use one of {', '.join(GROUP_DIMENSIONS)}")
    return _by_group(combos, _additive(combos), dimension, weight)


def _additive(combos: pd.DataFrame) -> np.ndarray:
    return (
        combos[list(ADDITIVE)].to_numpy(dtype=np.int64) if not combos.empty else np.zeros((0, len(ADDITIVE)))
    )


def _by_group(
    combos: pd.DataFrame, additive: np.ndarray, dimension: str, weight: WeightName | float
) -> pd.DataFrame:
    """:func:`ikm_by_group` with the additive columns of ``combos`` already taken out as a matrix
    (the breakdowns of one profile share it)."""
    if combos.empty:
        empty = ikm_frame(pd.DataFrame(columns=list(ADDITIVE)), weight).rename(
            columns={"respondents": "responden"}
        )
        return empty.assign(group=pd.Series(dtype="object"), share=pd.Series(dtype="float64"))
    codes, values = pd.factorize(combos[dimension], use_na_sentinel=False)
    totals = np.zeros((len(values), len(ADDITIVE)), dtype=np.int64)
    np.add.at(totals, codes, additive)
    labels = [None if pd.isna(v) else str(v) for v in values]
    if dimension == "age_band":
        order = [_AGE_ORDER.get(g, len(_AGE_ORDER)) if g is not None else len(_AGE_ORDER) for g in labels]
    else:
        order = (-totals[:, 0].astype(float)).tolist()
    # blanks last, then age order or largest first, then by name (every key is unique)
    ranked = sorted(range(len(labels)), key=lambda i: (labels[i] is None, order[i], labels[i] or ""))
    totals = totals[ranked]
    columns: dict[str, object] = {"responden": totals[:, 0]}
    columns.update({name: totals[:, i + 1] for i, name in enumerate(ADDITIVE[1:])})
    columns["group"] = pd.Series([labels[i] for i in ranked], dtype="object")
    columns.update(ikm_columns_from_sums(totals[:, 1:], weight))
    columns["mutu_label"] = [GRADES[m].label_id if isinstance(m, str) else None for m in columns["mutu"]]  # type: ignore[attr-defined]
    columns["share"] = totals[:, 0] / totals[:, 0].sum()
    return pd.DataFrame(columns)


def group_breakdowns(combos: pd.DataFrame, weight: WeightName | float = "0.111") -> dict[str, pd.DataFrame]:
    """Every respondent-group breakdown from the group sums of one database pass
    (:func:`lib.queries.survey.group_sums` over :data:`GROUP_DIMENSIONS`)."""
    weight_value(weight)
    additive = _additive(combos)
    return {d: _by_group(combos, additive, d, weight) for d in GROUP_DIMENSIONS}
