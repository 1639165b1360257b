"""Issue 16 point 6: level-4 comparison units exclude units another programme trained around the event.

The misleading case, on a small built city of 30 units observed for 12 quarters
(log service days, noise sd 0.05): a do-nothing programme trains units 0–9 in
quarter 8; another course trains units 10–19 in the same quarter and cuts their
service days by 30 % (log −0.357). Units 20–29 are never trained. Counting units
10–19 as "not yet trained" comparison units makes the do-nothing programme look
like it *slowed* service by about ×1.2 (+0.18 on the log scale: half the
comparison group improved by 0.357). Leaving them out gives ≈ ×1.00.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from lib.analysis.training_results import callaway_santanna
from lib.analysis.training_summary import ImpactData, other_course_training

G = 8


def _panel(seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for unit in range(30):
        level = rng.normal(1.0, 0.2)
        for quarter in range(12):
            y = level + 0.01 * quarter + rng.normal(0, 0.05)
            if 10 <= unit < 20 and quarter >= G:
                y += math.log(0.7)
            rows.append({"unit_id": unit, "quarter": quarter, "y": y})
    return pd.DataFrame(rows)


def test_units_trained_by_another_programme_are_not_controls() -> None:
    panel = _panel()
    do_nothing = pd.Series({u: G for u in range(10)})
    other = pd.DataFrame({"unit_id": list(range(10, 20)), "quarter": [G] * 10})
    contaminated = callaway_santanna(panel, do_nothing)
    clean = callaway_santanna(panel, do_nothing, other_training=other)
    assert math.exp(contaminated.overall.estimate) > 1.15  # the misleading "×1.2 slower"
    assert abs(clean.overall.estimate) < 0.05  # ≈ ×1.00: no effect, as built
    assert clean.overall.ci_low < 0 < clean.overall.ci_high
    assert clean.n_excluded_controls == 10 and contaminated.n_excluded_controls == 0


def test_training_long_before_the_window_does_not_exclude() -> None:
    panel = _panel()
    do_nothing = pd.Series({u: G for u in range(10)})
    # another course trained units 10–19 in quarter 1: more than 4 quarters before the post cells'
    # windows (which start at the reference quarter 7), so they stay comparison units there
    old = pd.DataFrame({"unit_id": list(range(10, 20)), "quarter": [1] * 10})
    study = callaway_santanna(panel, do_nothing, other_training=old)
    post = study.cells[study.cells["e"] >= 0]
    assert (post["n_control"] == 20).all()


def test_other_course_quarters_come_from_each_course_reaching_the_threshold() -> None:
    # unit 1 has 4 staff: course "Etika" trains 2 of them (50 %) in quarter 8100, a run of the
    # selected course trains 3; unit 2 has 4 staff and only 1 took "Etika" (25 %: not trained).
    completions = pd.DataFrame(
        {
            "employee_id": [1, 2, 3, 4, 5, 9],
            "unit_id": [1, 1, 1, 1, 1, 2],
            "program_code": ["E1", "E2", "D1", "D1", "D1", "E1"],
            "course": ["Etika", "Etika", "Digital", "Digital", "Digital", "Etika"],
            "status": ["lulus"] * 6,
            "quarter": [8100, 8100, 8101, 8101, 8101, 8100],
        }
    )
    data = ImpactData(
        programs=pd.DataFrame(),
        participations=pd.DataFrame(),
        completions=completions,
        performance=pd.DataFrame(),
        staff=pd.Series({1: 4, 2: 4}),
        outcomes=pd.DataFrame(),
    )
    other = other_course_training(data, ("D1",))
    assert other.to_dict("records") == [{"unit_id": 1, "quarter": 8100}]


def test_treated_units_also_trained_by_another_course_are_left_out() -> None:
    # units 0–4 took the do-nothing programme *and* the effective course in quarter 8
    rng = np.random.default_rng(9)
    rows = []
    for unit in range(30):
        level = rng.normal(1.0, 0.2)
        for quarter in range(12):
            y = level + rng.normal(0, 0.05)
            if (unit < 5 or 10 <= unit < 20) and quarter >= G:
                y += math.log(0.7)
            rows.append({"unit_id": unit, "quarter": quarter, "y": y})
    panel = pd.DataFrame(rows)
    do_nothing = pd.Series({u: G for u in range(10)})
    other = pd.DataFrame({"unit_id": list(range(5)) + list(range(10, 20)), "quarter": [G] * 15})
    clean = callaway_santanna(panel, do_nothing, other_training=other)
    post = clean.cells[clean.cells["e"] >= 0]
    assert (post["n_treated"] == 5).all()  # only units 5–9 speak for the do-nothing programme
    assert abs(clean.overall.estimate) < 0.05
