"""What the upload limits cost: the pre-read check against reading the file, and hostile files refused.

Usage::

    python bench/bench_limits.py [--rows 200000] [--repeat 3]

Builds an ordinary survey workbook (``--rows`` rows, 12 columns, openpyxl
write-only) and times :func:`lib.ingest.limits.check_xlsx` against the whole
read (:func:`lib.ingest.readers.read_xlsx_table`, which includes the check),
as medians of ``--repeat`` runs; then the time to refuse each case of the
hostile corpus (``tests/ingest/hostile.py``). Peak memory is the process's
maxrss at the end.
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from lib.ingest import limits  # noqa: E402
from lib.ingest.readers import FileProblem, read_table, read_xlsx_table  # noqa: E402
from tests.ingest.hostile import CASES  # noqa: E402


def survey_workbook(rows: int) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    sheet.append(["tanggal", "kode_unit"] + [f"U{i}" for i in range(1, 10)] + ["saran"])
    rng = random.Random(2026)
    for i in range(rows):
        answers = [rng.randint(1, 4) for _ in range(9)]
        sheet.append(["2025-03-01", "PKM-BLW", *answers, "pelayanan cepat" if i % 3 == 0 else None])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def median_seconds(call: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = survey_workbook(args.rows)
    check = median_seconds(lambda: limits.check_xlsx(data), args.repeat)
    read = median_seconds(lambda: read_xlsx_table(data), args.repeat)
    print(f"ordinary workbook: {args.rows} rows x 12 columns, {len(data) / 1e6:.1f} MB")
    print(f"  check_xlsx      median {check:6.2f} s")
    print(f"  read (incl.)    median {read:6.2f} s   check / read = {check / read:.2f}")
    print("hostile corpus (time to refuse, one run each):")
    for name, (build, expected, _kind) in CASES.items():
        payload = build()
        started = time.perf_counter()
        try:
            read_table(payload, name)
            got = "READ"
        except FileProblem as exc:
            got = exc.code
        seconds = time.perf_counter() - started
        mark = "" if got == expected else f"  (expected {expected})"
        print(f"  {name:30} {len(payload) / 1e3:9.1f} KB  {seconds:6.2f} s  {got}{mark}")
        del payload
    print(f"peak memory (maxrss): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
