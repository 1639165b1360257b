"""``python -m lib audit``: the newest audit-log entries, for admins on the server."""

from __future__ import annotations

import argparse

from lib.auth.audit import Action, read_audit
from lib.cli import UserError
from lib.db import ensure_schema, get_engine


def _show(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    frame = read_audit(
        ensure_schema(get_engine()),
        limit=args.limit,
        actions=args.action or None,
        username=args.user,
    )
    if frame.empty:
        print("no audit entries")
        return 0
    for row in frame.itertuples(index=False):
        at = row.at.strftime("%Y-%m-%d %H:%M:%S")
        print(f"{at}  {row.username or '-':<24} {row.action:<15} {row.detail or ''}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("audit", help="show the audit log (newest first)")
    parser.add_argument("--limit", type=int, default=50, help="number of entries (default 50)")
    parser.add_argument(
        "--action", action="append", choices=[a.value for a in Action], help="only this action (repeatable)"
    )
    parser.add_argument("--user", help="only entries of this username")
    parser.set_defaults(func=_show)
