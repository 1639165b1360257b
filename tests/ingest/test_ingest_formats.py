"""Formats as they arrive: the same survey in every encoding, separator and layout stores the same rows."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, select

from lib.ingest import ImportOptions, import_upload, prepare_upload
from lib.models import UNSUR, SurveyMonthly
from lib.queries.aggregates import refresh_survey_monthly
from tests.ingest.conftest import TODAY

#: (date, unit, nine answers, suggestion) as they must be stored
EXPECTED = [
    (date(2025, 3, 14), "PKM-BLW", (4, 3, 2, 4, 3, 3, 4, 1, 3), "Pelayanan café ramah"),
    (date(2025, 3, 15), "KEL-BLW1", (3, None, 3, 4, 3, 4, 3, 3, 2), None),
]

REG = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"]


def _csv(header: list[str], rows: list[list[str]], sep: str = ",") -> str:
    return "\n".join(sep.join(r) for r in [header, *rows]) + "\n"


def _rows(dates: list[str], answers: list[list[str]] | None = None) -> list[list[str]]:
    answers = answers or [
        ["4", "3", "2", "4", "3", "3", "4", "1", "3"],
        ["3", "", "3", "4", "3", "4", "3", "3", "2"],
    ]
    return [
        [dates[0], "PKM-BLW", *answers[0], "Pelayanan café ramah"],
        [dates[1], "KEL-BLW1", *answers[1], ""],
    ]


def _xlsx_with_title() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["SKM Triwulan I 2025"])
    sheet.append([])
    sheet.append(["Tanggal", "Kode Unit", *REG, "Saran"])
    sheet.append(
        [
            pd.Timestamp("2025-03-14").to_pydatetime(),
            "PKM-BLW",
            4,
            3,
            2,
            4,
            3,
            3,
            4,
            1,
            3,
            "Pelayanan café ramah",
        ]
    )
    sheet.append([])
    sheet.append(["15/03/2025", "KEL-BLW1", 3, None, 3, 4, 3, 4, 3, 3, 2, None])
    help_sheet = book.create_sheet("Petunjuk")
    help_sheet.append(["kolom", "isi"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


HEADER = ["tanggal", "kode_unit", *REG, "saran"]
VARIANTS: dict[str, tuple[bytes, dict[str, object]]] = {
    "utf8_comma": (_csv(HEADER, _rows(["2025-03-14", "2025-03-15"])).encode(), {}),
    "utf8_bom_semicolon_crlf": (
        ("\ufeff" + _csv(HEADER, _rows(["14/03/2025", "15/03/2025"]), ";")).replace("\n", "\r\n").encode(),
        {},
    ),
    "cp1252_semicolon": (_csv(HEADER, _rows(["14.03.2025", "15-03-2025"]), ";").encode("cp1252"), {}),
    "utf16_tab": (_csv(HEADER, _rows(["2025-03-14", "2025-03-15"]), "\t").encode("utf-16"), {}),
    "title_and_blank_rows": (
        (
            "Rekap SKM Maret 2025,,,,,,,,,,,\n,,,,,,,,,,,\n"
            + _csv(HEADER, _rows(["2025-03-14", "2025-03-15"]))
        ).encode(),
        {},
    ),
    "headers_any_case": (
        _csv(
            [" TANGGAL ", "Kode  Unit", *[u.upper() for u in REG], "Saran "],
            _rows(["2025-03-14", "2025-03-15"]),
        ).encode(),
        {},
    ),
    "english_headers": (
        _csv(
            [
                "Date",
                "Unit Code",
                "Requirements",
                "Procedure",
                "Time",
                "Cost",
                "Product",
                "Competence",
                "Behaviour",
                "Complaint handling",
                "Facilities",
                "Suggestion",
            ],
            _rows(["2025-03-14", "2025-03-15"]),
        ).encode(),
        {},
    ),
    "u1_u9_regulation_order": (
        _csv(
            ["tanggal", "kode_unit", *[f"U{i}" for i in range(1, 10)], "saran"],
            _rows(["2025-03-14", "2025-03-15"]),
        ).encode(),
        {},
    ),
    "u1_u9_swapped_said_so": (
        _csv(
            ["tanggal", "kode_unit", *[f"U{i}" for i in range(1, 10)], "saran"],
            _rows(
                ["2025-03-14", "2025-03-15"],
                [["4", "3", "2", "4", "3", "3", "4", "3", "1"], ["3", "", "3", "4", "3", "4", "3", "2", "3"]],
            ),
        ).encode(),
        {"u8_u9_swapped": True},
    ),
    "u_numbers_with_names_win": (
        _csv(
            [
                "tanggal",
                "kode_unit",
                "U1",
                "U2",
                "U3",
                "U4",
                "U5",
                "U6",
                "U7",
                "U8 Sarana",
                "U9 Pengaduan",
                "saran",
            ],
            _rows(
                ["2025-03-14", "2025-03-15"],
                [["4", "3", "2", "4", "3", "3", "4", "3", "1"], ["3", "", "3", "4", "3", "4", "3", "2", "3"]],
            ),
        ).encode(),
        {},
    ),
    "named_month_and_forms_timestamp": (
        _csv(HEADER, _rows(["14 Maret 2025", "2025/03/15 9:05:01 PM GMT+7"])).encode(),
        {},
    ),
    "labels_instead_of_numbers": (
        _csv(
            HEADER,
            _rows(
                ["2025-03-14", "2025-03-15"],
                [
                    [
                        "Sangat sesuai",
                        "Mudah",
                        "Kurang cepat",
                        "Gratis",
                        "Sesuai",
                        "Kompeten",
                        "Sangat sopan dan ramah",
                        "Tidak ada",
                        "Baik",
                    ],
                    [
                        "Sesuai",
                        "",
                        "Cepat",
                        "4",
                        "3",
                        "Sangat kompeten",
                        "Sopan dan ramah",
                        "Berfungsi kurang maksimal",
                        "Cukup",
                    ],
                ],
            ),
        ).encode(),
        {},
    ),
    "xlsx_title_blank_rows_and_help_sheet": (_xlsx_with_title(), {}),
}


@pytest.mark.parametrize("variant", list(VARIANTS), ids=list(VARIANTS))
def test_every_variant_reads_the_same_rows(engine: Engine, city: dict[str, int], variant: str) -> None:
    data, options = VARIANTS[variant]
    name = "skm.xlsx" if variant.startswith("xlsx") else "skm.csv"
    prepared = prepare_upload(data, name, "survei", engine, ImportOptions(today=TODAY, **options))  # type: ignore[arg-type]
    assert not prepared.errors, [p.sentence() for p in prepared.errors]
    typed = prepared.validated.typed  # type: ignore[union-attr]
    codes = {v: k for k, v in city.items()}
    got = [
        (
            row["tanggal"].date(),
            codes[row["unit_id"]],
            tuple(None if pd.isna(row[u]) else int(row[u]) for u in UNSUR),
            row.get("saran"),
        )
        for _, row in typed.iterrows()
    ]
    assert got == EXPECTED


def test_excel_rows_count_the_title_and_blank_rows(engine: Engine, city: dict[str, int]) -> None:
    data = (
        "Rekap SKM Maret 2025\n\n"
        + _csv(
            HEADER,
            [
                *_rows(["2025-03-14", "2025-03-15"]),
                ["", "", *[""] * 9, ""],
                ["2099-01-01", "PKM-BLW", *["4"] * 9, ""],
            ],
        )
    ).encode()
    prepared = prepare_upload(data, "skm.csv", "survei", engine, ImportOptions(today=TODAY))
    assert prepared.raw is not None and prepared.raw.header_row == 3
    assert [(p.code, p.row) for p in prepared.errors] == [("future_date", 7)]


def test_decimal_comma_and_thousands_in_service_statistics(engine: Engine, city: dict[str, int]) -> None:
    data = "Kode Unit;Periode;Jumlah Layanan;Rata Waktu Hari;Persen Tepat Waktu\nPKM-BLW;2025-Q1;12.345;1,75;92,5\n".encode(
        "cp1252"
    )
    prepared = prepare_upload(data, "layanan.csv", "layanan", engine, ImportOptions(today=TODAY))
    typed = prepared.validated.typed  # type: ignore[union-attr]
    assert typed.iloc[0][["jumlah_layanan", "rata_waktu_hari", "persen_tepat_waktu", "periode"]].tolist() == [
        12345.0,
        1.75,
        92.5,
        "2025-Q1",
    ]


def test_incremental_monthly_sums_equal_a_rebuild(engine: Engine, city: dict[str, int]) -> None:
    for variant in ("utf8_comma", "u1_u9_swapped_said_so", "labels_instead_of_numbers"):
        data, options = VARIANTS[variant]
        prepared = prepare_upload(data, "skm.csv", "survei", engine, ImportOptions(today=TODAY, **options))  # type: ignore[arg-type]
        import_upload(engine, prepared)
    sm = SurveyMonthly.__table__
    with engine.connect() as conn:
        incremental = sorted(conn.execute(select(sm)).all())
    with engine.begin() as conn:
        refresh_survey_monthly(conn)
    with engine.connect() as conn:
        rebuilt = sorted(conn.execute(select(sm)).all())
    assert incremental == rebuilt and len(rebuilt) == 2


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
def test_both_xlsx_readers_give_the_same_rows_and_row_numbers(
    engine: Engine, city: dict[str, int], reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if reader == "calamine":
        pytest.importorskip("python_calamine")
    else:
        monkeypatch.setitem(sys.modules, "python_calamine", None)  # import fails: openpyxl is used
    data, _ = VARIANTS["xlsx_title_blank_rows_and_help_sheet"]
    prepared = prepare_upload(data, "skm.xlsx", "survei", engine, ImportOptions(today=TODAY))
    assert prepared.raw is not None and prepared.raw.sheet == "Sheet" and prepared.raw.header_row == 3
    assert list(prepared.raw.frame.index) == [4, 6]
    assert not prepared.errors and prepared.rows_valid == 2
    corpus = Path(__file__).parent / "corpus" / "survey_title_rows.xlsx"
    bad = prepare_upload(corpus.read_bytes(), "t.xlsx", "survei", engine, ImportOptions(today=TODAY))
    assert [(p.code, p.row, p.column, p.value) for p in bad.errors] == [("answer_off_scale", 6, "U3", "9")]
