"""Cached training-impact results and the charts of the Dampak Pelatihan page.

The cached wrappers take the database URL first and the scope, period and
programme filters as plain hashable values, and return the evaluated results
(a few hundred numbers per programme plus, for the chosen programme, its
participants' anonymous pre/post scores), never whole tables. Charts are plain
plotly figures built from lib results; every axis is titled in the user's language.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.analysis.training_learning import YARDSTICK_D
from lib.analysis.training_reaction import REACTION_ITEMS
from lib.analysis.training_results import EventStudy
from lib.analysis.training_summary import (
    Level4Need,
    OutcomeSpec,
    ProgramImpact,
)
from lib.i18n import fmt_number, translate
from lib.queries.training import TrainingSelection
from lib.queries.units import Scope

TTL = 600
#: Largest number of participants drawn in the pre/post dumbbell chart.
DUMBBELL_MAX = 60
VERDICT_COLORS = {"gain": "#2e7d32", "unclear": "#9e9e9e", "loss": "#c62828", "insufficient": "#bdbdbd"}
PRE_COLOR, POST_COLOR = "#90a4ae", "#1565c0"


def _stored(
    scope: Scope,
    date_from: date,
    date_to: date,
    selection: TrainingSelection,
    threshold: float | None = None,
    *,
    caption: bool = False,
):  # type: ignore[no-untyped-def]
    """Every course of the scope and period evaluated at four levels (``training.impact``, stored).

    The worker keeps the preset periods at city scope fresh with all programmes and the
    usual threshold; any other choice is computed once with a progress bar and stored.
    """
    from lib.results.dashboard import impact_params
    from lib.ui.results import stored

    params = impact_params(date_from, date_to, scope, selection, threshold)
    return stored("training.impact", params, "impact", caption=caption).value


def filter_options(url: str, scope: Scope, date_from: date, date_to: date) -> dict[str, list[str]]:
    """Competency types, methods and providers of the programmes in scope and period (for the filters)."""
    del url
    return _stored(scope, date_from, date_to, TrainingSelection(), caption=True).options


def groups(
    url: str, scope: Scope, date_from: date, date_to: date, selection: TrainingSelection
) -> pd.DataFrame:
    """Courses (all runs of one programme) with participants in scope and period."""
    del url
    return _stored(scope, date_from, date_to, selection).courses


def program_impact(
    url: str,
    scope: Scope,
    date_from: date,
    date_to: date,
    selection: TrainingSelection,
    key: str | None,
    threshold: float,
    all_label: str,
) -> ProgramImpact | None:
    """The four levels for one course (``key``) or, with ``key=None``, all selected programmes pooled.

    A course's learning verdict is adjusted for the number of courses compared,
    as in the comparison table, so the card and the table always agree.
    """
    del url
    results = _stored(scope, date_from, date_to, selection, threshold)
    if results.empty:
        return None
    if key is None:
        return replace(results.pooled, name=all_label)
    return results.by_course.get(key)


def comparison(
    url: str, scope: Scope, date_from: date, date_to: date, selection: TrainingSelection, threshold: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every course at every level (the download table) and the level-2 comparison (the forest plot)."""
    del url
    results = _stored(scope, date_from, date_to, selection, threshold)
    if results.empty:
        return pd.DataFrame(), pd.DataFrame()
    return results.table, results.learning


def pooled(
    url: str,
    scope: Scope,
    date_from: date,
    date_to: date,
    selection: TrainingSelection,
    threshold: float,
    competency_type: str | None = None,
) -> pd.DataFrame:
    """Level 4 of all programmes of each competency type taken together (one type, or all), stored."""
    del url
    frame = _stored(scope, date_from, date_to, selection, threshold).pooled_types
    if competency_type is None or frame.empty:
        return frame
    return frame[frame["competency_type"] == competency_type].reset_index(drop=True)


def need(
    url: str,
    scope: Scope,
    date_from: date,
    date_to: date,
    selection: TrainingSelection,
    key: str,
    threshold: float,
) -> Level4Need | None:
    """What the course ``key`` lacks for level 4 (trained units, staff still to train), stored."""
    del url
    return _stored(scope, date_from, date_to, selection, threshold).needs.get(key)


def pooled_for_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The pooled table with each effect in its outcome's own terms (points, ×ratio) and its interval."""
    from lib.analysis.training_summary import OUTCOME_BY_COLUMN, format_effect

    rows = []
    for row in frame.itertuples(index=False):
        spec = OUTCOME_BY_COLUMN[row.outcome]
        rows.append(
            {
                translate("impact.pooled.col.type", lang): translate(
                    f"impact.competency.{row.competency_type}", lang
                ),
                translate("impact.pooled.col.programs", lang): row.programs,
                translate("impact.pooled.col.units", lang): row.n_treated_units,
                translate("impact.pooled.col.outcome", lang): translate(
                    f"impact.outcome.{row.outcome}", lang
                ),
                translate("impact.pooled.col.effect", lang): format_effect(row.estimate, spec, lang)
                if row.estimable
                else "–",
                translate("impact.pooled.col.ci", lang): (
                    f"{format_effect(row.ci_low, spec, lang)} … {format_effect(row.ci_high, spec, lang)}"
                    if row.estimable
                    else translate("impact.not_estimable", lang)
                ),
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- charts


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(
        height=height, margin={"l": 10, "r": 10, "t": 30, "b": 40}, legend={"orientation": "h", "y": -0.2}
    )
    return fig


def dumbbell_chart(
    participants: pd.DataFrame, lang: str, limit: int = DUMBBELL_MAX, seed: int = 0
) -> go.Figure:
    """Each participant's pre-test → post-test as a line between two dots (anonymous numbers, no names).

    Above ``limit`` participants a fixed random sample is drawn, so the chart
    stays readable and the same on every rerun.
    """
    paired = participants.dropna(subset=["pre_score", "post_score"])
    if len(paired) > limit:
        paired = paired.sample(n=limit, random_state=seed)
    paired = paired.sort_values(["pre_score", "post_score"]).reset_index(drop=True)
    labels = [f"#{i + 1}" for i in range(len(paired))]
    xs: list[float | None] = []
    ys: list[str | None] = []
    for label, pre, post in zip(labels, paired["pre_score"], paired["post_score"], strict=True):
        xs += [pre, post, None]
        ys += [label, label, None]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": "#cfd8dc", "width": 2},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=paired["pre_score"],
            y=labels,
            mode="markers",
            name=translate("impact.chart.pre", lang),
            marker={"color": PRE_COLOR, "size": 8},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=paired["post_score"],
            y=labels,
            mode="markers",
            name=translate("impact.chart.post", lang),
            marker={"color": POST_COLOR, "size": 8},
        )
    )
    fig.update_xaxes(title=translate("impact.chart.score", lang), range=[0, 102])
    fig.update_yaxes(
        title=translate("impact.chart.participant", lang), showticklabels=len(paired) <= 30, automargin=True
    )
    return _layout(fig, max(300, 12 * len(paired) + 120))


def score_bins(values: pd.Series, width: float = 5.0) -> pd.DataFrame:
    """Counts of scores in bins of ``width`` points over 0–100 (100 falls in the last bin).

    Binned here, not in the browser: a city's pooled programmes have 100,000+
    scores, and the chart needs 20 bars, not every score.
    """
    edges = np.arange(0.0, 100.0 + width, width)
    counts, _ = np.histogram(np.clip(values.dropna().astype(float), 0, 100), bins=edges)
    return pd.DataFrame({"start": edges[:-1], "count": counts})


def score_distribution_chart(participants: pd.DataFrame, lang: str) -> go.Figure:
    """Pre-test and post-test score distributions (every score present, paired or not), bins of 5 points."""
    fig = go.Figure()
    for column, key, color in (
        ("pre_score", "impact.chart.pre", PRE_COLOR),
        ("post_score", "impact.chart.post", POST_COLOR),
    ):
        values = participants[column].dropna()
        bins = score_bins(values)
        fig.add_trace(
            go.Bar(
                x=bins["start"] + 2.5,
                y=bins["count"],
                width=5,
                name=f"{translate(key, lang)} (n = {fmt_number(len(values), lang, 0)})",
                marker_color=color,
                opacity=0.6,
                customdata=[f"{a:.0f}–{a + 5:.0f}" for a in bins["start"]],
                hovertemplate="%{customdata}: %{y}<extra></extra>",
            )
        )
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(title=translate("impact.chart.score", lang), range=[0, 100])
    fig.update_yaxes(title=translate("impact.chart.count", lang))
    return _layout(fig, 320)


def reaction_chart(distribution: pd.DataFrame, lang: str) -> go.Figure:
    """Share of each rating 1–5 per item, stacked, as a diverging Likert bar."""
    palette = {1: "#c62828", 2: "#ef9a9a", 3: "#e0e0e0", 4: "#90caf9", 5: "#1565c0"}
    names = {
        item: translate(f"impact.measure.{m}", lang)
        for item, m in zip(REACTION_ITEMS, ("materi", "pengajar", "manfaat"), strict=True)
    }
    fig = go.Figure()
    for rating in range(1, 6):
        rows = distribution[distribution["rating"] == rating]
        fig.add_trace(
            go.Bar(
                y=[names[i] for i in rows["item"]],
                x=rows["share"] * 100,
                orientation="h",
                name=str(rating),
                marker_color=palette[rating],
                customdata=rows["count"],
                hovertemplate="%{y}: " + str(rating) + " → %{x:.1f}% (n = %{customdata})<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", legend_title_text=translate("impact.chart.rating", lang))
    fig.update_xaxes(title=translate("impact.chart.share", lang) + " (%)", range=[0, 100])
    fig.update_yaxes(automargin=True)
    return _layout(fig, 260)


def _to_display(values: pd.Series | np.ndarray, spec: OutcomeSpec) -> np.ndarray:
    """Log outcomes are drawn as percentage differences (100·(e^x − 1)); others as they are."""
    array = np.asarray(values, dtype=float)
    return 100.0 * (np.exp(array) - 1.0) if spec.log else array


def event_study_chart(study: EventStudy, spec: OutcomeSpec, lang: str) -> go.Figure:
    """θ(e) with 95% CI bars by quarter relative to training; pre-training quarters shaded; a 0 line."""
    event = study.event
    fig = go.Figure()
    if event.empty:
        return _layout(fig, 340)
    est = _to_display(event["att"], spec)
    low = _to_display(event["ci_low"], spec)
    high = _to_display(event["ci_high"], spec)
    first_e = int(event["e"].min())
    if first_e < 0:
        fig.add_vrect(x0=first_e - 0.5, x1=-0.5, fillcolor="#eceff1", line_width=0, layer="below")
        fig.add_annotation(
            x=(first_e - 0.5) / 2 - 0.25,
            y=1.0,
            yref="paper",
            text=translate("impact.chart.pre_period", lang),
            showarrow=False,
            font={"size": 11, "color": "#607d8b"},
        )
    colors = ["#78909c" if e < 0 else POST_COLOR for e in event["e"]]
    fig.add_trace(
        go.Scatter(
            x=event["e"],
            y=est,
            mode="markers",
            marker={"color": colors, "size": 9},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": high - est,
                "arrayminus": est - low,
                "color": "#90a4ae",
            },
            customdata=np.stack([low, high, event["n_treated"], event["n_cohorts"]], axis=1),
            hovertemplate="e = %{x}: %{y:.2f} [%{customdata[0]:.2f}, %{customdata[1]:.2f}]<br>n = %{customdata[2]}, %{customdata[3]} cohort(s)<extra></extra>",
            showlegend=False,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[-1],
            y=[0.0],
            mode="markers",
            marker={"symbol": "circle-open", "size": 9, "color": "#78909c"},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_hline(y=0, line_color="#424242", line_width=1)
    fig.update_xaxes(title=translate("impact.chart.event_time", lang), dtick=1)
    fig.update_yaxes(title=translate(f"impact.axis.{spec.column}", lang))
    return _layout(fig, 380)


def forest_chart(learning: pd.DataFrame, lang: str) -> go.Figure:
    """d_z per programme with its 95% CI, lines at 0 and at the d ≈ 0.6 yardstick; colour = verdict."""
    rows = learning[learning["d_z"].notna() & np.isfinite(learning["d_z"].astype(float))].sort_values("d_z")
    fig = go.Figure()
    if rows.empty:
        return _layout(fig, 300)
    labels = [
        f"{name} (n = {fmt_number(n, lang, 0)})"
        for name, n in zip(rows["name"], rows["n_paired"], strict=True)
    ]
    verdict_text = [translate(f"impact.verdict.{v}", lang) for v in rows["verdict"]]
    fig.add_trace(
        go.Scatter(
            x=rows["d_z"],
            y=labels,
            mode="markers",
            marker={"color": [VERDICT_COLORS.get(v, "#9e9e9e") for v in rows["verdict"]], "size": 9},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": rows["d_z_ci_high"] - rows["d_z"],
                "arrayminus": rows["d_z"] - rows["d_z_ci_low"],
                "color": "#90a4ae",
            },
            customdata=np.stack([rows["d_z_ci_low"], rows["d_z_ci_high"], verdict_text], axis=1),
            hovertemplate="%{y}<br>d_z = %{x:.2f} [%{customdata[0]:.2f}, %{customdata[1]:.2f}]<br>%{customdata[2]}<extra></extra>",
            showlegend=False,
        )
    )
    fig.add_vline(x=0, line_color="#424242", line_width=1)
    fig.add_vline(
        x=YARDSTICK_D,
        line_dash="dash",
        line_color="#ef6c00",
        annotation_text=translate("impact.chart.yardstick", lang),
        annotation_position="top",
    )
    fig.update_xaxes(title=translate("impact.chart.dz", lang))
    fig.update_yaxes(automargin=True)
    return _layout(fig, max(320, 26 * len(rows) + 100))


def table_for_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The per-programme table with translated level, measure and verdict names (numbers untouched)."""
    out = table.copy()
    out["level"] = [translate(f"impact.level.{v}", lang) for v in out["level"]]
    out["measure"] = [translate(f"impact.measure.{v}", lang) for v in out["measure"]]
    out["verdict"] = [translate(f"impact.verdict.{v}", lang) if v else "" for v in out["verdict"]]
    return out.rename(
        columns={
            "kode_pelatihan": translate("impact.col.codes", lang),
            "nama_pelatihan": translate("impact.col.program", lang),
            "level": translate("impact.col.level", lang),
            "measure": translate("impact.col.measure", lang),
            "estimate": translate("impact.col.estimate", lang),
            "ci_low": translate("impact.col.ci_low", lang),
            "ci_high": translate("impact.col.ci_high", lang),
            "n": translate("impact.col.n", lang),
            "method": translate("impact.col.method", lang),
            "verdict": translate("impact.col.verdict", lang),
        }
    )


def is_finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)
