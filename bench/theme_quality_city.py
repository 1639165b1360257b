"""How good are predicted themes on a city channel, and does a labelling round tell the truth about it?

Usage::

    python bench/theme_quality_city.py                 # 10,000 training texts, 3,000 test texts
    python bench/theme_quality_city.py --train 4000 --test 2000 --rounds 20

The test bed is ``lib.demo.city_channel``: invented city-channel complaints
(roads, drainage, rubbish, street lights, trees, social assistance, civil
registration…, Indonesian with slang), each with the theme a careful reader
gives (``true_theme``, the independent hand labels) and the channel's own coarse
``topik``. Three models are compared on the same held-out texts:

* **demo**: trained on the demo city's service-desk complaints (eight themes);
* **topic**: trained on the city's complaints, themes from ``topik`` through the
  evaluator's mapping (``TOPIK_TO_THEME``), i.e. labels by the source;
* **topic + 200 evaluator labels**: the same, after one labelling round.

Then, for each model, ``--rounds`` simulated labelling rounds of 200 complaints
(stratified by predicted theme, as on the Pengaduan page) estimate accuracy
with a 95 % interval; the script prints how often the interval contains the
accuracy measured on *all* test texts (it should, about 95 % of the time), and
the threshold chosen from the round with the accuracy it really gives.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.analysis import complaint_themes as ct  # noqa: E402
from lib.demo.city_channel import TOPIK_TO_THEME, city_channel_complaints, demo_desk_complaints  # noqa: E402


def _measure(name: str, model: ct.ThemeModel, test: pd.DataFrame) -> pd.DataFrame:
    predicted = ct.predict_themes(model, test["isi"].tolist())
    truth = test["true_theme"].to_numpy()
    accuracy = float(np.mean(predicted["theme"].to_numpy() == truth))
    macro = float(
        f1_score(truth, predicted["theme"], average="macro", labels=sorted(set(truth)), zero_division=0)
    )
    baseline = float(test["true_theme"].value_counts(normalize=True).iloc[0])
    print(f"{name:<34} accuracy {accuracy:5.3f}   macro-F1 {macro:5.3f}   (commonest theme: {baseline:5.3f})")
    return predicted.assign(truth=truth)


def _rounds(name: str, predicted: pd.DataFrame, rounds: int, size: int = 200) -> None:
    """Simulated labelling rounds: does the interval contain the accuracy on every predicted text?"""
    from lib.analysis.complaint_themes import allocate_sample

    true_accuracy = float(np.mean(predicted["theme"] == predicted["truth"]))
    sizes = predicted["theme"].value_counts().to_dict()
    sizes = {str(k): int(v) for k, v in sizes.items()}
    allocation = allocate_sample(sizes, size)
    rng = np.random.default_rng(7)
    covered = 0
    estimates, widths, kept_real, shares = [], [], [], []
    for _ in range(rounds):
        parts = []
        for stratum, n in allocation.items():
            pool = predicted.index[predicted["theme"] == stratum]
            parts.append(
                predicted.loc[rng.choice(pool, size=min(n, len(pool)), replace=False)].assign(stratum=stratum)
            )
        sample = pd.concat(parts)
        labelled = pd.DataFrame(
            {
                "stratum": sample["stratum"],
                "predicted": sample["theme"],
                "confidence": sample["confidence"],
                "label": sample["truth"],
            }
        )
        quality = ct.sample_quality(labelled, sizes, n_boot=200)
        assert quality is not None
        estimates.append(quality.accuracy)
        widths.append(quality.accuracy_high - quality.accuracy_low)
        covered += quality.accuracy_low <= true_accuracy <= quality.accuracy_high
        choice = ct.choose_threshold(labelled, sizes)
        kept = predicted["confidence"] >= choice.threshold
        shares.append(1 - kept.mean())
        kept_real.append(
            float(np.mean(predicted.loc[kept, "theme"] == predicted.loc[kept, "truth"]))
            if kept.any()
            else np.nan
        )
    print(
        f"  rounds of {size}: true accuracy {true_accuracy:5.3f}; estimate median {np.median(estimates):5.3f}, "
        f"95% CI width median {np.median(widths):5.3f}; interval contains the truth in {covered}/{rounds} rounds"
    )
    print(
        f"  threshold from the round (target {ct.TARGET_ACCURACY:.2f}): abstains on {np.median(shares):5.1%} "
        f"(median); predictions kept are right {np.nanmedian(kept_real) if not np.all(np.isnan(kept_real)) else float('nan'):5.3f}"
        " on all test texts"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--train", type=int, default=10_000)
    parser.add_argument("--test", type=int, default=3_000)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()

    test = city_channel_complaints(args.test, seed=1401)
    city = city_channel_complaints(args.train, seed=1402)
    demo = demo_desk_complaints(args.train, seed=1403)
    print(f"test: {len(test)} city-channel complaints; training sets: {len(city)} each\n")

    started = time.perf_counter()
    demo_model = ct.train_theme_classifier(demo["isi"].tolist(), demo["true_theme"].tolist())
    topic_labels = city["topik"].map(TOPIK_TO_THEME)
    topic_model = ct.train_theme_classifier(city["isi"].tolist(), topic_labels.tolist())
    # one labelling round: 200 evaluator labels (the true theme) replace the topic's for those complaints
    rng = np.random.default_rng(3)
    chosen = rng.choice(len(city), size=200, replace=False)
    with_round = topic_labels.copy()
    with_round.iloc[chosen] = city["true_theme"].iloc[chosen].to_numpy()
    round_model = ct.train_theme_classifier(city["isi"].tolist(), with_round.tolist())
    print(f"(three models trained in {time.perf_counter() - started:.1f} s)\n")
    topic_accuracy = float(np.mean(topic_labels == city["true_theme"]))
    print(
        f"topik → theme mapping itself agrees with the careful reader on {topic_accuracy:5.3f} of the training texts\n"
    )

    for name, model in (
        ("demo-trained (8 desk themes)", demo_model),
        ("city, topic labels", topic_model),
        ("city, topic + 200 evaluator labels", round_model),
    ):
        predicted = _measure(name, model, test)
        _rounds(name, predicted, args.rounds)
        print()


if __name__ == "__main__":
    main()
