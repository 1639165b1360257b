"""A small city for the import tests: units in a hierarchy and two employees, written directly."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, insert, select

from lib.ingest.values import nip_birth_date, nip_gender
from lib.models import Employee, Unit

#: code, name, kind, parent code, region
UNITS = (
    ("DINKES", "Dinas Kesehatan", "dinas", None, "Kota Medan"),
    ("PKM-BLW", "Puskesmas Belawan", "puskesmas", "DINKES", "Medan Belawan"),
    ("KEC-MBLW", "Kecamatan Medan Belawan", "kecamatan", None, "Medan Belawan"),
    ("KEL-BLW1", "Kelurahan Belawan I", "kelurahan", "KEC-MBLW", "Medan Belawan"),
)
#: nip, name, unit code
EMPLOYEES = (
    ("198503122010011003", "Ahmad Siregar", "PKM-BLW"),
    ("199001012015032001", "Siti Rahmawati", "KEL-BLW1"),
)
#: a fixed "today" so that future-date checks do not depend on the calendar
TODAY = date(2026, 11, 1)


def build_city(engine: Engine) -> dict[str, int]:
    """Insert :data:`UNITS` and :data:`EMPLOYEES`; returns unit code -> id."""
    u, e = Unit.__table__, Employee.__table__
    ids: dict[str, int] = {}
    paths: dict[str, str] = {}
    with engine.begin() as conn:
        for code, name, kind, parent, region in UNITS:
            path = f"{paths[parent] if parent else '/'}{code}/"
            conn.execute(
                insert(u).values(
                    code=code, name=name, kind=kind, parent_id=ids.get(parent or ""), path=path, region=region
                )
            )
            ids[code] = conn.execute(select(u.c.id).where(u.c.code == code)).scalar_one()
            paths[code] = path
        for nip, name, unit in EMPLOYEES:
            conn.execute(
                insert(e).values(
                    nip=nip,
                    name=name,
                    unit_id=ids[unit],
                    gender=nip_gender(nip),
                    birth_date=nip_birth_date(nip),
                )
            )
    return ids


@pytest.fixture
def city(engine: Engine) -> dict[str, int]:
    return build_city(engine)
