"""The Kepuasan Masyarakat page's sections, its cached IKM figures and charts (also used by the home page).

Cached wrappers take the engine first (``lib.ui.data.engine()``, keyed by its URL)
and the scope, and call :mod:`lib.services.ikm`; they cache small aggregated
frames only. Charts are Vega-Lite specs built from lib results (:mod:`lib.ui.vega` says
why), the element scores a graded table (:mod:`lib.ui.nrr_table`); grade colours and bands
are the same everywhere (:data:`GRADE_COLORS`). The ``*_section``
functions draw one part of the page each, so the page file only orders them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler
from sqlalchemy import Engine

from lib.analysis.ikm import IkmChange, unit_changes, weakest_for_row
from lib.analysis.ikm_formula import GRADE_BOUNDS_100
from lib.auth.audit import Action
from lib.auth.privacy import prepare_for_display
from lib.i18n import fmt_number, translate
from lib.queries.units import Scope
from lib.services import ikm as service
from lib.ui.blocks import note, side_by_side, text_block
from lib.ui.data import cached
from lib.ui.format import EMPTY, Column, change, is_missing, period_text
from lib.ui.format import number as format_number
from lib.ui.html_table import draw_table
from lib.ui.i18n import day, num, t
from lib.ui.method_details import lazy_expander, lazy_tabs
from lib.ui.nrr_table import nrr_table
from lib.ui.page import PageContext
from lib.ui.tables import sorted_by_value
from lib.ui.text import plain
from lib.ui.vega import FIT_WIDTH, band_height, colour_scale, named_data, sendable, spec_and_data, whole_axis

#: Grade colours: green A, yellow B, orange C, red D (cells, bars and bands alike).
GRADE_COLORS = {"A": "#4caf50", "B": "#fdd835", "C": "#fb8c00", "D": "#e53935"}
#: Colour of a reference line (the grade bounds) and of a bar whose grade is unknown ("–").
NO_GRADE = "#9e9e9e"
#: Colour scale of the grade letters, for every chart that colours by grade.
GRADE_SCALE = colour_scale({**GRADE_COLORS, "–": NO_GRADE})
#: A mark coloured by the ``grade`` field of its data, without a legend (the labels name the grade).
GRADE_ENCODING = {"field": "grade", "type": "nominal", "scale": GRADE_SCALE, "legend": None}
GROUP_DIMENSIONS = service.GROUP_DIMENSIONS
#: Session keys of the heatmap/ranking tabs (the open tab's label) and of the respondent profile's expander.
VIEW_KEY, PROFILE_OPEN_KEY = "ikm_view", "ikm_profile_open"
#: Session key of the suggestions' expander (built only when open).
SARAN_OPEN_KEY = "ikm_saran_open"


@cached()
def survey_bounds(engine: Engine, scope: Scope) -> tuple[date | None, date | None]:
    return service.survey_bounds(engine=engine, scope=scope)


@cached()
def scope_name(engine: Engine, scope: Scope, city: str) -> str:
    """What to call the scope in headings: the unit at the top of the subtree, the wilayah, or the city."""
    return service.scope_name(engine=engine, scope=scope, city=city)


@cached()
def monthly(engine: Engine, scope: Scope, date_from: date, date_to: date) -> pd.DataFrame:
    """Sums per unit and month of a scope and range: the one query the IKM figures of a render share."""
    return service.monthly(engine=engine, scope=scope, date_from=date_from, date_to=date_to)


@cached()
def units_ikm(
    engine: Engine, scope: Scope, date_from: date, date_to: date, weight: str, rollup: bool
) -> pd.DataFrame:
    sums = monthly(engine, scope, date_from, date_to)
    return service.unit_ikm(
        engine=engine,
        scope=scope,
        date_from=date_from,
        date_to=date_to,
        weight=weight,  # type: ignore[arg-type]
        rollup=rollup,
        monthly=sums,
    )


@cached()
def ranked_units(
    engine: Engine, scope: Scope, date_from: date, date_to: date, weight: str, rollup: bool
) -> pd.DataFrame:
    """:func:`units_ikm` with each unit's change against the previous equal-length range."""
    prev_from, prev_to = service.previous_window(date_from=date_from, date_to=date_to)
    previous = units_ikm(engine, scope, prev_from, prev_to, weight, rollup)
    return unit_changes(units_ikm(engine, scope, date_from, date_to, weight, rollup), previous)


@cached()
def scope_change(engine: Engine, scope: Scope, date_from: date, date_to: date, weight: str) -> IkmChange:
    prev_from, prev_to = service.previous_window(date_from=date_from, date_to=date_to)
    return service.ikm_change(
        engine=engine,
        scope=scope,
        date_from=date_from,
        date_to=date_to,
        weight=weight,  # type: ignore[arg-type]
        monthly=monthly(engine, scope, date_from, date_to),
        previous_monthly=monthly(engine, scope, prev_from, prev_to),
    )


@cached()
def scope_trend(
    engine: Engine, scope: Scope, date_from: date, date_to: date, weight: str, period: str
) -> pd.DataFrame:
    sums = monthly(engine, scope, date_from, date_to)
    return service.scope_ikm(
        engine=engine,
        scope=scope,
        date_from=date_from,
        date_to=date_to,
        weight=weight,  # type: ignore[arg-type]
        period=period,
        monthly=sums,
    )


@cached()
def unit_trend(
    engine: Engine,
    scope: Scope,
    unit_path: str,
    unit_id: int,
    date_from: date,
    date_to: date,
    weight: str,
    period: str,
    rollup: bool,
) -> pd.DataFrame:
    """A unit of ``scope``: its rows come from the scope's monthly sums (already read this render),
    unless its sub-units count and a wilayah may cut its subtree."""
    shared = not rollup or not scope.region
    return service.unit_trend(
        engine=engine,
        unit_path=unit_path,
        unit_id=unit_id,
        date_from=date_from,
        date_to=date_to,
        weight=weight,  # type: ignore[arg-type]
        period=period,
        rollup=rollup,
        monthly=monthly(engine, scope, date_from, date_to) if shared else None,
    )


@cached()
def trend_spec(
    engine: Engine,
    scope: Scope,
    unit_path: str,
    unit_id: int,
    unit_name: str,
    place: str,
    w: IkmWindow,
    period: str,
    lang: str,
) -> dict[str, Any]:
    """The trend chart of ``place`` and one of its units (:func:`trend_chart`, its rows as named
    datasets), kept like the figures it draws: built on every run it was several ms of each
    filter change, while the server's run is partly added to what the reader waits."""
    series = [
        (place, scope_trend(engine, scope, w.date_from, w.date_to, w.weight, period)),
        (
            unit_name,
            unit_trend(engine, scope, unit_path, unit_id, w.date_from, w.date_to, w.weight, period, w.rollup),
        ),
    ]
    return named_data(trend_chart(series, lang))


def profile(
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    weight: str,
    unit_id: int | None,
) -> dict[str, pd.DataFrame]:
    """IKM by respondent group. One unit's is a quick query (cached); a whole scope's reads every
    response of the period (most of a minute for a city), so it is stored (``ikm.profile``) and
    computed with a progress bar the first time anyone asks for it."""
    if unit_id is not None:
        return _unit_profile(engine, scope, date_from, date_to, weight, unit_id)
    from lib.results.dashboard import window_params
    from lib.ui.results import stored

    params = {**window_params(date_from, date_to, scope), "weight": weight}
    return stored("ikm.profile", params, "profile").value


@cached()
def _unit_profile(
    engine: Engine, scope: Scope, date_from: date, date_to: date, weight: str, unit_id: int
) -> dict[str, pd.DataFrame]:
    return service.unit_profile(
        engine=engine,
        scope=scope,
        date_from=date_from,
        date_to=date_to,
        weight=weight,  # type: ignore[arg-type]
        unit_ids=[unit_id],
    )


@cached()
def saran(
    engine: Engine, unit_path: str, unit_id: int, date_from: date, date_to: date, text: str, limit: int = 200
) -> tuple[pd.DataFrame, int]:
    return service.suggestions(
        engine=engine,
        unit_path=unit_path,
        unit_id=unit_id,
        date_from=date_from,
        date_to=date_to,
        text=text,
        limit=limit,
    )


def _write(value: float, lang: str, decimals: int, babel: bool) -> str:
    return fmt_number(value, lang, decimals) if babel else format_number(value, lang, decimals)


_written = lru_cache(maxsize=16384)(_write)


def written(value: object, lang: str, decimals: int = 2, *, babel: bool = False) -> str:
    """``value`` as :func:`lib.ui.format.number` (or, with ``babel``, :func:`lib.i18n.fmt_number`)
    writes it, remembered: a rerun draws the same figures again, and formatting each one
    cost more than the rest of drawing the heatmap."""
    if is_missing(value) or value == 0:  # NaN is never equal to itself; -0.0 equals 0.0
        return _write(value, lang, decimals, babel)  # type: ignore[arg-type]
    try:
        return _written(value, lang, decimals, babel)  # type: ignore[arg-type]
    except TypeError:  # unhashable
        return _write(value, lang, decimals, babel)  # type: ignore[arg-type]


def format_numbers(values, lang: str, decimals: int = 2) -> list[str]:  # type: ignore[no-untyped-def]
    """Many numbers as :func:`lib.ui.format.number` writes them ("–" where missing)."""
    return [written(value, lang, decimals) for value in values]


def signed(value: float | None, lang: str, decimals: int = 2) -> str | None:
    """A change as st.metric's delta wants it: ``+1,23`` / ``-0,50``; None when unknown."""
    found = change(value, lang, decimals)
    return None if found is None else found.text


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
    """``50 responden, kurang dari 278`` (or ``400 responden, cukup (minimal 278)``, or ``9 responden``) per row."""
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


def ranking_table(ranked: pd.DataFrame, lang: str) -> Styler:
    """The units table of the page, best first: code, name, IKM, grade, change, sample.

    The IKM and its change stay numbers, written the reader's way (:func:`lib.ui.tables.sorted_by_value`):
    a reader sorting by the change finds the biggest falls first (as text, "-0,50" sorted before
    "-2,00", and an IKM of "100,00" before "25,00").
    """
    ikm, change_col = translate("ikm.col.ikm", lang), translate("ikm.col.change", lang)
    table = pd.DataFrame(
        {
            translate("ikm.col.code", lang): ranked["kode_unit"].to_numpy(),
            translate("ikm.col.unit", lang): ranked["nama_unit"].to_numpy(),
            ikm: ranked["ikm_2dp"].to_numpy(dtype=float),
            translate("ikm.col.grade", lang): ranked["mutu"].to_numpy(),
            change_col: ranked["perubahan"].to_numpy(dtype=float),
            translate("ikm.col.sample", lang): sample_texts(ranked, lang),
        }
    )
    return sorted_by_value(table, {ikm: Column("", "number", 2), change_col: Column("", "number", 2)}, lang)


# ---------------------------------------------------------------- charts


def _short(enough: object) -> bool:
    """A ``sampel_cukup`` value that says the sample is short (unknown: False)."""
    return enough is not None and not pd.isna(enough) and not bool(enough)


def sample_short(row: pd.Series) -> bool:
    """True when the row's respondents are below its Krejcie–Morgan minimum (unknown: False)."""
    return _short(row.get("sampel_cukup"))


def unit_label(row: pd.Series) -> str:
    return f"{row['nama_unit']} ({row['kode_unit']})"


def unit_labels(frame: pd.DataFrame) -> list[str]:
    """:func:`unit_label` of every row, in order (without building a Series per row)."""
    return [
        f"{name} ({code})"
        for name, code in zip(frame["nama_unit"].tolist(), frame["kode_unit"].tolist(), strict=True)
    ]


def samples_short(frame: pd.DataFrame) -> list[bool]:
    """:func:`sample_short` of every row, in order."""
    if "sampel_cukup" not in frame.columns:
        return [False] * len(frame)
    return [_short(value) for value in frame["sampel_cukup"].tolist()]


def ranking_chart(frame: pd.DataFrame, lang: str, limit: int = 20) -> dict[str, Any]:
    """Horizontal bars of unit IKM, best on top, coloured by grade, with the grade bounds
    dotted beneath; ⚠ marks a short sample. A Vega-Lite spec (``st.vega_lite_chart``).

    With more than ``2 × limit`` units only the ``limit`` weakest and strongest
    are drawn (the page's table lists every unit).
    """
    ranked = frame.sort_values("ikm", ascending=False)
    if len(ranked) > 2 * limit:
        ranked = pd.concat([ranked.head(limit), ranked.tail(limit)])
    labels = [
        label + (" ⚠" if short else "")
        for label, short in zip(unit_labels(ranked), samples_short(ranked), strict=True)
    ]
    rows = [
        {
            "unit": label,
            "ikm": float(value),
            "grade": grade if isinstance(grade, str) else "–",
            "text": f"{written(value, lang, 2, babel=True)} {grade if isinstance(grade, str) else ''}".strip(),
            "value": written(value, lang, 2, babel=True),
            "n": format_number(n, lang, 0),
            "place": place,
        }
        for place, (label, value, grade, n) in enumerate(
            zip(
                labels,
                ranked["ikm_2dp"].tolist(),
                ranked["mutu"].tolist(),
                ranked["responden"].tolist(),
                strict=True,
            )
        )
    ]
    title = translate("ikm.axis.ikm", lang)
    # best on top by each row's place, not by a list of names: the spec without its data then
    # stays the same when the period changes the figures (:func:`lib.ui.vega.spec_and_data`)
    sort = {"field": "place", "op": "min"}
    y = {"field": "unit", "type": "nominal", "sort": sort, "title": None, "axis": {"labelLimit": 360}}
    x = {
        "field": "ikm",
        "type": "quantitative",
        "scale": {"domain": [25, 105], "nice": False},
        "axis": whole_axis(title, 25, 100),
    }
    return {
        "height": band_height(len(rows), 22),
        "autosize": FIT_WIDTH,
        "data": {"values": rows},
        "layer": [
            {
                "data": {"values": [{"bound": bound} for _letter, bound in GRADE_BOUNDS_100]},
                "mark": {"type": "rule", "strokeDash": [2, 3], "color": NO_GRADE},
                "encoding": {"x": {"field": "bound", "type": "quantitative"}},
            },
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "y": y,
                    "x": x,
                    "color": GRADE_ENCODING,
                    "tooltip": [
                        {"field": "unit", "type": "nominal", "title": translate("ikm.col.unit", lang)},
                        {"field": "value", "type": "nominal", "title": "IKM"},
                        {"field": "grade", "type": "nominal", "title": translate("ikm.col.grade", lang)},
                        {"field": "n", "type": "nominal", "title": "n"},
                    ],
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 3},
                "encoding": {"y": y, "x": x, "text": {"field": "text", "type": "nominal"}},
            },
        ],
    }


#: The trend's series colours (the scope first, then the unit) and dashes (the scope's dashed).
TREND_COLOURS = ["#37474f", "#1565c0", "#6a1b9a", "#00838f"]
TREND_DASHES = [[5, 4], [1, 0], [1, 0], [1, 0]]


def trend_floor(lowest: float | None) -> float:
    """Where the trend's IKM axis starts: 6 points under the lowest figure, never above 60 (the
    D/C bands stay in sight) nor under 25 (the lowest IKM there is)."""
    return min(max(25.0, (60.0 if lowest is None else lowest) - 6), 60.0)


def trend_chart(series: list[tuple[str, pd.DataFrame]], lang: str) -> dict[str, Any]:
    """IKM per period for one or more series (the first dashed), over the A/B/C/D bands shaded
    behind and named on the right. A Vega-Lite spec with data in three layers, for
    ``st.vega_lite_chart(spec=sendable(named_data(…)))``.

    The spec names nothing that changes with the period (:func:`lib.ui.vega.named_data`): the
    axis's floor (:func:`trend_floor`) is where the lowest band's rows start, the y scale's
    domain is the data's own extent (bands and points), the periods and series are ordered by
    fields of the rows, and the series' names are in the rows only.
    """
    bounds = [25.0, GRADE_BOUNDS_100[2][1], GRADE_BOUNDS_100[1][1], GRADE_BOUNDS_100[0][1], 100.0]
    rows, lows, periods = [], [], {}
    shown = [(name, frame) for name, frame in series if not frame.empty]
    for rank, (name, frame) in enumerate(shown):
        lows.append(float(frame["ikm_2dp"].min()))
        for label, value, grade, n in zip(
            frame["period_label"].tolist(),
            frame["ikm_2dp"].tolist(),
            frame["mutu"].tolist(),
            frame["responden"].tolist(),
            strict=True,
        ):
            text = period_text(label, lang)
            periods.setdefault(str(label), text)
            rows.append(
                {
                    "series": name,
                    "rank": rank,
                    "period": text,
                    "key": str(label),
                    "ikm": float(value),
                    "value": written(value, lang, 2, babel=True),
                    "grade": grade if isinstance(grade, str) else "–",
                    "n": format_number(n, lang, 0),
                }
            )
    low = trend_floor(min(lows) if lows else None)
    # the bands from the floor up: the scale's domain is then the data's extent, [floor, 100]
    bands = [
        {"grade": letter, "low": max(bounds[i], low), "high": bounds[i + 1]}
        for i, letter in enumerate(["D", "C", "B", "A"])
        if bounds[i + 1] > low
    ]
    for band in bands:
        band["middle"] = (band["low"] + band["high"]) / 2
    # periods ordered by a field of the rows, not by a list in the spec: the spec then stays the
    # same when only the figures change (see :func:`spec_and_data`)
    position = {key: i for i, key in enumerate(sorted(periods))}
    for row in rows:
        row["order"] = position[row.pop("key")]
    title = translate("ikm.axis.ikm", lang)
    y_scale = {"zero": False, "nice": False, "clamp": True}
    by_rank = {"field": "rank", "op": "min"}
    return {
        "height": 240,
        "autosize": FIT_WIDTH,
        "data": {"values": rows},
        "layer": [
            {
                "data": {"values": bands},
                "mark": {"type": "rect", "opacity": 0.14},
                "encoding": {
                    "y": {"field": "low", "type": "quantitative", "scale": y_scale},
                    "y2": {"field": "high"},
                    "color": GRADE_ENCODING,
                },
            },
            {
                "data": {"values": bands},
                "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 11, "color": "#475569"},
                "encoding": {
                    "x": {"value": {"expr": "width"}},
                    "y": {"field": "middle", "type": "quantitative", "scale": y_scale},
                    "text": {"field": "grade", "type": "nominal"},
                },
            },
            {
                "mark": {"type": "line", "point": True},
                "encoding": {
                    "x": {
                        "field": "period",
                        "type": "ordinal",
                        "sort": {"field": "order", "op": "min"},
                        "title": translate("ikm.axis.period", lang),
                        "axis": {"labelAngle": -45, "titlePadding": 12},
                    },
                    "y": {
                        "field": "ikm",
                        "type": "quantitative",
                        "scale": y_scale,
                        # whole tens below 1,000: the same in both languages
                        "axis": {"title": title, "format": "d", "tickMinStep": 10},
                    },
                    "color": {
                        "field": "series",
                        "type": "nominal",
                        "sort": by_rank,
                        "scale": {"range": TREND_COLOURS},
                        "legend": {"orient": "bottom", "title": None, "labelLimit": 400},
                    },
                    "strokeDash": {
                        "field": "series",
                        "type": "nominal",
                        "sort": by_rank,
                        "scale": {"range": TREND_DASHES},
                        "legend": None,
                    },
                    "tooltip": [
                        {"field": "series", "type": "nominal", "title": " "},
                        {"field": "period", "type": "nominal", "title": translate("ikm.axis.period", lang)},
                        {"field": "value", "type": "nominal", "title": "IKM"},
                        {"field": "grade", "type": "nominal", "title": translate("ikm.col.grade", lang)},
                        {"field": "n", "type": "nominal", "title": "n"},
                    ],
                },
            },
        ],
        "resolve": {"scale": {"color": "independent"}},
    }


def group_label(dimension: str, value: object, lang: str) -> str:
    if value is None:
        return translate("ikm.profile.blank", lang)
    if dimension == "gender" and value in ("L", "P"):
        return translate(f"ikm.profile.{value}", lang)
    return str(value)


#: How far right of the longest bar the profile's x axis reaches, as a share of that bar (room
#: for its label).
PROFILE_ROOM = 1.3


def profile_chart(frame: pd.DataFrame, dimension: str, lang: str, limit: int = 12) -> dict[str, Any]:
    """Respondents per group (bars, coloured by the group's grade) with each group's IKM in
    the label. A Vega-Lite spec for ``spec_and_data``.

    The spec names nothing that changes with the period but the number of groups (its height):
    groups are ordered by a field of the rows, and a bar's length is its share of the longest
    (the axis has no numbers; the label gives them) on a fixed domain."""
    shown = frame.head(limit)
    labels = [group_label(dimension, g, lang) for g in shown["group"]]
    top = max([int(n) for n in shown["responden"].tolist()] or [1]) or 1
    rows = [
        {
            "group": label,
            "order": i,
            "responden": int(n),
            "share": int(n) / top,
            "grade": grade if isinstance(grade, str) else "–",
            "text": f"{written(n, lang, 0, babel=True)} · IKM {written(v, lang, 2, babel=True)}",
        }
        for i, (label, n, v, grade) in enumerate(
            zip(
                labels,
                shown["responden"].tolist(),
                shown["ikm_2dp"].tolist(),
                shown["mutu"].tolist(),
                strict=True,
            )
        )
    ]
    y = {
        "field": "group",
        "type": "nominal",
        "sort": {"field": "order", "op": "min"},
        "title": None,
        "axis": {"labelLimit": 300},
    }
    x = {
        "field": "share",
        "type": "quantitative",
        "scale": {"domain": [0, PROFILE_ROOM], "nice": False},
        "axis": {"title": translate("ikm.axis.respondents", lang), "labels": False, "ticks": False},
    }
    return {
        "height": band_height(len(rows), 28),
        "autosize": FIT_WIDTH,
        "data": {"values": rows},
        "layer": [
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "y": y,
                    "x": x,
                    "color": GRADE_ENCODING,
                    "tooltip": [
                        {"field": "group", "type": "nominal", "title": translate("ikm.profile.by", lang)},
                        {
                            "field": "text",
                            "type": "nominal",
                            "title": translate("ikm.axis.respondents", lang),
                        },
                    ],
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 3},
                "encoding": {"y": y, "x": x, "text": {"field": "text", "type": "nominal"}},
            },
        ],
    }


# ---------------------------------------------------------------- page sections


@dataclass(frozen=True)
class IkmWindow:
    """The page's choices after the opening: the range clamped to the survey data, weight, roll-up."""

    date_from: date
    date_to: date
    weight: str
    rollup: bool


def window_section(ctx: PageContext) -> tuple[date, date]:
    """The sidebar's range cut to the days with survey data; an empty note and stop when there are none."""
    first, last = survey_bounds(ctx.engine, ctx.query_scope)
    if first is None or last is None:
        st.info(t("ikm.page.empty"))
        st.stop()
    date_from, date_to = max(ctx.filters.date_from, first), min(ctx.filters.date_to, last)
    if date_from > date_to:
        st.info(t("ikm.page.empty"))
        st.stop()
    return date_from, date_to


def options_section(date_from: date, date_to: date) -> IkmWindow:
    """The weight (0,111 or exactly 1/9) and whether a unit's figures include its sub-units."""
    line = side_by_side(gap="large", align="center")
    weight = (
        line.segmented_control(
            t("ikm.weight.label"),
            ["0.111", "exact"],
            default="0.111",
            format_func=lambda w: t(f"ikm.weight.option.{w}"),
            help=t("ikm.weight.help"),
            key="ikm_weight",
        )
        or "0.111"
    )
    rollup = line.toggle(t("ikm.rollup.label"), help=t("ikm.rollup.help"), key="ikm_rollup")
    return IkmWindow(date_from, date_to, weight, rollup)


def headline_section(
    ctx: PageContext, w: IkmWindow, units: pd.DataFrame, change: IkmChange
) -> tuple[str, str]:
    """The caption, four metrics and the plain-language sentence; returns the scope's name and weight text."""
    weight_text = t(f"ikm.weight.{change.weight}")
    st.caption(t("ikm.page.caption", n=num(change.responden, 0), start=day(w.date_from), end=day(w.date_to)))
    place = scope_name(ctx.engine, ctx.query_scope, t("ikm.scope.city"))
    delta_help = (
        t(
            "ikm.metric.delta_help",
            start=day(change.previous_from),
            end=day(change.previous_to),
            prev=num(change.previous_2dp),
            n=num(change.previous_responden, 0),
        )
        if change.delta is not None
        else t("ikm.metric.no_previous", start=day(change.previous_from), end=day(change.previous_to))
    )
    figures = side_by_side()
    figures.metric(
        t("ikm.metric.ikm", scope=place) + f" ({weight_text})",
        num(change.ikm_2dp),
        delta=signed(change.delta, ctx.lang),
        help=delta_help,
    )
    figures.metric(t("ikm.metric.grade"), t(f"ikm.grade.{change.mutu}"))
    figures.metric(
        t("ikm.metric.respondents"),
        num(change.responden, 0),
        delta=None if not change.previous_responden else num(change.responden - change.previous_responden, 0),
        delta_color="off",
    )
    figures.metric(t("ikm.metric.units"), num(len(units), 0))
    text_block(change_sentence(change, plain(place), ctx.lang), note(t("ikm.sentence.caveat")))
    return place, weight_text


#: The page's three views, one tab each, in this order: the units' element scores, the units
#: ranked, and one unit in detail (its weakest elements, trend, respondents, suggestions, SKM report).
VIEW_TABS = ("heatmap", "ranking", "unit")


def view_label(tab: str) -> str:
    """A view's tab label."""
    return t(f"ikm.section.{tab}")


def first_view(units: pd.DataFrame) -> str:
    """The tab a new session opens: the unit's detail for a scope of one unit (a puskesmas head's,
    a lurah's: nothing to compare), else the units' element scores."""
    return "unit" if len(units) <= 1 else "heatmap"


def views_section(ctx: PageContext, w: IkmWindow, units: pd.DataFrame, place: str, weight_text: str) -> None:
    """The element scores per unit, the ranking and one unit in detail, each in a tab; only the
    open one is built, sent and drawn.

    One under another, the unit's detail (its picker, figures, weakest elements, trend chart and
    report buttons: twenty elements) was redrawn by the browser on every filter change under the
    city's view most leaders came for: 0.40 s a change against 0.30 s without it at city scale
    (Chromium, eight changes). A tab's click reruns the page and draws that view alone; the unit
    picked stays picked while another tab is open (``persist_state``).
    """

    def ranked() -> pd.DataFrame:  # read by the ranking and the unit's tab only, not the NRR table's runs
        return ranked_units(ctx.engine, ctx.query_scope, w.date_from, w.date_to, w.weight, w.rollup)

    def ranking() -> None:
        ranked_now = ranked()
        spec, rows = spec_and_data(ranking_chart(ranked_now, ctx.lang, limit=15))
        st.vega_lite_chart(rows, spec=spec, width="stretch", key="ikm_ranking")
        more = t("ikm.ranking.more", shown=15, total=len(ranked_now)) if len(ranked_now) > 30 else ""
        st.caption(f"{t('ikm.ranking.caption')} IKM: {weight_text}. {more}")
        st.dataframe(ranking_table(ranked_now, ctx.lang), hide_index=True, width="stretch", placeholder=EMPTY)
        st.caption(t("ikm.sample.note"))

    def unit_detail() -> None:
        unit = unit_section(ctx, w, units, ranked(), weight_text)
        weakest_and_trend_section(ctx, w, unit, place, weight_text)
        profile_section(ctx, w, unit, place)
        suggestions_section(ctx, w, unit)
        report_section(ctx, w, unit)

    draw = {"heatmap": lambda: _nrr_section(ctx, units), "ranking": ranking, "unit": unit_detail}
    lazy_tabs(
        {view_label(tab): draw[tab] for tab in VIEW_TABS},
        key=VIEW_KEY,
        default=view_label(first_view(units)),
    )


#: Rows of the NRR table by default (what its height shows) and with "show more" on: its cells are
#: sent and parsed again on every filter change, and the first rows (the weakest units) are the ones read.
NRR_ROWS, NRR_ROWS_MORE = 10, 40
#: Session key of the NRR table's "show more units" toggle.
NRR_MORE_KEY = "ikm_heatmap_more"


def _nrr_section(ctx: PageContext, units: pd.DataFrame) -> None:
    """The NRR table of the weakest units (:data:`NRR_ROWS`, or :data:`NRR_ROWS_MORE` on request)."""
    more = len(units) > NRR_ROWS and st.toggle(
        t("ikm.heatmap.show_more", n=num(min(len(units), NRR_ROWS_MORE), 0)), key=NRR_MORE_KEY
    )
    limit = NRR_ROWS_MORE if more else NRR_ROWS
    draw_table(nrr_table(units, ctx.lang, limit=limit))
    shown = min(limit, len(units))
    note = t("ikm.heatmap.more", shown=num(shown, 0), total=num(len(units), 0)) if len(units) > shown else ""
    st.caption(f"{t('ikm.heatmap.caption')} {note}")


#: Session key of the detail unit's picker.
DETAIL_UNIT_KEY = "ikm_detail_unit"


def picker_options(units: pd.DataFrame) -> tuple[list[str], dict[str, str]]:
    """The detail picker's unit codes by label (name, then code), and each code's label.

    By name, not by IKM: the options then stay the same when the period changes, and Streamlit
    sends the picker again only by reference (it was the largest element after the NRR table)."""
    labels = dict(zip(units["kode_unit"].tolist(), unit_labels(units), strict=True))
    return sorted(labels, key=lambda code: (labels[code], code)), labels


def unit_section(ctx: PageContext, w: IkmWindow, units: pd.DataFrame, ranked: pd.DataFrame, weight_text: str):  # type: ignore[no-untyped-def]
    """One unit in detail (the weakest first): its IKM, grade, sample; returns the unit's row."""
    codes, labels = picker_options(units)
    if st.session_state.get(DETAIL_UNIT_KEY) not in codes:
        # a new session, or a unit without responses in this period: the sidebar's unit, else the weakest
        weakest = units.sort_values("ikm")["kode_unit"].iloc[0]
        st.session_state[DETAIL_UNIT_KEY] = (
            ctx.filters.unit_code if ctx.filters.unit_code in codes else weakest
        )
    code = st.selectbox(
        t("ikm.unit.select"),
        codes,
        format_func=labels.get,
        key=DETAIL_UNIT_KEY,
        persist_state="page",  # kept while another view's tab is open
    )
    unit = ranked[ranked["kode_unit"] == code].iloc[0]
    prev_from, prev_to = service.previous_window(date_from=w.date_from, date_to=w.date_to)
    st.subheader(plain(unit["nama_unit"]))
    figures = side_by_side(gap="large")
    figures.metric(
        f"IKM ({weight_text})",
        num(unit["ikm_2dp"]),
        delta=signed(unit["perubahan"], ctx.lang),
        help=t("ikm.metric.unit_delta_help", start=day(prev_from), end=day(prev_to)),
        width="content",
    )
    figures.metric(
        t("ikm.metric.grade"),
        t(f"ikm.grade.{unit['mutu']}") if isinstance(unit["mutu"], str) else "–",
        width="content",
    )
    sample_note = sample_texts(ranked[ranked["kode_unit"] == code], ctx.lang)[0]
    if sample_short(unit):
        needed = format_number(unit["sampel_minimum"], ctx.lang, 0)
        shown = t("ikm.sample.short_unit", n=format_number(unit["responden"], ctx.lang, 0), needed=needed)
        figures.warning(shown, icon=":material/warning:")
    else:
        figures.caption(sample_note)
    return unit


def weakest_and_trend_section(
    ctx: PageContext, w: IkmWindow, unit: pd.Series, place: str, weight_text: str
) -> None:
    """The unit's weakest elements beside its IKM trend and the scope's."""
    left, right = st.columns([2, 3])
    with left:
        # heading, caption and list in one element: an element per line cost the browser as much as a chart
        items = [
            "- "
            + t(
                "ikm.weakest.item",
                unsur=t(f"ikm.unsur.{weak.unsur}"),
                nrr=num(weak.nrr, 2),
                grade=weak.mutu,
                points=num(weak.points_lost),
                theme=t(weak.theme_key),
            )
            for weak in weakest_for_row(unit, weight=w.weight)
        ]
        text_block(
            f"#### {t('ikm.section.weakest')}",
            note(t("ikm.weakest.caption", unit=plain(unit["nama_unit"]))),
            "\n".join(items),
        )
    with right:
        st.markdown(f"#### {t('ikm.section.trend')}")
        months = (w.date_to.year - w.date_from.year) * 12 + w.date_to.month - w.date_from.month + 1
        period = (
            st.segmented_control(
                t("ikm.period.label"),
                ["month", "quarter", "semester", "year"],
                default="month" if months <= 12 else "quarter",
                format_func=lambda p: t(f"ikm.period.{p}"),
                key="ikm_trend_period",
            )
            or "quarter"
        )
        spec = trend_spec(
            ctx.engine,
            ctx.query_scope,
            str(unit["path"]),
            int(unit["unit_id"]),
            str(unit["nama_unit"]),
            place,
            w,
            period,
            ctx.lang,
        )
        st.vega_lite_chart(spec=sendable(spec), width="stretch", key="ikm_trend")
        st.caption(f"{t('ikm.trend.caption')} IKM: {weight_text}.")


def profile_section(ctx: PageContext, w: IkmWindow, unit: pd.Series, place: str) -> None:
    """Who answered: IKM by respondent group, of the unit or of the whole scope, behind an expander
    built only when opened (the group query and the chart were a third of a period change)."""
    with lazy_expander(t("ikm.section.profile"), PROFILE_OPEN_KEY, icon=":material/groups:") as box:
        if box.open:
            _profile_content(ctx, w, unit, place)


def _profile_content(ctx: PageContext, w: IkmWindow, unit: pd.Series, place: str) -> None:
    whole_scope = st.toggle(t("ikm.profile.whole_scope", scope=place), key="ikm_profile_scope")
    if whole_scope:
        groups = profile(ctx.engine, ctx.query_scope, w.date_from, w.date_to, w.weight, None)
    else:
        st.caption(t("ikm.profile.of_unit", unit=plain(unit["nama_unit"])))
        unit_scope = Scope(path_prefix=unit["path"])
        groups = profile(ctx.engine, unit_scope, w.date_from, w.date_to, w.weight, int(unit["unit_id"]))
    # One chart, the group picked: tabs would send and draw all five on every run, and the
    # browser's drawing was most of a period change on this page.
    dimension = (
        st.segmented_control(
            t("ikm.profile.by"),
            list(GROUP_DIMENSIONS),
            default=GROUP_DIMENSIONS[0],
            format_func=lambda d: t(f"ikm.profile.{d}"),
            key="ikm_profile_dimension",
        )
        or GROUP_DIMENSIONS[0]
    )
    spec, rows = spec_and_data(profile_chart(groups[dimension], dimension, ctx.lang))
    st.vega_lite_chart(rows, spec=spec, width="stretch", key=f"ikm_profile_{dimension}")


def suggestions_section(ctx: PageContext, w: IkmWindow, unit: pd.Series) -> None:
    """The unit's written suggestions, searchable, with personal data masked, behind an expander
    built only when opened (a table of up to 200 long texts, drawn again on every filter change).

    The label names no unit: Streamlit tells an expander by its label, and one holding the unit's
    name closed the suggestions whenever the unit changed (as the default unit does with the
    period). The unit is named in the caption inside, and in the heading above.
    """
    with lazy_expander(t("ikm.section.saran"), SARAN_OPEN_KEY, icon=":material/forum:") as box:
        if box.open:
            _suggestions_content(ctx, w, unit)


def _suggestions_content(ctx: PageContext, w: IkmWindow, unit: pd.Series) -> None:
    needle = st.text_input(t("ikm.saran.search"), key="ikm_saran_text")
    found, total = saran(ctx.engine, unit["path"], int(unit["unit_id"]), w.date_from, w.date_to, needle)
    name = plain(unit["nama_unit"])
    if found.empty:
        st.caption(t("ikm.saran.none", unit=name))
        return
    st.caption(t("ikm.saran.count", unit=name, n=num(total, 0), shown=num(len(found), 0)))
    found = prepare_for_display(found, ctx.principal)  # phone numbers, NIK, e-mail masked
    st.dataframe(
        pd.DataFrame(
            {
                t("ikm.col.date"): _days_written(found["response_date"]),
                t("ikm.col.service"): found["service_type"].fillna("–"),
                t("ikm.col.suggestion"): found["suggestion"],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def _days_written(dates: pd.Series) -> list[str]:
    """:func:`lib.ui.i18n.day` of each date, each distinct day written once (saran share few days)."""
    written_days = {d: day(d) for d in set(dates.tolist())}
    return [written_days[d] for d in dates.tolist()]


def report_section(ctx: PageContext, w: IkmWindow, unit: pd.Series) -> None:
    """The official SKM report of the unit, as Excel and PDF, built only when downloaded."""
    from lib.ui.auth import audit_event

    text_block(
        f"### {t('ikm.section.report')}",
        note(
            t("ikm.report.caption", unit=plain(unit["nama_unit"]), start=day(w.date_from), end=day(w.date_to))
        ),
    )
    unit_code = str(unit["kode_unit"])
    engine, lang = ctx.engine, ctx.lang

    def _report():  # type: ignore[no-untyped-def]
        return service.skm_report(
            engine=engine,
            date_from=w.date_from,
            date_to=w.date_to,
            unit_code=unit_code,
            weight=w.weight,  # type: ignore[arg-type]
            rollup=w.rollup,
        )

    def _skm_workbook(lang: str) -> bytes:
        """Built on click; the report modules are imported then, not on every visit."""
        from lib.reports.skm_excel import skm_workbook_bytes

        return skm_workbook_bytes(_report(), lang)

    def _skm_pdf(lang: str) -> bytes:
        from lib.reports.skm_pdf import skm_pdf_bytes

        return skm_pdf_bytes(_report(), lang)

    stem = f"SKM_{unit_code}_{w.date_from:%Y%m%d}_{w.date_to:%Y%m%d}"
    audit = {
        "kind": "skm_report",
        "unit": unit_code,
        "from": str(w.date_from),
        "to": str(w.date_to),
        "weight": w.weight,
    }
    buttons = side_by_side()
    buttons.download_button(
        t("ikm.report.excel"),
        data=lambda: _skm_workbook(lang),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:",
        on_click=audit_event,
        args=(Action.EXPORT,),
        kwargs={**audit, "file": f"{stem}.xlsx"},
    )
    buttons.download_button(
        t("ikm.report.pdf"),
        data=lambda: _skm_pdf(lang),
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click=audit_event,
        args=(Action.EXPORT,),
        kwargs={**audit, "file": f"{stem}.pdf"},
    )
