"""Issue 16 point 7: an answer for leadership when single programmes are too small for level 4.

Small built city: 20 units of 4 staff, 12 quarters of IKM (noise sd 1). Four
technical programmes (A–D) each brought half the staff of *one* unit through
(units 0–3, quarter 8 or 9), and each of those units' IKM rose by 5 points. No
single programme reached the 2 trained units level 4 needs, so each showed "—".
Pooled, the technical programmes trained 4 units and their effect, +5 points,
is estimable; the page labels it as the pooled effect of the type. The
level-2 comparison keeps programmes of 2–3 participants apart from the ranking.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.analysis.training_summary import (
    ImpactData,
    evaluate_results,
    level4_need,
    pooled_by_competency,
    split_small_programs,
)


def _city() -> ImpactData:
    rng = np.random.default_rng(11)
    programs = pd.DataFrame(
        {
            "program_code": ["A", "B", "C", "D", "M"],
            "course": ["Teknis A", "Teknis B", "Teknis C", "Teknis D", "Manajerial M"],
            "competency_type": ["teknis"] * 4 + ["manajerial"],
        }
    )
    start = {0: ("A", 8), 1: ("B", 8), 2: ("C", 9), 3: ("D", 9)}
    completions, outcomes = [], []
    employee = 0
    for unit in range(20):
        for k in range(4):
            employee += 1
            if unit in start and k < 2:
                code, quarter = start[unit]
                completions.append(
                    {
                        "employee_id": employee,
                        "unit_id": unit,
                        "program_code": code,
                        "status": "lulus",
                        "quarter": quarter,
                    }
                )
        level = rng.normal(80, 3)
        for quarter in range(12):
            y = level + rng.normal(0, 1)
            if unit in start and quarter >= start[unit][1]:
                y += 5.0
            outcomes.append({"unit_id": unit, "quarter": quarter, "ikm": y, "complaint_rate": np.nan,
                             "mean_days": np.nan, "pct_on_time": np.nan})  # fmt: skip
    frame = pd.DataFrame(completions)
    frame["course"] = frame["program_code"].map(programs.set_index("program_code")["course"])
    return ImpactData(
        programs=programs,
        participations=pd.DataFrame(),
        completions=frame,
        performance=pd.DataFrame(),
        staff=pd.Series(4, index=range(20)),
        outcomes=pd.DataFrame(outcomes),
    )


def test_single_programme_is_too_small_and_the_page_can_say_what_is_needed() -> None:
    data = _city()
    studies, units = evaluate_results(data, ("A",))
    assert units == 1 and not studies["ikm"].estimable
    need = level4_need(data, ("A",))
    assert (need.units_reached, need.units_needed, need.enough) == (1, 2, False)
    assert need.staff_to_train == 2  # half of one more unit of 4 staff


def test_pooled_effect_of_the_competency_type() -> None:
    pooled = pooled_by_competency(_city())
    ikm = pooled[(pooled["competency_type"] == "teknis") & (pooled["outcome"] == "ikm")].iloc[0]
    assert ikm["programs"] == 4 and ikm["n_treated_units"] == 4 and ikm["estimable"]
    assert abs(ikm["estimate"] - 5.0) < 1.0
    assert ikm["ci_low"] > 0
    managerial = pooled[(pooled["competency_type"] == "manajerial") & (pooled["outcome"] == "ikm")].iloc[0]
    assert not managerial["estimable"]  # no one passed M: nothing pooled, nothing claimed


def test_programmes_with_few_participants_are_not_ranked() -> None:
    learning = pd.DataFrame(
        {
            "name": ["Kecil", "Besar", "Sedang", "Coaching"],
            "n_paired": [3, 40, 10, 0],
            "d_z": [4.0, 0.5, 0.7, float("nan")],
        }
    )
    ranked, small = split_small_programs(learning)
    assert ranked["name"].tolist() == ["Besar", "Sedang", "Coaching"]  # no tests: no effect to draw
    assert small["name"].tolist() == ["Kecil"]  # d_z 4 from 3 people is shown apart, not on top
