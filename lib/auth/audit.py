"""The audit log: who signed in (or failed to), imported, undid, exported or changed users.

Written by the sign-in code, the import/undo code and every export, read by admins
(page ``Log audit``, ``python -m lib audit``). Entries are only ever appended.
``detail`` is a small JSON object; it never holds a password, and the username of
a failed sign-in is stored as typed (truncated) so guessing attacks are visible.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select

from lib.models import AuditLog

_USERNAME_MAX = 200
_DETAIL_MAX = 4000


class Action(StrEnum):
    """What can be audited; the values are stored in ``audit_log.action``."""

    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    ACCESS_DENIED = "access_denied"
    IMPORT = "import"
    UNDO = "undo"
    EXPORT = "export"
    USER_ADDED = "user_added"
    USER_DISABLED = "user_disabled"
    USER_ENABLED = "user_enabled"
    PASSWORD_SET = "password_set"
    USER_UNLOCKED = "user_unlocked"
    HOLIDAY_ADDED = "holiday_added"
    HOLIDAY_REMOVED = "holiday_removed"


def utc_now() -> datetime:
    """Aware UTC: the time columns are SQLModel's ``UTCDateTime``, which refuses naive values."""
    return datetime.now(UTC)


def _detail_text(detail: str | dict[str, Any] | None) -> str | None:
    if detail is None:
        return None
    text = (
        detail
        if isinstance(detail, str)
        else json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)
    )
    return text[:_DETAIL_MAX]


def record(
    bind: Engine | Connection,
    action: Action | str,
    *,
    username: str | None,
    detail: str | dict[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Append one entry. Pass a ``Connection`` to make it part of the caller's transaction
    (an import and its audit entry then commit or roll back together).
    """
    action = Action(action)
    values = {
        "at": at or utc_now(),
        "username": (username or "")[:_USERNAME_MAX] or None,
        "action": action.value,
        "detail": _detail_text(detail),
    }
    statement = insert(AuditLog.__table__).values(**values)
    if isinstance(bind, Connection):
        bind.execute(statement)
    else:
        with bind.begin() as conn:
            conn.execute(statement)


def read_audit(
    engine: Engine,
    *,
    limit: int = 200,
    actions: list[str] | None = None,
    username: str | None = None,
    since: datetime | None = None,
) -> pd.DataFrame:
    """The newest entries first: columns ``at``, ``username``, ``action``, ``detail``."""
    a = AuditLog.__table__
    query = select(a.c.at, a.c.username, a.c.action, a.c.detail).order_by(a.c.at.desc(), a.c.id.desc())
    if actions:
        query = query.where(a.c.action.in_([Action(x).value for x in actions]))
    if username:
        query = query.where(a.c.username == username)
    if since is not None:
        query = query.where(a.c.at >= since)
    query = query.limit(max(1, min(int(limit), 10_000)))
    with engine.connect() as conn:
        return pd.read_sql(query, conn)
