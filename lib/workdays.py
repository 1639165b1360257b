"""Working days as Indonesia counts them: Monday–Friday less national holidays and cuti bersama.

The 5-working-day complaint standard (SP4N-LAPOR!) counts government working
days. A complaint received the day before Lebaran is not late after a week of
holidays, so Monday–Friday alone would call punctual units late.

Two sources make the calendar:

* the national holidays of the ``holidays`` library (``holidays.Indonesia``,
  pinned in ``requirements.txt``), which follows the fixed and lunar holidays;
* the days an admin records in the ``holiday`` table (``python -m lib holidays
  add``): each year's SKB on *cuti bersama*, and a holiday the government moved.

The admin days are a city-wide setting, the same for every viewer, so they are
kept for the process in :func:`set_admin_holidays` (refreshed from the database
by :func:`lib.queries.holidays.refresh_holiday_calendar` before a page or command
counts days); a caller may also pass its own ``holidays`` to
:func:`working_days_between` (tests do).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

import holidays as holiday_library
import numpy as np
import pandas as pd

_admin_days: frozenset[date] = frozenset()


@lru_cache(maxsize=64)
def national_holidays(year: int) -> frozenset[date]:
    """Indonesia's national holidays in ``year`` according to the ``holidays`` library."""
    return frozenset(holiday_library.country_holidays("ID", years=year).keys())


def set_admin_holidays(days: Iterable[date]) -> None:
    """Replace the admin-recorded days off (cuti bersama, moved holidays) used by default."""
    global _admin_days
    _admin_days = frozenset(days)


def admin_holidays() -> frozenset[date]:
    return _admin_days


def days_off(first_year: int, last_year: int, extra: Iterable[date] | None = None) -> np.ndarray:
    """Sorted ``datetime64[D]`` holidays from ``first_year`` to ``last_year`` (national + admin + ``extra``)."""
    days: set[date] = set(_admin_days)
    for year in range(first_year, last_year + 1):
        days |= national_holidays(year)
    if extra is not None:
        days |= set(extra)
    return np.array(sorted(days), dtype="datetime64[D]")


def working_days_between(
    start: pd.Series, end: pd.Series, holidays: Iterable[date] | None = None
) -> np.ndarray:
    """Working days from ``start`` (counted) to ``end`` (not counted); NaN where end < start or missing.

    Received Monday, answered the next Monday = 5 working days, unless a holiday
    falls in between. ``holidays`` (optional) is added to the national and admin days.
    """
    start_d = pd.to_datetime(pd.Series(start)).to_numpy(dtype="datetime64[D]")
    end_d = pd.to_datetime(pd.Series(end)).to_numpy(dtype="datetime64[D]")
    valid = ~(np.isnat(start_d) | np.isnat(end_d))
    days = np.full(len(start_d), np.nan)
    if valid.any():
        years = np.concatenate([start_d[valid], end_d[valid]]).astype("datetime64[Y]").astype(int) + 1970
        calendar = days_off(int(years.min()), int(years.max()), holidays)
        counted = np.busday_count(start_d[valid], end_d[valid], holidays=calendar).astype(float)
        counted[end_d[valid] < start_d[valid]] = np.nan
        days[valid] = counted
    return days
