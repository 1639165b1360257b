"""Each employee's latest SKP up to a date, for the staff list of the Prioritas profile."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from lib.bulk import bulk_insert
from lib.models import Employee, Performance, Unit
from lib.queries.staff_needs import latest_ratings


def test_latest_rating_per_employee_up_to_the_date(engine: Engine) -> None:
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
            [(i, f"19800101200501{1000 + i}", f"P{i}", 1 if i <= 3 else 2) for i in range(1, 5)],
        )
        q = {1: (date(2025, 1, 1), date(2025, 3, 31)), 2: (date(2025, 4, 1), date(2025, 6, 30))}
        bulk_insert(
            conn,
            Performance.__table__,
            ["employee_id", "period", "period_start", "period_end", "score", "rating"],
            [
                (1, "2025-Q1", *q[1], 80.0, "Baik"),
                (1, "2025-Q2", *q[2], 60.0, "Butuh Perbaikan"),
                (2, "2025-Q1", *q[1], 90.0, "Sangat Baik"),
                # a year and its first quarter start on the same day: both are the latest
                (3, "2025", date(2025, 1, 1), date(2025, 12, 31), 70.0, "Baik"),
                (3, "2025-Q1", *q[1], 75.0, "Baik"),
                (4, "2025-Q2", *q[2], 50.0, "Kurang"),  # another unit
            ],
        )
    ratings = latest_ratings(engine, [1], date(2025, 6, 30)).sort_values(["employee_id", "period"])
    assert ratings.values.tolist() == [
        [1, "2025-Q2", 60.0, "Butuh Perbaikan"],
        [2, "2025-Q1", 90.0, "Sangat Baik"],
        [3, "2025", 70.0, "Baik"],
        [3, "2025-Q1", 75.0, "Baik"],
    ]
    # before the second quarter started, employee 1's latest is the first quarter
    before = latest_ratings(engine, [1], date(2025, 3, 31))
    assert before[before["employee_id"] == 1][["period", "score"]].values.tolist() == [["2025-Q1", 80.0]]
    assert latest_ratings(engine, [1], date(2024, 12, 31)).empty
    assert latest_ratings(engine, [1], date(2024, 12, 31)).columns.tolist() == [
        "employee_id",
        "period",
        "score",
        "rating",
    ]
