"""Tables drawn as HTML: every text escaped, numbers right-aligned, cell colours where given."""

from __future__ import annotations

import pandas as pd

from lib.ui.html_table import ReadingTable
from tests.ui.shown_tables import html_tables


def test_cells_and_headers_are_written_as_text() -> None:
    frame = pd.DataFrame({"Unit <i>": ['<img src=x onerror="alert(1)">', "A & B"], "IKM": ["82,18", "–"]})
    html = ReadingTable(frame, ("IKM",), label='Nilai "NRR"').html()
    assert "<img" not in html and "<i>" not in html and 'onerror="' not in html
    (table,) = html_tables(html)
    assert list(table.cells.columns) == ["Unit <i>", "IKM"]
    assert table.cells.to_numpy().tolist() == [['<img src=x onerror="alert(1)">', "82,18"], ["A & B", "–"]]
    assert 'aria-label="Nilai &quot;NRR&quot;"' in html


def test_numbers_right_aligned_and_colours_per_cell() -> None:
    frame = pd.DataFrame({"Unit": ["A", "B"], "NRR": ["3,60", "2,10"]})
    html = ReadingTable(frame, ("NRR",), [[None, "#b7dfb9"], [None, None]]).html()
    assert html.count("<th class=r>") == 1 and html.count("<td class=r") == 2
    (table,) = html_tables(html)
    assert table.backgrounds == [[None, "#b7dfb9"], [None, None]]
    # a colour is a value of the style attribute, never markup
    (bad,) = html_tables(ReadingTable(frame, (), [['red"><script>', None], [None, None]]).html())
    assert "<script>" not in ReadingTable(frame, (), [['red"><script>', None], [None, None]]).html()
    assert bad.cells.iloc[0, 0] == "A"


def test_an_empty_table_keeps_its_header() -> None:
    (table,) = html_tables(ReadingTable(pd.DataFrame({"Unit": [], "IKM": []})).html())
    assert list(table.cells.columns) == ["Unit", "IKM"] and table.cells.empty


def test_a_column_can_be_given_a_least_width() -> None:
    frame = pd.DataFrame({"Unit": ["A"], "Alasan": ["panjang"]})
    html = ReadingTable(frame, min_widths={"Alasan": "24rem"}).html()
    assert '<th style="min-width:24rem">Alasan</th>' in html and "<th>Unit</th>" in html
