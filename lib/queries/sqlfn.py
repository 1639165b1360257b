"""Portable SQL expressions that SQLite and PostgreSQL spell, or plan, differently.

Query modules build on these instead of writing dialect-specific strings, so one
query serves both databases at its best (:func:`first_and_last`: a form both plan well).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, ScalarSelect, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class month_start(FunctionElement[Any]):  # noqa: N801  (reads like a SQL function)
    """First day of the month of a DATE column."""

    type = Date()
    inherit_cache = True
    name = "month_start"


@compiles(month_start, "sqlite")
def _month_start_sqlite(element: month_start, compiler: Any, **kw: Any) -> str:
    (arg,) = list(element.clauses)
    return f"date({compiler.process(arg, **kw)}, 'start of month')"


@compiles(month_start, "postgresql")
def _month_start_pg(element: month_start, compiler: Any, **kw: Any) -> str:
    (arg,) = list(element.clauses)
    return f"CAST(date_trunc('month', {compiler.process(arg, **kw)}) AS DATE)"


class year_of(FunctionElement[Any]):  # noqa: N801
    """Calendar year of a DATE column, as an integer."""

    type = Integer()
    inherit_cache = True
    name = "year_of"


@compiles(year_of, "sqlite")
def _year_sqlite(element: year_of, compiler: Any, **kw: Any) -> str:
    (arg,) = list(element.clauses)
    return f"CAST(strftime('%Y', {compiler.process(arg, **kw)}) AS INTEGER)"


@compiles(year_of, "postgresql")
def _year_pg(element: year_of, compiler: Any, **kw: Any) -> str:
    (arg,) = list(element.clauses)
    return f"CAST(EXTRACT(YEAR FROM {compiler.process(arg, **kw)}) AS INTEGER)"


class days_between(FunctionElement[Any]):  # noqa: N801
    """Whole days from the first DATE to the second."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between, "sqlite")
def _days_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return f"CAST(julianday({compiler.process(end, **kw)}) - julianday({compiler.process(start, **kw)}) AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_pg(element: days_between, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return f"({compiler.process(end, **kw)} - {compiler.process(start, **kw)})"


class minutes_between(FunctionElement[Any]):  # noqa: N801
    """Whole minutes from the first TIMESTAMP to the second."""

    type = Integer()
    inherit_cache = True
    name = "minutes_between"


@compiles(minutes_between, "sqlite")
def _minutes_sqlite(element: minutes_between, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (
        f"CAST(ROUND((julianday({compiler.process(end, **kw)}) - julianday({compiler.process(start, **kw)}))"
        " * 1440) AS INTEGER)"
    )


@compiles(minutes_between, "postgresql")
def _minutes_pg(element: minutes_between, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (
        f"CAST(ROUND(EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - {compiler.process(start, **kw)}))"
        " / 60) AS INTEGER)"
    )


class quarter_start(FunctionElement[Any]):  # noqa: N801  (reads like a SQL function)
    """First day of the quarter of a DATE column."""

    type = Date()
    inherit_cache = True
    name = "quarter_start"


@compiles(quarter_start, "sqlite")
def _quarter_sqlite(element: quarter_start, compiler: Any, **kw: Any) -> str:
    (arg,) = list(element.clauses)
    value = compiler.process(arg, **kw)
    return (
        f"date({value}, 'start of month', "
        f"'-' || ((CAST(strftime('%m', {value}) AS INTEGER) - 1) % 3) || ' months')"
    )


@compiles(quarter_start, "postgresql")
def _quarter_pg(element: quarter_start, compiler: Any, **kw: Any) -> str:
    (arg,) = list(element.clauses)
    return f"CAST(date_trunc('quarter', {compiler.process(arg, **kw)}) AS DATE)"


def first_and_last(
    first: ColumnElement[Any], last: ColumnElement[Any] | None = None
) -> tuple[ScalarSelect[Any], ScalarSelect[Any]]:
    """``min(first)`` and ``max(last)`` (``last`` defaults to ``first``) as two scalar subqueries,
    to put side by side in one ``select``.

    Why not ``select(min(a), max(a))``: SQLite answers a lone ``min`` or ``max`` from the
    column's index in one step, but for both in one query it scans the whole table or index
    (the 4 million survey responses of a city: 0.20 s against 0.001 s as two subqueries).
    PostgreSQL plans either form well.
    """
    last = first if last is None else last
    return select(func.min(first)).scalar_subquery(), select(func.max(last)).scalar_subquery()
