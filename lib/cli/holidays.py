"""``python -m lib holidays``: the days off that working-day counts leave out.

National holidays come from the ``holidays`` library; each year's SKB on cuti
bersama (and a national holiday the government moved) is added here by an admin
on the server, so the 5-working-day complaint standard is judged the way
government offices count days.
"""

from __future__ import annotations

import argparse
from datetime import date

from lib.auth.audit import Action, record
from lib.cli import UserError
from lib.cli._options import parse_date
from lib.db import ensure_schema, get_engine
from lib.queries.holidays import KINDS, add_holiday, remove_holiday, year_calendar


def _list(args: argparse.Namespace) -> int:
    engine = ensure_schema(get_engine())
    year = args.year or date.today().year
    for row in year_calendar(engine, year).itertuples(index=False):
        print(f"{row.day.isoformat()}  {row.source:<15} {row.name}")
    return 0


def _add(args: argparse.Namespace) -> int:
    day = parse_date(args.day)
    assert day is not None
    engine = ensure_schema(get_engine())
    try:
        added = add_holiday(engine, day, args.name, args.kind, by=args.by)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    if added:
        record(
            engine,
            Action.HOLIDAY_ADDED,
            username=args.by or "cli",
            detail={"day": day.isoformat(), "name": args.name},
        )
    print(f"{day.isoformat()} {'added' if added else 'already recorded, unchanged'}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    day = parse_date(args.day)
    assert day is not None
    engine = ensure_schema(get_engine())
    removed = remove_holiday(engine, day)
    if removed:
        record(engine, Action.HOLIDAY_REMOVED, username="cli", detail={"day": day.isoformat()})
    print(
        f"{day.isoformat()} {'removed' if removed else 'was not recorded (national holidays cannot be removed)'}"
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "holidays", help="list or record days off (cuti bersama from the yearly SKB)"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every day off in a year: national and admin-recorded")
    listing.add_argument("--year", type=int, help="default: this year")
    listing.set_defaults(func=_list)
    adding = actions.add_parser("add", help="record a day off (YYYY-MM-DD NAME)")
    adding.add_argument("day")
    adding.add_argument("name")
    adding.add_argument("--kind", choices=KINDS, default="cuti_bersama")
    adding.add_argument("--by", help="who recorded it (for the record)")
    adding.set_defaults(func=_add)
    removing = actions.add_parser("remove", help="delete a day an admin recorded")
    removing.add_argument("day")
    removing.set_defaults(func=_remove)
