"""Cached data for the priorities and summary pages, and the priority bar chart.

Evidence, scores and the risk model are computed for the whole city and cached
once for every viewer; pages cut the result to the viewer's scope with
:func:`lib.analysis.priority_city.in_scope`, so every viewer sees the same
score for the same unit.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.analysis.priority_city import city_evidence
from lib.analysis.priority_model import ModelResult, fit_deterioration_model
from lib.analysis.priority_score import city_references, score_units
from lib.db import get_engine
from lib.queries.staff_needs import staff_needing_training
from lib.queries.unit_panel import unit_quarter_panel
from lib.queries.units import CITY, Scope


@st.cache_data(ttl=600, show_spinner=False)
def evidence(url: str, date_from: date, date_to: date) -> pd.DataFrame:
    """Every unit of the city (never a viewer's scope: the score's references are city-wide)."""
    return city_evidence(get_engine(url), date_from, date_to)


@st.cache_data(ttl=600, show_spinner=False)
def scored(url: str, date_from: date, date_to: date, weights: tuple[tuple[str, float], ...]) -> pd.DataFrame:
    """The whole city scored with ``weights`` (a tuple so the cache can hash it)."""
    return score_units(evidence(url, date_from, date_to), dict(weights))


@st.cache_data(ttl=600, show_spinner=False)
def references(url: str, date_from: date, date_to: date) -> dict[str, float]:
    return city_references(evidence(url, date_from, date_to))


@st.cache_data(ttl=600, show_spinner=False)
def model(url: str, date_to: date) -> ModelResult:
    """The risk model on the whole city's panel, like the score."""
    panel = unit_quarter_panel(get_engine(url), CITY, None, date_to)
    return fit_deterioration_model(panel)


@st.cache_data(ttl=600, show_spinner=False)
def staff(url: str, scope: Scope, year: int, as_of: date) -> pd.DataFrame:
    return staff_needing_training(get_engine(url), scope, year, as_of)


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


@st.cache_data(ttl=600, show_spinner=False)
def summary(url: str, scope: Scope, date_from: date, date_to: date, lang: str):  # type: ignore[no-untyped-def]
    from lib.analysis.summary import leadership_summary
    from lib.ui.complaints import overview

    complaints = overview(url, scope, date_from, date_to, "month")
    return leadership_summary(get_engine(url), scope, date_from, date_to, lang, complaints=complaints)


@st.cache_data(ttl=600, show_spinner=False)
def training_history(url: str, scope: Scope, date_from: date, date_to: date) -> pd.DataFrame:
    from lib.analysis.unit_training import unit_training_history

    return unit_training_history(get_engine(url), scope, date_from, date_to)
