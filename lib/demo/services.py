"""Service profiles per kind of service, and the monthly service statistics.

A profile says how many citizens a unit of that kind serves, how long a
service takes, what citizens come for (the SKM's "jenis layanan") and when
the busy months are. Figures are orders of magnitude for a city of 2.5 million,
not official counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from lib.demo.calendar import LEBARAN, MONTHS, month_end


@dataclass(frozen=True)
class ServiceProfile:
    #: services per month for a typical unit of this kind
    monthly_services: float
    #: mean days from application to completion; None where service is same-day (health care)
    mean_days: float | None
    #: relative number of SKM respondents
    survey_weight: float
    #: relative number of complaints
    complaint_weight: float
    #: seasonal pattern: "admin" (school enrolment peak), "health" (rainy season), "flat"
    season: str
    service_types: tuple[str, ...]


PROFILES: dict[str, ServiceProfile] = {
    "kelurahan": ServiceProfile(
        330,
        1.2,
        1.0,
        1.0,
        "admin",
        (
            "Surat Keterangan Domisili",
            "Surat Pengantar KTP-el",
            "Surat Pengantar Kartu Keluarga",
            "Surat Keterangan Tidak Mampu",
            "Surat Keterangan Usaha",
            "Surat Keterangan Ahli Waris",
            "Surat Pengantar Nikah",
        ),
    ),
    "kecamatan": ServiceProfile(
        650,
        2.5,
        1.2,
        1.2,
        "admin",
        (
            "Perekaman KTP-el",
            "Kartu Keluarga",
            "Legalisasi Dokumen",
            "Surat Keterangan Ahli Waris",
            "Rekomendasi Izin Keramaian",
            "Surat Keterangan Domisili Usaha",
        ),
    ),
    "puskesmas": ServiceProfile(
        2800,
        None,
        1.5,
        1.1,
        "health",
        (
            "Rawat Jalan Umum",
            "Imunisasi",
            "Pemeriksaan Ibu Hamil",
            "Pelayanan Gigi",
            "Laboratorium",
            "Keluarga Berencana",
            "Surat Keterangan Sehat",
        ),
    ),
    "dukcapil": ServiceProfile(
        24000,
        4.0,
        4.0,
        4.0,
        "admin",
        (
            "KTP-el",
            "Kartu Keluarga",
            "Akta Kelahiran",
            "Akta Kematian",
            "Kartu Identitas Anak",
            "Surat Keterangan Pindah",
            "Akta Perkawinan",
        ),
    ),
    "rumah_sakit": ServiceProfile(
        21000,
        None,
        4.0,
        3.5,
        "health",
        ("Rawat Jalan", "Rawat Inap", "Instalasi Gawat Darurat", "Laboratorium", "Radiologi", "Farmasi"),
    ),
    "perizinan": ServiceProfile(
        2100,
        6.0,
        2.0,
        1.8,
        "flat",
        (
            "Perizinan Berusaha (OSS)",
            "Persetujuan Bangunan Gedung",
            "Izin Praktik Tenaga Kesehatan",
            "Izin Reklame",
            "Surat Izin Praktik Apoteker",
        ),
    ),
    "perhubungan": ServiceProfile(
        3000,
        1.0,
        1.2,
        1.5,
        "flat",
        ("Uji KIR Kendaraan", "Izin Trayek", "Izin Parkir", "Analisis Dampak Lalu Lintas"),
    ),
    "uji_kendaraan": ServiceProfile(
        2500, 1.0, 1.0, 1.0, "flat", ("Uji KIR Kendaraan", "Penerbitan Buku Uji")
    ),
    "sosial": ServiceProfile(
        1500,
        7.0,
        1.0,
        1.5,
        "flat",
        (
            "Pendaftaran DTKS",
            "Rekomendasi PBI Jaminan Kesehatan",
            "Bantuan Sosial",
            "Surat Keterangan Terlantar",
        ),
    ),
    "trantib": ServiceProfile(
        250, 5.0, 0.6, 0.8, "flat", ("Penanganan Pengaduan Ketertiban Umum", "Penertiban Reklame")
    ),
    "kepegawaian": ServiceProfile(
        450, 10.0, 0.8, 0.5, "flat", ("Kenaikan Pangkat", "Pensiun", "Cuti", "Mutasi", "Pencantuman Gelar")
    ),
    "pajak": ServiceProfile(
        5200,
        2.0,
        1.2,
        1.0,
        "flat",
        ("Pembayaran PBB-P2", "BPHTB", "Pajak Restoran", "Pajak Reklame", "Keberatan Pajak"),
    ),
    "pendidikan": ServiceProfile(
        600,
        3.0,
        0.8,
        0.8,
        "admin",
        ("Legalisasi Ijazah", "Rekomendasi Pindah Sekolah", "Penerimaan Murid Baru"),
    ),
    "sekolah": ServiceProfile(
        150, 2.0, 0.5, 0.2, "admin", ("Penerimaan Murid Baru", "Legalisasi Ijazah", "Surat Pindah Sekolah")
    ),
    "lingkungan": ServiceProfile(
        800,
        3.0,
        0.8,
        1.2,
        "flat",
        ("Pengangkutan Sampah", "Persetujuan Lingkungan (UKL-UPL)", "Retribusi Persampahan"),
    ),
    "laboratorium": ServiceProfile(
        500, 1.0, 0.6, 0.3, "health", ("Pemeriksaan Laboratorium", "Uji Kualitas Air")
    ),
    "ketenagakerjaan": ServiceProfile(
        1400,
        2.0,
        0.8,
        0.7,
        "admin",
        (
            "Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/1)",
            "Pelatihan Kerja",
            "Mediasi Hubungan Industrial",
        ),
    ),
    "tata_ruang": ServiceProfile(
        300, 14.0, 0.6, 0.8, "flat", ("Keterangan Rencana Kota", "Persetujuan Bangunan Gedung")
    ),
    "perpustakaan": ServiceProfile(
        2000, None, 0.6, 0.2, "flat", ("Peminjaman Buku", "Kartu Anggota Perpustakaan")
    ),
}


def seasonal_factor(season: str, month: date) -> float:
    """Relative volume of a month. Admin services peak at school enrolment (June–July: KK and
    birth certificates are required), health services in the rainy season (Nov–Jan) and in
    August (BIAS school immunisation); every office is quieter in the Lebaran month."""
    factor = 1.0
    if season == "admin":
        factor = {6: 1.3, 7: 1.35, 8: 1.1, 1: 1.1, 12: 0.9}.get(month.month, 1.0)
    elif season == "health":
        factor = {11: 1.15, 12: 1.2, 1: 1.2, 2: 1.05, 8: 1.1}.get(month.month, 1.0)
    if any(lebaran.year == month.year and lebaran.month == month.month for lebaran in LEBARAN):
        factor *= 0.8
    return factor


#: City-wide growth of service volume per year (population growth and more online channels).
VOLUME_GROWTH_PER_YEAR = 0.03


def monthly_volume(profile: ServiceProfile, base_factor: float) -> np.ndarray:
    """Expected services per month of the period for one unit (seasonality and trend, no noise)."""
    years = np.arange(len(MONTHS)) / 12.0
    season = np.array([seasonal_factor(profile.season, m) for m in MONTHS])
    return profile.monthly_services * base_factor * season * (1.0 + VOLUME_GROWTH_PER_YEAR) ** years


def service_stat_rows(
    rng: np.random.Generator,
    unit_id: int,
    profile: ServiceProfile,
    base_factor: float,
    days_factor: np.ndarray,
    on_time: np.ndarray,
    import_id: int,
) -> list[tuple]:
    """One row per month: services, mean days to complete and share on time.

    ``days_factor`` and ``on_time`` are per-month arrays, so that a planted
    change (digital training) shows up from a given month on.
    """
    expected = monthly_volume(profile, base_factor)
    services = rng.poisson(expected * rng.lognormal(0.0, 0.06, len(MONTHS)))
    rows = []
    noise_days = rng.normal(0.0, 0.06, len(MONTHS))
    noise_on_time = rng.normal(0.0, 1.5, len(MONTHS))
    for i, month in enumerate(MONTHS):
        mean_days = None
        pct_on_time = None
        if profile.mean_days is not None:
            mean_days = round(float(profile.mean_days * days_factor[i] * np.exp(noise_days[i])), 2)
            pct_on_time = round(float(np.clip(on_time[i] + noise_on_time[i], 5.0, 100.0)), 1)
        rows.append(
            (
                unit_id,
                f"{month.year}-{month.month:02d}",
                month,
                month_end(month),
                int(services[i]),
                mean_days,
                pct_on_time,
                import_id,
            )
        )
    return rows


SERVICE_STAT_COLUMNS = (
    "unit_id",
    "period",
    "period_start",
    "period_end",
    "services",
    "mean_days",
    "pct_on_time",
    "import_id",
)
