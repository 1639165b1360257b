"""Staff of a unit who need training most: below 20 JP this year, or rated below Baik.

Names and NIPs are personal data: callers show this list only to roles allowed
to see names (``lib.auth.privacy.redact_people``).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, select

from lib.models import Employee, Performance
from lib.queries.learning_hours import JP_TARGET, employee_learning_hours
from lib.queries.unit_quarterly import LOW_RATINGS
from lib.queries.units import Scope


def latest_ratings(engine: Engine, unit_ids: list[int], as_of: date) -> pd.DataFrame:
    """``employee_id, period, score, rating`` of each employee's latest SKP up to ``as_of``.

    The SKP rows of the units' staff are read through the employee index (a few per person)
    and the latest kept here: joined back on ``period_start`` in SQL, SQLite walked the
    period index instead, reading a whole quarter of the city per employee (0.8 s for one unit).
    An employee with two periods starting the same day (a year and its first quarter) keeps both.
    """
    p, e = Performance.__table__, Employee.__table__
    query = (
        select(p.c.employee_id, p.c.period, p.c.period_start, p.c.score, p.c.rating)
        .select_from(p.join(e, e.c.id == p.c.employee_id))
        .where(e.c.unit_id.in_(unit_ids), p.c.period_start <= as_of)
    )
    with engine.connect() as conn:
        rows = pd.read_sql(query, conn)
    latest = rows["period_start"] == rows.groupby("employee_id")["period_start"].transform("max")
    return rows.loc[latest, ["employee_id", "period", "score", "rating"]].reset_index(drop=True)


def staff_needing_training(
    engine: Engine, scope: Scope, year: int, as_of: date | None = None
) -> pd.DataFrame:
    """Employees in ``scope`` below 20 JP in ``year`` or with a latest SKP below Baik, neediest first.

    Columns: ``nip, employee_name, unit_code, unit_name, position_type, jp, jp_short,
    last_training, skp_period, skp_score, skp_rating, low_skp``. Sorted by low SKP
    first, then by the JP still missing.
    """
    as_of = as_of or date.today()
    staff = employee_learning_hours(engine, year, scope)
    if staff.empty:
        return staff.assign(jp_short=[], skp_period=[], skp_score=[], skp_rating=[], low_skp=[])
    ratings = latest_ratings(engine, sorted(staff["unit_id"].unique().tolist()), as_of)
    out = staff.merge(ratings, on="employee_id", how="left").rename(
        columns={
            "name": "employee_name",
            "period": "skp_period",
            "score": "skp_score",
            "rating": "skp_rating",
        }
    )
    out["jp_short"] = (JP_TARGET - out["jp"]).clip(lower=0)
    out["low_skp"] = out["skp_rating"].isin(LOW_RATINGS)
    out = out[(out["jp_short"] > 0) | out["low_skp"]]
    out = out.sort_values(["low_skp", "jp_short", "nip"], ascending=[False, False, True], ignore_index=True)
    return out[
        [
            "nip",
            "employee_name",
            "unit_code",
            "unit_name",
            "position_type",
            "jp",
            "jp_short",
            "last_training",
            "skp_period",
            "skp_score",
            "skp_rating",
            "low_skp",
        ]
    ]
