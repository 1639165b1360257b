"""The priority table a viewer sees: scored against the whole city, then cut to the viewer's scope.

Scoring inside the viewer's scope would make a kelurahan's score depend on who
looks at it (a camat's scope has six units, leadership's the whole city). The
evidence is therefore always read for the whole city, scored once, and only
then filtered, so a manager sees exactly the figure leadership sees, and the
ranks are city ranks.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.analysis.priority_score import score_units
from lib.queries.unit_evidence import unit_evidence
from lib.queries.units import CITY, Scope


def in_scope(frame: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """Rows of ``frame`` (with ``path`` and ``wilayah``) inside ``scope``, order kept."""
    keep = pd.Series(True, index=frame.index)
    if scope.path_prefix:
        keep &= frame["path"].astype(str).str.startswith(scope.path_prefix)
    if scope.region:
        keep &= frame["wilayah"] == scope.region
    return frame[keep]


def city_evidence(engine: Engine, date_from: date, date_to: date) -> pd.DataFrame:
    """The evidence of every unit of the city (the only valid input of the score)."""
    return unit_evidence(engine, CITY, date_from, date_to)


def scored_units_in_scope(
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    weights: Mapping[str, float] | None = None,
    *,
    evidence: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """:func:`score_units` on the whole city's evidence, restricted to ``scope`` afterwards."""
    if evidence is None:
        evidence = city_evidence(engine, date_from, date_to)
    return in_scope(score_units(evidence, weights), scope)
