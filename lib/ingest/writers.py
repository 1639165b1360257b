"""Writing one validated upload: one transaction, upserts that undo can reverse.

A record the upload already finds stored (same unit code, NIP, programme code
and NIP, NIP and period, unit and period, complaint number) is updated, not
duplicated, and its previous values are kept in ``import_change`` so that undo
restores them. A record whose values are already those of the file is left
alone and counted as unchanged. Survey rows have no natural key: they are
appended with :func:`lib.bulk.bulk_insert` (COPY on PostgreSQL) and the
monthly aggregates of the units they touch are rebuilt in the same transaction.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import (
    Column,
    Connection,
    Integer,
    Table,
    and_,
    bindparam,
    func,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY

from lib.bulk import bulk_insert
from lib.ingest.values import nip_birth_date, nip_gender
from lib.models import (
    UNSUR,
    Complaint,
    Employee,
    ImportChange,
    Performance,
    ServiceStat,
    SurveyResponse,
    TrainingParticipation,
    TrainingProgram,
    Unit,
)
from lib.queries.aggregates import add_survey_monthly_deltas
from lib.queries.units import unit_path

Progress = Callable[[float, str], None]
_CHUNK = 5_000
_SURVEY_CHUNK = 100_000


@dataclass
class WriteCounts:
    """What the write did, in file rows (``extra`` holds counts of records the rows implied)."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    touched_units: set[int] = field(default_factory=set)
    extra: dict[str, int] = field(default_factory=dict)


def _py(value: Any) -> Any:
    """pandas/numpy scalars to plain Python (NaN/NaT → None) for the drivers and JSON."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date() if value == value.normalize() else value.to_pydatetime()
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else _py(pd.Timestamp(value))
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def _same(old: Any, new: Any) -> bool:
    if old is None or new is None:
        return old is None and new is None
    if isinstance(old, int | float) and isinstance(new, int | float):
        return math.isclose(float(old), float(new), rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(old, datetime) and isinstance(new, date) and not isinstance(new, datetime):
        return old.date() == new
    return old == new


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


#: types the drivers take as they are (``type(v) in``: a pd.Timestamp is a datetime subclass, not one of these)
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None), date, datetime})


def column_values(series: pd.Series, *, moments: bool = False) -> list[Any]:
    """A column as plain Python values, exactly as :func:`_py` gives them cell by cell, built in C.

    Whole-number and boolean columns come out of numpy's ``tolist``; floats with
    NaN as None; ``datetime64`` columns as :class:`date` where the time is
    midnight and :class:`datetime` elsewhere (NaT as None); object columns
    with missing values as None and only cells of an unusual type (numpy
    scalars, Timestamps) passed through :func:`_py`. With ``moments`` a
    ``datetime64`` column gives :class:`datetime` throughout (midnight as 00:00),
    for a DateTime column.
    """
    dtype = series.dtype
    if not isinstance(dtype, np.dtype) or dtype.kind not in "iubfM":  # text, objects, pandas' own dtypes
        objects = series.to_numpy(dtype=object, na_value=None).tolist()
        plain = _PLAIN_TYPES
        values = [v if type(v) in plain else _py(v) for v in objects]
        if moments:
            values = [datetime(v.year, v.month, v.day) if type(v) is date else v for v in values]
        return values
    if dtype.kind in "iub":
        return series.to_numpy().tolist()
    if dtype.kind == "f":
        values = series.to_numpy()
        missing = np.isnan(values)
        if not missing.any():
            return values.tolist()
        objects = values.astype(object)
        objects[missing] = None
        return objects.tolist()
    stamps = series.to_numpy().astype("datetime64[us]")  # numpy's datetime64: no time zone
    if moments:
        return stamps.tolist()
    days = stamps.astype("datetime64[D]")
    midnight = stamps == days  # NaT compares unequal: it falls to the datetime branch, as None
    if midnight.all():
        return days.tolist()
    if not midnight.any():
        return stamps.tolist()
    return np.where(midnight, days.astype(object), stamps.astype(object)).tolist()


#: rows column by column: table column -> its values, every list as long as the others
Columns = dict[str, list[Any]]


def columns_of(frame: pd.DataFrame, columns: dict[str, str], moments: tuple[str, ...] = ()) -> Columns:
    """The columns of ``frame`` as lists of plain values keyed by table column (``columns``: frame → table).

    Table columns named in ``moments`` are DateTime columns: their dates are datetimes at 00:00.
    """
    return {
        dst: column_values(frame[src], moments=dst in moments)
        for src, dst in columns.items()
        if src in frame.columns
    }


def _driver_values(conn: Connection, column: Column[Any], values: list[Any]) -> list[Any]:
    """``values`` as the database receives them for ``column`` when SQLAlchemy binds them.

    On SQLite dates become its text form; on PostgreSQL, whose COPY takes every value
    as text, a whole number read as a float (``12500.0``) goes to an integer column as one.

    The type's bind processor runs once per distinct value: a file holds a few
    hundred distinct dates however many rows it has.
    """
    if isinstance(column.type, Integer) and conn.dialect.name == "postgresql":
        # COPY reads "12500.0" as no integer; a bound float would be cast (rounded) by the server
        values = [round(v) if type(v) is float else v for v in values]
    process = column.type._cached_bind_processor(conn.dialect)  # noqa: SLF001 - SQLAlchemy's own conversion
    if process is None:
        return values
    try:
        done = {v: process(v) for v in dict.fromkeys(values)}
    except TypeError:  # an unhashable value (JSON): convert each
        return [process(v) for v in values]
    return [done[v] for v in values]


def insert_rows(conn: Connection, table: Table, names: Sequence[str], lists: Sequence[list[Any]]) -> None:
    """Insert rows given column by column (``lists[i]`` holds column ``names[i]``) as :func:`sqlalchemy.insert` would.

    COPY on PostgreSQL, the driver's ``executemany`` on SQLite (:func:`lib.bulk.bulk_insert`),
    inside the caller's transaction; values are bound by each column's own SQLAlchemy
    type, and a column the rows lack gets its Python-side scalar default. A column with
    a callable default falls back to SQLAlchemy's own insert.
    """
    if not lists or not lists[0]:
        return
    size = len(lists[0])
    names, lists = list(names), list(lists)
    for column in table.columns:
        if column.name in names or column.default is None:
            continue
        if not column.default.is_scalar:
            rows = [dict(zip(names, values, strict=True)) for values in zip(*lists, strict=True)]
            for start in range(0, len(rows), _CHUNK):
                conn.execute(insert(table), rows[start : start + _CHUNK])
            return
        names.append(column.name)
        lists.append([column.default.arg] * size)
    bound = [_driver_values(conn, table.c[name], values) for name, values in zip(names, lists, strict=True)]
    bulk_insert(conn, table, names, zip(*bound, strict=True))


def upsert(
    conn: Connection,
    table: Table,
    keys: Sequence[str],
    rows: Columns,
    batch_id: int,
    *,
    insert_defaults: dict[str, Any] | None = None,
    want_ids: bool = True,
) -> tuple[list[int], WriteCounts]:
    """Insert new rows, update changed ones (recording their previous row), leave equal ones.

    Returns the id of every row in ``rows`` order (an empty list when ``want_ids``
    is false: the new rows' ids are then not read back). Only the columns ``rows``
    carries are compared and written: a column the file lacks keeps its stored
    value. New rows are written in one bulk insert, straight from the columns.
    """
    counts = WriteCounts()
    names = list(rows)
    size = len(rows[names[0]]) if names else 0
    if size == 0:
        return [], counts
    columns = [c for c in names if c not in keys]
    all_columns = [c.name for c in table.columns if c.name != "id"]
    key_of = list(zip(*(rows[k] for k in keys), strict=True))
    existing = _fetch_by_keys(conn, table, keys, key_of)
    ids: list[int | None] = [None] * size
    new_at: list[int] = []
    changed: list[dict[str, Any]] = []
    befores: list[dict[str, Any]] = []
    for i, key in enumerate(key_of):
        old = existing.get(key)
        if old is None:
            new_at.append(i)
            continue
        ids[i] = old["id"]
        record = {c: rows[c][i] for c in columns}
        if all(_same(old[c], record[c]) for c in columns):
            counts.unchanged += 1
            continue
        befores.append(
            {
                "import_id": batch_id,
                "table_name": table.name,
                "row_id": old["id"],
                "before": json.dumps({c: _json_value(old[c]) for c in all_columns}),
            }
        )
        changed.append({"_id": old["id"], **record, "import_id": batch_id})
    if new_at:
        every = len(new_at) == size
        defaults = {k: v for k, v in (insert_defaults or {}).items() if k not in names and k != "import_id"}
        own = [n for n in names if n != "import_id"]
        insert_rows(
            conn,
            table,
            [*defaults, *own, "import_id"],
            [
                *([value] * len(new_at) for value in defaults.values()),
                *(rows[n] if every else [rows[n][i] for i in new_at] for n in own),
                [batch_id] * len(new_at),
            ],
        )
    if changed:
        statement = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({c: bindparam(c) for c in [*columns, "import_id"]})
        )
        for start in range(0, len(changed), _CHUNK):
            conn.execute(statement, changed[start : start + _CHUNK])
        conn.execute(insert(ImportChange.__table__), befores)
    counts.inserted = len(new_at)
    counts.updated = len(changed)
    if not want_ids:
        return [], counts
    if new_at:
        fresh = _fetch_by_keys(conn, table, keys, [key_of[i] for i in new_at])
        for i in new_at:
            ids[i] = fresh[key_of[i]]["id"]
    return [int(i) for i in ids if i is not None], counts


def _fetch_by_keys(
    conn: Connection, table: Table, keys: Sequence[str], wanted: list[tuple[Any, ...]]
) -> dict:  # type: ignore[type-arg]
    """Stored rows whose ``keys`` are among ``wanted``, by key.

    On PostgreSQL one statement joins the table with the keys sent as arrays
    (``unnest``): thousands of IN parameters cost the server more to plan than
    the lookup itself. SQLite takes text keys as one JSON array (``json_each``), others
    as IN lists of at most ``_CHUNK``.
    """
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    distinct = list(dict.fromkeys(wanted))
    if distinct and conn.dialect.name == "postgresql":
        names = [f"k{i}" for i in range(len(keys))]
        arrays = [
            bindparam(name, [k[i] for k in distinct], type_=ARRAY(table.c[key].type))
            for i, (name, key) in enumerate(zip(names, keys, strict=True))
        ]
        given = func.unnest(*arrays).table_valued(*names).render_derived(with_types=False).alias("wanted")
        query = select(table).join(
            given, and_(*(table.c[key] == given.c[name] for name, key in zip(names, keys, strict=True)))
        )
        for row in conn.execute(query).mappings():
            out[tuple(row[k] for k in keys)] = dict(row)
        return out
    if (
        conn.dialect.name == "sqlite"
        and len(keys) == 1
        and distinct
        and all(type(k[0]) is str for k in distinct)
    ):
        # text keys (number, NIP, code) travel to SQLite as one JSON array, not thousands of parameters
        array = func.json_each(bindparam("keys", json.dumps([k[0] for k in distinct]))).table_valued("value")
        query = select(table).where(table.c[keys[0]].in_(select(array.c.value)))
        for row in conn.execute(query).mappings():
            out[(row[keys[0]],)] = dict(row)
        return out
    for start in range(0, len(distinct), _CHUNK):
        chunk = distinct[start : start + _CHUNK]
        if len(keys) == 1:
            condition = table.c[keys[0]].in_([k[0] for k in chunk])
        else:
            condition = tuple_(*(table.c[k] for k in keys)).in_(chunk)
        for row in conn.execute(select(table).where(condition)).mappings():
            out[tuple(row[k] for k in keys)] = dict(row)
    return out


def record_change(conn: Connection, table: Table, row: dict[str, Any], batch_id: int) -> None:
    """Keep a row's full previous values before this import changes it outside :func:`upsert`."""
    columns = [c.name for c in table.columns if c.name != "id"]
    conn.execute(
        insert(ImportChange.__table__).values(
            import_id=batch_id,
            table_name=table.name,
            row_id=row["id"],
            before=json.dumps({c: _json_value(row[c]) for c in columns}),
        )
    )


# ------------------------------------------------------------------ kinds


def write_units(conn: Connection, typed: pd.DataFrame, batch_id: int, progress: Progress) -> WriteCounts:
    """Units may name parents defined anywhere in the same file or already stored."""
    table = Unit.__table__
    typed = typed.copy()
    if "jenis_unit" in typed:
        typed["jenis_unit"] = typed["jenis_unit"].map(lambda v: v.lower() if isinstance(v, str) else v)
    unit_rows = columns_of(
        typed,
        {
            "kode_unit": "code",
            "nama_unit": "name",
            "jenis_unit": "kind",
            "wilayah": "region",
            "populasi_layanan": "service_population",
        },
    )
    progress(0.2, "units")
    # new units get their real parent and path below, once every unit of the file exists
    ids, counts = upsert(conn, table, ["code"], unit_rows, batch_id, insert_defaults={"path": "/"})
    progress(0.6, "hierarchy")
    rows = {r["id"]: dict(r) for r in conn.execute(select(table)).mappings()}
    by_code = {r["code"]: r for r in rows.values()}
    parent_of = {uid: r["parent_id"] for uid, r in rows.items()}
    if "induk" in typed:
        for code, parent_code in zip(typed["kode_unit"], typed["induk"], strict=True):
            parent_of[by_code[code]["id"]] = (
                by_code[parent_code]["id"] if isinstance(parent_code, str) else None
            )
    paths: dict[int, str] = {}

    def path_of(uid: int) -> str:
        if uid not in paths:
            parent = parent_of[uid]
            paths[uid] = unit_path(path_of(parent) if parent is not None else None, rows[uid]["code"])
        return paths[uid]

    file_ids = set(ids)
    recorded = {
        r[0]
        for r in conn.execute(
            select(ImportChange.__table__.c.row_id).where(
                and_(
                    ImportChange.__table__.c.import_id == batch_id,
                    ImportChange.__table__.c.table_name == table.name,
                )
            )
        )
    }
    moved_in_file = 0
    for uid, row in rows.items():
        new_parent, new_path = parent_of[uid], path_of(uid)
        if row["parent_id"] == new_parent and row["path"] == new_path:
            continue
        inserted_now = row["import_id"] == batch_id and uid not in recorded
        if not inserted_now and uid not in recorded:
            record_change(conn, table, row, batch_id)
            recorded.add(uid)
            if uid in file_ids:
                moved_in_file += 1
        conn.execute(
            update(table)
            .where(table.c.id == uid)
            .values(parent_id=new_parent, path=new_path, **({} if inserted_now else {"import_id": batch_id}))
        )
    counts.updated += moved_in_file
    counts.unchanged -= moved_in_file
    return counts


def write_employees(conn: Connection, typed: pd.DataFrame, batch_id: int, progress: Progress) -> WriteCounts:
    typed = typed.copy()
    typed["gender"] = typed["nip"].map(nip_gender)
    typed["birth_date"] = typed["nip"].map(nip_birth_date)
    rows = columns_of(
        typed,
        {
            "nip": "nip",
            "nama": "name",
            "unit_id": "unit_id",
            "jabatan": "position",
            "jenis_jabatan": "position_type",
            "golongan": "grade",
            "gender": "gender",
            "birth_date": "birth_date",
        },
    )
    progress(0.3, "employees")
    _, counts = upsert(conn, Employee.__table__, ["nip"], rows, batch_id, want_ids=False)
    return counts


def write_training(conn: Connection, typed: pd.DataFrame, batch_id: int, progress: Progress) -> WriteCounts:
    """Programmes first (one per kode_pelatihan), then one participation per programme and NIP."""
    programs = typed.groupby("kode_pelatihan", sort=False).first().reset_index()
    program_rows = columns_of(
        programs,
        {
            "kode_pelatihan": "code",
            "nama_pelatihan": "name",
            "jenis_kompetensi": "competency_type",
            "metode": "method",
            "track": "track",
            "penyelenggara": "provider",
            "tanggal_mulai": "start_date",
            "tanggal_selesai": "end_date",
            "jp": "jp",
        },
    )
    program_rows["jp"] = [int(v) for v in program_rows["jp"]]
    progress(0.3, "programs")
    program_ids, program_counts = upsert(conn, TrainingProgram.__table__, ["code"], program_rows, batch_id)
    id_of = dict(zip(programs["kode_pelatihan"], program_ids, strict=True))
    typed = typed.copy()
    typed["program_id"] = typed["kode_pelatihan"].map(id_of)
    if "status" in typed:
        typed["status"] = typed["status"].where(typed["status"].notna(), "lulus")
    rows = columns_of(
        typed,
        {
            "program_id": "program_id",
            "employee_id": "employee_id",
            "nilai_pre": "pre_score",
            "nilai_post": "post_score",
            "reaksi_materi": "reaction_material",
            "reaksi_pengajar": "reaction_trainer",
            "reaksi_manfaat": "reaction_usefulness",
            "status": "status",
        },
    )
    progress(0.6, "participants")
    _, counts = upsert(
        conn,
        TrainingParticipation.__table__,
        ["program_id", "employee_id"],
        rows,
        batch_id,
        want_ids=False,
    )
    counts.extra = {
        "programs_inserted": program_counts.inserted,
        "programs_updated": program_counts.updated,
    }
    return counts


def _period_columns(typed: pd.DataFrame, mapping: dict[str, str]) -> Columns:
    return columns_of(
        typed, {**mapping, "periode": "period", "periode_start": "period_start", "periode_end": "period_end"}
    )


def write_performance(
    conn: Connection, typed: pd.DataFrame, batch_id: int, progress: Progress
) -> WriteCounts:
    rows = _period_columns(typed, {"employee_id": "employee_id", "nilai": "score", "predikat": "rating"})
    progress(0.3, "performance")
    _, counts = upsert(conn, Performance.__table__, ["employee_id", "period"], rows, batch_id, want_ids=False)
    return counts


def write_service_stats(
    conn: Connection, typed: pd.DataFrame, batch_id: int, progress: Progress
) -> WriteCounts:
    rows = _period_columns(
        typed,
        {
            "unit_id": "unit_id",
            "jumlah_layanan": "services",
            "rata_waktu_hari": "mean_days",
            "persen_tepat_waktu": "pct_on_time",
        },
    )
    rows["services"] = [int(v) for v in rows["services"]]
    progress(0.3, "services")
    _, counts = upsert(conn, ServiceStat.__table__, ["unit_id", "period"], rows, batch_id, want_ids=False)
    return counts


def write_complaints(conn: Connection, typed: pd.DataFrame, batch_id: int, progress: Progress) -> WriteCounts:
    rows = columns_of(
        typed,
        {
            "nomor": "number",
            "tanggal": "complaint_date",
            "unit_id": "unit_id",
            "kanal": "channel",
            "kategori": "category",
            "isi": "text",
            "status": "status",
            "tanggal_selesai": "resolved_date",
            "tanggal_waktu": "received_at",
            "tanggal_selesai_waktu": "resolved_at",
            "kategori_sumber": "source_category",
        },
        moments=("received_at", "resolved_at"),  # a time of exactly 00:00 stays a time
    )
    progress(0.3, "complaints")
    _, counts = upsert(conn, Complaint.__table__, ["number"], rows, batch_id, want_ids=False)
    counts.touched_units = set(rows["unit_id"])
    return counts


_SURVEY_COLUMNS = {
    "unit_id": "unit_id",
    "tanggal": "response_date",
    "jenis_layanan": "service_type",
    "jenis_kelamin": "gender",
    "usia": "age",
    "pendidikan": "education",
    "pekerjaan": "occupation",
    **{u: u for u in UNSUR},
    "saran": "suggestion",
}


def _object_list(series: pd.Series, *, integer: bool = False) -> list[Any]:
    """A column as Python values with None for missing, built in C rather than per cell."""
    if integer:
        values = series.to_numpy(dtype="float64", na_value=np.nan)
        missing = np.isnan(values)
        ints = np.where(missing, 0, values).astype("int64")
        if not missing.any():
            return ints.tolist()
        objects = ints.astype(object)
        objects[missing] = None
        return objects.tolist()
    objects = series.to_numpy(dtype=object, na_value=None)
    return objects.tolist()


def write_survey(conn: Connection, typed: pd.DataFrame, batch_id: int, progress: Progress) -> WriteCounts:
    """Append responses in date order (cheap on the indexes), then rebuild the touched units' months."""
    dates = typed["tanggal"].to_numpy(dtype="datetime64[D]")
    unit_ids = typed["unit_id"].to_numpy(dtype="int64")
    order = np.lexsort((unit_ids, dates))
    day_codes, day_values = pd.factorize(dates[order])
    day_text = np.array([str(d) for d in day_values.astype("datetime64[D]")], dtype=object)
    columns: list[str] = []
    lists: list[list[Any]] = []
    for source, target in _SURVEY_COLUMNS.items():
        if target == "response_date":
            columns.append(target)
            lists.append(day_text[day_codes].tolist())
            continue
        if source not in typed.columns:
            continue
        series = typed[source].iloc[order]
        columns.append(target)
        lists.append(_object_list(series, integer=target in (*UNSUR, "age", "unit_id")))
    columns.append("import_id")
    lists.append([batch_id] * len(order))
    total = len(order)
    written = 0
    table = SurveyResponse.__table__
    rows = zip(*lists, strict=True)
    while written < total:
        size = min(_SURVEY_CHUNK, total - written)
        bulk_insert(conn, table, columns, islice(rows, size))
        written += size
        progress(0.1 + 0.8 * written / total, "survey")
    touched = {int(u) for u in np.unique(unit_ids)}
    progress(0.92, "aggregates")
    add_to_survey_monthly(conn, typed)
    return WriteCounts(inserted=total, touched_units=touched)


def add_to_survey_monthly(conn: Connection, typed: pd.DataFrame) -> None:
    """Add the months of the rows just appended to ``survey_monthly``.

    The new rows' own GROUP BY (in pandas, on the frame already in memory) is
    added to the stored months with atomic upserts
    (:func:`lib.queries.aggregates.add_survey_monthly_deltas`), so concurrent
    imports and undos each add their own share. Undo subtracts its import's share.
    """
    months = typed["tanggal"].to_numpy(dtype="datetime64[M]")
    frame = pd.DataFrame({"unit_id": typed["unit_id"].to_numpy(dtype="int64"), "month": months})
    aggregations: dict[str, tuple[str, str]] = {"respondents": ("unit_id", "size")}
    for name in UNSUR:
        frame[name] = typed[name].to_numpy(dtype="float64", na_value=np.nan) if name in typed else np.nan
        aggregations[f"sum_{name}"] = (name, "sum")
        aggregations[f"n_{name}"] = (name, "count")
    added = frame.groupby(["unit_id", "month"], sort=True).agg(**aggregations).reset_index()
    added["month"] = [d.date() for d in pd.to_datetime(added["month"])]
    add_survey_monthly_deltas(conn, added)


WRITERS: dict[str, Callable[[Connection, pd.DataFrame, int, Progress], WriteCounts]] = {
    "unit": write_units,
    "pegawai": write_employees,
    "pelatihan": write_training,
    "kinerja": write_performance,
    "layanan": write_service_stats,
    "survei": write_survey,
    "pengaduan": write_complaints,
}
