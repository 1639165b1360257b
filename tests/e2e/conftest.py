"""Browser tests: the real app under ``streamlit run``, driven by Playwright in Debian's Chromium.

No browser is ever downloaded. Without /usr/bin/chromium the tests skip on a
user's machine, but fail in CI (``CI=true``), where .ci/run installs it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from lib.db import make_engine, upgrade
from tests.conftest import discard_database, new_database_url

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(database_url: str, extra_env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """Start ``streamlit run app.py`` on a free port and wait until it is healthy."""
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "TELAAH_DEMO_MODE": "1", **(extra_env or {})}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError("streamlit did not become healthy within 60 s")


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


def wait_for_app(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has drawn the page and finished running the script."""
    page.wait_for_selector("[data-testid='stAppViewContainer']", timeout=60_000)
    page.wait_for_timeout(500)
    # The view container is drawn before the client has reached the server (it first probes
    # /<page>/_stcore/health): wait until a script run has finished, not only for no status widget.
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=120_000,
    )
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000
    )
