"""``python -m lib ikm``: the IKM per unit (and per period) on the command line.

For evaluators who check Telaah against their own spreadsheet, and for scripts:
``--format json`` gives one object per unit (and period), with the NRR of the
nine unsur, the IKM on the 25–100 scale to two decimals, the grade and the
weight used.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from datetime import date

import pandas as pd

from lib.cli import UserError
from lib.cli._options import parse_date
from lib.i18n import translate
from lib.models import UNSUR
from lib.periods import PERIODS
from lib.queries.units import CITY, Scope, list_units
from lib.reports import neutralise_cell
from lib.services.ikm import unit_ikm, unit_ikm_by_period


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "ikm",
        help="Hitung IKM per unit / compute the IKM per unit (PermenPANRB 14/2017)",
        description="IKM per unit layanan menurut PermenPANRB 14/2017: NRR per unsur, IKM 25–100, mutu A–D.",
    )
    parser.add_argument("--unit", metavar="KODE", help="kode unit (default: semua unit)")
    parser.add_argument(
        "--subtree", action="store_true", help="dengan --unit: tampilkan juga setiap sub-unit di bawahnya"
    )
    parser.add_argument(
        "--rollup",
        action="store_true",
        help="gabungkan responden sub-unit ke unit induknya (berbobot responden)",
    )
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="tanggal awal (inklusif)")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="tanggal akhir (inklusif)")
    parser.add_argument("--period", choices=PERIODS, help="satu baris per unit dan periode")
    parser.add_argument(
        "--weight",
        default="0.111",
        choices=("0.111", "exact", "1/9"),
        help="bobot unsur: 0.111 seperti laporan resmi (default) atau exact = 1/9",
    )
    parser.add_argument("--format", default="table", choices=("table", "json", "csv"), help="format keluaran")
    parser.add_argument("--lang", default="id", choices=("id", "en"), help="bahasa pesan")
    parser.set_defaults(func=run)


def _clean(value: object) -> object:
    """JSON-safe plain values: NaN and pandas NA become null, numpy scalars plain Python."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()  # type: ignore[union-attr]
    if isinstance(value, date):
        return value.isoformat()
    return value


def records(frame: pd.DataFrame, date_from: date | None, date_to: date | None) -> list[dict[str, object]]:
    """The JSON shape: one object per row of a :func:`unit_ikm` / :func:`unit_ikm_by_period` frame."""
    out = []
    for row in frame.to_dict("records"):
        item: dict[str, object] = {
            "kode_unit": row["kode_unit"],
            "nama_unit": row["nama_unit"],
        }
        if "period_label" in row:
            item["periode"] = row["period_label"]
            item["period_start"] = _clean(row["period_start"])
            item["period_end"] = _clean(row["period_end"])
        item.update(
            {
                "responden": int(row["responden"]),
                "nrr": {
                    u: _clean(None if pd.isna(row[f"nrr_{u}"]) else round(float(row[f"nrr_{u}"]), 4))
                    for u in UNSUR
                },
                "ikm": _clean(row["ikm_2dp"]),
                "mutu": row["mutu"],
                "mutu_label": row["mutu_label"],
                "weight": row["weight"],
                "populasi_periode": _clean(row["populasi_periode"]),
                "sampel_minimum": _clean(row["sampel_minimum"]),
                "sampel_cukup": _clean(row["sampel_cukup"]),
                "rollup": bool(row["rollup"]),
                "from": None if date_from is None else date_from.isoformat(),
                "to": None if date_to is None else date_to.isoformat(),
            }
        )
        out.append(item)
    return out


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    columns = ["kode_unit", "nama_unit"]
    if "period_label" in frame.columns:
        columns.append("period_label")
    columns += ["responden", *[f"nrr_{u}" for u in UNSUR], "ikm_2dp", "mutu", "weight", "sampel_minimum"]
    flat = frame[columns].rename(columns={"ikm_2dp": "ikm", "period_label": "periode"}).copy()
    for u in UNSUR:
        flat[f"nrr_{u}"] = flat[f"nrr_{u}"].round(4)
    return flat


def _table(frame: pd.DataFrame) -> str:
    flat = _flat(frame)
    flat = flat.rename(columns={f"nrr_{u}": f"U{i + 1}" for i, u in enumerate(UNSUR)})
    flat["nama_unit"] = flat["nama_unit"].str.slice(0, 32)
    flat["sampel"] = [
        "" if pd.isna(m) else (f"{r} < {m}" if r < m else "ok")
        for r, m in zip(flat["responden"], flat.pop("sampel_minimum"), strict=True)
    ]
    return flat.to_string(index=False, na_rep="–", float_format=lambda v: f"{v:.4f}".rstrip("0").rstrip("."))


def run(args: argparse.Namespace) -> int:
    from lib.db import ensure_schema, get_engine

    lang = args.lang
    date_from = parse_date(args.date_from, lang)
    date_to = parse_date(args.date_to, lang)
    if date_from and date_to and date_from > date_to:
        raise UserError(translate("ikm.cli.bad_range", lang, start=date_from, end=date_to))
    weight = "exact" if args.weight in ("exact", "1/9") else "0.111"
    engine = ensure_schema(get_engine())

    scope: Scope = CITY
    only: str | None = None
    if args.unit:
        units = list_units(engine)
        match = units[units["code"].str.upper() == args.unit.strip().upper()]
        if match.empty:
            raise UserError(translate("ikm.cli.unknown_unit", lang, code=args.unit))
        scope = Scope(path_prefix=match.iloc[0]["path"])
        if not args.subtree:
            only = match.iloc[0]["code"]

    if args.period:
        frame = unit_ikm_by_period(
            engine=engine,
            scope=scope,
            date_from=date_from,
            date_to=date_to,
            period=args.period,
            weight=weight,
            rollup=args.rollup,
        )
    else:
        frame = unit_ikm(
            engine=engine,
            scope=scope,
            date_from=date_from,
            date_to=date_to,
            weight=weight,
            rollup=args.rollup,
        )
    if only is not None:
        frame = frame[frame["kode_unit"] == only]

    try:
        _write(frame, args, lang, date_from, date_to)
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    return 0


def _write(
    frame: pd.DataFrame, args: argparse.Namespace, lang: str, date_from: date | None, date_to: date | None
) -> None:
    if args.format == "json":
        json.dump(records(frame, date_from, date_to), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        flat = _flat(frame)
        flat["nama_unit"] = flat["nama_unit"].map(neutralise_cell)
        flat.to_csv(sys.stdout, index=False)
    elif frame.empty:
        print(translate("ikm.cli.no_data", lang), file=sys.stderr)
    else:
        print(_table(frame))
        print(f"\n{translate('ikm.weight.' + frame['weight'].iloc[0], lang)}; U1–U9 = {', '.join(UNSUR)}")
