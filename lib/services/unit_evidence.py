"""Everything known about each unit for a period, in one row: the input of the priorities.

Assembles the IKM (now and in the previous equal-length period) with its
standard error, complaints and the services they are counted against,
complaints answered after 5 working days, service speed, staff performance and
20-JP coverage, from the query and analysis functions that own each figure, so
the priorities show the numbers the other pages show.

A unit with too little evidence of its own for a family of figures (survey,
complaints, complaint answers, services, staff) but whose sub-units have more
is described by the roll-up of itself and its sub-units; ``basis_<family>``
says which (``own`` / ``children``), so a kecamatan without a survey of its own
is judged on its kelurahan, and says so.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from lib.analysis.complaints import complaint_rates, resolution_summary
from lib.analysis.ikm import weakest_for_row
from lib.analysis.ikm_formula import ikm_frame
from lib.analysis.ikm_rollup import ADDITIVE
from lib.analysis.priority_evidence import (
    BASIS_CHILDREN,
    choose_basis,
    pooled_unit_variance,
    rollup_additive,
)
from lib.analysis.priority_score import MIN_JUDGED, MIN_RESPONDENTS, MIN_STAFF
from lib.periods import previous_range
from lib.queries.complaints import (
    complaint_counts,
    open_complaint_dates,
    resolution_date_pairs,
    service_volumes,
)
from lib.queries.learning_hours import unit_learning_hours
from lib.queries.survey import monthly_sums
from lib.queries.unit_quarterly import performance_by_quarter, service_by_quarter
from lib.queries.units import CITY, Scope, list_units
from lib.vocabulary import UNIT_RESULT_NAMES

EVIDENCE_COLUMNS = (
    "ikm",
    "ikm_se",
    "mutu",
    "responden",
    "ikm_prev",
    "ikm_prev_se",
    "responden_prev",
    "ikm_change",
    "weakest_unsur",
    "basis_survey",
    "complaints",
    "complaints_prev",
    "complaints_covered",
    "complaints_covered_prev",
    "services",
    "services_prev",
    "rate_per_1000",
    "basis_complaints",
    "late_answers",
    "judged",
    "share_late",
    "basis_answers",
    "top_themes",
    "mean_days",
    "pct_on_time",
    "pct_on_time_se",
    "services_on_time",
    "basis_service",
    "skp_mean",
    "skp_low_share",
    "skp_rated",
    "employees",
    "share_20jp",
    "jp_per_employee",
    "untrained_12m",
    "basis_staff",
)


def _pick(own: pd.DataFrame, rolled: pd.DataFrame, basis: pd.Series, columns: list[str]) -> pd.DataFrame:
    """Per unit, ``columns`` from the roll-up where ``basis`` is children, else the unit's own."""
    out = own.set_index("unit_id").reindex(basis.index)[columns].fillna(0)
    children = basis == BASIS_CHILDREN
    if children.any():
        out.loc[children, columns] = rolled.set_index("unit_id").reindex(basis.index).loc[children, columns]
    return out


def _survey(
    engine: Engine, scope: Scope, units: pd.DataFrame, now: tuple[date, date], before: tuple[date, date]
) -> pd.DataFrame:
    additive = list(ADDITIVE)
    monthly = monthly_sums(engine, scope, *now, per_month=True)
    monthly_prev = monthly_sums(engine, scope, *before, per_month=True)
    own = monthly.groupby("unit_id", as_index=False)[additive].sum()
    own_prev = monthly_prev.groupby("unit_id", as_index=False)[additive].sum()
    rolled = rollup_additive(own, units, additive)
    rolled_prev = rollup_additive(own_prev, units, additive)
    index = pd.Index(units["id"].astype("int64"), name="unit_id")
    own_n = own.set_index("unit_id")["respondents"].reindex(index)
    basis = choose_basis(own_n, rolled.set_index("unit_id")["respondents"].reindex(index), MIN_RESPONDENTS)
    current = ikm_frame(_pick(own, rolled, basis, additive))
    previous = ikm_frame(_pick(own_prev, rolled_prev, basis, additive))
    per_month = ikm_frame(monthly)
    variance = pooled_unit_variance(per_month, "ikm", "respondents")
    if not np.isfinite(variance):
        variance = pooled_unit_variance(ikm_frame(monthly_prev), "ikm", "respondents")
    out = pd.DataFrame(index=index)
    has_now, has_before = current["respondents"] > 0, previous["respondents"] > 0
    out["ikm"] = current["ikm_2dp"].where(has_now)
    out["mutu"] = current["mutu"].where(has_now)
    out["responden"] = current["respondents"].where(has_now)
    out["ikm_se"] = np.sqrt(variance / current["respondents"].where(has_now))
    out["ikm_prev"] = previous["ikm_2dp"].where(has_before)
    out["responden_prev"] = previous["respondents"].where(has_before)
    out["ikm_prev_se"] = np.sqrt(variance / previous["respondents"].where(has_before))
    out["ikm_change"] = out["ikm"] - out["ikm_prev"]
    out["weakest_unsur"] = [
        [w.unsur for w in weakest_for_row(row)] if ok else []
        for (_, row), ok in zip(current.iterrows(), has_now, strict=True)
    ]
    out["basis_survey"] = basis.where(has_now)
    return out


def _complaint_counts(engine: Engine, scope: Scope, period: tuple[date, date]) -> pd.DataFrame:
    """Per unit: ``complaints``, ``complaints_covered`` (in months with service data), ``services``."""
    counts = complaint_counts(engine, scope, *period, by=("unit", "month"))
    services = service_volumes(engine, scope, *period)
    volume = services.groupby("unit_id", as_index=False)["services"].sum()
    if counts.empty:
        return volume.assign(complaints=0, complaints_covered=0)
    rates = complaint_rates(counts, services)[["unit_id", "complaints", "complaints_covered"]]
    return rates.merge(volume, on="unit_id", how="outer").fillna(0)


def _complaints(
    engine: Engine, scope: Scope, units: pd.DataFrame, now: tuple[date, date], before: tuple[date, date]
) -> pd.DataFrame:
    columns = ["complaints", "complaints_covered", "services"]
    own = _complaint_counts(engine, scope, now)
    own_prev = _complaint_counts(engine, scope, before).rename(columns={c: f"{c}_prev" for c in columns})
    own = own.merge(own_prev, on="unit_id", how="outer").fillna(0)
    all_columns = [*columns, *(f"{c}_prev" for c in columns)]
    for column in all_columns:
        if column not in own:
            own[column] = 0
    rolled = rollup_additive(own, units, all_columns)
    index = pd.Index(units["id"].astype("int64"), name="unit_id")
    basis = choose_basis(
        own.set_index("unit_id")["services"].reindex(index),
        rolled.set_index("unit_id")["services"].reindex(index),
        1,
    )
    picked = _pick(own, rolled, basis, all_columns)
    own_counts = own.set_index("unit_id").reindex(index)[["complaints", "complaints_prev"]].fillna(0)
    picked.loc[basis.isna(), ["complaints", "complaints_prev"]] = own_counts.loc[basis.isna()].to_numpy()
    out = picked.astype("float64")
    out["services"] = out["services"].where(out["services"] > 0)
    out["services_prev"] = out["services_prev"].where(out["services_prev"] > 0)
    out["rate_per_1000"] = out["complaints_covered"] / out["services"] * 1000
    out["basis_complaints"] = basis

    as_of = min(now[1], date.today())
    pairs = resolution_date_pairs(engine, scope, *now, resolved_by=as_of)
    open_now = open_complaint_dates(engine, scope, as_of, received_from=now[0])
    answers = resolution_summary(pairs, open_now, pd.Timestamp(as_of))
    answers = answers.assign(late_answers=answers["resolved_late"] + answers["open_late"])[
        ["unit_id", "late_answers", "judged"]
    ]
    rolled_answers = rollup_additive(answers, units, ["late_answers", "judged"])
    basis_answers = choose_basis(
        answers.set_index("unit_id")["judged"].reindex(index),
        rolled_answers.set_index("unit_id")["judged"].reindex(index),
        MIN_JUDGED,
    )
    picked_answers = _pick(answers, rolled_answers, basis_answers, ["late_answers", "judged"]).astype(
        "float64"
    )
    out = out.join(picked_answers)
    out["share_late"] = out["late_answers"] / out["judged"].where(out["judged"] > 0)
    out["basis_answers"] = basis_answers
    for column in ("complaints", "complaints_prev"):
        out[column] = out[column].astype("int64")
    return out


def _top_themes(engine: Engine, scope: Scope, period: tuple[date, date], k: int = 2) -> pd.Series:
    themes = complaint_counts(engine, scope, *period, by=("unit", "theme"))
    if themes.empty:
        return pd.Series(dtype=object, name="top_themes")
    themes = themes[themes["theme"].notna() & ~themes["theme"].isin(["lainnya", "belum_yakin"])]
    themes = themes.sort_values(["unit_id", "complaints", "theme"], ascending=[True, False, True])
    return themes.groupby("unit_id")["theme"].apply(lambda s: list(s.head(k))).rename("top_themes")


def _service(engine: Engine, scope: Scope, units: pd.DataFrame, now: tuple[date, date]) -> pd.DataFrame:
    quarterly = service_by_quarter(engine, scope, *now)
    with_on_time = quarterly["services"].where(quarterly["pct_on_time"].notna(), 0)
    with_days = quarterly["services"].where(quarterly["mean_days"].notna(), 0)
    quarterly = quarterly.assign(
        services_on_time=with_on_time,
        on_time_x=(quarterly["pct_on_time"] * with_on_time).fillna(0),
        services_with_days=with_days,
        days_x=(quarterly["mean_days"] * with_days).fillna(0),
    )
    columns = ["services_on_time", "on_time_x", "services_with_days", "days_x"]
    own = quarterly.groupby("unit_id", as_index=False)[columns].sum()
    rolled = rollup_additive(own, units, columns)
    index = pd.Index(units["id"].astype("int64"), name="unit_id")
    basis = choose_basis(
        own.set_index("unit_id")["services_on_time"].reindex(index),
        rolled.set_index("unit_id")["services_on_time"].reindex(index),
        1,
    )
    picked = _pick(own, rolled, basis, columns).astype("float64")
    volume = picked["services_on_time"].where(picked["services_on_time"] > 0)
    variance = pooled_unit_variance(quarterly, "pct_on_time", "services_on_time")
    out = pd.DataFrame(index=index)
    out["mean_days"] = picked["days_x"] / picked["services_with_days"].where(picked["services_with_days"] > 0)
    out["pct_on_time"] = picked["on_time_x"] / volume
    out["pct_on_time_se"] = np.sqrt(variance / volume)
    out["services_on_time"] = picked["services_on_time"]
    out["basis_service"] = basis
    return out


def _staff(engine: Engine, scope: Scope, units: pd.DataFrame, now: tuple[date, date]) -> pd.DataFrame:
    skp = performance_by_quarter(engine, scope, *now)
    skp = skp.assign(score_x=skp["mean_score"] * skp["rated"], quarters=1)
    skp = skp.groupby("unit_id", as_index=False)[["rated", "low_rated", "score_x", "quarters"]].sum()
    # Quarterly ratings repeat the same people: a quarter's worth is the effective sample.
    skp["skp_rated"] = skp["rated"] / skp["quarters"]
    skp["skp_low"] = skp["low_rated"] / skp["quarters"]
    skp["skp_score_x"] = skp["score_x"] / skp["quarters"]
    jp = unit_learning_hours(engine, now[1].year, scope, as_of=now[1])
    jp = jp[["unit_id", "employees", "meeting_target", "jp_total", "untrained_12m"]]
    own = jp.merge(skp[["unit_id", "skp_rated", "skp_low", "skp_score_x"]], on="unit_id", how="outer").fillna(
        0
    )
    columns = [
        "employees",
        "meeting_target",
        "jp_total",
        "untrained_12m",
        "skp_rated",
        "skp_low",
        "skp_score_x",
    ]
    rolled = rollup_additive(own, units, columns)
    index = pd.Index(units["id"].astype("int64"), name="unit_id")
    basis = choose_basis(
        own.set_index("unit_id")["employees"].reindex(index),
        rolled.set_index("unit_id")["employees"].reindex(index),
        MIN_STAFF,
    )
    picked = _pick(own, rolled, basis, columns).astype("float64")
    staff = picked["employees"].where(picked["employees"] > 0)
    rated = picked["skp_rated"].where(picked["skp_rated"] > 0)
    out = pd.DataFrame(index=index)
    out["skp_mean"] = picked["skp_score_x"] / rated
    out["skp_low_share"] = picked["skp_low"] / rated
    out["skp_rated"] = picked["skp_rated"]
    out["employees"] = picked["employees"].astype("int64")
    out["share_20jp"] = picked["meeting_target"] / staff
    out["jp_per_employee"] = picked["jp_total"] / staff
    out["untrained_12m"] = picked["untrained_12m"].where(staff.notna())
    out["basis_staff"] = basis
    return out


def unit_evidence(
    *,
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
) -> pd.DataFrame:
    """One row per unit in scope with ``unit_id, kode_unit, nama_unit, jenis_unit, wilayah, path`` and
    :data:`EVIDENCE_COLUMNS` for ``[date_from, date_to]`` (default: the last 12 months to today).

    Missing evidence is NaN (a unit without a survey has no IKM), never zero.
    For the priority score pass ``CITY``: its references are city-wide
    (:func:`lib.analysis.priority_city.scored_units_in_scope` does this).
    """
    date_to = date_to or date.today()
    date_from = date_from or date(date_to.year - 1, date_to.month, 1)
    now = (date_from, date_to)
    before = previous_range(date_from, date_to)
    raw_units = list_units(engine, scope)
    units = raw_units.rename(columns=UNIT_RESULT_NAMES)[
        ["unit_id", "kode_unit", "nama_unit", "jenis_unit", "wilayah", "path"]
    ]
    if units.empty:
        return pd.DataFrame(columns=[*units.columns, *EVIDENCE_COLUMNS])
    parts = [
        _survey(engine, scope, raw_units, now, before),
        _complaints(engine, scope, raw_units, now, before),
        _top_themes(engine, scope, now).to_frame(),
        _service(engine, scope, raw_units, now),
        _staff(engine, scope, raw_units, now),
    ]
    out = units.set_index("unit_id")
    for part in parts:
        out = out.join(part, how="left")
    out = out.reset_index()
    out["top_themes"] = [v if isinstance(v, list) else [] for v in out["top_themes"]]
    return out[["unit_id", "kode_unit", "nama_unit", "jenis_unit", "wilayah", "path", *EVIDENCE_COLUMNS]]
