"""Benchmark: one million survey rows (about 70 MB of CSV) through the importer, against a bare baseline.

The baseline, measured in the same run on the same file, is what the issue
names: ``pandas.read_csv`` plus ``sqlite3.executemany`` into a single plain
table in one transaction. The importer does everything it does for a user:
encoding and delimiter detection, column recognition, validation of every
cell, unit lookup, the insert into ``survey_response`` (with its indexes) and
the rebuild of ``survey_monthly``. Every measurement runs in a fresh
subprocess so that peak memory (``ru_maxrss``) is that run's alone.

    python bench/bench_import.py                 # SQLite, 3 runs each
    python bench/bench_import.py --rows 200000 --runs 5
    python bench/bench_import.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres

Prints medians, the ratio importer/baseline, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

UNITS = 50
UNSUR = (
    "persyaratan",
    "prosedur",
    "waktu",
    "biaya",
    "produk",
    "kompetensi",
    "perilaku",
    "pengaduan",
    "sarana",
)


def make_csv(path: Path, rows: int, seed: int = 2026) -> None:
    """A realistic export: dates, unit codes, profile, nine answers 1–4, some suggestions."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    days = pd.date_range("2024-01-01", "2025-12-31").strftime("%Y-%m-%d").to_numpy()
    frame = pd.DataFrame(
        {
            "tanggal": rng.choice(days, rows),
            "kode_unit": rng.choice([f"PKM-{i:03d}" for i in range(UNITS)], rows),
            "jenis_layanan": rng.choice(["Pemeriksaan umum", "KIA", "Gigi", "Laboratorium"], rows),
            "jenis_kelamin": rng.choice(["L", "P"], rows),
            "usia": rng.integers(17, 80, rows),
            "pendidikan": rng.choice(["SD", "SMP", "SMA", "D3", "S1", "S2"], rows),
            "pekerjaan": rng.choice(["PNS", "Swasta", "Wiraswasta", "Pelajar", "Lainnya"], rows),
        }
    )
    for name in UNSUR:
        frame[name] = rng.choice([1, 2, 3, 4], rows, p=[0.03, 0.12, 0.55, 0.30])
    frame["saran"] = rng.choice(["", "", "", "Antrian panjang", "Petugas ramah, terima kasih"], rows)
    frame.to_csv(path, index=False)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_baseline(csv_path: str, db_path: str) -> dict[str, float]:
    import sqlite3

    import pandas as pd

    start = time.perf_counter()
    frame = pd.read_csv(csv_path)
    connection = sqlite3.connect(db_path)
    columns = ", ".join(f'"{c}"' for c in frame.columns)
    connection.execute(f"CREATE TABLE survey ({columns})")
    placeholders = ", ".join("?" for _ in frame.columns)
    with connection:
        connection.executemany(
            f"INSERT INTO survey VALUES ({placeholders})", frame.itertuples(index=False, name=None)
        )
    connection.close()
    return {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb(), "rows": len(frame)}


def _prepare_database(url: str) -> None:
    from sqlalchemy import insert

    from lib.db import make_engine, upgrade
    from lib.models import Unit

    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(
            insert(Unit.__table__),
            [
                {
                    "code": f"PKM-{i:03d}",
                    "name": f"Puskesmas {i}",
                    "kind": "puskesmas",
                    "path": f"/PKM-{i:03d}/",
                }
                for i in range(UNITS)
            ],
        )
    engine.dispose()


def worker_importer(csv_path: str, url: str) -> dict[str, float]:
    from lib.db import make_engine
    from lib.ingest import import_upload, prepare_upload

    engine = make_engine(url)
    start = time.perf_counter()
    data = Path(csv_path).read_bytes()
    prepared = prepare_upload(data, Path(csv_path).name, "survei", engine)
    read_done = time.perf_counter()
    result = import_upload(engine, prepared, user="bench")
    end = time.perf_counter()
    if result.outcome != "imported":
        raise SystemExit(f"import refused: {[p.sentence() for p in result.problems[:5]]}")
    engine.dispose()
    return {
        "seconds": end - start,
        "prepare_seconds": read_done - start,
        "write_seconds": end - read_done,
        "peak_mb": _peak_mb(),
        "rows": result.inserted,
    }


def _run(mode: str, csv_path: Path, target: str) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--worker", mode, str(csv_path), target],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def _pg_database(server_url: str) -> tuple[str, callable]:  # type: ignore[valid-type]
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from lib.db import make_engine
    from lib.settings import normalise_database_url

    server_url = normalise_database_url(server_url)
    name = f"telaah_bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(server_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(server_url).set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", help="PostgreSQL server URL (a temporary database is created and dropped)")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        mode, csv_path, target = args.worker
        result = (
            worker_baseline(csv_path, target) if mode == "baseline" else worker_importer(csv_path, target)
        )
        print(json.dumps(result))
        return

    with tempfile.TemporaryDirectory(prefix="telaah_bench_") as tmp:
        tmp_dir = Path(tmp)
        csv_path = tmp_dir / "skm.csv"
        make_csv(csv_path, args.rows)
        size_mb = csv_path.stat().st_size / 1e6
        print(f"file: {args.rows:,} survey rows, {size_mb:.1f} MB CSV; {args.runs} runs each, medians")
        baseline, importer = [], []
        for run in range(args.runs):
            base_db = tmp_dir / f"baseline_{run}.db"
            baseline.append(_run("baseline", csv_path, str(base_db)))
            url = f"sqlite:///{tmp_dir / f'importer_{run}.db'}"
            _prepare_database(url)
            importer.append(_run("importer", csv_path, url))
            for path in tmp_dir.glob("*.db*"):
                os.remove(path)
        b = statistics.median(r["seconds"] for r in baseline)
        i = statistics.median(r["seconds"] for r in importer)
        print(
            f"baseline  read_csv + executemany (SQLite): {b:6.2f} s   peak {max(r['peak_mb'] for r in baseline):6.0f} MB"
        )
        print(
            f"importer  prepare + import (SQLite):        {i:6.2f} s   peak {max(r['peak_mb'] for r in importer):6.0f} MB"
            f"   (read+validate {statistics.median(r['prepare_seconds'] for r in importer):.2f} s,"
            f" write {statistics.median(r['write_seconds'] for r in importer):.2f} s)"
        )
        print(f"ratio importer / baseline: {i / b:.2f}  (target <= 1.5)")
        print(
            "runs (s): baseline "
            + ", ".join(f"{r['seconds']:.2f}" for r in baseline)
            + " | importer "
            + ", ".join(f"{r['seconds']:.2f}" for r in importer)
        )
        if args.pg:
            pg_runs = []
            for _ in range(args.runs):
                url, drop = _pg_database(args.pg)
                try:
                    _prepare_database(url)
                    pg_runs.append(_run("importer", csv_path, url))
                finally:
                    drop()
            p = statistics.median(r["seconds"] for r in pg_runs)
            print(
                f"importer  prepare + import (PostgreSQL, COPY): {p:6.2f} s   peak {max(r['peak_mb'] for r in pg_runs):6.0f} MB"
                f"   ratio to the SQLite baseline {p / b:.2f}"
            )


if __name__ == "__main__":
    main()
