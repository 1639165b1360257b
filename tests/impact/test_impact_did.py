"""Levels 3 and 4: the stacked DiD and the Callaway & Sant'Anna event study, by hand and by simulation."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf

from lib.analysis.training_behaviour import behaviour_did
from lib.analysis.training_results import (
    callaway_santanna,
    first_trained_by_quarter,
    treatment_quarters,
)
from lib.periods import quarter_index
from lib.periods import quarter_index_label as quarter_label
from lib.periods import quarter_index_start as quarter_start

# ----------------------------------------------------------------------------- level 4 by hand

# Six units over quarters 0..3. A and B first trained in quarter 2, E and F in quarter 3, C and D never.
HAND = {
    "A": (2, [10, 11, 15, 16]),
    "B": (2, [12, 13, 18, 18]),
    "C": (None, [20, 21, 22, 23]),
    "D": (None, [18, 20, 21, 22]),
    "E": (3, [30, 31, 32, 36]),
    "F": (3, [28, 30, 31, 34]),
}


def _hand_panel() -> tuple[pd.DataFrame, pd.Series]:
    ids = {name: i + 1 for i, name in enumerate(HAND)}
    rows = [(ids[name], q, y) for name, (_, ys) in HAND.items() for q, y in enumerate(ys)]
    panel = pd.DataFrame(rows, columns=["unit_id", "quarter", "y"])
    first = pd.Series({ids[n]: g for n, (g, _) in HAND.items() if g is not None})
    return panel, first


def test_group_time_att_by_hand() -> None:
    # Cohort 2 (A, B), reference quarter 1:
    #   t=0: treated Y0−Y1 = −1, −1 (mean −1); not yet treated by quarter 1 = C, D, E, F: −1, −2, −1, −2
    #        (mean −1.5) → ATT(2,0) = 0.5
    #   t=2: treated 4, 5 (4.5); not yet treated by quarter 2 = C, D, E, F: 1, 1, 1, 1 → ATT(2,2) = 3.5
    #        SE: treated variance 0.5/2 = 0.25, controls 0 → SE 0.5
    #   t=3: treated 5, 5; not yet treated by quarter 3 = C, D: 2, 2 → ATT(2,3) = 3
    # Cohort 3 (E, F), reference quarter 2 (A, B already trained: never comparisons):
    #   t=0: treated −2, −3 (−2.5); C, D: −2, −3 (−2.5) → 0;  t=1: −1 vs −1 → 0
    #   t=3: treated 4, 3 (3.5); C, D: 1, 1 → 2.5
    # Event time (equal cohort sizes, so plain means): θ(−3) = 0, θ(−2) = (0.5 + 0)/2 = 0.25,
    # θ(0) = (3.5 + 2.5)/2 = 3, θ(1) = 3. Overall from e = 1: 3; from e = 0: 3.
    panel, first = _hand_panel()
    study = callaway_santanna(panel, first)
    cells = study.cells.set_index(["g", "t"])["att"]
    assert cells[(2, 0)] == pytest.approx(0.5)
    assert cells[(2, 2)] == pytest.approx(3.5)
    assert cells[(2, 3)] == pytest.approx(3.0)
    assert cells[(3, 0)] == pytest.approx(0.0)
    assert cells[(3, 1)] == pytest.approx(0.0)
    assert cells[(3, 3)] == pytest.approx(2.5)
    assert study.cells.set_index(["g", "t"]).loc[(2, 2), "se"] == pytest.approx(0.5)
    assert study.cells.set_index(["g", "t"]).loc[(2, 3), "n_control"] == 2
    event = study.event.set_index("e")["att"]
    assert event.to_dict() == pytest.approx({-3: 0.0, -2: 0.25, 0: 3.0, 1: 3.0})
    assert study.overall.estimate == pytest.approx(3.0)
    assert callaway_santanna(panel, first, effect_from=0).overall.estimate == pytest.approx(3.0)
    assert study.n_treated_units == 4 and study.n_cohorts == 2 and study.n_never_treated == 2
    # Baseline gap in the reference quarter: cohort 2 at quarter 1: (11+13)/2 − (21+20+31+30)/4 = 12 − 25.5
    # = −13.5; cohort 3 at quarter 2: 31.5 − 21.5 = 10 → mean −1.75
    assert study.baseline_gap.estimate == pytest.approx(-1.75)


def test_never_treated_controls_and_units_treated_at_the_start() -> None:
    panel, first = _hand_panel()
    # Cohort 2, t=2 with never-treated controls only: C, D changes 1, 1 → ATT 3.5 again;
    # cohort 3, t=3: C, D → 2.5
    study = callaway_santanna(panel, first, control="never")
    cells = study.cells.set_index(["g", "t"])["att"]
    assert cells[(2, 2)] == pytest.approx(3.5) and cells[(3, 3)] == pytest.approx(2.5)
    # Cohort 2, t=0 now compares with C, D only: −1 − (−1.5) = 0.5
    assert cells[(2, 0)] == pytest.approx(0.5)
    # a unit trained in the first quarter has no "before": left out and counted
    first_early = pd.concat([first, pd.Series({3: 0})])
    early = callaway_santanna(panel, first_early)
    assert early.n_dropped_treated_at_start == 1 and early.n_never_treated == 1


def test_empty_and_degenerate_inputs_do_not_raise() -> None:
    empty = callaway_santanna(pd.DataFrame({"unit_id": [], "quarter": [], "y": []}), pd.Series(dtype=float))
    assert not empty.estimable and empty.event.empty
    panel, _ = _hand_panel()
    nobody = callaway_santanna(panel, pd.Series(dtype=float))
    assert not nobody.estimable and nobody.n_never_treated == 6


def _staggered(seed: int, n: int = 90, quarters: int = 12) -> tuple[pd.DataFrame, pd.Series, np.ndarray]:
    """Units trained in quarter 4, 7 or 10 (or never); the effect grows by 2 points a quarter after training.

    A growing effect in a staggered design is the case where two-way fixed effects
    go wrong: already-trained units serve as controls and their rising effect is
    subtracted (Goodman-Bacon 2021).
    """
    rng = np.random.default_rng(seed)
    cohort = rng.choice([4.0, 7.0, 10.0, np.inf], size=n)
    level = rng.normal(70, 5, n)
    rows = []
    for i in range(n):
        for q in range(quarters):
            effect = 2.0 * (q - cohort[i]) if q >= cohort[i] + 1 else 0.0
            rows.append((i, q, level[i] + 0.5 * q + effect + rng.normal(0, 1)))
    panel = pd.DataFrame(rows, columns=["unit_id", "quarter", "y"])
    first = pd.Series({i: cohort[i] for i in range(n) if np.isfinite(cohort[i])})
    return panel, first, cohort


def test_staggered_adoption_twfe_is_biased_callaway_santanna_is_not() -> None:
    panel, first, cohort = _staggered(seed=11)
    study = callaway_santanna(panel, first)
    event = study.event.set_index("e")
    post = [e for e in event.index if e >= 1]
    truth = float(np.mean([2.0 * e for e in post]))
    assert study.overall.ci_low <= truth <= study.overall.ci_high
    # every post-period θ(e) covers its true 2e; the pre-periods are flat
    for e in post:
        assert event.loc[e, "ci_low"] <= 2.0 * e <= event.loc[e, "ci_high"], e
    assert study.pretrend_p > 0.05
    # two-way fixed effects on the same data (statsmodels directly) are far off
    panel["treated"] = [
        1.0 if q >= cohort[u] + 1 else 0.0 for u, q in zip(panel["unit_id"], panel["quarter"], strict=True)
    ]
    twfe = smf.ols("y ~ treated + C(unit_id) + C(quarter)", data=panel).fit().params["treated"]
    assert abs(twfe - truth) > 2.5
    assert abs(study.overall.estimate - truth) < 0.5


def test_event_study_flags_a_pre_trend() -> None:
    panel, first, cohort = _staggered(seed=5)
    # treated units drift up 1 point a quarter before training: parallel trends fail
    drift = [
        1.0 * (q - cohort[u]) if np.isfinite(cohort[u]) and q < cohort[u] else 0.0
        for u, q in zip(panel["unit_id"], panel["quarter"], strict=True)
    ]
    panel["y"] = panel["y"] + np.array(drift)
    study = callaway_santanna(panel, first)
    assert study.pretrend_p < 0.01


def test_coverage_of_the_overall_interval_in_repeated_samples() -> None:
    hits = 0
    for seed in range(40):
        panel, first, _ = _staggered(seed=100 + seed, n=60)
        study = callaway_santanna(panel, first)
        post = [e for e in study.event["e"] if e >= 1]
        truth = float(np.mean([2.0 * e for e in post]))
        hits += study.overall.ci_low <= truth <= study.overall.ci_high
    assert hits >= 34  # 95% nominal; at least 34 of 40 (binomial 1st percentile is 35)


def test_treatment_timing_from_staff_share() -> None:
    completions = pd.DataFrame(
        {
            # unit 1: 10 staff; 3 trained in q 100, 2 more in q 101 (one of them again later), so 50% in q 101
            "employee_id": [1, 2, 3, 4, 5, 4, 11, 12],
            "unit_id": [1, 1, 1, 1, 1, 1, 2, 2],
            "quarter": [100, 100, 100, 101, 101, 103, 100, 102],
        }
    )
    counts = first_trained_by_quarter(completions)
    assert counts.set_index(["unit_id", "quarter"])["trained"].to_dict() == {
        (1, 100): 3,
        (1, 101): 2,
        (2, 100): 1,
        (2, 102): 1,
    }
    staff = pd.Series({1: 10, 2: 5})
    first = treatment_quarters(staff, counts, 0.5)
    assert first.to_dict() == {1: 101}  # unit 2 reaches 2/5 = 40% only
    assert treatment_quarters(staff, counts, 0.4).to_dict() == {1: 101, 2: 102}


def test_quarter_helpers() -> None:
    from datetime import date

    q = quarter_index(date(2024, 8, 15))
    assert quarter_label(q) == "2024-Q3" and quarter_start(q) == date(2024, 7, 1)
    assert quarter_index(date(2025, 1, 1)) - quarter_index(date(2024, 12, 31)) == 1


# ----------------------------------------------------------------------------- level 3 by hand


def _behaviour_frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    scores = {
        1: [70, 72, None, 78, 80],  # trained in quarter 2: before 71, after 79 → +8
        2: [60, 62, None, 66, 66],  # trained in quarter 2: 61 → 66 → +5
        3: [80, 80, 81, 82, 82],  # untouched: 80 → 82 → +2
        4: [75, 77, 76, 78, 78],  # 76 → 78 → +2
        5: [65, 65, 66, 66, 68],  # 65 → 67 → +2
        6: [50, 50, 50, 60, 60],  # trained in quarter 3 (another programme): not a comparison
    }
    panel = pd.DataFrame(
        [(e, q, s) for e, values in scores.items() for q, s in enumerate(values) if s is not None],
        columns=["employee_id", "quarter", "score"],
    )
    selected = pd.DataFrame({"employee_id": [1, 2], "quarter": [2, 2]})
    everything = pd.DataFrame({"employee_id": [1, 2, 6], "quarter": [2, 2, 3]})
    return panel, selected, everything


def test_behaviour_did_by_hand_and_against_statsmodels() -> None:
    # trained change (8 + 5)/2 = 6.5, comparison change 2 → DiD 4.5
    panel, selected, everything = _behaviour_frames()
    result = behaviour_did(panel, selected, everything, pre=2, post=2)
    assert result.did.estimate == pytest.approx(4.5)
    assert result.n_trained == 2 and result.n_control == 3
    assert result.change_trained.estimate == pytest.approx(6.5)
    assert result.change_control.estimate == pytest.approx(2.0)
    assert result.excluded_other_training == 0
    # the same regression with statsmodels called directly: change ~ 1 + trained, clustered by employee
    y = np.array([8.0, 5.0, 2.0, 2.0, 2.0])
    x = sm.add_constant(np.array([1.0, 1.0, 0.0, 0.0, 0.0]))
    fit = sm.OLS(y, x).fit(cov_type="cluster", cov_kwds={"groups": np.arange(5)}, use_t=True)
    assert result.did.se == pytest.approx(fit.bse[1])
    ci = fit.conf_int()[1]
    assert (result.did.ci_low, result.did.ci_high) == (pytest.approx(ci[0]), pytest.approx(ci[1]))


def test_behaviour_weights_cohorts_by_trained_and_excludes_mixed_training() -> None:
    panel, selected, everything = _behaviour_frames()
    # employee 2 also finished another programme in quarter 1: their change mixes two trainings
    everything = pd.concat([everything, pd.DataFrame({"employee_id": [2], "quarter": [1]})])
    result = behaviour_did(panel, selected, everything, pre=2, post=2)
    assert result.excluded_other_training == 1
    assert result.cohorts["n_trained"].tolist() == [1]  # below the minimum of 2 per group
    assert not result.estimable and result.n_trained == 0
    assert behaviour_did(
        panel, selected, everything, pre=2, post=2, min_per_group=1
    ).did.estimate == pytest.approx(6.0)


def test_behaviour_recovers_a_planted_step_with_a_common_trend() -> None:
    rng = np.random.default_rng(3)
    n, quarters = 1500, 10
    level = rng.normal(80, 4, n)
    first = np.where(rng.random(n) < 0.4, rng.integers(2, quarters - 2, n), 99)
    other = np.where(rng.random(n) < 0.2, rng.integers(0, quarters, n), 99)
    rows = []
    for i in range(n):
        for q in range(quarters):
            rows.append((i, q, level[i] + 0.25 * q + 3.0 * (q > first[i]) + rng.normal(0, 5)))
    panel = pd.DataFrame(rows, columns=["employee_id", "quarter", "score"])
    selected = pd.DataFrame({"employee_id": np.flatnonzero(first < 99), "quarter": first[first < 99]})
    other_rows = pd.DataFrame({"employee_id": np.flatnonzero(other < 99), "quarter": other[other < 99]})
    result = behaviour_did(panel, selected, pd.concat([selected, other_rows]))
    assert result.did.ci_low <= 3.0 <= result.did.ci_high
    assert result.did.ci_low > 1.0
    # the trained employees' raw change includes the common trend (0.25 × 3 quarters apart on average)
    assert result.change_trained.estimate > result.did.estimate
    assert math.isfinite(result.d) and 0.3 < result.d < 1.0
