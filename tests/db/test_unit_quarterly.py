"""Service speed and SKP per unit and quarter, hand-checked on both databases."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from lib.bulk import bulk_insert
from lib.models import Employee, Performance, ServiceStat, Unit
from lib.queries.unit_quarterly import performance_by_quarter, service_by_quarter
from lib.queries.units import Scope


@pytest.fixture
def city(engine: Engine) -> Engine:
    with engine.begin() as conn:
        bulk_insert(
            conn,
            Unit.__table__,
            ["id", "code", "name", "kind", "parent_id", "path", "region"],
            [
                (1, "U1", "Satu", "kelurahan", None, "/U1/", "A"),
                (2, "U2", "Dua", "kelurahan", None, "/U2/", "B"),
            ],
        )
        bulk_insert(
            conn,
            ServiceStat.__table__,
            ["unit_id", "period", "period_start", "period_end", "services", "mean_days", "pct_on_time"],
            [
                (1, "2025-01", date(2025, 1, 1), date(2025, 1, 31), 100, 2.0, 90.0),
                (1, "2025-02", date(2025, 2, 1), date(2025, 2, 28), 300, 4.0, 70.0),
                (1, "2025-03", date(2025, 3, 1), date(2025, 3, 31), 50, None, None),
                (1, "2025-04", date(2025, 4, 1), date(2025, 4, 30), 10, 1.0, 100.0),
                (2, "2025-12", date(2025, 12, 1), date(2025, 12, 31), 20, 3.0, 50.0),
            ],
        )
        bulk_insert(
            conn,
            Employee.__table__,
            ["id", "nip", "name", "unit_id"],
            [
                (1, "198001012005011001", "A", 1),
                (2, "198502022010012002", "B", 1),
                (3, "199003032015031003", "C", 2),
            ],
        )
        bulk_insert(
            conn,
            Performance.__table__,
            ["employee_id", "period", "period_start", "period_end", "score", "rating"],
            [
                (1, "2025-Q1", date(2025, 1, 1), date(2025, 3, 31), 80.0, "Baik"),
                (2, "2025-Q1", date(2025, 1, 1), date(2025, 3, 31), 60.0, "Butuh Perbaikan"),
                (1, "2025-Q2", date(2025, 4, 1), date(2025, 6, 30), 90.0, "Sangat Baik"),
                (3, "2025-Q4", date(2025, 10, 1), date(2025, 12, 31), None, "Baik"),
            ],
        )
    return engine


def test_service_by_quarter_weights_speed_by_volume(city: Engine) -> None:
    frame = service_by_quarter(city).set_index(["unit_id", "quarter_start"])
    q1 = frame.loc[(1, date(2025, 1, 1))]
    assert q1["services"] == 450
    # (100×2 + 300×4) / 400: the March month without a speed is left out of the mean
    assert q1["mean_days"] == pytest.approx(3.5)
    assert q1["pct_on_time"] == pytest.approx((100 * 90 + 300 * 70) / 400)
    assert frame.loc[(1, date(2025, 4, 1)), "services"] == 10
    assert frame.loc[(2, date(2025, 10, 1)), "mean_days"] == pytest.approx(3.0)
    only_b = service_by_quarter(city, Scope(region="B"))
    assert list(only_b["unit_id"]) == [2]
    january_only = service_by_quarter(city, date_from=date(2025, 1, 1), date_to=date(2025, 1, 31))
    assert list(january_only["services"]) == [100]


def test_performance_by_quarter(city: Engine) -> None:
    frame = performance_by_quarter(city).set_index(["unit_id", "quarter_start"])
    q1 = frame.loc[(1, date(2025, 1, 1))]
    assert (q1["rated"], q1["mean_score"], q1["low_rated"]) == (2, 70.0, 1)
    assert frame.loc[(1, date(2025, 4, 1)), "low_rated"] == 0
    assert frame.loc[(2, date(2025, 10, 1)), "rated"] == 1
