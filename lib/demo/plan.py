"""The cheap part of the demo: which unit is which, and what was planted where.

Everything an analysis is later expected to find is decided here from the
seed, before any respondent or complaint exists, so ``planted_effects`` can
answer in milliseconds and the bulk generators only have to follow the plan.
Random numbers come from named streams (``stream(seed, "survey")``), so
changing how one table is generated never shifts another table's data.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np

from lib.demo.services import PROFILES
from lib.demo.training import PlannedProgram, plan_programmes
from lib.demo.units import UnitSpec, build_units
from lib.models import UNSUR


@dataclass(frozen=True)
class ScaleConfig:
    employees: int
    #: target number of SKM responses over the whole period
    survey_responses: int
    complaints: int
    cohort_units_per_wave: int
    null_programs: int
    #: regular (non-planted) programmes per 1,000 employees per year
    programs_per_1000: float


SCALES: dict[str, ScaleConfig] = {
    "small": ScaleConfig(2_000, 95_000, 6_500, 4, 1, 56.0),
    "city": ScaleConfig(20_000, 4_000_000, 100_000, 12, 2, 56.0),
}

#: First days of the three quarters in which the digital-service cohorts train.
COHORT_QUARTERS: tuple[date, ...] = (date(2024, 7, 1), date(2025, 1, 1), date(2025, 7, 1))

#: Change in the expected answer (1–4) per unsur from the quarter after digital training.
#: The sum, 1.44, is +4.0 on the 25–100 scale (1.44 / 9 × 25).
DIGITAL_UNSUR_EFFECT: dict[str, float] = {
    "persyaratan": 0.15,
    "prosedur": 0.40,
    "waktu": 0.45,
    "biaya": 0.0,
    "produk": 0.10,
    "kompetensi": 0.12,
    "perilaku": 0.05,
    "pengaduan": 0.12,
    "sarana": 0.05,
}
DIGITAL_IKM_EFFECT = round(sum(DIGITAL_UNSUR_EFFECT.values()) / 9 * 25, 6)
DIGITAL_SERVICE_DAYS_RATIO = 0.75
DIGITAL_ON_TIME_EFFECT = 10.0

SKP_EFFECT_POINTS = 3.0

RISING_START = date(2026, 5, 1)
#: Multiplier of the rising unit's waiting complaints in the six months from RISING_START.
RISING_RAMP: tuple[float, ...] = (1.5, 2.0, 2.5, 3.0, 3.0, 3.0)
#: Waiting complaints a month the rising unit has before the ramp (at least).
RISING_BASELINE_PER_MONTH = 3.0
#: The rising unit's expected answer on unsur waktu drops this much during the ramp.
RISING_WAKTU_DROP = 0.15

#: Expected answer (1–4) per unsur for a typical unit at the start of the period.
BASE_UNSUR: dict[str, float] = {
    "persyaratan": 3.20,
    "prosedur": 3.05,
    "waktu": 2.95,
    "biaya": 3.55,
    "produk": 3.15,
    "kompetensi": 3.20,
    "perilaku": 3.22,
    "pengaduan": 2.98,
    "sarana": 3.05,
}
#: City-wide improvement of every unsur's expected answer per year (+1 IKM point a year).
UNSUR_TREND_PER_YEAR = 0.04

WEAK_SHIFT = -0.33
WEAK_UNSUR_SHIFT = {"perilaku": -0.45, "waktu": -0.40, "pengaduan": -0.10}
HEALTHY_SHIFT = 0.50


def stream(seed: int, name: str) -> np.random.Generator:
    """An independent random stream per purpose, all derived from one seed."""
    return np.random.default_rng([int(seed), zlib.crc32(name.encode())])


@dataclass
class UnitPlan:
    spec: UnitSpec
    staff: int
    #: shift of every unsur's expected answer (1–4 scale)
    ikm_shift: float = 0.0
    unsur_shift: np.ndarray = field(default_factory=lambda: np.zeros(len(UNSUR)))
    volume_factor: float = 1.0
    complaint_factor: float = 1.0
    days_factor: float = 1.0
    on_time: float = 82.0
    training_factor: float = 1.0
    skp_shift: float = 0.0
    #: "weak" | "healthy" | "cohort" | "rising" | ""
    role: str = ""
    cohort: date | None = None


@dataclass
class DemoPlan:
    scale: str
    seed: int
    config: ScaleConfig
    units: list[UnitPlan]
    programmes: list[PlannedProgram]
    weak: list[str]
    healthy: list[str]
    cohorts: dict[str, date]
    rising: str

    def unit(self, code: str) -> UnitPlan:
        return next(u for u in self.units if u.spec.code == code)


def _staff_counts(rng: np.random.Generator, specs: list[UnitSpec], total: int) -> list[int]:
    weights = np.array([s.staff_weight for s in specs])
    minimum = np.array([6 if s.kind in ("kelurahan", "kecamatan") else 3 for s in specs])
    spread = weights * rng.lognormal(0.0, 0.2, len(specs))
    extra = rng.multinomial(total - int(minimum.sum()), spread / spread.sum())
    return (minimum + extra).tolist()


@lru_cache(maxsize=8)
def make_plan(scale: str = "small", seed: int = 2026) -> DemoPlan:
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; choose one of {sorted(SCALES)}")
    config = SCALES[scale]
    specs = build_units(scale)
    rng = stream(seed, "units")
    staff = _staff_counts(rng, specs, config.employees)
    units = [UnitPlan(spec=s, staff=n) for s, n in zip(specs, staff, strict=True)]
    for unit in units:
        unit.ikm_shift = float(rng.normal(0.0, 0.13))
        unit.unsur_shift = rng.normal(0.0, 0.06, len(UNSUR))
        unit.volume_factor = float(rng.lognormal(0.0, 0.25))
        unit.complaint_factor = float(rng.lognormal(0.0, 0.35))
        unit.days_factor = float(rng.lognormal(0.0, 0.15))
        unit.on_time = float(np.clip(rng.normal(82.0, 5.0), 65.0, 95.0))
        unit.training_factor = float(rng.lognormal(0.0, 0.3))
        unit.skp_shift = float(rng.normal(0.0, 1.5))
        if unit.spec.residents:
            unit.volume_factor *= (
                (unit.spec.residents / 16_000) ** 0.5 if unit.spec.kind == "kelurahan" else 1.0
            )

    pick = stream(seed, "planted")
    by_code = {u.spec.code: u for u in units}
    pool = [u.spec.code for u in units if u.spec.kind in ("kelurahan", "kecamatan", "puskesmas")]
    chosen = pick.choice(pool, size=6, replace=False).tolist()
    weak, healthy = sorted(chosen[:3]), sorted(chosen[3:])
    for code in weak:
        u = by_code[code]
        u.role, u.ikm_shift = "weak", WEAK_SHIFT
        u.unsur_shift = np.array([WEAK_UNSUR_SHIFT.get(name, 0.0) for name in UNSUR])
        u.complaint_factor, u.training_factor = 3.5, 0.3
        u.on_time, u.days_factor = 66.0, 1.4
        u.skp_shift = -1.0
    for code in healthy:
        u = by_code[code]
        u.role, u.ikm_shift = "healthy", HEALTHY_SHIFT
        u.unsur_shift = np.zeros(len(UNSUR))
        u.complaint_factor, u.training_factor = 0.3, 2.2
        u.on_time, u.days_factor = 94.0, 0.8
        u.skp_shift = 1.0

    # digital cohorts: among the lower-IKM kelurahan and kecamatan (selection on level, not on trend)
    candidates = [u for u in units if u.spec.kind in ("kelurahan", "kecamatan") and not u.role]
    median = float(np.median([u.ikm_shift for u in candidates]))
    lower = sorted(u.spec.code for u in candidates if u.ikm_shift < median)
    treated = pick.choice(
        lower, size=config.cohort_units_per_wave * len(COHORT_QUARTERS), replace=False
    ).tolist()
    cohorts: dict[str, date] = {}
    for i, code in enumerate(treated):
        quarter = COHORT_QUARTERS[i % len(COHORT_QUARTERS)]
        cohorts[code] = quarter
        by_code[code].role, by_code[code].cohort = "cohort", quarter
        # room for the full +10 points on time below the ceiling of 100
        by_code[code].on_time = min(by_code[code].on_time, 84.0)

    busy = [u for u in units if u.spec.kind == "kelurahan" and not u.role]
    median_residents = float(np.median([u.spec.residents for u in busy]))
    rising_pool = sorted(u.spec.code for u in busy if u.spec.residents >= median_residents)
    rising = str(pick.choice(rising_pool))
    by_code[rising].role = "rising"

    programmes = plan_programmes(
        stream(seed, "programmes"),
        regular_per_year=config.programs_per_1000 * config.employees / 1000,
        cohorts=cohorts,
        staff_counts={u.spec.code: u.staff for u in units},
        null_programs=config.null_programs,
    )
    return DemoPlan(
        scale, seed, config, units, programmes, weak, healthy, dict(sorted(cohorts.items())), rising
    )


def survey_unit_weight(unit: UnitPlan) -> float:
    """Relative number of SKM respondents of a service unit (never below 0.8: every unit
    surveys enough people for a quarterly IKM)."""
    assert unit.spec.service is not None
    return max(0.8, PROFILES[unit.spec.service].survey_weight * unit.volume_factor**0.5)
