"""The Pengaduan page's sections, its cached complaint reads and its charts.

Wrappers take the engine first (``lib.ui.data.engine()``, keyed by its URL) and cache only
small aggregated results; complaint texts are masked before they enter the
cache. Chart builders return Vega-Lite specs (``st.vega_lite_chart``, :mod:`lib.ui.vega` says
why) from lib results, every text written in the user's language; every point of the trend
and cell of the heatmap carries the fields of its selection parameter (unit id and period,
unit id and theme key) so that clicking it can drill into the texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler
from sqlalchemy import Engine

from lib.analysis.complaint_overview import ComplaintOverview
from lib.analysis.complaint_spikes import expected_by_month
from lib.analysis.complaint_themes import ABSTAIN, THEMES, ThemeStatus
from lib.analysis.complaints import STANDARD_WORKING_DAYS, backlog_bucket_labels
from lib.auth.audit import Action
from lib.auth.roles import can_import
from lib.i18n import fmt_number, fmt_percent, translate
from lib.queries.units import Scope
from lib.services import complaints as service
from lib.text.complaints import overview_sentences, spike_cell, spike_sentences, theme_label
from lib.ui import complaint_themes as themes_ui
from lib.ui.auth import audit_event
from lib.ui.blocks import note, paragraphs, side_by_side, text_block
from lib.ui.complaint_search import complaint_search_section
from lib.ui.data import cached
from lib.ui.format import EMPTY, Column, integer, month, p_value, period_text
from lib.ui.format import day as format_day
from lib.ui.i18n import day, num, pct, t
from lib.ui.method_details import conclusion_with_details, details_expander, lazy_expander, lazy_tabs
from lib.ui.page import PageContext
from lib.ui.shared_builds import shared
from lib.ui.tables import sorted_by_value
from lib.ui.text import plain
from lib.ui.url_state import keep_in_url
from lib.ui.vega import (
    FIT_WIDTH,
    INDONESIAN_LABEL,
    band_height,
    colour_scale,
    named_data,
    number_axis,
    sendable,
    whole_axis,
)

#: Most units drawn in the heatmap and the backlog chart (the busiest ones).
MAX_HEATMAP_UNITS = 25
MAX_BACKLOG_UNITS = 15
#: Largest heatmap whose cells write their values unless the reader asks (a kecamatan's units, not
#: the city's 25 busiest): the browser measures every written value on its own.
HEATMAP_NUMBERS_CELLS = 100
#: Palette: a unit's line, and the colours of "late" and "on time".
ON_TIME_COLOR = "#4caf50"
LATE_COLOR = "#fb8c00"
SPIKE_COLOR = "#e53935"
BUCKET_COLORS = ("#90caf9", "#fdd835", "#fb8c00", "#e53935")
#: The trend's unit colours, in the order the units are chosen: none red (the spike marks are).
UNIT_COLORS = (
    "#1565c0", "#00897b", "#8e24aa", "#f9a825", "#6d4c41",
    "#42a5f5", "#2e7d32", "#ec407a", "#546e7a", "#9e9d24",
)  # fmt: skip


def overview(
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    period: str,
    labels_only: bool = False,
    *,
    caption: bool = True,
) -> ComplaintOverview:
    """The stored complaints overview (spike tests included) of a scope and window.

    Read from the result store (``complaints.overview``), which the worker keeps fresh for
    the preset periods at city scope; any other window or scope is computed once, with a
    progress bar, and stored for the next reader. The result store lives in the database
    of ``lib.ui.data.engine()``, which is ``engine``.
    """
    from lib.results.dashboard import window_params
    from lib.ui.results import stored

    del engine  # the stored result lives in the same database as lib.ui.data.engine()
    params = {**window_params(date_from, date_to, scope), "period": period}
    if labels_only:
        params["labels_only"] = True
    return stored("complaints.overview", params, "complaints", caption=caption).value


@cached()
def date_span(engine: Engine, scope: Scope) -> tuple[date | None, date | None]:
    return service.date_span(engine=engine, scope=scope)


@cached()
def drilldown(
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    unit_id: int | None,
    theme: str | None,
    month: date | None,
    lang: str,
) -> pd.DataFrame:
    """The masked texts behind a selection as the reader sees them (:func:`drill_table`), cached
    shown: formatting 200 rows' dates, themes and days costs more than reading them."""
    texts = service.drilldown(
        engine=engine,
        scope=scope,
        date_from=date_from,
        date_to=date_to,
        unit_id=unit_id,
        theme=theme,
        month=month,
    )
    return drill_table(texts, lang)


@cached()
def pending_predictions(engine: Engine, scope: Scope) -> dict[str, int]:
    return service.pending_predictions(engine=engine, scope=scope)


# --- labels ----------------------------------------------------------------------


def theme_keys(frame: pd.DataFrame) -> list[str | None]:
    """Themes present, in display order, with "no theme" (None) last."""
    present = set(frame["theme"].dropna()) if "theme" in frame else set()
    ordered: list[str | None] = [t for t in THEMES if t in present] + sorted(present - {*THEMES, ABSTAIN})
    if ABSTAIN in present:
        ordered.append(ABSTAIN)
    if "theme" in frame and frame["theme"].isna().any():
        ordered.append(None)
    return ordered


def unit_names(ov: ComplaintOverview) -> dict[int, str]:
    """Unit id → name of the overview's units (one dict per overview, shared: read, never change it)."""
    return shared(
        ov, "unit_names", lambda: {int(k): str(v) for k, v in ov.units.set_index("unit_id")["name"].items()}
    )


def md_escape(text: str) -> str:
    """Markdown-safe unit names in sentences (names come from uploads): see :func:`lib.ui.text.plain`."""
    return plain(text)


# --- charts --------------------------------------------------------------------


#: The Vega-Lite selection parameters of the two drill-down charts and the fields each point
#: carries: what a click sends back (``event["selection"][param] == [{field: value, …}]``).
TREND_SELECTION, TREND_FIELDS = "trend_point", ("unit_id", "period")
HEATMAP_SELECTION, HEATMAP_FIELDS = "heatmap_cell", ("unit_id", "theme_key")


def period_label(value: object, period: str, lang: str) -> str:
    """A trend period as read: ``Agu 2025`` (a month) or ``Triwulan III 2025`` / ``Q3 2025``."""
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    if period == "quarter":
        return period_text(f"{stamp.year}-Q{stamp.quarter}", lang)
    return month(stamp, lang)


def period_number(value: object) -> int:
    """A period's first day as the number ``YYYYMMDD`` (``20250301``): what a trend point carries
    for its selection. A number rather than an ISO text, which the page scanners would take for
    a date written raw where a reader reads it (:func:`period_of_number` reads it back)."""
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    return stamp.year * 10000 + stamp.month * 100 + stamp.day


def period_of_number(value: object) -> date | None:
    """The date a ``YYYYMMDD`` whole number names (:func:`period_number`), or None for anything else."""
    if not isinstance(value, int) or isinstance(value, bool) or not 10000101 <= value <= 99991231:
        return None
    try:
        return date(value // 10000, value // 100 % 100, value % 100)
    except ValueError:
        return None


def _next_period(stamp: pd.Timestamp, period: str) -> pd.Timestamp:
    return stamp + pd.DateOffset(months=3 if period == "quarter" else 1)


def partial_periods(ov: ComplaintOverview) -> dict[pd.Timestamp, tuple[date, date]]:
    """The trend's periods that the range covers only in part (a quarter cut by the range, a
    month of a custom range), with the days it does cover: their counts are not comparable
    with whole periods, and a reader must not take the drop for a fall."""
    partial = {}
    for value in sorted(set(ov.trend["period"])) if not ov.trend.empty else []:
        stamp = pd.Timestamp(value)
        first, last = stamp.date(), (_next_period(stamp, ov.period) - pd.Timedelta(days=1)).date()
        covered = (max(first, ov.date_from), min(last, ov.date_to))
        if covered != (first, last) and covered[0] <= covered[1]:
            partial[stamp] = covered
    return partial


def click_selection(name: str, fields: tuple[str, ...]) -> dict[str, Any]:
    """A Vega-Lite point selection ``name`` made by a click on a mark carrying ``fields`` (a double
    click clears it): what the drill-down reads back (:func:`apply_selection`)."""
    return {
        "name": name,
        "select": {"type": "point", "fields": list(fields), "on": "click", "clear": "dblclick"},
    }


def _period_ms(stamp: pd.Timestamp) -> float:
    """A period's first day as milliseconds since 1970 (UTC): where Vega's time scale places it."""
    return float(pd.Timestamp(stamp).tz_localize(None).value // 1_000_000)


def period_axis_expr(period: str, lang: str) -> str:
    """A Vega expression writing a tick (a period's first day, UTC) the way :func:`period_label`
    does (``Agu 2025``, ``Triwulan III 2025`` / ``Q3 2025``): Vega itself names months in English only.

    An expression rather than a list of labels in the spec, so the spec stays the same when the
    period changes (:func:`lib.ui.vega.named_data`)."""
    if period == "quarter":
        first = period_label(pd.Timestamp(2001, 1, 1), "quarter", lang)  # "Triwulan I 2001" / "Q1 2001"
        words = first.rsplit(" ", 2)[0] if lang == "id" else first[:1]
        index = "floor(utcmonth(datum.value) / 3)"
        number = f"['I', 'II', 'III', 'IV'][{index}]" if lang == "id" else f"({index} + 1)"
        joiner = " + ' ' + " if lang == "id" else " + "
        return f"'{words}'{joiner}{number} + ' ' + utcyear(datum.value)"
    names = [period_label(pd.Timestamp(2001, m, 1), "month", lang).rsplit(" ", 1)[0] for m in range(1, 13)]
    listed = ", ".join(f"'{n}'" for n in names)
    return f"[{listed}][utcmonth(datum.value)] + ' ' + utcyear(datum.value)"


def trend_chart(ov: ComplaintOverview, unit_ids: list[int], lang: str) -> dict[str, Any]:
    """Complaints per period of the chosen units, one colour each; flagged units get their usual
    level (dashed) and the spike window's points marked (open red circles), the window shaded.
    A Vega-Lite spec with its rows in named datasets (:func:`lib.ui.vega.named_data`).

    The x axis is time (UTC), its ticks written by :func:`period_axis_expr`; the units' colours
    follow the order chosen through a ``place`` field of the rows. Nothing in the spec changes
    with the period, so a period change swaps the chart's data instead of building it again.
    Every point carries ``unit_id`` and ``period`` (``YYYYMMDD``) for the :data:`TREND_SELECTION`
    click that opens its texts; no other layer carries them, so a click on the band or a dashed
    line selects nothing.
    """
    names = unit_names(ov)
    trend = ov.trend[ov.trend["unit_id"].isin(unit_ids)]
    flags = ov.spikes.flagged
    flagged_any = set(flags["unit_id"]) if not flags.empty else set()
    monthly = ov.period == "month"
    stamps = sorted(pd.Timestamp(p) for p in trend["period"].unique())
    labels = {p: period_label(p, ov.period, lang) for p in stamps}
    # "Triwulan IV 2025 (sebagian: 1 Nov 2025–31 Des 2025)"
    for stamp, (first, last) in partial_periods(ov).items():
        if stamp in labels:
            part = translate(
                "complaints.trend.partial_tip",
                lang,
                start=format_day(first, lang),
                end=format_day(last, lang),
            )
            labels[stamp] = f"{labels[stamp]} ({part})"
    expected = pd.DataFrame()
    if monthly and not ov.spikes.series.empty and not trend.empty:
        expected = expected_by_month(ov.spikes, pd.DatetimeIndex(stamps))
        if not expected.empty:
            expected = expected[expected["family"] == "unit_id"]
    start, end = ov.spikes.recent_start, ov.spikes.recent_end
    points: list[dict[str, Any]] = []
    usual: list[dict[str, Any]] = []
    marked: list[dict[str, Any]] = []
    usual_label = translate("complaints.trend.usual", lang)
    flag_label = translate("complaints.trend.flag", lang)
    place = 0
    for unit_id in unit_ids:
        series = trend[trend["unit_id"] == unit_id]
        if series.empty:
            continue
        name = names.get(unit_id, str(unit_id))
        for stamp, n in zip(series["period"].tolist(), series["complaints"].tolist(), strict=True):
            stamp = pd.Timestamp(stamp)
            row = {
                "unit_id": int(unit_id),
                "period": period_number(stamp),
                "unit": name,
                "place": place,
                "when": _period_ms(stamp),
                "complaints": int(n),
                "tip": f"{name} · {labels[stamp]}: {integer(n, lang)}",
            }
            points.append(row)
            if unit_id in flagged_any and monthly and start is not None and stamp >= start:
                marked.append({**row, "flag": flag_label})
        if unit_id in flagged_any and not expected.empty:
            for stamp, value in zip(
                expected.loc[expected["unit_id"] == unit_id, "month"].tolist(),
                expected.loc[expected["unit_id"] == unit_id, "expected"].tolist(),
                strict=True,
            ):
                usual.append(
                    {
                        "unit": name,
                        "place": place,
                        "when": _period_ms(pd.Timestamp(stamp)),
                        "expected": float(value),
                        "usual": usual_label,
                    }
                )
        place += 1
    x = {
        "field": "when",
        "type": "temporal",
        "scale": {"type": "utc", "nice": False, "padding": 16},
        "title": translate("complaints.trend.x", lang),
        "axis": {
            "labelExpr": period_axis_expr(ov.period, lang),
            "tickCount": {"interval": "month", "step": 1 if monthly else 3},
            "labelAngle": -45,
            "labelOverlap": True,
            "grid": False,
        },
    }
    count = translate("complaints.trend.y", lang)
    y = {
        "field": "complaints",
        "type": "quantitative",
        "scale": {"zero": True},
        "axis": number_axis(count, lang, format=",d", tickMinStep=1),
    }
    colour = {
        "field": "unit",
        "type": "nominal",
        "sort": {"field": "place", "op": "min"},
        "scale": {"range": list(UNIT_COLORS)},
        "legend": {"orient": "bottom", "title": None, "labelLimit": 300, "columns": 2},
    }
    layers: list[dict[str, Any]] = []
    window = [
        p
        for p in stamps
        if start is not None and end is not None and p <= end and _next_period(p, ov.period) > start
    ]
    if window:
        # the window from half a period before its first period to half a period after its last
        def half(stamp: pd.Timestamp) -> float:
            return (_period_ms(_next_period(stamp, ov.period)) - _period_ms(stamp)) / 2

        first, last = window[0], window[-1]
        band = {"from": _period_ms(first) - half(first), "to": _period_ms(last) + half(last)}
        layers.append(
            {
                "data": {"values": [band]},
                "mark": {"type": "rect", "color": "#ffcdd2", "opacity": 0.45},
                "encoding": {"x": {**x, "field": "from"}, "x2": {"field": "to"}},
            }
        )
    if usual:
        layers.append(
            {
                "data": {"values": usual},
                "mark": {"type": "line", "strokeWidth": 1.5, "opacity": 0.9},
                "encoding": {
                    "x": x,
                    "y": {**y, "field": "expected"},
                    "color": colour,
                    "strokeDash": {
                        "field": "usual",
                        "type": "nominal",
                        "scale": {"domain": [usual_label], "range": [[6, 4]]},
                        "legend": {
                            "orient": "bottom",
                            "title": None,
                            "labelLimit": 300,
                            "symbolType": "stroke",
                            "symbolStrokeColor": "#616161",
                        },
                    },
                },
            }
        )
    layers.append(
        {
            # the lines from rows without the selection's fields: a click on a line (which
            # Vega answers with the line's first point) must not open that unit's first period
            "data": {"values": [{k: r[k] for k in ("unit", "place", "when", "complaints")} for r in points]},
            "mark": {"type": "line", "strokeWidth": 2},
            "encoding": {"x": x, "y": y, "color": colour},
        }
    )
    layers.append(
        {
            "data": {"values": points},
            "params": [click_selection(TREND_SELECTION, TREND_FIELDS)],
            "mark": {"type": "point", "filled": True, "cursor": "pointer"},
            "encoding": {
                "x": x,
                "y": y,
                "color": colour,
                "size": {
                    "condition": {"param": TREND_SELECTION, "empty": False, "value": 160},
                    "value": 60,
                },
                "tooltip": {"field": "tip", "type": "nominal"},
            },
        }
    )
    if marked:
        layers.append(
            {
                "data": {"values": marked},
                "mark": {
                    "type": "point",
                    "filled": False,
                    "strokeWidth": 2,
                    "size": 220,
                    "color": SPIKE_COLOR,
                    "cursor": "pointer",
                },
                "encoding": {
                    "x": x,
                    "y": y,
                    "shape": {
                        "field": "flag",
                        "type": "nominal",
                        "scale": {"domain": [flag_label], "range": ["circle"]},
                        "legend": {
                            "orient": "bottom",
                            "title": None,
                            "symbolStrokeColor": SPIKE_COLOR,
                            "symbolFillColor": "transparent",
                            "symbolStrokeWidth": 2,
                        },
                    },
                    "tooltip": {"field": "tip", "type": "nominal"},
                },
            }
        )
    return {"height": 300, "autosize": FIT_WIDTH, "layer": layers}


def heatmap_frame(ov: ComplaintOverview, measure: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Unit × theme matrix of the busiest units: values and complaint counts (same shape)."""
    rates = ov.theme_rates
    busiest = (
        rates.groupby("unit_id")["complaints"]
        .sum()
        .sort_values(ascending=False)
        .head(MAX_HEATMAP_UNITS)
        .index
    )
    rates = rates[rates["unit_id"].isin(busiest)].copy()
    rates["theme_key"] = rates["theme"].fillna("")
    counts = rates.pivot_table(
        index="unit_id", columns="theme_key", values="complaints", aggfunc="sum", fill_value=0
    )
    if measure == "rate":
        values = rates.pivot_table(
            index="unit_id", columns="theme_key", values="rate_per_1000", aggfunc="sum"
        )
        covered = rates.groupby("unit_id")["services"].max()
        values = values.reindex(index=counts.index, columns=counts.columns)
        values = values.where(~values.isna(), 0.0).where(covered.reindex(counts.index).fillna(0) > 0, np.nan)
    elif measure == "share":
        values = counts.div(counts.sum(axis=1), axis=0)
    else:
        values = counts.astype(float)
    order = [k or "" for k in theme_keys(rates.rename(columns={"theme": "theme"}))]
    order = [k for k in order if k in counts.columns]
    row_order = counts.sum(axis=1).sort_values(ascending=True).index
    return values.reindex(index=row_order, columns=order), counts.reindex(index=row_order, columns=order)


def heatmap_cells(ov: ComplaintOverview) -> int:
    """How many cells the heatmap has: its units (at most :data:`MAX_HEATMAP_UNITS`) × themes."""
    rates = ov.theme_rates
    if rates.empty:
        return 0
    return min(int(rates["unit_id"].nunique()), MAX_HEATMAP_UNITS) * len(theme_keys(rates))


def heatmap_chart(ov: ComplaintOverview, measure: str, lang: str, numbers: bool = True) -> dict[str, Any]:
    """Unit × theme cells coloured by ``measure``; with ``numbers`` each cell also writes its value.
    A Vega-Lite spec: rows are units (the busiest on top), columns themes in display order.

    Every value is in the tooltip either way. Written values are most of what the browser spends
    on this chart (each is a text measured on its own), so :func:`heatmap_section` writes them by
    default only on small matrices. Every cell carries ``unit_id`` and ``theme_key`` for the
    :data:`HEATMAP_SELECTION` click that opens its texts (a cell without a rate too: grey).
    """
    values, counts = heatmap_frame(ov, measure)
    names = unit_names(ov)
    themes = [theme_label(k or None, lang) for k in values.columns]
    cells: list[dict[str, Any]] = []
    # the busiest unit on top: rows are stored from the quietest up
    top = len(values.index) - 1
    for place, (unit_id, row, n_row) in enumerate(
        zip(values.index.tolist(), values.to_numpy(), counts.to_numpy(), strict=True)
    ):
        name = names.get(int(unit_id), str(unit_id))
        for column, (key, theme, value, n) in enumerate(
            zip(values.columns.tolist(), themes, row, n_row, strict=True)
        ):
            shown = (
                fmt_percent(value, lang, 0)
                if measure == "share"
                else fmt_number(value, lang, 0 if measure == "count" else 2)
            )
            cells.append(
                {
                    "unit_id": int(unit_id),
                    "theme_key": str(key),
                    "unit": name,
                    "row": top - place,
                    "theme": theme,
                    "column": column,
                    "value": None if pd.isna(value) else float(value),
                    "dark": False,
                    "text": shown,
                    "tip": f"{name} · {theme}: {shown} (n = {integer(n, lang)})",
                }
            )
    finite = [c["value"] for c in cells if c["value"] is not None]
    dark = 0.6 * max(finite) if finite else 0.0
    for cell in cells:  # cells past this colour write their value in white
        cell["dark"] = cell["value"] is not None and cell["value"] > dark
    title = translate(f"complaints.heatmap.{measure}", lang)
    legend: dict[str, Any] = {"title": title, "orient": "right"}
    if measure == "share":
        legend["format"] = ".0%"
    elif measure == "count":
        legend["format"] = ",d"
    if lang == "id" and measure != "share":
        legend["labelExpr"] = INDONESIAN_LABEL
    x = {
        "field": "theme",
        "type": "nominal",
        "sort": {"field": "column", "op": "min"},
        "title": translate("complaints.heatmap.x", lang),
        # every theme named: Vega's overlap check drops every other rotated label
        "axis": {"labelAngle": -35, "labelLimit": 160, "labelOverlap": False, "orient": "bottom"},
    }
    y = {
        "field": "unit",
        "type": "nominal",
        "sort": {"field": "row", "op": "min"},
        "title": translate("complaints.heatmap.y", lang),
        "axis": {"labelLimit": 260},
    }
    layers: list[dict[str, Any]] = [
        {
            "params": [click_selection(HEATMAP_SELECTION, HEATMAP_FIELDS)],
            "mark": {"type": "rect", "cursor": "pointer"},
            "encoding": {
                "x": x,
                "y": y,
                "color": {
                    "condition": {"test": "!isValid(datum.value)", "value": "#eeeeee"},
                    "field": "value",
                    "type": "quantitative",
                    "scale": {"scheme": "orangered"},
                    "legend": legend,
                },
                "stroke": {
                    "condition": {"param": HEATMAP_SELECTION, "empty": False, "value": "#212121"},
                    "value": "white",
                },
                "strokeWidth": {
                    "condition": {"param": HEATMAP_SELECTION, "empty": False, "value": 2},
                    "value": 0.5,
                },
                "tooltip": {"field": "tip", "type": "nominal"},
            },
        }
    ]
    if numbers:
        layers.append(
            {
                "mark": {"type": "text", "fontSize": 11, "cursor": "pointer"},
                "encoding": {
                    "x": x,
                    "y": y,
                    "text": {"field": "text", "type": "nominal"},
                    "color": {
                        "condition": {"test": "datum.dark", "value": "white"},
                        "value": "#212121",
                    },
                    "tooltip": {"field": "tip", "type": "nominal"},
                },
            }
        )
    # the cells as a named dataset (:func:`lib.ui.vega.named_data`: 32-bit integers, so that the
    # selection sends plain numbers), ordered by fields of the rows: a period change swaps the data
    return {
        "height": band_height(len(values.index), 26),
        "autosize": FIT_WIDTH,
        "layer": [{"data": {"values": cells}, "layer": layers}],
    }


def resolution_chart(ov: ComplaintOverview, lang: str, cap: int = 30) -> dict[str, Any]:
    """Resolved complaints by working days taken (the last bar: ``cap`` or more), late ones in
    orange, the standard's bound dashed. A Vega-Lite spec (:mod:`lib.ui.vega` says why)."""
    hist = ov.resolution_hist
    rows = [
        {
            "days": int(d),
            # each bar spans its day ± 0.45: a bar's band width means nothing on a linear scale
            "from": int(d) - 0.45,
            "to": int(d) + 0.45,
            "complaints": int(n),
            "late": "late" if d > STANDARD_WORKING_DAYS else "on_time",
            "label": f"≥{cap}" if d >= cap else str(int(d)),
            "n": integer(n, lang),
        }
        for d, n in zip(hist["working_days"].tolist(), hist["complaints"].tolist(), strict=True)
    ]
    days = translate("complaints.resolution.x", lang)
    count = translate("complaints.resolution.y", lang)
    x = {
        "field": "days",
        "type": "quantitative",
        "scale": {"domain": [-0.5, cap + 0.5], "nice": False},
        "axis": whole_axis(days, 0, cap, 5),
    }
    bound = {"at": STANDARD_WORKING_DAYS + 0.5, "text": translate("complaints.resolution.standard", lang)}
    return {
        "height": 240,
        "autosize": FIT_WIDTH,
        "layer": [
            {
                "data": {"values": rows},
                "mark": {"type": "bar"},
                "encoding": {
                    "x": {**x, "field": "from"},
                    "x2": {"field": "to"},
                    "y": {
                        "field": "complaints",
                        "type": "quantitative",
                        "axis": number_axis(count, lang, format=",d"),
                    },
                    "y2": {"datum": 0},  # with x and x2 given, a bar's height needs both ends
                    "color": {
                        "field": "late",
                        "type": "nominal",
                        "scale": colour_scale({"on_time": ON_TIME_COLOR, "late": LATE_COLOR}),
                        "legend": None,
                    },
                    "tooltip": [
                        {"field": "label", "type": "nominal", "title": days},
                        {"field": "n", "type": "nominal", "title": count},
                    ],
                },
            },
            {
                "data": {"values": [bound]},
                "layer": [
                    {
                        "mark": {"type": "rule", "strokeDash": [5, 4], "color": "#424242"},
                        "encoding": {"x": {"field": "at", "type": "quantitative"}},
                    },
                    {
                        "mark": {"type": "text", "baseline": "top", "align": "left", "dx": 4, "dy": 2},
                        "encoding": {
                            "x": {"field": "at", "type": "quantitative"},
                            "y": {"value": 0},
                            "text": {"field": "text"},
                        },
                    },
                ],
            },
        ],
    }


def backlog_chart(ov: ComplaintOverview, lang: str) -> dict[str, Any]:
    """Open complaints of the units with most, stacked by age (the largest backlog on top). A
    Vega-Lite spec: names as uploaded, since Vega draws text, never HTML."""
    buckets = ov.backlog_buckets
    names = unit_names(ov)
    top = buckets.groupby("unit_id")["complaints"].sum().sort_values().tail(MAX_BACKLOG_UNITS).index
    data = buckets[buckets["unit_id"].isin(top)]
    ages = {
        translate("complaints.backlog.bucket", lang, bucket=label): colour
        for label, colour in zip(backlog_bucket_labels(), BUCKET_COLORS, strict=True)
    }
    age_of = dict(zip(backlog_bucket_labels(), ages, strict=True))
    place = {int(u): i for i, u in enumerate(reversed(list(top)))}  # the largest backlog on top
    rows = [
        {
            "unit": names.get(int(u), str(u)),
            "age": age_of[str(b)],
            "order": list(ages).index(age_of[str(b)]),
            "place": place[int(u)],
            "complaints": int(n),
            "n": integer(n, lang),
        }
        for u, b, n in zip(
            data["unit_id"].tolist(),
            data["bucket"].astype(str).tolist(),
            data["complaints"].tolist(),
            strict=True,
        )
        if n
    ]
    count = translate("complaints.backlog.x", lang)
    return {
        "height": band_height(len(place), 26),
        "autosize": FIT_WIDTH,
        "data": {"values": rows},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {
                "field": "unit",
                "type": "nominal",
                "sort": {"field": "place", "op": "min"},
                "title": None,
                "axis": {"labelLimit": 360},
            },
            "x": {
                "field": "complaints",
                "type": "quantitative",
                "stack": "zero",
                "axis": number_axis(count, lang, format=",d"),
            },
            "color": {
                "field": "age",
                "type": "nominal",
                "scale": colour_scale(ages),
                "legend": {"orient": "bottom", "title": None, "labelLimit": 400},
            },
            "order": {"field": "order", "type": "quantitative"},
            "tooltip": [
                {"field": "unit", "type": "nominal", "title": translate("complaints.col.unit", lang)},
                {"field": "age", "type": "nominal", "title": " "},
                {"field": "n", "type": "nominal", "title": count},
            ],
        },
    }


# --- tables ----------------------------------------------------------------------


#: How the per-unit table writes its numbers (message keys of the columns): kept as numbers so a
#: reader sorting by the rate or the backlog gets them in order ("9,87" came after "12,34" as text).
SUMMARY_WRITTEN: dict[str, Column] = {
    "complaints.col.complaints": Column("", "int"),
    "complaints.col.rate": Column("", "number", 2),
    "complaints.col.median": Column("", "number", 1),
    "complaints.col.late": Column("", "percent", 0),
    "complaints.col.backlog": Column("", "int"),
    "complaints.col.overdue": Column("", "int"),
}


def summary_table(ov: ComplaintOverview, lang: str) -> pd.DataFrame:
    """The per-unit table in the user's language: labelled columns, numbers as numbers
    (:func:`summary_styled` writes them), the interval and the spike as text."""
    s = ov.summary
    flags = ov.spikes.flagged  # a property that filters and sorts every test: read it once
    flagged_units = set(flags["unit_id"]) if not flags.empty else set()

    def spike_text(unit_id: int) -> str:
        # a unit without a flagged series has an empty cell (spike_cell's own answer, without its scan)
        return spike_cell(ov, unit_id, lang) if unit_id in flagged_units else ""

    def ci(low: float, high: float, decimals: int = 2) -> str:
        if pd.isna(low) or pd.isna(high):
            return "–"
        return f"{fmt_number(low, lang, decimals)}–{fmt_number(high, lang, decimals)}"

    def col(key: str) -> str:
        return translate(f"complaints.col.{key}", lang)

    return pd.DataFrame(
        {
            col("code"): s["code"].to_numpy(),
            col("unit"): s["name"].to_numpy(),
            col("complaints"): s["complaints"].to_numpy(),
            col("rate"): s["rate_per_1000"].to_numpy(dtype=float),
            col("rate_ci"): [ci(a, b) for a, b in zip(s["rate_low"], s["rate_high"], strict=True)],
            col("median"): s["median_working_days"].to_numpy(dtype=float),
            col("late"): s["share_late"].to_numpy(dtype=float),
            col("backlog"): s["backlog"].to_numpy(),
            col("overdue"): s["backlog_overdue"].to_numpy(),
            col("spike"): [spike_text(u) for u in s["unit_id"]],
        }
    )


def summary_styled(table: pd.DataFrame, lang: str) -> Styler:
    """:func:`summary_table` as drawn: each number written the reader's way, sorted by its value.

    Built on every run, not kept with the table: Streamlit fills a Styler in while sending it.
    """
    return sorted_by_value(table, {translate(k, lang): c for k, c in SUMMARY_WRITTEN.items()}, lang)


def spike_table(ov: ComplaintOverview, lang: str) -> pd.DataFrame:
    """Every test with a p-value below 0.2 (flagged or not), for the curious evaluator."""
    series = ov.spikes.series
    if series.empty:
        return series
    names = unit_names(ov)
    shown = series[series["p_value"] < 0.2].sort_values("p_value").head(50)

    def fmt(v: float, d: int) -> str:
        return "∞" if np.isinf(v) else fmt_number(v, lang, d)

    return pd.DataFrame(
        {
            translate("complaints.col.unit", lang): [names.get(int(u), str(u)) for u in shown["unit_id"]],
            translate("complaints.col.theme", lang): [
                translate("complaints.all_total", lang) if f == "unit_id" else theme_label(t, lang)
                for f, t in zip(
                    shown["family"], shown.get("theme", pd.Series([None] * len(shown))), strict=True
                )
            ],
            translate("complaints.col.observed", lang): [integer(v, lang) for v in shown["observed"]],
            translate("complaints.col.expected", lang): [fmt_number(v, lang, 1) for v in shown["expected"]],
            translate("complaints.col.ratio", lang): [fmt(v, 2) for v in shown["ratio"]],
            translate("complaints.col.rate_ci", lang): [
                f"{fmt(a, 2)}–{fmt(b, 2)}"
                for a, b in zip(shown["ratio_low"], shown["ratio_high"], strict=True)
            ],
            translate("complaints.col.p", lang): [p_value(v, lang) for v in shown["p_value"]],
            translate("complaints.col.q", lang): [p_value(v, lang) for v in shown["q_value"]],
            translate("complaints.col.spike", lang): ["✔" if f else "" for f in shown["flagged"]],
        }
    )


def drill_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Masked complaint texts as display strings (plain text, never HTML)."""

    def theme_text(row: dict[str, object]) -> str:
        source = row.get("theme_source")
        if source == "abstained":
            guess = theme_label(row["predicted_category"], lang)
            if pd.notna(row["predicted_confidence"]):
                guess += f" {fmt_percent(row['predicted_confidence'], lang, 0)}"
            return translate("complaints.drill.abstained", lang, theme=guess)
        label = theme_label(row["theme"], lang)
        if source == "evaluator":
            return translate("complaints.drill.evaluator", lang, theme=label)
        if row["theme_predicted"]:
            label = translate("complaints.drill.predicted", lang, theme=label)
            if pd.notna(row["predicted_confidence"]):
                label += f" {fmt_percent(row['predicted_confidence'], lang, 0)}"
        return label

    def status_text(value: object) -> str:
        key = f"complaints.status.{value}"
        text = translate(key, lang)
        return str(value) if text == key else text

    from lib.i18n import fmt_date

    return pd.DataFrame(
        {
            translate("complaints.col.date", lang): [
                fmt_date(d.date(), lang, "medium") for d in frame["complaint_date"]
            ],
            translate("complaints.col.unit", lang): frame["unit_name"],
            translate("complaints.col.theme", lang): [theme_text(r) for r in frame.to_dict("records")],
            translate("complaints.col.text", lang): frame["text"],
            translate("complaints.col.status", lang): [status_text(v) for v in frame["status"]],
            translate("complaints.col.days", lang): [fmt_number(v, lang, 0) for v in frame["working_days"]],
            translate("complaints.col.channel", lang): frame["channel"].fillna("–"),
            translate("complaints.col.number", lang): frame["number"],
        }
    )


def drill_column_config(lang: str) -> dict[str, object]:
    """The complaint text gets the room: it is what the reader came for."""
    return {translate("complaints.col.text", lang): st.column_config.TextColumn(width="large")}


def shares_table(frame: pd.DataFrame, column: str, lang: str) -> pd.DataFrame | Styler:
    """Channel or status shares over the whole scope: counts and shares as numbers, written the
    reader's way (right-aligned and sorted by value, as the per-unit table's)."""
    if frame.empty:
        return frame
    total = frame.groupby(column, dropna=False)["complaints"].sum().sort_values(ascending=False)
    unknown = translate("complaints.channels.unknown", lang)

    def label(value: object) -> str:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return unknown
        if column == "status":
            key = f"complaints.status.{value}"
            text = translate(key, lang)
            return str(value) if text == key else text
        return str(value)

    count, share = translate("complaints.col.complaints", lang), translate("complaints.channels.share", lang)
    table = pd.DataFrame(
        {
            translate(f"complaints.channels.{column}", lang): [label(v) for v in total.index],
            count: total.to_numpy(),
            share: (total / total.sum()).to_numpy(dtype=float),
        }
    )
    return sorted_by_value(table, {count: Column("", "int"), share: Column("", "percent", 0)}, lang)


def picker_units(ov: ComplaintOverview) -> list[int]:
    """The units a picker offers, in name order: the same list, sent by reference, whatever the
    period (in table order it changed with every period and was sent again each time)."""
    names = unit_names(ov)
    return sorted((int(u) for u in ov.summary["unit_id"]), key=lambda u: (names.get(u, str(u)).casefold(), u))


def default_trend_units(ov: ComplaintOverview, limit: int = 5) -> list[int]:
    """Flagged units first, then the busiest, up to ``limit``."""
    flags = ov.spikes.flagged
    chosen = list(dict.fromkeys(int(u) for u in flags["unit_id"])) if not flags.empty else []
    for unit_id in ov.summary["unit_id"]:
        if len(chosen) >= limit:
            break
        if int(unit_id) not in chosen:
            chosen.append(int(unit_id))
    return chosen[: max(limit, len(chosen))]


def selected_point(event: object, param: str) -> object:
    """The first point a Vega-Lite chart event (``on_select="rerun"``) selected under ``param``, as
    the browser sent it, or None when nothing is selected.

    Streamlit's event is ``{"selection": {param: [{field: value, …}, …]}}`` (``{param: {}}``
    when nothing is selected). The event comes from the browser and may be forged, so nothing
    here is trusted: :func:`apply_selection` checks what this returns. A selection that is no
    list of points, or that names a parameter the chart does not have, is returned whole, so
    that it is reported there rather than quietly read as no selection.
    """
    try:
        selection = event["selection"]  # type: ignore[index]
    except (KeyError, TypeError, IndexError):
        return None
    if not isinstance(selection, dict):
        return selection if selection else None
    if any(name != param for name in selection):
        return dict(selection)
    points = selection.get(param)
    if not points:
        return None
    if isinstance(points, list):
        return points[0]
    return points


def selected_rows(event: object) -> list[int]:
    """Selected row positions of an ``st.dataframe(on_select="rerun")`` event (whole numbers only)."""
    try:
        rows = list(event["selection"]["rows"])  # type: ignore[index]
    except (KeyError, TypeError, IndexError):
        return []
    return [r for r in rows if isinstance(r, int) and not isinstance(r, bool)]


def month_label(value: date, lang: str) -> str:
    """``Agustus 2026`` / ``August 2026`` (:func:`lib.ui.format.month`)."""
    return month(value, lang, long=True)


#: What :func:`_point_fields` answers for a point the chart could not have sent.
FORGED = object()


def _point_fields(point: object, fields: tuple[str, ...]) -> tuple[object, ...] | object | None:
    """The values of ``fields`` in a selected point (:func:`selected_point`), None for no point,
    or :data:`FORGED`.

    A point is an object with exactly ``fields``. One with none of them (``{}``) is a click on
    a mark that carries no point (the spike band, a dashed line): no selection, not forged.
    """
    if point is None:
        return None
    if not isinstance(point, dict):
        return FORGED
    if not point or (set(point) <= set(fields) and all(point[f] is None for f in point)):
        return None
    if set(point) != set(fields):
        return FORGED
    return tuple(point[f] for f in fields)


def _whole_number(value: object) -> int | None:
    """``value`` if it is a whole number as JSON sends one (never a bool, a float or a text)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


_DRILL_MEMORY = "complaints_drill_last_selection"
_FORGED_MEMORY = "complaints_drill_forged_reported"


def apply_selection(
    state,  # type: ignore[no-untyped-def]
    *,
    trend: object,
    heatmap: object,
    table_rows: list[int],
    summary_unit_ids: list[int],
    unit_options: list,  # type: ignore[type-arg]
    theme_options: list,  # type: ignore[type-arg]
    month_options: list,  # type: ignore[type-arg]
    on_forged: Callable[[str, object], None] = lambda _source, _payload: None,
) -> bool:
    """Point the drill-down selectboxes at what was just selected in a chart or the table;
    True when a selection was applied (the page then opens the texts).

    A selection stays in its chart across reruns, so only a *changed* selection
    is applied; the user can still change the selectboxes by hand afterwards.
    Must run before the selectboxes are drawn.

    ``trend`` and ``heatmap`` are the charts' points as :func:`selected_point` read them. A
    selection the page could not have drawn (a forged payload: a unit id that is no whole
    number, a period that is no ``YYYYMMDD`` date, a theme that is no text, a field missing
    or added, a parameter the chart does not have, no list of points) is ignored and reported
    once through ``on_forged(source, payload)``; the page carries on as if nothing was
    selected. Values that are not among the selectboxes' options are not applied.
    """
    remembered = state.get(_DRILL_MEMORY, {})
    reported = state.get(_FORGED_MEMORY, set())

    def forged(source: str, payload: object) -> None:
        # a selection stays in its chart across reruns: report each forged payload once
        fingerprint = f"{source}:{payload!r}"[:500]
        if fingerprint not in reported:
            reported.add(fingerprint)
            state[_FORGED_MEMORY] = reported
            on_forged(source, payload)

    options = {
        "complaints_drill_unit": unit_options,
        "complaints_drill_theme": theme_options,
        "complaints_drill_month": month_options,
    }
    current: dict[str, object] = {}
    updates: dict[str, object] = {}

    def pick(source: str, selected: tuple[object, ...], boxes: dict[str, object]) -> None:
        # a chart's click points every box it names, or none of them (a value not offered)
        current[source] = selected
        if selected != remembered.get(source) and all(v in options[k] for k, v in boxes.items()):
            updates.update(boxes)

    point = _point_fields(trend, TREND_FIELDS)
    if point is FORGED:
        forged("trend", trend)
    elif point is not None:
        unit_id, period = point  # type: ignore[misc]
        day_ = period_of_number(period)
        if _whole_number(unit_id) is None or day_ is None:
            forged("trend", trend)
        else:
            pick("trend", point, {"complaints_drill_unit": unit_id, "complaints_drill_month": day_})
    point = _point_fields(heatmap, HEATMAP_FIELDS)
    if point is FORGED:
        forged("heatmap", heatmap)
    elif point is not None:
        unit_id, theme = point  # type: ignore[misc]
        if _whole_number(unit_id) is None or not isinstance(theme, str):
            forged("heatmap", heatmap)
        else:
            boxes = {
                "complaints_drill_unit": unit_id,
                "complaints_drill_theme": theme,
                "complaints_drill_month": ALL,
            }
            pick("heatmap", point, boxes)
    if table_rows:
        current["table"] = table_rows[0]
        if current["table"] != remembered.get("table") and 0 <= table_rows[0] < len(summary_unit_ids):
            updates["complaints_drill_unit"] = summary_unit_ids[table_rows[0]]
    applied = False
    for key, value in updates.items():
        if value in options[key]:
            state[key] = value
            applied = True
    state[_DRILL_MEMORY] = current
    return applied


def method_note(ov: ComplaintOverview, lang: str) -> str:
    """How the spikes were tested, in one caption: window, baseline, test, correction, false-alarm rate."""
    spikes = ov.spikes
    settings = spikes.settings
    window = ""
    if spikes.recent_start is not None and spikes.recent_end is not None:
        window = (
            f"{month_label(spikes.recent_start.date(), lang)} – {month_label(spikes.recent_end.date(), lang)}"
        )
    phi = max(spikes.dispersion.values()) if spikes.dispersion else 1.0
    values = {
        "recent": settings.recent_months,
        "baseline": settings.baseline_months,
        "window": window,
        "gap": translate("complaints.spikes.gap", lang, gap=settings.gap_months)
        if settings.gap_months
        else "",
        "season": translate("complaints.spikes.season", lang) if spikes.seasonal else "",
        "dispersion": translate("complaints.spikes.dispersion", lang, phi=fmt_number(phi, lang, 2))
        if phi > 1
        else "",
        "tests": fmt_number(int(spikes.series["tested"].sum()), lang, 0),
        "alpha": fmt_number(settings.alpha, lang, 2),
        "alpha_pct": fmt_percent(settings.alpha, lang, 0),
    }
    key = "complaints.spikes.method" if settings.adjust == "bh" else "complaints.spikes.method_none"
    return translate(key, lang, **values)


__all__ = ["overview_sentences", "spike_sentences", "theme_label"]


# --- page sections ---------------------------------------------------------------

ALL = "__all__"


@dataclass(frozen=True)
class ComplaintsView:
    """The page's window (the sidebar's range cut to the complaint data) and period, with the overview."""

    date_from: date
    date_to: date
    period: str
    ov: ComplaintOverview


#: "Tampilkan per" in the address (``?per=quarter``), so a shared link opens the same grouping.
PERIOD_PARAM, PERIOD_KEY, PERIODS = "per", "complaints_period", ("month", "quarter")


def overview_section(ctx: PageContext) -> ComplaintsView:
    """The range cut to the data, the period control and the stored overview; an empty note and stop."""
    first, last = date_span(ctx.engine, ctx.query_scope)
    date_from = max(ctx.filters.date_from, first) if first else ctx.filters.date_from
    date_to = min(ctx.filters.date_to, last) if last else ctx.filters.date_to
    if first is None or date_from > date_to:
        st.info(t("complaints.empty"))
        st.stop()
    keep_in_url(PERIOD_PARAM, PERIOD_KEY, PERIODS)
    st.session_state.setdefault(PERIOD_KEY, PERIODS[0])
    period = (
        st.segmented_control(
            t("complaints.period"),
            list(PERIODS),
            format_func=lambda p: t(f"complaints.period.{p}"),
            key=PERIOD_KEY,
        )
        or "month"
    )
    labels_only = bool(st.session_state.get(LABELS_ONLY_KEY, False))
    ov = overview(ctx.engine, ctx.query_scope, date_from, date_to, period, labels_only)
    return ComplaintsView(date_from, date_to, period, ov)


def headline_section(ov: ComplaintOverview, lang: str) -> None:
    """Five metrics and the first three plain sentences."""
    totals = ov.totals
    row = side_by_side()  # one block, not a column per metric (lib.ui.blocks says why)
    row.metric(t("complaints.metric.complaints"), num(totals["complaints"], 0))
    row.metric(
        t("complaints.metric.rate"),
        num(totals["rate_per_1000"], 2),
        help=t(
            "complaints.metric.rate_help", low=num(totals["rate_low"], 2), high=num(totals["rate_high"], 2)
        ),
    )
    row.metric(
        t("complaints.metric.median"),
        num(totals.get("median_working_days"), 1),
        help=t("complaints.metric.median_help", n=num(totals.get("resolved", 0), 0)),
    )
    row.metric(
        t("complaints.metric.late"),
        pct(totals.get("share_late"), 0),
        help=t(
            "complaints.metric.late_help",
            low=pct(totals.get("share_late_low"), 0),
            high=pct(totals.get("share_late_high"), 0),
            n=num(totals.get("judged", 0), 0),
        ),
    )
    row.metric(
        t("complaints.metric.backlog"),
        num(totals.get("backlog", 0), 0),
        help=t("complaints.metric.backlog_help", overdue=num(totals.get("backlog_overdue", 0), 0)),
    )
    sentences = shared(ov, "sentences", lambda: overview_sentences(ov, lang), lang)[:3]
    text_block(*(md_escape(sentence) for sentence in sentences))  # one element, not one per sentence


def spikes_section(ov: ComplaintOverview, lang: str) -> None:
    """Units whose complaints grew beyond their own history, or a note why none can be told."""
    st.subheader(t("complaints.spikes.header"))
    spikes = shared(ov, "spike_sentences", lambda: spike_sentences(ov, lang), lang)
    if ov.spikes.series.empty:
        st.caption(
            t(
                "complaints.spikes.short",
                months=ov.spikes.settings.recent_months + ov.spikes.settings.min_baseline_months,
            )
        )
    elif spikes:
        for sentence in spikes:
            st.warning(md_escape(sentence), icon=":material/trending_up:")
    else:
        st.success(md_escape(shared(ov, "sentences", lambda: overview_sentences(ov, lang), lang)[-1]))
    if not ov.spikes.series.empty:
        spike_details(ov, lang)


@st.fragment
def spike_details(ov: ComplaintOverview, lang: str) -> None:
    """The "Rincian metode" of the spike tests: the method and every test with p < 0.2.

    Drawn only while open (opening reruns this fragment alone): the table is for the
    curious evaluator, and most readers never open it.
    """
    with details_expander(key="complaints_spike_details") as box:
        if box.open:
            st.markdown(md_escape(method_note(ov, lang)))
            st.caption(t("complaints.spikes.table"))
            st.dataframe(spike_table(ov, lang), hide_index=True, width="stretch")


#: The page's three views of where and how complaints arrive, one tab each, in this order.
CHART_TABS = ("trend", "heatmap", "handling")
#: Session key of the open view's tab.
CHART_TAB_KEY = "complaints_view"
#: Session key of the "only complaints labelled by staff" toggle (on the themes' tab; it cuts every figure).
LABELS_ONLY_KEY = "complaints_labels_only"


def chart_label(tab: str) -> str:
    """A view's tab label: its section heading."""
    return t(f"complaints.{tab}.header")


def charts_section(ov: ComplaintOverview, theme_state: ThemeStatus, lang: str) -> dict[str, object]:
    """The trend per unit, unit × theme and the handling, each in a tab; only the open one is built.

    Returns the selection events of the trend and the heatmap (``None`` for a view not drawn),
    which point the complaint texts below. Drawn one under another, the three views (three
    charts, their pickers and notes) were redrawn by the browser on every filter change, though
    a reader looks at one at a time; the headline figures and the spikes above already answer
    "how many, how fast, where rising". A tab's click reruns the page and draws that view alone;
    the views' own choices are kept while another tab is open (``persist_state``).
    """
    draw = {
        "trend": lambda: trend_section(ov, lang),
        "heatmap": lambda: heatmap_section(ov, theme_state, lang),
        "handling": lambda: resolution_section(ov, lang),
    }
    drawn = lazy_tabs({chart_label(tab): draw[tab] for tab in CHART_TABS}, key=CHART_TAB_KEY)
    return {tab: drawn.get(chart_label(tab)) for tab in ("trend", "heatmap")}


def trend_section(ov: ComplaintOverview, lang: str) -> object:
    """Complaints per unit over time (units chosen by the reader); returns the chart's selection event."""
    names = unit_names(ov)
    choices = picker_units(ov)
    shown = st.multiselect(
        t("complaints.trend.units"),
        choices,
        default=[u for u in default_trend_units(ov) if u in choices],
        format_func=lambda u: names.get(u, str(u)),
        help=t("complaints.trend.help"),
        key="complaints_trend_units",
        persist_state="page",  # kept while another view's tab is open
    )
    event = st.vega_lite_chart(
        spec=sendable(
            shared(ov, "trend", lambda: named_data(trend_chart(ov, shown, lang)), tuple(shown), lang)
        ),
        width="stretch",
        key="complaints_trend",
        on_select="rerun",
        selection_mode=[TREND_SELECTION],
    )
    partial = shared(ov, "partial", lambda: partial_periods(ov))
    if partial:
        periods = [
            f"{period_label(p, ov.period, lang)} ({day(first)}–{day(last)})"
            for p, (first, last) in partial.items()
        ]
        st.caption(t("complaints.trend.partial", periods="; ".join(periods)))
    return event


def heatmap_section(ov: ComplaintOverview, theme_state: ThemeStatus, lang: str) -> object:
    """Unit × theme, as rate, count or share; returns the chart's selection event."""
    totals = ov.totals
    has_rates = bool(ov.theme_rates["services"].fillna(0).gt(0).any()) if not ov.theme_rates.empty else False
    measures = ["rate", "count", "share"] if has_rates else ["count", "share"]
    measure = (
        st.segmented_control(
            t("complaints.heatmap.measure"),
            measures,
            default=measures[0],
            format_func=lambda m: t(f"complaints.heatmap.{m}"),
            key="complaints_heatmap_measure",
            persist_state="page",
        )
        or measures[0]
    )
    row = side_by_side(gap="large")
    row.toggle(
        t("complaints.themes.labels_only"),
        key=LABELS_ONLY_KEY,
        help=t("complaints.themes.labels_only_help"),
        persist_state="page",  # it cuts every figure of the page, so it holds while the tab is closed
    )
    numbers = row.toggle(
        t("complaints.heatmap.numbers"),
        value=heatmap_cells(ov) <= HEATMAP_NUMBERS_CELLS,
        key="complaints_heatmap_numbers",
        help=t("complaints.heatmap.numbers_help"),
        persist_state="page",
    )
    spec = shared(
        ov, "heatmap", lambda: named_data(heatmap_chart(ov, measure, lang, numbers)), measure, lang, numbers
    )
    heat_event = st.vega_lite_chart(
        spec=sendable(spec),
        width="stretch",
        key="complaints_heatmap",
        on_select="rerun",
        selection_mode=[HEATMAP_SELECTION],
    )
    n_units = ov.theme_rates["unit_id"].nunique()
    # how many units the chart holds, as a note above the themes' source: one element, not two
    top = (
        note(t("complaints.heatmap.top", shown=MAX_HEATMAP_UNITS, total=n_units))
        if n_units > MAX_HEATMAP_UNITS
        else None
    )
    source = themes_ui.source_sentence(totals, theme_state.threshold, lang)
    quality = []
    if totals.get("predicted", 0) or totals.get("abstained", 0):  # predictions in the figures: their quality
        quality = themes_ui.quality_sentences(theme_state, lang)
    conclusion_with_details(
        paragraphs(top, md_escape(source)), [md_escape(s) for s in quality], key="complaints_theme_details"
    )
    return heat_event


#: The handling views, one drawn at a time: time to resolution (the city's speed) and the open
#: backlog by age (which units have overdue complaints).
HANDLING_VIEWS = ("resolution", "backlog")


def resolution_section(ov: ComplaintOverview, lang: str) -> None:
    """Time to resolution or the open backlog (one chart, the view picked), channels and statuses,
    and how the backlog reconciles.

    One chart rather than both side by side: the browser redraws every chart on each run (a
    period change), and the headline metrics above already give the median, the late share
    and the backlog, so the second view is one click away.
    """
    totals = ov.totals
    view = (
        st.segmented_control(
            t("complaints.handling.view"),
            list(HANDLING_VIEWS),
            default=HANDLING_VIEWS[0],
            format_func=lambda v: t(f"complaints.{v}.header"),
            key="complaints_handling_view",
            persist_state="page",
        )
        or HANDLING_VIEWS[0]
    )
    if view == "resolution":
        spec = shared(ov, "resolution", lambda: named_data(resolution_chart(ov, lang)), lang)
        st.vega_lite_chart(spec=sendable(spec), width="stretch", key="complaints_resolution")
        st.caption(t("complaints.resolution.note", cap=30))
    elif ov.backlog_buckets.empty:
        st.caption(t("complaints.backlog.none"))
    else:
        spec = shared(ov, "backlog", lambda: named_data(backlog_chart(ov, lang)), lang)
        st.vega_lite_chart(spec=sendable(spec), width="stretch", key="complaints_backlog")
        sentences = shared(ov, "sentences", lambda: overview_sentences(ov, lang), lang)
        st.caption(sentences[2] if len(sentences) > 2 else "")

    channel_details(ov, lang)
    # the open backlog (all still open) and the status table (received in the period) reconciled
    st.caption(
        t(
            "complaints.backlog.reconcile",
            as_of=day(ov.as_of),
            total=num(totals.get("backlog", 0), 0),
            in_period=num(totals.get("backlog_received_in_period", 0), 0),
            before=num(totals.get("backlog_received_before", 0), 0),
        )
    )


@st.fragment
def channel_details(ov: ComplaintOverview, lang: str) -> None:
    """Channels and statuses of the complaints received, drawn only while their expander is open."""
    with lazy_expander(t("complaints.channels.header"), "complaints_channels") as box:
        if box.open:
            left, right = st.columns(2)
            left.dataframe(shares_table(ov.channel_shares, "channel", lang), hide_index=True, width="stretch")
            right.dataframe(shares_table(ov.status_shares, "status", lang), hide_index=True, width="stretch")


#: The open state of the per-unit table's expander.
TABLE_OPEN_KEY = "complaints_table_open"


def table_section(ov: ComplaintOverview, lang: str) -> object:
    """The per-unit table, built only while its expander is open; returns its row-selection event
    (``None`` while closed).

    Why behind an expander: written the reader's way and still sorted by value
    (:func:`summary_styled`), the city's 266 units × 10 columns cost about 0.1 s of every
    period change (median of 12 changes in headless Chromium: 0.39 s against 0.28 s without
    the table), more than any other section; the trend and the heatmap answer "where" first.
    """
    with lazy_expander(t("complaints.table.header"), TABLE_OPEN_KEY, icon=":material/table:") as box:
        if not box.open:
            return None
        table = shared(ov, "summary", lambda: summary_table(ov, lang), lang)
        return st.dataframe(
            summary_styled(table, lang), hide_index=True, width="stretch", placeholder=EMPTY,
            key="complaints_table", on_select="rerun",
            selection_mode="single-row",
        )  # fmt: skip


def drilldown_section(ctx: PageContext, view: ComplaintsView, events: dict[str, object]) -> None:
    """The complaint texts behind a selection (chart point, table row, or the three pickers)."""
    ov = view.ov
    choices = picker_units(ov)
    # the heading and its hint in one element (a subheader and a caption were two for the browser to redraw)
    text_block(f"### {t('complaints.drill.header')}", note(t("complaints.drill.caption")))
    unit_options = [ALL, *choices]
    theme_options = [ALL, *[k if k is not None else "" for k in theme_keys(ov.theme_rates)]]
    month_options = (
        [ALL, *shared(ov, "months", lambda: sorted({d.date() for d in ov.trend["period"]}, reverse=True))]
        if view.period == "month"
        else [ALL]
    )
    applied = apply_selection(
        st.session_state,
        trend=selected_point(events["trend"], TREND_SELECTION),
        heatmap=selected_point(events["heatmap"], HEATMAP_SELECTION),
        table_rows=selected_rows(events["table"]),
        summary_unit_ids=[int(u) for u in ov.summary["unit_id"]],
        unit_options=unit_options,
        theme_options=theme_options,
        month_options=month_options,
        on_forged=lambda source, payload: audit_event(
            Action.ACCESS_DENIED, forged_selection=source, payload=repr(payload)[:200]
        ),
    )
    if applied:  # a click on a point, a cell or a row opens its texts
        st.session_state[DRILL_OPEN_KEY] = True
    with lazy_expander(t("complaints.drill.open"), DRILL_OPEN_KEY, icon=":material/article:") as box:
        if box.open:
            drill_texts(ctx, view, unit_options, theme_options, month_options)


#: The open state of the complaint texts' expander (opened by the reader, or by a selection).
DRILL_OPEN_KEY = "complaints_drill_open"


def drill_texts(
    ctx: PageContext,
    view: ComplaintsView,
    unit_options: list,  # type: ignore[type-arg]
    theme_options: list,  # type: ignore[type-arg]
    month_options: list,  # type: ignore[type-arg]
) -> None:
    """The three pickers and the texts they choose: built only while their expander is open.

    Why behind an expander: two tables and three pickers drawn on every period change cost the
    browser about 50 ms of the page's 330 (headless Chromium, city scale), for texts most
    readers open only from a chart point, a heatmap cell or a table row, which opens them."""
    ov, lang = view.ov, ctx.lang
    names = unit_names(ov)
    row = side_by_side(gap="small")
    unit_choice = row.selectbox(
        t("complaints.drill.unit"),
        unit_options,
        format_func=lambda u: t("complaints.drill.all") if u == ALL else names.get(int(u), str(u)),
        key="complaints_drill_unit",
    )
    theme_choice = row.selectbox(
        t("complaints.drill.theme"),
        theme_options,
        format_func=lambda k: t("complaints.drill.all") if k == ALL else theme_label(k or None, lang),
        key="complaints_drill_theme",
    )
    month_choice = row.selectbox(
        t("complaints.drill.month"),
        month_options,
        format_func=lambda m: t("complaints.drill.all") if m == ALL else month_label(m, lang),
        key="complaints_drill_month",
    )
    texts = drilldown(
        ctx.engine,
        ctx.query_scope,
        view.date_from,
        view.date_to,
        None if unit_choice == ALL else int(unit_choice),
        None if theme_choice == ALL else theme_choice,
        None if month_choice == ALL or not isinstance(month_choice, date) else month_choice,
        lang,
    )
    if texts.empty:
        st.caption(t("complaints.drill.none"))
    else:
        st.caption(t("complaints.drill.count", shown=num(len(texts), 0)))
        st.dataframe(
            texts,
            hide_index=True,
            width="stretch",
            column_config=drill_column_config(lang),
            key="complaints_texts",
        )
    st.caption(t("complaints.drill.period", start=day(view.date_from), end=day(view.date_to)))


def search_section(ctx: PageContext, view: ComplaintsView) -> None:
    """Free-text search in the (masked) complaint texts, within the scope, unit and period shown."""
    st.subheader(t("search.title"))
    complaint_search_section(ctx.query_scope, view.date_from, view.date_to, ctx.lang)


def theme_model_section(ctx: PageContext, theme_state: ThemeStatus) -> None:
    """The theme model's measured quality, and for importers the labelling round and theme editors."""
    # nothing here trains
    classifier_details(ctx, theme_state)
    if can_import(ctx.principal):
        with st.expander(t("complaints.round.header")):
            themes_ui.labelling_round(ctx.principal.username, ctx.lang)
        theme_editors(ctx.principal.username, ctx.lang)


@st.fragment
def classifier_details(ctx: PageContext, theme_state: ThemeStatus) -> None:
    """The model, its measured quality per theme and its confusions, drawn only while open.

    The evaluator's detail at the foot of the page (the quality that matters to the figures
    is also beside the theme chart): sent and drawn on every run, it cost a period change
    for readers who never open it.
    """
    lang = ctx.lang
    with lazy_expander(t("complaints.classifier.header"), "complaints_classifier") as box:
        if not box.open:
            return
        st.caption(themes_ui.model_sentence(theme_state, lang))
        for sentence in themes_ui.quality_sentences(theme_state, lang):
            st.markdown(sentence)
        if theme_state.quality is not None:
            left, right = st.columns(2)
            left.caption(t("complaints.classifier.per_class"))
            left.dataframe(
                themes_ui.quality_table(theme_state.quality, lang), hide_index=True, width="stretch"
            )
            right.caption(t("complaints.classifier.confusions"))
            right.dataframe(
                themes_ui.confusion_table(theme_state.quality, lang), hide_index=True, width="stretch"
            )
        pending = pending_predictions(ctx.engine, ctx.query_scope)["unpredicted"]
        if pending and theme_state.model is not None:
            st.caption(t("complaints.classifier.pending", n=num(pending, 0)))


@st.fragment
def theme_editors(username: str, lang: str) -> None:
    """The theme and topic-mapping editors (importers only), read and drawn only while open."""
    with lazy_expander(t("complaints.themes.editor"), "complaints_theme_editors") as box:
        if box.open:
            themes_ui.theme_editor(username, lang)
            themes_ui.topic_mapping_editor(username, lang)


def theme_status() -> ThemeStatus:
    """The theme model's state (threshold, quality, model) for the captions beside the figures."""
    return themes_ui.status()
