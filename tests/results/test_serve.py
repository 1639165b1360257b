"""``python -m lib serve``: which modules are loaded before the server opens its port."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine

from lib import serve


def test_imported_modules_reads_every_import_form(tmp_path: Path) -> None:
    page = tmp_path / "page.py"
    page.write_text(
        "import json\n"
        "import os.path as p\n"
        "from lib.ui import ikm as ui\n"
        "from . import sibling\n"  # relative: not importable by name, left out
        "def f():\n"
        "    from lib.results.dashboard import leadership\n"
    )
    broken = tmp_path / "broken.py"
    broken.write_text("def (:\n")
    assert serve.imported_modules([page, broken, tmp_path / "missing.py"]) == [
        "json",
        "os.path",
        "lib.ui",
        "lib.ui.ikm",
        "lib.results.dashboard",
        "lib.results.dashboard.leadership",
    ]


def test_app_modules_cover_the_pages_and_the_result_store() -> None:
    modules = serve.app_modules()
    # app.py's own imports, a page's imports (views/kepuasan.py reads lib.ui.ikm), and ALSO
    assert "lib.ui.sidebar" in modules
    assert "lib.ui.ikm" in modules
    assert "PIL.Image" in modules  # from ALSO
    assert "lib.results.dashboard" in modules
    # what pages load only on demand stays out of the server until needed
    assert not any(m.startswith(("sklearn", "statsmodels")) for m in modules)
    # no page draws plotly any more (every chart is Vega-Lite): the server does not load it
    assert not any(m.startswith("plotly") for m in modules)


def test_preload_skips_names_that_are_attributes_and_reports_missing_modules() -> None:
    failed = serve.preload(["lib.ui.text", "lib.ui.text.plain", "lib.no_such_module_here"])
    assert "lib.ui.text" in sys.modules
    assert failed == ["lib.no_such_module_here"]


def test_settle_takes_loaded_modules_out_of_full_collections() -> None:
    """After ``settle`` the objects of the loaded libraries are frozen, so Streamlit's
    ``gc.collect(2)`` after every script run no longer walks them, and the message catalogue
    is already read."""
    import gc

    from lib.i18n import catalog

    catalog.cache_clear()
    try:
        serve.settle()
        assert gc.get_freeze_count() > 10_000
        assert catalog.cache_info().currsize == 1
        assert len(gc.get_objects()) < gc.get_freeze_count() / 10
    finally:
        gc.unfreeze()


def test_warm_pages_renders_every_data_page_and_leaves_the_caches_filled(
    demo_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restarted server renders the leadership pages once before it accepts connections; the
    data caches it fills are the process's own, which the server then serves from."""
    import streamlit as st
    from streamlit.runtime.caching.cache_data_api import get_data_cache_stats_provider

    monkeypatch.setenv("DATABASE_URL", demo_engine.url.render_as_string(hide_password=False))
    monkeypatch.delenv("TELAAH_DEMO_MODE", raising=False)

    def cached() -> dict[str, int]:
        stats = get_data_cache_stats_provider().get_stats()
        return {s.cache_name.rsplit(".", 1)[-1]: s.byte_length for f in stats.values() for s in f}

    # which pages really ran (a page whose address is not its file name, Dampak's, was once
    # rendered as the home page instead)
    import lib.ui.complaints
    import lib.ui.impact
    import lib.ui.priorities

    ran: list[str] = []
    for module, section in (
        (lib.ui.impact, "chain_section"),
        (lib.ui.priorities, "ranking_section"),
        (lib.ui.complaints, "headline_section"),
    ):
        original = getattr(module, section)
        monkeypatch.setattr(
            module, section, lambda *a, _o=original, _n=module.__name__, **k: (ran.append(_n), _o(*a, **k))[1]
        )
    st.cache_data.clear()
    assert serve.warm_pages(["last12"]) == []
    assert sorted(ran) == ["lib.ui.complaints", "lib.ui.impact", "lib.ui.priorities"]
    first = cached()
    # the IKM of the default period, the complaint counts and the sidebar's data coverage
    assert {"units_ikm", "monthly", "coverage"} <= set(first)
    assert serve.warm_pages(["this_year"]) == []
    assert cached()["units_ikm"] > first["units_ikm"]  # another period's IKM, beside the first
    import os

    assert "TELAAH_DEMO_MODE" not in os.environ  # the server itself keeps its sign-in gate


def test_warm_periods_are_the_presets_named_or_every_fixed_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every preset but "custom" by default (the default period first); a list in
    ``TELAAH_WARM_PERIODS`` narrows it, and names that are no preset are ignored."""
    monkeypatch.delenv("TELAAH_WARM_PERIODS", raising=False)
    assert serve.warm_periods() == ("last12", "this_year", "last_year", "all")
    monkeypatch.setenv("TELAAH_WARM_PERIODS", "last12, this_year,custom,bogus")
    assert serve.warm_periods() == ("last12", "this_year")
