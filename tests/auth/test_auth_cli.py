"""``python -m lib user …`` and ``python -m lib audit``: accounts from the shell, errors without tracebacks."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine

from lib.auth.users import authenticate, get_user
from lib.cli import main

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "sandi-yang-cukup-panjang"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run the CLI in-process against the test database: ``cli(args, stdin) -> (rc, out, err)``."""
    monkeypatch.setenv("DATABASE_URL", db_url)

    def run(args: list[str], stdin: str = "", tty: bool = False) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", _Terminal(stdin) if tty else io.StringIO(stdin))
        rc = main(args)
        captured = capsys.readouterr()
        return rc, captured.out, captured.err

    return run


def test_add_list_disable_enable(cli, engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    rc, out, _ = cli(
        [
            "user",
            "add",
            "Camat.A",
            "--role",
            "manager",
            "--unit",
            "KEC-A",
            "--name",
            "Budi",
            "--password-stdin",
        ],
        PASSWORD + "\n",
    )
    assert rc == 0 and "camat.a added: role manager, unit KEC-A" in out
    assert (
        cli(["user", "add", "kadis", "--role", "pimpinan", "--email", "kadis@medan.go.id", "--sso-only"])[0]
        == 0
    )

    rc, out, _ = cli(["user", "list"])
    assert rc == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["username", "role", "unit"]
    assert lines[1].split()[:6] == ["camat.a", "manager", "KEC-A", "-", "yes", "yes"]
    assert lines[2].split()[:6] == ["kadis", "pimpinan", "-", "kadis@medan.go.id", "yes", "sso"]
    assert "$argon2" not in out

    assert authenticate(engine, "camat.a", PASSWORD).ok
    assert cli(["user", "disable", "camat.a"])[0] == 0
    assert not authenticate(engine, "camat.a", PASSWORD).ok
    assert cli(["user", "enable", "camat.a"])[0] == 0
    assert authenticate(engine, "camat.a", PASSWORD).ok


def test_set_password_and_unlock(cli, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    cli(["user", "add", "eva", "--role", "evaluator", "--password-stdin"], PASSWORD + "\n")
    for _ in range(5):
        authenticate(engine, "eva", "wrong-password-x")
    assert get_user(engine, "eva").locked_until is not None
    assert cli(["user", "unlock", "eva"])[0] == 0
    assert get_user(engine, "eva").locked_until is None
    assert cli(["user", "set-password", "eva", "--password-stdin"], "kata-sandi-baru-2026\r\n")[0] == 0
    assert authenticate(engine, "eva", "kata-sandi-baru-2026").ok


def test_password_is_asked_twice_on_a_terminal(cli, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    answers = iter([PASSWORD, PASSWORD, PASSWORD, "something-else-entirely"])
    monkeypatch.setattr("lib.cli.user.getpass.getpass", lambda prompt="": next(answers))
    assert cli(["user", "add", "eva", "--role", "evaluator"], tty=True)[0] == 0
    assert authenticate(engine, "eva", PASSWORD).ok
    rc, _, err = cli(["user", "add", "eva2", "--role", "evaluator"], tty=True)
    assert rc == 2 and "differ" in err


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (
            ["user", "add", "eva", "--role", "evaluator", "--password-stdin"],
            "another-password-1\n",
            "already exists",
        ),
        (["user", "add", "boss", "--role", "superuser", "--password-stdin"], PASSWORD + "\n", "unknown role"),
        (
            ["user", "add", "mgr1", "--role", "manager", "--unit", "NOPE", "--password-stdin"],
            PASSWORD + "\n",
            "unknown unit code",
        ),
        (["user", "add", "mgr1", "--role", "manager", "--password-stdin"], PASSWORD + "\n", "needs a unit"),
        (["user", "add", "pim1", "--role", "pimpinan", "--password-stdin"], "\n", "no password"),
        (["user", "add", "pim1", "--role", "pimpinan", "--password-stdin"], "", "no password"),
        (["user", "add", "pim1", "--role", "pimpinan", "--password-stdin"], "pendek\n", "at least 10"),
        (["user", "add", "pim1", "--role", "pimpinan"], "", "--password-stdin"),
        (["user", "add", "pim1", "--role", "pimpinan", "--sso-only"], "", "needs --email"),
        (["user", "disable", "ghost"], "", "no user named"),
        (["user", "set-password", "ghost", "--password-stdin"], PASSWORD + "\n", "no user named"),
        (["audit", "--limit", "0"], "", "at least 1"),
    ],
)
def test_bad_input_gives_a_message_not_a_traceback(
    cli, tree, args: list[str], stdin: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    cli(["user", "add", "eva", "--role", "evaluator", "--password-stdin"], PASSWORD + "\n")
    rc, _, err = cli(args, stdin)
    assert rc == 2
    assert message in err and "Traceback" not in err


def test_audit_command_shows_newest_entries(cli, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    cli(["user", "add", "eva", "--role", "evaluator", "--password-stdin"], PASSWORD + "\n")
    authenticate(engine, "eva", "wrong-password-x")
    authenticate(engine, "eva", PASSWORD)
    rc, out, _ = cli(["audit", "--limit", "2"])
    lines = out.splitlines()
    assert rc == 0 and len(lines) == 2
    assert lines[0].split()[2:4] == ["eva", "sign_in"]
    assert lines[1].split()[2:4] == ["eva", "sign_in_failed"]
    rc, out, _ = cli(["audit", "--action", "user_added"])
    assert "cli:" in out and "user_added" in out and len(out.splitlines()) == 1
    assert cli(["audit", "--user", "nobody"])[1] == "no audit entries\n"


def test_real_process_exit_code_and_message(db_url: str, tree) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "DATABASE_URL": db_url}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "lib",
            "user",
            "add",
            "mgr1",
            "--role",
            "manager",
            "--unit",
            "KEC-Z",
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "error: unknown unit code 'KEC-Z'"
