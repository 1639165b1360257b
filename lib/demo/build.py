"""Writes the demo city into a database, as one traceable import.

Everything goes in one transaction: a failed build leaves the database as it
was. Rows carry the ``import_id`` of one ``ImportBatch`` (kind ``demo``), so
the demo can be found, and undone, like any upload. Big tables go through
``lib.bulk.bulk_insert``; ids of units, employees and programmes are read
back by their natural keys rather than assumed, so sequences stay correct.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, text, update

from lib.bulk import bulk_insert
from lib.demo.complaints import COMPLAINT_COLUMNS, generate_complaints
from lib.demo.people import generate_employees
from lib.demo.performance import PERFORMANCE_COLUMNS, first_effect_quarter, generate_performance
from lib.demo.plan import DemoPlan, make_plan, stream
from lib.demo.services import PROFILES, SERVICE_STAT_COLUMNS, monthly_volume, service_stat_rows
from lib.demo.survey import SURVEY_COLUMNS, generate_survey
from lib.demo.training import PARTICIPATION_COLUMNS, generate_participations
from lib.models import (
    AppUser,
    AuditLog,
    Complaint,
    Employee,
    ImportBatch,
    ImportChange,
    Performance,
    ServiceStat,
    SurveyMonthly,
    SurveyResponse,
    ThemeLabel,
    ThemeLabelRound,
    TrainingParticipation,
    TrainingProgram,
    Unit,
)
from lib.queries.aggregates import refresh_survey_monthly
from lib.queries.units import unit_path
from lib.results.registry import SOURCES
from lib.results.store import mark_changed

#: Tables the demo fills (and ``replace`` empties), parents first.
DATA_TABLES = (
    ImportBatch,
    ImportChange,
    Unit,
    Employee,
    TrainingProgram,
    TrainingParticipation,
    Performance,
    ServiceStat,
    SurveyResponse,
    SurveyMonthly,
    Complaint,
    ThemeLabelRound,
    ThemeLabel,
)
#: Leaf tables nothing refers to: emptied with TRUNCATE on PostgreSQL (fast for millions of rows).
#: (Evaluator labels refer to complaints and go with them.)
_LEAF_TABLES = (
    SurveyMonthly,
    SurveyResponse,
    Complaint,
    ThemeLabel,
    ServiceStat,
    Performance,
    TrainingParticipation,
)
GENERATOR_VERSION = 1


class DatabaseNotEmpty(Exception):
    """The database already holds data and ``replace`` was not asked for."""


class ReplaceBlocked(Exception):
    """Replacing would orphan user accounts tied to units the new demo does not have."""


def has_data(conn: Connection) -> bool:
    for model in (
        Unit,
        Employee,
        TrainingProgram,
        SurveyResponse,
        Complaint,
        ServiceStat,
        Performance,
        ImportBatch,
    ):
        if conn.execute(select(model.__table__.c.id).limit(1)).first() is not None:
            return True
    return False


def _content_hash(scale: str, seed: int) -> str:
    parameters = {"generator": "telaah-demo", "version": GENERATOR_VERSION, "scale": scale, "seed": seed}
    return hashlib.sha256(json.dumps(parameters, sort_keys=True).encode()).hexdigest()


def _clear(conn: Connection, plan: DemoPlan) -> dict[int, str]:
    """Empty the data tables; returns the unit code each account was tied to, to restore afterwards."""
    users = AppUser.__table__
    unit = Unit.__table__
    tied = conn.execute(
        select(users.c.id, users.c.username, unit.c.code).join(unit, users.c.unit_id == unit.c.id)
    ).all()
    known = {u.spec.code for u in plan.units}
    orphaned = [row.username for row in tied if row.code not in known]
    if orphaned:
        raise ReplaceBlocked("accounts tied to units the new demo lacks: " + ", ".join(sorted(orphaned)))
    conn.execute(update(users).where(users.c.unit_id.is_not(None)).values(unit_id=None))
    if conn.dialect.name == "postgresql":
        names = ", ".join(m.__tablename__ for m in _LEAF_TABLES)  # type: ignore[attr-defined]
        conn.execute(text(f"TRUNCATE {names}"))
    for model in reversed(DATA_TABLES):
        conn.execute(delete(model.__table__))
    return {row.id: row.code for row in tied}


@contextmanager
def _bulk_loading(conn: Connection, table: Table) -> Iterator[None]:
    """Load an empty table without its secondary indexes (and, on PostgreSQL, foreign keys).

    Millions of rows go in several times faster when each row does not update
    three indexes and fire two foreign-key triggers; afterwards the indexes are
    rebuilt from the models' own definitions and the foreign keys re-added from
    the database's own definitions (validated in one pass). All of it happens
    inside the build's transaction, so a failure restores the schema too.
    """
    indexes = sorted(table.indexes, key=lambda index: index.name or "")
    foreign_keys: list[tuple[str, str]] = []
    preparer = conn.dialect.identifier_preparer
    for index in indexes:
        index.drop(conn)
    if conn.dialect.name == "postgresql":
        foreign_keys = [
            (row.conname, row.definition)
            for row in conn.execute(
                text(
                    "SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint "
                    "WHERE conrelid = CAST(:table AS regclass) AND contype = 'f' ORDER BY conname"
                ),
                {"table": table.name},
            )
        ]
        for name, _ in foreign_keys:
            conn.execute(
                text(f"ALTER TABLE {preparer.quote(table.name)} DROP CONSTRAINT {preparer.quote(name)}")
            )
    yield
    for name, definition in foreign_keys:
        conn.execute(
            text(
                f"ALTER TABLE {preparer.quote(table.name)} ADD CONSTRAINT {preparer.quote(name)} {definition}"
            )
        )
    for index in indexes:
        index.create(conn)


def _insert_units(conn: Connection, plan: DemoPlan, import_id: int) -> dict[str, int]:
    table = Unit.__table__
    ids: dict[str, int] = {}
    paths: dict[str, str] = {}
    for depth in (0, 1):
        rows = []
        for unit in plan.units:
            spec = unit.spec
            if (spec.parent_code is None) != (depth == 0):
                continue
            parent_path = paths[spec.parent_code] if spec.parent_code else None
            paths[spec.code] = unit_path(parent_path, spec.code)
            population = None
            if spec.service is not None:
                population = int(round(monthly_volume(PROFILES[spec.service], unit.volume_factor)[:12].sum()))
            rows.append(
                {
                    "code": spec.code,
                    "name": spec.name,
                    "kind": spec.kind,
                    "parent_id": ids.get(spec.parent_code) if spec.parent_code else None,
                    "path": paths[spec.code],
                    "region": spec.region,
                    "service_population": population,
                    "import_id": import_id,
                }
            )
        conn.execute(insert(table), rows)
        ids.update(dict(conn.execute(select(table.c.code, table.c.id)).all()))
    return ids


def build_demo(
    engine: Engine,
    scale: str = "small",
    seed: int = 2026,
    replace: bool = False,
    progress: Callable[[str], None] | None = None,
    classify: bool = True,
) -> dict[str, int]:
    """Fill a migrated database with the demo city; returns rows written per table.

    ``classify`` then predicts the theme of the complaints that came without one.

    Raises ``DatabaseNotEmpty`` if data exists and ``replace`` is False, and
    ``ReplaceBlocked`` if replacing would orphan user accounts.
    """
    plan = make_plan(scale, seed)
    say = progress or (lambda _message: None)
    counts: dict[str, int] = {}
    started = time.perf_counter()
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA cache_size=-262144")
        restore: dict[int, str] = {}
        if has_data(conn):
            if not replace:
                raise DatabaseNotEmpty("the database already holds data")
            restore = _clear(conn, plan)
        batch = ImportBatch.__table__
        import_id = conn.execute(
            insert(batch)
            .values(
                user="demo",
                file_name=f"demo:{scale}:{seed}",
                content_hash=_content_hash(scale, seed),
                kind="demo",
                message=f"Kota Medan demo city, scale {scale}, seed {seed}",
            )
            .returning(batch.c.id)
        ).scalar_one()

        unit_ids = _insert_units(conn, plan, import_id)
        counts["unit"] = len(unit_ids)
        say(f"unit: {counts['unit']}")

        employees = generate_employees(plan)
        employee_table = Employee.__table__
        bulk_insert(
            conn,
            employee_table,
            (
                "nip",
                "name",
                "unit_id",
                "position",
                "position_type",
                "grade",
                "gender",
                "birth_date",
                "import_id",
            ),
            zip(
                employees["nip"],
                employees["name"],
                [unit_ids[c] for c in employees["unit_code"]],
                employees["position"],
                employees["position_type"],
                employees["grade"],
                employees["gender"],
                employees["birth_date"],
                [import_id] * len(employees),
                strict=True,
            ),
        )
        nip_to_id = dict(conn.execute(select(employee_table.c.nip, employee_table.c.id)).all())
        employee_ids = np.array([nip_to_id[n] for n in employees["nip"]])
        counts["employee"] = len(employees)
        say(f"employee: {counts['employee']}")

        program_table = TrainingProgram.__table__
        bulk_insert(
            conn,
            program_table,
            (
                "code",
                "name",
                "competency_type",
                "method",
                "track",
                "provider",
                "start_date",
                "end_date",
                "jp",
                "import_id",
            ),
            [
                (
                    p.code,
                    p.name,
                    p.competency_type,
                    p.method,
                    p.track,
                    p.provider,
                    p.start,
                    p.end,
                    p.jp,
                    import_id,
                )
                for p in plan.programmes
            ],
        )
        code_to_id = dict(conn.execute(select(program_table.c.code, program_table.c.id)).all())
        counts["training_program"] = len(plan.programmes)

        units_by_code = {u.spec.code: u for u in plan.units}
        unit_service = {
            code: (
                u.spec.service
                or (units_by_code[u.spec.parent_code].spec.service if u.spec.parent_code else None)
            )
            for code, u in units_by_code.items()
        }
        participations, attendance = generate_participations(
            stream(seed, "participation"),
            plan.programmes,
            unit_code=employees["unit_code"].to_numpy(),
            service=np.array([unit_service[c] or "" for c in employees["unit_code"]]),
            region=np.array([units_by_code[c].spec.region for c in employees["unit_code"]]),
            position_type=employees["position_type"].to_numpy(),
            propensity=employees["propensity"].to_numpy(),
            employee_ids=employee_ids,
            program_ids=[code_to_id[p.code] for p in plan.programmes],
            import_id=import_id,
        )
        with _bulk_loading(conn, TrainingParticipation.__table__):
            counts["training_participation"] = bulk_insert(
                conn, TrainingParticipation.__table__, PARTICIPATION_COLUMNS, participations
            )
        say(
            f"training: {counts['training_program']} programmes, {counts['training_participation']} participants"
        )

        effect_from = first_effect_quarter(attendance, plan.programmes, len(employees))
        unit_shift = np.array([plan.units[i].skp_shift for i in employees["unit_index"]])
        performance = generate_performance(
            stream(seed, "performance"),
            employee_ids=employee_ids,
            unit_shift=unit_shift,
            effect_from=effect_from,
            import_id=import_id,
        )
        with _bulk_loading(conn, Performance.__table__):
            counts["performance"] = bulk_insert(conn, Performance.__table__, PERFORMANCE_COLUMNS, performance)
        say(f"performance: {counts['performance']}")

        counts["service_stat"] = bulk_insert(
            conn, ServiceStat.__table__, SERVICE_STAT_COLUMNS, _service_stats(plan, unit_ids, import_id)
        )
        say(f"service_stat: {counts['service_stat']}")

        counts["survey_response"] = 0
        with _bulk_loading(conn, SurveyResponse.__table__):
            for chunk in generate_survey(plan, unit_ids, import_id):
                counts["survey_response"] += bulk_insert(
                    conn, SurveyResponse.__table__, SURVEY_COLUMNS, chunk
                )
                say(f"survey_response: {counts['survey_response']}")
        say("survey_response: indexes and constraints restored")
        counts["survey_monthly"] = refresh_survey_monthly(conn)
        say(f"survey_monthly: {counts['survey_monthly']}")

        complaints = generate_complaints(plan, unit_ids, import_id)
        with _bulk_loading(conn, Complaint.__table__):
            counts["complaint"] = bulk_insert(conn, Complaint.__table__, COMPLAINT_COLUMNS, complaints)
        say(f"complaint: {counts['complaint']}")

        for user_id, code in restore.items():
            conn.execute(
                update(AppUser.__table__)
                .where(AppUser.__table__.c.id == user_id)
                .values(unit_id=unit_ids[code])
            )
        total = sum(v for k, v in counts.items() if k != "survey_monthly")
        conn.execute(
            update(batch).where(batch.c.id == import_id).values(rows_total=total, rows_inserted=total)
        )
        conn.execute(
            insert(AuditLog.__table__).values(
                username="system",
                action="demo_load",
                detail=json.dumps(
                    {
                        "scale": scale,
                        "seed": seed,
                        "replace": replace,
                        "import_id": import_id,
                        "seconds": round(time.perf_counter() - started, 1),
                    }
                ),
            )
        )
        counts["survey_monthly"] = conn.execute(
            select(func.count()).select_from(SurveyMonthly.__table__)
        ).scalar_one()
        mark_changed(conn, *SOURCES)
    if classify:
        # Like a real city, ~40 % of complaints arrive without a theme: guess them from the text,
        # as after any complaint import (its own transaction, once the data is committed). The CLI
        # trains here; the page's "load demo" passes classify=False and leaves it to the worker.
        from lib.services.complaint_themes import classify_uncategorised

        run = classify_uncategorised(engine=engine)
        say(f"complaint themes predicted: {run.predicted}")
    return counts


def _service_stats(plan: DemoPlan, unit_ids: dict[str, int], import_id: int) -> list[tuple]:
    from lib.demo.calendar import MONTHS, add_months, month_index_of
    from lib.demo.plan import DIGITAL_ON_TIME_EFFECT, DIGITAL_SERVICE_DAYS_RATIO

    rng = stream(plan.seed, "service_stat")
    rows: list[tuple] = []
    for unit in plan.units:
        if unit.spec.service is None:
            continue
        days_factor = np.full(len(MONTHS), unit.days_factor)
        on_time = np.full(len(MONTHS), unit.on_time)
        if unit.cohort is not None:
            start = month_index_of(add_months(unit.cohort, 3))
            days_factor[start:] *= DIGITAL_SERVICE_DAYS_RATIO
            on_time[start:] += DIGITAL_ON_TIME_EFFECT
        rows.extend(
            service_stat_rows(
                rng,
                unit_ids[unit.spec.code],
                PROFILES[unit.spec.service],
                unit.volume_factor,
                days_factor,
                on_time,
                import_id,
            )
        )
    return rows
