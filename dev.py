#!/usr/bin/env python3
"""The two commands a newcomer needs, each doing its own setup and safe to repeat.

    python3 dev.py run    # set up, load the demo city if the database is empty, start the dashboard (demo mode)
    python3 dev.py test   # set up, then run the whole test suite (extra arguments go to pytest)

Setup means: a virtual environment in ``.venv`` with the pinned requirements,
reinstalled only when a requirements file changed. Only the standard library is
used here, so this runs on a fresh machine that has nothing but Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".requirements.sha256"
REQUIREMENTS = [ROOT / "requirements.txt", ROOT / "requirements-dev.txt"]


def _requirements_hash() -> str:
    digest = hashlib.sha256()
    for path in REQUIREMENTS:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def setup() -> None:
    """Create ``.venv`` and install the requirements when they changed since last time."""
    if sys.version_info < (3, 11):  # noqa: UP036  (dev.py may be run by an older python3)
        sys.exit(f"Telaah needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print("· creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = _requirements_hash()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    print("· installing requirements into .venv (first run takes a few minutes)", flush=True)
    subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "-q",
            "-r",
            "requirements-dev.txt",
        ],
        cwd=ROOT,
        check=True,
    )
    STAMP.write_text(wanted)


def run(args: list[str]) -> int:
    """The demo: the demo city in an empty database, and demo mode (no sign-in) unless told otherwise."""
    setup()
    subprocess.run([str(PYTHON), "-m", "lib", "demo", "--if-empty"], cwd=ROOT, check=True)
    env = {**os.environ, "TELAAH_DEMO_MODE": os.environ.get("TELAAH_DEMO_MODE", "1")}
    # `python -m lib serve` is `streamlit run app.py` with the libraries loaded before the first visit.
    return subprocess.call([str(PYTHON), "-m", "lib", "serve", *args], cwd=ROOT, env=env)


def test(args: list[str]) -> int:
    """The whole suite, spread over the machine's cores (pytest-xdist) unless told otherwise."""
    setup()
    told = any(
        a in ("-n", "--numprocesses", "no:xdist") or a.startswith(("-n", "--numprocesses=")) for a in args
    )
    parallel = [] if told else ["-n", "auto"]
    return subprocess.call([str(PYTHON), "-m", "pytest", *parallel, *args], cwd=ROOT)


def main() -> int:
    commands = {"run": run, "test": test, "setup": lambda _args: setup() or 0}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
