"""What the demo generator planted, for tests to check that analyses find it.

Analyses must never import this: they have to find these effects by general
methods, exactly as they would in a real city's data. Everything below is
decided from the seed in ``lib.demo.plan`` before any row is generated, so
``planted_effects`` is cheap and deterministic.

Digital-service cohorts (level 4, results)
    What: the staff of some kelurahan and kecamatan take "Pelatihan Pelayanan
    Publik Berbasis Digital" (teknis, klasikal, 24–32 JP) in one quarter:
    80 % of each unit's staff, in classes of at most 40. Three staggered waves:
    2024-Q3, 2025-Q1, 2025-Q3; 4 units per wave at small scale, 12 at city scale.
    Where: among kelurahan/kecamatan (not weak, healthy or rising) whose unit
    effect on satisfaction is below the median, i.e. treated units are chosen
    on their *level* (worse units get trained first), with the same city-wide
    trend as every other unit before training (parallel pre-trends).
    Magnitude, from the first day of the quarter after the training quarter:
    the expected answer rises by 0.45 on waktu, 0.40 on prosedur, 0.15 on
    persyaratan, 0.12 on kompetensi and pengaduan, 0.10 on produk, 0.05 on
    perilaku and sarana, 0 on biaya: in total +4.0 IKM points on the 25–100
    scale with the exact weight 1/9 (3.996 with the official 0.111). Mean
    days to complete a service ×0.75 and +10 percentage points on time
    (``service_stat``), treated units' on-time base capped at 84 % so the
    full effect fits under 100.
    How to find it: difference-in-differences or an event study by cohort
    (Callaway–Sant'Anna) on quarterly unit IKM / NRR waktu and prosedur and
    on monthly service_stat, with not-yet-treated and never-treated units as
    controls. With about 60–70 respondents per unit-quarter at small scale the
    pooled effect's 95 % CI excludes 0. A naive comparison of treated and
    untreated levels is biased downwards, because treated units start lower.

Rising complaints unit
    What: one kelurahan's complaints about waiting (theme ``waktu``) ramp up
    from 1.5x to 3x its baseline over the last six months (May–October 2026:
    1.5, 2, 2.5, 3, 3, 3); its baseline is at least 3 waiting complaints a
    month. Its expected answer on unsur waktu also drops by 0.15 from May 2026.
    Where: a kelurahan with at least the median resident count, not chosen for
    anything else.
    How to find it: a trend or anomaly test on monthly complaint counts per
    unit and theme (recent months against the unit's own earlier baseline).
    About 40 % of those complaints carry no category: a classifier's
    predicted category helps.

Learning gains (level 2)
    Every tested programme has a true mean post−pre gain and an SD of the
    differences: d_z = gain / SD drawn from U(0.4, 1.5) (U(0.8, 1.2) for the
    digital programme), SD from U(6, 12). Pre-tests ~ N(pre_mean, 10) with
    pre_mean in 45–65, lowered where needed so that post-tests rarely reach the
    ceiling. About 1.5 % of participants already score 100 on the pre-test
    (their post-test is 90–100; Hake's g is undefined for them), 2.5 % miss
    the pre-test and 2.5 % the post-test, 2.5 % do not attend. Scores are
    rounded to whole points and clipped to 0–100, so a programme's observed
    mean gain differs from ``program_true_gain`` by sampling error plus a
    fraction of a point. Coaching, mentoring, magang, benchmarking and
    communities of practice have no tests and are not in the dictionaries.
    Null programme(s): "Seminar Wawasan Kebangsaan dan Moderasi Beragama"
    (sosial kultural, 45–60 registered participants) with a true gain of 0
    (one at small scale, two at city scale). A paired test should not reject
    for it, and should for most others.

SKP (level 3, behaviour)
    Quarterly SKP score = 82 + person effect (SD 4) + unit effect (SD 1.5;
    −1 in weak, +1 in healthy units) + 0.25 a quarter (common trend) + noise
    (SD 5) + 3.0 from the first quarter that starts after the end of the
    person's first *completed* (lulus) teknis or manajerial programme. Who
    trains is unrelated to the person effect. How to find it: before/after
    within person against not-yet-trained colleagues (staggered DiD).

Weak and healthy units
    Three weak and three healthy units, chosen by the seed among kelurahan,
    kecamatan and puskesmas. Weak: expected answers −0.33 on every unsur, a
    further −0.45 on perilaku, −0.40 on waktu and −0.10 on pengaduan (IKM
    about 69, grade C), 3.5x the complaint rate with four times the usual
    share of perilaku complaints, slower complaint handling, 66 % on time,
    and a training propensity of 0.3x (low 20-JP coverage). Healthy: +0.50 on
    every unsur (IKM about 92, grade A), 0.3x complaints, 94 % on time,
    training propensity 2.2x (high coverage).

Scales
    ``small``: 112 units (21 kecamatan, 66 kelurahan incl. all six of Belawan,
    12 puskesmas, 13 OPD), 2,000 employees, ~95,000 SKM responses (about 65
    per service unit and quarter), ~6,500 complaints. ``city``: 470 units (all
    151 kelurahan, 39 puskesmas, 29 OPD with their bidang and UPT, the five
    sections of every kecamatan, SMP Negeri 1–40), 20,000 employees, ~4
    million SKM responses and ~100,000 complaints, all within the same three
    years as ``small`` (so the planted dates hold at both scales).

Background (not an effect to find, but realistic structure)
    Unit random effects on satisfaction (SD 0.13 common, 0.06 per unsur),
    month-to-month wobble (SD 0.03), a city-wide trend of +0.04 per unsur a
    year (+1 IKM point), seasonality of service volume (school enrolment peak
    in June–July for administrative services, rainy season and August
    immunisation for health, a dip in the Lebaran month), +3 % volume a year,
    and roughly 40 % of staff below 20 JP a year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lib.demo.plan import (
    DIGITAL_IKM_EFFECT,
    DIGITAL_ON_TIME_EFFECT,
    DIGITAL_SERVICE_DAYS_RATIO,
    DIGITAL_UNSUR_EFFECT,
    RISING_START,
    SKP_EFFECT_POINTS,
    make_plan,
)


@dataclass(frozen=True)
class Planted:
    """The truths of one demo database (see the module docstring for what each means)."""

    digital_cohorts: dict[str, date]
    digital_program_codes: list[str]
    digital_ikm_effect: float
    digital_service_days_ratio: float
    digital_on_time_effect: float
    #: per-unsur change of the expected answer (1–4 scale); sums to 1.44
    digital_unsur_effects: dict[str, float]
    rising_complaints_unit: str
    rising_theme: str
    rising_start: date
    null_program_codes: list[str]
    program_true_gain: dict[str, float]
    program_sd_diff: dict[str, float]
    skp_effect_points: float
    weak_units: list[str]
    healthy_units: list[str]


def planted_effects(scale: str = "small", seed: int = 2026) -> Planted:
    """The planted effects of ``build_demo(engine, scale, seed)``, without building anything."""
    plan = make_plan(scale, seed)
    tested = [p for p in plan.programmes if p.has_test]
    return Planted(
        digital_cohorts=dict(plan.cohorts),
        digital_program_codes=[p.code for p in plan.programmes if p.cohort_units],
        digital_ikm_effect=round(DIGITAL_IKM_EFFECT, 6),
        digital_service_days_ratio=DIGITAL_SERVICE_DAYS_RATIO,
        digital_on_time_effect=DIGITAL_ON_TIME_EFFECT,
        digital_unsur_effects=dict(DIGITAL_UNSUR_EFFECT),
        rising_complaints_unit=plan.rising,
        rising_theme="waktu",
        rising_start=RISING_START,
        null_program_codes=[p.code for p in plan.programmes if p.is_null],
        program_true_gain={p.code: float(p.true_gain) for p in tested},  # type: ignore[arg-type]
        program_sd_diff={p.code: float(p.sd_diff) for p in tested},  # type: ignore[arg-type]
        skp_effect_points=SKP_EFFECT_POINTS,
        weak_units=list(plan.weak),
        healthy_units=list(plan.healthy),
    )
