"""The per-course table of Dampak Pelatihan as a reader sees it: numbers in the reader's notation.

Streamlit drew the stored floats itself: ``4.0329`` (four decimals, a decimal point in the
Indonesian interface) and ``None`` where a level has no estimate.
"""

from __future__ import annotations

import pandas as pd
import pytest

from lib.ui.format import EMPTY
from lib.ui.impact import table_column_config, table_for_display


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "kode_pelatihan": "BIP-01,BIP-02",
                "nama_pelatihan": "Benchmarking Inovasi",
                "level": "reaction",
                "measure": "materi",
                "estimate": 4.0329,
                "ci_low": 3.957,
                "ci_high": 4.12185,
                "n": 228,
                "method": "mean rating, t CI",
                "verdict": "",
            },
            {
                "kode_pelatihan": "BIP-01",
                "nama_pelatihan": "Benchmarking Inovasi",
                "level": "results",
                "measure": "complaint_rate",
                "estimate": -1234.5,
                "ci_low": None,
                "ci_high": float("nan"),
                "n": 1024,
                "method": "ATT",
                "verdict": "insufficient",
            },
        ]
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "id",
            {
                "Program": ["Benchmarking Inovasi"] * 2,
                "Tingkat": ["1 · Reaksi", "4 · Hasil layanan"],
                "Ukuran": ["Reaksi: materi (1–5)", "Pengaduan per 1.000 layanan"],
                "Estimasi": ["4,03", "-1.234,50"],
                "IK bawah": ["3,96", EMPTY],
                "IK atas": ["4,12", EMPTY],
                "n": [228, 1024],
                "Metode": ["mean rating, t CI", "ATT"],
                "Putusan": [EMPTY, "data kurang"],
            },
        ),
        (
            "en",
            {
                "Programme": ["Benchmarking Inovasi"] * 2,
                "Level": ["1 · Reaction", "4 · Results"],
                "Measure": ["Reaction: material (1–5)", "Complaints per 1,000 services"],
                "Estimate": ["4.03", "-1,234.50"],
                "CI low": ["3.96", EMPTY],
                "CI high": ["4.12", EMPTY],
                "n": [228, 1024],
                "Method": ["mean rating, t CI", "ATT"],
                "Verdict": [EMPTY, "too little data"],
            },
        ),
    ],
)
def test_the_table_writes_numbers_the_readers_way(lang: str, expected: dict[str, list[object]]) -> None:
    shown = table_for_display(_table().drop(columns="kode_pelatihan"), lang)
    assert {name: shown[name].tolist() for name in shown.columns} == expected


def test_the_count_stays_a_number_so_the_table_sorts_by_it() -> None:
    shown = table_for_display(_table(), "id")
    assert pd.api.types.is_integer_dtype(shown["n"])
    # as text, "1.024" would sort before "228"
    assert shown.sort_values("n")["n"].tolist() == [228, 1024]
    assert shown.columns[0] == "Kode"  # the run codes, when the caller keeps them


def test_written_numbers_are_right_aligned() -> None:
    config = table_column_config(_table().drop(columns="kode_pelatihan"), "en")
    assert {name for name, entry in config.items() if entry.get("alignment") == "right"} == {
        "Estimate",
        "CI low",
        "CI high",
    }
    assert "Codes" not in config


def test_the_hake_method_names_a_class_g_only_when_there_is_one() -> None:
    from lib.analysis.training_summary import _hake_method

    assert _hake_method(0.189744) == "mean individual Hake g (class g 0.190), t CI"
    assert _hake_method(float("nan")) == "mean individual Hake g, t CI"
    assert _hake_method(None) == "mean individual Hake g, t CI"
