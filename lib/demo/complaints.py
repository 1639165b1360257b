"""Complaints (pengaduan) per unit and month, with channel, theme, status and resolution.

Volume follows the unit's service volume and its complaint propensity (the
weak units' complaint rate is 3.5x the usual, the healthy units' 0.3x); the theme mix
depends on the kind of service (health: waiting and facilities; civil
registry: systems and brokers). The rising unit gets extra waiting complaints
that ramp up over the last six months. About 40 % carry no category, as in
WhatsApp or walk-in logs; a share of the categories given is wrong.
"""

from __future__ import annotations

import random

import numpy as np

from lib.demo.calendar import DAYS, DEMO_END, MONTHS, day_number, day_weights, month_index_of, sample_days
from lib.demo.complaint_texts import THEMES, compose
from lib.demo.plan import RISING_BASELINE_PER_MONTH, RISING_RAMP, RISING_START, DemoPlan, UnitPlan, stream
from lib.demo.services import PROFILES, monthly_volume

COMPLAINT_COLUMNS = (
    "number",
    "complaint_date",
    "unit_id",
    "channel",
    "category",
    "text",
    "status",
    "resolved_date",
    "import_id",
)

CHANNELS = ("LAPOR!", "WhatsApp", "langsung", "media sosial", "email", "telepon")
CHANNEL_P = (0.28, 0.26, 0.14, 0.13, 0.07, 0.12)
#: Chance that a complaint arriving on a channel is logged without a category.
UNCATEGORISED_BY_CHANNEL = (0.15, 0.5, 0.55, 0.55, 0.45, 0.55)
#: Share of given categories that are wrong (clerks pick the first plausible one).
LABEL_NOISE = 0.07
MIXED_SHARE = 0.15
VAGUE_SHARE = 0.05
PERSONAL_DATA_SHARE = 0.12

BASE_THEME_P = np.array([0.24, 0.15, 0.07, 0.16, 0.12, 0.11, 0.09, 0.06])
_THEME_TILT: dict[str, dict[str, float]] = {
    "puskesmas": {"waktu": 1.3, "sarana": 1.4, "sistem": 0.5, "biaya": 0.6, "perilaku": 1.2},
    "rumah_sakit": {"waktu": 1.4, "sarana": 1.3, "perilaku": 1.3, "sistem": 0.7},
    "dukcapil": {"sistem": 2.0, "biaya": 1.5, "waktu": 1.2},
    "kelurahan": {"biaya": 1.5, "prosedur": 1.3},
    "kecamatan": {"prosedur": 1.3, "biaya": 1.2},
    "perizinan": {"sistem": 1.8, "prosedur": 1.4},
    "perhubungan": {"biaya": 1.8},
}

_SHORT_PLACE = {
    "DISDUKCAPIL": "Disdukcapil",
    "DPMPTSP": "kantor DPMPTSP",
    "RSUD-PIRNGADI": "RS Pirngadi",
    "DISHUB": "Dishub",
    "DINSOS": "Dinsos",
    "SATPOLPP": "Satpol PP",
    "BKPSDM": "BKPSDM",
    "BAPENDA": "Bapenda",
    "DLH": "DLH",
    "DISDIK": "Dinas Pendidikan",
    "DISNAKER": "Disnaker",
}


def place_name(unit: UnitPlan) -> str:
    spec = unit.spec
    if spec.kind == "kelurahan":
        return "kantor lurah " + spec.name.removeprefix("Kelurahan ")
    if spec.kind == "kecamatan":
        return "kantor camat " + spec.name.removeprefix("Kecamatan ")
    return _SHORT_PLACE.get(spec.code, spec.name)


def theme_probabilities(unit: UnitPlan) -> np.ndarray:
    p = BASE_THEME_P.copy()
    for theme, factor in _THEME_TILT.get(unit.spec.service or "", {}).items():
        p[THEMES.index(theme)] *= factor
    if unit.role == "weak":
        p[THEMES.index("perilaku")] *= 4.0
    return p / p.sum()


def expected_counts(plan: DemoPlan, units: list[UnitPlan]) -> tuple[np.ndarray, np.ndarray]:
    """Expected complaints per unit and month: (all themes by the unit's mix, extra waiting complaints)."""
    base = np.array(
        [
            monthly_volume(PROFILES[u.spec.service], u.volume_factor)  # type: ignore[index]
            / PROFILES[u.spec.service].monthly_services  # type: ignore[index]
            * PROFILES[u.spec.service].complaint_weight  # type: ignore[index]
            * u.complaint_factor
            for u in units
        ]
    )
    base *= plan.config.complaints / base.sum()
    extra = np.zeros_like(base)
    waktu = THEMES.index("waktu")
    start = month_index_of(RISING_START)
    for i, unit in enumerate(units):
        if unit.role != "rising":
            continue
        usual = base[i] * theme_probabilities(unit)[waktu]
        baseline = np.maximum(usual, RISING_BASELINE_PER_MONTH)
        ramp = np.ones(len(MONTHS))
        ramp[start : start + len(RISING_RAMP)] = RISING_RAMP
        extra[i] = baseline * ramp - usual
    return base, extra


def generate_complaints(plan: DemoPlan, unit_ids: dict[str, int], import_id: int) -> list[tuple]:
    rng = stream(plan.seed, "complaints")
    rnd = random.Random(int(rng.integers(2**31)))
    units = [u for u in plan.units if u.spec.service is not None]
    base, extra = expected_counts(plan, units)
    counts = rng.poisson(base)
    extra_counts = rng.poisson(extra)
    weights = day_weights(saturday=0.6, sunday=0.5)
    end_number = day_number(DEMO_END)
    busdays = np.array(DAYS, dtype="datetime64[D]")
    records = []
    for i, unit in enumerate(units):
        theme_p = theme_probabilities(unit)
        for pool_counts, forced in ((counts[i], None), (extra_counts[i], "waktu")):
            n = int(pool_counts.sum())
            if n == 0:
                continue
            month = np.repeat(np.arange(len(MONTHS)), pool_counts)
            day = sample_days(rng, month, weights)
            themes = np.full(n, THEMES.index(forced)) if forced else rng.choice(len(THEMES), n, p=theme_p)
            channel = rng.choice(len(CHANNELS), n, p=CHANNEL_P)
            # working days to resolve: median 3, most within 5, a tail of late ones
            slow = 1.8 if unit.role == "weak" else 0.8 if unit.role == "healthy" else 1.0
            work_days = np.floor(rng.lognormal(np.log(3.0 * slow), 0.65, n)).astype(int)
            resolved = np.busday_offset(busdays[day], work_days, roll="forward")
            for j in range(n):
                records.append((int(day[j]), unit, int(themes[j]), int(channel[j]), resolved[j]))
    records.sort(key=lambda r: (r[0], r[1].spec.code))
    rows = []
    for seq, (day, unit, theme_index, channel_index, resolved) in enumerate(records, start=1):
        theme = THEMES[theme_index]
        roll = rnd.random()
        vague = roll < VAGUE_SHARE
        mixed = None
        if not vague and roll < VAGUE_SHARE + MIXED_SHARE:
            mixed = rnd.choice([t for t in THEMES if t != theme])
        text = compose(
            rnd,
            theme,
            errand_key=unit.spec.service or "",
            place=place_name(unit),
            mixed_with=mixed,
            vague=vague,
            personal_data=rnd.random() < PERSONAL_DATA_SHARE,
        )
        category: str | None = theme
        if rnd.random() < LABEL_NOISE:
            category = rnd.choice([t for t in THEMES if t != theme])
        if rnd.random() < UNCATEGORISED_BY_CHANNEL[channel_index]:
            category = None
        resolved_number = int((resolved - busdays[0]).astype(int))
        if resolved_number > end_number:
            status, resolved_date = (
                ("belum" if end_number - day < 3 and rnd.random() < 0.6 else "proses"),
                None,
            )
        elif rnd.random() < 0.03:
            status, resolved_date = rnd.choice(("belum", "proses", "proses")), None
        else:
            status, resolved_date = "selesai", DAYS[resolved_number]
        complaint_day = DAYS[day]
        channel = CHANNELS[channel_index]
        number = f"{'LPR' if channel == 'LAPOR!' else 'ADU'}-{complaint_day.year}-{seq:06d}"
        rows.append(
            (
                number,
                complaint_day,
                unit_ids[unit.spec.code],
                channel,
                category,
                text,
                status,
                resolved_date,
                import_id,
            )
        )
    return rows
