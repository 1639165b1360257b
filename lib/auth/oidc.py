"""Matching an OpenID Connect identity (Keycloak, Google Workspace, …) to a Telaah account.

The identity provider proves who someone is; Telaah still decides what they may
see. An SSO sign-in is accepted only when an active ``AppUser`` carries the same
e-mail address (set by an admin with ``python -m lib user add … --email``), and the
account's role and unit then apply exactly as for a local sign-in.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, update

from lib.auth.audit import Action, record, utc_now
from lib.auth.roles import Principal
from lib.auth.users import AuthOutcome, AuthResult, account_query, principal_from_row
from lib.models import AppUser


def identity_email(identity: Mapping[str, Any]) -> str | None:
    """The verified e-mail of an identity; None when missing or explicitly unverified."""
    email = str(identity.get("email") or "").strip().lower()
    if not email or identity.get("email_verified") is False:
        return None
    return email


def principal_from_identity(
    engine: Engine, identity: Mapping[str, Any], *, now: datetime | None = None, client_ip: str | None = None
) -> AuthResult:
    """Sign in an OIDC identity (``st.user``) and write the audit entry.

    Fails (``invalid``) when the e-mail is missing or unverified, matches no account
    or more than one, and (``disabled``) when the account is disabled.
    """
    now = now or utc_now()
    email = identity_email(identity)
    a = AppUser.__table__
    rows = []
    if email is not None:
        with engine.connect() as conn:
            rows = conn.execute(account_query().where(func.lower(a.c.email) == email)).all()

    principal: Principal | None = None
    if len(rows) != 1:
        outcome, reason = AuthOutcome.INVALID, "no_account" if not rows else "ambiguous_email"
    elif not rows[0].active:
        outcome, reason = AuthOutcome.DISABLED, "disabled"
    else:
        principal = principal_from_row(rows[0], "oidc")
        outcome, reason = (AuthOutcome.OK, "ok") if principal else (AuthOutcome.INVALID, "bad_role")

    origin = {"ip": client_ip} if client_ip else {}
    with engine.begin() as conn:
        if principal is not None:
            conn.execute(update(a).where(a.c.id == principal.user_id).values(last_login_at=now))
            record(
                conn, Action.SIGN_IN, username=principal.username, detail={"method": "oidc", **origin}, at=now
            )
        else:
            record(
                conn,
                Action.SIGN_IN_FAILED,
                username=email or str(identity.get("email") or "") or None,
                detail={"method": "oidc", "reason": reason, **origin},
                at=now,
            )
    return AuthResult(outcome, principal)
