"""Per source: monthly volumes and first/last day, for the complete-data period rule.

Small aggregated queries (one row per month) over indexed date columns, so the
sidebar can ask on every page.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, Connection, Engine, func, select

from lib.coverage import SourceCoverage, last_complete_month, period_anchor, preset_range
from lib.models import Complaint, ServiceStat, SurveyMonthly, SurveyResponse
from lib.queries.sqlfn import first_and_last, month_start


def _day(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _series(rows) -> pd.Series:  # type: ignore[no-untyped-def]
    return pd.Series({_day(m): float(v or 0) for m, v in rows if m is not None}, dtype=float)


def _span(
    conn: Connection, first_column: ColumnElement[Any], last_column: ColumnElement[Any]
) -> tuple[Any, Any]:
    """min(first_column), max(last_column), each from its index (:func:`first_and_last` says why)."""
    return conn.execute(select(*first_and_last(first_column, last_column))).one()


def data_coverage(engine: Engine) -> dict[str, SourceCoverage]:
    """``survei``, ``pengaduan`` and ``layanan``: first day, last day and last complete month, city-wide.

    City-wide on purpose: the period must not move with the viewer's scope.
    """
    sm, sr = SurveyMonthly.__table__, SurveyResponse.__table__
    c, s = Complaint.__table__, ServiceStat.__table__
    out: dict[str, SourceCoverage] = {}
    with engine.connect() as conn:
        survey = _series(conn.execute(select(sm.c.month, func.sum(sm.c.respondents)).group_by(sm.c.month)))
        first, last = _span(conn, sr.c.response_date, sr.c.response_date)
        first, last = _day(first), _day(last)
        if last is None and not survey.empty:  # aggregates without the responses: whole months
            first, last = min(survey.index), max(survey.index)
            last = date(last.year, last.month, pd.Timestamp(last).days_in_month)
        out["survei"] = SourceCoverage("survei", first, last, last_complete_month(survey, last))

        month = month_start(c.c.complaint_date)
        complaints = _series(conn.execute(select(month, func.count()).group_by(month)))
        first, last = _span(conn, c.c.complaint_date, c.c.complaint_date)
        first, last = _day(first), _day(last)
        out["pengaduan"] = SourceCoverage("pengaduan", first, last, last_complete_month(complaints, last))

        services = _series(
            conn.execute(select(s.c.period_start, func.sum(s.c.services)).group_by(s.c.period_start))
        )
        first, last = _span(conn, s.c.period_start, s.c.period_end)
        first, last = _day(first), _day(last)
        out["layanan"] = SourceCoverage("layanan", first, last, last_complete_month(services, last))
    return out


def complete_data_anchor(engine: Engine, today: date | None = None) -> date:
    """The day every default period ends on (pages and CLI): see :mod:`lib.coverage`."""
    return period_anchor(data_coverage(engine), today or date.today())


def default_window(engine: Engine, today: date | None = None) -> tuple[date, date]:
    """The pages' default period ("12 bulan terakhir"), for commands run without dates."""
    return preset_range("last12", complete_data_anchor(engine, today))
