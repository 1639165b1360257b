"""Dampak Pelatihan's detail tabs and expanders, built only when opened, render cleanly once opened,
for a leader and a manager in both languages, on the demo city.

The page smoke test opens the page as it first appears (the learning tab open, the expanders
closed); here each tab is opened the way a reader's click does (its label under the tabs'
session key, set before the run), with every lazy expander open, and checked the same way:
no exception, raw message key or empty value where a reader expects one.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from lib.i18n import translate
from lib.ui.impact import (
    CHAIN_DETAILS_KEY,
    DETAIL_KEY,
    DETAIL_TABS,
    FILTERS_OPEN_KEY,
    LEARNING_DETAILS_KEY,
    LIMITS_OPEN_KEY,
)
from tests.ui.test_lazy_sections import open_with
from tests.ui.test_page_smoke import assert_page_is_clean, empty_table_cells

#: The expanders whose content is built only while open (the table has its own test).
LAZY_KEYS = (FILTERS_OPEN_KEY, CHAIN_DETAILS_KEY, LEARNING_DETAILS_KEY, LIMITS_OPEN_KEY)
CASES = [(role, lang) for role in ("pimpinan", "manager-kecamatan") for lang in ("id", "en")]


def _label(tab: str, lang: str) -> str:
    return translate("impact.tab.compare" if tab == "compare" else f"impact.level.{tab}", lang)


@pytest.mark.slow
@pytest.mark.parametrize(("role", "lang"), CASES)
def test_every_detail_tab_when_opened(
    role: str, lang: str, demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for tab in DETAIL_TABS:
        # every part built only when opened is opened too, so its words are checked as well
        opened = {DETAIL_KEY: _label(tab, lang), **{key: True for key in LAZY_KEYS}}
        at = open_with(role, "dampak_pelatihan.py", lang, demo_database_url, monkeypatch, opened)
        assert [x.value for x in at.title][0].startswith(translate("impact.title", lang))
        label = f"dampak, tab {tab}, as {role} ({lang})"
        assert_page_is_clean(at, label, lang)
        assert empty_table_cells(at) == []
        assert [t.label for t in at.tabs] == [_label(t, lang) for t in DETAIL_TABS], label
        # at most the open tab's one chart: the others are not built
        assert len(at.get("vega_lite_chart")) <= 1, label
        assert all(at.expander(key=key).children for key in LAZY_KEYS if key != LEARNING_DETAILS_KEY), label
