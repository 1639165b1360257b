"""A table's cells as the browser draws them, for tests that read what a reader sees."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
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


@dataclass
class HtmlTable:
    """An HTML table as a reader sees it: its cells' texts (``cells``, header as columns) and each
    cell's background colour (``None`` where it has none)."""

    cells: pd.DataFrame
    backgrounds: list[list[str | None]]


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[list[str], list[list[str]], list[list[str | None]]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append(([], [], []))
        elif tag == "tr" and self.tables:
            self._row: list[str] = []
            self._colours: list[str | None] = []
            self._header = False
        elif tag in ("td", "th"):
            self._cell = []
            self._header = tag == "th"
            style = dict(attrs).get("style") or ""
            self._colours.append(
                style.split("background:", 1)[1].split(";")[0] if "background:" in style else None
            )

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self.tables:
            head, rows, colours = self.tables[-1]
            if self._header:
                head.extend(self._row)
            else:
                rows.append(self._row)
                colours.append(self._colours)


def html_tables(body: str) -> list[HtmlTable]:
    """Every table in an HTML text (an ``st.html`` element's ``proto.body``), entities decoded."""
    parser = _TableParser()
    parser.feed(body)
    return [HtmlTable(pd.DataFrame(rows, columns=head), colours) for head, rows, colours in parser.tables]


def page_html_tables(at: Any) -> list[HtmlTable]:
    """Every HTML table an AppTest run drew (``st.html``), in page order."""
    return [table for element in at.get("html") for table in html_tables(element.proto.body)]
