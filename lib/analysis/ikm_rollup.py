"""Rolling sub-units up into their parents, weighted by respondents.

A kecamatan's SKM with its kelurahan included is the survey of all their
respondents together: sums and answer counts add up, so every respondent
weighs the same. (Averaging the sub-units' IKM instead would let a kelurahan
with 12 respondents weigh as much as one with 1,200.)
"""

from __future__ import annotations

import pandas as pd

from lib.vocabulary import ADDITIVE

__all__ = ["ADDITIVE", "ancestors_of", "rollup_subtrees"]


def ancestors_of(path: str) -> list[str]:
    """Unit codes on a materialised path, the unit itself last: ``/A/B/C/`` → [A, B, C]."""
    return [code for code in path.split("/") if code]


def rollup_subtrees(sums: pd.DataFrame, units: pd.DataFrame, keys: tuple[str, ...] = ()) -> pd.DataFrame:
    """Sums per unit *including all its descendants* (and per ``keys``, e.g. month).

    ``sums`` has ``unit_id``, ``keys`` and the additive columns; ``units`` is a
    :func:`lib.queries.units.list_units` frame (``id``, ``code``, ``path``). Every
    unit in ``units`` that has itself or a descendant with responses gets a row;
    descendants outside ``units`` (out of scope) are not counted.
    """
    columns = ["unit_id", *keys, *ADDITIVE]
    if sums.empty or units.empty:
        return pd.DataFrame(columns=columns)
    code_to_id = dict(zip(units["code"], units["id"], strict=True))
    lineage = units[["id", "path"]].assign(ancestor=units["path"].map(ancestors_of)).explode("ancestor")
    lineage["ancestor_id"] = lineage["ancestor"].map(code_to_id)
    lineage = lineage.dropna(subset=["ancestor_id"])
    merged = sums.merge(lineage[["id", "ancestor_id"]], left_on="unit_id", right_on="id", how="inner")
    out = merged.groupby(["ancestor_id", *keys], as_index=False)[list(ADDITIVE)].sum()
    out = out.rename(columns={"ancestor_id": "unit_id"})
    out["unit_id"] = out["unit_id"].astype("int64")
    return out[columns]
