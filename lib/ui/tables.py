"""Tables as Streamlit sends them: the same cells in fewer bytes, numbers sorted as numbers."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from pandas.io.formats.style import Styler

from lib.ui.format import Column, format_value

#: Columns with fewer distinct texts stay text: a category column of one or two values can map
#: cell by cell to a category again (pandas keeps a one-to-one map categorical), which breaks
#: readers that test cells, such as the page smoke test's look for empty cells.
MIN_DISTINCT = 3


def repeated_text_as_categories(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each text column whose values repeat (and have at least :data:`MIN_DISTINCT`
    different values) stored as a category: the same cells.

    Streamlit sends a table as Arrow, which writes a category column's distinct texts once:
    Dampak's comparison table repeats each course's name, method and verdict on its eleven
    rows and goes over the wire at a quarter of the size (95 → 23 KB for 37 courses at city
    scale); Prioritas's "data kurang" list repeats what its units lack (73 → 23 KB).
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if not (pd.api.types.is_string_dtype(values) or values.dtype == object):
            continue
        distinct = values.nunique(dropna=True)
        if MIN_DISTINCT <= distinct < len(values):
            out[column] = values.astype("category")
    return out


def sorted_by_value(frame: pd.DataFrame, written: Mapping[str, Column], lang: str) -> Styler:
    """``frame`` (columns already labelled) with the numbers of ``written`` kept as numbers and shown
    as :mod:`lib.ui.format` writes them: ``12,34`` in Indonesian, ``–`` where missing.

    Why not the formatted strings of :func:`lib.ui.format.display_frame`: Streamlit sorts a text
    column as text, so "9,87" came after "12,34" and rank "10" before "9" when a reader sorted a
    column of rates or ranks. Why not ``st.column_config.NumberColumn(format=...)``: its
    ``"localized"`` format follows the browser's language (``navigator.languages``), not the
    app's, and its printf formats always write a decimal point. A Styler sends each cell's
    written text beside its value: the browser shows the text and sorts by the value.

    Its price, measured on this machine: pandas builds the Styler's texts at about 13 µs a cell
    (60 ms for 470 units × 10 columns) and the texts travel beside the values (about as many
    bytes again). Keep it for tables a reader sorts; a long table read in its own order stays
    with :func:`lib.ui.format.display_frame`. Draw it with ``placeholder=EMPTY``: the browser
    draws a missing value with the table's placeholder, not with the Styler's text.
    """
    formatters = {
        label: (lambda value, _column=column: format_value(value, _column, lang))
        for label, column in written.items()
    }
    return frame.style.format(formatters)
