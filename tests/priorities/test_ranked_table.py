"""Prioritas's tables: numbers written the reader's way, and sorted by their value.

The ranked table is read in the city's order (an HTML table); a training without a measured
effect read "– (––)".
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.ui.format import EMPTY
from lib.ui.priorities import effect_text, ranked_table
from tests.ui.shown_tables import html_tables


def _ranked() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rank": pd.array([1, 9, 10], dtype="Int64"),
            "kode_unit": ["KEL-1", "KEL-9", "DIN-10"],
            "nama_unit": ["Kelurahan Sari Rejo", "Puskesmas Helvetia", "Dinas Pendidikan"],
            "score": [54.4, 21.0, 20.6],
            "ikm": [70.2651, np.nan, 100.0],
            "rate_per_1000": [104.94, 8.9, 1234.56],
            "share_20jp": [0.1149, 0.846, np.nan],
            "coverage": [1.0, 0.9, 0.8],
            "risk_band": ["high", None, "low"],
        }
    )


REASONS = {"KEL-1": "banyak pengaduan", "KEL-9": "IKM rendah", "DIN-10": "ASN kurang JP"}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "id",
            [
                [
                    "1",
                    "Kelurahan Sari Rejo",
                    "54",
                    "banyak pengaduan",
                    "70,27",
                    "104,9",
                    "11%",
                    "100%",
                    "tinggi",
                ],
                ["9", "Puskesmas Helvetia", "21", "IKM rendah", EMPTY, "8,9", "85%", "90%", EMPTY],
                [
                    "10",
                    "Dinas Pendidikan",
                    "21",
                    "ASN kurang JP",
                    "100,00",
                    "1.234,6",
                    EMPTY,
                    "80%",
                    "rendah",
                ],
            ],
        ),
        (
            "en",
            [
                [
                    "1",
                    "Kelurahan Sari Rejo",
                    "54",
                    "banyak pengaduan",
                    "70.27",
                    "104.9",
                    "11%",
                    "100%",
                    "high",
                ],
                ["9", "Puskesmas Helvetia", "21", "IKM rendah", EMPTY, "8.9", "85%", "90%", EMPTY],
                ["10", "Dinas Pendidikan", "21", "ASN kurang JP", "100.00", "1,234.6", EMPTY, "80%", "low"],
            ],
        ),
    ],
)
def test_numbers_are_written_the_readers_way(lang: str, expected: list[list[str]]) -> None:
    table = ranked_table(_ranked(), REASONS, True, lang)
    assert table.frame.to_numpy().tolist() == expected
    (shown,) = html_tables(table.html())  # as drawn: the same texts
    assert shown.cells.to_numpy().tolist() == expected


def test_the_city_order_numbers_right_aligned_and_a_bar_for_the_score() -> None:
    table = ranked_table(_ranked(), REASONS, False, "id")
    assert list(table.frame.columns) == [
        "Peringkat kota",
        "Unit",
        "Skor",
        "Alasan utama",
        "IKM",
        "Pengaduan/1.000",
        "ASN ≥ 20 JP",
        "Kelengkapan bukti",
    ]  # no risk column while the model is not shown
    assert table.frame["Peringkat kota"].tolist() == ["1", "9", "10"]  # the city's order, as ranked
    assert set(table.right) == {
        "Peringkat kota",
        "Skor",
        "IKM",
        "Pengaduan/1.000",
        "ASN ≥ 20 JP",
        "Kelengkapan bukti",
    }
    (shown,) = html_tables(table.html())
    # the score's bar: 54.4 → 54 % of the cell, 21.0 → 21 %, 20.6 → 21 %; no other cell is coloured
    bars = [row[2] for row in shown.backgrounds]
    assert [bar.split(" ")[2] for bar in bars] == ["54%,", "21%,", "21%,"]
    assert all(colour is None for row in shown.backgrounds for i, colour in enumerate(row) if i != 2)


def test_a_training_effect_is_written_with_its_interval_or_as_unknown() -> None:
    assert effect_text(0.4512, 0.3, 0.6049, "id") == "0,45 (0,30–0,60)"
    assert effect_text(0.4512, 0.3, 0.6049, "en") == "0.45 (0.30–0.60)"
    assert effect_text(0.4512, np.nan, None, "id") == "0,45"
    assert effect_text(np.nan, np.nan, np.nan, "id") == EMPTY
    assert effect_text(None, 0.1, 0.2, "en") == EMPTY
