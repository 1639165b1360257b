"""Scoping in the data layer: a unit manager reaches their own subtree and nothing else.

Each way an attacker could try is covered: a requested subtree, a forged unit id or
code, a sibling whose path starts with the same letters, a LIKE wildcard in a code,
and a wilayah filter (which must narrow the subtree, never replace it).
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from lib.auth.roles import Principal, Role
from lib.auth.scope import (
    ScopeViolation,
    effective_scope,
    regions_visible_to,
    scope_for_unit,
    scoped_unit_ids,
    units_visible_to,
)
from lib.models import Employee, Unit
from lib.queries.units import CITY, Scope

MANAGER_A = Principal(username="camat.a", role=Role.MANAGER, unit_path="/KEC-A/", unit_code="KEC-A")
CITY_ROLES = [Principal(username=r.value, role=r) for r in (Role.PIMPINAN, Role.EVALUATOR, Role.ADMIN)]


def _employee_names(engine: Engine, scope: Scope) -> list[str]:
    """A unit-level query written the way every query in lib/queries is: filtered by ``scope.where``."""
    e, u = Employee.__table__, Unit.__table__
    query = select(e.c.name).select_from(e.join(u, e.c.unit_id == u.c.id)).order_by(e.c.name)
    for condition in scope.where(u):
        query = query.where(condition)
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(query)]


@pytest.mark.parametrize("principal", CITY_ROLES, ids=lambda p: p.username)
@pytest.mark.parametrize(
    "requested", [CITY, Scope("/KEC-B/"), Scope(region="Kec A"), Scope("/KEC-A/", "Kec A")]
)
def test_city_wide_roles_get_what_they_ask_for(principal: Principal, requested: Scope) -> None:
    assert effective_scope(principal, requested) == requested


def test_manager_without_request_gets_own_subtree_keeping_the_region() -> None:
    assert effective_scope(MANAGER_A, CITY) == Scope("/KEC-A/")
    assert effective_scope(MANAGER_A, Scope(region="Kec B")) == Scope("/KEC-A/", "Kec B")


@pytest.mark.parametrize("inside", ["/KEC-A/", "/KEC-A/KEL-A1/"])
def test_manager_may_narrow_to_own_subtree(inside: str) -> None:
    assert effective_scope(MANAGER_A, Scope(inside, "Kec A")) == Scope(inside, "Kec A")


@pytest.mark.parametrize(
    "outside", ["/KEC-B/", "/KEC-AB/", "/KEC-A", "/", "/KEC", "/DINKES/PKM-A/", "/KEC_A/"]
)
def test_manager_asking_outside_own_subtree_is_refused(outside: str) -> None:
    with pytest.raises(ScopeViolation):
        effective_scope(MANAGER_A, Scope(outside))
    with pytest.raises(PermissionError):  # callers may catch the standard exception
        effective_scope(MANAGER_A, Scope(outside, "Kec A"))


def test_manager_without_a_unit_sees_nothing() -> None:
    orphan = Principal(username="lost", role=Role.MANAGER)
    with pytest.raises(ScopeViolation):
        effective_scope(orphan, CITY)


def test_manager_query_returns_only_own_subtree(engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    names = _employee_names(engine, effective_scope(MANAGER_A, CITY))
    assert names == ["Pegawai KEC-A", "Pegawai KEL-A1", "Pegawai KEL-A2"]
    # Without the role restriction the same query would leak the look-alike units:
    assert "Pegawai KEC-AB" in _employee_names(engine, Scope(region=None))


def test_region_filter_cannot_widen_a_managers_scope(engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    # PKM-A belongs to DINKES but lies in wilayah "Kec A": a region filter alone would leak it.
    assert "Pegawai PKM-A" in _employee_names(engine, Scope(region="Kec A"))
    scope = effective_scope(MANAGER_A, Scope(region="Kec A"))
    assert _employee_names(engine, scope) == ["Pegawai KEC-A", "Pegawai KEL-A1", "Pegawai KEL-A2"]
    assert _employee_names(engine, effective_scope(MANAGER_A, Scope(region="Kec B"))) == []
    ids = scoped_unit_ids(engine, MANAGER_A, Scope(region="Kec A"))
    assert tree["PKM-A"][0] not in ids and tree["KEC-A"][0] in ids


def test_forged_unit_id_or_code_is_refused(engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    for code in ("KEC-B", "KEL-B1", "KEC-AB", "KEL-AB1", "KEC_A", "PKM-A", "DINKES"):
        with pytest.raises(ScopeViolation):
            scope_for_unit(engine, MANAGER_A, unit_id=tree[code][0])
        with pytest.raises(ScopeViolation):
            scope_for_unit(engine, MANAGER_A, unit_code=code, region="Kec A")
    with pytest.raises(LookupError):
        scope_for_unit(engine, MANAGER_A, unit_code="KEC-A/../KEC-B")
    with pytest.raises(LookupError):
        scope_for_unit(engine, MANAGER_A, unit_id=987_654)
    own_child = scope_for_unit(engine, MANAGER_A, unit_code="KEL-A2")
    assert _employee_names(engine, own_child) == ["Pegawai KEL-A2"]
    assert scope_for_unit(engine, MANAGER_A) == Scope("/KEC-A/")


def test_like_wildcards_in_codes_match_literally(engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    # "_" is a LIKE wildcard: "/KEC_A/" must not match "/KEC-A/".
    manager = Principal(username="camat.underscore", role=Role.MANAGER, unit_path="/KEC_A/")
    assert _employee_names(engine, effective_scope(manager, CITY)) == ["Pegawai KEC_A"]
    assert scoped_unit_ids(engine, manager) == [tree["KEC_A"][0]]


def test_scoped_unit_ids_and_pickers_follow_the_role(engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    everything = sorted(unit_id for unit_id, _ in tree.values())
    for principal in CITY_ROLES:
        assert sorted(scoped_unit_ids(engine, principal)) == everything
    assert scoped_unit_ids(engine, MANAGER_A) == [tree[c][0] for c in ("KEC-A", "KEL-A1", "KEL-A2")]
    with pytest.raises(ScopeViolation):
        scoped_unit_ids(engine, MANAGER_A, Scope("/KEC-B/"))
    assert list(units_visible_to(engine, MANAGER_A)["code"]) == ["KEC-A", "KEL-A1", "KEL-A2"]
    assert regions_visible_to(engine, MANAGER_A) == ["Kec A"]
    assert "Kec B" in regions_visible_to(engine, CITY_ROLES[0])
