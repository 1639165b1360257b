"""Honest theme quality: estimates from a labelled stratified sample, abstention, and the threshold.

Every expected value below is computed by hand in the comments.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from lib.analysis import complaint_themes as ct


def _sample() -> tuple[pd.DataFrame, dict[str, int]]:
    """Stratum a (80 predicted, 4 sampled: labels a,a,a,b); stratum b (20 predicted, 2 sampled: b,a).

    Weights N_h/n_h: 20 for a's items, 10 for b's.
    """
    frame = pd.DataFrame(
        {
            "stratum": ["a", "a", "a", "a", "b", "b"],
            "predicted": ["a", "a", "a", "a", "b", "b"],
            "label": ["a", "a", "a", "b", "b", "a"],
        }
    )
    return frame, {"a": 80, "b": 20}


def test_sample_quality_matches_the_hand_computed_values() -> None:
    frame, sizes = _sample()
    q = ct.sample_quality(frame, sizes, n_boot=200)
    assert q is not None
    # correct weight: 3×20 (a) + 1×10 (b) = 70 of 100
    assert q.accuracy == pytest.approx(0.70)
    # weighted confusion (true × predicted): a→a 60, a→b 10, b→a 20, b→b 10
    # a: precision 60/80 = 0.75, recall 60/70 = 6/7, F1 = 0.8; b: precision 10/20, recall 10/30, F1 = 0.4
    per = q.per_theme.set_index("theme")
    assert per.loc["a", "precision"] == pytest.approx(0.75)
    assert per.loc["a", "recall"] == pytest.approx(6 / 7)
    assert per.loc["a", "f1"] == pytest.approx(0.8)
    assert per.loc["b", "f1"] == pytest.approx(0.4)
    assert q.macro_f1 == pytest.approx(0.6)
    # always "a": right for the weight labelled a, 70 of 100
    assert q.baseline_accuracy == pytest.approx(0.70)
    # Kish: 100² / (4·20² + 2·10²) = 10000 / 1800
    assert q.effective_n == pytest.approx(10000 / 1800)
    # Wilson, p = 0.7, n = 5.556: centre (0.7 + 1.9208/5.556) / 1.6915 = 0.6182, half 0.3042
    assert q.accuracy_low == pytest.approx(0.314, abs=1e-3)
    assert q.accuracy_high == pytest.approx(0.922, abs=1e-3)
    assert q.macro_f1_low <= q.macro_f1 <= q.macro_f1_high
    # b→a weighs 20 of 100, a→b 10
    assert q.confusions[["label", "predicted"]].values.tolist() == [["b", "a"], ["a", "b"]]
    assert q.confusions["share"].tolist() == pytest.approx([0.2, 0.1])
    assert q.n == 6 and q.population == 100


def test_no_labels_means_not_measured() -> None:
    empty = pd.DataFrame({"stratum": [], "predicted": [], "label": []})
    assert ct.sample_quality(empty, {"a": 10}) is None


def test_wilson_interval_known_value() -> None:
    # 8 of 10: the textbook Wilson 95 % interval is 0.490–0.943
    low, high = ct.wilson_interval(0.8, 10)
    assert (round(low, 3), round(high, 3)) == (0.490, 0.943)
    assert all(math.isnan(v) for v in ct.wilson_interval(0.5, 0))


def test_bootstrap_interval_covers_the_truth_on_a_large_sample() -> None:
    rng = np.random.default_rng(1)
    n = 400
    truth = rng.choice(["a", "b", "c"], size=n, p=[0.5, 0.3, 0.2])
    wrong = rng.random(n) < 0.25
    predicted = np.where(wrong, np.roll(truth, 1), truth)
    frame = pd.DataFrame({"stratum": predicted, "predicted": predicted, "label": truth})
    sizes = frame["stratum"].value_counts().to_dict()  # a sample proportional to its strata: weights equal
    q = ct.sample_quality(frame, {str(k): int(v) for k, v in sizes.items()})
    assert q is not None
    assert q.accuracy == pytest.approx(float(np.mean(predicted == truth)))
    assert q.accuracy_low < q.accuracy < q.accuracy_high
    assert 0.05 < q.accuracy_high - q.accuracy_low < 0.12  # about ±2 SE of a proportion with n = 400
    assert 0.03 < q.macro_f1_high - q.macro_f1_low < 0.2


def _threshold_sample() -> pd.DataFrame:
    """40 labels of one stratum: confidence 0.9 (10, all right), 0.7 (8 of 10 right),
    0.5 (5 of 10), 0.3 (2 of 10)."""
    rows = []
    for confidence, right in ((0.9, 10), (0.7, 8), (0.5, 5), (0.3, 2)):
        rows += [("a", "a", confidence, "a" if i < right else "b") for i in range(10)]
    return pd.DataFrame(rows, columns=["stratum", "predicted", "confidence", "label"])


def test_threshold_is_the_lowest_that_reaches_the_target() -> None:
    frame = _threshold_sample()
    # kept ≥ 0.3: 25/40 = 0.625; ≥ 0.5: 23/30 = 0.767; ≥ 0.7: 18/20 = 0.90 → 0.7 for a target of 0.8
    choice = ct.choose_threshold(frame, {"a": 400}, target=0.8)
    assert choice.from_sample and choice.threshold == pytest.approx(0.7)
    assert choice.accepted_accuracy == pytest.approx(0.9)
    assert choice.abstained_share == pytest.approx(0.5)
    assert choice.n_accepted == 20
    # a stricter target: only ≥ 0.9 (10 kept, all right) reaches 0.95
    assert ct.choose_threshold(frame, {"a": 400}, target=0.95).threshold == pytest.approx(0.9)


def test_unreachable_target_abstains_on_everything_and_few_labels_keep_the_default() -> None:
    frame = _threshold_sample()
    never = ct.choose_threshold(frame, {"a": 400}, target=1.01)
    assert never.threshold == ct.ABSTAIN_ALL and never.abstained_share == 1.0
    few = ct.choose_threshold(frame.head(20), {"a": 400})
    assert not few.from_sample and few.threshold == ct.DEFAULT_THRESHOLD


def test_model_round_trip_and_data_hash() -> None:
    texts = ["jalan berlubang besar", "lampu jalan mati", "sampah menumpuk"] * 10
    labels = ["jalan_drainase", "penerangan", "kebersihan_sampah"] * 10
    model = ct.train_theme_classifier(texts, labels)
    again = ct.load_model(ct.dump_model(model))
    assert again.classes == model.classes
    assert ct.predict_themes(again, ["lampu jalan padam"])["theme"].iloc[0] == "penerangan"
    first = ct.training_data_hash([1, 2], ["a", "b"], ["x", "y"])
    assert first == ct.training_data_hash([2, 1], ["b", "a"], ["y", "x"])  # order does not matter
    assert first != ct.training_data_hash([1, 2], ["a", "a"], ["x", "y"])  # a changed label does


def test_every_default_theme_points_to_a_known_training_theme() -> None:
    assert len(set(ct.THEMES)) == len(ct.THEMES) >= 15
    assert set(ct.LEGACY_THEMES) <= set(ct.THEMES)
    for theme in ct.DEFAULT_THEMES:
        assert theme.training_theme is None or theme.training_theme in ct.TRAINING_THEMES
