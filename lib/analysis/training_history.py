"""A unit's training history beside each programme's city-wide learning effect (Prioritas page).

The learning effect of every programme is measured once, on all its participants
(:func:`lib.analysis.training_learning.learning_by_program`, stored by the worker); a
unit's history takes the rows of the programmes its staff attended and adjusts their
p-values for the number of programmes *in that history* (Holm), so the verdicts read
exactly as when only those programmes are analysed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.analysis.training_learning import verdict

HISTORY_COLUMNS = [
    "program_code",
    "program_name",
    "end_date",
    "participants",
    "n_paired",
    "mean_gain",
    "d_z",
    "d_z_ci_low",
    "d_z_ci_high",
    "verdict",
]
#: The columns of a programme's learning effect that a history needs (``primary_p`` for Holm).
EFFECT_COLUMNS = ["program_code", "n_paired", "mean_gain", "d_z", "d_z_ci_low", "d_z_ci_high", "primary_p"]


def holm_adjusted(p_values: np.ndarray) -> np.ndarray:
    """Holm's step-down adjusted p-values (capped at 1), in the order given.

    The smallest of m p-values is multiplied by m, the next by m − 1, …, and each
    adjusted value is at least the one before it. The same arithmetic as statsmodels'
    ``multipletests(method="holm")``, without the full garbage collection it runs.
    """
    p = np.asarray(p_values, dtype=float)
    if p.size == 0:
        return p.copy()
    order = np.argsort(p)
    raw = p[order] * np.arange(p.size, 0, -1)
    adjusted_sorted = np.minimum(np.maximum.accumulate(raw), 1.0)
    adjusted = np.empty_like(adjusted_sorted)
    adjusted[order] = adjusted_sorted
    return adjusted


def history_with_effects(counts: pd.DataFrame, effects: pd.DataFrame, alpha: float = 0.05) -> pd.DataFrame:
    """The unit's programmes (``counts``: ``program_code, program_name, end_date, participants``)
    with their city-wide learning effects (``effects``: one row per programme, at least
    :data:`EFFECT_COLUMNS`), verdicts Holm-adjusted across these programmes; most attended first,
    then newest. Columns :data:`HISTORY_COLUMNS`.
    """
    if counts.empty:
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    rows = effects[effects["program_code"].isin(counts["program_code"])]
    rows = rows[EFFECT_COLUMNS].sort_values("program_code", ignore_index=True)
    p = rows["primary_p"].astype(float)
    testable = p.notna().to_numpy()
    adjusted = np.full(len(rows), np.nan)
    if testable.any():
        adjusted[testable] = holm_adjusted(p[testable].to_numpy())
    rows["verdict"] = [
        verdict(g, pa, n, alpha)
        for g, pa, n in zip(rows["mean_gain"], adjusted, rows["n_paired"], strict=True)
    ]
    out = counts.merge(rows.drop(columns="primary_p"), on="program_code", how="left")
    return out.sort_values(["participants", "end_date"], ascending=[False, False], ignore_index=True)[
        HISTORY_COLUMNS
    ]
