"""Kirkpatrick level 3 (behaviour): did trained employees perform better at work afterwards?

Quarterly SKP scores of employees who completed a selected programme in
quarter g are compared, before (the ``pre`` quarters up to g − 1) and after
(the ``post`` quarters from g + 1; the training quarter itself is left out), with
the same change among colleagues who completed no programme at all in that
window: a 2×2 difference-in-differences per completion quarter ("cohort"),
stacked and averaged with weights proportional to the number trained
(a stacked DiD, Cengiz et al. 2019). The comparison colleagues share the city's
common trend (e.g. a reform that moves everyone's scores) and it is netted out;
unlike a two-way fixed effects regression, no already-trained employee ever
serves as a comparison.

Estimated with statsmodels OLS of each person's change on cohort intercepts and
cohort × trained terms, with standard errors clustered by employee (a colleague
can serve as comparison in several cohorts) and t intervals with
(clusters − 1) degrees of freedom.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import statsmodels.api as sm

from lib.analysis.training_results import Estimate


@dataclass(frozen=True)
class BehaviourResult:
    """The stacked DiD and the plain before/after change of the trained, with counts.

    ``did`` is the effect estimate (trained change minus comparison change, in
    SKP points). ``change_trained`` / ``change_control`` are the raw mean
    changes, shown so a reader sees both halves. ``d`` standardises the effect
    by the SD of pre-period scores, for comparison with the d ≈ 0.6 yardstick.
    ``excluded_other_training`` counts trained employees left out because they
    also completed another programme inside their window (their change would mix
    two trainings).
    """

    did: Estimate
    change_trained: Estimate
    change_control: Estimate
    d: float
    n_trained: int
    n_control: int
    n_control_employees: int
    n_cohorts: int
    excluded_other_training: int
    trained_without_scores: int
    pre_quarters: int
    post_quarters: int
    cohorts: pd.DataFrame

    @property
    def estimable(self) -> bool:
        return math.isfinite(self.did.estimate)


def _mean_estimate(values: np.ndarray, groups: np.ndarray, confidence: float) -> Estimate:
    """Mean change with a CI clustered by employee (a colleague can appear in several cohorts)."""
    n = len(values)
    if n == 0:
        return Estimate.empty()
    mean = float(np.mean(values))
    clusters = len(np.unique(groups))
    if clusters < 2:
        return Estimate(mean, math.nan, math.nan, math.nan, math.nan, n)
    fit = sm.OLS(values, np.ones(n)).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    return Estimate.from_se(mean, float(fit.bse[0]), n, float(clusters - 1), confidence)


def _window_means(wide: pd.DataFrame, employees: np.ndarray, quarters: range) -> np.ndarray:
    """Each employee's mean score over ``quarters`` (NaN when none of them has a score)."""
    columns = [q for q in quarters if q in wide.columns]
    if not columns or len(employees) == 0:
        return np.full(len(employees), np.nan)
    block = wide.reindex(index=employees, columns=columns).to_numpy(dtype=float)
    counts = np.isfinite(block).sum(axis=1)
    totals = np.nansum(block, axis=1)
    return np.where(counts > 0, totals / np.maximum(counts, 1), np.nan)


@dataclass
class BehaviourPanel:
    """SKP scores as an employee × quarter matrix plus every completion, prepared once.

    The comparison group of a cohort quarter depends only on who trained when,
    not on the programme evaluated, so its score changes are cached here and
    reused when many programmes are evaluated on the same data.
    """

    scores: pd.DataFrame
    scores_long: pd.DataFrame
    done: pd.DataFrame
    _controls: dict[tuple[int, int, int], tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)

    def control_changes(self, g: int, pre: int, post: int) -> tuple[np.ndarray, np.ndarray]:
        """Employees with no completion in quarters g − pre … g + post, and their score change."""
        key = (g, pre, post)
        if key not in self._controls:
            employees = self.scores.index.to_numpy(dtype=np.int64)
            busy = self.done.loc[self.done["quarter"].between(g - pre, g + post), "employee_id"].to_numpy(
                np.int64
            )
            controls = employees[~np.isin(employees, busy)]
            change = _window_means(self.scores, controls, range(g + 1, g + post + 1)) - _window_means(
                self.scores, controls, range(g - pre, g)
            )
            ok = np.isfinite(change)
            self._controls[key] = (controls[ok], change[ok])
        return self._controls[key]


def prepare_behaviour(panel: pd.DataFrame, all_completions: pd.DataFrame) -> BehaviourPanel:
    """``panel``: ``employee_id``, ``quarter``, ``score``; ``all_completions``: ``employee_id``, ``quarter``."""
    scores_long = panel.dropna(subset=["score"])
    scores = scores_long.pivot_table(index="employee_id", columns="quarter", values="score", aggfunc="mean")
    done = all_completions[["employee_id", "quarter"]].drop_duplicates().astype("int64")
    return BehaviourPanel(scores=scores, scores_long=scores_long, done=done)


def behaviour_did(
    panel: pd.DataFrame,
    selected_completions: pd.DataFrame,
    all_completions: pd.DataFrame,
    *,
    pre: int = 2,
    post: int = 2,
    confidence: float = 0.95,
    min_per_group: int = 2,
) -> BehaviourResult:
    """Stacked 2×2 DiD of SKP score around the quarter each employee completed a selected programme.

    ``panel``: ``employee_id``, ``quarter`` (int, see ``quarter_index``), ``score``.
    ``selected_completions`` / ``all_completions``: ``employee_id``, ``quarter``
    of each completed participation, in the selected programmes / in any
    programme. An employee's first selected completion defines their cohort;
    colleagues qualify as comparison for cohort g when they completed nothing in
    quarters g − pre … g + post (training before that window shifts their scores
    equally before and after, so it cancels). Trained employees who completed
    another programme in that window in another quarter are left out (counted).
    Cohorts with fewer than ``min_per_group`` trained or comparison employees
    with scores are skipped.
    """
    prepared = prepare_behaviour(panel, all_completions)
    return behaviour_did_prepared(
        prepared, selected_completions, pre=pre, post=post, confidence=confidence, min_per_group=min_per_group
    )


def behaviour_did_prepared(
    prepared: BehaviourPanel,
    selected_completions: pd.DataFrame,
    *,
    pre: int = 2,
    post: int = 2,
    confidence: float = 0.95,
    min_per_group: int = 2,
) -> BehaviourResult:
    """:func:`behaviour_did` on a :class:`BehaviourPanel` prepared once for many programmes."""
    scores = prepared.scores
    done = prepared.done
    first = selected_completions.groupby("employee_id")["quarter"].min().astype(int)

    rows: list[pd.DataFrame] = []
    cohort_rows: list[dict[str, float]] = []
    excluded = without_scores = 0
    for g in sorted(first.unique()):
        trained = first.index[first == g].to_numpy(dtype=np.int64)
        nearby = done[done["employee_id"].isin(trained) & done["quarter"].between(g - pre, g + post)]
        mixed = nearby.loc[nearby["quarter"] != g, "employee_id"].unique()
        excluded += len(mixed)
        trained = trained[~np.isin(trained, mixed)]
        change_t = _window_means(scores, trained, range(g + 1, g + post + 1)) - _window_means(
            scores, trained, range(g - pre, g)
        )
        ok_t = np.isfinite(change_t)
        without_scores += int((~ok_t).sum())
        controls, change_c = prepared.control_changes(int(g), pre, post)
        if ok_t.sum() < min_per_group or len(controls) < min_per_group:
            cohort_rows.append(
                {"cohort": g, "n_trained": int(ok_t.sum()), "n_control": len(controls), "did": math.nan}
            )
            continue
        rows.append(
            pd.DataFrame(
                {
                    "employee_id": np.concatenate([trained[ok_t], controls]),
                    "cohort": g,
                    "trained": np.concatenate([np.ones(ok_t.sum()), np.zeros(len(controls))]),
                    "change": np.concatenate([change_t[ok_t], change_c]),
                }
            )
        )
        cohort_rows.append(
            {
                "cohort": g,
                "n_trained": int(ok_t.sum()),
                "n_control": len(controls),
                "did": float(change_t[ok_t].mean() - change_c.mean()),
            }
        )

    cohorts = pd.DataFrame(cohort_rows, columns=["cohort", "n_trained", "n_control", "did"])
    pre_sd = _pre_score_sd(prepared.scores_long, first, pre)
    if not rows:
        empty = Estimate.empty()
        return BehaviourResult(
            empty, empty, empty, math.nan, 0, 0, 0, 0, excluded, without_scores, pre, post, cohorts
        )

    stacked = pd.concat(rows, ignore_index=True)
    did = _stacked_regression(stacked, confidence)
    is_trained = stacked["trained"] == 1
    trained_changes = stacked.loc[is_trained, "change"].to_numpy()
    control_changes = stacked.loc[~is_trained, "change"].to_numpy()
    used = cohorts.dropna(subset=["did"])
    return BehaviourResult(
        did=did,
        change_trained=_mean_estimate(
            trained_changes, stacked.loc[is_trained, "employee_id"].to_numpy(), confidence
        ),
        change_control=_mean_estimate(
            control_changes, stacked.loc[~is_trained, "employee_id"].to_numpy(), confidence
        ),
        d=did.estimate / pre_sd if pre_sd and math.isfinite(pre_sd) else math.nan,
        n_trained=len(trained_changes),
        n_control=len(control_changes),
        n_control_employees=int(stacked.loc[stacked["trained"] == 0, "employee_id"].nunique()),
        n_cohorts=len(used),
        excluded_other_training=excluded,
        trained_without_scores=without_scores,
        pre_quarters=pre,
        post_quarters=post,
        cohorts=cohorts,
    )


def _stacked_regression(stacked: pd.DataFrame, confidence: float) -> Estimate:
    """OLS change ~ cohort intercepts + cohort × trained; the trained-weighted average of the latter."""
    cohort_values = sorted(stacked["cohort"].unique())
    intercepts = pd.get_dummies(stacked["cohort"]).reindex(columns=cohort_values).astype(float)
    effects = intercepts.mul(stacked["trained"], axis=0)
    design = np.hstack([intercepts.to_numpy(), effects.to_numpy()])
    model = sm.OLS(stacked["change"].to_numpy(), design)
    fit = model.fit(cov_type="cluster", cov_kwds={"groups": stacked["employee_id"].to_numpy()}, use_t=True)
    n_trained = stacked[stacked["trained"] == 1].groupby("cohort").size().reindex(cohort_values).to_numpy()
    weights = n_trained / n_trained.sum()
    contrast = np.concatenate([np.zeros(len(cohort_values)), weights])[None, :]
    test = fit.t_test(contrast)
    estimate = float(np.asarray(test.effect).ravel()[0])
    se = float(np.asarray(test.sd).ravel()[0])
    clusters = int(stacked["employee_id"].nunique())
    return Estimate.from_se(estimate, se, int(n_trained.sum()), float(clusters - 1), confidence)


def _pre_score_sd(scores: pd.DataFrame, first: pd.Series, pre: int) -> float:
    """SD of scores in the pre-training quarters of the trained: the scale for a standardised effect."""
    if scores.empty or first.empty:
        return math.nan
    merged = scores.merge(first.rename("cohort"), left_on="employee_id", right_index=True)
    window = merged[(merged["quarter"] >= merged["cohort"] - pre) & (merged["quarter"] < merged["cohort"])]
    return float(window["score"].std(ddof=1)) if len(window) >= 2 else math.nan
