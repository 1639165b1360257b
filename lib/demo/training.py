"""Training programmes of three years and who took part, with tests and reactions.

The catalogue mixes what a city's BKPSDM actually runs: classroom courses and
bimtek with the provincial training agency and local universities, e-learning,
coaching and mentoring, each aimed at the units and positions that need it.
Programme-level truths (the mean gain, its spread) are decided in the plan so
that ``planted_effects`` can report them without generating participants.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from lib.demo.calendar import DEMO_END, DEMO_START, add_months

KLASIKAL_METHODS = ("pelatihan", "bimtek", "workshop", "seminar", "kursus", "magang")
NONKLASIKAL_METHODS = (
    "e-learning",
    "coaching",
    "mentoring",
    "benchmarking",
    "pelatihan jarak jauh",
    "komunitas belajar",
)
#: Methods that run without a pre/post test.
UNTESTED_METHODS = ("coaching", "mentoring", "benchmarking", "magang", "komunitas belajar")


def track_of(method: str) -> str:
    return "klasikal" if method in KLASIKAL_METHODS else "nonklasikal"


BPSDM = "BPSDM Provinsi Sumatera Utara"
USU = "Universitas Sumatera Utara"
LAN = "Lembaga Administrasi Negara"
BKPSDM = "BKPSDM Kota Medan"
UNIMED = "Universitas Negeri Medan"
UINSU = "Universitas Islam Negeri Sumatera Utara"
POLMED = "Politeknik Negeri Medan"
KEMENDAGRI = "BPSDM Kementerian Dalam Negeri"
DUKCAPIL_PUSAT = "Direktorat Jenderal Dukcapil Kemendagri"
KOMINFO = "Dinas Komunikasi dan Informatika Kota Medan"
BAPELKES = "Bapelkes Dinas Kesehatan Provinsi Sumatera Utara"
LKPP = "Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah"
ANRI = "Arsip Nasional Republik Indonesia"
KPK = "Komisi Pemberantasan Korupsi"
KESBANGPOL = "Badan Kesatuan Bangsa dan Politik Kota Medan"
PELINDO = "PT Pelabuhan Indonesia Regional 1 Belawan"
KSOP = "KSOP Utama Belawan"

HEALTH = frozenset({"puskesmas", "rumah_sakit", "laboratorium"})
ADMIN = frozenset({"kelurahan", "kecamatan", "dukcapil"})
FRONT_OFFICE = frozenset(
    {
        "kelurahan",
        "kecamatan",
        "dukcapil",
        "perizinan",
        "puskesmas",
        "rumah_sakit",
        "sosial",
        "pajak",
        "perhubungan",
    }
)


@dataclass(frozen=True)
class Template:
    name: str
    competency_type: str
    method: str
    jp: tuple[int, int]
    providers: tuple[str, ...]
    weight: float
    size: tuple[int, int] = (25, 40)
    #: services of the units whose staff may attend (None: everyone)
    services: frozenset[str] | None = None
    position_types: frozenset[str] | None = None
    regions: frozenset[str] | None = None


STRUKTURAL = frozenset({"struktural"})
T, M, S = "teknis", "manajerial", "sosial_kultural"

TEMPLATES: tuple[Template, ...] = (
    Template("Bimtek Tata Naskah Dinas", T, "bimtek", (16, 24), (ANRI, BKPSDM), 3.0),
    Template("Bimtek Aplikasi SRIKANDI", T, "bimtek", (8, 16), (ANRI, KOMINFO), 2.0),
    Template(
        "Bimtek Sistem Informasi Administrasi Kependudukan",
        T,
        "bimtek",
        (16, 24),
        (DUKCAPIL_PUSAT,),
        1.5,
        services=ADMIN,
    ),
    Template(
        "Pelatihan Pengelolaan Pengaduan melalui SP4N-LAPOR!",
        T,
        "pelatihan",
        (16, 24),
        (KEMENDAGRI, BKPSDM),
        1.5,
        services=FRONT_OFFICE,
    ),
    Template(
        "Pelatihan Penyusunan Standar Pelayanan",
        T,
        "pelatihan",
        (24, 32),
        (LAN, BPSDM),
        1.5,
        services=FRONT_OFFICE,
    ),
    Template("Bimtek Pengadaan Barang/Jasa Pemerintah", T, "bimtek", (24, 32), (LKPP,), 1.0),
    Template(
        "Bimtek Pengelolaan Keuangan Daerah melalui SIPD", T, "bimtek", (16, 24), (KEMENDAGRI, BPSDM), 1.0
    ),
    Template("Pelatihan Analisis Jabatan dan Beban Kerja", T, "pelatihan", (24, 32), (BPSDM, USU), 0.8),
    Template("Pelatihan Pengelolaan Arsip Dinamis", T, "pelatihan", (16, 24), (ANRI,), 1.0),
    Template("Kursus Microsoft Excel untuk Analisis Data", T, "kursus", (16, 24), (POLMED, KOMINFO), 1.5),
    Template("Pelatihan Literasi Data dan Statistik Sektoral", T, "pelatihan", (16, 24), (USU, KOMINFO), 1.0),
    Template(
        "E-learning Literasi Digital ASN", T, "e-learning", (8, 16), (KOMINFO, LAN), 2.5, size=(40, 120)
    ),
    Template(
        "E-learning Keamanan Informasi dan Pelindungan Data Pribadi",
        T,
        "e-learning",
        (8, 12),
        (KOMINFO,),
        1.5,
        size=(40, 120),
    ),
    Template(
        "Pelatihan Jarak Jauh Manajemen Pelayanan Publik",
        T,
        "pelatihan jarak jauh",
        (16, 32),
        (LAN, BPSDM),
        1.0,
        services=FRONT_OFFICE,
    ),
    Template(
        "Pelatihan Pelayanan Kesehatan Ibu dan Anak",
        T,
        "pelatihan",
        (24, 40),
        (BAPELKES,),
        1.2,
        services=HEALTH,
    ),
    Template(
        "Pelatihan Manajemen Puskesmas",
        T,
        "pelatihan",
        (24, 32),
        (BAPELKES,),
        0.8,
        services=frozenset({"puskesmas"}),
    ),
    Template(
        "Pelatihan Basic Trauma and Cardiac Life Support",
        T,
        "pelatihan",
        (32, 40),
        (BAPELKES, USU),
        1.0,
        services=HEALTH,
    ),
    Template(
        "Pelatihan Pencegahan dan Pengendalian Infeksi",
        T,
        "pelatihan",
        (16, 24),
        (BAPELKES,),
        1.0,
        services=HEALTH,
    ),
    Template(
        "Pelatihan Kepelabuhanan dan Logistik Pelabuhan",
        T,
        "pelatihan",
        (24, 32),
        (PELINDO, KSOP),
        0.6,
        size=(20, 30),
        regions=frozenset({"Medan Belawan", "Medan Labuhan", "Medan Marelan"}),
    ),
    Template(
        "Bimtek Penegakan Peraturan Daerah",
        T,
        "bimtek",
        (16, 24),
        (KEMENDAGRI,),
        0.6,
        services=frozenset({"trantib", "kecamatan"}),
    ),
    Template(
        "Magang Pelayanan Terpadu Satu Pintu",
        T,
        "magang",
        (24, 40),
        (BKPSDM,),
        0.5,
        size=(10, 20),
        services=FRONT_OFFICE,
    ),
    Template(
        "Benchmarking Inovasi Pelayanan Publik",
        T,
        "benchmarking",
        (8, 16),
        (BKPSDM,),
        0.5,
        size=(15, 25),
        position_types=STRUKTURAL,
    ),
    Template(
        "Pelatihan Kepemimpinan Pengawas",
        M,
        "pelatihan",
        (32, 40),
        (BPSDM,),
        1.2,
        size=(25, 35),
        position_types=STRUKTURAL,
    ),
    Template(
        "Pelatihan Kepemimpinan Administrator",
        M,
        "pelatihan",
        (32, 40),
        (BPSDM, LAN),
        0.6,
        size=(20, 30),
        position_types=STRUKTURAL,
    ),
    Template(
        "Coaching Kepemimpinan Pelayanan",
        M,
        "coaching",
        (4, 12),
        (BKPSDM,),
        1.0,
        size=(8, 15),
        position_types=STRUKTURAL,
    ),
    Template(
        "Mentoring Pegawai Baru oleh Pegawai Senior", M, "mentoring", (10, 20), (BKPSDM,), 1.2, size=(6, 12)
    ),
    Template("Workshop Manajemen Perubahan", M, "workshop", (8, 16), (USU, LAN), 1.0),
    Template("Pelatihan Pengambilan Keputusan Berbasis Data", M, "pelatihan", (16, 24), (USU, UNIMED), 1.0),
    Template(
        "Pelatihan Komunikasi Efektif dalam Pelayanan",
        M,
        "pelatihan",
        (16, 24),
        (UINSU, UNIMED),
        1.5,
        services=FRONT_OFFICE,
    ),
    Template("E-learning Integritas dan Antikorupsi", M, "e-learning", (8, 12), (KPK,), 1.5, size=(40, 120)),
    Template("Workshop Penyusunan SKP dan Manajemen Kinerja", M, "workshop", (8, 16), (BKPSDM,), 1.5),
    Template(
        "Coaching Etika Pelayanan",
        S,
        "coaching",
        (4, 10),
        (BKPSDM, UINSU),
        1.2,
        size=(8, 15),
        services=FRONT_OFFICE,
    ),
    Template(
        "Pelatihan Pelayanan Prima", S, "pelatihan", (16, 24), (BPSDM, UNIMED), 2.0, services=FRONT_OFFICE
    ),
    Template(
        "Pelatihan Etika Pelayanan Publik dan Budaya Melayani",
        S,
        "pelatihan",
        (16, 24),
        (LAN, UINSU),
        1.2,
        services=FRONT_OFFICE,
    ),
    Template(
        "Pelatihan Bahasa Isyarat untuk Pelayanan Inklusif",
        S,
        "pelatihan",
        (16, 24),
        (UNIMED,),
        0.4,
        size=(15, 25),
        services=FRONT_OFFICE,
    ),
    Template(
        "Seminar Pelayanan Ramah Disabilitas", S, "seminar", (4, 8), (UNIMED, BKPSDM), 0.8, size=(40, 80)
    ),
    Template(
        "Komunitas Belajar Pelayanan Prima", S, "komunitas belajar", (4, 8), (BKPSDM,), 0.6, size=(15, 30)
    ),
)

#: The programme whose staff change their units' service (the planted digital-service cohorts).
DIGITAL_TEMPLATE = Template(
    "Pelatihan Pelayanan Publik Berbasis Digital",
    T,
    "pelatihan",
    (24, 32),
    (KOMINFO, BPSDM),
    0.0,
    size=(40, 40),
)
#: Sounds useful, teaches nothing measurable: the planted null programme.
NULL_TEMPLATE = Template(
    "Seminar Wawasan Kebangsaan dan Moderasi Beragama",
    S,
    "seminar",
    (4, 8),
    (KESBANGPOL,),
    0.0,
    size=(45, 60),
)

#: Largest class of the digital-service programme; bigger cohorts are split into angkatan.
DIGITAL_CLASS_SIZE = 40
#: Share of a cohort unit's staff who attend its digital-service training.
DIGITAL_STAFF_SHARE = 0.8

_ROMAN = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
)


@dataclass
class PlannedProgram:
    code: str
    name: str
    competency_type: str
    method: str
    track: str
    provider: str
    start: date
    end: date
    jp: int
    size: int
    template: Template
    has_test: bool
    true_gain: float | None
    sd_diff: float | None
    pre_mean: float | None
    reaction_mean: float
    is_null: bool = False
    #: for the digital programme: unit codes whose staff attend (and how many from each)
    cohort_units: dict[str, int] = field(default_factory=dict)


def _duration_days(method: str, jp: int, rng: np.random.Generator) -> int:
    if method in ("e-learning", "pelatihan jarak jauh"):
        return int(rng.integers(14, 35))
    if method == "mentoring":
        return int(rng.integers(30, 90))
    if method in ("coaching", "komunitas belajar"):
        return int(rng.integers(14, 45))
    return max(1, int(np.ceil(jp / 8)))


def _workday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _learning_truth(rng: np.random.Generator, has_test: bool, null: bool, dz_range: tuple[float, float]):
    """True mean gain, SD of the differences and pre-test mean of one programme."""
    if not has_test:
        return None, None, None
    sd_diff = float(rng.uniform(6.0, 12.0))
    gain = 0.0 if null else float(rng.uniform(*dz_range)) * sd_diff
    # keep the pre-test low enough that post-tests rarely hit the ceiling of 100
    ceiling = 100.0 - gain - 2.5 * float(np.hypot(PRE_SD, sd_diff))
    pre_mean = float(min(rng.uniform(45.0, 65.0), ceiling))
    return round(gain, 3), round(sd_diff, 3), round(pre_mean, 2)


PRE_SD = 10.0


def plan_programmes(
    rng: np.random.Generator,
    *,
    regular_per_year: float,
    cohorts: dict[str, date],
    staff_counts: dict[str, int],
    null_programs: int,
) -> list[PlannedProgram]:
    """The whole catalogue of the period, coded ``PLT-YYYY-NNNN`` in order of start date."""
    planned: list[PlannedProgram] = []
    weights = np.array([t.weight for t in TEMPLATES])
    weights = weights / weights.sum()
    quarter_weight = {1: 0.7, 2: 1.0, 3: 1.2, 4: 1.1}
    month = date(DEMO_START.year, DEMO_START.month, 1)
    while month <= DEMO_END:
        expected = regular_per_year / 12.0 * quarter_weight[(month.month - 1) // 3 + 1] / 1.0
        for _ in range(int(rng.poisson(expected))):
            template = TEMPLATES[int(rng.choice(len(TEMPLATES), p=weights))]
            planned.append(_program_from(rng, template, month))
        month = add_months(month, 1)

    # the null programme(s): large seminars in the middle of the period
    for i in range(null_programs):
        month = date(2024, 9, 1) if i == 0 else add_months(date(2024, 9, 1), 7 * i)
        planned.append(_program_from(rng, NULL_TEMPLATE, month, null=True))

    # digital-service training: every cohort unit's staff in the cohort's quarter, in classes of <= 40
    by_quarter: dict[date, list[str]] = {}
    for code, quarter in sorted(cohorts.items()):
        by_quarter.setdefault(quarter, []).append(code)
    for quarter, codes in sorted(by_quarter.items()):
        attendees = {code: int(np.ceil(staff_counts[code] * DIGITAL_STAFF_SHARE)) for code in codes}
        classes = _split_into_classes(attendees, DIGITAL_CLASS_SIZE)
        for i, members in enumerate(classes):
            program = _program_from(rng, DIGITAL_TEMPLATE, add_months(quarter, i % 2), dz_range=(0.8, 1.2))
            program.cohort_units = members
            program.size = sum(members.values())
            planned.append(program)

    planned.sort(key=lambda p: (p.start, p.template.name, p.end))
    counters: dict[tuple[int, str], int] = {}
    sequence: dict[int, int] = {}
    for program in planned:
        year = program.start.year
        sequence[year] = sequence.get(year, 0) + 1
        program.code = f"PLT-{year}-{sequence[year]:04d}"
        key = (year, program.template.name)
        counters[key] = counters.get(key, 0) + 1
        program.name = f"{program.template.name} Angkatan {_ROMAN[min(counters[key], 20) - 1]} Tahun {year}"
    return planned


def _split_into_classes(attendees: dict[str, int], class_size: int) -> list[dict[str, int]]:
    """Whole units per class where possible, so a unit's staff train together."""
    classes: list[dict[str, int]] = [{}]
    for code, count in attendees.items():
        while count > 0:
            room = class_size - sum(classes[-1].values())
            if room <= 0 or (count <= class_size and count > room):
                classes.append({})
                room = class_size
            take = min(room, count)
            classes[-1][code] = classes[-1].get(code, 0) + take
            count -= take
    return [c for c in classes if c]


def _program_from(
    rng: np.random.Generator,
    template: Template,
    month: date,
    *,
    null: bool = False,
    dz_range: tuple[float, float] = (0.4, 1.5),
) -> PlannedProgram:
    jp = int(rng.integers(template.jp[0], template.jp[1] + 1))
    start = _workday_on_or_after(month + timedelta(days=int(rng.integers(0, 26))))
    end = start + timedelta(days=_duration_days(template.method, jp, rng) - 1)
    if end > DEMO_END:
        end = DEMO_END
    has_test = template.method not in UNTESTED_METHODS
    gain, sd_diff, pre_mean = _learning_truth(rng, has_test, null, dz_range)
    return PlannedProgram(
        code="",
        name=template.name,
        competency_type=template.competency_type,
        method=template.method,
        track=track_of(template.method),
        provider=template.providers[int(rng.integers(len(template.providers)))],
        start=start,
        end=end,
        jp=jp,
        size=int(rng.integers(template.size[0], template.size[1] + 1)),
        template=template,
        has_test=has_test,
        true_gain=gain,
        sd_diff=sd_diff,
        pre_mean=pre_mean,
        reaction_mean=float(np.clip(rng.normal(4.05, 0.2), 3.4, 4.6)),
        is_null=null,
    )


#: Share of participants who registered but did not attend (no tests, no reactions).
ABSENT_SHARE = 0.025
#: Share of attending, tested participants missing the pre-test, and (separately) the post-test.
MISSING_ONE_TEST_SHARE = 0.025
#: Share of tested participants who already score 100 on the pre-test (gain undefined for Hake's g).
PERFECT_PRE_SHARE = 0.015
#: Courses with a pass mark: a post-test below it is "tidak_lulus".
PASS_MARK = 40

PARTICIPATION_COLUMNS = (
    "program_id",
    "employee_id",
    "pre_score",
    "post_score",
    "reaction_material",
    "reaction_trainer",
    "reaction_usefulness",
    "status",
    "import_id",
)


@dataclass
class Attendance:
    """Who attended what (for JP coverage and the SKP effect): parallel arrays."""

    employee_index: np.ndarray
    program_index: np.ndarray
    completed: np.ndarray


def _eligible(
    template: Template, service: np.ndarray, region: np.ndarray, position_type: np.ndarray
) -> np.ndarray:
    mask = np.ones(len(service), dtype=bool)
    if template.services is not None:
        mask &= np.isin(service, list(template.services))
    if template.regions is not None:
        mask &= np.isin(region, list(template.regions))
    if template.position_types is not None:
        mask &= np.isin(position_type, list(template.position_types))
    return mask


def _weighted_sample(
    rng: np.random.Generator, candidates: np.ndarray, cdf: np.ndarray, log_weight: np.ndarray, size: int
) -> np.ndarray:
    """``size`` distinct candidates, each next one drawn in proportion to its weight among those left.

    Drawing with replacement and skipping repeats is exactly that sequential scheme, and
    far cheaper than sorting keys over thousands of candidates for a class of thirty.
    """
    size = min(size, len(candidates))
    if size > len(candidates) // 3:
        keys = log_weight[candidates] + rng.gumbel(size=len(candidates))
        return candidates[np.argpartition(-keys, size - 1)[:size]] if size else candidates[:0]
    picked: list[int] = []
    seen: set[int] = set()
    while len(picked) < size:
        for index in np.searchsorted(cdf, rng.random(2 * size), side="right").tolist():
            if index < len(candidates) and index not in seen:
                seen.add(index)
                picked.append(index)
                if len(picked) == size:
                    break
    return candidates[picked]


def _none_where(values: np.ndarray, missing: np.ndarray) -> list:
    out = values.astype(object)
    out[missing] = None
    return out.tolist()


def generate_participations(
    rng: np.random.Generator,
    programmes: list[PlannedProgram],
    *,
    unit_code: np.ndarray,
    service: np.ndarray,
    region: np.ndarray,
    position_type: np.ndarray,
    propensity: np.ndarray,
    employee_ids: np.ndarray,
    program_ids: list[int],
    import_id: int,
) -> tuple[list[tuple], Attendance]:
    """Participants of every programme, with their tests, reactions and status.

    Regular programmes draw eligible staff in proportion to their training
    propensity (so some people train a lot and ~40 % stay below 20 JP a year);
    the digital programme takes 80 % of each cohort unit's staff.
    """
    log_propensity = np.log(propensity)
    eligible_by_template: dict[Template, np.ndarray] = {}
    digital_pool: dict[str, list[int]] = {}
    rows: list[tuple] = []
    att_employee: list[np.ndarray] = []
    att_program: list[np.ndarray] = []
    att_completed: list[np.ndarray] = []
    for p_index, program in enumerate(programmes):
        if program.cohort_units:
            chosen_parts = []
            for code, count in program.cohort_units.items():
                if code not in digital_pool:
                    staff = np.flatnonzero(unit_code == code)
                    digital_pool[code] = rng.permutation(staff).tolist()
                chosen_parts.append(np.array(digital_pool[code][:count], dtype=int))
                digital_pool[code] = digital_pool[code][count:]
            chosen = np.concatenate(chosen_parts)
        else:
            if program.template not in eligible_by_template:
                mask = _eligible(program.template, service, region, position_type)
                candidates = np.flatnonzero(mask)
                cumulative = np.cumsum(propensity[candidates])
                eligible_by_template[program.template] = (candidates, cumulative / cumulative[-1])
            candidates, cdf = eligible_by_template[program.template]
            chosen = np.sort(_weighted_sample(rng, candidates, cdf, log_propensity, program.size))
        n = len(chosen)
        absent = rng.random(n) < ABSENT_SHARE
        if program.has_test:
            pre = np.clip(np.round(rng.normal(program.pre_mean, PRE_SD, n)), 0, 100)
            post = np.clip(np.round(pre + program.true_gain + rng.normal(0.0, program.sd_diff, n)), 0, 100)
            perfect = rng.random(n) < PERFECT_PRE_SHARE
            pre[perfect] = 100
            post[perfect] = 100 - rng.choice([0, 0, 0, 5, 10], perfect.sum())
            which = rng.random(n)
            no_pre = absent | (which < MISSING_ONE_TEST_SHARE)
            no_post = absent | ((which >= MISSING_ONE_TEST_SHARE) & (which < 2 * MISSING_ONE_TEST_SHARE))
            has_mark = program.method in ("pelatihan", "kursus") and program.jp >= 24
            failed = has_mark & ~no_post & (post < PASS_MARK)
            pre_list = _none_where(pre, no_pre)
            post_list = _none_where(post, no_post)
        else:
            failed = np.zeros(n, dtype=bool)
            pre_list = post_list = [None] * n
        person = rng.normal(0.0, 0.35, n)
        reactions = [
            _none_where(
                np.clip(np.round(program.reaction_mean + person + rng.normal(0.0, 0.45, n)), 1, 5), absent
            )
            for _ in range(3)
        ]
        status = np.where(absent, "tidak_hadir", np.where(failed, "tidak_lulus", "lulus")).tolist()
        program_id = program_ids[p_index]
        ids = employee_ids[chosen].tolist()
        rows.extend(
            zip(
                [program_id] * n,
                ids,
                pre_list,
                post_list,
                reactions[0],
                reactions[1],
                reactions[2],
                status,
                [import_id] * n,
                strict=True,
            )
        )
        att_employee.append(chosen[~absent])
        att_program.append(np.full(int((~absent).sum()), p_index))
        att_completed.append(~failed[~absent])
    attendance = Attendance(
        np.concatenate(att_employee), np.concatenate(att_program), np.concatenate(att_completed)
    )
    return rows, attendance
