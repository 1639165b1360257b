"""Role-based scoping in the data layer: which units a principal's queries may cover.

Every unit-level query takes a :class:`~lib.queries.units.Scope`. Pages never pass
the scope the sidebar asked for straight to a query: they pass
``effective_scope(principal, requested)``, which for a unit manager is always a
subtree of their own unit, whatever filter, URL parameter or forged unit id or
code was requested. Asking for something outside is an error (``ScopeViolation``),
not a silent widening or an empty result, so it can be logged and shown.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from lib.auth.roles import Principal, sees_whole_city
from lib.models import Unit
from lib.queries.units import CITY, Scope, list_units


class ScopeViolation(PermissionError):
    """A principal asked for data outside what their role lets them see."""


def _inside(path: str, subtree: str) -> bool:
    """Whether ``path`` lies in the subtree rooted at ``subtree`` (both end in ``/``)."""
    return subtree.endswith("/") and path.startswith(subtree)


def effective_scope(principal: Principal, requested: Scope = CITY) -> Scope:
    """The requested scope, constrained to what ``principal`` may see.

    City-wide roles get ``requested`` unchanged. A manager gets the requested
    subtree when it lies inside their own, their own subtree when none was
    requested, and ``ScopeViolation`` otherwise. A requested wilayah is kept as an
    additional condition, so it can only narrow a manager's subtree, never widen it.
    A manager whose account has no unit (misconfigured, or the unit was removed)
    sees nothing.
    """
    if sees_whole_city(principal):
        return requested
    own = principal.unit_path
    if not own:
        raise ScopeViolation(f"user {principal.username!r} is a unit manager without a unit")
    if requested.path_prefix is None:
        return Scope(path_prefix=own, region=requested.region)
    if _inside(requested.path_prefix, own):
        return requested
    raise ScopeViolation(f"user {principal.username!r} may only see {own}, not {requested.path_prefix}")


def _unit_row(engine: Engine, *, unit_id: int | None, unit_code: str | None):  # type: ignore[no-untyped-def]
    u = Unit.__table__
    query = select(u.c.id, u.c.code, u.c.path)
    query = query.where(u.c.id == unit_id) if unit_id is not None else query.where(u.c.code == unit_code)
    with engine.connect() as conn:
        return conn.execute(query).first()


def scope_for_unit(
    engine: Engine,
    principal: Principal,
    *,
    unit_id: int | None = None,
    unit_code: str | None = None,
    region: str | None = None,
) -> Scope:
    """The effective scope for a unit named by id or code (e.g. from a URL or a CLI flag).

    The unit's path is read from the database, never taken from the caller, so a
    forged id or code can only ever name a real unit, which is then checked like any
    requested scope. An unknown unit raises ``LookupError``. With neither id nor
    code, this is the principal's default scope (with ``region`` if given).
    """
    if unit_id is None and unit_code is None:
        return effective_scope(principal, Scope(region=region))
    row = _unit_row(engine, unit_id=unit_id, unit_code=unit_code)
    if row is None:
        raise LookupError(f"unknown unit {unit_code if unit_id is None else unit_id!r}")
    return effective_scope(principal, Scope(path_prefix=row.path, region=region))


def scoped_unit_ids(engine: Engine, principal: Principal, requested: Scope = CITY) -> list[int]:
    """Ids of the units the principal's (constrained) scope covers, in path order."""
    scope = effective_scope(principal, requested)
    u = Unit.__table__
    query = select(u.c.id).order_by(u.c.path)
    for condition in scope.where(u):
        query = query.where(condition)
    with engine.connect() as conn:
        return [row[0] for row in conn.execute(query)]


def units_visible_to(engine: Engine, principal: Principal) -> pd.DataFrame:
    """The units a principal may pick in the sidebar (``list_units`` on their scope)."""
    return list_units(engine, effective_scope(principal, CITY))


def regions_visible_to(engine: Engine, principal: Principal) -> list[str]:
    """The wilayah values a principal may pick: all for city-wide roles, their subtree's otherwise."""
    units = units_visible_to(engine, principal)
    return sorted({r for r in units["region"].dropna()})
