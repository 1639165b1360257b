"""Per unit and quarter: service speed and staff performance, aggregated in SQL.

Inputs of the priorities panel and the unit profile card. Quarters are keyed by
their first day (``quarter_start``) so they join with the IKM and complaint
panels. Service statistics are monthly rows; a quarter sums their volumes and
volume-weights their speed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import Engine, Integer, case, cast, func, select

from lib.models import Employee, Performance, ServiceStat, Unit
from lib.queries.sqlfn import quarter_start
from lib.queries.units import CITY, Scope

#: SKP ratings below "Baik": the staff whose performance needs attention.
LOW_RATINGS = ("Butuh Perbaikan", "Kurang", "Sangat Kurang", "Kurang/Misconduct")


def _read(engine: Engine, query: Any) -> pd.DataFrame:
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    if "quarter_start" in frame:
        frame["quarter_start"] = pd.to_datetime(frame["quarter_start"]).dt.date
    return frame


def service_by_quarter(
    engine: Engine, scope: Scope = CITY, date_from: date | None = None, date_to: date | None = None
) -> pd.DataFrame:
    """``unit_id, quarter_start, services, mean_days, pct_on_time`` (speed weighted by volume)."""
    s, u = ServiceStat.__table__, Unit.__table__
    q = quarter_start(s.c.period_start)
    days_known = case((s.c.mean_days.is_not(None), s.c.services), else_=0)
    on_time_known = case((s.c.pct_on_time.is_not(None), s.c.services), else_=0)
    query = (
        select(
            s.c.unit_id,
            q.label("quarter_start"),
            func.sum(s.c.services).label("services"),
            func.sum(s.c.mean_days * s.c.services).label("days_x_services"),
            func.sum(days_known).label("services_with_days"),
            func.sum(s.c.pct_on_time * s.c.services).label("on_time_x_services"),
            func.sum(on_time_known).label("services_with_on_time"),
        )
        .select_from(s.join(u, u.c.id == s.c.unit_id))
        .group_by(s.c.unit_id, q)
    )
    for condition in scope.where(u):
        query = query.where(condition)
    if date_from:
        query = query.where(s.c.period_start >= date_from)
    if date_to:
        query = query.where(s.c.period_start <= date_to)
    frame = _read(engine, query)
    frame["services"] = frame["services"].astype("int64")
    frame["mean_days"] = frame["days_x_services"] / frame["services_with_days"].where(
        frame["services_with_days"] > 0
    )
    frame["pct_on_time"] = frame["on_time_x_services"] / frame["services_with_on_time"].where(
        frame["services_with_on_time"] > 0
    )
    return frame[["unit_id", "quarter_start", "services", "mean_days", "pct_on_time"]]


def performance_by_quarter(
    engine: Engine, scope: Scope = CITY, date_from: date | None = None, date_to: date | None = None
) -> pd.DataFrame:
    """``unit_id, quarter_start, rated, mean_score, low_rated`` over the SKP rows of the unit's staff.

    ``low_rated`` counts ratings below Baik. Yearly or monthly SKP rows fall in
    the quarter their period starts in.
    """
    p, e, u = Performance.__table__, Employee.__table__, Unit.__table__
    q = quarter_start(p.c.period_start)
    query = (
        select(
            e.c.unit_id,
            q.label("quarter_start"),
            func.count().label("rated"),
            func.avg(p.c.score).label("mean_score"),
            func.sum(cast(case((p.c.rating.in_(LOW_RATINGS), 1), else_=0), Integer)).label("low_rated"),
        )
        .select_from(p.join(e, e.c.id == p.c.employee_id).join(u, u.c.id == e.c.unit_id))
        .group_by(e.c.unit_id, q)
    )
    for condition in scope.where(u):
        query = query.where(condition)
    if date_from:
        query = query.where(p.c.period_start >= date_from)
    if date_to:
        query = query.where(p.c.period_start <= date_to)
    frame = _read(engine, query)
    frame["rated"] = frame["rated"].astype("int64")
    frame["low_rated"] = frame["low_rated"].astype("int64")
    return frame
