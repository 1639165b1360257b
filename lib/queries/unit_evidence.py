"""Everything known about each unit for a period, in one row: the input of the priorities.

Assembles the IKM (now and in the previous equal-length period), complaints and
their rate per 1,000 services, service speed, staff performance and 20-JP
coverage from the query and analysis functions that own each figure, so the
priorities show exactly the numbers the other pages show.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from lib.analysis.complaints import complaint_rates
from lib.analysis.ikm import unit_ikm, weakest_for_row
from lib.analysis.ikm_periods import previous_range
from lib.queries.complaints import complaint_counts, service_volumes
from lib.queries.learning_hours import unit_learning_hours
from lib.queries.unit_quarterly import performance_by_quarter, service_by_quarter
from lib.queries.units import CITY, Scope, list_units

EVIDENCE_COLUMNS = (
    "ikm",
    "mutu",
    "responden",
    "ikm_prev",
    "ikm_change",
    "weakest_unsur",
    "complaints",
    "complaints_prev",
    "services",
    "rate_per_1000",
    "rate_prev",
    "top_themes",
    "mean_days",
    "pct_on_time",
    "skp_mean",
    "skp_low_share",
    "employees",
    "share_20jp",
    "jp_per_employee",
    "untrained_12m",
)


def _complaints(engine: Engine, scope: Scope, date_from: date, date_to: date) -> pd.DataFrame:
    counts = complaint_counts(engine, scope, date_from, date_to, by=("unit", "month"))
    services = service_volumes(engine, scope, date_from, date_to)
    if counts.empty:
        return pd.DataFrame(columns=["unit_id", "complaints", "rate_per_1000"])
    rates = complaint_rates(counts, services)
    return rates[["unit_id", "complaints", "rate_per_1000"]]


def _top_themes(engine: Engine, scope: Scope, date_from: date, date_to: date, k: int = 2) -> pd.DataFrame:
    themes = complaint_counts(engine, scope, date_from, date_to, by=("unit", "theme"))
    if themes.empty:
        return pd.DataFrame(columns=["unit_id", "top_themes"])
    themes = themes[themes["theme"].notna() & ~themes["theme"].isin(["lainnya", "belum_yakin"])]
    themes = themes.sort_values(["unit_id", "complaints", "theme"], ascending=[True, False, True])
    top = themes.groupby("unit_id")["theme"].apply(lambda s: list(s.head(k)))
    return top.rename("top_themes").reset_index()


def unit_evidence(
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
) -> pd.DataFrame:
    """One row per unit in scope with ``unit_id, kode_unit, nama_unit, jenis_unit, wilayah`` and
    :data:`EVIDENCE_COLUMNS` for ``[date_from, date_to]`` (default: the last 12 months to today).

    Missing evidence is NaN (a unit without a survey has no IKM), never zero.
    """
    date_to = date_to or date.today()
    date_from = date_from or date(date_to.year - 1, date_to.month, 1)
    prev_from, prev_to = previous_range(date_from, date_to)
    units = list_units(engine, scope).rename(
        columns={
            "id": "unit_id",
            "code": "kode_unit",
            "name": "nama_unit",
            "kind": "jenis_unit",
            "region": "wilayah",
        }
    )[["unit_id", "kode_unit", "nama_unit", "jenis_unit", "wilayah", "path"]]

    ikm_now = unit_ikm(engine, scope, date_from, date_to)
    ikm_prev = unit_ikm(engine, scope, prev_from, prev_to)
    ikm = ikm_now[["unit_id", "ikm_2dp", "mutu", "responden"]].rename(columns={"ikm_2dp": "ikm"})
    ikm["weakest_unsur"] = [[w.unsur for w in weakest_for_row(row)] for _, row in ikm_now.iterrows()]
    ikm = ikm.merge(
        ikm_prev[["unit_id", "ikm_2dp"]].rename(columns={"ikm_2dp": "ikm_prev"}), on="unit_id", how="left"
    )
    ikm["ikm_change"] = ikm["ikm"] - ikm["ikm_prev"]

    now = _complaints(engine, scope, date_from, date_to)
    before = _complaints(engine, scope, prev_from, prev_to).rename(
        columns={"complaints": "complaints_prev", "rate_per_1000": "rate_prev"}
    )
    themes = _top_themes(engine, scope, date_from, date_to)

    service = service_by_quarter(engine, scope, date_from, date_to)
    speed = (
        service.assign(
            days_x=service["mean_days"] * service["services"],
            on_time_x=service["pct_on_time"] * service["services"],
            with_days=service["services"].where(service["mean_days"].notna(), 0),
            with_on_time=service["services"].where(service["pct_on_time"].notna(), 0),
        )
        .groupby("unit_id")[["services", "days_x", "on_time_x", "with_days", "with_on_time"]]
        .sum()
    )
    speed["mean_days"] = speed["days_x"] / speed["with_days"].where(speed["with_days"] > 0)
    speed["pct_on_time"] = speed["on_time_x"] / speed["with_on_time"].where(speed["with_on_time"] > 0)
    speed = speed[["services", "mean_days", "pct_on_time"]].reset_index()

    skp = performance_by_quarter(engine, scope, date_from, date_to)
    skp["score_x"] = skp["mean_score"] * skp["rated"]
    skp = skp.groupby("unit_id")[["rated", "score_x", "low_rated"]].sum()
    skp["skp_mean"] = skp["score_x"] / skp["rated"].where(skp["rated"] > 0)
    skp["skp_low_share"] = skp["low_rated"] / skp["rated"].where(skp["rated"] > 0)
    skp = skp[["skp_mean", "skp_low_share"]].reset_index()

    jp = unit_learning_hours(engine, date_to.year, scope, as_of=date_to)
    jp = jp[["unit_id", "employees", "share_meeting", "jp_per_employee", "untrained_12m"]].rename(
        columns={"share_meeting": "share_20jp"}
    )

    out = units
    for part in (ikm, now, before, themes, speed, skp, jp):
        if "unit_id" not in part:
            part = part.reset_index()
        out = out.merge(part, on="unit_id", how="left")
    out["complaints"] = out["complaints"].fillna(0).astype("int64")
    out["complaints_prev"] = out["complaints_prev"].fillna(0).astype("int64")
    for column in ("weakest_unsur", "top_themes"):
        out[column] = [v if isinstance(v, list) else [] for v in out[column]]
    out["employees"] = out["employees"].fillna(0).astype("int64")
    out.loc[out["employees"] == 0, ["share_20jp", "jp_per_employee"]] = np.nan
    return out[["unit_id", "kode_unit", "nama_unit", "jenis_unit", "wilayah", "path", *EVIDENCE_COLUMNS]]
