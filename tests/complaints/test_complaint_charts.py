"""Chart builders of the Pengaduan page: the numbers they draw, selectable cells, and no HTML from uploads."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine, update

from lib.models import Unit
from lib.queries.units import Scope
from lib.services.complaints import overview as load_complaint_overview
from lib.ui import complaints as ui


def _overview(engine: Engine):  # type: ignore[no-untyped-def]
    return load_complaint_overview(
        engine=engine, scope=Scope(), date_from=date(2025, 2, 1), date_to=date(2025, 4, 30)
    )


def test_heatmap_counts_and_cell_identity(engine: Engine, small_city: dict[str, int]) -> None:
    ov = _overview(engine)
    values, counts = ui.heatmap_frame(ov, "count")
    a1 = small_city["KEL-A1"]
    assert counts.loc[a1, "waktu"] == 2 and counts.loc[a1, "perilaku"] == 1 and counts.loc[a1, ""] == 1
    shares, _ = ui.heatmap_frame(ov, "share")
    assert shares.loc[a1].sum() == 1.0
    spec = ui.heatmap_chart(ov, "count", "id")
    (cells_layer,) = spec["layer"]
    rect, text = cells_layer["layer"]
    assert rect["params"][0]["name"] == ui.HEATMAP_SELECTION  # the selectable layer
    assert rect["params"][0]["select"]["fields"] == ["unit_id", "theme_key"]
    cells = {(c["unit_id"], c["theme_key"]): c for c in cells_layer["data"]["values"]}
    assert cells[(a1, "waktu")]["value"] == 2 and cells[(a1, "waktu")]["text"] == "2"
    assert cells[(a1, "waktu")]["tip"].endswith(": 2 (n = 2)")
    assert cells[(a1, "")]["value"] == 1  # the texts without a theme: the empty key
    assert text["encoding"]["text"]["field"] == "text"
    assert len(ui.heatmap_chart(ov, "count", "id", numbers=False)["layer"][0]["layer"]) == 1
    rates, _ = ui.heatmap_frame(ov, "rate")
    assert rates.loc[a1, "waktu"] == 2 / 800 * 1000  # March-April: 800 services
    assert pd.isna(rates.loc[small_city["KEL-A2"]]).all()  # no services: no rate


def test_resolution_histogram_and_backlog_chart(engine: Engine, small_city: dict[str, int]) -> None:
    ov = _overview(engine)
    hist = dict(zip(ov.resolution_hist["working_days"], ov.resolution_hist["complaints"], strict=True))
    # resolved by 04-30: 5, 5, 1, 12 (KEL-A1: P5 04-02 → 04-20, Good Friday 04-18 is a holiday)
    # and 17 (P8, KEL-B1)
    assert hist == {1: 1, 5: 2, 12: 1, 17: 1}
    spec = ui.resolution_chart(ov, "id")
    bars = spec["layer"][0]
    assert [r["late"] for r in bars["data"]["values"]] == ["on_time", "on_time", "late", "late"]
    scale = bars["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
        "on_time": ui.ON_TIME_COLOR,
        "late": ui.LATE_COLOR,
    }
    # each bar spans its day ± 0.45 on the linear axis (a band width would be ignored there)
    assert [(r["from"], r["to"]) for r in bars["data"]["values"]][0] == (1 - 0.45, 1 + 0.45)
    assert (bars["encoding"]["x"]["field"], bars["encoding"]["x2"]["field"]) == ("from", "to")
    assert bars["encoding"]["y2"] == {"datum": 0}  # from the axis up (seen in Chromium: not floating)
    assert spec["layer"][1]["data"]["values"][0]["at"] == 5.5  # the standard: 5 working days
    backlog = ui.backlog_chart(ov, "id")
    assert sum(r["complaints"] for r in backlog["data"]["values"]) == 2  # P4 and P6 open on 04-30


def test_unit_names_from_uploads_are_not_html(engine: Engine, small_city: dict[str, int]) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(Unit.__table__)
            .where(Unit.__table__.c.id == small_city["KEL-A1"])
            .values(name="Kel <a href='http://x'>A1</a>")
        )
    ov = _overview(engine)
    trend = ui.trend_chart(ov, [small_city["KEL-A1"]], "id")
    heat = ui.heatmap_chart(ov, "count", "id")
    # Vega draws text, never HTML: the name as uploaded (escaping it would show "&lt;a")
    name = "Kel <a href='http://x'>A1</a>"
    points = next(layer for layer in trend["layer"] if "params" in layer)["data"]["values"]
    assert {p["unit"] for p in points} == {name}
    assert points[0]["tip"].startswith(f"{name} · ")
    rows = {c["unit"] for c in heat["layer"][0]["data"]["values"]}
    assert name in rows and not any("&lt;" in r for r in rows)


def test_trend_points_carry_their_unit_and_month(engine: Engine, small_city: dict[str, int]) -> None:
    ov = _overview(engine)
    a1 = small_city["KEL-A1"]
    for lang, march in [("id", "Mar 2025"), ("en", "Mar 2025")]:
        spec = ui.trend_chart(ov, [a1], lang)
        points = next(layer for layer in spec["layer"] if "params" in layer)
        assert points["params"][0]["name"] == ui.TREND_SELECTION
        assert points["params"][0]["select"]["fields"] == ["unit_id", "period"]
        rows = {r["period"]: r for r in points["data"]["values"]}
        # KEL-A1's complaints in March 2025: P1, P2, P3, P4 (the page test's "4 March complaints")
        assert rows[20250301]["complaints"] == 4 and rows[20250301]["unit_id"] == a1
        assert rows[20250301]["tip"].endswith(f" · {march}: 4")
        # placed in time (UTC milliseconds), not by an alphabetical label ("Apr" before "Mar")
        assert rows[20250301]["when"] == pd.Timestamp("2025-03-01").value // 1_000_000
        assert [rows[p]["when"] for p in sorted(rows)] == sorted(r["when"] for r in rows.values())
        assert points["encoding"]["x"]["type"] == "temporal"
        assert points["encoding"]["x"]["scale"]["type"] == "utc"
        # the lines carry no selection fields: a click on a line selects nothing
        lines = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "line")
        assert "unit_id" not in lines["data"]["values"][0]
    assert ui.period_number(pd.Timestamp("2025-03-01")) == 20250301
    assert ui.period_of_number(20250301) == date(2025, 3, 1) and ui.period_of_number(20250230) is None
    # Indonesian month names where they differ from English (Agu, Okt, Des)
    assert ui.period_label(pd.Timestamp("2025-08-01"), "month", "id") == "Agu 2025"
    assert ui.period_label(pd.Timestamp("2025-08-01"), "month", "en") == "Aug 2025"
    assert ui.period_label(pd.Timestamp("2025-07-01"), "quarter", "id") == "Triwulan III 2025"
    assert ui.period_label(pd.Timestamp("2025-07-01"), "quarter", "en") == "Q3 2025"


def test_axis_expression_writes_periods_as_the_tooltips_do() -> None:
    # Vega names months in English only: the tick labels come from an expression built from
    # the same words as period_label (checked here word by word)
    expr = ui.period_axis_expr("month", "id")
    assert expr.startswith(
        "['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des']"
    )
    assert expr.endswith("[utcmonth(datum.value)] + ' ' + utcyear(datum.value)")
    assert "'Aug'" in ui.period_axis_expr("month", "en") and "'Dec'" in ui.period_axis_expr("month", "en")
    quarter_id = ui.period_axis_expr("quarter", "id")
    assert quarter_id == (
        "'Triwulan' + ' ' + ['I', 'II', 'III', 'IV'][floor(utcmonth(datum.value) / 3)] + ' ' + utcyear(datum.value)"
    )
    assert ui.period_axis_expr("quarter", "en") == (
        "'Q' + (floor(utcmonth(datum.value) / 3) + 1) + ' ' + utcyear(datum.value)"
    )


def test_period_change_keeps_every_chart_spec(engine: Engine, small_city: dict[str, int]) -> None:
    """A period change swaps the charts' data, not their specs: the browser then updates the
    charts it has instead of building them again (see lib.ui.vega.named_data)."""
    from lib.ui.vega import named_data

    early = load_complaint_overview(
        engine=engine, scope=Scope(), date_from=date(2025, 2, 1), date_to=date(2025, 3, 31)
    )
    late = _overview(engine)
    a1, b1 = small_city["KEL-A1"], small_city["KEL-B1"]
    builders = {
        "trend": lambda ov: ui.trend_chart(ov, [a1, b1], "id"),
        "heatmap": lambda ov: ui.heatmap_chart(ov, "count", "id"),
        "resolution": lambda ov: ui.resolution_chart(ov, "id"),
    }
    for name, build in builders.items():
        before, after = named_data(build(early)), named_data(build(late))
        datasets = (before.pop("datasets"), after.pop("datasets"))
        assert before == after, name
        assert any(
            not a.equals(b) for a, b in zip(datasets[0].values(), datasets[1].values(), strict=True)
        ), name


def test_partial_periods_are_named_and_marked(engine: Engine, small_city: dict[str, int]) -> None:
    """A quarter that the range cuts holds fewer months of complaints: the reader is told which,
    so that its lower count is not read as a fall."""
    months = _overview(engine)  # 1 Feb – 30 Apr 2025: whole months
    assert ui.partial_periods(months) == {}
    quarters = load_complaint_overview(
        engine=engine, scope=Scope(), date_from=date(2025, 2, 1), date_to=date(2025, 4, 30), period="quarter"
    )
    assert ui.partial_periods(quarters) == {
        pd.Timestamp("2025-01-01"): (date(2025, 2, 1), date(2025, 3, 31)),
        pd.Timestamp("2025-04-01"): (date(2025, 4, 1), date(2025, 4, 30)),
    }
    spec = ui.trend_chart(quarters, [small_city["KEL-A1"]], "id")
    points = next(layer for layer in spec["layer"] if "params" in layer)["data"]["values"]
    tips = {p["period"]: p["tip"] for p in points}
    # KEL-A1 in Q1 2025: P1-P4 in March (the first quarter's February holds none of its complaints)
    assert tips[20250101] == "Kelurahan KEL-A1 · Triwulan I 2025 (sebagian: 1 Feb 2025–31 Mar 2025): 4"
    custom = load_complaint_overview(
        engine=engine, scope=Scope(), date_from=date(2025, 2, 5), date_to=date(2025, 4, 30)
    )
    assert list(ui.partial_periods(custom).values()) == [(date(2025, 2, 5), date(2025, 2, 28))]  # P8 on 02-10
