"""A local Streamlit server and headless Chromium, as the browser tests, benchmarks and scripts use them.

One place for how Telaah is started on a free port and when it counts as ready, so a
test and a benchmark always measure the same thing. Nothing here is used by the app.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from lib.settings import ROOT

CHROMIUM = Path("/usr/bin/chromium")
#: Debian's Chromium as root, headless, without the background traffic this machine refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Streamlit's own marker of the script's run state on the app root (see its e2e helpers).
SCRIPT_IDLE = (
    "() => { const app = document.querySelector('[data-testid=\"stApp\"]');"
    " return !!app && app.dataset.testScriptState === 'notRunning'"
    " && app.dataset.testConnectionState === 'CONNECTED'; }"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_streamlit(
    env: dict[str, str],
    script: str | Path = "app.py",
    *,
    timeout: float = 90.0,
    cwd: Path = ROOT,
    launcher: bool | None = None,
) -> tuple[subprocess.Popen[bytes], str]:
    """Serve ``script`` on a free port of 127.0.0.1 with ``env`` added to this process's
    environment; returns the process and its base URL once ``/_stcore/health`` answers.

    Telaah's own ``app.py`` is started as a server is (``python -m lib serve``: libraries
    loaded before the first visitor); any other script with plain ``streamlit run``.
    ``launcher=False`` starts the app with plain ``streamlit run`` too (to measure the difference).
    """
    port = free_port()
    is_app = (cwd / script).resolve() == (ROOT / "app.py").resolve()
    if launcher is None:
        launcher = is_app
    command = ["-m", "lib", "serve"] if launcher and is_app else ["-m", "streamlit", "run", str(script)]
    process = subprocess.Popen(
        [
            sys.executable,
            *command,
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
            "--browser.gatherUsageStats=false",
        ],
        cwd=ROOT if launcher and is_app else cwd,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError(f"streamlit did not become healthy within {timeout:.0f} s")
