"""Keeps ``survey_monthly`` equal to a GROUP BY over ``survey_response``.

Imports and undos change it only by additive deltas (``INSERT … ON CONFLICT DO
UPDATE SET x = x + delta``): each statement is atomic on both databases, so two
imports or an import and an undo running at the same time on PostgreSQL each
add their own rows and never overwrite or miss another's (reading, deleting
and re-inserting months lost one import's responses in 3 of 11 trials under
READ COMMITTED). Keys are written in sorted order, so concurrent writers lock
rows in the same order and cannot deadlock. A full rebuild
(:func:`refresh_survey_monthly`) is for the demo load and repairs only. Because
the table holds sums and counts, any NRR/IKM over months and units is exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import Connection, and_, delete, func, insert, select, tuple_

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


#: Columns of ``survey_monthly`` that are sums or counts (everything but the key).
VALUE_COLUMNS = ["respondents"] + [f"{p}_{n}" for n in UNSUR for p in ("sum", "n")]
_CHUNK = 2_000


def _dialect_insert(conn: Connection):  # type: ignore[no-untyped-def]
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert


def add_survey_monthly_deltas(conn: Connection, deltas: pd.DataFrame) -> None:
    """Add ``deltas`` (columns ``unit_id``, ``month`` and :data:`VALUE_COLUMNS`) to the stored months.

    Negative deltas remove responses (undo); a month left with no respondent is
    deleted, as a rebuild would not have it.
    """
    if deltas.empty:
        return
    sm = SurveyMonthly.__table__
    ordered = deltas.sort_values(["unit_id", "month"])
    records: list[dict[str, Any]] = [
        {
            "unit_id": int(row[0]),
            "month": row[1],
            **{c: int(v) for c, v in zip(VALUE_COLUMNS, row[2:], strict=True)},
        }
        for row in ordered[["unit_id", "month", *VALUE_COLUMNS]].itertuples(index=False, name=None)
    ]
    statement = _dialect_insert(conn)(sm)
    statement = statement.on_conflict_do_update(
        index_elements=[sm.c.unit_id, sm.c.month],
        set_={c: sm.c[c] + statement.excluded[c] for c in VALUE_COLUMNS},
    )
    for start in range(0, len(records), _CHUNK):
        conn.execute(statement, records[start : start + _CHUNK])
    if (ordered["respondents"] < 0).any():
        keys = [(r["unit_id"], r["month"]) for r in records]
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            conn.execute(
                delete(sm).where(and_(tuple_(sm.c.unit_id, sm.c.month).in_(chunk), sm.c.respondents <= 0))
            )


def subtract_import_from_survey_monthly(conn: Connection, import_id: int) -> set[int]:
    """Take one import's responses out of ``survey_monthly`` (call before deleting them).

    Returns the units touched. The import's own GROUP BY is subtracted, so
    responses other transactions are adding at the same time are left alone.
    """
    sr = SurveyResponse.__table__
    month = month_start(sr.c.response_date)
    columns = [sr.c.unit_id, month.label("month"), (-func.count()).label("respondents")]
    for name in UNSUR:
        columns.append((-func.coalesce(func.sum(sr.c[name]), 0)).label(f"sum_{name}"))
        columns.append((-func.count(sr.c[name])).label(f"n_{name}"))
    query = select(*columns).where(sr.c.import_id == import_id).group_by(sr.c.unit_id, month)
    deltas = pd.DataFrame(conn.execute(query).mappings().all(), columns=["unit_id", "month", *VALUE_COLUMNS])
    if deltas.empty:
        return set()
    deltas["month"] = [m if not isinstance(m, str) else date.fromisoformat(m[:10]) for m in deltas["month"]]
    add_survey_monthly_deltas(conn, deltas)
    return {int(u) for u in deltas["unit_id"]}
