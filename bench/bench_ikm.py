"""IKM at city scale: the IKM paths against a bare GROUP BY, and the page's queries cold and warm.

Usage::

    python bench/bench_ikm.py                      # SQLite file in the temp dir, 4,000,000 responses
    python bench/bench_ikm.py --rows 500000        # smaller
    BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench_ikm python bench/bench_ikm.py

The database is reused when it already holds at least ``--rows`` responses
(``BENCH_DATABASE_URL``, default ``sqlite:///<tmp>/telaah_bench_ikm.db``). If it
is empty, the demo city is built with ``lib.demo`` at scale "city" when that
exists, otherwise synthetic responses are generated here with numpy and
written with ``lib.bulk`` (units shaped like Medan: OPD, puskesmas, 21
kecamatan with their kelurahan). Prints medians over ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.analysis.ikm_periods import previous_range  # noqa: E402
from sqlalchemy import Engine, func, insert, select  # noqa: E402

from lib.analysis.ikm import ikm_change, scope_ikm, unit_changes, unit_ikm, unit_ikm_by_period  # noqa: E402
from lib.analysis.ikm_groups import group_breakdowns  # noqa: E402
from lib.bulk import bulk_insert  # noqa: E402
from lib.db import make_engine, upgrade  # noqa: E402
from lib.models import UNSUR, SurveyResponse, Unit  # noqa: E402
from lib.queries.aggregates import refresh_survey_monthly  # noqa: E402
from lib.queries.survey import count_suggestions, monthly_sums, search_suggestions, survey_date_bounds  # noqa: E402
from lib.queries.units import CITY, Scope, list_regions  # noqa: E402

START, END = date(2023, 11, 1), date(2026, 10, 31)
SUGGESTIONS = [
    "Antrian terlalu lama, mohon ditambah loket",
    "Petugas ramah dan cepat",
    "Ruang tunggu panas, tambah kipas",
    "Persyaratan kurang jelas di website",
    "Pelayanan sudah baik, pertahankan",
    "Mohon jam layanan diperpanjang",
]


def _units(engine: Engine) -> list[int]:
    """About 230 units shaped like Medan's: OPD, puskesmas under Dinkes, kecamatan with kelurahan."""
    rows: list[dict[str, object]] = []
    for i in range(1, 21):
        rows.append(
            {
                "code": f"OPD{i:02d}",
                "name": f"Dinas {i}",
                "kind": "dinas",
                "parent": None,
                "region": "Kota Medan",
            }
        )
    for i in range(1, 42):
        rows.append(
            {
                "code": f"PKM{i:02d}",
                "name": f"Puskesmas {i}",
                "kind": "puskesmas",
                "parent": "OPD01",
                "region": None,
            }
        )
    for k in range(1, 22):
        rows.append(
            {
                "code": f"KEC{k:02d}",
                "name": f"Kecamatan {k}",
                "kind": "kecamatan",
                "parent": None,
                "region": f"Kecamatan {k}",
            }
        )
        for j in range(1, 8 + (k % 2)):
            rows.append(
                {
                    "code": f"KEL{k:02d}{j}",
                    "name": f"Kelurahan {k}.{j}",
                    "kind": "kelurahan",
                    "parent": f"KEC{k:02d}",
                    "region": f"Kecamatan {k}",
                }
            )
    ids: dict[str, int] = {}
    paths: dict[str, str] = {}
    rng = np.random.default_rng(7)
    with engine.begin() as conn:
        for row in rows:
            parent = row["parent"]
            path = f"{paths[parent] if parent else '/'}{row['code']}/"
            result = conn.execute(
                insert(Unit.__table__).values(
                    code=row["code"],
                    name=row["name"],
                    kind=row["kind"],
                    parent_id=ids[parent] if parent else None,
                    path=path,
                    region=row["region"],
                    service_population=int(rng.integers(2_000, 60_000)),
                )
            )
            ids[str(row["code"])] = int(result.inserted_primary_key[0])
            paths[str(row["code"])] = path
    return list(ids.values())


def generate(engine: Engine, rows: int, seed: int = 2026) -> None:
    """Synthetic responses: unit-specific answer levels, ~2 % blanks, profile fields, some saran.

    Rows are written in date order, as successive imports would write them.
    """
    unit_ids = np.array(_units(engine))
    rng = np.random.default_rng(seed)
    quality = rng.normal(3.2, 0.25, size=(len(unit_ids), 9)).clip(2.2, 3.9)
    weights = rng.gamma(2.0, 1.0, len(unit_ids))
    weights /= weights.sum()
    days = (END - START).days + 1
    columns = [
        "unit_id",
        "response_date",
        "service_type",
        "gender",
        "age",
        "education",
        "occupation",
        *UNSUR,
        "suggestion",
    ]
    table = SurveyResponse.__table__
    educations = np.array(["SD", "SMP", "SMA", "D3", "S1", "S2"], dtype=object)
    occupations = np.array(["PNS", "TNI/Polri", "Swasta", "Wiraswasta", "Pelajar", "Lainnya"], dtype=object)
    services = np.array(["KTP-el", "KK", "Akta", "Surat keterangan", "Poli umum", "Izin"], dtype=object)
    chunk = 200_000
    done = 0
    t0 = time.perf_counter()
    while done < rows:
        n = min(chunk, rows - done)
        unit_index = rng.choice(len(unit_ids), size=n, p=weights)
        # Chronological, as imports arrive (monthly or quarterly files): each chunk covers the next
        # stretch of days, sorted by date, so a date range touches few table pages, as in a real database.
        lo_day, hi_day = done * days // rows, min((done + n) * days // rows + 1, days)
        day_offsets = np.sort(rng.integers(lo_day, hi_day, size=n))
        mean = quality[unit_index]
        answers = np.clip(np.rint(mean + rng.normal(0, 0.6, size=(n, 9))), 1, 4).astype(np.int64)
        blanks = rng.random((n, 9)) < 0.02
        gender = np.where(rng.random(n) < 0.5, "L", "P").astype(object)
        age = rng.integers(17, 80, size=n)
        edu = educations[rng.integers(0, len(educations), n)]
        occ = occupations[rng.integers(0, len(occupations), n)]
        svc = services[rng.integers(0, len(services), n)]
        has_saran = rng.random(n) < 0.15
        saran = np.array(SUGGESTIONS, dtype=object)[rng.integers(0, len(SUGGESTIONS), n)]
        unit_col = unit_ids[unit_index]
        dates = [START + timedelta(days=int(d)) for d in day_offsets]

        def rows_iter():  # type: ignore[no-untyped-def]
            for i in range(n):  # noqa: B023
                a = [None if blanks[i, j] else int(answers[i, j]) for j in range(9)]  # noqa: B023
                yield (
                    int(unit_col[i]),  # noqa: B023
                    dates[i],  # noqa: B023
                    svc[i],  # noqa: B023
                    gender[i],  # noqa: B023
                    int(age[i]),  # noqa: B023
                    edu[i],  # noqa: B023
                    occ[i],  # noqa: B023
                    *a,
                    saran[i] if has_saran[i] else None,  # noqa: B023
                )

        with engine.begin() as conn:
            bulk_insert(conn, table, columns, rows_iter())
        done += n
        print(f"  generated {done:,} rows ({time.perf_counter() - t0:.0f} s)", flush=True)
    with engine.begin() as conn:
        refresh_survey_monthly(conn)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE survey_response")
            conn.exec_driver_sql("VACUUM ANALYZE survey_monthly")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")


def prepare(url: str, rows: int) -> Engine:
    engine = make_engine(url)
    upgrade(engine)
    with engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(SurveyResponse.__table__)).scalar_one()
    if have >= rows:
        print(f"reusing {url}: {have:,} responses")
        return engine
    if have:
        raise SystemExit(
            f"{url} holds {have:,} responses (< {rows:,}); point BENCH_DATABASE_URL at an empty database"
        )
    try:
        from lib.demo import build_demo  # type: ignore[import-not-found]
    except ImportError:
        build_demo = None
    if build_demo is not None and os.environ.get("BENCH_SYNTHETIC") != "1":
        print("building the demo city at scale 'city' …", flush=True)
        build_demo(engine, scale="city")
    else:
        print(f"generating {rows:,} synthetic responses …", flush=True)
        generate(engine, rows)
    return engine


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bare_group_by(engine: Engine) -> None:
    """The baseline: per-unit sums and counts straight from survey_response."""
    sr = SurveyResponse.__table__
    columns = [sr.c.unit_id, func.count()]
    for name in UNSUR:
        columns += [func.sum(sr.c[name]), func.count(sr.c[name])]
    with engine.connect() as conn:
        conn.execute(select(*columns).group_by(sr.c.unit_id)).fetchall()


def page_lib_calls(engine: Engine, scope: Scope, lo: date, hi: date, weight: str = "0.111") -> None:
    """The lib calls views/kepuasan.py makes on a render with an empty cache, in its order."""
    survey_date_bounds(engine, scope)
    p_lo, p_hi = previous_range(lo, hi)
    current, previous = monthly_sums(engine, scope, lo, hi), monthly_sums(engine, scope, p_lo, p_hi)
    units = unit_ikm(engine, scope, lo, hi, weight, monthly=current)
    ikm_change(engine, scope, lo, hi, weight, monthly=current, previous_monthly=previous)
    unit_changes(units, unit_ikm(engine, scope, p_lo, p_hi, weight, monthly=previous))
    scope_ikm(engine, scope, lo, hi, weight, period="quarter", monthly=current)
    weakest = units.sort_values("ikm").iloc[0]
    unit_scope = Scope(path_prefix=weakest["path"])
    unit_ikm_by_period(engine, unit_scope, lo, hi, "quarter", weight)
    group_breakdowns(engine, unit_scope, lo, hi, weight, unit_ids=[int(weakest["unit_id"])])
    search_suggestions(engine, unit_scope, lo, hi, "", unit_ids=[int(weakest["unit_id"])])
    count_suggestions(engine, unit_scope, lo, hi, "", unit_ids=[int(weakest["unit_id"])])


def page_runs(url: str, region: str | None, repeat: int) -> dict[str, float]:
    """The page itself under AppTest: first render (cold cache), rerun (warm), and a filter change (cold)."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("TELAAH_DEMO_MODE", "1")  # signed in as the demo role (leadership)
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from lib.ui.state import FILTERS_KEY, default_filters

    page = str(Path(__file__).resolve().parent.parent / "views" / "kepuasan.py")
    AppTest.from_file(page, default_timeout=600).run()  # imports, once per process
    cold, warm, change = [], [], []
    for _ in range(repeat):
        st.cache_data.clear()
        at = AppTest.from_file(page, default_timeout=600)
        t0 = time.perf_counter()
        at.run()
        cold.append(time.perf_counter() - t0)
        if at.exception:
            raise SystemExit(at.exception[0].message)
        t0 = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - t0)
        if region:
            base = default_filters()
            at.session_state[FILTERS_KEY] = type(base)(
                date_from=base.date_from, date_to=base.date_to, region=region
            )
            t0 = time.perf_counter()
            at.run()
            change.append(time.perf_counter() - t0)
    out = {"cold": statistics.median(cold), "warm": statistics.median(warm)}
    if change:
        out["change"] = statistics.median(change)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=4_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    default_url = f"sqlite:///{Path(tempfile.gettempdir()) / 'telaah_bench_ikm.db'}"
    url = os.environ.get("BENCH_DATABASE_URL", default_url)
    engine = prepare(url, args.rows)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(SurveyResponse.__table__)).scalar_one()
    first, last = survey_date_bounds(engine, CITY)
    assert first and last
    index = last.year * 12 + last.month - 1 - 11  # the last twelve whole months
    year_lo, year_hi = date(index // 12, index % 12 + 1, 1), last
    print(f"\n{engine.dialect.name}: {total:,} responses, {first} – {last}; medians of {args.repeat} runs\n")

    results: list[tuple[str, float]] = []

    def measure(label: str, fn: Callable[[], object], repeat: int = args.repeat) -> float:
        seconds = median_time(fn, repeat)
        results.append((label, seconds))
        print(f"{label:<62} {seconds * 1000:9.1f} ms", flush=True)
        return seconds

    baseline = measure("baseline: bare SQL GROUP BY unit over survey_response", lambda: bare_group_by(engine))
    ours = measure("ikm over all units, all time (python -m lib ikm path)", lambda: unit_ikm(engine))
    ours_year = measure(
        f"ikm over all units, {year_lo} – {year_hi} (whole months)",
        lambda: unit_ikm(engine, CITY, year_lo, year_hi),
    )
    odd_lo, odd_hi = year_lo + timedelta(days=9), year_hi - timedelta(days=12)
    ours_odd = measure(
        f"ikm over all units, {odd_lo} – {odd_hi} (partial edge months)",
        lambda: unit_ikm(engine, CITY, odd_lo, odd_hi),
    )
    measure("ikm per unit and quarter, all time", lambda: unit_ikm_by_period(engine, period="quarter"))
    measure(
        "respondent groups (5 breakdowns), one year, whole city",
        lambda: group_breakdowns(engine, CITY, year_lo, year_hi),
    )
    lib_city = measure(
        "page lib calls, cold: one year, city", lambda: page_lib_calls(engine, CITY, year_lo, year_hi)
    )
    regions = [r for r in list_regions(engine) if r != "Kota Medan"]
    region = regions[len(regions) // 2] if regions else None
    lib_region = measure(
        f"page lib calls, cold: one year, wilayah {region}",
        lambda: page_lib_calls(engine, Scope(region=region), year_lo, year_hi),
    )
    lib_odd = measure(
        "page lib calls, cold: city, partial-month dates",
        lambda: page_lib_calls(engine, CITY, odd_lo, odd_hi),
    )
    measure(
        "whole-city respondent profile (opt-in toggle), one year",
        lambda: group_breakdowns(engine, CITY, year_lo, year_hi),
        repeat=1,
    )
    runs = page_runs(url, region, args.repeat)
    print(f"{'page under AppTest: first render, cold cache':<62} {runs['cold'] * 1000:9.1f} ms")
    print(f"{'page under AppTest: rerun, warm cache':<62} {runs['warm'] * 1000:9.1f} ms")
    if "change" in runs:
        print(
            f"{'page under AppTest: filter change to one wilayah, cold':<62} {runs['change'] * 1000:9.1f} ms"
        )
    print()
    print(f"ratio ikm(all units, all time) / bare GROUP BY : {ours / baseline:6.3f}")
    print(f"ratio ikm(one year) / bare GROUP BY             : {ours_year / baseline:6.3f}")
    print(f"ratio ikm(partial months) / bare GROUP BY       : {ours_odd / baseline:6.3f}")
    print(
        f"page lib calls (cold): city {lib_city:.2f} s, one wilayah {lib_region:.2f} s, odd dates {lib_odd:.2f} s"
    )


if __name__ == "__main__":
    main()
