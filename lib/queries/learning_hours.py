"""The 20-JP rule: learning hours per employee and per unit in a calendar year.

Every ASN must get at least 20 JP of competency development a year (PP 11/2017
as amended by PP 17/2020). A programme's JP count for a participant who
attended it (status lulus or tidak_lulus; ``tidak_hadir`` earns nothing), in the
year the programme ended. Summed in the database, per employee, then per unit.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from sqlalchemy import Engine, and_, case, func, select

from lib.models import Employee, TrainingParticipation, TrainingProgram, Unit
from lib.queries.sqlfn import year_of
from lib.queries.units import CITY, Scope
from lib.vocabulary import ATTENDED

JP_TARGET = 20


def employee_learning_hours(engine: Engine, year: int, scope: Scope = CITY) -> pd.DataFrame:
    """One row per employee in scope: nip, name, unit code/name, ``jp`` earned in ``year``, ``meets_target``,
    and ``last_training`` (end date of the latest programme attended, any year)."""
    e, u = Employee.__table__, Unit.__table__
    p, tp = TrainingProgram.__table__, TrainingParticipation.__table__
    attended = tp.c.status.in_(ATTENDED)
    jp_year = func.coalesce(
        func.sum(case((and_(attended, year_of(p.c.end_date) == year), p.c.jp), else_=0)), 0
    )
    last = func.max(case((attended, p.c.end_date), else_=None))
    query = (
        select(
            e.c.id.label("employee_id"),
            e.c.nip,
            e.c.name,
            e.c.position_type,
            u.c.id.label("unit_id"),
            u.c.code.label("unit_code"),
            u.c.name.label("unit_name"),
            jp_year.label("jp"),
            last.label("last_training"),
        )
        .select_from(
            e.join(u, e.c.unit_id == u.c.id)
            .outerjoin(tp, tp.c.employee_id == e.c.id)
            .outerjoin(p, p.c.id == tp.c.program_id)
        )
        .group_by(e.c.id, e.c.nip, e.c.name, e.c.position_type, u.c.id, u.c.code, u.c.name)
        .order_by(u.c.code, e.c.nip)
    )
    for condition in scope.where(u):
        query = query.where(condition)
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    frame["jp"] = frame["jp"].astype(int)
    frame["meets_target"] = frame["jp"] >= JP_TARGET
    frame["last_training"] = pd.to_datetime(frame["last_training"]).dt.date
    return frame


def unit_learning_hours(
    engine: Engine, year: int, scope: Scope = CITY, as_of: date | None = None
) -> pd.DataFrame:
    """Per unit: ``employees``, ``meeting_target`` (≥ 20 JP in ``year``), ``share_meeting``,
    ``jp_per_employee`` and ``untrained_12m`` (no programme attended in the 12 months before ``as_of``).

    Only programmes ended by ``as_of`` count, so this year so far can be compared
    with last year up to the same day. The programmes that matter (ended between
    the earlier of 1 January and 12 months back, and ``as_of``) are picked first,
    so the join touches only their participants even with 20,000 employees.
    """
    as_of = as_of or min(date.today(), date(year, 12, 31))
    cutoff = as_of - timedelta(days=365)
    year_start = date(year, 1, 1)
    e, u = Employee.__table__, Unit.__table__
    p, tp = TrainingProgram.__table__, TrainingParticipation.__table__
    relevant = (
        select(
            tp.c.employee_id,
            case((p.c.end_date >= year_start, p.c.jp), else_=0).label("jp_in_year"),
            case((p.c.end_date > cutoff, 1), else_=0).label("in_last_12m"),
        )
        .select_from(tp.join(p, p.c.id == tp.c.program_id))
        .where(tp.c.status.in_(ATTENDED), p.c.end_date <= as_of, p.c.end_date >= min(year_start, cutoff))
        .subquery()
    )
    per_employee = (
        select(
            e.c.id.label("employee_id"),
            e.c.unit_id,
            func.coalesce(func.sum(relevant.c.jp_in_year), 0).label("jp"),
            func.coalesce(func.max(relevant.c.in_last_12m), 0).label("trained_12m"),
        )
        .select_from(e.outerjoin(relevant, relevant.c.employee_id == e.c.id))
        .group_by(e.c.id, e.c.unit_id)
        .subquery()
    )
    query = (
        select(
            u.c.id.label("unit_id"),
            u.c.code.label("unit_code"),
            u.c.name.label("unit_name"),
            func.count(per_employee.c.employee_id).label("employees"),
            func.sum(case((per_employee.c.jp >= JP_TARGET, 1), else_=0)).label("meeting_target"),
            func.sum(per_employee.c.jp).label("jp_total"),
            func.sum(1 - per_employee.c.trained_12m).label("untrained_12m"),
        )
        .select_from(u.join(per_employee, per_employee.c.unit_id == u.c.id))
        .group_by(u.c.id, u.c.code, u.c.name)
        .order_by(u.c.code)
    )
    for condition in scope.where(u):
        query = query.where(condition)
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    for column in ("employees", "meeting_target", "jp_total", "untrained_12m"):
        frame[column] = frame[column].astype(int)
    frame["share_meeting"] = frame["meeting_target"] / frame["employees"]
    frame["jp_per_employee"] = frame["jp_total"] / frame["employees"]
    return frame


def city_learning_hours(units: pd.DataFrame) -> dict[str, float]:
    """Totals over the rows of :func:`unit_learning_hours`: employees, meeting target, share, JP per employee."""
    employees = int(units["employees"].sum())
    meeting = int(units["meeting_target"].sum())
    return {
        "employees": employees,
        "meeting_target": meeting,
        "share_meeting": meeting / employees if employees else float("nan"),
        "jp_per_employee": float(units["jp_total"].sum()) / employees if employees else float("nan"),
    }
