"""Kirkpatrick level 4 (results): did units' service improve after their staff were trained?

Units are trained at different times (staggered adoption), so a two-way fixed
effects regression would compare late-trained units with already-trained ones
and can be badly biased when effects grow over time (Goodman-Bacon 2021). This
module implements the group-time estimator of Callaway & Sant'Anna (2021),
without covariates:

* ATT(g, t): for units first trained in quarter g, the change in the outcome
  from the reference quarter g − 1 to quarter t, minus the same change among
  comparison units: not-yet-trained units (trained after max(t, g − 1), or
  never) or, on request, never-trained units only. The reference quarter is the
  same for pre- and post-periods ("universal base period"), so the pre-period
  estimates are the pre-trends of an event-study plot and e = −1 is zero.
* θ(e): ATT(g, g + e) averaged over cohorts with weights proportional to cohort
  size; the overall effect averages θ(e) over the post-training quarters.

Inference uses the estimator's influence function (one value per unit, so
errors are clustered by unit), including the term for estimating the cohort
weights, as in the R package ``did``. Each group variance uses the n − 1
denominator (Welch), and intervals use Student's t with (treated units − 1)
degrees of freedom because a city has few treated units and normal-based
intervals would be too narrow. Pre-trends (θ(e) for e = −4 … −2) are tested
jointly with a Wald statistic referred to an F distribution; in simulations
with parallel trends it rejects at or below its nominal 5 %.

**Clean comparison units.** A unit that *another* programme trained shortly
before or during a cell's window is not "untrained": its outcome moves for a
reason of its own, and comparing with it biases the effect (a do-nothing
programme came out ×1.10 on service days against such units and ×0.97 without
them). Given ``other_training`` (unit, quarter in which another course reached
the threshold in that unit), a unit is left out of the comparison group of
cell (g, t) when any such quarter falls in [min(g − 1, t) − ``clean_window``,
max(g − 1, t)], the same rule level 3 applies to recently trained colleagues.
A *treated* unit that another course trained in that window is left out of
the cell too: it would lend the other course's effect to this one.

Quarters are integers (``year * 4 + quarter − 1``): see :func:`lib.periods.quarter_index`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

ControlGroup = Literal["notyet", "never"]

#: Share of a unit's staff trained in the selected programme(s) at which the unit counts as trained.
DEFAULT_THRESHOLD = 0.5
#: Quarters before a cell's window in which another programme's training still disqualifies a comparison unit.
CLEAN_WINDOW = 4


@dataclass(frozen=True)
class Estimate:
    """A point estimate with its standard error, confidence interval, p-value and n."""

    estimate: float
    se: float
    ci_low: float
    ci_high: float
    p: float
    n: int
    df: float = math.inf

    @classmethod
    def from_se(cls, estimate: float, se: float, n: int, df: float, confidence: float) -> Estimate:
        if not (math.isfinite(estimate) and math.isfinite(se)):
            return cls(estimate, se, math.nan, math.nan, math.nan, n, df)
        if math.isfinite(df):
            q = float(stats.t.ppf(0.5 + confidence / 2, df))
            p = float(2 * stats.t.sf(abs(estimate / se), df)) if se > 0 else (0.0 if estimate else 1.0)
        else:
            q = float(stats.norm.ppf(0.5 + confidence / 2))
            p = float(2 * stats.norm.sf(abs(estimate / se))) if se > 0 else (0.0 if estimate else 1.0)
        return cls(estimate, se, estimate - q * se, estimate + q * se, p, n, df)

    @classmethod
    def empty(cls, n: int = 0) -> Estimate:
        return cls(math.nan, math.nan, math.nan, math.nan, math.nan, n)

    @property
    def covers_zero(self) -> bool:
        return bool(self.ci_low <= 0 <= self.ci_high)


@dataclass(frozen=True)
class EventStudy:
    """Everything the page, CLI and sentences need about one outcome's staggered DiD.

    ``cells`` holds ATT(g, t); ``event`` holds θ(e) (``pre`` marks e < 0);
    ``overall`` averages θ(e) for e ≥ ``effect_from``; ``baseline_gap`` is how
    far trained units' outcome level was from their comparison units' in the
    reference quarter (negative: the trained units started lower — the setting
    in which regression to the mean is a risk).
    """

    control: ControlGroup
    confidence: float
    effect_from: int
    cells: pd.DataFrame
    event: pd.DataFrame
    overall: Estimate
    pretrend_chi2: float
    pretrend_df: int
    pretrend_p: float
    baseline_gap: Estimate
    n_units: int
    n_treated_units: int
    n_cohorts: int
    n_never_treated: int
    n_dropped_treated_at_start: int
    cohorts: dict[int, int] = field(default_factory=dict)
    #: units another programme trained in a cell's window, kept out of its comparison group
    n_excluded_controls: int = 0

    @property
    def estimable(self) -> bool:
        return math.isfinite(self.overall.estimate)


def first_trained_by_quarter(completions: pd.DataFrame) -> pd.DataFrame:
    """Per unit and quarter, employees trained for the first time (``unit_id``, ``quarter``, ``trained``).

    ``completions``: ``employee_id``, ``unit_id``, ``quarter`` of each attended
    participation in the selected programme(s). Counting each employee once
    makes the running sum the number of distinct trained staff.
    """
    if completions.empty:
        return pd.DataFrame({"unit_id": [], "quarter": [], "trained": []}, dtype="int64")
    columns = completions[["employee_id", "unit_id", "quarter"]]
    if columns.isna().to_numpy().any():
        first = columns.groupby("employee_id", as_index=False).agg(
            unit_id=("unit_id", "first"), quarter=("quarter", "min")
        )
        counts = first.groupby(["unit_id", "quarter"]).size().rename("trained").reset_index()
        return counts.astype("int64")
    # the same in numpy (level 4 calls this for every course of a city): each employee's unit on
    # their first row and earliest quarter, then employees per (unit, quarter) in that order
    employees, first_row, employee_of_row = np.unique(
        columns["employee_id"].to_numpy(), return_index=True, return_inverse=True
    )
    earliest = np.full(len(employees), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(earliest, employee_of_row.ravel(), columns["quarter"].to_numpy(dtype=np.int64))
    units = columns["unit_id"].to_numpy()[first_row].astype(np.int64)
    pairs, trained = np.unique(np.column_stack([units, earliest]), axis=0, return_counts=True)
    return pd.DataFrame({"unit_id": pairs[:, 0], "quarter": pairs[:, 1], "trained": trained.astype(np.int64)})


def treatment_quarters(
    staff: pd.Series, trained_by_quarter: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD
) -> pd.Series:
    """Quarter in which each unit's cumulative share of trained staff first reaches ``threshold``.

    ``staff``: unit → number of employees (the denominator). ``trained_by_quarter``:
    columns ``unit_id``, ``quarter`` (int), ``trained`` = employees of the unit
    first trained in that quarter. Units never reaching the threshold are absent.
    """
    if trained_by_quarter.empty:
        return pd.Series(dtype="int64", name="first_treated")
    frame = trained_by_quarter.sort_values(["unit_id", "quarter"]).copy()
    frame["cumulative"] = frame.groupby("unit_id")["trained"].cumsum()
    frame["staff"] = frame["unit_id"].map(staff)
    frame = frame[frame["staff"] > 0]
    frame["share"] = frame["cumulative"] / frame["staff"]
    crossed = frame[frame["share"] >= threshold]
    first = crossed.groupby("unit_id")["quarter"].min().astype("int64")
    first.name = "first_treated"
    return first


def _df_for(n_treated: int) -> float:
    return float(max(n_treated - 1, 1))


def _weight_influence(keep_groups: np.ndarray, group_of_unit: np.ndarray, pg: np.ndarray) -> np.ndarray:
    """Influence function of the cohort-size weights pg_k / Σ pg (Callaway & Sant'Anna, ``did::wif``)."""
    total = pg.sum()
    indicator = (group_of_unit[:, None] == keep_groups[None, :]).astype(float) - pg[None, :]
    if1 = indicator / total
    if2 = indicator.sum(axis=1, keepdims=True) @ (pg[None, :] / total**2)
    return if1 - if2


def _other_training_pairs(
    other: pd.DataFrame | None, units: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """Another programme's training as two aligned arrays: the unit's position in ``units`` and the
    quarter (units not in ``units`` left out); None when there is no other training at all."""
    if other is None or other.empty:
        return None
    position = pd.Index(units).get_indexer(other["unit_id"].to_numpy())
    known = position >= 0
    return position[known], other["quarter"].to_numpy(dtype=float)[known]


def _trained_between(pairs: tuple[np.ndarray, np.ndarray], n_units: int, low: int, high: int) -> np.ndarray:
    """True for units (by position) with another programme's training quarter in [low, high]."""
    position, quarter = pairs
    busy = np.zeros(n_units, dtype=bool)
    busy[position[(quarter >= low) & (quarter <= high)]] = True
    return busy


def _comparison_units(g_all: np.ndarray, g: int, untreated_through: int, control: ControlGroup) -> np.ndarray:
    """Units usable as comparison for cohort g: never trained, or (``notyet``) not trained by then."""
    if control == "never":
        return np.isinf(g_all)
    return (g_all > untreated_through) & (g_all != g)


def _welch_influence(values: np.ndarray, mask: np.ndarray, n_total: int) -> tuple[float, np.ndarray]:
    """Mean of ``values[mask]`` and its influence function scaled so Σψ²/N² is s²/n (ddof 1)."""
    n = int(mask.sum())
    mean = float(values[mask].mean())
    psi = np.zeros(len(values))
    scale = math.sqrt(n / (n - 1)) if n > 1 else 1.0
    psi[mask] = n_total / n * (values[mask] - mean) * scale
    return mean, psi


def outcome_wide(panel: pd.DataFrame, outcome: str = "y") -> pd.DataFrame:
    """Units × consecutive quarters matrix of one outcome (NaN where a unit-quarter has no data).

    Build it once and pass it as ``wide=`` when many selections are evaluated on
    the same outcome: the pivot is the costly part.
    """
    data = panel[["unit_id", "quarter", outcome]].dropna()
    if data.empty:
        return pd.DataFrame(dtype=float)
    quarters = np.arange(int(data["quarter"].min()), int(data["quarter"].max()) + 1)
    wide = data.pivot_table(index="unit_id", columns="quarter", values=outcome, aggfunc="mean")
    return wide.reindex(columns=quarters).sort_index()


def callaway_santanna(
    panel: pd.DataFrame | None,
    first_treated: pd.Series,
    *,
    outcome: str = "y",
    wide: pd.DataFrame | None = None,
    control: ControlGroup = "notyet",
    confidence: float = 0.95,
    effect_from: int = 1,
    min_treated: int = 2,
    min_control: int = 2,
    pretrend_leads: int = 4,
    other_training: pd.DataFrame | None = None,
    clean_window: int = CLEAN_WINDOW,
) -> EventStudy:
    """Group-time ATTs, their event-time aggregation, pre-trend test and baseline gap.

    ``panel``: columns ``unit_id``, ``quarter`` (int) and ``outcome``; missing
    unit-quarters are allowed (a cell uses the units observed in both t and
    g − 1). Instead of ``panel``, a prepared :func:`outcome_wide` matrix may be
    given as ``wide``. ``first_treated``: unit → first treated quarter; units
    not in it (or NaN) are never treated. Units already treated in the panel's
    first quarter have no pre-period and are left out (counted in
    ``n_dropped_treated_at_start``).

    ``effect_from`` is the first event time counted in the overall effect: the
    default 1 leaves out e = 0, the quarter in which the training took place,
    because in that quarter the unit was trained only part of the time.
    Cells with fewer than ``min_treated`` treated or ``min_control`` comparison
    units are not estimated (a variance needs two of each). Pre-trends are
    tested jointly over event times −``pretrend_leads`` … −2 (the leads most
    cohorts share) with a Wald statistic referred to an F distribution, since
    the covariance is estimated from few treated units.

    ``other_training`` (``unit_id``, ``quarter``): when another programme
    trained a unit; such a unit is not a comparison unit for a cell whose
    window it falls in, or falls up to ``clean_window`` quarters before (see
    the module docstring). ``n_excluded_controls`` counts the units left out
    of at least one cell this way.
    """
    if wide is None:
        wide = outcome_wide(
            panel if panel is not None else pd.DataFrame(columns=["unit_id", "quarter", outcome]), outcome
        )
    if wide.empty:
        return _empty_study(control, confidence, effect_from)
    quarters = wide.columns.to_numpy(dtype=int)
    first_q = int(quarters[0])
    units = wide.index.to_numpy()
    g_all = pd.Series(first_treated, dtype="float64").reindex(units).to_numpy()
    g_all = np.where(np.isnan(g_all), np.inf, g_all)
    too_early = g_all <= first_q
    units, g_all = units[~too_early], g_all[~too_early]
    n_units = len(units)
    if n_units == 0:
        return _empty_study(control, confidence, effect_from, dropped=int(too_early.sum()))
    y = wide.to_numpy(dtype=float)[~too_early]
    col = {int(q): i for i, q in enumerate(quarters)}
    other_pairs = _other_training_pairs(other_training, units)
    excluded_any = np.zeros(n_units, dtype=bool)

    cohort_values = sorted(int(g) for g in np.unique(g_all[np.isfinite(g_all)]) if g - 1 in col)
    cohort_sizes = {g: int((g_all == g).sum()) for g in cohort_values}
    cells: list[dict[str, float]] = []
    influence: list[np.ndarray] = []
    for g in cohort_values:
        base = g - 1
        treated = g_all == g
        for t in quarters:
            t = int(t)
            if t == base:
                continue
            comparison = _comparison_units(g_all, g, max(t, base), control)
            cell_treated = treated
            if other_pairs is not None:
                busy = _trained_between(other_pairs, n_units, min(t, base) - clean_window, max(t, base))
                excluded_any |= comparison & busy
                comparison = comparison & ~busy
                # a trained unit that another course also trained in the window would lend
                # that course's effect to this one: it is left out of the cell as well
                cell_treated = treated & ~busy
            change = y[:, col[t]] - y[:, col[base]]
            tr = cell_treated & np.isfinite(change)
            ct = comparison & np.isfinite(change)
            n_t, n_c = int(tr.sum()), int(ct.sum())
            if n_t < min_treated or n_c < min_control:
                continue
            m_t, psi_t = _welch_influence(change, tr, n_units)
            m_c, psi_c = _welch_influence(change, ct, n_units)
            psi = psi_t - psi_c
            att = m_t - m_c
            se = math.sqrt(float((psi**2).sum())) / n_units
            est = Estimate.from_se(att, se, n_t, _df_for(n_t), confidence)
            cells.append(
                {
                    "g": g,
                    "t": t,
                    "e": t - g,
                    "att": att,
                    "se": se,
                    "ci_low": est.ci_low,
                    "ci_high": est.ci_high,
                    "n_treated": n_t,
                    "n_control": n_c,
                }
            )
            influence.append(psi)

    cell_frame = pd.DataFrame(
        cells, columns=["g", "t", "e", "att", "se", "ci_low", "ci_high", "n_treated", "n_control"]
    )
    psi_matrix = np.column_stack(influence) if influence else np.zeros((n_units, 0))
    pg_all = np.array([cohort_sizes[int(g)] / n_units for g in cell_frame["g"]]) if cells else np.array([])

    event_rows: list[dict[str, float]] = []
    event_psi: dict[int, np.ndarray] = {}
    for e in sorted(cell_frame["e"].unique()) if cells else []:
        keep = np.flatnonzero(cell_frame["e"].to_numpy() == e)
        att_k = cell_frame["att"].to_numpy()[keep]
        pg_k = pg_all[keep]
        groups_k = cell_frame["g"].to_numpy()[keep].astype(float)
        weights = pg_k / pg_k.sum()
        theta = float(weights @ att_k)
        psi_e = psi_matrix[:, keep] @ weights + _weight_influence(groups_k, g_all, pg_k) @ att_k
        se = math.sqrt(float((psi_e**2).sum())) / n_units
        n_treated = int(cell_frame["n_treated"].to_numpy()[keep].sum())
        est = Estimate.from_se(theta, se, n_treated, _df_for(n_treated), confidence)
        event_psi[int(e)] = psi_e
        event_rows.append(
            {
                "e": int(e),
                "att": theta,
                "se": se,
                "ci_low": est.ci_low,
                "ci_high": est.ci_high,
                "p": est.p,
                "n_cohorts": len(keep),
                "n_treated": n_treated,
                "pre": e < 0,
            }
        )
    event = pd.DataFrame(
        event_rows, columns=["e", "att", "se", "ci_low", "ci_high", "p", "n_cohorts", "n_treated", "pre"]
    )

    treated_units = int(sum(cohort_sizes.values()))
    post = [e for e in event_psi if e >= effect_from]
    if post:
        psi_overall = np.mean([event_psi[e] for e in post], axis=0)
        theta_overall = float(event.set_index("e").loc[post, "att"].mean())
        se_overall = math.sqrt(float((psi_overall**2).sum())) / n_units
        overall = Estimate.from_se(
            theta_overall, se_overall, treated_units, _df_for(treated_units), confidence
        )
    else:
        overall = Estimate.empty(treated_units)

    pre = [e for e in event_psi if -pretrend_leads <= e <= -2]
    chi2 = p_pre = math.nan
    rank = 0
    if pre:
        theta_pre = event.set_index("e").loc[pre, "att"].to_numpy()
        psi_pre = np.column_stack([event_psi[e] for e in pre])
        cov = psi_pre.T @ psi_pre / n_units**2
        chi2 = float(theta_pre @ np.linalg.pinv(cov) @ theta_pre)
        rank = int(np.linalg.matrix_rank(cov))
        n_min = int(event.set_index("e").loc[pre, "n_treated"].min())
        if rank:
            # F approximation: the covariance is estimated from few treated units.
            p_pre = float(stats.f.sf(chi2 / rank, rank, max(n_min - rank, 1)))

    gap = _baseline_gap(y, col, g_all, cohort_values, cohort_sizes, control, n_units, confidence)
    return EventStudy(
        control=control,
        confidence=confidence,
        effect_from=effect_from,
        cells=cell_frame,
        event=event,
        overall=overall,
        pretrend_chi2=chi2,
        pretrend_df=rank,
        pretrend_p=p_pre,
        baseline_gap=gap,
        n_units=n_units,
        n_treated_units=treated_units,
        n_cohorts=len(cohort_values),
        n_never_treated=int(np.isinf(g_all).sum()),
        n_dropped_treated_at_start=int(too_early.sum()),
        cohorts=cohort_sizes,
        n_excluded_controls=int(excluded_any.sum()),
    )


def _baseline_gap(
    y: np.ndarray,
    col: dict[int, int],
    g_all: np.ndarray,
    cohorts: list[int],
    sizes: dict[int, int],
    control: ControlGroup,
    n_units: int,
    confidence: float,
) -> Estimate:
    """Treated minus comparison outcome level in each cohort's reference quarter, cohort-size weighted."""
    gaps, weights, psis, n_treated = [], [], [], 0
    for g in cohorts:
        base = g - 1
        level = y[:, col[base]]
        comparison = _comparison_units(g_all, g, base, control)
        tr = (g_all == g) & np.isfinite(level)
        ct = comparison & np.isfinite(level)
        if tr.sum() < 2 or ct.sum() < 2:
            continue
        m_t, psi_t = _welch_influence(level, tr, n_units)
        m_c, psi_c = _welch_influence(level, ct, n_units)
        gaps.append(m_t - m_c)
        weights.append(sizes[g])
        psis.append(psi_t - psi_c)
        n_treated += int(tr.sum())
    if not gaps:
        return Estimate.empty()
    w = np.array(weights, dtype=float) / sum(weights)
    gap = float(w @ np.array(gaps))
    psi = np.column_stack(psis) @ w
    se = math.sqrt(float((psi**2).sum())) / n_units
    return Estimate.from_se(gap, se, n_treated, _df_for(n_treated), confidence)


def _empty_study(control: ControlGroup, confidence: float, effect_from: int, dropped: int = 0) -> EventStudy:
    return EventStudy(
        control=control,
        confidence=confidence,
        effect_from=effect_from,
        cells=pd.DataFrame(
            columns=["g", "t", "e", "att", "se", "ci_low", "ci_high", "n_treated", "n_control"]
        ),
        event=pd.DataFrame(
            columns=["e", "att", "se", "ci_low", "ci_high", "p", "n_cohorts", "n_treated", "pre"]
        ),
        overall=Estimate.empty(),
        pretrend_chi2=math.nan,
        pretrend_df=0,
        pretrend_p=math.nan,
        baseline_gap=Estimate.empty(),
        n_units=0,
        n_treated_units=0,
        n_cohorts=0,
        n_never_treated=0,
        n_dropped_treated_at_start=dropped,
    )
