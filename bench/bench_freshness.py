"""From an import's commit until every stored result is fresh again, and the import against a bare load.

On the city-scale database (which it leaves as it found it: the import is undone at the
end), with background workers running as on a server (``--workers`` processes of ``python -m
lib worker`` at nice 10, as the dashboard starts them; default 2):

1. bring every stored result up to date (``worker --once``);
2. write ``--rows`` complaints as a ``pengaduan`` CSV (real unit codes, dates inside the
   current period, a third without a category so the theme classifier has work);
3. **bare load**: ``pandas.read_csv`` + ``executemany`` of the same file into a plain
   table of the same database, in one transaction (then dropped);
4. **import**: ``prepare_upload`` + ``import_upload`` as the upload page does; the commit
   time is the ``complaint`` source's ``changed_at``, set inside the import's transaction;
5. **fresh**: poll until no standard result is stale and no job is queued or running; the
   workers' CPU seconds meanwhile are printed too (on a busy shared machine the wall time
   depends on the other load, the CPU time much less);
6. undo the import, and time the undo's commit until fresh the same way.

    python bench/bench_freshness.py --db sqlite:////tmp/issue-11/city.db
    python bench/bench_freshness.py --db postgresql+psycopg://postgres@127.0.0.1:5432/issue11_city --rows 10000

``--import-only`` measures steps 3 and 4 alone, ``--repeat`` times (default 5), undoing each
import, with no freshness waits and no workers unless ``--workers`` asks: in step 4 the workers
sit idle (every result is fresh), here they would be recomputing after the previous round. It
prints every round and the medians of bare load and import (and the import's split into
prepare and write). ``--root`` runs another checkout's ``lib`` (``--root /work/main`` for a
before/after comparison from one bench file).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEXTS = (
    "Antrian di loket sangat lama, saya menunggu lebih dari tiga jam",
    "Petugas bersikap kasar ketika saya bertanya tentang persyaratan",
    "Diminta membayar biaya tambahan yang tidak ada aturannya",
    "Persyaratan berubah-ubah, berkas saya ditolak dua kali",
    "Ruang tunggu panas dan kursi kurang, toilet kotor",
    "Laporan saya lewat WhatsApp tidak pernah dibalas",
    "Aplikasi pendaftaran daring sering gagal dan error",
    "Petugas tidak tahu prosedur layanan yang benar",
)
CATEGORIES = ("waktu", "perilaku", "biaya", "persyaratan", "sarana", "pengaduan", None)


def make_csv(path: Path, engine, rows: int, window: tuple[date, date], seed: int = 2026) -> None:  # type: ignore[no-untyped-def]
    import numpy as np
    import pandas as pd

    from lib.queries.units import Scope, list_units

    rng = np.random.default_rng(seed)
    units = list_units(engine, Scope())
    codes = units.loc[units["kind"].isin(["kelurahan", "puskesmas", "kecamatan"]), "code"].to_numpy()
    days = pd.date_range(*window).date
    received = rng.choice(days, rows)
    status = rng.choice(["selesai", "proses", "belum"], rows, p=[0.8, 0.1, 0.1])
    resolved = [
        (d + timedelta(days=int(rng.integers(1, 12)))).isoformat() if s == "selesai" else ""
        for d, s in zip(received, status, strict=True)
    ]
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    frame = pd.DataFrame(
        {
            "nomor": [f"BENCH-{stamp}-{i:06d}" for i in range(rows)],
            "tanggal": [d.isoformat() for d in received],
            "kode_unit": rng.choice(codes, rows),
            "kanal": rng.choice(["LAPOR!", "WhatsApp", "langsung", "email"], rows),
            "kategori": [c or "" for c in rng.choice(np.array(CATEGORIES, dtype=object), rows)],
            "isi": rng.choice(TEXTS, rows),
            "status": status,
            "tanggal_selesai": resolved,
        }
    )
    frame.to_csv(path, index=False)


def bench_csv(engine, rows: int) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A temporary folder and, in it, ``rows`` complaints dated inside the current period."""
    from lib.results.dashboard import standard_windows

    last12 = standard_windows(engine)[0]
    window = (max(last12[0], last12[1] - timedelta(days=90)), last12[1] - timedelta(days=3))
    workdir = Path(tempfile.mkdtemp(prefix="telaah_fresh_"))
    csv_path = workdir / "pengaduan_bench.csv"
    make_csv(csv_path, engine, rows, window)
    return workdir, csv_path


def start_workers(root: Path, env: dict[str, str], count: int) -> list[subprocess.Popen[bytes]]:
    """``count`` background workers at nice 10, as the dashboard starts them."""
    return [
        subprocess.Popen(
            [sys.executable, "-m", "lib", "worker", "--poll", "1", "--nice", "10"],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(count)
    ]


def bare_load(engine, csv_path: Path, cpu: list[float] | None = None) -> float:  # type: ignore[no-untyped-def]
    """read_csv + executemany into one plain table in one transaction (the baseline).

    Returns wall seconds; appends this process's CPU seconds to ``cpu`` when given.
    """
    import pandas as pd
    from sqlalchemy import text

    start_cpu = time.process_time()
    start = time.perf_counter()
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    columns = ", ".join(f"{c} TEXT" for c in frame.columns)
    with engine.begin() as conn:
        conn.execute(text(f"CREATE TABLE bench_bare_load ({columns})"))
        placeholders = ", ".join(f":{c}" for c in frame.columns)
        conn.execute(text(f"INSERT INTO bench_bare_load VALUES ({placeholders})"), frame.to_dict("records"))
    seconds = time.perf_counter() - start
    if cpu is not None:
        cpu.append(time.process_time() - start_cpu)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE bench_bare_load"))
    return seconds


def checkpoint(engine) -> None:  # type: ignore[no-untyped-def]
    """On SQLite, move the write-ahead log into the database first, so that a timed commit never
    pays for checkpointing what an earlier step wrote (the default checkpoints at 1000 pages)."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def import_only(engine, csv_path: Path, repeat: int) -> None:  # type: ignore[no-untyped-def]
    """Bare load and import alternately, ``repeat`` times; each import is undone before the next round.

    Prints wall seconds and this process's CPU seconds (on a shared machine the CPU time
    varies less; on PostgreSQL the server's own work is not in it, for either).
    """
    import statistics

    from lib.ingest import import_upload, prepare_upload
    from lib.ingest.batches import undo_import

    rounds: list[dict[str, float]] = []
    for n in range(repeat):
        cpu: list[float] = []
        checkpoint(engine)
        bare = bare_load(engine, csv_path, cpu)
        checkpoint(engine)
        start_cpu = time.process_time()
        start = time.perf_counter()
        prepared = prepare_upload(csv_path.read_bytes(), csv_path.name, "pengaduan", engine)
        prepared_at = time.perf_counter()
        result = import_upload(engine, prepared, user="bench")
        end = time.perf_counter()
        import_cpu = time.process_time() - start_cpu
        if result.outcome != "imported":
            raise SystemExit(f"import refused: {[p.sentence() for p in result.problems[:5]]}")
        start_undo = time.perf_counter()
        undo_import(engine, result.batch_id, user="bench")
        row = {
            "bare": bare,
            "import": end - start,
            "prepare": prepared_at - start,
            "write": end - prepared_at,
            "undo": time.perf_counter() - start_undo,
            "bare_cpu": cpu[0],
            "import_cpu": import_cpu,
        }
        rounds.append(row)
        print(
            f"round {n + 1}: bare {bare:.3f} s  import {row['import']:.3f} s "
            f"(prepare {row['prepare']:.3f} + write {row['write']:.3f})  {row['import'] / bare:.2f}× bare  "
            f"CPU bare {row['bare_cpu']:.3f} import {import_cpu:.3f}  undo {row['undo']:.3f} s",
            flush=True,
        )
    med = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
    print(
        f"median of {repeat}: bare {med['bare']:.3f} s  import {med['import']:.3f} s "
        f"(prepare {med['prepare']:.3f} + write {med['write']:.3f})  "
        f"ratio of medians {med['import'] / med['bare']:.2f}×  "
        f"median ratio {statistics.median(r['import'] / r['bare'] for r in rounds):.2f}×  "
        f"CPU: bare {med['bare_cpu']:.3f} import {med['import_cpu']:.3f} "
        f"({med['import_cpu'] / med['bare_cpu']:.2f}×)  undo {med['undo']:.3f} s"
    )


def stale_standard_results(engine) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(name, params) of every standard result that is missing, stale, or still queued/running."""
    from sqlalchemy import select

    from lib.models import AnalysisJob, AnalysisResult
    from lib.results import data_versions, load_catalog
    from lib.results.store import canonical_params

    registry = load_catalog()
    r, j = AnalysisResult.__table__, AnalysisJob.__table__
    with engine.connect() as conn:
        stored = {
            (row.name, row.params_key): row
            for row in conn.execute(select(r.c.name, r.c.params_key, r.c.input_version, r.c.code_version))
        }
        busy = list(conn.execute(select(j.c.name, j.c.params).where(j.c.status.in_(("queued", "running")))))
    out = [(row.name, row.params) for row in busy]
    for spec in registry.values():
        if spec.standard_params is None:
            continue
        wanted = data_versions(engine, spec.sources)
        for params in spec.standard_params(engine):
            text, key = canonical_params(params)
            row = stored.get((spec.name, key))
            if (
                row is None
                or row.code_version != spec.version
                or {k: int(v) for k, v in json.loads(row.input_version).items()} != wanted
            ):
                out.append((spec.name, text))
    return out


def job_times(engine, since: datetime) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    """Seconds of each job that finished after ``since``, by analysis name (what the import cost)."""
    from sqlalchemy import select

    from lib.models import AnalysisJob

    j = AnalysisJob.__table__
    out: dict[str, list[float]] = {}
    with engine.connect() as conn:
        rows = conn.execute(
            select(j.c.name, j.c.started_at, j.c.finished_at).where(
                j.c.status == "done", j.c.started_at.is_not(None)
            )
        ).all()
    for row in rows:
        started = row.started_at if row.started_at.tzinfo else row.started_at.replace(tzinfo=UTC)
        finished = row.finished_at if row.finished_at.tzinfo else row.finished_at.replace(tzinfo=UTC)
        if started >= since:
            out.setdefault(row.name, []).append((finished - started).total_seconds())
    return out


def cpu_seconds(processes: list[subprocess.Popen[bytes]]) -> list[float]:
    """CPU seconds (user + system) each worker process has used so far, from ``/proc`` (Linux; NaN
    elsewhere). On a shared machine the wall time to freshness depends on the other load, the
    workers' CPU time much less: it is the work an import causes."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    out = []
    for process in processes:
        try:
            fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            out.append((int(fields[11]) + int(fields[12])) / ticks)
        except (OSError, IndexError, ValueError):
            out.append(float("nan"))
    return out


def commit_time(engine, source: str) -> datetime:  # type: ignore[no-untyped-def]
    from lib.results.store import last_changed

    return last_changed(engine)[source]


def wait_fresh(engine, since: datetime, timeout: float) -> float:  # type: ignore[no-untyped-def]
    """Seconds from ``since`` (a commit) until nothing is stale; polls twice a second."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not stale_standard_results(engine):
            return (datetime.now(UTC) - since).total_seconds()
        time.sleep(0.5)
    raise TimeoutError(f"results still stale after {timeout:.0f} s: {stale_standard_results(engine)[:5]}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument(
        "--skip-undo-wait", action="store_true", help="undo the import but do not time the results' refresh"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes, as a dashboard on this machine starts (default 2; 0 with --import-only, "
        "whose rounds would otherwise compete with the recomputation the previous round caused)",
    )
    parser.add_argument(
        "--import-only",
        action="store_true",
        help="time bare load and import only (no freshness waits), --repeat rounds, each import undone",
    )
    parser.add_argument("--repeat", type=int, default=5, help="rounds of --import-only (default 5)")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout whose lib is measured")
    args = parser.parse_args()
    if args.workers is None:
        args.workers = 0 if args.import_only else 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally blocks: stop the workers
    if not args.db:
        parser.error("--db (or BENCH_DATABASE_URL) must name the city-scale database")
    os.environ["DATABASE_URL"] = args.db
    root = args.root.resolve()
    sys.path.insert(0, str(root))
    from lib.db import ensure_schema, make_engine
    from lib.ingest import import_upload, prepare_upload
    from lib.ingest.batches import undo_import

    env = {**os.environ, "PYTHONPATH": str(root)}
    engine = ensure_schema(make_engine(args.db))
    print(f"lib from {root}")
    if args.import_only:
        workdir, csv_path = bench_csv(engine, args.rows)
        workers = start_workers(root, env, args.workers)
        time.sleep(3 if workers else 0)
        try:
            import_only(engine, csv_path, args.repeat)
        finally:
            for worker in workers:
                worker.terminate()
            for worker in workers:
                worker.wait(timeout=30)
            csv_path.unlink(missing_ok=True)
            workdir.rmdir()
        return
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lib", "worker", "--once"], cwd=root, env=env, check=True)
    print(f"results brought up to date in {time.perf_counter() - start:.1f} s")
    stale = stale_standard_results(engine)
    if stale:
        raise SystemExit(f"still stale after worker --once: {stale[:3]}")

    workdir, csv_path = bench_csv(engine, args.rows)
    bare = bare_load(engine, csv_path)

    workers = start_workers(root, env, args.workers)
    time.sleep(3)  # let the workers import their libraries, as a running server's have long done
    try:
        cpu_before = cpu_seconds(workers)
        start = time.perf_counter()
        prepared = prepare_upload(csv_path.read_bytes(), csv_path.name, "pengaduan", engine)
        result = import_upload(engine, prepared, user="bench")
        import_seconds = time.perf_counter() - start
        if result.outcome != "imported":
            raise SystemExit(f"import refused: {[p.sentence() for p in result.problems[:5]]}")
        committed = commit_time(engine, "complaint")
        fresh_after_import = wait_fresh(engine, committed, args.timeout)
        cpu_import = cpu_seconds(workers)
        jobs_after_import = job_times(engine, committed)

        start = time.perf_counter()
        undo_import(engine, result.batch_id, user="bench")
        undo_seconds = time.perf_counter() - start
        fresh_after_undo = (
            float("nan")
            if args.skip_undo_wait
            else wait_fresh(engine, commit_time(engine, "complaint"), args.timeout)
        )
        cpu_undo = cpu_seconds(workers)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
    csv_path.unlink(missing_ok=True)
    workdir.rmdir()

    print(f"database: {args.db.split('@')[-1]}; {result.inserted} complaints ({args.rows} rows)")
    print(f"bare load (read_csv + executemany)   {bare:7.2f} s")
    print(
        f"import (prepare + write + classify)  {import_seconds:7.2f} s   {import_seconds / bare:5.1f}× bare"
    )
    print(f"commit → every result fresh          {fresh_after_import:7.2f} s")
    print(f"  workers' CPU meanwhile             {_cpu_text(cpu_before, cpu_import)}")
    print(f"undo                                 {undo_seconds:7.2f} s")
    print(f"undo commit → every result fresh     {fresh_after_undo:7.2f} s")
    if not args.skip_undo_wait:
        print(f"  workers' CPU meanwhile             {_cpu_text(cpu_import, cpu_undo)}")
    print(f"\njobs run after the import's commit ({args.workers} worker(s)): name, seconds each")
    for name, seconds in sorted(jobs_after_import.items(), key=lambda item: -sum(item[1])):
        print(
            f"  {name:<24} {len(seconds):3d} × {', '.join(f'{v:.1f}' for v in seconds)}  (sum {sum(seconds):.1f} s)"
        )


def _cpu_text(before: list[float], after: list[float]) -> str:
    """``sum s (w1 + w2 …)``: the workers' CPU seconds between two readings. The busier worker's is
    about the time to freshness on an otherwise idle machine with a core per worker."""
    used = [b - a for a, b in zip(before, after, strict=True)]
    return f"{sum(used):7.2f} s CPU ({' + '.join(f'{u:.1f}' for u in used)} per worker)"


if __name__ == "__main__":
    main()
