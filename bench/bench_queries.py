"""The queries the pages make, at city scale: median time and peak memory, against a bare GROUP BY.

Usage::

    python bench/bench_queries.py                  # SQLite city in the temp dir (built on first use)
    python bench/bench_queries.py --repeat 7
    BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/telaah_bench python bench/bench_queries.py

The database (``BENCH_DATABASE_URL``, default ``sqlite:///<tmp>/telaah_bench_city.db``)
is filled with ``lib.demo`` at scale "city" when it is empty (a PostgreSQL
database must exist; it is filled the same way). Each query runs once to warm
the database's caches, then ``--repeat`` times; the figures are the median wall
time and the peak Python memory (tracemalloc) of one run. The baseline is a bare
``SELECT unit_id, count(*) FROM survey_response GROUP BY unit_id`` measured in
the same run, so the ratios say how a query compares with a single scan of the
largest table on this machine, today.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, func, select  # noqa: E402

from lib.analysis.complaint_overview import load_complaint_overview  # noqa: E402
from lib.analysis.ikm import ikm_change, unit_ikm, unit_ikm_by_period  # noqa: E402
from lib.analysis.priority_score import priority_scores  # noqa: E402
from lib.analysis.summary import leadership_summary  # noqa: E402
from lib.db import ensure_schema, make_engine  # noqa: E402
from lib.models import SurveyResponse  # noqa: E402
from lib.queries.inventory import data_inventory, is_empty  # noqa: E402
from lib.queries.learning_hours import unit_learning_hours  # noqa: E402
from lib.queries.training import participations  # noqa: E402
from lib.queries.units import Scope, list_units  # noqa: E402
from lib.services.unit_evidence import unit_evidence  # noqa: E402
from lib.services.unit_panel import unit_quarter_panel  # noqa: E402


def measure(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median seconds over ``repeat`` runs (after one warm-up) and peak MiB of one traced run."""
    call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    call()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak / 2**20


def baseline(engine: Engine) -> object:
    sr = SurveyResponse.__table__
    with engine.connect() as conn:
        return conn.execute(select(sr.c.unit_id, func.count()).group_by(sr.c.unit_id)).all()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    url = (
        os.environ.get("BENCH_DATABASE_URL")
        or f"sqlite:///{Path(tempfile.gettempdir()) / 'telaah_bench_city.db'}"
    )
    engine = ensure_schema(make_engine(url))
    if is_empty(engine):
        from lib.demo import build_demo

        print(f"building the city-scale demo in {url} …", flush=True)
        start = time.perf_counter()
        build_demo(engine, scale="city")
        print(f"built in {time.perf_counter() - start:.0f} s", flush=True)
    inventory = data_inventory(engine).set_index("kind")
    last = inventory.loc["survei", "last_date"]
    date_to = date(last.year, last.month, 28) if last else date.today()
    date_from = date(date_to.year - 1, date_to.month, 1)
    city = Scope()
    units = list_units(engine)
    kecamatan = units[units["kind"] == "kecamatan"].iloc[0]
    one_kecamatan = Scope(path_prefix=kecamatan["path"])
    print(
        f"database: {engine.dialect.name}; {inventory.loc['survei', 'rows']:,} survey responses, "
        f"{inventory.loc['pengaduan', 'rows']:,} complaints, {inventory.loc['pegawai', 'rows']:,} employees, "
        f"{len(units):,} units; period {date_from} – {date_to}; median of {args.repeat} runs"
    )
    queries: list[tuple[str, Callable[[], object]]] = [
        ("baseline: GROUP BY unit over survey_response", lambda: baseline(engine)),
        ("data_inventory (shell, status page)", lambda: data_inventory(engine)),
        ("list_units (sidebar)", lambda: list_units(engine)),
        ("unit_ikm, city, 12 months (IKM page)", lambda: unit_ikm(engine, city, date_from, date_to)),
        ("ikm_change, city (IKM page, summary)", lambda: ikm_change(engine, city, date_from, date_to)),
        ("unit_ikm_by_period quarter, all time", lambda: unit_ikm_by_period(engine, city, None, date_to)),
        ("unit_ikm, one kecamatan subtree", lambda: unit_ikm(engine, one_kecamatan, date_from, date_to)),
        (
            "complaint overview, city (complaints page)",
            lambda: load_complaint_overview(engine, city, date_from, date_to),
        ),
        (
            "unit_learning_hours (20 JP)",
            lambda: unit_learning_hours(engine, date_to.year, city, as_of=date_to),
        ),
        (
            "participations, 12 months (impact page)",
            lambda: participations(engine, date_from=date_from, date_to=date_to),
        ),
        (
            "unit_evidence + priority_scores",
            lambda: priority_scores(
                unit_evidence(engine=engine, scope=city, date_from=date_from, date_to=date_to)
            ),
        ),
        (
            "unit_quarter_panel (priority model)",
            lambda: unit_quarter_panel(engine=engine, scope=city, date_to=date_to),
        ),
        ("leadership_summary (home page)", lambda: leadership_summary(engine, city, date_from, date_to)),
    ]
    base_seconds = None
    print(f"{'query':<48} {'median s':>9} {'× base':>7} {'peak MiB':>9}")
    for name, call in queries:
        seconds, peak = measure(call, args.repeat)
        base_seconds = base_seconds or seconds
        print(f"{name:<48} {seconds:>9.3f} {seconds / base_seconds:>7.2f} {peak:>9.1f}", flush=True)


if __name__ == "__main__":
    main()
