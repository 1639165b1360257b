"""Pengaduan's channel and status tables: counts and shares as numbers, written the reader's way."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.ui.complaints import shares_table
from tests.ui.shown_tables import written_cells


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        # 9,636 + 8,908 + 120 = 18,664: 51.6% → 52%, 47.7% → 48%, 0.6% → 1%
        ("id", [["LAPOR!", "9.636", "52%"], ["WhatsApp", "8.908", "48%"], ["tidak diketahui", "120", "1%"]]),
        ("en", [["LAPOR!", "9,636", "52%"], ["WhatsApp", "8,908", "48%"], ["unknown", "120", "1%"]]),
    ],
)
def test_channel_shares_are_written_the_readers_way_and_sorted_by_value(
    lang: str, expected: list[list[str]]
) -> None:
    frame = pd.DataFrame(
        {"channel": ["LAPOR!", "WhatsApp", None, "LAPOR!"], "complaints": [9000, 8908, 120, 636]}
    )
    styled = shares_table(frame, "channel", lang)
    assert written_cells(styled).to_numpy().tolist() == expected
    values = styled.data  # what the browser sorts by
    assert values.iloc[:, 1].tolist() == [9636, 8908, 120]
    assert values.iloc[:, 2].tolist() == pytest.approx([9636 / 18664, 8908 / 18664, 120 / 18664])
