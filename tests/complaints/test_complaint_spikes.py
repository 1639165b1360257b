"""The spike detector: its arithmetic by hand, its power, and its false-alarm rate on stable data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from lib.analysis.complaint_spikes import (
    SpikeSettings,
    _conditional_test,
    benjamini_hochberg,
    detect_spikes,
    expected_by_month,
    last_complete_month,
    seasonal_factors,
)

T = pd.Timestamp


def simulate(
    rng: np.random.Generator,
    *,
    units: int = 200,
    months: int = 18,
    dispersion: float = 1.0,
    seasonal_amplitude: float = 0.0,
    rise: dict[int, float] | None = None,
    rise_months: int = 3,
) -> tuple[pd.DataFrame, pd.Timestamp]:
    """Monthly counts per unit with means 1–30 a month; ``dispersion`` > 1 gives negative-binomial counts
    with variance = dispersion × mean; ``rise`` multiplies chosen units' last ``rise_months`` months."""
    index = pd.date_range("2023-01-01", periods=months, freq="MS")
    level = rng.uniform(1.0, 30.0, units)
    season = 1.0 + seasonal_amplitude * np.sin(2 * np.pi * index.month.to_numpy() / 12)
    mu = level[:, None] * season[None, :]
    for unit, factor in (rise or {}).items():
        mu[unit, -rise_months:] *= factor
    if dispersion > 1:
        counts = rng.negative_binomial(mu / (dispersion - 1), 1 / dispersion)
    else:
        counts = rng.poisson(mu)
    frame = pd.DataFrame(
        {
            "unit_id": np.repeat(np.arange(units), months),
            "month": np.tile(index, units),
            "complaints": counts.ravel(),
        }
    )
    return frame, index[-1]


def test_conditional_test_matches_the_binomial_by_hand() -> None:
    # 10 complaints in 3 recent months vs 10 in 12 baseline months: rate ratio (10/3)/(10/12) = 4.
    # Given 20 in all, the recent share is Binomial(20, 3/15) without change: p = P(X >= 10).
    out = _conditional_test(np.array([10.0]), np.array([10.0]), 3.0, 12.0, 1.0, 0.95)
    assert out["ratio"][0] == pytest.approx(4.0)
    assert out["p_value"][0] == pytest.approx(stats.binom.sf(9, 20, 0.2))
    assert out["p_value"][0] == pytest.approx(0.002594, abs=1e-6)
    # CI from Clopper-Pearson on the share 10/20, turned into a rate ratio: p/(1-p) × 12/3
    p_low, p_high = stats.beta.ppf(0.025, 10, 11), stats.beta.ppf(0.975, 11, 10)
    assert out["ratio_low"][0] == pytest.approx(p_low / (1 - p_low) * 4)
    assert out["ratio_high"][0] == pytest.approx(p_high / (1 - p_high) * 4)
    # dispersion 2 halves the effective counts: as Binomial(10, 0.2) with 5 recent
    wide = _conditional_test(np.array([10.0]), np.array([10.0]), 3.0, 12.0, 2.0, 0.95)
    assert wide["p_value"][0] == pytest.approx(stats.binom.sf(4, 10, 0.2))
    assert wide["ratio"][0] == pytest.approx(4.0)


def test_benjamini_hochberg_by_hand() -> None:
    q = benjamini_hochberg(np.array([0.01, 0.04, 0.03, 0.5, np.nan]))
    np.testing.assert_allclose(q[:4], [0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5])
    assert np.isnan(q[4])


def test_last_complete_month() -> None:
    assert last_complete_month(T("2026-10-31")) == T("2026-10-01")
    assert last_complete_month(T("2026-11-26")) == T("2026-10-01")


def test_planted_rise_is_found_with_its_ratio() -> None:
    rng = np.random.default_rng(7)
    frame, end = simulate(rng, units=60, months=18, rise={5: 3.0})
    result = detect_spikes(frame, end)
    flagged = result.flagged
    assert 5 in set(flagged["unit_id"])
    row = result.series.set_index("unit_id").loc[5]
    assert row["ratio_low"] < 3.0 < row["ratio_high"]
    assert row["expected"] == pytest.approx(row["baseline"] * 3 / 12)
    assert len(flagged) <= 3  # the planted unit, and at most a stray false alarm or two


def test_rise_in_one_theme_is_found_in_that_theme() -> None:
    rng = np.random.default_rng(11)
    themes = ["waktu", "perilaku", "sarana"]
    frames = []
    for i, theme in enumerate(themes):
        frame, end = simulate(rng, units=40, months=18, rise={3: 3.0} if theme == "waktu" else None)
        frames.append(frame.assign(theme=theme, complaints=frame["complaints"] // (i + 1)))
    data = pd.concat(frames, ignore_index=True)
    result = detect_spikes(data, end, series=(("unit_id",), ("unit_id", "theme")))
    flagged = result.flagged
    theme_flags = flagged[flagged["family"] == "unit_id×theme"]
    assert ((theme_flags["unit_id"] == 3) & (theme_flags["theme"] == "waktu")).any()


def _false_alarm_rate(
    dispersion: float, seasonal_amplitude: float, months: int, reps: int
) -> tuple[float, float]:
    rng = np.random.default_rng(2026)
    per_series = []
    any_flag_bh = []
    raw = SpikeSettings(adjust="none", alpha=0.05, min_observed=0)
    for _ in range(reps):
        frame, end = simulate(
            rng, months=months, dispersion=dispersion, seasonal_amplitude=seasonal_amplitude
        )
        per_series.append(detect_spikes(frame, end, settings=raw).series["flagged"].mean())
        any_flag_bh.append(detect_spikes(frame, end).series["flagged"].any())
    return float(np.mean(per_series)), float(np.mean(any_flag_bh))


@pytest.mark.parametrize(
    ("dispersion", "amplitude", "months"),
    [(1.0, 0.0, 18), (2.0, 0.0, 18), (1.0, 0.35, 36)],
    ids=["poisson", "negative-binomial", "seasonal"],
)
def test_false_alarm_rate_on_stable_data(dispersion: float, amplitude: float, months: int) -> None:
    """200 stable units, 40 replications (8,000 tests): flagged share ≤ α + 2.5 SE, and with BH the
    chance of any flag at all ≤ q + 2.5 SE. Overdispersed and seasonal data are where a plain
    Poisson test without φ or month factors would alarm far too often."""
    alpha, reps = 0.05, 40
    per_series, any_flag = _false_alarm_rate(dispersion, amplitude, months, reps)
    assert per_series <= alpha + 2.5 * np.sqrt(alpha * (1 - alpha) / (200 * reps))
    assert any_flag <= alpha + 2.5 * np.sqrt(alpha * (1 - alpha) / reps)


def test_seasonal_factors_found_only_when_there_is_a_season() -> None:
    rng = np.random.default_rng(3)
    index = pd.date_range("2023-01-01", periods=36, freq="MS")
    season = 1 + 0.4 * np.cos(2 * np.pi * (index.month.to_numpy() - 1) / 12)
    seasonal = pd.Series(rng.poisson(200 * season), index=index)
    factors, used = seasonal_factors(seasonal)
    assert used
    assert factors.mean() == pytest.approx(1.0)
    assert factors[0] == pytest.approx(1.4 / season.mean(), rel=0.1)  # January peak
    flat = pd.Series(rng.poisson(200, 36), index=index)
    assert seasonal_factors(flat)[1] is False
    assert seasonal_factors(seasonal.iloc[:20])[1] is False  # too short


def test_short_history_is_not_tested() -> None:
    frame = pd.DataFrame(
        {
            "unit_id": [1] * 5,
            "month": pd.date_range("2025-01-01", periods=5, freq="MS"),
            "complaints": [1, 1, 1, 9, 9],
        }
    )
    result = detect_spikes(frame, T("2025-05-01"))
    assert result.series.empty


def test_quiet_units_and_zero_baselines() -> None:
    months = pd.date_range("2025-01-01", periods=15, freq="MS")
    frame = pd.DataFrame(
        {
            "unit_id": [1] * 15 + [2],
            "month": list(months) + [months[-1]],
            "complaints": [0] * 12 + [3, 4, 5] + [1],
        }
    )
    result = detect_spikes(frame, months[-1]).series.set_index("unit_id")
    # unit 1: nothing for a year, then 12: flagged, ratio unbounded, CI lower bound finite
    assert np.isinf(result.loc[1, "ratio"]) and np.isfinite(result.loc[1, "ratio_low"])
    assert bool(result.loc[1, "flagged"])
    # unit 2: a single complaint ever; below min_observed, never flagged
    assert not bool(result.loc[2, "flagged"])


def test_expected_by_month_follows_the_baseline_rate() -> None:
    rng = np.random.default_rng(1)
    frame, end = simulate(rng, units=3, months=15)
    result = detect_spikes(frame, end)
    months = pd.date_range("2023-01-01", periods=15, freq="MS")
    expected = expected_by_month(result, months)
    unit0 = expected[(expected["unit_id"] == 0)]
    rate = result.series.set_index("unit_id").loc[0, "baseline_rate"]
    assert np.allclose(unit0["expected"], rate)
    assert (unit0["expected_low"] <= unit0["expected"]).all() and (
        unit0["expected"] <= unit0["expected_high"]
    ).all()
