"""A tiny hand-made city for the training-impact queries: every figure below is worked out by hand.

Units: kecamatan KEC with kelurahan KEL1 and KEL2 below it, and a dinas DIN.
Staff: KEL1 has employees 1–4, KEL2 has 5–6, DIN has 7–8.
Programmes:
  P1 "Pelatihan Layanan Digital Angkatan I Tahun 2025"  teknis, ends 2025-02-10 (2025-Q1)
  P2 "Pelatihan Layanan Digital Angkatan II Tahun 2025" teknis, ends 2025-05-20 (2025-Q2), provider LAN
  P3 "Seminar Etika Pelayanan"                          sosial_kultural, ends 2024-08-01 (2024-Q3)
Participations (pre, post, status):
  P1: e1 60→70 lulus · e2 55→60 lulus · e3 70→– tidak_lulus · e7 –→– tidak_hadir
  P2: e4 40→55 lulus · e5 80→85 lulus
  P3: e6 –→66 lulus · e8 50→50 lulus
Service statistics of KEL1 in 2025-Q1: Jan 100 services, 4 days, 80 % on time; Feb 300, 2 days, 90 %;
Mar 100 services with no speed figures. Quarter: 500 services, mean days (100·4 + 300·2)/400 = 2.5,
on time (100·80 + 300·90)/400 = 87.5 %.
Complaints: KEL1 two in 2025-Q1 (rate 2/500 × 1000 = 4.0), KEL2 one in 2025-Q1 (no services: no rate).
Survey: KEL1 2025-Q1 one respondent answering 4 everywhere and one answering 3 → NRR 3.5 per unsur,
IKM = 9 × 3.5 × 0.111 × 25 = 87.4125; KEL1 2025-Q2 one respondent answering 2 → IKM 49.95.
SKP: e1 2024-Q4 80 and 2025-Q1 81 (and a yearly 2024 row, not quarterly); e5 2025-Q2 rating only.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from lib.bulk import bulk_insert
from lib.models import (
    UNSUR,
    Complaint,
    Employee,
    Performance,
    ServiceStat,
    SurveyResponse,
    TrainingParticipation,
    TrainingProgram,
    Unit,
)
from lib.queries.aggregates import refresh_survey_monthly


def build_small_city(engine: Engine) -> None:
    with engine.begin() as conn:
        bulk_insert(
            conn,
            Unit.__table__,
            ["id", "code", "name", "kind", "parent_id", "path", "region"],
            [
                (1, "KEC", "Kecamatan Contoh", "kecamatan", None, "/KEC/", "Contoh"),
                (2, "KEL1", "Kelurahan Satu", "kelurahan", 1, "/KEC/KEL1/", "Contoh"),
                (3, "KEL2", "Kelurahan Dua", "kelurahan", 1, "/KEC/KEL2/", "Contoh"),
                (4, "DIN", "Dinas Contoh", "dinas", None, "/DIN/", "Kota Medan"),
            ],
        )
        units = {1: 2, 2: 2, 3: 2, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4}
        bulk_insert(
            conn,
            Employee.__table__,
            ["id", "nip", "name", "unit_id"],
            [(e, f"19800101200501100{e}", f"Pegawai {e}", u) for e, u in units.items()],
        )
        bulk_insert(
            conn,
            TrainingProgram.__table__,
            [
                "id",
                "code",
                "name",
                "competency_type",
                "method",
                "track",
                "provider",
                "start_date",
                "end_date",
                "jp",
            ],
            [
                (
                    1,
                    "P1",
                    "Pelatihan Layanan Digital Angkatan I Tahun 2025",
                    "teknis",
                    "pelatihan",
                    "klasikal",
                    "BKPSDM",
                    date(2025, 2, 7),
                    date(2025, 2, 10),
                    24,
                ),
                (
                    2,
                    "P2",
                    "Pelatihan Layanan Digital Angkatan II Tahun 2025",
                    "teknis",
                    "pelatihan",
                    "klasikal",
                    "LAN",
                    date(2025, 5, 17),
                    date(2025, 5, 20),
                    24,
                ),
                (
                    3,
                    "P3",
                    "Seminar Etika Pelayanan",
                    "sosial_kultural",
                    "seminar",
                    "klasikal",
                    "BKPSDM",
                    date(2024, 8, 1),
                    date(2024, 8, 1),
                    4,
                ),
            ],
        )
        bulk_insert(
            conn,
            TrainingParticipation.__table__,
            [
                "id",
                "program_id",
                "employee_id",
                "pre_score",
                "post_score",
                "reaction_material",
                "reaction_trainer",
                "reaction_usefulness",
                "status",
            ],
            [
                (1, 1, 1, 60.0, 70.0, 4.0, 5.0, 4.0, "lulus"),
                (2, 1, 2, 55.0, 60.0, 5.0, 5.0, 5.0, "lulus"),
                (3, 1, 3, 70.0, None, 3.0, 4.0, None, "tidak_lulus"),
                (4, 1, 7, None, None, None, None, None, "tidak_hadir"),
                (5, 2, 4, 40.0, 55.0, 4.0, 4.0, 4.0, "lulus"),
                (6, 2, 5, 80.0, 85.0, 4.0, 3.0, 5.0, "lulus"),
                (7, 3, 6, None, 66.0, 3.0, 3.0, 3.0, "lulus"),
                (8, 3, 8, 50.0, 50.0, 2.0, 3.0, 2.0, "lulus"),
            ],
        )
        bulk_insert(
            conn,
            Performance.__table__,
            ["id", "employee_id", "period", "period_start", "period_end", "score", "rating"],
            [
                (1, 1, "2024-Q4", date(2024, 10, 1), date(2024, 12, 31), 80.0, "Baik"),
                (2, 1, "2025-Q1", date(2025, 1, 1), date(2025, 3, 31), 81.0, "Baik"),
                (3, 1, "2024", date(2024, 1, 1), date(2024, 12, 31), 79.0, "Baik"),
                (4, 5, "2025-Q2", date(2025, 4, 1), date(2025, 6, 30), None, "Baik"),
            ],
        )
        bulk_insert(
            conn,
            ServiceStat.__table__,
            ["id", "unit_id", "period", "period_start", "period_end", "services", "mean_days", "pct_on_time"],
            [
                (1, 2, "2025-01", date(2025, 1, 1), date(2025, 1, 31), 100, 4.0, 80.0),
                (2, 2, "2025-02", date(2025, 2, 1), date(2025, 2, 28), 300, 2.0, 90.0),
                (3, 2, "2025-03", date(2025, 3, 1), date(2025, 3, 31), 100, None, None),
            ],
        )
        bulk_insert(
            conn,
            Complaint.__table__,
            ["id", "number", "complaint_date", "unit_id", "text", "status"],
            [
                (1, "C1", date(2025, 1, 15), 2, "Antrian lama", "selesai"),
                (2, "C2", date(2025, 3, 31), 2, "Petugas lambat", "proses"),
                (3, "C3", date(2025, 2, 1), 3, "Tidak ada kabar", "belum"),
            ],
        )
        columns = ["unit_id", "response_date", *UNSUR]
        bulk_insert(
            conn,
            SurveyResponse.__table__,
            columns,
            [
                (2, date(2025, 1, 20), *[4] * 9),
                (2, date(2025, 2, 20), *[3] * 9),
                (2, date(2025, 4, 20), *[2] * 9),
            ],
        )
        refresh_survey_monthly(conn, [2])
