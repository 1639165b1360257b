"""The Dampak Pelatihan page's sections, its stored training-impact results and its charts.

The readers take the scope, period and programme filters as plain hashable
values, read the stored ``training.impact`` result (:mod:`lib.ui.results`) and
return the evaluated results (a few hundred numbers per programme plus, for the
chosen programme, its participants' anonymous pre/post scores), never whole tables. Charts are
Vega-Lite specs built from lib results (:mod:`lib.ui.vega` says why), every text and axis written
in the user's language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import streamlit as st

from lib.analysis.training_learning import YARDSTICK_D
from lib.analysis.training_reaction import REACTION_ITEMS
from lib.analysis.training_results import DEFAULT_THRESHOLD, EventStudy
from lib.analysis.training_summary import (
    MIN_PARTICIPANTS_FOR_RANKING,
    OUTCOMES,
    Level4Need,
    OutcomeSpec,
    ProgramImpact,
    split_small_programs,
)
from lib.i18n import fmt_number, translate
from lib.queries.training import TrainingSelection
from lib.queries.units import Scope
from lib.safe_export import to_csv_bytes
from lib.text.impact import format_effect, format_p, level_sentences, results_sentence
from lib.ui.auth import audited_download_button
from lib.ui.format import Column, column_config, display_frame, method_details
from lib.ui.format import number as format_number
from lib.ui.i18n import num, pct, t
from lib.ui.method_details import (
    conclusion_with_details,
    details_expander,
    lazy_expander,
    lazy_tabs,
    lazy_widgets,
)
from lib.ui.page import PageContext
from lib.ui.shared_builds import shared
from lib.ui.state import show_current_label
from lib.ui.tables import repeated_text_as_categories
from lib.ui.vega import FIT_WIDTH, band_height, colour_scale, number_axis, spec_and_data, whole_axis

if TYPE_CHECKING:
    from lib.results import StoredResult
    from lib.results.dashboard import ImpactResults

#: Largest number of participants drawn in the pre/post dumbbell chart.
DUMBBELL_MAX = 60
VERDICT_COLORS = {"gain": "#2e7d32", "unclear": "#9e9e9e", "loss": "#c62828", "insufficient": "#bdbdbd"}
PRE_COLOR, POST_COLOR = "#90a4ae", "#1565c0"
#: Level 2's views, one drawn at a time: all scores binned, or a sample of participants' pre → post.
LEARNING_VIEWS = ("distribution", "participants")


def _stored(
    scope: Scope,
    date_from: date,
    date_to: date,
    selection: TrainingSelection,
    threshold: float | None = None,
) -> StoredResult:
    """Every course of the scope and period evaluated at four levels (``training.impact``, stored).

    The worker keeps the preset periods at city scope fresh with all programmes and the
    usual threshold; any other choice is computed once with a progress bar and stored.
    Each read asks the database three or four questions (is it there, is it current, is a
    newer one queued): a page run reads each result it needs once (:func:`choice_section`)
    and hands it on. The result's ``.value`` is the :class:`ImpactResults`; the page writes
    when it was computed into its opening caption.
    """
    from lib.results.dashboard import impact_params
    from lib.ui.results import stored

    params = impact_params(date_from, date_to, scope, selection, threshold)
    return stored("training.impact", params, "impact", caption=False)


def program_impact(results: ImpactResults, key: str | None, all_label: str) -> ProgramImpact | None:
    """The four levels for one course (``key``) or, with ``key=None``, all selected programmes pooled.

    A course's learning verdict is adjusted for the number of courses compared,
    as in the comparison table, so the card and the table always agree.
    """
    if results.empty:
        return None
    if key is None:
        return replace(results.pooled, name=all_label)
    return results.by_course.get(key)


def comparison(results: ImpactResults) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every course at every level (the download table) and the level-2 comparison (the forest plot)."""
    if results.empty:
        return pd.DataFrame(), pd.DataFrame()
    return results.table, results.learning


def pooled(results: ImpactResults, competency_type: str | None = None) -> pd.DataFrame:
    """Level 4 of all programmes of each competency type taken together (one type, or all)."""
    frame = results.pooled_types
    if competency_type is None or frame.empty:
        return frame
    return frame[frame["competency_type"] == competency_type].reset_index(drop=True)


def need(results: ImpactResults, key: str) -> Level4Need | None:
    """What the course ``key`` lacks for level 4 (trained units, staff still to train)."""
    return results.needs.get(key)


def pooled_for_display(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The pooled table with each effect in its outcome's own terms (points, ×ratio) and its interval."""
    from lib.analysis.training_summary import OUTCOME_BY_COLUMN

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


def _legend_bottom() -> dict[str, Any]:
    return {"orient": "bottom", "title": None, "labelLimit": 400}


def dumbbell_chart(
    participants: pd.DataFrame, lang: str, limit: int = DUMBBELL_MAX, seed: int = 0
) -> dict[str, Any]:
    """Each participant's pre-test → post-test as a line between two dots (anonymous numbers, no names).

    Above ``limit`` participants a fixed random sample is drawn, so the chart
    stays readable and the same on every rerun. A Vega-Lite spec.
    """
    paired = participants.dropna(subset=["pre_score", "post_score"])
    if len(paired) > limit:
        paired = paired.sample(n=limit, random_state=seed)
    paired = paired.sort_values(["pre_score", "post_score"]).reset_index(drop=True)
    labels = [f"#{i + 1}" for i in range(len(paired))]
    pre_name, post_name = translate("impact.chart.pre", lang), translate("impact.chart.post", lang)
    pre, post = paired["pre_score"].astype(float).tolist(), paired["post_score"].astype(float).tolist()
    lines = [{"who": w, "pre": a, "post": b} for w, a, b in zip(labels, pre, post, strict=True)]
    dots = [
        {"who": w, "test": name, "score": s, "value": format_number(s, lang, 1)}
        for w, a, b in zip(labels, pre, post, strict=True)
        for name, s in ((pre_name, a), (post_name, b))
    ]
    score = translate("impact.chart.score", lang)
    y = {
        "field": "who",
        "type": "nominal",
        "sort": labels[::-1],  # the lowest pre-test at the bottom
        "title": translate("impact.chart.participant", lang),
        "axis": {"labels": len(paired) <= 30, "ticks": len(paired) <= 30},
    }
    x_scale = {"domain": [0, 102], "nice": False}
    return {
        "height": band_height(len(labels), 12),
        "autosize": FIT_WIDTH,
        "layer": [
            {
                "data": {"values": lines},
                "mark": {"type": "rule", "color": "#cfd8dc", "strokeWidth": 2},
                "encoding": {
                    "y": y,
                    "x": {
                        "field": "pre",
                        "type": "quantitative",
                        "scale": x_scale,
                        "axis": whole_axis(score, 0, 100),
                    },
                    "x2": {"field": "post"},
                },
            },
            {
                "data": {"values": dots},
                "mark": {"type": "circle", "size": 64, "opacity": 1},
                "encoding": {
                    "y": y,
                    "x": {"field": "score", "type": "quantitative", "scale": x_scale},
                    "color": {
                        "field": "test",
                        "type": "nominal",
                        "scale": colour_scale({pre_name: PRE_COLOR, post_name: POST_COLOR}),
                        "legend": _legend_bottom(),
                    },
                    "tooltip": [
                        {
                            "field": "who",
                            "type": "nominal",
                            "title": translate("impact.chart.participant", lang),
                        },
                        {"field": "test", "type": "nominal", "title": translate("impact.chart.test", lang)},
                        {"field": "value", "type": "nominal", "title": score},
                    ],
                },
            },
        ],
    }


def score_bins(values: pd.Series, width: float = 5.0) -> pd.DataFrame:
    """Counts of scores in bins of ``width`` points over 0–100 (100 falls in the last bin).

    Binned here, not in the browser: a city's pooled programmes have 100,000+
    scores, and the chart needs 20 bars, not every score.
    """
    edges = np.arange(0.0, 100.0 + width, width)
    counts, _ = np.histogram(np.clip(values.dropna().astype(float), 0, 100), bins=edges)
    return pd.DataFrame({"start": edges[:-1], "count": counts})


def score_distribution_chart(participants: pd.DataFrame, lang: str) -> dict[str, Any]:
    """Pre-test and post-test score distributions (every score present, paired or not), bins of
    5 points, overlaid. A Vega-Lite spec.

    Drawn on every filter change, so the spec names nothing that changes with the period (the
    legend says "Pre-test", the tooltip how many scores): the browser then replaces the bars'
    data instead of building the chart again (:func:`lib.ui.vega.spec_and_data`).
    """
    rows, colours = [], {}
    for column, key, colour in (
        ("pre_score", "impact.chart.pre", PRE_COLOR),
        ("post_score", "impact.chart.post", POST_COLOR),
    ):
        values = participants[column].dropna()
        name = translate(key, lang)
        people = translate("impact.chart.people", lang, what=name, n=fmt_number(len(values), lang, 0))
        colours[name] = colour
        bins = score_bins(values)
        rows += [
            {
                "test": name,
                "people": people,
                "start": float(a),
                "end": float(a) + 5,
                "count": int(c),
                "range": f"{a:.0f}–{a + 5:.0f}",
                "n": format_number(c, lang, 0),
            }
            for a, c in zip(bins["start"].tolist(), bins["count"].tolist(), strict=True)
        ]
    count = translate("impact.chart.count", lang)
    return {
        "height": 220,
        "autosize": FIT_WIDTH,
        "data": {"values": rows},
        "mark": {"type": "bar", "opacity": 0.6, "binSpacing": 0},
        "encoding": {
            "x": {
                "field": "start",
                "type": "quantitative",
                "scale": {"domain": [0, 100], "nice": False},
                "axis": whole_axis(translate("impact.chart.score", lang), 0, 100),
            },
            "x2": {"field": "end"},
            "y": {
                "field": "count",
                "type": "quantitative",
                "stack": None,
                "axis": number_axis(count, lang, format=",d"),
            },
            "y2": {"datum": 0},
            "color": {
                "field": "test",
                "type": "nominal",
                "scale": colour_scale(colours),
                "legend": _legend_bottom(),
            },
            "tooltip": [
                {"field": "people", "type": "nominal", "title": translate("impact.chart.test", lang)},
                {"field": "range", "type": "nominal", "title": translate("impact.chart.score", lang)},
                {"field": "n", "type": "nominal", "title": count},
            ],
        },
    }


def reaction_chart(distribution: pd.DataFrame, lang: str) -> dict[str, Any]:
    """Share of each rating 1–5 per item, stacked (a diverging Likert bar). A Vega-Lite spec."""
    palette = {"1": "#c62828", "2": "#ef9a9a", "3": "#e0e0e0", "4": "#90caf9", "5": "#1565c0"}
    names = {
        item: translate(f"impact.measure.{m}", lang)
        for item, m in zip(REACTION_ITEMS, ("materi", "pengajar", "manfaat"), strict=True)
    }
    rows = [
        {
            "item": names[item],
            "rating": str(int(rating)),
            "share": float(share) * 100,
            "value": format_number(float(share) * 100, lang, 1) + "%",
            "n": format_number(count, lang, 0),
        }
        for item, rating, share, count in zip(
            distribution["item"].tolist(),
            distribution["rating"].tolist(),
            distribution["share"].tolist(),
            distribution["count"].tolist(),
            strict=True,
        )
        if item in names
    ]
    share = translate("impact.chart.share", lang) + " (%)"
    rating = translate("impact.chart.rating", lang)
    return {
        "height": band_height(len(names), 40),
        # the height is the bars' alone: under Streamlit's default ("fit", axes and legend inside
        # the height) its three bands were squeezed to nothing by the axis and the legend
        "autosize": FIT_WIDTH,
        "data": {"values": rows},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {
                "field": "item",
                "type": "nominal",
                "sort": [names[i] for i in REACTION_ITEMS],
                "title": None,
                "axis": {"labelLimit": 320},
            },
            "x": {
                "field": "share",
                "type": "quantitative",
                "stack": "zero",
                "scale": {"domain": [0, 100], "nice": False},
                "axis": whole_axis(share, 0, 100, 20),
            },
            "color": {
                "field": "rating",
                "type": "ordinal",
                "scale": colour_scale(palette),
                "legend": {"orient": "bottom", "title": rating, "direction": "horizontal"},
            },
            "order": {"field": "rating", "type": "ordinal"},
            "tooltip": [
                {"field": "item", "type": "nominal", "title": " "},
                {"field": "rating", "type": "nominal", "title": rating},
                {"field": "value", "type": "nominal", "title": share},
                {"field": "n", "type": "nominal", "title": "n"},
            ],
        },
    }


def _to_display(values: pd.Series | np.ndarray, spec: OutcomeSpec) -> np.ndarray:
    """Log outcomes are drawn as percentage differences (100·(e^x − 1)); others as they are."""
    array = np.asarray(values, dtype=float)
    return 100.0 * (np.exp(array) - 1.0) if spec.log else array


def event_study_chart(study: EventStudy, spec: OutcomeSpec, lang: str) -> dict[str, Any]:
    """θ(e) with 95% CI bars by quarter relative to training; pre-training quarters shaded; a 0
    line; the reference quarter (e = −1, 0 by construction) an open dot. A Vega-Lite spec."""
    event = study.event
    axis_title = translate(f"impact.axis.{spec.column}", lang)
    e_title = translate("impact.chart.event_time", lang)
    if event.empty:
        return {"height": 340, "data": {"values": []}, "mark": "point"}
    est = _to_display(event["att"], spec)
    low = _to_display(event["ci_low"], spec)
    high = _to_display(event["ci_high"], spec)
    rows = [
        {
            "e": int(e),
            "est": float(a),
            "low": float(lo),
            "high": float(hi),
            "phase": "pre" if e < 0 else "post",
            "value": format_number(a, lang, 2),
            "ci": f"[{format_number(lo, lang, 2)}; {format_number(hi, lang, 2)}]",
            "n": format_number(n, lang, 0),
            "cohorts": format_number(c, lang, 0),
        }
        for e, a, lo, hi, n, c in zip(
            event["e"].tolist(),
            est.tolist(),
            low.tolist(),
            high.tolist(),
            event["n_treated"].tolist(),
            event["n_cohorts"].tolist(),
            strict=True,
        )
    ]
    first_e, last_e = int(event["e"].min()), int(event["e"].max())
    x = {
        "field": "e",
        "type": "quantitative",
        "scale": {"domain": [min(first_e, -1) - 0.5, last_e + 0.5], "nice": False},
        "axis": {"title": e_title, "format": "d", "values": list(range(min(first_e, -1), last_e + 1))},
    }
    reach = max(abs(min(0.0, float(np.nanmin(low)))), abs(max(0.0, float(np.nanmax(high)))), 1e-9)
    y_scale = {
        "domain": [
            min(0.0, float(np.nanmin(low))) - 0.08 * reach,
            max(0.0, float(np.nanmax(high))) + 0.08 * reach,
        ]
    }
    y_axis = number_axis(axis_title, lang)
    layers: list[dict[str, Any]] = []
    if first_e < 0:
        layers.append(
            {
                "data": {
                    "values": [
                        {
                            "from": first_e - 0.5,
                            "to": -0.5,
                            "text": translate("impact.chart.pre_period", lang),
                        }
                    ]
                },
                "layer": [
                    {
                        "mark": {"type": "rect", "color": "#eceff1"},
                        "encoding": {"x": {"field": "from", "type": "quantitative"}, "x2": {"field": "to"}},
                    },
                    {
                        "mark": {
                            "type": "text",
                            "baseline": "top",
                            "align": "left",
                            "dx": 4,
                            "dy": 4,
                            "fontSize": 11,
                            "color": "#607d8b",
                        },
                        "encoding": {
                            "x": {"field": "from", "type": "quantitative"},
                            "y": {"value": 0},
                            "text": {"field": "text"},
                        },
                    },
                ],
            }
        )
    layers += [
        {
            "data": {"values": [{"zero": 0}]},
            "mark": {"type": "rule", "color": "#424242"},
            "encoding": {"y": {"field": "zero", "type": "quantitative"}},
        },
        {
            "data": {"values": rows},
            "mark": {"type": "rule", "color": "#90a4ae"},
            "encoding": {
                "x": x,
                "y": {"field": "low", "type": "quantitative", "scale": y_scale, "axis": y_axis},
                "y2": {"field": "high"},
            },
        },
        {
            "data": {"values": rows},
            "mark": {"type": "circle", "size": 81, "opacity": 1},
            "encoding": {
                "x": x,
                "y": {"field": "est", "type": "quantitative"},
                "color": {
                    "field": "phase",
                    "type": "nominal",
                    "scale": colour_scale({"pre": "#78909c", "post": POST_COLOR}),
                    "legend": None,
                },
                "tooltip": [
                    {"field": "e", "type": "quantitative", "title": "e"},
                    {"field": "value", "type": "nominal", "title": axis_title},
                    {"field": "ci", "type": "nominal", "title": translate("impact.chart.ci", lang)},
                    {"field": "n", "type": "nominal", "title": "n"},
                    {"field": "cohorts", "type": "nominal", "title": translate("impact.chart.cohorts", lang)},
                ],
            },
        },
        {
            "data": {"values": [{"e": -1, "est": 0.0}]},
            "mark": {"type": "point", "size": 81, "color": "#78909c", "filled": False},
            "encoding": {
                "x": {"field": "e", "type": "quantitative"},
                "y": {"field": "est", "type": "quantitative"},
            },
        },
    ]
    return {"height": 260, "autosize": FIT_WIDTH, "layer": layers}


def forest_chart(learning: pd.DataFrame, lang: str) -> dict[str, Any]:
    """d_z per programme with its 95% CI, lines at 0 and at the d ≈ 0.6 yardstick; colour =
    verdict; the largest effect on top. A Vega-Lite spec."""
    rows_frame = learning[learning["d_z"].notna() & np.isfinite(learning["d_z"].astype(float))].sort_values(
        "d_z"
    )
    title = translate("impact.chart.dz", lang)
    if rows_frame.empty:
        return {"height": 300, "data": {"values": []}, "mark": "point"}
    labels = [
        translate("impact.chart.people", lang, what=name, n=fmt_number(n, lang, 0))
        for name, n in zip(rows_frame["name"], rows_frame["n_paired"], strict=True)
    ]
    verdicts = {v: translate(f"impact.verdict.{v}", lang) for v in VERDICT_COLORS}
    rows = [
        {
            "programme": label,
            "d": float(d),
            "low": float(lo),
            "high": float(hi),
            "verdict": verdicts.get(v, str(v)),
            "value": format_number(d, lang, 2),
            "ci": f"[{format_number(lo, lang, 2)}; {format_number(hi, lang, 2)}]",
        }
        for label, d, lo, hi, v in zip(
            labels,
            rows_frame["d_z"].tolist(),
            rows_frame["d_z_ci_low"].tolist(),
            rows_frame["d_z_ci_high"].tolist(),
            rows_frame["verdict"].tolist(),
            strict=True,
        )
    ]
    y = {
        "field": "programme",
        "type": "nominal",
        "sort": labels[::-1],
        "title": None,
        "axis": {"labelLimit": 420},
    }
    x_axis = number_axis(title, lang)
    return {
        "height": band_height(len(rows), 26),
        "autosize": FIT_WIDTH,
        "layer": [
            {
                "data": {"values": [{"at": 0.0}]},
                "mark": {"type": "rule", "color": "#424242"},
                "encoding": {"x": {"field": "at", "type": "quantitative"}},
            },
            {
                "data": {"values": [{"at": YARDSTICK_D, "text": translate("impact.chart.yardstick", lang)}]},
                "layer": [
                    {
                        "mark": {"type": "rule", "color": "#ef6c00", "strokeDash": [5, 4]},
                        "encoding": {"x": {"field": "at", "type": "quantitative"}},
                    },
                    {
                        "mark": {
                            "type": "text",
                            "baseline": "top",
                            "align": "left",
                            "dx": 4,
                            "dy": 2,
                            "color": "#ef6c00",
                        },
                        "encoding": {
                            "x": {"field": "at", "type": "quantitative"},
                            "y": {"value": 0},
                            "text": {"field": "text"},
                        },
                    },
                ],
            },
            {
                "data": {"values": rows},
                "mark": {"type": "rule", "color": "#90a4ae"},
                "encoding": {
                    "y": y,
                    "x": {"field": "low", "type": "quantitative", "axis": x_axis},
                    "x2": {"field": "high"},
                },
            },
            {
                "data": {"values": rows},
                "mark": {"type": "circle", "size": 81, "opacity": 1},
                "encoding": {
                    "y": y,
                    "x": {"field": "d", "type": "quantitative"},
                    "color": {
                        "field": "verdict",
                        "type": "nominal",
                        "scale": colour_scale({verdicts[k]: c for k, c in VERDICT_COLORS.items()}),
                        "legend": None,
                    },
                    "tooltip": [
                        {"field": "programme", "type": "nominal", "title": " "},
                        {"field": "value", "type": "nominal", "title": "d_z"},
                        {"field": "ci", "type": "nominal", "title": translate("impact.chart.ci", lang)},
                        {"field": "verdict", "type": "nominal", "title": " "},
                    ],
                },
            },
        ],
    }


#: How the per-course table shows each column. The estimate and its interval mix measures (ratings
#: 1–5, points, effect sizes, ratios), so they are written, not drawn by Streamlit (which prints
#: ``4.0329`` and ``None`` whatever the language), with two decimals in the reader's notation; a
#: level without an estimate reads "–". Sorting them as numbers would rank a rating against a
#: ratio: the table is read course by course, level by level, in the order it comes.
TABLE_COLUMNS: dict[str, Column] = {
    "kode_pelatihan": Column("impact.col.codes"),
    "nama_pelatihan": Column("impact.col.program"),
    "level": Column("impact.col.level"),
    "measure": Column("impact.col.measure"),
    "estimate": Column("impact.col.estimate", "number", 2),
    "ci_low": Column("impact.col.ci_low", "number", 2),
    "ci_high": Column("impact.col.ci_high", "number", 2),
    "method": Column("impact.col.method"),
    "verdict": Column("impact.col.verdict"),
}
#: The participants column stays a whole number, so the table sorts by it as a reader expects
#: (as text, "1.024" would come before "228"); a whole number needs no decimal mark in either language.
TABLE_COUNT = "n"


def table_for_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The per-course table as a reader sees it: translated names, numbers in the reader's notation.

    Every column of :data:`TABLE_COLUMNS` that ``table`` has (the run codes may be left out), with
    ``n`` as a whole number after the interval. The download keeps the raw values.
    """
    named = table.assign(
        level=[translate(f"impact.level.{v}", lang) for v in table["level"]],
        measure=[translate(f"impact.measure.{v}", lang) for v in table["measure"]],
        verdict=[translate(f"impact.verdict.{v}", lang) if v else "" for v in table["verdict"]],
    )
    columns = {name: column for name, column in TABLE_COLUMNS.items() if name in named.columns}
    out = display_frame(named, columns, lang)
    at = list(columns).index("ci_high") + 1
    out.insert(at, translate("impact.col.n", lang), named[TABLE_COUNT].astype("Int64").to_numpy())
    return out


def table_column_config(table: pd.DataFrame, lang: str) -> dict[str, dict[str, Any]]:
    """``column_config`` for :func:`table_for_display`: the written numbers right-aligned, as numbers are."""
    return column_config({name: c for name, c in TABLE_COLUMNS.items() if name in table.columns}, lang)


def is_finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


# ----------------------------------------------------------------------------- page sections

#: The programme picker's "all programmes" option.
ALL = "*"


@dataclass(frozen=True)
class ImpactChoice:
    """What the reader chose: the period, programme filters, threshold and one course (``ALL``: all)."""

    date_from: date
    date_to: date
    selection: TrainingSelection
    threshold: float
    key: str
    courses: pd.DataFrame
    #: the stored results for this scope, period, filters and threshold (read once per run)
    results: ImpactResults


#: The label of each programme filter (message keys).
FILTER_LABELS = {
    "competency_type": "impact.competency_filter",
    "method": "impact.method_filter",
    "provider": "impact.provider_filter",
}
#: The programme picker's session key (its value: a course key, or :data:`ALL`).
PROGRAM_KEY = "impact_program"
#: The programme filters' expander: its content is built only while it is open.
FILTERS_OPEN_KEY = "impact_filters_open"
#: The filters and threshold chosen, kept for the runs in which their widgets are not drawn.
CHOICES_KEY = "impact_choices"
#: The threshold slider's starting value, in whole percent.
DEFAULT_THRESHOLD_PCT = round(DEFAULT_THRESHOLD * 100)
#: The "Rincian metode" of the four cards (one expander for the chain, built only while open).
CHAIN_DETAILS_KEY = "impact_chain_details"
#: The learning tab's "Rincian metode" (built only while open).
LEARNING_DETAILS_KEY = "impact_learning_details"
#: The per-course table's expander (built only while open).
TABLE_OPEN_KEY = "impact_table"
#: "What these numbers cannot tell" (built only while open).
LIMITS_OPEN_KEY = "impact_limits_open"


def _option_text(field: str):  # type: ignore[no-untyped-def]
    """How a filter's options read: "(semua)" for none, competency codes in words, names as stored."""

    def text(value: str) -> str:
        if not value:
            return t("impact.any")
        if field == "competency_type":
            found = t(f"impact.competency.{value}")
            return value if found.startswith("impact.competency.") else found
        return value

    return text


def filters_section(options: dict[str, list[str]]) -> tuple[TrainingSelection, float]:
    """The programme filters and the threshold, in an expander whose widgets are built only while open.

    Closed (as most readers leave it), the expander is one element instead of nine (columns,
    three selectboxes, a slider) that the browser would restyle on every run; the choices stay
    in force while it is closed (:func:`lib.ui.method_details.lazy_widgets`), and a line under
    it says which ones are set. A filter value the period's programmes no longer offer reads as
    any, as the widget would show it.
    """
    defaults: dict[str, str | int] = {field: "" for field in FILTER_LABELS} | {
        "threshold": DEFAULT_THRESHOLD_PCT
    }
    with lazy_widgets(
        t("impact.filters"),
        FILTERS_OPEN_KEY,
        CHOICES_KEY,
        defaults,
        prefix="impact_",
        valid=lambda name, value: name == "threshold" or value in options[name],
    ) as filters:
        if filters.open:
            cols = st.columns(3)
            for col, field in zip(cols, FILTER_LABELS, strict=True):
                col.selectbox(
                    t(FILTER_LABELS[field]),
                    ["", *options[field]],
                    format_func=_option_text(field),
                    key=filters.key(field),
                )
            # whole percent on the slider ("50%"): a share written 0.50 reads as English and as a code
            st.slider(t("impact.threshold"), 30, 90, step=5, format="%d%%", key=filters.key("threshold"))
    chosen = {field: str(filters.values[field]) for field in FILTER_LABELS}
    threshold = int(filters.values["threshold"])
    active = [
        f"{t(FILTER_LABELS[field])}: {_option_text(field)(value)}" for field, value in chosen.items() if value
    ]
    if threshold != DEFAULT_THRESHOLD_PCT:
        active.append(f"{t('impact.threshold')} {pct(threshold / 100, 0)}")
    if active and not filters.open:
        st.caption(t("impact.filters_active", what="; ".join(active)))
    selection = TrainingSelection(**{field: value or None for field, value in chosen.items()})
    return selection, threshold / 100


def choice_section(ctx: PageContext) -> ImpactChoice:
    """The page's opening lines, the programme filters, the threshold and the programme; an empty
    note and stop without programmes.

    The opening caption holds the introduction, how the period picks programmes and when the
    results were computed: one element instead of three, each of which the browser restyles on
    every run.
    """
    from lib.ui.results import freshness_text

    date_from, date_to = ctx.filters.date_from, ctx.filters.date_to
    # all programmes with the usual threshold: the filters' options, and usually the results too
    computed = _stored(ctx.query_scope, date_from, date_to, TrainingSelection())
    everything = computed.value
    st.caption("\n\n".join((t("impact.intro"), t("impact.period_note"), freshness_text(computed))))
    selection, threshold = filters_section(everything.options)
    usual = selection == TrainingSelection() and abs(threshold - DEFAULT_THRESHOLD) < 1e-9
    results = (
        everything if usual else _stored(ctx.query_scope, date_from, date_to, selection, threshold).value
    )
    courses = results.courses
    if courses.empty:
        st.info(t("impact.no_programs"))
        st.stop()
    labels = {ALL: t("impact.program_all")}
    labels.update(
        {
            row.key: t("impact.program_option", name=row.name, runs=row.runs, n=num(row.participants, 0))
            for row in courses.itertuples()
        }
    )
    show_current_label(PROGRAM_KEY, labels.get, ALL)  # in the reader's language, with this period's counts
    key = st.selectbox(t("impact.program"), list(labels), format_func=labels.get, key=PROGRAM_KEY)
    return ImpactChoice(date_from, date_to, selection, threshold, key, courses, results)


def impact_of(ctx: PageContext, c: ImpactChoice) -> ProgramImpact:
    """The chosen programme's four levels (or all pooled); an empty note and stop when there are none.

    A look-up in the stored results, so no spinner: one would cost the browser a delta per run.
    """
    impact = program_impact(c.results, None if c.key == ALL else c.key, t("impact.program_all"))
    if impact is None:
        st.info(t("impact.no_programs"))
        st.stop()
    return impact


def _ci(low: float, high: float, decimals: int = 2) -> str:
    return (
        t("impact.card.ci", low=num(low, decimals), high=num(high, decimals))
        if is_finite(low)
        else t("impact.not_estimable")
    )


@dataclass(frozen=True)
class LevelCard:
    """One level's card: its figure, what the figure rests on and means, and the method behind it."""

    level: str
    label: str
    value: str
    #: the card's text under the figure (Markdown): where the figure comes from, then the conclusion
    body: str
    #: the "Rincian metode" lines (interval, method)
    details: tuple[str, ...]


def level_cards(impact: ProgramImpact, lang: str) -> list[LevelCard]:
    """The four cards of the chain of evidence, in Kirkpatrick's order."""
    sentences = level_sentences(impact, lang)
    use = impact.reaction.set_index("item").loc["reaction_usefulness"]
    lr, beh = impact.learning, impact.behaviour
    ikm = impact.results.get("ikm")
    rows = [
        (
            "reaction",
            t("impact.metric.usefulness"),
            num(use["mean"]),
            use["n"],
            _ci(use["ci_low"], use["ci_high"]),
            t("impact.method.reaction"),
        ),
        (
            "learning",
            t("impact.metric.gain"),
            num(lr.mean_gain, 1),
            lr.n,
            _ci(lr.ci_low, lr.ci_high, 1),
            t(f"impact.method.learning.{lr.primary_test}", dz=num(lr.d_z)),
        ),
        (
            "behaviour",
            t("impact.metric.skp"),
            num(beh.did.estimate, 1),
            beh.n_trained,
            _ci(beh.did.ci_low, beh.did.ci_high, 1),
            t("impact.method.behaviour"),
        ),
    ]
    results_method = t("impact.method.results", threshold=pct(impact.threshold, 0))
    cards = []
    for level, label, value, n, ci_text, method in rows:
        body = _card_body(t(f"impact.card.basis.{level}", n=num(n, 0)), sentences[level])
        cards.append(LevelCard(level, label, _shown(value), body, (ci_text, method)))
    if ikm is not None:
        basis = t("impact.card.basis.results", n=num(ikm.n_treated_units, 0))
        cards.append(
            LevelCard(
                "results",
                t("impact.metric.ikm"),
                _shown(format_effect(ikm.overall.estimate, OUTCOMES[0], lang)),
                _card_body(basis, sentences["results"]),
                (_ci(ikm.overall.ci_low, ikm.overall.ci_high, 1), results_method),
            )
        )
    else:
        # all programmes pooled: level 4 is estimated per programme, and the card says so
        cards.append(
            LevelCard(
                "results", t("impact.metric.ikm"), "–", t("impact.results.pick_course"), (results_method,)
            )
        )
    return cards


def _card_body(basis: str, conclusion: str) -> str:
    """Where a card's figure comes from (small and grey, as a caption) and what it means, one Markdown."""
    return f":gray[:small[{basis}]]\n\n{conclusion}".rstrip()


def _shown(value: str) -> str:
    return value if value not in ("nan", "–") else "–"


def chain_section(impact: ProgramImpact, lang: str) -> None:
    """The chain of evidence: one card per Kirkpatrick level, and the four levels' method behind one expander.

    A card is three elements (its level; the figure; what the figure rests on and what it
    means, one Markdown): the browser restyles every element on every run, about 2 ms each,
    and the cards' seven elements each (a container, four lines, an expander and its text)
    were a third of the page's. The intervals and methods of the four levels are read
    together, so they sit in one "Rincian metode" under the cards, built only while open.
    """
    st.subheader(t("impact.chain"))
    cards = level_cards(impact, lang)
    for col, card in zip(st.columns(4, border=True), cards, strict=True):
        col.markdown(f"**{t(f'impact.level.{card.level}')}**")
        col.metric(card.label, card.value)
        col.markdown(card.body)
    with details_expander(key=CHAIN_DETAILS_KEY) as box:
        if box.open:
            st.markdown(chain_details_markdown(cards, lang))


def chain_details_markdown(cards: list[LevelCard], lang: str) -> str:
    """The cards' "Rincian metode": a bullet per level, its interval and method under it."""
    return "\n".join(
        f"- **{t(f'impact.level.{card.level}')}**\n"
        + "\n".join(f"  - {line}" for line in method_details("", card.details, lang).lines)
        for card in cards
    )


def learning_section(impact: ProgramImpact, lang: str) -> None:
    """Level 2 in detail: who had both tests, their scores (binned, or a sample per person), the gain's size."""
    lr = impact.learning
    counts = lr.counts
    counted = t(
        "impact.learning.counts",
        paired=num(counts.paired, 0),
        pre_only=num(counts.pre_only, 0),
        post_only=num(counts.post_only, 0),
        neither=num(counts.neither, 0),
    )
    # the heading and who took which test, one element (as st.subheader and st.caption draw them)
    st.markdown(f"### {t('impact.section.learning')}\n\n:gray[:small[{counted}]]")
    if lr.n:
        participants = impact.participants
        # one chart, the view picked: the browser redraws every chart on each run, and the
        # distribution (all scores) tells the story; each participant's line is one click away
        view = (
            st.segmented_control(
                t("impact.learning.view"),
                list(LEARNING_VIEWS),
                default=LEARNING_VIEWS[0],
                format_func=lambda v: t(f"impact.learning.view.{v}"),
                key="impact_learning_view",
            )
            or LEARNING_VIEWS[0]
        )
        if view == "participants":
            st.vega_lite_chart(
                spec=shared(participants, "dumbbell", lambda: dumbbell_chart(participants, lang), lang),
                width="stretch",
                key="impact_dumbbell",
            )
            st.caption(
                t("impact.learning.sample_note", shown=num(min(lr.n, DUMBBELL_MAX), 0), total=num(lr.n, 0))
            )
        else:
            spec, rows = shared(
                participants,
                "distribution",
                lambda: spec_and_data(score_distribution_chart(participants, lang)),
                lang,
            )
            st.vega_lite_chart(rows, spec=spec, width="stretch", key="impact_distribution")
        band = t(f"impact.hake.{lr.hake_band}") if lr.hake_band else "–"
        hake = t(
            "impact.learning.hake",
            g_class=num(lr.hake_class),
            band=band,
            g_ind=num(lr.hake_individual_mean),
            low=num(lr.hake_individual_ci_low),
            high=num(lr.hake_individual_ci_high),
            n=num(lr.hake_individual_n, 0),
            excluded=num(lr.hake_excluded_at_max, 0),
        )
        rule = t("impact.test.rule", p_t=format_p(lr.p_t, lang), p_w=format_p(lr.p_wilcoxon, lang))
        conclusion_with_details(
            t(f"impact.learning.plain.{lr.hake_band or 'none'}", band=band),
            [hake, rule],
            key=LEARNING_DETAILS_KEY,
        )


def reaction_section(impact: ProgramImpact, lang: str) -> None:
    """Level 1 in detail: the share of each rating per question."""
    st.subheader(t("impact.section.reaction"))
    reactions = impact.reaction_distribution
    st.vega_lite_chart(
        spec=shared(reactions, "reaction", lambda: reaction_chart(reactions, lang), lang),
        width="stretch",
        key="impact_reaction",
    )


def results_section(ctx: PageContext, c: ImpactChoice, impact: ProgramImpact) -> None:
    """Level 4: the event study, or what a programme too small for it would need, and pooled effects."""
    lang, threshold = ctx.lang, c.threshold
    st.subheader(t("impact.section.results"))
    ikm_study = impact.results.get("ikm")
    if c.key != ALL and (ikm_study is None or not ikm_study.estimable):
        # one programme too small: say what level 4 would take, and show its kind's pooled effect
        short = need(c.results, c.key)
        if short is not None and not short.enough:
            st.warning(
                t(
                    "impact.need.short",
                    reached=num(short.units_reached, 0),
                    threshold=pct(threshold, 0),
                    needed=num(short.units_needed, 0),
                    staff=num(short.staff_to_train, 0),
                )
            )
        kind = c.courses.set_index("key").loc[c.key, "competency_type"]
        if kind and "," not in kind:
            st.markdown(f"**{t('impact.pooled.header_type', type=t(f'impact.competency.{kind}'))}**")
            st.dataframe(
                pooled_for_display(pooled(c.results, kind), lang),
                hide_index=True,
                width="stretch",
            )
            st.caption(t("impact.pooled.note", threshold=pct(threshold, 0)))
    if c.key == ALL:
        st.markdown(f"**{t('impact.pooled.header')}**")
        st.dataframe(
            pooled_for_display(pooled(c.results), lang),
            hide_index=True,
            width="stretch",
        )
        st.caption(t("impact.pooled.note", threshold=pct(threshold, 0)))
    if not impact.results:
        st.info(t("impact.results.pick_course"))
        return
    outcome = (
        st.segmented_control(
            t("impact.results.outcome"),
            [o.column for o in OUTCOMES],
            default="ikm",
            format_func=lambda col: t(f"impact.outcome.{col}"),
            key="impact_outcome",
        )
        or "ikm"
    )
    spec = next(o for o in OUTCOMES if o.column == outcome)
    study = impact.results[outcome]
    st.write(results_sentence(impact, outcome, lang))
    if study.estimable:
        st.vega_lite_chart(
            spec=shared(study, "event", lambda: event_study_chart(study, spec, lang), outcome, lang),
            width="stretch",
            key="impact_event",
        )
        st.caption(t("impact.results.cells_note"))
    st.caption(t("impact.results.clean_controls", n=num(study.n_excluded_controls, 0)))


def compare_section(ctx: PageContext, c: ImpactChoice) -> None:
    """Programmes compared: the forest plot, the too-small ones apart."""
    lang = ctx.lang
    _, learning = comparison(c.results)
    st.subheader(t("impact.section.compare"))
    ranked, too_small = split_small_programs(learning)
    if not ranked.empty:
        st.vega_lite_chart(
            spec=shared(learning, "forest", lambda: forest_chart(ranked, lang), lang),
            width="stretch",
            key="impact_forest",
        )
        st.caption(t("impact.compare_note"))
    if not too_small.empty:
        st.markdown(f"**{t('impact.small.header', n=MIN_PARTICIPANTS_FOR_RANKING)}**")
        st.dataframe(
            {
                t("impact.small.col.program"): too_small["name"],
                t("impact.small.col.n"): [num(v, 0) for v in too_small["n_paired"]],
                t("impact.small.col.gain"): [num(v, 1) for v in too_small["mean_gain"]],
            },
            hide_index=True,
            width="stretch",
        )


#: The detail tabs, in Kirkpatrick's order (level 3 has no detail beyond its card), then the comparison.
DETAIL_TABS = ("reaction", "learning", "results", "compare")
#: The tab open at first: the scores before and after training tell most about whether it worked.
DEFAULT_DETAIL = "learning"
#: The detail tabs' session key (its value is the open tab's label, in the reader's language).
DETAIL_KEY = "impact_detail"


def detail_label(tab: str) -> str:
    """A detail tab's label: the level's name as on its card, or the comparison's."""
    return t("impact.tab.compare") if tab == "compare" else t(f"impact.level.{tab}")


def details_section(ctx: PageContext, c: ImpactChoice, impact: ProgramImpact) -> None:
    """Each level's evidence in a tab of its own; only the open tab is built, sent and drawn.

    Drawn one under another, the four charts (and the tables beside them) were most of what
    the browser redrew on every filter change at city scale, about 0.1–0.15 s of its CPU
    each. The chain of evidence above already says what every level concluded; the evidence
    behind one is a click away (which reruns the page and draws that tab alone).
    """
    st.subheader(t("impact.details"))
    draw = {
        "reaction": lambda: reaction_section(impact, ctx.lang),
        "learning": lambda: learning_section(impact, ctx.lang),
        "results": lambda: results_section(ctx, c, impact),
        "compare": lambda: compare_section(ctx, c),
    }
    lazy_tabs(
        {detail_label(tab): draw[tab] for tab in DETAIL_TABS},
        key=DETAIL_KEY,
        default=detail_label(DEFAULT_DETAIL),
    )


def table_section(ctx: PageContext, c: ImpactChoice) -> None:
    """Every course at every level: on screen when opened, and as a CSV download.

    The CSV is built when the button is clicked, not on every run: built eagerly, its bytes
    were stored and announced to the browser on each filter change, which no reader asked for.
    """
    table, _ = comparison(c.results)
    st.subheader(t("impact.section.table"))
    table_details(table, ctx.lang)
    audited_download_button(
        t("impact.download"),
        lambda: to_csv_bytes(table),
        file_name=f"dampak_pelatihan_{c.date_from:%Y%m%d}_{c.date_to:%Y%m%d}.csv",
        mime="text/csv",
        kind="training_impact",
        rows=len(table),
        icon=":material/download:",
    )


@st.fragment
def table_details(table: pd.DataFrame, lang: str) -> None:
    """Every course at every level, drawn only while its expander is open (opening reruns this alone).

    The evaluator's detail: at city scale it is hundreds of rows the browser would lay out on
    every run; the forest plot above compares the courses, and the download holds it all.
    The label names no count: Streamlit tells an expander by its label, and one that changed
    with the period closed the table a reader had opened. The count is written inside.
    """
    with lazy_expander(t("impact.table.show"), TABLE_OPEN_KEY) as box:
        if box.open:
            st.caption(t("impact.table.rows", rows=num(len(table), 0)))
            # the runs' codes (up to dozens per course) stay in the download: on screen they were two
            # thirds of the page's payload (170 of 260 KB at city scale) and no one reads them there
            table = table.drop(columns="kode_pelatihan", errors="ignore")
            shown = repeated_text_as_categories(table_for_display(table, lang))
            st.dataframe(
                shown, hide_index=True, width="stretch", column_config=table_column_config(table, lang)
            )


def limits_section() -> None:
    """What these numbers cannot tell, behind an expander built only while open."""
    with lazy_expander(t("impact.cannot_tell"), LIMITS_OPEN_KEY) as box:
        if box.open:
            st.markdown(t("impact.cannot_tell_text"))
