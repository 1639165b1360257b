"""Each employee's latest SKP up to a date, for the staff list of the Prioritas profile."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from lib.bulk import bulk_insert
from lib.models import Performance
from lib.queries.staff_needs import latest_ratings
from tests.priorities.two_units import insert_two_units


def test_latest_rating_per_employee_up_to_the_date(engine: Engine) -> None:
    with engine.begin() as conn:
        insert_two_units(conn, staff=4, in_first=3)
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
