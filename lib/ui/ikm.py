"""Cached IKM queries and the IKM charts for the Kepuasan Masyarakat page (and the home page).

Wrappers take the database URL first (``lib.ui.data.db_url()``) and the scope as
plain values, so cached results never mix databases or scopes. They cache small
aggregated frames only. Charts are plain plotly figures built from lib results;
grade colours and bands are the same everywhere (:data:`GRADE_COLORS`).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.analysis.ikm import IkmChange, ikm_change, scope_ikm, unit_ikm, unit_ikm_by_period
from lib.analysis.ikm_formula import GRADE_BOUNDS_4, GRADE_BOUNDS_100
from lib.analysis.ikm_groups import group_breakdowns
from lib.analysis.ikm_periods import previous_range
from lib.db import get_engine
from lib.i18n import fmt_number, translate
from lib.models import UNSUR
from lib.queries.survey import count_suggestions, monthly_sums, search_suggestions, survey_date_bounds
from lib.queries.units import Scope, list_units

#: Grade colours: green A, yellow B, orange C, red D (cells, bars and bands alike).
GRADE_COLORS = {"A": "#4caf50", "B": "#fdd835", "C": "#fb8c00", "D": "#e53935"}
TTL = 600


def _scope(path: str | None, region: str | None) -> Scope:
    return Scope(path_prefix=path, region=region)


@st.cache_data(ttl=TTL, show_spinner=False)
def survey_bounds(url: str, path: str | None, region: str | None) -> tuple[date | None, date | None]:
    return survey_date_bounds(get_engine(url), _scope(path, region))


@st.cache_data(ttl=TTL, show_spinner=False)
def scope_name(url: str, path: str | None, region: str | None, city: str) -> str:
    """What to call the scope in headings: the unit at the top of the subtree, the wilayah, or the city."""
    if path:
        units = list_units(get_engine(url), Scope(path_prefix=path))
        top = units[units["path"] == path]
        return str(top["name"].iloc[0]) if not top.empty else path.strip("/").split("/")[-1]
    return region or city


@st.cache_data(ttl=TTL, show_spinner=False)
def monthly(url: str, path: str | None, region: str | None, date_from: date, date_to: date) -> pd.DataFrame:
    """Sums per unit and month of a scope and range: the one query the IKM figures of a render share."""
    return monthly_sums(get_engine(url), _scope(path, region), date_from, date_to)


@st.cache_data(ttl=TTL, show_spinner=False)
def units_ikm(
    url: str, path: str | None, region: str | None, date_from: date, date_to: date, weight: str, rollup: bool
) -> pd.DataFrame:
    sums = monthly(url, path, region, date_from, date_to)
    return unit_ikm(
        get_engine(url), _scope(path, region), date_from, date_to, weight, rollup=rollup, monthly=sums
    )


@st.cache_data(ttl=TTL, show_spinner=False)
def scope_change(
    url: str, path: str | None, region: str | None, date_from: date, date_to: date, weight: str
) -> IkmChange:
    prev_from, prev_to = previous_range(date_from, date_to)
    return ikm_change(
        get_engine(url),
        _scope(path, region),
        date_from,
        date_to,
        weight,
        monthly=monthly(url, path, region, date_from, date_to),
        previous_monthly=monthly(url, path, region, prev_from, prev_to),
    )


@st.cache_data(ttl=TTL, show_spinner=False)
def scope_trend(
    url: str, path: str | None, region: str | None, date_from: date, date_to: date, weight: str, period: str
) -> pd.DataFrame:
    sums = monthly(url, path, region, date_from, date_to)
    return scope_ikm(
        get_engine(url), _scope(path, region), date_from, date_to, weight, period=period, monthly=sums
    )


@st.cache_data(ttl=TTL, show_spinner=False)
def unit_trend(
    url: str,
    unit_path: str,
    unit_id: int,
    date_from: date,
    date_to: date,
    weight: str,
    period: str,
    rollup: bool,
) -> pd.DataFrame:
    frame = unit_ikm_by_period(
        get_engine(url), Scope(path_prefix=unit_path), date_from, date_to, period, weight, rollup=rollup
    )
    return frame[frame["unit_id"] == unit_id].reset_index(drop=True)


def profile(
    url: str,
    path: str | None,
    region: str | None,
    date_from: date,
    date_to: date,
    weight: str,
    unit_id: int | None,
) -> dict[str, pd.DataFrame]:
    """IKM by respondent group. One unit's is a quick query (cached); a whole scope's reads every
    response of the period (most of a minute for a city), so it is stored (``ikm.profile``) and
    computed with a progress bar the first time anyone asks for it."""
    if unit_id is not None:
        return _unit_profile(url, path, region, date_from, date_to, weight, unit_id)
    from lib.results.dashboard import window_params
    from lib.ui.results import stored

    params = {**window_params(date_from, date_to, _scope(path, region)), "weight": weight}
    return stored("ikm.profile", params, "profile").value


@st.cache_data(ttl=TTL, show_spinner=False)
def _unit_profile(
    url: str, path: str | None, region: str | None, date_from: date, date_to: date, weight: str, unit_id: int
) -> dict[str, pd.DataFrame]:
    return group_breakdowns(
        get_engine(url), _scope(path, region), date_from, date_to, weight, unit_ids=[unit_id]
    )


@st.cache_data(ttl=TTL, show_spinner=False)
def saran(
    url: str, unit_path: str, unit_id: int, date_from: date, date_to: date, text: str, limit: int = 200
) -> tuple[pd.DataFrame, int]:
    engine = get_engine(url)
    scope = Scope(path_prefix=unit_path)
    found = search_suggestions(engine, scope, date_from, date_to, text, unit_ids=[unit_id], limit=limit)
    return found, count_suggestions(engine, scope, date_from, date_to, text, unit_ids=[unit_id])


def format_numbers(values, lang: str, decimals: int = 2) -> list[str]:  # type: ignore[no-untyped-def]
    """Many numbers as ``fmt_number`` writes them (``1.234,56`` / ``1,234.56``), without a Babel call each.

    For long tables on every rerun; equal to :func:`lib.i18n.fmt_number` for
    both languages (checked in the tests).
    """
    out = []
    for value in values:
        if value is None or value is pd.NA or (isinstance(value, float) and not np.isfinite(value)):
            out.append("–")
            continue
        exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
        text = f"{exact:,.{decimals}f}"
        out.append(text.translate(_ID_SEPARATORS) if lang == "id" else text)
    return out


_ID_SEPARATORS = str.maketrans({",": ".", ".": ","})


def signed(value: float | None, lang: str, decimals: int = 2) -> str | None:
    """A change as st.metric's delta wants it: ``+1,23`` / ``-0,50``; None when unknown."""
    if value is None or pd.isna(value):
        return None
    return ("+" if value > 0 else "") + fmt_number(value, lang, decimals)


def change_sentence(change: IkmChange, place: str, lang: str) -> str:
    """The plain-language headline: IKM, grade, n, and the change against the previous period."""
    if change.delta is None:
        trend = translate("ikm.sentence.no_previous", lang)
    elif change.delta > 0:
        trend = translate("ikm.sentence.up", lang, delta=fmt_number(change.delta, lang))
    elif change.delta < 0:
        trend = translate("ikm.sentence.down", lang, delta=fmt_number(-change.delta, lang))
    else:
        trend = translate("ikm.sentence.same", lang)
    return translate(
        "ikm.sentence",
        lang,
        scope=place,
        ikm=fmt_number(change.ikm_2dp, lang),
        grade=translate(f"ikm.grade.{change.mutu}", lang),
        n=fmt_number(change.responden, lang, 0),
        change=trend,
    )


def sample_texts(frame: pd.DataFrame, lang: str) -> list[str]:
    """``n = 123 < 278 dibutuhkan`` (or ``n = 400 (minimal 278)``, or ``n = 12`` when unknown) per row."""
    counts = format_numbers(frame["responden"], lang, 0)
    needed = format_numbers(frame["sampel_minimum"], lang, 0)
    texts = []
    for n, need, minimum, ok in zip(
        counts, needed, frame["sampel_minimum"], frame["sampel_cukup"], strict=True
    ):
        if pd.isna(minimum):
            texts.append(translate("ikm.sample.unknown", lang, n=n))
        else:
            texts.append(translate("ikm.sample.ok" if ok else "ikm.sample.short", lang, n=n, needed=need))
    return texts


def ranking_table(ranked: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The units table of the page, best first: code, name, IKM, grade, change, sample (display strings)."""
    return pd.DataFrame(
        {
            translate("ikm.col.code", lang): ranked["kode_unit"].to_numpy(),
            translate("ikm.col.unit", lang): ranked["nama_unit"].to_numpy(),
            translate("ikm.col.ikm", lang): format_numbers(ranked["ikm_2dp"], lang),
            translate("ikm.col.grade", lang): ranked["mutu"].to_numpy(),
            translate("ikm.col.change", lang): format_numbers(ranked["perubahan"], lang),
            translate("ikm.col.sample", lang): sample_texts(ranked, lang),
        }
    )


# ---------------------------------------------------------------- charts


def _nrr_colorscale() -> list[list[object]]:
    """A stepped scale on 1–4 whose steps are exactly the unsur grade bands."""
    low, high = 1.0, 4.0
    cuts = [low, GRADE_BOUNDS_4[2][1], GRADE_BOUNDS_4[1][1], GRADE_BOUNDS_4[0][1], high]
    colours = [GRADE_COLORS["D"], GRADE_COLORS["C"], GRADE_COLORS["B"], GRADE_COLORS["A"]]
    scale: list[list[object]] = []
    for i, colour in enumerate(colours):
        scale.append([(cuts[i] - low) / (high - low), colour])
        scale.append([(cuts[i + 1] - low) / (high - low), colour])
    return scale


def sample_short(row: pd.Series) -> bool:
    """True when the row's respondents are below its Krejcie–Morgan minimum (unknown: False)."""
    value = row.get("sampel_cukup")
    return value is not None and not pd.isna(value) and not bool(value)


def unit_label(row: pd.Series) -> str:
    return f"{row['nama_unit']} ({row['kode_unit']})"


def ranking_chart(frame: pd.DataFrame, lang: str, limit: int = 20) -> go.Figure:
    """Horizontal bars of unit IKM, best on top, coloured by grade; ⚠ marks a short sample.

    With more than ``2 × limit`` units only the ``limit`` weakest and strongest
    are drawn (the page's table lists every unit).
    """
    ranked = frame.sort_values("ikm", ascending=False)
    if len(ranked) > 2 * limit:
        ranked = pd.concat([ranked.head(limit), ranked.tail(limit)])
    labels = [unit_label(r) + (" ⚠" if sample_short(r) else "") for _, r in ranked.iterrows()]
    fig = go.Figure(
        go.Bar(
            x=ranked["ikm_2dp"],
            y=labels,
            orientation="h",
            marker_color=[GRADE_COLORS.get(m, "#9e9e9e") for m in ranked["mutu"]],
            text=[
                f"{fmt_number(v, lang, 2)} {m}"
                for v, m in zip(ranked["ikm_2dp"], ranked["mutu"], strict=True)
            ],
            textposition="outside",
            customdata=np.stack([ranked["responden"], ranked["mutu"]], axis=1),
            hovertemplate="%{y}<br>IKM %{x:.2f} (%{customdata[1]})<br>n = %{customdata[0]}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", title=None, automargin=True)
    fig.update_xaxes(range=[25, 105], title=translate("ikm.axis.ikm", lang))
    grade_lines = [
        {"type": "line", "xref": "x", "x0": b, "x1": b, "yref": "paper", "y0": 0, "y1": 1}
        | {"line": {"dash": "dot", "color": "#9e9e9e", "width": 1}}
        for _letter, b in GRADE_BOUNDS_100
    ]
    fig.update_layout(
        height=max(260, 24 * len(ranked) + 80),
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        shapes=grade_lines,
    )
    return fig


def heatmap_chart(frame: pd.DataFrame, lang: str, limit: int = 40) -> go.Figure:
    """Units (weakest IKM on top) × the nine unsur, cells = NRR coloured by the grade bands."""
    ranked = frame.sort_values("ikm", ascending=True).head(limit)
    z = ranked[[f"nrr_{u}" for u in UNSUR]].to_numpy(dtype=float)
    text = [[fmt_number(v, lang, 2) if np.isfinite(v) else "–" for v in row] for row in z]
    columns = [translate(f"ikm.unsur_short.{u}", lang) for u in UNSUR]
    ticks = [1.0, GRADE_BOUNDS_4[2][1], GRADE_BOUNDS_4[1][1], GRADE_BOUNDS_4[0][1], 4.0]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=columns,
            y=[unit_label(r) for _, r in ranked.iterrows()],
            zmin=1,
            zmax=4,
            colorscale=_nrr_colorscale(),
            text=text,
            texttemplate="%{text}",
            hovertemplate="%{y}<br>%{x}: NRR %{z:.4f}<extra></extra>",
            colorbar={
                "title": {"text": "NRR"},
                "tickvals": ticks,
                "ticktext": [fmt_number(v, lang, 2 if round(v, 2) == v else 4) for v in ticks],
            },
            xgap=1,
            ygap=1,
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(side="top", title=None)
    fig.update_layout(height=max(240, 26 * len(ranked) + 90), margin={"l": 10, "r": 10, "t": 40, "b": 10})
    return fig


def trend_chart(series: list[tuple[str, pd.DataFrame]], lang: str) -> go.Figure:
    """IKM per period for one or more series, over the A/B/C/D bands shaded behind."""
    fig = go.Figure()
    lows = [25.0]
    bands = [("D", 25.0, GRADE_BOUNDS_100[2][1]), ("C", GRADE_BOUNDS_100[2][1], GRADE_BOUNDS_100[1][1])]
    bands += [("B", GRADE_BOUNDS_100[1][1], GRADE_BOUNDS_100[0][1]), ("A", GRADE_BOUNDS_100[0][1], 100.0)]
    fig.update_layout(
        shapes=[
            {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": lo, "y1": hi}
            | {"fillcolor": GRADE_COLORS[letter], "opacity": 0.14, "line": {"width": 0}, "layer": "below"}
            for letter, lo, hi in bands
        ],
        annotations=[
            {"x": 1.0, "xref": "paper", "xanchor": "left", "y": (lo + hi) / 2, "yref": "y", "text": letter}
            | {"showarrow": False, "font": {"size": 11}}
            for letter, lo, hi in bands
        ],
    )
    palette = ["#37474f", "#1565c0", "#6a1b9a", "#00838f"]
    for number, (name, frame) in enumerate(series):
        if frame.empty:
            continue
        lows.append(float(frame["ikm_2dp"].min()))
        fig.add_trace(
            go.Scatter(
                x=frame["period_label"],
                y=frame["ikm_2dp"],
                mode="lines+markers",
                name=name,
                line={"color": palette[number % len(palette)], "dash": "dash" if number == 0 else "solid"},
                customdata=np.stack([frame["responden"], frame["mutu"].fillna("–")], axis=1),
                hovertemplate=f"{name}<br>%{{x}}: IKM %{{y:.2f}} (%{{customdata[1]}})<br>n = %{{customdata[0]}}"
                "<extra></extra>",
            )
        )
    floor = max(25.0, min(lows[1:] or [60.0]) - 6)
    fig.update_yaxes(range=[min(floor, 60.0), 100], title=translate("ikm.axis.ikm", lang))
    fig.update_xaxes(title=translate("ikm.axis.period", lang), type="category")
    fig.update_layout(
        height=340, margin={"l": 10, "r": 30, "t": 10, "b": 40}, legend={"orientation": "h", "y": -0.25}
    )
    return fig


def group_label(dimension: str, value: object, lang: str) -> str:
    if value is None:
        return translate("ikm.profile.blank", lang)
    if dimension == "gender" and value in ("L", "P"):
        return translate(f"ikm.profile.{value}", lang)
    return str(value)


def profile_chart(frame: pd.DataFrame, dimension: str, lang: str, limit: int = 12) -> go.Figure:
    """Respondents per group (bars) with each group's IKM in the label."""
    shown = frame.head(limit)
    labels = [group_label(dimension, g, lang) for g in shown["group"]]
    fig = go.Figure(
        go.Bar(
            x=shown["responden"],
            y=labels,
            orientation="h",
            marker_color=[GRADE_COLORS.get(m, "#9e9e9e") for m in shown["mutu"]],
            text=[
                f"{fmt_number(n, lang, 0)} · IKM {fmt_number(v, lang, 2)}"
                for n, v in zip(shown["responden"], shown["ikm_2dp"], strict=True)
            ],
            textposition="auto",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", title=None, automargin=True)
    fig.update_xaxes(title=translate("ikm.axis.respondents", lang))
    fig.update_layout(height=max(200, 30 * len(shown) + 70), margin={"l": 10, "r": 10, "t": 10, "b": 40})
    return fig
