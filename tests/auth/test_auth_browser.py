"""Signing in through a real browser: the local form under ``streamlit run`` in Debian's Chromium.

It serves ``gate_app.py`` (the gate and nothing else), so it checks the sign-in
itself (form, XSRF-protected websocket, session) independently of the pages.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from lib.auth.users import create_user
from lib.db import make_engine, upgrade
from lib.devserver import CHROMIUM, CHROMIUM_ARGS, start_streamlit
from tests.conftest import discard_database, new_database_url
from tests.e2e.conftest import wait_for_app

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia-kota-medan"
#: First loads import pandas, SQLAlchemy and Streamlit on a shared machine: allow for it.
SLOW = 60_000

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"), reason="no Chromium at /usr/bin/chromium"
    ),
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="module")
def gate_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = new_database_url(tmp_path_factory.mktemp("gate"), "telaah_gate")
    engine = make_engine(url)
    upgrade(engine)
    create_user(
        engine, username="eva", role="evaluator", password=PASSWORD, full_name="Eva Siregar", actor="test"
    )
    engine.dispose()
    env = {
        "DATABASE_URL": url,
        "TELAAH_AUTH_FAILURE_DELAY": "0",
        "PYTHONPATH": str(ROOT),
        "TELAAH_DEMO_MODE": "",
    }
    process, base = start_streamlit(env, ROOT / "tests" / "auth" / "gate_app.py", timeout=60)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        discard_database(url)


def _submit(page: Page, username: str, password: str) -> None:
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    wait_for_app(page)


def test_sign_in_through_the_browser(gate_server: str, page: Page) -> None:
    page.goto(gate_server)
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Masuk ke Telaah")).to_be_visible(timeout=SLOW)
    expect(page.get_by_label("Kata sandi")).to_have_attribute("type", "password")
    expect(page.get_by_text("protected content")).to_have_count(0)

    _submit(page, "eva", "bukan-sandi-yang-benar")
    expect(page.get_by_text("Nama pengguna atau kata sandi salah", exact=False)).to_be_visible(timeout=SLOW)
    expect(page.get_by_text("protected content")).to_have_count(0)

    _submit(page, "eva", PASSWORD)
    expect(page.get_by_text("protected content")).to_be_visible(timeout=SLOW)
    expect(page.get_by_text("role=evaluator")).to_be_visible()
    expect(
        page.get_by_test_id("stSidebar").get_by_text("Masuk sebagai Eva Siregar · Evaluator")
    ).to_be_visible()

    page.get_by_test_id("stSidebar").get_by_role("button", name="Keluar").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Masuk ke Telaah")).to_be_visible(timeout=SLOW)
    expect(page.get_by_text("protected content")).to_have_count(0)


def test_a_new_browser_session_must_sign_in_again(gate_server: str, page: Page) -> None:
    page.goto(gate_server)
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Masuk ke Telaah")).to_be_visible(timeout=SLOW)
    expect(page.get_by_text("protected content")).to_have_count(0)
