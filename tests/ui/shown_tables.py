"""A table's cells as the browser draws them, for tests that read what a reader sees."""

from __future__ import annotations

from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.elements.lib.pandas_styler_utils import marshall_styler
from streamlit.proto.ArrowData_pb2 import ArrowData


def shown_cells(element: Any) -> pd.DataFrame:
    """The cells of an AppTest ``st.dataframe`` as drawn: a Styler's written texts where the page
    sent them (:func:`lib.ui.tables.sorted_by_value`), and the table's ``placeholder`` in a missing cell.

    ``element.value`` holds the values the browser sorts by; without a Styler and a placeholder
    the two are the same table (a missing cell stays missing: Streamlit draws it as "None").
    """
    values: pd.DataFrame = element.value
    written = element.proto.arrow_data.styler.display_values
    shown = convert_arrow_bytes_to_pandas_df(written) if written else values.copy()
    shown.columns = values.columns
    shown.index = values.index
    placeholder = element.proto.placeholder if element.proto.HasField("placeholder") else None
    missing = values.isna()
    for column in values.columns:
        gaps = missing[column].to_numpy()
        if written or (placeholder is not None and gaps.any()):
            cells = shown[column].astype(object)
            cells[gaps] = placeholder
            shown[column] = cells
    return shown


def written_cells(styler: Styler) -> pd.DataFrame:
    """The texts a Styler sends for its cells, through the same path ``st.dataframe`` takes."""
    proto = ArrowData()
    marshall_styler(proto, styler, "test")
    shown = convert_arrow_bytes_to_pandas_df(proto.styler.display_values)
    shown.columns = styler.data.columns
    return shown
