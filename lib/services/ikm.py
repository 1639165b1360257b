"""The IKM figures of the Kepuasan Masyarakat page, the home page and the SKM report.

Keyword-only entry points over :mod:`lib.queries.survey` / :mod:`lib.queries.units`
and the IKM arithmetic of :mod:`lib.analysis.ikm`; ``monthly`` lets a caller that
already holds :func:`monthly_sums` of the same scope and range skip the query.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.analysis.ikm import IkmChange, ikm_change, scope_ikm, unit_ikm, unit_ikm_by_period
from lib.analysis.ikm_formula import WeightName
from lib.analysis.ikm_groups import group_breakdowns
from lib.analysis.ikm_report import SkmReport, build_skm_report
from lib.periods import previous_range
from lib.queries.survey import (
    GROUP_DIMENSIONS,
    count_suggestions,
    monthly_sums,
    search_suggestions,
    survey_date_bounds,
)
from lib.queries.units import Scope, list_units

__all__ = [
    "GROUP_DIMENSIONS",
    "IkmChange",
    "monthly",
    "scope_change",
    "scope_name",
    "scope_trend",
    "skm_report",
    "suggestions",
    "survey_bounds",
    "unit_profile",
    "unit_trend",
    "units_ikm",
]


def survey_bounds(*, engine: Engine, scope: Scope) -> tuple[date | None, date | None]:
    """First and last day with survey responses in ``scope`` (None, None when there are none)."""
    return survey_date_bounds(engine, scope)


def scope_name(*, engine: Engine, scope: Scope, city: str) -> str:
    """What to call the scope in headings: the unit at the top of the subtree, the wilayah, or the city."""
    path, region = scope.path_prefix, scope.region
    if path:
        units = list_units(engine, Scope(path_prefix=path))
        top = units[units["path"] == path]
        return str(top["name"].iloc[0]) if not top.empty else path.strip("/").split("/")[-1]
    return region or city


def monthly(*, engine: Engine, scope: Scope, date_from: date, date_to: date) -> pd.DataFrame:
    """Sums per unit and month of a scope and range: the one query the IKM figures of a render share."""
    return monthly_sums(engine, scope, date_from, date_to)


def units_ikm(
    *,
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    weight: WeightName,
    rollup: bool,
    monthly: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per unit with its IKM, grade and sample check (see :func:`lib.analysis.ikm.unit_ikm`)."""
    return unit_ikm(engine, scope, date_from, date_to, weight, rollup=rollup, monthly=monthly)


def scope_change(
    *,
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    weight: WeightName,
    monthly: pd.DataFrame | None = None,
    previous_monthly: pd.DataFrame | None = None,
) -> IkmChange:
    """The scope's pooled IKM now and in the previous equal-length range."""
    return ikm_change(
        engine, scope, date_from, date_to, weight, monthly=monthly, previous_monthly=previous_monthly
    )


def scope_trend(
    *,
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    weight: WeightName,
    period: str,
    monthly: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The scope's pooled IKM per period."""
    return scope_ikm(engine, scope, date_from, date_to, weight, period=period, monthly=monthly)


def unit_trend(
    *,
    engine: Engine,
    unit_path: str,
    unit_id: int,
    date_from: date,
    date_to: date,
    weight: WeightName,
    period: str,
    rollup: bool,
) -> pd.DataFrame:
    """One unit's IKM per period (with its sub-units when ``rollup``)."""
    frame = unit_ikm_by_period(
        engine, Scope(path_prefix=unit_path), date_from, date_to, period, weight, rollup=rollup
    )
    return frame[frame["unit_id"] == unit_id].reset_index(drop=True)


def unit_profile(
    *,
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    weight: WeightName,
    unit_ids: list[int] | None = None,
) -> dict[str, pd.DataFrame]:
    """IKM by respondent group (every dimension of :data:`GROUP_DIMENSIONS`) from one database pass."""
    return group_breakdowns(engine, scope, date_from, date_to, weight, unit_ids=unit_ids)


def suggestions(
    *,
    engine: Engine,
    unit_path: str,
    unit_id: int,
    date_from: date,
    date_to: date,
    text: str,
    limit: int = 200,
) -> tuple[pd.DataFrame, int]:
    """A unit's written suggestions containing ``text`` (at most ``limit``), and how many there are."""
    scope = Scope(path_prefix=unit_path)
    found = search_suggestions(engine, scope, date_from, date_to, text, unit_ids=[unit_id], limit=limit)
    return found, count_suggestions(engine, scope, date_from, date_to, text, unit_ids=[unit_id])


def skm_report(
    *,
    engine: Engine,
    date_from: date,
    date_to: date,
    unit_code: str | None,
    weight: WeightName,
    rollup: bool = False,
    scope: Scope | None = None,
    scope_name: str = "Kota Medan",
) -> SkmReport | None:
    """The official SKM report of a unit (or of the whole ``scope``); None without responses."""
    return build_skm_report(
        engine,
        date_from,
        date_to,
        unit_code,
        scope=scope,
        scope_name=scope_name,
        weight=weight,
        include_subunits=rollup,
    )


def previous_window(*, date_from: date, date_to: date) -> tuple[date, date]:
    """The equal-length range just before ``date_from``..``date_to`` (the comparison period)."""
    return previous_range(date_from, date_to)
