"""OpenID Connect identities are matched to accounts by verified e-mail; no account, no entry."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, insert

from lib.auth.audit import read_audit
from lib.auth.oidc import principal_from_identity
from lib.auth.roles import Role
from lib.auth.users import AuthOutcome, create_user, get_user, set_active
from lib.models import AppUser


@pytest.fixture
def accounts(engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    create_user(engine, username="kadis", role="pimpinan", email="kadis@medan.go.id", actor="admin")
    create_user(
        engine,
        username="camat.a",
        role="manager",
        unit_code="KEL-A1",
        email="camat.a@medan.go.id",
        actor="admin",
    )


def test_verified_email_maps_to_the_accounts_role_and_unit(engine: Engine, accounts: None) -> None:
    result = principal_from_identity(
        engine, {"is_logged_in": True, "email": "Camat.A@Medan.go.id", "email_verified": True, "name": "Budi"}
    )
    assert result.ok
    p = result.principal
    assert (p.username, p.role, p.unit_path, p.method) == ("camat.a", Role.MANAGER, "/KEC-A/KEL-A1/", "oidc")
    assert get_user(engine, "camat.a").last_login_at is not None
    entry = read_audit(engine, actions=["sign_in"]).iloc[0]
    assert (entry["username"], entry["detail"]) == ("camat.a", '{"method": "oidc"}')


@pytest.mark.parametrize(
    ("identity", "reason"),
    [
        ({"is_logged_in": True, "email": "stranger@gmail.com"}, "no_account"),
        ({"is_logged_in": True, "email": "kadis@medan.go.id", "email_verified": False}, "no_account"),
        ({"is_logged_in": True, "name": "No Mail"}, "no_account"),
    ],
)
def test_unknown_or_unverified_identities_are_refused(
    engine: Engine, accounts: None, identity: dict, reason: str
) -> None:
    result = principal_from_identity(engine, identity)
    assert result.outcome is AuthOutcome.INVALID and result.principal is None
    assert f'"reason": "{reason}"' in read_audit(engine, actions=["sign_in_failed"]).iloc[0]["detail"]


def test_disabled_account_is_refused(engine: Engine, accounts: None) -> None:
    set_active(engine, "kadis", False, actor="admin")
    assert principal_from_identity(engine, {"email": "kadis@medan.go.id"}).outcome is AuthOutcome.DISABLED


def test_an_email_shared_by_two_accounts_matches_neither(engine: Engine, accounts: None) -> None:
    with engine.begin() as conn:  # create_user refuses this; a hand-edited database might not
        conn.execute(
            insert(AppUser.__table__).values(
                username="kadis2",
                role="admin",
                email="KADIS@medan.go.id",
                active=True,
                failed_attempts=0,
                created_at=get_user(engine, "kadis").created_at,
            )
        )
    result = principal_from_identity(engine, {"email": "kadis@medan.go.id"})
    assert result.outcome is AuthOutcome.INVALID
    assert '"ambiguous_email"' in read_audit(engine, limit=1).iloc[0]["detail"]
