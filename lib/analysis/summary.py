"""The leadership summary's value types and which of its changes may be shown (pure).

The figures are read and the findings written by :mod:`lib.services.summary`;
here is what needs no database: a headline's previous value is dropped when its
sources do not cover both windows, and the small date and share helpers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from lib.analysis.complaint_overview import ComplaintOverview
from lib.analysis.summary_types import Headline, Summary
from lib.coverage import SourceCoverage, covers

__all__ = [
    "HEADLINE_SOURCES",
    "MIN_RESPONDENTS_FOR_FINDING",
    "Headline",
    "Summary",
    "comparable_headlines",
    "share_within_standard",
    "year_earlier",
]

#: A unit needs at least this many respondents for its IKM to be named in a finding.
MIN_RESPONDENTS_FOR_FINDING = 30


def year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return date(day.year - 1, 2, 28)


def share_within_standard(overview: ComplaintOverview) -> tuple[float | None, int]:
    totals = overview.totals
    judged = int(totals.get("judged", 0) or 0)
    if not judged:
        return None, 0
    return 1.0 - float(totals["share_late"]), judged


#: The sources each headline's change rests on (upload kinds, see lib.coverage). Counts
#: and shares of counts only: the IKM is a mean over respondents, which a missing month does
#: not push down, so its change stands on whatever months each window holds.
HEADLINE_SOURCES: dict[str, tuple[str, ...]] = {
    "complaints": ("pengaduan",),
    "within_standard": ("pengaduan",),
    "flagged": ("survei", "pengaduan"),
}


def comparable_headlines(
    headlines: list[Headline],
    coverage: dict[str, SourceCoverage],
    now: tuple[date, date],
    before: tuple[date, date],
) -> list[Headline]:
    """Drop the previous value (so no change is shown) of a headline whose sources do not cover
    both windows completely: a month missing from either window is not an improvement."""
    out = []
    for headline in headlines:
        sources = HEADLINE_SOURCES.get(headline.key)
        if sources and not (covers(coverage, sources, *now) and covers(coverage, sources, *before)):
            headline = replace(headline, previous=None)
        out.append(headline)
    return out
