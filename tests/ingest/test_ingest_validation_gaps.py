"""Values no real file should carry become row-level problems naming row and column.

``1e999`` was stored as Inf in an integer column, ``99999999999999999999999`` was
accepted on SQLite, a NUL byte or an overflowing count ended in "import failed
unexpectedly" (with SQL in the message on PostgreSQL) and was missing from the
import history, and a period ``0000`` raised ``year 0 is out of range``.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

import lib.ingest.batches as batches
from lib.ingest import ImportOptions, import_upload, list_imports, prepare_upload
from lib.models import Unit


def _problems(
    engine: Engine, kind: str, text: str, **options: object
) -> list[tuple[int | None, str | None, str]]:
    prepared = prepare_upload(text.encode("utf-8"), f"{kind}.csv", kind, engine, ImportOptions(**options))
    return [(p.row, p.column, p.code) for p in prepared.problems if p.is_error]


def test_infinite_and_huge_numbers_are_named_by_row_and_column(engine: Engine, city: dict[str, int]) -> None:
    text = (
        "kode_unit,nama_unit,jenis_unit,populasi_layanan\n"
        "UPT-A,UPT A,upt,1e999\n"
        "UPT-B,UPT B,upt,99999999999999999999999\n"
        "UPT-C,UPT C,upt,2147483647\n"
    )
    assert _problems(engine, "unit", text) == [
        (2, "populasi_layanan", "not_a_number"),
        (3, "populasi_layanan", "out_of_range"),
    ]


def test_an_overflowing_count_says_the_column_limit(engine: Engine, city: dict[str, int]) -> None:
    text = "kode_unit,periode,jumlah_layanan\nPKM-BLW,2025-01,3000000000\n"
    prepared = prepare_upload(text.encode(), "l.csv", "layanan", engine, ImportOptions())
    (problem,) = [p for p in prepared.problems if p.is_error]
    assert (problem.row, problem.column, problem.code) == (2, "jumlah_layanan", "out_of_range")
    assert "2.147.483.647" in problem.sentence("id") or "2147483647" in problem.sentence("id")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_nul_bytes_in_text_are_a_row_problem(engine: Engine, city: dict[str, int], encoding: str) -> None:
    """A UTF-8 file with NUL is refused whole as binary; in UTF-16/32 text a NUL reaches the cells."""
    text = "kode_unit,nama_unit,jenis_unit\nUPT-A,UPT\x00A,upt\nUPT-B,UPT B,upt\n"
    prepared = prepare_upload(text.encode(encoding), "u.csv", "unit", engine, ImportOptions())
    problems = [(p.row, p.column, p.code) for p in prepared.problems if p.is_error]
    assert problems == [(2, "nama_unit", "control_character")]


def test_nul_escaped_in_an_xlsx_cell_is_a_row_problem(engine: Engine, city: dict[str, int]) -> None:
    from tests.ingest.hostile import _workbook

    def cell(ref: str, text: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    rows = (
        '<row r="1">'
        + cell("A1", "kode_unit")
        + cell("B1", "nama_unit")
        + cell("C1", "jenis_unit")
        + "</row>"
        '<row r="2">' + cell("A2", "UPT-A") + cell("B2", "UPT_x0000_A") + cell("C2", "upt") + "</row>"
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'
    ).encode()
    prepared = prepare_upload(_workbook([sheet]), "u.xlsx", "unit", engine, ImportOptions())
    problems = [(p.row, p.column, p.code) for p in prepared.problems if p.is_error]
    assert problems == [(2, "nama_unit", "control_character")]


def test_a_utf32_file_is_read_as_text(engine: Engine, city: dict[str, int]) -> None:
    text = "kode_unit,nama_unit,jenis_unit\nUPT-A,UPT A,upt\n"
    prepared = prepare_upload(text.encode("utf-32"), "u.csv", "unit", engine, ImportOptions())
    assert prepared.can_import and prepared.rows_valid == 1


@pytest.mark.parametrize("period", ["0000", "0000-Q1", "99999", "0000-01"])
def test_a_year_the_calendar_cannot_hold_is_not_a_period(
    engine: Engine, city: dict[str, int], period: str
) -> None:
    text = f"kode_unit,periode,jumlah_layanan\nPKM-BLW,{period},5\n"
    assert _problems(engine, "layanan", text) == [(2, "periode", "not_a_period")]


def test_a_database_failure_is_refused_and_appears_in_the_history(
    engine: Engine, city: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The driver's own errors (psycopg's COPY raises them unwrapped) are refusals like any other."""

    class DriverError(Exception):
        pass

    def failing_writer(*_args: object) -> None:
        raise DriverError('invalid byte sequence\nCONTEXT: COPY unit, line 1: "INSERT secret"')

    monkeypatch.setitem(batches.WRITERS, "unit", failing_writer)
    text = "kode_unit,nama_unit,jenis_unit\nUPT-A,UPT A,upt\n"
    prepared = prepare_upload(text.encode(), "u.csv", "unit", engine, ImportOptions())
    result = import_upload(engine, prepared, user="evaluator")
    assert result.outcome == "refused"
    (problem,) = [p for p in result.problems if p.code == "database_error"]
    assert problem.params["detail"] == "DriverError: invalid byte sequence"  # no SQL, no row data
    history = list_imports(engine)
    assert len(history) == 1 and history.iloc[0]["outcome"] == "refused"
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Unit.__table__)).scalar_one() == len(city)
