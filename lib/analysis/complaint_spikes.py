"""Which units' complaints rise beyond their own normal.

The question a camat asks is "is this kelurahan getting worse?", not "is it
bigger than the others?", so every unit is compared with *itself*.

Method, per series (a unit, or a unit × theme):

1. The **recent window** is the last ``recent_months`` complete months; the
   **baseline** the ``baseline_months`` before it (at least
   ``min_baseline_months``, else the series is not tested).
2. **Seasonality**: when at least ``seasonal_min_months`` months of history
   precede the recent window, month-of-year factors are estimated from the
   pooled counts of all series (a Poisson GLM with a linear trend and month
   dummies, kept only if the month effect is significant by a quasi-likelihood
   F-test at 5 %). A single unit's two years are too few to estimate its own
   season; the city's pattern is stable enough to borrow.
3. **Test**: with seasonal weights ``w`` summed over each window, the recent
   count ``O`` given the total ``O + B`` is binomial with
   ``p0 = w_recent / (w_recent + w_baseline)`` if the rate did not change (the
   exact conditional test for two Poisson rates, which accounts for the
   uncertainty of the baseline as well). One-sided: only rises are flagged.
4. **Overdispersion**: complaint counts vary more than Poisson (campaigns,
   viral posts). A Pearson dispersion φ is estimated from the baseline months
   of all series of the same kind (unit totals, unit × theme), floored at 1,
   and both counts are divided by φ before the test (quasi-Poisson; the
   binomial tail is evaluated with the regularised incomplete beta function so
   non-integer counts are allowed). This is equivalent to a negative-binomial
   allowance with a variance proportional to the mean.
5. **Multiple units**: p-values of all series tested together (unit totals
   and unit × theme) are adjusted with Benjamini–Hochberg; a series is flagged
   when its q-value ≤ ``alpha`` (default 0.05). Under no change anywhere the
   chance of *any* flag is at most ``alpha``; otherwise on average at most
   ``alpha`` of the flags are false alarms. ``adjust="none"`` flags at a
   per-series false-alarm rate ``alpha`` instead.

6. **Same months last year** (a unit's own season): the pooled city factors
   cannot know that one agency's complaints peak every rainy season (tree
   trimming in January–March), and with less than 24 months no factors are
   estimated at all. So whenever the same calendar months one year before the
   recent window are in the history (from ``recent_months`` + 12 months on), a
   flag also needs the recent count to exceed last year's same months by the
   same one-sided conditional test at ``alpha`` (an intersection–union test:
   both comparisons must show a rise, so the false-alarm rate is not raised).
   ``seasonal_check`` records what excluded a seasonal peak for each series:
   ``last_year``, ``model`` (city factors only) or ``none`` — the page states
   beside a ``none`` flag that a seasonal peak cannot be excluded.

The ratio recent ÷ expected comes with an exact (Clopper–Pearson on the
conditional binomial) confidence interval.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from scipy import special, stats


@dataclass(frozen=True)
class SpikeSettings:
    """Knobs of the detector; defaults are what the page and CLI use."""

    recent_months: int = 3
    baseline_months: int = 12
    #: Months skipped between baseline and recent window, so that a problem building up
    #: gradually does not raise its own baseline (a guard band, as in disease surveillance).
    gap_months: int = 0
    min_baseline_months: int = 6
    seasonal_min_months: int = 24
    alpha: float = 0.05
    adjust: Literal["bh", "none"] = "bh"
    #: Smallest recent count that can be flagged: 0 → 2 complaints is not a "growing problem".
    min_observed: int = 3
    #: Smallest ratio worth flagging (1.0: any significant rise).
    min_ratio: float = 1.0
    level: float = 0.95


#: Columns of :attr:`SpikeResult.series` besides the key columns of each family.
SERIES_COLUMNS = (
    "family",
    "unit_id",
    "observed",
    "baseline",
    "baseline_rate",
    "expected",
    "p_value",
    "ratio",
    "ratio_low",
    "ratio_high",
    "tested",
    "q_value",
    "last_year",
    "p_last_year",
    "seasonal_check",
    "flagged",
)


@dataclass
class SpikeResult:
    """Per-series results plus what the method used (for the page's method note)."""

    series: pd.DataFrame
    recent_start: pd.Timestamp | None
    recent_end: pd.Timestamp | None
    baseline_start: pd.Timestamp | None
    seasonal: bool
    seasonal_factors: np.ndarray
    dispersion: dict[str, float] = field(default_factory=dict)
    settings: SpikeSettings = field(default_factory=SpikeSettings)

    @property
    def flagged(self) -> pd.DataFrame:
        """Flagged series, most significant first (an empty frame with the usual columns if none)."""
        if self.series.empty or "flagged" not in self.series:
            return pd.DataFrame(columns=list(SERIES_COLUMNS))
        return self.series[self.series["flagged"]].sort_values("p_value").reset_index(drop=True)


def _month_grid(first: pd.Timestamp, last: pd.Timestamp) -> pd.DatetimeIndex:
    return pd.date_range(first.to_period("M").start_time, last.to_period("M").start_time, freq="MS")


def last_complete_month(date_to: pd.Timestamp | object) -> pd.Timestamp:
    """The month ending on or before ``date_to`` (a date inside a month means that month is incomplete)."""
    ts = pd.Timestamp(date_to)
    start = ts.to_period("M").start_time
    if ts.normalize() == (start + pd.offsets.MonthEnd(0)).normalize():
        return start
    return (start - pd.offsets.MonthBegin(1)).normalize()


def seasonal_factors(
    totals: pd.Series, *, min_months: int = 24, significance: float = 0.05
) -> tuple[np.ndarray, bool]:
    """Twelve month-of-year factors (mean 1) from monthly totals indexed by month start.

    Returns ones and ``False`` when history is shorter than ``min_months``, the
    counts are too small, or the month effect is not significant: noisy
    factors would add false alarms rather than remove them.
    """
    ones = np.ones(12)
    totals = totals.sort_index()
    if len(totals) < min_months or totals.sum() < 12 * 5:
        return ones, False
    import statsmodels.api as sm

    y = totals.to_numpy(dtype=float)
    trend = np.arange(len(y), dtype=float) / 12.0
    moy = totals.index.month.to_numpy()
    dummies = np.column_stack([(moy == m).astype(float) for m in range(2, 13)])
    x_reduced = sm.add_constant(trend)
    x_full = np.column_stack([x_reduced, dummies])
    if np.linalg.matrix_rank(x_full) < x_full.shape[1]:
        return ones, False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        full = sm.GLM(y, x_full, family=sm.families.Poisson()).fit()
        reduced = sm.GLM(y, x_reduced, family=sm.families.Poisson()).fit()
    df_resid = full.df_resid
    if df_resid <= 0:
        return ones, False
    phi = max(float(full.pearson_chi2 / df_resid), 1.0)
    f_stat = (reduced.deviance - full.deviance) / 11 / phi
    p_value = float(stats.f.sf(f_stat, 11, df_resid))
    if not np.isfinite(p_value) or p_value >= significance:
        return ones, False
    log_effect = np.concatenate([[0.0], full.params[2:]])
    factors = np.exp(log_effect)
    return factors / factors.mean(), True


def _pooled_dispersion(baseline: np.ndarray, weights: np.ndarray) -> float:
    """Pearson χ²/df of constant-rate (seasonally weighted) fits over all series' baseline months, ≥ 1."""
    totals = baseline.sum(axis=1)
    usable = totals > 0
    if usable.sum() == 0 or baseline.shape[1] < 2:
        return 1.0
    y = baseline[usable]
    rate = totals[usable] / weights.sum()
    mu = rate[:, None] * weights[None, :]
    chi2 = float(((y - mu) ** 2 / mu).sum())
    df = usable.sum() * (baseline.shape[1] - 1)
    return max(chi2 / df, 1.0)


def _conditional_test(
    observed: np.ndarray, baseline: np.ndarray, w_recent: float, w_base: float, phi: float, level: float
) -> dict[str, np.ndarray]:
    """Exact one-sided conditional test of recent vs baseline rate, on counts deflated by φ."""
    o = observed / phi
    b = baseline / phi
    p0 = w_recent / (w_recent + w_base)
    with np.errstate(divide="ignore", invalid="ignore"):
        # P(X >= o | n, p0) = I_p0(o, n - o + 1) for o > 0; 1 when o = 0
        p_value = np.where(o > 0, special.betainc(np.maximum(o, 1e-12), b + 1, p0), 1.0)
        alpha = 1 - level
        p_low = np.where(o > 0, stats.beta.ppf(alpha / 2, np.maximum(o, 1e-12), b + 1), 0.0)
        p_high = np.where(b > 0, stats.beta.ppf(1 - alpha / 2, o + 1, np.maximum(b, 1e-12)), 1.0)
        odds_to_ratio = w_base / w_recent
        ratio = np.where(
            b > 0, (observed / w_recent) / (baseline / w_base), np.where(observed > 0, np.inf, np.nan)
        )
        ratio_low = p_low / (1 - p_low) * odds_to_ratio
        ratio_high = np.where(p_high < 1, p_high / (1 - p_high) * odds_to_ratio, np.inf)
    return {
        "p_value": np.clip(p_value, 0.0, 1.0),
        "ratio": ratio,
        "ratio_low": ratio_low,
        "ratio_high": ratio_high,
    }


def benjamini_hochberg(p_values: np.ndarray) -> np.ndarray:
    """BH-adjusted q-values (NaN stays NaN)."""
    p = np.asarray(p_values, dtype=float)
    q = np.full_like(p, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0:
        return q
    order = np.argsort(p[ok])
    ranked = p[ok][order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    values = np.empty(m)
    values[order] = np.minimum(adjusted, 1.0)
    q[ok] = values
    return q


def _series_matrix(
    monthly: pd.DataFrame, keys: list[str], months: pd.DatetimeIndex
) -> tuple[pd.DataFrame, np.ndarray]:
    wide = monthly.pivot_table(index=keys, columns="month", values="complaints", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=months, fill_value=0)
    return wide.index.to_frame(index=False), wide.to_numpy(dtype=float)


def detect_spikes(
    monthly: pd.DataFrame,
    end_month: pd.Timestamp | object,
    *,
    series: Sequence[Sequence[str]] = (("unit_id",),),
    settings: SpikeSettings | None = None,
    history_start: pd.Timestamp | object | None = None,
) -> SpikeResult:
    """Test every series for a rise in the recent window against its own baseline.

    ``monthly``: ``month`` (month start), ``complaints`` and the key columns of
    every entry of ``series`` (e.g. ``[("unit_id",), ("unit_id", "theme")]``:
    unit totals and unit × theme). Rows whose key is missing (an unknown theme)
    are left out of that family only. ``end_month`` is the last month of the
    recent window (see :func:`last_complete_month`); ``history_start`` the first
    month the data could hold complaints (default: the first month in
    ``monthly``), so that a unit's quiet months count as zeros, not as missing.

    Returns one row per series with ``family`` (the key columns joined by "×"),
    the keys, ``observed``, ``expected``, ``ratio`` with ``ratio_low``/
    ``ratio_high``, ``p_value``, ``q_value``, ``flagged``, ``tested`` and
    ``baseline_rate`` (complaints per average month in the baseline).
    """
    settings = settings or SpikeSettings()
    end = pd.Timestamp(end_month).to_period("M").start_time
    empty = SpikeResult(pd.DataFrame(), None, None, None, False, np.ones(12), {}, settings)
    if monthly.empty:
        return empty
    frame = monthly.assign(month=pd.to_datetime(monthly["month"]).dt.to_period("M").dt.start_time)
    first = pd.Timestamp(history_start) if history_start is not None else frame["month"].min()
    first = first.to_period("M").start_time
    months = _month_grid(first, end)
    frame = frame[(frame["month"] >= first) & (frame["month"] <= end)]
    n_recent = settings.recent_months
    gap = settings.gap_months
    if len(months) < n_recent + gap + settings.min_baseline_months:
        return SpikeResult(pd.DataFrame(), months[-n_recent] if len(months) >= n_recent else None, end, None,
                           False, np.ones(12), {}, settings)  # fmt: skip
    recent = months[-n_recent:]
    before = months[: len(months) - n_recent - gap]
    baseline = before[-settings.baseline_months :]

    totals = frame.groupby("month")["complaints"].sum().reindex(months[:-n_recent], fill_value=0)
    factors, seasonal = seasonal_factors(totals, min_months=settings.seasonal_min_months)
    weight_of = factors[months.month.to_numpy() - 1]
    w_recent_months = weight_of[-n_recent:]
    w_base_months = weight_of[len(before) - len(baseline) : len(before)]
    w_recent, w_base = float(w_recent_months.sum()), float(w_base_months.sum())

    rows: list[pd.DataFrame] = []
    dispersion: dict[str, float] = {}
    for keys in series:
        keys = list(keys)
        family = "×".join(keys)
        subset = frame.dropna(subset=keys)
        if subset.empty:
            continue
        index, matrix = _series_matrix(subset, keys, months)
        base_counts = matrix[:, len(before) - len(baseline) : len(before)]
        recent_counts = matrix[:, -n_recent:]
        phi = _pooled_dispersion(base_counts, w_base_months)
        dispersion[family] = phi
        observed = recent_counts.sum(axis=1)
        base_total = base_counts.sum(axis=1)
        test = _conditional_test(observed, base_total, w_recent, w_base, phi, settings.level)
        out = index.copy()
        out.insert(0, "family", family)
        out["observed"] = observed.astype("int64")
        out["baseline"] = base_total.astype("int64")
        out["baseline_rate"] = base_total / w_base
        out["expected"] = base_total * w_recent / w_base
        for name, values in test.items():
            out[name] = values
        out["tested"] = observed + base_total > 0
        out.loc[~out["tested"], "p_value"] = np.nan
        year_start = len(months) - n_recent - 12
        if year_start >= 0:
            last_year = matrix[:, year_start : year_start + n_recent].sum(axis=1)
            w_last_year = float(weight_of[year_start : year_start + n_recent].sum())
            yoy = _conditional_test(observed, last_year, w_recent, w_last_year, phi, settings.level)
            out["last_year"] = last_year.astype("int64")
            out["p_last_year"] = yoy["p_value"]
            out["seasonal_check"] = "last_year"
        else:
            out["last_year"] = pd.array([pd.NA] * len(out), dtype="Int64")
            out["p_last_year"] = np.nan
            out["seasonal_check"] = "model" if seasonal else "none"
        rows.append(out)
    if not rows:
        return SpikeResult(
            pd.DataFrame(), recent[0], end, baseline[0], seasonal, factors, dispersion, settings
        )
    result = pd.concat(rows, ignore_index=True)
    if settings.adjust == "bh":
        result["q_value"] = benjamini_hochberg(result["p_value"].to_numpy())
    elif settings.adjust == "none":
        result["q_value"] = result["p_value"]
    else:
        raise ValueError(f"adjust must be 'bh' or 'none', not {settings.adjust!r}")
    above_last_year = result["p_last_year"].isna() | (result["p_last_year"] <= settings.alpha)
    result["flagged"] = (
        result["tested"]
        & (result["q_value"] <= settings.alpha)
        & above_last_year
        & (result["observed"] >= settings.min_observed)
        & (result["ratio"] >= settings.min_ratio)
    )
    return SpikeResult(result, recent[0], end, baseline[0], seasonal, factors, dispersion, settings)


def expected_by_month(result: SpikeResult, months: pd.DatetimeIndex) -> pd.DataFrame:
    """Per series and month, the count expected from its baseline (for drawing the "normal" band).

    Columns: the series keys, ``family``, ``month``, ``expected``, ``expected_low``,
    ``expected_high`` (95 % Poisson range of a single month at that rate, widened by φ).
    """
    if result.series.empty:
        return pd.DataFrame()
    factors = result.seasonal_factors[months.month.to_numpy() - 1]
    frames = []
    for family, group in result.series.groupby("family"):
        phi = result.dispersion.get(str(family), 1.0)
        rate = group["baseline_rate"].to_numpy()[:, None] * factors[None, :]
        keys = group.drop(columns=[c for c in group.columns if c not in str(family).split("×")])
        expanded = keys.loc[keys.index.repeat(len(months))].reset_index(drop=True)
        expanded["family"] = family
        expanded["month"] = np.tile(months.to_numpy(), len(group))
        expanded["expected"] = rate.ravel()
        sd = np.sqrt(phi * rate.ravel())
        expanded["expected_low"] = np.maximum(rate.ravel() - 1.96 * sd, 0.0)
        expanded["expected_high"] = rate.ravel() + 1.96 * sd
        frames.append(expanded)
    return pd.concat(frames, ignore_index=True)
