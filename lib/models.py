"""SQLModel tables: every kind of record an evaluator uploads, plus the import log.

Identifiers are English; the unsur columns keep their regulation names
(PermenPANRB 14/2017) because that is how every user knows them. Each imported
row carries ``import_id`` so that one import can be undone exactly.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Column, Index, LargeBinary, SmallInteger, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

#: The nine unsur in the regulation's order (U1..U9).
UNSUR: tuple[str, ...] = (
    "persyaratan",
    "prosedur",
    "waktu",
    "biaya",
    "produk",
    "kompetensi",
    "perilaku",
    "pengaduan",
    "sarana",
)


def _now() -> datetime:
    return datetime.now(UTC)


class ImportBatch(SQLModel, table=True):
    """One upload (or demo load): who, what file, what happened, and whether it was undone."""

    __tablename__ = "import_batch"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=_now)
    user: str = Field(default="system", max_length=120)
    file_name: str = Field(max_length=255)
    content_hash: str = Field(max_length=64, index=True)
    kind: str = Field(max_length=20, index=True)
    rows_total: int = 0
    rows_inserted: int = 0
    rows_updated: int = 0
    rows_rejected: int = 0
    #: imported | refused | undone
    outcome: str = Field(default="imported", max_length=20)
    message: str | None = Field(default=None, sa_column=Column(Text))
    undone_at: datetime | None = None


class ImportChange(SQLModel, table=True):
    """A row an import updated, with its values before, so that undo can restore it."""

    __tablename__ = "import_change"

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(foreign_key="import_batch.id", index=True, ondelete="CASCADE")
    table_name: str = Field(max_length=40)
    row_id: int
    #: JSON object of the columns as they were before the import touched them.
    before: str = Field(sa_column=Column(Text, nullable=False))


class Unit(SQLModel, table=True):
    """A unit kerja / unit layanan. ``path`` (``/ROOT/…/CODE/``) makes subtree queries one LIKE."""

    __tablename__ = "unit"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=200)
    kind: str = Field(max_length=40, index=True)
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    path: str = Field(max_length=400, index=True)
    region: str | None = Field(default=None, max_length=120, index=True)
    service_population: int | None = None
    import_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class Employee(SQLModel, table=True):
    """An ASN, identified by NIP; gender and birth date are derived from the NIP."""

    __tablename__ = "employee"

    id: int | None = Field(default=None, primary_key=True)
    nip: str = Field(max_length=18, unique=True)
    name: str = Field(max_length=200)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    position: str | None = Field(default=None, max_length=200)
    #: struktural | fungsional | pelaksana
    position_type: str | None = Field(default=None, max_length=20)
    #: golongan, e.g. III/a
    grade: str | None = Field(default=None, max_length=10)
    gender: str | None = Field(default=None, max_length=1)
    birth_date: date | None = None
    import_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class TrainingProgram(SQLModel, table=True):
    """A training programme (one run of a course); participants are in TrainingParticipation."""

    __tablename__ = "training_program"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=200)
    #: teknis | manajerial | sosial_kultural
    competency_type: str = Field(max_length=20, index=True)
    method: str = Field(max_length=60)
    #: klasikal | nonklasikal (derived from method)
    track: str = Field(max_length=12)
    provider: str | None = Field(default=None, max_length=200)
    start_date: date = Field(index=True)
    end_date: date
    jp: int
    import_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class TrainingParticipation(SQLModel, table=True):
    """One employee in one programme, with pre/post test and reaction scores."""

    __tablename__ = "training_participation"
    __table_args__ = (UniqueConstraint("program_id", "employee_id"),)

    id: int | None = Field(default=None, primary_key=True)
    program_id: int = Field(foreign_key="training_program.id", index=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    pre_score: float | None = None
    post_score: float | None = None
    reaction_material: float | None = None
    reaction_trainer: float | None = None
    reaction_usefulness: float | None = None
    #: lulus | tidak_lulus | tidak_hadir
    status: str = Field(default="lulus", max_length=12)
    import_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class Performance(SQLModel, table=True):
    """An SKP result for one employee and period (YYYY, YYYY-Qn or YYYY-MM)."""

    __tablename__ = "performance"
    __table_args__ = (UniqueConstraint("employee_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    employee_id: int = Field(foreign_key="employee.id", index=True)
    period: str = Field(max_length=7)
    period_start: date = Field(index=True)
    period_end: date
    score: float | None = None
    #: Sangat Baik | Baik | Butuh Perbaikan | Kurang | Sangat Kurang
    rating: str | None = Field(default=None, max_length=20)
    import_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class ServiceStat(SQLModel, table=True):
    """Service volume and speed of a unit in a period; the denominator of complaint rates."""

    __tablename__ = "service_stat"
    __table_args__ = (UniqueConstraint("unit_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    period: str = Field(max_length=7)
    period_start: date = Field(index=True)
    period_end: date
    services: int
    mean_days: float | None = None
    pct_on_time: float | None = None
    import_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


def _unsur_field() -> int | None:
    return Field(default=None, sa_type=SmallInteger)


class SurveyResponse(SQLModel, table=True):
    """One SKM respondent. Unsur answers are 1–4; NULL means the respondent left it blank."""

    __tablename__ = "survey_response"
    __table_args__ = (Index("ix_survey_response_unit_date", "unit_id", "response_date"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    response_date: date = Field(index=True)
    service_type: str | None = Field(default=None, max_length=200)
    #: L | P
    gender: str | None = Field(default=None, max_length=1)
    age: int | None = Field(default=None, sa_type=SmallInteger)
    education: str | None = Field(default=None, max_length=40)
    occupation: str | None = Field(default=None, max_length=60)
    persyaratan: int | None = _unsur_field()
    prosedur: int | None = _unsur_field()
    waktu: int | None = _unsur_field()
    biaya: int | None = _unsur_field()
    produk: int | None = _unsur_field()
    kompetensi: int | None = _unsur_field()
    perilaku: int | None = _unsur_field()
    pengaduan: int | None = _unsur_field()
    sarana: int | None = _unsur_field()
    suggestion: str | None = Field(default=None, sa_column=Column(Text))
    import_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class SurveyMonthly(SQLModel, table=True):
    """Per unit and month: respondents, and per unsur the sum and count of answers.

    NRR and IKM are exact functions of these sums, so pages read ~30k rows instead
    of millions. Rebuilt for the affected units by ``lib.queries.aggregates``
    after every import, undo and demo load.
    """

    __tablename__ = "survey_monthly"

    unit_id: int = Field(foreign_key="unit.id", primary_key=True)
    month: date = Field(primary_key=True)
    respondents: int
    sum_persyaratan: int = 0
    n_persyaratan: int = 0
    sum_prosedur: int = 0
    n_prosedur: int = 0
    sum_waktu: int = 0
    n_waktu: int = 0
    sum_biaya: int = 0
    n_biaya: int = 0
    sum_produk: int = 0
    n_produk: int = 0
    sum_kompetensi: int = 0
    n_kompetensi: int = 0
    sum_perilaku: int = 0
    n_perilaku: int = 0
    sum_pengaduan: int = 0
    n_pengaduan: int = 0
    sum_sarana: int = 0
    n_sarana: int = 0


class Complaint(SQLModel, table=True):
    """A public complaint (pengaduan). ``category`` may be empty: the classifier fills ``predicted_category``."""

    __tablename__ = "complaint"
    __table_args__ = (Index("ix_complaint_unit_date", "unit_id", "complaint_date"),)

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=60, unique=True)
    complaint_date: date = Field(index=True)
    unit_id: int = Field(foreign_key="unit.id")
    channel: str | None = Field(default=None, max_length=40)
    category: str | None = Field(default=None, max_length=60)
    predicted_category: str | None = Field(default=None, max_length=60)
    predicted_confidence: float | None = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    #: belum | proses | selesai
    status: str = Field(max_length=10, index=True)
    resolved_date: date | None = None
    import_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


class AppUser(SQLModel, table=True):
    """A local account (used when no OpenID Connect provider is configured)."""

    __tablename__ = "app_user"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=80, unique=True)
    full_name: str | None = Field(default=None, max_length=200)
    #: argon2 hash; never the password itself
    password_hash: str | None = Field(default=None, max_length=255)
    #: pimpinan | evaluator | manager | admin
    role: str = Field(max_length=20)
    #: for role manager: the unit whose subtree they may see
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    #: e-mail as given by the OpenID Connect provider, to match an SSO sign-in to a role
    email: str | None = Field(default=None, max_length=200, index=True)
    active: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = None
    created_at: datetime = Field(default_factory=_now)
    last_login_at: datetime | None = None


class AuditLog(SQLModel, table=True):
    """Who did what and when: sign-ins (and failures), imports, undos, exports, user changes."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=_now, index=True)
    username: str | None = Field(default=None, max_length=200, index=True)
    action: str = Field(max_length=40, index=True)
    detail: str | None = Field(default=None, sa_column=Column(Text))


# --- Stored analysis results and the background job queue (lib/results) ---------------------


class DataSource(SQLModel, table=True):
    """A version counter per kind of input data, bumped by every write (import, undo, demo, labels).

    A stored result records the versions of the sources it was computed from; it is fresh while
    they are unchanged. Counters never go down, so a result is never mistaken for fresh after an
    undo that restores the earlier rows.
    """

    __tablename__ = "data_source"

    source: str = Field(primary_key=True, max_length=40)
    version: int = 0
    changed_at: datetime = Field(default_factory=_now)


class AnalysisResult(SQLModel, table=True):
    """One stored value of a registered analysis for one parameter set."""

    __tablename__ = "analysis_result"
    __table_args__ = (UniqueConstraint("name", "params_key", name="uq_analysis_result_name_params"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80)
    #: canonical JSON of the parameters (sorted keys); short enough to index
    params_key: str = Field(max_length=64)
    params: str = Field(sa_column=Column(Text, nullable=False))
    #: JSON object source -> version the value was computed from
    input_version: str = Field(sa_column=Column(Text, nullable=False))
    code_version: int = 1
    computed_at: datetime = Field(default_factory=_now)
    seconds: float = 0.0
    payload: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class AnalysisJob(SQLModel, table=True):
    """The queue: one row per requested computation, claimed by a conditional UPDATE."""

    __tablename__ = "analysis_job"
    __table_args__ = (Index("ix_analysis_job_status_id", "status", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80)
    params_key: str = Field(max_length=64, index=True)
    params: str = Field(sa_column=Column(Text, nullable=False))
    #: queued | running | done | failed
    status: str = Field(default="queued", max_length=12)
    enqueued_at: datetime = Field(default_factory=_now)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    worker: str | None = Field(default=None, max_length=80)
    error: str | None = Field(default=None, sa_column=Column(Text))


#: Tables in the order they can be filled (parents first); reverse it to empty them.
TABLES_IN_LOAD_ORDER: tuple[type[SQLModel], ...] = (
    ImportBatch,
    ImportChange,
    Unit,
    Employee,
    TrainingProgram,
    TrainingParticipation,
    Performance,
    ServiceStat,
    SurveyResponse,
    SurveyMonthly,
    Complaint,
    AppUser,
    AuditLog,
    DataSource,
    AnalysisResult,
    AnalysisJob,
)
