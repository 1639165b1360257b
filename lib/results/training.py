"""Stored analyses of the training pages (Prioritas Pelatihan), computed by the worker.

Why: a unit's training history shows each programme's learning effect measured on all
its participants (a paired test, Wilcoxon, Shapiro and a noncentral-t interval per
programme: 20–45 s of CPU for the 3,400 programmes of a city), and the priority score of every
unit with the usual weights (0.2–0.4 s of pandas per window) was computed on the page.
Both are stored here; the page reads them (a reader who moves a weight slider still
gets a score computed for those weights). Register this module in
``lib.results.catalog.ANALYSIS_MODULES`` so the worker keeps them fresh.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from lib.results.dashboard import EVIDENCE_SOURCES, is_city, scope_of, standard_windows, window_params
from lib.results.registry import analysis
from lib.results.store import get_or_compute

#: Inputs of a programme's learning effect: participations, and whose unit they belong to.
LEARNING_SOURCES = ("training", "employee", "unit")


def _learning_standard(engine: Engine) -> list[dict[str, Any]]:
    return [{}]


@analysis(
    "training.programme_learning", sources=LEARNING_SOURCES, standard_params=_learning_standard, version=1
)
def programme_learning(engine: Engine) -> Any:
    """Every programme's learning effect on all its participants (one row per programme; the columns
    a history needs: :data:`lib.analysis.training_history.EFFECT_COLUMNS`)."""
    from lib.analysis.training_history import EFFECT_COLUMNS
    from lib.services.priorities import programme_learning as measure

    table = measure(engine=engine)
    if table.empty:
        return table.reindex(columns=EFFECT_COLUMNS)
    return table[EFFECT_COLUMNS].reset_index(drop=True)


def _scored_standard(engine: Engine) -> list[dict[str, Any]]:
    return [window_params(*w) for w in standard_windows(engine)]


@analysis("priorities.scored", sources=EVIDENCE_SOURCES, standard_params=_scored_standard, version=2)
def scored(
    engine: Engine, *, start: str, end: str, path: str | None = None, region: str | None = None
) -> Any:
    """Every unit of the city scored with the default weights, from the stored evidence of the window,
    with the tables' words in every language (:class:`lib.services.priorities.ScoredCity`; the
    score's references are city-wide, so only the city is ever scored)."""
    from lib.services.priorities import scored_city

    if not is_city(scope_of(path, region)):
        raise ValueError("priority scores are computed for the whole city only")
    evidence = get_or_compute(
        engine, "priorities.evidence", {"start": start, "end": end, "path": None, "region": None}
    )
    return scored_city(evidence=evidence.value)
