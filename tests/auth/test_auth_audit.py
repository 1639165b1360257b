"""The audit log: entries appended, read newest first, filtered, and part of the caller's transaction."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select

from lib.auth.audit import Action, read_audit, record
from lib.models import AuditLog

T0 = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


def test_entries_are_read_newest_first_with_filters(engine: Engine) -> None:
    record(engine, Action.SIGN_IN, username="eva", at=T0)
    record(
        engine,
        "import",
        username="eva",
        detail={"import_id": 7, "kind": "survei", "rows": 1200},
        at=T0 + timedelta(minutes=5),
    )
    record(engine, Action.EXPORT, username="camat.a", detail="pengaduan.xlsx", at=T0 + timedelta(minutes=9))

    log = read_audit(engine)
    assert list(log["action"]) == ["export", "import", "sign_in"]
    assert list(log.columns) == ["at", "username", "action", "detail"]
    assert json.loads(log.iloc[1]["detail"]) == {"import_id": 7, "kind": "survei", "rows": 1200}
    assert log.iloc[0]["detail"] == "pengaduan.xlsx"
    assert pd.isna(log.iloc[2]["detail"])
    assert pd_time(log.iloc[2]["at"]) == T0

    assert list(read_audit(engine, username="eva")["action"]) == ["import", "sign_in"]
    assert list(read_audit(engine, actions=["export", "sign_in"])["username"]) == ["camat.a", "eva"]
    assert list(read_audit(engine, since=T0 + timedelta(minutes=1))["action"]) == ["export", "import"]
    assert len(read_audit(engine, limit=1)) == 1


def pd_time(value) -> datetime:  # type: ignore[no-untyped-def]
    """Timestamps come back as pandas Timestamps (aware on both databases)."""
    moment = value.to_pydatetime()
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def test_unknown_action_is_refused(engine: Engine) -> None:
    with pytest.raises(ValueError):
        record(engine, "delete_everything", username="x")
    with pytest.raises(ValueError):
        read_audit(engine, actions=["delete_everything"])


def test_entry_written_in_a_transaction_rolls_back_with_it(engine: Engine) -> None:
    with pytest.raises(RuntimeError), engine.begin() as conn:
        record(conn, Action.IMPORT, username="eva", detail={"import_id": 1})
        raise RuntimeError("the import failed")
    record(engine, Action.UNDO, username="eva", detail={"import_id": 2})
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(AuditLog.__table__)).scalar_one() == 1


def test_long_usernames_and_details_are_truncated(engine: Engine) -> None:
    record(engine, Action.SIGN_IN_FAILED, username="u" * 500, detail="d" * 10_000)
    entry = read_audit(engine).iloc[0]
    assert len(entry["username"]) == 200 and len(entry["detail"]) == 4000
