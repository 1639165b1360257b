"""Each unit's element scores (NRR per unsur) as a table whose cells are coloured by grade band.

Why a table rather than the plotly heatmap it replaces: at city scale the heatmap held 40
units × 9 unsur, and the browser measured and placed each of its 360 written values on
every redraw: 1.7–2.0 s of CPU per filter change (measured in headless Chromium beside the
same page without it), against 0.4 s for this table. A graded table is also what SKM
evaluators keep in their spreadsheets: values to read and copy, sortable by any unsur,
coloured so the red and orange cells (the elements dragging a unit down) still stand out.

The cells hold the values as the reader writes them (``2,96``): the NRR lies between 1 and
4, so the written values sort in numeric order too. No Streamlit: the page draws the result.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from lib.analysis.ikm_formula import grade_nrr
from lib.i18n import translate
from lib.models import UNSUR
from lib.ui.format import EMPTY, number

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


def nrr_table(frame: pd.DataFrame, lang: str, limit: int = 40) -> Styler:
    """:func:`nrr_frame` styled: each NRR cell on its grade's tint (``st.dataframe`` draws it).

    The styles are written as rows of plain strings and framed once: set cell by cell into a
    frame of (Arrow-backed) strings they cost ~8 ms of every period change for ten rows."""
    table, grades = nrr_frame(frame, lang, limit)
    css = pd.DataFrame(
        [
            [
                "",
                *("" if letter is None else f"background-color: {GRADE_TINTS[letter]}" for letter in letters),
            ]
            for letters in grades
        ],
        index=table.index,
        columns=table.columns,
        dtype=object,
    )
    return table.style.apply(lambda _: css, axis=None)


def nrr_column_config(lang: str) -> dict[str, dict[str, object]]:
    """``st.dataframe(column_config=…)`` for :func:`nrr_table`: the NRR columns right-aligned, as numbers are."""
    names = [translate(f"ikm.unsur_short.{u}", lang) for u in UNSUR]
    return {name: {"label": name, "type_config": {"type": "text"}, "alignment": "right"} for name in names}
