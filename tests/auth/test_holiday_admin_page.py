"""Issue 16 point 4: an admin extends the working-day calendar with a year's cuti bersama on Status Data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from lib.auth.audit import read_audit, utc_now
from lib.auth.users import authenticate, create_user
from lib.queries.holidays import list_holidays
from lib.ui.auth import PRINCIPAL_KEY, SIGNED_IN_AT_KEY
from lib.workdays import set_admin_holidays

PAGE = Path(__file__).resolve().parents[2] / "views" / "status_data.py"
PASSWORD = "rahasia-kota-medan"


def _page(db_url: str, engine: Engine, username: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", db_url)
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.session_state[PRINCIPAL_KEY] = authenticate(engine, username, PASSWORD).principal
    at.session_state[SIGNED_IN_AT_KEY] = utc_now()
    return at.run()


def test_admin_adds_cuti_bersama_and_a_leader_sees_no_editor(
    db_url: str, engine: Engine, tree, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    create_user(engine, username="admin", role="admin", password=PASSWORD, actor="setup")
    create_user(engine, username="kadis", role="pimpinan", password=PASSWORD, actor="setup")
    try:
        at = _page(db_url, engine, "admin", monkeypatch)
        assert not at.exception
        at.number_input(key="holidays_year").set_value(2025).run()
        assert any("Idul Fitri" in str(v) or "Eid" in str(v) for v in at.dataframe[-1].value.iloc[:, 1])
        at.date_input[0].set_value(date(2025, 4, 2))
        at.text_input[0].set_value("Cuti bersama Idul Fitri 1446 H")
        at.button[0].click().run()
        assert not at.exception
        assert list_holidays(engine)["day"].tolist() == [date(2025, 4, 2)]
        assert read_audit(engine, limit=1).iloc[0]["action"] == "holiday_added"
        leader = _page(db_url, engine, "kadis", monkeypatch)
        assert not leader.exception and not leader.text_input  # no editor for leadership
    finally:
        set_admin_holidays(())
