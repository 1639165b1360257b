"""AppTest of the shell: onboarding on an empty database, sidebar filters, language switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from lib.bulk import bulk_insert
from lib.models import Unit
from lib.ui.state import FILTERS_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")

UNITS = [
    (1, "KEC-MBLW", "Kecamatan Medan Belawan", "kecamatan", None, "/KEC-MBLW/", "Medan Belawan"),
    (2, "KEL-BLW1", "Kelurahan Belawan I", "kelurahan", 1, "/KEC-MBLW/KEL-BLW1/", "Medan Belawan"),
    (3, "KEL-BGD", "Kelurahan Bagan Deli", "kelurahan", 1, "/KEC-MBLW/KEL-BGD/", "Medan Belawan"),
    (
        4,
        "DISDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "dinas",
        None,
        "/DISDUKCAPIL/",
        "Kota Medan",
    ),
]


@pytest.fixture
def app(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    return AppTest.from_file(APP, default_timeout=60)


def _load_units(engine: Engine) -> None:
    with engine.begin() as conn:
        bulk_insert(
            conn, Unit.__table__, ["id", "code", "name", "kind", "parent_id", "path", "region"], UNITS
        )


def test_empty_database_offers_demo_and_upload(app: AppTest) -> None:
    app.run()
    assert not app.exception
    assert app.title[0].value == "Belum ada data"
    labels = [b.label for b in app.button]
    assert "Muat kota contoh (Medan)" in labels
    assert "Unggah data sendiri" in labels


def test_sidebar_drills_down_the_unit_hierarchy(engine: Engine, app: AppTest) -> None:
    _load_units(engine)
    app.run()
    # AppTest keeps the widgets of app.py across reruns only after an explicit page switch.
    app.switch_page("views/kepuasan.py").run()
    assert not app.exception
    region = app.sidebar.selectbox(key="telaah_region__id")
    assert region.options == ["Semua wilayah", "Kota Medan", "Medan Belawan"]
    region.select("Medan Belawan").run()
    top = app.sidebar.selectbox(key="telaah_unit_0__id")
    assert top.options == ["Semua unit", "Kecamatan Medan Belawan"]
    top.select("KEC-MBLW").run()
    sub = app.sidebar.selectbox(key="telaah_unit_1__id")
    assert sub.label == "Sub-unit dari Kecamatan Medan Belawan"
    assert sub.options == ["Seluruh Kecamatan Medan Belawan", "Kelurahan Bagan Deli", "Kelurahan Belawan I"]
    sub.select("KEL-BLW1").run()
    filters = app.session_state[FILTERS_KEY]
    assert (filters.unit_code, filters.unit_path, filters.region) == (
        "KEL-BLW1",
        "/KEC-MBLW/KEL-BLW1/",
        "Medan Belawan",
    )
    # Going back up forgets the deeper choice.
    app.sidebar.selectbox(key="telaah_unit_0__id").select("").run()
    filters = app.session_state[FILTERS_KEY]
    assert filters.unit_code is None and filters.unit_path is None


def test_language_switch_to_english(engine: Engine, app: AppTest) -> None:
    _load_units(engine)
    app.run()
    app.switch_page("views/kepuasan.py").run()
    region = app.sidebar.selectbox(key="telaah_region__id")
    assert region.label == "Wilayah" and region.options[0] == "Semua wilayah"
    region.select("Medan Belawan").run()
    app.sidebar.selectbox(key="telaah_lang_select").select("en").run()
    assert not app.exception
    region = app.sidebar.selectbox(key="telaah_region__en")
    # Labels and option texts switch language; the choice itself is kept.
    assert region.label == "Area" and region.options[0] == "All areas"
    assert region.value == "Medan Belawan"
    assert app.session_state[FILTERS_KEY].region == "Medan Belawan"


def test_pages_without_data_filters_do_not_show_them(engine: Engine, app: AppTest) -> None:
    """Status Data uses no period, wilayah or unit: the sidebar offers none there."""
    _load_units(engine)
    app.run()
    app.switch_page("views/status_data.py").run()
    assert not app.exception
    keys = {w.key for w in app.sidebar.selectbox}
    assert not any(
        k and k.startswith(("telaah_region", "telaah_period_preset", "telaah_unit_")) for k in keys
    )
