"""A browser's ``clear_cache`` message empties the shared caches only for an admin; others are audited.

The unit tests call the wrapped handler on a stand-in session; the live test
starts the real app and sends the message over the websocket, as an attacker's
script would (no browser sends it unless someone clicks "Clear cache").
"""

from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.runtime.app_session import AppSession

import lib.ui.hardening as hardening
from lib.auth.audit import read_audit
from lib.auth.roles import Principal, Role
from lib.ui.auth import PRINCIPAL_KEY

ROOT = Path(__file__).resolve().parents[2]


class _StandIn:
    """What the wrapper reads of an AppSession: its session state."""

    def __init__(self, principal: Principal | None) -> None:
        self._session_state = {PRINCIPAL_KEY: principal} if principal is not None else {}


@pytest.fixture
def cleared(monkeypatch: pytest.MonkeyPatch, engine: Engine) -> list[object]:
    """Install the guard over a recording handler; returns the sessions whose caches were cleared."""
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    calls: list[object] = []
    monkeypatch.setattr(AppSession, "_handle_clear_cache_request", lambda self: calls.append(self))
    monkeypatch.setattr(hardening, "_last_audit", {})
    hardening.install_server_guards()
    hardening.install_server_guards()  # idempotent: wrapped once
    return calls


def _principal(role: Role, method: str = "local") -> Principal:
    return Principal(username=f"{role.value}.user", role=role, method=method)


def test_admin_may_clear_the_caches(cleared: list[object]) -> None:
    session = _StandIn(_principal(Role.ADMIN))
    AppSession._handle_clear_cache_request(session)  # type: ignore[arg-type]
    assert cleared == [session]


@pytest.mark.parametrize("role", [Role.PIMPINAN, Role.EVALUATOR, Role.MANAGER, None])
def test_everyone_else_is_refused_and_audited(
    cleared: list[object], engine: Engine, role: Role | None
) -> None:
    session = _StandIn(_principal(role) if role else None)
    for _ in range(5):
        AppSession._handle_clear_cache_request(session)  # type: ignore[arg-type]
    assert cleared == []
    denied = read_audit(engine, actions=["access_denied"])
    assert len(denied) == 1  # five refusals in a row, one entry: a flood cannot flood the log
    assert '"request": "clear_cache"' in denied.iloc[0]["detail"]
    assert denied.iloc[0]["username"] == (f"{role.value}.user" if role else None)


def test_demo_admin_is_refused(cleared: list[object]) -> None:
    AppSession._handle_clear_cache_request(_StandIn(_principal(Role.ADMIN, method="demo")))  # type: ignore[arg-type]
    assert cleared == []


@pytest.mark.slow
def test_live_server_refuses_clear_cache_from_an_anonymous_websocket(engine: Engine) -> None:
    from tests.e2e.conftest import start_app

    sys.path.insert(0, str(ROOT))
    from bench.st_client import Session

    url = engine.url.render_as_string(hide_password=False)
    process, base = start_app(url)
    try:

        async def attack() -> None:
            async with Session(base) as session:
                run = await session.run_page("")
                assert run.exceptions == []
                for _ in range(3):
                    await session.clear_cache()
                again = await session.run_page("")  # the session still works
                assert again.exceptions == []

        # In a thread of its own: a browser test in the same worker may have left an event loop
        # running in this one (Playwright's sync API), and asyncio.run refuses to nest.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, attack()).result(timeout=300)
    finally:
        process.terminate()
        process.wait(timeout=20)
    denied = read_audit(engine, actions=["access_denied"])
    assert any('"request": "clear_cache"' in d for d in denied["detail"])
