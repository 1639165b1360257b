"""20-JP compliance, hand-checked on a small city."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from lib.bulk import bulk_insert
from lib.models import Employee, TrainingParticipation, TrainingProgram, Unit
from lib.queries.learning_hours import city_learning_hours, employee_learning_hours, unit_learning_hours
from lib.queries.units import Scope


def _city(engine: Engine) -> None:
    with engine.begin() as conn:
        bulk_insert(
            conn,
            Unit.__table__,
            ["id", "code", "name", "kind", "parent_id", "path", "region"],
            [
                (1, "U1", "Unit Satu", "dinas", None, "/U1/", "Kota"),
                (2, "U2", "Unit Dua", "dinas", None, "/U2/", "Kota"),
            ],
        )
        bulk_insert(
            conn,
            Employee.__table__,
            ["id", "nip", "name", "unit_id"],
            [
                (1, "198001012005011001", "Andi", 1),
                (2, "198502022010012002", "Butet", 1),
                (3, "199003032015031003", "Cici", 1),
                (4, "197504042000041004", "Dodi", 2),
            ],
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
                    "E-learning B",
                    "teknis",
                    "e-learning",
                    "nonklasikal",
                    date(2025, 6, 1),
                    date(2025, 6, 30),
                    8,
                ),
                (
                    3,
                    "P3",
                    "Bimtek C",
                    "teknis",
                    "bimtek",
                    "klasikal",
                    date(2024, 12, 28),
                    date(2025, 1, 2),
                    30,
                ),
                (
                    4,
                    "P4",
                    "Seminar D",
                    "manajerial",
                    "seminar",
                    "klasikal",
                    date(2024, 5, 1),
                    date(2024, 5, 1),
                    4,
                ),
            ],
        )
        bulk_insert(
            conn,
            TrainingParticipation.__table__,
            ["program_id", "employee_id", "status"],
            [
                (1, 1, "lulus"),  # Andi: 16 + 8 = 24 JP in 2025
                (2, 1, "lulus"),
                (1, 2, "tidak_lulus"),  # Butet: 16 (attended, did not pass: still learning hours)
                (2, 2, "tidak_hadir"),  # absent: 0
                (3, 3, "lulus"),  # Cici: programme ended 2 Jan 2025 → 30 JP in 2025
                (4, 4, "lulus"),  # Dodi: only in 2024
            ],
        )


def test_employee_hours(engine: Engine) -> None:
    _city(engine)
    people = employee_learning_hours(engine, 2025).set_index("name")
    assert people["jp"].to_dict() == {"Andi": 24, "Butet": 16, "Cici": 30, "Dodi": 0}
    assert people["meets_target"].to_dict() == {"Andi": True, "Butet": False, "Cici": True, "Dodi": False}
    assert people.loc["Butet", "last_training"] == date(2025, 3, 3)
    assert people.loc["Dodi", "last_training"] == date(2024, 5, 1)
    assert list(employee_learning_hours(engine, 2025, Scope(path_prefix="/U2/"))["name"]) == ["Dodi"]


def test_unit_hours_and_city_total(engine: Engine) -> None:
    _city(engine)
    units = unit_learning_hours(engine, 2025, as_of=date(2025, 12, 31)).set_index("unit_code")
    assert units.loc["U1", "employees"] == 3
    assert units.loc["U1", "meeting_target"] == 2
    assert abs(units.loc["U1", "share_meeting"] - 2 / 3) < 1e-12
    assert units.loc["U1", "jp_per_employee"] == (24 + 16 + 30) / 3
    # Dodi last trained on 1 May 2024: more than 12 months before 31 Dec 2025.
    assert units.loc["U2", "untrained_12m"] == 1
    assert units.loc["U1", "untrained_12m"] == 0
    city = city_learning_hours(units.reset_index())
    assert city["employees"] == 4 and city["meeting_target"] == 2
    assert city["share_meeting"] == 0.5
    assert city["jp_per_employee"] == 70 / 4


def test_staff_needing_training(engine: Engine) -> None:
    from lib.models import Performance
    from lib.queries.staff_needs import staff_needing_training

    _city(engine)
    with engine.begin() as conn:
        bulk_insert(
            conn,
            Performance.__table__,
            ["employee_id", "period", "period_start", "period_end", "score", "rating"],
            [
                (1, "2025-Q1", date(2025, 1, 1), date(2025, 3, 31), 60.0, "Butuh Perbaikan"),
                (1, "2025-Q2", date(2025, 4, 1), date(2025, 6, 30), 85.0, "Baik"),  # latest: fine
                (3, "2025-Q2", date(2025, 4, 1), date(2025, 6, 30), 55.0, "Kurang"),
                (3, "2026-Q1", date(2026, 1, 1), date(2026, 3, 31), 90.0, "Sangat Baik"),  # after as_of
            ],
        )
    staff = staff_needing_training(engine, Scope(), 2025, as_of=date(2025, 12, 31))
    # Cici: 30 JP but latest SKP (as of 2025) Kurang → first; then by JP missing: Dodi 20, Butet 4.
    assert staff["employee_name"].tolist() == ["Cici", "Dodi", "Butet"]
    assert staff["jp_short"].tolist() == [0, 20, 4]
    assert staff["skp_rating"].tolist()[0] == "Kurang"
    assert staff["low_skp"].tolist() == [True, False, False]
