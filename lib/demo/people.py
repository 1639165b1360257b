"""Employees (ASN) of every unit: NIP, name, position, golongan.

Each unit gets its leaders first (lurah, camat, kepala puskesmas, kepala
dinas …) and then staff drawn from the positions typical of its kind of
service. Golongan follows the position's level and the person's age; the NIP
encodes birth date, civil-service start (TMT) and gender exactly as BKN does.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from lib.demo.names import GROUPS, personal_name, titled
from lib.demo.plan import DemoPlan, UnitPlan, stream

GRADES = (
    "II/a",
    "II/b",
    "II/c",
    "II/d",
    "III/a",
    "III/b",
    "III/c",
    "III/d",
    "IV/a",
    "IV/b",
    "IV/c",
    "IV/d",
    "IV/e",
)
_G = {g: i for i, g in enumerate(GRADES)}


@dataclass(frozen=True)
class Position:
    name: str
    position_type: str
    grades: tuple[str, str]
    ages: tuple[int, int]
    title_kind: str


def _leader(name: str, grades: tuple[str, str], min_age: int = 35, title_kind: str = "pimpinan") -> Position:
    return Position(name, "struktural", grades, (min_age, 57), title_kind)


_LEVELS = {
    "Terampil": (("II/c", "II/d"), (22, 45)),
    "Mahir": (("III/a", "III/b"), (28, 52)),
    "Ahli Pertama": (("III/a", "III/b"), (23, 42)),
    "Ahli Muda": (("III/c", "III/d"), (30, 56)),
    "Ahli Madya": (("IV/a", "IV/c"), (38, 58)),
}


def _fungsional(name: str, title_kind: str = "ahli") -> Position:
    level = next(level for level in _LEVELS if name.endswith(level))
    grades, ages = _LEVELS[level]
    return Position(name, "fungsional", grades, ages, title_kind)


PELAKSANA = (
    (Position("Pengadministrasi Perkantoran", "pelaksana", ("II/a", "III/a"), (22, 57), "pelaksana"), 3.0),
    (Position("Operator Layanan Operasional", "pelaksana", ("II/b", "III/b"), (22, 57), "pelaksana"), 3.0),
    (Position("Pengelola Layanan Operasional", "pelaksana", ("II/d", "III/c"), (24, 57), "pelaksana"), 2.0),
    (Position("Penata Layanan Operasional", "pelaksana", ("III/a", "III/d"), (26, 57), "pelaksana"), 1.5),
)


def _pool(*fungsional: tuple[str, float, str], pelaksana: float) -> list[tuple[Position, float]]:
    pool = [(_fungsional(name, kind), weight) for name, weight, kind in fungsional]
    pool += [(p, w * pelaksana / 9.5) for p, w in PELAKSANA]
    return pool


_HEALTH = (
    ("Dokter Ahli Pertama", 3.0, "dokter"),
    ("Dokter Ahli Muda", 1.5, "dokter"),
    ("Dokter Gigi Ahli Pertama", 1.0, "dokter_gigi"),
    ("Perawat Terampil", 4.0, "perawat"),
    ("Perawat Mahir", 2.0, "perawat"),
    ("Perawat Ahli Pertama", 3.0, "perawat"),
    ("Bidan Terampil", 4.0, "bidan"),
    ("Bidan Ahli Pertama", 1.5, "bidan"),
    ("Apoteker Ahli Pertama", 1.0, "farmasi"),
    ("Tenaga Teknis Kefarmasian Terampil", 1.5, "farmasi"),
    ("Tenaga Sanitasi Lingkungan Terampil", 1.0, "kesehatan"),
    ("Nutrisionis Terampil", 1.0, "kesehatan"),
    ("Pranata Laboratorium Kesehatan Terampil", 1.5, "kesehatan"),
    ("Penyuluh Kesehatan Masyarakat Ahli Pertama", 1.0, "kesehatan"),
    ("Perekam Medis Terampil", 1.5, "kesehatan"),
    ("Epidemiolog Kesehatan Ahli Pertama", 0.5, "kesehatan"),
)
_OFFICE = (
    ("Analis Kebijakan Ahli Pertama", 1.5, "ahli"),
    ("Analis Kebijakan Ahli Muda", 1.0, "ahli"),
    ("Perencana Ahli Pertama", 1.0, "ahli"),
    ("Pranata Komputer Ahli Pertama", 0.7, "ahli"),
    ("Arsiparis Terampil", 0.5, "pelaksana"),
    ("Pengelola Pengadaan Barang/Jasa Ahli Pertama", 0.5, "ahli"),
    ("Analis Keuangan Pusat dan Daerah Ahli Pertama", 0.5, "ahli"),
)

POOLS: dict[str, list[tuple[Position, float]]] = {
    "wilayah": _pool(
        ("Analis Kebijakan Ahli Pertama", 0.8, "ahli"),
        ("Arsiparis Terampil", 0.4, "pelaksana"),
        ("Pranata Komputer Terampil", 0.6, "pelaksana"),
        pelaksana=8.0,
    ),
    "puskesmas": _pool(*_HEALTH, pelaksana=4.0),
    "rumah_sakit": _pool(
        *_HEALTH, ("Dokter Ahli Madya", 3.0, "dokter"), ("Perawat Ahli Muda", 3.0, "perawat"), pelaksana=5.0
    ),
    "laboratorium": _pool(
        ("Pranata Laboratorium Kesehatan Terampil", 4.0, "kesehatan"),
        ("Pranata Laboratorium Kesehatan Ahli Pertama", 2.0, "kesehatan"),
        pelaksana=2.0,
    ),
    "sekolah": _pool(
        ("Guru Ahli Pertama", 3.0, "guru"),
        ("Guru Ahli Muda", 4.0, "guru"),
        ("Guru Ahli Madya", 2.0, "guru"),
        pelaksana=1.0,
    ),
    "dukcapil": _pool(
        ("Administrator Database Kependudukan Ahli Pertama", 2.0, "ahli"),
        ("Pranata Komputer Ahli Pertama", 1.0, "ahli"),
        ("Pranata Komputer Terampil", 1.0, "pelaksana"),
        pelaksana=6.0,
    ),
    "perhubungan": _pool(
        ("Penguji Kendaraan Bermotor Terampil", 2.0, "pelaksana"),
        ("Penguji Kendaraan Bermotor Ahli Pertama", 1.0, "ahli"),
        pelaksana=6.0,
    ),
    "trantib": _pool(
        ("Polisi Pamong Praja Terampil", 5.0, "pelaksana"),
        ("Polisi Pamong Praja Mahir", 2.0, "pelaksana"),
        ("Polisi Pamong Praja Ahli Pertama", 1.0, "ahli"),
        pelaksana=2.0,
    ),
    "sosial": _pool(
        ("Penyuluh Sosial Ahli Pertama", 1.0, "ahli"),
        ("Pekerja Sosial Ahli Pertama", 2.0, "ahli"),
        pelaksana=5.0,
    ),
    "kepegawaian": _pool(
        ("Analis Sumber Daya Manusia Aparatur Ahli Pertama", 3.0, "ahli"),
        ("Analis Sumber Daya Manusia Aparatur Ahli Muda", 1.0, "ahli"),
        pelaksana=4.0,
    ),
    "lingkungan": _pool(("Pengendali Dampak Lingkungan Ahli Pertama", 1.0, "ahli"), pelaksana=8.0),
    "inspektorat": _pool(
        ("Auditor Ahli Pertama", 3.0, "ahli"),
        ("Auditor Ahli Muda", 2.0, "ahli"),
        ("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama", 1.0, "ahli"),
        pelaksana=2.0,
    ),
    "perpustakaan": _pool(
        ("Pustakawan Terampil", 2.0, "pelaksana"), ("Arsiparis Ahli Pertama", 1.0, "ahli"), pelaksana=3.0
    ),
    "kantor": _pool(*_OFFICE, pelaksana=6.0),
}


def _pool_key(unit: UnitPlan, parent: UnitPlan | None) -> str:
    spec = unit.spec
    service = spec.service or (parent.spec.service if parent else None)
    if spec.kind in ("kelurahan", "kecamatan", "seksi"):
        return "wilayah"
    if spec.kind == "inspektorat" or (parent and parent.spec.kind == "inspektorat"):
        return "inspektorat"
    if spec.kind == "puskesmas" or (parent and parent.spec.code == "DINKES" and spec.kind == "bidang"):
        return "puskesmas" if spec.kind == "puskesmas" else "kantor"
    mapping = {"uji_kendaraan": "perhubungan", "rumah_sakit": "rumah_sakit", "laboratorium": "laboratorium"}
    if service in mapping:
        return mapping[service]
    return service if service in POOLS else "kantor"


_HEAD = {
    "dinas": "Kepala Dinas",
    "badan": "Kepala Badan",
    "satuan": "Kepala Satuan",
    "inspektorat": "Inspektur",
}


def _leaders(unit: UnitPlan, subunit_names: list[str], city: bool) -> list[Position]:
    spec = unit.spec
    if spec.kind == "kelurahan":
        return [
            _leader("Lurah", ("III/c", "III/d"), 35),
            _leader("Sekretaris Lurah", ("III/b", "III/d"), 30),
            _leader("Kepala Seksi Pemerintahan", ("III/b", "III/d"), 30),
            _leader("Kepala Seksi Pembangunan dan Pemberdayaan Masyarakat", ("III/b", "III/d"), 30),
            _leader("Kepala Seksi Ketenteraman dan Ketertiban Umum", ("III/b", "III/d"), 30),
        ]
    if spec.kind == "kecamatan":
        leaders = [
            _leader("Camat", ("IV/a", "IV/b"), 40),
            _leader("Sekretaris Camat", ("III/d", "IV/a"), 36),
            _leader("Kepala Subbagian Umum dan Kepegawaian", ("III/c", "III/d"), 32),
        ]
        if not city:
            for section in (
                "Pemerintahan",
                "Ketenteraman dan Ketertiban Umum",
                "Pemberdayaan Masyarakat",
                "Kesejahteraan Sosial",
                "Pelayanan Umum",
            ):
                leaders.append(_leader(f"Kepala Seksi {section}", ("III/c", "III/d"), 32))
        return leaders
    if spec.kind == "seksi":
        return [_leader(f"Kepala {spec.name.split(' Kecamatan')[0]}", ("III/c", "III/d"), 32)]
    if spec.kind == "puskesmas":
        return [
            _leader("Kepala Puskesmas", ("III/d", "IV/a"), 35, "dokter"),
            _leader("Kepala Subbagian Tata Usaha", ("III/c", "III/d"), 32),
        ]
    if spec.kind == "rsud":
        return [
            _leader("Direktur", ("IV/b", "IV/c"), 45, "dokter"),
            _leader("Wakil Direktur Pelayanan", ("IV/a", "IV/b"), 42, "dokter"),
            _leader("Wakil Direktur Umum dan Keuangan", ("IV/a", "IV/b"), 42),
            _leader("Kepala Bidang Pelayanan Medik", ("III/d", "IV/a"), 38, "dokter"),
            _leader("Kepala Bidang Keperawatan", ("III/d", "IV/a"), 38, "perawat"),
            _leader("Kepala Bagian Umum", ("III/d", "IV/a"), 38),
            _leader("Kepala Bagian Keuangan", ("III/d", "IV/a"), 38),
        ]
    if spec.kind == "sekolah":
        return [Position("Kepala Sekolah", "fungsional", ("IV/a", "IV/b"), (42, 58), "guru")]
    if spec.kind in ("bidang", "bagian", "upt"):
        label = spec.name.split(" Dinas ")[0].split(" Badan ")[0].split(" Sekretariat ")[0]
        return [
            _leader(f"Kepala {label}", ("III/d", "IV/a"), 38),
            _leader("Kepala Seksi" if spec.kind != "bagian" else "Kepala Subbagian", ("III/c", "III/d"), 32),
        ]
    if spec.kind == "sekretariat" and spec.parent_code:
        return [
            _leader("Sekretaris", ("IV/a", "IV/b"), 40),
            _leader("Kepala Subbagian Umum dan Kepegawaian", ("III/c", "III/d"), 32),
            _leader("Kepala Subbagian Keuangan", ("III/c", "III/d"), 32),
        ]
    if spec.code == "SETDA":
        head = [
            _leader("Sekretaris Daerah", ("IV/d", "IV/e"), 48),
            _leader("Asisten Pemerintahan dan Kesejahteraan Rakyat", ("IV/c", "IV/d"), 45),
            _leader("Asisten Perekonomian dan Pembangunan", ("IV/c", "IV/d"), 45),
            _leader("Asisten Administrasi Umum", ("IV/c", "IV/d"), 45),
        ]
    elif spec.code == "SETWAN":
        head = [_leader("Sekretaris DPRD", ("IV/c", "IV/d"), 45)]
    else:
        head = [_leader(_HEAD.get(spec.kind, "Kepala"), ("IV/c", "IV/d"), 45)]
        if not city:
            head.append(_leader("Sekretaris", ("IV/a", "IV/b"), 40))
    if not city:
        for name in subunit_names:
            head.append(_leader(f"Kepala {name}", ("III/d", "IV/a"), 38))
    return head


def _tmt(rnd: random.Random, birth: date, min_service: int) -> tuple[int, int]:
    """Civil-service start (year, month): at age 20–32, not after mid-2023, and at least
    ``min_service`` years before 2026 (nobody heads a section in their first years)."""
    earliest = birth.year + 19
    latest = max(earliest, min(2023, 2026 - min_service))
    year = min(max(birth.year + rnd.randint(20, 32), earliest), latest)
    month = rnd.choice((1, 1, 1, 3, 3, 4, 6, 12))
    if year == 2023:
        month = min(month, 6)
    return year, month


def generate_employees(plan: DemoPlan) -> pd.DataFrame:
    """One row per employee, in unit order. Columns are the Employee fields plus
    ``unit_index`` and ``propensity`` (how readily the person is sent to training)."""
    from lib.demo.geography import OPDS

    rng = stream(plan.seed, "employees")
    rnd = random.Random(int(rng.integers(2**31)))
    city = plan.scale == "city"
    by_code = {u.spec.code: u for u in plan.units}
    subunits = {o.code: [name for _, name, kind, _ in o.subunits if kind == "bidang"] for o in OPDS}
    groups = [g for g, _ in GROUPS]
    group_weights = [w for _, w in GROUPS]
    reference = date(2026, 1, 1)
    used: set[str] = set()
    rows = []
    for unit_index, unit in enumerate(plan.units):
        parent = by_code.get(unit.spec.parent_code) if unit.spec.parent_code else None
        leaders = _leaders(unit, subunits.get(unit.spec.code, [])[:3], city)
        pool = POOLS[_pool_key(unit, parent)]
        pool_positions = [p for p, _ in pool]
        pool_weights = [w for _, w in pool]
        for i in range(unit.staff):
            position = leaders[i] if i < len(leaders) else rnd.choices(pool_positions, pool_weights)[0]
            age = rnd.randint(*position.ages)
            birth = reference - timedelta(days=365 * age + rnd.randint(0, 364))
            male = rnd.random() < (
                0.25
                if position.title_kind in ("bidan",)
                else 0.3
                if position.title_kind == "perawat"
                else 0.55
                if position.position_type == "struktural"
                else 0.45
            )
            tmt_year, tmt_month = _tmt(rnd, birth, 8 if position.position_type == "struktural" else 0)
            while True:
                nip = f"{birth:%Y%m%d}{tmt_year}{tmt_month:02d}{1 if male else 2}{rnd.randint(1, 999):03d}"
                if nip not in used:
                    used.add(nip)
                    break
            lo, hi = _G[position.grades[0]], _G[position.grades[1]]
            seniority = (age - position.ages[0]) / max(1, position.ages[1] - position.ages[0])
            grade = GRADES[min(hi, max(lo, lo + int(round(seniority * (hi - lo) + rnd.uniform(-0.6, 0.6)))))]
            group = rnd.choices(groups, group_weights)[0]
            if unit.spec.region == "Medan Belawan" and rnd.random() < 0.3:
                group = "malay"
            name = titled(rnd, personal_name(rnd, male, group), position.title_kind)
            rows.append(
                (
                    nip,
                    name,
                    unit.spec.code,
                    position.name,
                    position.position_type,
                    grade,
                    "L" if male else "P",
                    birth,
                    unit_index,
                )
            )
    frame = pd.DataFrame(
        rows,
        columns=[
            "nip",
            "name",
            "unit_code",
            "position",
            "position_type",
            "grade",
            "gender",
            "birth_date",
            "unit_index",
        ],
    )
    factor = np.array([plan.units[i].training_factor for i in frame["unit_index"]])
    boost = np.where(frame["position_type"].eq("struktural"), 1.2, 1.0)
    frame["propensity"] = factor * boost * rng.lognormal(0.0, 0.6, len(frame))
    return frame
