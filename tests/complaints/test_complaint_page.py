"""AppTest of the Pengaduan page: hand-checked figures on small data, drill-down with masking, the demo city."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from lib.i18n import fmt_percent, translate
from lib.models import Unit
from lib.ui import complaints as ui
from lib.ui.state import FILTERS_KEY, LANG_KEY, Filters
from tests.ui.shown_tables import shown_cells
from tests.ui.vega_charts import vega_rows

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "pengaduan.py")


def _run(
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    filters: Filters | None = None,
    lang: str | None = None,
    role: str = "pimpinan",
) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    monkeypatch.setenv("TELAAH_DEMO_ROLE", role)
    st.cache_data.clear()  # the function-scoped test database reuses one URL
    at = AppTest.from_file(PAGE, default_timeout=180)
    if filters is not None:
        at.session_state[FILTERS_KEY] = filters
    if lang is not None:
        at.session_state[LANG_KEY] = lang
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_page_figures_are_the_hand_checked_ones(
    engine: Engine, small_city: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _run(monkeypatch, _url(engine), Filters(date_from=date(2025, 1, 1), date_to=date(2025, 4, 30)))
    metrics = {m.label: m.value for m in at.metric}
    # the range is clipped to the data (2025-02-10 – 2025-04-02); the backlog is counted on 2025-04-02
    assert metrics["Pengaduan"] == "8"
    # only March's service row lies wholly inside the range: KEL-A1's 4 March complaints / 400 services
    assert metrics["Per 1.000 layanan"] == "10,00"
    # resolved by 04-02: P1, P2 (5 working days), P3 (1), P8 (02-10 → 03-05: 17) → median 5
    assert metrics["Median hari kerja selesai"] == "5,0"
    # late: P8 (17) plus open and older than 5 days on 04-02: P4 (12), P6 (9) → 3 of 4 + 2
    assert metrics["Lewat standar"] == "50%"
    assert metrics["Masih terbuka"] == "3"  # P4, P5 (resolved only on 04-20), P6
    assert any("8 pengaduan dari 3 unit" in m.value for m in at.markdown)
    # trend, themes (their points open the texts) and handling, a tab each with only the open one
    # built (the trend first), all Vega-Lite: no plotly.js on the page
    assert [tab.label for tab in at.tabs] == [ui.chart_label(tab) for tab in ui.CHART_TABS]
    assert len(at.get("plotly_chart")) == 0 and len(at.get("vega_lite_chart")) == 1
    trend = _spec(at, "trend")
    points = next(layer for layer in trend["layer"] if "params" in layer)
    assert points["encoding"]["y"]["axis"]["title"] == "Jumlah pengaduan"
    # the five busiest units by default; KEL-A1's March: its 4 complaints (P1-P4)
    # the rows travel as named datasets beside a spec that stays the same (lib.ui.vega.named_data)
    rows = vega_rows(at.get("vega_lite_chart")[0], points["data"]["name"])
    march = rows[(rows["unit_id"] == small_city["KEL-A1"]) & (rows["period"] == 20250301)]
    assert [(t.split(" · ")[1], n) for t, n in zip(march["tip"], march["complaints"], strict=True)] == [
        ("Mar 2025: 4", 4)
    ]
    # three units: the heatmap's cells write their values (a text layer over the cells)
    heatmap = _spec(at, "heatmap")["layer"][0]
    assert [layer["mark"]["type"] for layer in heatmap["layer"]] == ["rect", "text"]
    _spec(at, "handling")  # time to resolution first, the backlog one click away
    at.segmented_control(key="complaints_handling_view").set_value("backlog").run()
    assert not at.exception, [e.message for e in at.exception]
    chart = at.get("vega_lite_chart")[0]
    backlog = json.loads(chart.proto.spec)
    assert backlog["encoding"]["x"]["stack"] == "zero"
    assert vega_rows(chart, backlog["data"]["name"])["complaints"].sum() == 3  # P4, P5, P6 still open


@pytest.mark.parametrize(
    ("lang", "rate", "median"), [("id", "10,00", ["5,0", "17,0", "–"]), ("en", "10.00", ["5.0", "17.0", "–"])]
)
def test_the_unit_table_writes_numbers_the_readers_way_and_sorts_them_by_value(
    lang: str,
    rate: str,
    median: list[str],
    engine: Engine,
    small_city: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Written as text, a rate of "9,87" sorted after "12,34"; drawn by Streamlit, "10.0" and "None"."""
    at = _run(
        monkeypatch, _url(engine), Filters(date_from=date(2025, 1, 1), date_to=date(2025, 4, 30)), lang=lang
    )
    # built only while its expander is open (closed, the page sends no table at all)
    assert not [d for d in at.dataframe if d.key == "complaints_table"]
    at.session_state[ui.TABLE_OPEN_KEY] = True
    at.run()
    (table,) = [d for d in at.dataframe if d.key == "complaints_table"]
    shown = shown_cells(table).set_index(translate("complaints.col.code", lang))
    rate_col = translate("complaints.col.rate", lang)
    # KEL-A1: its 4 March complaints over March's 400 services (the only service row in range);
    # the other units have no service row: no rate, "–"
    assert shown[rate_col].tolist() == [rate, "–", "–"]
    # resolved: KEL-A1's P1, P2 (5 working days), P3 (1) → 5; KEL-B1's P8 (17); KEL-A2's P6 still open
    assert shown[translate("complaints.col.median", lang)].tolist() == median
    values = table.value
    assert pd.api.types.is_float_dtype(values[rate_col])  # the browser sorts the column by these
    assert pd.api.types.is_integer_dtype(values[translate("complaints.col.complaints", lang)])
    assert table.proto.placeholder == "–"


def _spec(at: AppTest, view: str) -> dict:
    """The Vega-Lite spec of ``view``'s chart (trend, heatmap or handling), its tab opened as a click
    does (a rerun) when another is open: the page builds only the open tab's chart."""
    if at.session_state[ui.CHART_TAB_KEY] != ui.chart_label(view):
        at.session_state[ui.CHART_TAB_KEY] = ui.chart_label(view)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
    (chart,) = at.get("vega_lite_chart")
    return json.loads(chart.proto.spec)


def test_drilldown_shows_masked_texts_of_the_selection(
    engine: Engine, small_city: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _run(monkeypatch, _url(engine), Filters(date_from=date(2025, 1, 1), date_to=date(2025, 4, 30)))
    # the texts sit in a collapsed expander, built when the reader opens it (or a selection does)
    assert not any(box.key == "complaints_drill_unit" for box in at.selectbox)
    at.session_state[ui.DRILL_OPEN_KEY] = True
    at.run()
    texts = at.dataframe[-1].value
    assert len(texts) == 8
    assert all("081234567890" not in t for t in texts["Isi pengaduan"])
    assert all("[telepon]" in t for t in texts["Isi pengaduan"])
    at.selectbox(key="complaints_drill_unit").set_value(small_city["KEL-A1"]).run()
    at.selectbox(key="complaints_drill_theme").set_value("perilaku").run()
    texts = at.dataframe[-1].value
    assert texts["Nomor"].tolist() == ["P3"]
    assert "tebakan" in texts["Tema"].iloc[0]  # P3's theme was predicted, and says so


def test_english_and_empty_database(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _run(monkeypatch, _url(engine), lang="en")
    assert at.title[0].value == "Complaints · Medan City"  # issue 16: the title names whose figures
    assert any(translate("complaints.empty", "en") in i.value for i in at.info)


def _theme_city(engine: Engine) -> dict[str, str]:
    """150 labelled complaints and 30 without a theme (true themes returned by number)."""
    from tests.complaints.complaint_factory import add_complaints, add_units, labelled_texts

    ids = add_units(engine, ["KEL-Z"])
    labelled = labelled_texts(150, seed=8, noise=0.0)
    open_ = labelled_texts(30, seed=9, noise=0.0)
    rows = [
        {"number": f"L{i}", "complaint_date": date(2025, 1, 1 + i % 28), "unit_id": ids["KEL-Z"],
         "category": label, "text": text, "status": "selesai", "resolved_date": date(2025, 2, 1)}
        for i, (text, label) in enumerate(zip(labelled["text"], labelled["label"], strict=True))
    ] + [
        {"number": f"U{i}", "complaint_date": date(2025, 1, 1 + i % 28), "unit_id": ids["KEL-Z"],
         "text": text, "status": "belum"}
        for i, text in enumerate(open_["text"])
    ]  # fmt: skip
    add_complaints(engine, rows)
    return {f"U{i}": theme for i, theme in enumerate(open_["true_theme"])}


def test_the_page_never_trains_and_says_quality_is_not_yet_measured(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lib.analysis import complaint_themes as ct
    from lib.services import complaint_themes as svc

    _theme_city(engine)
    svc.refresh_theme_model(engine=engine)  # the background worker's part

    def no_training(*args: object, **kwargs: object) -> None:
        raise AssertionError("a page must never train the theme model")

    monkeypatch.setattr(ct, "fit_theme_pipeline", no_training)
    at = _run(monkeypatch, _url(engine), Filters(date_from=date(2025, 1, 1), date_to=date(2025, 1, 31)))
    _spec(at, "heatmap")  # the themes' tab: where the theme sources are said
    assert not any(
        "Model v1 dilatih" in c.value for c in at.caption
    )  # the model's details: drawn when opened
    at.session_state["complaints_classifier"] = True
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    # the theme sources are a sentence; the model's (un)measured quality sits behind "Rincian metode"
    captions = " ".join(c.value for c in [*at.caption, *at.markdown])
    assert (
        "belum diukur pada pengaduan kota ini" in captions
    )  # predictions shown → their (un)measured quality
    assert "Model v1 dilatih" in captions
    assert "dilabeli evaluator" in captions and "belum yakin" in captions


def test_evaluator_labelling_round_on_the_page(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from lib.queries import complaint_themes as store
    from lib.services import complaint_themes as svc

    truth = _theme_city(engine)
    svc.refresh_theme_model(engine=engine)
    at = _run(
        monkeypatch,
        _url(engine),
        Filters(date_from=date(2025, 1, 1), date_to=date(2025, 1, 31)),
        role="evaluator",
    )
    at.button(key="complaints_round_start").click().run()
    assert not at.exception, [e.message for e in at.exception]
    state = store.latest_round(engine)
    assert state is not None and state.sample_size > 0
    with engine.connect() as conn:
        from lib.models import Complaint

        c = Complaint.__table__
        numbers = {int(r.id): r.number for r in conn.execute(select(c.c.id, c.c.number))}
    clicks = 0
    while not (item := store.next_to_label(engine, state.id)).empty and clicks < 40:
        complaint_id = int(item["complaint_id"].iloc[0])
        at.button(key=f"complaints_label_{complaint_id}_{truth[numbers[complaint_id]]}").click().run()
        assert not at.exception, [e.message for e in at.exception]
        clicks += 1
    assert clicks == state.sample_size
    at.button(key="complaints_round_finish").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Putaran selesai" in s.value for s in at.success)
    labels = store.round_labels(engine, state.id)
    plain = float((labels["label"] == labels["predicted"]).mean())
    quality = svc.theme_status(engine=engine).quality
    assert quality is not None and quality.accuracy == pytest.approx(plain, abs=0.1)
    at.session_state["complaints_classifier"] = True  # the model's quality, in its expander
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    markdown = " ".join(m.value for m in at.markdown)
    assert f"diukur pada {len(labels)} pengaduan kota ini" in markdown
    assert f"akurasi {fmt_percent(quality.accuracy, 'id', 0)} (IK 95%" in markdown


def test_page_on_the_demo_city(
    demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lib.demo import DEMO_END, DEMO_START, planted_effects

    planted = planted_effects()
    at = _run(monkeypatch, demo_database_url, Filters(date_from=DEMO_START, date_to=DEMO_END))
    with demo_engine.connect() as conn:
        name = conn.execute(
            select(Unit.__table__.c.name).where(Unit.__table__.c.code == planted.rising_complaints_unit)
        ).scalar_one()
    warnings = [w.value for w in at.warning]
    assert any(w.startswith(name) and "waktu/antrian" in w for w in warnings), warnings
    assert len(at.get("plotly_chart")) == 0 and len(at.get("vega_lite_chart")) == 1
    # the flagged unit is drawn first, with its usual level dashed and its spike window marked
    trend = _spec(at, "trend")["layer"]
    usual = next(layer for layer in trend if "strokeDash" in layer.get("encoding", {}))
    marked = next(layer for layer in trend if "shape" in layer.get("encoding", {}))
    chart = at.get("vega_lite_chart")[0]
    assert set(vega_rows(chart, usual["data"]["name"])["unit"]) >= {name}
    assert set(vega_rows(chart, marked["data"]["name"])["unit"]) >= {name}
    assert marked["mark"]["color"] == ui.SPIKE_COLOR
    assert trend[0]["mark"]["type"] == "rect"  # the window shaded, beneath the lines
    # the city's 25 busiest units × its themes: colours (values in the tooltip), numbers on request
    heatmap = _spec(at, "heatmap")["layer"][0]
    assert at.toggle(key="complaints_heatmap_numbers").value is False
    assert [layer["mark"]["type"] for layer in heatmap["layer"]] == ["rect"]
    cells = vega_rows(at.get("vega_lite_chart")[0], heatmap["data"]["name"]).to_dict("records")
    assert len({c["unit_id"] for c in cells}) == ui.MAX_HEATMAP_UNITS
    assert all(c["tip"].startswith(f"{c['unit']} · {c['theme']}: {c['text']} (n = ") for c in cells)
    at.toggle(key="complaints_heatmap_numbers").set_value(True).run()
    assert not at.exception, [e.message for e in at.exception]
    heatmap = _spec(at, "heatmap")["layer"][0]
    assert [layer["mark"]["type"] for layer in heatmap["layer"]] == ["rect", "text"]
    at.session_state[ui.DRILL_OPEN_KEY] = True  # the texts: built when opened
    at.run()
    texts = at.dataframe[-1].value
    assert isinstance(texts, pd.DataFrame) and len(texts) == 200
    # predicted themes are in the figures: the page says their quality on this city is not yet
    # measured, in the heatmap's "Rincian metode" (built when the reader opens it)
    assert not any("belum diukur" in c.value for c in [*at.caption, *at.markdown])
    at.session_state["complaints_theme_details"] = True
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("belum diukur" in c.value for c in [*at.caption, *at.markdown])


def test_theme_chart_can_leave_predictions_out(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from lib.queries.units import CITY
    from lib.services import complaint_themes as svc
    from lib.services.complaints import overview as load_complaint_overview

    _theme_city(engine)
    svc.refresh_theme_model(engine=engine)
    january = (date(2025, 1, 1), date(2025, 1, 31))
    everything = load_complaint_overview(engine=engine, scope=CITY, date_from=january[0], date_to=january[1])
    labelled = load_complaint_overview(
        engine=engine, scope=CITY, date_from=january[0], date_to=january[1], labels_only=True
    )
    assert int(everything.theme_rates["complaints"].sum()) == 180
    assert int(labelled.theme_rates["complaints"].sum()) == 150  # the 30 predicted ones left out
    assert pd.Series(everything.totals).equals(pd.Series(labelled.totals))  # only the theme chart changes
    at = _run(monkeypatch, _url(engine), Filters(date_from=january[0], date_to=january[1]))
    _spec(at, "heatmap")
    at.toggle(key="complaints_labels_only").set_value(True).run()
    assert not at.exception, [e.message for e in at.exception]
    _spec(at, "trend")  # another tab open: the toggle is not drawn, and its choice holds
    assert at.session_state[ui.LABELS_ONLY_KEY] is True
    name = _spec(at, "heatmap")["layer"][0]["data"]["name"]
    cells = vega_rows(at.get("vega_lite_chart")[0], name).to_dict("records")
    assert at.toggle(key="complaints_labels_only").value is True
    # counts (no service data): labelled complaints only
    assert sum(c["value"] for c in cells if c["value"] is not None) == 150
