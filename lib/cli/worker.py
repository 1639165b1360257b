"""``python -m lib worker``: keep stored analysis results fresh, from the shell or a service manager.

The dashboard starts one worker per server process by itself; on a server you may instead
(or also) run this under systemd or cron (``--once``). Several workers can run at once:
each job is claimed by one of them.
"""

from __future__ import annotations

import argparse
import logging
import os

from lib.db import ensure_schema, get_engine


def _run(args: argparse.Namespace) -> int:
    from lib.results.jobs import queue_status, refresh_stale, run_pending, work_loop

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s worker %(levelname)s %(message)s")
    logging.getLogger("lib").setLevel(logging.INFO)
    if args.nice:
        os.nice(args.nice)
    engine = ensure_schema(get_engine())
    if args.status:
        queued = refresh_stale(engine) if args.refresh else 0
        if queued:
            print(f"queued {queued} job(s)")
        for job in queue_status(engine):
            when = job["finished_at"] or job["started_at"] or job["enqueued_at"]
            print(
                f"{job['id']:>6}  {job['status']:<8} {when:%Y-%m-%d %H:%M:%S}  {job['name']}  {job['params']}"
            )
        return 0
    if args.once:
        ran = work_loop(engine, once=True)
        ran += run_pending(engine)
        print(f"ran {ran} job(s)")
        return 0
    work_loop(engine, poll=args.poll, parent_pid=args.parent_pid)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "worker",
        help="recompute stored analyses whose data changed (runs until stopped)",
        description="Recompute stored analyses whose input data changed. Runs until stopped, "
        "or once with --once. Safe to run several at once.",
    )
    parser.add_argument("--once", action="store_true", help="run what is stale now, then exit")
    parser.add_argument("--status", action="store_true", help="show the newest jobs and exit")
    parser.add_argument("--refresh", action="store_true", help="with --status: first queue what is stale")
    parser.add_argument("--poll", type=float, default=2.0, help="seconds between looks at the queue")
    parser.add_argument("--parent-pid", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--nice", type=int, default=0, help=argparse.SUPPRESS)
    parser.set_defaults(func=_run)
