"""``training.impact`` is put together from levels 1–3 and level 4 stored apart: its value is exactly
the combined evaluation of every course at four levels, and an import of complaints recomputes
level 4 only (issue 11: every result fresh within 60 s of an import of 10,000 complaints)."""

from __future__ import annotations

import dataclasses
import math
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine

from lib.analysis.training_results import DEFAULT_THRESHOLD, _other_training_pairs, _trained_between
from lib.analysis.training_summary import (
    evaluate_program,
    impact_table,
    learning_comparison,
    level4_need,
    pooled_by_competency,
    program_groups,
)
from lib.demo import DEMO_END
from lib.queries.units import Scope
from lib.results import compute_now, mark_changed, read_result
from lib.results.dashboard import impact_params
from lib.services.impact import impact_data

PERIOD = (date(DEMO_END.year - 2, 1, 1), DEMO_END)


def assert_same(x: Any, y: Any, path: str = "value") -> None:
    """Equal to the last bit: frames exactly, dataclasses field by field, NaN equal to NaN."""
    assert type(x) is type(y), f"{path}: {type(x).__name__} != {type(y).__name__}"
    if isinstance(x, pd.DataFrame):
        pd.testing.assert_frame_equal(x, y, check_exact=True, obj=path)
    elif isinstance(x, pd.Series):
        pd.testing.assert_series_equal(x, y, check_exact=True, obj=path)
    elif dataclasses.is_dataclass(x):
        for f in dataclasses.fields(x):
            assert_same(getattr(x, f.name), getattr(y, f.name), f"{path}.{f.name}")
    elif isinstance(x, dict):
        assert list(x) == list(y), f"{path}: keys differ"
        for key in x:
            assert_same(x[key], y[key], f"{path}[{key!r}]")
    elif isinstance(x, (list, tuple)):
        assert len(x) == len(y), f"{path}: lengths differ"
        for i, (u, v) in enumerate(zip(x, y, strict=True)):
            assert_same(u, v, f"{path}[{i}]")
    elif isinstance(x, float) and math.isnan(x):
        assert math.isnan(y), f"{path}: nan != {y}"
    else:
        assert x == y, f"{path}: {x!r} != {y!r}"


def _combined(engine: Engine, date_from: date, date_to: date, threshold: float = DEFAULT_THRESHOLD) -> Any:
    """The value ``training.impact`` had when all four levels were one computation (version 2): every
    course evaluated at four levels on one load, level 4 on all runs of its course."""
    from lib.results.dashboard import ImpactResults, _slim

    data = impact_data(engine=engine, scope=Scope(), date_from=date_from, date_to=date_to)
    options = {
        column: sorted({str(v) for v in data.programs[column].dropna()})
        for column in ("competency_type", "method", "provider")
    }
    courses = program_groups(data, "course")
    learning = learning_comparison(data, "course")
    rows = learning.set_index("key")
    evaluated = [
        evaluate_program(
            data,
            row.codes,
            name=row.name,
            key=row.key,
            results_codes=row.course_codes,
            threshold=threshold,
            learning_row=rows.loc[row.key] if row.key in rows.index else None,
        )
        for row in courses.itertuples()
    ]
    pooled = evaluate_program(
        data, tuple(data.programs["program_code"]), name="*", key="*", threshold=threshold
    )
    return ImpactResults(
        options=options,
        courses=courses,
        pooled=_slim(pooled),
        by_course={impact.key: _slim(impact) for impact in evaluated},
        table=impact_table(evaluated),
        learning=learning,
        pooled_types=pooled_by_competency(data, threshold=threshold),
        needs={row.key: level4_need(data, row.course_codes, threshold) for row in courses.itertuples()},
    )


@pytest.mark.parametrize("threshold", [None, 0.3])
def test_the_split_result_equals_the_combined_one(demo_engine: Engine, threshold: float | None) -> None:
    params = impact_params(*PERIOD, threshold=threshold)
    stored = compute_now(demo_engine, "training.impact", params).value
    expected = _combined(demo_engine, *PERIOD, DEFAULT_THRESHOLD if threshold is None else threshold)
    assert len(stored.by_course) > 3
    assert any(study.estimable for impact in stored.by_course.values() for study in impact.results.values())
    assert (stored.table["level"] == "results").any()
    assert_same(stored, expected)


def test_a_complaint_import_recomputes_level_4_only(demo_engine: Engine) -> None:
    params = impact_params(*PERIOD)
    first = compute_now(demo_engine, "training.impact", params)
    levels = read_result(demo_engine, "training.impact_levels", params)
    outcomes = read_result(demo_engine, "training.impact_outcomes", params)
    assert levels is not None and levels.fresh and outcomes is not None and outcomes.fresh

    with demo_engine.begin() as conn:
        mark_changed(conn, "complaint")
    assert not read_result(demo_engine, "training.impact", params).fresh
    assert read_result(demo_engine, "training.impact_levels", params).fresh
    assert not read_result(demo_engine, "training.impact_outcomes", params).fresh
    again = compute_now(demo_engine, "training.impact", params)
    assert again.fresh
    assert read_result(demo_engine, "training.impact_levels", params).computed_at == levels.computed_at
    assert read_result(demo_engine, "training.impact_outcomes", params).computed_at > outcomes.computed_at
    assert_same(again.value, first.value)

    with demo_engine.begin() as conn:
        mark_changed(conn, "performance")  # SKP scores: level 3 only
    assert not read_result(demo_engine, "training.impact_levels", params).fresh
    assert read_result(demo_engine, "training.impact_outcomes", params).fresh
    assert compute_now(demo_engine, "training.impact", params).fresh


def test_a_window_without_programmes_is_empty(demo_engine: Engine) -> None:
    value = compute_now(
        demo_engine, "training.impact", impact_params(date(1990, 1, 1), date(1990, 12, 31))
    ).value
    assert value.empty and value.by_course == {} and value.table.empty


def _trained_between_one_by_one(other: pd.DataFrame, units: np.ndarray, low: int, high: int) -> np.ndarray:
    """The rule written unit by unit: another programme trained the unit in a quarter in [low, high]."""
    return np.array(
        [bool((other.loc[other["unit_id"] == u, "quarter"].between(low, high)).any()) for u in units]
    )


def test_other_training_in_a_window_unit_by_unit() -> None:
    rng = np.random.default_rng(11)
    units = np.array([3, 5, 8, 13, 21, 34, 55])
    other = pd.DataFrame(
        {"unit_id": rng.choice([3, 5, 8, 21, 99], 12), "quarter": rng.integers(8090, 8104, 12)}
    ).astype("int64")
    pairs = _other_training_pairs(other, units)
    assert pairs is not None
    for low in range(8088, 8106, 3):
        for high in (low, low + 2, low + 5):
            got = _trained_between(pairs, len(units), low, high)
            assert got.tolist() == _trained_between_one_by_one(other, units, low, high).tolist()
    # worked by hand: unit 3 trained by another programme in 8095 only
    one = pd.DataFrame({"unit_id": [3, 99], "quarter": [8095, 8095]})
    assert _trained_between(_other_training_pairs(one, units), len(units), 8094, 8095).tolist() == [
        True,
        *[False] * 6,
    ]
    assert not _trained_between(_other_training_pairs(one, units), len(units), 8096, 8099).any()
    assert _other_training_pairs(one.iloc[0:0], units) is None


def test_first_trained_by_quarter_counts_each_employee_once_at_their_first_quarter() -> None:
    from lib.analysis.training_results import first_trained_by_quarter

    rng = np.random.default_rng(7)
    completions = pd.DataFrame(
        {
            "employee_id": rng.integers(1, 60, 400),
            "unit_id": rng.integers(1, 9, 400),
            "quarter": rng.integers(8090, 8110, 400),
        }
    )
    # the rule written out with pandas: the unit of each employee's first row, their earliest quarter
    first = completions.groupby("employee_id", as_index=False).agg(
        unit_id=("unit_id", "first"), quarter=("quarter", "min")
    )
    expected = first.groupby(["unit_id", "quarter"]).size().rename("trained").reset_index().astype("int64")
    pd.testing.assert_frame_equal(first_trained_by_quarter(completions), expected)
    # by hand: employee 1 first in unit 5 (its later row in unit 6 does not move them), quarters 8097 and 8095
    hand = pd.DataFrame(
        {"employee_id": [1, 2, 1, 3], "unit_id": [5, 5, 6, 6], "quarter": [8097, 8096, 8095, 8096]}
    )
    assert first_trained_by_quarter(hand).to_dict("list") == {
        "unit_id": [5, 5, 6],
        "quarter": [8095, 8096, 8096],
        "trained": [1, 1, 1],
    }


def test_level4_need_names_the_nearest_units_first() -> None:
    from lib.analysis.training_summary import ImpactData

    staff = pd.Series({1: 10, 2: 4, 3: 6, 4: 8, 5: 0}, name="staff")
    completions = pd.DataFrame(
        {
            "employee_id": [11, 12, 13, 21, 41],
            "unit_id": [1, 1, 1, 2, 4],
            "program_code": ["A"] * 5,
            "status": ["lulus"] * 5,
            "quarter": [8097] * 5,
        }
    )
    empty = pd.DataFrame()
    data = ImpactData(empty, empty, completions, empty, staff, empty)
    need = level4_need(data, ("A",), 0.5)
    # needed at 50 %: 5, 2, 3, 4 staff; trained 3, 1, 0, 1 → missing 2, 1, 3, 3; trained units first
    assert (need.units_reached, need.closest) == (0, (1, 2))
    assert need.staff_to_train == 3
