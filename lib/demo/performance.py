"""Quarterly SKP results of every employee, with the planted training effect.

Score model: 82 + person effect (SD 4) + unit effect + common trend
(+0.25 a quarter) + noise (SD 5), plus ``SKP_EFFECT_POINTS`` from the first
quarter that starts after the end of the person's first completed teknis or
manajerial programme. The predikat follows the score with the bands of the
old PP 46/2011 mapped to the five PermenPANRB 6/2022 ratings.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from lib.demo.calendar import SKP_QUARTERS, add_months, month_end
from lib.demo.plan import SKP_EFFECT_POINTS
from lib.demo.training import Attendance, PlannedProgram
from lib.periods import period_label

#: (lower bound of the score, predikat), highest first.
RATING_BANDS: tuple[tuple[float, str], ...] = (
    (91.0, "Sangat Baik"),
    (76.0, "Baik"),
    (61.0, "Butuh Perbaikan"),
    (51.0, "Kurang"),
    (0.0, "Sangat Kurang"),
)
SKP_BASE = 82.0
SKP_PERSON_SD = 4.0
SKP_NOISE_SD = 5.0
SKP_TREND_PER_QUARTER = 0.25
#: Share of employee-quarters with no SKP on file.
SKP_MISSING_SHARE = 0.02

PERFORMANCE_COLUMNS = ("employee_id", "period", "period_start", "period_end", "score", "rating", "import_id")


def rating_for(score: np.ndarray) -> np.ndarray:
    labels = np.full(score.shape, RATING_BANDS[-1][1], dtype=object)
    for bound, label in reversed(RATING_BANDS[:-1]):
        labels[score >= bound] = label
    return labels


def first_effect_quarter(
    attendance: Attendance, programmes: list[PlannedProgram], n_employees: int
) -> np.ndarray:
    """Index into SKP_QUARTERS from which each employee's SKP carries the effect (len = never)."""
    qualifies = np.array([p.competency_type in ("teknis", "manajerial") for p in programmes])
    quarter_after_end = np.array(
        [
            np.searchsorted(
                np.array(SKP_QUARTERS), add_months(date(p.end.year, 3 * ((p.end.month - 1) // 3) + 1, 1), 3)
            )
            for p in programmes
        ]
    )
    first = np.full(n_employees, len(SKP_QUARTERS))
    mask = attendance.completed & qualifies[attendance.program_index]
    np.minimum.at(first, attendance.employee_index[mask], quarter_after_end[attendance.program_index[mask]])
    return first


def generate_performance(
    rng: np.random.Generator,
    *,
    employee_ids: np.ndarray,
    unit_shift: np.ndarray,
    effect_from: np.ndarray,
    import_id: int,
) -> list[tuple]:
    n = len(employee_ids)
    quarters = len(SKP_QUARTERS)
    person = rng.normal(0.0, SKP_PERSON_SD, n)
    q = np.arange(quarters)
    score = (
        SKP_BASE
        + person[:, None]
        + unit_shift[:, None]
        + SKP_TREND_PER_QUARTER * q[None, :]
        + rng.normal(0.0, SKP_NOISE_SD, (n, quarters))
        + SKP_EFFECT_POINTS * (q[None, :] >= effect_from[:, None])
    )
    score = np.round(np.clip(score, 0.0, 100.0), 2)
    present = rng.random((n, quarters)) >= SKP_MISSING_SHARE
    ratings = rating_for(score)
    labels = [period_label(s, "quarter") for s in SKP_QUARTERS]
    ends = [month_end(add_months(s, 2)) for s in SKP_QUARTERS]
    emp_index, q_index = np.nonzero(present)
    return list(
        zip(
            employee_ids[emp_index].tolist(),
            [labels[i] for i in q_index],
            [SKP_QUARTERS[i] for i in q_index],
            [ends[i] for i in q_index],
            score[emp_index, q_index].tolist(),
            ratings[emp_index, q_index].tolist(),
            [import_id] * len(emp_index),
            strict=True,
        )
    )
