"""``python -m lib impact``: training impact per programme and Kirkpatrick level.

One row per programme, level and measure with the estimate, its 95% CI, n and
the method, so an evaluator can paste the figures into a report or check them
against another tool. By default a "programme" is a course (all its runs, or
angkatan); ``--by run`` evaluates each run separately at levels 1–3 (level 4
is always per course: see :mod:`lib.analysis.training_summary`).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.analysis.training_results import DEFAULT_THRESHOLD
from lib.analysis.training_summary import (
    IMPACT_COLUMNS,
    ImpactData,
    evaluate_groups,
    impact_table,
    program_groups,
)
from lib.cli import UserError
from lib.cli._options import parse_date, unit_scope
from lib.i18n import translate
from lib.queries.units import Scope
from lib.reports import neutralise_cell
from lib.services.impact import impact_data

#: Every column of the impact table but the verdict, which JSON readers derive from the interval.
JSON_FIELDS = tuple(c for c in IMPACT_COLUMNS if c != "verdict")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "impact",
        help="Dampak pelatihan per program dan tingkat Kirkpatrick / training impact per programme and level",
        description=translate("impact.cli.help", "id") + ". " + translate("impact.cli.help", "en") + ".",
    )
    parser.add_argument(
        "--program",
        metavar="KODE",
        help="kode pelatihan (atau nama kursus); default: semua program",
    )
    parser.add_argument(
        "--by",
        default="course",
        choices=("course", "run"),
        help="course: semua angkatan satu pelatihan digabung (default); run: tiap angkatan/kode sendiri",
    )
    parser.add_argument("--unit", metavar="KODE", help="batasi ke unit ini dan sub-unitnya")
    parser.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="program yang selesai sejak tanggal ini"
    )
    parser.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="program yang selesai sampai tanggal ini"
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help="porsi staf terlatih agar unit dianggap dilatih (tingkat 4), default 0.5",
    )
    parser.add_argument("--format", default="table", choices=("table", "json", "csv"), help="format keluaran")
    parser.add_argument("--lang", default="id", choices=("id", "en"), help="bahasa pesan")
    parser.set_defaults(func=run)


def select_keys(data: ImpactData, by: str, program: str | None, lang: str) -> list[str] | None:
    """Group keys to evaluate for ``--program`` (a code, or a course name); None means all."""
    if not program:
        return None
    wanted = program.strip().upper()
    groups = program_groups(data, by)  # type: ignore[arg-type]
    keys = [
        row.key
        for row in groups.itertuples()
        if wanted in {c.upper() for c in row.codes} or str(row.key).upper() == wanted
    ]
    if not keys:
        examples = ", ".join(sorted(data.programs["program_code"])[:5])
        raise UserError(translate("impact.cli.unknown_program", lang, code=program, examples=examples or "–"))
    return keys


def records(table: pd.DataFrame) -> list[dict[str, object]]:
    """The JSON shape: one object per programme, level and measure (NaN as null)."""
    out = []
    for row in table.to_dict("records"):
        item = {field: row[field] for field in JSON_FIELDS}
        for field in ("estimate", "ci_low", "ci_high"):
            value = item[field]
            item[field] = (
                None
                if value is None or (isinstance(value, float) and math.isnan(value))
                else round(float(value), 4)
            )
        item["n"] = int(item["n"])
        item["verdict"] = row["verdict"] or None
        out.append(item)
    return out


def _fmt(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{float(value):.3f}"


def render_table(table: pd.DataFrame) -> str:
    """Plain-text table grouped by programme, for reading in a terminal."""
    lines: list[str] = []
    for (codes, name), group in table.groupby(["kode_pelatihan", "nama_pelatihan"], sort=False):
        code_list = codes.split(",")
        shown = code_list[0] + (f" (+{len(code_list) - 1})" if len(code_list) > 1 else "")
        lines.append(f"\n{name}  [{shown}]")
        flat = pd.DataFrame(
            {
                "level": group["level"],
                "measure": group["measure"],
                "estimate": [_fmt(v) for v in group["estimate"]],
                "95% CI": [
                    f"[{_fmt(lo)}, {_fmt(hi)}]"
                    for lo, hi in zip(group["ci_low"], group["ci_high"], strict=True)
                ],
                "n": group["n"],
                "verdict": group["verdict"].replace("", "–"),
                "method": group["method"],
            }
        )
        lines.append(flat.to_string(index=False))
    return "\n".join(lines).lstrip("\n")


def run(args: argparse.Namespace) -> int:
    from lib.db import ensure_schema, get_engine

    lang = args.lang
    date_from, date_to = parse_date(args.date_from, lang), parse_date(args.date_to, lang)
    if date_from and date_to and date_from > date_to:
        raise UserError(f"--from {date_from} sesudah / after --to {date_to}")
    if not 0 < args.threshold <= 1:
        raise UserError(f"--threshold harus di antara 0 dan 1 / must be in (0, 1]: {args.threshold}")
    engine = ensure_schema(get_engine())
    scope = unit_scope(engine, args.unit, lang)
    if args.by == "course" and not args.program and date_from and date_to:
        table = _stored_table(engine, scope, date_from, date_to, args.threshold)
        if table is not None:
            _print(table, args.format)
            return 0
    data = impact_data(engine=engine, scope=scope, date_from=date_from, date_to=date_to)
    if data.empty:
        raise UserError(translate("impact.no_programs", lang))
    keys = select_keys(data, args.by, args.program, lang)
    impacts = evaluate_groups(data, args.by, keys=keys, threshold=args.threshold)
    table = impact_table(impacts)
    _print(table, args.format)
    return 0


def _stored_table(
    engine: Engine, scope: Scope, date_from: date, date_to: date, threshold: float
) -> pd.DataFrame | None:
    """Every course's table as the Dampak page reads it (stored by the worker for the standard
    windows, computed and stored here otherwise); None when no programme ended in the window."""
    from lib.results import get_or_compute
    from lib.results.dashboard import impact_params

    params = impact_params(date_from, date_to, scope, threshold=threshold)
    stored = get_or_compute(engine, "training.impact", params).value
    return None if stored.empty else stored.table


def _print(table: pd.DataFrame, fmt: str) -> None:
    if fmt == "json":
        json.dump(records(table), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        out = table.copy()
        for column in ("kode_pelatihan", "nama_pelatihan", "method"):
            out[column] = out[column].map(neutralise_cell)
        out.to_csv(sys.stdout, index=False)
    else:
        print(render_table(table))
