"""The writers' column conversion and bulk insert: hand-checked values, stored exactly on both databases."""

from __future__ import annotations

import json
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine, func, select

from lib.ingest import ImportOptions, batches, import_upload, list_imports, prepare_upload, undo_import
from lib.ingest.batches import IMPORTED
from lib.ingest.writers import column_values
from lib.models import Complaint, ImportChange, ServiceStat
from tests.ingest.conftest import TODAY


def _import(engine: Engine, text: str, kind: str):  # type: ignore[no-untyped-def]
    prepared = prepare_upload(text.encode(), "f.csv", kind, engine, ImportOptions(today=TODAY))
    return import_upload(engine, prepared, user="tester")


def _rows(engine: Engine, query):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(query).all()


def test_column_values_are_plain_python_with_none_for_missing() -> None:
    assert column_values(pd.Series([3, 12500])) == [3, 12500]
    assert type(column_values(pd.Series([3]))[0]) is int
    assert column_values(pd.Series([2.5, np.nan, 87.5])) == [2.5, None, 87.5]
    assert column_values(pd.Series([True, False])) == [True, False]
    stamps = pd.Series(np.array(["2025-05-02", "NaT", "2025-05-03T14:30"], dtype="datetime64[s]"))
    # midnight is a calendar day, a time of day a moment, NaT nothing
    assert column_values(stamps) == [date(2025, 5, 2), None, datetime(2025, 5, 3, 14, 30)]
    assert type(column_values(stamps)[0]) is date
    # for a DateTime column a day is a moment at 00:00
    assert column_values(stamps, moments=True) == [
        datetime(2025, 5, 2, 0, 0),
        None,
        datetime(2025, 5, 3, 14, 30),
    ]
    only_days = pd.Series(np.array(["2025-05-02", "NaT"], dtype="datetime64[s]"))
    assert column_values(only_days) == [date(2025, 5, 2), None]
    mixed = pd.Series(
        ["LPR-1", None, np.nan, np.int64(7), np.float64(2.5), pd.Timestamp("2025-05-02")], dtype=object
    )
    assert column_values(mixed) == ["LPR-1", None, None, 7, 2.5, date(2025, 5, 2)]
    assert [type(v) for v in column_values(mixed)] == [str, type(None), type(None), int, float, date]
    assert column_values(pd.Series([date(2025, 5, 2), None], dtype=object), moments=True) == [
        datetime(2025, 5, 2),
        None,
    ]
    assert column_values(pd.Series([1, None], dtype="Int64")) == [1, None]


#: semicolons, day-first dates (one with a time of day), a blank line between records
COMPLAINTS = (
    "nomor;tanggal;kode_unit;kanal;isi;tanggal_selesai\n"
    "LPR-10;02/05/2025 14:30;KEL-BLW1;WA;Antrian sangat lama di loket;06/05/2025 09:15\n"
    ";;;;;\n"
    "LPR-11;03/05/2025;PKM-BLW;lapor;Petugas tidak ada di tempat;\n"
)


def test_day_first_complaints_with_times_and_a_blank_row_are_stored_exactly(
    engine: Engine, city: dict[str, int]
) -> None:
    result = _import(engine, COMPLAINTS, "pengaduan")
    assert result.outcome == IMPORTED and (result.inserted, result.rows_total) == (2, 2)
    c = Complaint.__table__
    query = select(
        c.c.number,
        c.c.complaint_date,
        c.c.unit_id,
        c.c.channel,
        c.c.status,
        c.c.resolved_date,
        c.c.received_at,
        c.c.resolved_at,
        c.c.import_id,
    ).order_by(c.c.number)
    assert _rows(engine, query) == [
        (
            "LPR-10",
            date(2025, 5, 2),
            city["KEL-BLW1"],
            "WhatsApp",
            "selesai",
            date(2025, 5, 6),
            datetime(2025, 5, 2, 14, 30),
            datetime(2025, 5, 6, 9, 15),
            result.batch_id,
        ),
        ("LPR-11", date(2025, 5, 3), city["PKM-BLW"], "LAPOR!", "belum", None, None, None, result.batch_id),
    ]
    # the day is compared as a day by the database itself (SQLite keeps the text form SQLAlchemy writes)
    with engine.connect() as conn:
        on_day = conn.execute(select(func.count()).where(c.c.complaint_date == date(2025, 5, 3))).scalar_one()
    assert on_day == 1

    # the answer arrives: one update, its previous values kept for undo, the other row unchanged
    answered = (
        "nomor;tanggal;kode_unit;isi;status;tanggal_selesai\n"
        "LPR-10;02/05/2025 14:30;KEL-BLW1;Antrian sangat lama di loket;selesai;06/05/2025 09:15\n"
        "LPR-11;03/05/2025;PKM-BLW;Petugas tidak ada di tempat;selesai;07/05/2025\n"
    )
    second = _import(engine, answered, "pengaduan")
    assert (second.inserted, second.updated, second.unchanged) == (0, 1, 1)
    before = _rows(engine, select(ImportChange.__table__.c.before))
    assert len(before) == 1
    kept = json.loads(before[0][0])
    assert (kept["number"], kept["status"], kept["resolved_date"], kept["complaint_date"]) == (
        "LPR-11",
        "belum",
        None,
        "2025-05-03",
    )
    assert _rows(engine, select(c.c.status, c.c.resolved_date).where(c.c.number == "LPR-11")) == [
        ("selesai", date(2025, 5, 7))
    ]
    undo_import(engine, second.batch_id)
    assert _rows(engine, select(c.c.status, c.c.resolved_date).where(c.c.number == "LPR-11")) == [
        ("belum", None)
    ]
    undo_import(engine, result.batch_id)
    assert _rows(engine, select(func.count()).select_from(c)) == [(0,)]


def test_thousands_dot_and_decimal_comma_reach_integer_and_float_columns(
    engine: Engine, city: dict[str, int]
) -> None:
    """``1.240`` is a whole number for an INTEGER column (read as the float 1240.0); ``2,5`` a decimal."""
    service = (
        "kode_unit;periode;jumlah_layanan;rata_waktu_hari;persen_tepat_waktu\n"
        "PKM-BLW;06/2025;1.240;2,5;87,5%\n"
        "KEL-BLW1;2025-Q2;75;;100\n"
    )
    result = _import(engine, service, "layanan")
    assert result.outcome == IMPORTED and result.inserted == 2
    s = ServiceStat.__table__
    stored = _rows(
        engine,
        select(
            s.c.unit_id, s.c.period, s.c.period_start, s.c.services, s.c.mean_days, s.c.pct_on_time
        ).order_by(s.c.period),
    )
    assert stored == [
        (city["PKM-BLW"], "2025-06", date(2025, 6, 1), 1240, 2.5, 87.5),
        (city["KEL-BLW1"], "2025-Q2", date(2025, 4, 1), 75, None, 100.0),
    ]
    assert all(type(row[3]) is int for row in stored)


def test_bulk_inserted_rows_roll_back_with_the_import_when_a_later_step_fails(
    engine: Engine, city: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulk insert (COPY on PostgreSQL) runs inside the import's one transaction: nothing is half-imported."""

    def failing_mark_changed(*_args: object) -> None:
        raise RuntimeError("version row locked")

    monkeypatch.setattr(batches, "mark_changed", failing_mark_changed)
    result = _import(engine, COMPLAINTS, "pengaduan")
    assert result.outcome == "refused"
    assert [p.code for p in result.problems if p.is_error] == ["database_error"]
    c = Complaint.__table__
    assert _rows(engine, select(func.count()).select_from(c)) == [(0,)]
    assert list(list_imports(engine)["outcome"]) == ["refused"]
