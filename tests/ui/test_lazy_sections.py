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
from lib.ui import priorities
from lib.ui.auth import DEMO_ROLE_KEY, DEMO_UNIT_KEY
from lib.ui.complaints import CHART_TAB_KEY, DRILL_OPEN_KEY, TABLE_OPEN_KEY
from lib.ui.ikm import PROFILE_OPEN_KEY, VIEW_KEY
from lib.ui.priorities import PROFILE_KEY, SHORT_OPEN_KEY
from lib.ui.state import LANG_KEY
from tests.priorities.test_priority_page_expanders import short_count
from tests.ui.shown_tables import page_html_tables
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
def test_kepuasan_ranking_tab_when_opened(
    role: str, lang: str, demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = {VIEW_KEY: translate("ikm.section.ranking", lang)}
    closed, at = closed_and_opened(role, "kepuasan.py", lang, demo_database_url, monkeypatch, opened)
    # the NRR table (HTML) gives way to the ranking chart and the units table
    assert len(page_html_tables(closed)) == 1 and not closed.dataframe
    assert not closed.get("vega_lite_chart")
    assert len(at.get("vega_lite_chart")) == 1
    assert not page_html_tables(at) and len(at.dataframe) == 1


@pytest.mark.slow
@pytest.mark.parametrize(("role", "lang"), CASES)
def test_kepuasan_unit_tab_and_respondents_when_opened(
    role: str, lang: str, demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = {VIEW_KEY: translate("ikm.section.unit", lang), PROFILE_OPEN_KEY: True}
    closed, at = closed_and_opened(role, "kepuasan.py", lang, demo_database_url, monkeypatch, opened)
    # the unit's figures, its trend and its respondents' chart, and the SKM report's two buttons
    assert len(at.metric) == len(closed.metric) + 2
    assert len(at.get("vega_lite_chart")) == 2
    assert len(at.download_button) == len(closed.download_button) + 2


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


@pytest.mark.slow
@pytest.mark.parametrize(("role", "lang"), CASES)
@pytest.mark.parametrize(
    ("tab", "control"), [("heatmap", "complaints_heatmap_measure"), ("handling", "complaints_handling_view")]
)
def test_pengaduan_themes_and_handling_tabs_when_opened(
    tab: str,
    control: str,
    role: str,
    lang: str,
    demo_engine: Engine,
    demo_database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened = {CHART_TAB_KEY: translate(f"complaints.{tab}.header", lang)}
    closed, at = closed_and_opened(role, "pengaduan.py", lang, demo_database_url, monkeypatch, opened)
    # the trend first; a tab opened draws its own chart and control in the trend's place, and only them
    assert [c.key for c in closed.get("vega_lite_chart")] == ["complaints_trend"]
    assert not [c for c in closed.get("button_group") if c.key == control]
    (chart,) = at.get("vega_lite_chart")
    assert chart.key != "complaints_trend" and [c for c in at.get("button_group") if c.key == control]
    assert not at.multiselect  # the trend's unit picker goes with its tab


@pytest.mark.slow
@pytest.mark.parametrize(("role", "lang"), CASES)
def test_prioritas_profile_tab_when_opened(
    role: str, lang: str, demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = {priorities.VIEW_KEY: translate("priority.profile", lang)}
    closed, at = closed_and_opened(role, "prioritas.py", lang, demo_database_url, monkeypatch, opened)
    # the ranking first (its chart and table); the profile's picker, six figures and tables when opened
    assert len(closed.get("vega_lite_chart")) == 1 and not closed.metric
    assert not [box for box in closed.selectbox if box.key == PROFILE_KEY]
    assert len(at.metric) == 6 and not at.get("vega_lite_chart")
    (picker,) = [box for box in at.selectbox if box.key == PROFILE_KEY]
    # the unit ranked first, as the ranking's table lists it
    (ranked,) = page_html_tables(closed)
    first = ranked.cells[translate("priority.col.unit", lang)].iloc[0]
    assert picker.options[picker.index] == first


@pytest.mark.slow
def test_prioritas_opens_on_the_profile_for_a_scope_of_one_unit(
    demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A puskesmas head has no units to rank: the page opens on their own unit's profile."""
    at = _open("manager-puskesmas", "prioritas.py", "id", demo_database_url, monkeypatch, None)
    assert_page_is_clean(at, "prioritas as manager-puskesmas", "id")
    assert at.session_state[priorities.VIEW_KEY] == translate("priority.profile", "id")
    (picker,) = [box for box in at.selectbox if box.key == PROFILE_KEY]
    assert picker.value == "PKM-BLW" and len(at.metric) == 6
