"""AppTest of the Kepuasan Masyarakat page: hand-checked figures on small data, and a smoke run on the demo city."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lib.ui.ikm import PROFILE_OPEN_KEY, SARAN_OPEN_KEY, VIEW_KEY, trend_floor, view_label
from lib.ui.state import FILTERS_KEY, Filters
from tests.ikm.ikm_data import add_responses, add_units, response, worked_example_answers
from tests.ui.shown_tables import page_html_tables, shown_cells
from tests.ui.vega_charts import vega_rows, vega_texts

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "kepuasan.py")


def _array(value: object) -> list:
    """Plotly 7 sends numeric arrays base64-encoded ({"bdata", "dtype", "shape"}); decode them."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        if "shape" in value:
            array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
        return array.tolist()
    return list(value)  # type: ignore[arg-type]


UNIT_TAB = view_label("unit")  # (Indonesian: the tests run in the default language)


def _run(
    monkeypatch, url: str, role: str = "pimpinan", unit: str | None = None, view: str | None = None
) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")  # signed in as the demo role, no password screen
    monkeypatch.setenv("TELAAH_DEMO_ROLE", role)
    st.cache_data.clear()  # the function-scoped test database reuses one URL
    at = AppTest.from_file(PAGE, default_timeout=120)
    if unit:
        from lib.ui.auth import DEMO_UNIT_KEY

        at.session_state[DEMO_UNIT_KEY] = unit
    if view:
        at.session_state[VIEW_KEY] = view
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.fixture
def page_db(engine):
    ids = add_units(
        engine,
        [
            {"code": "DUKCAPIL", "name": "Dinas Dukcapil", "kind": "dinas", "population": 1000},
            {"code": "KEL1", "name": "Kelurahan Belawan I", "kind": "kelurahan"},
        ],
    )
    rows = [
        response(ids["DUKCAPIL"], date(2025, 3, 1 + i % 28), a)
        for i, a in enumerate(worked_example_answers())
    ]
    rows += [
        response(ids["KEL1"], date(2025, 6, d), [2] * 9, gender="P", age=30, suggestion=s)
        for d, s in ((2, "<script>alert(1)</script> antrian lama"), (3, "Petugas kurang ramah"), (4, None))
    ]
    rows.append(response(ids["DUKCAPIL"], date(2024, 12, 5), [3] * 9))
    add_responses(engine, rows)
    return engine.url.render_as_string(hide_password=False)


def test_page_figures_are_the_hand_checked_ones(page_db, monkeypatch) -> None:
    at = _run(monkeypatch, page_db)
    metrics = {m.label: m for m in at.metric[:4]}  # the headline; the detail unit's metrics follow
    ikm = at.metric[0]
    # pooled 2025-01-01 – 2025-06-30 (the filter clipped to the data): Σ answers 955 + 9 × 6 = 1009 over 32
    # per unsur → 1009 / 32 × 0.111 × 25 = 87.499… → 87,50, grade B
    assert ikm.value == "87,50" and "bobot 0,111" in ikm.label
    # previous six months (2024-07 – 2024-12): one respondent answering 3 → 74,93; change +12,57
    assert ikm.delta == "+12,57"
    assert metrics["Mutu pelayanan"].value == "B (Baik)"
    assert metrics["Responden"].value == "32"
    assert metrics["Unit dinilai"].value == "2"
    assert any("naik 12,57 poin" in m.value for m in at.markdown)

    # only the open tab is drawn: the NRR table, the weakest unit on top; no chart, no unit detail
    assert len(at.metric) == 4 and not at.get("vega_lite_chart")
    (nrr,) = page_html_tables(at)
    assert nrr.cells.iloc[0, 0] == "Kelurahan Belawan I (KEL1)"
    assert nrr.cells.iloc[0, 1:].tolist() == ["2,00"] * 9
    assert not at.dataframe  # the units table is in the closed ranking tab
    assert "ikm_detail_unit" not in at.session_state

    # the unit's tab: the weakest unit, IKM 49,95 without a previous period, grade D
    at.session_state[VIEW_KEY] = UNIT_TAB
    at.run()
    assert not at.exception
    assert "Kelurahan Belawan I" in [h.value for h in at.subheader]
    assert at.metric[4].label == "IKM (bobot 0,111)"
    assert at.metric[4].value == "49,95" and not at.metric[4].delta
    assert at.metric[5].value == "D (Tidak Baik)"
    # the trend is drawn; the profile and the saran wait behind their expanders
    assert len(at.get("vega_lite_chart")) == 1
    trend = vega_rows(
        at.get("vega_lite_chart")[0], "d0"
    )  # its figures travel as data, beside a spec that stays
    assert "Kelurahan Belawan I" in trend["series"].tolist() and "49,95" in trend["value"].tolist()
    assert not page_html_tables(at) and not at.dataframe
    assert "ikm_saran_text" not in at.session_state

    # the detail unit defaults to the weakest: Kelurahan Belawan I, all unsur 2 → the first three in order
    weakest = [m.value for m in at.markdown if m.value.startswith("#### Tiga unsur terlemah")]
    assert len(weakest) == 1  # heading, caption and list in one element
    lines = [line for line in weakest[0].split("\n") if line.startswith("- ")]
    assert len(lines) == 3 and lines[0].startswith("- Persyaratan: nilai 2,00 dari 4 (mutu D)")
    assert "Pelatihan standar pelayanan" in lines[0]
    # saran, once opened, are shown as data, never as HTML
    at.session_state[SARAN_OPEN_KEY] = True
    at.run()
    assert not at.exception
    saran = at.dataframe[-1].value
    assert "<script>alert(1)</script> antrian lama" in saran.iloc[:, -1].tolist()
    assert len(saran) == 2
    assert all("<script>" not in m.value for m in at.markdown)
    assert len(at.download_button) == 2

    at.session_state[VIEW_KEY] = "Peringkat unit"
    at.run()
    assert not at.exception
    ranking = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    bars = next(layer for layer in ranking["layer"] if layer["mark"]["type"] == "bar")
    assert bars["encoding"]["x"]["field"] == "ikm"
    assert vega_rows(at.get("vega_lite_chart")[0])["ikm"].tolist() == [91.38, 49.95]
    units = shown_cells(at.dataframe[0])
    assert units.iloc[:, 1].tolist() == ["Dinas Dukcapil", "Kelurahan Belawan I"]
    assert units.iloc[:, 2].tolist() == ["91,38", "49,95"]
    assert at.dataframe[0].value.iloc[:, 2].tolist() == [91.38, 49.95]  # sorted by value, not as text


def test_respondent_profile_opens_on_demand(page_db, monkeypatch) -> None:
    at = _run(monkeypatch, page_db, view=UNIT_TAB)
    assert "ikm_profile_scope" not in at.session_state  # its toggle is not built while closed
    at.session_state[PROFILE_OPEN_KEY] = True
    at.run()
    assert not at.exception
    profile = vega_rows(at.get("vega_lite_chart")[-1])
    # the weakest unit, Kelurahan Belawan I: three respondents, all women (P), all answering 2 → 49,95 (D)
    assert profile["responden"].tolist() == [3]
    assert profile["group"].tolist() == ["Perempuan"]
    assert profile["text"].tolist() == ["3 · IKM 49,95"]
    assert profile["grade"].tolist() == ["D"]


def test_page_exact_weight_and_saran_search(page_db, monkeypatch) -> None:
    at = _run(monkeypatch, page_db)
    at.segmented_control(key="ikm_weight").set_value("exact").run()
    assert not at.exception
    ikm = next(m for m in at.metric if m.label.startswith("IKM"))
    # 1009 / 32 / 9 × 25 = 87.5868… → 87,59
    assert ikm.value == "87,59" and "bobot 1/9" in ikm.label
    at.session_state[VIEW_KEY] = UNIT_TAB
    at.session_state[SARAN_OPEN_KEY] = True  # the reader opens the unit's tab and its saran
    at.run()
    at.text_input(key="ikm_saran_text").set_value("RAMAH").run()
    assert at.dataframe[-1].value.iloc[:, -1].tolist() == ["Petugas kurang ramah"]
    at.selectbox(key="ikm_detail_unit").set_value("DUKCAPIL").run()
    assert any(
        "Baru 29 responden, kurang dari " in w.value for w in at.warning
    )  # sample-size warning beside the unit's IKM


def test_the_opened_saran_stay_open_when_the_unit_changes_with_the_period(page_db, monkeypatch) -> None:
    """Streamlit tells an expander by its label: a label holding the unit's name closed the saran
    whenever the detail unit changed, as the default (the weakest unit) does with the period."""
    monkeypatch.setenv("DATABASE_URL", page_db)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    st.cache_data.clear()
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.session_state[FILTERS_KEY] = Filters(date_from=date(2025, 1, 1), date_to=date(2025, 6, 30))
    at.session_state[VIEW_KEY] = UNIT_TAB
    at.run()
    assert not at.exception
    box = at.expander(key=SARAN_OPEN_KEY)
    assert box.label == "Saran masyarakat" and not box.children
    at.session_state[SARAN_OPEN_KEY] = True  # as a reader's click on the drawn expander does
    at.run()
    assert not at.exception
    box = at.expander(key=SARAN_OPEN_KEY)
    # the weakest unit first: Kelurahan Belawan I, whose June respondents wrote two suggestions
    assert [c.value for c in box.caption] == ["Kelurahan Belawan I: 2 saran cocok; menampilkan 2 terbaru."]
    # January–March: only Dinas Dukcapil has respondents, and becomes the detail unit
    at.session_state[FILTERS_KEY] = Filters(date_from=date(2025, 1, 1), date_to=date(2025, 3, 31))
    at.run()
    assert not at.exception
    assert at.session_state["ikm_detail_unit"] == "DUKCAPIL"
    box = at.expander(key=SARAN_OPEN_KEY)
    assert box.children, "the saran closed when the unit changed"
    assert [c.value for c in box.caption] == ["Dinas Dukcapil: tidak ada saran yang cocok."]


def test_unit_manager_sees_only_their_unit(page_db, monkeypatch) -> None:
    at = _run(monkeypatch, page_db, role="manager", unit="KEL1")
    assert at.metric[0].label == "IKM Kelurahan Belawan I (bobot 0,111)"
    assert at.metric[0].value == "49,95"
    # a scope of one unit opens on that unit's detail (with its trend beside the scope's)
    assert [h.value for h in at.subheader] == ["Kelurahan Belawan I"] and len(at.get("vega_lite_chart")) == 1
    shown = " ".join(m.value for m in at.markdown) + json.dumps(
        [c.proto.spec for c in at.get("vega_lite_chart")] + vega_texts(at)
    )
    assert "Dukcapil" not in shown and "DUKCAPIL" not in shown


def test_saran_are_masked(engine, monkeypatch) -> None:
    ids = add_units(engine, [{"code": "KEL9", "name": "Kelurahan Sembilan", "kind": "kelurahan"}])
    add_responses(
        engine, [response(ids["KEL9"], date(2025, 5, 5), [3] * 9, suggestion="Hubungi saya 0812-3456-7890")]
    )
    at = _run(monkeypatch, engine.url.render_as_string(hide_password=False))
    assert at.subheader[0].value == "Kelurahan Sembilan"  # one unit: its detail opens first
    at.session_state[SARAN_OPEN_KEY] = True
    at.run()
    texts = at.dataframe[-1].value.iloc[:, -1].tolist()
    assert texts == ["Hubungi saya [telepon]"]


def test_page_on_an_empty_database(engine, monkeypatch) -> None:
    at = _run(monkeypatch, engine.url.render_as_string(hide_password=False))
    assert any("Belum ada respons SKM" in i.value for i in at.info)


def _has_demo() -> bool:
    try:
        from lib.demo import build_demo  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _has_demo(), reason="lib.demo not available yet")
def test_page_on_the_demo_city(demo_database_url, monkeypatch) -> None:
    at = _run(monkeypatch, demo_database_url)
    assert at.metric and at.metric[0].value not in ("", "–")
    assert len(page_html_tables(at)) == 1  # the NRR table
    at.session_state[VIEW_KEY] = "Peringkat unit"
    at.run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 1 and len(at.dataframe) == 1  # the ranking's chart and table
    at.session_state[VIEW_KEY] = UNIT_TAB
    at.session_state[PROFILE_OPEN_KEY] = True
    at.run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 2  # the unit's trend and its respondents


@pytest.mark.slow
def test_chart_specs_stay_the_same_when_the_period_changes(demo_database_url, monkeypatch) -> None:
    """A period change sends the trend and the respondent profile with other data beside the same
    spec, so the browser swaps their data instead of building them again (``lib.ui.vega``): the
    trend's floor and series names, the profile's groups and bar lengths travel in the data."""
    periods = [
        Filters(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)),
        Filters(date_from=date(2026, 4, 1), date_to=date(2026, 6, 30)),
    ]
    monkeypatch.setenv("DATABASE_URL", demo_database_url)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    monkeypatch.setenv("TELAAH_DEMO_ROLE", "pimpinan")
    st.cache_data.clear()
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.session_state[VIEW_KEY] = UNIT_TAB
    at.session_state[PROFILE_OPEN_KEY] = True
    specs, data = [], []
    for filters in periods:
        at.session_state[FILTERS_KEY] = filters
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        trend, profile = at.get("vega_lite_chart")[0], at.get("vega_lite_chart")[-1]
        assert json.loads(trend.proto.spec)["layer"][2]["mark"]["type"] == "line"
        assert json.loads(profile.proto.spec)["layer"][0]["mark"]["type"] == "bar"
        specs.append((trend.proto.spec, profile.proto.spec))
        data.append((vega_rows(trend, "d0"), vega_rows(trend, "d1"), vega_rows(profile)))
    assert specs[0] == specs[1]
    (trend_a, bands_a, profile_a), (trend_b, bands_b, profile_b) = data
    assert not trend_a["value"].equals(trend_b["value"])  # other figures, and the same spec
    assert bands_a["low"].min() != bands_b["low"].min()  # the axis starts elsewhere
    assert not profile_a["text"].equals(profile_b["text"])
    for trend, bands in ((trend_a, bands_a), (trend_b, bands_b)):  # the axis starts under the lowest point
        assert bands["low"].min() == trend_floor(trend["ikm"].min()) <= trend["ikm"].min()
