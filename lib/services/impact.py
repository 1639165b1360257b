"""The training-impact data of the Dampak Pelatihan page, the CLI and the stored ``training.impact``.

Read once per scope, period and programme filter; every level of every programme
is then evaluated on it by the pure functions of :mod:`lib.analysis.training_summary`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from lib.analysis.ikm_formula import WeightName
from lib.analysis.training_summary import ImpactData
from lib.queries.training import (
    ALL_PROGRAMS,
    TrainingSelection,
    completions,
    list_programs,
    participations,
    performance_panel,
    unit_outcome_panel,
    unit_staff,
)
from lib.queries.units import CITY, Scope


def impact_data(
    *,
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    selection: TrainingSelection = ALL_PROGRAMS,
    weight: WeightName | float = "0.111",
) -> ImpactData:
    """Read programmes, participations, completions, SKP panel, staff counts and unit outcomes."""
    programs = list_programs(engine, scope, date_from, date_to, selection)
    parts = participations(engine, selection, scope, date_from, date_to)
    parts["course"] = parts["program_code"].map(programs.set_index("program_code")["course"])
    return ImpactData(
        programs=programs,
        participations=parts,
        completions=completions(engine, ALL_PROGRAMS, scope),
        performance=performance_panel(engine, scope),
        staff=unit_staff(engine, scope),
        outcomes=unit_outcome_panel(engine, scope, weight=weight),
    )
