"""``python -m lib priorities``: the ranked units with reasons and recommended training themes."""

from __future__ import annotations

import argparse
import json
import math
from datetime import date

from lib.analysis.priority_score import priority_scores, recommended_themes
from lib.analysis.priority_text import reasons_text, themes_text
from lib.cli import UserError
from lib.cli._options import parse_date, unit_scope
from lib.db import ensure_schema, get_engine
from lib.queries.coverage import default_window
from lib.queries.unit_evidence import unit_evidence


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "priorities",
        help="units ranked by their need for training, with reasons",
        description="Rank units by the transparent priority score (IKM, complaints, service time, SKP, 20 JP) "
        "over a period, with each unit's main reasons and the training themes its evidence points to.",
    )
    parser.add_argument("--unit", metavar="KODE", help="only this unit and its sub-units")
    parser.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="start date (default: 12 months before --to)"
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        metavar="YYYY-MM-DD",
        help="end date (default: end of the last month complete for every source)",
    )
    parser.add_argument("--top", type=int, default=0, help="show only the first N units")
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="language of reasons and themes")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(func=run)


def _clean(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def run(args: argparse.Namespace) -> int:
    engine = ensure_schema(get_engine())
    scope = unit_scope(engine, args.unit, args.lang)
    # without dates: the pages' default window, 12 months ending at the last complete month
    default_from, default_to = default_window(engine)
    date_to = parse_date(args.date_to, args.lang) or default_to
    date_from = parse_date(args.date_from, args.lang) or (
        default_from if args.date_to is None else date(date_to.year - 1, date_to.month, 1)
    )
    if date_from > date_to:
        raise UserError("--from is after --to")
    scored = priority_scores(unit_evidence(engine, scope, date_from, date_to))
    scored = scored[scored["score"].notna()]
    if args.top:
        scored = scored.head(args.top)
    if args.format == "json":
        records = [
            {
                "rank": int(r["rank"]),
                "kode_unit": r["kode_unit"],
                "nama_unit": r["nama_unit"],
                "score": round(float(r["score"]), 2),
                "flagged": bool(r["flagged"]),
                "coverage": round(float(r["coverage"]), 3),
                "reasons": list(r["reasons"]),
                "reasons_text": reasons_text(r, args.lang),
                "themes": [theme for theme, _ in recommended_themes(r)],
                "themes_text": themes_text(r, args.lang),
                "ikm": _clean(float(r["ikm"])),
                "rate_per_1000": _clean(float(r["rate_per_1000"])),
                "share_20jp": _clean(float(r["share_20jp"])),
            }
            for _, r in scored.iterrows()
        ]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    for _, r in scored.iterrows():
        flag = "!" if r["flagged"] else " "
        print(f"{int(r['rank']):>3} {flag} {r['score']:5.1f}  {r['kode_unit']:<16} {r['nama_unit']}")
        reasons = reasons_text(r, args.lang)
        if reasons:
            print(f"          {reasons}")
    return 0
