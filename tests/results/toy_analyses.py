"""Small analyses registered only by the result-store tests (and the worker subprocess test)."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from lib.models import Unit
from lib.results import analysis

CALLS: list[str] = []


def _kinds(_engine: Engine) -> list[dict[str, object]]:
    return [{"kind": "kelurahan"}, {"kind": None}]


@analysis("test.unit_count", sources=("unit",), standard_params=_kinds)
def unit_count(engine: Engine, *, kind: str | None) -> int:
    """Units of one kind (or all): an honest value that follows the data."""
    CALLS.append(f"unit_count:{kind}")
    u = Unit.__table__
    query = select(func.count()).select_from(u)
    if kind is not None:
        query = query.where(u.c.kind == kind)
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


@analysis("test.always_fails", sources=("complaint",), standard_params=lambda _e: [{}])
def always_fails(_engine: Engine) -> int:
    raise RuntimeError("deliberate failure")


@analysis("test.square", sources=("survey",))
def square(_engine: Engine, *, x: int) -> int:
    CALLS.append(f"square:{x}")
    return x * x
