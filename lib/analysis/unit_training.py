"""The training a unit's staff already had, and how well each programme taught.

For the priorities profile: before recommending more training, show what the
unit got and whether it worked. A programme's learning effect is measured on
all its participants (city-wide), because a unit's handful of participants
says little on its own; the unit's own count is shown beside it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.analysis.training_learning import learning_by_program
from lib.queries.training import TrainingSelection, participations
from lib.queries.units import CITY, Scope


def unit_training_history(engine: Engine, unit_scope: Scope, date_from: date, date_to: date) -> pd.DataFrame:
    """Programmes ended in the period that staff in ``unit_scope`` attended, most attended first.

    Columns: ``program_code``, ``program_name``, ``end_date``, ``participants`` (from the
    unit), ``n_paired`` (city-wide, with both tests), ``mean_gain``, ``d_z``,
    ``d_z_ci_low``, ``d_z_ci_high``, ``verdict`` (Holm-adjusted across these programmes).
    """
    own = participations(engine, scope=unit_scope, date_from=date_from, date_to=date_to)
    own = own[own["status"] != "tidak_hadir"]
    if own.empty:
        return pd.DataFrame(
            columns=[
                "program_code",
                "program_name",
                "end_date",
                "participants",
                "n_paired",
                "mean_gain",
                "d_z",
                "d_z_ci_low",
                "d_z_ci_high",
                "verdict",
            ]
        )
    codes = tuple(sorted(own["program_code"].unique()))
    counts = (
        own.groupby(["program_code", "program_name", "end_date"], as_index=False)
        .size()
        .rename(columns={"size": "participants"})
    )
    everyone = participations(engine, TrainingSelection(program_codes=codes), CITY)
    effects = learning_by_program(everyone)[
        ["program_code", "n_paired", "mean_gain", "d_z", "d_z_ci_low", "d_z_ci_high", "verdict"]
    ]
    out = counts.merge(effects, on="program_code", how="left")
    return out.sort_values(["participants", "end_date"], ascending=[False, False], ignore_index=True)
