"""Fixtures of the auth tests: no sign-in delay unless a test asks for one, and a small unit tree.

The tree has the traps an attacker would use: a sibling whose code starts like the
manager's (``KEC-AB`` next to ``KEC-A``), a unit whose code holds the LIKE wildcard
``_``, and a puskesmas of Dinas Kesehatan located in Kecamatan A's wilayah (so a
wilayah filter alone would leak it to Kecamatan A's manager).
"""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, insert, select

import lib.auth.passwords
from lib.models import Employee, Unit

#: code, parent code, region
TREE: tuple[tuple[str, str | None, str], ...] = (
    ("KEC-A", None, "Kec A"),
    ("KEL-A1", "KEC-A", "Kec A"),
    ("KEL-A2", "KEC-A", "Kec A"),
    ("KEC-AB", None, "Kec AB"),
    ("KEL-AB1", "KEC-AB", "Kec AB"),
    ("KEC-B", None, "Kec B"),
    ("KEL-B1", "KEC-B", "Kec B"),
    ("KEC_A", None, "Kec A underscore"),
    ("DINKES", None, "Kota Medan"),
    ("PKM-A", "DINKES", "Kec A"),
)


@pytest.fixture(autouse=True)
def _fast_hashing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap Argon2 parameters outside the password tests: production cost (~0.1–0.3 s a hash on
    this machine) times hundreds of sign-ins would dominate the suite; the algorithm is the same."""
    if not request.module.__name__.endswith("test_auth_passwords"):
        monkeypatch.setattr(
            lib.auth.passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        )


@pytest.fixture(autouse=True)
def _no_sign_in_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELAAH_AUTH_FAILURE_DELAY", "0")
    monkeypatch.delenv("TELAAH_DEMO_MODE", raising=False)
    monkeypatch.delenv("TELAAH_DEMO_ROLE", raising=False)


def build_tree(engine: Engine) -> dict[str, tuple[int, str]]:
    """Insert :data:`TREE` with one employee per unit (named after it); returns code -> (id, path)."""
    u, e = Unit.__table__, Employee.__table__
    units: dict[str, tuple[int, str]] = {}
    with engine.begin() as conn:
        for number, (code, parent, region) in enumerate(TREE):
            parent_id, parent_path = units[parent] if parent else (None, "/")
            path = f"{parent_path}{code}/"
            conn.execute(
                insert(u).values(
                    code=code, name=f"Unit {code}", kind="x", parent_id=parent_id, path=path, region=region
                )
            )
            unit_id = conn.execute(select(u.c.id).where(u.c.code == code)).scalar_one()
            units[code] = (unit_id, path)
            conn.execute(
                insert(e).values(nip=f"198001012005011{number:03d}", name=f"Pegawai {code}", unit_id=unit_id)
            )
    return units


@pytest.fixture
def tree(engine: Engine) -> dict[str, tuple[int, str]]:
    return build_tree(engine)


@pytest.fixture
def db_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)
