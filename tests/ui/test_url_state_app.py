"""A shared link opens the page with its filters, within the viewer's scope (AppTest, demo city)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from lib.i18n import translate
from lib.ui.auth import DEMO_ROLE_KEY, DEMO_UNIT_KEY
from lib.ui.state import FILTERS_KEY, LANG_KEY
from tests.ui.test_page_smoke import APP


def _open_link(
    params: dict[str, str],
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    role: str,
    unit: str | None = None,
) -> AppTest:
    """Kepuasan opened from a link carrying ``params``, in a fresh session of ``role`` (demo mode)."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    at = AppTest.from_file(APP, default_timeout=240)
    at.session_state[LANG_KEY] = "id"
    at.session_state[DEMO_ROLE_KEY] = role
    if unit:
        at.session_state[DEMO_UNIT_KEY] = unit
    at.switch_page("views/kepuasan.py")
    at.query_params.update(params)
    return at.run()


def _refusals(at: AppTest) -> list[str]:
    """The address's refusals on the page (the demo banner is a warning too)."""
    return [w.value for w in at.warning if w.icon == ":material/block:"]


@pytest.mark.slow
def test_a_link_sets_the_filters_and_the_address_follows_them(
    demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open_link({"periode": "last_year", "unit": "KEL-BLW1"}, demo_database_url, monkeypatch, "evaluator")
    assert not at.exception
    filters = at.session_state[FILTERS_KEY]
    assert filters.unit_code == "KEL-BLW1"
    assert filters.unit_path == "/KEC-MBLW/KEL-BLW1/"
    assert at.session_state["telaah_period_preset"] == "last_year"
    assert dict(at.query_params) == {"periode": "last_year", "unit": "KEL-BLW1"}
    # every data page gets the "Data diperbarui" line from the sidebar, naming the sources it reads
    # (Kepuasan: SKM and services, not complaints; the demo load wrote every source)
    updated = [
        line
        for c in at.sidebar.caption
        for line in c.value.split("  \n")
        if line.startswith("Data diperbarui: ")
    ]
    assert len(updated) == 1 and "SKM" in updated[0] and "Layanan" in updated[0] and "WIB" in updated[0]
    assert "Pengaduan" not in updated[0]
    # a later change of filter is written back to the address (the link is read only once)
    at.selectbox(key="telaah_period_preset__id").set_value("all").run()
    assert dict(at.query_params) == {"periode": "all", "unit": "KEL-BLW1"}
    assert at.session_state[FILTERS_KEY].unit_code == "KEL-BLW1"
    assert _refusals(at) == []


@pytest.mark.slow
def test_a_camat_opening_another_kecamatans_link_sees_their_own_scope_and_why(
    demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open_link({"unit": "KEC-MTTG"}, demo_database_url, monkeypatch, "manager", "KEC-MBLW")
    assert not at.exception
    filters = at.session_state[FILTERS_KEY]
    assert filters.unit_code is None and filters.unit_path == "/KEC-MBLW/"
    expected = translate(
        "url.out_of_scope", "id", choice="Kecamatan Medan Tuntungan", scope="Kecamatan Medan Belawan"
    )
    assert _refusals(at) == [expected]
    assert "unit" not in at.query_params


@pytest.mark.slow
def test_garbage_in_a_link_is_ignored_quietly(
    demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    params = {"periode": "kemarin", "unit": "'; DROP TABLE unit;--", "wilayah": "Atlantis", "dari": "x"}
    at = _open_link(params, demo_database_url, monkeypatch, "evaluator")
    assert not at.exception
    assert _refusals(at) == []
    filters = at.session_state[FILTERS_KEY]
    assert filters.unit_code is None and filters.region is None
    assert "unit" not in at.query_params and "wilayah" not in at.query_params


def _option_page() -> None:
    import streamlit as st

    from lib.ui.url_state import keep_in_url

    keep_in_url("per", "telaah_test_per", ["bulan", "triwulan"])
    st.radio("Tampilkan per", ["bulan", "triwulan"], key="telaah_test_per", horizontal=True)


def test_a_page_option_is_read_from_the_address_and_written_back() -> None:
    at = AppTest.from_function(_option_page)
    at.query_params["per"] = "triwulan"
    at.run()
    assert at.radio[0].value == "triwulan"
    at.radio[0].set_value("bulan").run()
    assert at.query_params["per"] == "bulan"


def test_a_page_option_that_means_nothing_is_ignored() -> None:
    at = AppTest.from_function(_option_page)
    at.query_params["per"] = "<script>"
    at.run()
    assert not at.exception
    assert at.radio[0].value == "bulan"
    at.run()
    assert at.query_params["per"] == "bulan"
