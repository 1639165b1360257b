"""The demo period and its months and quarters.

Every generator works on the same calendar so that a month index means the
same thing in the survey, the service statistics and the complaints.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

DEMO_START = date(2023, 11, 1)
DEMO_END = date(2026, 10, 31)

#: Idul Fitri (month of the Lebaran holiday, when offices are closed for a week).
LEBARAN = (date(2024, 4, 10), date(2025, 3, 31), date(2026, 3, 20))


def month_starts(start: date = DEMO_START, end: date = DEMO_END) -> list[date]:
    months = []
    current = date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
    return months


MONTHS: tuple[date, ...] = tuple(month_starts())


def month_end(month: date) -> date:
    following = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return following - timedelta(days=1)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


#: SKP quarters that lie wholly inside the demo period (2024-Q1 … 2026-Q3).
SKP_QUARTERS: tuple[date, ...] = tuple(
    m for m in MONTHS if m.month in (1, 4, 7, 10) and add_months(m, 3) <= DEMO_END + timedelta(days=1)
)

#: Every day of the period, as date objects (indexable by day number).
DAYS: tuple[date, ...] = tuple(
    DEMO_START + timedelta(days=i) for i in range((DEMO_END - DEMO_START).days + 1)
)


def month_index_of(day: date) -> int:
    return (day.year - DEMO_START.year) * 12 + day.month - DEMO_START.month


def day_number(day: date) -> int:
    return (day - DEMO_START).days


def month_day_bounds() -> tuple[np.ndarray, np.ndarray]:
    """First and one-past-last day number of every month of the period."""
    first = np.array([day_number(m) for m in MONTHS])
    last = np.array([day_number(month_end(m)) + 1 for m in MONTHS])
    return first, last


def day_weights(weekday: float = 1.0, saturday: float = 0.35, sunday: float = 0.15) -> np.ndarray:
    """Relative activity of each day: offices are busy on weekdays, quiet on weekends and at Lebaran."""
    weights = np.array(
        [weekday if d.weekday() < 5 else saturday if d.weekday() == 5 else sunday for d in DAYS]
    )
    for lebaran in LEBARAN:
        for offset in range(-2, 6):
            number = day_number(lebaran + timedelta(days=offset))
            if 0 <= number < len(weights):
                weights[number] *= 0.1
    return weights


def sample_days(rng: np.random.Generator, month_index: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """A day number inside each given month, drawn in proportion to ``weights``."""
    first, last = month_day_bounds()
    cumulative = np.concatenate([[0.0], np.cumsum(weights)])
    low = cumulative[first[month_index]]
    high = cumulative[last[month_index]]
    target = low + rng.random(len(month_index)) * (high - low)
    days = np.searchsorted(cumulative, target, side="right") - 1
    return np.clip(days, first[month_index], last[month_index] - 1)
