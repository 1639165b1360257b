"""Period presets: whole months ending with the month of the latest data (hand-checked)."""

from datetime import date

from lib.ui.sidebar import preset_range


def test_presets_end_with_the_anchor_month() -> None:
    anchor = date(2026, 10, 31)
    assert preset_range("last12", anchor) == (date(2025, 11, 1), date(2026, 10, 31))
    assert preset_range("this_year", anchor) == (date(2026, 1, 1), date(2026, 10, 31))
    assert preset_range("last_year", anchor) == (date(2025, 1, 1), date(2025, 12, 31))
    assert preset_range("last12", date(2026, 12, 5)) == (date(2026, 1, 1), date(2026, 12, 31))
    assert preset_range("last12", date(2024, 2, 10)) == (date(2023, 3, 1), date(2024, 2, 29))
