"""The Pengaduan page's sections, its cached complaint reads and its charts.

Wrappers take the engine first (``lib.ui.data.engine()``, keyed by its URL) and cache only
small aggregated results; complaint texts are masked before they enter the
cache. Chart builders are plain plotly figures from lib results, with axis
titles in the user's language; every chart point carries ``customdata``
(unit id, theme key or month) so that selecting it can drill into the texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
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
from lib.ui.charts import readable_figure
from lib.ui.complaint_search import complaint_search_section
from lib.ui.data import cached
from lib.ui.format import integer, month, p_value
from lib.ui.i18n import day, num, pct, t
from lib.ui.method_details import conclusion_with_details, details_expander, lazy_expander
from lib.ui.page import PageContext
from lib.ui.shared_builds import shared
from lib.ui.text import plain
from lib.ui.url_state import keep_in_url
from lib.ui.vega import band_height, colour_scale, number_axis, whole_axis

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


def chart_names(ov: ComplaintOverview) -> dict[int, str]:
    """Unit names for plotly labels, which understand a little HTML: angle brackets escaped."""
    return {k: v.replace("<", "&lt;").replace(">", "&gt;") for k, v in unit_names(ov).items()}


def md_escape(text: str) -> str:
    """Markdown-safe unit names in sentences (names come from uploads): see :func:`lib.ui.text.plain`."""
    return plain(text)


# --- charts --------------------------------------------------------------------


def trend_chart(ov: ComplaintOverview, unit_ids: list[int], lang: str) -> go.Figure:
    """Complaints per period of the chosen units; flagged units get their usual level (dashed)
    and the spike window's points marked.

    Built as one figure description (the spike window as a plain shape rather than
    ``add_vrect``): each ``add_trace`` and ``add_vrect`` copies and validates the figure again,
    and this chart is rebuilt for every new period or unit choice (a quarter of a period change's
    server time at city scale).
    """
    names = chart_names(ov)
    trend = ov.trend[ov.trend["unit_id"].isin(unit_ids)]
    flags = ov.spikes.flagged
    flagged_units = set(flags.loc[flags["family"] == "unit_id", "unit_id"]) if not flags.empty else set()
    flagged_any = set(flags["unit_id"]) if not flags.empty else set()
    expected = pd.DataFrame()
    if ov.period == "month" and not ov.spikes.series.empty and not trend.empty:
        months = pd.DatetimeIndex(sorted(trend["period"].unique()))
        expected = expected_by_month(ov.spikes, months)
        if not expected.empty:
            expected = expected[expected["family"] == "unit_id"]
    traces: list[dict[str, object]] = []
    for unit_id in unit_ids:
        series = trend[trend["unit_id"] == unit_id]
        if series.empty:
            continue
        name = names.get(unit_id, str(unit_id))
        traces.append(
            {
                "type": "scatter",
                "x": series["period"],
                "y": series["complaints"],
                "mode": "lines+markers",
                "name": name,
                "customdata": np.column_stack(
                    [[unit_id] * len(series), series["period"].dt.strftime("%Y-%m-%d")]
                ),
                "hovertemplate": "%{x|%b %Y}: %{y}<extra>" + name + "</extra>",
            }
        )
        if unit_id in flagged_any and not expected.empty:
            usual = expected[expected["unit_id"] == unit_id]
            traces.append(
                {
                    "type": "scatter",
                    "x": usual["month"],
                    "y": usual["expected"],
                    "mode": "lines",
                    "line": {"dash": "dash", "width": 1},
                    "name": translate("complaints.trend.expected", lang, unit=name),
                    "hoverinfo": "skip",
                }
            )
        if unit_id in flagged_any and ov.spikes.recent_start is not None and ov.period == "month":
            window = series[series["period"] >= ov.spikes.recent_start]
            traces.append(
                {
                    "type": "scatter",
                    "x": window["period"],
                    "y": window["complaints"],
                    "mode": "markers",
                    "marker": {
                        "size": 14,
                        "color": SPIKE_COLOR,
                        "symbol": "circle-open",
                        "line": {"width": 2},
                    },
                    "name": translate("complaints.trend.flag", lang) + f": {name}",
                    "hoverinfo": "skip",
                    "showlegend": unit_id in flagged_units or unit_id in flagged_any,
                }
            )
    shapes = []
    if ov.spikes.recent_start is not None and ov.spikes.recent_end is not None:
        # what add_vrect draws: the window over the plot's full height, beneath the lines
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "y domain",
                "x0": ov.spikes.recent_start - pd.Timedelta(days=15),
                "x1": ov.spikes.recent_end + pd.Timedelta(days=15),
                "y0": 0,
                "y1": 1,
                "fillcolor": "#ffcdd2",
                "opacity": 0.25,
                "line": {"width": 0},
                "layer": "below",
            }
        )
    layout = {
        "xaxis": {"title": {"text": translate("complaints.trend.x", lang)}},
        "yaxis": {"title": {"text": translate("complaints.trend.y", lang)}, "rangemode": "tozero"},
        "legend": {"orientation": "h", "y": -0.25},
        "margin": {"t": 20},
        "height": 420,
        "shapes": shapes,
    }
    return readable_figure(go.Figure({"data": traces, "layout": layout}), lang)


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


def heatmap_chart(ov: ComplaintOverview, measure: str, lang: str, numbers: bool = True) -> go.Figure:
    """Unit × theme cells coloured by ``measure``; with ``numbers`` each cell also writes its value.

    Every value is in the hover either way. Written values are most of what the browser spends
    on this chart (each is an SVG text measured on its own: about half a second for the city's
    25 × 10 cells on a loaded machine), so :func:`heatmap_section` writes them by default only
    on small matrices.
    """
    values, counts = heatmap_frame(ov, measure)
    names = chart_names(ov)
    x = [theme_label(k or None, lang).replace("<", "&lt;").replace(">", "&gt;") for k in values.columns]
    y = [names.get(int(u), str(u)) for u in values.index]
    decimals = 0 if measure == "count" else 2
    if measure == "share":
        text = [[fmt_percent(v, lang, 0) for v in row] for row in values.to_numpy()]
    else:
        text = [[fmt_number(v, lang, decimals) for v in row] for row in values.to_numpy()]
    custom = np.dstack(
        [
            np.repeat(values.index.to_numpy()[:, None], values.shape[1], axis=1).astype(str),
            np.tile(np.asarray(values.columns, dtype=str), (values.shape[0], 1)),
            counts.to_numpy().astype(str),
        ]
    )
    written = {"text": text, "texttemplate": "%{text}"} if numbers else {}
    fig = go.Figure(
        go.Heatmap(
            z=values.to_numpy(),
            x=x,
            y=y,
            **written,
            customdata=custom,
            colorscale="OrRd",
            hoverinfo="skip",  # the markers on top answer hover and clicks
            colorbar={"title": translate(f"complaints.heatmap.{measure}", lang)},
        )
    )
    # plotly cannot select heatmap cells: invisible markers on the cells carry the selection
    grid_x, grid_y = np.meshgrid(np.arange(len(x)), np.arange(len(y)))
    fig.add_trace(
        go.Scatter(
            x=[x[i] for i in grid_x.ravel()],
            y=[y[j] for j in grid_y.ravel()],
            mode="markers",
            marker={"size": 22, "opacity": 0.0, "symbol": "square"},
            customdata=custom.reshape(-1, 3),
            text=np.asarray(text, dtype=object).ravel(),
            hovertemplate="%{y} · %{x}: %{text} (n = %{customdata[2]})<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_layout(
        xaxis_title=translate("complaints.heatmap.x", lang),
        yaxis_title=translate("complaints.heatmap.y", lang),
        height=max(320, 26 * len(y) + 120),
        margin={"t": 20},
    )
    return readable_figure(fig, lang)


def resolution_chart(ov: ComplaintOverview, lang: str, cap: int = 30) -> dict[str, Any]:
    """Resolved complaints by working days taken (the last bar: ``cap`` or more), late ones in
    orange, the standard's bound dashed. A Vega-Lite spec (:mod:`lib.ui.vega` says why)."""
    hist = ov.resolution_hist
    rows = [
        {
            "days": int(d),
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
        "height": 300,
        "layer": [
            {
                "data": {"values": rows},
                "mark": {"type": "bar", "width": {"band": 0.9}},
                "encoding": {
                    "x": x,
                    "y": {
                        "field": "complaints",
                        "type": "quantitative",
                        "axis": number_axis(count, lang, format=",d"),
                    },
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
    rows = [
        {
            "unit": names.get(int(u), str(u)),
            "age": age_of[str(b)],
            "order": list(ages).index(age_of[str(b)]),
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
    order = [names.get(int(u), str(u)) for u in reversed(list(top))]
    count = translate("complaints.backlog.x", lang)
    return {
        "height": band_height(len(order), 26),
        "data": {"values": rows},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {
                "field": "unit",
                "type": "nominal",
                "sort": order,
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


def summary_table(ov: ComplaintOverview, lang: str) -> pd.DataFrame:
    """The per-unit table, as display strings in the user's language."""
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

    return pd.DataFrame(
        {
            translate("complaints.col.code", lang): s["code"],
            translate("complaints.col.unit", lang): s["name"],
            translate("complaints.col.complaints", lang): s["complaints"],
            translate("complaints.col.rate", lang): [fmt_number(v, lang, 2) for v in s["rate_per_1000"]],
            translate("complaints.col.rate_ci", lang): [
                ci(a, b) for a, b in zip(s["rate_low"], s["rate_high"], strict=True)
            ],
            translate("complaints.col.median", lang): [
                fmt_number(v, lang, 1) for v in s["median_working_days"]
            ],
            translate("complaints.col.late", lang): [fmt_percent(v, lang, 0) for v in s["share_late"]],
            translate("complaints.col.backlog", lang): s["backlog"],
            translate("complaints.col.overdue", lang): s["backlog_overdue"],
            translate("complaints.col.spike", lang): [spike_text(u) for u in s["unit_id"]],
        }
    )


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


def shares_table(frame: pd.DataFrame, column: str, lang: str) -> pd.DataFrame:
    """Channel or status shares over the whole scope."""
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

    return pd.DataFrame(
        {
            translate(f"complaints.channels.{column}", lang): [label(v) for v in total.index],
            translate("complaints.col.complaints", lang): [integer(v, lang) for v in total],
            translate("complaints.channels.share", lang): [
                fmt_percent(v, lang, 0) for v in total / total.sum()
            ],
        }
    )


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


def selected_point(event: object) -> dict | None:
    """The first selected point of a plotly chart event (``on_select="rerun"``), or None.

    The event comes from the browser and may be forged: anything but a list of
    dicts is treated as no selection.
    """
    try:
        points = event["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError, IndexError):
        return None
    if not isinstance(points, list) or not points or not isinstance(points[0], dict):
        return None
    return points[0]


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


_DRILL_MEMORY = "complaints_drill_last_selection"
_FORGED_MEMORY = "complaints_drill_forged_reported"


def apply_selection(
    state,  # type: ignore[no-untyped-def]
    *,
    trend: dict | None,
    heatmap: dict | None,
    table_rows: list[int],
    summary_unit_ids: list[int],
    unit_options: list,  # type: ignore[type-arg]
    theme_options: list,  # type: ignore[type-arg]
    month_options: list,  # type: ignore[type-arg]
    on_forged: Callable[[str, object], None] = lambda _source, _payload: None,
) -> None:
    """Point the drill-down selectboxes at what was just selected in a chart or the table.

    A selection stays in its chart across reruns, so only a *changed* selection
    is applied; the user can still change the selectboxes by hand afterwards.
    Must run before the selectboxes are drawn.

    A selection the page could not have drawn (a forged payload: ``int('abc')``,
    a month that is no date, a short list) is ignored and reported through
    ``on_forged(source, payload)``; the page carries on as if nothing was selected.
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

    current: dict[str, object] = {}
    updates: dict[str, object] = {}
    if trend and trend.get("customdata"):
        try:
            unit_id, month = trend["customdata"][:2]
            picked = {
                "complaints_drill_unit": int(unit_id),
                "complaints_drill_month": date.fromisoformat(str(month)[:10]),
            }
        except (ValueError, TypeError, KeyError, IndexError):
            forged("trend", trend)
        else:
            current["trend"] = (str(unit_id), str(month))
            if current["trend"] != remembered.get("trend"):
                updates.update(picked)
    if heatmap and heatmap.get("customdata"):
        try:
            unit_id, theme = heatmap["customdata"][:2]
            picked = {"complaints_drill_unit": int(unit_id), "complaints_drill_theme": str(theme)}
        except (ValueError, TypeError, KeyError, IndexError):
            forged("heatmap", heatmap)
        else:
            current["heatmap"] = (str(unit_id), str(theme))
            if current["heatmap"] != remembered.get("heatmap"):
                updates.update(picked)
                updates["complaints_drill_month"] = "__all__"
    if table_rows:
        current["table"] = table_rows[0]
        if current["table"] != remembered.get("table") and 0 <= table_rows[0] < len(summary_unit_ids):
            updates["complaints_drill_unit"] = summary_unit_ids[table_rows[0]]
    options = {
        "complaints_drill_unit": unit_options,
        "complaints_drill_theme": theme_options,
        "complaints_drill_month": month_options,
    }
    for key, value in updates.items():
        if value in options[key]:
            state[key] = value
    state[_DRILL_MEMORY] = current


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
    labels_only = bool(st.session_state.get("complaints_labels_only", False))
    ov = overview(ctx.engine, ctx.query_scope, date_from, date_to, period, labels_only)
    return ComplaintsView(date_from, date_to, period, ov)


def headline_section(ov: ComplaintOverview, lang: str) -> None:
    """Five metrics and the first three plain sentences."""
    totals = ov.totals
    cols = st.columns(5)
    cols[0].metric(t("complaints.metric.complaints"), num(totals["complaints"], 0))
    cols[1].metric(
        t("complaints.metric.rate"),
        num(totals["rate_per_1000"], 2),
        help=t(
            "complaints.metric.rate_help", low=num(totals["rate_low"], 2), high=num(totals["rate_high"], 2)
        ),
    )
    cols[2].metric(
        t("complaints.metric.median"),
        num(totals.get("median_working_days"), 1),
        help=t("complaints.metric.median_help", n=num(totals.get("resolved", 0), 0)),
    )
    cols[3].metric(
        t("complaints.metric.late"),
        pct(totals.get("share_late"), 0),
        help=t(
            "complaints.metric.late_help",
            low=pct(totals.get("share_late_low"), 0),
            high=pct(totals.get("share_late_high"), 0),
            n=num(totals.get("judged", 0), 0),
        ),
    )
    cols[4].metric(
        t("complaints.metric.backlog"),
        num(totals.get("backlog", 0), 0),
        help=t("complaints.metric.backlog_help", overdue=num(totals.get("backlog_overdue", 0), 0)),
    )
    for sentence in shared(ov, "sentences", lambda: overview_sentences(ov, lang), lang)[:3]:
        st.markdown(md_escape(sentence))


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


def trend_section(ov: ComplaintOverview, lang: str) -> object:
    """Complaints per unit over time (units chosen by the reader); returns the chart's selection event."""
    st.subheader(t("complaints.trend.header"))
    names = unit_names(ov)
    choices = [int(u) for u in ov.summary["unit_id"]]
    shown = st.multiselect(
        t("complaints.trend.units"),
        choices,
        default=[u for u in default_trend_units(ov) if u in choices],
        format_func=lambda u: names.get(u, str(u)),
        help=t("complaints.trend.help"),
        key="complaints_trend_units",
    )
    return st.plotly_chart(
        shared(ov, "trend", lambda: trend_chart(ov, shown, lang), tuple(shown), lang),
        width="stretch",
        key="complaints_trend",
        on_select="rerun",
        selection_mode="points",
    )


def heatmap_section(ov: ComplaintOverview, theme_state: ThemeStatus, lang: str) -> object:
    """Unit × theme, as rate, count or share; returns the chart's selection event."""
    totals = ov.totals
    st.subheader(t("complaints.heatmap.header"))
    has_rates = bool(ov.theme_rates["services"].fillna(0).gt(0).any()) if not ov.theme_rates.empty else False
    measures = ["rate", "count", "share"] if has_rates else ["count", "share"]
    measure = (
        st.segmented_control(
            t("complaints.heatmap.measure"),
            measures,
            default=measures[0],
            format_func=lambda m: t(f"complaints.heatmap.{m}"),
            key="complaints_heatmap_measure",
        )
        or measures[0]
    )
    left, right = st.columns(2)
    left.toggle(
        t("complaints.themes.labels_only"),
        key="complaints_labels_only",
        help=t("complaints.themes.labels_only_help"),
    )
    numbers = right.toggle(
        t("complaints.heatmap.numbers"),
        value=heatmap_cells(ov) <= HEATMAP_NUMBERS_CELLS,
        key="complaints_heatmap_numbers",
        help=t("complaints.heatmap.numbers_help"),
    )
    figure = shared(ov, "heatmap", lambda: heatmap_chart(ov, measure, lang, numbers), measure, lang, numbers)
    heat_event = st.plotly_chart(
        figure, width="stretch", key="complaints_heatmap", on_select="rerun", selection_mode="points"
    )
    n_units = ov.theme_rates["unit_id"].nunique()
    if n_units > MAX_HEATMAP_UNITS:
        st.caption(t("complaints.heatmap.top", shown=MAX_HEATMAP_UNITS, total=n_units))
    source = themes_ui.source_sentence(totals, theme_state.threshold, lang)
    quality = []
    if totals.get("predicted", 0) or totals.get("abstained", 0):  # predictions in the figures: their quality
        quality = themes_ui.quality_sentences(theme_state, lang)
    conclusion_with_details(md_escape(source), [md_escape(s) for s in quality])
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
    st.subheader(t("complaints.handling.header"))
    view = (
        st.segmented_control(
            t("complaints.handling.view"),
            list(HANDLING_VIEWS),
            default=HANDLING_VIEWS[0],
            format_func=lambda v: t(f"complaints.{v}.header"),
            key="complaints_handling_view",
        )
        or HANDLING_VIEWS[0]
    )
    if view == "resolution":
        spec = shared(ov, "resolution", lambda: resolution_chart(ov, lang), lang)
        st.vega_lite_chart(spec=spec, width="stretch", key="complaints_resolution")
        st.caption(t("complaints.resolution.note", cap=30))
    elif ov.backlog_buckets.empty:
        st.caption(t("complaints.backlog.none"))
    else:
        spec = shared(ov, "backlog", lambda: backlog_chart(ov, lang), lang)
        st.vega_lite_chart(spec=spec, width="stretch", key="complaints_backlog")
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


def table_section(ov: ComplaintOverview, lang: str) -> object:
    """The per-unit table; returns its row-selection event."""
    st.subheader(t("complaints.table.header"))
    return st.dataframe(
        shared(ov, "summary", lambda: summary_table(ov, lang), lang), hide_index=True, width="stretch",
        key="complaints_table", on_select="rerun",
        selection_mode="single-row",
    )  # fmt: skip


def drilldown_section(ctx: PageContext, view: ComplaintsView, events: dict[str, object]) -> None:
    """The complaint texts behind a selection (chart point, table row, or the three pickers)."""
    ov, lang = view.ov, ctx.lang
    names = unit_names(ov)
    choices = [int(u) for u in ov.summary["unit_id"]]
    st.subheader(t("complaints.drill.header"))
    st.caption(t("complaints.drill.caption"))
    unit_options = [ALL, *choices]
    theme_options = [ALL, *[k if k is not None else "" for k in theme_keys(ov.theme_rates)]]
    month_options = (
        [ALL, *shared(ov, "months", lambda: sorted({d.date() for d in ov.trend["period"]}, reverse=True))]
        if view.period == "month"
        else [ALL]
    )
    apply_selection(
        st.session_state,
        trend=selected_point(events["trend"]),
        heatmap=selected_point(events["heatmap"]),
        table_rows=selected_rows(events["table"]),
        summary_unit_ids=[int(u) for u in ov.summary["unit_id"]],
        unit_options=unit_options,
        theme_options=theme_options,
        month_options=month_options,
        on_forged=lambda source, payload: audit_event(
            Action.ACCESS_DENIED, forged_selection=source, payload=repr(payload)[:200]
        ),
    )
    c1, c2, c3 = st.columns(3)
    unit_choice = c1.selectbox(
        t("complaints.drill.unit"),
        unit_options,
        format_func=lambda u: t("complaints.drill.all") if u == ALL else names.get(int(u), str(u)),
        key="complaints_drill_unit",
    )
    theme_choice = c2.selectbox(
        t("complaints.drill.theme"),
        theme_options,
        format_func=lambda k: t("complaints.drill.all") if k == ALL else theme_label(k or None, lang),
        key="complaints_drill_theme",
    )
    month_choice = c3.selectbox(
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
