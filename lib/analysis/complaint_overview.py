"""Everything the Pengaduan page and the ``complaints`` command show: the bundle and its parts.

:func:`lib.services.complaints.overview` reads the small aggregates of
``lib.queries.complaints`` for a scope and date range and runs the pure functions
here, of ``lib.analysis.complaints`` and of ``lib.analysis.complaint_spikes`` on
them. The result is a bundle of small frames, cheap to cache and to serialise.

Two dates besides the range matter:

* ``as_of``, the day the backlog is counted on: the end of the range, or today
  if the range reaches into the future;
* the spike window: the last complete month on or before the end of the range
  *that has data* (an import that lags a month must not look like a drop), and
  its baseline reaches back before the range if needed: a unit's normal does not
  depend on the dates picked in the sidebar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from lib.analysis import complaints as calc
from lib.analysis.complaint_spikes import SpikeResult, last_complete_month
from lib.analysis.complaint_themes import THEMES, normalise_theme_key

#: Months of history fetched before the recent window (enough for month-of-year factors).
SPIKE_HISTORY_MONTHS = 36


@dataclass
class ComplaintOverview:
    """Small frames for one scope and range; see :func:`lib.services.complaints.overview`."""

    date_from: date
    date_to: date
    as_of: date
    period: str
    units: pd.DataFrame
    trend: pd.DataFrame
    theme_rates: pd.DataFrame
    channel_shares: pd.DataFrame
    status_shares: pd.DataFrame
    theme_source: pd.DataFrame
    rates: pd.DataFrame
    resolution: pd.DataFrame
    resolution_hist: pd.DataFrame
    backlog: pd.DataFrame
    backlog_buckets: pd.DataFrame
    spikes: SpikeResult
    spike_monthly: pd.DataFrame
    summary: pd.DataFrame
    totals: dict[str, float] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.totals.get("complaints")


def normalise_themes(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Map uploaded category spellings to theme keys and re-add counts that now coincide."""
    if frame.empty or "theme" not in frame:
        return frame
    frame = frame.assign(theme=frame["theme"].map(normalise_theme_key))
    return frame.groupby(keys, dropna=False, as_index=False)["complaints"].sum()


def _month_start(value: date) -> pd.Timestamp:
    return pd.Timestamp(value).to_period("M").start_time


def spike_end_month(date_to: date, last_complaint: date | None) -> pd.Timestamp | None:
    """Last month of the spike window: complete, on or before ``date_to``, and not after the data ends."""
    end = last_complete_month(date_to)
    if last_complaint is None:
        return None
    data_end = _month_start(last_complaint)
    # the month of the last complaint counts as complete if the data continues to its end
    if pd.Timestamp(last_complaint) < data_end + pd.offsets.MonthEnd(0):
        data_end = data_end - pd.offsets.MonthBegin(1)
    return min(end, data_end)


def empty_rates(by: list[str]) -> pd.DataFrame:
    columns = [*by, "complaints", "complaints_covered", "services", "rate_per_1000", "rate_low", "rate_high"]
    return pd.DataFrame(columns=columns)


def unit_summary(
    units: pd.DataFrame,
    rates: pd.DataFrame,
    resolution: pd.DataFrame,
    backlog: pd.DataFrame,
    spikes: SpikeResult,
) -> pd.DataFrame:
    """One row per unit with any complaint, backlog or flag: the table of the page and the CLI."""
    out = units[["unit_id", "code", "name", "kind", "region"]].merge(rates, on="unit_id", how="left")
    out = out.merge(
        resolution[
            ["unit_id", "resolved", "median_working_days", "share_late", "share_late_low", "share_late_high"]
        ]
        if not resolution.empty
        else pd.DataFrame(columns=["unit_id"]),
        on="unit_id",
        how="left",
    )
    out = out.merge(
        backlog if not backlog.empty else pd.DataFrame(columns=["unit_id"]), on="unit_id", how="left"
    )
    for column in ("complaints", "backlog", "backlog_overdue", "resolved"):
        if column not in out:
            out[column] = 0
        out[column] = out[column].fillna(0).astype("int64")
    flags = spikes.flagged
    out["spike"] = out["unit_id"].isin(flags["unit_id"]) if not flags.empty else False
    keep = (out["complaints"] > 0) | (out["backlog"] > 0) | out["spike"]
    return out[keep].sort_values(["spike", "complaints"], ascending=[False, False]).reset_index(drop=True)


def overview_totals(
    counts: pd.DataFrame,
    rates: pd.DataFrame,
    pairs: pd.DataFrame,
    open_in_range: pd.DataFrame,
    open_all: pd.DataFrame,
    as_of: pd.Timestamp,
    sources: pd.DataFrame,
) -> dict[str, float]:
    """Scope-wide figures for the headline: every one comes with its n."""
    complaints = int(counts["complaints"].sum()) if not counts.empty else 0
    covered = float(rates["complaints_covered"].sum()) if not rates.empty else 0.0
    services = float(rates["services"].fillna(0).sum()) if not rates.empty else 0.0
    rate_low, rate_high = calc.poisson_rate_ci(covered, services / 1000.0)
    resolution = calc.resolution_summary(pairs, open_in_range, as_of, by=())
    backlog = calc.backlog_summary(open_all, as_of, by=())
    by_source = dict(zip(sources.get("theme_source", []), sources.get("complaints", []), strict=False))
    totals: dict[str, float] = {
        "complaints": complaints,
        "complaints_covered": covered,
        "services": services,
        "rate_per_1000": covered / services * 1000 if services else float("nan"),
        "rate_low": float(rate_low),
        "rate_high": float(rate_high),
        "units_with_complaints": int(counts["unit_id"].nunique()) if not counts.empty else 0,
        "labelled": int(by_source.get("label", 0)),
        "evaluator": int(by_source.get("evaluator", 0)),
        "predicted": int(by_source.get("predicted", 0)),
        "abstained": int(by_source.get("abstained", 0)),
        "untyped": int(by_source.get("none", 0)),
        # the open backlog counts every complaint still open on as_of; the status
        # table only those received in the period: these two reconcile them
        "backlog_received_in_period": int(open_in_range["complaints"].sum())
        if not open_in_range.empty
        else 0,
        "backlog_received_before": int(open_all["complaints"].sum() - open_in_range["complaints"].sum())
        if not open_all.empty
        else 0,
    }
    if not resolution.empty:
        row = resolution.iloc[0]
        for column in (
            "resolved",
            "median_working_days",
            "share_late",
            "share_late_low",
            "share_late_high",
            "judged",
        ):
            totals[column] = float(row[column])
    if not backlog.empty:
        row = backlog.iloc[0]
        for column in ("backlog", "backlog_overdue", "oldest_working_days"):
            totals[column] = float(row[column])
    else:
        totals.update(backlog=0.0, backlog_overdue=0.0, oldest_working_days=float("nan"))
    return totals


def unit_report_records(overview: ComplaintOverview) -> list[dict[str, object]]:
    """Per unit, plain values for JSON: the CLI's ``--format json`` and any export."""
    flags = overview.spikes.flagged
    records = []
    for row in overview.summary.itertuples(index=False):
        unit_flags = flags[flags["unit_id"] == row.unit_id] if not flags.empty else flags
        spikes = []
        for flag in unit_flags.itertuples(index=False):
            theme = getattr(flag, "theme", None) if flag.family != "unit_id" else None
            spikes.append(
                {
                    "theme": None
                    if theme is None or (isinstance(theme, float) and np.isnan(theme))
                    else theme,
                    "observed": int(flag.observed),
                    "expected": _plain(flag.expected, 2),
                    "ratio": _plain(flag.ratio, 2),
                    "ratio_ci95": [_plain(flag.ratio_low, 2), _plain(flag.ratio_high, 2)],
                    "p_value": _plain(flag.p_value, 6),
                    "q_value": _plain(flag.q_value, 6),
                }
            )
        records.append(
            {
                "kode_unit": row.code,
                "nama_unit": row.name,
                "complaints": int(row.complaints),
                "services": _plain(row.services, 0),
                "rate_per_1000": _plain(row.rate_per_1000, 3),
                "rate_per_1000_ci95": [_plain(row.rate_low, 3), _plain(row.rate_high, 3)],
                "median_resolution_days": _plain(row.median_working_days, 1),
                "share_late": _plain(row.share_late, 4),
                "share_late_ci95": [_plain(row.share_late_low, 4), _plain(row.share_late_high, 4)],
                "backlog": int(row.backlog),
                "backlog_overdue": int(row.backlog_overdue),
                "spikes": spikes,
            }
        )
    return records


def _plain(value: object, digits: int) -> float | None:
    """JSON-safe number: NaN and infinity become None."""
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not np.isfinite(number):
        return None
    return round(number, digits)


__all__ = [
    "THEMES",
    "ComplaintOverview",
    "unit_report_records",
]
