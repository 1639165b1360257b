"""The unit × quarter panel that the deterioration model learns from.

One row per unit and quarter with the quarter's IKM, complaints, service speed
and staff performance, each from the function that owns the figure.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.analysis.ikm import unit_ikm_by_period
from lib.periods import quarter_start
from lib.queries.complaints import complaint_counts
from lib.queries.survey import monthly_sums
from lib.queries.unit_quarterly import performance_by_quarter, service_by_quarter
from lib.queries.units import CITY, Scope, list_units


def _quarter(months: pd.Series) -> pd.Series:
    stamps = pd.to_datetime(months)
    return pd.Series([quarter_start(s.date()) for s in stamps], index=months.index, dtype=object)


def unit_quarter_panel(
    *, engine: Engine, scope: Scope = CITY, date_from: date | None = None, date_to: date | None = None
) -> pd.DataFrame:
    """``unit_id, quarter_start, ikm, mutu, responden, complaints, services, mean_days, pct_on_time,
    skp_mean, skp_low_share``; a unit-quarter appears when it has survey or service data."""
    sums = monthly_sums(engine, scope, date_from, date_to, per_month=True)
    ikm = unit_ikm_by_period(list_units(engine, scope), sums, date_from, date_to, period="quarter")
    ikm = ikm[["unit_id", "period_start", "ikm_2dp", "mutu", "responden"]].rename(
        columns={"period_start": "quarter_start", "ikm_2dp": "ikm"}
    )
    counts = complaint_counts(engine, scope, date_from, date_to, by=("unit", "month"))
    if counts.empty:
        complaints = pd.DataFrame(columns=["unit_id", "quarter_start", "complaints"])
    else:
        counts["quarter_start"] = _quarter(counts["month"])
        complaints = counts.groupby(["unit_id", "quarter_start"], as_index=False)["complaints"].sum()
    service = service_by_quarter(engine, scope, date_from, date_to)
    skp = performance_by_quarter(engine, scope, date_from, date_to)
    skp["skp_low_share"] = skp["low_rated"] / skp["rated"].where(skp["rated"] > 0)
    skp = skp.rename(columns={"mean_score": "skp_mean"})[
        ["unit_id", "quarter_start", "skp_mean", "skp_low_share"]
    ]

    keys = pd.concat(
        [ikm[["unit_id", "quarter_start"]], service[["unit_id", "quarter_start"]]]
    ).drop_duplicates()
    panel = keys
    for part in (ikm, complaints, service, skp):
        panel = panel.merge(part, on=["unit_id", "quarter_start"], how="left")
    panel["complaints"] = panel["complaints"].fillna(0).astype("int64")
    return panel.sort_values(["unit_id", "quarter_start"], ignore_index=True)
