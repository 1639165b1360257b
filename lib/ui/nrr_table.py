"""Each unit's element scores (NRR per unsur) as a table whose cells are coloured by grade band.

Why a table rather than the plotly heatmap it replaces: at city scale the heatmap held 40
units × 9 unsur, and the browser measured and placed each of its 360 written values on
every redraw: 1.7–2.0 s of CPU per filter change (measured in headless Chromium beside the
same page without it), against 0.4 s for this table. A graded table is also what SKM
evaluators keep in their spreadsheets: values to read and copy, coloured so the red and
orange cells (the elements dragging a unit down) still stand out. It is an HTML table, not
Streamlit's grid (:mod:`lib.ui.html_table` says why): the order is the one that matters here,
weakest unit first (the ranking tab lists every unit by its IKM).

The cells hold the values as the reader writes them (``2,96``). No Streamlit: the page draws the result.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.analysis.ikm_formula import grade_nrr
from lib.i18n import translate
from lib.models import UNSUR
from lib.ui.format import EMPTY, number
from lib.ui.html_table import ReadingTable

#: A light tint of each grade colour (the heatmap's red, orange, yellow, green), so dark text stays readable.
GRADE_TINTS = {"A": "#b7dfb9", "B": "#fef0a3", "C": "#fdd19a", "D": "#f5a9a7"}


def nrr_frame(frame: pd.DataFrame, lang: str, limit: int = 40) -> tuple[pd.DataFrame, list[list[str | None]]]:
    """The ``limit`` weakest units (lowest IKM first) with their nine NRR written out, and
    the grade letter of every NRR cell (``None`` where there is no value), row by row."""
    ranked = frame.sort_values("ikm", ascending=True).head(limit)
    values = ranked[[f"nrr_{u}" for u in UNSUR]].to_numpy(dtype=float)
    columns: dict[str, list[str]] = {
        translate("ikm.col.unit", lang): [
            f"{name} ({code})" for name, code in zip(ranked["nama_unit"], ranked["kode_unit"], strict=True)
        ]
    }
    for i, u in enumerate(UNSUR):
        columns[translate(f"ikm.unsur_short.{u}", lang)] = [
            number(v, lang, 2) if np.isfinite(v) else EMPTY for v in values[:, i].tolist()
        ]
    table = pd.DataFrame(columns)  # built at once: column by column cost pandas ~3 ms more
    grades = [[grade_nrr(v) if np.isfinite(v) else None for v in row] for row in values.tolist()]
    return table, grades


def nrr_table(frame: pd.DataFrame, lang: str, limit: int = 40) -> ReadingTable:
    """:func:`nrr_frame` as a table to read (:mod:`lib.ui.html_table`): each NRR cell on its grade's
    tint, the NRR right-aligned as numbers are. As Streamlit's grid, these ten rows cost a filter
    change three times the browser time (the module says how it was measured)."""
    table, grades = nrr_frame(frame, lang, limit)
    tints = [
        [None, *(None if letter is None else GRADE_TINTS[letter] for letter in letters)] for letters in grades
    ]
    return ReadingTable(table, tuple(table.columns[1:]), tints, translate("ikm.section.heatmap", lang))
