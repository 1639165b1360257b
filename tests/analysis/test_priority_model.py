"""The deterioration model: targets by hand, out-of-time validation, and signal found in a simulation."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from lib.analysis.ikm_formula import grade_ikm
from lib.analysis.priority_model import (
    FEATURES,
    add_features_and_target,
    fit_deterioration_model,
    top_model_reasons,
)

QUARTERS = [date(2023 + (q // 4), 3 * (q % 4) + 1, 1) for q in range(12)]


def _row(unit: int, quarter: date, ikm: float, complaints: int) -> dict:
    return {
        "unit_id": unit,
        "quarter_start": quarter,
        "ikm": ikm,
        "mutu": grade_ikm(ikm),
        "complaints": complaints,
        "mean_days": 3.0,
        "pct_on_time": 90.0,
        "skp_mean": 80.0,
    }


def test_target_by_hand() -> None:
    panel = pd.DataFrame(
        [
            _row(1, QUARTERS[0], 90.0, 2),  # next: 85 (A → B): grade lost
            _row(1, QUARTERS[1], 85.0, 2),  # next: 2 → 5 complaints: 5 ≥ 1.5×2 and ≥ 2+3: rising
            _row(1, QUARTERS[2], 85.0, 5),  # next: 6 < 1.5×5: no; grade B → B: no
            _row(1, QUARTERS[3], 84.0, 6),  # next quarter missing (gap): unknown
            _row(1, QUARTERS[5], 84.0, 6),  # last: unknown
        ]
    )
    frame = add_features_and_target(panel)
    assert frame["target"].tolist()[:3] == [1.0, 1.0, 0.0]
    assert frame["target"].isna().tolist()[3:] == [True, True]
    assert frame["ikm_delta"].tolist()[1] == pytest.approx(-5.0)
    assert frame["complaints_delta"].tolist()[2] == pytest.approx(np.log(6) - np.log(3))


def _simulated_panel(seed: int, signal: bool) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for unit in range(80):
        ikm, delta, rate = rng.uniform(75, 92), 0.0, rng.uniform(2, 8)
        for quarter in QUARTERS:
            rows.append(_row(unit, quarter, float(np.clip(ikm, 50, 99)), int(rng.poisson(rate))))
            # With signal, a fall continues (momentum) and rising complaints keep rising.
            momentum = 0.9 if signal else 0.0
            delta = momentum * delta + rng.normal(0, 2.0)
            ikm += delta
            rate = max(0.5, rate * (1.4 if signal and delta < -1 else 1.0) * rng.lognormal(0, 0.1))
    return pd.DataFrame(rows)


def test_validation_is_out_of_time_and_finds_signal() -> None:
    result = fit_deterioration_model(_simulated_panel(1, signal=True))
    assert result.available
    assert max(result.train_quarters) < min(result.test_quarters)
    assert result.n_train > 0 and result.n_test > 0
    assert result.auc > 0.65
    # A falling IKM is what the simulation makes persist: it must raise the predicted risk.
    assert result.coefficients["ikm_delta"] < 0
    latest = result.predictions
    assert set(latest["quarter_start"]) == {QUARTERS[-1]}
    assert latest["probability"].between(0, 1).all()
    # Contributions add up to the log-odds (minus the intercept, the same for every unit).
    logit = np.log(latest["probability"] / (1 - latest["probability"]))
    contrib = latest[[f"contrib_{f}" for f in FEATURES]].sum(axis=1)
    assert np.ptp(logit - contrib) < 1e-8


def test_short_history_is_reported_not_fitted() -> None:
    panel = _simulated_panel(2, signal=True)
    short = panel[panel["quarter_start"] <= QUARTERS[4]]
    result = fit_deterioration_model(short)
    assert not result.available and result.reason == "history"


def test_top_model_reasons_are_positive_contributions() -> None:
    row = pd.Series({"contrib_ikm": -0.5, "contrib_ikm_delta": 0.8, "contrib_complaints_delta": 0.3})
    assert top_model_reasons(row) == ["ikm_delta", "complaints_delta"]
