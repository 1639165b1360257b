"""Pure helpers behind the priority evidence: roll-ups to parent units and noise estimates.

Kept apart from the queries so they can be checked by hand on small frames.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from lib.analysis.ikm_rollup import ancestors_of

BASIS_OWN = "own"
BASIS_CHILDREN = "children"


def rollup_additive(frame: pd.DataFrame, units: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Per unit, ``columns`` summed over the unit *and all its descendants* present in ``units``.

    ``frame`` has ``unit_id`` and the additive ``columns``; ``units`` has ``id``,
    ``code`` and ``path`` (as :func:`lib.queries.units.list_units` returns).
    Every unit of ``units`` gets a row (zeros where nothing below it has data).
    """
    columns = list(columns)
    code_to_id = dict(zip(units["code"], units["id"], strict=True))
    lineage = units[["id", "path"]].assign(ancestor=units["path"].map(ancestors_of)).explode("ancestor")
    lineage["ancestor_id"] = lineage["ancestor"].map(code_to_id)
    lineage = lineage.dropna(subset=["ancestor_id"])
    merged = frame[["unit_id", *columns]].merge(
        lineage[["id", "ancestor_id"]], left_on="unit_id", right_on="id"
    )
    sums = merged.groupby("ancestor_id")[columns].sum()
    sums.index = sums.index.astype("int64")
    out = pd.DataFrame({"unit_id": units["id"].astype("int64")}).merge(
        sums.reset_index().rename(columns={"ancestor_id": "unit_id"}), on="unit_id", how="left"
    )
    out[columns] = out[columns].fillna(0)
    return out


def choose_basis(own: pd.Series, rolled: pd.Series, minimum: float) -> pd.Series:
    """``own`` where the unit's own evidence reaches ``minimum``, else ``children`` where the roll-up
    of its sub-units (itself included) does and is larger, else ``own`` if it has anything, else None.
    """
    own, rolled = own.fillna(0), rolled.fillna(0)
    basis = np.where(
        own >= minimum,
        BASIS_OWN,
        np.where((rolled >= minimum) & (rolled > own), BASIS_CHILDREN, np.where(own > 0, BASIS_OWN, None)),
    )
    return pd.Series(basis, index=own.index, dtype=object)


def pooled_unit_variance(frame: pd.DataFrame, value: str, weight: str, unit: str = "unit_id") -> float:
    """Within-unit variance per unit of weight, pooled over units, from a unit × period frame.

    A period mean of ``n`` respondents (or services) scatters around the unit's
    mean with variance ``σ²/n``, so ``Σ n·(y − ȳ_unit)² / Σ (periods − 1)``
    estimates ``σ²`` (the one-way ANOVA within mean square on aggregated data).
    It includes the real month-to-month wobble, which makes the resulting SE
    conservative. NaN when no unit has two periods.
    """
    data = frame[[unit, value, weight]].dropna()
    data = data[data[weight] > 0]
    if data.empty:
        return float("nan")
    totals = data.assign(wy=data[value] * data[weight]).groupby(unit)[["wy", weight]].sum()
    mean = (totals["wy"] / totals[weight]).rename("mean")
    data = data.join(mean, on=unit)
    squares = (data[weight] * (data[value] - data["mean"]) ** 2).sum()
    dof = int((data.groupby(unit).size() - 1).sum())
    return float(squares / dof) if dof > 0 else float("nan")
