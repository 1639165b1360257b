"""A unit's training history read from the stored per-programme learning effects."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine
from statsmodels.stats.multitest import multipletests

from lib.analysis.training_history import HISTORY_COLUMNS, history_with_effects, holm_adjusted
from lib.bulk import bulk_insert
from lib.models import TrainingParticipation, TrainingProgram
from lib.queries.training_history import programmes_attended
from lib.queries.units import Scope
from lib.services.priorities import programme_learning, training_history
from tests.priorities.two_units import insert_two_units


def test_holm_adjusted_by_hand() -> None:
    # sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → kept at least 0.06
    assert holm_adjusted(np.array([0.01, 0.04, 0.03, 0.005])) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm_adjusted(np.array([0.5, 0.6])).tolist() == [1.0, 1.0]  # 0.5·2 = 1.0 caps both
    assert holm_adjusted(np.array([])).size == 0


def test_holm_adjusted_is_statsmodels_holm() -> None:
    p = np.random.default_rng(7).uniform(0, 0.2, 40)
    p[[3, 9]] = p[5]  # ties
    assert holm_adjusted(p).tolist() == multipletests(p, method="holm")[1].tolist()


def _effect(code: str, p: float, gain: float, n: int) -> dict[str, object]:
    return {
        "program_code": code,
        "n_paired": n,
        "mean_gain": gain,
        "d_z": gain / 10,
        "d_z_ci_low": 0.0,
        "d_z_ci_high": 1.0,
        "primary_p": p,
    }


def test_history_adjusts_across_the_units_programmes_only() -> None:
    counts = pd.DataFrame(
        {
            "program_code": ["P1", "P2", "P4"],
            "program_name": ["A", "B", "D"],
            "end_date": [date(2025, 3, 3), date(2025, 5, 1), date(2025, 6, 1)],
            "participants": [2, 5, 1],
        }
    )
    effects = pd.DataFrame(
        [
            _effect("P1", 0.024, 5.0, 10),
            _effect("P2", 0.045, -2.0, 8),
            _effect("P3", 0.5, 1.0, 30),  # not attended: not part of the adjustment
            _effect("P4", math.nan, 3.0, 1),
        ]
    )
    history = history_with_effects(counts, effects)
    assert history.columns.tolist() == HISTORY_COLUMNS
    assert history["program_code"].tolist() == ["P2", "P1", "P4"]  # most attended first
    # Holm over P1, P2: 0.024·2 = 0.048, 0.045·1 → 0.048: both below 0.05
    assert history["verdict"].tolist() == ["loss", "gain", "insufficient"]
    # with P3 attended too there are three tests: P1 0.024·3 = 0.072 → unclear
    everyone = history_with_effects(counts.assign(program_code=["P1", "P2", "P3"]), effects)
    assert everyone.set_index("program_code").loc["P1", "verdict"] == "unclear"


def test_history_of_no_programme_is_empty() -> None:
    empty = history_with_effects(pd.DataFrame(columns=["program_code"]), pd.DataFrame())
    assert empty.empty and empty.columns.tolist() == HISTORY_COLUMNS


def _city(engine: Engine) -> None:
    with engine.begin() as conn:
        insert_two_units(conn, staff=7, in_first=3)
        program = ["id", "code", "name", "competency_type", "method", "track", "start_date", "end_date", "jp"]
        bulk_insert(
            conn,
            TrainingProgram.__table__,
            program,
            [
                (
                    1,
                    "P1",
                    "Pelatihan A",
                    "teknis",
                    "pelatihan",
                    "klasikal",
                    date(2025, 3, 1),
                    date(2025, 3, 3),
                    16,
                ),
                (
                    2,
                    "P2",
                    "Seminar B",
                    "teknis",
                    "seminar",
                    "klasikal",
                    date(2025, 5, 1),
                    date(2025, 5, 1),
                    4,
                ),
                (3, "P3", "Kursus C", "teknis", "kursus", "klasikal", date(2024, 5, 1), date(2024, 5, 2), 8),
            ],
        )
        bulk_insert(
            conn,
            TrainingParticipation.__table__,
            ["program_id", "employee_id", "pre_score", "post_score", "status"],
            [
                (1, 1, 50, 60, "lulus"),
                (1, 2, 40, 55, "tidak_lulus"),
                (1, 4, 60, 66, "lulus"),
                (1, 5, 70, 71, "lulus"),
                (1, 6, 55, 70, "lulus"),
                (2, 1, None, None, "tidak_hadir"),
                (2, 3, 50, 49, "lulus"),
                (2, 7, 50, 52, "lulus"),
                (2, 6, 60, 58, "lulus"),
                (3, 2, 40, 80, "lulus"),
            ],
        )


def test_programmes_attended_counts_in_sql(engine: Engine) -> None:
    _city(engine)
    attended = programmes_attended(engine, Scope(path_prefix="/U1/"), date(2025, 1, 1), date(2025, 12, 31))
    # U1: P1 by employees 1 and 2 (passed or not), P2 by employee 3 (employee 1 was absent); P3 ended in 2024
    assert attended.to_dict("list") == {
        "program_code": ["P1", "P2"],
        "program_name": ["Pelatihan A", "Seminar B"],
        "end_date": [date(2025, 3, 3), date(2025, 5, 1)],
        "participants": [2, 1],
    }


def test_stored_effects_give_the_same_history(engine: Engine) -> None:
    _city(engine)
    window = {
        "scope": Scope(path_prefix="/U1/"),
        "date_from": date(2025, 1, 1),
        "date_to": date(2025, 12, 31),
    }
    measured_here = training_history(engine=engine, **window)
    stored = training_history(engine=engine, **window, effects=programme_learning(engine=engine))
    pd.testing.assert_frame_equal(measured_here, stored)
    # P1's effect on its five participants city-wide: gains 10, 15, 6, 1, 15 → mean 9.4
    assert measured_here.set_index("program_code").loc["P1", "mean_gain"] == pytest.approx(9.4)
    assert measured_here.set_index("program_code").loc["P1", "n_paired"] == 5
