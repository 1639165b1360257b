"""The small demo city as built by the session fixture: valid, consistent, and carrying its planted effects.

Read-only on ``demo_engine``; every check runs in SQL or on small aggregates.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest
from scipy.stats import poisson
from sqlalchemy import Engine, and_, func, select

from lib.demo import DEMO_END, DEMO_START, planted_effects
from lib.demo.performance import RATING_BANDS
from lib.models import (
    UNSUR,
    Complaint,
    Employee,
    ImportBatch,
    Performance,
    ServiceStat,
    SurveyMonthly,
    SurveyResponse,
    TrainingParticipation,
    TrainingProgram,
    Unit,
)
from lib.queries.sqlfn import month_start

NIP = re.compile(r"^(\d{8})(\d{6})([12])(\d{3})$")
PLANTED = planted_effects("small", 2026)


def _frame(engine: Engine, query) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def _scalar(engine: Engine, query):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def _units(engine: Engine) -> pd.DataFrame:
    u = Unit.__table__
    return _frame(engine, select(u.c.id, u.c.code, u.c.name, u.c.kind, u.c.region, u.c.parent_id, u.c.path))


def test_every_nip_is_valid_unique_and_agrees_with_gender_and_birth_date(demo_engine: Engine) -> None:
    e = Employee.__table__
    staff = _frame(demo_engine, select(e.c.nip, e.c.gender, e.c.birth_date, e.c.grade, e.c.position_type))
    assert len(staff) == 2000
    assert staff["nip"].is_unique
    for nip, gender, birth in zip(
        staff["nip"], staff["gender"], pd.to_datetime(staff["birth_date"]), strict=True
    ):
        match = NIP.match(nip)
        assert match, nip
        born = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))  # raises if not a real date
        tmt_year, tmt_month = int(nip[8:12]), int(nip[12:14])
        assert 1 <= tmt_month <= 12 and born.year + 18 < tmt_year <= 2023
        assert born == birth.date()
        assert gender == ("L" if match.group(3) == "1" else "P")
    assert set(staff["position_type"]) == {"struktural", "fungsional", "pelaksana"}
    assert staff["grade"].str.match(r"^(II|III|IV)/[a-e]$").all()


def test_unsur_answers_are_one_to_four_or_blank(demo_engine: Engine) -> None:
    sr = SurveyResponse.__table__
    for name in UNSUR:
        outside = _scalar(
            demo_engine,
            select(func.count()).where(sr.c[name].is_not(None), ~sr.c[name].between(1, 4)),
        )
        assert outside == 0, name
        blanks = _scalar(demo_engine, select(func.count()).where(sr.c[name].is_(None)))
        assert blanks > 0, f"{name}: occasional blanks expected"
    total = _scalar(demo_engine, select(func.count()).select_from(sr))
    assert 60_000 <= total <= 100_000


@pytest.mark.parametrize(
    ("child", "column", "parent"),
    [
        (Unit, "parent_id", Unit),
        (Employee, "unit_id", Unit),
        (TrainingParticipation, "program_id", TrainingProgram),
        (TrainingParticipation, "employee_id", Employee),
        (Performance, "employee_id", Employee),
        (ServiceStat, "unit_id", Unit),
        (SurveyResponse, "unit_id", Unit),
        (SurveyMonthly, "unit_id", Unit),
        (Complaint, "unit_id", Unit),
    ],
)
def test_foreign_keys_are_intact(demo_engine: Engine, child, column, parent) -> None:  # type: ignore[no-untyped-def]
    c = child.__table__.alias("c")
    p = parent.__table__.alias("p")
    orphans = _scalar(
        demo_engine,
        select(func.count())
        .select_from(c.outerjoin(p, c.c[column] == p.c.id))
        .where(c.c[column].is_not(None), p.c.id.is_(None)),
    )
    assert orphans == 0


def test_every_row_belongs_to_the_one_demo_import(demo_engine: Engine) -> None:
    b = ImportBatch.__table__
    with demo_engine.connect() as conn:
        batches = conn.execute(select(b.c.id, b.c.kind, b.c.file_name, b.c.rows_total)).all()
    assert len(batches) == 1
    batch = batches[0]
    assert (batch.kind, batch.file_name) == ("demo", "demo:small:2026")
    total = 0
    for model in (
        Unit,
        Employee,
        TrainingProgram,
        TrainingParticipation,
        Performance,
        ServiceStat,
        SurveyResponse,
        Complaint,
    ):
        t = model.__table__
        assert _scalar(demo_engine, select(func.count()).where(t.c.import_id.is_distinct_from(batch.id))) == 0
        total += _scalar(demo_engine, select(func.count()).select_from(t))
    assert batch.rows_total == total


def test_survey_monthly_equals_a_group_by_over_responses(demo_engine: Engine) -> None:
    sr = SurveyResponse.__table__
    sm = SurveyMonthly.__table__
    month = month_start(sr.c.response_date)
    columns = [sr.c.unit_id, month.label("month"), func.count().label("respondents")]
    for name in UNSUR:
        columns += [
            func.coalesce(func.sum(sr.c[name]), 0).label(f"sum_{name}"),
            func.count(sr.c[name]).label(f"n_{name}"),
        ]
    expected = _frame(demo_engine, select(*columns).group_by(sr.c.unit_id, month))
    stored = _frame(demo_engine, select(sm))
    key = ["unit_id", "month"]
    for frame in (expected, stored):
        frame["month"] = pd.to_datetime(frame["month"])
    expected = expected.sort_values(key).reset_index(drop=True)
    stored = stored[expected.columns].sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(expected, stored, check_dtype=False)


def test_dates_lie_in_the_demo_period(demo_engine: Engine) -> None:
    for column in (SurveyResponse.__table__.c.response_date, Complaint.__table__.c.complaint_date):
        with demo_engine.connect() as conn:
            low, high = conn.execute(select(func.min(column), func.max(column))).one()
        assert pd.Timestamp(DEMO_START) <= pd.Timestamp(low) and pd.Timestamp(high) <= pd.Timestamp(DEMO_END)


def test_periods_are_quarterly_skp_and_monthly_service_stats(demo_engine: Engine) -> None:
    p = Performance.__table__
    perf = _frame(demo_engine, select(p.c.period, p.c.score, p.c.rating))
    assert perf["period"].str.match(r"^\d{4}-Q[1-4]$").all()
    for bound, label in RATING_BANDS:
        assert (perf.loc[perf["rating"] == label, "score"] >= bound).all()
    ranked = [label for _, label in RATING_BANDS]
    upper = {label: (RATING_BANDS[i - 1][0] if i else 101.0) for i, label in enumerate(ranked)}
    assert (perf["score"] < perf["rating"].map(upper)).all()
    s = ServiceStat.__table__
    assert _frame(demo_engine, select(s.c.period))["period"].str.match(r"^\d{4}-\d{2}$").all()


def test_kecamatan_and_belawan_are_real(demo_engine: Engine) -> None:
    units = _units(demo_engine)
    kecamatan = units[units["kind"] == "kecamatan"]
    assert len(kecamatan) == 21 and kecamatan["region"].str.startswith("Medan ").all()
    belawan = set(units[(units["kind"] == "kelurahan") & (units["region"] == "Medan Belawan")]["name"])
    assert belawan == {
        f"Kelurahan {n}"
        for n in (
            "Belawan I",
            "Belawan II",
            "Belawan Bahari",
            "Belawan Bahagia",
            "Belawan Sicanang",
            "Bagan Deli",
        )
    }
    by_id = units.set_index("id")
    puskesmas = units[units["kind"] == "puskesmas"]
    assert (by_id.loc[puskesmas["parent_id"], "code"] == "DINKES").all()
    kelurahan = units[units["kind"] == "kelurahan"]
    assert (by_id.loc[kelurahan["parent_id"], "kind"] == "kecamatan").all()
    assert units.loc[units["code"] == "KEL-BLW1", "path"].item() == "/KEC-MBLW/KEL-BLW1/"


def test_planted_units_and_programmes_exist(demo_engine: Engine) -> None:
    units = _units(demo_engine).set_index("code")
    for code in [*PLANTED.digital_cohorts, *PLANTED.weak_units, *PLANTED.healthy_units]:
        assert code in units.index
    assert units.loc[PLANTED.rising_complaints_unit, "kind"] == "kelurahan"
    assert set(units.loc[list(PLANTED.digital_cohorts), "kind"]) <= {"kelurahan", "kecamatan"}
    tp = TrainingProgram.__table__
    codes = set(_frame(demo_engine, select(tp.c.code))["code"])
    assert set(PLANTED.program_true_gain) <= codes
    pa = TrainingParticipation.__table__
    for code in PLANTED.null_program_codes:
        both_tests = _scalar(
            demo_engine,
            select(func.count())
            .select_from(pa.join(tp, pa.c.program_id == tp.c.id))
            .where(tp.c.code == code, pa.c.pre_score.is_not(None), pa.c.post_score.is_not(None)),
        )
        assert both_tests >= 25


def test_cohort_staff_mostly_trained_in_their_quarter(demo_engine: Engine) -> None:
    e, pa, tp, u = (
        Employee.__table__,
        TrainingParticipation.__table__,
        TrainingProgram.__table__,
        Unit.__table__,
    )
    staff = _frame(
        demo_engine,
        select(u.c.code, func.count().label("staff")).join(e, e.c.unit_id == u.c.id).group_by(u.c.code),
    ).set_index("code")["staff"]
    trained = _frame(
        demo_engine,
        select(u.c.code, tp.c.start_date, pa.c.employee_id)
        .select_from(
            pa.join(tp, pa.c.program_id == tp.c.id)
            .join(e, pa.c.employee_id == e.c.id)
            .join(u, e.c.unit_id == u.c.id)
        )
        .where(tp.c.code.in_(PLANTED.digital_program_codes)),
    )
    trained["quarter"] = pd.to_datetime(trained["start_date"]).dt.to_period("Q").dt.start_time.dt.date
    for code, quarter in PLANTED.digital_cohorts.items():
        mine = trained[(trained["code"] == code) & (trained["quarter"] == quarter)]
        assert mine["employee_id"].nunique() >= 0.7 * staff[code], code
    assert set(trained["code"]) == set(PLANTED.digital_cohorts)


def test_rising_unit_complains_more_about_waiting_lately(demo_engine: Engine) -> None:
    c, u = Complaint.__table__, Unit.__table__
    rows = _frame(
        demo_engine,
        select(c.c.complaint_date)
        .join(u, c.c.unit_id == u.c.id)
        .where(and_(u.c.code == PLANTED.rising_complaints_unit, c.c.category == PLANTED.rising_theme)),
    )
    dates = pd.to_datetime(rows["complaint_date"])
    recent = int((dates >= pd.Timestamp(PLANTED.rising_start)).sum())
    earlier = int((dates < pd.Timestamp(PLANTED.rising_start)).sum())
    months_before = (
        (PLANTED.rising_start.year - DEMO_START.year) * 12 + PLANTED.rising_start.month - DEMO_START.month
    )
    expected_recent = earlier / months_before * 6
    assert recent > 1.5 * expected_recent
    assert poisson.sf(recent - 1, expected_recent) < 0.001


def test_complaints_look_like_a_real_log(demo_engine: Engine) -> None:
    c = Complaint.__table__
    log = _frame(
        demo_engine,
        select(
            c.c.number, c.c.complaint_date, c.c.channel, c.c.category, c.c.text, c.c.status, c.c.resolved_date
        ),
    )
    assert 5_000 <= len(log) <= 8_000 and log["number"].is_unique
    assert 0.35 <= log["category"].isna().mean() <= 0.45
    assert set(log["category"].dropna()) == {
        "waktu",
        "perilaku",
        "biaya",
        "prosedur",
        "sarana",
        "informasi",
        "sistem",
        "lainnya",
    }
    assert set(log["channel"]) == {"LAPOR!", "WhatsApp", "langsung", "email", "media sosial", "telepon"}
    done = log["status"] == "selesai"
    assert log.loc[done, "resolved_date"].notna().all() and log.loc[~done, "resolved_date"].isna().all()
    assert (
        pd.to_datetime(log.loc[done, "resolved_date"]) >= pd.to_datetime(log.loc[done, "complaint_date"])
    ).all()
    assert set(log["status"]) == {"belum", "proses", "selesai"}
    text = log["text"]
    assert text.str.contains(r"\b08\d{8,11}\b|\b08\d{2}-\d{4}-\d{3,4}\b").mean() > 0.02
    assert text.str.contains(r"\b1275\d{12}\b").mean() > 0.01
    assert text.str.contains(r"[\w.]+@[\w.]+\.\w+").mean() > 0.005
    slang = r"\b(?:yg|tdk|gak|ga|nggak|gk|bgt|udh|udah|sdh|blm|tlg|sy|aja|mulu|krn|utk|dgn)\b"
    assert text.str.contains(slang).mean() > 0.3
    assert text.nunique() > 0.95 * len(text)


def test_about_forty_percent_of_staff_miss_twenty_jp(demo_engine: Engine) -> None:
    e, pa, tp = Employee.__table__, TrainingParticipation.__table__, TrainingProgram.__table__
    jp = _frame(
        demo_engine,
        select(pa.c.employee_id, func.sum(tp.c.jp).label("jp"))
        .join(tp, pa.c.program_id == tp.c.id)
        .where(
            pa.c.status != "tidak_hadir",
            tp.c.start_date >= date(2025, 1, 1),
            tp.c.start_date < date(2026, 1, 1),
        )
        .group_by(pa.c.employee_id),
    ).set_index("employee_id")["jp"]
    ids = _frame(demo_engine, select(e.c.id))["id"]
    yearly = jp.reindex(ids, fill_value=0)
    assert 0.3 <= (yearly < 20).mean() <= 0.5


def test_weak_and_healthy_units_stand_out(demo_engine: Engine) -> None:
    sm, u = SurveyMonthly.__table__, Unit.__table__
    sums = _frame(
        demo_engine,
        select(
            u.c.code,
            *[func.sum(sm.c[f"sum_{n}"]).label(f"s_{n}") for n in UNSUR],
            *[func.sum(sm.c[f"n_{n}"]).label(f"n_{n}") for n in UNSUR],
        )
        .join(u, sm.c.unit_id == u.c.id)
        .group_by(u.c.code),
    ).set_index("code")
    ikm = sum(sums[f"s_{n}"] / sums[f"n_{n}"] for n in UNSUR) * 0.111 * 25
    assert (ikm[PLANTED.healthy_units] >= 88.31).all()
    assert (ikm[PLANTED.weak_units] < 76.61).all()
    assert 76.61 <= ikm.median() < 88.31
