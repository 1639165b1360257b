"""Kirkpatrick level 2 (learning): what participants know after a programme compared with before.

The same person's pre-test and post-test (0–100) are compared pairwise: paired
t-test and Wilcoxon signed-rank, the mean gain with its confidence interval, the
standardised effect d_z (mean gain ÷ SD of gains, as in Arthur et al. 2003's
yardstick d ≈ 0.6) with an exact noncentral-t interval, and Hake's normalised
gain. Participants who sat only one of the tests cannot enter a paired analysis;
they are counted and reported rather than dropped silently, because a programme
whose weakest participants skipped the post-test looks better than it is.

All distributions come from scipy; nothing here is hand-written statistics.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy import optimize, stats
from statsmodels.stats.multitest import multipletests

#: Below this many pairs, or when the gains are not plausibly normal, the
#: Wilcoxon signed-rank test is the primary test (the t-test is still reported).
WILCOXON_BELOW_N = 30
#: Shapiro–Wilk p below this marks the gains as skewed / non-normal.
SHAPIRO_ALPHA = 0.05
#: Arthur et al. (2003): typical training effects are around d ≈ 0.6 at every level.
YARDSTICK_D = 0.6
#: Hake's bands for the normalised gain g.
HAKE_LOW, HAKE_HIGH = 0.3, 0.7


@dataclass(frozen=True)
class ParticipantCounts:
    """How many participants have which tests: only ``paired`` enter the analysis."""

    paired: int
    pre_only: int
    post_only: int
    neither: int

    @property
    def total(self) -> int:
        return self.paired + self.pre_only + self.post_only + self.neither

    @property
    def unpaired(self) -> int:
        return self.pre_only + self.post_only + self.neither


@dataclass(frozen=True)
class LearningResult:
    """Paired pre/post comparison of one group of participants.

    ``primary_test`` names the test whose p-value (``primary_p``) decides the
    verdict: ``"wilcoxon"`` for fewer than 30 pairs or skewed gains (Shapiro–Wilk
    p < 0.05), else ``"t"``. Gains are post − pre, so positive means improvement.
    """

    counts: ParticipantCounts
    confidence: float
    mean_pre: float
    mean_post: float
    mean_gain: float
    sd_gain: float
    median_gain: float
    ci_low: float
    ci_high: float
    t_stat: float
    df: float
    p_t: float
    wilcoxon_stat: float
    p_wilcoxon: float
    shapiro_p: float
    primary_test: str
    primary_p: float
    d_z: float
    d_z_ci_low: float
    d_z_ci_high: float
    hake_class: float
    hake_individual_mean: float
    hake_individual_ci_low: float
    hake_individual_ci_high: float
    hake_individual_n: int
    hake_excluded_at_max: int
    hake_band: str | None

    @property
    def n(self) -> int:
        return self.counts.paired

    def as_dict(self) -> dict[str, object]:
        out = asdict(self)
        counts = out.pop("counts")
        out.update({f"n_{k}": v for k, v in counts.items()})
        return out


def participant_counts(pre: pd.Series, post: pd.Series) -> ParticipantCounts:
    """Count participants by which of the two tests they have a score for."""
    has_pre = pd.Series(pre).notna().to_numpy()
    has_post = pd.Series(post).notna().to_numpy()
    return ParticipantCounts(
        paired=int((has_pre & has_post).sum()),
        pre_only=int((has_pre & ~has_post).sum()),
        post_only=int((~has_pre & has_post).sum()),
        neither=int((~has_pre & ~has_post).sum()),
    )


def dz_confidence_interval(d_z: float, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Exact CI of d_z by inverting the noncentral t distribution of t = d_z·√n (df = n − 1).

    The limits are the noncentrality parameters λ for which the observed t sits
    at the upper and lower (1 − confidence)/2 tail, divided by √n
    (Steiger & Fouladi 1997; Cumming 2012).
    """
    if n < 2 or not math.isfinite(d_z):
        return (math.nan, math.nan)
    df = n - 1
    t_obs = d_z * math.sqrt(n)
    tail = (1 - confidence) / 2

    def solve(target: float) -> float:
        # cdf(t_obs; λ) decreases in λ: find λ with cdf = target.
        def f(ncp: float) -> float:
            return float(stats.nct.cdf(t_obs, df, ncp)) - target

        # the SD of a noncentral t near λ = t is about sqrt(1 + t²/(2 df)): bracket in those steps
        width = 5.0 * math.sqrt(1.0 + t_obs**2 / (2.0 * df))
        lo, hi = t_obs - width, t_obs + width
        while f(lo) < 0:
            lo -= width
        while f(hi) > 0:
            hi += width
        return optimize.brentq(f, lo, hi, xtol=1e-10)

    ncp_low = solve(1 - tail)
    ncp_high = solve(tail)
    return (ncp_low / math.sqrt(n), ncp_high / math.sqrt(n))


def hake_band(g: float) -> str | None:
    """``low`` (< 0.3), ``medium`` (0.3–0.7) or ``high`` (> 0.7); None when undefined."""
    if not math.isfinite(g):
        return None
    if g < HAKE_LOW:
        return "low"
    if g <= HAKE_HIGH:
        return "medium"
    return "high"


def hake_class_gain(pre: np.ndarray, post: np.ndarray, max_score: float = 100.0) -> float:
    """Class-level g = (mean post − mean pre) / (max − mean pre); NaN if the class started at max."""
    if len(pre) == 0:
        return math.nan
    mean_pre = float(np.mean(pre))
    room = max_score - mean_pre
    if room <= 0:
        return math.nan
    return (float(np.mean(post)) - mean_pre) / room


def hake_individual_gains(
    pre: np.ndarray, post: np.ndarray, max_score: float = 100.0
) -> tuple[np.ndarray, int]:
    """Each person's g = (post − pre)/(max − pre); people already at max are excluded and counted."""
    pre = np.asarray(pre, dtype=float)
    post = np.asarray(post, dtype=float)
    defined = pre < max_score
    gains = (post[defined] - pre[defined]) / (max_score - pre[defined])
    return gains, int((~defined).sum())


def _t_interval(values: np.ndarray, confidence: float) -> tuple[float, float]:
    n = len(values)
    if n < 2:
        return (math.nan, math.nan)
    mean = float(np.mean(values))
    se = float(np.std(values, ddof=1)) / math.sqrt(n)
    if se == 0:
        return (mean, mean)
    q = float(stats.t.ppf(0.5 + confidence / 2, n - 1))
    return (mean - q * se, mean + q * se)


def learning_effect(
    pre: pd.Series | np.ndarray,
    post: pd.Series | np.ndarray,
    *,
    confidence: float = 0.95,
    max_score: float = 100.0,
) -> LearningResult:
    """The paired pre/post analysis of one group; rows with a missing test are counted, not used.

    Works for any n: below 2 pairs the statistics are NaN (and ``primary_test``
    is ``"none"``), never an exception, so a page can show "too few pairs".
    """
    pre_s = pd.Series(np.asarray(pre, dtype=float))
    post_s = pd.Series(np.asarray(post, dtype=float))
    counts = participant_counts(pre_s, post_s)
    both = pre_s.notna() & post_s.notna()
    x = pre_s[both].to_numpy()
    y = post_s[both].to_numpy()
    diff = y - x
    n = len(diff)
    nan = math.nan

    mean_gain = float(np.mean(diff)) if n else nan
    sd_gain = float(np.std(diff, ddof=1)) if n >= 2 else nan
    t_stat = df = p_t = ci_low = ci_high = nan
    if n >= 2:
        df = float(n - 1)
        if sd_gain > 0:
            res = stats.ttest_rel(y, x)
            t_stat, p_t = float(res.statistic), float(res.pvalue)
            ci = res.confidence_interval(confidence_level=confidence)
            ci_low, ci_high = float(ci.low), float(ci.high)
        else:  # every gain identical: no sampling variation to test against
            ci_low = ci_high = mean_gain
            t_stat = math.copysign(math.inf, mean_gain) if mean_gain else nan
            p_t = 0.0 if mean_gain else 1.0

    w_stat = p_w = nan
    if n >= 1 and np.any(diff != 0):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res_w = stats.wilcoxon(diff)
        w_stat, p_w = float(res_w.statistic), float(res_w.pvalue)
    elif n >= 1:
        p_w = 1.0

    shapiro_p = nan
    if n >= 3 and sd_gain > 0:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            shapiro_p = float(stats.shapiro(diff).pvalue)

    if n < 2:
        primary, primary_p = "none", nan
    elif n < WILCOXON_BELOW_N or (math.isfinite(shapiro_p) and shapiro_p < SHAPIRO_ALPHA):
        primary, primary_p = "wilcoxon", p_w
    else:
        primary, primary_p = "t", p_t

    d_z = mean_gain / sd_gain if n >= 2 and sd_gain > 0 else nan
    d_lo, d_hi = dz_confidence_interval(d_z, n, confidence)

    g_class = hake_class_gain(x, y, max_score)
    g_ind, excluded = hake_individual_gains(x, y, max_score)
    g_mean = float(np.mean(g_ind)) if len(g_ind) else nan
    g_lo, g_hi = _t_interval(g_ind, confidence)

    return LearningResult(
        counts=counts,
        confidence=confidence,
        mean_pre=float(np.mean(x)) if n else nan,
        mean_post=float(np.mean(y)) if n else nan,
        mean_gain=mean_gain,
        sd_gain=sd_gain,
        median_gain=float(np.median(diff)) if n else nan,
        ci_low=ci_low,
        ci_high=ci_high,
        t_stat=t_stat,
        df=df,
        p_t=p_t,
        wilcoxon_stat=w_stat,
        p_wilcoxon=p_w,
        shapiro_p=shapiro_p,
        primary_test=primary,
        primary_p=primary_p,
        d_z=d_z,
        d_z_ci_low=d_lo,
        d_z_ci_high=d_hi,
        hake_class=g_class,
        hake_individual_mean=g_mean,
        hake_individual_ci_low=g_lo,
        hake_individual_ci_high=g_hi,
        hake_individual_n=len(g_ind),
        hake_excluded_at_max=excluded,
        hake_band=hake_band(g_class),
    )


def verdict(mean_gain: float, p_adjusted: float, n: int, alpha: float = 0.05) -> str:
    """``gain`` / ``loss`` only when the (multiplicity-adjusted) test is significant; else ``unclear``.

    ``insufficient`` below 2 pairs. A programme is never called effective on a
    point estimate alone.
    """
    if n < 2 or not math.isfinite(p_adjusted):
        return "insufficient"
    if p_adjusted < alpha:
        return "gain" if mean_gain > 0 else "loss"
    return "unclear"


def learning_by_program(
    participations: pd.DataFrame,
    *,
    confidence: float = 0.95,
    alpha: float = 0.05,
    max_score: float = 100.0,
) -> pd.DataFrame:
    """One row per programme: :class:`LearningResult` fields, Holm-adjusted p and a verdict.

    ``participations`` needs ``program_code``, ``pre_score``, ``post_score`` (and
    ``program_name`` if present is carried along). When many programmes are
    compared at once, some would look "significant" by chance alone; the Holm
    adjustment (statsmodels ``multipletests``) over the programmes in the table
    keeps the chance of calling any do-nothing programme effective at ``alpha``.
    """
    rows: list[dict[str, object]] = []
    for code, group in participations.groupby("program_code", sort=True):
        res = learning_effect(
            group["pre_score"], group["post_score"], confidence=confidence, max_score=max_score
        )
        row: dict[str, object] = {"program_code": code}
        if "program_name" in group:
            row["program_name"] = group["program_name"].iloc[0]
        row.update(res.as_dict())
        rows.append(row)
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    p = table["primary_p"].astype(float)
    testable = p.notna().to_numpy()
    adjusted = np.full(len(table), np.nan)
    if testable.any():
        adjusted[testable] = multipletests(p[testable].to_numpy(), alpha=alpha, method="holm")[1]
    table["p_holm"] = adjusted
    table["verdict"] = [
        verdict(g, pa, n, alpha)
        for g, pa, n in zip(table["mean_gain"], table["p_holm"], table["n_paired"], strict=True)
    ]
    table["above_yardstick"] = table["d_z"] >= YARDSTICK_D
    return table
