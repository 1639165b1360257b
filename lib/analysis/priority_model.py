"""A second opinion on priorities: which units are likely to deteriorate next quarter.

A logistic regression on the unit × quarter panel learns, from past quarters,
how this quarter's evidence relates to next quarter's deterioration (an IKM
grade lost, or complaints rising sharply). It is validated *out of time*: fitted
on the earlier quarters and scored on later ones it never saw, as it will be
used. Logistic regression is chosen over a more flexible model because its
per-feature contributions (coefficient × standardised value) add up exactly to
the prediction's log-odds, so every flag comes with its reasons.

The model is shown per unit only when its out-of-time AUC reaches
:data:`MIN_AUC`, and then as low / medium / high risk with the deterioration
rate each band had on the test quarters, never as a bare percentage: with
``class_weight="balanced"`` the probabilities are not calibrated, and a "64 %"
from a model with AUC 0.65 would claim far more than it knows. The unit
predictions come from the model that was validated (fitted on the training
quarters only), so the figures shown beside them describe that very model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

FEATURES: tuple[str, ...] = (
    "ikm",
    "ikm_delta",
    "complaints_log",
    "complaints_delta",
    "pct_on_time",
    "mean_days_ratio",
    "skp_mean",
)
GRADE_ORDER = {"A": 4, "B": 3, "C": 2, "D": 1}
#: Complaints "rise" when next quarter has at least this many times as many, and at least RISE_MIN more.
RISE_FACTOR = 1.5
RISE_MIN = 3
MIN_QUARTERS = 6
MIN_POSITIVES = 5
#: Out-of-time AUC below this: the model is reported, but no unit's risk is shown.
MIN_AUC = 0.7
#: Risk bands by the test quarters' predicted probabilities: top 20 % high, next 30 % medium, rest low.
BAND_QUANTILES = (0.5, 0.8)
BANDS = ("low", "medium", "high")


def add_features_and_target(panel: pd.DataFrame) -> pd.DataFrame:
    """Features of quarter t and the deterioration target of quarter t+1, per unit.

    Rows whose next quarter is unknown keep ``target`` NaN (they are what the
    model predicts for).
    """
    frame = panel.sort_values(["unit_id", "quarter_start"]).copy()
    grouped = frame.groupby("unit_id", sort=False)
    frame["ikm_delta"] = frame["ikm"] - grouped["ikm"].shift(1)
    frame["complaints_log"] = np.log1p(frame["complaints"].astype(float))
    frame["complaints_delta"] = frame["complaints_log"] - grouped["complaints_log"].shift(1)
    frame["mean_days_ratio"] = frame["mean_days"] / grouped["mean_days"].shift(1)
    next_start = grouped["quarter_start"].shift(-1)
    next_grade = grouped["mutu"].shift(-1).map(GRADE_ORDER)
    next_complaints = grouped["complaints"].shift(-1)
    this_grade = frame["mutu"].map(GRADE_ORDER)
    consecutive = pd.Series(
        [
            isinstance(n, date) and (n.year * 12 + n.month) - (s.year * 12 + s.month) == 3
            for s, n in zip(frame["quarter_start"], next_start, strict=True)
        ],
        index=frame.index,
    )
    grade_lost = (next_grade < this_grade).where(next_grade.notna() & this_grade.notna())
    rising = (
        (next_complaints >= RISE_FACTOR * frame["complaints"])
        & (next_complaints >= frame["complaints"] + RISE_MIN)
    ).where(next_complaints.notna())
    target = (grade_lost.fillna(False).astype(bool) | rising.fillna(False).astype(bool)).astype(float)
    known = consecutive & (grade_lost.notna() | rising.notna())
    frame["target"] = target.where(known)
    return frame


@dataclass
class ModelResult:
    """The fitted model's out-of-time validation and its predictions for the latest quarter."""

    available: bool
    reason: str | None = None
    train_quarters: list[date] = field(default_factory=list)
    test_quarters: list[date] = field(default_factory=list)
    n_train: int = 0
    n_test: int = 0
    base_rate_test: float = float("nan")
    auc: float = float("nan")
    balanced_accuracy: float = float("nan")
    #: unit_id, quarter_start, probability, and contrib_<feature> (log-odds contributions)
    predictions: pd.DataFrame = field(default_factory=pd.DataFrame)
    coefficients: dict[str, float] = field(default_factory=dict)
    #: probability edges between low|medium and medium|high (from the test quarters)
    band_edges: tuple[float, float] = (float("nan"), float("nan"))
    #: per band, the share of test unit-quarters that did deteriorate, and how many there were
    band_rates: dict[str, float] = field(default_factory=dict)
    band_counts: dict[str, int] = field(default_factory=dict)

    @property
    def shown(self) -> bool:
        """Whether per-unit risk may be shown: fitted, and good enough out of time."""
        return self.available and bool(self.auc >= MIN_AUC)


def risk_band(probability: np.ndarray | pd.Series, edges: tuple[float, float]) -> np.ndarray:
    """``low`` / ``medium`` / ``high`` for each probability (NaN stays None)."""
    values = np.asarray(probability, dtype=float)
    bands = np.where(values >= edges[1], "high", np.where(values >= edges[0], "medium", "low")).astype(object)
    bands[~np.isfinite(values)] = None
    return bands


def _pipeline() -> Pipeline:
    return Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
            ("model", LogisticRegression(C=0.5, class_weight="balanced", max_iter=1000)),
        ]
    )


def _contributions(pipeline: Pipeline, features: pd.DataFrame) -> pd.DataFrame:
    scaled = pipeline.named_steps["scale"].transform(pipeline.named_steps["impute"].transform(features))
    coef = pipeline.named_steps["model"].coef_[0]
    return pd.DataFrame(scaled * coef, columns=[f"contrib_{f}" for f in FEATURES], index=features.index)


def fit_deterioration_model(panel: pd.DataFrame, test_share: float = 0.3) -> ModelResult:
    """Fit on early quarters, validate on the later ``test_share`` of labelled quarters, and with
    that validated model predict next-quarter deterioration for the latest quarter, in risk bands.

    Returns ``available=False`` with a reason when history is too short or has
    too few deteriorations to learn from.
    """
    frame = add_features_and_target(panel)
    labelled = frame[frame["target"].notna()]
    quarters = sorted(labelled["quarter_start"].unique())
    if len(quarters) < MIN_QUARTERS:
        return ModelResult(False, reason="history", n_train=len(labelled))
    n_test_q = max(2, int(round(len(quarters) * test_share)))
    train_q, test_q = quarters[:-n_test_q], quarters[-n_test_q:]
    train = labelled[labelled["quarter_start"].isin(train_q)]
    test = labelled[labelled["quarter_start"].isin(test_q)]
    if train["target"].sum() < MIN_POSITIVES or train["target"].nunique() < 2:
        return ModelResult(False, reason="positives", n_train=len(train))

    pipeline = _pipeline().fit(train[list(FEATURES)], train["target"].astype(int))
    probability = pipeline.predict_proba(test[list(FEATURES)])[:, 1]
    y_test = test["target"].astype(int)
    auc = roc_auc_score(y_test, probability) if y_test.nunique() == 2 else float("nan")
    balanced = balanced_accuracy_score(y_test, probability >= 0.5) if y_test.nunique() == 2 else float("nan")

    edges = (
        float(np.quantile(probability, BAND_QUANTILES[0])),
        float(np.quantile(probability, BAND_QUANTILES[1])),
    )
    test_bands = risk_band(probability, edges)
    band_rates = {
        b: float(y_test[test_bands == b].mean()) if (test_bands == b).any() else np.nan for b in BANDS
    }
    band_counts = {b: int((test_bands == b).sum()) for b in BANDS}

    latest = frame["quarter_start"].max()
    current = frame[frame["quarter_start"] == latest]
    predictions = current[["unit_id", "quarter_start"]].copy()
    predictions["probability"] = pipeline.predict_proba(current[list(FEATURES)])[:, 1]
    predictions["risk_band"] = risk_band(predictions["probability"], edges)
    predictions = pd.concat([predictions, _contributions(pipeline, current[list(FEATURES)])], axis=1)
    return ModelResult(
        True,
        train_quarters=list(train_q),
        test_quarters=list(test_q),
        n_train=len(train),
        n_test=len(test),
        base_rate_test=float(y_test.mean()),
        auc=float(auc),
        balanced_accuracy=float(balanced),
        predictions=predictions.reset_index(drop=True),
        coefficients=dict(zip(FEATURES, pipeline.named_steps["model"].coef_[0], strict=True)),
        band_edges=edges,
        band_rates=band_rates,
        band_counts=band_counts,
    )


def top_model_reasons(row: pd.Series, k: int = 2) -> list[str]:
    """The features pushing this unit's predicted risk up the most (positive contributions only)."""
    contributions = {f: row.get(f"contrib_{f}", np.nan) for f in FEATURES}
    positive = [(v, f) for f, v in contributions.items() if np.isfinite(v) and v > 0]
    return [f for _v, f in sorted(positive, reverse=True)[:k]]
