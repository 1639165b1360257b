"""Period presets: hand-checked ranges."""

from datetime import date

from lib.ui.sidebar import preset_range


def test_presets() -> None:
    today = date(2026, 11, 26)
    assert preset_range("last12", today) == (date(2025, 12, 1), today)
    assert preset_range("this_year", today) == (date(2026, 1, 1), today)
    assert preset_range("last_year", today) == (date(2025, 1, 1), date(2025, 12, 31))
    assert preset_range("last12", date(2026, 12, 5)) == (date(2026, 1, 1), date(2026, 12, 5))
