"""Many users at once: page-run latency (p50/p95) for 1, 10 and 20 concurrent sessions.

Usage::

    python bench/bench_load.py --database-url sqlite:////tmp/x/telaah_city.db   # starts its own server(s)
    python bench/bench_load.py --url http://127.0.0.1:8501                       # an app already running
    python bench/bench_load.py --database-url … --processes 2                    # two servers, sessions stuck to one

Each session is a websocket client (``bench/st_client.py``) that behaves like a
browser tab: it asks for a run of a page, waits for ``script_finished``, and
asks for the next page (``--pages``, in turn), ``--runs`` times. By default with
no pause between pages: every session asks as fast as the server answers, which
measures throughput (20 such sessions are far more than 20 people). ``--think 5,15``
makes each session read every page for 5–15 s (uniform, a fixed seed per session)
before opening the next, as people do: what 20 people at once see. Sessions start
within one second of each other. The server is warmed first (one session runs
every page once, which also gives the cold first-load times), so the figures
are the steady state of a server whose caches are filled. For every session
count the script prints p50, p95 and max of all runs, the runs per second the
server managed, and the p95 ratio against one session measured in the same run
(the issue's bound: 20 sessions within 3× one session's p95).

With ``--processes N`` it starts N Streamlit servers on the same database and
gives each session one of them for its whole life, which is what a reverse
proxy with sticky sessions does (``deploy/nginx-telaah.conf``).

Bounded by design: only 127.0.0.1/localhost, at most 50 sessions, ``--runs``
at most 50 per session, and ``--deadline`` seconds per session count.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.st_client import PageRun, Session  # noqa: E402
from lib.devserver import start_streamlit  # noqa: E402

MAX_SESSIONS = 50
MAX_RUNS = 50


def start_server(database_url: str, demo: bool) -> tuple[subprocess.Popen, str]:
    """The app as a server starts it (``python -m lib serve``) on a free local port; returns the
    process and its base URL."""
    env = {"DATABASE_URL": database_url, **({"TELAAH_DEMO_MODE": "1"} if demo else {})}
    return start_streamlit(env)


async def one_session(
    base: str,
    pages: list[str],
    runs: int,
    offset: int,
    deadline: float,
    think: tuple[float, float] = (0.0, 0.0),
) -> list[PageRun]:
    """One user: opens ``runs`` pages in turn, reading each for a time drawn uniformly from ``think``."""
    rng = random.Random(2026 + offset)  # the same reading times in every run of the bench
    await asyncio.sleep(rng.random())  # arrivals spread over a second: everyone starts at once
    done: list[PageRun] = []
    async with Session(base, timeout=max(1.0, deadline - time.perf_counter())) as session:
        for i in range(runs):
            if time.perf_counter() > deadline:
                break
            done.append(await session.run_page(pages[(offset + i) % len(pages)]))
            if think[1] > 0 and i < runs - 1:
                await asyncio.sleep(rng.uniform(*think))
    return done


async def load(
    bases: list[str],
    sessions: int,
    pages: list[str],
    runs: int,
    seconds: float,
    think: tuple[float, float] = (0.0, 0.0),
) -> tuple[list[PageRun], float, int]:
    """Run ``sessions`` sessions at once; returns every run, the wall time and the sessions that failed."""
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()
    tasks = [one_session(bases[i % len(bases)], pages, runs, i, deadline, think) for i in range(sessions)]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    wall = time.perf_counter() - started
    runs_done = [r for result in results if isinstance(result, list) for r in result]
    failed = sum(1 for result in results if isinstance(result, BaseException))
    return runs_done, wall, failed


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", action="append", help="an app already running on 127.0.0.1 (repeatable)")
    parser.add_argument("--database-url", help="start server(s) on this database instead")
    parser.add_argument("--processes", type=int, default=1, help="servers to start (sticky sessions)")
    parser.add_argument("--sessions", default="1,10,20", help="session counts to measure, e.g. 1,10,20")
    parser.add_argument("--pages", default=",kepuasan,pengaduan,prioritas", help="url paths; '' = Ringkasan")
    parser.add_argument("--runs", type=int, default=6, help="page runs per session")
    parser.add_argument("--deadline", type=float, default=600.0, help="seconds allowed per session count")
    parser.add_argument(
        "--think",
        default="0",
        help="seconds a user reads each page before opening the next, drawn uniformly from LOW,HIGH "
        "(e.g. 5,15); 0 (the default) asks without pause, which measures throughput",
    )
    parser.add_argument(
        "--no-demo", action="store_true", help="do not set TELAAH_DEMO_MODE for started servers"
    )
    args = parser.parse_args()

    counts = [int(c) for c in args.sessions.split(",") if c.strip()]
    if any(c < 1 or c > MAX_SESSIONS for c in counts) or not 1 <= args.runs <= MAX_RUNS:
        parser.error(f"sessions must be 1–{MAX_SESSIONS} and runs 1–{MAX_RUNS}")
    pages = args.pages.split(",")
    try:
        bounds = [float(v) for v in args.think.split(",")]
        think = (bounds[0], bounds[-1])
    except ValueError:
        parser.error("--think is LOW,HIGH seconds, e.g. 5,15")
    if not 0 <= think[0] <= think[1] <= 120:
        parser.error("--think must be 0 ≤ LOW ≤ HIGH ≤ 120")
    processes: list[subprocess.Popen] = []
    if args.url:
        bases = args.url
    elif args.database_url:
        bases = []
        for _ in range(max(1, args.processes)):
            process, base = start_server(args.database_url, demo=not args.no_demo)
            processes.append(process)
            bases.append(base)
    else:
        parser.error("give --url or --database-url")
    try:
        reading = (
            f"reading each page {think[0]:g}–{think[1]:g} s (uniform)"
            if think[1] > 0
            else "no pause between pages"
        )
        print(f"servers: {', '.join(bases)}; pages: {pages}; {args.runs} runs per session; {reading}")
        for base in bases:  # warm every server's caches; report the cold first loads
            cold = asyncio.run(load([base], 1, pages, len(pages), args.deadline))[0]
            print("cold first load " + ", ".join(f"{r.page or 'ringkasan'} {r.seconds:.2f} s" for r in cold))
        print(
            f"{'sessions':>8} {'runs':>5} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'runs/s':>7} {'errors':>6} {'p95/1':>6}"
        )
        baseline: float | None = None
        for count in counts:
            runs, wall, failed = asyncio.run(load(bases, count, pages, args.runs, args.deadline, think))
            seconds = [r.seconds for r in runs]
            errors = failed + sum(1 for r in runs if r.exceptions)
            if not seconds:
                print(f"{count:>8} {0:>5} no run finished; {failed} sessions failed")
                continue
            tail = p95(seconds)
            if baseline is None:
                baseline = tail
            print(
                f"{count:>8} {len(seconds):>5} {statistics.median(seconds):>7.2f} {tail:>7.2f} "
                f"{max(seconds):>7.2f} {len(seconds) / wall:>7.2f} {errors:>6} {tail / baseline:>6.1f}"
            )
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
