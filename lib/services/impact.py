"""The training-impact data of the Dampak Pelatihan page, the CLI and the stored ``training.impact``.

Read once per scope, period and programme filter; every level of every programme
is then evaluated on it by the pure functions of :mod:`lib.analysis.training_summary`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from lib.analysis.ikm import unit_ikm_by_period
from lib.analysis.ikm_formula import WeightName
from lib.analysis.training_summary import ImpactData
from lib.queries import training
from lib.queries.survey import monthly_sums
from lib.queries.training import (
    ALL_PROGRAMS,
    TrainingSelection,
    completions,
    list_programs,
    participations,
    performance_panel,
    unit_staff,
)
from lib.queries.unit_quarterly import service_by_quarter
from lib.queries.units import CITY, Scope, list_units


def impact_data(
    *,
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    selection: TrainingSelection = ALL_PROGRAMS,
    weight: WeightName | float = "0.111",
    parts: Literal["all", "levels", "results"] = "all",
) -> ImpactData:
    """Read programmes, participations, completions, SKP panel, staff counts and unit outcomes.

    ``parts="levels"`` reads what levels 1–3 need (no unit outcomes: no survey, complaint or
    service data); ``parts="results"`` what level 4 needs (no participations' scores, no SKP
    panel). What is not read is an empty frame.
    """
    programs = list_programs(engine, scope, date_from, date_to, selection)
    if parts == "results":
        parts_frame = pd.DataFrame(columns=["program_code", "employee_id", "unit_id", "status", "course"])
        performance = pd.DataFrame(columns=["employee_id", "unit_id", "quarter_start", "quarter", "score"])
    else:
        parts_frame = participations(engine, selection, scope, date_from, date_to)
        parts_frame["course"] = parts_frame["program_code"].map(programs.set_index("program_code")["course"])
        performance = performance_panel(engine, scope)
    if parts == "levels":
        outcomes = pd.DataFrame(columns=OUTCOME_COLUMNS)
    else:
        outcomes = unit_outcome_panel(engine=engine, scope=scope, weight=weight)
    return ImpactData(
        programs=programs,
        participations=parts_frame,
        completions=completions(engine, ALL_PROGRAMS, scope),
        performance=performance,
        staff=unit_staff(engine, scope),
        outcomes=outcomes,
    )


#: Level-4 outcomes: column of :func:`unit_outcome_panel` → whether higher is better.
OUTCOMES: dict[str, bool] = {
    "ikm": True,
    "complaint_rate": False,
    "mean_days": False,
    "pct_on_time": True,
}


#: The columns of :func:`unit_outcome_panel`, in order.
OUTCOME_COLUMNS = [
    "unit_id",
    "quarter_start",
    "quarter",
    "respondents",
    "ikm",
    "services",
    "complaints",
    "complaint_rate",
    "mean_days",
    "pct_on_time",
]


def unit_outcome_panel(
    *,
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    weight: WeightName | float = "0.111",
    unit_ids: Sequence[int] | None = None,
) -> pd.DataFrame:
    """One row per unit and quarter with any outcome data.

    Columns: ``unit_id``, ``quarter_start``, ``quarter``, ``respondents``,
    ``ikm`` (25–100, from the quarter's per-unsur sums through the regulation's
    arithmetic in :mod:`lib.analysis.ikm`), ``services``, ``complaints``,
    ``complaint_rate`` (complaints per 1,000 services; only where services
    were reported), ``mean_days`` (volume-weighted), ``pct_on_time``.
    """
    sums = monthly_sums(engine, scope, date_from, date_to, per_month=True)
    ikm = unit_ikm_by_period(
        list_units(engine, scope), sums, date_from, date_to, period="quarter", weight=weight
    )
    ikm = ikm.rename(columns={"period_start": "quarter_start", "responden": "respondents"})
    ikm = ikm[["unit_id", "quarter_start", "respondents", "ikm"]] if not ikm.empty else ikm
    service = service_by_quarter(engine, scope, date_from, date_to)
    complaints = training.complaints_by_quarter(engine, scope, date_from, date_to).drop(columns="quarter")
    frames = [f for f in (ikm, service, complaints) if not f.empty]
    if not frames:
        return pd.DataFrame(columns=OUTCOME_COLUMNS)
    for frame in frames:
        frame["quarter_start"] = pd.to_datetime(frame["quarter_start"]).dt.date
    panel = frames[0]
    for frame in frames[1:]:
        panel = panel.merge(frame, on=["unit_id", "quarter_start"], how="outer")
    for column in ("respondents", "ikm", "services", "complaints", "mean_days", "pct_on_time"):
        if column not in panel:
            panel[column] = np.nan
    panel["complaints"] = panel["complaints"].fillna(0)
    services = panel["services"].astype(float)
    panel["complaint_rate"] = (panel["complaints"] / services.where(services > 0) * 1000).astype(float)
    if unit_ids is not None:
        panel = panel[panel["unit_id"].isin(list(unit_ids))]
    panel = training.with_quarters(panel)
    return panel[OUTCOME_COLUMNS].sort_values(["unit_id", "quarter"], ignore_index=True)
