"""SKM survey aggregations in SQL: sums and counts per unsur, never raw rows.

NRR and IKM are exact functions of per-unsur sums and answer counts, so every
query here returns those (plus respondent counts) for some grouping, and
:mod:`lib.analysis.ikm` turns them into figures.

Date ranges are exact to the day. Whole calendar months inside the range are
read from ``survey_monthly`` (a few rows per unit and month, kept equal to a
GROUP BY of ``survey_response`` by ``lib.queries.aggregates``); the partial
months at either edge of the range, if any, are aggregated from
``survey_response`` itself through its ``(unit_id, response_date)`` index. The
result is identical to a GROUP BY over the raw rows, at a fraction of the cost.

Respondent-group breakdowns (gender, age band, education, occupation, service
type) and the saran search have no pre-aggregate and read ``survey_response``
for the range, restricted to the units in scope.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Engine, String, and_, case, func, literal, select, type_coerce

from lib.models import UNSUR, SurveyMonthly, SurveyResponse, Unit
from lib.queries.sqlfn import month_start
from lib.queries.units import CITY, Scope
from lib.vocabulary import AGE_BANDS, GROUP_DIMENSIONS, SUM_COLUMNS

SR = SurveyResponse.__table__
SM = SurveyMonthly.__table__
UNIT = Unit.__table__


def _first_of_month(day: date) -> date:
    return day.replace(day=1)


def _last_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True)
class RangeSplit:
    """A day range split into whole months (from the aggregate) and partial edges (from raw rows).

    ``months`` is ``(first_month, last_month)`` inclusive, or None when no whole
    month lies inside the range; ``edges`` are inclusive day ranges to aggregate
    from ``survey_response``. ``None`` bounds mean unbounded.
    """

    months: tuple[date | None, date | None] | None
    edges: tuple[tuple[date, date], ...]


def split_range(date_from: date | None, date_to: date | None) -> RangeSplit:
    """Split ``[date_from, date_to]`` so that whole months come from ``survey_monthly``."""
    if date_from is not None and date_to is not None and date_from > date_to:
        return RangeSplit(months=None, edges=())
    edges: list[tuple[date, date]] = []
    first_full = None if date_from is None else _first_of_month(date_from)
    last_full = None if date_to is None else _first_of_month(date_to)
    if date_from is not None and date_from.day != 1:
        edge_end = _last_of_month(date_from)
        if date_to is not None and date_to < edge_end:
            return RangeSplit(months=None, edges=((date_from, date_to),))
        edges.append((date_from, edge_end))
        first_full = _first_of_month(edge_end + timedelta(days=1))
    if date_to is not None and date_to != _last_of_month(date_to):
        edge_start = _first_of_month(date_to)
        if date_from is not None and date_from > edge_start:
            edge_start = date_from
        if not edges or edges[0] != (edge_start, date_to):
            edges.append((edge_start, date_to))
        last_full = _first_of_month(edge_start - timedelta(days=1))
    months: tuple[date | None, date | None] | None = (first_full, last_full)
    if first_full is not None and last_full is not None and first_full > last_full:
        months = None
    return RangeSplit(months=months, edges=tuple(edges))


def _scope_conditions(scope: Scope, unit_ids: Sequence[int] | None) -> list:  # type: ignore[type-arg]
    conditions = list(scope.where(UNIT))
    if unit_ids is not None:
        conditions.append(UNIT.c.id.in_(list(unit_ids)))
    return conditions


def _sum_columns_from_raw() -> list:  # type: ignore[type-arg]
    columns = []
    for name in UNSUR:
        columns.append(func.coalesce(func.sum(SR.c[name]), 0).label(f"sum_{name}"))
        columns.append(func.count(SR.c[name]).label(f"n_{name}"))
    return columns


def _empty_monthly() -> pd.DataFrame:
    return pd.DataFrame(
        {c: pd.Series(dtype="int64") for c in ("unit_id", "respondents", *SUM_COLUMNS)}
    ).assign(month=pd.Series(dtype="object"))[["unit_id", "month", "respondents", *SUM_COLUMNS]]


def _read_sums(conn, query, labels: Sequence[str] = ()) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    """A sums query's rows as a frame: ``month`` as ``datetime.date`` on both databases (SQLite may
    hand back strings), ``labels`` as Python objects (None where NULL), every other column int64.

    Built from the rows' columns directly: pandas' own reader infers each column's type
    first (and makes text Arrow strings), which cost more than the query on a year of a city.
    """
    result = conn.execute(query)
    names = list(result.keys())
    rows = result.fetchall()
    values = list(zip(*rows, strict=True)) if rows else [()] * len(names)
    columns: dict[str, object] = {}
    for name, column in zip(names, values, strict=True):
        if name == "month":
            days = {value: pd.Timestamp(value).date() for value in set(column)}
            columns[name] = pd.Series([days[value] for value in column], dtype="object")
        elif name in labels:
            columns[name] = pd.Series(column, dtype="object")
        else:
            columns[name] = np.array(column, dtype=np.int64)
    return pd.DataFrame(columns)


def edge_plan(start: date, end: date) -> tuple[bool, list[tuple[date, date]]]:
    """How to get the sums of the days ``[start, end]`` of one month exactly, reading few raw rows.

    Returns ``(subtract, pieces)``: when the range covers at most half of the
    month, ``subtract`` is False and ``pieces`` is the range itself (aggregate
    those raw rows); otherwise ``subtract`` is True and the month's aggregate
    row is taken minus the raw rows of ``pieces``, the days of the month left
    out. Either way at most about half a month of raw rows is read.
    """
    first, last = _first_of_month(start), _last_of_month(start)
    inside = (end - start).days + 1
    if inside * 2 <= (last - first).days + 1:
        return False, [(start, end)]
    pieces = []
    if start > first:
        pieces.append((first, start - timedelta(days=1)))
    if end < last:
        pieces.append((end + timedelta(days=1), last))
    return True, pieces


def _undecoded(column):  # type: ignore[no-untyped-def]
    """``column`` as the driver returns it: SQLAlchemy parses every SQLite date string with a
    regular expression, which took longer than the query; :func:`_read_sums` converts each
    distinct month once instead."""
    return type_coerce(column, String)


def _monthly_query(conditions: list, first: date | None, last: date | None):  # type: ignore[no-untyped-def,type-arg]
    query = (
        select(
            SM.c.unit_id,
            _undecoded(SM.c.month).label("month"),
            SM.c.respondents,
            *[SM.c[c] for c in SUM_COLUMNS],
        )
        .select_from(SM.join(UNIT, UNIT.c.id == SM.c.unit_id))
        .where(*conditions)
    )
    if first is not None:
        query = query.where(SM.c.month >= first)
    if last is not None:
        query = query.where(SM.c.month <= last)
    return query


def _unit_total_query(conditions: list, first: date | None, last: date | None):  # type: ignore[no-untyped-def,type-arg]
    """Whole months summed per unit in the database: a few hundred rows instead of units × months."""
    columns = [SM.c.unit_id, func.sum(SM.c.respondents).label("respondents")]
    columns += [func.sum(SM.c[c]).label(c) for c in SUM_COLUMNS]
    query = select(*columns).select_from(SM.join(UNIT, UNIT.c.id == SM.c.unit_id)).where(*conditions)
    if first is not None:
        query = query.where(SM.c.month >= first)
    if last is not None:
        query = query.where(SM.c.month <= last)
    return query.group_by(SM.c.unit_id)


def _raw_query(conditions: list, start: date, end: date):  # type: ignore[no-untyped-def,type-arg]
    month = month_start(SR.c.response_date)
    return (
        select(
            SR.c.unit_id,
            _undecoded(month).label("month"),
            func.count().label("respondents"),
            *_sum_columns_from_raw(),
        )
        .select_from(SR.join(UNIT, UNIT.c.id == SR.c.unit_id))
        .where(*conditions, SR.c.response_date >= start, SR.c.response_date <= end)
        .group_by(SR.c.unit_id, month)
    )


def monthly_sums(
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    unit_ids: Sequence[int] | None = None,
    *,
    per_month: bool = True,
) -> pd.DataFrame:
    """Per unit and calendar month: ``respondents`` and ``sum_<unsur>``/``n_<unsur>``, exact to the day.

    Only responses dated within ``[date_from, date_to]`` count (None: unbounded),
    so an edge month holds only its days inside the range. Units outside
    ``scope`` (or not in ``unit_ids`` when given) are left out. Whole months
    come from ``survey_monthly``; an edge month is either aggregated from its
    raw rows or, when the range covers most of it, taken from ``survey_monthly``
    minus the raw rows of the days left out (:func:`edge_plan`). Sums and
    counts are integers, so both ways are exact. With ``per_month=False`` the
    result has one row per unit (no ``month``), summed in the database.
    """
    split = split_range(date_from, date_to)
    conditions = _scope_conditions(scope, unit_ids)
    plus: list[pd.DataFrame] = []
    minus: list[pd.DataFrame] = []
    with engine.connect() as conn:
        if split.months is not None:
            block = _monthly_query if per_month else _unit_total_query
            plus.append(_read_sums(conn, block(conditions, *split.months)))
        for start, end in split.edges:
            subtract, pieces = edge_plan(start, end)
            if subtract:
                month = _first_of_month(start)
                plus.append(_read_sums(conn, _monthly_query(conditions, month, month)))
            for a, b in pieces:
                (minus if subtract else plus).append(_read_sums(conn, _raw_query(conditions, a, b)))
    plus = [f for f in plus if not f.empty]
    additive = ["respondents", *SUM_COLUMNS]
    keys = ["unit_id", "month"] if per_month else ["unit_id"]
    if not plus:
        return _empty_monthly()[[*keys, *additive]]
    out = pd.concat([f if per_month else f[["unit_id", *additive]] for f in plus], ignore_index=True)
    minus = [f for f in minus if not f.empty]
    if minus:
        removed = pd.concat(minus, ignore_index=True)[out.columns]
        removed[additive] = -removed[additive]
        out = pd.concat([out, removed], ignore_index=True)
    if minus or not per_month:
        out = out.groupby(keys, as_index=False)[additive].sum()
        out = out[out["respondents"] > 0]
    return out.sort_values(keys, ignore_index=True)[[*keys, *additive]]


def age_band_expression(column=SR.c.age):  # type: ignore[no-untyped-def]
    """SQL CASE mapping an age to its band label (NULL stays NULL)."""
    whens = []
    for label, low, high in AGE_BANDS:
        condition = column >= low if high is None else and_(column >= low, column <= high)
        whens.append((condition, literal(label)))
    return case(*whens, else_=None)


def _group_expression(dimension: str):  # type: ignore[no-untyped-def]
    if dimension == "age_band":
        return age_band_expression()
    if dimension in GROUP_DIMENSIONS:
        return SR.c[dimension]
    raise ValueError(f"unknown respondent group {dimension!r}; use one of {', '.join(GROUP_DIMENSIONS)}")


def _raw_range_conditions(date_from: date | None, date_to: date | None) -> list:  # type: ignore[type-arg]
    conditions = []
    if date_from is not None:
        conditions.append(SR.c.response_date >= date_from)
    if date_to is not None:
        conditions.append(SR.c.response_date <= date_to)
    return conditions


def group_sums(
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    dimensions: Iterable[str] = GROUP_DIMENSIONS,
    unit_ids: Sequence[int] | None = None,
) -> pd.DataFrame:
    """Respondents and per-unsur sums/counts per combination of respondent groups, in one scan.

    One row per distinct combination of ``dimensions`` (NULL kept as None);
    :func:`lib.analysis.ikm_groups.ikm_by_group` sums it over the other
    dimensions to get any single breakdown exactly, so the whole respondent
    profile costs one pass over the range's rows instead of five.
    """
    dims = list(dimensions)
    expressions = [_group_expression(d).label(d) for d in dims]
    query = (
        select(*expressions, func.count().label("respondents"), *_sum_columns_from_raw())
        .select_from(SR.join(UNIT, UNIT.c.id == SR.c.unit_id))
        .where(*_scope_conditions(scope, unit_ids), *_raw_range_conditions(date_from, date_to))
        .group_by(*expressions)
    )
    with engine.connect() as conn:
        return _read_sums(conn, query, labels=dims)


def search_suggestions(
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    text: str = "",
    unit_ids: Sequence[int] | None = None,
    limit: int = 200,
) -> pd.DataFrame:
    """Saran (free-text suggestions), newest first, optionally containing ``text`` (any case).

    Columns: ``response_date``, ``kode_unit``, ``nama_unit``, ``service_type``,
    ``suggestion``. The match is a portable case-insensitive LIKE with the user's
    ``%``/``_`` escaped, so a search for "100%" means exactly that. Empty and
    whitespace-only suggestions are left out.
    """
    needle = text.strip()
    query = (
        select(
            SR.c.response_date,
            UNIT.c.code.label("kode_unit"),
            UNIT.c.name.label("nama_unit"),
            SR.c.service_type,
            SR.c.suggestion,
        )
        .select_from(SR.join(UNIT, UNIT.c.id == SR.c.unit_id))
        .where(
            *_scope_conditions(scope, unit_ids),
            *_raw_range_conditions(date_from, date_to),
            SR.c.suggestion.is_not(None),
            func.trim(SR.c.suggestion) != "",
        )
        .order_by(SR.c.response_date.desc(), SR.c.id.desc())
        .limit(max(int(limit), 1))
    )
    if needle:
        query = query.where(SR.c.suggestion.icontains(needle, autoescape=True))
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    if not frame.empty:
        frame["response_date"] = pd.to_datetime(frame["response_date"]).dt.date
    return frame


def count_suggestions(
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    text: str = "",
    unit_ids: Sequence[int] | None = None,
) -> int:
    """How many non-empty saran match (the search shows at most a page of them)."""
    needle = text.strip()
    query = (
        select(func.count())
        .select_from(SR.join(UNIT, UNIT.c.id == SR.c.unit_id))
        .where(
            *_scope_conditions(scope, unit_ids),
            *_raw_range_conditions(date_from, date_to),
            SR.c.suggestion.is_not(None),
            func.trim(SR.c.suggestion) != "",
        )
    )
    if needle:
        query = query.where(SR.c.suggestion.icontains(needle, autoescape=True))
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def survey_date_bounds(engine: Engine, scope: Scope = CITY) -> tuple[date | None, date | None]:
    """First and last month with responses in scope (from the monthly aggregate: instant)."""
    query = (
        select(func.min(SM.c.month), func.max(SM.c.month))
        .select_from(SM.join(UNIT, UNIT.c.id == SM.c.unit_id))
        .where(*scope.where(UNIT))
    )
    with engine.connect() as conn:
        first, last = conn.execute(query).one()
    convert = lambda v: None if v is None else pd.Timestamp(v).date()  # noqa: E731
    return convert(first), (None if last is None else _last_of_month(convert(last)))


def raw_unit_sums(
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
) -> pd.DataFrame:
    """Per unit sums/counts straight from ``survey_response`` (no aggregate).

    The reference the aggregate path is tested and benchmarked against.
    """
    query = (
        select(SR.c.unit_id, func.count().label("respondents"), *_sum_columns_from_raw())
        .select_from(SR.join(UNIT, UNIT.c.id == SR.c.unit_id))
        .where(*scope.where(UNIT), *_raw_range_conditions(date_from, date_to))
        .group_by(SR.c.unit_id)
    )
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


__all__ = [
    "AGE_BANDS",
    "GROUP_DIMENSIONS",
    "SUM_COLUMNS",
    "RangeSplit",
    "age_band_expression",
    "count_suggestions",
    "group_sums",
    "monthly_sums",
    "raw_unit_sums",
    "search_suggestions",
    "split_range",
    "survey_date_bounds",
]
