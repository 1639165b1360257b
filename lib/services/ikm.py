"""The IKM figures of the Kepuasan Masyarakat page, the home page, the CLI and the SKM report.

Reads per-unsur sums and the unit list through :mod:`lib.queries.survey` /
:mod:`lib.queries.units` and hands them to the arithmetic of :mod:`lib.analysis.ikm`.
``monthly`` lets a caller that already holds :func:`monthly_sums` of the same scope
and range skip the query (the page shares one per render).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.analysis import ikm as arithmetic
from lib.analysis.ikm import DAYS_PER_YEAR, IkmChange
from lib.analysis.ikm_formula import WeightName
from lib.analysis.ikm_groups import group_breakdowns
from lib.analysis.ikm_report import SkmReport, build_skm_report
from lib.periods import previous_range
from lib.queries.survey import (
    GROUP_DIMENSIONS,
    count_suggestions,
    group_sums,
    monthly_sums,
    search_suggestions,
    survey_date_bounds,
)
from lib.queries.units import CITY, Scope, list_units

__all__ = [
    "GROUP_DIMENSIONS",
    "IkmChange",
    "ikm_change",
    "monthly",
    "previous_window",
    "scope_ikm",
    "scope_name",
    "skm_report",
    "suggestions",
    "survey_bounds",
    "unit_ikm",
    "unit_ikm_by_period",
    "unit_profile",
    "unit_trend",
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


def monthly(*, engine: Engine, scope: Scope, date_from: date | None, date_to: date | None) -> pd.DataFrame:
    """Sums per unit and month of a scope and range: the one query the IKM figures of a render share."""
    return monthly_sums(engine, scope, date_from, date_to)


def previous_window(*, date_from: date, date_to: date) -> tuple[date, date]:
    """The equal-length range just before ``date_from``..``date_to`` (the comparison period)."""
    return previous_range(date_from, date_to)


def _days(engine: Engine, scope: Scope, date_from: date | None, date_to: date | None) -> int:
    """The range's length for pro-rating populations; open bounds become the survey data's own."""
    if date_from is None or date_to is None:
        first, last = survey_date_bounds(engine, scope)
        date_from, date_to = date_from or first, date_to or last
    return (date_to - date_from).days + 1 if date_from and date_to else DAYS_PER_YEAR


def unit_ikm(
    *,
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    weight: WeightName | float = "0.111",
    rollup: bool = False,
    monthly: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per unit in ``scope`` with responses in the range, best IKM first
    (columns: :func:`lib.analysis.ikm.unit_ikm`)."""
    units = list_units(engine, scope)
    if monthly is None:
        monthly = monthly_sums(engine, scope, date_from, date_to, per_month=False)
    days = _days(engine, scope, date_from, date_to)
    return arithmetic.unit_ikm(units, monthly, days, weight, rollup=rollup)


def unit_ikm_by_period(
    *,
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    period: str = "quarter",
    weight: WeightName | float = "0.111",
    rollup: bool = False,
    monthly: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per unit and period with responses (columns: :func:`lib.analysis.ikm.unit_ikm_by_period`)."""
    units = list_units(engine, scope)
    if monthly is None:
        monthly = monthly_sums(engine, scope, date_from, date_to, per_month=True)
    return arithmetic.unit_ikm_by_period(units, monthly, date_from, date_to, period, weight, rollup=rollup)


def scope_ikm(
    *,
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    weight: WeightName | float = "0.111",
    period: str | None = None,
    monthly: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The IKM of everything in ``scope`` pooled over respondents; one row, or one per period."""
    if monthly is None:
        monthly = monthly_sums(engine, scope, date_from, date_to)
    return arithmetic.scope_ikm(monthly, weight, period)


def ikm_change(
    *,
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    weight: WeightName | float = "0.111",
    monthly: pd.DataFrame | None = None,
    previous_monthly: pd.DataFrame | None = None,
) -> IkmChange:
    """The scope's pooled IKM now and in the previous equal-length range (see ``previous_range``).

    ``monthly``/``previous_monthly``: :func:`monthly_sums` of the two ranges when
    the caller already has them (the page caches them), to skip the queries.
    """
    prev_from, prev_to = previous_range(date_from, date_to)
    now = scope_ikm(
        engine=engine, scope=scope, date_from=date_from, date_to=date_to, weight=weight, monthly=monthly
    )
    before = scope_ikm(
        engine=engine,
        scope=scope,
        date_from=prev_from,
        date_to=prev_to,
        weight=weight,
        monthly=previous_monthly,
    )
    return arithmetic.ikm_change(now, before, prev_from, prev_to, weight)


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
    monthly: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One unit's IKM per period (with its sub-units when ``rollup``).

    ``monthly``: :func:`monthly_sums` of the range for a scope that holds the unit and, with
    ``rollup``, its whole subtree (the page's own scope without a wilayah does); the unit's rows
    are taken from it instead of asking the database again.
    """
    subtree = Scope(path_prefix=unit_path)
    units = list_units(engine, subtree)
    if monthly is not None:
        wanted = units["id"] if rollup else pd.Series([unit_id])
        monthly = monthly[monthly["unit_id"].isin(wanted)]
    else:
        monthly = monthly_sums(engine, subtree, date_from, date_to, per_month=True)
    frame = arithmetic.unit_ikm_by_period(units, monthly, date_from, date_to, period, weight, rollup=rollup)
    return frame[frame["unit_id"] == unit_id].reset_index(drop=True)


def unit_profile(
    *,
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    weight: WeightName | float = "0.111",
    unit_ids: list[int] | None = None,
) -> dict[str, pd.DataFrame]:
    """IKM by respondent group (every dimension of :data:`GROUP_DIMENSIONS`) from one database pass."""
    combos = group_sums(engine, scope, date_from, date_to, GROUP_DIMENSIONS, unit_ids=unit_ids)
    return group_breakdowns(combos, weight)


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
    unit_code: str | None = None,
    scope: Scope | None = None,
    scope_name: str = "Kota Medan",
    weight: WeightName | float = "0.111",
    rollup: bool = False,
) -> SkmReport | None:
    """The report of ``unit_code`` (its own respondents, or with sub-units) or of the whole ``scope``.

    Returns None when the unit has no responses in the range. Raises
    ValueError for an unknown unit code.
    """
    units = list_units(engine, scope or Scope())
    if unit_code is not None:
        match = units[units["code"] == unit_code]
        if match.empty:
            raise ValueError(f"unknown unit {unit_code!r}")
        unit = match.iloc[0]
        unit_name = str(unit["name"])
        report_scope = Scope(path_prefix=unit["path"])
        if rollup:
            unit_ids = None
            subtree = units[units["path"].str.startswith(unit["path"])]
            populations = subtree["service_population"].dropna()
            yearly = float(populations.sum()) if len(populations) else None
        else:
            unit_ids = [int(unit["id"])]
            sp = unit["service_population"]
            yearly = None if sp is None or pd.isna(sp) else float(sp)
    else:
        report_scope = scope or Scope()
        unit_ids = None
        unit_name = scope_name
        populations = units["service_population"].dropna()
        yearly = float(populations.sum()) if len(populations) else None

    if unit_ids is not None:
        frame = unit_ikm(
            engine=engine, scope=report_scope, date_from=date_from, date_to=date_to, weight=weight
        )
        frame = frame[frame["unit_id"] == unit_ids[0]]
    else:
        frame = scope_ikm(
            engine=engine, scope=report_scope, date_from=date_from, date_to=date_to, weight=weight
        )
    if frame.empty or int(frame.iloc[0]["responden"]) == 0:
        return None
    profile = unit_profile(
        engine=engine,
        scope=report_scope,
        date_from=date_from,
        date_to=date_to,
        weight=weight,
        unit_ids=unit_ids,
    )
    return build_skm_report(
        frame.iloc[0],
        profile,
        unit_code=unit_code,
        unit_name=unit_name,
        date_from=date_from,
        date_to=date_to,
        yearly_population=yearly,
        weight=weight,
    )
