"""How far each source's data is complete, and the one period rule pages and the CLI share.

Why: one small upload (30 November responses of a single puskesmas) used to move
"the last 12 months" of the whole city to December–November, although November
had no complaints or service data yet; every change on Ringkasan then compared a
month of missing data with a full one and showed it as an improvement.

The rule:

* A source's **last complete month** is the month of its last day of data when
  that day is the month's last day (monthly service statistics end there), else
  the month before; and a month whose volume is below :data:`COMPLETE_SHARE` of
  the median of the :data:`REFERENCE_MONTHS` months before it counts as
  incomplete too (a trickle of early uploads), walking back at most
  :data:`MAX_WALK_BACK` months.
* The **period anchor** is the earliest last complete month among the sources
  that have data (SKM, complaints, service statistics): every preset window
  ("12 bulan terakhir", "tahun ini", …) ends there, on the pages and in the CLI.
* A **change** against the previous window is shown only when each source the
  figure uses covers both windows completely (:func:`covers`).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import pandas as pd

#: A month with fewer records than this share of the usual volume is not complete yet.
COMPLETE_SHARE = 0.5
#: Months before a candidate month whose median is "the usual volume".
REFERENCE_MONTHS = 6
#: At most this many trailing months are judged incomplete by volume.
MAX_WALK_BACK = 3
#: The sources whose data anchors the period (upload kinds).
ANCHOR_SOURCES = ("survei", "pengaduan", "layanan")


def month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _month_start(day: date) -> date:
    return date(day.year, day.month, 1)


def _previous_month(day: date) -> date:
    return date(day.year - 1, 12, 1) if day.month == 1 else date(day.year, day.month - 1, 1)


@dataclass(frozen=True)
class SourceCoverage:
    """One source's data: first day, last day, and the last day of its last complete month."""

    source: str
    first_day: date | None
    last_day: date | None
    complete_through: date | None

    @property
    def has_data(self) -> bool:
        return self.last_day is not None


def last_complete_month(monthly: pd.Series, last_day: date | None) -> date | None:
    """Last day of the last complete month of a source.

    ``monthly``: volume (records, respondents, services) indexed by month start
    (``date``); ``last_day``: the last day the source has data for. None when no
    month is complete.
    """
    if last_day is None:
        return None
    candidate = _month_start(last_day) if last_day == month_end(last_day) else _previous_month(last_day)
    volumes = {(_month_start(pd.Timestamp(k).date())): float(v) for k, v in monthly.items()}
    first = min(volumes) if volumes else candidate
    for _ in range(MAX_WALK_BACK):
        if candidate < first:
            return None
        reference = []
        month = candidate
        for _ in range(REFERENCE_MONTHS):
            month = _previous_month(month)
            if month in volumes:
                reference.append(volumes[month])
        if len(reference) < 3:
            break  # too little history to judge a volume: trust the calendar
        usual = float(pd.Series(reference).median())
        if volumes.get(candidate, 0.0) >= COMPLETE_SHARE * usual:
            break
        candidate = _previous_month(candidate)
    return month_end(candidate) if candidate >= first else None


def period_anchor(coverage: dict[str, SourceCoverage], today: date) -> date:
    """The last day of the last month complete for every anchoring source (never after ``today``).

    Sources without data are left out; with no complete month anywhere, the end
    of the month before ``today``.
    """
    ends = [c.complete_through for k, c in coverage.items() if k in ANCHOR_SOURCES and c.has_data]
    ends = [e for e in ends if e is not None]
    if not ends:
        return month_end(_previous_month(today))
    return min(min(ends), today)


def covers(
    coverage: dict[str, SourceCoverage], sources: tuple[str, ...], date_from: date, date_to: date
) -> bool:
    """True when every source in ``sources`` that has data covers ``[date_from, date_to]`` completely.

    A source covers a window when its data starts on or before the window's first
    month and its last complete month reaches the window's end. A source with no
    data at all does not cover anything.
    """
    for source in sources:
        entry = coverage.get(source)
        if entry is None or not entry.has_data or entry.first_day is None or entry.complete_through is None:
            return False
        if _month_start(entry.first_day) > date_from or entry.complete_through < date_to:
            return False
    return True


#: The sidebar's period presets; every one ends at the period anchor.
PRESETS = ("last12", "this_year", "last_year", "all", "custom")


def preset_range(preset: str, anchor: date) -> tuple[date, date]:
    """Date range of a period preset, in whole months ending with the month of ``anchor``.

    ``anchor`` is the last day of the last month complete for every source
    (:func:`period_anchor`), so "the last 12 months" are 12 months that have all
    their data and compare cleanly with the 12 before them. The CLI's default
    window is ``preset_range("last12", anchor)`` too.
    """
    end = month_end(anchor)
    if preset == "this_year":
        return date(anchor.year, 1, 1), end
    if preset == "last_year":
        return date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31)
    if preset == "all":
        return date(2000, 1, 1), end
    start_month = anchor.month + 1 if anchor.month < 12 else 1
    start_year = anchor.year - 1 if anchor.month < 12 else anchor.year
    return date(start_year, start_month, 1), end
