"""What data the database holds: counts and date coverage per kind.

The first thing an evaluator checks after an upload, and what decides whether
the app shows the onboarding screen instead of empty charts.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from lib.models import (
    Complaint,
    Employee,
    Performance,
    ServiceStat,
    SurveyMonthly,
    SurveyResponse,
    TrainingParticipation,
    TrainingProgram,
    Unit,
)
from lib.queries.sqlfn import first_and_last

#: kind (upload template name) → (table, date column or None)
KINDS = {
    "unit": (Unit.__table__, None),
    "pegawai": (Employee.__table__, None),
    "pelatihan": (TrainingProgram.__table__, "start_date"),
    "peserta": (TrainingParticipation.__table__, None),
    "kinerja": (Performance.__table__, "period_start"),
    "layanan": (ServiceStat.__table__, "period_start"),
    "pengaduan": (Complaint.__table__, "complaint_date"),
}


#: kinds whose rows span a period: the last date is the end of the last period
PERIOD_END = {"layanan": "period_end", "kinerja": "period_end"}


def data_inventory(engine: Engine) -> pd.DataFrame:
    """One row per kind: ``kind``, ``rows``, ``first_date``, ``last_date``.

    Survey respondents are counted from the monthly aggregate, so this stays
    instant with millions of responses; their first and last *day* come from the
    indexed response dates (the aggregate's month key, 1 October, would read as
    "up to 1 October" for responses that run to the 31st). Service and
    performance rows end on their period's last day.
    """
    records = []
    with engine.connect() as conn:
        for kind, (table, date_col) in KINDS.items():
            columns = [select(func.count()).select_from(table).scalar_subquery()]
            if date_col:
                end_col = PERIOD_END.get(kind, date_col)
                columns += first_and_last(table.c[date_col], table.c[end_col])
            row = conn.execute(select(*columns)).one()
            records.append(
                {
                    "kind": kind,
                    "rows": int(row[0]),
                    "first_date": row[1] if date_col else None,
                    "last_date": row[2] if date_col else None,
                }
            )
        sm, sr = SurveyMonthly.__table__, SurveyResponse.__table__
        total, first, last = conn.execute(
            select(func.coalesce(func.sum(sm.c.respondents), 0), func.min(sm.c.month), func.max(sm.c.month))
        ).one()
        first_day, last_day = conn.execute(select(*first_and_last(sr.c.response_date))).one()
        if last_day is not None:
            first, last = first_day, last_day
    records.insert(5, {"kind": "survei", "rows": int(total), "first_date": first, "last_date": last})
    return pd.DataFrame.from_records(records)


def is_empty(engine: Engine) -> bool:
    """True when no unit exists yet: nothing else can be stored without one."""
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Unit.__table__)).scalar_one() == 0
