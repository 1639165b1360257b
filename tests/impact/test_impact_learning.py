"""Level 2 (learning) and level 1 (reaction): hand-computed small examples, then scipy/statsmodels called directly."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

from lib.analysis.training_learning import (
    dz_confidence_interval,
    hake_band,
    learning_by_program,
    learning_effect,
    participant_counts,
    verdict,
)
from lib.analysis.training_reaction import reaction_distribution, reaction_item, reaction_summary

# Five participants, worked by hand:
#   pre  = 60 55 70 40 80   (mean 61)
#   post = 70 60 72 55 85   (mean 68.4)
#   gain = 10  5  2 15  5   (sum 37, mean 7.4)
#   deviations 2.6 −2.4 −5.4 7.6 −2.4, squares sum to 105.2, variance 105.2/4 = 26.3, SD = 5.128353
#   SE = 5.128353/√5 = 2.293469;  t = 7.4/2.293469 = 3.226553 on 4 df
#   t(0.975, 4) = 2.776445, so the 95% CI is 7.4 ± 6.367691 = [1.032309, 13.767691]
#   d_z = 7.4/5.128353 = 1.442958
#   Wilcoxon: all five gains positive, so W− = 0 and the exact two-sided p = 2 × (1/2⁵) = 0.0625
#   Hake class g = (68.4 − 61)/(100 − 61) = 7.4/39 = 0.189744 → "low"
#   individual g: 10/40, 5/45, 2/30, 15/60, 5/20 = .25, .111111, .066667, .25, .25 → mean 0.185556
PRE = [60, 55, 70, 40, 80]
POST = [70, 60, 72, 55, 85]


def test_five_pairs_by_hand() -> None:
    r = learning_effect(PRE, POST)
    assert r.n == 5
    assert r.mean_pre == pytest.approx(61.0)
    assert r.mean_post == pytest.approx(68.4)
    assert r.mean_gain == pytest.approx(7.4)
    assert r.sd_gain == pytest.approx(5.128353, abs=1e-6)
    assert r.t_stat == pytest.approx(3.226553, abs=1e-6)
    assert r.df == 4
    assert (r.ci_low, r.ci_high) == (pytest.approx(1.032309, abs=1e-6), pytest.approx(13.767691, abs=1e-6))
    assert r.d_z == pytest.approx(1.442958, abs=1e-6)
    assert r.wilcoxon_stat == 0
    assert r.p_wilcoxon == pytest.approx(0.0625)
    assert r.hake_class == pytest.approx(7.4 / 39)
    assert r.hake_band == "low"
    assert r.hake_individual_mean == pytest.approx(0.185556, abs=1e-6)
    assert r.hake_individual_n == 5 and r.hake_excluded_at_max == 0
    # fewer than 30 pairs: Wilcoxon is the primary test
    assert r.primary_test == "wilcoxon" and r.primary_p == pytest.approx(0.0625)


def test_five_pairs_against_scipy_directly() -> None:
    r = learning_effect(PRE, POST)
    t = stats.ttest_rel(POST, PRE)
    ci = t.confidence_interval(0.95)
    assert r.t_stat == pytest.approx(t.statistic)
    assert r.p_t == pytest.approx(t.pvalue)
    assert (r.ci_low, r.ci_high) == (pytest.approx(ci.low), pytest.approx(ci.high))
    w = stats.wilcoxon(np.subtract(POST, PRE))
    assert r.p_wilcoxon == pytest.approx(w.pvalue)
    assert r.shapiro_p == pytest.approx(stats.shapiro(np.subtract(POST, PRE)).pvalue)


def test_dz_interval_inverts_the_noncentral_t() -> None:
    d, n = 1.442958, 5
    low, high = dz_confidence_interval(d, n, 0.95)
    t_obs = d * math.sqrt(n)
    # the observed t sits at the 97.5th percentile under the lower limit and the 2.5th under the upper
    assert stats.nct.cdf(t_obs, n - 1, low * math.sqrt(n)) == pytest.approx(0.975, abs=1e-8)
    assert stats.nct.cdf(t_obs, n - 1, high * math.sqrt(n)) == pytest.approx(0.025, abs=1e-8)
    assert low < d < high
    # a null effect gives an interval symmetric around 0
    low0, high0 = dz_confidence_interval(0.0, 30)
    assert low0 == pytest.approx(-high0)
    # large n: close to the normal approximation d ± 1.96·sqrt(1/n + d²/(2n))
    low_l, high_l = dz_confidence_interval(0.6, 2000)
    se = math.sqrt(1 / 2000 + 0.36 / 4000)
    assert low_l == pytest.approx(0.6 - 1.96 * se, abs=0.003)
    assert high_l == pytest.approx(0.6 + 1.96 * se, abs=0.003)


def test_missing_tests_are_counted_not_dropped_silently() -> None:
    pre = [60, 55, 70, 40, 80, 50, None, None, 100]
    post = [70, 60, 72, 55, 85, None, 66, None, 100]
    counts = participant_counts(pd.Series(pre, dtype=float), pd.Series(post, dtype=float))
    assert (counts.paired, counts.pre_only, counts.post_only, counts.neither) == (6, 1, 1, 1)
    assert counts.total == 9 and counts.unpaired == 3
    r = learning_effect(pd.Series(pre, dtype=float), pd.Series(post, dtype=float))
    assert r.n == 6
    # the participant at 100 has no room to gain: left out of the individual g and counted
    assert r.hake_individual_n == 5 and r.hake_excluded_at_max == 1
    assert r.hake_individual_mean == pytest.approx(0.185556, abs=1e-6)
    # class g still uses all six pairs: mean pre 67.5, mean post 73.666667 → 6.166667/32.5
    assert r.hake_class == pytest.approx((442 / 6 - 405 / 6) / (100 - 405 / 6))


def test_whole_class_at_100_and_tiny_groups_do_not_raise() -> None:
    r = learning_effect([100, 100], [100, 100])
    assert math.isnan(r.hake_class) and r.hake_band is None and r.hake_excluded_at_max == 2
    one = learning_effect([50], [60])
    assert one.n == 1 and one.primary_test == "none" and math.isnan(one.ci_low)
    none = learning_effect([None, 40], [55, None])
    assert none.n == 0 and none.counts.pre_only == 1 and none.counts.post_only == 1
    assert verdict(none.mean_gain, none.primary_p, none.n) == "insufficient"


def test_hake_bands() -> None:
    assert [hake_band(g) for g in (-0.1, 0.29, 0.3, 0.7, 0.71)] == ["low", "low", "medium", "medium", "high"]


def test_t_is_primary_for_large_normal_samples() -> None:
    rng = np.random.default_rng(1)
    pre = rng.normal(55, 10, 200)
    post = pre + rng.normal(6, 8, 200)
    r = learning_effect(pre, post)
    assert r.shapiro_p >= 0.05 and r.primary_test == "t" and r.primary_p == r.p_t
    skewed_post = pre + rng.exponential(6, 200)
    assert learning_effect(pre, skewed_post).primary_test == "wilcoxon"


def test_programme_table_holm_adjusted_verdicts() -> None:
    rng = np.random.default_rng(7)
    rows = []
    for code, gain in (("A", 8.0), ("B", 0.0), ("C", 0.0), ("D", 5.0)):
        pre = rng.normal(55, 10, 40)
        for x, d in zip(pre, rng.normal(gain, 9, 40), strict=True):
            rows.append(
                {"program_code": code, "program_name": f"Prog {code}", "pre_score": x, "post_score": x + d}
            )
    table = learning_by_program(pd.DataFrame(rows)).set_index("program_code")
    expected = multipletests(table["primary_p"].to_numpy(), method="holm")[1]
    assert table["p_holm"].to_numpy() == pytest.approx(expected)
    assert table.loc["A", "verdict"] == "gain"
    assert table.loc["B", "verdict"] == "unclear" and table.loc["C", "verdict"] == "unclear"
    assert table.loc["A", "program_name"] == "Prog A"


# Reaction, by hand: ratings 4 5 3 4 4 → mean 4, SD √0.5 = 0.707107, SE 0.316228,
# CI 4 ± 2.776445 × 0.316228 = 4 ± 0.877989 = [3.122011, 4.877989]; favourable (4 or 5) = 4/5 = 0.8 with the
# Wilson interval (z = 1.959964): centre (0.8 + z²/10)/(1 + z²/5) = 0.669656, half-width 0.294121
# → [0.375535, 0.963776].
def test_reaction_item_by_hand_and_against_statsmodels() -> None:
    item = reaction_item(pd.Series([4, 5, 3, 4, 4, None]), "reaction_usefulness")
    assert item.n == 5 and item.n_missing == 1
    assert item.mean == pytest.approx(4.0)
    assert item.sd == pytest.approx(0.707107, abs=1e-6)
    assert (item.ci_low, item.ci_high) == (
        pytest.approx(3.122011, abs=1e-6),
        pytest.approx(4.877989, abs=1e-6),
    )
    assert item.share_favourable == pytest.approx(0.8)
    assert item.favourable_ci_low == pytest.approx(0.375535, abs=1e-6)
    assert item.favourable_ci_high == pytest.approx(0.963776, abs=1e-6)
    low, high = proportion_confint(4, 5, alpha=0.05, method="wilson")
    assert (item.favourable_ci_low, item.favourable_ci_high) == (pytest.approx(low), pytest.approx(high))
    lo_t, hi_t = stats.t.interval(0.95, 4, loc=4.0, scale=stats.sem([4, 5, 3, 4, 4]))
    assert (item.ci_low, item.ci_high) == (pytest.approx(lo_t), pytest.approx(hi_t))


def test_reaction_summary_and_distribution() -> None:
    frame = pd.DataFrame(
        {
            "reaction_material": [4, 5, 3, 4, 4],
            "reaction_trainer": [5, 5, 5, 4, None],
            "reaction_usefulness": [2, 3, 3.6, 4.4, 1],
        }
    )
    summary = reaction_summary(frame).set_index("item")
    assert summary.loc["reaction_trainer", "n"] == 4
    assert summary.loc["reaction_trainer", "mean"] == pytest.approx(4.75)
    dist = reaction_distribution(frame)
    use = dist[dist["item"] == "reaction_usefulness"].set_index("rating")["count"]
    # 3.6 rounds to 4 and 4.4 to 4 for the distribution only
    assert use.to_dict() == {1: 1, 2: 1, 3: 1, 4: 2, 5: 0}
    assert dist.groupby("item")["share"].sum().to_numpy() == pytest.approx([1.0, 1.0, 1.0])
    empty = reaction_summary(pd.DataFrame({c: [None] for c in frame.columns}, dtype=float))
    assert (empty["n"] == 0).all() and empty["mean"].isna().all()
