"""The Dampak Pelatihan page under AppTest: renders on the demo city and on an empty database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from lib.ui.state import FILTERS_KEY, LANG_KEY, Filters

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "dampak_pelatihan.py")
DIGITAL = "Pelatihan Pelayanan Publik Berbasis Digital"


def _app(url: str, monkeypatch: pytest.MonkeyPatch, lang: str = "id") -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    st.cache_data.clear()
    at = AppTest.from_file(PAGE, default_timeout=300)
    at.session_state[FILTERS_KEY] = Filters(date_from=date(2023, 11, 1), date_to=date(2026, 10, 31))
    at.session_state[LANG_KEY] = lang
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_page_shows_the_chain_of_evidence_for_a_course(
    demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _app(demo_database_url, monkeypatch)
    program = next(s for s in at.selectbox if s.key == "impact_program")
    assert program.value == "*"
    assert any(o.startswith(DIGITAL) for o in program.options)
    # "all programmes": levels 1–3 pooled, level 4 asks for one course
    assert len(at.metric) == 4 and at.metric[3].value == "–"
    program.select(DIGITAL).run()
    assert not at.exception, [e.message for e in at.exception]
    values = [m.value for m in at.metric]
    assert values[3].startswith("+") and "poin" in values[3]
    text = " ".join(m.value for m in at.markdown)
    assert "Ini perbaikan yang jelas" in text and "regresi ke rata-rata" in text
    charts = at.get("plotly_chart")
    assert len(charts) == 5  # dumbbell, distributions, reactions, event study, forest
    specs = [json.loads(c.proto.spec) for c in charts]
    event = specs[3]
    assert event["layout"]["xaxis"]["title"]["text"].startswith("Kuartal relatif")
    assert any(
        shape.get("type") == "rect" for shape in event["layout"].get("shapes", [])
    )  # pre-periods shaded
    forest = specs[4]
    assert any(abs(shape.get("x0", 0) - 0.6) < 1e-9 for shape in forest["layout"]["shapes"])  # the yardstick
    # anonymous participants only
    dumbbell = specs[0]
    assert all(str(y).startswith("#") for trace in dumbbell["data"][1:] for y in trace["y"])
    assert at.get("download_button")


def test_page_on_an_empty_database(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _app(engine.url.render_as_string(hide_password=False), monkeypatch, lang="en")
    assert any("No training programme" in i.value for i in at.info)
