"""Two kelurahan and their staff, the smallest city a unit's profile can be tested on."""

from __future__ import annotations

from sqlalchemy import Connection

from lib.bulk import bulk_insert
from lib.models import Employee, Unit


def insert_two_units(conn: Connection, staff: int, in_first: int) -> None:
    """Units 1 (``/U1/``) and 2 (``/U2/``); employees 1…``staff``, the first ``in_first`` in unit 1."""
    bulk_insert(
        conn,
        Unit.__table__,
        ["id", "code", "name", "kind", "parent_id", "path", "region"],
        [(1, "U1", "Satu", "kelurahan", None, "/U1/", "A"), (2, "U2", "Dua", "kelurahan", None, "/U2/", "A")],
    )
    bulk_insert(
        conn,
        Employee.__table__,
        ["id", "nip", "name", "unit_id"],
        [(i, f"19800101200501{1000 + i}", f"P{i}", 1 if i <= in_first else 2) for i in range(1, staff + 1)],
    )
