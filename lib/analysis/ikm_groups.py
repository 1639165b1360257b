"""IKM and respondent counts per respondent group (gender, age band, education, occupation, service type).

:func:`lib.queries.survey.group_sums` returns sums per *combination* of groups
in one pass over the responses; summing that over the other dimensions gives
each single breakdown exactly (sums and counts are additive).
"""

from __future__ import annotations

import pandas as pd

from lib.analysis.ikm_formula import GRADES, WeightName, ikm_frame, weight_value
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
    if combos.empty:
        empty = ikm_frame(pd.DataFrame(columns=list(ADDITIVE)), weight).rename(
            columns={"respondents": "responden"}
        )
        return empty.assign(group=pd.Series(dtype="object"), share=pd.Series(dtype="float64"))
    grouped = combos.groupby(dimension, as_index=False, sort=False, dropna=False)[list(ADDITIVE)].sum()
    labels = [None if pd.isna(v) else str(v) for v in grouped[dimension]]
    grouped = grouped.drop(columns=dimension)
    grouped["group"] = pd.Series(labels, index=grouped.index, dtype="object")
    out = ikm_frame(grouped, weight).rename(columns={"respondents": "responden"})
    out["mutu_label"] = [GRADES[m].label_id if isinstance(m, str) else None for m in out["mutu"]]
    out["share"] = out["responden"] / out["responden"].sum()
    missing = out["group"].isna()
    if dimension == "age_band":
        order = out["group"].map(_AGE_ORDER).fillna(len(_AGE_ORDER))
    else:
        order = -out["responden"].astype(float)
    out = out.assign(_missing=missing, _order=order).sort_values(["_missing", "_order", "group"])
    return out.drop(columns=["_missing", "_order"]).reset_index(drop=True)


def group_breakdowns(combos: pd.DataFrame, weight: WeightName | float = "0.111") -> dict[str, pd.DataFrame]:
    """Every respondent-group breakdown from the group sums of one database pass
    (:func:`lib.queries.survey.group_sums` over :data:`GROUP_DIMENSIONS`)."""
    weight_value(weight)
    return {d: ikm_by_group(combos, d, weight) for d in GROUP_DIMENSIONS}
