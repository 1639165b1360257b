"""``python -m lib imports list|undo ID``: the import history, and undoing one import."""

from __future__ import annotations

import argparse

from lib.cli import UserError
from lib.cli.import_ import _default_user
from lib.db import ensure_schema, get_engine
from lib.i18n import LANGUAGES, translate
from lib.ingest import UndoRefused, list_imports, undo_import


def _list(args: argparse.Namespace) -> int:
    frame = list_imports(ensure_schema(get_engine()), limit=args.limit, kind=args.kind)
    if frame.empty:
        print("no imports yet")
        return 0
    for row in frame.itertuples(index=False):
        at = row.created_at.strftime("%Y-%m-%d %H:%M")
        print(
            f"#{row.id:<5} {at}  {row.kind:<9} {row.outcome:<8} rows={row.rows_total:<8} "
            f"new={row.rows_inserted:<8} updated={row.rows_updated:<6} rejected={row.rows_rejected:<6} "
            f"{row.file_name}  ({row.user})"
        )
    return 0


def _undo(args: argparse.Namespace) -> int:
    try:
        counts = undo_import(ensure_schema(get_engine()), args.id, user=args.user)
    except UndoRefused as exc:
        raise UserError(exc.message(args.lang)) from exc
    removed = sum(v for k, v in counts.items() if k.startswith("removed_"))
    restored = sum(v for k, v in counts.items() if k.startswith("restored_"))
    print(translate("ingest.undo.done", args.lang, id=args.id, removed=removed, restored=restored))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("imports", help="list imports, or undo one")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the import history, newest first")
    listing.add_argument("--limit", type=int, default=30, help="number of imports (default 30)")
    listing.add_argument("--kind", help="only this kind")
    listing.set_defaults(func=_list)
    undo = actions.add_parser("undo", help="undo one import: remove what it added, restore what it changed")
    undo.add_argument("id", type=int, metavar="ID", help="import number (see 'imports list')")
    undo.add_argument("--lang", choices=LANGUAGES, default="id", help="language of the messages (default id)")
    undo.add_argument("--user", default=_default_user(), help="name recorded in the audit log")
    undo.set_defaults(func=_undo)
