"""Units and their hierarchy: the scope every other query is filtered by."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, select

from lib.models import Unit


@dataclass(frozen=True)
class Scope:
    """Which units a query covers: a subtree (by path prefix) and/or a wilayah.

    ``path_prefix=None`` and ``region=None`` mean the whole city. Every query
    function that reads unit-level data takes a Scope and applies it with
    :func:`apply_scope`, so the role-based restriction of a later issue can be
    enforced in one place.
    """

    path_prefix: str | None = None
    region: str | None = None

    def where(self, unit_table=Unit.__table__):  # type: ignore[no-untyped-def]
        """SQLAlchemy conditions on the unit table for this scope."""
        conditions = []
        if self.path_prefix:
            conditions.append(unit_table.c.path.startswith(self.path_prefix, autoescape=True))
        if self.region:
            conditions.append(unit_table.c.region == self.region)
        return conditions


CITY = Scope()


def list_units(engine: Engine, scope: Scope = CITY) -> pd.DataFrame:
    """All units in scope: id, code, name, kind, parent_id, path, region, service_population, depth."""
    u = Unit.__table__
    query = select(
        u.c.id, u.c.code, u.c.name, u.c.kind, u.c.parent_id, u.c.path, u.c.region, u.c.service_population
    ).order_by(u.c.path)
    for condition in scope.where(u):
        query = query.where(condition)
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    frame["depth"] = frame["path"].str.count("/") - 2
    return frame


def list_regions(engine: Engine) -> list[str]:
    u = Unit.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(u.c.region).where(u.c.region.is_not(None)).distinct().order_by(u.c.region))
        return [r[0] for r in rows]


def unit_path(parent_path: str | None, code: str) -> str:
    """Materialised path of a unit: its parent's path plus its own code."""
    return f"{parent_path or '/'}{code}/"
