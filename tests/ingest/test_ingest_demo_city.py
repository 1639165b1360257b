"""Files that refer to the demo city's units and employees validate against it, and preparing writes nothing."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from lib.ingest import ImportOptions, prepare_upload
from lib.ingest.batches import DATA_TABLES
from lib.models import Employee, Unit


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in DATA_TABLES}


def test_files_for_the_demo_city_validate_and_prepare_writes_nothing(demo_engine: Engine) -> None:
    before = _counts(demo_engine)
    with demo_engine.connect() as conn:
        units = conn.execute(select(Unit.code, Unit.name).order_by(Unit.path).limit(3)).all()
        nips = conn.execute(select(Employee.nip).order_by(Employee.id).limit(2)).scalars().all()
    survey = "tanggal;unit;U1;U2;U3;U4;U5;U6;U7;U8;U9\n" + "".join(
        f"2025-0{i + 1}-15;{name};4;3;3;4;3;4;4;3;3\n" for i, (_code, name) in enumerate(units)
    )  # unit names instead of codes, as a Google Form's drop-down gives them
    prepared = prepare_upload(survey.encode(), "skm.csv", "survei", demo_engine, ImportOptions())
    assert not prepared.errors, [p.sentence() for p in prepared.errors]
    assert prepared.rows_valid == len(units)
    performance = "nip,periode,nilai\n" + "".join(f"{nip},2025-Q1,80\n" for nip in nips)
    prepared = prepare_upload(performance.encode(), "skp.csv", "kinerja", demo_engine, ImportOptions())
    assert not prepared.errors and prepared.rows_valid == len(nips)
    assert _counts(demo_engine) == before
