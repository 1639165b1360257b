"""Training impact at Kirkpatrick's four levels for a programme, and what to say about it.

Works on what :func:`lib.services.impact.impact_data` reads once, evaluates one
programme or course at every level (:func:`evaluate_program`), builds the
per-programme table the CLI prints and the page offers for download
(:func:`impact_table`). Pure: the sentences about it are written by
:mod:`lib.text.impact`.

A *course* is all runs ("angkatan") of the same programme name: level 4 is
always estimated per course, because a unit counts as trained when enough of
its staff took the course, whichever run they sat in. Evaluating a single run
at level 4 would count units trained by its sister runs as "untrained"
comparison units.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np
import pandas as pd

from lib.analysis.training_behaviour import (
    BehaviourPanel,
    BehaviourResult,
    behaviour_did_prepared,
    prepare_behaviour,
)
from lib.analysis.training_learning import (
    LearningResult,
    learning_by_program,
    learning_effect,
    verdict,
)
from lib.analysis.training_reaction import reaction_distribution, reaction_summary
from lib.analysis.training_results import (
    DEFAULT_THRESHOLD,
    Estimate,
    EventStudy,
    callaway_santanna,
    first_trained_by_quarter,
    outcome_wide,
    treatment_quarters,
)
from lib.vocabulary import COMPLETED

GroupBy = Literal["course", "run"]


def _small_matrix_blas() -> AbstractContextManager[object]:
    """One BLAS thread: these regressions are small, and on a shared server a multi-threaded
    BLAS spends far longer waiting for cores than computing (50× slower under load).
    threadpoolctl ships with scikit-learn; without it, nothing changes."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover
        return nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


LEVELS = ("reaction", "learning", "behaviour", "results")


@dataclass(frozen=True)
class OutcomeSpec:
    """A level-4 outcome: its panel column, CLI measure name, direction and scale.

    ``log`` outcomes are analysed as log(value), so the effect is a ratio
    (service days ×0.75 means 25 % faster) and units of different size compare
    fairly.
    """

    column: str
    measure: str
    higher_is_better: bool
    log: bool
    unit_key: str


OUTCOMES: tuple[OutcomeSpec, ...] = (
    OutcomeSpec("ikm", "ikm", True, False, "impact.unit.points"),
    OutcomeSpec("complaint_rate", "complaint_rate", False, False, "impact.unit.per_1000"),
    OutcomeSpec("mean_days", "service_days_ratio", False, True, "impact.unit.ratio"),
    OutcomeSpec("pct_on_time", "pct_on_time", True, False, "impact.unit.pp"),
)
OUTCOME_BY_COLUMN = {o.column: o for o in OUTCOMES}
REACTION_MEASURES = {
    "reaction_material": "materi",
    "reaction_trainer": "pengajar",
    "reaction_usefulness": "manfaat",
}


@dataclass(frozen=True)
class ImpactData:
    """Everything read from the database for one scope and period, so programmes are compared on one load.

    ``participations`` and ``programs`` hold the programmes ending in the
    period; ``completions`` holds attended participations of *every* programme
    (any date), needed to keep recently trained colleagues out of comparison
    groups; ``performance`` and ``outcomes`` cover all quarters.
    """

    programs: pd.DataFrame
    participations: pd.DataFrame
    completions: pd.DataFrame
    performance: pd.DataFrame
    staff: pd.Series
    outcomes: pd.DataFrame
    _cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def empty(self) -> bool:
        return self.programs.empty

    def behaviour_panel(self) -> BehaviourPanel:
        """The SKP matrix and comparison groups, prepared on first use and shared by every programme."""
        if "behaviour" not in self._cache:
            self._cache["behaviour"] = prepare_behaviour(self.performance, self.completions)
        return self._cache["behaviour"]  # type: ignore[return-value]

    def outcome_matrix(self, spec: OutcomeSpec) -> pd.DataFrame:
        """Units × quarters matrix of one outcome (log where the spec says), built once."""
        key = f"outcome:{spec.column}"
        if key not in self._cache:
            self._cache[key] = outcome_wide(outcome_panel(self, spec))
        return self._cache[key]  # type: ignore[return-value]


def program_groups(data: ImpactData, by: GroupBy = "course") -> pd.DataFrame:
    """The programmes to evaluate: one row per course (all its runs) or per run.

    Columns: ``key`` (course name or programme code), ``name``, ``codes``
    (tuple), ``course_codes`` (all runs of its course in the data: what level 4
    uses), ``runs``, ``participants``, ``competency_type``, ``method``, ``provider``.
    """
    programs = data.programs
    if programs.empty:
        return pd.DataFrame(
            columns=[
                "key",
                "name",
                "codes",
                "course_codes",
                "runs",
                "participants",
                "competency_type",
                "method",
                "provider",
            ]
        )
    course_codes = programs.groupby("course")["program_code"].apply(lambda s: tuple(sorted(s)))
    rows = []
    if by == "course":
        for course, group in programs.groupby("course", sort=True):
            rows.append(
                {
                    "key": course,
                    "name": course,
                    "codes": tuple(sorted(group["program_code"])),
                    "course_codes": course_codes[course],
                    "runs": len(group),
                    "participants": int(group["participants"].sum()),
                    "competency_type": _joined(group["competency_type"]),
                    "method": _joined(group["method"]),
                    "provider": _joined(group["provider"]),
                }
            )
    else:
        for row in programs.sort_values("program_code").itertuples():
            rows.append(
                {
                    "key": row.program_code,
                    "name": row.program_name,
                    "codes": (row.program_code,),
                    "course_codes": course_codes[row.course],
                    "runs": 1,
                    "participants": int(row.participants),
                    "competency_type": row.competency_type,
                    "method": row.method,
                    "provider": row.provider,
                }
            )
    return pd.DataFrame(rows)


def _joined(values: pd.Series) -> str:
    return ", ".join(sorted({str(v) for v in values.dropna()}))


@dataclass(frozen=True)
class ProgramImpact:
    """One programme (or course, or all) evaluated at the four levels.

    ``learning_verdict`` comes from the multiplicity-adjusted comparison when
    the programme was evaluated as part of a table (``learning_p_adjusted``,
    ``n_compared``), else from its own test. ``results`` is empty when level 4
    was not asked for (e.g. "all programmes", which has no single training date
    per unit).
    """

    key: str
    name: str
    codes: tuple[str, ...]
    participants: pd.DataFrame
    reaction: pd.DataFrame
    reaction_distribution: pd.DataFrame
    learning: LearningResult
    learning_verdict: str
    learning_p_adjusted: float
    n_compared: int
    behaviour: BehaviourResult
    results: dict[str, EventStudy] = field(default_factory=dict)
    results_codes: tuple[str, ...] = ()
    units_trained: int = 0
    threshold: float = DEFAULT_THRESHOLD


def _completed(data: ImpactData, codes: Sequence[str]) -> pd.DataFrame:
    """Participations in ``codes`` that were completed (lulus): who counts as trained."""
    frame = _all_completed(data)
    return frame[frame["program_code"].isin(list(codes))]


def _all_completed(data: ImpactData) -> pd.DataFrame:
    """Every completed participation (of any programme), selected once per load."""
    if "completed" not in data._cache:
        frame = data.completions
        data._cache["completed"] = frame[frame["status"] == COMPLETED]
    return data._cache["completed"]  # type: ignore[return-value]


def treated_units(data: ImpactData, codes: Sequence[str], threshold: float = DEFAULT_THRESHOLD) -> pd.Series:
    """unit → quarter (int) its trained-staff share in ``codes`` first reached ``threshold``."""
    chosen = _completed(data, codes)
    return treatment_quarters(data.staff, first_trained_by_quarter(chosen), threshold)


def outcome_panel(data: ImpactData, spec: OutcomeSpec) -> pd.DataFrame:
    """``unit_id``, ``quarter``, ``y`` for one outcome (log-transformed where the spec says so)."""
    frame = data.outcomes[["unit_id", "quarter", spec.column]].rename(columns={spec.column: "y"})
    frame = frame.dropna(subset=["y"])
    if spec.log:
        frame = frame[frame["y"] > 0].assign(y=lambda f: np.log(f["y"].astype(float)))
    return frame


def evaluate_results(
    data: ImpactData,
    codes: Sequence[str],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    confidence: float = 0.95,
) -> tuple[dict[str, EventStudy], int]:
    """Level 4 for every outcome: Callaway & Sant'Anna with not-yet-trained comparison units,
    leaving out units another course trained around each window (:func:`other_course_training`)."""
    first = treated_units(data, codes, threshold)
    other = other_course_training(data, codes, threshold)
    with _small_matrix_blas():
        studies = {
            spec.column: callaway_santanna(
                None, first, wide=data.outcome_matrix(spec), confidence=confidence, other_training=other
            )
            for spec in OUTCOMES
        }
    return studies, len(first)


def course_treatment(
    data: ImpactData, threshold: float = DEFAULT_THRESHOLD
) -> dict[str, tuple[frozenset[str], pd.DataFrame]]:
    """Per course (all its runs): its programme codes, and ``unit_id``, ``quarter`` when it reached
    ``threshold`` of a unit's staff. Computed once per load: level 4 of each of n courses leaves out
    the other n - 1 (:func:`other_course_training`), which otherwise recomputed them n times."""
    key = f"course_treatment:{threshold!r}"
    if key not in data._cache:
        out = {}
        for name, group in _course_completions(data).items():
            quarters = treatment_quarters(data.staff, first_trained_by_quarter(group), threshold)
            out[name] = (
                frozenset(group["program_code"]),
                pd.DataFrame({"unit_id": quarters.index, "quarter": quarters.to_numpy()}),
            )
        data._cache[key] = out
    return data._cache[key]  # type: ignore[return-value]


def _course_completions(data: ImpactData) -> dict[str, pd.DataFrame]:
    """Completed participations per course (rows in their original order), split once per load."""
    if "course_completions" not in data._cache:
        frame = _all_completed(data)
        data._cache["course_completions"] = dict(iter(frame.groupby(_course_of(frame).to_numpy())))
    return data._cache["course_completions"]  # type: ignore[return-value]


def other_course_training(
    data: ImpactData, codes: Sequence[str], threshold: float = DEFAULT_THRESHOLD
) -> pd.DataFrame:
    """``unit_id``, ``quarter``: when each *other* course (all its runs) reached ``threshold`` of a unit's staff.

    These units are not clean comparison units around that quarter. A course is
    known by its name (:func:`lib.queries.training.course_name`); without names,
    each programme code counts as its own course.
    """
    chosen = set(codes)
    units: list[np.ndarray] = []
    quarters: list[np.ndarray] = []
    for name, (course_codes, treated_at) in course_treatment(data, threshold).items():
        if course_codes.isdisjoint(chosen):
            units.append(treated_at["unit_id"].to_numpy())
            quarters.append(treated_at["quarter"].to_numpy())
        elif not course_codes <= chosen:  # the chosen course's runs outside ``codes`` count on their own
            group = _course_completions(data)[name]
            group = group[~group["program_code"].isin(list(codes))]
            treated = treatment_quarters(data.staff, first_trained_by_quarter(group), threshold)
            units.append(treated.index.to_numpy())
            quarters.append(treated.to_numpy())
    if not units:
        return pd.DataFrame({"unit_id": [], "quarter": []}, dtype="int64")
    return pd.DataFrame({"unit_id": np.concatenate(units), "quarter": np.concatenate(quarters)}).astype(
        "int64"
    )


def _course_of(frame: pd.DataFrame) -> pd.Series:
    return frame["course"] if "course" in frame else frame["program_code"]


def evaluate_program(
    data: ImpactData,
    codes: Sequence[str],
    *,
    name: str,
    key: str | None = None,
    results_codes: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    confidence: float = 0.95,
    learning_row: pd.Series | None = None,
) -> ProgramImpact:
    """All four levels for the participants of ``codes``; level 4 for ``results_codes`` (None: skip)."""
    codes = tuple(codes)
    parts = data.participations[data.participations["program_code"].isin(codes)]
    learning = learning_effect(parts["pre_score"], parts["post_score"], confidence=confidence)
    if learning_row is not None:
        learning_verdict = str(learning_row["verdict"])
        p_adjusted = float(learning_row["p_holm"])
        n_compared = int(learning_row.get("n_compared", 1))
    else:
        learning_verdict = verdict(learning.mean_gain, learning.primary_p, learning.n)
        p_adjusted, n_compared = learning.primary_p, 1
    selected = _completed(data, codes)
    with _small_matrix_blas():
        behaviour = behaviour_did_prepared(data.behaviour_panel(), selected, confidence=confidence)
    results: dict[str, EventStudy] = {}
    units_trained = 0
    if results_codes is not None:
        results, units_trained = evaluate_results(
            data, results_codes, threshold=threshold, confidence=confidence
        )
    return ProgramImpact(
        key=key or name,
        name=name,
        codes=codes,
        participants=parts,
        reaction=reaction_summary(parts, confidence),
        reaction_distribution=reaction_distribution(parts),
        learning=learning,
        learning_verdict=learning_verdict,
        learning_p_adjusted=p_adjusted,
        n_compared=n_compared,
        behaviour=behaviour,
        results=results,
        results_codes=tuple(results_codes or ()),
        units_trained=units_trained,
        threshold=threshold,
    )


def learning_comparison(data: ImpactData, by: GroupBy = "course", confidence: float = 0.95) -> pd.DataFrame:
    """Level 2 per programme group with Holm-adjusted verdicts: the data of the forest plot."""
    groups = program_groups(data, by)
    if groups.empty:
        return pd.DataFrame()
    code_to_key = {code: row.key for row in groups.itertuples() for code in row.codes}
    key_to_name = dict(zip(groups["key"], groups["name"], strict=True))
    frame = data.participations.assign(
        program_code=data.participations["program_code"].map(code_to_key),
    )
    frame["program_name"] = frame["program_code"].map(key_to_name)
    table = learning_by_program(frame, confidence=confidence)
    if not table.empty:
        table = table.rename(columns={"program_code": "key", "program_name": "name"})
        table["n_compared"] = int(table["primary_p"].notna().sum())
    return table


def evaluate_groups(
    data: ImpactData,
    by: GroupBy = "course",
    *,
    keys: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    confidence: float = 0.95,
) -> list[ProgramImpact]:
    """Every programme group (or those in ``keys``), with learning verdicts adjusted across all groups.

    Levels 1–3 (:func:`evaluate_levels`) and level 4 of each group's course
    (:func:`evaluate_course_results`) put together (:func:`with_results`).
    """
    levels = evaluate_levels(data, by, keys=keys, threshold=threshold, confidence=confidence)
    results = evaluate_course_results(data, by, keys=keys, threshold=threshold, confidence=confidence)
    return [with_results(impact, results[impact.key]) for impact in levels]


def evaluate_levels(
    data: ImpactData,
    by: GroupBy = "course",
    *,
    keys: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    confidence: float = 0.95,
) -> list[ProgramImpact]:
    """Levels 1–3 of every programme group (or those in ``keys``), ``results`` left empty.

    Reads participations, completions and the SKP panel only: not the unit outcomes, so a
    stored copy stays valid when complaints, surveys or service figures change.
    """
    groups = program_groups(data, by)
    learning = learning_comparison(data, by, confidence)
    learning_rows = learning.set_index("key") if not learning.empty else None
    impacts = []
    for row in groups.itertuples():
        if keys is not None and row.key not in keys:
            continue
        impacts.append(
            evaluate_program(
                data,
                row.codes,
                name=row.name,
                key=row.key,
                results_codes=None,
                threshold=threshold,
                confidence=confidence,
                learning_row=None
                if learning_rows is None or row.key not in learning_rows.index
                else learning_rows.loc[row.key],
            )
        )
    return impacts


@dataclass(frozen=True)
class CourseResults:
    """Level 4 of one programme group, estimated on all runs of its course (``codes``)."""

    results: dict[str, EventStudy]
    codes: tuple[str, ...]
    units_trained: int


def evaluate_course_results(
    data: ImpactData,
    by: GroupBy = "course",
    *,
    keys: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    confidence: float = 0.95,
) -> dict[str, CourseResults]:
    """Level 4 of every programme group (or those in ``keys``), by group key: each group is
    estimated on all runs of its course in the data (runs of one course share one estimate).

    Reads programmes, completions, staff counts and unit outcomes only (not participations'
    scores or the SKP panel)."""
    groups = program_groups(data, by)
    cache: dict[tuple[str, ...], tuple[dict[str, EventStudy], int]] = {}
    out: dict[str, CourseResults] = {}
    for row in groups.itertuples():
        if keys is not None and row.key not in keys:
            continue
        course = tuple(row.course_codes)
        if course not in cache:
            cache[course] = evaluate_results(data, course, threshold=threshold, confidence=confidence)
        results, units = cache[course]
        out[row.key] = CourseResults(results=results, codes=course, units_trained=units)
    return out


def with_results(impact: ProgramImpact, results: CourseResults) -> ProgramImpact:
    """A group's levels 1–3 (:func:`evaluate_levels`) with its level 4 (:func:`evaluate_course_results`)."""
    return replace(
        impact, results=results.results, results_codes=results.codes, units_trained=results.units_trained
    )


# ----------------------------------------------------------------------------- table rows


def _row(
    impact: ProgramImpact,
    level: str,
    measure: str,
    est: float,
    low: float,
    high: float,
    n: int,
    method: str,
    verdict_: str,
) -> dict[str, object]:
    return {
        "kode_pelatihan": ",".join(impact.codes),
        "nama_pelatihan": impact.name,
        "level": level,
        "measure": measure,
        "estimate": _clean(est),
        "ci_low": _clean(low),
        "ci_high": _clean(high),
        "n": int(n),
        "method": method,
        "verdict": verdict_,
    }


def _clean(value: float) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def ci_verdict(est: Estimate, higher_is_better: bool = True) -> str:
    """``better`` / ``worse`` when the CI excludes 0, ``unclear`` when it does not, ``insufficient`` when absent."""
    if not math.isfinite(est.estimate) or not math.isfinite(est.ci_low):
        return "insufficient"
    if est.ci_low > 0:
        return "better" if higher_is_better else "worse"
    if est.ci_high < 0:
        return "worse" if higher_is_better else "better"
    return "unclear"


def impact_rows(impact: ProgramImpact) -> list[dict[str, object]]:
    """Rows of the per-programme table: one per level and measure, with estimate, CI, n and method."""
    rows = []
    for item in impact.reaction.itertuples():
        rows.append(
            _row(
                impact,
                "reaction",
                REACTION_MEASURES[item.item],
                item.mean,
                item.ci_low,
                item.ci_high,
                item.n,
                "mean rating (1-5), t CI",
                "",
            )
        )
    lr = impact.learning
    test = {"t": "paired t-test", "wilcoxon": "Wilcoxon signed-rank", "none": "none"}[lr.primary_test]
    adjust = f", Holm over {impact.n_compared}" if impact.n_compared > 1 else ""
    rows.append(
        _row(
            impact,
            "learning",
            "mean_gain",
            lr.mean_gain,
            lr.ci_low,
            lr.ci_high,
            lr.n,
            f"post-pre, t CI; primary test {test}{adjust}",
            impact.learning_verdict,
        )
    )
    rows.append(
        _row(
            impact,
            "learning",
            "d_z",
            lr.d_z,
            lr.d_z_ci_low,
            lr.d_z_ci_high,
            lr.n,
            "d_z, noncentral-t CI",
            impact.learning_verdict,
        )
    )
    rows.append(
        _row(
            impact,
            "learning",
            "hake_g",
            lr.hake_individual_mean,
            lr.hake_individual_ci_low,
            lr.hake_individual_ci_high,
            lr.hake_individual_n,
            _hake_method(lr.hake_class),
            "",
        )
    )
    b = impact.behaviour
    rows.append(
        _row(
            impact,
            "behaviour",
            "skp_did",
            b.did.estimate,
            b.did.ci_low,
            b.did.ci_high,
            b.n_trained,
            f"stacked DiD, {b.pre_quarters}q before vs {b.post_quarters}q after, OLS, SE clustered by employee",
            ci_verdict(b.did),
        )
    )
    for spec in OUTCOMES:
        study = impact.results.get(spec.column)
        if study is None:
            continue
        est = study.overall
        value, low, high = est.estimate, est.ci_low, est.ci_high
        if spec.log:
            value, low, high = (math.exp(v) if math.isfinite(v) else math.nan for v in (value, low, high))
        rows.append(
            _row(
                impact,
                "results",
                spec.measure,
                value,
                low,
                high,
                study.n_treated_units,
                _results_method(study, impact.threshold, spec)
                + (
                    f"; course level ({len(impact.results_codes)} runs)"
                    if set(impact.results_codes) != set(impact.codes)
                    else ""
                ),
                ci_verdict(est, spec.higher_is_better),
            )
        )
    return rows


def _hake_method(class_g: float | None) -> str:
    """The Hake row's method, naming the class g only when there is one (never "class g nan")."""
    if class_g is None or not math.isfinite(class_g):
        return "mean individual Hake g, t CI"
    return f"mean individual Hake g (class g {class_g:.3f}), t CI"


def _results_method(study: EventStudy, threshold: float, spec: OutcomeSpec) -> str:
    scale = "log-ratio" if spec.log else "difference"
    return (
        f"Callaway-Sant'Anna ATT ({scale}), not-yet-trained controls, mean of event quarters >= {study.effect_from}; "
        f"unit trained at >= {threshold:.0%} staff; {study.n_cohorts} cohorts"
    )


#: The columns of :func:`impact_table` (the page's download and the CLI's output alike).
IMPACT_COLUMNS: tuple[str, ...] = (
    "kode_pelatihan",
    "nama_pelatihan",
    "level",
    "measure",
    "estimate",
    "ci_low",
    "ci_high",
    "n",
    "method",
    "verdict",
)


def impact_table(impacts: Sequence[ProgramImpact]) -> pd.DataFrame:
    """All rows of :func:`impact_rows` for several programmes."""
    rows = [row for impact in impacts for row in impact_rows(impact)]
    return pd.DataFrame(rows, columns=list(IMPACT_COLUMNS))


# --- an answer for leadership when one programme is too small ------------------------------

#: A programme with fewer paired participants is shown apart, never ranked with the others:
#: with 2–3 people d_z is huge and its interval spans almost everything.
MIN_PARTICIPANTS_FOR_RANKING = 10
#: Level 4 needs at least this many trained units (two per cohort for a variance).
MIN_TRAINED_UNITS = 2


def split_small_programs(
    learning: pd.DataFrame, min_n: int = MIN_PARTICIPANTS_FOR_RANKING
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The level-2 comparison split into programmes big enough to rank and those shown apart.

    A programme without any pre/post pair (coaching, mentoring: no tests) has no
    learning effect at all and stays out of both (the forest plot skips it).
    """
    if learning.empty or "n_paired" not in learning:
        return learning, learning.iloc[0:0]
    pairs = learning["n_paired"].fillna(0).astype(int)
    small = (pairs > 0) & (pairs < min_n)
    return learning[~small].reset_index(drop=True), learning[small].reset_index(drop=True)


@dataclass(frozen=True)
class Level4Need:
    """What a programme lacks for level 4: units that reached the threshold, and how far the
    closest ones are (``closest``: staff still to train in each of the nearest units)."""

    units_reached: int
    units_needed: int
    threshold: float
    closest: tuple[int, ...]

    @property
    def enough(self) -> bool:
        return self.units_reached >= self.units_needed

    @property
    def staff_to_train(self) -> int:
        """Staff still to train so that ``units_needed`` units reach the threshold."""
        missing = max(self.units_needed - self.units_reached, 0)
        return int(sum(self.closest[:missing]))


def level4_need(data: ImpactData, codes: Sequence[str], threshold: float = DEFAULT_THRESHOLD) -> Level4Need:
    """How many units the course trained to ``threshold``, and how many more staff the nearest
    units would need, so the page can say what level 4 would take instead of showing "—"."""
    chosen = _completed(data, codes)
    trained = chosen.groupby("unit_id")["employee_id"].nunique() if not chosen.empty else pd.Series(dtype=int)
    staff = data.staff[data.staff > 0]
    trained = trained.reindex(staff.index, fill_value=0)
    needed = np.ceil(threshold * staff.to_numpy() - 1e-9).astype(int)
    short = pd.Series(needed - trained.to_numpy(), index=staff.index)
    reached = int((short <= 0).sum())
    # nearest first: units with some trained staff, then the fewest missing
    candidates = short[short > 0]
    # a stable sort on (no trained staff yet, staff missing), ties in unit order
    missing = candidates.to_numpy()
    untouched = trained.reindex(candidates.index).to_numpy() == 0
    order = np.lexsort((missing, untouched))
    closest = tuple(int(missing[i]) for i in order[:MIN_TRAINED_UNITS])
    return Level4Need(reached, MIN_TRAINED_UNITS, threshold, closest)


def pooled_by_competency(
    data: ImpactData,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    confidence: float = 0.95,
    types: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Level 4 of all programmes of one competency type taken together, per type and outcome.

    A unit counts as trained when ``threshold`` of its staff passed *any* programme
    of that type; units trained by programmes of other types around the event are
    not comparison units. This answers "does technical training improve service?"
    when no single programme reached enough units; it is labelled as a pooled
    effect, never as any one programme's. Columns: ``competency_type``,
    ``programs``, ``units_trained``, ``outcome``, ``estimate``, ``ci_low``,
    ``ci_high``, ``n_treated_units``, ``estimable``.
    """
    programs = data.programs
    columns = [
        "competency_type",
        "programs",
        "units_trained",
        "outcome",
        "estimate",
        "ci_low",
        "ci_high",
        "n_treated_units",
        "estimable",
    ]
    if programs.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for kind, group in programs.groupby("competency_type", sort=True):
        if types is not None and kind not in types:
            continue
        codes = tuple(sorted(group["program_code"]))
        studies, units = evaluate_results(data, codes, threshold=threshold, confidence=confidence)
        for spec in OUTCOMES:
            study = studies[spec.column]
            rows.append(
                {
                    "competency_type": kind,
                    "programs": int(group["course"].nunique()) if "course" in group else len(codes),
                    "units_trained": units,
                    "outcome": spec.column,
                    "estimate": study.overall.estimate,
                    "ci_low": study.overall.ci_low,
                    "ci_high": study.overall.ci_high,
                    "n_treated_units": study.n_treated_units,
                    "estimable": study.estimable,
                }
            )
    return pd.DataFrame(rows, columns=columns)
