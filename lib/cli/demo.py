"""``python -m lib demo``: load the demo city (used by the README's run command on every start)."""

from __future__ import annotations

import argparse
import time

from sqlalchemy.exc import SQLAlchemyError

from lib.cli import UserError
from lib.db import ensure_schema, get_engine
from lib.i18n import fmt_number, translate


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from lib.demo.plan import SCALES

    parser = subparsers.add_parser("demo", help=translate("demo.help"), description=translate("demo.help"))
    parser.add_argument("--scale", choices=sorted(SCALES), default="small", help=translate("demo.arg_scale"))
    parser.add_argument("--seed", type=int, default=2026, help=translate("demo.arg_seed"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--replace", action="store_true", help=translate("demo.arg_replace"))
    mode.add_argument("--if-empty", action="store_true", help=translate("demo.arg_if_empty"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lib.demo import DatabaseNotEmpty, ReplaceBlocked, build_demo, has_data

    started = time.perf_counter()
    try:
        engine = ensure_schema(get_engine())
        with engine.connect() as conn:
            filled = has_data(conn)
        if filled and args.if_empty:
            print(translate("demo.skipped"))
            return 0
        if filled and not args.replace:
            raise DatabaseNotEmpty
        print(translate("demo.building", scale=args.scale, seed=args.seed), flush=True)
        counts = build_demo(engine, scale=args.scale, seed=args.seed, replace=args.replace)
    except DatabaseNotEmpty:
        if args.if_empty:
            print(translate("demo.skipped"))
            return 0
        raise UserError(translate("demo.not_empty")) from None
    except ReplaceBlocked as exc:
        raise UserError(translate("demo.replace_blocked", detail=str(exc))) from None
    except SQLAlchemyError as exc:
        raise UserError(translate("demo.db_error", detail=str(exc).splitlines()[0])) from None
    width = max(len(name) for name in counts)
    for table, rows in counts.items():
        print(f"  {table:<{width}}  {fmt_number(rows, decimals=0):>12}")
    seconds = fmt_number(time.perf_counter() - started, decimals=1)
    print(translate("demo.done", seconds=seconds, batch=f"demo:{args.scale}:{args.seed}"))
    return 0
