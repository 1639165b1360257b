"""Kirkpatrick level 1 (reaction): how participants rated a programme.

Three Likert items (1–5): the material (``materi``), the trainer (``pengajar``)
and usefulness for their work (``manfaat``). Reported as distributions, means
with t-based confidence intervals and the share of favourable ratings (4 or 5)
with a Wilson interval. Reaction is satisfaction, not learning: the summary
sentence says so.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

#: Participation columns holding the three ratings, in the order they are shown.
REACTION_ITEMS: tuple[str, ...] = ("reaction_material", "reaction_trainer", "reaction_usefulness")
SCALE_MIN, SCALE_MAX = 1, 5
#: A rating at or above this counts as favourable ("setuju / puas").
FAVOURABLE_FROM = 4


@dataclass(frozen=True)
class ReactionItem:
    """Summary of one rating item; ``n_missing`` participants gave no rating."""

    item: str
    n: int
    n_missing: int
    mean: float
    sd: float
    ci_low: float
    ci_high: float
    share_favourable: float
    favourable_ci_low: float
    favourable_ci_high: float
    confidence: float

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def mean_confidence_interval(values: np.ndarray, confidence: float = 0.95) -> tuple[float, float, float]:
    """Mean and its t-based confidence interval (scipy's t distribution); NaN below 2 values."""
    values = np.asarray(values, dtype=float)
    n = len(values)
    if n == 0:
        return (math.nan, math.nan, math.nan)
    mean = float(values.mean())
    if n < 2:
        return (mean, math.nan, math.nan)
    sem = float(stats.sem(values))
    if sem == 0:
        return (mean, mean, mean)
    low, high = stats.t.interval(confidence, n - 1, loc=mean, scale=sem)
    return (mean, float(low), float(high))


def reaction_item(values: pd.Series, item: str, confidence: float = 0.95) -> ReactionItem:
    series = pd.Series(values, dtype=float)
    present = series.dropna().to_numpy()
    n = len(present)
    mean, low, high = mean_confidence_interval(present, confidence)
    favourable = int((present >= FAVOURABLE_FROM).sum())
    if n:
        share = favourable / n
        f_low, f_high = proportion_confint(favourable, n, alpha=1 - confidence, method="wilson")
    else:
        share = f_low = f_high = math.nan
    return ReactionItem(
        item=item,
        n=n,
        n_missing=int(series.isna().sum()),
        mean=mean,
        sd=float(np.std(present, ddof=1)) if n >= 2 else math.nan,
        ci_low=low,
        ci_high=high,
        share_favourable=share,
        favourable_ci_low=float(f_low),
        favourable_ci_high=float(f_high),
        confidence=confidence,
    )


def reaction_summary(participations: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """One row per rating item (material, trainer, usefulness) with mean, CI and favourable share."""
    rows = [reaction_item(participations[item], item, confidence).as_dict() for item in REACTION_ITEMS]
    return pd.DataFrame(rows)


def reaction_distribution(participations: pd.DataFrame) -> pd.DataFrame:
    """Counts and shares of each rating 1–5 per item (long format: item, rating, count, share).

    Ratings that are not whole numbers (averaged sub-scores) are rounded half up
    to the nearest point of the scale for the distribution only; means use the
    exact values.
    """
    rows: list[dict[str, object]] = []
    for item in REACTION_ITEMS:
        values = pd.Series(participations[item], dtype=float).dropna()
        binned = np.floor(values.to_numpy() + 0.5).clip(SCALE_MIN, SCALE_MAX).astype(int)
        total = len(binned)
        for rating in range(SCALE_MIN, SCALE_MAX + 1):
            count = int((binned == rating).sum())
            rows.append(
                {
                    "item": item,
                    "rating": rating,
                    "count": count,
                    "share": count / total if total else math.nan,
                }
            )
    return pd.DataFrame(rows)


def reaction_by_program(participations: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """Reaction summary per programme code (long: program_code, item, n, mean, CI, …)."""
    frames = []
    for code, group in participations.groupby("program_code", sort=True):
        frame = reaction_summary(group, confidence)
        frame.insert(0, "program_code", code)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
