"""``python -m lib priorities``: units ranked by their distance from the standards, with reasons.

Scores are always computed against the whole city (``--unit`` only narrows
what is printed), so the figures equal what every page shows for the unit.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Mapping
from datetime import date

import pandas as pd

from lib.analysis.priority_city import in_scope
from lib.analysis.priority_score import (
    COMPONENT_KEYS,
    DEFAULT_WEIGHTS,
    UNIT_RANKED,
    city_references,
    recommended_themes,
    score_units,
)
from lib.cli import UserError
from lib.cli._options import parse_date, unit_scope
from lib.db import ensure_schema, get_engine
from lib.i18n import translate
from lib.queries.complaint_themes import training_theme_map
from lib.queries.coverage import default_window
from lib.results import get_or_compute
from lib.results.dashboard import window_params
from lib.text.priorities import missing_text, reasons_text, themes_text


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "priorities",
        help="units ranked by their need for training, with reasons",
        description="Rank units by how far they are from the standards (IKM grade B, the city's complaint "
        "rate, complaints answered within 5 working days, SKP at least Baik, 20 JP), counting only gaps "
        "beyond their uncertainty; with each unit's reasons and the training themes its evidence points to. "
        "Units with too little evidence are listed as 'data kurang', not ranked.",
    )
    parser.add_argument(
        "--unit", metavar="KODE", help="only this unit and its sub-units (scored against the city)"
    )
    parser.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="start date (default: 12 months before --to)"
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        metavar="YYYY-MM-DD",
        help="end date (default: end of the last month complete for every source)",
    )
    parser.add_argument("--top", type=int, default=0, help="show only the first N ranked units")
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="language of reasons and themes")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(func=run)


def _clean(value: object) -> object:
    """JSON-safe: numpy scalars to Python, NaN/NA to None."""
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()  # type: ignore[union-attr]
    if isinstance(value, float):
        return round(value, 4) if math.isfinite(value) else None
    return value


def component_records(row: pd.Series) -> dict[str, dict[str, object]]:
    """Per component: value, standard, gap, se, 95 % CI, need, coverage status and whether it is a reason."""
    return {
        key: {
            "value": _clean(row[f"value_{key}"]),
            "standard": _clean(row[f"standard_{key}"]),
            "gap": _clean(row[f"gap_{key}"]),
            "se": _clean(row[f"se_{key}"]),
            "ci_low": _clean(row[f"ci_low_{key}"]),
            "ci_high": _clean(row[f"ci_high_{key}"]),
            "need": _clean(row[f"need_{key}"]),
            "coverage": row[f"status_{key}"],
            "reason": bool(row[f"reason_{key}"]),
        }
        for key in COMPONENT_KEYS
    }


def unit_record(row: pd.Series, lang: str, theme_map: Mapping[str, str] | None = None) -> dict[str, object]:
    ranked = row["status"] == UNIT_RANKED
    return {
        "rank": int(row["rank"]) if ranked else None,
        "kode_unit": row["kode_unit"],
        "nama_unit": row["nama_unit"],
        "jenis_unit": row["jenis_unit"],
        "status": row["status"],
        "score": _clean(row["score"]),
        "flagged": bool(row["flagged"]),
        "coverage": _clean(row["coverage"]),
        "missing": list(row["missing"]),
        "missing_text": missing_text(row, lang),
        "basis": {
            family: row.get(f"basis_{family}")
            for family in ("survey", "complaints", "answers", "service", "staff")
            if isinstance(row.get(f"basis_{family}"), str)
        },
        "reasons": list(row["reasons"]),
        "reasons_text": reasons_text(row, lang),
        "themes": [theme for theme, _ in recommended_themes(row, theme_map=theme_map)],
        "themes_text": themes_text(row, lang, theme_map),
        "components": component_records(row),
        "ikm": _clean(row["ikm"]),
        "rate_per_1000": _clean(row["rate_per_1000"]),
        "share_20jp": _clean(row["share_20jp"]),
    }


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
    # the city's evidence as the worker stores it for the pages (computed and stored if absent)
    evidence = get_or_compute(engine, "priorities.evidence", window_params(date_from, date_to)).value
    scored = in_scope(score_units(evidence), scope)
    ranked = scored[scored["status"] == UNIT_RANKED]
    short = scored[scored["status"] != UNIT_RANKED]
    if args.top:
        ranked = ranked.head(args.top)
    if args.format == "json":
        theme_map = training_theme_map(engine)  # the city's own complaint themes → training themes
        records = [unit_record(r, args.lang, theme_map) for _, r in pd.concat([ranked, short]).iterrows()]
        references = {k: _clean(v) for k, v in city_references(evidence).items()}
        payload = {
            "period": {"from": date_from.isoformat(), "to": date_to.isoformat()},
            "weights": DEFAULT_WEIGHTS,
            "city": references,
            "units": records,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    for _, r in ranked.iterrows():
        flag = "!" if r["flagged"] else " "
        print(f"{int(r['rank']):>3} {flag} {r['score']:5.1f}  {r['kode_unit']:<16} {r['nama_unit']}")
        reasons = reasons_text(r, args.lang)
        if reasons:
            print(f"          {reasons}")
    if not short.empty:
        print()
        print(translate("priority.data_kurang", args.lang, n=len(short)))
        for _, r in short.iterrows():
            print(f"    -       {r['kode_unit']:<16} {r['nama_unit']}: {missing_text(r, args.lang)}")
    return 0
