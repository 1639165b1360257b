"""SKM responses: respondents, their profile, nine answers (1–4) and a suggestion.

Answers come from a latent score per respondent and unsur, rounded to 1–4:
latent = μ + respondent mood (SD 0.45) + item noise (SD 0.6). μ is calibrated
so that the *expected answer* equals the plan's target exactly (the rounding
and the floor and ceiling would otherwise bend planted effects), which makes
"+0.45 on waktu" mean +0.45 on the NRR a correct analysis will estimate.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from lib.demo.calendar import DAYS, MONTHS, add_months, day_weights, month_index_of, sample_days
from lib.demo.plan import (
    BASE_UNSUR,
    DIGITAL_UNSUR_EFFECT,
    RISING_START,
    RISING_WAKTU_DROP,
    UNSUR_TREND_PER_YEAR,
    DemoPlan,
    UnitPlan,
    stream,
    survey_unit_weight,
)
from lib.demo.services import PROFILES, VOLUME_GROWTH_PER_YEAR, seasonal_factor
from lib.models import UNSUR

MOOD_SD = 0.45
ITEM_SD = 0.6
LATENT_SD = float(np.hypot(MOOD_SD, ITEM_SD))
#: Per-unsur chance that a respondent leaves the answer blank.
BLANK_SHARE = 0.012
#: Unit-month wobble of every unsur's expected answer (staff changes, busy days).
MONTH_NOISE_SD = 0.03
SUGGESTION_SHARE = 0.28

SURVEY_COLUMNS = (
    "unit_id",
    "response_date",
    "service_type",
    "gender",
    "age",
    "education",
    "occupation",
    *UNSUR,
    "suggestion",
    "import_id",
)

EDUCATION = ("SD", "SMP", "SMA", "D3", "S1", "S2")
EDUCATION_P = (0.07, 0.12, 0.44, 0.10, 0.23, 0.04)
OCCUPATION = (
    "PNS",
    "TNI/Polri",
    "Pegawai Swasta",
    "Wiraswasta",
    "Pelajar/Mahasiswa",
    "Ibu Rumah Tangga",
    "Buruh",
    "Nelayan",
    "Petani",
    "Pensiunan",
    "Lainnya",
)
OCCUPATION_P = (0.08, 0.02, 0.24, 0.22, 0.10, 0.15, 0.08, 0.01, 0.01, 0.04, 0.05)
OCCUPATION_P_COAST = (0.06, 0.03, 0.18, 0.18, 0.08, 0.14, 0.13, 0.13, 0.0, 0.03, 0.04)
COASTAL = ("Medan Belawan", "Medan Labuhan", "Medan Marelan")

SUGGESTIONS: dict[str, tuple[str, ...]] = {
    "persyaratan": (
        "Persyaratan mohon ditempel jelas di depan loket",
        "Syaratnya jangan berubah-ubah",
        "Info syarat di website tolong diperbarui",
        "Syarat dokumen dikurangi",
    ),
    "prosedur": (
        "Alurnya dibuat lebih sederhana",
        "Sebaiknya bisa daftar online saja",
        "Prosedur jangan berbelit-belit",
        "Kurangi bolak-balik kantor",
        "alur pelayanan dibuat jelas",
    ),
    "waktu": (
        "Antrian perlu dipercepat",
        "Tambah loket pelayanan",
        "Jam buka harus tepat waktu",
        "Waktu tunggu terlalu lama",
        "Mohon diberi kepastian kapan selesai",
        "antri nya lama bgt",
    ),
    "biaya": (
        "Tolong tertibkan calo",
        "Biaya harus transparan",
        "Pasang pengumuman bahwa layanan gratis",
        "jangan ada pungutan lagi",
    ),
    "produk": (
        "Hasil cetakan sering salah ketik, mohon diteliti",
        "Dokumen yang diterima harus sesuai permohonan",
    ),
    "kompetensi": (
        "Petugas perlu pelatihan lagi",
        "Petugas kurang paham aturan terbaru",
        "Petugas harus bisa menjelaskan dengan jelas",
    ),
    "perilaku": (
        "Petugas lebih ramah lagi",
        "Petugas jangan main HP saat melayani",
        "Senyum dan sapa warga",
        "petugas jangan jutek",
        "Tolong petugas lebih sopan",
    ),
    "pengaduan": (
        "Sediakan nomor WA pengaduan yang aktif",
        "Pengaduan mohon ditanggapi",
        "Nomor pengaduan tidak pernah diangkat",
        "Kotak saran tidak pernah dibuka",
    ),
    "sarana": (
        "Ruang tunggu diperbaiki, panas sekali",
        "Tambah kursi di ruang tunggu",
        "Toilet tolong dibersihkan",
        "Sediakan air minum",
        "Parkir diperluas",
        "AC diperbaiki",
        "Sediakan ruang laktasi",
    ),
    "positif": (
        "Pertahankan",
        "Sudah bagus, pertahankan",
        "Pelayanan sudah baik",
        "Mantap, cepat",
        "Terima kasih, pelayanannya memuaskan",
        "Sudah cukup baik",
        "Semoga makin baik",
        "Mantap pak",
        "Ok",
        "-",
        "Tidak ada",
        "Sukses selalu",
        "mantap",
        "Pelayanan cepat dan ramah, terima kasih",
    ),
}


def _calibration() -> tuple[np.ndarray, np.ndarray]:
    """Expected rounded answer as a function of the latent mean, for inversion by interpolation."""
    mu = np.linspace(-2.0, 7.0, 4001)
    upper_tail = np.vectorize(lambda z: 0.5 * math.erfc(z / math.sqrt(2.0)))
    expected = 1.0 + sum(upper_tail((cut - mu) / LATENT_SD) for cut in (1.5, 2.5, 3.5))
    return expected, mu


_EXPECTED, _MU = _calibration()


def latent_mean(target: np.ndarray) -> np.ndarray:
    """The latent μ whose rounded answers have mean ``target`` (1–4)."""
    return np.interp(target, _EXPECTED, _MU)


def expected_answers(plan: DemoPlan, units: list[UnitPlan], rng: np.random.Generator) -> np.ndarray:
    """Target mean answer per unit, month and unsur, with every planted effect in it."""
    base = np.array([BASE_UNSUR[name] for name in UNSUR])
    digital = np.array([DIGITAL_UNSUR_EFFECT[name] for name in UNSUR])
    years = np.arange(len(MONTHS)) / 12.0
    waktu = UNSUR.index("waktu")
    rising_from = month_index_of(RISING_START)
    targets = np.empty((len(units), len(MONTHS), len(UNSUR)))
    for i, unit in enumerate(units):
        t = base[None, :] + unit.ikm_shift + unit.unsur_shift[None, :] + UNSUR_TREND_PER_YEAR * years[:, None]
        t = t + rng.normal(0.0, MONTH_NOISE_SD, (len(MONTHS), 1))
        if unit.cohort is not None:
            start = month_index_of(add_months(unit.cohort, 3))
            t[start:] += digital
        if unit.role == "rising":
            t[rising_from:, waktu] -= RISING_WAKTU_DROP
        targets[i] = t
    return np.clip(targets, 1.2, 3.92)


def respondent_counts(plan: DemoPlan, units: list[UnitPlan], rng: np.random.Generator) -> np.ndarray:
    years = np.arange(len(MONTHS)) / 12.0
    rates = np.empty((len(units), len(MONTHS)))
    for i, unit in enumerate(units):
        profile = PROFILES[unit.spec.service]  # type: ignore[index]
        season = np.array([seasonal_factor(profile.season, m) for m in MONTHS]) ** 0.5
        rates[i] = survey_unit_weight(unit) * season * (1 + VOLUME_GROWTH_PER_YEAR) ** years
    rates *= plan.config.survey_responses / rates.sum()
    return rng.poisson(rates)


def _pick(rng: np.random.Generator, options: tuple[str, ...], p, n: int, missing: float) -> list:
    values = np.array(options, dtype=object)[rng.choice(len(options), n, p=np.asarray(p) / np.sum(p))]
    values[rng.random(n) < missing] = None
    return values.tolist()


def generate_survey(
    plan: DemoPlan, unit_ids: dict[str, int], import_id: int, chunk_rows: int = 250_000
) -> Iterator[list[tuple]]:
    """Rows in SURVEY_COLUMNS order, in chunks of about ``chunk_rows``, sorted by unit and date."""
    rng = stream(plan.seed, "survey")
    units = [u for u in plan.units if u.spec.service is not None]
    targets = expected_answers(plan, units, rng)
    mu = latent_mean(targets)
    counts = respondent_counts(plan, units, rng)
    weights = day_weights()
    days = np.array(DAYS, dtype=object)
    suggestion_keys = [*UNSUR, "positif"]
    suggestion_text = np.array([s for key in suggestion_keys for s in SUGGESTIONS[key]], dtype=object)
    offsets = np.cumsum([0] + [len(SUGGESTIONS[key]) for key in suggestion_keys])
    start = 0
    while start < len(units):
        stop = start
        total = 0
        while stop < len(units) and (total == 0 or total + counts[stop].sum() <= chunk_rows):
            total += int(counts[stop].sum())
            stop += 1
        local = np.repeat(np.arange(start, stop), counts[start:stop].sum(axis=1))
        month = np.concatenate([np.repeat(np.arange(len(MONTHS)), counts[i]) for i in range(start, stop)])
        n = len(local)
        day = sample_days(rng, month, weights)
        order = np.lexsort((day, local))
        local, month, day = local[order], month[order], day[order]
        latent = (
            mu[local, month, :]
            + MOOD_SD * rng.standard_normal((n, 1))
            + ITEM_SD * rng.standard_normal((n, 9))
        )
        answers = np.clip(np.floor(latent + 0.5), 1, 4).astype(np.int64)
        blank = rng.random((n, 9)) < BLANK_SHARE
        columns: list[list] = [
            [unit_ids[units[i].spec.code] for i in local.tolist()],
            days[day].tolist(),
        ]
        service_types = np.empty(n, dtype=object)
        coastal = np.zeros(n, dtype=bool)
        for i in range(start, stop):
            rows = local == i
            options = PROFILES[units[i].spec.service].service_types  # type: ignore[index]
            p = 1.0 / np.arange(1, len(options) + 1)
            service_types[rows] = np.array(options, dtype=object)[
                rng.choice(len(options), rows.sum(), p=p / p.sum())
            ]
            coastal[rows] = units[i].spec.region in COASTAL
        columns.append(service_types.tolist())
        columns.append(_pick(rng, ("P", "L"), (0.55, 0.45), n, 0.02))
        age = np.clip(np.round(rng.normal(38.0, 13.0, n)), 17, 80).astype(np.int64).astype(object)
        age[rng.random(n) < 0.02] = None
        columns.append(age.tolist())
        columns.append(_pick(rng, EDUCATION, EDUCATION_P, n, 0.03))
        occupation = np.array(_pick(rng, OCCUPATION, OCCUPATION_P, n, 0.03), dtype=object)
        coast_occupation = np.array(_pick(rng, OCCUPATION, OCCUPATION_P_COAST, n, 0.03), dtype=object)
        columns.append(np.where(coastal, coast_occupation, occupation).tolist())
        for k in range(9):
            column = answers[:, k].astype(object)
            column[blank[:, k]] = None
            columns.append(column.tolist())
        # a suggestion, about the respondent's worst unsur when they were unhappy
        masked = np.where(blank, 9, answers)
        worst = np.argmin(masked, axis=1)
        answered = ~blank
        mean_answer = (answers * answered).sum(axis=1) / np.maximum(answered.sum(axis=1), 1)
        category = np.where(mean_answer >= 3.2, len(UNSUR), worst)
        pick = offsets[category] + np.floor(
            rng.random(n) * (offsets[category + 1] - offsets[category])
        ).astype(int)
        suggestion = suggestion_text[pick]
        suggestion[rng.random(n) >= SUGGESTION_SHARE] = None
        columns.append(suggestion.tolist())
        columns.append([import_id] * n)
        yield list(zip(*columns, strict=True))
        start = stop
