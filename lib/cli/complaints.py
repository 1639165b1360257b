"""``python -m lib complaints``: complaints per unit, their rate, answer times, backlog and spikes.

``--unit KODE`` covers that unit and everything below it (a kecamatan with its
kelurahan). ``--format json`` gives one object per unit with ``kode_unit``,
``nama_unit``, ``complaints``, ``rate_per_1000``, ``median_resolution_days``,
``share_late``, ``backlog`` and ``spikes`` (theme, observed, expected, ratio
with 95 % CI, p and BH q). ``--classify`` first brings complaint themes up
to date, reporting progress on stderr: it trains a new model only if the
labels changed since the stored one, then predicts complaints without a label
(written to the database). Pages and imports never train; this command and the
background worker do.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from lib.analysis.complaint_overview import ComplaintOverview, unit_report_records
from lib.analysis.complaint_spikes import SpikeSettings
from lib.cli import UserError
from lib.cli._options import parse_date, unit_scope
from lib.i18n import fmt_number, fmt_percent, translate
from lib.services.complaints import overview as load_overview
from lib.text.complaints import overview_sentences, spike_cell


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "complaints",
        help="Ringkasan pengaduan per unit / complaint summary per unit",
        description=translate("complaints.cli.help", "id"),
    )
    parser.add_argument(
        "--unit", metavar="KODE", help="kode unit: unit itu dan sub-unitnya (default: seluruh kota)"
    )
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="YYYY-MM-DD",
        help="tanggal awal (default: seperti halaman, 12 bulan lengkap terakhir)",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        metavar="YYYY-MM-DD",
        help="tanggal akhir (default: akhir bulan terakhir yang lengkap)",
    )
    parser.add_argument("--format", default="table", choices=("table", "json"), help="format keluaran")
    parser.add_argument("--lang", default="id", choices=("id", "en"), help="bahasa keluaran")
    parser.add_argument(
        "--recent-months", type=int, default=3, help="panjang jendela terbaru uji lonjakan (bulan)"
    )
    parser.add_argument("--alpha", type=float, default=0.05, help="batas q Benjamini–Hochberg untuk lonjakan")
    parser.add_argument(
        "--classify",
        action="store_true",
        help="perbarui dulu tema tebakan: latih ulang model bila label berubah, lalu tebak (menulis ke basis data)",
    )
    parser.set_defaults(func=run)


def _spike_cell(overview: ComplaintOverview, unit_id: int, lang: str) -> str:
    return spike_cell(overview, unit_id, lang)


def _table(overview: ComplaintOverview, lang: str) -> str:
    summary = overview.summary
    frame = pd.DataFrame(
        {
            translate("complaints.col.code", lang): summary["code"],
            translate("complaints.col.unit", lang): summary["name"].str.slice(0, 30),
            translate("complaints.col.complaints", lang): summary["complaints"],
            translate("complaints.col.rate", lang): [
                fmt_number(v, lang, 2) for v in summary["rate_per_1000"]
            ],
            translate("complaints.col.median", lang): [
                fmt_number(v, lang, 1) for v in summary["median_working_days"]
            ],
            translate("complaints.col.late", lang): [fmt_percent(v, lang, 0) for v in summary["share_late"]],
            translate("complaints.col.backlog", lang): summary["backlog"],
            translate("complaints.col.spike", lang): [
                _spike_cell(overview, u, lang) for u in summary["unit_id"]
            ],
        }
    )
    return frame.to_string(index=False)


def _json(overview: ComplaintOverview) -> dict[str, object]:
    spikes = overview.spikes
    totals = {
        k: (None if isinstance(v, float) and not np.isfinite(v) else v) for k, v in overview.totals.items()
    }
    return {
        "from": overview.date_from.isoformat(),
        "to": overview.date_to.isoformat(),
        "as_of": overview.as_of.isoformat(),
        "standard_working_days": 5,
        "spike_window": None
        if spikes.recent_start is None
        else {
            "recent_start": spikes.recent_start.date().isoformat(),
            "recent_end": spikes.recent_end.date().isoformat() if spikes.recent_end is not None else None,
            "baseline_start": spikes.baseline_start.date().isoformat()
            if spikes.baseline_start is not None
            else None,
            "test": "conditional Poisson (one-sided), quasi-Poisson dispersion",
            "adjustment": spikes.settings.adjust,
            "alpha": spikes.settings.alpha,
            "seasonal": bool(spikes.seasonal),
            "dispersion": {k: round(float(v), 3) for k, v in spikes.dispersion.items()},
        },
        "totals": totals,
        "units": unit_report_records(overview),
    }


def _classify(engine: Engine, lang: str) -> None:
    """Train if labels changed, then predict; progress lines on stderr (stdout stays the report)."""
    from lib.analysis.complaint_themes import MIN_LABELLED
    from lib.services.complaint_themes import refresh_theme_model

    last = {"line": ""}

    def progress(stage: str, fraction: float) -> None:
        line = translate(
            "complaints.classifier.progress",
            lang,
            stage=translate(f"complaints.classifier.stage.{stage}", lang),
            percent=fmt_percent(fraction, lang, 0),
        )
        if line != last["line"]:
            print(line, file=sys.stderr, flush=True)
            last["line"] = line

    outcome = refresh_theme_model(engine=engine, progress=progress)
    if outcome.reason == "too_few_labelled":
        print(translate("complaints.classifier.too_few", lang, n=MIN_LABELLED), file=sys.stderr)
        return
    key = "complaints.classifier.trained" if outcome.trained else "complaints.classifier.reused"
    print(
        translate(
            key,
            lang,
            model=outcome.model_id,
            n=fmt_number(outcome.n_train, lang, 0),
            cpu=fmt_number(outcome.cpu_seconds, lang, 1),
        ),
        file=sys.stderr,
    )
    print(
        translate(
            "complaints.classifier.done",
            lang,
            n=fmt_number(outcome.predicted, lang, 0),
            seconds=fmt_number(outcome.seconds, lang, 1),
        ),
        file=sys.stderr,
    )


def run(args: argparse.Namespace) -> int:
    from lib.db import ensure_schema, get_engine

    lang = args.lang
    date_from = parse_date(args.date_from, lang)
    date_to = parse_date(args.date_to, lang)
    if date_from and date_to and date_from > date_to:
        raise UserError(translate("complaints.cli.bad_dates", lang, start=date_from, end=date_to))
    if args.recent_months < 1 or not 0 < args.alpha < 1:
        raise UserError(translate("complaints.cli.bad_settings", lang))
    engine = ensure_schema(get_engine())
    scope = unit_scope(engine, args.unit, lang)
    if date_from is None and date_to is None:  # the pages' default: 12 complete months
        from lib.queries.coverage import default_window

        date_from, date_to = default_window(engine)

    if args.classify:
        _classify(engine, lang)

    settings = SpikeSettings(recent_months=args.recent_months, alpha=args.alpha)
    if date_from is not None and date_to is not None and settings == SpikeSettings():
        # the pages' settings: read the stored overview (the worker's, for the standard windows)
        from lib.results import get_or_compute
        from lib.results.dashboard import window_params

        params = {**window_params(date_from, date_to, scope), "period": "month"}
        overview = get_or_compute(engine, "complaints.overview", params).value
    else:
        overview = load_overview(
            engine=engine, scope=scope, date_from=date_from, date_to=date_to, spike_settings=settings
        )
    if args.format == "json":
        json.dump(_json(overview), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    if overview.empty:
        print(translate("complaints.empty", lang), file=sys.stderr)
        return 0
    print(_table(overview, lang))
    print()
    for sentence in overview_sentences(overview, lang):
        print(f"- {sentence}")
    return 0
