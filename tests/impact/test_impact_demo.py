"""The demo city's planted training effects are found by the general methods, and its null programme is not.

``planted_effects()`` supplies expected values only; every estimate comes from
the same code paths the page and CLI use (courses found by name, units' training
quarters found from staff shares, comparisons chosen by the estimators).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from sqlalchemy import Engine

from lib.analysis.training_summary import (
    ImpactData,
    ProgramImpact,
    evaluate_groups,
    evaluate_program,
    impact_rows,
    learning_comparison,
    treated_units,
)
from lib.demo import planted_effects
from lib.periods import quarter_index
from lib.queries.units import list_units
from lib.services.impact import impact_data
from lib.text.impact import level_sentences


@pytest.fixture(scope="module")
def planted():  # type: ignore[no-untyped-def]
    return planted_effects("small")


@pytest.fixture(scope="module")
def data(demo_engine: Engine) -> ImpactData:
    return impact_data(engine=demo_engine)


@pytest.fixture(scope="module")
def courses(data: ImpactData) -> list[ProgramImpact]:
    return evaluate_groups(data, "course")


@pytest.fixture(scope="module")
def digital(courses: list[ProgramImpact], planted) -> ProgramImpact:  # type: ignore[no-untyped-def]
    found = [c for c in courses if set(planted.digital_program_codes) <= set(c.codes)]
    assert len(found) == 1, "the digital-service runs should form one course"
    return found[0]


def test_training_quarters_of_units_are_the_planted_cohorts(
    data: ImpactData, digital: ProgramImpact, planted, demo_engine: Engine
) -> None:  # type: ignore[no-untyped-def]
    codes = list_units(demo_engine).set_index("id")["code"]
    found = {codes[u]: q for u, q in treated_units(data, digital.codes).items()}
    expected = {code: quarter_index(day) for code, day in planted.digital_cohorts.items()}
    assert found == expected


def test_level4_planted_service_effects_are_covered(digital: ProgramImpact, planted) -> None:  # type: ignore[no-untyped-def]
    ikm = digital.results["ikm"]
    assert ikm.overall.ci_low <= planted.digital_ikm_effect <= ikm.overall.ci_high
    assert ikm.overall.ci_low > 0  # and it is told apart from zero
    days = digital.results["mean_days"]  # log scale: the ratio is exp(ATT)
    ratio_low, ratio_high = math.exp(days.overall.ci_low), math.exp(days.overall.ci_high)
    assert ratio_low <= planted.digital_service_days_ratio <= ratio_high
    on_time = digital.results["pct_on_time"]
    assert on_time.overall.ci_low <= planted.digital_on_time_effect <= on_time.overall.ci_high
    # the design: three staggered cohorts against not-yet-trained units, pre-trends checked
    assert ikm.n_cohorts == 3 and ikm.n_treated_units == len(planted.digital_cohorts)
    for study in (ikm, days, on_time):
        assert math.isfinite(study.pretrend_p) and study.pretrend_p > 0.01
        assert (study.event["e"] < 0).any()
    # trained units were picked among the lower-IKM ones: the baseline gap says so and so does the sentence
    assert ikm.baseline_gap.estimate < 0
    sentence = level_sentences(digital, "en")["results"]
    assert "regression to the mean" in sentence and "clear improvement" in sentence


def test_level4_table_rows_report_the_ratio_for_service_days(digital: ProgramImpact, planted) -> None:  # type: ignore[no-untyped-def]
    rows = {r["measure"]: r for r in impact_rows(digital) if r["level"] == "results"}
    days = rows["service_days_ratio"]
    assert days["ci_low"] <= planted.digital_service_days_ratio <= days["ci_high"]
    assert rows["ikm"]["verdict"] == "better" and days["verdict"] == "better"


def test_level3_planted_skp_effect_is_covered(data: ImpactData, planted) -> None:  # type: ignore[no-untyped-def]
    # the planted effect follows an employee's first completed teknis or manajerial programme
    programs = data.programs
    codes = tuple(programs.loc[programs["competency_type"].isin(["teknis", "manajerial"]), "program_code"])
    impact = evaluate_program(data, codes, name="teknis + manajerial")
    did = impact.behaviour.did
    assert did.ci_low <= planted.skp_effect_points <= did.ci_high
    assert did.ci_low > 0
    # the raw before/after change of the trained includes the city's common upward trend
    assert impact.behaviour.change_control.estimate > 0
    assert impact.behaviour.n_trained > 100 and impact.behaviour.n_control_employees > 100


def test_level2_null_programme_is_not_declared_effective(
    data: ImpactData, courses: list[ProgramImpact], planted
) -> None:  # type: ignore[no-untyped-def]
    for by in ("run", "course"):
        table = learning_comparison(data, by).set_index("key")
        for code in planted.null_program_codes:
            key = code if by == "run" else next(c.key for c in courses if code in c.codes)
            row = table.loc[key]
            assert row["ci_low"] <= 0 <= row["ci_high"], (by, code)
            assert row["d_z_ci_low"] <= 0 <= row["d_z_ci_high"]
            assert row["verdict"] != "gain"
    null_course = next(c for c in courses if planted.null_program_codes[0] in c.codes)
    sentence = level_sentences(null_course, "en")["learning"]
    assert "cannot be called effective" in sentence
    assert null_course.learning_verdict == "unclear"


def test_level2_planted_gains_are_covered_at_the_nominal_rate(data: ImpactData, planted) -> None:  # type: ignore[no-untyped-def]
    table = learning_comparison(data, "run").set_index("key")
    hits = total = 0
    for code, gain in planted.program_true_gain.items():
        if code in table.index and table.loc[code, "n_paired"] >= 2:
            total += 1
            hits += table.loc[code, "ci_low"] <= gain <= table.loc[code, "ci_high"]
    assert total > 50
    assert hits / total >= 0.90  # 95% intervals: a binomial shortfall below 90% would be a real miss
    # programmes with a true gain are mostly found, and effective verdicts all concern real gains
    effective = [c for c in table.index[table["verdict"] == "gain"] if c in planted.program_true_gain]
    assert effective and all(planted.program_true_gain[c] > 0 for c in effective)


def test_level1_reactions_are_on_the_scale(digital: ProgramImpact) -> None:
    reaction = digital.reaction.set_index("item")
    assert ((reaction["mean"] >= 1) & (reaction["mean"] <= 5)).all()
    assert (reaction["ci_low"] <= reaction["mean"]).all() and (reaction["mean"] <= reaction["ci_high"]).all()
    assert np.isclose(digital.reaction_distribution.groupby("item")["share"].sum(), 1.0).all()
