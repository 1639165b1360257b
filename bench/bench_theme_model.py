"""Theme model: training and prediction time on 10,000 and 100,000 complaint texts of ~300 characters.

Usage::

    python bench/bench_theme_model.py                  # 10,000 and 100,000 texts, 3 repeats at 10,000
    python bench/bench_theme_model.py --sizes 10000 --repeat 5
    python bench/bench_theme_model.py --no-baseline    # skip the old pipeline (slow)
    python bench/bench_theme_model.py --sizes --import-rows 2000   # only the import timing

Texts come from ``lib.demo.city_channel`` (invented city-channel complaints,
padded to ~300 characters like real exports). Times are CPU seconds of the
training thread (``time.thread_time``; the fit runs on one BLAS thread) and
wall seconds, medians over ``--repeat`` runs. The baseline, measured in the
same run, is the pipeline before issue 14 (char 2–5-grams up to 100,000
features, float64, C=2, up to 2,000 iterations) as it ran inside the request:
5-fold cross-validation and then the final fit. The job's ``MAX_TRAINING_ROWS``
caps real training at 20,000 texts; 100,000 shows the headroom.

``--import-rows N`` also times a complaint import of N rows into a fresh SQLite
database with the theme hook as shipped (it queues the background job) against
the same import with the hook switched off, alternating, medians over
``--repeat`` imports each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.analysis import complaint_themes as ct  # noqa: E402
from lib.demo.city_channel import TOPIK_TO_THEME, city_channel_complaints  # noqa: E402


def old_pipeline() -> Pipeline:
    """The pipeline as it was before issue 14 (for the baseline only)."""
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=50_000)),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=100_000
                ),
            ),
        ]
    )
    return Pipeline(
        [
            ("normalise", FunctionTransformer(ct.normalise_texts)),
            ("features", features),
            (
                "model",
                LogisticRegression(C=2.0, class_weight="balanced", max_iter=2000, tol=1e-3, random_state=0),
            ),
        ]
    )


def timed(work: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """Median CPU seconds (this thread) and wall seconds over ``repeat`` runs, and the last result."""
    cpu, wall = [], []
    result: object = None
    for _ in range(repeat):
        c0, w0 = time.thread_time(), time.perf_counter()
        result = work()
        cpu.append(time.thread_time() - c0)
        wall.append(time.perf_counter() - w0)
    return statistics.median(cpu), statistics.median(wall), result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="repeats at sizes up to 20,000 (1 above)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--import-rows", type=int, default=0)
    args = parser.parse_args()
    if args.import_rows:
        bench_import(args.import_rows, args.repeat)

    for size in args.sizes:
        data = city_channel_complaints(size, seed=size, target_chars=300)
        texts = data["isi"].tolist()
        labels = data["topik"].map(TOPIK_TO_THEME).tolist()
        repeat = args.repeat if size <= 20_000 else 1
        mean_chars = float(np.mean([len(t) for t in texts]))
        print(
            f"\n{size:,} texts, mean {mean_chars:.0f} characters, {len(set(labels))} themes, {repeat} run(s)"
        )

        cpu, wall, model = timed(lambda: ct.train_theme_classifier(texts, labels), repeat)  # noqa: B023
        assert isinstance(model, ct.ThemeModel)
        payload = ct.dump_model(model)
        print(
            f"  train (this pipeline)          CPU {cpu:7.1f} s   wall {wall:7.1f} s   model {len(payload) / 1e6:.1f} MB"
        )
        new_cpu = cpu

        loaded = ct.load_model(payload)
        cpu, wall, _ = timed(lambda: ct.predict_themes(loaded, texts), repeat)  # noqa: B023
        print(
            f"  predict all texts              CPU {cpu:7.1f} s   wall {wall:7.1f} s   ({size / wall:,.0f} texts/s)"
        )
        cpu, wall, _ = timed(lambda: ct.load_model(payload), repeat)  # noqa: B023
        print(f"  load stored model              CPU {cpu:7.2f} s   wall {wall:7.2f} s")

        if args.no_baseline:
            continue

        def old_fit() -> None:
            pipeline = old_pipeline()
            with ct._quiet_single_thread():
                pipeline.fit(np.asarray(texts, dtype=object), np.asarray(labels, dtype=object))  # noqa: B023

        cpu, wall, _ = timed(old_fit, 1)
        print(
            f"  baseline: old pipeline, 1 fit  CPU {cpu:7.1f} s   wall {wall:7.1f} s   (ratio {cpu / new_cpu:.1f}×)"
        )
        if size <= 20_000:

            def old_request() -> None:
                """What the request did before: 5-fold cross-validation, then the final fit."""
                x = np.asarray(texts, dtype=object)  # noqa: B023
                y = np.asarray(labels, dtype=object)  # noqa: B023
                for train, _test in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(x, y):
                    pipeline = old_pipeline()
                    with ct._quiet_single_thread():
                        pipeline.fit(x[train], y[train])
                old_fit()

            cpu, wall, _ = timed(old_request, 1)
            print(
                f"  baseline: old, 5-fold CV + fit CPU {cpu:7.1f} s   wall {wall:7.1f} s   "
                f"(ratio {cpu / new_cpu:.0f}×)"
            )


def bench_import(rows: int, repeat: int) -> None:
    """A complaint import with the theme hook (queue a job) against the same import without it."""
    import tempfile

    from lib.db import make_engine, upgrade
    from lib.ingest import batches
    from lib.ingest.pipeline import prepare_upload

    folder = Path(tempfile.mkdtemp(prefix="bench_theme_import_"))
    engine = make_engine(f"sqlite:///{folder / 'import.db'}")
    upgrade(engine)
    unit_csv = b"kode_unit,nama_unit,jenis_unit\nKEL-B1,Kelurahan Bench,kelurahan\n"
    batches.import_upload(engine, prepare_upload(unit_csv, "unit.csv", "unit", engine), user="bench")
    data = city_channel_complaints(rows, seed=5)
    hook = batches._predict_complaint_themes
    timings: dict[str, list[float]] = {"with theme hook": [], "hook off": []}
    for run in range(repeat):
        for label in timings:
            lines = ["nomor;tanggal;kode_unit;kanal;kategori;isi;status"]
            lines += [
                f"{label[:4]}-{run}-{i};2025-03-01;KEL-B1;WhatsApp;;{text.replace(';', ',')};belum"
                for i, text in enumerate(data["isi"])
            ]
            prepared = prepare_upload("\n".join(lines).encode(), "pengaduan.csv", "pengaduan", engine)
            batches._predict_complaint_themes = hook if label == "with theme hook" else (lambda engine: None)
            try:
                started = time.perf_counter()
                result = batches.import_upload(engine, prepared, user="bench")
                timings[label].append(time.perf_counter() - started)
            finally:
                batches._predict_complaint_themes = hook
            assert result.inserted == rows, result.problems
    with_hook = statistics.median(timings["with theme hook"])
    without = statistics.median(timings["hook off"])
    print(
        f"\nimport of {rows:,} complaints (median of {repeat}): with the theme hook {with_hook:.2f} s, "
        f"hook off {without:.2f} s, ratio {with_hook / without:.2f}×"
    )


if __name__ == "__main__":
    main()
