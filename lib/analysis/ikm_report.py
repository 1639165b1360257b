"""The figures of an official SKM report for one unit (or a whole scope) and period.

The Excel and PDF reports (``lib.reports.skm_excel`` / ``skm_pdf``) both render
this one object, so the two files can never disagree, and tests check the
files against it and against hand-worked values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from lib.analysis.ikm import population_for_days
from lib.analysis.ikm_formula import GRADES, WeightName, grade_nrr, krejcie_morgan, weight_label, weight_value
from lib.analysis.ikm_training import WeakUnsur, weakest_unsur
from lib.models import UNSUR
from lib.vocabulary import GROUP_DIMENSIONS


@dataclass(frozen=True)
class UnsurLine:
    """One line of the per-unsur table: U-number, totals, NRR, weighted NRR, grade."""

    number: int
    unsur: str
    total: int
    answered: int
    nrr: float
    weighted: float
    mutu: str | None


@dataclass(frozen=True)
class SkmReport:
    """Everything an SKM report prints. ``ikm_4`` is Σ weighted NRR; ``ikm`` is × 25, unrounded."""

    unit_code: str | None
    unit_name: str
    date_from: date
    date_to: date
    respondents: int
    weight: float
    weight_name: str
    lines: list[UnsurLine]
    ikm_4: float
    ikm: float
    ikm_2dp: float | None
    mutu: str | None
    mutu_label: str | None
    population: int | None
    sample_minimum: int | None
    profile: dict[str, pd.DataFrame] = field(default_factory=dict)
    weakest: list[WeakUnsur] = field(default_factory=list)

    @property
    def sample_short(self) -> bool:
        return self.sample_minimum is not None and self.respondents < self.sample_minimum


def build_skm_report(
    row: pd.Series | None,
    profile: dict[str, pd.DataFrame],
    *,
    unit_code: str | None,
    unit_name: str,
    date_from: date,
    date_to: date,
    yearly_population: float | None,
    weight: WeightName | float = "0.111",
) -> SkmReport | None:
    """The report of one result row (a unit's :func:`lib.analysis.ikm.unit_ikm` row or a scope's
    :func:`lib.analysis.ikm.scope_ikm` row) with its respondent profile; None without responses."""
    if row is None or int(row["responden"]) == 0:
        return None
    w = weight_value(weight)
    lines = []
    for number, name in enumerate(UNSUR, start=1):
        nrr = float(row[f"nrr_{name}"])
        lines.append(
            UnsurLine(
                number=number,
                unsur=name,
                total=int(row[f"sum_{name}"]),
                answered=int(row[f"n_{name}"]),
                nrr=nrr,
                weighted=nrr * w if np.isfinite(nrr) else float("nan"),
                mutu=grade_nrr(nrr),
            )
        )
    ikm_4 = float(sum(line.weighted for line in lines))
    days = (date_to - date_from).days + 1
    population = population_for_days(yearly_population, days)
    mutu = row["mutu"]
    return SkmReport(
        unit_code=unit_code,
        unit_name=unit_name,
        date_from=date_from,
        date_to=date_to,
        respondents=int(row["responden"]),
        weight=w,
        weight_name=weight_label(w),
        lines=lines,
        ikm_4=ikm_4,
        ikm=float(row["ikm"]),
        ikm_2dp=None if pd.isna(row["ikm_2dp"]) else float(row["ikm_2dp"]),
        mutu=mutu,
        mutu_label=GRADES[mutu].label_id if mutu else None,
        population=population,
        sample_minimum=None if population is None else krejcie_morgan(population),
        profile={d: profile[d] for d in GROUP_DIMENSIONS},
        weakest=weakest_unsur({line.unsur: line.nrr for line in lines}, k=3, weight=w),
    )
