"""Prioritas's "Data kurang" expander stays open when the period changes.

Streamlit tells an expander by its label, key or not: a label holding the count of units not
ranked ("Data kurang: 203 unit tidak diperingkat") closed the list a reader had opened
whenever a period change changed the count.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lib.i18n import translate
from lib.ui.priorities import SHORT_OPEN_KEY
from lib.ui.state import FILTERS_KEY, LANG_KEY, Filters

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "prioritas.py")
WHOLE = Filters(date_from=date(2023, 11, 1), date_to=date(2026, 10, 31))
ONE_MONTH = Filters(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31))


def _app(url: str, monkeypatch: pytest.MonkeyPatch, lang: str = "id") -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    st.cache_data.clear()
    at = AppTest.from_file(PAGE, default_timeout=300)
    at.session_state[FILTERS_KEY] = WHOLE
    at.session_state[LANG_KEY] = lang
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _short_rows(at: AppTest) -> int | None:
    """Rows of the units-not-ranked table (None while its expander is closed)."""
    box = at.expander(key=SHORT_OPEN_KEY)
    tables = [child for child in box.children.values() if child.type == "dataframe"]
    return len(tables[0].value) if tables else None


def short_count(at: AppTest, lang: str) -> int | None:
    """The count of units not ranked, as the page writes it above the table (read while the list
    is closed); None when the page writes none."""
    before, after = translate("priority.short_count", lang, n="\x00").split("\x00")
    text = " ".join(m.value for m in at.markdown)
    found = re.search(re.escape(before) + r"(?P<n>[\d.,]+)" + re.escape(after), text)
    return int(re.sub(r"[.,]", "", found.group("n"))) if found else None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_count_shows_while_closed_and_the_list_stays_open_across_a_period_change(
    lang: str, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _app(demo_database_url, monkeypatch, lang)
    box = at.expander(key=SHORT_OPEN_KEY)
    assert box.label == translate("priority.data_kurang.show", lang) and not box.children
    closed_count = short_count(at, lang)
    assert closed_count  # the demo city has units without enough evidence
    at.session_state[SHORT_OPEN_KEY] = True  # as a reader's click does
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert _short_rows(at) == closed_count  # the table lists the units counted above it
    at.session_state[FILTERS_KEY] = ONE_MONTH
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    after = _short_rows(at)
    assert after is not None, "the list closed when the period changed"
    assert after == short_count(at, lang) != closed_count  # still open, with this period's units
