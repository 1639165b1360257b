"""``python -m lib demo``: builds reproducibly, refuses to overwrite, skips when asked, replaces cleanly."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import Engine, func, insert, select

from lib.cli import main
from lib.models import UNSUR, AppUser, Complaint, Employee, ImportBatch, Performance, SurveyResponse, Unit


def _checksum(engine: Engine) -> str:
    """A digest of a sample of every kind of row, independent of database ids."""
    u, e, s, c, p = (
        Unit.__table__,
        Employee.__table__,
        SurveyResponse.__table__,
        Complaint.__table__,
        Performance.__table__,
    )
    digest = hashlib.sha256()
    with engine.connect() as conn:
        queries = [
            select(u.c.code, u.c.name, u.c.kind, u.c.path, u.c.region).order_by(u.c.code),
            select(e.c.nip, e.c.name, e.c.position, e.c.grade).order_by(e.c.nip),
            select(u.c.code, func.count(), *[func.sum(s.c[n]) for n in UNSUR])
            .join(u, s.c.unit_id == u.c.id)
            .group_by(u.c.code)
            .order_by(u.c.code),
            select(c.c.number, c.c.complaint_date, c.c.category, c.c.status, c.c.text)
            .order_by(c.c.number)
            .limit(300),
            select(e.c.nip, p.c.period, p.c.score, p.c.rating)
            .join(e, p.c.employee_id == e.c.id)
            .order_by(e.c.nip, p.c.period)
            .limit(500),
        ]
        for query in queries:
            for row in conn.execute(query):
                digest.update(repr(tuple(str(v) for v in row)).encode())
    return digest.hexdigest()


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            m.__tablename__: conn.execute(select(func.count()).select_from(m.__table__)).scalar_one()  # type: ignore[attr-defined]
            for m in (Unit, Employee, SurveyResponse, Complaint, Performance, ImportBatch)
        }


@pytest.mark.slow
def test_command_builds_the_same_city_refuses_skips_and_replaces(
    engine: Engine, demo_engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))

    assert main(["demo"]) == 0
    assert "survey_response" in capsys.readouterr().out
    assert _counts(engine) == _counts(demo_engine)
    assert _checksum(engine) == _checksum(demo_engine)

    assert main(["demo"]) == 2
    assert "--replace" in capsys.readouterr().err
    assert main(["demo", "--if-empty"]) == 0
    assert _counts(engine)["import_batch"] == 1

    # a manager's account tied to a unit keeps its unit across --replace
    with engine.begin() as conn:
        unit_id = conn.execute(
            select(Unit.__table__.c.id).where(Unit.__table__.c.code == "KEL-BLW1")
        ).scalar_one()
        conn.execute(insert(AppUser.__table__).values(username="lurah", role="manager", unit_id=unit_id))
    assert main(["demo", "--replace", "--seed", "7"]) == 0
    with engine.connect() as conn:
        batches = conn.execute(select(ImportBatch.__table__.c.file_name)).scalars().all()
        tied = conn.execute(
            select(Unit.__table__.c.code).join(
                AppUser.__table__, AppUser.__table__.c.unit_id == Unit.__table__.c.id
            )
        ).scalar_one()
    assert batches == ["demo:small:7"]
    assert tied == "KEL-BLW1"
    assert _checksum(engine) != _checksum(demo_engine)
