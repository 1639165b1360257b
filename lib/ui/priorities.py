"""The Prioritas page's sections, the cached priority data (also the home page's) and the bar chart.

Evidence, scores and the risk model are computed for the whole city and cached
once for every viewer; pages cut the result to the viewer's scope with
:func:`lib.analysis.priority_city.in_scope`, so every viewer sees the same
score for the same unit. Cached wrappers take the engine first (keyed by its URL).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from lib.analysis.priority_city import in_scope
from lib.analysis.priority_model import MIN_AUC
from lib.analysis.priority_score import (
    COMPONENTS,
    DEFAULT_WEIGHTS,
    FLAG_REASON_SHARE,
    FLAG_THRESHOLD,
    MIN_COVERAGE,
    UNIT_RANKED,
    recommended_themes,
)
from lib.auth.privacy import redact_people
from lib.auth.roles import can_see_names
from lib.i18n import translate
from lib.queries.units import CITY, Scope
from lib.services import priorities as service
from lib.text.priorities import (
    basis_text,
    component_rows,
    model_reasons_text,
    reason_text,
)
from lib.ui.auth import audited_download_button, current_scope
from lib.ui.blocks import TextRun, note, text_block
from lib.ui.charts import priority_chart
from lib.ui.data import cached
from lib.ui.format import EMPTY, Column, format_value, is_missing, number, percent
from lib.ui.html_table import ReadingTable, draw_table
from lib.ui.i18n import day, num, pct, t
from lib.ui.method_details import details_expander, lazy_expander, lazy_tabs, lazy_widgets
from lib.ui.page import PageContext
from lib.ui.tables import repeated_text_as_categories
from lib.ui.url_state import keep_in_url
from lib.ui.vega import spec_and_data

if TYPE_CHECKING:
    from lib.analysis.priority_model import ModelResult


def _stored_evidence(date_from: date, date_to: date, *, caption: bool):  # type: ignore[no-untyped-def]
    from lib.results.dashboard import window_params
    from lib.ui.results import stored

    return stored("priorities.evidence", window_params(date_from, date_to), "evidence", caption=caption)


def evidence(date_from: date, date_to: date, *, caption: bool = True) -> pd.DataFrame:
    """Every unit of the city (never a viewer's scope: the score's references are city-wide),
    read from the result store (``priorities.evidence``)."""
    return _stored_evidence(date_from, date_to, caption=caption).value


def scored(
    engine: Engine, date_from: date, date_to: date, weights: tuple[tuple[str, float], ...], lang: str
) -> service.ScoredCity:
    """The whole city scored with ``weights``, with its table words. With the usual weights it is
    read from the store (``priorities.scored``) when that was computed from the same data as the
    evidence shown; otherwise (other weights, a custom period, a newer import) it is scored here
    from the stored evidence and cached until that evidence is replaced (its time is part of the
    cache key), so a rerun does not score again. Callers must not modify it (a stored value is shared)."""
    computed = _stored_evidence(date_from, date_to, caption=True)
    if _is_default(weights):
        from lib.results import training  # noqa: F401  (registers the stored analysis)
        from lib.results.dashboard import window_params
        from lib.ui.results import read_recent

        stored_scores = read_recent("priorities.scored", window_params(date_from, date_to), eng=engine)
        if stored_scores is not None and stored_scores.input_version == computed.input_version:
            return stored_scores.value
    return _scored(engine, date_from, date_to, weights, lang, computed.computed_at.isoformat())


def _is_default(weights: tuple[tuple[str, float], ...]) -> bool:
    return dict(weights) == {k: float(v) for k, v in DEFAULT_WEIGHTS.items()}


@cached(ttl=3600, max_entries=64)
def _scored(
    engine: Engine,
    date_from: date,
    date_to: date,
    weights: tuple[tuple[str, float], ...],
    lang: str,
    evidence_computed_at: str,
) -> service.ScoredCity:
    del engine, evidence_computed_at  # part of the cache key only
    return service.scored_city(
        evidence=evidence(date_from, date_to, caption=False), weights=dict(weights), languages=(lang,)
    )


def model(date_to: date) -> ModelResult:
    """The risk model on the whole city's panel, like the score (``priorities.model``, stored)."""
    from lib.results.dashboard import scope_params
    from lib.ui.results import stored

    params = {"end": date_to.isoformat(), **scope_params(CITY)}
    return stored("priorities.model", params, "model", caption=False).value  # the evidence's line says when


@cached()
def _staff(engine: Engine, scope: Scope, year: int, as_of: date) -> pd.DataFrame:
    return service.staff_needing(engine=engine, scope=scope, year=year, as_of=as_of)


def staff(engine: Engine, scope: Scope, year: int, as_of: date) -> pd.DataFrame:
    """Staff of the unit below 20 JP or rated low (a query per unit, cached; seconds at city scale)."""
    with st.spinner(t("priority.loading.staff")):
        return _staff(engine, scope, year, as_of)


def summary(scope: Scope, date_from: date, date_to: date, lang: str):  # type: ignore[no-untyped-def]
    """The home page's figures and findings in ``lang``, stored per scope and window (``summary.leadership``)."""
    from lib.results.dashboard import window_params
    from lib.ui.results import stored

    result = stored("summary.leadership", window_params(date_from, date_to, scope), "summary")
    return result.value.for_language(lang)


def programme_learning(engine: Engine) -> tuple[pd.DataFrame | None, str]:
    """Every programme's city-wide learning effect (``training.programme_learning``, stored) and
    when it was computed; ``(None, "")`` until the worker has measured them once (it is queued
    then, and a history measures its own few programmes meanwhile)."""
    from lib.results import training  # noqa: F401  (registers the stored analysis)
    from lib.ui.results import queue_refresh, read_recent

    result = read_recent("training.programme_learning", {}, eng=engine)
    queue_refresh("training.programme_learning", {}, result, eng=engine)
    if result is None:
        return None, ""
    return result.value, result.computed_at.isoformat()


@cached()
def _training_history(
    engine: Engine, scope: Scope, date_from: date, date_to: date, effects_computed_at: str
) -> pd.DataFrame:
    effects = programme_learning(engine)[0] if effects_computed_at else None
    return service.training_history(
        engine=engine, scope=scope, date_from=date_from, date_to=date_to, effects=effects
    )


def training_history(engine: Engine, scope: Scope, date_from: date, date_to: date) -> pd.DataFrame:
    """The unit's programmes and their city-wide learning effect (stored per programme; the unit's
    counts are one query), cached until the stored effects are replaced."""
    _effects, computed_at = programme_learning(engine)
    with st.spinner(t("priority.loading.history")):
        return _training_history(engine, scope, date_from, date_to, computed_at)


@cached()
def theme_map(engine: Engine) -> dict[str, str]:
    """The city's complaint theme → training theme mapping (edited on Pengaduan; an edit clears caches)."""
    return service.theme_map(engine=engine)


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


# ---------------------------------------------------------------- page sections


#: The columns the ranking, its chart and the short-evidence table read. Row selections take only
#: these: the scored frame has about 130, and copying all of them for each selection (and the
#: model's columns merged onto it) was most of a rerun's time on the server.
LISTED_COLUMNS = (
    "kode_unit",
    "nama_unit",
    "status",
    "rank",
    "score",
    "flagged",
    "ikm",
    "rate_per_1000",
    "share_20jp",
    "coverage",
    "risk_band",
)


@dataclass(frozen=True)
class PriorityView:
    """The city scored with the reader's weights, cut to their scope, with the risk model.

    Its row selections are taken once per run, of :data:`LISTED_COLUMNS` only; a unit's whole
    row is :meth:`unit_row`. ``city`` and ``scored`` may be the stored frames: never modify them.
    """

    weights: dict[str, float]
    city: pd.DataFrame
    scored: pd.DataFrame
    result: ModelResult
    #: the all-city figures, and per unit (``kode_unit``) its reasons and missing evidence in the reader's language
    references: dict[str, float]
    reasons: dict[str, str]
    missing: dict[str, str]

    @cached_property
    def _listed(self) -> pd.DataFrame:
        return self.scored[[c for c in LISTED_COLUMNS if c in self.scored.columns]]

    @cached_property
    def _is_ranked(self) -> np.ndarray:
        return (self.scored["status"] == UNIT_RANKED).to_numpy(dtype=bool)

    @cached_property
    def ranked(self) -> pd.DataFrame:
        return self._listed[self._is_ranked]

    @cached_property
    def short(self) -> pd.DataFrame:
        return self._listed[~self._is_ranked]

    @cached_property
    def city_ranked_count(self) -> int:
        """How many units of the whole city are ranked (the "of N" of every rank)."""
        return int((self.city["status"] == UNIT_RANKED).sum())

    @cached_property
    def city_flagged_count(self) -> int:
        """How many ranked units of the whole city are flagged."""
        ranked = (self.city["status"] == UNIT_RANKED).to_numpy(dtype=bool)
        return int(self.city["flagged"].to_numpy()[ranked].sum())

    def unit_row(self, code: str) -> pd.Series:
        """The whole row (every evidence and score column) of the unit ``code`` in view."""
        position = np.flatnonzero((self.scored["kode_unit"] == code).to_numpy(dtype=bool))[0]
        return self.scored.iloc[int(position)]


#: Session keys of the weights' expander (open or not) and of the weights chosen, kept while the
#: expander is closed (its sliders are not built then, and Streamlit forgets a widget not drawn).
WEIGHTS_OPEN_KEY, WEIGHTS_KEY = "priority_weights_open", "telaah_priority_weights"
#: Each weight slider's session key is this prefix and the component's key.
WEIGHT_SLIDER_PREFIX = "telaah_priority_w_"


def weight_sliders() -> dict[str, int]:
    """The score's weights: the sliders behind an expander, built only when it is open.

    A closed plain expander still sent its eight sliders and their columns on every filter
    change (fourteen of the page's elements); the weights chosen stay in the session
    (:func:`lib.ui.method_details.lazy_widgets`)."""
    defaults = {c.key: int(DEFAULT_WEIGHTS[c.key]) for c in COMPONENTS}
    with lazy_widgets(
        t("priority.weights"), WEIGHTS_OPEN_KEY, WEIGHTS_KEY, defaults, prefix=WEIGHT_SLIDER_PREFIX
    ) as weights:
        if weights.open:
            columns = st.columns(4)
            for i, c in enumerate(COMPONENTS):
                columns[i % 4].slider(t(f"priority.component.{c.key}"), 0, 50, step=5, key=weights.key(c.key))
    return weights.values


def scored_section(ctx: PageContext) -> PriorityView:
    """The weight sliders, then the city scored and cut to the scope; an empty note and stop."""
    weights: dict[str, float] = dict(weight_sliders())
    if not any(weights.values()):
        weights = DEFAULT_WEIGHTS
    filters = ctx.filters
    city = scored(ctx.engine, filters.date_from, filters.date_to, tuple(sorted(weights.items())), ctx.lang)
    scope = ctx.query_scope
    # the whole city needs no cut (a copy of every column); a cut keeps the city's order
    in_view = in_scope(city.scored, scope) if scope.path_prefix or scope.region else city.scored
    if in_view.empty:
        st.info(t("priority.empty"))
        st.stop()
    result = model(filters.date_to)
    if result.shown:
        in_view = with_predictions(in_view, result.predictions)
    return PriorityView(
        weights,
        city.scored,
        in_view,
        result,
        city.references,
        city.reasons[ctx.lang],
        city.missing[ctx.lang],
    )


#: The page's two views, a tab each: the units ranked (leadership's question) and one unit's profile.
VIEW_TABS = ("ranking", "profile")
#: Session key of the open view's tab.
VIEW_KEY = "priority_view"


def view_label(tab: str) -> str:
    """A view's tab label."""
    return t("priority.tab.ranking") if tab == "ranking" else t("priority.profile")


def first_view(view: PriorityView) -> str:
    """The tab a new session opens: the profile for a link to a unit's (``?profil=…``) or for a
    scope of one unit (nothing to rank: a lurah's own kelurahan), else the ranking."""
    if PROFILE_PARAM in st.query_params or len(view.ranked) + len(view.short) <= 1:
        return "profile"
    return "ranking"


def views_section(ctx: PageContext, view: PriorityView) -> None:
    """The ranking and a unit's profile, each in a tab; only the open one is built, sent and drawn.

    One under another, the profile (six metrics, its tables, the unit's history and staff) was
    redrawn by the browser on every filter change behind the ranking most readers came for, and
    its two lookups ran with a spinner each time; a tab's click reruns the page and draws that
    view alone. The unit picked stays picked while the ranking is open (``persist_state``).
    """

    def ranking() -> None:
        ranking_section(ctx, view)
        short_section(view, ctx.lang)
        model_section(view.result)

    def profile() -> None:
        row = profile_section(view, ctx.lang)
        reasons_section(ctx, view, row)
        history_and_staff_section(ctx, row)

    draw = {"ranking": ranking, "profile": profile}
    lazy_tabs(
        {view_label(tab): draw[tab] for tab in VIEW_TABS},
        key=VIEW_KEY,
        default=view_label(first_view(view)),
    )


def with_predictions(scored: pd.DataFrame, predictions: pd.DataFrame) -> pd.DataFrame:
    """``scored`` with the model's columns for each unit (missing where it has no prediction), as a
    left merge on ``unit_id`` gives them, without copying the scored frame's 130 columns."""
    extra = predictions.drop(columns="quarter_start").set_index("unit_id")
    if not extra.index.is_unique:  # never from the model (one quarter, a row per unit): merge's answer
        return scored.merge(extra.reset_index(), on="unit_id", how="left")
    matched = extra.reindex(scored["unit_id"].to_numpy()).set_axis(scored.index)
    return pd.concat([scored, matched], axis=1).reset_index(drop=True)


#: Rows of the ranked table until the reader asks for every unit: the whole city's table (its reasons
#: included) was the page's largest element, sent and parsed again on every filter change.
TABLE_ROWS = 25
#: Session key of the ranked table's "show every unit" toggle.
TABLE_ALL_KEY = "priority_table_all"


def ranking_section(ctx: PageContext, view: PriorityView) -> None:
    """How many units are flagged, against which city references, the chart and the ranked table."""
    ranked, result = view.ranked, view.result
    refs = view.references
    scope_line = None
    if len(ranked) < view.city_ranked_count:
        scope_line = t(
            "priority.scope_flagged",
            n=int(ranked["flagged"].sum()),
            total=len(ranked),
            flagged_city=view.city_flagged_count,
        )
    # the count and its two notes in one element (an element per line cost the browser more than the line)
    text_block(
        t(
            "priority.flagged_count",
            n=int(ranked["flagged"].sum()),
            total=len(ranked),
            threshold=num(FLAG_THRESHOLD, 0),
            share=pct(FLAG_REASON_SHARE, 0),
        ),
        note(
            t(
                "priority.city.caption",
                total=num(view.city_ranked_count, 0),
                rate=num(refs["rate_per_1000"], 2),
                on_time=pct(refs["pct_on_time"] / 100, 1),
                late=pct(refs["share_late"], 1),
                jp=pct(refs["share_20jp"], 1),
            )
        ),
        note(scope_line) if scope_line else None,
        note(t("priority.short_count", n=num(len(view.short), 0))) if not view.short.empty else None,
    )
    if not ranked.empty:
        spec, rows = spec_and_data(priority_chart(ranked, ctx.lang, t("priority.chart.title")))
        st.vega_lite_chart(rows, spec=spec, width="stretch", key="priority_chart")

    lang = ctx.lang
    total = len(ranked)
    if total > TABLE_ROWS and not st.toggle(t("priority.table.show_all", n=num(total, 0)), key=TABLE_ALL_KEY):
        ranked = ranked.head(TABLE_ROWS)
        st.caption(t("priority.table.shown", shown=num(TABLE_ROWS, 0), total=num(total, 0)))
    draw_table(ranked_table(ranked, view.reasons, result.shown, lang))


#: The score cell's bar (a light slate, the chart's "below" grey lightened), as wide as the score is of 100.
SCORE_BAR = "#cbd5e1"


def ranked_table(ranked: pd.DataFrame, reasons: Mapping[str, str], risk: bool, lang: str) -> ReadingTable:
    """The ranked units as a reader sees them, in the city's order, to draw as a table to read.

    The rank, score, IKM, rate and shares are written by :mod:`lib.ui.format` and right-aligned;
    the score cell carries a bar of its value (0–100); ``risk`` adds the model's band when the
    model is shown. An HTML table rather than Streamlit's grid (:mod:`lib.ui.html_table` says
    why): the order that matters is the city's rank, and the training plan workbook holds
    every unit to sort.
    """

    def col(key: str) -> str:
        return translate(f"priority.col.{key}", lang)

    written = {
        "city_rank": ("rank", Column("", "int")),
        "score": ("score", Column("", "number", 0)),
        "ikm": ("ikm", Column("", "number", 2)),
        "rate": ("rate_per_1000", Column("", "number", 1)),
        "jp": ("share_20jp", Column("", "percent", 0)),
        "coverage": ("coverage", Column("", "percent", 0)),
    }

    def cells(key: str) -> list[str]:
        field, column = written[key]
        return [format_value(v, column, lang) for v in ranked[field].tolist()]

    table = {
        col("city_rank"): cells("city_rank"),
        col("unit"): [str(name) for name in ranked["nama_unit"]],
        col("score"): cells("score"),
        col("reasons"): [reasons[code] or EMPTY for code in ranked["kode_unit"]],  # "–": none clear
        col("ikm"): cells("ikm"),
        col("rate"): cells("rate"),
        col("jp"): cells("jp"),
        col("coverage"): cells("coverage"),
    }
    if risk:
        table[col("risk")] = [
            translate(f"priority.risk.{b}", lang) if isinstance(b, str) else EMPTY
            for b in ranked["risk_band"]
        ]
    frame = pd.DataFrame(table)
    score_at = list(table).index(col("score"))
    bars = []
    for score in ranked["score"].tolist():
        width = 0 if is_missing(score) else min(max(float(score), 0.0), 100.0)
        row: list[str | None] = [None] * len(table)
        row[score_at] = f"linear-gradient(90deg, {SCORE_BAR} {width:.0f}%, transparent {width:.0f}%)"
        bars.append(row)
    right = (col("city_rank"), col("score"), col("ikm"), col("rate"), col("jp"), col("coverage"))
    # the reasons read as a paragraph, the unit's name on a line or two, the score's bar long enough to compare
    widths = {col("unit"): "9rem", col("score"): "4.5rem", col("reasons"): "16rem"}
    return ReadingTable(frame, right, bars, t("priority.chart.title"), widths)


#: Session key of the open state of the units-without-enough-evidence expander.
SHORT_OPEN_KEY = "priority_short_open"


def short_section(view: PriorityView, lang: str) -> None:
    """Units without enough evidence to rank: what is missing. Built only when opened: a collapsed
    plain expander still sends its table of every such unit (a quarter of the page's payload).

    How many there are is written with the ranking's figures (:func:`ranking_section`), where a
    reader sees it with the list closed: more units than are ranked may lack the data.
    """
    short = view.short
    if short.empty:
        return
    # the label names no count: Streamlit tells an expander by its label, and one holding the count
    # closed the list whenever a period change changed it; the count is written above the table
    with lazy_expander(t("priority.data_kurang.show"), SHORT_OPEN_KEY) as box:
        if not box.open:
            return
        st.caption(t("priority.data_kurang.caption", coverage=pct(MIN_COVERAGE, 0)))
        st.dataframe(
            repeated_text_as_categories(
                pd.DataFrame(
                    {
                        t("priority.col.unit"): short["nama_unit"].tolist(),
                        t("priority.col.coverage"): [percent(v, lang, 0) for v in short["coverage"]],
                        t("priority.col.missing"): [view.missing[code] for code in short["kode_unit"]],
                        t("priority.col.reasons"): [view.reasons[code] for code in short["kode_unit"]],
                    }
                )
            ),
            hide_index=True,
            width="stretch",
        )


#: The unit whose profile is open, in the address (``?profil=KEL-001``), so a link opens the same unit.
PROFILE_PARAM, PROFILE_KEY = "profil", "telaah_priority_unit"


def picker_options(view: PriorityView) -> tuple[list[str], dict[str, str]]:
    """The profile picker's unit codes by name (then code), and each code's name.

    By name, not by rank: the options then stay the same when the period (and so the
    ranking) changes, and Streamlit sends the picker's option list again only by reference
    (it was the page's largest element after the ranked table, sent on every change)."""
    codes = view.ranked["kode_unit"].tolist() + view.short["kode_unit"].tolist()
    names = dict(
        zip(codes, view.ranked["nama_unit"].tolist() + view.short["nama_unit"].tolist(), strict=True)
    )
    return sorted(codes, key=lambda code: (str(names[code]), code)), names


def profile_section(view: PriorityView, lang: str) -> pd.Series:
    """One unit's profile: six metrics and the score's components; returns the unit's row."""
    codes, names = picker_options(view)
    keep_in_url(PROFILE_PARAM, PROFILE_KEY, codes)
    if st.session_state.get(PROFILE_KEY) not in codes:
        # a new session, or a unit outside this view (scope changed): the unit ranked first
        st.session_state[PROFILE_KEY] = (view.ranked if not view.ranked.empty else view.short).iloc[0][
            "kode_unit"
        ]
    code = st.selectbox(
        t("priority.profile.pick"), codes, format_func=names.get, key=PROFILE_KEY, persist_state="page"
    )
    row = view.unit_row(code)
    # three columns of two (the same grid as two rows of three): 4 blocks instead of 8
    columns = st.columns(3)
    metrics = columns + columns
    ikm_text = f"{num(row['ikm'])} ({row['mutu']})" if np.isfinite(row["ikm"]) else "–"
    on_time = pct(row["pct_on_time"] / 100, 0) if np.isfinite(row["pct_on_time"]) else "–"
    score_text = num(row["score"], 0) if row["status"] == UNIT_RANKED else t("priority.data_kurang", n=1)
    metrics[0].metric(t("priority.col.score"), score_text, border=True)
    metrics[1].metric(
        t("priority.col.city_rank"),
        f"{int(row['rank'])} / {view.city_ranked_count}" if row["status"] == UNIT_RANKED else "–",
        border=True,
    )
    metrics[2].metric(t("priority.metric.ikm"), ikm_text, border=True)
    metrics[3].metric(t("priority.metric.rate"), num(row["rate_per_1000"], 1), border=True)
    metrics[4].metric(t("priority.metric.on_time"), on_time, border=True)
    metrics[5].metric(t("priority.metric.untrained"), num(row["untrained_12m"], 0), border=True)

    components = component_rows(row, lang)
    st.dataframe(
        {
            t("priority.col.component"): [c["label"] for c in components],
            t("priority.col.value"): [c["value"] for c in components],
            t("priority.col.standard"): [c["standard"] for c in components],
            t("priority.col.ci"): [c["ci"] for c in components],
            t("priority.col.need"): [number(c["need"], lang, 2) for c in components],
            t("priority.col.evidence"): [c["status"] for c in components],
            t("priority.col.is_reason"): [c["reason"] for c in components],
        },
        hide_index=True,
        width="stretch",
    )
    basis = basis_text(row, lang)
    if basis:
        st.caption(basis)
    return row


def reasons_section(ctx: PageContext, view: PriorityView, row: pd.Series) -> None:
    """Why the unit is flagged, beside the training recommended for it."""
    lang = ctx.lang
    left, right = st.columns(2)
    # each side in one element (heading, list, notes): an element per line cost the browser more than the line
    reasons = "\n".join(
        f"- {t(f'priority.component.{key}')}: {reason_text(key, row, lang)}" for key in row["reasons"]
    )
    band = row.get("risk_band")
    risk = None
    if view.result.shown and isinstance(band, str):
        risk = f"{t('priority.col.risk')}: {t('priority.risk.' + band)} ({model_reasons_text(row, lang)})"
    with left:
        text_block(
            f"**{t('priority.profile.reasons')}**",
            reasons or note(t("priority.profile.no_reasons")),
            note(risk) if risk else None,
        )
    themes = recommended_themes(row, theme_map=theme_map(ctx.engine))
    items = []
    for theme, source in themes:
        kind, _, name = source.partition(":")
        label = name if kind != "complaints" else t(f"complaints.theme.{name}")
        items.append(f"- {t(theme)} · _{t(f'priority.profile.source.{kind}', name=label)}_")
    with right:
        text_block(
            f"**{t('priority.profile.recommend')}**",
            "\n".join(items) if items else note(t("priority.profile.no_recommend")),
        )


def effect_text(d_z: object, low: object, high: object, lang: str) -> str:
    """A course's learning effect with its interval, ``0,45 (0,30–0,60)``; "–" when unknown.

    Written as one text with the interval, its parts missing were "– (––)".
    """
    if is_missing(d_z):
        return EMPTY
    shown = number(d_z, lang, 2)
    if is_missing(low) or is_missing(high):
        return shown
    return f"{shown} ({number(low, lang, 2)}–{number(high, lang, 2)})"


def history_and_staff_section(ctx: PageContext, row: pd.Series) -> None:
    """The training the unit already had (and whether it worked), and its staff still to train."""
    filters, lang = ctx.filters, ctx.lang
    # consecutive lines (a heading, the caption under a table, the next heading) are drawn as one element
    lines = TextRun()
    lines.add(f"**{t('priority.profile.history')}**")
    unit_scope = current_scope(Scope(path_prefix=row["path"]))
    history = training_history(ctx.engine, unit_scope, filters.date_from, filters.date_to)
    if history.empty:
        lines.add(note(t("priority.profile.no_history")))
    else:
        lines.draw()
        st.dataframe(
            {
                t("priority.history.program"): history["program_name"],
                t("priority.history.end"): [day(d) for d in history["end_date"]],
                t("priority.history.participants"): history["participants"],
                t("priority.history.effect"): [
                    effect_text(d, lo, hi, lang)
                    for d, lo, hi in zip(
                        history["d_z"], history["d_z_ci_low"], history["d_z_ci_high"], strict=True
                    )
                ],
                t("priority.history.verdict"): [t(f"impact.verdict.{v}") for v in history["verdict"]],
            },
            hide_index=True,
            width="stretch",
        )
        lines.add(note(t("priority.profile.history_caption")))

    lines.add(f"**{t('priority.profile.staff')}**")
    unit_staff = staff(ctx.engine, unit_scope, filters.date_to.year, filters.date_to)
    unit_staff = unit_staff[unit_staff["unit_code"] == row["kode_unit"]]
    if unit_staff.empty:
        lines.add(note(t("priority.profile.no_staff")))
    elif can_see_names(ctx.principal):
        lines.draw()
        st.dataframe(staff_table(unit_staff, lang), hide_index=True, width="stretch")
    else:
        lines.add(note(t("priority.profile.staff_hidden", n=len(unit_staff))))
    lines.draw()


def model_section(result: ModelResult) -> None:
    """The risk model's measured quality, or why it is not shown."""
    text_block(f"### {t('priority.model.title')}", note(t("priority.model.caption")))
    if not result.available:
        st.info(t(f"priority.model.unavailable.{result.reason}"))
        return
    if result.shown:
        plain_line = t("priority.model.bands", **{b: pct(result.band_rates[b], 0) for b in result.band_rates})
    else:
        plain_line = t("priority.model.hidden", auc=num(result.auc, 2), minimum=num(MIN_AUC, 2))
    (st.info if result.shown else st.warning)(plain_line)
    with details_expander(key="priority_model_details") as box:
        if box.open:
            _model_details(result)


def _model_details(result: ModelResult) -> None:
    """How the model was built and tested (drawn only when the reader opens the details)."""
    st.markdown(t("priority.model.method"))
    cols = st.columns(3)
    cols[0].metric(t("priority.model.auc"), num(result.auc, 2))
    cols[1].metric(t("priority.model.balanced"), pct(result.balanced_accuracy, 0))
    cols[2].metric(t("priority.model.base_rate"), pct(result.base_rate_test, 0))
    st.caption(
        t(
            "priority.model.split",
            train_from=result.train_quarters[0],
            train_to=result.train_quarters[-1],
            test_from=result.test_quarters[0],
            test_to=result.test_quarters[-1],
            n_train=num(result.n_train, 0),
            n_test=num(result.n_test, 0),
        )
    )


def export_section(ctx: PageContext, view: PriorityView) -> None:
    """The training plan workbook, built only when the button is clicked."""
    principal, scope, filters, engine = ctx.principal, ctx.query_scope, ctx.filters, ctx.engine

    def _training_plan() -> bytes:
        """Built only when the button is clicked (it lists every priority employee at city scale)."""
        from lib.reports.training_plan import training_plan_xlsx

        people = None
        if can_see_names(principal):
            people = redact_people(
                service.staff_needing(
                    engine=engine, scope=scope, year=filters.date_to.year, as_of=filters.date_to
                ),
                principal,
            )
        return training_plan_xlsx(view.scored, people, view.weights, ctx.lang, theme_map(engine))

    audited_download_button(
        t("priority.export"),
        _training_plan,
        file_name=f"rencana_pelatihan_{filters.date_to:%Y%m%d}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        kind="training_plan",
        rows=len(view.ranked),
        icon=":material/download:",
    )
