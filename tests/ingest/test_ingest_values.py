"""Cell parsers: numbers, dates, periods, NIPs, answer labels and header recognition, hand-checked."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from lib.ingest.columns import BY_NUMBER, BY_QUESTION, normalise_header, recognise_columns
from lib.ingest.kinds import SURVEI, kind_spec
from lib.ingest.labels import answer_score
from lib.ingest.values import (
    IMPOSSIBLE_DATE,
    NOT_A_DATE,
    date_from_cell,
    nip_problem,
    number_from_text,
    parse_number,
    period_from_cell,
)


@pytest.mark.parametrize(
    ("text", "integer", "expected"),
    [
        ("3,5", False, 3.5),
        ("1.234,5", False, 1234.5),
        ("1,234.5", False, 1234.5),
        ("1.234", True, 1234.0),
        ("1.234", False, 1.234),
        ("87,5%", False, 87.5),
        (" 12 ", True, 12.0),
        ("-", False, None),
    ],
)
def test_numbers_as_typed(text: str, integer: bool, expected: float | None) -> None:
    assert number_from_text(text, integer) == expected


def test_text_is_not_a_number_and_ranges_are_checked() -> None:
    assert math.isnan(number_from_text("dua", False))  # type: ignore[arg-type]
    parsed = parse_number(
        pd.Series(["4", "lima", "120", None], index=[2, 3, 4, 5], dtype=object), maximum=100
    )
    assert parsed.failures["not_a_number"].tolist() == [False, True, False, False]
    assert parsed.failures["out_of_range"].tolist() == [False, False, True, False]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025-03-14", (date(2025, 3, 14), False)),
        ("14/03/2025", (date(2025, 3, 14), False)),
        ("14-03-25", (date(2025, 3, 14), False)),
        ("2025/03/14 10:22:33 AM GMT+7", (date(2025, 3, 14), True)),
        ("14/03/2025 10:22:33", (date(2025, 3, 14), True)),
        ("14 Agustus 2025", (date(2025, 8, 14), False)),
        (45730, (date(2025, 3, 14), False)),  # Excel serial day
        ("31/02/2025", IMPOSSIBLE_DATE),
        ("3/14/2025", IMPOSSIBLE_DATE),  # month-first is never guessed
        ("kemarin", NOT_A_DATE),
    ],
)
def test_dates(cell: object, expected: object) -> None:
    assert date_from_cell(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025", ("2025", date(2025, 1, 1), date(2025, 12, 31))),
        ("2025-Q3", ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30))),
        ("Q4 2024", ("2024-Q4", date(2024, 10, 1), date(2024, 12, 31))),
        ("TW 2 2025", ("2025-Q2", date(2025, 4, 1), date(2025, 6, 30))),
        ("2024-02", ("2024-02", date(2024, 2, 1), date(2024, 2, 29))),
        ("02/2024", ("2024-02", date(2024, 2, 1), date(2024, 2, 29))),
        ("2025-13", "not_a_period"),
    ],
)
def test_periods(cell: str, expected: object) -> None:
    assert period_from_cell(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("198503122010011003", ("198503122010011003", None)),
        ("19850312 201001 1 003", ("198503122010011003", None)),
        ("'198503122010011003", ("198503122010011003", None)),
        ("1.98503E+17", (None, "nip_as_number")),
        (198503122010011003, (None, "nip_as_number")),
        ("19850312201001100", (None, "nip_format")),
        ("198502302010011003", (None, "nip_birth_date")),
        ("198503121995011003", (None, "nip_start_date")),
        ("198503122010013003", (None, "nip_gender")),
    ],
)
def test_nip_check(cell: object, expected: tuple[str | None, str | None]) -> None:
    assert nip_problem(cell, today=date(2026, 1, 1)) == expected


@pytest.mark.parametrize(
    ("unsur", "cell", "score"),
    [
        ("biaya", "Gratis", 4),
        ("biaya", "Sangat Mahal", 1),
        ("sarana", "Cukup", 2),
        ("perilaku", "sangat sopan dan ramah", 4),
        ("pengaduan", "Ada tetapi tidak berfungsi", 2),
        ("waktu", "d. Sangat cepat", 4),
        ("persyaratan", "Sangat sesuai (4)", 4),
        ("prosedur", "3", 3.0),
        ("prosedur", "5", 5.0),  # returned as given: the caller reports it off the scale
    ],
)
def test_answer_labels(unsur: str, cell: str, score: float) -> None:
    assert answer_score(unsur, cell) == score


def test_unreadable_answer_is_nan() -> None:
    assert math.isnan(answer_score("waktu", "lumayan"))  # type: ignore[arg-type]


def test_header_normalisation() -> None:
    assert normalise_header("  Kode Unit *") == "kode_unit"
    assert normalise_header("Nilai Pre (0-100)") == "nilai_pre"
    assert (
        normalise_header("Penanganan Pengaduan, Saran dan Masukan")
        == "penanganan_pengaduan_saran_dan_masukan"
    )


def test_u8_u9_order_is_stated_never_guessed() -> None:
    headers = ["tanggal", "kode_unit", *[f"U{i}" for i in range(1, 10)]]
    regulation = recognise_columns(headers, SURVEI)
    swapped = recognise_columns(headers, SURVEI, u8_u9_swapped=True)
    assert (regulation.fields["pengaduan"], regulation.fields["sarana"]) == ("U8", "U9")
    assert (swapped.fields["pengaduan"], swapped.fields["sarana"]) == ("U9", "U8")
    assert regulation.how["pengaduan"] == BY_NUMBER
    named = recognise_columns(["U8 - Sarana prasarana", "U9 Penanganan pengaduan"], SURVEI)
    assert named.fields == {"sarana": "U8 - Sarana prasarana", "pengaduan": "U9 Penanganan pengaduan"}
    assert named.how["sarana"] == BY_QUESTION


def test_english_and_variant_headers_of_other_kinds() -> None:
    mapping = recognise_columns(
        ["Employee ID", "Full Name", "Unit Code", "Position", "Grade"], kind_spec("employees")
    )
    assert mapping.fields == {
        "nip": "Employee ID",
        "nama": "Full Name",
        "kode_unit": "Unit Code",
        "jabatan": "Position",
        "golongan": "Grade",
    }
    complaints = recognise_columns(
        ["No Laporan", "Tanggal Laporan", "Kode Unit", "Isi Laporan", "Status"], kind_spec("pengaduan")
    )
    assert set(complaints.fields) == {"nomor", "tanggal", "kode_unit", "isi", "status"}
