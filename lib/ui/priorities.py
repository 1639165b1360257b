"""Cached data for the priorities and summary pages, and the priority bar chart.

Evidence, scores and the risk model are computed for the whole city and cached
once for every viewer; pages cut the result to the viewer's scope with
:func:`lib.analysis.priority_city.in_scope`, so every viewer sees the same
score for the same unit.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.db import get_engine
from lib.queries.staff_needs import staff_needing_training
from lib.queries.units import CITY, Scope

if TYPE_CHECKING:
    from lib.analysis.priority_model import ModelResult


def _stored_evidence(date_from: date, date_to: date, *, caption: bool):  # type: ignore[no-untyped-def]
    from lib.results.dashboard import window_params
    from lib.ui.results import stored

    return stored("priorities.evidence", window_params(date_from, date_to), "evidence", caption=caption)


def evidence(url: str, date_from: date, date_to: date, *, caption: bool = True) -> pd.DataFrame:
    """Every unit of the city (never a viewer's scope: the score's references are city-wide),
    read from the result store (``priorities.evidence``)."""
    del url
    return _stored_evidence(date_from, date_to, caption=caption).value


def scored(url: str, date_from: date, date_to: date, weights: tuple[tuple[str, float], ...]) -> pd.DataFrame:
    """The whole city scored with ``weights``, cached until the stored evidence is replaced
    (its time is part of the cache key), so a rerun does not score again."""
    computed = _stored_evidence(date_from, date_to, caption=True)
    return _scored(url, date_from, date_to, weights, computed.computed_at.isoformat())


@st.cache_data(ttl=3600, show_spinner=False, max_entries=64)
def _scored(
    url: str,
    date_from: date,
    date_to: date,
    weights: tuple[tuple[str, float], ...],
    evidence_computed_at: str,
) -> pd.DataFrame:
    from lib.analysis.priority_score import score_units

    del evidence_computed_at  # part of the cache key only
    return score_units(evidence(url, date_from, date_to, caption=False), dict(weights))


def references(url: str, date_from: date, date_to: date) -> dict[str, float]:
    from lib.analysis.priority_score import city_references

    return city_references(evidence(url, date_from, date_to, caption=False))


def model(url: str, date_to: date) -> ModelResult:
    """The risk model on the whole city's panel, like the score (``priorities.model``, stored)."""
    from lib.results.dashboard import scope_params
    from lib.ui.results import stored

    del url
    params = {"end": date_to.isoformat(), **scope_params(CITY)}
    return stored("priorities.model", params, "model", caption=False).value  # the evidence's line says when


@st.cache_data(ttl=600, show_spinner=False)
def _staff(url: str, scope: Scope, year: int, as_of: date) -> pd.DataFrame:
    return staff_needing_training(get_engine(url), scope, year, as_of)


def staff(url: str, scope: Scope, year: int, as_of: date) -> pd.DataFrame:
    """Staff of the unit below 20 JP or rated low (a query per unit, cached; seconds at city scale)."""
    from lib.ui.i18n import t

    with st.spinner(t("priority.loading.staff")):
        return _staff(url, scope, year, as_of)


def priority_bar_chart(scored: pd.DataFrame, title: str, score_label: str, top: int = 15) -> go.Figure:
    """Horizontal bars of the top units, flagged ones in the alert colour, the threshold line drawn."""
    from lib.analysis.priority_score import FLAG_THRESHOLD

    head = scored[scored["score"].notna()].sort_values("score", ascending=False).head(top).iloc[::-1]
    colours = ["#B91C1C" if f else "#94A3B8" for f in head["flagged"]]
    figure = go.Figure(
        go.Bar(
            x=head["score"],
            y=head["nama_unit"],
            orientation="h",
            marker_color=colours,
            text=[f"{v:.0f}" for v in head["score"]],
            textposition="outside",
            hovertemplate="%{y}: %{x:.1f}<extra></extra>",
        )
    )
    figure.add_vline(x=FLAG_THRESHOLD, line_dash="dot", line_color="#B91C1C")
    figure.update_layout(
        title=title,
        xaxis={"title": score_label, "range": [0, 105]},
        yaxis={"title": None, "automargin": True},
        height=max(280, 28 * len(head) + 90),
        margin={"l": 10, "r": 20, "t": 50, "b": 40},
        showlegend=False,
    )
    return figure


def summary(url: str, scope: Scope, date_from: date, date_to: date, lang: str):  # type: ignore[no-untyped-def]
    """The home page's figures and findings in ``lang``, stored per scope and window (``summary.leadership``)."""
    from lib.results.dashboard import window_params
    from lib.ui.results import stored

    del url
    result = stored("summary.leadership", window_params(date_from, date_to, scope), "summary")
    return result.value.for_language(lang)


@st.cache_data(ttl=600, show_spinner=False)
def _training_history(url: str, scope: Scope, date_from: date, date_to: date) -> pd.DataFrame:
    from lib.analysis.unit_training import unit_training_history

    return unit_training_history(get_engine(url), scope, date_from, date_to)


def training_history(url: str, scope: Scope, date_from: date, date_to: date) -> pd.DataFrame:
    """The unit's programmes and their city-wide learning effect (computed for the unit picked, cached)."""
    from lib.ui.i18n import t

    with st.spinner(t("priority.loading.history")):
        return _training_history(url, scope, date_from, date_to)


@st.cache_data(ttl=600, show_spinner=False)
def theme_map(url: str) -> dict[str, str]:
    """The city's complaint theme → training theme mapping (edited on Pengaduan; an edit clears caches)."""
    from lib.queries.complaint_themes import training_theme_map

    return training_theme_map(get_engine(url))


def staff_table(staff: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The priority staff as a reader sees them: labelled columns, Indonesian numbers and dates,
    "–" where nothing is known (never the query's column names, ISO dates or "None")."""
    from lib.i18n import fmt_date, fmt_number, translate

    def col(key: str) -> str:
        return translate(f"priority.staff.{key}", lang)

    def text(value: object) -> str:
        return "–" if value is None or value != value or value == "" else str(value)

    def when(value: object) -> str:
        if value is None or value != value:
            return "–"
        return fmt_date(pd.Timestamp(value).date(), lang, "medium")

    return pd.DataFrame(
        {
            col("nip"): staff["nip"].map(text),
            col("name"): staff["employee_name"].map(text),
            col("position_type"): staff["position_type"].map(text),
            col("jp"): [fmt_number(v, lang, 0) for v in staff["jp"]],
            col("jp_short"): [fmt_number(v, lang, 0) for v in staff["jp_short"]],
            col("last_training"): staff["last_training"].map(when),
            col("skp_period"): staff["skp_period"].map(text),
            col("skp_score"): [fmt_number(v, lang, 1) for v in staff["skp_score"]],
            col("skp_rating"): staff["skp_rating"].map(text),
            col("low_skp"): [translate("priority.staff.yes", lang) if v else "" for v in staff["low_skp"]],
        }
    )
