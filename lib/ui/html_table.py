"""Short tables to read, drawn as one HTML element instead of Streamlit's data grid.

Why: the data grid (``st.dataframe``) is a canvas component the browser rebuilds on every
rerun. Measured in headless Chromium beside the same page without it (16 period changes, two
runs): a 10 × 10 table cost a filter change 28–40 ms of the browser's time as a grid, 8–12 ms
as an HTML table, and 50–60 ms as ``st.table``. A table that leads a page (Kepuasan's
element scores of the weakest units) is read and compared, not searched: it is drawn here;
tables to sort, search or copy whole (the per-unit lists behind an expander) stay grids.

The cells are texts the caller wrote (:mod:`lib.ui.format`), escaped here: unit names come
from uploads. Colours are given per cell as a background (a grade's tint).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

import pandas as pd
import streamlit as st

#: The table's look, close to Streamlit's grid: thin rules, a tinted header, numbers right-aligned.
#: Scoped to the class, so it styles only these tables.
STYLE = (
    "<style>"
    ".telaah-table-wrap{overflow-x:auto;margin-bottom:0.5rem}"
    ".telaah-table{border-collapse:collapse;width:100%;font-size:0.875rem;line-height:1.4}"
    ".telaah-table th{background:#f8f9fb;color:#555867;font-weight:400;text-align:left;"
    "padding:0.35rem 0.5rem;border:1px solid #e6e9ef;vertical-align:bottom}"
    ".telaah-table td{padding:0.35rem 0.5rem;border:1px solid #e6e9ef;vertical-align:top}"
    ".telaah-table .r{text-align:right;font-variant-numeric:tabular-nums}.telaah-table td.r{white-space:nowrap}"
    "</style>"
)


@dataclass(frozen=True)
class ReadingTable:
    """A table to read: its written cells and how they are laid out; :meth:`html` writes it.

    ``right``: the columns to right-align (numbers). ``backgrounds``: per row, a CSS colour (or
    ``None``) for each column. ``label``: the table's accessible name (``aria-label``).
    ``min_widths``: a column's least width (CSS, ``"20rem"``), so a long text wraps in a wide
    column rather than into a tall narrow one.
    """

    frame: pd.DataFrame
    right: tuple[str, ...] = ()
    backgrounds: Sequence[Sequence[str | None]] | None = None
    label: str = ""
    min_widths: Mapping[str, str] | None = None

    def html(self) -> str:
        """The table as HTML (with its style), every text escaped."""
        columns = [str(c) for c in self.frame.columns]
        right = set(map(str, self.right))
        aligned = {i for i, c in enumerate(columns) if c in right}
        widths = {str(k): v for k, v in (self.min_widths or {}).items()}

        def header(i: int, name: str) -> str:
            attrs = " class=r" if i in aligned else ""
            if name in widths:
                attrs += f' style="min-width:{escape(widths[name])}"'
            return f"<th{attrs}>{escape(name)}</th>"

        body = []
        for r, row in enumerate(self.frame.itertuples(index=False, name=None)):
            cells = []
            for i, value in enumerate(row):
                attrs = " class=r" if i in aligned else ""
                colour = self.backgrounds[r][i] if self.backgrounds is not None else None
                if colour:
                    attrs += f' style="background:{escape(colour)}"'
                cells.append(f"<td{attrs}>{escape(str(value))}</td>")
            body.append(f"<tr>{''.join(cells)}</tr>")
        head = "".join(header(i, c) for i, c in enumerate(columns))
        name = f' aria-label="{escape(self.label)}"' if self.label else ""
        return (
            f'{STYLE}<div class="telaah-table-wrap"><table class="telaah-table"{name}>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )


def draw_table(table: ReadingTable) -> None:
    """Draw ``table`` as one HTML element: the app's one place that renders computed text as HTML,
    every text escaped by :meth:`ReadingTable.html` (``tests/auth/test_auth_hardening.py`` vets it)."""
    st.html(table.html())
