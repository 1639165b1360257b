"""The parts of Kepuasan, Prioritas and Pengaduan built only when opened (a tab, expanders) render cleanly
once opened, for a leader and a manager in both languages, on the demo city.

The page smoke test opens each page as it first appears, with these parts closed; here they
are opened the way a reader's click does (their session keys, set before the run: a second run
of ``app.py`` in English trips AppTest over the demo role picker's translated options), and
checked the same way.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from lib.i18n import translate
from lib.ui.auth import DEMO_ROLE_KEY, DEMO_UNIT_KEY
from lib.ui.complaints import DRILL_OPEN_KEY, TABLE_OPEN_KEY
from lib.ui.ikm import PROFILE_OPEN_KEY, VIEW_KEY
from lib.ui.priorities import SHORT_OPEN_KEY
from lib.ui.state import LANG_KEY
from tests.priorities.test_priority_page_expanders import short_count
from tests.ui.test_page_smoke import APP, ROLES, _open, assert_page_is_clean, empty_table_cells, switch_to


def open_with(
    role: str, page: str, lang: str, url: str, monkeypatch: pytest.MonkeyPatch, opened: dict[str, object]
) -> AppTest:
    """:func:`tests.ui.test_page_smoke._open` (demo roles only) with ``opened`` in the session first."""
    _, demo_role, demo_unit = ROLES[role]
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    at = AppTest.from_file(APP, default_timeout=240)
    at.session_state[LANG_KEY] = lang
    at.session_state[DEMO_ROLE_KEY] = demo_role
    if demo_unit is not None:
        at.session_state[DEMO_UNIT_KEY] = demo_unit
    for key, value in opened.items():
        at.session_state[key] = value
    return switch_to(at, page).run()


def closed_and_opened(
    role: str, page: str, lang: str, url: str, monkeypatch: pytest.MonkeyPatch, opened: dict[str, object]
) -> tuple[AppTest, AppTest]:
    """``page`` as it first appears, then with ``opened`` in the session: both checked clean, and
    the opened one for empty table cells too."""
    name = page.removesuffix(".py")
    closed = _open(role, page, lang, url, monkeypatch, None)
    assert_page_is_clean(closed, f"{name} as {role} ({lang})", lang)
    at = open_with(role, page, lang, url, monkeypatch, opened)
    assert_page_is_clean(at, f"{name} opened as {role} ({lang})", lang)
    assert empty_table_cells(at) == []
    return closed, at


CASES = [(role, lang) for role in ("pimpinan", "manager-kecamatan") for lang in ("id", "en")]


@pytest.mark.slow
@pytest.mark.parametrize(("role", "lang"), CASES)
def test_kepuasan_ranking_tab_and_profile_when_opened(
    role: str, lang: str, demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = {VIEW_KEY: translate("ikm.section.ranking", lang), PROFILE_OPEN_KEY: True}
    closed, at = closed_and_opened(role, "kepuasan.py", lang, demo_database_url, monkeypatch, opened)
    closed_charts, closed_tables = len(closed.get("vega_lite_chart")), len(closed.dataframe)
    # the NRR table gives way to the ranking chart and the units table, the profile adds its chart
    assert len(at.get("vega_lite_chart")) == closed_charts + 2
    assert len(at.dataframe) == closed_tables


@pytest.mark.slow
@pytest.mark.parametrize(("role", "lang"), CASES)
def test_prioritas_short_units_and_model_details_when_opened(
    role: str, lang: str, demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = {SHORT_OPEN_KEY: True, "priority_model_details": True}
    closed, at = closed_and_opened(role, "prioritas.py", lang, demo_database_url, monkeypatch, opened)
    closed_tables = len(closed.dataframe)
    shorts = short_count(closed, lang)  # written above the table, read while the list is closed
    assert shorts or role != "pimpinan"  # the demo city has units without enough evidence
    if shorts:  # "Tidak diperingkat karena datanya kurang: N unit": the list holds those N units
        assert len(at.dataframe) == closed_tables + 1
        assert shorts in [len(frame.value) for frame in at.dataframe]


@pytest.mark.slow
@pytest.mark.parametrize(("role", "lang"), CASES)
def test_pengaduan_unit_table_and_texts_when_opened(
    role: str, lang: str, demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = {TABLE_OPEN_KEY: True, DRILL_OPEN_KEY: True}
    closed, at = closed_and_opened(role, "pengaduan.py", lang, demo_database_url, monkeypatch, opened)
    assert not [d for d in closed.dataframe if d.key == "complaints_table"]
    (table,) = [d for d in at.dataframe if d.key == "complaints_table"]
    assert len(table.value) > 0  # one row per unit of the reader's scope with complaints
