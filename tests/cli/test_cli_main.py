"""The CLI entry point: help for every command, and no traceback when the database is unreachable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lib.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert commands, "no CLI command registered"
    for name in commands:
        with pytest.raises(SystemExit) as exit_info:
            main([name, "--help"])
        assert exit_info.value.code == 0
        assert "usage:" in capsys.readouterr().out


def test_unreachable_database_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    if "demo" not in commands:
        pytest.skip("no demo command yet")
    result = subprocess.run(
        [sys.executable, "-m", "lib", "demo", "--if-empty"],
        cwd=ROOT,
        env={"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "basis data" in result.stderr
