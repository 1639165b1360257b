"""Parallel survey imports and undos leave ``survey_monthly`` equal to a recomputation.

On PostgreSQL the old read-delete-reinsert of months lost one import's responses
or failed on ``survey_monthly_pkey`` when two imports overlapped; the writers now
add deltas atomically. On SQLite the same test runs (writers queue on the
database lock), so both databases are held to the same result.
"""

from __future__ import annotations

import threading
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine, select

from lib.ingest import ImportOptions, import_upload, prepare_upload, undo_import
from lib.models import UNSUR, SurveyMonthly, SurveyResponse
from lib.queries.aggregates import VALUE_COLUMNS, add_survey_monthly_deltas

UNITS = ("PKM-BLW", "KEL-BLW1", "KEC-MBLW", "DINKES")


def _survey_csv(seed: int, rows: int = 600) -> bytes:
    """A survey file over all four units and six months, different for every seed."""
    rng = np.random.default_rng(seed)
    start = date(2025, 1, 1)
    lines = ["tanggal,kode_unit," + ",".join(f"U{i}" for i in range(1, 10))]
    for _ in range(rows):
        day = start + timedelta(days=int(rng.integers(0, 180)))
        answers = [str(int(a)) for a in rng.integers(1, 5, size=9)]
        if rng.random() < 0.1:
            answers[int(rng.integers(0, 9))] = ""  # an unanswered unsur: n_ and sum_ differ per unsur
        lines.append(f"{day.isoformat()},{UNITS[int(rng.integers(0, 4))]}," + ",".join(answers))
    return ("\n".join(lines) + "\n").encode()


def _recomputed(engine: Engine) -> pd.DataFrame:
    """``survey_monthly`` as a GROUP BY over the stored responses, computed in pandas."""
    sr = SurveyResponse.__table__
    with engine.connect() as conn:
        rows = pd.DataFrame(
            conn.execute(select(sr.c.unit_id, sr.c.response_date, *sr.c[UNSUR])).mappings().all()
        )
    if rows.empty:
        return pd.DataFrame(columns=["unit_id", "month", *VALUE_COLUMNS])
    rows["month"] = pd.to_datetime(rows["response_date"]).dt.to_period("M").dt.to_timestamp().dt.date
    aggregations: dict[str, tuple[str, str]] = {"respondents": ("unit_id", "size")}
    for name in UNSUR:
        rows[name] = rows[name].astype("float64")
        aggregations[f"sum_{name}"] = (name, "sum")
        aggregations[f"n_{name}"] = (name, "count")
    out = rows.groupby(["unit_id", "month"]).agg(**aggregations).reset_index()
    return out[["unit_id", "month", *VALUE_COLUMNS]].astype({c: "int64" for c in VALUE_COLUMNS})


def _stored(engine: Engine) -> pd.DataFrame:
    sm = SurveyMonthly.__table__
    with engine.connect() as conn:
        out = pd.DataFrame(
            conn.execute(select(sm)).mappings().all(), columns=["unit_id", "month", *VALUE_COLUMNS]
        )
    out["month"] = [m if isinstance(m, date) else date.fromisoformat(str(m)[:10]) for m in out["month"]]
    return out[["unit_id", "month", *VALUE_COLUMNS]].astype({c: "int64" for c in VALUE_COLUMNS})


def _assert_equal(engine: Engine) -> None:
    key = ["unit_id", "month"]
    expected = _recomputed(engine).sort_values(key).reset_index(drop=True)
    stored = _stored(engine).sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(stored, expected, check_dtype=False)


def test_parallel_imports_and_undos_keep_the_monthly_aggregate_exact(
    engine: Engine, city: dict[str, int]
) -> None:
    prepared = [
        prepare_upload(_survey_csv(seed), f"skm-{seed}.csv", "survei", engine, ImportOptions())
        for seed in range(10)
    ]
    assert all(p.can_import for p in prepared)
    # two imports stored first, so that two undos can run beside the next imports
    first = [import_upload(engine, p, user="evaluator") for p in prepared[:2]]
    assert all(r.outcome == "imported" for r in first)
    results: list[object] = []
    failures: list[BaseException] = []
    barrier = threading.Barrier(6)

    def run(job) -> None:  # type: ignore[no-untyped-def]
        try:
            barrier.wait(timeout=30)
            results.append(job())
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)

    jobs = [lambda p=p: import_upload(engine, p, user="evaluator") for p in prepared[2:6]]
    jobs += [lambda r=r: undo_import(engine, r.batch_id, user="evaluator") for r in first]
    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    imported = [r for r in results if getattr(r, "outcome", None) == "imported"]
    assert len(imported) == 4, [getattr(r, "problems", r) for r in results]
    _assert_equal(engine)
    assert _stored(engine)["respondents"].sum() == 4 * 600

    # a second round: undo two of the parallel imports while two more come in
    barrier = threading.Barrier(4)
    results.clear()
    jobs = [lambda p=p: import_upload(engine, p, user="evaluator") for p in prepared[6:8]]
    jobs += [lambda r=r: undo_import(engine, r.batch_id, user="evaluator") for r in imported[:2]]  # type: ignore[attr-defined]
    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    _assert_equal(engine)
    assert _stored(engine)["respondents"].sum() == 4 * 600


def test_deltas_add_and_a_month_emptied_by_undo_disappears(engine: Engine, city: dict[str, int]) -> None:
    unit = city["PKM-BLW"]
    march = date(2025, 3, 1)
    row = {"unit_id": unit, "month": march, **dict.fromkeys(VALUE_COLUMNS, 0)}
    plus = pd.DataFrame([{**row, "respondents": 2, "sum_persyaratan": 7, "n_persyaratan": 2}])
    with engine.begin() as conn:
        add_survey_monthly_deltas(conn, plus)
        add_survey_monthly_deltas(conn, plus)
    stored = _stored(engine).iloc[0]
    assert (stored["respondents"], stored["sum_persyaratan"], stored["n_persyaratan"]) == (4, 14, 4)
    minus = pd.DataFrame([{**row, "respondents": -4, "sum_persyaratan": -14, "n_persyaratan": -4}])
    with engine.begin() as conn:
        add_survey_monthly_deltas(conn, minus)
    assert _stored(engine).empty


@pytest.mark.parametrize("seed", [11])
def test_undo_after_import_restores_the_previous_aggregate(
    engine: Engine, city: dict[str, int], seed: int
) -> None:
    before = import_upload(engine, prepare_upload(_survey_csv(seed), "a.csv", "survei", engine), user="e")
    snapshot = _stored(engine)
    later = import_upload(engine, prepare_upload(_survey_csv(seed + 1), "b.csv", "survei", engine), user="e")
    undo_import(engine, later.batch_id, user="e")
    pd.testing.assert_frame_equal(
        _stored(engine).sort_values(["unit_id", "month"]).reset_index(drop=True),
        snapshot.sort_values(["unit_id", "month"]).reset_index(drop=True),
    )
    assert before.outcome == "imported"
