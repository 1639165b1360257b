"""Theme model: training and prediction time on 10,000 and 100,000 complaint texts of ~300 characters.

Usage::

    python bench/bench_theme_model.py                  # 10,000 and 100,000 texts, 3 repeats at 10,000
    python bench/bench_theme_model.py --sizes 10000 --repeat 5
    python bench/bench_theme_model.py --no-baseline    # skip the old pipeline (slow)

Texts come from ``lib.demo.city_channel`` (invented city-channel complaints,
padded to ~300 characters like real exports). Times are CPU seconds of the
training thread (``time.thread_time``; the fit runs on one BLAS thread) and
wall seconds, medians over ``--repeat`` runs. The baseline, measured in the
same run, is the pipeline before issue 14 (char 2–5-grams up to 100,000
features, float64, C=2, up to 2,000 iterations) as it ran inside the request:
5-fold cross-validation and then the final fit. The job's ``MAX_TRAINING_ROWS``
caps real training at 20,000 texts; 100,000 shows the headroom.
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
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="repeats at sizes up to 20,000 (1 above)")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()

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


if __name__ == "__main__":
    main()
