"""Read side of training impact: participations, SKP panel, unit training timing, outcomes by quarter.

Every query takes a :class:`~lib.queries.units.Scope` (applied to the unit of the
employee, or of the service unit) and aggregates in SQL where the data are big.
Participations and quarterly SKP rows are per person (a city has tens of
thousands, not millions); unit outcomes are one row per unit and quarter.

The period filter selects *programmes* (by their end date). Outcomes before and
after training are read for every quarter available, since a before/after
comparison needs quarters outside the training period.

Quarters are returned both as ``quarter_start`` (a date) and ``quarter`` (the
integer of :func:`lib.periods.quarter_index`). The unit-quarter outcome panel, which
needs the IKM arithmetic, is assembled in :func:`lib.services.impact.unit_outcome_panel`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Engine, func, select
from sqlalchemy.sql import Select

from lib.models import Complaint, Employee, Performance, TrainingParticipation, TrainingProgram, Unit
from lib.periods import quarter_index
from lib.queries.sqlfn import quarter_start
from lib.queries.units import CITY, Scope
from lib.vocabulary import ATTENDED

PROGRAM = TrainingProgram.__table__
PARTICIPATION = TrainingParticipation.__table__
EMPLOYEE = Employee.__table__
UNIT = Unit.__table__
PERFORMANCE = Performance.__table__
COMPLAINT = Complaint.__table__


@dataclass(frozen=True)
class TrainingSelection:
    """Which programmes to evaluate; None in a field means "any".

    ``program_codes`` picks programmes by code; the other fields filter on the
    programme's competency type (teknis / manajerial / sosial_kultural), method
    (e.g. e-learning), track (klasikal / nonklasikal) and provider. Programmes
    must also end inside the page's period.
    """

    program_codes: tuple[str, ...] | None = None
    competency_type: str | tuple[str, ...] | None = None
    method: str | tuple[str, ...] | None = None
    track: str | tuple[str, ...] | None = None
    provider: str | tuple[str, ...] | None = None

    def where(self, date_from: date | None = None, date_to: date | None = None) -> list[Any]:
        conditions: list[Any] = []
        if self.program_codes is not None:
            conditions.append(PROGRAM.c.code.in_(list(self.program_codes)))
        for column, value in (
            ("competency_type", self.competency_type),
            ("method", self.method),
            ("track", self.track),
            ("provider", self.provider),
        ):
            if isinstance(value, str):
                conditions.append(PROGRAM.c[column] == value)
            elif value is not None:
                conditions.append(PROGRAM.c[column].in_(list(value)))
        if date_from is not None:
            conditions.append(PROGRAM.c.end_date >= date_from)
        if date_to is not None:
            conditions.append(PROGRAM.c.end_date <= date_to)
        return conditions


ALL_PROGRAMS = TrainingSelection()

_RUN_MARKERS = (
    re.compile(r"\b(angkatan|angk\.?|batch|gelombang|kelas)\s+[\w.]+", re.IGNORECASE),
    re.compile(r"\btahun\s+\d{4}\b", re.IGNORECASE),
    re.compile(r"\b(19|20)\d{2}\b"),
)


def course_name(program_name: str) -> str:
    """The course a programme is a run of: its name without batch and year markers.

    BKPSDM names each run "… Angkatan III Tahun 2025"; the runs of one course
    train different people in the same content, and a unit counts as trained
    (level 4) when enough of its staff took the course in any of its runs.
    """
    name = program_name
    for pattern in _RUN_MARKERS:
        name = pattern.sub(" ", name)
    return re.sub(r"\s+", " ", name).strip(" -–,") or program_name.strip()


def _read(engine: Engine, query: Select[Any]) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def with_quarters(frame: pd.DataFrame, column: str = "quarter_start") -> pd.DataFrame:
    """Dates as ``datetime.date`` on both databases, plus the integer ``quarter``."""
    frame[column] = pd.to_datetime(frame[column]).dt.date
    # a few dozen distinct quarter starts among up to 200,000 rows: index each once
    index = {d: quarter_index(d) for d in frame[column].unique()}
    frame["quarter"] = np.array([index[d] for d in frame[column]], dtype="int64")
    return frame


def _scoped_participations(query: Select[Any], scope: Scope) -> Select[Any]:
    query = query.select_from(
        PARTICIPATION.join(PROGRAM, PROGRAM.c.id == PARTICIPATION.c.program_id)
        .join(EMPLOYEE, EMPLOYEE.c.id == PARTICIPATION.c.employee_id)
        .join(UNIT, UNIT.c.id == EMPLOYEE.c.unit_id)
    )
    return query.where(*scope.where(UNIT))


def list_programs(
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    selection: TrainingSelection = ALL_PROGRAMS,
) -> pd.DataFrame:
    """Programmes with at least one participant in scope, newest first.

    Columns: ``program_code``, ``program_name``, ``competency_type``, ``method``,
    ``track``, ``provider``, ``start_date``, ``end_date``, ``jp``, ``participants``,
    ``course`` (:func:`course_name`).
    """
    query = _scoped_participations(
        select(
            PROGRAM.c.code.label("program_code"),
            PROGRAM.c.name.label("program_name"),
            PROGRAM.c.competency_type,
            PROGRAM.c.method,
            PROGRAM.c.track,
            PROGRAM.c.provider,
            PROGRAM.c.start_date,
            PROGRAM.c.end_date,
            PROGRAM.c.jp,
            func.count().label("participants"),
        ),
        scope,
    )
    query = query.where(*selection.where(date_from, date_to)).group_by(PROGRAM.c.id)
    frame = _read(engine, query.order_by(PROGRAM.c.end_date.desc(), PROGRAM.c.code))
    for column in ("start_date", "end_date"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    frame["participants"] = frame["participants"].astype("int64")
    frame["course"] = [course_name(n) for n in frame["program_name"]]
    return frame


def participations(
    engine: Engine,
    selection: TrainingSelection = ALL_PROGRAMS,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
) -> pd.DataFrame:
    """One row per participant of the selected programmes whose unit is in scope.

    Columns: programme fields (``program_code``, ``program_name``,
    ``competency_type``, ``method``, ``track``, ``provider``, ``end_date``),
    ``participation_id``, ``employee_id``, ``unit_id``, ``status``,
    ``pre_score``, ``post_score``, ``reaction_material``, ``reaction_trainer``,
    ``reaction_usefulness``. No names or NIPs: the impact analysis never needs them.
    """
    query = _scoped_participations(
        select(
            PROGRAM.c.code.label("program_code"),
            PROGRAM.c.name.label("program_name"),
            PROGRAM.c.competency_type,
            PROGRAM.c.method,
            PROGRAM.c.track,
            PROGRAM.c.provider,
            PROGRAM.c.end_date,
            PARTICIPATION.c.id.label("participation_id"),
            PARTICIPATION.c.employee_id,
            EMPLOYEE.c.unit_id,
            PARTICIPATION.c.status,
            PARTICIPATION.c.pre_score,
            PARTICIPATION.c.post_score,
            PARTICIPATION.c.reaction_material,
            PARTICIPATION.c.reaction_trainer,
            PARTICIPATION.c.reaction_usefulness,
        ),
        scope,
    ).where(*selection.where(date_from, date_to))
    frame = _read(engine, query.order_by(PROGRAM.c.code, PARTICIPATION.c.id))
    frame["end_date"] = pd.to_datetime(frame["end_date"]).dt.date
    for column in ("pre_score", "post_score", "reaction_material", "reaction_trainer", "reaction_usefulness"):
        frame[column] = frame[column].astype("float64")
    return frame


def completions(
    engine: Engine,
    selection: TrainingSelection = ALL_PROGRAMS,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
) -> pd.DataFrame:
    """Attended participations: ``employee_id``, ``unit_id``, ``program_code``, ``status``, ``quarter_start`` of the end date, ``quarter``.

    ``status`` is ``lulus`` (completed: counts as trained) or ``tidak_lulus``
    (attended without passing: not trained, but not an untouched comparison either).
    """
    q = quarter_start(PROGRAM.c.end_date)
    query = _scoped_participations(
        select(
            PARTICIPATION.c.employee_id,
            EMPLOYEE.c.unit_id,
            PROGRAM.c.code.label("program_code"),
            PARTICIPATION.c.status,
            q.label("quarter_start"),
            PROGRAM.c.name.label("program_name"),
        ),
        scope,
    ).where(PARTICIPATION.c.status.in_(ATTENDED), *selection.where(date_from, date_to))
    frame = with_quarters(_read(engine, query))
    # the course (all runs of one programme), so level 4 can tell other courses' training apart
    names = frame.pop("program_name")
    courses = {n: course_name(n) for n in names.unique()}  # one per programme, not per participant
    frame["course"] = [courses[n] for n in names]
    return frame


def performance_panel(engine: Engine, scope: Scope = CITY) -> pd.DataFrame:
    """Quarterly SKP scores of employees in scope: ``employee_id``, ``unit_id``, ``quarter_start``, ``quarter``, ``score``.

    Only rows whose period is a quarter (``YYYY-Qn``) with a score: yearly or
    monthly ratings cannot be placed before or after a training quarter.
    """
    query = (
        select(
            PERFORMANCE.c.employee_id,
            EMPLOYEE.c.unit_id,
            PERFORMANCE.c.period_start.label("quarter_start"),
            PERFORMANCE.c.score,
        )
        .select_from(
            PERFORMANCE.join(EMPLOYEE, EMPLOYEE.c.id == PERFORMANCE.c.employee_id).join(
                UNIT, UNIT.c.id == EMPLOYEE.c.unit_id
            )
        )
        .where(PERFORMANCE.c.period.like("____-Q_"), PERFORMANCE.c.score.is_not(None), *scope.where(UNIT))
    )
    frame = with_quarters(_read(engine, query))
    frame["score"] = frame["score"].astype("float64")
    return frame


def unit_staff(engine: Engine, scope: Scope = CITY) -> pd.Series:
    """Employees per unit in scope (unit_id → count): the denominator of the trained share."""
    query = (
        select(EMPLOYEE.c.unit_id, func.count().label("staff"))
        .select_from(EMPLOYEE.join(UNIT, UNIT.c.id == EMPLOYEE.c.unit_id))
        .where(*scope.where(UNIT))
        .group_by(EMPLOYEE.c.unit_id)
    )
    frame = _read(engine, query)
    return frame.set_index("unit_id")["staff"].astype("int64")


def complaints_by_quarter(
    engine: Engine, scope: Scope = CITY, date_from: date | None = None, date_to: date | None = None
) -> pd.DataFrame:
    """Complaints received per unit and quarter: ``unit_id``, ``quarter_start``, ``quarter``, ``complaints``."""
    q = quarter_start(COMPLAINT.c.complaint_date)
    query = (
        select(COMPLAINT.c.unit_id, q.label("quarter_start"), func.count().label("complaints"))
        .select_from(COMPLAINT.join(UNIT, UNIT.c.id == COMPLAINT.c.unit_id))
        .where(*scope.where(UNIT))
        .group_by(COMPLAINT.c.unit_id, q)
    )
    if date_from is not None:
        query = query.where(COMPLAINT.c.complaint_date >= date_from)
    if date_to is not None:
        query = query.where(COMPLAINT.c.complaint_date <= date_to)
    frame = with_quarters(_read(engine, query))
    frame["complaints"] = frame["complaints"].astype("int64")
    return frame
