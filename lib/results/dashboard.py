"""The expensive analyses the dashboard's pages show, registered with the result store.

Why: at city scale (4 million responses, 100,000 complaints) the spike tests, the
per-course impact at four levels, the unit evidence and the home page's findings
take seconds to tens of seconds each. They are computed here when their data
changes (by the worker, for the sidebar's period presets at city scope) and the
pages read the stored values. Any other window or scope is computed on demand by
the page (with a progress bar) and stored too, so the next visitor reads it.

Each function wraps the ``lib`` function that owns the figure (they stay the single
source of every number); this module only decides *what* is precomputed and how the
parameters are spelled. Parameters are plain JSON values: dates as ISO strings, a
scope as ``path`` (unit subtree prefix) and ``region`` (wilayah), None for the city.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import Engine, select

from lib.models import AnalysisResult, AppUser, Unit
from lib.queries.units import CITY, Scope
from lib.results.registry import SOURCES, analysis
from lib.results.store import data_versions, get_or_compute

#: The sidebar's preset periods that are precomputed ("custom" is computed on demand).
STANDARD_PRESETS = ("last12", "this_year", "last_year", "all")

COMPLAINT_SOURCES = ("complaint", "service", "unit", "theme_predictions", "theme_labels", "holidays")
EVIDENCE_SOURCES = (
    "survey",
    "complaint",
    "service",
    "unit",
    "employee",
    "training",
    "performance",
    "theme_predictions",
    "theme_labels",
    "holidays",
)
#: Levels 1–3 of training impact: participations (reaction, tests), who was trained, SKP scores.
IMPACT_LEVELS_SOURCES = ("training", "employee", "performance", "unit")
#: Level 4: who was trained when (training, staff counts), and units' outcomes (IKM, complaints, services).
IMPACT_RESULTS_SOURCES = ("training", "employee", "unit", "survey", "complaint", "service", "holidays")
IMPACT_SOURCES = ("training", "employee", "performance", "unit", "survey", "complaint", "service", "holidays")


# ----------------------------------------------------------------------------- parameters


def scope_params(scope: Scope) -> dict[str, str | None]:
    """A scope as result parameters (the city is ``path=None, region=None``)."""
    return {"path": scope.path_prefix or None, "region": scope.region or None}


def scope_of(path: str | None, region: str | None) -> Scope:
    return Scope(path_prefix=path or None, region=region or None)


def is_city(scope: Scope) -> bool:
    return not scope.path_prefix and not scope.region


def _period_rule():  # type: ignore[no-untyped-def]
    """The sidebar's own period rule: (anchor(engine, today), preset_range).

    The anchor is the last month complete for every source (``lib.coverage``), so
    the windows here are exactly the windows the sidebar offers and pages find them stored.
    """
    from lib.coverage import period_anchor, preset_range
    from lib.queries.coverage import data_coverage

    def anchor(engine: Engine, today: date) -> date:
        return period_anchor(data_coverage(engine), today)

    return anchor, preset_range


#: (database, day, every source's version) → windows: the anchor reads the coverage of every
#: source (seconds at city scale), and the worker asks before every job.
_WINDOWS: dict[tuple[str, date, tuple[tuple[str, int], ...]], list[tuple[date, date]]] = {}


def standard_windows(engine: Engine, today: date | None = None) -> list[tuple[date, date]]:
    """The distinct (start, end) windows of the sidebar's presets today, newest first.

    Kept per process until a source changes or the day does (one small query to know that).
    """
    day = today or date.today()
    key = (
        engine.url.render_as_string(hide_password=True),
        day,
        tuple(sorted(data_versions(engine, SOURCES).items())),
    )
    cached = _WINDOWS.get(key)
    if cached is not None:
        return list(cached)
    anchor, preset_range = _period_rule()
    end = anchor(engine, day)
    windows: list[tuple[date, date]] = []
    for preset in STANDARD_PRESETS:
        window = preset_range(preset, end)
        if window not in windows:
            windows.append(window)
    _WINDOWS.clear()  # only the newest key is ever asked for again
    _WINDOWS[key] = windows
    return list(windows)


def window_params(date_from: date, date_to: date, scope: Scope = CITY) -> dict[str, Any]:
    return {"start": date_from.isoformat(), "end": date_to.isoformat(), **scope_params(scope)}


def clip_to_complaints(
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    span: tuple[date | None, date | None] | None = None,
) -> tuple[date, date] | None:
    """The window the complaints page shows: the filter clipped to the complaints in scope
    (``span``: their first and last date, when the caller already has it)."""
    from lib.queries.complaints import complaint_date_span

    first, last = span if span is not None else complaint_date_span(engine, scope)
    if first is None or last is None:
        return None
    start, end = max(date_from, first), min(date_to, last)
    return (start, end) if start <= end else None


def manager_paths(engine: Engine) -> list[str]:
    """The subtrees of active unit managers' accounts: their landing pages are precomputed too."""
    a, u = AppUser.__table__, Unit.__table__
    query = (
        select(u.c.path)
        .distinct()
        .select_from(a.join(u, a.c.unit_id == u.c.id))
        .where(a.c.role == "manager", a.c.active.is_(True))
        .order_by(u.c.path)
    )
    with engine.connect() as conn:
        return [str(p) for p in conn.execute(query).scalars()]


def typical_seconds(engine: Engine, name: str) -> float | None:
    """Median computing time of the stored results of ``name`` (for a progress bar's estimate)."""
    r = AnalysisResult.__table__
    with engine.connect() as conn:
        seconds = [float(s) for s in conn.execute(select(r.c.seconds).where(r.c.name == name)).scalars() if s]
    return statistics.median(seconds) if seconds else None


# ----------------------------------------------------------------------------- complaints


def _complaint_standard(engine: Engine) -> list[dict[str, Any]]:
    """Every preset at city scope by month and quarter; the last 12 months of each manager's subtree."""
    from lib.queries.complaints import complaint_date_span

    out = []
    windows = standard_windows(engine)
    city_span = complaint_date_span(engine, CITY)
    for date_from, date_to in windows:
        clipped = clip_to_complaints(engine, CITY, date_from, date_to, city_span)
        if clipped is None:
            continue
        for period in ("month", "quarter"):
            params = {**window_params(*clipped), "period": period}
            if params not in out:
                out.append(params)
    for path in manager_paths(engine) if windows else []:
        scope = Scope(path_prefix=path)
        clipped = clip_to_complaints(engine, scope, *windows[0])
        if clipped is not None:
            out.append({**window_params(*clipped, scope), "period": "month"})
    return out


@analysis("complaints.overview", sources=COMPLAINT_SOURCES, standard_params=_complaint_standard, version=1)
def complaints_overview(
    engine: Engine,
    *,
    start: str,
    end: str,
    path: str | None = None,
    region: str | None = None,
    period: str = "month",
    labels_only: bool = False,
) -> Any:
    """Counts, rates, resolution, backlog and the spike tests of every unit (the Pengaduan page).

    ``labels_only`` (themes from labels only, predictions left out) is a parameter only when
    true, so the standard parameter sets stay as they are.
    """
    from lib.services.complaints import overview

    return overview(
        engine=engine,
        scope=scope_of(path, region),
        date_from=date.fromisoformat(start),
        date_to=date.fromisoformat(end),
        period=period,
        labels_only=labels_only,
    )


# ----------------------------------------------------------------------------- home page


@dataclass(frozen=True)
class LeadershipResult:
    """The home page's summary with its findings in every language (findings are sentences)."""

    summary: Any
    findings: dict[str, list[str]]

    def for_language(self, lang: str) -> Any:
        return replace(self.summary, findings=self.findings.get(lang, self.summary.findings))


def _window_standard(engine: Engine) -> list[dict[str, Any]]:
    return [window_params(*w) for w in standard_windows(engine)]


def _summary_standard(engine: Engine) -> list[dict[str, Any]]:
    """Every preset for the city, and the last 12 months of each manager's subtree (their landing page)."""
    windows = standard_windows(engine)
    managers = (
        [window_params(*windows[0], Scope(path_prefix=p)) for p in manager_paths(engine)] if windows else []
    )
    return [window_params(*w) for w in windows] + managers


@analysis("summary.leadership", sources=EVIDENCE_SOURCES, standard_params=_summary_standard, version=2)
def leadership(
    engine: Engine, *, start: str, end: str, path: str | None = None, region: str | None = None
) -> Any:
    """Headline figures, their change, and the findings in Indonesian and English (Ringkasan)."""
    from lib.i18n import LANGUAGES
    from lib.periods import previous_range
    from lib.services.summary import findings, leadership_summary

    scope = scope_of(path, region)
    date_from, date_to = date.fromisoformat(start), date.fromisoformat(end)
    complaints = get_or_compute(
        engine,
        "complaints.overview",
        {**window_params(date_from, date_to, scope), "period": "month"},
    ).value
    # The unit evidence behind "units needing attention" is the priorities analysis's own
    # (stored per window for the whole city): read, or computed once and stored for both.
    prev_from, prev_to = previous_range(date_from, date_to)
    evidence_now, evidence_before = (
        get_or_compute(engine, "priorities.evidence", window_params(a, b)).value
        for a, b in ((date_from, date_to), (prev_from, prev_to))
    )
    summary = leadership_summary(
        engine=engine,
        scope=scope,
        date_from=date_from,
        date_to=date_to,
        lang="id",
        complaints=complaints,
        evidence=evidence_now,
        evidence_before=evidence_before,
    )
    by_lang = {"id": summary.findings}
    for lang in LANGUAGES:
        if lang not in by_lang:
            by_lang[lang] = findings(engine=engine, summary=summary, scope=scope, lang=lang)
    # The page and the PDF show headlines, findings and scores; the objects the findings were
    # written from stay out, so reading the result does not import the statistics behind them.
    light = replace(summary, ikm=None, learning=None, complaints=None)
    return LeadershipResult(summary=light, findings=by_lang)


# ----------------------------------------------------------------------------- satisfaction


@analysis("ikm.profile", sources=("survey", "unit"), version=1)
def ikm_profile(
    engine: Engine,
    *,
    start: str,
    end: str,
    path: str | None = None,
    region: str | None = None,
    weight: str = "0.111",
) -> Any:
    """The IKM by respondent group (sex, age, education, …) of a whole scope: reads every response
    of the period, so it is computed once per scope and window when first asked for, then read."""
    from lib.services.ikm import unit_profile

    return unit_profile(
        engine=engine,
        scope=scope_of(path, region),
        date_from=date.fromisoformat(start),
        date_to=date.fromisoformat(end),
        weight=weight,  # type: ignore[arg-type]
    )


# ----------------------------------------------------------------------------- priorities


@analysis("priorities.evidence", sources=EVIDENCE_SOURCES, standard_params=_window_standard, version=1)
def evidence(
    engine: Engine, *, start: str, end: str, path: str | None = None, region: str | None = None
) -> Any:
    """Everything known about each unit (one row per unit): the input of the priority scores."""
    from lib.services.unit_evidence import unit_evidence

    return unit_evidence(
        engine=engine,
        scope=scope_of(path, region),
        date_from=date.fromisoformat(start),
        date_to=date.fromisoformat(end),
    )


def evidence_for_scope(city_rows: pd.DataFrame, scope: Scope) -> pd.DataFrame:
    """A subtree's or wilayah's evidence taken from the city's: every row is one unit's own figures."""
    rows = city_rows
    if scope.path_prefix:
        rows = rows[rows["path"].str.startswith(scope.path_prefix)]
    if scope.region:
        rows = rows[rows["wilayah"] == scope.region]
    return rows.reset_index(drop=True)


def _model_standard(engine: Engine) -> list[dict[str, Any]]:
    ends = []
    for _start, end in standard_windows(engine):
        params = {"end": end.isoformat(), **scope_params(CITY)}
        if params not in ends:
            ends.append(params)
    return ends


@analysis(
    "priorities.model",
    sources=("survey", "complaint", "service", "unit", "employee", "training", "performance"),
    standard_params=_model_standard,
    version=1,
)
def deterioration_model(
    engine: Engine, *, end: str, path: str | None = None, region: str | None = None
) -> Any:
    """Which units are likely to get worse next quarter (a logistic model on the unit-quarter panel)."""
    from lib.analysis.priority_model import fit_deterioration_model
    from lib.services.unit_panel import unit_quarter_panel

    panel = unit_quarter_panel(engine=engine, scope=scope_of(path, region), date_to=date.fromisoformat(end))
    return fit_deterioration_model(panel)


# ----------------------------------------------------------------------------- training impact


@dataclass(frozen=True)
class ImpactResults:
    """Every course of a scope and period at the four levels, and all of them pooled.

    ``pooled`` is named ``"*"`` (the page names it in the reader's language);
    participants are kept as anonymous pre/post scores only (what the charts draw).
    """

    options: dict[str, list[str]]
    courses: pd.DataFrame
    pooled: Any
    by_course: dict[str, Any]
    table: pd.DataFrame
    learning: pd.DataFrame
    #: level 4 of all programmes of each competency type together (``pooled_by_competency``)
    pooled_types: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: per course key, what it lacks for level 4 (``level4_need``)
    needs: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.pooled is None


def _slim(impact: Any) -> Any:
    scores = impact.participants[["pre_score", "post_score"]]
    return replace(impact, participants=scores)


def _impact_standard(engine: Engine) -> list[dict[str, Any]]:
    return [impact_params(*w) for w in standard_windows(engine)]


def impact_params(
    date_from: date,
    date_to: date,
    scope: Scope = CITY,
    selection: Any = None,
    threshold: float | None = None,
) -> dict[str, Any]:
    """Parameters of ``training.impact``; defaults (all programmes, the usual threshold) are left out."""
    from lib.analysis.training_results import DEFAULT_THRESHOLD

    params: dict[str, Any] = window_params(date_from, date_to, scope)
    for name in ("competency_type", "method", "provider"):
        value = getattr(selection, name, None) if selection is not None else None
        if value:
            params[name] = value
    if threshold is not None and abs(float(threshold) - DEFAULT_THRESHOLD) > 1e-9:
        params["threshold"] = round(float(threshold), 4)
    return params


@dataclass(frozen=True)
class ImpactLevels:
    """Levels 1–3 of every course of a scope and period, and of all of them pooled (no level 4)."""

    options: dict[str, list[str]]
    courses: pd.DataFrame
    pooled: Any
    by_course: dict[str, Any]
    learning: pd.DataFrame


@dataclass(frozen=True)
class ImpactOutcomes:
    """Level 4 of every course of a scope and period (by course key), pooled by competency type,
    and what each course lacks for it."""

    by_course: dict[str, Any]
    pooled_types: pd.DataFrame
    needs: dict[str, Any]


def _impact_data(params: dict[str, Any], engine: Engine, parts: str) -> Any:
    from lib.queries.training import TrainingSelection
    from lib.services.impact import impact_data

    selection = TrainingSelection(
        competency_type=params.get("competency_type"),
        method=params.get("method"),
        provider=params.get("provider"),
    )
    return impact_data(
        engine=engine,
        scope=scope_of(params.get("path"), params.get("region")),
        date_from=date.fromisoformat(params["start"]),
        date_to=date.fromisoformat(params["end"]),
        selection=selection,
        parts=parts,  # type: ignore[arg-type]
    )


def _threshold(threshold: float | None) -> float:
    from lib.analysis.training_results import DEFAULT_THRESHOLD

    return DEFAULT_THRESHOLD if threshold is None else float(threshold)


@analysis("training.impact_levels", sources=IMPACT_LEVELS_SOURCES, version=1)
def training_impact_levels(engine: Engine, **params: Any) -> ImpactLevels:
    """Levels 1–3 of ``training.impact`` (its parameters): stored apart, so an import of complaints,
    surveys or service figures recomputes level 4 only. Read by ``training.impact``, which the
    worker keeps fresh; computed when that one finds it missing or stale."""
    from lib.analysis.training_summary import (
        evaluate_levels,
        evaluate_program,
        learning_comparison,
        program_groups,
    )

    threshold = _threshold(params.get("threshold"))
    data = _impact_data(params, engine, "levels")
    options = {
        column: sorted({str(v) for v in data.programs[column].dropna()})
        for column in ("competency_type", "method", "provider")
    }
    if data.empty:
        return ImpactLevels(options, pd.DataFrame(), None, {}, pd.DataFrame())
    evaluated = evaluate_levels(data, "course", threshold=threshold)
    pooled = evaluate_program(
        data, tuple(data.programs["program_code"]), name="*", key="*", threshold=threshold
    )
    return ImpactLevels(
        options=options,
        courses=program_groups(data, "course"),
        pooled=_slim(pooled),
        by_course={impact.key: _slim(impact) for impact in evaluated},
        learning=learning_comparison(data, "course"),
    )


@analysis("training.impact_outcomes", sources=IMPACT_RESULTS_SOURCES, version=1)
def training_impact_outcomes(engine: Engine, **params: Any) -> ImpactOutcomes:
    """Level 4 of ``training.impact`` (its parameters): per course (all its runs), pooled by
    competency type, and what each course lacks for it. Read by ``training.impact``."""
    from lib.analysis.training_summary import (
        evaluate_course_results,
        level4_need,
        pooled_by_competency,
        program_groups,
    )

    threshold = _threshold(params.get("threshold"))
    data = _impact_data(params, engine, "results")
    if data.empty:
        return ImpactOutcomes({}, pd.DataFrame(), {})
    return ImpactOutcomes(
        by_course=evaluate_course_results(data, "course", threshold=threshold),
        pooled_types=pooled_by_competency(data, threshold=threshold),
        needs={
            row.key: level4_need(data, row.course_codes, threshold)
            for row in program_groups(data, "course").itertuples()
        },
    )


@analysis("training.impact", sources=IMPACT_SOURCES, standard_params=_impact_standard, version=3)
def training_impact(
    engine: Engine,
    *,
    start: str,
    end: str,
    path: str | None = None,
    region: str | None = None,
    competency_type: str | None = None,
    method: str | None = None,
    provider: str | None = None,
    threshold: float | None = None,
) -> ImpactResults:
    """Per course and pooled: reaction, learning, behaviour and (per course) results (Dampak Pelatihan).

    Put together from ``training.impact_levels`` (levels 1–3) and ``training.impact_outcomes``
    (level 4), each read when it is fresh and computed (and stored) when not: after an import
    of complaints, surveys or service figures only level 4 is computed again.
    """
    from lib.analysis.training_summary import impact_table, with_results

    params: dict[str, Any] = {"start": start, "end": end, "path": path, "region": region}
    for name, value in (
        ("competency_type", competency_type),
        ("method", method),
        ("provider", provider),
        ("threshold", threshold),
    ):
        if value is not None:
            params[name] = value
    levels: ImpactLevels = get_or_compute(engine, "training.impact_levels", params).value
    if levels.pooled is None:
        return ImpactResults(levels.options, pd.DataFrame(), None, {}, pd.DataFrame(), pd.DataFrame())
    outcomes: ImpactOutcomes = get_or_compute(engine, "training.impact_outcomes", params).value
    evaluated = [with_results(impact, outcomes.by_course[key]) for key, impact in levels.by_course.items()]
    return ImpactResults(
        options=levels.options,
        courses=levels.courses,
        pooled=levels.pooled,
        by_course={impact.key: impact for impact in evaluated},
        table=impact_table(evaluated),
        learning=levels.learning,
        pooled_types=outcomes.pooled_types,
        needs=outcomes.needs,
    )
