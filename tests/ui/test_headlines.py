"""Ringkasan's headline figures as the page and the PDF write them (hand-checked strings)."""

from __future__ import annotations

from lib.analysis.priority_score import FLAG_THRESHOLD
from lib.analysis.summary_types import Headline
from lib.ui.headlines import headline_basis, headline_change, headline_delta, headline_text


def test_headline_values_in_each_language() -> None:
    assert headline_text(Headline("ikm", 82.456, 80.0, 364, detail="B"), "id") == "82,46 (B)"
    assert headline_text(Headline("within_standard", 0.874, 0.8, 10), "id") == "87%"
    assert headline_text(Headline("learning", 12.34, None, 40), "en") == "+12.3"
    assert headline_text(Headline("complaints", 1234.0, None, 1), "id") == "1.234"
    assert headline_text(Headline("ikm", None, None, 0), "id") == "–"


def test_a_change_that_rounds_to_zero_is_grey_not_a_green_arrow() -> None:
    # 0.874 − 0.8742 = −0.02 pp: shown as "0,0 pp", neutral
    flat = Headline("within_standard", 0.874, 0.8742, 10)
    assert headline_change(flat, "id") == {"delta": "0,0 pp", "delta_color": "off"}
    up = Headline("within_standard", 0.874, 0.85, 10)
    assert headline_change(up, "id") == {"delta": "+2,4 pp", "delta_color": "normal"}
    worse = Headline("flagged", 5.0, 3.0, 151, higher_is_better=False)
    assert headline_change(worse, "en") == {"delta": "+2", "delta_color": "inverse"}
    assert headline_delta(Headline("ikm", 82.0, None, 1), "id") is None


def test_the_flag_threshold_in_the_text_is_the_codes() -> None:
    basis = headline_basis(Headline("flagged", 5.0, 3.0, 151), "id")
    assert f"skor ≥ {FLAG_THRESHOLD:.0f}" in basis and basis.startswith("dari 151 unit")
