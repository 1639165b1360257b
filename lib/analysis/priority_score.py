"""The transparent priority score: which units need training most, and why.

Each component turns one piece of evidence into a *need* between 0 and 1: the
unit's percentile among the units that have that evidence, oriented so that 1
is the worst (lowest IKM, highest complaint rate, …). The score is the weighted
mean of the needs a unit has evidence for, times 100. Percentiles are robust to
skewed figures and say something a reader understands ("worse than 80 % of
units"); the weights are shown and can be changed on the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.analysis.complaint_themes import DEFAULT_THEMES
from lib.analysis.ikm_training import UNSUR_TRAINING_THEME


@dataclass(frozen=True)
class Component:
    """One piece of evidence: the column it reads and whether high values mean more need."""

    key: str
    column: str
    higher_is_worse: bool


COMPONENTS: tuple[Component, ...] = (
    Component("ikm_low", "ikm", higher_is_worse=False),
    Component("ikm_decline", "ikm_change", higher_is_worse=False),
    Component("complaint_rate", "rate_per_1000", higher_is_worse=True),
    Component("complaint_rise", "complaint_growth", higher_is_worse=True),
    Component("late_service", "pct_on_time", higher_is_worse=False),
    Component("low_performance", "skp_low_share", higher_is_worse=True),
    Component("jp_gap", "share_20jp", higher_is_worse=False),
)
DEFAULT_WEIGHTS: dict[str, float] = {
    "ikm_low": 25,
    "ikm_decline": 10,
    "complaint_rate": 20,
    "complaint_rise": 10,
    "late_service": 10,
    "low_performance": 10,
    "jp_gap": 15,
}
#: A unit scoring at least this (worse than about 70 % of units, weighted) is flagged for attention.
FLAG_THRESHOLD = 70.0
#: Reasons are the components whose need is at least this (worse than 60 % of units).
REASON_MIN_NEED = 0.6

#: Complaint theme → the training theme it points to (DOMAIN.md, "What the evidence says a unit needs"):
#: the default theme set's mapping; an evaluator's edited list is passed as ``theme_map``.
COMPLAINT_TRAINING_THEME: dict[str, str] = {
    t.key: t.training_theme for t in DEFAULT_THEMES if t.training_theme is not None
}
JP_THEME = "priority.theme.jp"


def complaint_growth(complaints: pd.Series, complaints_prev: pd.Series) -> pd.Series:
    """log((now + 1) / (before + 1)): symmetric, defined at zero, and damped for small counts."""
    return np.log((complaints.astype(float) + 1) / (complaints_prev.astype(float) + 1))


def needs(evidence: pd.DataFrame) -> pd.DataFrame:
    """Per unit and component, the need in [0, 1] (NaN where the unit has no such evidence).

    The percentile is the average rank among units with a value, rescaled so the
    best unit gets 0 and the worst 1 (ties share their rank).
    """
    frame = evidence.copy()
    if "complaint_growth" not in frame:
        frame["complaint_growth"] = complaint_growth(frame["complaints"], frame["complaints_prev"])
    out = pd.DataFrame(index=frame.index)
    for component in COMPONENTS:
        values = frame[component.column].astype(float)
        known = values.notna()
        if known.sum() <= 1:
            out[component.key] = np.where(known, 0.5, np.nan)
            continue
        ranks = values[known].rank(method="average", ascending=component.higher_is_worse)
        out[component.key] = np.nan
        out.loc[known, component.key] = (ranks - 1) / (known.sum() - 1)
    return out


def priority_scores(evidence: pd.DataFrame, weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """``evidence`` (rows of ``unit_evidence``) plus ``need_<component>``, ``score`` (0–100),
    ``coverage`` (share of the total weight the unit has evidence for), ``rank``, ``flagged``
    and ``reasons`` (components with need ≥ 0.6, largest weighted contribution first).

    Units with no evidence at all get no score and no rank.
    """
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}
    unknown = set(weights) - {c.key for c in COMPONENTS}
    if unknown:
        raise ValueError(f"unknown priority components: {sorted(unknown)}")
    if any(w < 0 for w in weights.values()) or not any(w > 0 for w in weights.values()):
        raise ValueError("weights must be non-negative and not all zero")
    need = needs(evidence)
    w = pd.Series({c.key: float(weights[c.key]) for c in COMPONENTS})
    present = need.notna()
    weight_present = present.mul(w, axis=1).sum(axis=1)
    weighted = need.fillna(0).mul(w, axis=1)
    out = evidence.copy()
    for component in COMPONENTS:
        out[f"need_{component.key}"] = need[component.key]
    out["score"] = (weighted.sum(axis=1) / weight_present.where(weight_present > 0)) * 100
    out["coverage"] = weight_present / w.sum()
    out["rank"] = out["score"].rank(method="min", ascending=False).astype("Int64")
    out["flagged"] = out["score"] >= FLAG_THRESHOLD
    out["reasons"] = [
        [
            key
            for key in weighted.loc[i].sort_values(ascending=False, kind="stable").index
            if need.loc[i, key] >= REASON_MIN_NEED and w[key] > 0
        ]
        for i in out.index
    ]
    return out.sort_values(["score", "kode_unit"], ascending=[False, True], na_position="last")


def recommended_themes(
    row: pd.Series, jp_share_floor: float = 0.5, theme_map: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """Training themes the unit's evidence points to, strongest evidence first, without repeats.

    Returns ``(theme_key, source)`` pairs; source is ``unsur:<name>``,
    ``complaints:<theme>`` or ``jp``. The two weakest unsur count only when
    graded below A; staff coverage counts when fewer than half meet 20 JP.
    ``theme_map`` is the city's complaint theme → training theme mapping
    (``lib.queries.complaint_themes.training_theme_map``); the default set's otherwise.
    """
    found: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(theme: str, source: str) -> None:
        if theme not in seen:
            seen.add(theme)
            found.append((theme, source))

    mutu = row.get("mutu")
    if isinstance(mutu, str) and mutu != "A":
        for unsur in list(row.get("weakest_unsur") or [])[:2]:
            add(UNSUR_TRAINING_THEME[unsur], f"unsur:{unsur}")
    training = COMPLAINT_TRAINING_THEME if theme_map is None else theme_map
    for theme in list(row.get("top_themes") or []):
        if theme in training:
            add(training[theme], f"complaints:{theme}")
    share = row.get("share_20jp")
    if share is not None and np.isfinite(share) and share < jp_share_floor:
        add(JP_THEME, "jp")
    return found
