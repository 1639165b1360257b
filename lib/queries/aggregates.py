"""Keeps ``survey_monthly`` equal to a GROUP BY over ``survey_response``.

Called after every write to survey responses (import, undo, demo load) for the
units it touched; a full rebuild is one call with ``unit_ids=None``. Because the
table holds sums and counts, any NRR/IKM over months and units is exact.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, delete, func, insert, select

from lib.models import UNSUR, SurveyMonthly, SurveyResponse
from lib.queries.sqlfn import month_start


def refresh_survey_monthly(conn: Connection, unit_ids: Iterable[int] | None = None) -> int:
    """Recompute the monthly aggregates of ``unit_ids`` (all units when None); returns rows written."""
    sr = SurveyResponse.__table__
    sm = SurveyMonthly.__table__
    ids = None if unit_ids is None else sorted(set(unit_ids))
    if ids is not None and not ids:
        return 0

    month = month_start(sr.c.response_date)
    columns = [sr.c.unit_id, month.label("month"), func.count().label("respondents")]
    for name in UNSUR:
        columns.append(func.coalesce(func.sum(sr.c[name]), 0).label(f"sum_{name}"))
        columns.append(func.count(sr.c[name]).label(f"n_{name}"))
    query = select(*columns).group_by(sr.c.unit_id, month)

    remove = delete(sm)
    if ids is not None:
        query = query.where(sr.c.unit_id.in_(ids))
        remove = remove.where(sm.c.unit_id.in_(ids))
    conn.execute(remove)
    target = ["unit_id", "month", "respondents"] + [f"{p}_{n}" for n in UNSUR for p in ("sum", "n")]
    result = conn.execute(insert(sm).from_select(target, query))
    return max(result.rowcount or 0, 0)
