"""``python -m lib user add|list|disable|enable|set-password|unlock``: local accounts.

Passwords are never taken as arguments (they would land in the shell history and
the process list): they are asked twice with ``getpass``, or read as one line from
standard input with ``--password-stdin`` for scripts.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from lib.auth.roles import ROLES, parse_role
from lib.auth.users import (
    AccountError,
    UserInfo,
    create_user,
    list_users,
    set_active,
    set_password,
    unlock_user,
)
from lib.cli import UserError
from lib.db import ensure_schema, get_engine


def _actor() -> str:
    """Who ran the command, for the audit log (the operating-system account)."""
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:
        return "cli"


def _read_password(args: argparse.Namespace, *, optional: bool = False) -> str | None:
    if args.password_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise UserError("no password on standard input")
        return password
    if optional and getattr(args, "sso_only", False):
        return None
    if not sys.stdin.isatty():
        raise UserError("no terminal to ask for the password: use --password-stdin")
    first = getpass.getpass("Kata sandi / password: ")
    if not first:
        raise UserError("empty password")
    if getpass.getpass("Ulangi / repeat: ") != first:
        raise UserError("the two passwords differ")
    return first


def _engine():  # type: ignore[no-untyped-def]
    return ensure_schema(get_engine())


def _add(args: argparse.Namespace) -> int:
    if args.sso_only and not args.email:
        raise UserError("--sso-only needs --email (the address the identity provider reports)")
    try:
        parse_role(args.role)  # before asking for a password that would then be wasted
    except ValueError as exc:
        raise UserError(str(exc)) from None
    password = _read_password(args, optional=True)
    try:
        user = create_user(
            _engine(),
            username=args.username,
            role=args.role,
            password=password,
            unit_code=args.unit,
            full_name=args.name,
            email=args.email,
            actor=_actor(),
        )
    except AccountError as exc:
        raise UserError(str(exc)) from None
    unit = f", unit {user.unit_code}" if user.unit_code else ""
    print(f"user {user.username} added: role {user.role}{unit}")
    return 0


def _format_time(value) -> str:  # type: ignore[no-untyped-def]
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "-"


def format_users(users: list[UserInfo]) -> str:
    """A plain table of accounts (no password hashes)."""
    header = ("username", "role", "unit", "email", "active", "password", "failures", "last sign-in (UTC)")
    rows = [
        (
            u.username,
            u.role,
            u.unit_code or "-",
            u.email or "-",
            "yes" if u.active else "NO",
            "yes" if u.has_password else "sso",
            str(u.failed_attempts),
            _format_time(u.last_login_at),
        )
        for u in users
    ]
    widths = [max(len(str(r[i])) for r in (header, *rows)) for i in range(len(header))]
    return "\n".join(
        "  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in (header, *rows)
    )


def _list(args: argparse.Namespace) -> int:
    users = list_users(_engine())
    print(format_users(users) if users else "no users yet: python -m lib user add USERNAME --role admin")
    return 0


def _change(args: argparse.Namespace) -> int:
    engine = _engine()
    try:
        if args.user_command == "disable":
            set_active(engine, args.username, False, actor=_actor())
            print(f"user {args.username} disabled")
        elif args.user_command == "enable":
            set_active(engine, args.username, True, actor=_actor())
            print(f"user {args.username} enabled")
        elif args.user_command == "unlock":
            unlock_user(engine, args.username, actor=_actor())
            print(f"user {args.username} unlocked")
        else:
            password = _read_password(args)
            assert password is not None
            set_password(engine, args.username, password, actor=_actor())
            print(f"password of {args.username} changed")
    except AccountError as exc:
        raise UserError(str(exc)) from None
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("user", help="manage local accounts (add, list, disable, set-password)")
    commands = parser.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    add = commands.add_parser("add", help="add an account; asks for the password")
    add.add_argument("username")
    add.add_argument("--role", required=True, help=f"one of: {', '.join(ROLES)}")
    add.add_argument("--unit", metavar="KODE", help="unit code (required for role manager)")
    add.add_argument("--name", help="full name")
    add.add_argument("--email", help="e-mail address used by single sign-on (OpenID Connect)")
    add.add_argument("--sso-only", action="store_true", help="no local password: sign-in through SSO only")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(func=_add)

    listing = commands.add_parser("list", help="list accounts")
    listing.set_defaults(func=_list)

    for name, text in (
        ("disable", "disable an account (it stays in the audit log)"),
        ("enable", "re-enable a disabled account"),
        ("unlock", "lift a lock after failed sign-ins"),
        ("set-password", "set a new password; asks for it"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("username")
        if name == "set-password":
            sub.add_argument(
                "--password-stdin", action="store_true", help="read the password from standard input"
            )
        sub.set_defaults(func=_change)
