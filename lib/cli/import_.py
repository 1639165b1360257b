"""``python -m lib import KIND FILE``: import one CSV/XLSX file, for scheduled jobs.

Exit 0 when the file was imported (or had already been imported, or a dry run
found nothing wrong); exit 1 with every problem on stderr when it was refused;
exit 2 for a wrong command line. Nothing is stored from a refused file.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from lib.cli import UserError
from lib.db import ensure_schema, get_engine
from lib.i18n import LANGUAGES, translate
from lib.ingest import ImportOptions, import_upload, prepare_upload
from lib.ingest.batches import DUPLICATE, REFUSED
from lib.ingest.kinds import KIND_ALIASES, KINDS
from lib.ingest.pipeline import PreparedUpload
from lib.ingest.problems import problems_frame, summarise
from lib.safe_export import to_csv_bytes
from lib.settings import get_settings

#: problems of the --map choices themselves: a usage error (exit 2), not a refused file
_MAP_PROBLEMS = ("map_unknown_field", "map_unknown_header")


def _mapping(pairs: list[str] | None) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise UserError(f"--map expects FIELD=HEADER, got {pair!r}")
        name, header = pair.split("=", 1)
        out[name.strip()] = header.strip() or None
    return out


def _run(args: argparse.Namespace) -> int:
    kind = KIND_ALIASES.get(args.kind.lower(), args.kind.lower())
    if kind not in KINDS:
        raise UserError(f"unknown kind {args.kind!r}; one of: {', '.join(KINDS)}")
    path = Path(args.file)
    if not path.is_file():
        raise UserError(f"file not found: {path}")
    limit = get_settings().max_upload_mb
    if path.stat().st_size > limit * 1024 * 1024:
        raise UserError(translate("ingest.problem.too_large", args.lang, limit=limit))
    options = ImportOptions(
        unit_code=args.unit,
        u8_u9_swapped=args.u8_u9_swapped,
        skip_invalid=args.skip_invalid,
        mapping_overrides=_mapping(args.map),
        skip_duplicates=args.skip_duplicates,
    )
    engine = ensure_schema(get_engine())
    try:
        prepared = prepare_upload(path.read_bytes(), path.name, kind, engine, options)
        wrong_map = [p for p in prepared.problems if p.code in _MAP_PROBLEMS]
        if wrong_map:
            raise UserError("--map: " + wrong_map[0].sentence(args.lang))
        result = import_upload(
            engine, prepared, user=args.user, dry_run=args.dry_run, lang=args.lang, replaces=args.replaces
        )
    except UserError:
        raise
    except Exception as exc:  # a bug must still not print a traceback at a scheduled job
        raise UserError(
            f"import failed unexpectedly ({type(exc).__name__}: {exc}); nothing was stored"
        ) from exc
    if result.problems:
        print(summarise(result.problems, args.lang, limit=args.max_problems), file=sys.stderr)
        if args.problems:
            Path(args.problems).write_bytes(to_csv_bytes(problems_frame(result.problems, args.lang)))
    stream = sys.stderr if result.outcome == REFUSED else sys.stdout
    for line in _scale_lines(prepared, args.lang):
        print(line, file=stream)
    print(result.summary(args.lang), file=stream)
    if result.outcome == DUPLICATE:
        return 0
    if args.dry_run and any(p.is_error for p in result.problems) and not args.skip_invalid:
        return 1
    return 1 if result.outcome == REFUSED else 0


def _scale_lines(prepared: PreparedUpload, lang: str) -> list[str]:
    """How each label column's answers were scored ("waktu (Kecepatan): Tidak Puas=1, …"), for the log."""
    table = prepared.scale_table(lang)
    if table.empty:
        return []
    source, value, score = (translate(f"ingest.col.{k}", lang) for k in ("source", "value", "score"))
    lines = []
    for (unsur, header), group in table.groupby(["unsur", source], sort=False):
        pairs = ", ".join(
            f"{v}={'?' if s != s or s is None else int(s)}"
            for v, s in zip(group[value], group[score], strict=True)
        )
        short = header if len(header) <= 50 else header[:49] + "…"
        lines.append(f"{unsur} ({short}): {pairs}")
    return lines


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import a CSV/XLSX file of one kind (unit, pegawai, pelatihan, kinerja, layanan, survei, pengaduan)",
        description="Import one file. A file with problems is refused as a whole (exit 1, problems on stderr) "
        "unless --skip-invalid is given; the same file imported twice is imported once.",
    )
    parser.add_argument("kind", metavar="KIND", help=f"kind of data: {', '.join(KINDS)}")
    parser.add_argument("file", metavar="FILE", help="CSV or XLSX file")
    parser.add_argument(
        "--unit", metavar="KODE", help="unit code for every row (a single-unit file without a unit column)"
    )
    parser.add_argument(
        "--u8-u9-swapped",
        action="store_true",
        help="columns U8/U9 of this file are Sarana/Pengaduan (the questionnaire order), not the regulation's order",
    )
    parser.add_argument("--dry-run", action="store_true", help="check the file and report; store nothing")
    parser.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows and report the others"
    )
    parser.add_argument(
        "--replaces",
        type=int,
        metavar="ID",
        help="replace earlier import ID (see 'imports list') with this file, in one transaction",
    )
    parser.add_argument(
        "--skip-duplicates",
        action="store_true",
        help="leave out rows reported as likely double submissions (same unit, day and content)",
    )
    parser.add_argument(
        "--map",
        action="append",
        metavar="FIELD=HEADER",
        help="use this column of the file for a template field (repeatable)",
    )
    parser.add_argument("--problems", metavar="CSV", help="write the full problem list to this CSV file")
    parser.add_argument(
        "--max-problems", type=int, default=50, help="problems printed on stderr (default 50)"
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default="id", help="language of the messages (default id)"
    )
    parser.add_argument("--user", default=_default_user(), help="name recorded in the import history")
    parser.set_defaults(func=_run)


def _default_user() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no login name in some containers
        return "cli"
