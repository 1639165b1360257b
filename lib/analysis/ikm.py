"""IKM per unit, per unit with sub-units, per period and for the whole scope.

Pure functions over the frames :mod:`lib.services.ikm` reads (per-unsur sums and
counts from :mod:`lib.queries.survey`, exact to the day, and the unit list): they
add the sums up over whatever grouping is asked (respondent-weighted: sums add,
so each respondent weighs the same) and only then apply the regulation's
arithmetic in :mod:`lib.analysis.ikm_formula`.

Returned frames keep the figures unrounded in ``ikm`` and as reported in
``ikm_2dp`` (round half up); ``mutu`` is graded on the rounded value, as the
regulation does. ``weight`` names the weight used (``0.111`` or ``1/9``).

Sample size: a unit's ``service_population`` is people served a *year*. For a
shorter range it is pro-rated by days (``populasi_periode`` = population × days
÷ 365, rounded) and the Krejcie–Morgan minimum is computed on that; a unit
below it gets ``sampel_cukup = False`` (a warning, never a refusal).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from lib.analysis.ikm_formula import (
    GRADES,
    WeightName,
    ikm_columns,
    krejcie_morgan,
    weight_label,
    weight_value,
    with_columns,
)
from lib.analysis.ikm_rollup import ADDITIVE, rollup_subtrees
from lib.analysis.ikm_training import WeakUnsur, weakest_unsur
from lib.models import UNSUR
from lib.periods import check_period, overlap_days, period_end, period_label, period_start
from lib.vocabulary import UNIT_RESULT_NAMES

DAYS_PER_YEAR = 365

UNIT_COLUMNS = ["unit_id", "kode_unit", "nama_unit", "jenis_unit", "path", "wilayah", "parent_id"]
NRR_COLUMNS = [f"nrr_{u}" for u in UNSUR]


def population_for_days(service_population: float | None, days: int) -> int | None:
    """People served in ``days``, pro-rated from the yearly figure; None when unknown."""
    if service_population is None or not np.isfinite(service_population) or service_population <= 0:
        return None
    return max(int(round(service_population * min(days, DAYS_PER_YEAR) / DAYS_PER_YEAR)), 1)


def _sample_columns(respondents: pd.Series, population: pd.Series, days: list[int]) -> dict[str, object]:
    """``populasi_periode``, ``sampel_minimum`` and ``sampel_cukup`` of each row (see the module doc)."""
    periods = [population_for_days(p, int(d)) for p, d in zip(population.tolist(), days, strict=True)]
    minimum = [None if p is None else krejcie_morgan(p) for p in periods]
    enough = [None if m is None else bool(r >= m) for r, m in zip(respondents.tolist(), minimum, strict=True)]
    return {
        "populasi_periode": pd.array(periods, dtype="Int64"),
        "sampel_minimum": pd.array(minimum, dtype="Int64"),
        "sampel_cukup": pd.array(enough, dtype="boolean"),
    }


def _finish(frame: pd.DataFrame, weight: WeightName | float, **more: object) -> pd.DataFrame:
    """``frame`` with the IKM columns, ``mutu_label`` and ``more`` added in one step, ``respondents``
    renamed ``responden``."""
    columns = ikm_columns(frame, weight)
    columns["mutu_label"] = [GRADES[m].label_id if isinstance(m, str) else None for m in columns["mutu"]]  # type: ignore[attr-defined]
    columns.update(more)
    return with_columns(frame, columns).rename(columns={"respondents": "responden"})


def _period_starts(months: pd.Series, period: str) -> list[date]:
    """The first day of the period each month falls in (each distinct month worked out once)."""
    starts: dict[date, date] = {}
    return [starts.get(m) or starts.setdefault(m, period_start(m, period)) for m in months.tolist()]


def _unit_info(units: pd.DataFrame) -> pd.DataFrame:
    return units.rename(columns=UNIT_RESULT_NAMES)[[*UNIT_COLUMNS, "service_population"]]


def _subtree_population(units: pd.DataFrame) -> pd.Series:
    """Yearly people served by each unit with its descendants (known figures only).

    A unit's descendants are the paths that start with its own: in sorted order they follow
    it in one run, found by bisection (each sum still adds in the frame's order).
    """
    paths = units["path"].tolist()
    values = units["service_population"].tolist()
    order = sorted(range(len(paths)), key=paths.__getitem__)
    ordered = [paths[i] for i in order]
    populations = {}
    for unit_id, path in zip(units["id"], paths, strict=True):
        first = bisect_left(ordered, path)
        last = first
        while last < len(ordered) and ordered[last].startswith(path):
            last += 1
        members = sorted(order[first:last])
        total = [values[i] for i in members if values[i] == values[i] and values[i] is not None]
        populations[unit_id] = float(sum(total)) if total else np.nan
    return pd.Series(populations)


def _per_unit_sums(
    monthly: pd.DataFrame, keys: tuple[str, ...], period: str | None, rollup: bool, units: pd.DataFrame
) -> pd.DataFrame:
    if period is not None:
        monthly = monthly.assign(period_start=_period_starts(monthly["month"], period))
    grouped = monthly.groupby(["unit_id", *keys], as_index=False)[list(ADDITIVE)].sum()
    if rollup:
        grouped = rollup_subtrees(grouped, units, keys)
    return grouped


def unit_ikm(
    units: pd.DataFrame,
    monthly: pd.DataFrame,
    days: int,
    weight: WeightName | float = "0.111",
    *,
    rollup: bool = False,
) -> pd.DataFrame:
    """One row per unit of ``units`` with responses in ``monthly``, best IKM first.

    ``units`` is a :func:`lib.queries.units.list_units` frame of the scope, ``monthly``
    its :func:`lib.queries.survey.monthly_sums` for the range, ``days`` the range's
    length (for pro-rating the yearly population). With ``rollup=True`` each unit's
    row covers it and all its sub-units in scope (respondent-weighted); units
    without respondents of their own then appear too if a descendant has some.
    Columns: ``unit_id``, ``kode_unit``, ``nama_unit``, ``jenis_unit``, ``path``,
    ``wilayah``, ``parent_id``, ``responden``, ``sum_``/``n_<unsur>``,
    ``nrr_<unsur>``, ``ikm``, ``ikm_2dp``, ``mutu``, ``mutu_label``, ``weight``,
    ``populasi_periode``, ``sampel_minimum``, ``sampel_cukup``, ``rollup``.
    """
    weight_value(weight)
    sums = _per_unit_sums(monthly, (), None, rollup, units)
    info = _unit_info(units)
    if rollup:
        info["service_population"] = info["unit_id"].map(_subtree_population(units))
    frame = sums.merge(info, on="unit_id", how="inner")
    sample = _sample_columns(frame["respondents"], frame["service_population"], [days] * len(frame))
    out = _finish(frame, weight, **sample, rollup=rollup)
    return out.sort_values(["ikm", "kode_unit"], ascending=[False, True], ignore_index=True)


def unit_ikm_by_period(
    units: pd.DataFrame,
    monthly: pd.DataFrame,
    date_from: date | None,
    date_to: date | None,
    period: str = "quarter",
    weight: WeightName | float = "0.111",
    *,
    rollup: bool = False,
) -> pd.DataFrame:
    """One row per unit and period (month, quarter, semester or year) with responses.

    ``monthly`` per month (``per_month=True``). Same columns as :func:`unit_ikm`
    plus ``period`` (the period name), ``period_start``, ``period_end`` and
    ``period_label`` (``2025-Q3``). A period cut by the range counts only the
    range's days (its respondents and its pro-rated population both). Sorted by
    unit code, then period.
    """
    check_period(period)
    weight_value(weight)
    sums = _per_unit_sums(monthly, ("period_start",), period, rollup, units)
    info = _unit_info(units)
    if rollup:
        info["service_population"] = info["unit_id"].map(_subtree_population(units))
    frame = sums.merge(info, on="unit_id", how="inner")
    starts = frame["period_start"].tolist()
    ends = [period_end(s, period) for s in starts]
    days = [overlap_days(s, e, date_from, date_to) for s, e in zip(starts, ends, strict=True)]
    out = _finish(
        frame,
        weight,
        period=period,
        period_end=ends,
        period_label=[period_label(s, period) for s in starts],
        **_sample_columns(frame["respondents"], frame["service_population"], days),
        rollup=rollup,
    )
    return out.sort_values(["kode_unit", "period_start"], ignore_index=True)


def scope_ikm(
    monthly: pd.DataFrame, weight: WeightName | float = "0.111", period: str | None = None
) -> pd.DataFrame:
    """The IKM of everything in ``monthly`` pooled (the city's, a kecamatan's with its kelurahan).

    Pooled over respondents, as one survey of all of them. One row, or one per
    period when ``period`` is given (then with ``period_start``/``period_label``).
    Columns as :func:`unit_ikm` without the unit fields.
    """
    weight_value(weight)
    if period is not None:
        check_period(period)
        starts = _period_starts(monthly["month"], period)
        grouped = monthly[list(ADDITIVE)].assign(period_start=starts)
        grouped = grouped.groupby("period_start", as_index=False)[list(ADDITIVE)].sum()
        first = grouped["period_start"].tolist()
        out = _finish(
            grouped,
            weight,
            period=period,
            period_end=[period_end(s, period) for s in first],
            period_label=[period_label(s, period) for s in first],
        )
        return out.sort_values("period_start", ignore_index=True)
    grouped = pd.DataFrame([monthly[list(ADDITIVE)].sum()]) if not monthly.empty else monthly[list(ADDITIVE)]
    return _finish(grouped.reset_index(drop=True), weight)


@dataclass(frozen=True)
class IkmChange:
    """A scope's IKM in a range and in the equal-length range before it."""

    ikm: float | None
    ikm_2dp: float | None
    mutu: str | None
    responden: int
    previous_ikm: float | None
    previous_2dp: float | None
    previous_mutu: str | None
    previous_responden: int
    previous_from: date
    previous_to: date
    weight: str

    @property
    def delta(self) -> float | None:
        """Change in reported (2-decimal) points; None when either side has no IKM."""
        if self.ikm_2dp is None or self.previous_2dp is None:
            return None
        return round(self.ikm_2dp - self.previous_2dp, 2)


def _first_row(frame: pd.DataFrame) -> tuple[float | None, float | None, str | None, int]:
    if frame.empty or not np.isfinite(frame["ikm"].iloc[0]):
        responden = 0 if frame.empty else int(frame["responden"].iloc[0])
        return None, None, None, responden
    row = frame.iloc[0]
    return float(row["ikm"]), float(row["ikm_2dp"]), row["mutu"], int(row["responden"])


def ikm_change(
    now: pd.DataFrame,
    before: pd.DataFrame,
    previous_from: date,
    previous_to: date,
    weight: WeightName | float = "0.111",
) -> IkmChange:
    """A scope's pooled IKM now and in the previous equal-length range, from the two
    :func:`scope_ikm` frames (see :func:`lib.periods.previous_range`)."""
    return IkmChange(
        *_first_row(now),
        *_first_row(before),
        previous_from=previous_from,
        previous_to=previous_to,
        weight=weight_label(weight),
    )


def unit_changes(current: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """``current`` (a :func:`unit_ikm` frame) with ``ikm_sebelumnya`` and ``perubahan`` (2-decimal points)."""
    prev = previous[["unit_id", "ikm_2dp"]].rename(columns={"ikm_2dp": "ikm_sebelumnya"})
    out = current.merge(prev, on="unit_id", how="left")
    out["perubahan"] = (out["ikm_2dp"] - out["ikm_sebelumnya"]).round(2)
    return out


def weakest_for_row(row: pd.Series, k: int = 3, *, weight: WeightName | float = "0.111") -> list[WeakUnsur]:
    """The ``k`` weakest unsur of one result row (unit, period or scope) computed with ``weight``."""
    return weakest_unsur({u: row[f"nrr_{u}"] for u in UNSUR}, k=k, weight=weight_value(weight))


__all__ = [
    "IkmChange",
    "ikm_change",
    "population_for_days",
    "scope_ikm",
    "unit_changes",
    "unit_ikm",
    "unit_ikm_by_period",
    "weakest_for_row",
]
