"""The priority staff table reads like an office table: labels, Indonesian numbers and dates, "–"."""

from __future__ import annotations

from datetime import date

import pandas as pd

from lib.ui.priorities import staff_table


def _staff() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "nip": ["198503122010011003", "199001012015032001"],
            "employee_name": ["Ahmad Siregar", "Siti Rahmawati"],
            "unit_code": ["PKM-BLW", "PKM-BLW"],
            "unit_name": ["Puskesmas Belawan", "Puskesmas Belawan"],
            "position_type": ["fungsional", None],
            "jp": [12.0, 0.0],
            "jp_short": [8.0, 20.0],
            "last_training": [date(2026, 3, 5), None],
            "skp_period": ["2026-Q3", None],
            "skp_score": [71.25, float("nan")],
            "skp_rating": ["Butuh Perbaikan", None],
            "low_skp": [True, False],
        }
    )


def test_staff_table_in_indonesian() -> None:
    table = staff_table(_staff(), "id")
    assert list(table.columns) == [
        "NIP",
        "Nama",
        "Jenis jabatan",
        "JP tahun ini",
        "Kurang dari 20 JP",
        "Pelatihan terakhir",
        "Periode SKP",
        "Nilai SKP",
        "Predikat SKP",
        "SKP di bawah Baik",
    ]
    first, second = table.iloc[0].tolist(), table.iloc[1].tolist()
    assert first == [
        "198503122010011003",
        "Ahmad Siregar",
        "fungsional",
        "12",
        "8",
        "5 Mar 2026",
        "2026-Q3",
        "71,2",  # banker's rounding of 71,25 by Babel's half-even
        "Butuh Perbaikan",
        "Ya",
    ]
    assert second[2] == "–" and second[5] == "–" and second[7] == "–" and second[9] == ""
    assert not table.isna().any().any()


def test_staff_table_in_english() -> None:
    table = staff_table(_staff(), "en")
    assert table.columns[5] == "Last training" and table.iloc[0, 5] == "5 Mar 2026"  # en_GB
    assert table.iloc[0, 7] == "71.2" and table.iloc[0, 9] == "Yes"
