"""The calendar in one place: reporting periods (month, quarter, semester, year) and quarters.

SKM reports are filed per quarter, semester or year; the pages compare a range
with the one before it. Period helpers work on the first day of a calendar month,
which is the grain of ``survey_monthly``. Quarters are named by their first day
(:func:`quarter_start`) where they join tables, and counted as integers
(:func:`quarter_index`, ``year * 4 + quarter − 1``) where the impact models need
consecutive quarters to differ by one. Pure functions, used by every layer
(queries, analyses, the demo); the SQL spelling of a quarter is
:class:`lib.queries.sqlfn.quarter_start`.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

import pandas as pd

PeriodName = Literal["month", "quarter", "semester", "year"]
PERIODS: tuple[str, ...] = ("month", "quarter", "semester", "year")
_MONTHS_PER_PERIOD = {"month": 1, "quarter": 3, "semester": 6, "year": 12}


def check_period(period: str) -> str:
    if period not in _MONTHS_PER_PERIOD:
        raise ValueError(f"unknown period {period!r}; use one of {', '.join(PERIODS)}")
    return period


def period_start(month: date, period: str) -> date:
    """First day of the ``period`` that contains ``month`` (any day of it)."""
    size = _MONTHS_PER_PERIOD[check_period(period)]
    first_month = (month.month - 1) // size * size + 1
    return date(month.year, first_month, 1)


def period_end(start: date, period: str) -> date:
    """Last day of the period beginning on ``start``."""
    size = _MONTHS_PER_PERIOD[check_period(period)]
    last_month = start.month + size - 1
    return date(start.year, last_month, calendar.monthrange(start.year, last_month)[1])


def period_label(start: date, period: str) -> str:
    """``2025-03``, ``2025-Q1``, ``2025-S1`` or ``2025``: how SKM reports name their period."""
    check_period(period)
    if period == "month":
        return f"{start.year}-{start.month:02d}"
    if period == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if period == "semester":
        return f"{start.year}-S{(start.month - 1) // 6 + 1}"
    return f"{start.year}"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def is_whole_months(date_from: date, date_to: date) -> bool:
    return date_from.day == 1 and date_to == date_to.replace(
        day=calendar.monthrange(date_to.year, date_to.month)[1]
    )


def previous_range(date_from: date, date_to: date) -> tuple[date, date]:
    """The equal-length range just before ``[date_from, date_to]``.

    A range of whole calendar months (a quarter, a year) is compared with the
    same number of whole months before it, so 2025 is compared with 2024 even
    though 2024 has a day more; any other range with the same number of days.
    """
    if is_whole_months(date_from, date_to):
        months = (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1
        start = _add_months(date_from, -months)
        return start, date_from - timedelta(days=1)
    days = (date_to - date_from).days + 1
    return date_from - timedelta(days=days), date_from - timedelta(days=1)


def overlap_days(start: date, end: date, date_from: date | None, date_to: date | None) -> int:
    """Days of ``[start, end]`` that lie inside ``[date_from, date_to]`` (None: unbounded)."""
    lo = max(start, date_from) if date_from else start
    hi = min(end, date_to) if date_to else end
    return max((hi - lo).days + 1, 0)


def period_starts(months: pd.Series, period: str = "month") -> pd.Series:
    """First day (a Timestamp) of the month or quarter of each timestamp: :func:`period_start` for a column."""
    months = pd.to_datetime(months)
    if period == "month":
        return months.dt.to_period("M").dt.start_time
    if period == "quarter":
        return months.dt.to_period("Q").dt.start_time
    raise ValueError(f"period must be 'month' or 'quarter', not {period!r}")


def quarter_start(day: date) -> date:
    """First day of the quarter containing ``day``."""
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_index(day: date | pd.Timestamp) -> int:
    """Integer quarter: 2024-07-15 → 2024·4 + 2. Consecutive quarters differ by 1."""
    return int(day.year) * 4 + (int(day.month) - 1) // 3


def quarter_index_label(index: int) -> str:
    """``8098`` → ``2024-Q3``."""
    return f"{index // 4}-Q{index % 4 + 1}"


def quarter_index_start(index: int) -> date:
    """``8098`` → 2024-07-01, the first day of an integer quarter."""
    return date(index // 4, (index % 4) * 3 + 1, 1)
