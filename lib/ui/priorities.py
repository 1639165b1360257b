"""Cached data for the priorities and summary pages, and the priority bar chart."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lib.db import get_engine
from lib.queries.staff_needs import staff_needing_training
from lib.queries.unit_evidence import unit_evidence
from lib.queries.unit_panel import unit_quarter_panel
from lib.queries.units import Scope

if TYPE_CHECKING:
    from lib.analysis.priority_model import ModelResult


@st.cache_data(ttl=600, show_spinner=False)
def evidence(url: str, scope: Scope, date_from: date, date_to: date) -> pd.DataFrame:
    return unit_evidence(get_engine(url), scope, date_from, date_to)


@st.cache_data(ttl=600, show_spinner=False)
def model(url: str, scope: Scope, date_to: date) -> ModelResult:
    from lib.analysis.priority_model import fit_deterioration_model  # scikit-learn: only when fitted

    panel = unit_quarter_panel(get_engine(url), scope, None, date_to)
    return fit_deterioration_model(panel)


@st.cache_data(ttl=600, show_spinner=False)
def staff(url: str, scope: Scope, year: int, as_of: date) -> pd.DataFrame:
    return staff_needing_training(get_engine(url), scope, year, as_of)


def priority_bar_chart(scored: pd.DataFrame, title: str, score_label: str, top: int = 15) -> go.Figure:
    """Horizontal bars of the top units, flagged ones in the alert colour, the threshold line drawn."""
    from lib.analysis.priority_score import FLAG_THRESHOLD

    head = scored[scored["score"].notna()].head(top).iloc[::-1]
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
