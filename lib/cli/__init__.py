"""``python -m lib``: the command line, one module per command in this package.

Each command module defines ``register(subparsers)`` that adds its parser and sets
``func`` to a callable taking the parsed args and returning an exit code. New
commands are discovered automatically, so adding one never edits this file.
Errors a user can fix (``UserError``) are printed without a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from sqlalchemy.exc import OperationalError


class UserError(Exception):
    """A problem the user can fix: printed as a message, exit code 2."""


def command_modules() -> dict[str, str]:
    """Command name → module name (``import_`` serves ``import``), found without importing anything."""
    import lib.cli as package

    return {
        info.name.rstrip("_"): info.name
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    }


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or with ``only`` that one (so a command does not pay
    for importing the others' libraries: scipy, scikit-learn, statsmodels…)."""
    parser = argparse.ArgumentParser(
        prog="python -m lib",
        description="Telaah: evaluasi pengembangan kompetensi ASN dan kepuasan masyarakat.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    modules = command_modules()
    names = [only] if only in modules else sorted(modules)
    for name in names:
        module = importlib.import_module(f"lib.cli.{modules[name]}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        print(f"error: tidak dapat memakai basis data / cannot use the database: {reason}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("dibatalkan / cancelled", file=sys.stderr)
        return 130
