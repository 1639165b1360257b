"""A unit's training history: its own participants, and each programme's city-wide learning effect."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from lib.analysis.training_learning import learning_effect
from lib.bulk import bulk_insert
from lib.models import Employee, TrainingParticipation, TrainingProgram, Unit
from lib.queries.units import Scope
from lib.services.priorities import training_history


def test_history_counts_the_unit_and_measures_the_programme_city_wide(engine: Engine) -> None:
    with engine.begin() as conn:
        bulk_insert(
            conn,
            Unit.__table__,
            ["id", "code", "name", "kind", "parent_id", "path", "region"],
            [
                (1, "U1", "Satu", "kelurahan", None, "/U1/", "A"),
                (2, "U2", "Dua", "kelurahan", None, "/U2/", "A"),
            ],
        )
        bulk_insert(
            conn,
            Employee.__table__,
            ["id", "nip", "name", "unit_id"],
            [(i, f"19800101200501{1000 + i}", f"P{i}", 1 if i <= 2 else 2) for i in range(1, 7)],
        )
        bulk_insert(
            conn,
            TrainingProgram.__table__,
            ["id", "code", "name", "competency_type", "method", "track", "start_date", "end_date", "jp"],
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
            ],
        )
        pre_post = {1: (50, 60), 2: (40, 55), 3: (60, 66), 4: (70, 71), 5: (55, 70)}
        bulk_insert(
            conn,
            TrainingParticipation.__table__,
            ["program_id", "employee_id", "pre_score", "post_score", "status"],
            [(1, e, pre, post, "lulus") for e, (pre, post) in pre_post.items()]
            + [(2, 1, None, None, "tidak_hadir"), (2, 6, 50, 52, "lulus")],
        )
    history = training_history(
        engine=engine, scope=Scope(path_prefix="/U1/"), date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)
    )
    # Unit 1 sent employees 1 and 2 to P1; employee 1 was absent from P2, so P2 is not in its history.
    assert history["program_code"].tolist() == ["P1"]
    assert history.loc[0, "participants"] == 2
    # The effect is measured on all five P1 participants, city-wide.
    expected = learning_effect([50, 40, 60, 70, 55], [60, 55, 66, 71, 70])
    assert history.loc[0, "n_paired"] == 5
    assert history.loc[0, "mean_gain"] == pytest.approx(expected.mean_gain) == pytest.approx(9.4)
    assert history.loc[0, "d_z"] == pytest.approx(expected.d_z)
    assert training_history(
        engine=engine, scope=Scope(path_prefix="/U1/"), date_from=date(2026, 1, 1), date_to=date(2026, 12, 31)
    ).empty
