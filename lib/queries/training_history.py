"""Read side of a unit's training history: the programmes its staff attended, counted in SQL."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, func, select

from lib.queries.training import EMPLOYEE, PARTICIPATION, PROGRAM, UNIT
from lib.queries.units import Scope

#: The one status that is not attending (the history counts passed and failed participants).
ABSENT = "tidak_hadir"


def programmes_attended(engine: Engine, scope: Scope, date_from: date, date_to: date) -> pd.DataFrame:
    """``program_code, program_name, end_date, participants``: programmes ended in the period with
    staff of ``scope`` who attended (every status but absent), one row per programme, by code."""
    staff = select(EMPLOYEE.c.id).join(UNIT, UNIT.c.id == EMPLOYEE.c.unit_id).where(*scope.where(UNIT))
    query = (
        select(
            PROGRAM.c.code.label("program_code"),
            PROGRAM.c.name.label("program_name"),
            PROGRAM.c.end_date,
            func.count().label("participants"),
        )
        .select_from(PARTICIPATION.join(PROGRAM, PROGRAM.c.id == PARTICIPATION.c.program_id))
        .where(
            # the scope's staff first, then their participations by the employee index (joined
            # the other way round, SQLite scanned every participation of the city)
            PARTICIPATION.c.employee_id.in_(staff.scalar_subquery()),
            PROGRAM.c.end_date >= date_from,
            PROGRAM.c.end_date <= date_to,
            PARTICIPATION.c.status != ABSENT,
        )
        .group_by(PROGRAM.c.id, PROGRAM.c.code, PROGRAM.c.name, PROGRAM.c.end_date)
        .order_by(PROGRAM.c.code, PROGRAM.c.name, PROGRAM.c.end_date)
    )
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    frame["end_date"] = pd.to_datetime(frame["end_date"]).dt.date
    frame["participants"] = frame["participants"].astype("int64")
    return frame
