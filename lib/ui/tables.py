"""Tables as Streamlit sends them: the same cells in fewer bytes."""

from __future__ import annotations

import pandas as pd

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
