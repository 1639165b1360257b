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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lib",
        description="Telaah: evaluasi pengembangan kompetensi ASN dan kepuasan masyarakat.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    import lib.cli as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"lib.cli.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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
