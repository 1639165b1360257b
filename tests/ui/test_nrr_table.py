"""The NRR table: weakest units first, values written in the reader's language, cells on their grade's tint."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.models import UNSUR
from lib.ui.nrr_table import GRADE_TINTS, nrr_frame, nrr_table
from tests.ui.shown_tables import html_tables


def _units() -> pd.DataFrame:
    rows = {
        "nama_unit": ["Kelurahan A", "Puskesmas B", "Dinas C"],
        "kode_unit": ["KEL-A", "PKM-B", "DIN-C"],
        "ikm": [88.1, 70.2, 79.9],
    }
    frame = pd.DataFrame(rows)
    for u in UNSUR:
        frame[f"nrr_{u}"] = [3.6, 2.9, 3.2]
    # the grade bounds, exactly: A from 3,5324, B from 3,0644, C from 2,60
    frame.loc[1, "nrr_persyaratan"] = 3.5324
    frame.loc[1, "nrr_prosedur"] = 3.5323
    frame.loc[1, "nrr_waktu"] = 2.60
    frame.loc[1, "nrr_biaya"] = 2.5999
    frame.loc[1, "nrr_produk"] = np.nan
    return frame


def test_weakest_first_values_written_and_graded_at_the_bounds() -> None:
    table, grades = nrr_frame(_units(), "id")
    assert list(table["Unit"]) == ["Puskesmas B (PKM-B)", "Dinas C (DIN-C)", "Kelurahan A (KEL-A)"]
    first = table.iloc[0]
    assert [first["Persyaratan"], first["Prosedur"], first["Waktu"], first["Biaya"], first["Produk"]] == [
        "3,53",
        "3,53",
        "2,60",
        "2,60",
        "–",
    ]
    assert grades[0][:5] == ["A", "B", "C", "D", None]
    assert grades[1] == ["B"] * 9 and grades[2] == ["A"] * 9
    english, _ = nrr_frame(_units(), "en")
    assert list(english.columns)[:3] == ["Unit", "Requirements", "Procedure"]
    assert english.iloc[1]["Requirements"] == "3.20"


def test_limit_keeps_the_weakest() -> None:
    table, grades = nrr_frame(_units(), "id", limit=2)
    assert list(table["Unit"]) == ["Puskesmas B (PKM-B)", "Dinas C (DIN-C)"] and len(grades) == 2


def test_cells_are_tinted_by_grade_and_empty_cells_are_not() -> None:
    (table,) = html_tables(nrr_table(_units(), "id").html())
    assert table.cells.iloc[0, :6].tolist() == ["Puskesmas B (PKM-B)", "3,53", "3,53", "2,60", "2,60", "–"]
    colours = table.backgrounds[0]
    assert colours[1] == GRADE_TINTS["A"] and colours[3] == GRADE_TINTS["C"]
    assert colours[4] == GRADE_TINTS["D"]
    assert colours[5] is None  # no value, no colour
    assert colours[0] is None  # the unit's name is not coloured


def test_names_from_uploads_are_written_as_text() -> None:
    units = _units()
    units.loc[0, "nama_unit"] = "<b>Kelurahan</b> & <script>alert(1)</script>"
    html = nrr_table(units, "id").html()
    assert "<script>" not in html and "<b>" not in html
    names = html_tables(html)[0].cells["Unit"].tolist()
    assert "<b>Kelurahan</b> & <script>alert(1)</script> (KEL-A)" in names
