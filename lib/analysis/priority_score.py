"""The priority score: how far each unit is from the service and training standards, and how sure we are.

Every component measures a need *in the data's own units against a standard*
(PermenPANRB 14/2017 grade B for the IKM, the city's complaint rate for units
of the same kind, "every complaint answered within 5 working days", "every ASN
at least Baik", "every ASN at least 20 JP"), with the uncertainty of the
unit's figure. A component's *need* (0–1) is the part of the gap that lies
beyond its noise, ``(gap − 1.96·SE) / full``, where ``full`` is the distance
that counts as a complete need (an IKM at the C/D boundary, twice the city's
complaint rate, …). So a 0.1-point IKM drop or ±1 point of on-time share is
never a need, however the other units happen to fall, while a 12-point gap
below grade B is nearly a full one.

The score is the weighted mean of the needs the unit has enough evidence for,
times 100. References are computed from the evidence frame passed in, so the
caller must pass the *whole city* (:mod:`lib.analysis.priority_city` does)
and filter to the viewer's scope afterwards: a unit's score is then the same
for every viewer. A unit whose evidence covers less than
:data:`MIN_COVERAGE` of the weight, or that has neither a survey nor a
complaint rate, is listed as "data kurang" with what is missing and is not
ranked.

A component is a *reason* only when it is both statistically clear (the lower
bound is above the standard) and far from it (the shrunk gap is at least
``far × full``). A unit is *flagged* when its score is at least
:data:`FLAG_THRESHOLD` and its reasons carry at least
:data:`FLAG_REASON_SHARE` of its scored weight.

:func:`score_units` is pure (no database, no Streamlit, no translation), so a
background job can call it and store the frame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.analysis.complaint_themes import DEFAULT_THEMES
from lib.analysis.ikm_formula import GRADE_BOUNDS_100
from lib.analysis.ikm_training import UNSUR_TRAINING_THEME

#: z of a two-sided 95 % interval: the part of a gap within 1.96 SE is treated as noise.
Z = 1.96
#: IKM (25–100) lower bounds of grades B and C (PermenPANRB 14/2017).
IKM_B_MIN = dict(GRADE_BOUNDS_100)["B"]
IKM_C_MIN = dict(GRADE_BOUNDS_100)["C"]
#: Minimum evidence for a component to count (fewer is "thin": shown, not scored).
MIN_RESPONDENTS = 30
MIN_EXPECTED_COMPLAINTS = 2.0
MIN_COMPLAINTS_FOR_CHANGE = 10
MIN_JUDGED = 10
MIN_STAFF = 5
#: Kinds with fewer units than this share the all-city reference instead of their own.
MIN_UNITS_PER_KIND = 5
#: Below this many units with a component, its spread between units cannot be estimated: no shrinkage.
MIN_UNITS_FOR_SHRINKAGE = 10
#: A unit whose scored components carry less than this share of the weight is "data kurang".
MIN_COVERAGE = 0.5
#: A ranked unit is flagged for attention when its score is at least FLAG_THRESHOLD *and* its
#: reasons (far and clear components) carry at least FLAG_REASON_SHARE of its scored weight:
#: a quarter of the way to a full need on average, and broadly below the standards rather than
#: on one component.
FLAG_THRESHOLD = 25.0
FLAG_REASON_SHARE = 0.5

STATUS_OK = "ok"
STATUS_THIN = "thin"
STATUS_MISSING = "missing"
UNIT_RANKED = "ranked"
UNIT_DATA_KURANG = "data_kurang"


@dataclass(frozen=True)
class Component:
    """One need: the standard it is measured against and the distances that make it full or far.

    ``full`` is the gap (in the value's units) at which the need is 1; for
    relative standards it is computed per unit (see :func:`component_table`).
    ``far`` is the share of ``full`` a gap must reach to be a reason.
    """

    key: str
    unit: str
    far: float


COMPONENTS: tuple[Component, ...] = (
    Component("ikm_low", "points", far=0.25),
    Component("ikm_decline", "points", far=0.4),
    Component("complaint_rate", "per_1000", far=0.5),
    Component("complaint_rise", "ratio", far=np.log(1.5) / np.log(2)),
    Component("late_answer", "share", far=0.5),
    Component("late_service", "points", far=0.25),
    Component("low_performance", "share", far=0.4),
    Component("jp_gap", "share", far=0.5),
)
COMPONENT_KEYS = tuple(c.key for c in COMPONENTS)
DEFAULT_WEIGHTS: dict[str, float] = {
    "ikm_low": 25,
    "ikm_decline": 10,
    "complaint_rate": 15,
    "complaint_rise": 5,
    "late_answer": 10,
    "late_service": 10,
    "low_performance": 10,
    "jp_gap": 15,
}
#: Where a value can lie, so an interval is never printed as "−9 %" or "102 %".
VALUE_RANGE: dict[str, tuple[float, float]] = {
    "share": (0.0, 1.0),
    "per_1000": (0.0, np.inf),
    "points": (-np.inf, 100.0),
}
#: Distances that make a full need (1.0), in each component's units.
FULL_IKM_GAP = IKM_B_MIN - IKM_C_MIN  # 11.61: an IKM at the C/D boundary
FULL_IKM_DROP = 5.0
FULL_RISE_LOG = float(np.log(2.0))  # complaints per 1,000 services doubled
FULL_LATE_SHARE = 0.5
FULL_ON_TIME_GAP = 20.0
FULL_LOW_SKP_SHARE = 0.5
FULL_JP_SHARE = 1.0

#: Complaint theme → the training theme it points to (DOMAIN.md, "What the evidence says a unit needs"):
#: the default theme set's mapping; an evaluator's edited list is passed as ``theme_map``.
COMPLAINT_TRAINING_THEME: dict[str, str] = {
    t.key: t.training_theme for t in DEFAULT_THEMES if t.training_theme is not None
}
JP_THEME = "priority.theme.jp"


def _col(frame: pd.DataFrame, name: str, default: float = np.nan) -> pd.Series:
    if name in frame:
        return pd.to_numeric(frame[name], errors="coerce").astype(float)
    return pd.Series(default, index=frame.index, dtype=float)


def binomial_se(successes: pd.Series, n: pd.Series) -> pd.Series:
    """SE of a share with one pseudo-success and -failure added, so 0 of 8 is not "exactly 0".

    Staff shares are a census, but as a measure of a unit's lasting tendency
    a share of 7 people is much less certain than one of 70.
    """
    p = (successes + 1.0) / (n + 2.0)
    return np.sqrt(p * (1 - p) / n.where(n > 0))


def reference_by_kind(
    evidence: pd.DataFrame,
    numerator: pd.Series,
    denominator: pd.Series,
    usable: pd.Series,
    basis_column: str | None = None,
) -> tuple[pd.Series, float]:
    """Per unit, ``Σ numerator / Σ denominator`` over usable units of its kind (all units if the kind
    has fewer than :data:`MIN_UNITS_PER_KIND`), and the all-city figure.

    Only units measured on their own data count, so a roll-up is not counted twice.
    """
    own = usable.copy()
    if basis_column and basis_column in evidence:
        own &= evidence[basis_column] == "own"
    num, den = numerator.where(own, 0.0), denominator.where(own, 0.0)
    city = float(num.sum() / den.sum()) if den.sum() > 0 else np.nan
    kinds = evidence["jenis_unit"] if "jenis_unit" in evidence else pd.Series("", index=evidence.index)
    by_kind = pd.DataFrame({"kind": kinds, "num": num, "den": den, "n": own.astype(int)})
    grouped = by_kind.groupby("kind", dropna=False)[["num", "den", "n"]].sum()
    kind_rate = (grouped["num"] / grouped["den"].where(grouped["den"] > 0)).where(
        grouped["n"] >= MIN_UNITS_PER_KIND
    )
    per_unit = kinds.map(kind_rate).astype(float).fillna(city)
    return per_unit, city


def _frame(
    value: pd.Series,
    standard: pd.Series | float,
    gap: pd.Series,
    se: pd.Series,
    full: pd.Series | float,
    status: pd.Series,
    n: pd.Series,
) -> pd.DataFrame:
    index = value.index
    return pd.DataFrame(
        {
            "value": value,
            "standard": pd.Series(standard, index=index, dtype=float),
            "gap": gap,
            "se": se,
            "full": pd.Series(full, index=index, dtype=float),
            "status": status,
            "n": n,
        },
        index=index,
    )


def _status(known: pd.Series, enough: pd.Series) -> pd.Series:
    return pd.Series(
        np.where(~known, STATUS_MISSING, np.where(enough, STATUS_OK, STATUS_THIN)), index=known.index
    )


def _ikm_low(e: pd.DataFrame) -> pd.DataFrame:
    ikm, n = _col(e, "ikm"), _col(e, "responden", 0).fillna(0)
    return _frame(
        ikm, IKM_B_MIN, IKM_B_MIN - ikm, _col(e, "ikm_se"), FULL_IKM_GAP,
        _status(ikm.notna(), n >= MIN_RESPONDENTS), n,
    )  # fmt: skip


def _ikm_decline(e: pd.DataFrame) -> pd.DataFrame:
    now, before = _col(e, "ikm"), _col(e, "ikm_prev")
    n_now, n_before = _col(e, "responden", 0).fillna(0), _col(e, "responden_prev", 0).fillna(0)
    change = now - before
    se = np.sqrt(_col(e, "ikm_se") ** 2 + _col(e, "ikm_prev_se") ** 2)
    enough = (n_now >= MIN_RESPONDENTS) & (n_before >= MIN_RESPONDENTS)
    return _frame(change, 0.0, -change, se, FULL_IKM_DROP, _status(change.notna(), enough), n_now)


def _complaint_rate(e: pd.DataFrame) -> pd.DataFrame:
    count = _col(e, "complaints_covered", 0).fillna(0)
    services = _col(e, "services")
    usable = services.fillna(0) > 0
    reference, _city = reference_by_kind(e, count, services.fillna(0), usable, "basis_complaints")
    reference = reference * 1000
    rate = (count / services.where(usable)) * 1000
    expected = reference * services / 1000
    se = np.sqrt(np.maximum(count, expected)) / services.where(usable) * 1000
    full = reference.where(reference > 0)
    status = _status(usable, expected >= MIN_EXPECTED_COMPLAINTS)
    return _frame(rate, reference, rate - reference, se, full, status, count)


def rise_counts(e: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The complaint counts a rise is judged on: those in months with service data when both periods
    have services (then compared per service), else all complaints of the two equal-length periods."""
    with_services = (_col(e, "services").fillna(0) > 0) & (_col(e, "services_prev").fillna(0) > 0)
    covered = _col(e, "complaints_covered", 0).fillna(0), _col(e, "complaints_covered_prev", 0).fillna(0)
    total = _col(e, "complaints", 0).fillna(0), _col(e, "complaints_prev", 0).fillna(0)
    return covered[0].where(with_services, total[0]), covered[1].where(with_services, total[1])


def _complaint_rise(e: pd.DataFrame) -> pd.DataFrame:
    now, before = rise_counts(e)
    s_now, s_before = _col(e, "services"), _col(e, "services_prev")
    with_services = (s_now.fillna(0) > 0) & (s_before.fillna(0) > 0)
    exposure_ratio = (s_now / s_before).where(with_services, 1.0)
    known = with_services | (now + before > 0)
    log_ratio = np.log((now + 0.5) / (before + 0.5)) - np.log(exposure_ratio)
    se = np.sqrt(1 / (now + 0.5) + 1 / (before + 0.5))
    ratio = np.exp(log_ratio).where(known)
    enough = (now + before) >= MIN_COMPLAINTS_FOR_CHANGE
    return _frame(ratio, 1.0, log_ratio.where(known), se, FULL_RISE_LOG, _status(known, enough), now + before)


def _late_answer(e: pd.DataFrame) -> pd.DataFrame:
    late, judged = _col(e, "late_answers", 0).fillna(0), _col(e, "judged", 0).fillna(0)
    share = (late / judged.where(judged > 0)).astype(float)
    return _frame(
        share, 0.0, share, binomial_se(late, judged), FULL_LATE_SHARE,
        _status(judged > 0, judged >= MIN_JUDGED), judged,
    )  # fmt: skip


def _late_service(e: pd.DataFrame) -> pd.DataFrame:
    pct, volume = _col(e, "pct_on_time"), _col(e, "services_on_time", 0).fillna(0)
    usable = pct.notna() & (volume > 0)
    reference, _city = reference_by_kind(e, (pct * volume).fillna(0), volume, usable, "basis_service")
    se = _col(e, "pct_on_time_se")
    status = _status(usable, se.notna())
    return _frame(pct, reference, reference - pct, se, FULL_ON_TIME_GAP, status, volume)


def _low_performance(e: pd.DataFrame) -> pd.DataFrame:
    share, n = _col(e, "skp_low_share"), _col(e, "skp_rated", 0).fillna(0)
    low = (share * n).round()
    return _frame(
        share, 0.0, share, binomial_se(low, n), FULL_LOW_SKP_SHARE,
        _status(share.notna() & (n > 0), n >= MIN_STAFF), n,
    )  # fmt: skip


def _jp_gap(e: pd.DataFrame) -> pd.DataFrame:
    meeting, staff = _col(e, "share_20jp"), _col(e, "employees", 0).fillna(0)
    below = 1 - meeting
    count = (below * staff).round()
    return _frame(
        below, 0.0, below, binomial_se(count, staff), FULL_JP_SHARE,
        _status(meeting.notna() & (staff > 0), staff >= MIN_STAFF), staff,
    )  # fmt: skip


_BUILDERS: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {
    "ikm_low": _ikm_low,
    "ikm_decline": _ikm_decline,
    "complaint_rate": _complaint_rate,
    "complaint_rise": _complaint_rise,
    "late_answer": _late_answer,
    "late_service": _late_service,
    "low_performance": _low_performance,
    "jp_gap": _jp_gap,
}


def shrink_toward_city(
    gap: pd.Series, se: pd.Series, usable: pd.Series
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Empirical-Bayes shrinkage of each unit's gap toward the city's mean gap.

    Normal–normal model fitted by moments on the usable units: the spread of
    true gaps is ``τ² = max(0, var(gap) − mean(SE²))``; each unit keeps the share
    ``B = τ² / (τ² + SE²)`` of its distance from the mean, and its posterior SE
    is ``√B·SE``. When every difference between units is within their noise
    (τ² = 0), all units get the city's figure: a ranking on noise is impossible.
    With fewer than :data:`MIN_UNITS_FOR_SHRINKAGE` usable units τ² cannot be
    estimated and the figures are left as measured. Returns the shrunk gap,
    its SE and ``B``.
    """
    se = se.fillna(0.0)
    factor = pd.Series(1.0, index=gap.index)
    if int(usable.sum()) < MIN_UNITS_FOR_SHRINKAGE:
        return gap, se, factor
    mean = float(gap[usable].mean())
    tau2 = max(0.0, float(gap[usable].var(ddof=1)) - float((se[usable] ** 2).mean()))
    factor = (tau2 / (tau2 + se**2)).where(se > 0, 1.0)
    return mean + factor * (gap - mean), np.sqrt(factor) * se, factor


def component_table(evidence: pd.DataFrame, *, shrink: bool = True) -> dict[str, pd.DataFrame]:
    """Per component, a frame indexed like ``evidence``: ``value``, ``standard``, ``gap`` (positive =
    worse than the standard, as measured), ``se``, ``ci_low``/``ci_high`` (of the value), ``shrinkage``
    (the share of its distance from the city a unit keeps), ``need`` (0–1, NaN unless status is ok),
    ``clear``, ``far``, ``reason``, ``status`` (ok / thin / missing) and ``n``.

    The need is the lower 95 % bound of the shrunk gap in units of ``full``;
    *clear* means that bound is above the standard, *far* that the shrunk gap
    is at least the component's ``far`` share of a full need. A reason is both.
    """
    out: dict[str, pd.DataFrame] = {}
    for component in COMPONENTS:
        frame = _BUILDERS[component.key](evidence)
        ok = (frame["status"] == STATUS_OK) & frame["gap"].notna() & frame["full"].notna()
        frame.loc[~ok & (frame["status"] == STATUS_OK), "status"] = STATUS_MISSING
        relative_gap, relative_se = frame["gap"] / frame["full"], frame["se"] / frame["full"]
        if shrink:
            relative_gap, relative_se, factor = shrink_toward_city(relative_gap, relative_se, ok)
        else:
            factor = pd.Series(1.0, index=frame.index)
        lower = relative_gap - Z * relative_se.fillna(0)
        frame["shrinkage"] = factor.where(ok)
        frame["need"] = lower.clip(0, 1).where(ok)
        frame["clear"] = (lower > 0) & ok
        frame["far"] = (relative_gap >= component.far) & ok
        frame["reason"] = frame["clear"] & frame["far"]
        half = Z * frame["se"]
        if component.key == "complaint_rise":
            frame["ci_low"], frame["ci_high"] = frame["value"] * np.exp(-half), frame["value"] * np.exp(half)
        else:
            low, high = VALUE_RANGE.get(component.unit, (-np.inf, np.inf))
            if component.key == "ikm_low":
                low = 25.0
            frame["ci_low"] = (frame["value"] - half).clip(lower=low, upper=high)
            frame["ci_high"] = (frame["value"] + half).clip(lower=low, upper=high)
        out[component.key] = frame
    return out


def _check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    merged = {**DEFAULT_WEIGHTS, **(weights or {})}
    unknown = set(merged) - set(COMPONENT_KEYS)
    if unknown:
        raise ValueError(f"unknown priority components: {sorted(unknown)}")
    if any(w < 0 for w in merged.values()) or not any(w > 0 for w in merged.values()):
        raise ValueError("weights must be non-negative and not all zero")
    return {k: float(merged[k]) for k in COMPONENT_KEYS}


def score_units(
    evidence: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
    *,
    flag_threshold: float = FLAG_THRESHOLD,
    flag_reason_share: float = FLAG_REASON_SHARE,
    min_coverage: float = MIN_COVERAGE,
    shrink: bool = True,
) -> pd.DataFrame:
    """``evidence`` (the whole city: rows of :func:`lib.services.unit_evidence.unit_evidence`) plus,
    per component ``c``: ``value_c``, ``standard_c``, ``gap_c``, ``se_c``, ``ci_low_c``, ``ci_high_c``,
    ``need_c``, ``status_c``, ``reason_c``; and ``score`` (0–100, NaN when not ranked), ``coverage``
    (share of the weight with enough evidence), ``status`` (``ranked`` / ``data_kurang``),
    ``missing`` (components without enough evidence), ``rank`` (among ranked units), ``reasons``
    (far and clear components, largest weighted need first), ``reason_share`` (their share of the
    scored weight) and ``flagged``.

    Sorted ranked units first (highest score), then the "data kurang" units.
    """
    w = pd.Series(_check_weights(weights))
    tables = component_table(evidence, shrink=shrink)
    out = evidence.copy()
    needs = pd.DataFrame({k: tables[k]["need"] for k in COMPONENT_KEYS}, index=evidence.index)
    for key, frame in tables.items():
        for column in (
            "value",
            "standard",
            "gap",
            "se",
            "ci_low",
            "ci_high",
            "shrinkage",
            "need",
            "status",
            "reason",
        ):
            out[f"{column}_{key}"] = frame[column]
    scored_weight = needs.notna().mul(w, axis=1).sum(axis=1)
    out["coverage"] = scored_weight / w.sum()
    outcome = (tables["ikm_low"]["status"] == STATUS_OK) | (tables["complaint_rate"]["status"] == STATUS_OK)
    ranked = (out["coverage"] >= min_coverage) & outcome & (scored_weight > 0)
    out["status"] = np.where(ranked, UNIT_RANKED, UNIT_DATA_KURANG)
    keys = np.array(COMPONENT_KEYS, dtype=object)
    weighted_keys = w.to_numpy() > 0
    not_ok = np.column_stack([(tables[k]["status"] != STATUS_OK).to_numpy() for k in COMPONENT_KEYS])
    out["missing"] = [list(keys[row & weighted_keys]) for row in not_ok]
    raw = needs.fillna(0).mul(w, axis=1).sum(axis=1) / scored_weight.where(scored_weight > 0) * 100
    out["score"] = raw.where(ranked)
    weighted = needs.mul(w, axis=1)
    is_reason = np.column_stack([tables[k]["reason"].to_numpy(dtype=bool) for k in COMPONENT_KEYS])
    order = np.argsort(-weighted.fillna(-1).to_numpy(), axis=1, kind="stable")
    out["reasons"] = [
        [keys[j] for j in row_order if is_reason[i, j] and weighted_keys[j]]
        for i, row_order in enumerate(order)
    ]
    out["rank"] = out["score"].rank(method="min", ascending=False).astype("Int64")
    reason_weight = pd.Series([sum(w[k] for k in r) for r in out["reasons"]], index=out.index)
    out["reason_share"] = reason_weight / scored_weight.where(scored_weight > 0)
    out["flagged"] = ranked & (out["score"] >= flag_threshold) & (out["reason_share"] >= flag_reason_share)
    out["_order"] = np.where(ranked, 0, 1)
    out = out.sort_values(["_order", "score", "kode_unit"], ascending=[True, False, True], na_position="last")
    return out.drop(columns="_order")


def priority_scores(evidence: pd.DataFrame, weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Kept for callers of the earlier API: :func:`score_units` with default thresholds."""
    return score_units(evidence, weights)


def _own(evidence: pd.DataFrame, basis_column: str) -> pd.Series:
    if basis_column in evidence:
        return evidence[basis_column] == "own"
    return pd.Series(True, index=evidence.index)


def city_references(evidence: pd.DataFrame) -> dict[str, float]:
    """The all-city figures a page compares its units with (same inputs as the score)."""
    count = _col(evidence, "complaints_covered", 0).fillna(0)
    services = _col(evidence, "services").fillna(0)
    _per_unit, rate = reference_by_kind(evidence, count, services, services > 0, "basis_complaints")
    pct, volume = _col(evidence, "pct_on_time"), _col(evidence, "services_on_time", 0).fillna(0)
    _per_unit, on_time = reference_by_kind(
        evidence, (pct * volume).fillna(0), volume, pct.notna() & (volume > 0), "basis_service"
    )
    own = _own(evidence, "basis_answers")
    late, judged = _col(evidence, "late_answers", 0).fillna(0), _col(evidence, "judged", 0).fillna(0)
    staff = _col(evidence, "employees", 0).fillna(0)
    meeting = (_col(evidence, "share_20jp") * staff).fillna(0)
    own_staff = _own(evidence, "basis_staff")
    return {
        "rate_per_1000": rate * 1000 if np.isfinite(rate) else np.nan,
        "pct_on_time": on_time,
        "share_late": float(late[own].sum() / judged[own].sum()) if judged[own].sum() > 0 else np.nan,
        "share_20jp": float(meeting[own_staff].sum() / staff[own_staff].sum())
        if staff[own_staff].sum() > 0
        else np.nan,
    }


def recommended_themes(
    row: pd.Series, jp_share_floor: float = 0.5, theme_map: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """Training themes the unit's evidence points to, strongest evidence first, without repeats.

    Returns ``(theme_key, source)`` pairs; source is ``unsur:<name>``,
    ``complaints:<theme>`` or ``jp``. The two weakest unsur count only when
    graded below A; staff coverage counts when fewer than half meet 20 JP.
    ``theme_map`` is the city's complaint theme → training theme mapping
    (``lib.queries.complaint_themes.training_theme_map``); the default set's otherwise.
    """
    found: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(theme: str, source: str) -> None:
        if theme not in seen:
            seen.add(theme)
            found.append((theme, source))

    mutu = row.get("mutu")
    if isinstance(mutu, str) and mutu != "A":
        for unsur in list(row.get("weakest_unsur") or [])[:2]:
            add(UNSUR_TRAINING_THEME[unsur], f"unsur:{unsur}")
    training = COMPLAINT_TRAINING_THEME if theme_map is None else theme_map
    for theme in list(row.get("top_themes") or []):
        if theme in training:
            add(training[theme], f"complaints:{theme}")
    share = row.get("share_20jp")
    if share is not None and np.isfinite(share) and share < jp_share_floor:
        add(JP_THEME, "jp")
    return found
