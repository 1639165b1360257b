"""The priority figures of the Prioritas page, the home page and the CLI.

Evidence is always read for the whole city and scored once, then cut to the
viewer's scope (:func:`lib.analysis.priority_city.in_scope`), so a manager sees
exactly the score and city rank leadership sees.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.analysis.priority_city import in_scope
from lib.analysis.priority_score import UNIT_RANKED, city_references, score_units
from lib.analysis.training_history import HISTORY_COLUMNS, history_with_effects
from lib.analysis.training_learning import learning_by_program
from lib.i18n import LANGUAGES
from lib.queries.complaint_themes import training_theme_map
from lib.queries.staff_needs import staff_needing_training
from lib.queries.training import ALL_PROGRAMS, TrainingSelection, participations
from lib.queries.training_history import programmes_attended
from lib.queries.units import CITY, Scope
from lib.services.unit_evidence import unit_evidence
from lib.text.priorities import missing_text, reasons_text


def city_evidence(*, engine: Engine, date_from: date, date_to: date) -> pd.DataFrame:
    """The evidence of every unit of the city (the only valid input of the score)."""
    return unit_evidence(engine=engine, scope=CITY, date_from=date_from, date_to=date_to)


def scored_units_in_scope(
    *,
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    weights: Mapping[str, float] | None = None,
    evidence: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """:func:`score_units` on the whole city's evidence, restricted to ``scope`` afterwards."""
    if evidence is None:
        evidence = city_evidence(engine=engine, date_from=date_from, date_to=date_to)
    return in_scope(score_units(evidence, weights), scope)


@dataclass(frozen=True)
class ScoredCity:
    """The whole city scored with one set of weights, with the words the Prioritas tables print.

    ``reasons`` and ``missing`` map a language to each unit's (``kode_unit``) strongest reasons
    (:func:`lib.text.priorities.reasons_text`) and, for units not ranked, the evidence it lacks
    (:func:`lib.text.priorities.missing_text`): written once per window and weights instead of
    on every rerun. ``references`` are the all-city figures (:func:`city_references`).
    """

    scored: pd.DataFrame
    references: dict[str, float]
    reasons: dict[str, dict[str, str]]
    missing: dict[str, dict[str, str]]


def scored_city(
    *,
    evidence: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
    languages: tuple[str, ...] = LANGUAGES,
) -> ScoredCity:
    """:func:`score_units` of the city's ``evidence`` with its texts in ``languages``."""
    scored = score_units(evidence, weights)
    rows = list(scored.iterrows())
    short = [(i, row) for i, row in rows if row["status"] != UNIT_RANKED]
    return ScoredCity(
        scored=scored,
        references=city_references(evidence),
        reasons={lang: {row["kode_unit"]: reasons_text(row, lang) for _, row in rows} for lang in languages},
        missing={lang: {row["kode_unit"]: missing_text(row, lang) for _, row in short} for lang in languages},
    )


def staff_needing(*, engine: Engine, scope: Scope, year: int, as_of: date) -> pd.DataFrame:
    """Staff in ``scope`` below 20 JP in ``year`` or rated low, neediest first (names and NIPs: gate them)."""
    return staff_needing_training(engine, scope, year, as_of)


def theme_map(*, engine: Engine) -> dict[str, str]:
    """The city's complaint theme → training theme mapping (for recommendations)."""
    return training_theme_map(engine)


def programme_learning(*, engine: Engine, program_codes: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Each programme's learning effect on all its participants, city-wide and over all time, one row
    per programme (:func:`learning_by_program`; its own Holm columns are for these programmes together).

    ``program_codes=None`` measures every programme (the stored ``training.programme_learning``).
    """
    selection = TrainingSelection(program_codes=program_codes) if program_codes is not None else ALL_PROGRAMS
    return learning_by_program(participations(engine, selection, CITY))


def training_history(
    *,
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    effects: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Programmes ended in the period that staff in ``scope`` attended, most attended first.

    For the priorities profile: before recommending more training, show what the
    unit got and whether it worked. A programme's learning effect is measured on
    all its participants (city-wide), because a unit's handful of participants
    says little on its own; the unit's own count is shown beside it. ``effects``
    (:func:`programme_learning` of every programme, stored) saves measuring them here.

    Columns: ``program_code``, ``program_name``, ``end_date``, ``participants`` (from the
    unit), ``n_paired`` (city-wide, with both tests), ``mean_gain``, ``d_z``,
    ``d_z_ci_low``, ``d_z_ci_high``, ``verdict`` (Holm-adjusted across these programmes).
    """
    counts = programmes_attended(engine, scope, date_from, date_to)
    if counts.empty:
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    if effects is None:
        effects = programme_learning(engine=engine, program_codes=tuple(sorted(counts["program_code"])))
    return history_with_effects(counts, effects)
