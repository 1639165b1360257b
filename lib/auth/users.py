"""Local accounts: create, list, disable, set passwords, and sign in with lockout.

Used by the CLI (``python -m lib user …``), the admin page and the sign-in gate.
Sign-in is built to resist guessing: every failure costs the caller a small delay,
five consecutive failures lock the account for 30 s, doubling with each further
failure up to 15 min, and an unknown username takes as long as a wrong password
and gets the same answer, so accounts cannot be enumerated.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import Connection, Engine, case, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from lib.auth.audit import Action, record, utc_now
from lib.auth.passwords import (
    WeakPassword,
    check_password_policy,
    hash_password,
    needs_rehash,
    verify_password,
)
from lib.auth.roles import Principal, Role, parse_role
from lib.models import AppUser, Unit

#: Consecutive failures before the account is locked.
LOCK_THRESHOLD = 5
LOCK_BASE = timedelta(seconds=30)
LOCK_MAX = timedelta(minutes=15)
#: Seconds every failed sign-in waits before answering (env ``TELAAH_AUTH_FAILURE_DELAY``).
DEFAULT_FAILURE_DELAY = 1.0

_USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,79}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class AccountError(ValueError):
    """A user-management request that cannot be carried out (message is for the user)."""


class AuthOutcome(StrEnum):
    OK = "ok"
    INVALID = "invalid"
    LOCKED = "locked"
    DISABLED = "disabled"


@dataclass(frozen=True)
class AuthResult:
    """What a sign-in attempt gave. Show the user only ``ok`` or one generic failure
    message, whatever the outcome, so the answer reveals nothing about the account.
    """

    outcome: AuthOutcome
    principal: Principal | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is AuthOutcome.OK


@dataclass(frozen=True)
class UserInfo:
    """An account as shown to admins: everything but the password hash."""

    id: int
    username: str
    full_name: str | None
    role: str
    unit_id: int | None
    unit_code: str | None
    email: str | None
    active: bool
    has_password: bool
    failed_attempts: int
    locked_until: datetime | None
    created_at: datetime | None
    last_login_at: datetime | None


def failure_delay() -> float:
    """The configured per-failure delay; tests set ``TELAAH_AUTH_FAILURE_DELAY=0``."""
    raw = os.environ.get("TELAAH_AUTH_FAILURE_DELAY")
    try:
        return max(0.0, float(raw)) if raw is not None else DEFAULT_FAILURE_DELAY
    except ValueError:
        return DEFAULT_FAILURE_DELAY


def lock_duration(consecutive_failures: int) -> timedelta | None:
    """How long the account is locked after this many consecutive failures (None: not locked)."""
    if consecutive_failures < LOCK_THRESHOLD:
        return None
    doublings = min(consecutive_failures - LOCK_THRESHOLD, 20)
    return min(LOCK_BASE * (2**doublings), LOCK_MAX)


def normalise_username(username: str) -> str:
    return (username or "").strip().lower()


def account_query():  # type: ignore[no-untyped-def]
    a, u = AppUser.__table__, Unit.__table__
    return select(a, u.c.code.label("unit_code"), u.c.path.label("unit_path")).select_from(
        a.outerjoin(u, a.c.unit_id == u.c.id)
    )


def principal_from_row(row, method: str) -> Principal | None:  # type: ignore[no-untyped-def]
    """A Principal for an ``account_query`` row; None when the stored role is not a known role."""
    try:
        role = Role(row.role)
    except ValueError:
        return None
    return Principal(
        username=row.username,
        role=role,
        unit_id=row.unit_id,
        unit_path=row.unit_path,
        unit_code=row.unit_code,
        full_name=row.full_name,
        user_id=row.id,
        method=method,
    )


def _info(row) -> UserInfo:  # type: ignore[no-untyped-def]
    return UserInfo(
        id=row.id,
        username=row.username,
        full_name=row.full_name,
        role=row.role,
        unit_id=row.unit_id,
        unit_code=row.unit_code,
        email=row.email,
        active=bool(row.active),
        has_password=bool(row.password_hash),
        failed_attempts=row.failed_attempts or 0,
        locked_until=row.locked_until,
        created_at=row.created_at,
        last_login_at=row.last_login_at,
    )


def _find(conn: Connection, username: str):  # type: ignore[no-untyped-def]
    return conn.execute(account_query().where(AppUser.__table__.c.username == username)).first()


def _require(conn: Connection, username: str):  # type: ignore[no-untyped-def]
    row = _find(conn, normalise_username(username))
    if row is None:
        raise AccountError(f"no user named {username!r}")
    return row


def _checked_password(password: str, username: str) -> str:
    try:
        check_password_policy(password, username=username)
    except WeakPassword as exc:
        raise AccountError(str(exc)) from None
    return hash_password(password)


def get_user(engine: Engine, username: str) -> UserInfo | None:
    with engine.connect() as conn:
        row = _find(conn, normalise_username(username))
    return _info(row) if row is not None else None


def list_users(engine: Engine) -> list[UserInfo]:
    with engine.connect() as conn:
        rows = conn.execute(account_query().order_by(AppUser.__table__.c.username)).all()
    return [_info(r) for r in rows]


def has_accounts(engine: Engine) -> bool:
    """Whether any account exists (the sign-in screen then stops explaining how to create the first)."""
    with engine.connect() as conn:
        return conn.execute(select(AppUser.__table__.c.id).limit(1)).first() is not None


def create_user(
    engine: Engine,
    *,
    username: str,
    role: str,
    password: str | None = None,
    unit_code: str | None = None,
    full_name: str | None = None,
    email: str | None = None,
    actor: str | None,
) -> UserInfo:
    """Add an account. A manager needs a unit (by code); other roles must not have one.

    An account without a password can only sign in through OpenID Connect, so it
    needs an e-mail address, which must be unique (it is how SSO identities are
    matched to accounts).
    """
    name = normalise_username(username)
    if not _USERNAME_RE.match(name):
        raise AccountError(
            "username must be 3–80 characters: letters, digits, '.', '_', '-', '@', starting with a letter or digit"
        )
    try:
        parsed_role = parse_role(role)
    except ValueError as exc:
        raise AccountError(str(exc)) from None
    code = (unit_code or "").strip() or None
    if parsed_role is Role.MANAGER and code is None:
        raise AccountError("a unit manager needs a unit (--unit KODE)")
    if parsed_role is not Role.MANAGER and code is not None:
        raise AccountError(f"role {parsed_role.value} sees all units; a unit is only for role manager")
    mail = (email or "").strip().lower() or None
    if mail is not None and not _EMAIL_RE.match(mail):
        raise AccountError(f"{email!r} is not an e-mail address")
    if password is None and mail is None:
        raise AccountError("an account needs a password, or an e-mail address for single sign-on")
    password_hash = _checked_password(password, name) if password is not None else None

    a, u = AppUser.__table__, Unit.__table__
    try:
        with engine.begin() as conn:
            if _find(conn, name) is not None:
                raise AccountError(f"user {name!r} already exists")
            if mail is not None and conn.execute(select(a.c.id).where(func.lower(a.c.email) == mail)).first():
                raise AccountError(f"e-mail {mail} already belongs to another user")
            unit_id = None
            if code is not None:
                unit_id = conn.execute(select(u.c.id).where(u.c.code == code)).scalar()
                if unit_id is None:
                    raise AccountError(f"unknown unit code {code!r}")
            conn.execute(
                insert(a).values(
                    username=name,
                    full_name=(full_name or "").strip() or None,
                    password_hash=password_hash,
                    role=parsed_role.value,
                    unit_id=unit_id,
                    email=mail,
                    active=True,
                    failed_attempts=0,
                    created_at=utc_now(),
                )
            )
            record(
                conn,
                Action.USER_ADDED,
                username=actor,
                detail={"user": name, "role": parsed_role.value, "unit": code, "email": mail},
            )
            row = _find(conn, name)
    except IntegrityError:
        raise AccountError(f"user {name!r} already exists") from None
    return _info(row)


def _update_user(conn: Connection, user_id: int, **values: object) -> None:
    a = AppUser.__table__
    conn.execute(update(a).where(a.c.id == user_id).values(**values))


def set_active(engine: Engine, username: str, active: bool, *, actor: str | None) -> None:
    """Disable (or re-enable) an account; a disabled account cannot sign in by any method."""
    with engine.begin() as conn:
        row = _require(conn, username)
        _update_user(conn, row.id, active=active, failed_attempts=0, locked_until=None)
        record(
            conn,
            Action.USER_ENABLED if active else Action.USER_DISABLED,
            username=actor,
            detail={"user": row.username},
        )


def set_password(engine: Engine, username: str, password: str, *, actor: str | None) -> None:
    """Replace the password (policy-checked) and lift any lock."""
    with engine.begin() as conn:
        row = _require(conn, username)
        new_hash = _checked_password(password, row.username)
        _update_user(conn, row.id, password_hash=new_hash, failed_attempts=0, locked_until=None)
        record(conn, Action.PASSWORD_SET, username=actor, detail={"user": row.username})


def unlock_user(engine: Engine, username: str, *, actor: str | None) -> None:
    with engine.begin() as conn:
        row = _require(conn, username)
        _update_user(conn, row.id, failed_attempts=0, locked_until=None)
        record(conn, Action.USER_UNLOCKED, username=actor, detail={"user": row.username})


def authenticate(
    engine: Engine,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    delay: float | None = None,
    client_ip: str | None = None,
) -> AuthResult:
    """Check a local sign-in, update the lockout state and write the audit entry.

    While an account is locked even the right password is refused. Every failure,
    whatever its reason, sleeps ``delay`` seconds (default :func:`failure_delay`)
    before returning, which slows guessing from any one session. ``client_ip`` is
    only recorded in the audit entry, so an auditor can see where attempts came from.
    """
    now = now or utc_now()
    name = normalise_username(username)[:80]
    with engine.connect() as conn:
        row = _find(conn, name) if name else None

    detail: dict[str, object] = {"method": "local", **_origin(client_ip)}
    if row is None:
        verify_password(None, password)
        outcome = AuthOutcome.INVALID
    else:
        failures = _reserve_attempt(engine, row.id, now)
        if failures is None:
            outcome = AuthOutcome.LOCKED if row.active else AuthOutcome.DISABLED
        elif verify_password(row.password_hash, password):
            principal = principal_from_row(row, "local")
            if principal is not None:
                _record_success(engine, row, password, now, client_ip)
                return AuthResult(AuthOutcome.OK, principal)
            outcome = AuthOutcome.DISABLED
        else:
            outcome = AuthOutcome.INVALID
            detail["failures"] = failures
            lock = lock_duration(failures)
            if lock is not None:
                detail["locked_seconds"] = int(lock.total_seconds())

    with engine.begin() as conn:
        detail["reason"] = outcome.value
        shown = row.username if row is not None else (audit_name_for_unknown(name) if name else None)
        record(conn, Action.SIGN_IN_FAILED, username=shown, detail=detail, at=now)
    time.sleep(failure_delay() if delay is None else max(0.0, delay))
    return AuthResult(outcome)


def audit_name_for_unknown(typed: str) -> str:
    """How a username that matches no account appears in the audit log: ``unknown-`` and 8 hex digits.

    People type their password into the username field; the typed text must not
    be stored. The short hash still lets an auditor see that attempts repeat.
    """
    return "unknown-" + hashlib.sha256(typed.encode("utf-8", "replace")).hexdigest()[:8]


def _reserve_attempt(engine: Engine, user_id: int, now: datetime) -> int | None:
    """Count this attempt as a failure before the password is checked; None when it may not be made.

    One UPDATE, committed before verification, both checks the lock and
    increments the counter, and sets the lock as soon as the count reaches the
    threshold. So parallel attempts each take a number, and the sixth finds the
    account locked even while the fifth is still being verified (checking first
    and counting after let 10 parallel sessions have 10 guesses checked). A
    correct password then resets the counter (:func:`_record_success`).
    Returns the consecutive failures including this attempt.
    """
    a = AppUser.__table__
    attempts = func.coalesce(a.c.failed_attempts, 0) + 1
    schedule = [
        (attempts >= n, now + duration)
        for n in range(LOCK_THRESHOLD + 20, LOCK_THRESHOLD - 1, -1)
        if (duration := lock_duration(n)) is not None
    ]
    statement = (
        update(a)
        .where(
            a.c.id == user_id,
            a.c.active.is_(True),
            or_(a.c.locked_until.is_(None), a.c.locked_until <= now),
        )
        .values(failed_attempts=attempts, locked_until=case(*schedule, else_=a.c.locked_until))
        .returning(a.c.failed_attempts)
    )
    with engine.begin() as conn:
        return conn.execute(statement).scalar_one_or_none()


def _origin(client_ip: str | None) -> dict[str, str]:
    return {"ip": client_ip} if client_ip else {}


def _record_success(engine: Engine, row, password: str, now: datetime, client_ip: str | None) -> None:  # type: ignore[no-untyped-def]
    values: dict[str, object] = {"failed_attempts": 0, "locked_until": None, "last_login_at": now}
    if needs_rehash(row.password_hash):
        values["password_hash"] = hash_password(password)
    with engine.begin() as conn:
        _update_user(conn, row.id, **values)
        detail = {"method": "local", **_origin(client_ip)}
        record(conn, Action.SIGN_IN, username=row.username, detail=detail, at=now)


def principal_for_user_id(engine: Engine, user_id: int, method: str) -> Principal | None:
    """The current Principal of an account (role and unit as stored now); None if disabled or gone.

    The sign-in gate calls this on every rerun, so disabling an account or changing
    its role takes effect at the user's next click, not at their next sign-in.
    """
    with engine.connect() as conn:
        row = conn.execute(account_query().where(AppUser.__table__.c.id == user_id)).first()
    if row is None or not row.active:
        return None
    return principal_from_row(row, method)
