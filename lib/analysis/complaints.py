"""Complaint arithmetic: rates per 1,000 services, resolution times, backlog age.

Pure functions over the small frames of ``lib.queries.complaints``, so every
figure on the Pengaduan page can be checked by hand in a unit test.

Conventions a caller must know:

* **Working days** are Monday–Friday less Indonesia's national holidays and the
  cuti bersama an admin recorded (:mod:`lib.workdays`). The count runs
  from the day received to the day resolved: received Monday, resolved the next
  Monday = 5 working days when no holiday falls in between.
* **Late** means more than :data:`STANDARD_WORKING_DAYS` (5) working days. The
  share late is taken over complaints whose outcome against the standard is
  known: all resolved ones, plus open ones already older than the standard
  (they are late whatever happens). Open complaints still inside the standard
  are left out. Counting only resolved complaints would make a unit that never
  answers look punctual.
* **Rates** use only the months a unit reported service volumes for: complaints
  in those months ÷ services in those months × 1,000, with an exact Poisson CI.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from lib.periods import period_starts
from lib.workdays import working_days_between

#: The service standard for answering a complaint (SP4N-LAPOR!), in working days.
STANDARD_WORKING_DAYS = 5

#: Upper edges (inclusive, working days) of the backlog age buckets; the last bucket is open-ended.
BACKLOG_BUCKET_EDGES: tuple[int, ...] = (5, 10, 20)


# --- small statistics --------------------------------------------------------


def poisson_rate_ci(count: np.ndarray | float, exposure: np.ndarray | float, level: float = 0.95):  # type: ignore[no-untyped-def]
    """Exact (Garwood) CI for ``count / exposure``; arrays broadcast. Zero exposure gives NaN."""
    count = np.asarray(count, dtype=float)
    exposure = np.asarray(exposure, dtype=float)
    alpha = 1 - level
    with np.errstate(divide="ignore", invalid="ignore"):
        low = np.where(count > 0, stats.chi2.ppf(alpha / 2, 2 * count) / 2, 0.0)
        high = stats.chi2.ppf(1 - alpha / 2, 2 * (count + 1)) / 2
        safe = np.where(exposure > 0, exposure, np.nan)
        return low / safe, high / safe


def wilson_ci(successes: np.ndarray | float, n: np.ndarray | float, level: float = 0.95):  # type: ignore[no-untyped-def]
    """Wilson score interval for a share; n = 0 gives NaN."""
    k = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    z = stats.norm.ppf(1 - (1 - level) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
        return np.where(n > 0, centre - half, np.nan), np.where(n > 0, centre + half, np.nan)


def complaint_trend(
    counts: pd.DataFrame, period: str = "month", by: Sequence[str] = ("unit_id",)
) -> pd.DataFrame:
    """Counts per ``by`` × period, zero-filled over every period between the first and last.

    ``counts`` has ``month`` and ``complaints`` plus the ``by`` columns. Periods
    without complaints appear as 0, which a line chart needs to show a quiet month.
    """
    by = list(by)
    if counts.empty:
        return pd.DataFrame(columns=[*by, "period", "complaints"])
    frame = counts.assign(period=period_starts(counts["month"], period))
    grouped = frame.groupby([*by, "period"], dropna=False)["complaints"].sum()
    freq = "MS" if period == "month" else "QS"
    periods = pd.date_range(frame["period"].min(), frame["period"].max(), freq=freq)
    if by:
        keys = grouped.reset_index()[by].drop_duplicates()
        grid = keys.merge(pd.DataFrame({"period": periods}), how="cross")
        out = grid.merge(grouped.reset_index(), on=[*by, "period"], how="left")
    else:
        out = pd.DataFrame({"period": periods}).merge(grouped.reset_index(), on="period", how="left")
    out["complaints"] = out["complaints"].fillna(0).astype("int64")
    return out.sort_values([*by, "period"]).reset_index(drop=True)


def months_covered(services: pd.DataFrame) -> pd.DataFrame:
    """Expand service-statistics rows to the months they cover: ``unit_id``, ``month``.

    A quarterly or yearly row covers all of its months; the complaint numerator
    of a rate then counts exactly those months.
    """
    if services.empty:
        return pd.DataFrame({"unit_id": pd.Series(dtype="int64"), "month": pd.Series(dtype="datetime64[ns]")})
    start = pd.to_datetime(services["period_start"]).dt.to_period("M")
    end = pd.to_datetime(services["period_end"]).dt.to_period("M")
    spans = np.maximum((end - start).map(lambda offset: offset.n).to_numpy(dtype="int64") + 1, 0)
    first = np.repeat(start.to_numpy(), spans)
    offsets = np.arange(spans.sum()) - np.repeat(np.cumsum(spans) - spans, spans)
    months = pd.PeriodIndex(first, freq="M") + offsets
    expanded = pd.DataFrame(
        {"unit_id": np.repeat(services["unit_id"].to_numpy(), spans), "month": months.to_timestamp()}
    )
    return expanded.drop_duplicates(ignore_index=True)


def complaint_rates(
    counts: pd.DataFrame, services: pd.DataFrame, by: Sequence[str] = ("unit_id",), level: float = 0.95
) -> pd.DataFrame:
    """Complaints per 1,000 services per ``by`` group (``by`` must contain ``unit_id``).

    ``counts``: ``unit_id``, ``month``, ``complaints`` (+ other ``by`` columns);
    ``services``: rows of :func:`lib.queries.complaints.service_volumes`.
    Returns ``by`` + ``complaints`` (all months), ``complaints_covered`` (months
    with service data), ``services``, ``rate_per_1000``, ``rate_low``,
    ``rate_high``. Units without service data get NaN rates, not zero.
    """
    by = list(by)
    if "unit_id" not in by:
        raise ValueError("complaint rates are per unit: 'by' must include 'unit_id'")
    total = counts.groupby(by, dropna=False)["complaints"].sum().rename("complaints")
    covered_months = months_covered(services)
    covered = counts.merge(covered_months, on=["unit_id", "month"], how="inner")
    covered_sum = covered.groupby(by, dropna=False)["complaints"].sum().rename("complaints_covered")
    volume = services.groupby("unit_id")["services"].sum().rename("services")
    out = pd.concat([total, covered_sum], axis=1).reset_index()
    out["complaints_covered"] = out["complaints_covered"].fillna(0).astype("int64")
    out = out.merge(volume.reset_index(), on="unit_id", how="left")
    has_services = out["services"].fillna(0) > 0
    out.loc[~has_services, "complaints_covered"] = 0
    exposure = out["services"].where(has_services) / 1000.0
    out["rate_per_1000"] = out["complaints_covered"] / exposure
    low, high = poisson_rate_ci(out["complaints_covered"].to_numpy(), exposure.fillna(0).to_numpy(), level)
    out["rate_low"] = low
    out["rate_high"] = high
    return out


# --- resolution times --------------------------------------------------------


def resolution_days(pairs: pd.DataFrame) -> pd.DataFrame:
    """Add ``working_days`` and ``calendar_days`` to resolution date pairs; drops impossible pairs (resolved before received)."""
    out = pairs.copy()
    out["working_days"] = working_days_between(out["complaint_date"], out["resolved_date"])
    out["calendar_days"] = (
        pd.to_datetime(out["resolved_date"]) - pd.to_datetime(out["complaint_date"])
    ).dt.days
    return out[out["working_days"].notna()].reset_index(drop=True)


def _weighted_quantile(values: np.ndarray, weights: np.ndarray, q: float) -> float:
    """Quantile of values repeated ``weights`` times (lower median convention for ties: the value crossing q)."""
    if weights.sum() <= 0:
        return float("nan")
    order = np.argsort(values, kind="stable")
    values, weights = values[order], weights[order]
    cumulative = np.cumsum(weights)
    total = cumulative[-1]
    # median of an even count: average the two middle values, as pandas' median does
    position = q * (total - 1)
    lower_idx = int(np.searchsorted(cumulative, np.floor(position) + 1))
    upper_idx = int(np.searchsorted(cumulative, np.ceil(position) + 1))
    fraction = position - np.floor(position)
    return float(values[lower_idx] * (1 - fraction) + values[upper_idx] * fraction)


def median_response_hours(minutes: pd.DataFrame) -> float:
    """Median time to answer, in hours, of complaints whose times of day are known (NaN when none).

    ``minutes``: ``minutes`` and ``complaints`` per distinct value, as
    :func:`lib.queries.complaints.response_minutes` returns them. Pages show it
    instead of the working-day median when that median is under one day, where
    "0,0 hari kerja" would hide an answer within hours.
    """
    if minutes.empty:
        return float("nan")
    values = minutes["minutes"].to_numpy(dtype=float)
    weights = minutes["complaints"].to_numpy(dtype=float)
    keep = values >= 0
    if not keep.any():
        return float("nan")
    return _weighted_quantile(values[keep], weights[keep], 0.5) / 60.0


def resolution_summary(
    pairs: pd.DataFrame,
    open_dates: pd.DataFrame | None = None,
    as_of: pd.Timestamp | None = None,
    *,
    by: Sequence[str] = ("unit_id",),
    standard: int = STANDARD_WORKING_DAYS,
    level: float = 0.95,
) -> pd.DataFrame:
    """Per ``by`` group: how fast complaints were answered, against the standard.

    ``pairs``: resolved complaints (``complaint_date``, ``resolved_date``,
    ``complaints``); ``open_dates``: complaints still open on ``as_of``
    (``complaint_date``, ``complaints``), used for open-and-already-late.
    Columns: ``resolved``, ``median_working_days``, ``p90_working_days``,
    ``mean_working_days``, ``resolved_late``, ``open_late``, ``share_late`` (see
    the module docstring), ``share_late_low``/``high`` (Wilson), ``judged``
    (its denominator). Empty groups are absent.
    """
    by = list(by)
    days = resolution_days(pairs) if not pairs.empty else pairs.assign(working_days=pd.Series(dtype=float))
    records: dict[tuple, dict[str, float]] = {}
    for key, group in days.groupby(by, dropna=False) if by else [((), days)]:
        key = key if isinstance(key, tuple) else (key,)
        values = group["working_days"].to_numpy(dtype=float)
        weights = group["complaints"].to_numpy(dtype=float)
        n = weights.sum()
        records[key] = {
            "resolved": n,
            "median_working_days": _weighted_quantile(values, weights, 0.5),
            "p90_working_days": _weighted_quantile(values, weights, 0.9),
            "mean_working_days": float((values * weights).sum() / n) if n else float("nan"),
            "resolved_late": float(weights[values > standard].sum()),
        }
    if open_dates is not None and not open_dates.empty:
        if as_of is None:
            raise ValueError("as_of is required with open_dates")
        age = working_days_between(open_dates["complaint_date"], pd.Series([as_of] * len(open_dates)))
        late = open_dates.assign(late=np.where(age > standard, open_dates["complaints"], 0))
        for key, group in late.groupby(by, dropna=False) if by else [((), late)]:
            key = key if isinstance(key, tuple) else (key,)
            entry = records.setdefault(
                key,
                {
                    "resolved": 0.0,
                    "median_working_days": float("nan"),
                    "p90_working_days": float("nan"),
                    "mean_working_days": float("nan"),
                    "resolved_late": 0.0,
                },
            )
            entry["open_late"] = float(group["late"].sum())
    columns = [
        "resolved",
        "median_working_days",
        "p90_working_days",
        "mean_working_days",
        "resolved_late",
        "open_late",
    ]
    if not records:
        return pd.DataFrame(
            columns=[*by, *columns, "judged", "share_late", "share_late_low", "share_late_high"]
        )
    out = pd.DataFrame([{**dict(zip(by, key, strict=True)), **value} for key, value in records.items()])
    out = out.reindex(columns=[*by, *columns])
    out["open_late"] = out["open_late"].fillna(0.0)
    for column in ("resolved", "resolved_late", "open_late"):
        out[column] = out[column].astype("int64")
    out["judged"] = out["resolved"] + out["open_late"]
    late = out["resolved_late"] + out["open_late"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["share_late"] = np.where(out["judged"] > 0, late / out["judged"], np.nan)
    low, high = wilson_ci(late.to_numpy(), out["judged"].to_numpy(), level)
    out["share_late_low"], out["share_late_high"] = low, high
    return out.sort_values(by).reset_index(drop=True) if by else out


def resolution_histogram(pairs: pd.DataFrame, *, cap: int = 30) -> pd.DataFrame:
    """Resolved complaints per whole working day (``working_days``, ``complaints``); days above ``cap`` pooled at ``cap``."""
    if pairs.empty:
        return pd.DataFrame(
            {"working_days": pd.Series(dtype="int64"), "complaints": pd.Series(dtype="int64")}
        )
    days = resolution_days(pairs)
    days["working_days"] = days["working_days"].clip(upper=cap).astype("int64")
    return days.groupby("working_days", as_index=False)["complaints"].sum()


# --- backlog -----------------------------------------------------------------


def backlog_bucket_labels(edges: Sequence[int] = BACKLOG_BUCKET_EDGES) -> list[str]:
    """Bucket keys in order: ``0-5``, ``6-10``, ``11-20``, ``>20`` (working days open)."""
    labels, low = [], 0
    for edge in edges:
        labels.append(f"{low}-{edge}")
        low = edge + 1
    labels.append(f">{edges[-1]}")
    return labels


def backlog_by_age(
    open_dates: pd.DataFrame,
    as_of: pd.Timestamp,
    *,
    by: Sequence[str] = ("unit_id",),
    edges: Sequence[int] = BACKLOG_BUCKET_EDGES,
) -> pd.DataFrame:
    """Open complaints per ``by`` × age bucket (working days open on ``as_of``): ``bucket``, ``complaints``."""
    by = list(by)
    labels = backlog_bucket_labels(edges)
    if open_dates.empty:
        return pd.DataFrame(columns=[*by, "bucket", "complaints"])
    age = working_days_between(open_dates["complaint_date"], pd.Series([as_of] * len(open_dates)))
    bucket_index = np.searchsorted(np.asarray(edges), age, side="left")
    frame = open_dates.assign(bucket=pd.Categorical([labels[i] for i in bucket_index], categories=labels))
    out = frame.groupby([*by, "bucket"], observed=True)["complaints"].sum().reset_index()
    return out.sort_values([*by, "bucket"]).reset_index(drop=True)


def backlog_summary(
    open_dates: pd.DataFrame, as_of: pd.Timestamp, *, by: Sequence[str] = ("unit_id",)
) -> pd.DataFrame:
    """Per ``by`` group: ``backlog`` (open complaints), ``backlog_overdue`` (> standard), ``oldest_working_days``, ``median_age_working_days``."""
    by = list(by)
    columns = ["backlog", "backlog_overdue", "oldest_working_days", "median_age_working_days"]
    if open_dates.empty:
        return pd.DataFrame(columns=[*by, *columns])
    age = working_days_between(open_dates["complaint_date"], pd.Series([as_of] * len(open_dates)))
    frame = open_dates.assign(age=age)
    rows = []
    for key, group in frame.groupby(by, dropna=False) if by else [((), frame)]:
        key = key if isinstance(key, tuple) else (key,)
        values = group["age"].to_numpy(dtype=float)
        weights = group["complaints"].to_numpy(dtype=float)
        rows.append(
            {
                **dict(zip(by, key, strict=True)),
                "backlog": int(weights.sum()),
                "backlog_overdue": int(weights[values > STANDARD_WORKING_DAYS].sum()),
                "oldest_working_days": float(values.max()),
                "median_age_working_days": _weighted_quantile(values, weights, 0.5),
            }
        )
    out = pd.DataFrame(rows)
    return out.sort_values(by).reset_index(drop=True) if by else out


# --- shares ------------------------------------------------------------------


def shares(counts: pd.DataFrame, column: str, by: Sequence[str] = ()) -> pd.DataFrame:
    """Counts and share of each value of ``column`` (channel, theme, status) within ``by`` groups."""
    by = list(by)
    grouped = counts.groupby([*by, column], dropna=False)["complaints"].sum().reset_index()
    if by:
        totals = grouped.groupby(by, dropna=False)["complaints"].transform("sum")
    else:
        totals = grouped["complaints"].sum()
    grouped["share"] = grouped["complaints"] / totals
    return grouped
