"""Browser tests: the real app under ``streamlit run``, driven by Playwright in Debian's Chromium.

No browser is ever downloaded. Without /usr/bin/chromium the tests skip on a
user's machine, but fail in CI (``CI=true``), where .ci/run installs it.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator

import pytest

from lib.db import make_engine, upgrade
from lib.devserver import CHROMIUM, CHROMIUM_ARGS, SCRIPT_IDLE, start_streamlit
from tests.conftest import discard_database, new_database_url


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
    if CHROMIUM.exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="no Chromium at /usr/bin/chromium (apt-get install chromium)")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not CHROMIUM.exists():
        pytest.fail("CI must have Chromium at /usr/bin/chromium for the browser tests")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


def start_app(database_url: str, extra_env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """Start ``streamlit run app.py`` in demo mode on a free port and wait until it is healthy."""
    return start_streamlit({"DATABASE_URL": database_url, "TELAAH_DEMO_MODE": "1", **(extra_env or {})})


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the full app on a writable temporary database holding the small demo city."""
    from lib.demo import build_demo

    url = new_database_url(tmp_path_factory.mktemp("e2e"), "telaah_e2e")
    engine = make_engine(url)
    upgrade(engine)
    build_demo(engine, scale="small")
    engine.dispose()
    process, base = start_app(url)
    yield base
    process.terminate()
    process.wait(timeout=20)
    discard_database(url)


def wait_for_app(page, timeout_ms: int = 120_000, settle_ms: int = 200) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has finished running the script (its run state, not a toolbar indicator).

    The state must stay idle for ``settle_ms``, because a script that calls
    ``st.rerun()`` passes through "notRunning" for an instant between runs.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        remaining = max(1, int((deadline - time.monotonic()) * 1000))
        page.wait_for_function(SCRIPT_IDLE, timeout=remaining)
        page.wait_for_timeout(settle_ms)
        if page.evaluate(SCRIPT_IDLE):
            return
        if time.monotonic() > deadline:
            raise TimeoutError("the Streamlit script did not finish running")


def open_upload_as_evaluator(page) -> None:  # type: ignore[no-untyped-def]
    """In demo mode, switch to the evaluator role and open Unggah Data.

    The role picker sits low in the sidebar, where its list may open out of view: type the choice.
    """
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_test_id("stSelectbox").filter(has_text="Peran demo").click()
    page.keyboard.type("Evaluator")
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.get_by_test_id("stSidebarNav").get_by_text("Unggah Data").click()
    wait_for_app(page)
