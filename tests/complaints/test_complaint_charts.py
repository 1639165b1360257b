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
    fig = ui.heatmap_chart(ov, "count", "id")
    markers = fig.data[1]
    assert markers.type == "scatter"  # the selectable layer
    cells = {(row[0], row[1]): int(row[2]) for row in markers.customdata}
    assert cells[(str(a1), "waktu")] == 2
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
    for text in [trend.data[0].name, *heat.data[0].y]:
        assert "<a" not in text
    assert "&lt;a" in trend.data[0].name
